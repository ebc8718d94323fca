"""Administration: accounts, the station's details, this laptop's settings and the audit check."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QTableView, QVBoxLayout, QWidget)

from station_app.core.errors import StationError
from station_app.core.model import ROLE_LABELS, Role
from station_app.core.settings import SLIP_PRINTING, Settings
from station_app.ui import i18n
from station_app.ui import operations as window_ops
from station_app.ui.errors import describe, show_error
from station_app.ui.pages import operations as ops
from station_app.ui.pages.campaign_panel import CampaignPanel
from station_app.services.station.signatures import PKCS11_SETTING
from station_app.ui.simple_table import SimpleTableModel
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, message_label, scrolling_page, show_message

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.core.audit import ChainReport
    from station_app.services.common.accounts import SignedInUser, UserInfo
    from station_app.services.station.station_setup import StationInfo


_Index = QModelIndex | QPersistentModelIndex
SCANNER_MODES = ("keyboard", "serial", "camera")
BAUD_RATES = (9600, 19200, 38400, 57600, 115200)
SLIP_SIZES = ("a6", "label_62x100", "label_50x80")  # services.common.slip_pdf.LAYOUTS


def role_label(role: Role) -> str:
    return QCoreApplication.translate("labels", ROLE_LABELS[role])


class UsersTableModel(SimpleTableModel):
    COLUMNS = 4

    def __init__(self) -> None:
        super().__init__()
        self.users: list[UserInfo] = []

    def row_count(self) -> int:
        return len(self.users)

    def set_users(self, users: list[UserInfo]) -> None:
        self.beginResetModel()
        self.users = users
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        user = self.users[index.row()]
        until = (user.waits_until.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M")
                 if user.waits_until is not None else None)  # wrong passwords: the sign-in waits until then
        if role == Qt.ItemDataRole.ToolTipRole and until and index.column() == 3:
            return self.tr("Sai mật khẩu nhiều lần: tài khoản phải chờ đến {time} mới đăng nhập được. Nếu bạn nhận ra "
                           "người dùng, chọn «Cho đăng nhập lại ngay».").format(time=until)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        state = self.tr("Đang hoạt động") if user.active else self.tr("Đã khoá")
        if until and user.active:  # short: the column is narrow at 1366 px; the tooltip says the rest
            state = self.tr("Chờ đến {time}").format(time=until)
        values = (user.username, user.full_name, role_label(user.role), state)
        return values[index.column()]

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Tên đăng nhập"), self.tr("Họ và tên"), self.tr("Vai trò"), self.tr("Trạng thái"))

    def retranslate(self) -> None:
        super().retranslate()
        if self.users:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.users) - 1, self.COLUMNS - 1))


class UserDialog(QDialog):
    """Add an account, or (with ``username``) set a new password for one."""

    def __init__(self, parent: QWidget, username: str | None = None, min_length: int = 8) -> None:
        super().__init__(parent)
        self.resetting = username is not None
        self.setWindowTitle(self.tr("Đặt lại mật khẩu") if self.resetting else self.tr("Thêm tài khoản"))
        self.username = QLineEdit(username or "")
        self.username.setReadOnly(self.resetting)
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.NURSE, Role.DOCTOR, Role.COORDINATOR, Role.ADMIN):
            self.role.addItem(role_label(role), role.value)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = message_label()
        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        if not self.resetting:
            form.addRow(self.tr("Họ và tên"), self.full_name)
            form.addRow(self.tr("Vai trò"), self.role)
        form.addRow(self.tr("Mật khẩu (ít nhất {n} ký tự)").format(n=min_length), self.password)
        self.policy = QLabel(self.tr("Không dùng tên đăng nhập hay mật khẩu phổ biến (12345678, matkhau123…). "
                                     "Một câu ngắn dễ nhớ là mật khẩu tốt."))
        self.policy.setWordWrap(True)
        form.addRow(self.policy)
        form.addRow(self.tr("Nhập lại"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.password.text() != self.repeat.text():
            show_message(self.message, self.tr("Hai lần nhập mật khẩu không khớp."))
            return
        self.accept()


class CertificateDialog(QDialog):
    """An examiner's certificate for signing their parts (QĐ 1551): from a .p12 file (its passphrase) or from the
    USB token plugged in (its PIN), with the practising-licence number (CCHN) PL01 records."""

    def __init__(self, parent: QWidget, username: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chứng thư số của {name}").format(name=username))
        self.cchn = QLineEdit()
        self.cchn.setPlaceholderText(self.tr("vd. 000123/LC-CCHN (để trống: lấy theo chứng thư số)"))
        self.source = QComboBox()
        self.source.addItem(self.tr("Tệp chứng thư số (.p12, .pfx)"), "file")
        self.source.addItem(self.tr("USB ký số"), "token")
        self.path = QLineEdit()
        self.pick_button = QPushButton(self.tr("Chọn tệp…"))
        self.pick_button.clicked.connect(self.pick_file)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_caption = QLabel()
        self.message = message_label()
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.pick_button)
        form = QFormLayout()
        form.addRow(self.tr("Số CCHN"), self.cchn)
        form.addRow(self.tr("Chứng thư số ở"), self.source)
        form.addRow(self.tr("Tệp"), file_row)
        form.addRow(self.secret_caption, self.secret)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đăng ký"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.source.currentIndexChanged.connect(self._source_changed)
        self._source_changed()

    @property
    def from_file(self) -> bool:
        return self.source.currentData() == "file"

    def _source_changed(self) -> None:
        self.path.setEnabled(self.from_file)
        self.pick_button.setEnabled(self.from_file)
        self.secret_caption.setText(self.tr("Mật khẩu tệp") if self.from_file else self.tr("Mã PIN của USB"))

    def pick_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp chứng thư số"), "",
                                                    self.tr("Chứng thư số (*.p12 *.pfx)"))
        if path:
            self.path.setText(path)

    def _check(self) -> None:
        if self.from_file and not self.path.text().strip():
            show_message(self.message, self.tr("Hãy chọn tệp chứng thư số (.p12)."))
            return
        if not self.secret.text():
            show_message(self.message, self.secret_caption.text() + self.tr(": chưa nhập."))
            return
        self.accept()


class FacilityCodesPanel(Retranslating):
    """The station's QĐ 1551 facility codes, typed and saved here (checked by the service: the GLN's check digit
    too). ``show(info)`` fills them from the station's details."""

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser) -> None:
        super().__init__()
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self.code, self.gln = QLineEdit(), QLineEdit()
        self.code.setPlaceholderText("12001")
        self.gln.setPlaceholderText("893xxxxxxxxxx")
        self.code_caption, self.gln_caption = QLabel(), QLabel()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.code.returnPressed.connect(self.gln.setFocus)
        self.gln.returnPressed.connect(self.save)
        self.message = message_label()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.code_caption, self.code)
        form.addRow(self.gln_caption, self.gln)
        form.addRow(self.save_button)
        form.addRow(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.code_caption.setText(self.tr("Mã cơ sở KCB (MA_CSKCB)"))
        self.gln_caption.setText(self.tr("Mã GLN (MA_GTIN_CSKCB)"))
        self.save_button.setText(self.tr("Lưu mã cơ sở"))

    def show_codes(self, info: StationInfo) -> None:
        for edit, value in ((self.code, info.facility_code), (self.gln, info.facility_gln)):
            if not edit.isModified():  # what the administrator is typing stays
                edit.setText(value or "")

    def save(self) -> None:
        show_message(self.message, "")
        self._tasks.run(ops.set_facility_codes(self._ctx, user=self._user, facility_code=self.code.text(),
                                               facility_gln=self.gln.text()),
                        parent=self, on_done=self._saved, on_error=self._failed)

    def _saved(self, info: StationInfo) -> None:
        self.code.setModified(False)
        self.gln.setModified(False)
        self.show_codes(info)
        show_message(self.message, self.tr("Đã lưu mã cơ sở theo QĐ 1551."), ok=True)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, StationError):
            show_error(self, exc)
            return
        show_message(self.message, describe(exc))
        (self.code if exc.data.get("key") == "facility_code" else self.gln).setFocus()


class AdminPage(Retranslating):
    settings_changed = Signal(object)  # Settings

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser, settings: Settings,
                 user_dialog: type[UserDialog] = UserDialog,
                 certificate_dialog: type[CertificateDialog] = CertificateDialog) -> None:
        super().__init__()
        self._ctx, self._tasks, self._user, self._settings = ctx, tasks, user, settings
        self._user_dialog = user_dialog  # tests put a scripted dialog here
        self._certificate_dialog = certificate_dialog
        self.title = heading()
        self.users_box, self.station_box = QGroupBox(), QGroupBox()
        self.settings_box, self.audit_box = QGroupBox(), QGroupBox()
        self._build_users()
        self._build_station(ctx, tasks, user)
        self._build_settings(settings)
        self._build_audit()
        self._build_columns(ctx, tasks)
        self.retranslate()
        self._update_buttons()

    def _build_users(self) -> None:
        self.users = UsersTableModel()
        self.table = QTableView()
        self.table.setModel(self.users)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.add_button, self.toggle_button, self.password_button = QPushButton(), QPushButton(), QPushButton()
        self.unlock_button, self.certificate_button = QPushButton(), QPushButton()
        self.certificate_button.clicked.connect(self.register_certificate)
        self.add_button.clicked.connect(self.add_user)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.password_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.users_message = message_label()
        users_buttons = QGridLayout()  # two rows: four buttons in one do not fit the column at 1366 px
        for at, b in enumerate((self.add_button, self.password_button, self.toggle_button, self.unlock_button,
                                self.certificate_button)):
            users_buttons.addWidget(b, at // 2, at % 2)
        users_buttons.setColumnStretch(2, 1)
        self.min_length = QSpinBox()  # the station's password minimum: 8 at least, an administrator may ask more
        self.min_length.setRange(8, 64)
        self.min_length_caption, self.min_length_button = QLabel(), QPushButton()
        self.min_length_button.clicked.connect(self.save_min_length)
        policy_row = QHBoxLayout()
        for widget in (self.min_length_caption, self.min_length, self.min_length_button):
            policy_row.addWidget(widget)
        policy_row.addStretch()
        users_layout = QVBoxLayout(self.users_box)
        users_layout.addWidget(self.table)
        users_layout.addLayout(users_buttons)
        users_layout.addLayout(policy_row)
        users_layout.addWidget(self.users_message)

    def _build_station(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser) -> None:
        self.station_form = QFormLayout(self.station_box)
        self.station_values = [QLabel() for _ in range(5)]
        self.station_captions = [QLabel() for _ in range(5)]
        for caption, label in zip(self.station_captions, self.station_values, strict=True):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)  # a long campaign name with its dates wraps instead of widening the page
            self.station_form.addRow(caption, label)
        self.facility_panel = FacilityCodesPanel(ctx, tasks, user)  # MA_CSKCB and MA_GTIN_CSKCB (QĐ 1551)
        self.station_form.addRow(self.facility_panel)
        self.campaign_panel = CampaignPanel(ctx, tasks, user)  # extend the campaign or start the next one
        self.campaign_panel.changed.connect(self._load_station)  # the campaign's new dates; the panel has them
        self.station_form.addRow(self.campaign_panel)

    def _build_settings(self, settings: Settings) -> None:
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setValue(settings.idle_lock_minutes)
        self._make_machine_fields(settings)
        self.save_settings_button = QPushButton()
        self.save_settings_button.clicked.connect(self.save_settings)
        self.settings_message = message_label()
        self.settings_form = QFormLayout(self.settings_box)
        self.language_caption, self.idle_caption = QLabel(), QLabel()
        self.settings_form.addRow(self.language_caption, self.language)
        self.settings_form.addRow(self.idle_caption, self.idle_minutes)
        self._add_machine_rows()
        self.settings_form.addRow("", self.save_settings_button)
        self.settings_form.addRow(self.settings_message)

    def _build_audit(self) -> None:
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify_audit)
        self.audit_explained = QLabel()
        self.audit_explained.setWordWrap(True)
        self.audit_message = message_label()
        audit_layout = QVBoxLayout(self.audit_box)
        audit_layout.addWidget(self.audit_explained)
        audit_layout.addWidget(self.verify_button, alignment=Qt.AlignmentFlag.AlignLeft)
        audit_layout.addWidget(self.audit_message)

    def _build_columns(self, ctx: StationContext, tasks: TaskRunner) -> None:
        from station_app.ui.self_test_view import SelfTestBox

        self.self_test_box = SelfTestBox(ctx, tasks)  # "Kiểm tra máy": the laptop's self-test
        right = QVBoxLayout()
        right.addWidget(self.station_box)
        right.addWidget(self.settings_box)
        right.addWidget(self.audit_box)
        right.addStretch()
        left = QVBoxLayout()  # under the accounts' table, which has room to give on a 768-pixel-high screen
        left.addWidget(self.users_box, 1)
        left.addWidget(self.self_test_box)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        scrolling_page(self, [self.title], [columns])  # a 768-pixel-high laptop scrolls, nothing is cut off

    def retranslate(self) -> None:
        self.title.setText(self.tr("Quản trị"))
        self.users_box.setTitle(self.tr("Tài khoản"))
        self.station_box.setTitle(self.tr("Trạm"))
        self.settings_box.setTitle(self.tr("Cài đặt máy này"))
        self.audit_box.setTitle(self.tr("Nhật ký kiểm tra"))
        self.add_button.setText(self.tr("Thêm tài khoản…"))
        self.password_button.setText(self.tr("Đặt lại mật khẩu…"))
        self.unlock_button.setText(self.tr("Cho đăng nhập lại ngay"))
        self.unlock_button.setToolTip(self.tr("Sau nhiều lần sai mật khẩu, tài khoản phải chờ (tối đa 15 phút). "
                                              "Nút này bỏ thời gian chờ cho người bạn đã nhận ra."))
        self.certificate_button.setText(self.tr("Chứng thư số ký khám…"))
        self.min_length_caption.setText(self.tr("Mật khẩu mới cần ít nhất (ký tự)"))
        self.min_length_button.setText(self.tr("Lưu"))
        self._update_buttons()
        for label, text in zip(self.station_captions, (self.tr("Mã trạm"), self.tr("Tên trạm"), self.tr("Điểm khám"),
                                                         self.tr("Xã/phường"), self.tr("Đợt khám")), strict=True):
            label.setText(text)
        self.language_caption.setText(self.tr("Ngôn ngữ giao diện"))
        self.idle_caption.setText(self.tr("Tự khoá sau (phút, 0 = không khoá)"))
        self.save_settings_button.setText(self.tr("Lưu cài đặt"))
        self._retranslate_machine_fields()
        self.audit_explained.setText(self.tr("Mỗi lần đăng nhập, thay đổi, in và xuất dữ liệu đều được ghi vào nhật "
                                             "ký có chuỗi băm. Kiểm tra để phát hiện sự kiện bị sửa hoặc xoá."))
        self.verify_button.setText(self.tr("Kiểm tra nhật ký"))
        self.users.retranslate()

    # -- this laptop's scanner and slip printer -----------------------------------------------------------
    def _make_machine_fields(self, settings: Settings) -> None:
        self.scanner_mode, self.serial_port, self.serial_baud = QComboBox(), QComboBox(), QComboBox()
        self.camera, self.slip_size, self.slip_printing = QComboBox(), QComboBox(), QComboBox()
        self.printer_note = QLabel()
        self.printer_note.setWordWrap(True)
        for combo, values in ((self.scanner_mode, SCANNER_MODES), (self.slip_size, SLIP_SIZES),
                              (self.slip_printing, SLIP_PRINTING)):
            for value in values:
                combo.addItem("", value)
        for baud in sorted({*BAUD_RATES, settings.serial_baud}):
            self.serial_baud.addItem(str(baud), baud)
        self.serial_port.setEditable(True)  # a port the system does not list (/dev/ttyACM0) can be typed
        self.refresh_ports_button, self.refresh_cameras_button = QPushButton(), QPushButton()
        self.refresh_ports_button.clicked.connect(self.refresh_ports)
        self.refresh_cameras_button.clicked.connect(self.refresh_cameras)
        self.refresh_ports()
        self.serial_port.setEditText(settings.serial_port or "")
        self._cameras_listed = False
        self.camera.addItem("", None)  # the system's default camera
        if settings.camera_id:
            self.camera.addItem(settings.camera_id, settings.camera_id)  # named once the cameras are listed
        for combo, value in ((self.scanner_mode, settings.scanner_mode), (self.serial_baud, settings.serial_baud),
                             (self.camera, settings.camera_id), (self.slip_size, settings.slip_size),
                             (self.slip_printing, settings.slip_printing)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.scanner_mode.currentIndexChanged.connect(self._scanner_mode_changed)

    def _add_machine_rows(self) -> None:
        self.port_row, self.camera_row = QHBoxLayout(), QHBoxLayout()
        for row, combo, button in ((self.port_row, self.serial_port, self.refresh_ports_button),
                                   (self.camera_row, self.camera, self.refresh_cameras_button)):
            row.addWidget(combo, 1)
            row.addWidget(button)
        self.machine_captions = [QLabel() for _ in range(6)]
        for caption, field in zip(self.machine_captions, (self.scanner_mode, self.port_row, self.serial_baud,
                                                          self.camera_row, self.slip_size, self.slip_printing),
                                  strict=True):
            self.settings_form.addRow(caption, field)
        self.settings_form.addRow("", self.printer_note)
        # the token driver the examiners' USB tokens need (QĐ 1551 signatures): a path the vendor's setup installed
        self.pkcs11_caption, self.pkcs11_module = QLabel(), QLineEdit(self._settings.extra.get(PKCS11_SETTING, ""))
        self.settings_form.addRow(self.pkcs11_caption, self.pkcs11_module)
        self._scanner_mode_changed()

    def _retranslate_machine_fields(self) -> None:
        for label, text in zip(self.machine_captions, (self.tr("Máy quét"), self.tr("Cổng COM"),
                                                       self.tr("Tốc độ cổng (baud)"), self.tr("Camera"),
                                                       self.tr("Khổ phiếu khám"), self.tr("In phiếu khám")),
                                  strict=True):
            label.setText(text)
        for i, text in enumerate((self.tr("In ngay ra máy in mặc định"), self.tr("Hỏi máy in mỗi lần"),
                                  self.tr("Chỉ lưu thành tệp PDF"))):
            self.slip_printing.setItemText(i, text)
        self._show_printers()
        for i, text in enumerate((self.tr("Máy quét dạng bàn phím"), self.tr("Máy quét cổng COM (serial)"),
                                  self.tr("Camera"))):
            self.scanner_mode.setItemText(i, text)
        for i, text in enumerate((self.tr("A6 (giấy thường)"), self.tr("Nhãn 62×100 mm"),
                                  self.tr("Nhãn 50×80 mm"))):
            self.slip_size.setItemText(i, text)
        self.camera.setItemText(0, self.tr("Camera mặc định của máy"))
        self.serial_port.lineEdit().setPlaceholderText(self.tr("vd. COM3"))
        self.serial_port.setToolTip(self.tr("Chọn cổng trong danh sách, hoặc gõ tên cổng, ví dụ COM3 hoặc "
                                            "/dev/ttyACM0. Bấm Tìm lại sau khi cắm máy quét."))
        self.refresh_ports_button.setText(self.tr("Tìm lại"))
        self.refresh_cameras_button.setText(self.tr("Tìm lại"))
        self.pkcs11_caption.setText(self.tr("Trình điều khiển USB ký số"))
        self.pkcs11_module.setPlaceholderText(self.tr("tệp .dll (.so) PKCS#11 mà bộ cài của nhà cung cấp chữ ký số "
                                                      "đặt trên máy"))

    def _show_printers(self) -> None:
        """Under the slip setting: the default printer, or where slips go without one."""
        from station_app.services.common.slip_pdf import SAVED_SLIPS_FOLDER
        from station_app.ui.printing import installed_printers

        printers = installed_printers()
        if printers.default:
            text = self.tr("Máy in mặc định: {name}. In lại phiếu (Ctrl+P) luôn hỏi máy in.").format(
                name=printers.default)
        elif printers.names:
            text = self.tr("Chưa có máy in mặc định nên mỗi phiếu sẽ hỏi máy in. Hãy đặt một máy in làm mặc định "
                           "trong cài đặt máy in của hệ điều hành.")
        else:
            folder = self._ctx.data_dir / SAVED_SLIPS_FOLDER if self._ctx is not None else SAVED_SLIPS_FOLDER
            text = self.tr("Máy này chưa cài máy in: phiếu khám được lưu thành tệp PDF trong thư mục {folder}."
                           ).format(folder=folder)
        self.printer_note.setText(text)

    def _scanner_mode_changed(self) -> None:
        mode = self.scanner_mode.currentData()
        for field, shown in ((self.port_row, mode == "serial"), (self.serial_baud, mode == "serial"),
                             (self.camera_row, mode == "camera")):
            self.settings_form.setRowVisible(field, shown)
        if mode == "camera" and not self._cameras_listed:
            self.refresh_cameras()

    def refresh_ports(self) -> None:
        """List the serial ports again (a scanner plugged in after the page opened), keeping the typed port."""
        from station_app.ui.scanning import serial_scanner

        typed = self.serial_port.currentText()
        self.serial_port.clear()
        for name, description in serial_scanner.available_ports():
            self.serial_port.addItem(name)
            self.serial_port.setItemData(self.serial_port.count() - 1, description, Qt.ItemDataRole.ToolTipRole)
        self.serial_port.setEditText(typed)

    def refresh_cameras(self) -> None:
        """List the cameras; QtMultimedia is loaded here, not with the page (it costs ~170 ms)."""
        from station_app.ui.scanning.camera_scanner import CameraScannerWidget

        chosen = self.camera.currentData()
        while self.camera.count() > 1:
            self.camera.removeItem(1)
        for device_id, description in CameraScannerWidget.cameras():
            self.camera.addItem(description or device_id, device_id)
        if chosen and self.camera.findData(chosen) < 0:  # unplugged now: kept, so saving does not forget it
            self.camera.addItem(chosen, chosen)
        self.camera.setCurrentIndex(max(0, self.camera.findData(chosen)))
        self._cameras_listed = True

    def refresh(self) -> None:
        self._list_users()
        self._tasks.run(ops.password_min_length(self._ctx), parent=self, on_done=self.min_length.setValue)
        self._load_station()
        self.campaign_panel.refresh()

    def _load_station(self) -> None:
        self._tasks.run(window_ops.station_info(self._ctx), parent=self, on_done=self._show_station)

    def _show_station(self, info: StationInfo) -> None:
        site = info.site_name + (f" — {info.village}" if info.village else "")
        period = f"{info.campaign_name} ({info.campaign_start:%d/%m/%Y} – {info.campaign_end:%d/%m/%Y})"
        for label, text in zip(self.station_values, (info.code, info.name, site,
                                                     f"{info.commune_name} ({info.commune_code})", period), strict=True):
            label.setText(text)
        self.facility_panel.show_codes(info)

    def selected_user(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users.users[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        user = self.selected_user()
        self.toggle_button.setEnabled(user is not None and user.id != self._user.id)
        self.password_button.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.waits_until is not None)
        self.certificate_button.setEnabled(user is not None)
        self.toggle_button.setText(self.tr("Mở khoá tài khoản") if user and not user.active
                                   else self.tr("Khoá tài khoản"))

    def _done(self, text: str) -> None:
        show_message(self.users_message, text, ok=True)
        self._list_users()

    def _list_users(self) -> None:
        self._tasks.run(ops.list_users(self._ctx, actor=self._user), parent=self, on_done=self._show_users)

    def _show_users(self, users: list[UserInfo]) -> None:
        self.users.set_users(users)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StationError):
            show_message(self.users_message, describe(exc))
        else:
            show_error(self, exc)

    def add_user(self) -> None:
        dialog = self._user_dialog(self, min_length=self.min_length.value())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._tasks.run(
            ops.add_user(self._ctx, actor=self._user, username=dialog.username.text(),
                         full_name=dialog.full_name.text(), role=Role(dialog.role.currentData()),
                         password=dialog.password.text()),
            parent=self, on_error=self._failed,
            on_done=lambda u: self._done(self.tr("Đã thêm tài khoản {name}.").format(name=u.username)))

    def toggle_selected(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._tasks.run(
            ops.set_active(self._ctx, actor=self._user, username=user.username, active=not user.active), parent=self,
            on_error=self._failed,
            on_done=lambda u: self._done((self.tr("Đã mở khoá tài khoản {name}.") if u.active
                                          else self.tr("Đã khoá tài khoản {name}.")).format(name=u.username)))

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = self._user_dialog(self, user.username, min_length=self.min_length.value())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._tasks.run(
            ops.change_password(self._ctx, actor=self._user, username=user.username,
                                new_password=dialog.password.text()),
            parent=self, on_error=self._failed,
            on_done=lambda _: self._done(self.tr("Đã đặt mật khẩu mới cho {name}.").format(name=user.username)))

    def unlock_selected(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._tasks.run(
            ops.unlock_user(self._ctx, actor=self._user, username=user.username), parent=self, on_error=self._failed,
            on_done=lambda u: self._done(self.tr("{name} đăng nhập lại được ngay.").format(name=u.username)))

    def register_certificate(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = self._certificate_dialog(self, user.username)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path = Path(dialog.path.text().strip()) if dialog.from_file else None
        secret, cchn = dialog.secret.text(), dialog.cchn.text().strip() or None
        dialog.secret.clear()
        self._tasks.run(
            ops.register_certificate(self._ctx, actor=self._user, username=user.username, secret=secret, p12=path,
                                     cchn=cchn), parent=self, on_error=self._failed,
            on_done=lambda r: self._done(self.tr("Đã đăng ký chứng thư số cho {name} (hết hạn {date}).").format(
                name=user.username, date=f"{r.info.not_after:%d/%m/%Y}")))

    def save_min_length(self) -> None:
        self._tasks.run(
            ops.set_password_min_length(self._ctx, actor=self._user, length=self.min_length.value()), parent=self,
            on_error=self._failed,
            on_done=lambda n: self._done(self.tr("Mật khẩu mới từ nay cần ít nhất {n} ký tự.").format(n=n)))

    def save_settings(self) -> None:
        self._settings.language = self.language.currentData()
        self._settings.idle_lock_minutes = self.idle_minutes.value()
        self._settings.scanner_mode = self.scanner_mode.currentData()
        self._settings.serial_port = self.serial_port.currentText().strip() or None
        self._settings.serial_baud = self.serial_baud.currentData()
        self._settings.camera_id = self.camera.currentData()
        self._settings.slip_size = self.slip_size.currentData()
        self._settings.slip_printing = self.slip_printing.currentData()
        module = self.pkcs11_module.text().strip()
        if module:
            self._settings.extra[PKCS11_SETTING] = module
        else:
            self._settings.extra.pop(PKCS11_SETTING, None)
        try:
            self._ctx.settings.save(self._settings)
        except OSError:
            show_message(self.settings_message, self.tr(
                "Không lưu được cài đặt (ổ đĩa đầy hoặc không ghi được). Cài đặt chỉ có hiệu lực đến khi đóng "
                "ứng dụng; hãy giải phóng ổ đĩa rồi lưu lại."))
            self.settings_changed.emit(self._settings)
            return
        self.settings_changed.emit(self._settings)
        show_message(self.settings_message, self.tr("Đã lưu cài đặt."), ok=True)

    def verify_audit(self) -> None:
        self.verify_button.setEnabled(False)
        self._tasks.run(ops.verify_audit(self._ctx, progress_text=self.tr("Đang kiểm tra nhật ký…")), parent=self,
                        on_done=self._show_audit)

    def _show_audit(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            show_message(self.audit_message, self.tr("Nhật ký toàn vẹn: {n} sự kiện, chuỗi băm khớp.").format(
                n=report.checked), ok=True)
        else:
            show_message(self.audit_message, self.tr(
                "Nhật ký KHÔNG toàn vẹn từ sự kiện số {seq}. Hãy báo ngay cho cán bộ phụ trách.").format(
                seq=report.broken_at))
