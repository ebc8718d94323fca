<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="127"/>
        <location filename="../../station_app/core/record_lines.py" line="135"/>
        <location filename="../../station_app/core/record_lines.py" line="142"/>
        <source>vitals</source>
        <translation>vitals</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="153"/>
        <location filename="../../station_app/core/record_lines.py" line="158"/>
        <location filename="../../station_app/core/record_lines.py" line="160"/>
        <location filename="../../station_app/core/record_lines.py" line="185"/>
        <location filename="../../station_app/core/record_lines.py" line="192"/>
        <source>checkup</source>
        <translation>checkup</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="372"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="373"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="374"/>
        <source>Trạm</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="375"/>
        <source>Cài đặt máy này</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="376"/>
        <source>Nhật ký kiểm tra</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="377"/>
        <source>Thêm tài khoản…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="378"/>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="379"/>
        <source>Cho đăng nhập lại ngay</source>
        <translation>Let sign in again now</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="380"/>
        <source>Sau nhiều lần sai mật khẩu, tài khoản phải chờ (tối đa 15 phút). Nút này bỏ thời gian chờ cho người bạn đã nhận ra.</source>
        <translation>After several wrong passwords an account has to wait (15 minutes at most). This button lifts the wait for someone you have recognised.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="382"/>
        <source>Chứng thư số ký khám…</source>
        <translation>Signing certificate…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="383"/>
        <source>Mật khẩu mới cần ít nhất (ký tự)</source>
        <translation>New passwords need at least (characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="384"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="386"/>
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="386"/>
        <source>Tên trạm</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="386"/>
        <source>Điểm khám</source>
        <translation>Exam site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="387"/>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="387"/>
        <source>Đợt khám</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="389"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="390"/>
        <source>Tự khoá sau (phút, 0 = không khoá)</source>
        <translation>Lock after (minutes, 0 = never)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="391"/>
        <source>Lưu cài đặt</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="393"/>
        <source>Mỗi lần đăng nhập, thay đổi, in và xuất dữ liệu đều được ghi vào nhật ký có chuỗi băm. Kiểm tra để phát hiện sự kiện bị sửa hoặc xoá.</source>
        <translation>Every sign-in, change, print and export is written to a hash-chained log. Verify it to detect edited or deleted events.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="395"/>
        <source>Kiểm tra nhật ký</source>
        <translation>Verify the log</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="444"/>
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="444"/>
        <source>Cổng COM</source>
        <translation>COM port</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="445"/>
        <source>Tốc độ cổng (baud)</source>
        <translation>Port speed (baud)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="445"/>
        <location filename="../../station_app/ui/pages/admin.py" line="454"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="446"/>
        <source>Khổ phiếu khám</source>
        <translation>Visit slip size</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="446"/>
        <source>In phiếu khám</source>
        <translation>Printing visit slips</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="449"/>
        <source>In ngay ra máy in mặc định</source>
        <translation>Print at once on the default printer</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="449"/>
        <source>Hỏi máy in mỗi lần</source>
        <translation>Ask for the printer every time</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="450"/>
        <source>Chỉ lưu thành tệp PDF</source>
        <translation>Only save as a PDF file</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="453"/>
        <source>Máy quét dạng bàn phím</source>
        <translation>Keyboard-mode scanner</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="453"/>
        <source>Máy quét cổng COM (serial)</source>
        <translation>COM port (serial) scanner</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="456"/>
        <source>A6 (giấy thường)</source>
        <translation>A6 (plain paper)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="456"/>
        <source>Nhãn 62×100 mm</source>
        <translation>Label 62×100 mm</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="457"/>
        <source>Nhãn 50×80 mm</source>
        <translation>Label 50×80 mm</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="459"/>
        <source>Camera mặc định của máy</source>
        <translation>This computer&apos;s default camera</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="460"/>
        <source>vd. COM3</source>
        <translation>e.g. COM3</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="461"/>
        <source>Chọn cổng trong danh sách, hoặc gõ tên cổng, ví dụ COM3 hoặc /dev/ttyACM0. Bấm Tìm lại sau khi cắm máy quét.</source>
        <translation>Choose a port from the list, or type the port name, for example COM3 or /dev/ttyACM0. Click Refresh after plugging in the scanner.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="463"/>
        <location filename="../../station_app/ui/pages/admin.py" line="464"/>
        <source>Tìm lại</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="465"/>
        <source>Trình điều khiển USB ký số</source>
        <translation>Signing token driver</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="466"/>
        <source>tệp .dll (.so) PKCS#11 mà bộ cài của nhà cung cấp chữ ký số đặt trên máy</source>
        <translation>the PKCS#11 .dll (.so) file that the digital signature provider&apos;s installer put on this laptop</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="476"/>
        <source>Máy in mặc định: {name}. In lại phiếu (Ctrl+P) luôn hỏi máy in.</source>
        <translation>Default printer: {name}. Reprinting a slip (Ctrl+P) always asks for the printer.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="479"/>
        <source>Chưa có máy in mặc định nên mỗi phiếu sẽ hỏi máy in. Hãy đặt một máy in làm mặc định trong cài đặt máy in của hệ điều hành.</source>
        <translation>No printer is set as the default, so each slip will ask for the printer. Set one printer as the default in the operating system&apos;s printer settings.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="483"/>
        <source>Máy này chưa cài máy in: phiếu khám được lưu thành tệp PDF trong thư mục {folder}.</source>
        <translation>No printer is installed on this laptop: visit slips are saved as PDF files in the folder {folder}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="547"/>
        <source>Mở khoá tài khoản</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="548"/>
        <source>Khoá tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="576"/>
        <source>Đã thêm tài khoản {name}.</source>
        <translation>Account {name} added.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="585"/>
        <source>Đã mở khoá tài khoản {name}.</source>
        <translation>Account {name} enabled.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="586"/>
        <source>Đã khoá tài khoản {name}.</source>
        <translation>Account {name} disabled.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="599"/>
        <source>Đã đặt mật khẩu mới cho {name}.</source>
        <translation>New password set for {name}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="607"/>
        <source>{name} đăng nhập lại được ngay.</source>
        <translation>{name} can sign in again now.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="622"/>
        <source>Đã đăng ký chứng thư số cho {name} (hết hạn {date}).</source>
        <translation>Certificate registered for {name} (expires {date}).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="629"/>
        <source>Mật khẩu mới từ nay cần ít nhất {n} ký tự.</source>
        <translation>From now on new passwords need at least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="649"/>
        <source>Không lưu được cài đặt (ổ đĩa đầy hoặc không ghi được). Cài đặt chỉ có hiệu lực đến khi đóng ứng dụng; hãy giải phóng ổ đĩa rồi lưu lại.</source>
        <translation>The settings could not be saved (the disk is full or not writable). They apply until the app is closed; free some disk space and save again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="654"/>
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="658"/>
        <source>Đang kiểm tra nhật ký…</source>
        <translation>Verifying the log…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="664"/>
        <source>Nhật ký toàn vẹn: {n} sự kiện, chuỗi băm khớp.</source>
        <translation>The log is intact: {n} events, the hash chain matches.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="668"/>
        <source>Nhật ký KHÔNG toàn vẹn từ sự kiện số {seq}. Hãy báo ngay cho cán bộ phụ trách.</source>
        <translation>The log is NOT intact from event number {seq}. Report this to the person in charge at once.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="166"/>
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="167"/>
        <source>Người quản lý tài khoản và cài đặt của trạm. Hãy ghi nhớ mật khẩu này.</source>
        <translation>The person who manages the station&apos;s accounts and settings. Remember this password.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="175"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="176"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="177"/>
        <source>Mật khẩu (ít nhất 8 ký tự, không phải mật khẩu phổ biến)</source>
        <translation>Password (at least 8 characters, not a common password)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="178"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="187"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>BatchTable</name>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="35"/>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="35"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="35"/>
        <source>Tạo lúc</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="35"/>
        <source>Người dân</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="35"/>
        <source>Lượt khám</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="36"/>
        <source>Kết quả đo/khám</source>
        <translation>Measurements and findings</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="36"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="56"/>
        <source>Đơn vị nhận đã xác nhận ({time})</source>
        <translation>Acknowledged by the office ({time})</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="59"/>
        <source>Bị từ chối: {reason}</source>
        <translation>Refused: {reason}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="61"/>
        <source>Bị đơn vị nhận từ chối: hãy liên hệ đơn vị nhận</source>
        <translation>Refused by the office: contact the office</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="63"/>
        <source>Đã gửi qua mạng, chờ biên nhận</source>
        <translation>Sent over the network, waiting for the receipt</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="65"/>
        <source>Đã ghi ra, chờ biên nhận</source>
        <translation>Written, waiting for a receipt</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/batches.py" line="66"/>
        <source>Đã tạo, chờ gửi</source>
        <translation>Made, waiting to be sent</translation>
    </message>
</context>
<context>
    <name>BatchesPage</name>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="81"/>
        <source>Lô dữ liệu đã nhận</source>
        <translation>Batches received</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="82"/>
        <source>Trạm:</source>
        <translation>Station:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="83"/>
        <source>Trạng thái:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="126"/>
        <source>{n} lô bị cách ly cũ nhất đã được xoá ({mib} MiB) để kho cách ly không làm đầy ổ đĩa; giới hạn đặt trong office.json.</source>
        <translation>{n} of the oldest quarantined batches were deleted ({mib} MiB) so that the quarantine cannot fill the disk; the limits are set in office.json.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="84"/>
        <source>Tất cả trạm</source>
        <translation>All stations</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="85"/>
        <source>Tất cả trạng thái</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="135"/>
        <source>{n} lô: {a} đã nhập, {d} đã nhập từ trước, {q} bị cách ly</source>
        <translation>{n} batches: {a} imported, {d} already imported, {q} quarantined</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="138"/>
        <source>Chưa nhận lô nào. Nhập các tệp lô của trạm ở trang &quot;Nhập lô&quot;.</source>
        <translation>No batch received yet. Import the stations&apos; batch files on the &quot;Import&quot; page.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="139"/>
        <source>Nhận lúc</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="139"/>
        <source>Trạm</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="139"/>
        <source>Số lô</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="139"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="139"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="140"/>
        <source>Lượt khám</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="140"/>
        <source>Lý do từ chối</source>
        <translation>Reason refused</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="149"/>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="158"/>
        <source>Bản sao của tệp ở: {path}. Khi đã khắc phục nguyên nhân, nhập lại tệp từ đó.</source>
        <translation>A copy of the file is at: {path}. Once the cause is fixed, import the file again from there.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="161"/>
        <source>Trạm chưa đăng ký đã gửi lô này qua mạng; tệp không được giữ lại. Hãy đăng ký trạm ở trang Trạm rồi báo trạm bấm lại &quot;Gửi lên đơn vị nhận&quot;.</source>
        <translation>A station that is not registered sent this batch over the network; the file was not kept. Register the station on the Stations page, then ask the station to press &quot;Send to the office&quot; again.</translation>
    </message>
</context>
<context>
    <name>CameraScannerWidget</name>
    <message>
        <location filename="../../station_app/ui/scanning/camera_scanner.py" line="247"/>
        <source>Không tìm thấy camera. Hãy cắm webcam vào máy tính (ứng dụng tự nhận), hoặc dùng máy quét mã hay mở ảnh chụp mã QR.</source>
        <translation>No camera found. Please plug a webcam into the computer (the app detects it automatically), or use a code scanner or open a photo of the QR code.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/camera_scanner.py" line="249"/>
        <source>Không dùng được camera ({detail}). Nếu camera đang mở trong ứng dụng khác (Zalo, Zoom, Camera), hãy đóng ứng dụng đó rồi bật lại camera.</source>
        <translation>Cannot use the camera ({detail}). If the camera is open in another app (Zalo, Zoom, Camera), please close that app and then turn the camera on again.</translation>
    </message>
</context>
<context>
    <name>CampaignBanner</name>
    <message>
        <location filename="../../station_app/ui/campaign_banner.py" line="56"/>
        <source>Đợt khám &quot;{name}&quot; đã kết thúc ngày {end}: hôm nay không mở được lượt khám mới. Hãy nhờ quản trị viên gia hạn đợt khám hoặc bắt đầu đợt khám mới trong Quản trị.</source>
        <translation>The campaign &quot;{name}&quot; ended on {end}: no new visit can be opened today. Ask the administrator to extend the campaign or start the next one in Administration.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/campaign_banner.py" line="61"/>
        <source>Đợt khám &quot;{name}&quot; bắt đầu ngày {start}: hôm nay chưa mở được lượt khám. Hãy kiểm tra ngày giờ của máy; nếu đúng, hãy nhờ quản trị viên bắt đầu đợt khám mới (có ngày hôm nay) trong Quản trị.</source>
        <translation>The campaign &quot;{name}&quot; starts on {start}: no visit can be opened today. Check the laptop&apos;s date and time; if they are right, ask the administrator to start a new campaign (including today) in Administration.</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="59"/>
        <source>Khám sức khỏe định kỳ {year}</source>
        <translation>Periodic health check-up {year}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="64"/>
        <source>Bắt đầu đợt khám mới</source>
        <translation>Start a new campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="64"/>
        <source>Gia hạn đợt khám</source>
        <translation>Extend the campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="66"/>
        <source>Đợt khám mới trở thành đợt hiện tại; lượt khám và số liệu của đợt &quot;{name}&quot; ({start} – {end}) giữ nguyên.</source>
        <translation>The new campaign becomes the current one; the visits and figures of &quot;{name}&quot; ({start} – {end}) stay as they are.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="68"/>
        <source>Đợt khám &quot;{name}&quot;: {start} – {end}. Chọn ngày kết thúc mới; các bàn mở được lượt khám đến hết ngày đó.</source>
        <translation>Campaign &quot;{name}&quot;: {start} – {end}. Choose the new end date; the desks can open visits until the end of that day.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="74"/>
        <source>Tên đợt khám</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="75"/>
        <source>Ngày bắt đầu</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="76"/>
        <source>Ngày kết thúc</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="76"/>
        <source>Ngày kết thúc mới</source>
        <translation>New end date</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="77"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="77"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CampaignPage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="140"/>
        <source>Đợt khám</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="141"/>
        <source>Đợt khám sức khỏe định kỳ miễn phí mà trạm đang thực hiện.</source>
        <translation>The free periodic health check-up campaign the station is running.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="144"/>
        <source>Khám sức khỏe định kỳ miễn phí {year}</source>
        <translation>Free periodic health check-up {year}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="153"/>
        <source>Tên đợt khám</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="154"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="155"/>
        <source>Ngày bắt đầu</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="156"/>
        <source>Ngày kết thúc</source>
        <translation>End date</translation>
    </message>
</context>
<context>
    <name>CampaignPanel</name>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="115"/>
        <source>Gia hạn đợt khám…</source>
        <translation>Extend the campaign…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="116"/>
        <source>Bắt đầu đợt khám mới…</source>
        <translation>Start a new campaign…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="136"/>
        <source>Hôm nay ({today}) nằm trong đợt khám: các bàn mở được lượt khám.</source>
        <translation>Today ({today}) is within the campaign: the desks can open visits.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="140"/>
        <source>Đợt khám đã kết thúc ngày {end}: các bàn không mở được lượt khám mới. Hãy gia hạn đợt khám hoặc bắt đầu đợt khám mới.</source>
        <translation>The campaign ended on {end}: the desks cannot open new visits. Extend the campaign or start a new one.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="144"/>
        <source>Đợt khám bắt đầu ngày {start}: hôm nay chưa mở được lượt khám. Hãy kiểm tra ngày giờ của máy, hoặc bắt đầu đợt khám mới có ngày hôm nay.</source>
        <translation>The campaign starts on {start}: no visit can be opened today. Check the laptop&apos;s date and time, or start a new campaign that includes today.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/campaign_panel.py" line="175"/>
        <source>Đã lưu: đợt khám &quot;{name}&quot;, {start} – {end}.</source>
        <translation>Saved: campaign &quot;{name}&quot;, {start} – {end}.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="136"/>
        <source>Chứng thư số của {name}</source>
        <translation>Certificate of {name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="138"/>
        <source>vd. 000123/LC-CCHN (để trống: lấy theo chứng thư số)</source>
        <translation>e.g. 000123/LC-CCHN (leave empty: taken from the certificate)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="140"/>
        <source>Tệp chứng thư số (.p12, .pfx)</source>
        <translation>Certificate file (.p12, .pfx)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="141"/>
        <source>USB ký số</source>
        <translation>Signing token</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="143"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="153"/>
        <source>Số CCHN</source>
        <translation>Practising licence no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="154"/>
        <source>Chứng thư số ở</source>
        <translation>Certificate from</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="155"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="158"/>
        <source>Đăng ký</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="159"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="176"/>
        <source>Mật khẩu tệp</source>
        <translation>File password</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="176"/>
        <source>Mã PIN của USB</source>
        <translation>Token PIN</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="181"/>
        <source>Chọn tệp chứng thư số</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="182"/>
        <source>Chứng thư số (*.p12 *.pfx)</source>
        <translation>Certificates (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="188"/>
        <source>Hãy chọn tệp chứng thư số (.p12).</source>
        <translation>Choose the certificate file (.p12).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="191"/>
        <source>: chưa nhập.</source>
        <translation>: not entered.</translation>
    </message>
</context>
<context>
    <name>CheckupSheetButton</name>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="76"/>
        <source>In phiếu KSK (Ctrl+P)</source>
        <translation>Print check-up sheet (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="77"/>
        <source>In phiếu khám sức khỏe (QĐ 1551) cho người dân mang về; chỉ in được khi lượt khám đã hoàn thành.</source>
        <translation>Print the check-up sheet (Decision 1551) for the resident to take home; only once the visit is completed.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="116"/>
        <source>Đang chuẩn bị phiếu khám sức khỏe…</source>
        <translation>Preparing the check-up sheet…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="136"/>
        <source>Không in được phiếu. Hãy kiểm tra máy in đã bật và có giấy rồi bấm Ctrl+P lại. Tệp phiếu đã lưu tại: {path}</source>
        <translation>The sheet could not be printed. Check that the printer is on and has paper, then press Ctrl+P again. The sheet file is saved at: {path}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="141"/>
        <source>Đã gửi phiếu khám sức khỏe của {name} đến máy in.</source>
        <translation>The check-up sheet of {name} was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="144"/>
        <source>Đã huỷ in phiếu khám sức khỏe.</source>
        <translation>Printing of the check-up sheet cancelled.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="147"/>
        <source>Máy này chưa cài máy in: lưu phiếu khám sức khỏe</source>
        <translation>No printer on this laptop: save the check-up sheet</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="148"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="150"/>
        <source>Máy này chưa cài máy in; chưa lưu phiếu. Tệp phiếu vẫn ở: {path}</source>
        <translation>No printer on this laptop; the sheet was not saved elsewhere. The sheet file is still at: {path}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="155"/>
        <source>Máy này chưa cài máy in nên phiếu khám sức khỏe được lưu thành tệp PDF: {path}</source>
        <translation>No printer is installed on this laptop, so the check-up sheet was saved as a PDF file: {path}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/checkup_sheet.py" line="163"/>
        <source>Lưu ý: hồ sơ theo QĐ 1551 còn {n} mục thiếu hoặc chưa hợp lệ ({labels}); phiếu vẫn được in.</source>
        <translation>Note: the Decision 1551 record still has {n} fields missing or not valid ({labels}); the sheet was printed all the same.</translation>
    </message>
</context>
<context>
    <name>ChildMeasuresRow</name>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="25"/>
        <source>Vòng cánh tay</source>
        <translation>Arm circumference</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="26"/>
        <source>Vòng đầu</source>
        <translation>Head circumference</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="27"/>
        <source>Đánh giá nhiệt độ</source>
        <translation>Temperature rating</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="28"/>
        <source>Đánh giá mạch</source>
        <translation>Pulse rating</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="29"/>
        <source>Đánh giá nhịp thở</source>
        <translation>Breathing rating</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="30"/>
        <source>Đánh giá vòng đầu</source>
        <translation>Head circumference rating</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="31"/>
        <source>Chiều dài/tuổi</source>
        <translation>Length-for-age</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="32"/>
        <source>Chiều cao/tuổi</source>
        <translation>Height-for-age</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="33"/>
        <source>Cân nặng/tuổi</source>
        <translation>Weight-for-age</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="35"/>
        <source>Bình thường</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="35"/>
        <source>Không bình thường</source>
        <translation>Abnormal</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="36"/>
        <source>Sốt</source>
        <translation>Fever</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="36"/>
        <source>Hạ thân nhiệt</source>
        <translation>Hypothermia</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="37"/>
        <source>Nhanh</source>
        <translation>Fast</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="37"/>
        <source>Thở nhanh</source>
        <translation>Fast breathing</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="38"/>
        <source>Thở chậm</source>
        <translation>Slow breathing</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="38"/>
        <source>Đầu to</source>
        <translation>Large head</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="39"/>
        <source>Đầu nhỏ</source>
        <translation>Small head</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="68"/>
        <source>Trẻ em: vòng cánh tay, vòng đầu, đánh giá dấu hiệu sinh tồn</source>
        <translation>Children: arm circumference, head circumference, vital-sign ratings</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="100"/>
        <source>Theo sinh hiệu: {rating}</source>
        <translation>From the vital signs: {rating}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="101"/>
        <source>Chưa đánh giá (chọn bằng mũi tên)</source>
        <translation>Not rated yet (choose with the arrow keys)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="135"/>
        <source>Z-score theo WHO (tính khi lưu sinh hiệu): {values}</source>
        <translation>WHO z-scores (computed when the vital signs are saved): {values}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/child_measures_row.py" line="161"/>
        <source>{field}: giá trị phải từ {low} đến {high} {unit}. Đo lại rồi nhập lại.</source>
        <translation>{field}: the value must be from {low} to {high} {unit}. Measure again, then enter it again.</translation>
    </message>
</context>
<context>
    <name>ChooseDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/choose.py" line="34"/>
        <source>Chọn người này (Enter)</source>
        <translation>Select this person (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/choose.py" line="34"/>
        <source>Chọn (Enter)</source>
        <translation>Select (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/choose.py" line="42"/>
        <source>Huỷ (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>CounsellingForm</name>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="84"/>
        <source>Chủ đề tư vấn</source>
        <translation>Counselling topics</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="85"/>
        <source>Nội dung tư vấn (chọn chủ đề để chèn mẫu, rồi sửa cho phù hợp)</source>
        <translation>Counselling notes (choose topics to insert templates, then adapt them as needed)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="86"/>
        <source>Chèn mẫu các chủ đề đã chọn (Ctrl+T)</source>
        <translation>Insert templates for selected topics (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="87"/>
        <source>Lưu tư vấn (Ctrl+S)</source>
        <translation>Save counselling (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="88"/>
        <source>Lý do sửa:</source>
        <translation>Reason for change:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="89"/>
        <source>Lượt khám đã hoàn thành: ghi lý do sửa</source>
        <translation>Visit completed: enter a reason for the change</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="94"/>
        <source>{topic} (gợi ý)</source>
        <translation>{topic} (suggested)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="103"/>
        <source>Tư vấn: {name} ({year})</source>
        <translation>Counselling: {name} ({year})</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="111"/>
        <source>Từ dấu hiệu sinh tồn: {flags}</source>
        <translation>From vital signs: {flags}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="112"/>
        <source>Chưa có dấu hiệu bất thường từ bàn đo.</source>
        <translation>No abnormal signs from the measuring desk.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/counselling_form.py" line="176"/>
        <source>Đã lưu tư vấn.</source>
        <translation>Counselling saved.</translation>
    </message>
</context>
<context>
    <name>DeskDraft</name>
    <message>
        <location filename="../../station_app/ui/exam/drafts.py" line="68"/>
        <source>Bỏ bản nháp</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/drafts.py" line="69"/>
        <source>Đã mở lại phiếu đang nhập dở (lưu nháp lúc {time}).</source>
        <translation>Reopened the unfinished form (draft saved at {time}).</translation>
    </message>
</context>
<context>
    <name>DestinationPanel</name>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="70"/>
        <source>Đang chờ xuất</source>
        <translation>Waiting to be exported</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="71"/>
        <source>Ghi vào:</source>
        <translation>Write to:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="72"/>
        <source>Chọn thư mục khác…</source>
        <translation>Choose another folder…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="73"/>
        <source>Xuất gói dữ liệu</source>
        <translation>Export batch</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="80"/>
        <source>{n} thay đổi</source>
        <translation>{n} changes</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="82"/>
        <source>Thay đổi cũ nhất lúc {time}. Lô tiếp theo: số {seq}.</source>
        <translation>Oldest change at {time}. Next batch: number {seq}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="85"/>
        <source>Không có gì mới từ lô trước.</source>
        <translation>Nothing new since the last batch.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="98"/>
        <source>Thư mục: {path}</source>
        <translation>Folder: {path}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="100"/>
        <source>Chưa thấy USB: hãy cắm USB hoặc chọn thư mục khác</source>
        <translation>No USB stick found: plug one in or choose another folder</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="107"/>
        <source>USB {label} ({root}), còn trống {free}</source>
        <translation>USB {label} ({root}), {free} free</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="126"/>
        <source>Chọn thư mục để ghi gói dữ liệu</source>
        <translation>Choose the folder to write the batch to</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="140"/>
        <source>Đang ký, mã hoá và ghi gói dữ liệu…</source>
        <translation>Signing, encrypting and writing the batch…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="152"/>
        <source>Không có thay đổi mới từ lô trước nên không tạo lô mới.</source>
        <translation>Nothing changed since the last batch, so no new batch was made.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="155"/>
        <source>Đã ghi lô số {seq}: {file} ({residents} người dân, {visits} lượt khám, {obs} kết quả đo/khám) vào {folder}.</source>
        <translation>Batch {seq} written: {file} ({residents} residents, {visits} visits, {obs} measurements and findings) to {folder}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/destination.py" line="161"/>
        <source>Đã ghi lại {n} lô trước chưa có biên nhận: {files}.</source>
        <translation>{n} earlier batches without a receipt were written again: {files}.</translation>
    </message>
</context>
<context>
    <name>DifferencesDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="35"/>
        <source>Thông tin trên thẻ khác hồ sơ</source>
        <translation>Card details differ from the record</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="38"/>
        <source>Thẻ vừa quét có thông tin khác với hồ sơ đã lưu</source>
        <translation>The card just scanned has details that differ from the saved record</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="39"/>
        <source>Hỏi lại người dân. Đánh dấu những thông tin cần cập nhật theo thẻ, rồi bấm &quot;Cập nhật theo thẻ&quot;. Bỏ đánh dấu để giữ như cũ.</source>
        <translation>Please check with the resident. Tick the details that should be updated from the card, then click &quot;Update from card&quot;. Untick to keep them as they are.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="43"/>
        <source>Thông tin</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="43"/>
        <source>Trong hồ sơ</source>
        <translation>In record</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="43"/>
        <source>Trên thẻ</source>
        <translation>On card</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="57"/>
        <source>Cập nhật theo thẻ (Enter)</source>
        <translation>Update from card (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="61"/>
        <source>Giữ như cũ (Esc)</source>
        <translation>Keep as is (Esc)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="85"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="85"/>
        <source>Số CCCD</source>
        <translation>CCCD no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="86"/>
        <source>Số CMND cũ</source>
        <translation>Old ID no. (CMND)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="86"/>
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="87"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="87"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="87"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="88"/>
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="88"/>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="89"/>
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/differences.py" line="94"/>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>DoctorForm</name>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="196"/>
        <source>Mô tả điều phát hiện được</source>
        <translation>Description of findings</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="197"/>
        <source>Chẩn đoán ICD-10: gõ mã hoặc tên</source>
        <translation>ICD-10 diagnosis: type a code or name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="405"/>
        <source>Tiền sử (Space: đổi, Y: có, N: không)</source>
        <translation>Medical history (Space: toggle, Y: yes, N: no)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="407"/>
        <source>Ghi rõ mục đang chọn (bệnh gì, từ năm nào, bao nhiêu điếu mỗi ngày…); Enter để quay lại danh sách</source>
        <translation>Give details of the selected item (which condition, since what year, how many cigarettes a day…); press Enter to return to the list</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="408"/>
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="409"/>
        <source>Phân loại nặng nhất</source>
        <translation>Most severe class</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="409"/>
        <source>Phân loại sức khoẻ chung</source>
        <translation>Overall health class</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="409"/>
        <source>Lý do chọn khác</source>
        <translation>Reason for choosing a different class</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="410"/>
        <source>Lời khuyên</source>
        <translation>Advice</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="410"/>
        <source>Chuyển đến</source>
        <translation>Refer to</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="410"/>
        <source>Lý do chuyển</source>
        <translation>Reason for referral</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="410"/>
        <source>Mức độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="413"/>
        <source>Bắt buộc khi chọn khác phân loại nặng nhất</source>
        <translation>Required when choosing a class other than the most severe</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="414"/>
        <source>Để trống nếu không chuyển tuyến</source>
        <translation>Leave blank if not referring</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="417"/>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="418"/>
        <source>Hoàn thành lượt khám (Ctrl+Enter)</source>
        <translation>Complete visit (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="419"/>
        <source>Lý do sửa:</source>
        <translation>Reason for change:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="420"/>
        <source>Lượt khám đã hoàn thành: ghi lý do sửa</source>
        <translation>Visit completed: enter a reason for the change</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="430"/>
        <source>Bác sĩ khám: {name} ({year})</source>
        <translation>Doctor&apos;s examination: {name} ({year})</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="531"/>
        <source>Còn thiếu: {parts}</source>
        <translation>Still missing: {parts}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="533"/>
        <source>Đã đủ các phần; có thể hoàn thành lượt khám.</source>
        <translation>All sections are filled in; you can now complete the visit.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="543"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="543"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="565"/>
        <source>chưa có (chưa phân loại chuyên khoa nào)</source>
        <translation>none yet (no specialty has been classified)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="617"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/doctor_form.py" line="640"/>
        <source>Lượt khám đã hoàn thành.</source>
        <translation>Visit completed.</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <location filename="../../station_app/ui/printing.py" line="302"/>
        <source>Đang in {n} trang…</source>
        <translation>Printing {n} pages…</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="68"/>
        <source>Xét nghiệm</source>
        <translation>Laboratory</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="69"/>
        <source>Phát triển của trẻ</source>
        <translation>Child development</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="70"/>
        <source>Bác sĩ khám</source>
        <translation>Doctor&apos;s examination</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="71"/>
        <source>Khám theo mẫu QĐ 1551</source>
        <translation>National form (Decision 1551)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="72"/>
        <source>Tư vấn</source>
        <translation>Counselling</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="214"/>
        <source>Khám</source>
        <translation>Examination</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="215"/>
        <source>Quét mã QR trên phiếu khám (hoặc dán mã rồi Enter) · F3</source>
        <translation>Scan the QR code on the visit slip (or paste the code and press Enter) · F3</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="216"/>
        <source>Hàng đợi hôm nay (mũi tên rồi Enter) · F6</source>
        <translation>Today&apos;s queue (arrow keys, then Enter) · F6</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="217"/>
        <source>Sinh hiệu</source>
        <translation>Vital signs</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="218"/>
        <source>Lịch sử thay đổi (Ctrl+H)</source>
        <translation>Change history (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="219"/>
        <source>Đổi mẫu (Ctrl+M)</source>
        <translation>Change form (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="271"/>
        <source>Không đọc được mã này. Hãy quét mã QR trên phiếu khám, hoặc chọn người dân trong hàng đợi.</source>
        <translation>This code could not be read. Scan the QR code on the visit slip, or choose the resident in the queue.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="285"/>
        <source>Người có thẻ này chưa được tiếp đón hôm nay. Hãy mời họ ra bàn tiếp đón trước.</source>
        <translation>The holder of this card has not been received today. Please send them to the reception desk first.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="423"/>
        <source>Số {number} · {name} · {sex}, sinh năm {year}</source>
        <translation>No. {number} · {name} · {sex}, born {year}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/exam.py" line="425"/>
        <source>Chưa chọn người dân: quét phiếu khám hoặc chọn trong hàng đợi.</source>
        <translation>No resident selected: scan a visit slip or choose from the queue.</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../station_app/ui/pages/export/dialogs.py" line="41"/>
        <source>Nhập gói khoá</source>
        <translation>Import key bundle</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/page.py" line="88"/>
        <source>Xuất dữ liệu</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/page.py" line="89"/>
        <source>Cuối ngày, xuất mọi thay đổi từ lô trước thành một gói dữ liệu đã ký và mã hoá, ghi ra USB hoặc thư mục mạng để gửi cơ quan y tế tiếp nhận.</source>
        <translation>At the end of the day, export everything changed since the last batch as one signed, encrypted batch, written to a USB stick or a network folder for the receiving health office.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/page.py" line="91"/>
        <source>Các lô đã xuất</source>
        <translation>Batches exported</translation>
    </message>
</context>
<context>
    <name>FacilityCodesPanel</name>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="221"/>
        <source>Mã cơ sở KCB (MA_CSKCB)</source>
        <translation>Facility code (MA_CSKCB)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="222"/>
        <source>Mã GLN (MA_GTIN_CSKCB)</source>
        <translation>GLN (MA_GTIN_CSKCB)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="223"/>
        <source>Lưu mã cơ sở</source>
        <translation>Save facility codes</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="240"/>
        <source>Đã lưu mã cơ sở theo QĐ 1551.</source>
        <translation>Facility codes (Decision 1551) saved.</translation>
    </message>
</context>
<context>
    <name>ImageInput</name>
    <message>
        <location filename="../../station_app/ui/scanning/image_input.py" line="38"/>
        <source>Chọn ảnh có mã QR</source>
        <translation>Choose an image with a QR code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/image_input.py" line="39"/>
        <source>Ảnh (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;Mọi tệp (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/image_input.py" line="60"/>
        <source>Bộ nhớ tạm (clipboard) không có ảnh. Hãy chụp màn hình hoặc sao chép ảnh có mã QR rồi dán lại.</source>
        <translation>The clipboard does not contain an image. Please take a screenshot or copy an image containing the QR code, then paste again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/image_input.py" line="70"/>
        <source>Không thấy mã QR nào trong ảnh. Hãy dùng ảnh rõ nét, chụp thẳng và đủ sáng, mã QR không bị che hay cắt mất góc.</source>
        <translation>No QR code found in the image. Please use a sharp, well-lit image taken straight on, with the QR code not covered and no corners cut off.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/image_input.py" line="84"/>
        <source>Không đọc được ảnh này. Hãy thử ảnh khác hoặc quét mã trực tiếp.</source>
        <translation>Cannot read this image. Please try another image or scan the code directly.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="90"/>
        <source>Nhập lô dữ liệu</source>
        <translation>Import batches</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="91"/>
        <source>Kéo thả các tệp lô (.batch) hoặc cả thư mục từ USB của trạm vào cửa sổ này, hoặc bấm nút để chọn.</source>
        <translation>Drag batch files (.batch) or a whole folder from the station&apos;s USB stick onto this window, or press a button to choose them.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="93"/>
        <source>Chọn thư mục…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="94"/>
        <source>Chọn tệp lô…</source>
        <translation>Choose batch files…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="95"/>
        <source>lô đã nhập</source>
        <translation>batches imported</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="95"/>
        <source>lô đã nhập từ trước (không đổi gì)</source>
        <translation>batches already imported (nothing changed)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="96"/>
        <source>lô bị cách ly</source>
        <translation>batches quarantined</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="107"/>
        <source>Chọn tệp lô của trạm</source>
        <translation>Choose the station&apos;s batch files</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="108"/>
        <source>Tệp lô (*.batch);;Mọi tệp (*)</source>
        <translation>Batch files (*.batch);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="113"/>
        <source>Chọn thư mục có tệp lô (trên USB)</source>
        <translation>Choose the folder holding the batch files (on the USB stick)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="120"/>
        <source>Đang nhập lô; hãy đợi xong rồi nhập tiếp.</source>
        <translation>An import is running; wait until it is done, then import more.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="123"/>
        <source>Không có tệp hay thư mục nào trên máy được thả vào. Hãy kéo tệp lô hoặc thư mục từ USB.</source>
        <translation>Nothing dropped was a file or folder on this computer. Drag batch files or a folder from the USB stick.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="128"/>
        <source>Đang kiểm tra và nhập…</source>
        <translation>Checking and importing…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="131"/>
        <source>Đang kiểm tra và nhập các lô…</source>
        <translation>Checking and importing the batches…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="158"/>
        <source>Trạm {code} còn thiếu lô số: {gaps}. Hãy hỏi trạm gửi các lô này.</source>
        <translation>Station {code} is missing batch numbers: {gaps}. Ask the station to send them.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="161"/>
        <source>Không trạm nào còn thiếu lô.</source>
        <translation>No station has batches missing.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="163"/>
        <source>Biên nhận đã ghi vào: {folders}. Mang USB về trạm để trạm nhập biên nhận.</source>
        <translation>Receipts written to: {folders}. Take the USB stick back to the station so that it imports the receipts.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="166"/>
        <source>Bản sao các lô bị cách ly nằm trong thư mục quarantine của đơn vị nhận; khắc phục nguyên nhân (đăng ký trạm, xin trạm xuất lại lô) rồi nhập lại từ đó.</source>
        <translation>Copies of the quarantined batches are in the office&apos;s quarantine folder; fix the cause (register the station, ask the station to export the batch again) and import them again from there.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="169"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="169"/>
        <source>Trạm</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="169"/>
        <source>Số lô</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="169"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="169"/>
        <source>Lượt khám</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="170"/>
        <source>Lý do từ chối</source>
        <translation>Reason refused</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/importing.py" line="181"/>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
</context>
<context>
    <name>KeysPanel</name>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="69"/>
        <source>Khoá</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="70"/>
        <source>Nhập gói khoá của cơ quan y tế…</source>
        <translation>Import the health office&apos;s key bundle…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="71"/>
        <source>Khoá của trạm</source>
        <translation>Station key</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="72"/>
        <source>Lưu khoá công khai (PEM)…</source>
        <translation>Save public key (PEM)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="73"/>
        <source>Nhập biên nhận…</source>
        <translation>Import receipts…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="74"/>
        <source>Chọn tệp biên nhận…</source>
        <translation>Choose receipt files…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="75"/>
        <source>Đọc mọi biên nhận trong một thư mục…</source>
        <translation>Read every receipt in a folder…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="81"/>
        <source>Đơn vị nhận: {name}</source>
        <translation>Receiving office: {name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="83"/>
        <source>Chưa nhập gói khoá của cơ quan y tế: chưa xuất được. Hãy nhập tệp office-bundle.json hoặc ảnh mã QR office-bundle.png do đơn vị nhận gửi, hoặc quét mã QR đó bằng máy quét.</source>
        <translation>The health authority&apos;s key bundle has not been imported, so nothing can be exported yet. Import the office-bundle.json file or the office-bundle.png QR picture sent by the receiving office, or scan that QR code with the scanner.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="86"/>
        <source>Trạm {code}, mã khoá: {short}</source>
        <translation>Station {code}, key id: {short}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="91"/>
        <source>Gói khoá hoặc ảnh mã QR của gói (*.json *.png *.jpg *.jpeg);;Mọi tệp (*)</source>
        <translation>Key bundle or a picture of its QR code (*.json *.png *.jpg *.jpeg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="92"/>
        <source>Chọn gói khoá của cơ quan y tế</source>
        <translation>Choose the health office&apos;s key bundle</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="100"/>
        <source>Mã vừa quét không phải gói khoá của đơn vị nhận. Ở trang này chỉ quét mã QR office-bundle.png do đơn vị nhận gửi.</source>
        <translation>The code just scanned is not the receiving office&apos;s key bundle. On this page, scan only the office-bundle.png QR code sent by the receiving office.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="107"/>
        <source>Bộ nhớ tạm không chứa gói khoá của đơn vị nhận. Hãy sao chép toàn bộ nội dung tệp office-bundle.json, hoặc bấm &quot;Nhập gói khoá…&quot; để chọn tệp hay ảnh mã QR office-bundle.png.</source>
        <translation>The clipboard does not hold the receiving office&apos;s key bundle. Copy the whole content of office-bundle.json, or click &quot;Import the health office&apos;s key bundle…&quot; to choose the file or the office-bundle.png QR picture.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="123"/>
        <source>Nhập gói khoá của đơn vị nhận &quot;{name}&quot;? Từ nay dữ liệu xuất ra sẽ được mã hoá để chỉ đơn vị này đọc được.</source>
        <translation>Import the key bundle of the receiving office &quot;{name}&quot;? From now on, exported data will be encrypted so that only this office can read it.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="131"/>
        <source>Đã nhập gói khoá của {name}. Từ nay có thể xuất dữ liệu.</source>
        <translation>The key bundle of {name} is imported. Data can now be exported.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="156"/>
        <source>Lưu khoá công khai của trạm</source>
        <translation>Save the station&apos;s public key</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="157"/>
        <source>Khoá công khai (*.pem)</source>
        <translation>Public key (*.pem)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="164"/>
        <source>Đã lưu khoá công khai vào {path} (mã khoá {short}). Gửi tệp này cho đơn vị nhận để đăng ký trạm.</source>
        <translation>Public key saved to {path} (key id {short}). Send this file to the office to register the station.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="172"/>
        <source>Không ghi được tệp {path}. Hãy kiểm tra USB đã cắm chắc và không bị khoá ghi, hoặc chọn nơi khác.</source>
        <translation>Could not write {path}. Check that the USB stick is firmly plugged in and not write-protected, or choose another place.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="180"/>
        <source>Chọn biên nhận của đơn vị nhận</source>
        <translation>Choose the office&apos;s receipts</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="181"/>
        <source>Biên nhận (*.receipt.json *.national.json);;Mọi tệp (*)</source>
        <translation>Receipts (*.receipt.json *.national.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="194"/>
        <source>Đơn vị nhận đã xác nhận lô số {seqs}.</source>
        <translation>The office acknowledged batch {seqs}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="197"/>
        <source>Lô số {seqs} đã được xác nhận từ trước.</source>
        <translation>Batch {seqs} was already acknowledged.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="200"/>
        <source>Đơn vị nhận KHÔNG nhận lô số {seq}: {reason}. Lô vẫn được giữ và sẽ được ghi lại ở lần xuất sau.</source>
        <translation>The receiving office REFUSED batch no. {seq}: {reason}. The batch is kept and will be written again with the next export.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="203"/>
        <source>Trạng thái liên thông quốc gia: {changed} lượt khám được cập nhật ({records} trong biên nhận).</source>
        <translation>National link status: {changed} visits updated ({records} in the receipt).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="206"/>
        <source>Không nhận tệp {file}: {reason}.</source>
        <translation>File {file} refused: {reason}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/keys.py" line="208"/>
        <source>Không tìm thấy tệp biên nhận nào (*.receipt.json) ở nơi đã chọn.</source>
        <translation>No receipt files (*.receipt.json) found where you chose.</translation>
    </message>
</context>
<context>
    <name>LaboratoryForm</name>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="126"/>
        <source>Xét nghiệm</source>
        <translation>Laboratory</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="126"/>
        <source>Mã dịch vụ</source>
        <translation>Service code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="126"/>
        <source>Mã chỉ số</source>
        <translation>Index code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="126"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="127"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="127"/>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="127"/>
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="129"/>
        <source>Ctrl+N thêm dòng; gõ vài chữ của tên xét nghiệm rồi Enter để chọn; Enter sang ô sau; Ctrl+Delete hai lần để xoá dòng; Ctrl+S lưu.</source>
        <translation>Ctrl+N adds a row; type part of the test&apos;s name and press Enter to pick it; Enter moves to the next cell; Ctrl+Delete twice removes a row; Ctrl+S saves.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="131"/>
        <source>Thêm dòng (Ctrl+N)</source>
        <translation>Add row (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="132"/>
        <source>Lưu xét nghiệm (Ctrl+S)</source>
        <translation>Save tests (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="133"/>
        <source>Lý do sửa:</source>
        <translation>Reason for the change:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="134"/>
        <source>Lượt khám đã hoàn thành: ghi lý do sửa</source>
        <translation>The visit is completed: give the reason for the change</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="136"/>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="222"/>
        <source>Gõ tên xét nghiệm, Enter để chọn</source>
        <translation>Type the test&apos;s name, Enter to pick</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="144"/>
        <source>Xét nghiệm: {name} ({year})</source>
        <translation>Laboratory: {name} ({year})</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="176"/>
        <source>Mẫu khám của lượt này không có phần xét nghiệm.</source>
        <translation>This visit&apos;s form has no laboratory part.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="178"/>
        <source>Đường huyết mao mạch: chưa đo (đo và ghi ở bàn sinh hiệu).</source>
        <translation>Capillary glucose: not measured (it is measured and recorded at the vital-signs desk).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="181"/>
        <source>Đường huyết mao mạch (ghi ở bàn sinh hiệu): {value} {unit} · {description} · {conclusion}</source>
        <translation>Capillary glucose (recorded at the vital-signs desk): {value} {unit} · {description} · {conclusion}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="252"/>
        <source>Đã xoá dòng {row}. Bấm Lưu để ghi lại.</source>
        <translation>Row {row} removed. Press Save to record it.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="257"/>
        <source>Xoá dòng {row} ({name})? Bấm Ctrl+Delete lần nữa để xoá; phím khác để giữ lại.</source>
        <translation>Remove row {row} ({name})? Press Ctrl+Delete again to remove it; any other key keeps it.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="272"/>
        <source>Gợi ý: {test} (Enter để chọn)</source>
        <translation>Suggestion: {test} (Enter to pick)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/laboratory_form.py" line="364"/>
        <source>Đã lưu {count} dòng xét nghiệm.</source>
        <translation>{count} test row(s) saved.</translation>
    </message>
</context>
<context>
    <name>ListActionsPanel</name>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="83"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="84"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="85"/>
        <source>Lưu Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="86"/>
        <source>Lưu CSV…</source>
        <translation>Save CSV…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="87"/>
        <source>Đã theo dõi…</source>
        <translation>Followed up…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="88"/>
        <source>Ghi nhận đã theo dõi người được chuyển tuyến đang chọn</source>
        <translation>Record that the selected referred resident was followed up</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="107"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="107"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="108"/>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="110"/>
        <source>Lưu danh sách</source>
        <translation>Save the list</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="113"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="119"/>
        <source>Đã lưu {n} dòng vào {path}</source>
        <translation>Saved {n} rows to {path}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="133"/>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="145"/>
        <source>Đã gửi danh sách đến máy in.</source>
        <translation>The list was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="148"/>
        <source>Không in được. Hãy kiểm tra máy in đã bật và có giấy, hoặc bấm &quot;Lưu PDF…&quot; để in ở máy khác.</source>
        <translation>Could not print. Check that the printer is on and has paper, or click &quot;Save PDF…&quot; to print on another computer.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="169"/>
        <source>Đã ghi nhận theo dõi chuyển tuyến của {name}.</source>
        <translation>Recorded the referral follow-up of {name}.</translation>
    </message>
</context>
<context>
    <name>ListChoicePanel</name>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="95"/>
        <source>Khám trong ngày</source>
        <translation>Day&apos;s visits</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="95"/>
        <source>Chưa khám</source>
        <translation>Not yet examined</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="96"/>
        <source>Chuyển tuyến</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="96"/>
        <source>Nghi trùng</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="99"/>
        <source>Danh sách:</source>
        <translation>List:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="99"/>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="99"/>
        <source>Đến ngày:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="100"/>
        <source>Thôn/bản:</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="100"/>
        <source>Đối tượng:</source>
        <translation>Target group:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="102"/>
        <source>Tất cả thôn/bản</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="103"/>
        <source>Tất cả đối tượng</source>
        <translation>All target groups</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="107"/>
        <source>Lọc theo ngày khám</source>
        <translation>Filter by visit date</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="108"/>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="109"/>
        <source>Liên thông:</source>
        <translation>National link:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="110"/>
        <source>Đã liên thông</source>
        <translation>In the national database</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="110"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="111"/>
        <source>Đang chờ liên thông</source>
        <translation>Waiting for the national link</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="111"/>
        <source>Chưa có biên nhận</source>
        <translation>No receipt yet</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="114"/>
        <source>Chỉ những trường hợp khó tiếp cận</source>
        <translation>Hardest cases only</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="115"/>
        <source>Không có số điện thoại, chưa có số định danh, hoặc người già yếu/khuyết tật sống một mình</source>
        <translation>No phone number, no personal ID number, or elderly/disabled living alone</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="110"/>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="121"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="122"/>
        <source>Chưa theo dõi</source>
        <translation>Not followed up</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/choice.py" line="122"/>
        <source>Đã theo dõi</source>
        <translation>Followed up</translation>
    </message>
</context>
<context>
    <name>ListPreview</name>
    <message>
        <location filename="../../station_app/ui/pages/lists/preview.py" line="84"/>
        <source>Tổng: {totals}</source>
        <translation>Totals: {totals}</translation>
    </message>
</context>
<context>
    <name>ListTableModel</name>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="155"/>
        <location filename="../../station_app/services/station/list_exports.py" line="187"/>
        <location filename="../../station_app/services/station/list_exports.py" line="214"/>
        <source>Ngày khám</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="156"/>
        <location filename="../../station_app/services/station/list_exports.py" line="188"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="157"/>
        <location filename="../../station_app/services/station/list_exports.py" line="175"/>
        <location filename="../../station_app/services/station/list_exports.py" line="189"/>
        <location filename="../../station_app/services/station/list_exports.py" line="207"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="158"/>
        <location filename="../../station_app/services/station/list_exports.py" line="176"/>
        <location filename="../../station_app/services/station/list_exports.py" line="190"/>
        <source>Năm sinh</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="159"/>
        <location filename="../../station_app/services/station/list_exports.py" line="177"/>
        <location filename="../../station_app/services/station/list_exports.py" line="191"/>
        <location filename="../../station_app/services/station/list_exports.py" line="209"/>
        <location filename="../../station_app/services/station/list_exports.py" line="285"/>
        <source>Giới</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="41"/>
        <location filename="../../station_app/services/station/list_exports.py" line="160"/>
        <location filename="../../station_app/services/station/list_exports.py" line="179"/>
        <location filename="../../station_app/services/station/list_exports.py" line="192"/>
        <location filename="../../station_app/services/station/list_exports.py" line="210"/>
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="37"/>
        <source>Thường quy</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="38"/>
        <source>Sớm (1 tuần)</source>
        <translation>Soon (1 week)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="39"/>
        <source>Khẩn cấp</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="42"/>
        <source>Nơi chuyển đến</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="161"/>
        <location filename="../../station_app/services/station/list_exports.py" line="183"/>
        <location filename="../../station_app/services/station/list_exports.py" line="287"/>
        <location filename="../../station_app/services/station/list_exports.py" line="292"/>
        <source>Đối tượng</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="162"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="163"/>
        <source>Huyết áp</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="164"/>
        <source>HA tâm thu</source>
        <translation>Systolic BP</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="165"/>
        <source>HA tâm trương</source>
        <translation>Diastolic BP</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="166"/>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="167"/>
        <location filename="../../station_app/services/station/list_exports.py" line="194"/>
        <source>Phân loại</source>
        <translation>Health class</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="168"/>
        <location filename="../../station_app/services/station/list_exports.py" line="283"/>
        <location filename="../../station_app/services/station/list_exports.py" line="299"/>
        <source>Chuyển tuyến</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="169"/>
        <source>Liên thông</source>
        <translation>National link</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="170"/>
        <location filename="../../station_app/services/station/list_exports.py" line="201"/>
        <location filename="../../station_app/services/station/list_exports.py" line="215"/>
        <source>Điểm khám</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="171"/>
        <source>Ký tên</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="174"/>
        <source>Ưu tiên</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="178"/>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="180"/>
        <location filename="../../station_app/services/station/list_exports.py" line="211"/>
        <source>Mã hộ</source>
        <translation>Household code</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="181"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="182"/>
        <location filename="../../station_app/services/station/list_exports.py" line="193"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="184"/>
        <location filename="../../station_app/services/station/list_exports.py" line="294"/>
        <source>Khó tiếp cận</source>
        <translation>Hard to reach</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="195"/>
        <source>Chuyển đến</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="196"/>
        <location filename="../../station_app/services/station/list_exports.py" line="205"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="197"/>
        <location filename="../../station_app/services/station/list_exports.py" line="302"/>
        <source>Mức độ</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="199"/>
        <location filename="../../station_app/services/station/list_exports.py" line="300"/>
        <source>Đã theo dõi</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="200"/>
        <source>Ghi chú theo dõi</source>
        <translation>Follow-up note</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="204"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="208"/>
        <source>Ngày/năm sinh</source>
        <translation>Date/year of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="212"/>
        <source>CCCD (4 số cuối)</source>
        <translation>ID card (last 4 digits)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="213"/>
        <source>Mã thẻ BHYT</source>
        <translation>Health insurance card</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="281"/>
        <source>Đã đăng ký</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="282"/>
        <source>Đã khám xong</source>
        <translation>Examined</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="284"/>
        <source>Đang chờ / đang khám</source>
        <translation>Waiting / in progress</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="290"/>
        <source>Chưa khám</source>
        <translation>Not yet examined</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="291"/>
        <source>Thuộc nhóm ưu tiên</source>
        <translation>In a priority group</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="296"/>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="301"/>
        <source>Chưa theo dõi</source>
        <translation>Not followed up</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="306"/>
        <source>Số nhóm có thể trùng</source>
        <translation>Groups of possible duplicates</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="307"/>
        <source>Số người dân liên quan</source>
        <translation>Residents concerned</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="321"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="47"/>
        <source>Đã theo dõi chuyển tuyến</source>
        <translation>Referral followed up</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/actions.py" line="48"/>
        <source>{name}: ghi chú theo dõi (đã đến khám ở đâu, kết quả, hẹn lại…)</source>
        <translation>{name}: follow-up note (where they were seen, the result, next appointment…)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/page.py" line="86"/>
        <source>Nhập danh sách người dân…</source>
        <translation>Import resident list…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/page.py" line="121"/>
        <source>Đang tải danh sách…</source>
        <translation>Loading the list…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/page.py" line="133"/>
        <source>{n} dòng</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/lists/page.py" line="84"/>
        <source>Danh sách</source>
        <translation>Lists</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="100"/>
        <source>Máy đã khoá</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="101"/>
        <source>Máy tự khoá vì lâu không dùng. {name}, hãy nhập mật khẩu để tiếp tục.</source>
        <translation>The computer locked itself after being idle. {name}, enter your password to continue.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="103"/>
        <source>Mở khoá</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="104"/>
        <source>Đăng nhập tài khoản khác</source>
        <translation>Sign in as someone else</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="42"/>
        <source>Tiếp đón</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="43"/>
        <source>Khám</source>
        <translation>Examination</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="44"/>
        <source>Danh sách</source>
        <translation>Lists</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="45"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="46"/>
        <source>Xuất dữ liệu</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="47"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="266"/>
        <location filename="../../station_app/ui/main_window.py" line="278"/>
        <source>Khám sức khỏe định kỳ</source>
        <translation>Periodic health check-up</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="289"/>
        <source>Dữ liệu lưu tại: {folder}</source>
        <translation>Data stored in: {folder}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="286"/>
        <source>Khoá máy</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="287"/>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>NationalPage</name>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="31"/>
        <source>Đang chờ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="32"/>
        <source>Đã gửi, chờ trả lời</source>
        <translation>Sent, awaiting reply</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="33"/>
        <source>Đã liên thông</source>
        <translation>In the national database</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="34"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="35"/>
        <source>Giữ lại (chữ ký không hợp lệ)</source>
        <translation>Held (invalid signature)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="70"/>
        <source>Liên thông lên cơ sở dữ liệu quốc gia</source>
        <translation>Link to the national database</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="71"/>
        <source>Đẩy ngay</source>
        <translation>Push now</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="72"/>
        <source>Hồ sơ chưa liên thông quá 20 giờ (vàng) và quá 24 giờ (đỏ)</source>
        <translation>Records not sent to the national database after 20 hours (yellow) and 24 hours (red)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="73"/>
        <source>Hồ sơ bị từ chối hoặc giữ lại: cần sửa</source>
        <translation>Records rejected or held: need fixing</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="85"/>
        <source>Đang gửi hồ sơ lên cổng liên thông…</source>
        <translation>Sending records to the national gateway…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="92"/>
        <source>Đã gửi: {accepted} được nhận, {refused} bị từ chối, {retry} sẽ gửi lại sau.</source>
        <translation>Sent: {accepted} accepted, {refused} rejected, {retry} to be sent again later.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="108"/>
        <source>Đã lưu thiết lập liên thông của trạm {code}; mật khẩu và khoá đã được mã hoá.</source>
        <translation>National link settings of station {code} saved; the password and key are encrypted.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="131"/>
        <source>{n} hồ sơ quá 24 giờ chưa liên thông.</source>
        <translation>{n} records still not sent to the national database after 24 hours.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="132"/>
        <source>Không có hồ sơ nào quá 24 giờ chưa liên thông.</source>
        <translation>No record has gone more than 24 hours without being sent to the national database.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="135"/>
        <location filename="../../station_app/ui/office/national.py" line="148"/>
        <location filename="../../station_app/ui/office/national.py" line="166"/>
        <source>Trạm</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="135"/>
        <source>Chờ lâu nhất từ</source>
        <translation>Oldest waiting since</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="136"/>
        <source>Quá 20 giờ</source>
        <translation>Over 20 hours</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="136"/>
        <source>Quá 24 giờ</source>
        <translation>Over 24 hours</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="136"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="148"/>
        <location filename="../../station_app/ui/office/national.py" line="166"/>
        <source>Lượt khám</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="148"/>
        <location filename="../../station_app/ui/office/national.py" line="166"/>
        <source>Bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="148"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="149"/>
        <source>Số giờ từ khi khám xong</source>
        <translation>Hours since the visit ended</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="149"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="162"/>
        <source>Trạm cho ký lại hồ sơ</source>
        <translation>Station to have the record signed again</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="166"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="167"/>
        <source>Thông báo</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="167"/>
        <source>Cần làm</source>
        <translation>To do</translation>
    </message>
</context>
<context>
    <name>OfficeBundlePage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="200"/>
        <source>Gói khoá của cơ quan y tế</source>
        <translation>Health office&apos;s key bundle</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="201"/>
        <source>Trạm đã được tạo. Bây giờ nhập gói khoá của cơ quan y tế nhận dữ liệu.</source>
        <translation>The station is created. Now import the key bundle of the health office that receives the data.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="202"/>
        <source>Gói khoá làm cho dữ liệu xuất ra chỉ cơ quan y tế đọc được. Chọn tệp office-bundle.json, hoặc ảnh mã QR office-bundle.png (hay ảnh chụp mã QR đó), do đơn vị nhận gửi.</source>
        <translation>The key bundle makes exported data readable by the health office only. Choose the file office-bundle.json, or the QR picture office-bundle.png (or a photo of that QR code), sent by the receiving office.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="205"/>
        <source>Chọn tệp gói khoá…</source>
        <translation>Choose the key bundle file…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="208"/>
        <source>Có thể bỏ qua bước này (bấm Tiếp theo): trạm vẫn tiếp đón và khám bình thường, nhưng chưa xuất được dữ liệu cho đến khi nhập gói khoá ở trang Xuất dữ liệu.</source>
        <translation>You can skip this step (press Next): the station registers and examines as usual, but cannot export data until the key bundle is imported on the Export page.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="217"/>
        <source>Chọn gói khoá của cơ quan y tế</source>
        <translation>Choose the health office&apos;s key bundle</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="218"/>
        <source>Gói khoá hoặc ảnh mã QR của gói (*.json *.png *.jpg *.jpeg);;Mọi tệp (*)</source>
        <translation>Key bundle or its QR picture (*.json *.png *.jpg *.jpeg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="225"/>
        <source>Đang đọc gói khoá…</source>
        <translation>Reading the key bundle…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="232"/>
        <source>Đã nhập gói khoá của {name}. Trạm xuất được dữ liệu cho đơn vị này.</source>
        <translation>The key bundle of {name} is imported. The station can export data for this office.</translation>
    </message>
</context>
<context>
    <name>OfficeCharts</name>
    <message>
        <location filename="../../station_app/ui/office/report_charts.py" line="54"/>
        <source>Tỉ lệ khám xong theo xã/phường (%)</source>
        <translation>Share of visits finished by commune (%)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report_charts.py" line="54"/>
        <source>Tỉ lệ khám xong theo nhóm đối tượng (%)</source>
        <translation>Share of visits finished by target group (%)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report_charts.py" line="55"/>
        <source>Tỉ lệ lượt khám xong được nhận trong 24 giờ, theo trạm (%)</source>
        <translation>Share of finished visits received within 24 hours, by station (%)</translation>
    </message>
</context>
<context>
    <name>OfficeReport</name>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="27"/>
        <source>Tiến độ theo xã/phường</source>
        <translation>Progress by commune</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="28"/>
        <source>Tiến độ theo nhóm đối tượng</source>
        <translation>Progress by target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="29"/>
        <source>Tiến độ theo nguồn kinh phí</source>
        <translation>Progress by funding source</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="30"/>
        <source>Lô dữ liệu theo trạm</source>
        <translation>Batches by station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="31"/>
        <source>Thời gian từ khám xong đến khi nhận (quy định 24 giờ)</source>
        <translation>Time from a finished visit to its receipt (24-hour rule)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="32"/>
        <source>Có thể thanh toán trùng (CV 1129): một số CCCD khám ở hai trạm</source>
        <translation>Possible double payments (CV 1129): one CCCD number examined at two stations</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="33"/>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="33"/>
        <source>Nhóm đối tượng</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="34"/>
        <source>Nguồn kinh phí</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="34"/>
        <source>Lượt khám nhận được</source>
        <translation>Visits received</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="35"/>
        <source>Đã khám xong</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="35"/>
        <source>Tỉ lệ xong</source>
        <translation>Share finished</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="36"/>
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="36"/>
        <source>Tên trạm</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="37"/>
        <source>Số lô đã nhận</source>
        <translation>Batches received</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="37"/>
        <source>Lô mới nhất</source>
        <translation>Newest batch</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="38"/>
        <source>Lô còn thiếu</source>
        <translation>Batches missing</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="38"/>
        <source>Lô bị cách ly</source>
        <translation>Batches quarantined</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="39"/>
        <source>Lượt khám xong</source>
        <translation>Visits finished</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="39"/>
        <source>Nhận trong 24 giờ</source>
        <translation>Received within 24 hours</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="40"/>
        <source>Tỉ lệ</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="40"/>
        <source>Trung vị (giờ)</source>
        <translation>Median (hours)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="41"/>
        <source>Lâu nhất (giờ)</source>
        <translation>Longest (hours)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="41"/>
        <source>Số CCCD</source>
        <translation>CCCD number</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="42"/>
        <source>Đợt khám</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="42"/>
        <source>Các trạm</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="43"/>
        <source>Số lượt khám</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="44"/>
        <source>Lượt khám theo mẫu khám sức khỏe (QĐ 1551, phụ lục PL01)</source>
        <translation>Visits by check-up form (QĐ 1551, appendix PL01)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="45"/>
        <source>Lượt khám theo mã đối tượng (DOI_TUONG, QĐ 1551)</source>
        <translation>Visits by target-group code (DOI_TUONG, QĐ 1551)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="46"/>
        <source>Mẫu</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="46"/>
        <source>Ghi trước QĐ 1551</source>
        <translation>Recorded before QĐ 1551</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="47"/>
        <source>Mã đối tượng</source>
        <translation>Target-group code</translation>
    </message>
</context>
<context>
    <name>OfficeReportPage</name>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="50"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="51"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="52"/>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="80"/>
        <source>Đã gửi báo cáo đến máy in.</source>
        <translation>The report was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="82"/>
        <source>Không in được. Hãy kiểm tra máy in, hoặc bấm &quot;Lưu PDF…&quot; để lưu và in ở máy khác.</source>
        <translation>Could not print. Check the printer, or press &quot;Save PDF…&quot; to save it and print on another computer.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="101"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="102"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="102"/>
        <source>Lưu Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="102"/>
        <source>Lưu CSV…</source>
        <translation>Save CSV…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="105"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="114"/>
        <source>Đang tính…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="136"/>
        <source>{office} · số liệu đến {time} · không tính lượt khám đã huỷ</source>
        <translation>{office} · figures up to {time} · cancelled visits left out</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="160"/>
        <source>Chưa có số liệu.</source>
        <translation>No figures yet.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="169"/>
        <source>Chưa có số liệu: nhập lô của các trạm ở trang &quot;Nhập lô&quot;.</source>
        <translation>No figures yet: import the stations&apos; batches on the &quot;Import&quot; page.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="177"/>
        <source>Theo xã/phường</source>
        <translation>By commune</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="177"/>
        <source>Theo nhóm đối tượng</source>
        <translation>By target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="177"/>
        <source>Theo nguồn kinh phí</source>
        <translation>By funding source</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="178"/>
        <source>Lô theo trạm</source>
        <translation>Batches by station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="178"/>
        <source>Quy định 24 giờ</source>
        <translation>24-hour rule</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="178"/>
        <source>Có thể thanh toán trùng</source>
        <translation>Possible double payments</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="179"/>
        <source>Theo mẫu khám</source>
        <translation>By form</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="179"/>
        <source>Theo mã đối tượng</source>
        <translation>By target-group code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="179"/>
        <source>Liên thông quốc gia</source>
        <translation>National link</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="188"/>
        <source>Lưu báo cáo</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="192"/>
        <source>Đang ghi báo cáo…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="201"/>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/report.py" line="213"/>
        <source>Đã lưu báo cáo vào {path}</source>
        <translation>Report saved to {path}</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="28"/>
        <source>Đã nhập</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="29"/>
        <source>Đã nhập từ trước (không đổi gì)</source>
        <translation>Already imported (nothing changed)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/batches.py" line="30"/>
        <source>Bị cách ly</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/main.py" line="27"/>
        <source>Đơn vị nhận dữ liệu</source>
        <translation>Receiving office</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="28"/>
        <source>Trạm</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="29"/>
        <source>Lô dữ liệu</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="30"/>
        <source>Nhập lô</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="31"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="32"/>
        <source>Liên thông</source>
        <translation>National link</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="159"/>
        <source>Chọn thư mục của đơn vị nhận</source>
        <translation>Choose the office&apos;s folder</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="218"/>
        <source>Đơn vị nhận dữ liệu — {name}</source>
        <translation>Receiving office — {name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="219"/>
        <location filename="../../station_app/ui/office/window.py" line="220"/>
        <source>Đơn vị nhận dữ liệu khám sức khỏe</source>
        <translation>Health check-up receiving office</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="221"/>
        <source>Thư mục: {folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="222"/>
        <source>Ngôn ngữ:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/common.py" line="79"/>
        <source>chưa gửi lô nào</source>
        <translation>no batch sent yet</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/common.py" line="81"/>
        <source>{n} phút</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/common.py" line="83"/>
        <source>{n} giờ</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/common.py" line="84"/>
        <source>{d} ngày {h} giờ</source>
        <translation>{d} days {h} h</translation>
    </message>
</context>
<context>
    <name>OpenVisitDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="72"/>
        <source>Mở lượt khám</source>
        <translation>Open visit</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="92"/>
        <source>Mở lượt khám cho {name}</source>
        <translation>Open a visit for {name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="93"/>
        <source>Sinh {birth} · {sex} · {place}</source>
        <translation>Born {birth} · {sex} · {place}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="95"/>
        <source>chưa rõ địa chỉ</source>
        <translation>address unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="101"/>
        <source>Ví dụ: khám lại theo yêu cầu của bác sĩ; lần trước chưa khám xong</source>
        <translation>e.g. re-examination requested by the doctor; previous check-up not completed</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="105"/>
        <source>Lý do khám lần hai *</source>
        <translation>Reason for second visit *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="111"/>
        <source>Nhóm đối tượng</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="122"/>
        <source>Nguồn kinh phí</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="126"/>
        <source>Đồng ý xử lý dữ liệu cá nhân (đọc cho người dân nghe)</source>
        <translation>Consent to the processing of personal data (read aloud to the resident)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="130"/>
        <source>Người dân tự đồng ý</source>
        <translation>Resident consents for themselves</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="131"/>
        <source>Người giám hộ đồng ý thay (trẻ em, người không tự quyết định được)</source>
        <translation>Guardian consents on their behalf (children, people unable to decide for themselves)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="138"/>
        <source>Mẹ</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="138"/>
        <source>Bố</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="138"/>
        <source>Ông</source>
        <translation>Grandfather</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="138"/>
        <source>Bà</source>
        <translation>Grandmother</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="139"/>
        <source>Anh/chị</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="139"/>
        <source>Người nuôi dưỡng</source>
        <translation>Carer</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="144"/>
        <source>Họ và tên người giám hộ *</source>
        <translation>Guardian&apos;s full name *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="145"/>
        <source>Quan hệ *</source>
        <translation>Relationship *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="148"/>
        <source>Người ghi nhận sự đồng ý: {name}</source>
        <translation>Consent recorded by: {name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="161"/>
        <source>Đồng ý và mở lượt khám (Enter)</source>
        <translation>Confirm consent and open visit (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="161"/>
        <source>Huỷ (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="81"/>
        <source>Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Chỉ mở lượt khám lần hai khi thật sự cần, và ghi lý do (được lưu vào nhật ký).</source>
        <translation>This person has already been registered for a check-up in this round on {date} at {site}. Only open a second visit when it is really necessary, and enter a reason (it will be recorded in the audit log).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="185"/>
        <source>Ngân sách nhà nước (miễn phí)</source>
        <translation>State budget (free of charge)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="186"/>
        <source>Bảo hiểm y tế</source>
        <translation>Health insurance</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="187"/>
        <source>Cơ quan, đơn vị chi trả</source>
        <translation>Paid by agency or organisation</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="188"/>
        <source>Người dân tự chi trả</source>
        <translation>Paid by the resident</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="189"/>
        <source>Nguồn khác</source>
        <translation>Other source</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="213"/>
        <source>Hãy ghi họ tên và quan hệ của người giám hộ đồng ý thay, hoặc chọn &quot;Người dân tự đồng ý&quot;.</source>
        <translation>Please enter the full name and relationship of the guardian consenting on their behalf, or select &quot;Resident consents for themselves&quot;.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/open_visit.py" line="218"/>
        <source>Hãy ghi lý do khám lần hai rồi bấm lại, hoặc bấm Huỷ.</source>
        <translation>Please enter the reason for the second visit and click again, or click Cancel.</translation>
    </message>
</context>
<context>
    <name>OpeningScreen</name>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="80"/>
        <source>Đơn vị nhận dữ liệu</source>
        <translation>Receiving office</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="81"/>
        <source>Chọn thư mục đơn vị nhận…</source>
        <translation>Choose the office folder…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="82"/>
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="83"/>
        <source>Thư mục của đơn vị nhận là thư mục đã tạo bằng lệnh &apos;station-app office init&apos; (có keys, office-bundle.json và office.sqlite). Chọn đúng thư mục đó, hoặc mở cửa sổ bằng &apos;station-app office --dir THƯ_MỤC [--db ĐỊA_CHỈ]&apos;.</source>
        <translation>The office folder is the one made by &apos;station-app office init&apos; (it holds keys, office-bundle.json and office.sqlite). Choose that folder, or open the window with &apos;station-app office --dir FOLDER [--db URL]&apos;.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="88"/>
        <source>Đang mở dữ liệu của đơn vị nhận…</source>
        <translation>Opening the office&apos;s data…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/window.py" line="94"/>
        <source>Không mở được dữ liệu của đơn vị nhận.</source>
        <translation>The office&apos;s data could not be opened.</translation>
    </message>
</context>
<context>
    <name>Pl01Desk</name>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="58"/>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="58"/>
        <source>Không làm</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="168"/>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="203"/>
        <source>Đã xác nhận giá trị bất thường.</source>
        <translation>Unusual value confirmed.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="205"/>
        <source>Enter để xác nhận, hoặc gõ số đúng để sửa.</source>
        <translation>Enter to confirm, or type the right number to correct it.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="206"/>
        <source>Cần xác nhận trước khi lưu.</source>
        <translation>To be confirmed before saving.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="316"/>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="339"/>
        <source>Gõ mã hoặc tên bệnh, Enter để thêm</source>
        <translation>Type a code or a disease name, Enter to add</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="324"/>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="340"/>
        <source>Năm phát hiện</source>
        <translation>Year found</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="379"/>
        <source>{field}: không tìm thấy mã ICD-10 này; hãy gõ mã hoặc tên bệnh rồi chọn trong danh sách.</source>
        <translation>{field}: this ICD-10 code was not found; type a code or a disease name and pick from the list.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="474"/>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="504"/>
        <source>Bình thường (K)</source>
        <translation>Normal (K)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="536"/>
        <source>Đánh dấu mục không có kết quả</source>
        <translation>Mark an item without a result</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="538"/>
        <source>Từ chối (người dân không đồng ý)</source>
        <translation>Refused (the resident declined)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="539"/>
        <source>Không làm (ghi lý do)</source>
        <translation>Not done (give the reason)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="541"/>
        <source>Bỏ đánh dấu</source>
        <translation>Remove the mark</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="552"/>
        <source>Đánh dấu</source>
        <translation>Mark</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="553"/>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="903"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="562"/>
        <source>Hãy ghi lý do không làm (ví dụ: không có máy đo).</source>
        <translation>Give the reason it was not done (for example: no device to measure).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="629"/>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="630"/>
        <source>Lý do sửa:</source>
        <translation>Reason for change:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="631"/>
        <source>Lượt khám đã hoàn thành: ghi lý do sửa</source>
        <translation>Visit completed: enter a reason for the change</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="637"/>
        <source>K: bình thường cho cả phần và sang phần sau · Enter: mục sau · Ctrl+↓: phần sau · C/N: có/không · F8: từ chối hoặc không làm · Ctrl+S: lưu</source>
        <translation>K: normal for the whole part and on to the next · Enter: next field · Ctrl+↓: next part · C/N: yes/no · F8: refused or not done · Ctrl+S: save</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="858"/>
        <source>C hoặc 1: có · N hoặc 0: không · Enter: mục sau · Ctrl+↓: phần sau · F8: từ chối hoặc không làm · Ctrl+S: lưu</source>
        <translation>C or 1: yes · N or 0: no · Enter: next field · Ctrl+↓: next part · F8: refused or not done · Ctrl+S: save</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="688"/>
        <source>Mẫu khám của lượt khám này không có mục nào ghi ở bàn này.</source>
        <translation>The visit&apos;s form has nothing recorded at this desk.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="800"/>
        <source>Chưa lưu: còn {n} giá trị bất thường cần xác nhận (màu vàng). Ở ô đang chọn: Enter để xác nhận, hoặc gõ số đúng để sửa.</source>
        <translation>Not saved: {n} unusual values still to confirm (in amber). In the selected field: Enter to confirm, or type the right number to correct it.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="809"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="835"/>
        <source>Khám theo mẫu QĐ 1551: {name} ({year})</source>
        <translation>National form (Decision 1551): {name} ({year})</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="855"/>
        <source>Phát triển của trẻ: {name} ({year})</source>
        <translation>Child development: {name} ({year})</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="867"/>
        <source>Mẫu {number} – {who}</source>
        <translation>Form {number} – {who}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="869"/>
        <source>bác sĩ đổi từ mẫu {rule}: {reason}</source>
        <translation>changed by the doctor from form {rule}: {reason}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="882"/>
        <source>Đổi mẫu khám của lượt khám</source>
        <translation>Change the visit&apos;s form</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="892"/>
        <source>Vì sao mẫu theo tuổi không đúng (ví dụ: ngày sinh trên thẻ sai)</source>
        <translation>Why the form by age is wrong (for example: the birth date on the card is wrong)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="900"/>
        <source>Theo tuổi và lớp, lượt khám này dùng mẫu {rule}.</source>
        <translation>By age and grade, this visit uses form {rule}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="902"/>
        <source>Mẫu khám</source>
        <translation>Check-up form</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_desk.py" line="912"/>
        <source>Hãy ghi lý do đổi mẫu khám.</source>
        <translation>Give the reason for changing the form.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_state.py" line="31"/>
        <source>{field}: hãy gõ một số (ví dụ 5 hoặc 0,5).</source>
        <translation>{field}: type a number (for example 5 or 0.5).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_state.py" line="32"/>
        <source>{field}: {value} không thể đúng; hãy gõ một số từ {low} đến {high}.</source>
        <translation>{field}: {value} cannot be right; type a number from {low} to {high}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_state.py" line="33"/>
        <source>{field}: hãy gõ ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2020.</source>
        <translation>{field}: type the date as day/month/year, for example 05/03/2020.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_state.py" line="34"/>
        <source>{field}: dài quá {size} ký tự; hãy viết gọn lại.</source>
        <translation>{field}: longer than {size} characters; make it shorter.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_state.py" line="35"/>
        <source>{field}: hãy chọn một mục trong danh sách.</source>
        <translation>{field}: pick an item from the list.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_state.py" line="38"/>
        <source>{value} là bất thường (thường từ {low} đến {high}).</source>
        <translation>{value} is unusual (usually {low} to {high}).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_state.py" line="39"/>
        <source>{value} là bất thường (thường từ {low} trở lên).</source>
        <translation>{value} is unusual (usually {low} or more).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/pl01_state.py" line="40"/>
        <source>{value} là bất thường (thường không quá {high}).</source>
        <translation>{value} is unusual (usually no more than {high}).</translation>
    </message>
</context>
<context>
    <name>Pl01ReceptionDialog</name>
    <message>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="66"/>
        <source>Hồ sơ người dân còn thiếu các mục mẫu QĐ 1551 bắt buộc dưới đây: hãy hỏi và ghi, hoặc đánh dấu &quot;Không có / không rõ&quot; (Tab rồi phím cách).</source>
        <translation>The resident&apos;s record lacks the fields below, which the QĐ 1551 form requires: ask and type them, or mark them &quot;None / not known&quot; (Tab, then Space).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="71"/>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="73"/>
        <source>Thông tin theo QĐ 1551</source>
        <translation>Decision 1551 details</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="74"/>
        <source>Gõ mã để chọn trong danh sách; ngày gõ theo dạng ngày/tháng/năm. Enter: sang ô sau; Ctrl+Enter: lưu; Esc: đóng. Ô ghi &quot;lần trước&quot; lấy từ lần khám trước: hãy hỏi lại người dân.</source>
        <translation>Type a code to choose it from the list; type dates as day/month/year. Enter: next field; Ctrl+Enter: save; Esc: close. Fields marked &quot;last time&quot; come from the previous visit: ask the resident again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="89"/>
        <source>Lưu (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="90"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="116"/>
        <source>(lần trước)</source>
        <translation>(last time)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="121"/>
        <source>Không có / không rõ</source>
        <translation>None / not known</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="145"/>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="186"/>
        <source>{field}: hãy gõ một ngày đã qua theo dạng ngày/tháng/năm, ví dụ 05/03/2021.</source>
        <translation>{field}: type a past date as day/month/year, for example 05/03/2021.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/pl01.py" line="190"/>
        <source>{field}: giá trị này không hợp lệ; hãy sửa lại hoặc để trống.</source>
        <translation>{field}: this value is not valid; correct it or leave it empty.</translation>
    </message>
</context>
<context>
    <name>ProgressCharts</name>
    <message>
        <location filename="../../station_app/ui/pages/progress_charts.py" line="77"/>
        <source>Tỷ lệ đã khám theo nhóm đối tượng (%)</source>
        <translation>Coverage by target group (%)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress_charts.py" line="84"/>
        <source>Số người đã khám cộng dồn theo ngày</source>
        <translation>Residents examined, cumulative by day</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress_charts.py" line="117"/>
        <source>Tỷ lệ đã khám theo thôn/bản (%), thấp nhất trước</source>
        <translation>Coverage by village (%), lowest first</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress_charts.py" line="119"/>
        <source>Tỷ lệ đã khám theo thôn/bản (%): {n} thôn/bản thấp nhất trong {total}</source>
        <translation>Coverage by village (%): the {n} lowest of {total} villages</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="146"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="147"/>
        <source>Tuần này</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="147"/>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="147"/>
        <source>Cả đợt khám</source>
        <translation>Whole campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="148"/>
        <source>Tự chọn</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="151"/>
        <source>Tất cả điểm khám</source>
        <translation>All sites</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="152"/>
        <source>Kỳ:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="152"/>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="152"/>
        <source>Đến ngày:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="153"/>
        <source>Điểm khám:</source>
        <translation>Site:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="155"/>
        <source>Báo cáo tuần (PDF)…</source>
        <translation>Weekly report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="156"/>
        <source>In báo cáo…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="157"/>
        <source>người đã khám / danh sách</source>
        <translation>residents examined / roster</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="157"/>
        <source>tỷ lệ đã khám</source>
        <translation>coverage</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="158"/>
        <source>khám lần đầu trong kỳ</source>
        <translation>first examined in the period</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="158"/>
        <source>tỷ lệ hoàn thành</source>
        <translation>completion rate</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="159"/>
        <source>tỷ lệ chuyển tuyến</source>
        <translation>referral rate</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="161"/>
        <source>Theo thôn/bản</source>
        <translation>By village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="161"/>
        <source>Theo nhóm đối tượng</source>
        <translation>By target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="162"/>
        <source>Học sinh theo trường, lớp</source>
        <translation>Pupils by school and class</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="204"/>
        <source>Đang tính…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="234"/>
        <source>{campaign} · {site} · từ {start} đến {end} (số liệu đến hết ngày {end})</source>
        <translation>{campaign} · {site} · from {start} to {end} (figures up to the end of {end})</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="238"/>
        <source>chưa đến: {n}</source>
        <translation>not seen: {n}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="239"/>
        <source>đang khám {a}, chờ khám {b}</source>
        <translation>in progress {a}, waiting {b}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="241"/>
        <source>lượt đăng ký trong kỳ: {n}</source>
        <translation>visits registered in the period: {n}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="242"/>
        <location filename="../../station_app/ui/pages/progress.py" line="244"/>
        <source>{a} / {b} lượt</source>
        <translation>{a} / {b} visits</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="264"/>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="265"/>
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="266"/>
        <source>Nhóm đối tượng</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="268"/>
        <source>Trường</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="268"/>
        <source>Lớp</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="286"/>
        <source>Lưu báo cáo tiến độ</source>
        <translation>Save the progress report</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="287"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="290"/>
        <source>Đang tạo báo cáo…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="297"/>
        <source>Đã lưu báo cáo vào {path}</source>
        <translation>Report saved to {path}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="308"/>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="318"/>
        <source>Đã gửi báo cáo đến máy in.</source>
        <translation>The report was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="321"/>
        <source>Không in được. Hãy kiểm tra máy in, hoặc bấm &quot;Báo cáo tuần (PDF)…&quot; để lưu và in ở máy khác.</source>
        <translation>Could not print. Check the printer, or click &quot;Weekly report (PDF)…&quot; to save it and print on another computer.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="327"/>
        <source>Danh sách</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="327"/>
        <source>Đã khám</source>
        <translation>Examined</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="327"/>
        <source>Tỷ lệ</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="328"/>
        <source>Mới trong kỳ</source>
        <translation>New in period</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="328"/>
        <source>Đang khám</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="329"/>
        <source>Chờ khám</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/progress.py" line="329"/>
        <source>Chưa đến</source>
        <translation>Not seen</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../station_app/ui/pages/reception/panels.py" line="107"/>
        <source>Hàng đợi hôm nay</source>
        <translation>Today&apos;s queue</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/panels.py" line="108"/>
        <source>In lại phiếu (Ctrl+P)</source>
        <translation>Reprint slip (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../station_app/ui/pages/reception/models.py" line="88"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/models.py" line="88"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/models.py" line="88"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="163"/>
        <source>Tiếp đón</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="164"/>
        <source>Quét thẻ hoặc gõ tên, số CCCD, số BHYT, năm sinh, thôn/bản…</source>
        <translation>Scan a card, or type a name, CCCD no., health insurance no., birth year, village…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="165"/>
        <source>Nhập tay người không có thẻ (F2)</source>
        <translation>Enter a person without a card (F2)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="166"/>
        <source>Mở lượt khám (Enter)</source>
        <translation>Open a visit (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="167"/>
        <source>Thông tin theo QĐ 1551 (F6)</source>
        <translation>Decision 1551 details (F6)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="176"/>
        <source>Máy quét bàn phím: sẵn sàng</source>
        <translation>Keyboard scanner: ready</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="178"/>
        <source>Cổng COM: chưa chọn (Quản trị › Cài đặt máy này)</source>
        <translation>COM port: not chosen (Administration › This computer)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="180"/>
        <source>Máy quét cổng {port}: đã kết nối</source>
        <translation>Scanner on {port}: connected</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="182"/>
        <source>Máy quét cổng {port}: {state}</source>
        <translation>Scanner on {port}: {state}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="184"/>
        <source>Camera: đang bật</source>
        <translation>Camera: on</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/page.py" line="184"/>
        <source>Camera: tắt</source>
        <translation>Camera: off</translation>
    </message>
</context>
<context>
    <name>RegisterStationDialog</name>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="37"/>
        <source>Chọn tệp…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="39"/>
        <source>Tệp PEM do trạm ghi ra (trang Xuất dữ liệu của trạm, hoặc lệnh &apos;station-app export --public-key&apos;). Mã trạm phải đúng như trong tên tệp lô của trạm, ví dụ TYT-MK.</source>
        <translation>The PEM file the station saved (the station&apos;s Export page, or &apos;station-app export --public-key&apos;). The station code must be the one in the station&apos;s batch file names, e.g. TYT-MK.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="45"/>
        <source>Đăng ký</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="45"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="51"/>
        <source>Tệp khoá công khai (PEM):</source>
        <translation>Public key file (PEM):</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="52"/>
        <source>Mã trạm:</source>
        <translation>Station code:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="53"/>
        <source>Tên trạm:</source>
        <translation>Station name:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="56"/>
        <source>Đăng ký trạm gửi dữ liệu</source>
        <translation>Register a station that sends data</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="61"/>
        <source>Đăng ký trạm</source>
        <translation>Register a station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="65"/>
        <source>Chọn tệp khoá công khai của trạm</source>
        <translation>Choose the station&apos;s public key file</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="66"/>
        <source>Khoá công khai (*.pem *.pub);;Mọi tệp (*)</source>
        <translation>Public keys (*.pem *.pub);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="74"/>
        <source>Hãy chọn tệp PEM của trạm và nhập mã trạm.</source>
        <translation>Choose the station&apos;s PEM file and enter the station code.</translation>
    </message>
</context>
<context>
    <name>ResidentCard</name>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="67"/>
        <source>Quét thẻ CCCD, thẻ BHYT hoặc phiếu khám (bằng máy quét, camera hay ảnh), hoặc gõ tên vào ô tìm kiếm. Người không có thẻ: bấm F2 để nhập tay.</source>
        <translation>Scan a CCCD card, health insurance card or visit slip (scanner, camera or picture), or type a name in the search field. People without a card: press F2 to enter them by hand.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="93"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="93"/>
        <source>{birth} ({age} tuổi)</source>
        <translation>{birth} ({age} years)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="94"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="95"/>
        <source>Số CCCD</source>
        <translation>CCCD no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="95"/>
        <location filename="../../station_app/ui/pages/reception/card.py" line="96"/>
        <source>chưa có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="96"/>
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="97"/>
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="97"/>
        <source>chưa rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="99"/>
        <source>Đối tượng</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="101"/>
        <source>Người giám hộ</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="82"/>
        <source>Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Mở lượt khám lần hai cần ghi lý do.</source>
        <translation>This person was already registered in this campaign on {date} at {site}. A second visit needs a reason.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/card.py" line="86"/>
        <source>Lượt khám hôm nay: số thứ tự {number}</source>
        <translation>Today&apos;s visit: queue no. {number}</translation>
    </message>
</context>
<context>
    <name>ResidentFormDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="68"/>
        <source>Xác nhận người mới từ thẻ</source>
        <translation>Confirm new person from card</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="68"/>
        <source>Nhập tay người không có thẻ</source>
        <translation>Enter a person without a card manually</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="82"/>
        <source>Người này chưa có trong danh sách. Hãy đối chiếu thông tin đọc từ thẻ với người dân, rồi bấm Lưu.</source>
        <translation>This person is not on the list yet. Please check the details read from the card against the resident, then click Save.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="84"/>
        <source>Dùng cho người không mang thẻ (trẻ nhỏ, một số người cao tuổi). Ô có dấu * là bắt buộc. Với trẻ em, ghi họ tên và quan hệ của người giám hộ.</source>
        <translation>For people without a card (young children, some elderly people). Fields marked * are required. For children, enter the guardian&apos;s full name and relationship.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="94"/>
        <source>— chọn —</source>
        <translation>— select —</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="95"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="95"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="95"/>
        <source>Không rõ</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="98"/>
        <source>ngày/tháng/năm, hoặc chỉ năm sinh</source>
        <translation>dd/mm/yyyy, or year of birth only</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="100"/>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="102"/>
        <source>15 ký tự trên thẻ, hoặc mã số BHXH 10 chữ số</source>
        <translation>15 characters on the card, or 10-digit social insurance number</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="113"/>
        <source>Mẹ</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="113"/>
        <source>Bố</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="113"/>
        <source>Ông</source>
        <translation>Grandfather</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="113"/>
        <source>Bà</source>
        <translation>Grandmother</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="114"/>
        <source>Anh/chị</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="114"/>
        <source>Người nuôi dưỡng</source>
        <translation>Carer</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="120"/>
        <source>Họ và tên *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="120"/>
        <source>Giới tính *</source>
        <translation>Sex *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="121"/>
        <source>Ngày sinh hoặc năm sinh *</source>
        <translation>Date or year of birth *</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="122"/>
        <source>Số CCCD</source>
        <translation>CCCD no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="123"/>
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="124"/>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="124"/>
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="125"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="125"/>
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="131"/>
        <source>Người giám hộ (với trẻ em)</source>
        <translation>Guardian (for children)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="134"/>
        <source>Họ và tên người giám hộ</source>
        <translation>Guardian&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="135"/>
        <source>Quan hệ với trẻ</source>
        <translation>Relationship to child</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="136"/>
        <source>Nhóm đối tượng</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="142"/>
        <source>Lưu (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="142"/>
        <source>Huỷ (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="212"/>
        <source>Ghi ngày sinh dạng 15/05/2002, hoặc chỉ năm sinh (2002).</source>
        <translation>Enter the date of birth as 15/05/2002, or just the year of birth (2002).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="218"/>
        <source>Ghi họ tên người giám hộ, hoặc xoá ô quan hệ.</source>
        <translation>Enter the guardian&apos;s full name, or clear the relationship field.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/resident_form.py" line="251"/>
        <source>Hãy sửa ô được báo đỏ rồi bấm Lưu.</source>
        <translation>Please correct the fields marked in red, then click Save.</translation>
    </message>
</context>
<context>
    <name>ResidentsTableModel</name>
    <message>
        <location filename="../../station_app/ui/pages/reception/models.py" line="53"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/models.py" line="53"/>
        <source>Năm sinh</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/models.py" line="53"/>
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/models.py" line="53"/>
        <source>Số CCCD / BHYT</source>
        <translation>CCCD / insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/models.py" line="54"/>
        <source>Đã khám</source>
        <translation>Examined</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../station_app/ui/pages/reception/panels.py" line="45"/>
        <source>Kết quả tìm kiếm</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/panels.py" line="46"/>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/panels.py" line="47"/>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/panels.py" line="64"/>
        <source>Gõ ít nhất một chữ của tên, hoặc số CCCD, số BHYT, năm sinh, tên thôn/bản.</source>
        <translation>Type at least one letter of the name, or a CCCD no., health insurance no., birth year or village.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/panels.py" line="66"/>
        <source>Không tìm thấy ai. Kiểm tra lại chính tả, hoặc bấm F2 để nhập người mới.</source>
        <translation>Nobody found. Check the spelling, or press F2 to enter a new person.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/panels.py" line="68"/>
        <source>Người {first}–{last}{more}. Mũi tên lên/xuống để chọn, Enter để nhận.</source>
        <translation>People {first}–{last}{more}. Up/Down arrows to choose, Enter to take.</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="184"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="184"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="184"/>
        <source>Năm sinh</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="185"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="185"/>
        <source>Số CCCD/định danh</source>
        <translation>CCCD/ID no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="186"/>
        <source>Số CMND cũ</source>
        <translation>Old ID no. (CMND)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="186"/>
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="187"/>
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="187"/>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="187"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="188"/>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="188"/>
        <source>Đối tượng</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="188"/>
        <source>Trường học</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="189"/>
        <source>Lớp</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="189"/>
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="189"/>
        <source>Mã hộ</source>
        <translation>Household code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="190"/>
        <source>Người giám hộ</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="190"/>
        <source>Quan hệ với người giám hộ</source>
        <translation>Relationship to guardian</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="194"/>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="195"/>
        <source>Nhập danh sách người dân</source>
        <translation>Import resident list</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="197"/>
        <source>Chọn tệp CSV hoặc Excel (.xlsx) danh sách người dân của xã. Kiểm tra cột nào ghép vào trường nào ở dòng đầu bảng xem trước, rồi bấm Nhập. Nhập lại cùng tệp không tạo người trùng.</source>
        <translation>Choose the commune&apos;s resident list as a CSV or Excel (.xlsx) file. Check which column is mapped to which field in the top row of the preview table, then click Import. Importing the same file again does not create duplicate residents.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="199"/>
        <source>Chưa chọn tệp</source>
        <translation>No file selected</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="200"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="201"/>
        <source>Huỷ nhập</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="202"/>
        <source>Nhập danh sách</source>
        <translation>Import list</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="203"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="204"/>
        <source>Kết quả nhập</source>
        <translation>Import results</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="205"/>
        <source>Số dòng đã đọc</source>
        <translation>Rows read</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="205"/>
        <source>Thêm mới</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="205"/>
        <source>Trong đó có thể trùng</source>
        <translation>Of which possible duplicates</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="206"/>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="206"/>
        <source>Không đổi</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="206"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="209"/>
        <source>Mở thư mục chứa danh sách bị từ chối</source>
        <translation>Open folder containing the rejected rows</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="212"/>
        <source>(bỏ qua)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="216"/>
        <source>Ghép vào</source>
        <translation>Map to</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="225"/>
        <source>Chọn tệp danh sách người dân</source>
        <translation>Choose resident list file</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="226"/>
        <source>Danh sách (*.csv *.xlsx *.xlsm *.txt);;Mọi tệp (*)</source>
        <translation>Lists (*.csv *.xlsx *.xlsm *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="260"/>
        <source>Tệp không có dòng tiêu đề nào. Hãy chọn đúng tệp danh sách.</source>
        <translation>The file has no header row. Please choose the correct list file.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="279"/>
        <source>Cách ghép cột lần trước cho tệp có cùng dòng tiêu đề đã được dùng lại.</source>
        <translation>The column mapping used last time for a file with the same header row has been reused.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="281"/>
        <source>Cột được đoán theo dòng tiêu đề; hãy kiểm tra và sửa nếu cần.</source>
        <translation>Columns were guessed from the header row; please check them and correct if needed.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="284"/>
        <source>Bảng mã của tệp: {encoding}.</source>
        <translation>File encoding: {encoding}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="302"/>
        <source>Trường “{field}” được chọn cho hai cột. Mỗi trường chỉ ghép với một cột.</source>
        <translation>Field “{field}” is selected for two columns. Each field can be mapped to only one column.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="305"/>
        <source>Cần chọn cột Họ và tên và cột Ngày sinh hoặc Năm sinh.</source>
        <translation>Please select the Full name column and either the Date of birth or the Year of birth column.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="350"/>
        <source>%v / %m dòng</source>
        <translation>%v / %m rows</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="362"/>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="391"/>
        <source>{count} người thêm mới có cùng họ tên, năm sinh và thôn/bản với một người đã có, nhưng không đủ thông tin để biết có phải một người hay không, nên được giữ riêng. Hãy xem và quyết định ở Danh sách › Nghi trùng.</source>
        <translation>{count} of the people added share their name, year of birth and village with someone already here, but there is not enough to tell whether they are the same person, so they were kept apart. Review them and decide in Lists › Possible duplicates.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="397"/>
        <source>Các dòng bị từ chối, kèm số dòng và lý do, đã được ghi vào tệp:
{path}
Hãy sửa các dòng đó trong tệp gốc rồi nhập lại; những dòng đã nhập sẽ không bị trùng.</source>
        <translation>The rejected rows, with their row numbers and reasons, have been written to the file:
{path}
Please correct those rows in the original file and import it again; rows already imported will not be duplicated.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="400"/>
        <source>Không có dòng nào bị từ chối.</source>
        <translation>No rows were rejected.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/dialogs/roster_import.py" line="403"/>
        <source>Đã nhập xong danh sách.</source>
        <translation>The list has been imported.</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="256"/>
        <source>Danh sách người dân</source>
        <translation>Residents&apos; roster</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="257"/>
        <source>Nhập danh sách người dân của xã để khi tiếp đón chỉ cần tìm tên hoặc quét thẻ.</source>
        <translation>Import the commune&apos;s roster so that registering someone only takes a name search or a card scan.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="258"/>
        <source>Chọn tệp CSV hoặc Excel (.xlsx) danh sách người dân, kiểm tra cột nào ghép vào trường nào, rồi bấm Nhập. Nhập lại cùng tệp không tạo người trùng.</source>
        <translation>Choose the roster&apos;s CSV or Excel (.xlsx) file, check which column goes to which field, then press Import. Importing the same file again makes no duplicates.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="261"/>
        <source>Nhập danh sách người dân…</source>
        <translation>Import the residents&apos; roster…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="264"/>
        <source>Có thể bỏ qua bước này (bấm Hoàn tất) và nhập sau ở trang Danh sách, nút &quot;Nhập danh sách người dân…&quot;.</source>
        <translation>You can skip this step (press Finish) and import later on the Lists page, button &quot;Import the residents&apos; roster…&quot;.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="281"/>
        <source>Đã nhập danh sách: {new} người mới, {updated} cập nhật, {rejected} dòng bị từ chối.</source>
        <translation>Roster imported: {new} new residents, {updated} updated, {rejected} rows refused.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="284"/>
        <source>{n} người mới có thể trùng với người đã có: xem và quyết định ở Danh sách › Nghi trùng.</source>
        <translation>{n} of the new residents may be someone already here: review them in Lists › Possible duplicates.</translation>
    </message>
</context>
<context>
    <name>ScanDesk</name>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="151"/>
        <source>Hãy hoàn tất hoặc đóng hộp thoại đang mở, rồi quét lại.</source>
        <translation>Finish or close the open dialog, then scan again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="177"/>
        <source>Lượt khám trên phiếu này không có trong máy này (phiếu in ở máy khác chưa chuyển dữ liệu sang). Đã tìm theo tên trên phiếu; hãy chọn người đó rồi mở lượt khám.</source>
        <translation>The visit on this slip is not on this computer (the slip was printed on another one whose data has not been brought over). The name on the slip has been searched; choose the person, then open a visit.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="183"/>
        <source>Phiếu khám số {number} ngày {date}: {name}.</source>
        <translation>Visit slip no. {number} of {date}: {name}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="207"/>
        <source>Đã cập nhật hồ sơ theo thẻ.</source>
        <translation>The record has been updated from the card.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="213"/>
        <source>{name} · sinh {birth} · {place} · CCCD {id}</source>
        <translation>{name} · born {birth} · {place} · CCCD {id}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="216"/>
        <source>Có thể đã có người này</source>
        <translation>This person may already be registered</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="217"/>
        <source>Thẻ vừa quét chưa khớp chắc chắn với ai, nhưng có người gần giống. Hỏi lại người dân: nếu là một trong số này, chọn người đó; nếu không, chọn &quot;Người mới&quot;. Hồ sơ không bao giờ được gộp tự động.</source>
        <translation>The card just scanned matches nobody for certain, but some people are close. Ask the resident: if they are one of these, choose that person; if not, choose &quot;New person&quot;. Records are never merged automatically.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="220"/>
        <source>Người mới (F2)</source>
        <translation>New person (F2)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="246"/>
        <source>Đã lưu người mới: {name}. Bấm Enter để mở lượt khám.</source>
        <translation>New person saved: {name}. Press Enter to open a visit.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="259"/>
        <source>Đang tải thông tin điểm khám; hãy thử lại sau một giây.</source>
        <translation>Loading the exam site; try again in a second.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="274"/>
        <source>Đã mở lượt khám số {number} cho {name}. Đang in phiếu…</source>
        <translation>Visit no. {number} opened for {name}. Printing the slip…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="288"/>
        <source>Hãy mở lượt khám (hoặc chọn một người trong hàng đợi hôm nay) rồi bấm F6 để ghi thông tin theo QĐ 1551.</source>
        <translation>Open a visit (or choose someone in today&apos;s queue), then press F6 to record the Decision 1551 details.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="293"/>
        <source>Đã lưu thông tin theo QĐ 1551.</source>
        <translation>Decision 1551 details saved.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="293"/>
        <source>Không có gì thay đổi.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/desk.py" line="303"/>
        <source>Hãy chọn một người trong hàng đợi hôm nay rồi bấm &quot;In lại phiếu&quot;.</source>
        <translation>Choose a person in today&apos;s queue, then press &quot;Reprint slip&quot;.</translation>
    </message>
</context>
<context>
    <name>ScanSources</name>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="75"/>
        <source>Tắt camera (F4)</source>
        <translation>Camera off (F4)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="76"/>
        <source>Bật camera (F4)</source>
        <translation>Camera on (F4)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="77"/>
        <source>Mở ảnh… (Ctrl+O)</source>
        <translation>Open picture… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="78"/>
        <source>Dán ảnh (Ctrl+V)</source>
        <translation>Paste picture (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="79"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="177"/>
        <source>Có nhiều mã trong hình</source>
        <translation>Several codes in view</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="178"/>
        <source>Camera hoặc ảnh có {count} mã QR cùng lúc. Hãy chọn mã của người đang ở bàn của bạn.</source>
        <translation>The camera or picture shows {count} QR codes at once. Choose the code of the person at your desk.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="186"/>
        <source>Thẻ CCCD</source>
        <translation>CCCD card</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="186"/>
        <source>Thẻ BHYT</source>
        <translation>Health insurance card</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="187"/>
        <source>Phiếu khám</source>
        <translation>Visit slip</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="187"/>
        <source>Mã không phải thẻ</source>
        <translation>Not a card code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/scan_sources.py" line="190"/>
        <source>{kind}: {name}, sinh {birth}</source>
        <translation>{kind}: {name}, born {birth}</translation>
    </message>
</context>
<context>
    <name>SelfTestBox</name>
    <message>
        <location filename="../../station_app/ui/self_test_view.py" line="95"/>
        <location filename="../../station_app/ui/self_test_view.py" line="99"/>
        <source>Kiểm tra máy</source>
        <translation>Check this laptop</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_test_view.py" line="96"/>
        <source>Kiểm tra máy này trước khi mang lên điểm khám: cơ sở dữ liệu, phông chữ, đọc mã QR, in, chữ ký số, mã hoá, camera, cổng COM, máy in, ổ đĩa, ngày giờ, đợt khám, các khoá, danh sách người dân và nhật ký kiểm tra.</source>
        <translation>Check this laptop before taking it to the site: database, font, QR reading, printing, digital signature, encryption, cameras, COM ports, printer, disk, date and time, campaign, keys, the residents&apos; roster and the audit log.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_test_view.py" line="100"/>
        <source>Xem kết quả</source>
        <translation>Show results</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_test_view.py" line="106"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_test_view.py" line="121"/>
        <source>{fails} lỗi, {warns} chú ý: máy chưa sẵn sàng. Hãy làm theo các dòng có dấu ✖ rồi kiểm tra lại.</source>
        <translation>{fails} error(s), {warns} warning(s): the laptop is not ready. Follow the lines marked ✖, then check again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_test_view.py" line="124"/>
        <source>Không có lỗi, {warns} chú ý (dấu ⚠): máy dùng được.</source>
        <translation>No errors, {warns} warning(s) (marked ⚠): the laptop can be used.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_test_view.py" line="127"/>
        <source>Mọi mục đều đạt: máy sẵn sàng.</source>
        <translation>Everything passed: the laptop is ready.</translation>
    </message>
</context>
<context>
    <name>SelfTestDialog</name>
    <message>
        <location filename="../../station_app/ui/self_test_view.py" line="165"/>
        <source>Kết quả kiểm tra máy</source>
        <translation>Laptop check results</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_test_view.py" line="166"/>
        <source>Kiểm tra lại</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/self_test_view.py" line="167"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SerialScanner</name>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="86"/>
        <source>Chưa chọn cổng máy quét.</source>
        <translation>No scanner port selected.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="87"/>
        <source>Máy quét đã kết nối, sẵn sàng quét.</source>
        <translation>Scanner connected and ready to scan.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="88"/>
        <source>Đang chờ máy quét: hãy cắm máy quét vào máy tính (ứng dụng tự kết nối lại).</source>
        <translation>Waiting for the scanner: please plug the scanner into the computer (the app will reconnect automatically).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="89"/>
        <source>Không mở được cổng máy quét: cổng đang bị chương trình khác dùng hoặc không có quyền. Hãy đóng chương trình đó; ứng dụng sẽ tự thử lại.</source>
        <translation>Cannot open the scanner port: the port is in use by another program or access is denied. Please close that program; the app will retry automatically.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="151"/>
        <source>Mã vừa quét bị thiếu phần cuối. Hãy quét lại; nếu vẫn lỗi, hãy đặt máy quét gửi phím Enter (CR) sau mỗi mã.</source>
        <translation>The end of the scanned code is missing. Please scan again; if the error persists, set the scanner to send Enter (CR) after each code.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/scanning/serial_scanner.py" line="158"/>
        <source>Mã vừa quét không đọc được (không phải chữ UTF-8). Hãy đặt máy quét ở chế độ UTF-8 rồi quét lại.</source>
        <translation>The scanned code could not be read (not UTF-8 text). Please set the scanner to UTF-8 mode and scan again.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="215"/>
        <source>Thiết lập liên thông của trạm</source>
        <translation>Station national link settings</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="216"/>
        <source>Trạm</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="216"/>
        <source>Mã cơ sở (sender_id, 13 số)</source>
        <translation>Facility code (sender_id, 13 digits)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="217"/>
        <source>MA_CSKCB (5 ký tự)</source>
        <translation>MA_CSKCB (5 characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="217"/>
        <source>GLN (13 số)</source>
        <translation>GLN (13 digits)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="218"/>
        <source>Địa chỉ cổng (thử sandbox trước)</source>
        <translation>Gateway address (try the sandbox first)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="218"/>
        <source>receiver_id (để trống: mặc định)</source>
        <translation>receiver_id (leave empty for the default)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="220"/>
        <source>Tài khoản liên thông</source>
        <translation>National link account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="220"/>
        <source>Mật khẩu liên thông</source>
        <translation>National link password</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="221"/>
        <source>Tệp khoá ký .p12 của cơ sở</source>
        <translation>Facility signing key file (.p12)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="221"/>
        <source>Mật khẩu tệp .p12</source>
        <translation>.p12 file password</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="222"/>
        <source>Hoặc: thư viện PKCS#11 của USB token</source>
        <translation>Or: PKCS#11 library of the USB token</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="222"/>
        <source>Mã PIN token</source>
        <translation>Token PIN</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="225"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="226"/>
        <source>Lưu thiết lập</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="248"/>
        <source>Chọn tệp khoá ký của cơ sở</source>
        <translation>Choose the facility signing key file</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="249"/>
        <source>Khoá ký (*.p12 *.pfx)</source>
        <translation>Signing keys (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/national.py" line="258"/>
        <source>Không đọc được tệp khoá ký {path}.</source>
        <translation>Cannot read the signing key file {path}.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="320"/>
        <source>Thiết lập trạm lần đầu</source>
        <translation>First-time station set-up</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="330"/>
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="331"/>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="332"/>
        <source>Tạo trạm</source>
        <translation>Create the station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="333"/>
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="334"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="366"/>
        <source>Đang tạo dữ liệu trạm…</source>
        <translation>Creating the station…</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="79"/>
        <location filename="../../station_app/ui/sign_in.py" line="83"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="80"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="80"/>
        <source>Mật khẩu hoặc mã PIN</source>
        <translation>Password or PIN</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="81"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="85"/>
        <source>Đang mở dữ liệu của trạm…</source>
        <translation>Opening the station&apos;s data…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="118"/>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter your user name and password.</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="104"/>
        <source>Điểm khám</source>
        <translation>Exam site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="105"/>
        <source>Nơi đặt máy: trạm y tế xã, hoặc điểm khám lưu động ở một thôn/bản.</source>
        <translation>Where this computer works: the commune health station, or a mobile site in a village.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="108"/>
        <source>Trạm y tế xã/phường</source>
        <translation>Commune health station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="109"/>
        <source>Điểm khám lưu động</source>
        <translation>Mobile exam site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="117"/>
        <source>chỉ với điểm lưu động, ví dụ Bản Nà Khum</source>
        <translation>mobile sites only, e.g. Bản Nà Khum</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="118"/>
        <source>Loại điểm khám</source>
        <translation>Kind of site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="119"/>
        <source>Xã/phường (Lai Châu)</source>
        <translation>Commune/ward (Lai Châu)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="120"/>
        <source>Tên điểm khám</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="121"/>
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
</context>
<context>
    <name>SlipDesk</name>
    <message>
        <location filename="../../station_app/ui/pages/reception/slips.py" line="48"/>
        <source>Đã gửi phiếu số {number} đến máy in. Mời người tiếp theo.</source>
        <translation>Slip no. {number} sent to the printer. Next person, please.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/reception/slips.py" line="60"/>
        <source>Chưa in phiếu. Khi máy in sẵn sàng, chọn người trong hàng đợi hôm nay rồi bấm Ctrl+P.</source>
        <translation>The slip was not printed. When the printer is ready, choose the person in today&apos;s queue and press Ctrl+P.</translation>
    </message>
</context>
<context>
    <name>SlipPrinter</name>
    <message>
        <location filename="../../station_app/ui/printing.py" line="233"/>
        <source>Không in được phiếu. Hãy kiểm tra máy in đã bật và có giấy, rồi bấm &quot;In lại phiếu&quot;. Tệp phiếu đã lưu tại: {path}</source>
        <translation>Could not print the slip. Please check that the printer is switched on and has paper, then click &quot;Reprint slip&quot;. The slip file has been saved to: {path}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="248"/>
        <source>Máy này chưa cài máy in nên phiếu khám số {number} được lưu thành tệp PDF: {path}. Các phiếu sau cũng được lưu vào thư mục {folder} theo ngày, không hỏi lại.</source>
        <translation>No printer is installed on this laptop, so visit slip {number} was saved as a PDF file: {path}. The next slips are saved in the folder {folder} too, by date, without asking again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="251"/>
        <source>Đã lưu phiếu khám số {number} thành tệp PDF: {path}</source>
        <translation>Visit slip {number} saved as a PDF file: {path}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="256"/>
        <source>Không lưu được phiếu thành tệp PDF (ổ đĩa đầy hoặc không ghi được). Lượt khám vẫn được lưu; hãy giải phóng ổ đĩa rồi bấm &quot;In lại phiếu&quot;.</source>
        <translation>The slip could not be saved as a PDF file (the disk is full or cannot be written). The visit is saved; free some disk space, then press &quot;Reprint slip&quot;.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="261"/>
        <source>Không tạo được phiếu khám. Lượt khám vẫn được lưu; hãy bấm &quot;In lại phiếu&quot; trong danh sách hôm nay để thử lại.</source>
        <translation>Could not create the visit slip. The visit has still been saved; click &quot;Reprint slip&quot; in today&apos;s list to try again.</translation>
    </message>
</context>
<context>
    <name>StationKeyDialog</name>
    <message>
        <location filename="../../station_app/ui/pages/export/dialogs.py" line="68"/>
        <source>Khoá của trạm</source>
        <translation>Station key</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/dialogs.py" line="72"/>
        <source>Mã trạm: {code}
Mã khoá: {short}</source>
        <translation>Station code: {code}
Key id: {short}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/dialogs.py" line="75"/>
        <source>Đơn vị nhận quét mã này (hoặc nhận tệp PEM) để đăng ký trạm. Khi gọi điện, đọc mã khoá để đối chiếu. Mã đầy đủ (key_id):
{key_id}</source>
        <translation>The receiving office scans this code (or takes the PEM file) to register the station. On the phone, read out the key id to compare. Full id (key_id):
{key_id}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/dialogs.py" line="80"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="64"/>
        <source>Trạm y tế</source>
        <translation>Health station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="65"/>
        <source>Máy này thuộc trạm nào? Mã trạm do Trung tâm Y tế cấp, ví dụ TYT-MUONGKIM.</source>
        <translation>Which station does this computer belong to? The district health centre gives the code, e.g. TYT-MUONGKIM.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="71"/>
        <source>Trạm Y tế xã Mường Kim</source>
        <translation>Trạm Y tế xã Mường Kim</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="78"/>
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="79"/>
        <source>Tên trạm</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="80"/>
        <source>Mã cơ sở KCB (MA_CSKCB, 5 số)</source>
        <translation>Facility code (MA_CSKCB, 5 digits)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="81"/>
        <source>Mã GLN của cơ sở (MA_GTIN_CSKCB, 13 số)</source>
        <translation>Facility GLN (MA_GTIN_CSKCB, 13 digits)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="82"/>
        <source>Hai mã theo QĐ 1551 do Sở Y tế cấp. Chưa biết thì để trống và nhập sau ở trang Quản trị; hồ sơ khám theo QĐ 1551 sẽ báo thiếu hai mã này cho đến khi có.</source>
        <translation>Both codes of Decision 1551 are issued by the provincial health department. If you do not know them yet, leave them empty and enter them later on the Administration page; check-up records will report them missing until then.</translation>
    </message>
</context>
<context>
    <name>StationsPage</name>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="149"/>
        <source>Các trạm</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="150"/>
        <source>Đăng ký trạm…</source>
        <translation>Register a station…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="151"/>
        <source>Đã đối chiếu xong</source>
        <translation>Compared</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="153"/>
        <source>Chưa có trạm nào được đăng ký. Việc cần làm trước:

1. Gửi cho mỗi trạm tệp khoá của đơn vị nhận: {bundle} (hoặc ảnh mã QR office-bundle.png). Trạm nhập tệp này ở trang Xuất dữ liệu.
2. Trạm gửi lại tệp khoá công khai của trạm (tệp .pem).
3. Bấm &quot;Đăng ký trạm…&quot;, chọn tệp .pem, nhập mã trạm; đọc 16 số đầu của mã khoá cho trạm qua điện thoại để đối chiếu.
4. Nhập các tệp lô của trạm ở trang &quot;Nhập lô&quot; (kéo thả từ USB vào cửa sổ).</source>
        <translation>No station is registered yet. What to do first:

1. Send each station the office&apos;s key file: {bundle} (or the QR picture office-bundle.png). The station imports it on its Export page.
2. The station sends back its public key file (a .pem file).
3. Press &quot;Register a station…&quot;, choose the .pem file, enter the station code; read the key&apos;s first 16 digits to the station over the phone to compare.
4. Import the station&apos;s batch files on the &quot;Import&quot; page (drag them from the USB stick onto the window).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="179"/>
        <source>{n} trạm · {late} trạm quá 24 giờ chưa gửi lô (tô đỏ) · {gaps} trạm còn thiếu lô</source>
        <translation>{n} stations · {late} silent for more than 24 hours (in red) · {gaps} with batches missing</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="181"/>
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="181"/>
        <source>Tên trạm</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="181"/>
        <source>Mã khoá
(16 số đầu)</source>
        <translation>Key id
(first 16 digits)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="181"/>
        <source>Số lô
đã nhận</source>
        <translation>Batches
received</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="182"/>
        <source>Lô
mới nhất</source>
        <translation>Newest
batch</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="182"/>
        <source>Nhận lô
lần cuối</source>
        <translation>Last batch
received</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="182"/>
        <source>Cách đây</source>
        <translation>Ago</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="183"/>
        <source>Lô
còn thiếu</source>
        <translation>Batches
missing</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="183"/>
        <source>Lô bị
cách ly</source>
        <translation>Batches
quarantined</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="202"/>
        <source>không</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/office/stations.py" line="211"/>
        <source>Đã đăng ký trạm {code}. Đọc 16 số đầu của mã khoá dưới đây cho trạm qua điện thoại; trạm thấy dãy số của mình ở trang Xuất dữ liệu. Nếu hai dãy khác nhau, đừng nhận lô của trạm này: báo cán bộ kỹ thuật và xin trạm gửi lại tệp PEM.</source>
        <translation>Station {code} registered. Read the key&apos;s first 16 digits below to the station over the phone; the station sees its own digits on its Export page. If they differ, do not take this station&apos;s batches: tell the IT staff and ask the station to send its PEM file again.</translation>
    </message>
</context>
<context>
    <name>UploadAddressDialog</name>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="29"/>
        <source>Địa chỉ gửi lô qua mạng</source>
        <translation>Address for sending batches over the network</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="32"/>
        <source>ví dụ https://192.168.1.10:8443</source>
        <translation>e.g. https://192.168.1.10:8443</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="34"/>
        <source>64 chữ số hex, chỉ khi dùng https</source>
        <translation>64 hex digits, https only</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="37"/>
        <source>Thường không cần nhập: địa chỉ và dấu vân tay có sẵn trong gói khoá của đơn vị nhận. Chỉ nhập khi đơn vị nhận báo địa chỉ mới. Để trống để dùng lại địa chỉ trong gói khoá.</source>
        <translation>Usually not needed: the address and the fingerprint come with the office&apos;s key bundle. Enter them only when the office gives a new address. Leave empty to use the address in the key bundle again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="43"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="44"/>
        <source>Dấu vân tay chứng chỉ</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="45"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="45"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UploadPanel</name>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="109"/>
        <source>Gửi qua mạng</source>
        <translation>Send over the network</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="110"/>
        <source>Địa chỉ gửi…</source>
        <translation>Address…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="111"/>
        <source>Gửi lên đơn vị nhận</source>
        <translation>Send to the office</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="112"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="123"/>
        <source>Chưa nhập gói khoá của đơn vị nhận nên chưa gửi qua mạng được. Hãy bấm &quot;Nhập gói khoá của cơ quan y tế…&quot; ở ô Khoá trước.</source>
        <translation>The receiving office&apos;s key bundle is not imported yet, so nothing can be sent over the network. Click &quot;Import the health office&apos;s key bundle…&quot; in the Keys box first.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="126"/>
        <source>Chưa có địa chỉ gửi qua mạng: gói khoá của đơn vị nhận không ghi địa chỉ. Nếu có mạng, bấm &quot;Địa chỉ gửi…&quot;; nếu không, xuất ra USB.</source>
        <translation>No address to send over the network: the office&apos;s key bundle names none. With a network, click &quot;Address…&quot;; without one, export to a USB stick.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="129"/>
        <source>theo gói khoá</source>
        <translation>from the key bundle</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="129"/>
        <source>nhập tay</source>
        <translation>entered by hand</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="130"/>
        <source>Đến {url} ({where}).</source>
        <translation>To {url} ({where}).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="132"/>
        <source>Dấu vân tay chứng chỉ: {pin}…</source>
        <translation>Certificate fingerprint: {pin}…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="146"/>
        <source>{done}/{total} lô</source>
        <translation>{done}/{total} batches</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="152"/>
        <source>Đang chuẩn bị gửi…</source>
        <translation>Getting ready to send…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="154"/>
        <source>Đang gửi lô số {seq} ({n}/{total})…</source>
        <translation>Sending batch {seq} ({n}/{total})…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="159"/>
        <source>Đang dừng: chờ lô đang gửi xong…</source>
        <translation>Stopping: waiting for the batch being sent…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="167"/>
        <source>Đơn vị nhận đang bận, thử lại sau {n} giây (lô số {seq}).</source>
        <translation>The office is busy, trying again in {n} seconds (batch {seq}).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="169"/>
        <source>Mất mạng, thử lại sau {n} giây (lô số {seq}).</source>
        <translation>No network, trying again in {n} seconds (batch {seq}).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="176"/>
        <source>Không có lô nào chờ gửi.</source>
        <translation>No batch is waiting to be sent.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="177"/>
        <source>{n} lô chờ gửi.</source>
        <translation>{n} batches waiting to be sent.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="179"/>
        <source>Đơn vị nhận đã nhận {n} lô.</source>
        <translation>The office received {n} batches.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="181"/>
        <source>{n} lô bị từ chối (xem lý do trong bảng dưới).</source>
        <translation>{n} batches refused (see why in the table below).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="183"/>
        <source>{n} lô chưa được nhận: {reason}.</source>
        <translation>{n} batches not received: {reason}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="186"/>
        <source>Đã dừng gửi; {n} lô vẫn chờ gửi.</source>
        <translation>Sending stopped; {n} batches still waiting.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="198"/>
        <source>Trạng thái liên thông quốc gia: {n} lượt khám được cập nhật.</source>
        <translation>National link status: {n} visits updated.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/export/upload.py" line="202"/>
        <source>Chưa cập nhật được trạng thái liên thông quốc gia: {reason}</source>
        <translation>The national link status could not be updated yet: {reason}</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="90"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="90"/>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="103"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="105"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="106"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="107"/>
        <source>Mật khẩu (ít nhất {n} ký tự)</source>
        <translation>Password (at least {n} characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="108"/>
        <source>Không dùng tên đăng nhập hay mật khẩu phổ biến (12345678, matkhau123…). Một câu ngắn dễ nhớ là mật khẩu tốt.</source>
        <translation>Do not use the user name or a common password (12345678, password123…). A short sentence you remember makes a good password.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="112"/>
        <source>Nhập lại</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="114"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="115"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="125"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="69"/>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="69"/>
        <source>Đã khoá</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="65"/>
        <source>Sai mật khẩu nhiều lần: tài khoản phải chờ đến {time} mới đăng nhập được. Nếu bạn nhận ra người dùng, chọn «Cho đăng nhập lại ngay».</source>
        <translation>Wrong password several times: the account waits until {time} before it can sign in. If you recognise the user, choose “Let sign in again now”.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="71"/>
        <source>Chờ đến {time}</source>
        <translation>Waits until {time}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="76"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="76"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="76"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="76"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>VisitHistoryDialog</name>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="52"/>
        <source>Lịch sử thay đổi của lượt khám</source>
        <translation>The visit&apos;s change history</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="54"/>
        <source>Số {number} · {name}, sinh năm {year}</source>
        <translation>No. {number} · {name}, born {year}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="61"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="63"/>
        <source>Phần</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="63"/>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="63"/>
        <source>Người ghi</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="64"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="64"/>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="146"/>
        <source>Lý do sửa</source>
        <translation>Reason for change</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="64"/>
        <source>Giá trị</source>
        <translation>Values</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="77"/>
        <source>Chọn một dòng để xem toàn bộ dữ liệu của phiên bản đó.</source>
        <translation>Choose a row to see everything that version recorded.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="82"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="99"/>
        <source>Liên thông quốc gia: {state}</source>
        <translation>National link: {state}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="122"/>
        <source>{count} phiên bản · dòng in đậm là phiên bản hiện tại</source>
        <translation>{count} versions · the bold rows are the current versions</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="123"/>
        <source>Lượt khám này chưa có gì được ghi.</source>
        <translation>Nothing has been recorded for this visit yet.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="135"/>
        <source>{part} · phiên bản {version}</source>
        <translation>{part} · version {version}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="137"/>
        <source>Ghi bởi {name}, lúc {time}</source>
        <translation>Recorded by {name} at {time}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="141"/>
        <source>Thay đổi so với phiên bản {version}</source>
        <translation>Changes from version {version}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="143"/>
        <source>Các giá trị không đổi (chỉ ghi lại).</source>
        <translation>No value changed (recorded again).</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="159"/>
        <source>{version} (hiện tại)</source>
        <translation>{version} (current)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="166"/>
        <source>Sinh hiệu</source>
        <translation>Vital signs</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="170"/>
        <source>Tiền sử: {item}</source>
        <translation>History: {item}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="175"/>
        <source>Khám {specialty}</source>
        <translation>Examination: {specialty}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="177"/>
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/history_dialog.py" line="178"/>
        <source>Tư vấn</source>
        <translation>Counselling</translation>
    </message>
</context>
<context>
    <name>VitalsForm</name>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="276"/>
        <source>BMI (tự tính)</source>
        <translation>BMI (calculated automatically)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="277"/>
        <source>Huyết áp dùng (trung bình 2 lần cuối)</source>
        <translation>Blood pressure used (average of last 2 readings)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="279"/>
        <source>Huyết áp lần {n} (tâm thu/tâm trương)</source>
        <translation>Blood pressure, reading {n} (systolic/diastolic)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="280"/>
        <source>Đã nhịn đói ít nhất 8 giờ (phím cách để chọn)</source>
        <translation>Fasted for at least 8 hours (Space to tick)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="282"/>
        <source>7/10</source>
        <translation>7/10</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="283"/>
        <source>Lý do sửa kết quả đã hoàn tất:</source>
        <translation>Reason for changing completed results:</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="284"/>
        <source>Lưu sinh hiệu (Ctrl+S)</source>
        <translation>Save vital signs (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="285"/>
        <source>Gõ số rồi Enter để sang ô sau. Giá trị bất thường hiện màu vàng và vẫn sang ô sau; khi lưu (Enter ở ô cuối hoặc Ctrl+S), con trỏ quay lại từng giá trị đó: Enter để xác nhận, hoặc gõ số đúng để sửa.</source>
        <translation>Type a number, then Enter for the next field. An unusual value turns amber and Enter still moves on; when saving (Enter on the last field or Ctrl+S), the cursor goes back to each such value: Enter confirms it, or type the right number to correct it.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="385"/>
        <source>Đã xác nhận giá trị bất thường</source>
        <translation>Abnormal value confirmed</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="386"/>
        <source>(Enter để xác nhận, hoặc gõ số đúng để sửa)</source>
        <translation>(Enter to confirm, or type the right number to correct it)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="387"/>
        <source>(cần xác nhận: sẽ hỏi lại khi lưu)</source>
        <translation>(to confirm: asked again when saving)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="396"/>
        <source>Bất thường (thường {low}–{high}): đo lại nếu cần.</source>
        <translation>Abnormal (usually {low}–{high}): re-measure if needed.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="458"/>
        <source>Chưa lưu: còn {n} giá trị bất thường cần xác nhận (màu vàng). Ở ô đang chọn: Enter để xác nhận, hoặc gõ số đúng để sửa.</source>
        <translation>Not saved yet: {n} unusual value(s) to confirm (in amber). In the selected field: Enter confirms it, or type the right number to correct it.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/exam/vitals_form.py" line="503"/>
        <source>Đã lưu sinh hiệu (phiên bản {version}).</source>
        <translation>Vital signs saved (version {version}).</translation>
    </message>
</context>
<context>
    <name>batch</name>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="63"/>
        <source>tệp không phải tệp lô (ZIP) hoặc bị hỏng</source>
        <translation>the file is not a batch file (ZIP) or is damaged</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="64"/>
        <source>tệp lô không có đúng ba phần manifest.json, manifest.sig, payload.age</source>
        <translation>the batch file does not hold exactly the three parts manifest.json, manifest.sig, payload.age</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="65"/>
        <source>phần mô tả (manifest.json) không đọc được</source>
        <translation>the description (manifest.json) cannot be read</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="66"/>
        <source>định dạng lô không được hỗ trợ</source>
        <translation>the batch format is not supported</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="67"/>
        <source>tên tệp không khớp mã trạm và số thứ tự trong lô</source>
        <translation>the file name does not match the station code and sequence number inside the batch</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="68"/>
        <source>lô được ký bằng khoá khác với khoá đã đăng ký của trạm</source>
        <translation>the batch is signed with a key other than the station&apos;s registered key</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="69"/>
        <source>chữ ký không hợp lệ: phần mô tả đã bị sửa hoặc không do trạm ký</source>
        <translation>invalid signature: the description was changed or not signed by the station</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="70"/>
        <source>dữ liệu mã hoá (payload.age) đã bị thay đổi</source>
        <translation>the encrypted data (payload.age) was changed</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="71"/>
        <source>lô không nối tiếp lô trước của trạm (mã băm lô trước không khớp)</source>
        <translation>the batch does not follow the station&apos;s previous batch (the previous batch&apos;s hash does not match)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="72"/>
        <source>không giải mã được bằng khoá của đơn vị nhận</source>
        <translation>it cannot be decrypted with the receiving office&apos;s key</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="73"/>
        <source>dữ liệu sau khi giải mã bị hỏng</source>
        <translation>the data is damaged after decryption</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="74"/>
        <source>một phần của tệp lô lớn hơn giới hạn (tệp có thể là bom nén)</source>
        <translation>a part of the batch file is larger than the limit (the file may be a compression bomb)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="75"/>
        <source>tệp lô dùng kiểu nén không được hỗ trợ hoặc có mật khẩu</source>
        <translation>the batch file uses an unsupported compression or a password</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="76"/>
        <source>dữ liệu sau khi giải nén lớn hơn giới hạn của đơn vị nhận</source>
        <translation>the unpacked data is larger than the receiving office&apos;s limit</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="77"/>
        <source>tệp lớn hơn 256 MiB, không thể là một tệp lô</source>
        <translation>the file is larger than 256 MiB and cannot be a batch file</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="324"/>
        <source>tệp không phải JSON (có thể đã chọn nhầm tệp)</source>
        <translation>the file is not JSON (perhaps the wrong file was chosen)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="325"/>
        <source>không phải tệp khoá của đơn vị nhận (thiếu dòng format: office-bundle/1)</source>
        <translation>it is not a receiving office key file (the line format: office-bundle/1 is missing)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="326"/>
        <source>thiếu tên đơn vị nhận</source>
        <translation>the receiving office&apos;s name is missing</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="327"/>
        <location filename="../../station_app/services/exchange/keys.py" line="270"/>
        <source>khoá mã hoá (age_recipient) sai: phải bắt đầu bằng age1</source>
        <translation>the encryption key (age_recipient) is wrong: it must be a valid key starting with age1</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="328"/>
        <source>khoá mã hoá dự phòng (escrow_recipient) sai: phải bắt đầu bằng age1</source>
        <translation>the escrow encryption key (escrow_recipient) is wrong: it must be a valid key starting with age1</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="329"/>
        <source>khoá kiểm tra biên nhận (receipt_public_key) sai: phải là 32 byte base64</source>
        <translation>the receipt checking key (receipt_public_key) is wrong: it must be 32 bytes in base64</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="330"/>
        <source>địa chỉ nhận lô qua mạng (upload_url) sai: phải bắt đầu bằng http:// hoặc https://</source>
        <translation>the upload address (upload_url) is wrong: it must start with http:// or https://</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="331"/>
        <source>dấu vân tay chứng chỉ (tls_sha256) sai: phải là 64 chữ số hex</source>
        <translation>the certificate fingerprint (tls_sha256) is wrong: it must be 64 hex digits</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/keys.py" line="191"/>
        <source>không mở được tệp</source>
        <translation>the file cannot be opened</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/keys.py" line="195"/>
        <source>tệp quá lớn để là tệp khoá của đơn vị nhận (có thể đã chọn nhầm tệp)</source>
        <translation>the file is too large to be the receiving office&apos;s key file (perhaps the wrong file was chosen)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/keys.py" line="255"/>
        <source>mã QR trong ảnh không phải gói khoá của đơn vị nhận (có thể đã chọn nhầm ảnh)</source>
        <translation>the QR code in the picture is not the receiving office&apos;s key bundle (perhaps the wrong picture was chosen)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/keys.py" line="257"/>
        <source>không thấy mã QR nào trong ảnh (hãy chọn đúng ảnh office-bundle.png, hoặc chụp lại rõ cả mã QR)</source>
        <translation>no QR code found in the picture (choose the office-bundle.png picture, or take a sharper photo of the whole QR code)</translation>
    </message>
</context>
<context>
    <name>checkup</name>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="25"/>
        <location filename="../../station_app/core/checkup_book.py" line="95"/>
        <source>Tăng huyết áp</source>
        <translation>Hypertension</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="26"/>
        <location filename="../../station_app/core/checkup_book.py" line="96"/>
        <source>Đái tháo đường</source>
        <translation>Diabetes</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="27"/>
        <source>Bệnh tim mạch</source>
        <translation>Cardiovascular disease</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="28"/>
        <source>Bệnh phổi mạn tính (hen, COPD, lao)</source>
        <translation>Chronic lung disease (asthma, COPD, tuberculosis)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="29"/>
        <source>Bệnh gan, thận mạn tính</source>
        <translation>Chronic liver or kidney disease</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="30"/>
        <source>Ung thư</source>
        <translation>Cancer</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="31"/>
        <source>Bệnh tâm thần, thần kinh (động kinh)</source>
        <translation>Mental or neurological disorder (epilepsy)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="32"/>
        <source>Bệnh mạn tính khác</source>
        <translation>Other chronic disease</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="33"/>
        <source>Đã phẫu thuật</source>
        <translation>Previous surgery</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="34"/>
        <source>Dị ứng (thuốc, thức ăn)</source>
        <translation>Allergies (medicines, food)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="35"/>
        <source>Hút thuốc lá, thuốc lào</source>
        <translation>Smokes cigarettes or water-pipe tobacco</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="36"/>
        <source>Uống rượu bia thường xuyên</source>
        <translation>Drinks alcohol regularly</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="37"/>
        <source>Đang dùng thuốc thường xuyên</source>
        <translation>Takes medication regularly</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="38"/>
        <source>Gia đình có người mắc bệnh mạn tính</source>
        <translation>Family history of chronic disease</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="39"/>
        <source>Đang mang thai</source>
        <translation>Currently pregnant</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="43"/>
        <source>Nội khoa</source>
        <translation>Internal medicine</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="44"/>
        <source>Mắt</source>
        <translation>Eyes</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="45"/>
        <source>Tai – Mũi – Họng</source>
        <translation>Ear, nose and throat</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="46"/>
        <source>Răng – Hàm – Mặt</source>
        <translation>Teeth and mouth</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="47"/>
        <source>Da liễu</source>
        <translation>Skin</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="48"/>
        <source>Ngoại khoa</source>
        <translation>Surgery</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="49"/>
        <source>Sản phụ khoa</source>
        <translation>Obstetrics and gynaecology</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="51"/>
        <source>Không phát hiện bất thường</source>
        <translation>No abnormality found</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="91"/>
        <source>Dinh dưỡng</source>
        <translation>Nutrition</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="92"/>
        <source>Vận động thể lực</source>
        <translation>Physical activity</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="93"/>
        <source>Thuốc lá, thuốc lào</source>
        <translation>Tobacco (cigarettes, water pipe)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="94"/>
        <source>Rượu bia</source>
        <translation>Alcohol</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="97"/>
        <source>Dinh dưỡng và tăng trưởng của trẻ</source>
        <translation>Child nutrition and growth</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="105"/>
        <source>Dinh dưỡng: ăn đa dạng, nhiều rau xanh và trái cây (ít nhất 5 phần mỗi ngày); ăn ít muối (dưới 5 g, khoảng 1 thìa cà phê mỗi ngày, kể cả nước mắm, bột canh); hạn chế đồ ngọt, nước ngọt, mỡ động vật và đồ chiên rán; uống đủ nước. (Theo khuyến cáo của WHO và Bộ Y tế.)</source>
        <translation>Nutrition: eat a varied diet with plenty of green vegetables and fruit (at least 5 portions a day); eat less salt (under 5 g, about 1 teaspoon a day, including fish sauce and seasoning powder); cut down on sweets, sugary drinks, animal fat and fried food; drink enough water. (As recommended by WHO and the Ministry of Health.)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="110"/>
        <source>Vận động: đi bộ nhanh, làm vườn, đạp xe… ít nhất 150 phút mỗi tuần (30 phút mỗi ngày, 5 ngày một tuần); trẻ em và thanh thiếu niên ít nhất 60 phút mỗi ngày; ngồi ít hơn, cứ 1 giờ đứng dậy đi lại. (Theo khuyến cáo của WHO 2020.)</source>
        <translation>Physical activity: brisk walking, gardening, cycling… for at least 150 minutes a week (30 minutes a day, 5 days a week); children and teenagers at least 60 minutes a day; sit less, and get up and move about every hour. (As recommended by WHO 2020.)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="115"/>
        <source>Thuốc lá, thuốc lào: bỏ hẳn là tốt nhất cho tim, phổi và người thân; chọn một ngày để bỏ, báo cho gia đình cùng giúp, tránh nơi hay hút; gọi Tổng đài tư vấn bỏ thuốc lá 1800 6606 (miễn phí). Không hút trong nhà, gần trẻ em và phụ nữ mang thai. (Theo WHO và Bộ Y tế.)</source>
        <translation>Tobacco: stopping completely is best for your heart, your lungs and your family; choose a day to quit, tell your family so they can help, and avoid places where you usually smoke; call the Quit Smoking Helpline on 1800 6606 (free of charge). Do not smoke indoors or near children or pregnant women. (According to WHO and the Ministry of Health.)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="120"/>
        <source>Rượu bia: càng uống ít càng tốt, không uống là tốt nhất; không uống hằng ngày; đã uống rượu bia thì không lái xe; không uống khi mang thai, cho con bú hoặc khi đang dùng thuốc. (Theo WHO và Luật Phòng, chống tác hại của rượu, bia.)</source>
        <translation>Alcohol: the less you drink the better, and not drinking at all is best; do not drink every day; do not drive after drinking alcohol; do not drink when pregnant, breastfeeding or taking medicines. (According to WHO and the Law on Prevention and Control of the Harmful Effects of Alcoholic Beverages.)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="125"/>
        <source>Huyết áp cao: ăn nhạt (dưới 5 g muối mỗi ngày), bỏ thuốc lá, hạn chế rượu bia, vận động đều, giữ cân nặng hợp lý; đo lại huyết áp tại trạm y tế trong vòng 1 tháng; nếu bác sĩ đã kê thuốc thì uống đều hằng ngày, không tự ý bỏ thuốc. Đến cơ sở y tế ngay nếu đau đầu dữ dội, đau ngực, yếu tay chân. (Theo QĐ 3192/QĐ-BYT.)</source>
        <translation>High blood pressure: eat less salt (under 5 g a day), stop smoking, cut down on alcohol, exercise regularly and keep a healthy weight; have your blood pressure checked again at the health station within 1 month; if a doctor has prescribed medicine, take it every day and do not stop it on your own. Go to a health facility straight away if you have a severe headache, chest pain or weakness in your arms or legs. (According to QĐ 3192/QĐ-BYT.)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="131"/>
        <source>Đường huyết: cần xét nghiệm đường máu tĩnh mạch lúc đói tại trạm y tế hoặc bệnh viện để chẩn đoán; ăn ít cơm trắng, bánh kẹo, nước ngọt; ăn nhiều rau; vận động đều; giữ cân nặng hợp lý; nếu đã được chẩn đoán thì dùng thuốc và khám lại đúng hẹn. (Theo QĐ 5481/QĐ-BYT.)</source>
        <translation>Blood glucose: a fasting venous blood glucose test at the health station or a hospital is needed to make a diagnosis; eat less white rice, cakes, sweets and sugary drinks; eat plenty of vegetables; exercise regularly; keep a healthy weight; if you have already been diagnosed, take your medicine and attend follow-up appointments on time. (According to QĐ 5481/QĐ-BYT.)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="136"/>
        <source>Dinh dưỡng của trẻ: bú mẹ hoàn toàn trong 6 tháng đầu và tiếp tục đến 24 tháng; từ 6 tháng ăn bổ sung đủ 4 nhóm thực phẩm (bột đường, đạm, dầu mỡ, rau quả), thêm dầu mỡ vào bột, cháo; uống vitamin A, tẩy giun theo lịch; cân, đo trẻ hằng tháng (trẻ dưới 2 tuổi) và khám lại nếu trẻ không tăng cân. (Theo Viện Dinh dưỡng quốc gia và WHO.)</source>
        <translation>Child nutrition: breastfeed exclusively for the first 6 months and continue until 24 months; from 6 months, give complementary foods from all 4 food groups (starches, protein, fats and oils, vegetables and fruit), and add oil or fat to the child&apos;s porridge; give vitamin A and deworming medicine on schedule; weigh and measure the child every month (children under 2) and come back for a check-up if the child is not gaining weight. (According to the National Institute of Nutrition and WHO.)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="196"/>
        <source>Dấu hiệu sinh tồn</source>
        <translation>Vital signs</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="197"/>
        <source>Tiền sử</source>
        <translation>Medical history</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="198"/>
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="252"/>
        <source>Khám khi thuận tiện (trong 1 tháng)</source>
        <translation>When convenient (within 1 month)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="253"/>
        <source>Sớm (trong 1 tuần)</source>
        <translation>Soon (within 1 week)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="254"/>
        <source>Khẩn cấp (ngay trong ngày)</source>
        <translation>Urgent (the same day)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/findings.py" line="271"/>
        <source>hãy ghi điều bất thường phát hiện được hoặc chọn &apos;Không phát hiện bất thường&apos;</source>
        <translation>enter the abnormality found or choose &apos;No abnormality found&apos;</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/findings.py" line="447"/>
        <source>Chuyển đến</source>
        <translation>Refer to</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/findings.py" line="448"/>
        <source>hãy ghi nơi chuyển đến</source>
        <translation>enter where the patient is referred to</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/findings.py" line="450"/>
        <source>Lý do chuyển</source>
        <translation>Reason for referral</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/findings.py" line="451"/>
        <source>hãy ghi lý do chuyển tuyến</source>
        <translation>enter the reason for referral</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../station_app/services/office/service.py" line="104"/>
        <source>Chưa có trạm {site} để làm điểm khám chung: hãy đăng ký trạm đó trước, rồi đăng ký máy này với --site {site}.</source>
        <translation>There is no station {site} to share its site: register that station first, then register this laptop with --site {site}.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="16"/>
        <source>Đã xảy ra lỗi. Vui lòng thử lại.</source>
        <translation>Something went wrong. Please try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="27"/>
        <source>Trạm chưa được thiết lập. Hãy chạy trình thiết lập (mở ứng dụng, hoặc lệnh &apos;station-app init&apos;).</source>
        <translation>The station is not set up yet. Run the set-up (open the app, or the command &apos;station-app init&apos;).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="33"/>
        <source>Trạm đã được thiết lập rồi; không thể thiết lập lại trên cùng dữ liệu.</source>
        <translation>The station is already set up; it cannot be set up again on the same data.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="37"/>
        <source>Sai tên đăng nhập hoặc mật khẩu. Kiểm tra lại (chú ý bộ gõ tiếng Việt và phím Caps Lock) rồi thử lại.</source>
        <translation>Wrong user name or password. Check them (mind the Vietnamese keyboard and Caps Lock) and try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="43"/>
        <source>Tài khoản này đã bị khoá. Hãy liên hệ quản trị viên của trạm.</source>
        <translation>This account is disabled. Contact the station&apos;s administrator.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="47"/>
        <source>Đăng nhập sai quá nhiều lần. Hãy chờ {seconds} giây rồi thử lại, hoặc nhờ quản trị viên.</source>
        <translation>Too many wrong attempts. Wait {seconds} seconds and try again, or ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="53"/>
        <source>Tài khoản của bạn không có quyền làm việc này. Hãy nhờ người có quyền (điều phối viên hoặc quản trị viên).</source>
        <translation>Your account may not do this. Ask someone who may (a coordinator or an administrator).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="61"/>
        <source>Giá trị không hợp lệ ở ô &apos;{field}&apos;: {reason}</source>
        <translation>Invalid value in &apos;{field}&apos;: {reason}</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="65"/>
        <source>Đã có {what} này trong dữ liệu ({key}). Hãy kiểm tra lại.</source>
        <translation>This {what} already exists ({key}). Please check.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="69"/>
        <source>Không tìm thấy {what}. Hãy kiểm tra lại.</source>
        <translation>{what} not found. Please check.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="73"/>
        <source>Không ghi được vào thư mục dữ liệu {path}. Hãy chọn thư mục khác (--data-dir) hoặc nhờ cán bộ CNTT cấp quyền ghi.</source>
        <translation>Cannot write to the data folder {path}. Choose another folder (--data-dir) or ask IT support for write permission.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="80"/>
        <source>Tệp cơ sở dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu của ứng dụng. Không có gì bị thay đổi. Hãy khôi phục từ bản sao lưu hoặc liên hệ cán bộ CNTT.</source>
        <translation>The database file {path} is damaged or is not this app&apos;s database. Nothing was changed. Restore it from a backup or contact IT support.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="90"/>
        <source>Ổ đĩa đã đầy nên không lưu được. Việc vừa làm chưa được ghi lại, không có gì bị lưu dở. Hãy giải phóng chỗ trống trên ổ đĩa (xoá bớt tệp không cần, dọn Thùng rác) hoặc chọn ổ đĩa khác, rồi làm lại.</source>
        <translation>The disk is full, so nothing could be saved. What you just did was not recorded, and nothing was half saved. Free some space on the disk (delete files you do not need, empty the Trash) or choose another disk, then do it again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="120"/>
        <source>Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {found}). Hãy cài phiên bản ứng dụng mới nhất; dữ liệu không bị thay đổi.</source>
        <translation>The database was made by a newer version of the app (data version {found}). Install the latest version of the app; the data was not changed.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="128"/>
        <source>Ứng dụng đang mở trên cùng dữ liệu này (ở cửa sổ khác hoặc tài khoản khác trên máy). Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại.</source>
        <translation>The app is already open on this data (in another window or another account on this computer). Use the open window, or close it and open again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="136"/>
        <source>Nhật ký kiểm tra bị sửa hoặc xoá tại sự kiện số {position}. Hãy báo ngay cho quản trị viên.</source>
        <translation>The audit log was edited or deleted at event number {position}. Report this to the administrator at once.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="142"/>
        <source>Không mở được tệp ảnh này (tệp hỏng hoặc không phải ảnh). Hãy chọn tệp ảnh khác (PNG, JPG) hoặc quét mã QR trực tiếp bằng máy quét hay camera.</source>
        <translation>Cannot open this image file (the file is damaged or is not an image). Please choose another image file (PNG, JPG) or scan the QR code directly with the scanner or camera.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="152"/>
        <source>Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Hãy mở lượt khám đó; nếu thật sự cần khám lần hai, hãy ghi lý do khám lần hai.</source>
        <translation>This person has already been registered for a check-up in this round on {date} at {site}. Please open that visit; if a second visit is really needed, enter the reason for it.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="160"/>
        <source>Chưa có sự đồng ý xử lý dữ liệu cá nhân ({reason}). Hãy đọc nội dung đồng ý cho người dân (hoặc người giám hộ) và ghi nhận sự đồng ý trước khi đăng ký khám.</source>
        <translation>There is no consent to the processing of personal data ({reason}). Please read the consent statement to the resident (or guardian) and record their consent before registering the check-up.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="168"/>
        <source>Không đọc được tệp danh sách {path}: {reason}. Hãy lưu lại tệp dưới dạng CSV (UTF-8) hoặc Excel (.xlsx) rồi thử lại.</source>
        <translation>Cannot read the list file {path}: {reason}. Please save the file as CSV (UTF-8) or Excel (.xlsx) and try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="176"/>
        <source>Đã huỷ nhập danh sách; dữ liệu không thay đổi.</source>
        <translation>List import cancelled; no data was changed.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="183"/>
        <source>Ngày {day} nằm ngoài đợt khám &quot;{campaign}&quot; ({start} – {end}), nên không mở được lượt khám. Hãy nhờ quản trị viên gia hạn đợt khám hoặc bắt đầu đợt khám mới trong Quản trị (hoặc kiểm tra lại ngày giờ của máy).</source>
        <translation>{day} is outside the campaign &quot;{campaign}&quot; ({start} – {end}), so no visit can be opened. Ask the administrator to extend the campaign or start the next one in Administration (or check the laptop&apos;s date and time).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="194"/>
        <source>Đợt khám hiện tại đã có lượt khám đến ngày {day}. Hãy chọn ngày kết thúc từ ngày đó trở đi (gia hạn), hoặc ngày bắt đầu sau ngày đó (đợt khám mới).</source>
        <translation>The current campaign has visits up to {day}. Choose an end date on or after that day (extending), or a start date after it (a new campaign).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="206"/>
        <source>Dữ liệu JSON nhận được không dùng được ({problem}).</source>
        <translation>The JSON data received cannot be used ({problem}).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="216"/>
        <source>Lượt khám chưa hoàn thành nên chưa in được phiếu khám sức khỏe. Hãy hoàn thành lượt khám ở bàn bác sĩ rồi in lại.</source>
        <translation>The visit is not completed, so its check-up sheet cannot be printed yet. Complete the visit at the doctor&apos;s desk, then print again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/accounts.py" line="42"/>
        <source>Chứng thư số này ghi số chứng chỉ hành nghề (CCHN) khác với số CCHN của tài khoản: không đăng ký được. Kiểm tra số CCHN của tài khoản, hoặc dùng chứng thư số của chính người này.</source>
        <translation>This certificate carries a practising licence number (CCHN) different from the account&apos;s: it cannot be registered. Check the account&apos;s licence number, or use this person&apos;s own certificate.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/accounts.py" line="84"/>
        <source>chỉ dùng chữ thường không dấu, số, dấu chấm, gạch (2–64 ký tự)</source>
        <translation>use lower-case letters without marks, digits, dots and dashes only (2–64 characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/accounts.py" line="88"/>
        <location filename="../../station_app/services/station/campaigns.py" line="91"/>
        <location filename="../../station_app/services/station/registry.py" line="190"/>
        <location filename="../../station_app/services/station/registry.py" line="589"/>
        <location filename="../../station_app/services/station/station_setup.py" line="91"/>
        <source>không được để trống</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/accounts.py" line="194"/>
        <source>không thể tự khoá tài khoản đang dùng</source>
        <translation>you cannot disable the account you are using</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/accounts.py" line="299"/>
        <source>chỉ gồm chữ, số và dấu / . - (tối đa 20 ký tự)</source>
        <translation>letters, digits and / . - only (at most 20 characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/demo.py" line="83"/>
        <source>Thư mục dữ liệu {path} đã có một trạm; dữ liệu tập huấn chỉ được tạo trong thư mục trống, để không lẫn với dữ liệu thật. Hãy chọn một thư mục trống bằng --data-dir (ví dụ: station-app --data-dir taphuan demo).</source>
        <translation>The data folder {path} already holds a station; training data is only made in an empty folder, so it never mixes with real data. Choose an empty folder with --data-dir (e.g. station-app --data-dir training demo).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/demo.py" line="237"/>
        <source>phải là số không âm</source>
        <translation>must be a number, zero or more</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="65"/>
        <source>chỉ gồm chữ số; hãy gõ đủ 13 chữ số in trên giấy chứng nhận GLN</source>
        <translation>digits only; type all 13 digits printed on the GLN certificate</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="66"/>
        <source>phải đủ 13 chữ số; hãy gõ lại theo giấy chứng nhận GLN</source>
        <translation>must be 13 digits; type it again from the GLN certificate</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="67"/>
        <source>chữ số kiểm tra (số cuối) không khớp, có thể gõ nhầm một số; hãy so lại với giấy chứng nhận GLN</source>
        <translation>the check digit (the last one) does not match, a digit may be mistyped; compare it with the GLN certificate</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="76"/>
        <source>phải đủ 5 chữ số như Bộ Y tế cấp (giữ cả số 0 ở đầu, ví dụ 12001)</source>
        <translation>must be the 5 digits the Ministry of Health issued (keep any leading zero, for example 12001)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="86"/>
        <source>chữ in hoa không dấu, số hoặc gạch ngang, 3–32 ký tự</source>
        <translation>capital letters without marks, digits or dashes, 3–32 characters</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="94"/>
        <source>chọn một xã/phường trong danh sách</source>
        <translation>choose a commune/ward from the list</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/campaigns.py" line="73"/>
        <location filename="../../station_app/services/station/campaigns.py" line="94"/>
        <location filename="../../station_app/services/station/station_setup.py" line="97"/>
        <source>phải sau ngày bắt đầu</source>
        <translation>must be after the start date</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="45"/>
        <source>thư mục logs trong thư mục dữ liệu</source>
        <translation>the logs folder inside the data folder</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="46"/>
        <source>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng. Hãy thử lại; nếu lỗi lặp lại, gửi tệp nhật ký cho cán bộ hỗ trợ:
{log}</source>
        <translation>An unexpected error occurred. Stored data is not affected. Try again; if it happens again, send the log file to support:
{log}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="60"/>
        <source>Không thực hiện được</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="63"/>
        <location filename="../../station_app/ui/errors.py" line="74"/>
        <source>Lỗi ngoài dự kiến</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main.py" line="99"/>
        <source>Không mở được ứng dụng</source>
        <translation>The app could not open</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="192"/>
        <source>dài quá 80 ký tự</source>
        <translation>is longer than 80 characters</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="196"/>
        <source>chọn Nam, Nữ hoặc Không rõ</source>
        <translation>select Male, Female or Unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="199"/>
        <source>cần năm sinh (hoặc ngày sinh)</source>
        <translation>year of birth (or date of birth) is required</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="201"/>
        <source>năm sinh không khớp với ngày sinh</source>
        <translation>year of birth does not match the date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="203"/>
        <source>năm sinh phải từ 1900 đến năm nay</source>
        <translation>year of birth must be between 1900 and the current year</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="206"/>
        <location filename="../../station_app/services/station/registry.py" line="577"/>
        <source>số căn cước phải đủ 12 chữ số</source>
        <translation>CCCD number must have exactly 12 digits</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="209"/>
        <source>số CMND cũ có 9 hoặc 12 chữ số</source>
        <translation>old ID number (CMND) must have 9 or 12 digits</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="212"/>
        <source>mã thẻ BHYT gồm 15 ký tự (2 chữ cái và 13 chữ số) hoặc mã số BHXH 10 chữ số</source>
        <translation>health insurance card number must be 15 characters (2 letters and 13 digits), or a 10-digit social insurance number</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="215"/>
        <source>không có trong danh mục dân tộc</source>
        <translation>not in the list of ethnic groups</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="217"/>
        <source>mã xã/phường gồm 5 chữ số</source>
        <translation>commune/ward code must be 5 digits</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="220"/>
        <source>số điện thoại gồm 9–12 chữ số</source>
        <translation>phone number must have 9–12 digits</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="222"/>
        <source>ghi quan hệ của người giám hộ</source>
        <translation>enter the guardian&apos;s relationship</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="383"/>
        <source>đã có người dân mang số này; hãy tìm và mở hồ sơ đó</source>
        <translation>a resident with this number already exists; please search for and open that record</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="572"/>
        <source>trường này không sửa được từ thẻ</source>
        <translation>this field cannot be updated from the card</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="580"/>
        <source>đã có người dân khác mang số này; hãy kiểm tra lại</source>
        <translation>another resident already has this number; please check again</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="585"/>
        <source>mã thẻ BHYT không đúng dạng</source>
        <translation>invalid health insurance card number format</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="594"/>
        <source>ngày sinh không hợp lệ</source>
        <translation>invalid date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="639"/>
        <source>người dân chưa đồng ý</source>
        <translation>resident has not given consent</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="641"/>
        <source>nội dung đồng ý không đúng phiên bản</source>
        <translation>wrong version of the consent text</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="643"/>
        <source>chưa rõ ai đồng ý</source>
        <translation>not specified who gave consent</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="646"/>
        <source>thiếu họ tên hoặc quan hệ của người giám hộ</source>
        <translation>guardian&apos;s full name or relationship is missing</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/roster_import.py" line="114"/>
        <source>có trường không biết: {names}</source>
        <translation>unknown fields: {names}</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/roster_import.py" line="185"/>
        <source>không nhận ra bảng mã của tệp</source>
        <translation>file encoding not recognised</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/roster_import.py" line="205"/>
        <source>chỉ nhận tệp .csv hoặc .xlsx</source>
        <translation>only .csv or .xlsx files are accepted</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/roster_import.py" line="232"/>
        <source>tệp Excel bị hỏng</source>
        <translation>the Excel file is corrupted</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/roster_import.py" line="513"/>
        <source>cần chọn cột Họ và tên và cột Ngày sinh hoặc Năm sinh</source>
        <translation>the Full name column and either the Date of birth or the Year of birth column must be selected</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="263"/>
        <source>Lượt khám chưa thể hoàn thành, còn thiếu: {missing}. Hãy ghi nốt các phần này.</source>
        <translation>The visit cannot be completed yet; still missing: {missing}. Please fill in these sections.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="267"/>
        <source>Phân loại sức khoẻ chung ({chosen}) khác phân loại nặng nhất của các chuyên khoa ({computed}). Hãy ghi lý do chọn phân loại khác, hoặc chọn lại loại {computed}.</source>
        <translation>The overall health class ({chosen}) differs from the most severe class among the specialties ({computed}). Please enter a reason for choosing a different class, or choose class {computed} instead.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/checkup_book.py" line="273"/>
        <source>Lượt khám đã hoàn thành; muốn sửa phải ghi lý do sửa (bản cũ được giữ lại). Hãy nhập lý do rồi lưu lại.</source>
        <translation>This visit has been completed; to change it you must enter a reason for the change (the previous version is kept). Please enter the reason, then save again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/examination.py" line="48"/>
        <source>Có {count} giá trị bất thường chưa được xác nhận. Hãy đo lại nếu cần, rồi xác nhận từng giá trị.</source>
        <translation>Abnormal values not yet confirmed: {count}. Please re-measure if needed, then confirm each value.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/examination.py" line="53"/>
        <source>Lượt khám này đã hoàn tất. Hãy ghi lý do sửa kết quả; bản cũ vẫn được giữ lại.</source>
        <translation>This visit has been completed. Please enter a reason for changing the results; the previous version will still be kept.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/examination.py" line="365"/>
        <source>không phải một ô của phiếu</source>
        <translation>is not a field on the form</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/examination.py" line="370"/>
        <source>chưa nhập giá trị nào</source>
        <translation>no value entered</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="84"/>
        <source>Tệp lô {file} không hợp lệ: {reason}. Không có dữ liệu nào của lô được dùng.</source>
        <translation>Batch file {file} is not valid: {reason}. None of the batch&apos;s data was used.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="92"/>
        <source>Tệp khoá của đơn vị nhận không dùng được: {reason}. Hãy xin lại tệp (office-bundle.json) từ đơn vị nhận dữ liệu rồi nhập lại.</source>
        <translation>The receiving office&apos;s key file cannot be used: {reason}. Ask the receiving office for the file (office-bundle.json) again, then import it again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="98"/>
        <source>Chưa có khoá của đơn vị nhận dữ liệu nên chưa thể xuất. Hãy nhập tệp khoá (office-bundle.json) do đơn vị nhận gửi (lệnh &apos;station-app export --office-bundle TỆP&apos;).</source>
        <translation>The receiving office&apos;s key has not been imported yet, so nothing can be exported. Import the key file (office-bundle.json) sent by the receiving office (command &apos;station-app export --office-bundle FILE&apos;).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="104"/>
        <source>Không ghi được vào thư mục {path}. Hãy kiểm tra USB đã cắm chắc và không bị khoá ghi, hoặc chọn thư mục khác. Chưa có lô nào được ghi nhận là đã xuất.</source>
        <translation>Cannot write to the folder {path}. Check that the USB stick is plugged in firmly and not write-protected, or choose another folder. No batch has been recorded as exported.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="110"/>
        <source>Ổ đĩa {path} đã đầy. Hãy xoá bớt tệp hoặc dùng USB khác rồi xuất lại. Chưa có lô nào được ghi nhận là đã xuất.</source>
        <translation>The drive {path} is full. Delete some files or use another USB stick, then export again. No batch has been recorded as exported.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="116"/>
        <source>Đang có một lần xuất dữ liệu khác trên máy này (ở cửa sổ ứng dụng hoặc dòng lệnh). Hãy chờ nó xong rồi xuất lại.</source>
        <translation>Another export is running on this laptop (in the app window or on the command line). Wait for it to finish, then export again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/batch_format.py" line="122"/>
        <source>Bản lưu của lô {file} trong máy bị hỏng (mã băm không khớp) nên không ghi lại được. Hãy báo cán bộ CNTT.</source>
        <translation>The copy of batch {file} kept on this laptop is damaged (its hash does not match), so it cannot be written again. Tell the IT staff.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="46"/>
        <source>Không ghi được tệp {path}: {reason}. Hãy chọn nơi lưu khác (ví dụ một ổ USB còn trống) rồi thử lại.</source>
        <translation>Could not write the file {path}: {reason}. Choose another place to save it (for example a USB stick with free space) and try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="52"/>
        <source>Chỉ lưu được danh sách dạng .pdf, .csv hoặc .xlsx (tệp đã chọn: {path}). Hãy đổi đuôi tên tệp.</source>
        <translation>Lists can only be saved as .pdf, .csv or .xlsx (file chosen: {path}). Change the file name&apos;s extension.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="57"/>
        <source>ổ đĩa đã đầy</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="58"/>
        <location filename="../../station_app/services/station/list_exports.py" line="59"/>
        <source>không có quyền ghi vào thư mục này</source>
        <translation>you may not write to this folder</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="60"/>
        <source>ổ đĩa chỉ cho đọc</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="61"/>
        <location filename="../../station_app/services/station/list_exports.py" line="62"/>
        <source>thư mục không tồn tại</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="63"/>
        <source>đó là một thư mục, không phải tên tệp</source>
        <translation>that is a folder, not a file name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/list_exports.py" line="65"/>
        <source>lỗi khi ghi tệp</source>
        <translation>an error while writing the file</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="88"/>
        <source>Không có thôn/bản nào tên &apos;{village}&apos; trong danh sách người dân. Hãy gõ đúng tên (có dấu), ví dụ: {examples}.</source>
        <translation>No village named &apos;{village}&apos; on the roster. Type the name exactly (with its diacritics), for example: {examples}.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="81"/>
        <source>Thư mục {path} chưa phải thư mục của đơn vị nhận. Hãy chạy &apos;station-app office init --dir {path}&apos; hoặc chọn đúng thư mục bằng --dir.</source>
        <translation>Folder {path} is not a receiving office&apos;s folder yet. Run &apos;station-app office init --dir {path}&apos; or choose the right folder with --dir.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="87"/>
        <source>Thư mục {path} đã có khoá của đơn vị nhận; không tạo lại (các trạm đang dùng khoá này). Hãy chọn thư mục khác nếu muốn tạo đơn vị mới.</source>
        <translation>Folder {path} already holds a receiving office&apos;s keys; they are not made again (stations use them). Choose another folder to set up a new office.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="93"/>
        <source>Không đọc được khoá công khai của trạm trong tệp {path}. Hãy xin lại tệp PEM do lệnh &apos;station-app export --public-key&apos; của trạm ghi ra.</source>
        <translation>Could not read a station public key in {path}. Ask the station again for the PEM file written by its &apos;station-app export --public-key&apos;.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="99"/>
        <source>Mã trạm {code} hoặc khoá này đã được đăng ký rồi. Kiểm tra bằng &apos;station-app office stations list&apos;.</source>
        <translation>Station code {code} or this key is already registered. Check with &apos;station-app office stations list&apos;.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="124"/>
        <source>Không mở được cơ sở dữ liệu của đơn vị nhận ({reason}). Kiểm tra địa chỉ --db, máy chủ PostgreSQL và quyền truy cập rồi thử lại.</source>
        <translation>Could not open the receiving office&apos;s database ({reason}). Check the --db address, the PostgreSQL server and the access rights, then try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="130"/>
        <source>Không ghi được báo cáo vào {path}. Hãy chọn tệp .xlsx, .pdf hoặc .csv ở thư mục ghi được.</source>
        <translation>Could not write the report to {path}. Choose an .xlsx, .pdf or .csv file in a folder that can be written.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/progress.py" line="228"/>
        <source>phải từ ngày bắt đầu trở đi</source>
        <translation>must be on or after the start date</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/office_client.py" line="46"/>
        <source>Địa chỉ gửi dữ liệu &apos;{url}&apos; không dùng được (cần dạng http://máy:cổng hoặc https://máy:cổng). Hãy nhập lại tệp khoá của đơn vị nhận (office-bundle.json) hoặc sửa địa chỉ.</source>
        <translation>The upload address &apos;{url}&apos; cannot be used (it must look like http://host:port or https://host:port). Import the office&apos;s key file (office-bundle.json) again or correct the address.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/office_client.py" line="52"/>
        <source>Không kết nối được với đơn vị nhận ({host}). Kiểm tra mạng (3G/Wi-Fi) rồi thử lại sau; các lô chưa gửi vẫn được giữ trong máy.</source>
        <translation>Cannot connect to the receiving office ({host}). Check the network (3G/Wi-Fi) and try again later; batches not yet sent are kept on this computer.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/office_client.py" line="59"/>
        <source>Đơn vị nhận đang bận hoặc gặp sự cố (mã {status}). Hãy thử lại sau ít phút; các lô chưa gửi vẫn được giữ trong máy.</source>
        <translation>The receiving office is busy or has a problem (code {status}). Try again in a few minutes; batches not yet sent are kept on this computer.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/office_client.py" line="71"/>
        <source>Chứng chỉ của máy chủ {host} không khớp với dấu vân tay trong tệp khoá của đơn vị nhận, nên không gửi gì. Có thể đây không phải máy của đơn vị nhận. Hãy xin lại tệp khoá mới (office-bundle.json) từ đơn vị nhận, nhập lại, rồi gửi lại.</source>
        <translation>The certificate of server {host} does not match the fingerprint in the office&apos;s key file, so nothing was sent. This may not be the office&apos;s server. Ask the office for a new key file (office-bundle.json), import it, then send again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/office_client.py" line="78"/>
        <source>Địa chỉ {host} dùng https nhưng tệp khoá của đơn vị nhận không có dấu vân tay chứng chỉ, nên không gửi gì. Hãy xin tệp khoá (office-bundle.json) có dấu vân tay từ đơn vị nhận rồi nhập lại.</source>
        <translation>The address {host} uses https but the office&apos;s key file has no certificate fingerprint, so nothing was sent. Ask the office for a key file (office-bundle.json) with the fingerprint and import it.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/office_client.py" line="86"/>
        <source>Đơn vị nhận từ chối lô {file}: {reason_text}. Lô vẫn được giữ trong máy và sẽ được gửi lại lần sau; hãy báo đơn vị nhận và cán bộ CNTT để sửa nguyên nhân.</source>
        <translation>The receiving office refused batch {file}: {reason_text}. The batch stays on this laptop and will be sent again next time; tell the receiving office and IT support so they can fix the cause.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/office_client.py" line="100"/>
        <source>Lô {file} lớn hơn mức đơn vị nhận chấp nhận qua mạng. Hãy chép lô vào USB và mang đến đơn vị nhận, hoặc nhờ đơn vị nhận nâng giới hạn.</source>
        <translation>Batch {file} is larger than the office accepts over the network. Copy it to a USB stick and bring it to the office, or ask the office to raise the limit.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/office_client.py" line="106"/>
        <source>Đơn vị nhận chưa đăng ký trạm {code}. Hãy gửi khoá công khai của trạm (&apos;station-app export --public-key&apos;) cho đơn vị nhận để được đăng ký.</source>
        <translation>The receiving office has not registered station {code}. Send the station&apos;s public key (&apos;station-app export --public-key&apos;) to the office to be registered.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/office_client.py" line="112"/>
        <source>Máy chủ {host} trả lời không như dịch vụ của đơn vị nhận (mã {status}). Hãy kiểm tra địa chỉ gửi dữ liệu trong tệp khoá của đơn vị nhận, hoặc báo cán bộ CNTT.</source>
        <translation>Server {host} does not answer like the office&apos;s service (code {status}). Check the upload address in the office&apos;s key file, or tell the IT staff.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/office_client.py" line="118"/>
        <source>Đơn vị nhận ({host}) không xác minh được trạm nên chưa gửi trạng thái liên thông. Hãy kiểm tra giờ của máy trạm (lệch quá 10 phút là không được); nếu trạm vừa đổi khoá, hãy gửi khoá công khai mới cho đơn vị nhận.</source>
        <translation>The receiving office ({host}) could not verify the station, so the national link status was not sent. Check the station laptop&apos;s clock (more than 10 minutes off will not work); if the station has just changed its key, send the new public key to the receiving office.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/queries.py" line="35"/>
        <source>Không đọc được tệp {file} trong thư mục đơn vị nhận {path}. Kiểm tra quyền truy cập thư mục, hoặc chép lại tệp này từ bản sao lưu của thư mục.</source>
        <translation>The file {file} in the office folder {path} cannot be read. Check the access rights to the folder, or copy the file back from the folder&apos;s backup.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/queries.py" line="41"/>
        <source>Mã trạm &quot;{code}&quot; không dùng được. Hãy nhập đúng mã trạm như trong tên tệp lô của trạm (3 đến 32 chữ in hoa, chữ số hoặc dấu gạch ngang, ví dụ TYT-MK).</source>
        <translation>The station code &quot;{code}&quot; cannot be used. Enter the station code as in the station&apos;s batch file names (3 to 32 capital letters, digits or hyphens, e.g. TYT-MK).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/queries.py" line="47"/>
        <source>Không thấy {path}. USB có thể đã bị rút ra: hãy cắm lại rồi chọn lại tệp hoặc thư mục.</source>
        <translation>{path} is not there. The USB stick may have been pulled out: plug it in again and choose the files or folder again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/queries.py" line="52"/>
        <source>Không thấy tệp lô (.batch) nào trong những gì đã chọn. Tệp lô do trạm xuất ra có tên dạng TYT-MK-000001.batch: hãy chọn đúng thư mục trên USB của trạm.</source>
        <translation>No batch file (.batch) among what was chosen. A station&apos;s batch files are named like TYT-MK-000001.batch: choose the right folder on the station&apos;s USB stick.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/queries.py" line="58"/>
        <source>Không đọc hoặc ghi được cơ sở dữ liệu của đơn vị nhận (mất kết nối tới máy chủ, hoặc tệp cơ sở dữ liệu bị hỏng). Kiểm tra mạng và máy chủ PostgreSQL rồi thử lại; nếu dùng SQLite, mở lại cửa sổ. Lô đang nhập dở không bị ghi nửa chừng.</source>
        <translation>The office database cannot be read or written (the connection to the server was lost, or the database file is damaged). Check the network and the PostgreSQL server and try again; with SQLite, open the window again. A batch being imported is never left half-written.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/queries.py" line="64"/>
        <source>tệp không phải cơ sở dữ liệu hoặc đã bị hỏng</source>
        <translation>the file is not a database or is damaged</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/tls.py" line="37"/>
        <source>Địa chỉ &apos;{url}&apos; không dùng được. Hãy viết dạng https://TÊN-MÁY-HOẶC-IP:CỔNG (hoặc http:// trong mạng nội bộ), ví dụ https://192.168.1.10:8765.</source>
        <translation>The address &apos;{url}&apos; cannot be used. Write it as https://HOST-NAME-OR-IP:PORT (or http:// on a closed network), for example https://192.168.1.10:8765.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/tls.py" line="43"/>
        <source>Không đọc được chứng chỉ hoặc khoá TLS ({path}). Hãy chỉ đúng tệp PEM bằng --tls-cert và --tls-key, hoặc bỏ hai tuỳ chọn này để dùng chứng chỉ tự ký của đơn vị.</source>
        <translation>Cannot read the TLS certificate or key ({path}). Name the right PEM files with --tls-cert and --tls-key, or leave both options out to use the office&apos;s self-signed certificate.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/upload.py" line="39"/>
        <source>Tên tệp lô &apos;{name}&apos; không đúng dạng MÃTRẠM-000001.batch. Hãy gửi đúng tệp lô do trạm xuất ra.</source>
        <translation>The batch file name &apos;{name}&apos; is not of the form STATIONCODE-000001.batch. Send the batch file exactly as the station exported it.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/upload.py" line="44"/>
        <source>Lô lớn hơn giới hạn {mib} MiB của đơn vị nhận. Hãy mang lô đến bằng USB, hoặc nhờ đơn vị nhận nâng giới hạn (--max-mib).</source>
        <translation>The batch is larger than the office&apos;s limit of {mib} MiB. Bring it on a USB stick, or ask the office to raise the limit (--max-mib).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/upload.py" line="53"/>
        <source>Trạm {code} chưa được đăng ký với đơn vị nhận. Hãy gửi khoá công khai của trạm cho đơn vị nhận (&apos;station-app office stations add&apos;).</source>
        <translation>Station {code} is not registered with the receiving office. Send the station&apos;s public key to the office (&apos;station-app office stations add&apos;).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/upload.py" line="60"/>
        <source>Đơn vị nhận không ghi được lô vào thư mục {path} (đầy ổ đĩa hoặc thiếu quyền ghi). Hãy thử gửi lại sau; cán bộ CNTT của đơn vị nhận cần kiểm tra ổ đĩa.</source>
        <translation>The receiving office cannot write the batch into folder {path} (disk full or no write permission). Try sending again later; the office&apos;s IT staff need to check the disk.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/upload.py" line="66"/>
        <source>Lô đến quá chậm (quá {seconds} giây) nên đơn vị nhận đã dừng nhận; không giữ gì của lần gửi này. Hãy gửi lại khi mạng tốt hơn.</source>
        <translation>The batch arrived too slowly (over {seconds} seconds), so the office stopped receiving it; nothing of this attempt was kept. Send it again when the network is better.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/upload.py" line="72"/>
        <source>Đơn vị nhận chưa nhận được lô lúc này (cơ sở dữ liệu bận hoặc không kết nối được). Hãy gửi lại sau ít phút; không có gì của lô được ghi.</source>
        <translation>The receiving office cannot take the batch right now (its database is busy or unreachable). Send it again in a few minutes; nothing of the batch was written.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/upload.py" line="67"/>
        <source>Địa chỉ đơn vị nhận không dùng được: {reason}. Hãy nhập lại theo dạng https://may-chu:8443 (hoặc để trống để dùng địa chỉ trong gói khoá của đơn vị nhận).</source>
        <translation>The office address cannot be used: {reason}. Enter it again as https://server:8443 (or leave it empty to use the address in the office&apos;s key bundle).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/upload.py" line="73"/>
        <source>Chưa có địa chỉ gửi lô qua mạng. Hãy nhập gói khoá mới của đơn vị nhận (có địa chỉ gửi) hoặc nhập địa chỉ ở trang Xuất dữ liệu; nếu không có mạng, hãy xuất ra USB.</source>
        <translation>There is no address to send batches over the network. Import the office&apos;s new key bundle (with its address) or enter the address on the Export page; without a network, export to a USB stick.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/upload.py" line="79"/>
        <source>địa chỉ phải bắt đầu bằng http:// hoặc https:// và có tên máy chủ</source>
        <translation>the address must start with http:// or https:// and name a server</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/upload.py" line="80"/>
        <source>dấu vân tay chứng chỉ phải là 64 chữ số hex (SHA-256)</source>
        <translation>the certificate fingerprint must be 64 hex digits (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/upload.py" line="81"/>
        <source>địa chỉ https cần dấu vân tay chứng chỉ của đơn vị nhận</source>
        <translation>an https address needs the office certificate&apos;s fingerprint</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/keys.py" line="34"/>
        <source>Không thấy khoá ký của trạm ({path}) nên chưa xuất được. Không tạo khoá mới tự động: đơn vị nhận chỉ nhận lô ký bằng khoá đã đăng ký. Nếu có bản sao lưu thư mục dữ liệu, hãy chép lại tệp khoá keys/station-ed25519.pem; nếu không, quản trị viên chạy &apos;station-app keys rotate --user TÊN --public-key TỆP.pem&apos; rồi gửi tệp khoá công khai mới cho đơn vị nhận để đăng ký lại.</source>
        <translation>The station&apos;s signing key ({path}) is missing, so nothing can be exported yet. No new key is made automatically: the receiving office only accepts batches signed with the registered key. If there is a backup of the data folder, copy the key file keys/station-ed25519.pem back; if not, an administrator runs &apos;station-app keys rotate --user NAME --public-key FILE.pem&apos; and sends the new public key file to the receiving office to register again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/keys.py" line="42"/>
        <source>Khoá ký của trạm ({path}) bị hỏng hoặc không phải khoá trạm đã đăng ký nên chưa xuất được. Không tạo khoá mới tự động: đơn vị nhận chỉ nhận lô ký bằng khoá đã đăng ký. Nếu có bản sao lưu thư mục dữ liệu, hãy chép lại tệp khoá keys/station-ed25519.pem; nếu không, quản trị viên chạy &apos;station-app keys rotate --user TÊN --public-key TỆP.pem&apos; rồi gửi tệp khoá công khai mới cho đơn vị nhận để đăng ký lại.</source>
        <translation>The station&apos;s signing key ({path}) is damaged or is not the station&apos;s registered key, so nothing can be exported yet. No new key is made automatically: the receiving office only accepts batches signed with the registered key. If there is a backup of the data folder, copy the key file keys/station-ed25519.pem back; if not, an administrator runs &apos;station-app keys rotate --user NAME --public-key FILE.pem&apos; and sends the new public key file to the receiving office to register again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="110"/>
        <source>Không đăng ký được khoá mới cho trạm {code}: {reason}. Khoá cũ vẫn được dùng; không có gì thay đổi.</source>
        <translation>The new key of station {code} could not be registered: {reason}. The old key is still used; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/password_policy.py" line="30"/>
        <source>Mật khẩu quá ngắn: cần ít nhất {length} ký tự (có thể là một câu dễ nhớ).</source>
        <translation>The password is too short: it needs at least {length} characters (it can be a sentence you remember).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/password_policy.py" line="34"/>
        <source>Mật khẩu không được giống tên đăng nhập. Hãy chọn mật khẩu khác.</source>
        <translation>The password must not be the user name. Choose another password.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/password_policy.py" line="38"/>
        <source>Mật khẩu này quá phổ biến, kẻ gian đoán ra ngay. Hãy chọn mật khẩu khác, ví dụ ghép vài từ dễ nhớ.</source>
        <translation>This password is too common: an intruder would guess it at once. Choose another one, for example a few words you remember put together.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/password_policy.py" line="43"/>
        <source>Độ dài tối thiểu của mật khẩu phải từ {low} đến {high} ký tự.</source>
        <translation>The minimum password length must be from {low} to {high} characters.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/chain.py" line="31"/>
        <source>Chưa ghi quyết định nhận chuỗi lô mới: {reason}.</source>
        <translation>The decision to accept the station&apos;s new chain was not recorded: {reason}.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/chain.py" line="35"/>
        <source>trạm {code} chưa được đăng ký (xem &apos;station-app office stations list&apos;)</source>
        <translation>station {code} is not registered (see &apos;station-app office stations list&apos;)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/chain.py" line="37"/>
        <source>số thứ tự lô phải là số nguyên từ 1 trở lên</source>
        <translation>the batch sequence must be a whole number from 1 up</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/chain.py" line="38"/>
        <source>cần ghi lý do (--reason), tối đa 1000 ký tự</source>
        <translation>a reason is needed (--reason), at most 1000 characters</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/chain.py" line="39"/>
        <source>cần ghi người quyết định (--by), tối đa 100 ký tự</source>
        <translation>the person deciding is needed (--by), at most 100 characters</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/chain.py" line="40"/>
        <source>đã có một quyết định chưa dùng cho lô số {sequence} của trạm {code}</source>
        <translation>there is already an unused decision for batch {sequence} of station {code}</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/pl01_answers.py" line="45"/>
        <source>không ghi được ở bàn này</source>
        <translation>cannot be recorded at this desk</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/pl01_answers.py" line="88"/>
        <source>mẫu này không dùng trong đợt khám định kỳ</source>
        <translation>this form is not used in the periodic check-up campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/pl01_answers.py" line="95"/>
        <source>hãy ghi lý do đổi mẫu khám</source>
        <translation>give the reason for changing the form</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/pl01_answers.py" line="181"/>
        <source>mục này không có trong mẫu khám của lượt khám</source>
        <translation>this item is not on the visit&apos;s form</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/pl01_answers.py" line="183"/>
        <location filename="../../station_app/services/station/pl01_answers.py" line="191"/>
        <source>mục này không ghi ở bàn này</source>
        <translation>this item is not recorded at this desk</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/pl01_answers.py" line="195"/>
        <source>hãy ghi lý do không làm</source>
        <translation>give the reason it was not done</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/pl01_answers.py" line="200"/>
        <source>giá trị không hợp lệ cho mục này</source>
        <translation>this value is not valid for this item</translation>
    </message>
    <message>
        <location filename="../../station_app/core/icd10.py" line="33"/>
        <source>Mã ICD-10 &apos;{code}&apos; không có trong danh mục ICD-10. Hãy gõ mã hoặc tên bệnh rồi chọn một dòng trong danh sách gợi ý.</source>
        <translation>ICD-10 code &apos;{code}&apos; is not in the ICD-10 list. Type a code or a disease name, then pick a line from the suggestions.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="150"/>
        <source>Dòng xét nghiệm {row} chưa đủ: hãy chọn xét nghiệm và nhập kết quả, hoặc xoá dòng này (Ctrl+Delete).</source>
        <translation>Test row {row} is incomplete: pick the test and enter its result, or remove the row (Ctrl+Delete).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/signing/certificates.py" line="27"/>
        <source>Chứng thư số không dùng được để ký. Hãy dùng chứng thư số khác.</source>
        <translation>This certificate cannot be used for signing. Use another certificate.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/signing/certificates.py" line="31"/>
        <source>Chứng thư số đã hết hạn ngày {not_after}: không ký được. Hãy gia hạn chứng thư số với nhà cung cấp (hoặc dùng chứng thư số mới) rồi ký lại; phần khám vẫn được lưu, ở trạng thái chưa ký.</source>
        <translation>The certificate expired on {not_after}: signing is not possible. Renew the certificate with the provider (or use a new certificate), then sign again; the section is still saved, unsigned.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/signing/certificates.py" line="37"/>
        <source>Chứng thư số chỉ có hiệu lực từ ngày {not_before}: chưa ký được. Kiểm tra ngày giờ của máy tính; phần khám vẫn được lưu, ở trạng thái chưa ký.</source>
        <translation>The certificate is only valid from {not_before}: signing is not possible yet. Check the computer&apos;s date and time; the section is still saved, unsigned.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/signing/certificates.py" line="43"/>
        <source>Chứng thư số này không được phép dùng để ký số (mục đích sử dụng khoá). Hãy dùng chứng thư số ký số do nhà cung cấp cấp cho cá nhân hoặc cơ sở.</source>
        <translation>This certificate may not be used for digital signatures (key usage). Use a signing certificate that the provider issued to a person or a facility.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/signing/certificates.py" line="49"/>
        <source>Không đọc được tệp chứng thư số (sai mật khẩu hoặc tệp hỏng). Kiểm tra mật khẩu của tệp .p12 rồi thử lại.</source>
        <translation>Cannot read the certificate file (wrong password or damaged file). Check the .p12 file&apos;s password and try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/signing/signers.py" line="33"/>
        <source>Không dùng được USB ký số. Rút ra, cắm lại rồi thử lại; nếu vẫn lỗi, kiểm tra trình điều khiển (driver) của nhà cung cấp chữ ký số đã cài trên máy.</source>
        <translation>The signing token cannot be used. Unplug it, plug it back in and try again; if it still fails, check that the digital signature provider&apos;s driver is installed on this computer.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/signing/signers.py" line="39"/>
        <source>Không thấy USB ký số có chứng thư số của bạn. Cắm USB ký số của chính bạn vào máy rồi thử lại; phần khám vẫn được lưu, ở trạng thái chưa ký.</source>
        <translation>No signing token with your certificate was found. Plug in your own signing token and try again; the section is still saved, unsigned.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/signing/signers.py" line="45"/>
        <source>Mã PIN của USB ký số không đúng. Nhập lại cẩn thận: nhập sai nhiều lần USB sẽ bị khoá.</source>
        <translation>The signing token PIN is wrong. Enter it again carefully: after too many wrong attempts the token is locked.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/signing/signers.py" line="50"/>
        <source>USB ký số đã bị khoá vì nhập sai PIN quá nhiều lần. Liên hệ nhà cung cấp chữ ký số để mở khoá; các phần khám vẫn được lưu, ở trạng thái chưa ký.</source>
        <translation>The signing token is locked after too many wrong PINs. Contact the digital signature provider to unlock it; the sections are still saved, unsigned.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/signing/xmldsig.py" line="53"/>
        <source>Chữ ký số không hợp lệ ({reason}). Hồ sơ này chưa được gửi đi.</source>
        <translation>The digital signature is not valid ({reason}). This record has not been sent.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national/client.py" line="48"/>
        <source>Địa chỉ cổng liên thông &apos;{url}&apos; không dùng được: cần https://… (http:// chỉ với máy này hoặc máy giả lập cổng). Hãy sửa bằng &apos;station-app office national setup --url&apos;.</source>
        <translation>The national gateway address &apos;{url}&apos; cannot be used: it must be https://… (http:// only for this computer or a gateway simulator). Fix it with &apos;station-app office national setup --url&apos;.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national/stand_in.py" line="578"/>
        <source>--account &apos;{user}:…&apos; không đúng dạng TÊN:MẬT_KHẨU:MÃ_13_CHỮ_SỐ. Hãy viết lại, ví dụ --account tapHuan:matkhau:0123456789012.</source>
        <translation>--account &apos;{user}:…&apos; is not of the form NAME:PASSWORD:13_DIGIT_CODE. Write it again, for example --account tapHuan:matkhau:0123456789012.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national/stand_in.py" line="583"/>
        <source>--facility-key &apos;{text}&apos;: cần MÃ_13_CHỮ_SỐ=TỆP.pem với tệp khoá công khai RSA (PEM) của cơ sở. Hãy xuất khoá công khai ra tệp PEM rồi thử lại.</source>
        <translation>--facility-key &apos;{text}&apos;: needs 13_DIGIT_CODE=FILE.pem with the facility&apos;s RSA public key file (PEM). Export the public key to a PEM file and try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_receipts.py" line="34"/>
        <source>Đơn vị nhận chưa đăng ký trạm {code}. Hãy xem danh sách trạm (&apos;station-app office stations list&apos;) và gõ đúng mã trạm.</source>
        <translation>The receiving office has not registered station {code}. See the list of stations (&apos;station-app office stations list&apos;) and type the station code correctly.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_receipts.py" line="40"/>
        <source>Không ghi được biên nhận liên thông vào {path}. Hãy chọn thư mục khác (ví dụ một ổ USB còn trống, có quyền ghi) rồi chạy lại.</source>
        <translation>Cannot write the national link receipt to {path}. Choose another folder (for example a USB stick with free space and write access), then run again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_receipts.py" line="48"/>
        <source>Không xác minh được trạm đang hỏi (chữ ký của trạm sai, khoá cũ, hoặc đồng hồ máy trạm lệch quá 10 phút). Hãy chỉnh giờ máy trạm; nếu trạm vừa đổi khoá, gửi khoá công khai mới cho đơn vị nhận.</source>
        <translation>The station asking could not be verified (wrong station signature, an old key, or the station laptop&apos;s clock more than 10 minutes off). Set the station laptop&apos;s clock; if the station has just changed its key, send the new public key to the receiving office.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="83"/>
        <source>Giá trị của {field} không hợp lệ: {expected}. Hãy sửa rồi chạy lại lệnh.</source>
        <translation>The value of {field} is not valid: {expected}. Correct it and run the command again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="87"/>
        <source>Trạm {code} chưa được đăng ký với đơn vị nhận. Hãy đăng ký trạm trước (&apos;station-app office stations add&apos;) rồi thiết lập liên thông.</source>
        <translation>Station {code} is not registered with the receiving office. Register the station first (&apos;station-app office stations add&apos;), then set up the national link.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="92"/>
        <source>Khoá ký của cơ sở không dùng được: {reason} Không có gì thay đổi.</source>
        <translation>The facility&apos;s signing key cannot be used: {reason} Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="96"/>
        <source>Không đọc được chứng thư của tổ chức chứng thực trong tệp {path}. Cần tệp PEM hoặc DER của chứng thư gốc (CA) do tổ chức đó công bố.</source>
        <translation>Cannot read the certification authority&apos;s certificate in the file {path}. A PEM or DER file of the root (CA) certificate published by that authority is needed.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="101"/>
        <source>Không có tổ chức chứng thực nào có dấu vân tay bắt đầu bằng &apos;{prefix}&apos; (hoặc có nhiều hơn một). Xem danh sách bằng &apos;office national trust list&apos;.</source>
        <translation>No certification authority has a fingerprint starting with &apos;{prefix}&apos; (or more than one has). See the list with &apos;office national trust list&apos;.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/national_states.py" line="50"/>
        <source>Không nhận biên nhận liên thông {file}: {reason_text}. Không có gì thay đổi; hãy xin đơn vị nhận biên nhận mới (lệnh &apos;station-app office national receipts&apos;) hoặc gửi dữ liệu qua mạng lại.</source>
        <translation>National link receipt {file} not accepted: {reason_text}. Nothing was changed; ask the receiving office for a new receipt (command &apos;station-app office national receipts&apos;) or send the data over the network again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/signatures.py" line="51"/>
        <source>Tài khoản này chưa đăng ký chứng thư số: phần khám được lưu ở trạng thái chưa ký. Nhờ quản trị viên đăng ký chứng thư số (tệp .p12 hoặc USB ký số) cho tài khoản rồi ký sau.</source>
        <translation>This account has no registered certificate: the section is saved unsigned. Ask the administrator to register a certificate (.p12 file or signing token) for the account, then sign later.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/signatures.py" line="57"/>
        <source>Chứng thư số đang dùng không phải chứng thư số đã đăng ký cho tài khoản này. Cắm đúng USB ký số (hoặc chọn đúng tệp .p12) của chính bạn rồi ký lại.</source>
        <translation>The certificate in use is not the one registered for this account. Plug in your own signing token (or choose your own .p12 file), then sign again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/signatures.py" line="63"/>
        <source>Máy này chưa được cài đặt trình điều khiển USB ký số. Nhờ quản trị viên đặt đường dẫn thư viện PKCS#11 của nhà cung cấp chữ ký số (mục signing.pkcs11_module) rồi thử lại.</source>
        <translation>No signing token driver is set up on this computer. Ask the administrator to set the path of the digital signature provider&apos;s PKCS#11 library (setting signing.pkcs11_module), then try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/signatures.py" line="69"/>
        <source>Không thấy tệp khoá ký số (.p12) của tài khoản này trên máy. Nhờ quản trị viên đăng ký lại tệp .p12; phần khám vẫn được lưu, ở trạng thái chưa ký.</source>
        <translation>This account&apos;s signing key file (.p12) is not on this computer. Ask the administrator to register the .p12 file again; the section is still saved, unsigned.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/signatures.py" line="310"/>
        <source>phần khám này chưa có gì để ký</source>
        <translation>this section has nothing to sign yet</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../station_app/services/common/accounts.py" line="83"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/accounts.py" line="87"/>
        <location filename="../../station_app/services/station/registry.py" line="160"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/accounts.py" line="298"/>
        <source>Số CCHN</source>
        <translation>Practising licence no.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/password_policy.py" line="26"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/accounts.py" line="193"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/demo.py" line="236"/>
        <source>Số người dân</source>
        <translation>Number of residents</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="62"/>
        <source>Mã cơ sở KCB (MA_CSKCB)</source>
        <translation>Facility code (MA_CSKCB)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="63"/>
        <source>Mã GLN của cơ sở (MA_GTIN_CSKCB)</source>
        <translation>Facility GLN (MA_GTIN_CSKCB)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="85"/>
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="87"/>
        <source>Tên trạm</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/station_setup.py" line="88"/>
        <source>Tên điểm khám</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/campaigns.py" line="90"/>
        <location filename="../../station_app/services/station/station_setup.py" line="89"/>
        <source>Tên đợt khám</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="161"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="162"/>
        <source>Năm sinh</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="163"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="164"/>
        <source>Số CCCD</source>
        <translation>CCCD no.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="165"/>
        <source>Số CMND cũ</source>
        <translation>Old ID no. (CMND)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="166"/>
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="167"/>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="168"/>
        <location filename="../../station_app/services/station/station_setup.py" line="93"/>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="169"/>
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="170"/>
        <source>Người giám hộ</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="171"/>
        <source>Quan hệ với người giám hộ</source>
        <translation>Relationship to guardian</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="172"/>
        <source>Lý do khám lần hai</source>
        <translation>Reason for second visit</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="173"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/campaigns.py" line="72"/>
        <location filename="../../station_app/services/station/campaigns.py" line="93"/>
        <location filename="../../station_app/services/station/station_setup.py" line="96"/>
        <source>Ngày kết thúc</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/roster_import.py" line="113"/>
        <location filename="../../station_app/services/station/roster_import.py" line="510"/>
        <location filename="../../station_app/services/station/roster_import.py" line="513"/>
        <source>Ghép cột</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="409"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="426"/>
        <source>Sắp xếp theo</source>
        <translation>Sort by</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="474"/>
        <source>Liên thông</source>
        <translation>National link</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/progress.py" line="227"/>
        <source>Đến ngày</source>
        <translation>To date</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="22"/>
        <source>Huyết áp lần {reading}</source>
        <translation>Blood pressure, reading {reading}</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="23"/>
        <source>{measure} (lần {reading})</source>
        <translation>{measure} (reading {reading})</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="24"/>
        <source>lúc đói</source>
        <translation>fasting</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="25"/>
        <source>không nhịn đói</source>
        <translation>not fasting</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="26"/>
        <source>Huyết áp trung bình</source>
        <translation>Average blood pressure</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="27"/>
        <source>Phân độ huyết áp</source>
        <translation>Blood pressure grade</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="28"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="29"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="30"/>
        <source>Khám {specialty}</source>
        <translation>Examination: {specialty}</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="31"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="32"/>
        <source>Chẩn đoán (ICD-10)</source>
        <translation>Diagnoses (ICD-10)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="33"/>
        <source>Phân loại sức khoẻ</source>
        <translation>Health class</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="34"/>
        <source>Phân loại sức khoẻ chung</source>
        <translation>Overall health class</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="35"/>
        <source>Phân loại nặng nhất của các chuyên khoa</source>
        <translation>Most severe class of the specialties</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="36"/>
        <source>Lý do chọn phân loại khác</source>
        <translation>Reason for choosing a different class</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="37"/>
        <source>Lời khuyên</source>
        <translation>Advice</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="38"/>
        <source>Chuyển tuyến đến</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="39"/>
        <source>Lý do chuyển tuyến</source>
        <translation>Reason for referral</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="40"/>
        <source>Mức độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="41"/>
        <source>Theo dõi sau chuyển tuyến</source>
        <translation>Referral follow-up</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="42"/>
        <source>Chủ đề tư vấn</source>
        <translation>Counselling topics</translation>
    </message>
    <message>
        <location filename="../../station_app/core/record_lines.py" line="43"/>
        <source>Nội dung tư vấn</source>
        <translation>Counselling notes</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../station_app/core/model.py" line="17"/>
        <source>Điều dưỡng</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="18"/>
        <source>Bác sĩ</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="19"/>
        <source>Điều phối viên</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="20"/>
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="58"/>
        <source>Đối tượng chính sách</source>
        <translation>Policy beneficiary</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="59"/>
        <source>Người cao tuổi</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="60"/>
        <source>Hộ nghèo</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="61"/>
        <source>Hộ cận nghèo</source>
        <translation>Near-poor household</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="62"/>
        <source>Người khuyết tật</source>
        <translation>Person with disability</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="63"/>
        <source>Dân tộc thiểu số</source>
        <translation>Ethnic minority</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="64"/>
        <source>Trẻ em dưới 6 tuổi</source>
        <translation>Child under 6</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="65"/>
        <source>Học sinh</source>
        <translation>Pupil</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="66"/>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../station_app/services/common/accounts.py" line="124"/>
        <location filename="../../station_app/services/common/accounts.py" line="191"/>
        <location filename="../../station_app/services/common/accounts.py" line="207"/>
        <location filename="../../station_app/services/common/accounts.py" line="219"/>
        <location filename="../../station_app/services/common/accounts.py" line="277"/>
        <source>tài khoản</source>
        <translation>account</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="361"/>
        <location filename="../../station_app/services/station/registry.py" line="400"/>
        <source>người dân</source>
        <translation>resident</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/registry.py" line="487"/>
        <source>người dân, điểm khám hoặc đợt khám</source>
        <translation>resident, exam site or check-up round</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/examination.py" line="324"/>
        <source>điểm khám hoặc đợt khám</source>
        <translation>exam site or check-up round</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/examination.py" line="351"/>
        <location filename="../../station_app/services/station/findings.py" line="396"/>
        <location filename="../../station_app/services/station/pl01_answers.py" line="116"/>
        <location filename="../../station_app/services/station/pl01_answers.py" line="172"/>
        <location filename="../../station_app/services/station/pl01_values.py" line="70"/>
        <location filename="../../station_app/services/station/registry.py" line="521"/>
        <source>lượt khám</source>
        <translation>visit</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="35"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="36"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/printing.py" line="37"/>
        <source>Không rõ</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="80"/>
        <source>Chờ khám</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="81"/>
        <source>Đang khám</source>
        <translation>In examination</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="82"/>
        <source>Đã khám xong</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="83"/>
        <source>Chuyển tuyến</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="84"/>
        <source>Đã huỷ</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../station_app/services/exchange/batch_export.py" line="140"/>
        <location filename="../../station_app/services/station/upload.py" line="501"/>
        <source>lô dữ liệu</source>
        <translation>data batch</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/progress.py" line="24"/>
        <source>(Chưa ghi thôn/bản)</source>
        <translation>(No village recorded)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/progress.py" line="25"/>
        <location filename="../../station_app/ui/pages/progress.py" line="269"/>
        <source>(Chưa ghi lớp)</source>
        <translation>(No class recorded)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/progress.py" line="26"/>
        <source>Tất cả điểm khám</source>
        <translation>All sites</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/progress.py" line="218"/>
        <source>đợt khám</source>
        <translation>campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/progress.py" line="221"/>
        <source>điểm khám</source>
        <translation>exam site</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/pl01_answers.py" line="87"/>
        <source>Mẫu khám</source>
        <translation>Check-up form</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/pl01_answers.py" line="94"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>laboratory</name>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="65"/>
        <source>Đường huyết mao mạch</source>
        <translation>Capillary glucose</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="69"/>
        <source>Glucose máu tĩnh mạch</source>
        <translation>Venous blood glucose</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="70"/>
        <source>HbA1c</source>
        <translation>HbA1c</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="71"/>
        <source>Hemoglobin (test nhanh)</source>
        <translation>Haemoglobin (quick test)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="72"/>
        <source>Cholesterol toàn phần</source>
        <translation>Total cholesterol</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="73"/>
        <source>Protein niệu (que thử)</source>
        <translation>Urine protein (dipstick)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="74"/>
        <source>Glucose niệu (que thử)</source>
        <translation>Urine glucose (dipstick)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="75"/>
        <source>Thử thai nhanh (hCG nước tiểu)</source>
        <translation>Pregnancy quick test (urine hCG)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="174"/>
        <source>Hạ đường huyết</source>
        <translation>Low blood glucose</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="175"/>
        <source>Bình thường</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="176"/>
        <source>Tăng, cần xét nghiệm lại đường huyết tĩnh mạch</source>
        <translation>Raised, a venous blood glucose test is needed</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="177"/>
        <source>Trong ngưỡng đái tháo đường, chuyển khám</source>
        <translation>In the diabetes range, refer</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="179"/>
        <source>Lúc đói</source>
        <translation>Fasting</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_laboratory.py" line="180"/>
        <source>Bất kỳ (không nhịn đói)</source>
        <translation>Random (not fasting)</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="68"/>
        <source>Không có số điện thoại</source>
        <translation>No phone number</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="69"/>
        <source>Chưa có số định danh</source>
        <translation>No ID number yet</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="70"/>
        <source>Già yếu/khuyết tật sống một mình</source>
        <translation>Elderly or disabled, living alone</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="81"/>
        <source>Trùng họ tên và ngày/năm sinh</source>
        <translation>Same name and date/year of birth</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="82"/>
        <source>Trùng mã thẻ BHYT</source>
        <translation>Same health insurance number</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="83"/>
        <source>Khám từ hai lần trong đợt</source>
        <translation>Examined twice or more in this campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/lists.py" line="374"/>
        <source>lượt khám có chuyển tuyến</source>
        <translation>visit with a referral</translation>
    </message>
</context>
<context>
    <name>national</name>
    <message>
        <location filename="../../station_app/services/office/national/client.py" line="35"/>
        <source>Không kết nối được với cổng liên thông. Hồ sơ sẽ được gửi lại tự động; nếu kéo dài, hãy kiểm tra mạng và địa chỉ cổng.</source>
        <translation>Cannot connect to the national gateway. The records will be sent again automatically; if this goes on, check the network and the gateway address.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national/client.py" line="37"/>
        <source>Cổng liên thông trả lời không đúng giao thức. Hồ sơ sẽ được gửi lại; nếu kéo dài, hãy kiểm tra địa chỉ cổng (--url).</source>
        <translation>The national gateway answered outside the protocol. The records will be sent again; if this goes on, check the gateway address (--url).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national/client.py" line="39"/>
        <source>Cổng liên thông trả lời quá lớn, không đọc. Hồ sơ sẽ được gửi lại; nếu kéo dài, hãy kiểm tra địa chỉ cổng (--url).</source>
        <translation>The national gateway&apos;s answer was too large and was not read. The records will be sent again; if this goes on, check the gateway address (--url).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national/client.py" line="41"/>
        <source>Cổng liên thông đang bận hoặc gặp sự cố. Hồ sơ sẽ được gửi lại sau.</source>
        <translation>The national gateway is busy or has a problem. The records will be sent again later.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national/client.py" line="42"/>
        <source>Cổng liên thông không cho đăng nhập bằng tài khoản này. Hãy kiểm tra tên đăng nhập và mật khẩu liên thông (&apos;office national setup&apos;).</source>
        <translation>The national gateway does not accept this account. Check the national link user name and password (&apos;office national setup&apos;).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="51"/>
        <source>chưa thiết lập liên thông cho trạm này (&apos;station-app office national setup&apos;)</source>
        <translation>the national link is not set up for this station (&apos;station-app office national setup&apos;)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="53"/>
        <source>còn phần khám chưa ký số: người khám ký ở trạm, rồi bác sĩ kết luận ký lại</source>
        <translation>some sections are not digitally signed yet: the examiners sign at the station, then the concluding doctor signs again</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="55"/>
        <source>MA_CSKCB của hồ sơ ({record}) khác MA_CSKCB đã thiết lập cho trạm ({settings}): sửa mã cơ sở ở trạm, hoặc đặt lại bằng &apos;office national setup --ma-cskcb&apos;</source>
        <translation>the record&apos;s MA_CSKCB ({record}) differs from the MA_CSKCB set for the station ({settings}): fix the facility code at the station, or set it again with &apos;office national setup --ma-cskcb&apos;</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="58"/>
        <source>chưa có tổ chức chứng thực nào được tin cậy để kiểm tra chứng thư của y bác sĩ: thêm bằng &apos;station-app office national trust add CA.pem&apos;, rồi trạm gửi lại lô</source>
        <translation>no certification authority is trusted yet to check the health workers&apos; certificates: add one with &apos;station-app office national trust add CA.pem&apos;, then have the station send the batch again</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="61"/>
        <source>Cổng liên thông từ chối tài khoản ({code}). Hãy kiểm tra tên đăng nhập và mật khẩu liên thông rồi đặt lại bằng &apos;station-app office national setup&apos;; việc gửi của trạm này tạm dừng đến khi đó.</source>
        <translation>The national gateway refused the account ({code}). Check the national link user name and password, then set them again with &apos;station-app office national setup&apos;; sending for this station is paused until then.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="67"/>
        <source>Sửa các mục cổng nêu ở trạm, bác sĩ kết luận ký lại; bản mới được gửi tự động.</source>
        <translation>Fix the items the gateway names at the station, then the concluding doctor signs again; the new version is sent automatically.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="69"/>
        <source>Khoá ký của cơ sở không khớp khoá công khai đã đăng ký với cổng: đăng ký lại khoá công khai hoặc đặt lại khoá bằng &apos;office national setup&apos;.</source>
        <translation>The facility&apos;s signing key does not match the public key registered with the gateway: register the public key again or set the key again with &apos;office national setup&apos;.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="72"/>
        <source>Kiểm tra mã cơ sở (sender_id) và receiver_id trong &apos;office national setup&apos;.</source>
        <translation>Check the facility code (sender_id) and receiver_id in &apos;office national setup&apos;.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="74"/>
        <source>Cổng đã nhận một hồ sơ khác với cùng mã thông điệp; hãy báo cho bộ phận kỹ thuật.</source>
        <translation>The gateway has already received a different record with the same message ID; tell the technical team.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="77"/>
        <source>Xem thông báo của cổng; sửa ở trạm, bác sĩ kết luận ký lại.</source>
        <translation>Read the gateway&apos;s message; fix it at the station, then the concluding doctor signs again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/national_service.py" line="248"/>
        <source>cổng liên thông cần khoá RSA.</source>
        <translation>the national gateway needs an RSA key.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/national_states.py" line="41"/>
        <source>Đã liên thông {at}</source>
        <translation>In the national database since {at}</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/national_states.py" line="42"/>
        <source>Bị từ chối: {reason} — cần sửa rồi ký lại</source>
        <translation>Rejected: {reason} — fix it, then sign again</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/national_states.py" line="43"/>
        <source>Đang chờ liên thông</source>
        <translation>Waiting for the national link</translation>
    </message>
</context>
<context>
    <name>office</name>
    <message>
        <location filename="../../station_app/services/office/service.py" line="61"/>
        <source>trạm chưa được đăng ký với đơn vị nhận (lệnh &apos;office stations add&apos;)</source>
        <translation>the station is not registered with the receiving office (command &apos;office stations add&apos;)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="62"/>
        <source>đã nhận một lô khác có cùng số thứ tự của trạm này (rẽ nhánh)</source>
        <translation>another batch with the same sequence number from this station was already received (a fork)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="63"/>
        <source>số bản ghi trong dữ liệu khác số ghi trong phần mô tả đã ký</source>
        <translation>the number of records in the data differs from the signed manifest</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="64"/>
        <source>dữ liệu không đúng chuẩn FHIR R4</source>
        <translation>the data does not conform to FHIR R4</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="65"/>
        <source>lô sửa hồ sơ do trạm khác gửi lên (chỉ trạm đã gửi hồ sơ đầu tiên và các máy cùng điểm khám đã đăng ký mới được sửa)</source>
        <translation>the batch changes records another station sent (only the station that sent a record first, and the laptops registered for its site, may change it)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="67"/>
        <source>số phiên bản (meta.versionId) của một bản ghi không hợp lệ hoặc vượt quá xa phiên bản đơn vị nhận đang giữ</source>
        <translation>a record&apos;s version (meta.versionId) is not valid or is far beyond the version the office holds</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="69"/>
        <source>một bản ghi trong dữ liệu có trường sai kiểu, sai dạng hoặc quá dài</source>
        <translation>a record in the data has a field of the wrong type or form, or too long</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="75"/>
        <source>không kết nối được</source>
        <translation>cannot connect</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="76"/>
        <source>cơ sở dữ liệu do phiên bản mới hơn của ứng dụng tạo ra; hãy cập nhật ứng dụng</source>
        <translation>the database was made by a newer version of the application; update the application</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="115"/>
        <source>trạm chưa được đăng ký (dùng &apos;office stations add&apos;)</source>
        <translation>the station is not registered (use &apos;office stations add&apos;)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="116"/>
        <source>khoá này đã được đăng ký rồi</source>
        <translation>this key is already registered</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="117"/>
        <source>đơn vị nhận đã có lô từ số này trở đi, ký bằng khoá cũ; hãy dùng --from-sequence đúng như trạm báo (lệnh &apos;keys rotate&apos; in ra)</source>
        <translation>the office already holds batches from this number on, signed with the old key; use the --from-sequence the station gave (printed by &apos;keys rotate&apos;)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/service.py" line="119"/>
        <source>số lô bắt đầu phải lớn hơn số lô bắt đầu của khoá hiện tại</source>
        <translation>the first batch number must be above the one the current key starts at</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/signatures.py" line="32"/>
        <source>Bản ghi chữ ký (Provenance) sai cấu trúc</source>
        <translation>The signature record (Provenance) is malformed</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/signatures.py" line="33"/>
        <source>Tài liệu đã ký quá lớn</source>
        <translation>The signed document is too large</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/signatures.py" line="34"/>
        <source>Tài liệu đã ký không phải base64 hợp lệ</source>
        <translation>The signed document is not valid base64</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/signatures.py" line="35"/>
        <source>Tài liệu đã ký không khớp lượt khám hoặc phần khám của bản ghi</source>
        <translation>The signed document does not match the record&apos;s visit or section</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/signatures.py" line="36"/>
        <source>Thời điểm ký trong tài liệu khác thời điểm ghi trong bản ghi</source>
        <translation>The signing time in the document differs from the time in the record</translation>
    </message>
    <message>
        <location filename="../../station_app/services/office/signatures.py" line="37"/>
        <source>Chứng thư số không do tổ chức chứng thực mà văn phòng tin cậy cấp</source>
        <translation>The certificate was not issued by a certification authority the office trusts</translation>
    </message>
</context>
<context>
    <name>pl01</name>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="31"/>
        <source>Tiếp đón</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="32"/>
        <source>Đo chỉ số</source>
        <translation>Vital signs</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="33"/>
        <source>Phát triển của trẻ</source>
        <translation>Child development</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="34"/>
        <source>Cận lâm sàng</source>
        <translation>Laboratory</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="35"/>
        <source>Nội khoa</source>
        <translation>Internal medicine</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="36"/>
        <source>Mắt</source>
        <translation>Eyes</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="37"/>
        <source>Tai - Mũi - Họng</source>
        <translation>Ear, nose and throat</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="38"/>
        <source>Răng - Hàm - Mặt</source>
        <translation>Teeth, jaws and face</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="39"/>
        <source>Da liễu</source>
        <translation>Skin</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="40"/>
        <source>Ngoại khoa</source>
        <translation>Surgery</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="41"/>
        <source>Sản phụ khoa</source>
        <translation>Obstetrics and gynaecology</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="42"/>
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="43"/>
        <source>Tư vấn</source>
        <translation>Counselling</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="44"/>
        <source>Mã cơ sở (quản trị)</source>
        <translation>Facility codes (administration)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_completion.py" line="45"/>
        <source>Tự động</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_record.py" line="33"/>
        <source>Thiếu {label} ({code}): hãy ghi hoặc đánh dấu từ chối / không làm</source>
        <translation>Missing {label} ({code}): record it or mark it refused / not done</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_record.py" line="34"/>
        <source>{label} ({code}): giá trị &apos;{value}&apos; không có trong danh mục</source>
        <translation>{label} ({code}): the value &apos;{value}&apos; is not in the list</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_record.py" line="35"/>
        <source>{label} ({code}): dài quá {size} ký tự</source>
        <translation>{label} ({code}): longer than {size} characters</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_record.py" line="36"/>
        <source>{label} ({code}): giá trị {value} ngoài giới hạn cho phép</source>
        <translation>{label} ({code}): the value {value} is outside the allowed limits</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_record.py" line="37"/>
        <source>{label} ({code}): giá trị &apos;{value}&apos; sai định dạng</source>
        <translation>{label} ({code}): the value &apos;{value}&apos; is not in the right format</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_record.py" line="40"/>
        <source>từ chối</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_record.py" line="41"/>
        <source>không làm</source>
        <translation>not done</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_record.py" line="42"/>
        <source>không ghi nhận (trước QĐ 1551)</source>
        <translation>not recorded (before QĐ 1551)</translation>
    </message>
</context>
<context>
    <name>receipts</name>
    <message>
        <location filename="../../station_app/services/station/receipts.py" line="31"/>
        <source>không phải tệp biên nhận (JSON office-receipt/1)</source>
        <translation>not a receipt file (JSON office-receipt/1)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/receipts.py" line="32"/>
        <source>tệp quá lớn, không phải biên nhận</source>
        <translation>the file is too large to be a receipt</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/receipts.py" line="33"/>
        <source>chữ ký không hợp lệ: biên nhận bị sửa hoặc không do đơn vị nhận ký</source>
        <translation>invalid signature: the receipt was changed or not signed by the receiving office</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/receipts.py" line="34"/>
        <source>biên nhận của trạm khác</source>
        <translation>another station&apos;s receipt</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/receipts.py" line="35"/>
        <source>trạm không có lô này (số thứ tự hoặc mã băm không khớp)</source>
        <translation>this station has no such batch (sequence number or hash does not match)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/national_states.py" line="33"/>
        <source>không phải tệp biên nhận liên thông (JSON office-national/1)</source>
        <translation>not a national link receipt file (JSON office-national/1)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/national_states.py" line="34"/>
        <source>tệp quá lớn, không phải biên nhận liên thông</source>
        <translation>the file is too large to be a national link receipt</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/national_states.py" line="35"/>
        <source>chữ ký không hợp lệ: biên nhận liên thông bị sửa hoặc không do đơn vị nhận ký</source>
        <translation>invalid signature: the national link receipt was changed or not signed by the receiving office</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/national_states.py" line="37"/>
        <source>biên nhận liên thông của trạm khác</source>
        <translation>another station&apos;s national link receipt</translation>
    </message>
</context>
<context>
    <name>scan</name>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="84"/>
        <source>Số định danh trên thẻ không khớp với giới tính. Hãy đối chiếu với thẻ và hỏi lại người dân trước khi lưu.</source>
        <translation>The ID number on the card does not match the sex. Please check against the card and confirm with the resident before saving.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="89"/>
        <source>Số định danh trên thẻ không khớp với năm sinh. Hãy đối chiếu với thẻ và hỏi lại người dân trước khi lưu.</source>
        <translation>The ID number on the card does not match the year of birth. Please check against the card and confirm with the resident before saving.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="94"/>
        <source>Thẻ BHYT đã hết hạn sử dụng. Hãy báo cho người dân và hỏi xem họ có thẻ mới không.</source>
        <translation>The health insurance card has expired. Please let the resident know and ask whether they have a new card.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="97"/>
        <source>Thẻ BHYT chưa đến ngày có giá trị sử dụng. Hãy kiểm tra ngày trên thẻ và ngày giờ của máy tính.</source>
        <translation>The health insurance card is not valid yet. Please check the dates on the card and the computer&apos;s date and time.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="100"/>
        <source>Máy quét đang ở chế độ bàn phím nên chữ tiếng Việt bị sai. Hãy chuyển máy quét sang chế độ cổng COM (serial) hoặc dùng camera, rồi quét lại.</source>
        <translation>The scanner is in keyboard mode, so Vietnamese characters come out wrong. Please switch the scanner to COM port (serial) mode or use the camera, then scan again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="105"/>
        <source>Mã QR có thông tin sai định dạng nên không dùng được. Hãy quét lại; nếu vẫn lỗi, hãy nhập tay theo thẻ.</source>
        <translation>The QR code contains incorrectly formatted information and cannot be used. Please scan again; if the error persists, enter the details manually from the card.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="109"/>
        <source>Thẻ có thông tin không thể đúng (ngày cấp sau hôm nay, tên hoặc địa chỉ quá dài, chữ lạ hoặc ký tự ẩn) nên không dùng được. Hãy đối chiếu với thẻ và nhập tay người này (F2 ở trang Tiếp đón).</source>
        <translation>The card holds information that cannot be true (an issue date after today, a name or address that is too long, unusual letters or hidden characters), so it cannot be used. Check it against the card and enter this person by hand (F2 on the Reception page).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="117"/>
        <source>Không đọc được nội dung mã. Hãy quét lại.</source>
        <translation>Cannot read the code contents. Please scan again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="118"/>
        <source>Dữ liệu từ máy quét không phải văn bản UTF-8. Hãy đặt máy quét ở chế độ cổng COM (serial), mã hoá UTF-8, rồi quét lại.</source>
        <translation>The data from the scanner is not UTF-8 text. Please set the scanner to COM port (serial) mode with UTF-8 encoding, then scan again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="123"/>
        <source>Mã này không phải CCCD, thẻ BHYT hay phiếu khám của trạm. Hãy quét đúng mã QR trên thẻ; nếu đúng mã mà vẫn lỗi, hãy chuyển máy quét sang chế độ cổng COM (serial) hoặc dùng camera.</source>
        <translation>This code is not from an ID card (CCCD), a health insurance card or one of this station&apos;s visit slips. Please scan the correct QR code on the card; if the code is correct but the error persists, switch the scanner to COM port (serial) mode or use the camera.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="128"/>
        <source>Mã QR không theo mẫu thẻ đã biết (thiếu hoặc thừa thông tin). Hãy quét lại; nếu vẫn lỗi, hãy nhập tay theo thẻ.</source>
        <translation>The QR code does not match any known card format (missing or extra information). Please scan again; if the error persists, enter the details manually from the card.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="133"/>
        <source>Mã thẻ BHYT bị đọc thiếu phần cuối. Hãy giữ thẻ yên rồi quét lại.</source>
        <translation>The end of the health insurance card code was not read. Please hold the card still and scan again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="134"/>
        <source>Mã trên phiếu khám bị hỏng hoặc đọc sai. Hãy quét lại; nếu vẫn lỗi, hãy tìm lượt khám theo tên hoặc số thứ tự.</source>
        <translation>The code on the visit slip is damaged or was misread. Please scan again; if the error persists, look up the visit by name or queue number.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/qr_payloads.py" line="139"/>
        <source>Phiếu khám này do một phiên bản khác của ứng dụng in ra. Hãy cập nhật ứng dụng, hoặc tìm lượt khám theo tên.</source>
        <translation>This visit slip was printed by a different version of the app. Please update the app, or look up the visit by name.</translation>
    </message>
</context>
<context>
    <name>self_test</name>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="156"/>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="157"/>
        <source>Phông chữ tiếng Việt</source>
        <translation>Vietnamese font</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="158"/>
        <source>Đọc mã QR</source>
        <translation>QR code reading</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="159"/>
        <source>In ra tệp PDF</source>
        <translation>Printing to a PDF file</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="160"/>
        <source>Chữ ký số</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="161"/>
        <source>Mã hoá dữ liệu</source>
        <translation>Data encryption</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="162"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="163"/>
        <source>Cổng COM (máy quét)</source>
        <translation>COM ports (scanner)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="164"/>
        <source>Máy in</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="165"/>
        <source>Dung lượng ổ đĩa</source>
        <translation>Disk space</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="166"/>
        <source>Gói khoá của cơ quan y tế</source>
        <translation>Health office&apos;s key bundle</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="167"/>
        <source>Khoá của trạm</source>
        <translation>Station key</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="168"/>
        <source>Ngày giờ của máy</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="169"/>
        <source>Danh sách người dân</source>
        <translation>Residents&apos; roster</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="170"/>
        <source>Đợt khám</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="171"/>
        <source>Nhật ký kiểm tra</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="185"/>
        <source>Lỗi ngoài dự kiến khi kiểm tra. Hãy cài lại ứng dụng; nếu vẫn lỗi, gửi tệp nhật ký (thư mục logs trong thư mục dữ liệu) cho cán bộ hỗ trợ.</source>
        <translation>Unexpected error during the check. Reinstall the app; if it still fails, send the log file (logs folder in the data folder) to support staff.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="202"/>
        <source>Tệp cơ sở dữ liệu bị hỏng. Không dùng máy này; hãy khôi phục từ bản sao lưu (thư mục backups) với sự giúp đỡ của cán bộ hỗ trợ.</source>
        <translation>The database file is damaged. Do not use this laptop; restore from a backup (backups folder) with the help of support staff.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="206"/>
        <source>Dữ liệu do phiên bản ứng dụng mới hơn tạo ra. Hãy cài phiên bản mới nhất của ứng dụng.</source>
        <translation>The data was made by a newer version of the app. Install the newest version of the app.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="210"/>
        <source>Cơ sở dữ liệu đang bận (đang ghi). Hãy chờ một lát rồi kiểm tra lại.</source>
        <translation>The database is busy (being written). Wait a moment, then check again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="217"/>
        <source>Không ghi được vào cơ sở dữ liệu. Hãy kiểm tra ổ đĩa rồi kiểm tra lại.</source>
        <translation>The database could not be written. Check the disk, then check again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="220"/>
        <source>OK: tạo, nâng cấp và ghi được cơ sở dữ liệu mới (phiên bản {revision}). Trạm chưa được thiết lập.</source>
        <translation>OK: a new database was created, upgraded and written (version {revision}). The station is not set up yet.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="224"/>
        <source>OK: mở và ghi được (phiên bản {after}, kiểm tra trên một bản sao; dữ liệu thật không bị thay đổi).</source>
        <translation>OK: opened and written (version {after}, checked on a copy; the real data was not changed).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="227"/>
        <source>OK: mở, nâng cấp (phiên bản {before} → {after}) và ghi được trên một bản sao; dữ liệu thật được nâng cấp khi mở ứng dụng.</source>
        <translation>OK: opened, upgraded (version {before} → {after}) and written on a copy; the real data is upgraded when the app opens.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="240"/>
        <source>Thiếu hoặc hỏng tệp phông chữ {file}. Hãy cài lại ứng dụng.</source>
        <translation>The font file {file} is missing or damaged. Reinstall the app.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="244"/>
        <source>Phông chữ {file} thiếu chữ {letters}. Hãy cài lại ứng dụng.</source>
        <translation>The font {file} lacks the letters {letters}. Reinstall the app.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="247"/>
        <source>OK: phông chữ hiển thị và in được đủ dấu tiếng Việt ({letters}).</source>
        <translation>OK: the font shows and prints every Vietnamese letter ({letters}).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="264"/>
        <source>Ảnh mã QR mẫu của ứng dụng bị thiếu hoặc hỏng nên không kiểm tra được bộ đọc mã. Hãy cài lại ứng dụng.</source>
        <translation>The app&apos;s sample QR picture is missing or damaged, so the code readers could not be checked. Reinstall the app.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="273"/>
        <source>Bộ đọc mã {decoder} không đọc được ảnh mã QR mẫu. Máy quét bằng camera và ảnh sẽ không dùng được; hãy cài lại ứng dụng (trên Linux: gói libzbar0).</source>
        <translation>The code reader {decoder} could not read the sample QR picture. Scanning with the camera and from pictures will not work; reinstall the app (on Linux: the libzbar0 package).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="276"/>
        <source>OK: cả hai bộ đọc mã (zxing-cpp và zbar) đọc đúng ảnh mã QR mẫu.</source>
        <translation>OK: both code readers (zxing-cpp and zbar) read the sample QR picture correctly.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="294"/>
        <source>Tệp PDF in thử không đọc lại được đúng chữ tiếng Việt. Hãy cài lại ứng dụng.</source>
        <translation>The test PDF did not read back with the right Vietnamese text. Reinstall the app.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="296"/>
        <source>OK: in thử ra tệp PDF và đọc lại được đúng chữ tiếng Việt.</source>
        <translation>OK: a test PDF was printed to a file and its Vietnamese text read back correctly.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="326"/>
        <source>Ký số thử không kiểm tra lại được. Hãy cài lại ứng dụng.</source>
        <translation>The test signature could not be checked. Reinstall the app.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="328"/>
        <source>OK: ký số (Ed25519) và kiểm tra chữ ký được.</source>
        <translation>OK: signing (Ed25519) and checking the signature work.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="346"/>
        <source>Mã hoá rồi giải mã thử không ra đúng dữ liệu. Hãy cài lại ứng dụng.</source>
        <translation>Encrypting and decrypting test data did not give the same data back. Reinstall the app.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="348"/>
        <source>OK: mã hoá và giải mã thử (age) đúng.</source>
        <translation>OK: test encryption and decryption (age) are correct.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="355"/>
        <source>Không liệt kê được camera trên máy này. Nếu trạm quét mã bằng camera, hãy thử trong cửa sổ ứng dụng: Quản trị → Kiểm tra máy.</source>
        <translation>The cameras of this laptop could not be listed. If the station scans codes with a camera, try in the app window: Administration → Check this laptop.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="359"/>
        <source>Phần đọc camera của ứng dụng không chạy được (bản cài thiếu hoặc hỏng tệp): camera sẽ không quét được mã. Hãy cài lại ứng dụng từ bộ cài; nếu vẫn lỗi, báo cho bộ phận kỹ thuật.</source>
        <translation>The application&apos;s camera component does not work (files of the installation are missing or damaged): cameras will not scan codes. Reinstall the application from the installer; if it still fails, tell technical support.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="363"/>
        <source>Không thấy camera nào. Nếu trạm quét mã bằng camera, hãy cắm camera rồi kiểm tra lại; nếu dùng máy quét thì bỏ qua dòng này.</source>
        <translation>No camera found. If the station scans codes with a camera, plug it in and check again; if it uses a scanner, ignore this line.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="366"/>
        <source>OK: {count} camera: {names}.</source>
        <translation>OK: {count} camera(s): {names}.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="373"/>
        <source>Không liệt kê được cổng COM trên máy này. Nếu trạm dùng máy quét cổng COM, hãy thử trong cửa sổ ứng dụng: Quản trị → Kiểm tra máy.</source>
        <translation>The COM ports of this laptop could not be listed. If the station uses a COM-port scanner, try in the app window: Administration → Check this laptop.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="377"/>
        <source>Không thấy cổng COM nào. Nếu trạm dùng máy quét cổng COM, hãy cắm máy quét rồi kiểm tra lại; máy quét dạng bàn phím không cần cổng COM.</source>
        <translation>No COM port found. If the station uses a COM-port scanner, plug it in and check again; a keyboard-mode scanner needs no COM port.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="380"/>
        <source>OK: {count} cổng: {names}.</source>
        <translation>OK: {count} port(s): {names}.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="391"/>
        <source>Không liệt kê được máy in trên máy này. Hãy thử trong cửa sổ ứng dụng: Quản trị → Kiểm tra máy.</source>
        <translation>The printers of this laptop could not be listed. Try in the app window: Administration → Check this laptop.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="395"/>
        <source>Chưa cài máy in nào: phiếu khám sẽ được lưu thành tệp PDF trong thư mục {folder}. Nếu trạm in phiếu, hãy cài máy in, đặt làm máy in mặc định rồi kiểm tra lại.</source>
        <translation>No printer is installed: visit slips will be saved as PDF files in the folder {folder}. If the station prints slips, install the printer, set it as the default printer, then check again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="400"/>
        <source>{count} máy in ({names}) nhưng chưa có máy in mặc định, nên mỗi phiếu khám sẽ hỏi máy in. Hãy đặt máy in phiếu làm máy in mặc định rồi kiểm tra lại.</source>
        <translation>{count} printer(s) ({names}) but no default printer, so each visit slip will ask for the printer. Set the slip printer as the default printer, then check again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="404"/>
        <source>OK: máy in mặc định: {default} ({count} máy in).</source>
        <translation>OK: default printer: {default} ({count} printer(s)).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="429"/>
        <source>Ổ chứa dữ liệu chỉ còn {free} trống: không đủ để làm việc an toàn. Hãy xoá bớt tệp không cần (cần trên 1 GB) rồi kiểm tra lại.</source>
        <translation>The data drive has only {free} free: not enough to work safely. Delete files that are not needed (more than 1 GB is needed), then check again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="433"/>
        <source>Ổ chứa dữ liệu còn {free} trống. Nên giải phóng để còn trên 1 GB trước khi lên điểm khám.</source>
        <translation>The data drive has {free} free. Free some space (more than 1 GB) before going to the site.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="436"/>
        <source>OK: còn {free} trống.</source>
        <translation>OK: {free} free.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="454"/>
        <source>Tệp gói khoá của cơ quan y tế bị hỏng. Hãy nhập lại tệp office-bundle.json (hoặc ảnh mã QR của nó) ở trang Xuất dữ liệu.</source>
        <translation>The health office&apos;s key bundle file is damaged. Import office-bundle.json (or its QR picture) again on the Export page.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="458"/>
        <source>Chưa nhập gói khoá của cơ quan y tế nên chưa xuất được dữ liệu. Hãy nhập tệp office-bundle.json (hoặc ảnh mã QR office-bundle.png) ở trang Xuất dữ liệu trước khi lên điểm khám.</source>
        <translation>The health office&apos;s key bundle is not imported, so data cannot be exported yet. Import office-bundle.json (or its QR picture office-bundle.png) on the Export page before going to the site.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="462"/>
        <source>OK: đã nhập gói khoá của {office}.</source>
        <translation>OK: the key bundle of {office} is imported.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="473"/>
        <source>Không thấy khoá của trạm (thư mục keys). Hãy chép lại thư mục keys từ bản sao lưu; nếu không có, quản trị viên chạy &apos;station-app keys rotate&apos; để tạo khoá mới và gửi khoá công khai cho cơ quan y tế đăng ký lại.</source>
        <translation>The station key (keys folder) is missing. Copy the keys folder back from a backup; if there is none, an administrator runs &apos;station-app keys rotate&apos; to make a new key and sends its public key to the health office to register again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="480"/>
        <source>Tệp khoá của trạm bị hỏng. Hãy chép lại thư mục keys từ bản sao lưu; nếu không có, quản trị viên chạy &apos;station-app keys rotate&apos; để tạo khoá mới.</source>
        <translation>The station key file is damaged. Copy the keys folder back from a backup; if there is none, an administrator runs &apos;station-app keys rotate&apos; to make a new key.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="483"/>
        <source>OK: mã khoá {short}.</source>
        <translation>OK: key id {short}.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="496"/>
        <source>Ngày giờ của máy sai ({now}). Hãy đặt lại ngày giờ cho đúng rồi kiểm tra lại; nếu máy hay bị sai giờ sau khi tắt, cần thay pin đồng hồ (pin CMOS).</source>
        <translation>The laptop&apos;s date and time are wrong ({now}). Set the right date and time, then check again; if the clock goes wrong whenever the laptop is switched off, its clock (CMOS) battery needs replacing.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="501"/>
        <source>Đồng hồ của máy ({now}) đang chậm hơn lần ghi dữ liệu gần nhất ({last}). Hãy đặt lại ngày giờ cho đúng rồi kiểm tra lại.</source>
        <translation>The laptop&apos;s clock ({now}) is behind the station&apos;s last record ({last}). Set the right date and time, then check again.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="506"/>
        <source>Múi giờ của máy là {zone}, không phải giờ Việt Nam (UTC+07:00), nên ngày khám có thể bị ghi lệch một ngày. Hãy đặt múi giờ “(UTC+07:00) Bangkok, Hanoi, Jakarta” (Windows) hoặc Asia/Ho_Chi_Minh (Linux).</source>
        <translation>The laptop&apos;s time zone is {zone}, not Vietnam&apos;s (UTC+07:00), so visit dates may be recorded a day off. Set the time zone to “(UTC+07:00) Bangkok, Hanoi, Jakarta” (Windows) or Asia/Ho_Chi_Minh (Linux).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="510"/>
        <source>OK: {now}, giờ Việt Nam. Hãy nhìn lại xem đúng ngày giờ chưa.</source>
        <translation>OK: {now}, Vietnam time. Check that the date and time are right.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="526"/>
        <source>Chưa có danh sách người dân của xã. Hãy nhập danh sách (trang Danh sách → Nhập danh sách người dân…) trước khi lên điểm khám, để tìm được người không mang thẻ và in được danh sách chưa khám.</source>
        <translation>The commune&apos;s roster is not on this laptop yet. Import it (Lists page → Import resident list…) before going to the site, so residents without a card can be found and the not-yet-examined lists can be printed.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="530"/>
        <source>OK: {residents} người dân, {villages} thôn/bản.</source>
        <translation>OK: {residents} residents, {villages} villages.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="546"/>
        <source>Đợt khám “{name}” đã kết thúc ngày {end}: hôm nay ({today}) không mở được lượt khám. Quản trị viên có thể gia hạn đợt khám hoặc bắt đầu đợt khám tiếp theo ở trang Quản trị.</source>
        <translation>The campaign “{name}” ended on {end}: no visit can be opened today ({today}). An administrator can extend the campaign or start the next one on the Administration page.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="550"/>
        <source>Đợt khám “{name}” chưa bắt đầu (từ ngày {start}): hôm nay ({today}) không mở được lượt khám. Hãy xem lại ngày giờ của máy; nếu đúng, quản trị viên có thể bắt đầu đợt khám khác ở trang Quản trị.</source>
        <translation>The campaign “{name}” has not begun yet (it starts on {start}): no visit can be opened today ({today}). Check the computer&apos;s date and time; if they are right, an administrator can start another campaign on the Administration page.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="554"/>
        <source>OK: hôm nay ({today}) trong đợt khám “{name}” ({start} – {end}).</source>
        <translation>OK: today ({today}) is within the campaign “{name}” ({start} – {end}).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="564"/>
        <source>Nhật ký kiểm tra KHÔNG toàn vẹn từ sự kiện số {seq} (bị sửa, xoá hoặc nối lại). Hãy chạy lệnh &apos;station-app audit verify&apos; để xem chi tiết và báo ngay cho cán bộ phụ trách; không sửa hay xoá tệp dữ liệu.</source>
        <translation>The audit log is NOT intact from event {seq} on (edited, deleted or relinked). Run the command &apos;station-app audit verify&apos; for the details and tell the officer in charge at once; do not edit or delete the data files.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="568"/>
        <source>OK: {count} sự kiện, chuỗi băm khớp.</source>
        <translation>OK: {count} events, the hash chain matches.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/self_test.py" line="573"/>
        <source>Trạm chưa được thiết lập. Hãy mở ứng dụng để chạy trình thiết lập (hoặc lệnh &apos;station-app init&apos;), rồi kiểm tra lại.</source>
        <translation>The station is not set up yet. Open the app to run the set-up wizard (or the command &apos;station-app init&apos;), then check again.</translation>
    </message>
</context>
<context>
    <name>signing</name>
    <message>
        <location filename="../../station_app/core/pl01_signing.py" line="36"/>
        <source>Thể lực, sinh hiệu</source>
        <translation>Physique and vital signs</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_signing.py" line="37"/>
        <source>Cận lâm sàng</source>
        <translation>Laboratory</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_signing.py" line="38"/>
        <source>Khám nội khoa</source>
        <translation>Internal medicine examination</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_signing.py" line="39"/>
        <source>Khám mắt</source>
        <translation>Eye examination</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_signing.py" line="40"/>
        <source>Khám tai mũi họng</source>
        <translation>Ear, nose and throat examination</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_signing.py" line="41"/>
        <source>Khám răng hàm mặt</source>
        <translation>Dental and maxillofacial examination</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_signing.py" line="42"/>
        <source>Khám phụ sản</source>
        <translation>Obstetrics and gynaecology examination</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_signing.py" line="43"/>
        <source>Khám ngoại khoa</source>
        <translation>Surgical examination</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_signing.py" line="44"/>
        <source>Khám da liễu</source>
        <translation>Skin examination</translation>
    </message>
    <message>
        <location filename="../../station_app/core/pl01_signing.py" line="45"/>
        <source>Kết luận</source>
        <translation>Conclusion</translation>
    </message>
</context>
<context>
    <name>upload</name>
    <message>
        <location filename="../../station_app/services/station/upload.py" line="61"/>
        <source>lô lớn hơn giới hạn đơn vị nhận cho phép gửi qua mạng: hãy xuất ra USB</source>
        <translation>the batch is larger than the office accepts over the network: export it to a USB stick</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/upload.py" line="62"/>
        <source>chưa kết nối được với đơn vị nhận: lô vẫn chờ gửi</source>
        <translation>the office could not be reached: the batch is still waiting to be sent</translation>
    </message>
</context>
<context>
    <name>vitals</name>
    <message>
        <location filename="../../station_app/core/vitals.py" line="64"/>
        <source>Chiều cao</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="65"/>
        <source>Cân nặng</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="66"/>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="67"/>
        <source>Vòng eo</source>
        <translation>Waist circumference</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="68"/>
        <source>Mạch</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="69"/>
        <source>Huyết áp tâm thu</source>
        <translation>Systolic blood pressure</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="70"/>
        <source>Huyết áp tâm trương</source>
        <translation>Diastolic blood pressure</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="71"/>
        <source>Nhiệt độ</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="72"/>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="73"/>
        <source>Nhịp thở</source>
        <translation>Respiratory rate</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="74"/>
        <source>Đường huyết mao mạch</source>
        <translation>Capillary blood glucose</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="75"/>
        <source>Thị lực mắt trái (không kính)</source>
        <translation>Visual acuity, left eye (uncorrected)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="76"/>
        <source>Thị lực mắt phải (không kính)</source>
        <translation>Visual acuity, right eye (uncorrected)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="77"/>
        <source>Thị lực mắt trái (có kính)</source>
        <translation>Visual acuity, left eye (with glasses)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="78"/>
        <source>Thị lực mắt phải (có kính)</source>
        <translation>Visual acuity, right eye (with glasses)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="83"/>
        <location filename="../../station_app/core/vitals.py" line="86"/>
        <source>lần/phút</source>
        <translation>/min</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="91"/>
        <source>{measure} {value} là không thể có (giới hạn {low}–{high}). Kiểm tra máy đo, đơn vị và dấu thập phân rồi nhập lại.</source>
        <translation>{measure} {value} is not possible (limits {low}–{high}). Check the measuring device, the unit and the decimal point, then enter it again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="94"/>
        <source>{measure}: giá trị không phải là một số. Hãy nhập lại bằng chữ số.</source>
        <translation>{measure}: the value is not a number. Please enter it again using digits.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="95"/>
        <source>Huyết áp tâm thu ({systolic}) phải lớn hơn tâm trương ({diastolic}). Có thể hai số bị nhập ngược: kiểm tra rồi nhập lại.</source>
        <translation>Systolic blood pressure ({systolic}) must be higher than diastolic ({diastolic}). The two numbers may have been entered the wrong way round: check them and enter them again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="98"/>
        <source>Tâm thu {systolic} và tâm trương {diastolic} chỉ chênh nhau {difference} mmHg (dưới {minimum}): thường là đo sai. Hãy đo lại rồi nhập.</source>
        <translation>Systolic {systolic} and diastolic {diastolic} differ by only {difference} mmHg (less than {minimum}): this is usually a measurement error. Please measure again, then enter the values.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="101"/>
        <source>{measure} {value} là bất thường (thường từ {low} đến {high}). Đo lại nếu cần, rồi xác nhận giá trị này.</source>
        <translation>{measure} {value} is abnormal (usually {low} to {high}). Re-measure if needed, then confirm this value.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="104"/>
        <source>Cân nặng và chiều cao này cho BMI {bmi}, là bất thường (thường từ {low} đến {high}). Kiểm tra lại cân nặng và chiều cao, rồi xác nhận.</source>
        <translation>This weight and height give a BMI of {bmi}, which is abnormal (usually {low} to {high}). Check the weight and height again, then confirm.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="323"/>
        <source>Thiếu cân</source>
        <translation>Underweight</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="324"/>
        <location filename="../../station_app/core/vitals.py" line="539"/>
        <source>Bình thường</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="325"/>
        <source>Thừa cân (có nguy cơ)</source>
        <translation>Overweight (at risk)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="326"/>
        <source>Béo phì độ I</source>
        <translation>Obesity class I</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="327"/>
        <source>Béo phì độ II</source>
        <translation>Obesity class II</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="328"/>
        <source>Huyết áp tối ưu</source>
        <translation>Optimal blood pressure</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="329"/>
        <source>Huyết áp bình thường</source>
        <translation>Normal blood pressure</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="330"/>
        <source>Tiền tăng huyết áp (bình thường cao)</source>
        <translation>Prehypertension (high-normal)</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="331"/>
        <source>Tăng huyết áp độ 1</source>
        <translation>Grade 1 hypertension</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="332"/>
        <source>Tăng huyết áp độ 2</source>
        <translation>Grade 2 hypertension</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="333"/>
        <source>Tăng huyết áp độ 3</source>
        <translation>Grade 3 hypertension</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="334"/>
        <source>Tăng huyết áp tâm thu đơn độc</source>
        <translation>Isolated systolic hypertension</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="335"/>
        <source>Đường huyết thấp</source>
        <translation>Low blood glucose</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="336"/>
        <source>Đường huyết bình thường</source>
        <translation>Normal blood glucose</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="337"/>
        <source>Đường huyết tăng</source>
        <translation>Raised blood glucose</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="338"/>
        <source>Đường huyết ở ngưỡng đái tháo đường</source>
        <translation>Blood glucose in the diabetes range</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="339"/>
        <source>Cần chuyển tuyến xét nghiệm đường huyết tĩnh mạch</source>
        <translation>Refer for a venous blood glucose test</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="340"/>
        <source>Thị lực bình thường</source>
        <translation>Normal visual acuity</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="341"/>
        <source>Giảm thị lực nhẹ</source>
        <translation>Mild visual impairment</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="342"/>
        <source>Giảm thị lực vừa</source>
        <translation>Moderate visual impairment</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="343"/>
        <source>Giảm thị lực nặng</source>
        <translation>Severe visual impairment</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="344"/>
        <source>Mù</source>
        <translation>Blindness</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="345"/>
        <source>Vòng eo bình thường</source>
        <translation>Normal waist circumference</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="346"/>
        <source>Béo bụng</source>
        <translation>Abdominal obesity</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="531"/>
        <source>Suy dinh dưỡng thể nhẹ cân, mức độ nặng</source>
        <translation>Severe underweight</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="532"/>
        <source>Suy dinh dưỡng thể nhẹ cân</source>
        <translation>Underweight</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="533"/>
        <source>Suy dinh dưỡng thể thấp còi, mức độ nặng</source>
        <translation>Severe stunting</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="534"/>
        <source>Suy dinh dưỡng thể thấp còi</source>
        <translation>Stunting</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="535"/>
        <source>Suy dinh dưỡng thể gầy còm, mức độ nặng</source>
        <translation>Severe wasting</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="536"/>
        <source>Suy dinh dưỡng thể gầy còm</source>
        <translation>Wasting</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="537"/>
        <source>Gầy mức độ nặng</source>
        <translation>Severe thinness</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="538"/>
        <source>Gầy</source>
        <translation>Thinness</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="540"/>
        <source>Có nguy cơ thừa cân</source>
        <translation>At risk of overweight</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="541"/>
        <source>Thừa cân</source>
        <translation>Overweight</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="542"/>
        <source>Béo phì</source>
        <translation>Obesity</translation>
    </message>
    <message>
        <location filename="../../station_app/core/vitals.py" line="543"/>
        <source>Giá trị khó tin: kiểm tra lại số đo và ngày sinh</source>
        <translation>Implausible value: check the measurements and date of birth again</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/examination.py" line="93"/>
        <source>Hai lần đo huyết áp chênh nhau hơn {mmhg} mmHg: hãy đo lần ba rồi nhập.</source>
        <translation>The two blood pressure readings differ by more than {mmhg} mmHg: please take a third reading and enter it.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/examination.py" line="95"/>
        <source>Hãy nhập cả huyết áp tâm thu và tâm trương của lần đo này.</source>
        <translation>Please enter both the systolic and diastolic blood pressure for this reading.</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station/examination.py" line="369"/>
        <source>Sinh hiệu</source>
        <translation>Vital signs</translation>
    </message>
</context>
</TS>
