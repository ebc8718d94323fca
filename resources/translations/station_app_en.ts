<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="211"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="212"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="213"/>
        <source>Trạm</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="214"/>
        <source>Cài đặt máy này</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="215"/>
        <source>Nhật ký kiểm tra</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="216"/>
        <source>Thêm tài khoản…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="217"/>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="219"/>
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="219"/>
        <source>Tên trạm</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="219"/>
        <source>Điểm khám</source>
        <translation>Exam site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="220"/>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="220"/>
        <source>Đợt khám</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="222"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="223"/>
        <source>Tự khoá sau (phút, 0 = không khoá)</source>
        <translation>Lock after (minutes, 0 = never)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="224"/>
        <source>Lưu cài đặt</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="225"/>
        <source>Mỗi lần đăng nhập, thay đổi, in và xuất dữ liệu đều được ghi vào nhật ký có chuỗi băm. Kiểm tra để phát hiện sự kiện bị sửa hoặc xoá.</source>
        <translation>Every sign-in, change, print and export is written to a hash-chained log. Verify it to detect edited or deleted events.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="227"/>
        <source>Kiểm tra nhật ký</source>
        <translation>Verify the log</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="249"/>
        <source>Mở khoá tài khoản</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="250"/>
        <source>Khoá tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="269"/>
        <source>Đã thêm tài khoản {name}.</source>
        <translation>Account {name} added.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="278"/>
        <source>Đã mở khoá tài khoản {name}.</source>
        <translation>Account {name} enabled.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="279"/>
        <source>Đã khoá tài khoản {name}.</source>
        <translation>Account {name} disabled.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="291"/>
        <source>Đã đặt mật khẩu mới cho {name}.</source>
        <translation>New password set for {name}.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="300"/>
        <source>Không lưu được cài đặt (ổ đĩa đầy hoặc không ghi được). Cài đặt chỉ có hiệu lực đến khi đóng ứng dụng; hãy giải phóng ổ đĩa rồi lưu lại.</source>
        <translation>The settings could not be saved (the disk is full or not writable). They apply until the app is closed; free some disk space and save again.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="305"/>
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="310"/>
        <source>Đang kiểm tra nhật ký…</source>
        <translation>Verifying the log…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="315"/>
        <source>Nhật ký toàn vẹn: {n} sự kiện, chuỗi băm khớp.</source>
        <translation>The log is intact: {n} events, the hash chain matches.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="319"/>
        <source>Nhật ký KHÔNG toàn vẹn từ sự kiện số {seq}. Hãy báo ngay cho cán bộ phụ trách.</source>
        <translation>The log is NOT intact from event number {seq}. Report this to the person in charge at once.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="132"/>
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="133"/>
        <source>Người quản lý tài khoản và cài đặt của trạm. Hãy ghi nhớ mật khẩu này.</source>
        <translation>The person who manages the station&apos;s accounts and settings. Remember this password.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="141"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="142"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="143"/>
        <source>Mật khẩu (ít nhất 6 ký tự)</source>
        <translation>Password (at least 6 characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="144"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="153"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>CampaignPage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="106"/>
        <source>Đợt khám</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="107"/>
        <source>Đợt khám sức khỏe định kỳ miễn phí mà trạm đang thực hiện.</source>
        <translation>The free periodic health check-up campaign the station is running.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="110"/>
        <source>Khám sức khỏe định kỳ miễn phí {year}</source>
        <translation>Free periodic health check-up {year}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="119"/>
        <source>Tên đợt khám</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="120"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="121"/>
        <source>Ngày bắt đầu</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="122"/>
        <source>Ngày kết thúc</source>
        <translation>End date</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="86"/>
        <source>Khám</source>
        <translation>Examination</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="87"/>
        <source>Ghi dấu hiệu sinh tồn, kết quả khám theo chuyên khoa, phân loại sức khỏe, tư vấn và chuyển tuyến.</source>
        <translation>Record vital signs, findings by specialty, the health class, counselling and referrals.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="89"/>
        <source>Phiên bản này chưa có phiếu khám; chức năng sẽ được bổ sung ở bản cập nhật tới.</source>
        <translation>This version has no examination form yet; it comes in the next update.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="90"/>
        <source>người đang chờ khám</source>
        <translation>people waiting</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="90"/>
        <source>lượt đã khám xong hôm nay</source>
        <translation>visits completed today</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="120"/>
        <source>Xuất dữ liệu</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="121"/>
        <source>Cuối ngày, xuất gói dữ liệu đã ký và mã hoá ra USB hoặc gửi qua mạng đến cơ quan y tế tiếp nhận.</source>
        <translation>At the end of the day, export a signed, encrypted batch to a USB stick or over the network to the receiving health office.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="123"/>
        <source>Phiên bản này chưa xuất được gói dữ liệu; chức năng sẽ được bổ sung ở bản cập nhật tới. Dữ liệu vẫn được lưu an toàn trên máy.</source>
        <translation>This version cannot export batches yet; it comes in the next update. The data stays safely stored on this computer.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="125"/>
        <source>gói dữ liệu đã xuất</source>
        <translation>batches exported</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="103"/>
        <source>Danh sách</source>
        <translation>Lists</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="104"/>
        <source>Danh sách khám trong ngày, danh sách người chưa khám theo thôn/bản để vận động, và tiến độ theo nhóm đối tượng.</source>
        <translation>The day&apos;s exam lists, lists of residents not yet examined by village for mobilisation, and progress by target group.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="106"/>
        <source>Phiên bản này chưa in được danh sách; chức năng sẽ được bổ sung ở bản cập nhật tới.</source>
        <translation>This version cannot print lists yet; it comes in the next update.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="107"/>
        <source>người dân trong danh sách</source>
        <translation>residents on the roster</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="107"/>
        <source>lượt đăng ký hôm nay</source>
        <translation>visits registered today</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="108"/>
        <source>lượt đã khám xong hôm nay</source>
        <translation>visits completed today</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="95"/>
        <source>Máy đã khoá</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="96"/>
        <source>Máy tự khoá vì lâu không dùng. {name}, hãy nhập mật khẩu để tiếp tục.</source>
        <translation>The computer locked itself after being idle. {name}, enter your password to continue.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="98"/>
        <source>Mở khoá</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="99"/>
        <source>Đăng nhập tài khoản khác</source>
        <translation>Sign in as someone else</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="41"/>
        <source>Tiếp đón</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="42"/>
        <source>Khám</source>
        <translation>Examination</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="43"/>
        <source>Danh sách</source>
        <translation>Lists</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="44"/>
        <source>Xuất dữ liệu</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="45"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="260"/>
        <source>Khám sức khỏe định kỳ — {station}</source>
        <translation>Periodic health check-up — {station}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="261"/>
        <location filename="../../station_app/ui/main_window.py" line="270"/>
        <source>Khám sức khỏe định kỳ</source>
        <translation>Periodic health check-up</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="281"/>
        <source>Dữ liệu lưu tại: {folder}</source>
        <translation>Data stored in: {folder}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="278"/>
        <source>Khoá máy</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="279"/>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="68"/>
        <source>Tiếp đón</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="69"/>
        <source>Đăng ký người dân đến khám: quét mã QR trên thẻ CCCD hoặc thẻ BHYT, tìm trong danh sách, rồi mở lượt khám với số thứ tự.</source>
        <translation>Register residents who come for a check-up: scan the QR code of the CCCD or health-insurance card, find them on the roster, then open a visit with a queue number.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="71"/>
        <source>Phiên bản này chưa có chức năng quét thẻ và đăng ký; chức năng sẽ được bổ sung ở bản cập nhật tới. Số liệu dưới đây là số liệu thật của điểm khám.</source>
        <translation>This version cannot scan cards or register yet; it comes in the next update. The figures below are the exam site&apos;s real figures.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="73"/>
        <source>người dân trong danh sách</source>
        <translation>residents on the roster</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="73"/>
        <source>lượt đăng ký hôm nay</source>
        <translation>visits registered today</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/overview.py" line="74"/>
        <source>người đang chờ khám</source>
        <translation>people waiting</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="166"/>
        <source>Thiết lập trạm lần đầu</source>
        <translation>First-time station set-up</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="173"/>
        <source>Tiếp theo &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="174"/>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="175"/>
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="176"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="199"/>
        <source>Đang tạo dữ liệu trạm…</source>
        <translation>Creating the station…</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="75"/>
        <location filename="../../station_app/ui/sign_in.py" line="79"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="76"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="76"/>
        <source>Mật khẩu hoặc mã PIN</source>
        <translation>Password or PIN</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="77"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="81"/>
        <source>Đang mở dữ liệu của trạm…</source>
        <translation>Opening the station&apos;s data…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/sign_in.py" line="107"/>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter your user name and password.</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="66"/>
        <source>Điểm khám</source>
        <translation>Exam site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="67"/>
        <source>Nơi đặt máy: trạm y tế xã, hoặc điểm khám lưu động ở một thôn/bản.</source>
        <translation>Where this computer works: the commune health station, or a mobile site in a village.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="70"/>
        <source>Trạm y tế xã/phường</source>
        <translation>Commune health station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="71"/>
        <source>Điểm khám lưu động</source>
        <translation>Mobile exam site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="83"/>
        <source>chỉ với điểm lưu động, ví dụ Bản Nà Khum</source>
        <translation>mobile sites only, e.g. Bản Nà Khum</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="84"/>
        <source>Loại điểm khám</source>
        <translation>Kind of site</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="85"/>
        <source>Xã/phường (Lai Châu)</source>
        <translation>Commune/ward (Lai Châu)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="86"/>
        <source>Tên điểm khám</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="87"/>
        <source>Thôn/bản</source>
        <translation>Village</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="49"/>
        <source>Trạm y tế</source>
        <translation>Health station</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="50"/>
        <source>Máy này thuộc trạm nào? Mã trạm do Trung tâm Y tế cấp, ví dụ TYT-MUONGKIM.</source>
        <translation>Which station does this computer belong to? The district health centre gives the code, e.g. TYT-MUONGKIM.</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="56"/>
        <source>Trạm Y tế xã Mường Kim</source>
        <translation>Trạm Y tế xã Mường Kim</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="57"/>
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_wizard.py" line="58"/>
        <source>Tên trạm</source>
        <translation>Station name</translation>
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
        <source>Mật khẩu hoặc mã PIN (ít nhất 6 ký tự)</source>
        <translation>Password or PIN (at least 6 characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="108"/>
        <source>Nhập lại</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="110"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="111"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="121"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="70"/>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/pages/admin.py" line="70"/>
        <source>Đã khoá</source>
        <translation>Disabled</translation>
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
    <name>errors</name>
    <message>
        <location filename="../../station_app/core/errors.py" line="14"/>
        <source>Đã xảy ra lỗi. Vui lòng thử lại.</source>
        <translation>Something went wrong. Please try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="25"/>
        <source>Trạm chưa được thiết lập. Hãy chạy trình thiết lập (mở ứng dụng, hoặc lệnh &apos;station-app init&apos;).</source>
        <translation>The station is not set up yet. Run the set-up (open the app, or the command &apos;station-app init&apos;).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="31"/>
        <source>Trạm đã được thiết lập rồi; không thể thiết lập lại trên cùng dữ liệu.</source>
        <translation>The station is already set up; it cannot be set up again on the same data.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="35"/>
        <source>Sai tên đăng nhập hoặc mật khẩu. Kiểm tra lại (chú ý bộ gõ tiếng Việt và phím Caps Lock) rồi thử lại.</source>
        <translation>Wrong user name or password. Check them (mind the Vietnamese keyboard and Caps Lock) and try again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="41"/>
        <source>Tài khoản này đã bị khoá. Hãy liên hệ quản trị viên của trạm.</source>
        <translation>This account is disabled. Contact the station&apos;s administrator.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="45"/>
        <source>Đăng nhập sai quá nhiều lần. Hãy chờ {seconds} giây rồi thử lại, hoặc nhờ quản trị viên.</source>
        <translation>Too many wrong attempts. Wait {seconds} seconds and try again, or ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="51"/>
        <source>Tài khoản của bạn không có quyền làm việc này. Hãy nhờ người có quyền (điều phối viên hoặc quản trị viên).</source>
        <translation>Your account may not do this. Ask someone who may (a coordinator or an administrator).</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="59"/>
        <source>Giá trị không hợp lệ ở ô &apos;{field}&apos;: {reason}</source>
        <translation>Invalid value in &apos;{field}&apos;: {reason}</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="63"/>
        <source>Đã có {what} này trong dữ liệu ({key}). Hãy kiểm tra lại.</source>
        <translation>This {what} already exists ({key}). Please check.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="67"/>
        <source>Không tìm thấy {what}. Hãy kiểm tra lại.</source>
        <translation>{what} not found. Please check.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="71"/>
        <source>Không ghi được vào thư mục dữ liệu {path}. Hãy chọn thư mục khác (--data-dir) hoặc nhờ cán bộ CNTT cấp quyền ghi.</source>
        <translation>Cannot write to the data folder {path}. Choose another folder (--data-dir) or ask IT support for write permission.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="78"/>
        <source>Tệp cơ sở dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu của ứng dụng. Không có gì bị thay đổi. Hãy khôi phục từ bản sao lưu hoặc liên hệ cán bộ CNTT.</source>
        <translation>The database file {path} is damaged or is not this app&apos;s database. Nothing was changed. Restore it from a backup or contact IT support.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="86"/>
        <source>Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {found}). Hãy cài phiên bản ứng dụng mới nhất; dữ liệu không bị thay đổi.</source>
        <translation>The database was made by a newer version of the app (data version {found}). Install the latest version of the app; the data was not changed.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="94"/>
        <source>Ứng dụng đang mở trên cùng dữ liệu này (ở cửa sổ khác hoặc tài khoản khác trên máy). Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại.</source>
        <translation>The app is already open on this data (in another window or another account on this computer). Use the open window, or close it and open again.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="102"/>
        <source>Nhật ký kiểm tra bị sửa hoặc xoá tại sự kiện số {position}. Hãy báo ngay cho quản trị viên.</source>
        <translation>The audit log was edited or deleted at event number {position}. Report this to the administrator at once.</translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="108"/>
        <source>Không mở được tệp ảnh này (tệp hỏng hoặc không phải ảnh). Hãy chọn tệp ảnh khác (PNG, JPG) hoặc quét mã QR trực tiếp bằng máy quét hay camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="118"/>
        <source>Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Hãy mở lượt khám đó; nếu thật sự cần khám lần hai, hãy ghi lý do khám lần hai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="126"/>
        <source>Chưa có sự đồng ý xử lý dữ liệu cá nhân ({reason}). Hãy đọc nội dung đồng ý cho người dân (hoặc người giám hộ) và ghi nhận sự đồng ý trước khi đăng ký khám.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="134"/>
        <source>Không đọc được tệp danh sách {path}: {reason}. Hãy lưu lại tệp dưới dạng CSV (UTF-8) hoặc Excel (.xlsx) rồi thử lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/core/errors.py" line="142"/>
        <source>Đã huỷ nhập danh sách; dữ liệu không thay đổi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="56"/>
        <source>chỉ dùng chữ thường không dấu, số, dấu chấm, gạch (2–64 ký tự)</source>
        <translation>use lower-case letters without marks, digits, dots and dashes only (2–64 characters)</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="60"/>
        <location filename="../../station_app/services/registry.py" line="193"/>
        <location filename="../../station_app/services/registry.py" line="576"/>
        <location filename="../../station_app/services/station_setup.py" line="63"/>
        <source>không được để trống</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="63"/>
        <location filename="../../station_app/services/accounts.py" line="149"/>
        <source>cần ít nhất 6 ký tự</source>
        <translation>needs at least 6 characters</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="138"/>
        <source>không thể tự khoá tài khoản đang dùng</source>
        <translation>you cannot disable the account you are using</translation>
    </message>
    <message>
        <location filename="../../station_app/services/demo.py" line="54"/>
        <source>Thư mục dữ liệu {path} đã có một trạm; dữ liệu tập huấn chỉ được tạo trong thư mục trống, để không lẫn với dữ liệu thật. Hãy chọn một thư mục trống bằng --data-dir (ví dụ: station-app --data-dir taphuan demo).</source>
        <translation>The data folder {path} already holds a station; training data is only made in an empty folder, so it never mixes with real data. Choose an empty folder with --data-dir (e.g. station-app --data-dir training demo).</translation>
    </message>
    <message>
        <location filename="../../station_app/services/demo.py" line="145"/>
        <source>phải là số không âm</source>
        <translation>must be a number, zero or more</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="58"/>
        <source>chữ in hoa không dấu, số hoặc gạch ngang, 3–32 ký tự</source>
        <translation>capital letters without marks, digits or dashes, 3–32 characters</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="66"/>
        <source>chọn một xã/phường trong danh sách</source>
        <translation>choose a commune/ward from the list</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="69"/>
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
        <location filename="../../station_app/ui/errors.py" line="54"/>
        <source>Không thực hiện được</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/errors.py" line="57"/>
        <location filename="../../station_app/ui/errors.py" line="68"/>
        <source>Lỗi ngoài dự kiến</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main.py" line="98"/>
        <source>Không mở được ứng dụng</source>
        <translation>The app could not open</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="195"/>
        <source>dài quá 200 ký tự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="199"/>
        <source>chọn Nam, Nữ hoặc Không rõ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="202"/>
        <source>cần năm sinh (hoặc ngày sinh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="204"/>
        <source>năm sinh không khớp với ngày sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="206"/>
        <source>năm sinh phải từ 1900 đến năm nay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="209"/>
        <location filename="../../station_app/services/registry.py" line="564"/>
        <source>số căn cước phải đủ 12 chữ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="212"/>
        <source>số CMND cũ có 9 hoặc 12 chữ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="215"/>
        <source>mã thẻ BHYT gồm 15 ký tự (2 chữ cái và 13 chữ số) hoặc mã số BHXH 10 chữ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="218"/>
        <source>không có trong danh mục dân tộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="220"/>
        <source>mã xã/phường gồm 5 chữ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="223"/>
        <source>số điện thoại gồm 9–12 chữ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="225"/>
        <source>ghi quan hệ của người giám hộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="381"/>
        <source>đã có người dân mang số này; hãy tìm và mở hồ sơ đó</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="559"/>
        <source>trường này không sửa được từ thẻ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="567"/>
        <source>đã có người dân khác mang số này; hãy kiểm tra lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="572"/>
        <source>mã thẻ BHYT không đúng dạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="581"/>
        <source>ngày sinh không hợp lệ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="624"/>
        <source>người dân chưa đồng ý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="626"/>
        <source>nội dung đồng ý không đúng phiên bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="628"/>
        <source>chưa rõ ai đồng ý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="631"/>
        <source>thiếu họ tên hoặc quan hệ của người giám hộ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../station_app/services/accounts.py" line="55"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="59"/>
        <location filename="../../station_app/services/registry.py" line="163"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="62"/>
        <location filename="../../station_app/services/accounts.py" line="148"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="137"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../station_app/services/demo.py" line="144"/>
        <source>Số người dân</source>
        <translation>Number of residents</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="57"/>
        <source>Mã trạm</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="59"/>
        <source>Tên trạm</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="60"/>
        <source>Tên điểm khám</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="61"/>
        <source>Tên đợt khám</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="164"/>
        <source>Giới tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="165"/>
        <source>Năm sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="166"/>
        <source>Ngày sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="167"/>
        <source>Số CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="168"/>
        <source>Số CMND cũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="169"/>
        <source>Số thẻ BHYT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="170"/>
        <source>Dân tộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="171"/>
        <location filename="../../station_app/services/station_setup.py" line="65"/>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="172"/>
        <source>Số điện thoại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="173"/>
        <source>Người giám hộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="174"/>
        <source>Quan hệ với người giám hộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="175"/>
        <source>Lý do khám lần hai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="176"/>
        <source>Địa chỉ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/station_setup.py" line="68"/>
        <source>Ngày kết thúc</source>
        <translation>End date</translation>
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
        <location filename="../../station_app/core/model.py" line="55"/>
        <source>Đối tượng chính sách</source>
        <translation>Policy beneficiary</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="56"/>
        <source>Người cao tuổi</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="57"/>
        <source>Hộ nghèo</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="58"/>
        <source>Hộ cận nghèo</source>
        <translation>Near-poor household</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="59"/>
        <source>Người khuyết tật</source>
        <translation>Person with disability</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="60"/>
        <source>Dân tộc thiểu số</source>
        <translation>Ethnic minority</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="61"/>
        <source>Trẻ em dưới 6 tuổi</source>
        <translation>Child under 6</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="62"/>
        <source>Học sinh</source>
        <translation>Pupil</translation>
    </message>
    <message>
        <location filename="../../station_app/core/model.py" line="63"/>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../station_app/services/accounts.py" line="72"/>
        <location filename="../../station_app/services/accounts.py" line="135"/>
        <location filename="../../station_app/services/accounts.py" line="153"/>
        <source>tài khoản</source>
        <translation>account</translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="359"/>
        <location filename="../../station_app/services/registry.py" line="398"/>
        <source>người dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="463"/>
        <source>người dân, điểm khám hoặc đợt khám</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station_app/services/registry.py" line="494"/>
        <source>lượt khám</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
