"""The administration page's campaign part: whether today is inside it, extending it, starting the next one."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from station_app.services.station.campaigns import CampaignState
from station_app.ui.errors import report
from station_app.ui.pages import operations as ops
from station_app.ui.widgets import Retranslating, confirm_row, message_label, show_message

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.campaigns import CampaignInfo
    from station_app.ui.tasks import Operation, TaskRunner


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def picked(edit: QDateEdit) -> dt.date:
    return edit.date().toPython()


def next_year(day: dt.date) -> dt.date:
    """The same day a year later; the last day there is for a campaign already ending in year 9999."""
    if day.year >= dt.MAXYEAR:
        return dt.date.max
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class CampaignDialog(QDialog):
    """Extend the campaign (a new end date), or with ``new`` start the next one (name and dates, suggested a year
    after the current one's, from today if it is over)."""

    def __init__(self, parent: QWidget, campaign: CampaignInfo, new: bool) -> None:
        super().__init__(parent)
        self.new = new
        c = campaign
        self.name = QLineEdit()
        if new:
            start, end = next_year(c.start), next_year(c.end)
            if c.today > c.end:
                start = min(start, c.today)
            year = str(start.year)
            self.name.setText(c.name.replace(str(c.year), year) if str(c.year) in c.name
                              else self.tr("Khám sức khỏe định kỳ {year}").format(year=year))
        else:
            last = max(c.end, c.today)
            start, end = c.start, last + min(dt.timedelta(days=30), dt.date.max - last)  # year 9999: no overflow
        self.start, self.end = date_edit(start), date_edit(end)
        self.setWindowTitle(self.tr("Bắt đầu đợt khám mới") if new else self.tr("Gia hạn đợt khám"))
        text = self.tr(
            "Đợt khám mới trở thành đợt hiện tại; lượt khám và số liệu của đợt \"{name}\" ({start} – {end}) giữ "
            "nguyên.") if new else self.tr(
            "Đợt khám \"{name}\": {start} – {end}. Chọn ngày kết thúc mới; các bàn mở được lượt khám đến hết ngày "
            "đó.")
        explained = QLabel(text.format(name=c.name, start=f"{c.start:%d/%m/%Y}", end=f"{c.end:%d/%m/%Y}"))
        explained.setWordWrap(True)
        form = QFormLayout()
        if new:
            form.addRow(self.tr("Tên đợt khám"), self.name)
            form.addRow(self.tr("Ngày bắt đầu"), self.start)
        form.addRow(self.tr("Ngày kết thúc") if new else self.tr("Ngày kết thúc mới"), self.end)
        save, _cancel, buttons = confirm_row(self, self.tr("Lưu"), self.tr("Huỷ"))
        save.clicked.connect(self.accept)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addLayout(form)
        layout.addLayout(buttons)


class CampaignPanel(Retranslating):
    """Says whether the desks can open visits today; the two changes go through ``ctx.campaigns`` (audited).
    ``changed`` is emitted after one, for the page to show the station's details again."""

    changed = Signal()

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser,
                 dialog: type[CampaignDialog] = CampaignDialog) -> None:
        super().__init__()
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self._dialog = dialog  # tests put a scripted dialog here
        self.campaign: CampaignInfo | None = None
        self.state, self.message = message_label(), message_label()
        self.extend_button, self.new_button = QPushButton(), QPushButton()
        self.extend_button.clicked.connect(self.extend)
        self.new_button.clicked.connect(self.start_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.extend_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._enable()
        self.retranslate()

    def retranslate(self) -> None:
        self.extend_button.setText(self.tr("Gia hạn đợt khám…"))
        self.new_button.setText(self.tr("Bắt đầu đợt khám mới…"))
        self._show_state()

    def refresh(self) -> None:
        self._tasks.run(ops.current_campaign(self._ctx), parent=self, on_done=self._loaded)

    def _loaded(self, campaign: CampaignInfo) -> None:
        self.campaign = campaign
        self._enable()
        self._show_state()

    def _enable(self) -> None:
        for button in (self.extend_button, self.new_button):
            button.setEnabled(self.campaign is not None)

    def _show_state(self) -> None:
        c = self.campaign
        if c is None:
            return
        if c.state is CampaignState.OPEN:
            show_message(self.state, self.tr("Hôm nay ({today}) nằm trong đợt khám: các bàn mở được lượt khám.").format(
                today=f"{c.today:%d/%m/%Y}"), ok=True)
        elif c.state is CampaignState.ENDED:
            show_message(self.state, self.tr(
                "Đợt khám đã kết thúc ngày {end}: các bàn không mở được lượt khám mới. Hãy gia hạn đợt khám hoặc "
                "bắt đầu đợt khám mới.").format(end=f"{c.end:%d/%m/%Y}"))
        else:
            show_message(self.state, self.tr(
                "Đợt khám bắt đầu ngày {start}: hôm nay chưa mở được lượt khám. Hãy kiểm tra ngày giờ của máy, "
                "hoặc bắt đầu đợt khám mới có ngày hôm nay.").format(start=f"{c.start:%d/%m/%Y}"))

    def extend(self) -> None:
        dialog = self._ask(new=False)
        if dialog is not None:
            self._change(ops.extend_campaign(self._ctx, user=self._user, to=picked(dialog.end)))

    def start_next(self) -> None:
        dialog = self._ask(new=True)
        if dialog is not None:
            self._change(ops.start_next_campaign(self._ctx, user=self._user, name=dialog.name.text(),
                                                 start=picked(dialog.start), end=picked(dialog.end)))

    def _ask(self, new: bool) -> CampaignDialog | None:
        if self.campaign is None:
            return None
        dialog = self._dialog(self, self.campaign, new)
        return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _change(self, change: Operation[CampaignInfo]) -> None:
        show_message(self.message, "")
        for button in (self.extend_button, self.new_button):  # a second click meanwhile would start a 2nd campaign
            button.setEnabled(False)
        self._tasks.run(change, parent=self, on_done=self._changed, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._enable()
        report(self, self.message, exc)

    def _changed(self, campaign: CampaignInfo) -> None:
        show_message(self.message, self.tr("Đã lưu: đợt khám \"{name}\", {start} – {end}.").format(
            name=campaign.name, start=f"{campaign.start:%d/%m/%Y}", end=f"{campaign.end:%d/%m/%Y}"), ok=True)
        self._loaded(campaign)
        self.changed.emit()
