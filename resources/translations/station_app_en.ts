<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="216" />
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="217" />
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="218" />
        <source>Trạm</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="219" />
        <source>Cài đặt máy này</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="220" />
        <source>Nhật ký kiểm tra</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="221" />
        <source>Thêm tài khoản…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="222" />
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="224" />
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="224" />
        <source>Tên trạm</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="224" />
        <source>Điểm khám</source>
        <translation>Exam site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="225" />
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="225" />
        <source>Đợt khám</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="227" />
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="228" />
        <source>Tự khoá sau (phút, 0 = không khoá)</source>
        <translation>Lock after (minutes, 0 = never)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="229" />
        <source>Lưu cài đặt</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="231" />
        <source>Mỗi lần đăng nhập, thay đổi, in và xuất dữ liệu đều được ghi vào nhật ký có chuỗi băm. Kiểm tra để phát hiện sự kiện bị sửa hoặc xoá.</source>
        <translation>Every sign-in, change, print and export is written to a hash-chained log. Verify it to detect edited or deleted events.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="233" />
        <source>Kiểm tra nhật ký</source>
        <translation>Verify the log</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="273" />
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="273" />
        <source>Cổng COM</source>
        <translation>COM port</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="274" />
        <source>Tốc độ cổng (baud)</source>
        <translation>Port speed (baud)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="274" />
        <location filename="../../station_app/ui/pages/admin.py" line="278" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="275" />
        <source>Khổ phiếu khám</source>
        <translation>Visit slip size</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="277" />
        <source>Máy quét dạng bàn phím</source>
        <translation>Keyboard-mode scanner</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="277" />
        <source>Máy quét cổng COM (serial)</source>
        <translation>COM port (serial) scanner</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="280" />
        <source>A6 (giấy thường)</source>
        <translation>A6 (plain paper)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="280" />
        <source>Nhãn 62×100 mm</source>
        <translation>Label 62×100 mm</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="281" />
        <source>Nhãn 50×80 mm</source>
        <translation>Label 50×80 mm</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="283" />
        <source>Camera mặc định của máy</source>
        <translation>This computer's default camera</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="284" />
        <source>vd. COM3</source>
        <translation>e.g. COM3</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="285" />
        <source>Chọn cổng trong danh sách, hoặc gõ tên cổng, ví dụ COM3 hoặc /dev/ttyACM0. Bấm Tìm lại sau khi cắm máy quét.</source>
        <translation>Choose a port from the list, or type the port name, for example COM3 or /dev/ttyACM0. Click Refresh after plugging in the scanner.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="287" />
        <location filename="../../station_app/ui/pages/admin.py" line="288" />
        <source>Tìm lại</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="342" />
        <source>Mở khoá tài khoản</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="343" />
        <source>Khoá tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="362" />
        <source>Đã thêm tài khoản {name}.</source>
        <translation>Account {name} added.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="371" />
        <source>Đã mở khoá tài khoản {name}.</source>
        <translation>Account {name} enabled.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="372" />
        <source>Đã khoá tài khoản {name}.</source>
        <translation>Account {name} disabled.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="384" />
        <source>Đã đặt mật khẩu mới cho {name}.</source>
        <translation>New password set for {name}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="398" />
        <source>Không lưu được cài đặt (ổ đĩa đầy hoặc không ghi được). Cài đặt chỉ có hiệu lực đến khi đóng ứng dụng; hãy giải phóng ổ đĩa rồi lưu lại.</source>
        <translation>The settings could not be saved (the disk is full or not writable). They apply until the app is closed; free some disk space and save again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="403" />
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="408" />
        <source>Đang kiểm tra nhật ký…</source>
        <translation>Verifying the log…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="413" />
        <source>Nhật ký toàn vẹn: {n} sự kiện, chuỗi băm khớp.</source>
        <translation>The log is intact: {n} events, the hash chain matches.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="417" />
        <source>Nhật ký KHÔNG toàn vẹn từ sự kiện số {seq}. Hãy báo ngay cho cán bộ phụ trách.</source>
        <translation>The log is NOT intact from event number {seq}. Report this to the person in charge at once.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="132" />
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="133" />
        <source>Người quản lý tài khoản và cài đặt của trạm. Hãy ghi nhớ mật khẩu này.</source>
        <translation>The person who manages the station's accounts and settings. Remember this password.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="141" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="142" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="143" />
        <source>Mật khẩu (ít nhất 6 ký tự)</source>
        <translation>Password (at least 6 characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="144" />
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="153" />
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>CameraScannerWidget</name>
    <message>
        <location filename="../../station_app/ui/scanning/camera_scanner.py" line="241" />
        <source>Không tìm thấy camera. Hãy cắm webcam vào máy tính (ứng dụng tự nhận), hoặc dùng máy quét mã hay mở ảnh chụp mã QR.</source>
        <translation>No camera found. Please plug a webcam into the computer (the app detects it automatically), or use a code scanner or open a photo of the QR code.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/camera_scanner.py" line="243" />
        <source>Không dùng được camera ({detail}). Nếu camera đang mở trong ứng dụng khác (Zalo, Zoom, Camera), hãy đóng ứng dụng đó rồi bật lại camera.</source>
        <translation>Cannot use the camera ({detail}). If the camera is open in another app (Zalo, Zoom, Camera), please close that app and then turn the camera on again.</translation>
    </message>
</context>
<context>
    <name>CampaignPage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="106" />
        <source>Đợt khám</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="107" />
        <source>Đợt khám sức khỏe định kỳ miễn phí mà trạm đang thực hiện.</source>
        <translation>The free periodic health check-up campaign the station is running.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="110" />
        <source>Khám sức khỏe định kỳ miễn phí {year}</source>
        <translation>Free periodic health check-up {year}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="119" />
        <source>Tên đợt khám</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="120" />
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="121" />
        <source>Ngày bắt đầu</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="122" />
        <source>Ngày kết thúc</source>
        <translation>End date</translation>
    </message>
</context>
<context>
    <name>ChooseDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/choose.py" line="34" />
        <source>Chọn người này (Enter)</source>
        <translation>Select this person (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/choose.py" line="34" />
        <source>Chọn (Enter)</source>
        <translation>Select (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/choose.py" line="42" />
        <source>Huỷ (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>DifferencesDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="35" />
        <source>Thông tin trên thẻ khác hồ sơ</source>
        <translation>Card details differ from the record</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="38" />
        <source>Thẻ vừa quét có thông tin khác với hồ sơ đã lưu</source>
        <translation>The card just scanned has details that differ from the saved record</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="39" />
        <source>Hỏi lại người dân. Đánh dấu những thông tin cần cập nhật theo thẻ, rồi bấm "Cập nhật theo thẻ". Bỏ đánh dấu để giữ như cũ.</source>
        <translation>Please check with the resident. Tick the details that should be updated from the card, then click "Update from card". Untick to keep them as they are.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="43" />
        <source>Thông tin</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="43" />
        <source>Trong hồ sơ</source>
        <translation>In record</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="43" />
        <source>Trên thẻ</source>
        <translation>On card</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="57" />
        <source>Cập nhật theo thẻ (Enter)</source>
        <translation>Update from card (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="61" />
        <source>Giữ như cũ (Esc)</source>
        <translation>Keep as is (Esc)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="85" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="85" />
        <source>Số CCCD</source>
        <translation>CCCD no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="86" />
        <source>Số CMND cũ</source>
        <translation>Old ID no. (CMND)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="86" />
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="87" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="87" />
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="87" />
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="88" />
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="88" />
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="89" />
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="94" />
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="71" />
        <source>Khám</source>
        <translation>Examination</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="72" />
        <source>Ghi dấu hiệu sinh tồn, kết quả khám theo chuyên khoa, phân loại sức khỏe, tư vấn và chuyển tuyến.</source>
        <translation>Record vital signs, findings by specialty, the health class, counselling and referrals.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="74" />
        <source>Phiên bản này chưa có phiếu khám; chức năng sẽ được bổ sung ở bản cập nhật tới.</source>
        <translation>This version has no examination form yet; it comes in the next update.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="75" />
        <source>người đang chờ khám</source>
        <translation>people waiting</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="75" />
        <source>lượt đã khám xong hôm nay</source>
        <translation>visits completed today</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="127" />
        <source>Xuất dữ liệu</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="128" />
        <source>Cuối ngày, xuất gói dữ liệu đã ký và mã hoá ra USB hoặc gửi qua mạng đến cơ quan y tế tiếp nhận.</source>
        <translation>At the end of the day, export a signed, encrypted batch to a USB stick or over the network to the receiving health office.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="130" />
        <source>Phiên bản này chưa xuất được gói dữ liệu; chức năng sẽ được bổ sung ở bản cập nhật tới. Dữ liệu vẫn được lưu an toàn trên máy.</source>
        <translation>This version cannot export batches yet; it comes in the next update. The data stays safely stored on this computer.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="132" />
        <source>gói dữ liệu đã xuất</source>
        <translation>batches exported</translation>
    </message>
</context>
<context>
    <name>ImageInput</name>
    <message>
        <location filename="../../station_app/ui/scanning/image_input.py" line="38" />
        <source>Chọn ảnh có mã QR</source>
        <translation>Choose an image with a QR code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/image_input.py" line="39" />
        <source>Ảnh (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;Mọi tệp (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/image_input.py" line="60" />
        <source>Bộ nhớ tạm (clipboard) không có ảnh. Hãy chụp màn hình hoặc sao chép ảnh có mã QR rồi dán lại.</source>
        <translation>The clipboard does not contain an image. Please take a screenshot or copy an image containing the QR code, then paste again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/image_input.py" line="69" />
        <source>Không thấy mã QR nào trong ảnh. Hãy dùng ảnh rõ nét, chụp thẳng và đủ sáng, mã QR không bị che hay cắt mất góc.</source>
        <translation>No QR code found in the image. Please use a sharp, well-lit image taken straight on, with the QR code not covered and no corners cut off.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/image_input.py" line="83" />
        <source>Không đọc được ảnh này. Hãy thử ảnh khác hoặc quét mã trực tiếp.</source>
        <translation>Cannot read this image. Please try another image or scan the code directly.</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="109" />
        <source>Nhập danh sách người dân…</source>
        <translation>Import resident list…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="110" />
        <source>Danh sách</source>
        <translation>Lists</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="111" />
        <source>Danh sách khám trong ngày, danh sách người chưa khám theo thôn/bản để vận động, và tiến độ theo nhóm đối tượng.</source>
        <translation>The day's exam lists, lists of residents not yet examined by village for mobilisation, and progress by target group.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="113" />
        <source>Phiên bản này chưa in được danh sách; chức năng sẽ được bổ sung ở bản cập nhật tới.</source>
        <translation>This version cannot print lists yet; it comes in the next update.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="114" />
        <source>người dân trong danh sách</source>
        <translation>residents on the roster</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="114" />
        <source>lượt đăng ký hôm nay</source>
        <translation>visits registered today</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="115" />
        <source>lượt đã khám xong hôm nay</source>
        <translation>visits completed today</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="95" />
        <source>Máy đã khoá</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="96" />
        <source>Máy tự khoá vì lâu không dùng. {name}, hãy nhập mật khẩu để tiếp tục.</source>
        <translation>The computer locked itself after being idle. {name}, enter your password to continue.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="98" />
        <source>Mở khoá</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="99" />
        <source>Đăng nhập tài khoản khác</source>
        <translation>Sign in as someone else</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="41" />
        <source>Tiếp đón</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="42" />
        <source>Khám</source>
        <translation>Examination</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="43" />
        <source>Danh sách</source>
        <translation>Lists</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="44" />
        <source>Xuất dữ liệu</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="45" />
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="265" />
        <source>Khám sức khỏe định kỳ — {station}</source>
        <translation>Periodic health check-up — {station}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="266" />
        <location filename="../../station_app/ui/main_window.py" line="275" />
        <source>Khám sức khỏe định kỳ</source>
        <translation>Periodic health check-up</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="286" />
        <source>Dữ liệu lưu tại: {folder}</source>
        <translation>Data stored in: {folder}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="283" />
        <source>Khoá máy</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="284" />
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>OpenVisitDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="84" />
        <source>Mở lượt khám</source>
        <translation>Open visit</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="86" />
        <source>Mở lượt khám cho {name}</source>
        <translation>Open a visit for {name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="87" />
        <source>Sinh {birth} · {sex} · {place}</source>
        <translation>Born {birth} · {sex} · {place}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="89" />
        <source>chưa rõ địa chỉ</source>
        <translation>address unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="93" />
        <source>Ví dụ: khám lại theo yêu cầu của bác sĩ; lần trước chưa khám xong</source>
        <translation>e.g. re-examination requested by the doctor; previous check-up not completed</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="97" />
        <source>Lý do khám lần hai *</source>
        <translation>Reason for second visit *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="104" />
        <source>Nhóm đối tượng</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="115" />
        <source>Nguồn kinh phí</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="117" />
        <source>Đồng ý xử lý dữ liệu cá nhân (đọc cho người dân nghe)</source>
        <translation>Consent to the processing of personal data (read aloud to the resident)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="121" />
        <source>Người dân tự đồng ý</source>
        <translation>Resident consents for themselves</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="122" />
        <source>Người giám hộ đồng ý thay (trẻ em, người không tự quyết định được)</source>
        <translation>Guardian consents on their behalf (children, people unable to decide for themselves)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="129" />
        <source>Mẹ</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="129" />
        <source>Bố</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="129" />
        <source>Ông</source>
        <translation>Grandfather</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="129" />
        <source>Bà</source>
        <translation>Grandmother</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="130" />
        <source>Anh/chị</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="130" />
        <source>Người nuôi dưỡng</source>
        <translation>Carer</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="135" />
        <source>Họ và tên người giám hộ *</source>
        <translation>Guardian's full name *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="136" />
        <source>Quan hệ *</source>
        <translation>Relationship *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="139" />
        <source>Người ghi nhận sự đồng ý: {name}</source>
        <translation>Consent recorded by: {name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="150" />
        <source>Đồng ý và mở lượt khám (Enter)</source>
        <translation>Confirm consent and open visit (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="154" />
        <source>Huỷ (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="170" />
        <source>Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Chỉ mở lượt khám lần hai khi thật sự cần, và ghi lý do (được lưu vào nhật ký).</source>
        <translation>This person has already been registered for a check-up in this round on {date} at {site}. Only open a second visit when it is really necessary, and enter a reason (it will be recorded in the audit log).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="189" />
        <source>Ngân sách nhà nước (miễn phí)</source>
        <translation>State budget (free of charge)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="190" />
        <source>Bảo hiểm y tế</source>
        <translation>Health insurance</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="191" />
        <source>Cơ quan, đơn vị chi trả</source>
        <translation>Paid by agency or organisation</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="192" />
        <source>Người dân tự chi trả</source>
        <translation>Paid by the resident</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="193" />
        <source>Nguồn khác</source>
        <translation>Other source</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="217" />
        <source>Hãy ghi họ tên và quan hệ của người giám hộ đồng ý thay, hoặc chọn "Người dân tự đồng ý".</source>
        <translation>Please enter the full name and relationship of the guardian consenting on their behalf, or select "Resident consents for themselves".</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="222" />
        <source>Hãy ghi lý do khám lần hai rồi bấm lại, hoặc bấm Huỷ.</source>
        <translation>Please enter the reason for the second visit and click again, or click Cancel.</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="168" />
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="168" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="168" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="453" />
        <source>Tiếp đón</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="454" />
        <source>Quét thẻ hoặc gõ tên, số CCCD, số BHYT, năm sinh, thôn/bản…</source>
        <translation>Scan a card, or type a name, CCCD no., health insurance no., birth year, village…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="455" />
        <source>Nhập tay người không có thẻ (F2)</source>
        <translation>Enter a person without a card (F2)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="456" />
        <source>Tắt camera (F4)</source>
        <translation>Camera off (F4)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="457" />
        <source>Bật camera (F4)</source>
        <translation>Camera on (F4)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="458" />
        <source>Mở ảnh… (Ctrl+O)</source>
        <translation>Open picture… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="459" />
        <source>Dán ảnh (Ctrl+V)</source>
        <translation>Paste picture (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="460" />
        <source>Kết quả tìm kiếm</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="461" />
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="462" />
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="463" />
        <source>Mở lượt khám (Enter)</source>
        <translation>Open a visit (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="464" />
        <source>Hàng đợi hôm nay</source>
        <translation>Today's queue</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="465" />
        <source>In lại phiếu (Ctrl+P)</source>
        <translation>Reprint slip (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="466" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="474" />
        <source>Máy quét bàn phím: sẵn sàng</source>
        <translation>Keyboard scanner: ready</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="476" />
        <source>Cổng COM: chưa chọn (Quản trị › Cài đặt máy này)</source>
        <translation>COM port: not chosen (Administration › This computer)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="478" />
        <source>Máy quét cổng {port}: đã kết nối</source>
        <translation>Scanner on {port}: connected</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="480" />
        <source>Máy quét cổng {port}: {state}</source>
        <translation>Scanner on {port}: {state}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="482" />
        <source>Camera: đang bật</source>
        <translation>Camera: on</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="482" />
        <source>Camera: tắt</source>
        <translation>Camera: off</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="491" />
        <source>Gõ ít nhất một chữ của tên, hoặc số CCCD, số BHYT, năm sinh, tên thôn/bản.</source>
        <translation>Type at least one letter of the name, or a CCCD no., health insurance no., birth year or village.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="493" />
        <source>Không tìm thấy ai. Kiểm tra lại chính tả, hoặc bấm F2 để nhập người mới.</source>
        <translation>Nobody found. Check the spelling, or press F2 to enter a new person.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="495" />
        <source>Người {first}–{last}{more}. Mũi tên lên/xuống để chọn, Enter để nhận.</source>
        <translation>People {first}–{last}{more}. Up/Down arrows to choose, Enter to take.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="668" />
        <source>Hãy hoàn tất hoặc đóng hộp thoại đang mở, rồi quét lại.</source>
        <translation>Finish or close the open dialog, then scan again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="703" />
        <source>Phiếu khám số {number} ngày {date}: {name}.</source>
        <translation>Visit slip no. {number} of {date}: {name}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="715" />
        <source>Lượt khám trên phiếu này không có trong máy này (phiếu in ở máy khác chưa chuyển dữ liệu sang). Đã tìm theo tên trên phiếu; hãy chọn người đó rồi mở lượt khám.</source>
        <translation>The visit on this slip is not on this computer (the slip was printed on another one whose data has not been brought over). The name on the slip has been searched; choose the person, then open a visit.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="732" />
        <source>Đã cập nhật hồ sơ theo thẻ.</source>
        <translation>The record has been updated from the card.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="738" />
        <source>{name} · sinh {birth} · {place} · CCCD {id}</source>
        <translation>{name} · born {birth} · {place} · CCCD {id}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="741" />
        <source>Có thể đã có người này</source>
        <translation>This person may already be registered</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="742" />
        <source>Thẻ vừa quét chưa khớp chắc chắn với ai, nhưng có người gần giống. Hỏi lại người dân: nếu là một trong số này, chọn người đó; nếu không, chọn "Người mới". Hồ sơ không bao giờ được gộp tự động.</source>
        <translation>The card just scanned matches nobody for certain, but some people are close. Ask the resident: if they are one of these, choose that person; if not, choose "New person". Records are never merged automatically.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="745" />
        <source>Người mới (F2)</source>
        <translation>New person (F2)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="781" />
        <source>Đã lưu người mới: {name}. Bấm Enter để mở lượt khám.</source>
        <translation>New person saved: {name}. Press Enter to open a visit.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="794" />
        <source>Có nhiều mã trong hình</source>
        <translation>Several codes in view</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="795" />
        <source>Camera hoặc ảnh có {count} mã QR cùng lúc. Hãy chọn mã của người đang được tiếp đón.</source>
        <translation>The camera or picture shows {count} QR codes at once. Choose the code of the person being received.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="803" />
        <source>Thẻ CCCD</source>
        <translation>CCCD card</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="803" />
        <source>Thẻ BHYT</source>
        <translation>Health insurance card</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="804" />
        <source>Phiếu khám</source>
        <translation>Visit slip</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="804" />
        <source>Mã không phải thẻ</source>
        <translation>Not a card code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="807" />
        <source>{kind}: {name}, sinh {birth}</source>
        <translation>{kind}: {name}, born {birth}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="849" />
        <source>Đang tải thông tin điểm khám; hãy thử lại sau một giây.</source>
        <translation>Loading the exam site; try again in a second.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="859" />
        <source>Đã mở lượt khám số {number} cho {name}. Đang in phiếu…</source>
        <translation>Visit no. {number} opened for {name}. Printing the slip…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="876" />
        <source>Hãy chọn một người trong hàng đợi hôm nay rồi bấm "In lại phiếu".</source>
        <translation>Choose a person in today's queue, then press "Reprint slip".</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="883" />
        <source>Đã gửi phiếu số {number} đến máy in. Mời người tiếp theo.</source>
        <translation>Slip no. {number} sent to the printer. Next person, please.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="890" />
        <source>Chưa in phiếu. Khi máy in sẵn sàng, chọn người trong hàng đợi hôm nay rồi bấm Ctrl+P.</source>
        <translation>The slip was not printed. When the printer is ready, choose the person in today's queue and press Ctrl+P.</translation>
    </message>
</context>
<context>
    <name>ResidentCard</name>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="210" />
        <source>Quét thẻ CCCD, thẻ BHYT hoặc phiếu khám (bằng máy quét, camera hay ảnh), hoặc gõ tên vào ô tìm kiếm. Người không có thẻ: bấm F2 để nhập tay.</source>
        <translation>Scan a CCCD card, health insurance card or visit slip (scanner, camera or picture), or type a name in the search field. People without a card: press F2 to enter them by hand.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="220" />
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="220" />
        <source>{birth} ({age} tuổi)</source>
        <translation>{birth} ({age} years)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="221" />
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="222" />
        <source>Số CCCD</source>
        <translation>CCCD no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="222" />
        <location filename="../../station_app/ui/pages/reception.py" line="223" />
        <source>chưa có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="223" />
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="224" />
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="224" />
        <source>chưa rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="226" />
        <source>Đối tượng</source>
        <translation type="unfinished">Target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="228" />
        <source>Người giám hộ</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="238" />
        <source>Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Mở lượt khám lần hai cần ghi lý do.</source>
        <translation>This person was already registered in this campaign on {date} at {site}. A second visit needs a reason.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="242" />
        <source>Lượt khám hôm nay: số thứ tự {number}</source>
        <translation>Today's visit: queue no. {number}</translation>
    </message>
</context>
<context>
    <name>ResidentFormDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="79" />
        <source>Xác nhận người mới từ thẻ</source>
        <translation>Confirm new person from card</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="79" />
        <source>Nhập tay người không có thẻ</source>
        <translation>Enter a person without a card manually</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="82" />
        <source>Người này chưa có trong danh sách. Hãy đối chiếu thông tin đọc từ thẻ với người dân, rồi bấm Lưu.</source>
        <translation>This person is not on the list yet. Please check the details read from the card against the resident, then click Save.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="84" />
        <source>Dùng cho người không mang thẻ (trẻ nhỏ, một số người cao tuổi). Ô có dấu * là bắt buộc. Với trẻ em, ghi họ tên và quan hệ của người giám hộ.</source>
        <translation>For people without a card (young children, some elderly people). Fields marked * are required. For children, enter the guardian's full name and relationship.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="92" />
        <source>— chọn —</source>
        <translation>— select —</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="93" />
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="93" />
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="93" />
        <source>Không rõ</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="96" />
        <source>ngày/tháng/năm, hoặc chỉ năm sinh</source>
        <translation>dd/mm/yyyy, or year of birth only</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="98" />
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="100" />
        <source>15 ký tự trên thẻ, hoặc mã số BHXH 10 chữ số</source>
        <translation>15 characters on the card, or 10-digit social insurance number</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="111" />
        <source>Mẹ</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="111" />
        <source>Bố</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="111" />
        <source>Ông</source>
        <translation>Grandfather</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="111" />
        <source>Bà</source>
        <translation>Grandmother</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="112" />
        <source>Anh/chị</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="112" />
        <source>Người nuôi dưỡng</source>
        <translation>Carer</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="118" />
        <source>Họ và tên *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="118" />
        <source>Giới tính *</source>
        <translation>Sex *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="119" />
        <source>Ngày sinh hoặc năm sinh *</source>
        <translation>Date or year of birth *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="120" />
        <source>Số CCCD</source>
        <translation>CCCD no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="121" />
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="122" />
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="122" />
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="123" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="123" />
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="126" />
        <source>Người giám hộ (với trẻ em)</source>
        <translation>Guardian (for children)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="129" />
        <source>Họ và tên người giám hộ</source>
        <translation>Guardian's full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="130" />
        <source>Quan hệ với trẻ</source>
        <translation>Relationship to child</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="131" />
        <source>Nhóm đối tượng</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="137" />
        <source>Lưu (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="141" />
        <source>Huỷ (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="216" />
        <source>Ghi ngày sinh dạng 15/05/2002, hoặc chỉ năm sinh (2002).</source>
        <translation>Enter the date of birth as 15/05/2002, or just the year of birth (2002).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="222" />
        <source>Ghi họ tên người giám hộ, hoặc xoá ô quan hệ.</source>
        <translation>Enter the guardian's full name, or clear the relationship field.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="255" />
        <source>Hãy sửa ô được báo đỏ rồi bấm Lưu.</source>
        <translation>Please correct the fields marked in red, then click Save.</translation>
    </message>
</context>
<context>
    <name>ResidentsTableModel</name>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="125" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="125" />
        <source>Năm sinh</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="125" />
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="125" />
        <source>Số CCCD / BHYT</source>
        <translation>CCCD / insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="126" />
        <source>Đã khám</source>
        <translation>Examined</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="163" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="163" />
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="163" />
        <source>Năm sinh</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="164" />
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="164" />
        <source>Số CCCD/định danh</source>
        <translation>CCCD/ID no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="165" />
        <source>Số CMND cũ</source>
        <translation>Old ID no. (CMND)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="165" />
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="166" />
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="166" />
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="166" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="167" />
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="167" />
        <source>Đối tượng</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="167" />
        <source>Trường học</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="168" />
        <source>Lớp</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="168" />
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="168" />
        <source>Mã hộ</source>
        <translation>Household code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="169" />
        <source>Người giám hộ</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="169" />
        <source>Quan hệ với người giám hộ</source>
        <translation>Relationship to guardian</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="178" />
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="179" />
        <source>Nhập danh sách người dân</source>
        <translation>Import resident list</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="181" />
        <source>Chọn tệp CSV hoặc Excel (.xlsx) danh sách người dân của xã. Kiểm tra cột nào ghép vào trường nào ở dòng đầu bảng xem trước, rồi bấm Nhập. Nhập lại cùng tệp không tạo người trùng.</source>
        <translation>Choose the commune's resident list as a CSV or Excel (.xlsx) file. Check which column is mapped to which field in the top row of the preview table, then click Import. Importing the same file again does not create duplicate residents.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="183" />
        <source>Chưa chọn tệp</source>
        <translation>No file selected</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="184" />
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="185" />
        <source>Huỷ nhập</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="186" />
        <source>Nhập danh sách</source>
        <translation>Import list</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="187" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="188" />
        <source>Kết quả nhập</source>
        <translation>Import results</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="189" />
        <source>Số dòng đã đọc</source>
        <translation>Rows read</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="189" />
        <source>Thêm mới</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="189" />
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="189" />
        <source>Không đổi</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="190" />
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="193" />
        <source>Mở thư mục chứa danh sách bị từ chối</source>
        <translation>Open folder containing the rejected rows</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="196" />
        <source>(bỏ qua)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="200" />
        <source>Ghép vào</source>
        <translation>Map to</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="209" />
        <source>Chọn tệp danh sách người dân</source>
        <translation>Choose resident list file</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="210" />
        <source>Danh sách (*.csv *.xlsx *.xlsm *.txt);;Mọi tệp (*)</source>
        <translation>Lists (*.csv *.xlsx *.xlsm *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="244" />
        <source>Tệp không có dòng tiêu đề nào. Hãy chọn đúng tệp danh sách.</source>
        <translation>The file has no header row. Please choose the correct list file.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="263" />
        <source>Cách ghép cột lần trước cho tệp có cùng dòng tiêu đề đã được dùng lại.</source>
        <translation>The column mapping used last time for a file with the same header row has been reused.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="265" />
        <source>Cột được đoán theo dòng tiêu đề; hãy kiểm tra và sửa nếu cần.</source>
        <translation>Columns were guessed from the header row; please check them and correct if needed.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="268" />
        <source>Bảng mã của tệp: {encoding}.</source>
        <translation>File encoding: {encoding}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="286" />
        <source>Trường “{field}” được chọn cho hai cột. Mỗi trường chỉ ghép với một cột.</source>
        <translation>Field “{field}” is selected for two columns. Each field can be mapped to only one column.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="289" />
        <source>Cần chọn cột Họ và tên và cột Ngày sinh hoặc Năm sinh.</source>
        <translation>Please select the Full name column and either the Date of birth or the Year of birth column.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="339" />
        <source>%v / %m dòng</source>
        <translation>%v / %m rows</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="351" />
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="380" />
        <source>Các dòng bị từ chối, kèm số dòng và lý do, đã được ghi vào tệp:
{path}
Hãy sửa các dòng đó trong tệp gốc rồi nhập lại; những dòng đã nhập sẽ không bị trùng.</source>
        <translation>The rejected rows, with their row numbers and reasons, have been written to the file:
{path}
Please correct those rows in the original file and import it again; rows already imported will not be duplicated.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="383" />
        <source>Không có dòng nào bị từ chối.</source>
        <translation>No rows were rejected.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="386" />
        <source>Đã nhập xong danh sách.</source>
        <translation>The list has been imported.</translation>
    </message>
</context>
<context>
    <name>SerialScanner</name>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="86" />
        <source>Chưa chọn cổng máy quét.</source>
        <translation>No scanner port selected.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="87" />
        <source>Máy quét đã kết nối, sẵn sàng quét.</source>
        <translation>Scanner connected and ready to scan.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="88" />
        <source>Đang chờ máy quét: hãy cắm máy quét vào máy tính (ứng dụng tự kết nối lại).</source>
        <translation>Waiting for the scanner: please plug the scanner into the computer (the app will reconnect automatically).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="89" />
        <source>Không mở được cổng máy quét: cổng đang bị chương trình khác dùng hoặc không có quyền. Hãy đóng chương trình đó; ứng dụng sẽ tự thử lại.</source>
        <translation>Cannot open the scanner port: the port is in use by another program or access is denied. Please close that program; the app will retry automatically.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="151" />
        <source>Mã vừa quét bị thiếu phần cuối. Hãy quét lại; nếu vẫn lỗi, hãy đặt máy quét gửi phím Enter (CR) sau mỗi mã.</source>
        <translation>The end of the scanned code is missing. Please scan again; if the error persists, set the scanner to send Enter (CR) after each code.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="158" />
        <source>Mã vừa quét không đọc được (không phải chữ UTF-8). Hãy đặt máy quét ở chế độ UTF-8 rồi quét lại.</source>
        <translation>The scanned code could not be read (not UTF-8 text). Please set the scanner to UTF-8 mode and scan again.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="166" />
        <source>Thiết lập trạm lần đầu</source>
        <translation>First-time station set-up</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="173" />
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="174" />
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="175" />
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="176" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="199" />
        <source>Đang tạo dữ liệu trạm…</source>
        <translation>Creating the station…</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="76" />
        <location filename="../../station_app/ui/sign_in.py" line="80" />
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="77" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="77" />
        <source>Mật khẩu hoặc mã PIN</source>
        <translation>Password or PIN</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="78" />
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="82" />
        <source>Đang mở dữ liệu của trạm…</source>
        <translation>Opening the station's data…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="108" />
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter your user name and password.</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="66" />
        <source>Điểm khám</source>
        <translation>Exam site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="67" />
        <source>Nơi đặt máy: trạm y tế xã, hoặc điểm khám lưu động ở một thôn/bản.</source>
        <translation>Where this computer works: the commune health station, or a mobile site in a village.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="70" />
        <source>Trạm y tế xã/phường</source>
        <translation>Commune health station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="71" />
        <source>Điểm khám lưu động</source>
        <translation>Mobile exam site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="83" />
        <source>chỉ với điểm lưu động, ví dụ Bản Nà Khum</source>
        <translation>mobile sites only, e.g. Bản Nà Khum</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="84" />
        <source>Loại điểm khám</source>
        <translation>Kind of site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="85" />
        <source>Xã/phường (Lai Châu)</source>
        <translation>Commune/ward (Lai Châu)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="86" />
        <source>Tên điểm khám</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="87" />
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
</context>
<context>
    <name>SlipPrinter</name>
    <message>
        <location filename="../../station_app/ui/printing.py" line="145" />
        <source>Không in được phiếu. Hãy kiểm tra máy in đã bật và có giấy, rồi bấm "In lại phiếu". Tệp phiếu đã lưu tại: {path}</source>
        <translation>Could not print the slip. Please check that the printer is switched on and has paper, then click "Reprint slip". The slip file has been saved to: {path}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="152" />
        <source>Không tạo được phiếu khám. Lượt khám vẫn được lưu; hãy bấm "In lại phiếu" trong danh sách hôm nay để thử lại.</source>
        <translation>Could not create the visit slip. The visit has still been saved; click "Reprint slip" in today's list to try again.</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="49" />
        <source>Trạm y tế</source>
        <translation>Health station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="50" />
        <source>Máy này thuộc trạm nào? Mã trạm do Trung tâm Y tế cấp, ví dụ TYT-MUONGKIM.</source>
        <translation>Which station does this computer belong to? The district health centre gives the code, e.g. TYT-MUONGKIM.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="56" />
        <source>Trạm Y tế xã Mường Kim</source>
        <translation>Trạm Y tế xã Mường Kim</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="57" />
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="58" />
        <source>Tên trạm</source>
        <translation>Station name</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="93" />
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="93" />
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="106" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="108" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="109" />
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="110" />
        <source>Mật khẩu hoặc mã PIN (ít nhất 6 ký tự)</source>
        <translation>Password or PIN (at least 6 characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="111" />
        <source>Nhập lại</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="113" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="114" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="124" />
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="73" />
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="73" />
        <source>Đã khoá</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="79" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="79" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="79" />
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="79" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../station_app/core/errors.py" line="14" />
        <source>Đã xảy ra lỗi. Vui lòng thử lại.</source>
        <translation>Something went wrong. Please try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="25" />
        <source>Trạm chưa được thiết lập. Hãy chạy trình thiết lập (mở ứng dụng, hoặc lệnh 'station-app init').</source>
        <translation>The station is not set up yet. Run the set-up (open the app, or the command 'station-app init').</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="31" />
        <source>Trạm đã được thiết lập rồi; không thể thiết lập lại trên cùng dữ liệu.</source>
        <translation>The station is already set up; it cannot be set up again on the same data.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="35" />
        <source>Sai tên đăng nhập hoặc mật khẩu. Kiểm tra lại (chú ý bộ gõ tiếng Việt và phím Caps Lock) rồi thử lại.</source>
        <translation>Wrong user name or password. Check them (mind the Vietnamese keyboard and Caps Lock) and try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="41" />
        <source>Tài khoản này đã bị khoá. Hãy liên hệ quản trị viên của trạm.</source>
        <translation>This account is disabled. Contact the station's administrator.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="45" />
        <source>Đăng nhập sai quá nhiều lần. Hãy chờ {seconds} giây rồi thử lại, hoặc nhờ quản trị viên.</source>
        <translation>Too many wrong attempts. Wait {seconds} seconds and try again, or ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="51" />
        <source>Tài khoản của bạn không có quyền làm việc này. Hãy nhờ người có quyền (điều phối viên hoặc quản trị viên).</source>
        <translation>Your account may not do this. Ask someone who may (a coordinator or an administrator).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="59" />
        <source>Giá trị không hợp lệ ở ô '{field}': {reason}</source>
        <translation>Invalid value in '{field}': {reason}</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="63" />
        <source>Đã có {what} này trong dữ liệu ({key}). Hãy kiểm tra lại.</source>
        <translation>This {what} already exists ({key}). Please check.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="67" />
        <source>Không tìm thấy {what}. Hãy kiểm tra lại.</source>
        <translation>{what} not found. Please check.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="71" />
        <source>Không ghi được vào thư mục dữ liệu {path}. Hãy chọn thư mục khác (--data-dir) hoặc nhờ cán bộ CNTT cấp quyền ghi.</source>
        <translation>Cannot write to the data folder {path}. Choose another folder (--data-dir) or ask IT support for write permission.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="78" />
        <source>Tệp cơ sở dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu của ứng dụng. Không có gì bị thay đổi. Hãy khôi phục từ bản sao lưu hoặc liên hệ cán bộ CNTT.</source>
        <translation>The database file {path} is damaged or is not this app's database. Nothing was changed. Restore it from a backup or contact IT support.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="86" />
        <source>Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {found}). Hãy cài phiên bản ứng dụng mới nhất; dữ liệu không bị thay đổi.</source>
        <translation>The database was made by a newer version of the app (data version {found}). Install the latest version of the app; the data was not changed.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="94" />
        <source>Ứng dụng đang mở trên cùng dữ liệu này (ở cửa sổ khác hoặc tài khoản khác trên máy). Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại.</source>
        <translation>The app is already open on this data (in another window or another account on this computer). Use the open window, or close it and open again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="102" />
        <source>Nhật ký kiểm tra bị sửa hoặc xoá tại sự kiện số {position}. Hãy báo ngay cho quản trị viên.</source>
        <translation>The audit log was edited or deleted at event number {position}. Report this to the administrator at once.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="108" />
        <source>Không mở được tệp ảnh này (tệp hỏng hoặc không phải ảnh). Hãy chọn tệp ảnh khác (PNG, JPG) hoặc quét mã QR trực tiếp bằng máy quét hay camera.</source>
        <translation>Cannot open this image file (the file is damaged or is not an image). Please choose another image file (PNG, JPG) or scan the QR code directly with the scanner or camera.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="118" />
        <source>Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Hãy mở lượt khám đó; nếu thật sự cần khám lần hai, hãy ghi lý do khám lần hai.</source>
        <translation>This person has already been registered for a check-up in this round on {date} at {site}. Please open that visit; if a second visit is really needed, enter the reason for it.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="126" />
        <source>Chưa có sự đồng ý xử lý dữ liệu cá nhân ({reason}). Hãy đọc nội dung đồng ý cho người dân (hoặc người giám hộ) và ghi nhận sự đồng ý trước khi đăng ký khám.</source>
        <translation>There is no consent to the processing of personal data ({reason}). Please read the consent statement to the resident (or guardian) and record their consent before registering the check-up.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="134" />
        <source>Không đọc được tệp danh sách {path}: {reason}. Hãy lưu lại tệp dưới dạng CSV (UTF-8) hoặc Excel (.xlsx) rồi thử lại.</source>
        <translation>Cannot read the list file {path}: {reason}. Please save the file as CSV (UTF-8) or Excel (.xlsx) and try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="142" />
        <source>Đã huỷ nhập danh sách; dữ liệu không thay đổi.</source>
        <translation>List import cancelled; no data was changed.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="56" />
        <source>chỉ dùng chữ thường không dấu, số, dấu chấm, gạch (2–64 ký tự)</source>
        <translation>use lower-case letters without marks, digits, dots and dashes only (2–64 characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="60" />
        <location filename="../../station_app/services/registry.py" line="194" />
        <location filename="../../station_app/services/registry.py" line="582" />
        <location filename="../../station_app/services/station_setup.py" line="63" />
        <source>không được để trống</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="63" />
        <location filename="../../station_app/services/accounts.py" line="149" />
        <source>cần ít nhất 6 ký tự</source>
        <translation>needs at least 6 characters</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="138" />
        <source>không thể tự khoá tài khoản đang dùng</source>
        <translation>you cannot disable the account you are using</translation>
    </message>
    <message>
        <location filename="../../station_app/services/demo.py" line="54" />
        <source>Thư mục dữ liệu {path} đã có một trạm; dữ liệu tập huấn chỉ được tạo trong thư mục trống, để không lẫn với dữ liệu thật. Hãy chọn một thư mục trống bằng --data-dir (ví dụ: station-app --data-dir taphuan demo).</source>
        <translation>The data folder {path} already holds a station; training data is only made in an empty folder, so it never mixes with real data. Choose an empty folder with --data-dir (e.g. station-app --data-dir training demo).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/demo.py" line="145" />
        <source>phải là số không âm</source>
        <translation>must be a number, zero or more</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="58" />
        <source>chữ in hoa không dấu, số hoặc gạch ngang, 3–32 ký tự</source>
        <translation>capital letters without marks, digits or dashes, 3–32 characters</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="66" />
        <source>chọn một xã/phường trong danh sách</source>
        <translation>choose a commune/ward from the list</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="69" />
        <source>phải sau ngày bắt đầu</source>
        <translation>must be after the start date</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="45" />
        <source>thư mục logs trong thư mục dữ liệu</source>
        <translation>the logs folder inside the data folder</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="46" />
        <source>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng. Hãy thử lại; nếu lỗi lặp lại, gửi tệp nhật ký cho cán bộ hỗ trợ:
{log}</source>
        <translation>An unexpected error occurred. Stored data is not affected. Try again; if it happens again, send the log file to support:
{log}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="54" />
        <source>Không thực hiện được</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="57" />
        <location filename="../../station_app/ui/errors.py" line="68" />
        <source>Lỗi ngoài dự kiến</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main.py" line="98" />
        <source>Không mở được ứng dụng</source>
        <translation>The app could not open</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="196" />
        <source>dài quá 200 ký tự</source>
        <translation>longer than 200 characters</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="200" />
        <source>chọn Nam, Nữ hoặc Không rõ</source>
        <translation>select Male, Female or Unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="203" />
        <source>cần năm sinh (hoặc ngày sinh)</source>
        <translation>year of birth (or date of birth) is required</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="205" />
        <source>năm sinh không khớp với ngày sinh</source>
        <translation>year of birth does not match the date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="207" />
        <source>năm sinh phải từ 1900 đến năm nay</source>
        <translation>year of birth must be between 1900 and the current year</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="210" />
        <location filename="../../station_app/services/registry.py" line="570" />
        <source>số căn cước phải đủ 12 chữ số</source>
        <translation>CCCD number must have exactly 12 digits</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="213" />
        <source>số CMND cũ có 9 hoặc 12 chữ số</source>
        <translation>old ID number (CMND) must have 9 or 12 digits</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="216" />
        <source>mã thẻ BHYT gồm 15 ký tự (2 chữ cái và 13 chữ số) hoặc mã số BHXH 10 chữ số</source>
        <translation>health insurance card number must be 15 characters (2 letters and 13 digits), or a 10-digit social insurance number</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="219" />
        <source>không có trong danh mục dân tộc</source>
        <translation>not in the list of ethnic groups</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="221" />
        <source>mã xã/phường gồm 5 chữ số</source>
        <translation>commune/ward code must be 5 digits</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="224" />
        <source>số điện thoại gồm 9–12 chữ số</source>
        <translation>phone number must have 9–12 digits</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="226" />
        <source>ghi quan hệ của người giám hộ</source>
        <translation>enter the guardian's relationship</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="382" />
        <source>đã có người dân mang số này; hãy tìm và mở hồ sơ đó</source>
        <translation>a resident with this number already exists; please search for and open that record</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="565" />
        <source>trường này không sửa được từ thẻ</source>
        <translation>this field cannot be updated from the card</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="573" />
        <source>đã có người dân khác mang số này; hãy kiểm tra lại</source>
        <translation>another resident already has this number; please check again</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="578" />
        <source>mã thẻ BHYT không đúng dạng</source>
        <translation>invalid health insurance card number format</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="587" />
        <source>ngày sinh không hợp lệ</source>
        <translation>invalid date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="630" />
        <source>người dân chưa đồng ý</source>
        <translation>resident has not given consent</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="632" />
        <source>nội dung đồng ý không đúng phiên bản</source>
        <translation>wrong version of the consent text</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="634" />
        <source>chưa rõ ai đồng ý</source>
        <translation>not specified who gave consent</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="637" />
        <source>thiếu họ tên hoặc quan hệ của người giám hộ</source>
        <translation>guardian's full name or relationship is missing</translation>
    </message>
    <message>
        <location filename="../../station_app/services/roster_import.py" line="107" />
        <source>có trường không biết: {names}</source>
        <translation>unknown fields: {names}</translation>
    </message>
    <message>
        <location filename="../../station_app/services/roster_import.py" line="178" />
        <source>không nhận ra bảng mã của tệp</source>
        <translation>file encoding not recognised</translation>
    </message>
    <message>
        <location filename="../../station_app/services/roster_import.py" line="198" />
        <source>chỉ nhận tệp .csv hoặc .xlsx</source>
        <translation>only .csv or .xlsx files are accepted</translation>
    </message>
    <message>
        <location filename="../../station_app/services/roster_import.py" line="225" />
        <source>tệp Excel bị hỏng</source>
        <translation>the Excel file is corrupted</translation>
    </message>
    <message>
        <location filename="../../station_app/services/roster_import.py" line="502" />
        <source>cần chọn cột Họ và tên và cột Ngày sinh hoặc Năm sinh</source>
        <translation>the Full name column and either the Date of birth or the Year of birth column must be selected</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../station_app/services/accounts.py" line="55" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="59" />
        <location filename="../../station_app/services/registry.py" line="164" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="62" />
        <location filename="../../station_app/services/accounts.py" line="148" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="137" />
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../station_app/services/demo.py" line="144" />
        <source>Số người dân</source>
        <translation>Number of residents</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="57" />
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="59" />
        <source>Tên trạm</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="60" />
        <source>Tên điểm khám</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="61" />
        <source>Tên đợt khám</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="165" />
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="166" />
        <source>Năm sinh</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="167" />
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="168" />
        <source>Số CCCD</source>
        <translation>CCCD no.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="169" />
        <source>Số CMND cũ</source>
        <translation>Old ID no. (CMND)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="170" />
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="171" />
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="172" />
        <location filename="../../station_app/services/station_setup.py" line="65" />
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="173" />
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="174" />
        <source>Người giám hộ</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="175" />
        <source>Quan hệ với người giám hộ</source>
        <translation>Relationship to guardian</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="176" />
        <source>Lý do khám lần hai</source>
        <translation>Reason for second visit</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="177" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="68" />
        <source>Ngày kết thúc</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../station_app/services/roster_import.py" line="106" />
        <location filename="../../station_app/services/roster_import.py" line="499" />
        <location filename="../../station_app/services/roster_import.py" line="502" />
        <source>Ghép cột</source>
        <translation>Column mapping</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../station_app/core/model.py" line="17" />
        <source>Điều dưỡng</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="18" />
        <source>Bác sĩ</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="19" />
        <source>Điều phối viên</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="20" />
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="55" />
        <source>Đối tượng chính sách</source>
        <translation>Policy beneficiary</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="56" />
        <source>Người cao tuổi</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="57" />
        <source>Hộ nghèo</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="58" />
        <source>Hộ cận nghèo</source>
        <translation>Near-poor household</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="59" />
        <source>Người khuyết tật</source>
        <translation>Person with disability</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="60" />
        <source>Dân tộc thiểu số</source>
        <translation>Ethnic minority</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="61" />
        <source>Trẻ em dưới 6 tuổi</source>
        <translation>Child under 6</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="62" />
        <source>Học sinh</source>
        <translation>Pupil</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="63" />
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="72" />
        <location filename="../../station_app/services/accounts.py" line="135" />
        <location filename="../../station_app/services/accounts.py" line="153" />
        <source>tài khoản</source>
        <translation>account</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="360" />
        <location filename="../../station_app/services/registry.py" line="399" />
        <source>người dân</source>
        <translation>resident</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="469" />
        <source>người dân, điểm khám hoặc đợt khám</source>
        <translation>resident, exam site or check-up round</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="500" />
        <source>lượt khám</source>
        <translation>visit</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="30" />
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="31" />
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="32" />
        <source>Không rõ</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="76" />
        <source>Chờ khám</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="77" />
        <source>Đang khám</source>
        <translation>In examination</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="78" />
        <source>Đã khám xong</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="79" />
        <source>Chuyển tuyến</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception.py" line="80" />
        <source>Đã huỷ</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>scan</name>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="69" />
        <source>Số định danh trên thẻ không khớp với giới tính. Hãy đối chiếu với thẻ và hỏi lại người dân trước khi lưu.</source>
        <translation>The ID number on the card does not match the sex. Please check against the card and confirm with the resident before saving.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="74" />
        <source>Số định danh trên thẻ không khớp với năm sinh. Hãy đối chiếu với thẻ và hỏi lại người dân trước khi lưu.</source>
        <translation>The ID number on the card does not match the year of birth. Please check against the card and confirm with the resident before saving.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="79" />
        <source>Thẻ BHYT đã hết hạn sử dụng. Hãy báo cho người dân và hỏi xem họ có thẻ mới không.</source>
        <translation>The health insurance card has expired. Please let the resident know and ask whether they have a new card.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="82" />
        <source>Thẻ BHYT chưa đến ngày có giá trị sử dụng. Hãy kiểm tra ngày trên thẻ và ngày giờ của máy tính.</source>
        <translation>The health insurance card is not valid yet. Please check the dates on the card and the computer's date and time.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="85" />
        <source>Máy quét đang ở chế độ bàn phím nên chữ tiếng Việt bị sai. Hãy chuyển máy quét sang chế độ cổng COM (serial) hoặc dùng camera, rồi quét lại.</source>
        <translation>The scanner is in keyboard mode, so Vietnamese characters come out wrong. Please switch the scanner to COM port (serial) mode or use the camera, then scan again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="90" />
        <source>Mã QR có thông tin sai định dạng nên không dùng được. Hãy quét lại; nếu vẫn lỗi, hãy nhập tay theo thẻ.</source>
        <translation>The QR code contains incorrectly formatted information and cannot be used. Please scan again; if the error persists, enter the details manually from the card.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="97" />
        <source>Không đọc được nội dung mã. Hãy quét lại.</source>
        <translation>Cannot read the code contents. Please scan again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="98" />
        <source>Dữ liệu từ máy quét không phải văn bản UTF-8. Hãy đặt máy quét ở chế độ cổng COM (serial), mã hoá UTF-8, rồi quét lại.</source>
        <translation>The data from the scanner is not UTF-8 text. Please set the scanner to COM port (serial) mode with UTF-8 encoding, then scan again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="103" />
        <source>Mã này không phải CCCD, thẻ BHYT hay phiếu khám của trạm. Hãy quét đúng mã QR trên thẻ; nếu đúng mã mà vẫn lỗi, hãy chuyển máy quét sang chế độ cổng COM (serial) hoặc dùng camera.</source>
        <translation>This code is not from an ID card (CCCD), a health insurance card or one of this station's visit slips. Please scan the correct QR code on the card; if the code is correct but the error persists, switch the scanner to COM port (serial) mode or use the camera.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="108" />
        <source>Mã QR không theo mẫu thẻ đã biết (thiếu hoặc thừa thông tin). Hãy quét lại; nếu vẫn lỗi, hãy nhập tay theo thẻ.</source>
        <translation>The QR code does not match any known card format (missing or extra information). Please scan again; if the error persists, enter the details manually from the card.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="113" />
        <source>Mã thẻ BHYT bị đọc thiếu phần cuối. Hãy giữ thẻ yên rồi quét lại.</source>
        <translation>The end of the health insurance card code was not read. Please hold the card still and scan again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="114" />
        <source>Mã trên phiếu khám bị hỏng hoặc đọc sai. Hãy quét lại; nếu vẫn lỗi, hãy tìm lượt khám theo tên hoặc số thứ tự.</source>
        <translation>The code on the visit slip is damaged or was misread. Please scan again; if the error persists, look up the visit by name or queue number.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="119" />
        <source>Phiếu khám này do một phiên bản khác của ứng dụng in ra. Hãy cập nhật ứng dụng, hoặc tìm lượt khám theo tên.</source>
        <translation>This visit slip was printed by a different version of the app. Please update the app, or look up the visit by name.</translation>
    </message>
</context>
<context>
    <name>vitals</name>
    <message>
        <location filename="../../station_app/core/vitals.py" line="50" />
        <source>Chiều cao</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="51" />
        <source>Cân nặng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="52" />
        <source>BMI</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="53" />
        <source>Vòng eo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="54" />
        <source>Mạch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="55" />
        <source>Huyết áp tâm thu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="56" />
        <source>Huyết áp tâm trương</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="57" />
        <source>Nhiệt độ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="58" />
        <source>SpO2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="59" />
        <source>Nhịp thở</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="60" />
        <source>Đường huyết mao mạch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="61" />
        <source>Thị lực mắt trái (không kính)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="62" />
        <source>Thị lực mắt phải (không kính)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="63" />
        <source>Thị lực mắt trái (có kính)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="64" />
        <source>Thị lực mắt phải (có kính)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="76" />
        <source>{measure} {value} là không thể có (giới hạn {low}–{high}). Kiểm tra máy đo, đơn vị và dấu thập phân rồi nhập lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="79" />
        <source>{measure}: giá trị không phải là một số. Hãy nhập lại bằng chữ số.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="80" />
        <source>Huyết áp tâm thu ({systolic}) phải lớn hơn tâm trương ({diastolic}). Có thể hai số bị nhập ngược: kiểm tra rồi nhập lại.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="83" />
        <source>Tâm thu {systolic} và tâm trương {diastolic} chỉ chênh nhau {difference} mmHg (dưới {minimum}): thường là đo sai. Hãy đo lại rồi nhập.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="86" />
        <source>{measure} {value} là bất thường (thường từ {low} đến {high}). Đo lại nếu cần, rồi xác nhận giá trị này.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="89" />
        <source>Cân nặng và chiều cao này cho BMI {bmi}, là bất thường (thường từ {low} đến {high}). Kiểm tra lại cân nặng và chiều cao, rồi xác nhận.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="308" />
        <source>Thiếu cân</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="309" />
        <location filename="../../station_app/core/vitals.py" line="524" />
        <source>Bình thường</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="310" />
        <source>Thừa cân (có nguy cơ)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="311" />
        <source>Béo phì độ I</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="312" />
        <source>Béo phì độ II</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="313" />
        <source>Huyết áp tối ưu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="314" />
        <source>Huyết áp bình thường</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="315" />
        <source>Tiền tăng huyết áp (bình thường cao)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="316" />
        <source>Tăng huyết áp độ 1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="317" />
        <source>Tăng huyết áp độ 2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="318" />
        <source>Tăng huyết áp độ 3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="319" />
        <source>Tăng huyết áp tâm thu đơn độc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="320" />
        <source>Đường huyết thấp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="321" />
        <source>Đường huyết bình thường</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="322" />
        <source>Đường huyết tăng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="323" />
        <source>Đường huyết ở ngưỡng đái tháo đường</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="324" />
        <source>Cần chuyển tuyến xét nghiệm đường huyết tĩnh mạch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="325" />
        <source>Thị lực bình thường</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="326" />
        <source>Giảm thị lực nhẹ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="327" />
        <source>Giảm thị lực vừa</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="328" />
        <source>Giảm thị lực nặng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="329" />
        <source>Mù</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="330" />
        <source>Vòng eo bình thường</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="331" />
        <source>Béo bụng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="516" />
        <source>Suy dinh dưỡng thể nhẹ cân, mức độ nặng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="517" />
        <source>Suy dinh dưỡng thể nhẹ cân</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="518" />
        <source>Suy dinh dưỡng thể thấp còi, mức độ nặng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="519" />
        <source>Suy dinh dưỡng thể thấp còi</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="520" />
        <source>Suy dinh dưỡng thể gầy còm, mức độ nặng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="521" />
        <source>Suy dinh dưỡng thể gầy còm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="522" />
        <source>Gầy mức độ nặng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="523" />
        <source>Gầy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="525" />
        <source>Có nguy cơ thừa cân</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="526" />
        <source>Thừa cân</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="527" />
        <source>Béo phì</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="528" />
        <source>Giá trị khó tin: kiểm tra lại số đo và ngày sinh</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
