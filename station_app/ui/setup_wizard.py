"""First run: the station, its exam site and commune, the campaign and the first admin account; then, once the
station is made, the office's public bundle and the commune's roster (both may be skipped and done later).

The admin page is the commit page: "Tạo trạm" creates everything in one transaction on the database lane, and
only then does the wizard move on (there is no going back to a station already made). The bundle is imported
with the export service's own import (as on the export page), the roster with the roster import dialog of the lists
page.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from station_app.core.errors import StationError, ValidationError
from station_app.core.model import SiteKind
from station_app.services.common.reference import communes
from station_app.ui import operations as ops
from station_app.ui.completion import fold_completion, folded_match
from station_app.ui.errors import describe, report, show_error
from station_app.ui.labels import number
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import message_label, show_message

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.core.batch_format import OfficeBundle
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.roster_import import ImportReport
    from station_app.services.station.station_setup import StationSetup
    from station_app.ui.dialogs.roster_import import RosterImportDialog



def _form_page(page: QWizardPage) -> tuple[QFormLayout, QLabel]:
    outer = QVBoxLayout(page)
    form = QFormLayout()
    outer.addLayout(form)
    message = message_label()
    outer.addWidget(message)
    outer.addStretch()
    return form, message


class StationPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Trạm y tế"))
        self.setSubTitle(self.tr("Máy này thuộc trạm nào? Mã trạm do Trung tâm Y tế cấp, ví dụ TYT-MUONGKIM."))
        form, self.message = _form_page(self)
        self.code = QLineEdit()
        self.code.setPlaceholderText("TYT-MUONGKIM")
        self.code.textEdited.connect(lambda t: self.code.setText(t.upper()))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Trạm Y tế xã Mường Kim"))
        self.facility_code = QLineEdit()
        self.facility_code.setPlaceholderText("12001")
        self.facility_code.setMaxLength(8)
        self.facility_gln = QLineEdit()
        self.facility_gln.setPlaceholderText("893xxxxxxxxxx")
        self.facility_gln.setMaxLength(20)
        form.addRow(self.tr("Mã trạm"), self.code)
        form.addRow(self.tr("Tên trạm"), self.name)
        form.addRow(self.tr("Mã cơ sở KCB (MA_CSKCB, 5 số)"), self.facility_code)
        form.addRow(self.tr("Mã GLN của cơ sở (MA_GTIN_CSKCB, 13 số)"), self.facility_gln)
        form.addRow(_note(self.tr("Hai mã theo QĐ 1551 do Sở Y tế cấp. Chưa biết thì để trống và nhập sau ở trang "
                                  "Quản trị; hồ sơ khám theo QĐ 1551 sẽ báo thiếu hai mã này cho đến khi có.")))
        self.registerField("station_code*", self.code)
        self.registerField("station_name*", self.name)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """The facility codes, when given, are checked here (the GLN's check digit too), where they were typed."""
        from station_app.services.station.station_setup import facility_codes

        try:
            facility_codes(self.facility_code.text(), self.facility_gln.text())
        except ValidationError as exc:
            show_message(self.message, describe(exc))
            (self.facility_code if exc.data.get("key") == "facility_code" else self.facility_gln).setFocus()
            return False
        show_message(self.message, "")
        return True


class SitePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Điểm khám"))
        self.setSubTitle(self.tr("Nơi đặt máy: trạm y tế xã, hoặc điểm khám lưu động ở một thôn/bản."))
        form, self.message = _form_page(self)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Trạm y tế xã/phường"), SiteKind.COMMUNE_STATION.value)
        self.kind.addItem(self.tr("Điểm khám lưu động"), SiteKind.MOBILE.value)
        self.commune = QComboBox()
        fold_completion(self.commune)  # "muong kim" finds "Mường Kim", as the resident search does
        for c in sorted(communes(), key=lambda c: c.name):
            self.commune.addItem(f"{c.name} ({c.code})", c.code)
        self.commune.setCurrentIndex(-1)
        self.site_name = QLineEdit()
        self.village = QLineEdit()
        self.village.setPlaceholderText(self.tr("chỉ với điểm lưu động, ví dụ Bản Nà Khum"))
        form.addRow(self.tr("Loại điểm khám"), self.kind)
        form.addRow(self.tr("Xã/phường (Lai Châu)"), self.commune)
        form.addRow(self.tr("Tên điểm khám"), self.site_name)
        form.addRow(self.tr("Thôn/bản"), self.village)
        self.commune.currentIndexChanged.connect(self.completeChanged)
        self.commune.editTextChanged.connect(self.completeChanged)

    def commune_code(self) -> str | None:
        index = folded_match(self.commune)
        return self.commune.itemData(index) if index >= 0 else None

    def isComplete(self) -> bool:  # noqa: N802
        return self.commune_code() is not None

    def initializePage(self) -> None:  # noqa: N802
        if not self.site_name.text():
            self.site_name.setText(self.field("station_name"))


class CampaignPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Đợt khám"))
        self.setSubTitle(self.tr("Đợt khám sức khỏe định kỳ miễn phí mà trạm đang thực hiện."))
        form, _ = _form_page(self)
        year = dt.date.today().year
        self.name = QLineEdit(self.tr("Khám sức khỏe định kỳ miễn phí {year}").format(year=year))
        self.year = QSpinBox()
        self.year.setRange(2026, 2100)
        self.year.setValue(max(2026, year))
        self.start = QDateEdit(QDate(year, 1, 1))
        self.end = QDateEdit(QDate(year, 12, 31))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        form.addRow(self.tr("Tên đợt khám"), self.name)
        form.addRow(self.tr("Năm"), self.year)
        form.addRow(self.tr("Ngày bắt đầu"), self.start)
        form.addRow(self.tr("Ngày kết thúc"), self.end)
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.name.text().strip())


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Tài khoản quản trị"))
        self.setSubTitle(self.tr("Người quản lý tài khoản và cài đặt của trạm. Hãy ghi nhớ mật khẩu này."))
        form, self.message = _form_page(self)
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Họ và tên"), self.full_name)
        form.addRow(self.tr("Mật khẩu (ít nhất 8 ký tự, không phải mật khẩu phổ biến)"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu"), self.repeat)
        for edit in (self.username, self.full_name, self.password, self.repeat):
            edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's own check refuses an unchanged default ("admin")
        return all(e.text().strip() for e in (self.username, self.full_name, self.password, self.repeat))

    def validatePage(self) -> bool:  # noqa: N802
        if self.password.text() != self.repeat.text():
            show_message(self.message, self.tr("Hai lần nhập mật khẩu không khớp."))
            return False
        return True


class OfficeBundlePage(QWizardPage):
    """The office's public bundle, from its JSON file or a picture of its QR code; may be skipped."""

    def __init__(self, ctx: StationContext, tasks: TaskRunner) -> None:
        super().__init__()
        self._ctx, self._tasks = ctx, tasks
        self.importing = False
        self.office_name: str | None = None
        self.setTitle(self.tr("Gói khoá của cơ quan y tế"))
        self.setSubTitle(self.tr("Trạm đã được tạo. Bây giờ nhập gói khoá của cơ quan y tế nhận dữ liệu."))
        self.explained = _note(self.tr("Gói khoá làm cho dữ liệu xuất ra chỉ cơ quan y tế đọc được. Chọn tệp "
                                       "office-bundle.json, hoặc ảnh mã QR office-bundle.png (hay ảnh chụp mã QR đó), "
                                       "do đơn vị nhận gửi."), hint=False)
        self.choose_button = QPushButton(self.tr("Chọn tệp gói khoá…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.status = message_label()
        self.skip_note = _note(self.tr("Có thể bỏ qua bước này (bấm Tiếp theo): trạm vẫn tiếp đón và khám bình "
                                       "thường, nhưng chưa xuất được dữ liệu cho đến khi nhập gói khoá ở trang Xuất "
                                       "dữ liệu."))
        _button_page(self, self.explained, self.choose_button, self.status, self.skip_note)

    def choose_file(self) -> None:
        from station_app.ui.pages.export import dialogs as export_dialogs

        path = export_dialogs.ask_open_file(
            self, self.tr("Chọn gói khoá của cơ quan y tế"), Path.home(),
            self.tr("Gói khoá hoặc ảnh mã QR của gói (*.json *.png *.jpg *.jpeg);;Mọi tệp (*)"))
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Import on the database lane, with the export service's own import (the same checks and messages)."""
        self._set_importing(True)
        show_message(self.status, self.tr("Đang đọc gói khoá…"), ok=True)
        self._tasks.run(ops.import_office_bundle(self._ctx, path=path), parent=self, on_done=self._imported,
                        on_error=self._refused)

    def _imported(self, bundle: OfficeBundle) -> None:
        self._set_importing(False)
        self.office_name = bundle.name
        show_message(self.status, self.tr("Đã nhập gói khoá của {name}. Trạm xuất được dữ liệu cho đơn vị này.").format(
            name=bundle.name), ok=True)

    def _refused(self, exc: BaseException) -> None:
        self._set_importing(False)
        report(self, self.status, exc)

    def _set_importing(self, importing: bool) -> None:
        self.importing = importing
        self.choose_button.setEnabled(not importing)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - skippable, but not while an import is running
        return not self.importing


class RosterPage(QWizardPage):
    """The commune's roster, through the lists page's import dialog; may be skipped."""

    def __init__(self, ctx: StationContext, tasks: TaskRunner) -> None:
        super().__init__()
        self._ctx, self._tasks = ctx, tasks
        self.admin: SignedInUser | None = None  # set once the station is made: the import is done in their name
        self.dialog: RosterImportDialog | None = None
        self.setTitle(self.tr("Danh sách người dân"))
        self.setSubTitle(self.tr("Nhập danh sách người dân của xã để khi tiếp đón chỉ cần tìm tên hoặc quét thẻ."))
        self.explained = _note(self.tr("Chọn tệp CSV hoặc Excel (.xlsx) danh sách người dân, kiểm tra cột nào ghép "
                                       "vào trường nào, rồi bấm Nhập. Nhập lại cùng tệp không tạo người trùng."),
                               hint=False)
        self.import_button = QPushButton(self.tr("Nhập danh sách người dân…"))
        self.import_button.clicked.connect(self.open_import)
        self.status = message_label()
        self.skip_note = _note(self.tr("Có thể bỏ qua bước này (bấm Hoàn tất) và nhập sau ở trang Danh sách, nút "
                                       "\"Nhập danh sách người dân…\"."))
        _button_page(self, self.explained, self.import_button, self.status, self.skip_note)

    def open_import(self) -> None:
        from station_app.ui.dialogs.roster_import import RosterImportDialog  # loaded only when asked for

        if self.admin is None:
            return
        dialog = RosterImportDialog(self._ctx, self._tasks, self.admin, parent=self)
        dialog.imported.connect(self._imported)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _imported(self, report: ImportReport) -> None:
        said = self.tr("Đã nhập danh sách: {new} người mới, {updated} cập nhật, {rejected} dòng bị từ chối.").format(
            new=number(report.imported_new), updated=number(report.updated), rejected=number(report.rejected))
        if report.possible_duplicates:  # counted in the import's report too ("Trong đó có thể trùng")
            said += " " + self.tr("{n} người mới có thể trùng với người đã có: xem và quyết định ở Danh sách › "
                                  "Nghi trùng.").format(n=number(report.possible_duplicates))
        show_message(self.status, said, ok=True)


def _note(text: str, hint: bool = True) -> QLabel:
    note = QLabel(text)
    if hint:
        note.setObjectName("hint")
    note.setWordWrap(True)
    return note


def _button_page(page: QWizardPage, explained: QLabel, button: QPushButton, status: QLabel, note: QLabel) -> None:
    layout = QVBoxLayout(page)
    layout.addWidget(explained)
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch()
    layout.addLayout(row)
    layout.addWidget(status)
    layout.addStretch()
    layout.addWidget(note)


class SetupWizard(QWizard):
    """"Tạo trạm" on the admin page creates everything in one transaction; a refusal keeps the wizard there. The
    office bundle and roster pages follow; Finish (or closing the wizard then) goes on to sign-in."""

    station_created = Signal(str)  # the admin's user name

    def __init__(self, ctx: StationContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks = ctx, tasks
        self.admin: SignedInUser | None = None  # the first admin, once the station is made
        self.creating = False
        self.setWindowTitle(self.tr("Thiết lập trạm lần đầu"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(680, 460)
        self.station_page, self.site_page = StationPage(), SitePage()
        self.campaign_page, self.admin_page = CampaignPage(), AdminPage()
        self.bundle_page, self.roster_page = OfficeBundlePage(ctx, tasks), RosterPage(ctx, tasks)
        self.admin_page.setCommitPage(True)
        for page in (self.station_page, self.site_page, self.campaign_page, self.admin_page, self.bundle_page,
                     self.roster_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Tạo trạm"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Huỷ"))

    def setup_values(self) -> StationSetup:
        from station_app.services.station.station_setup import StationSetup

        site, campaign, admin = self.site_page, self.campaign_page, self.admin_page
        return StationSetup(
            station_code=self.station_page.code.text().strip().upper(),
            station_name=self.station_page.name.text(),
            site_name=site.site_name.text() or self.station_page.name.text(),
            site_kind=SiteKind(site.kind.currentData()), commune_code=site.commune_code() or "",
            village=site.village.text() or None, campaign_name=campaign.name.text(),
            campaign_year=campaign.year.value(), campaign_start=campaign.start.date().toPython(),
            campaign_end=campaign.end.date().toPython(), admin_username=admin.username.text(),
            admin_full_name=admin.full_name.text(), admin_password=admin.password.text(),
            facility_code=self.station_page.facility_code.text() or None,
            facility_gln=self.station_page.facility_gln.text() or None,
        )

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt's name
        """Leaving the admin page creates the station first; the wizard moves on when it is made."""
        if self.currentPage() is not self.admin_page or self.admin is not None:
            return super().validateCurrentPage()
        if not self.creating and self.admin_page.validatePage():
            self._create()
        return False

    def _create(self) -> None:
        self.creating = True
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        show_message(self.admin_page.message, "")
        self._tasks.run(ops.initialise_station(self._ctx, setup=self.setup_values(),
                                               progress_text=self.tr("Đang tạo dữ liệu trạm…")),
                        parent=self, on_done=self._created, on_error=self._refused)

    def _created(self, admin: SignedInUser) -> None:
        self.creating = False
        self.admin = self.roster_page.admin = admin
        self.setOption(QWizard.WizardOption.NoCancelButton, True)  # nothing to cancel now: skipping is Next/Finish
        self.next()

    def _refused(self, exc: BaseException) -> None:
        self.creating = False
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        if isinstance(exc, StationError):
            show_message(self.admin_page.message, describe(exc))
        else:
            show_error(self, exc)

    def accept(self) -> None:
        if self.admin is None:  # Finish is offered only after the station is made; nothing to finish before
            return
        super().accept()
        self.station_created.emit(self.admin.username)

    def reject(self) -> None:
        """Closing once the station is made skips what is left and goes on to sign-in."""
        if self.admin is not None:
            self.accept()
            return
        super().reject()
