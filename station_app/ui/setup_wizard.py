"""First run: the station, its exam site and commune, the campaign and the first admin account."""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from station_app.core.errors import StationError
from station_app.core.model import SiteKind
from station_app.services.reference import communes
from station_app.ui.errors import describe, show_error
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import message_label, show_message

if TYPE_CHECKING:
    from station_app.app import AppContext
    from station_app.services.station_setup import StationSetup



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
        form, _ = _form_page(self)
        self.code = QLineEdit()
        self.code.setPlaceholderText("TYT-MUONGKIM")
        self.code.textEdited.connect(lambda t: self.code.setText(t.upper()))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Trạm Y tế xã Mường Kim"))
        form.addRow(self.tr("Mã trạm"), self.code)
        form.addRow(self.tr("Tên trạm"), self.name)
        self.registerField("station_code*", self.code)
        self.registerField("station_name*", self.name)


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
        self.commune.setEditable(True)
        self.commune.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for c in sorted(communes(), key=lambda c: c.name):
            self.commune.addItem(f"{c.name} ({c.code})", c.code)
        self.commune.setCurrentIndex(-1)
        completer = self.commune.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
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
        index = self.commune.findText(self.commune.currentText())
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
        form.addRow(self.tr("Mật khẩu (ít nhất 6 ký tự)"), self.password)
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


class SetupWizard(QWizard):
    """Creates everything in one transaction when Finish is pressed; a refusal keeps the wizard open."""

    station_created = Signal(str)  # the admin's user name

    def __init__(self, ctx: AppContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks = ctx, tasks
        self.setWindowTitle(self.tr("Thiết lập trạm lần đầu"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(680, 460)
        self.station_page, self.site_page = StationPage(), SitePage()
        self.campaign_page, self.admin_page = CampaignPage(), AdminPage()
        for page in (self.station_page, self.site_page, self.campaign_page, self.admin_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Huỷ"))

    def setup_values(self) -> StationSetup:
        from station_app.services.station_setup import StationSetup

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
        )

    def accept(self) -> None:
        if not self.admin_page.validatePage():
            return
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        setup = self.setup_values()
        self._tasks.submit(self._ctx.station.initialise, setup, on_done=self._created, on_error=self._refused,
                           parent=self, progress_text=self.tr("Đang tạo dữ liệu trạm…"))

    def _created(self, admin) -> None:  # noqa: ANN001 - SignedInUser
        super().accept()
        self.station_created.emit(admin.username)

    def _refused(self, exc: BaseException) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(exc, StationError):
            show_message(self.admin_page.message, describe(exc))
        else:
            show_error(self, exc)
