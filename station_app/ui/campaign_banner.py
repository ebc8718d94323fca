"""A banner over the desk pages when today is outside the campaign: no visit can be opened, and what to do."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout

from station_app.services.station.campaigns import CampaignState
from station_app.ui.pages import operations as ops
from station_app.ui.widgets import Retranslating

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.station.campaigns import CampaignInfo
    from station_app.ui.tasks import TaskRunner

BANNER_STYLE = ("QLabel { background: #fdecea; color: #7f1d1d; border: 2px solid #d32f2f; border-radius: 4px; "
                "padding: 8px 12px; font-weight: bold; }")


class CampaignBanner(Retranslating):
    """Hidden while today is inside the current campaign; ``refresh()`` reads it again (a page shown, the
    administrator extended it, the laptop left on past midnight)."""

    def __init__(self, ctx: StationContext, tasks: TaskRunner) -> None:
        super().__init__()
        self._ctx, self._tasks = ctx, tasks
        self.campaign: CampaignInfo | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet(BANNER_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.hide()

    @property
    def closed(self) -> bool:
        """Today is outside the campaign: opening a visit would be refused."""
        return self.campaign is not None and self.campaign.state is not CampaignState.OPEN

    def refresh(self) -> None:
        self._tasks.run(ops.current_campaign(self._ctx), parent=self, on_done=self.show_campaign)

    def show_campaign(self, campaign: CampaignInfo) -> None:
        self.campaign = campaign
        self.retranslate()
        self.setVisible(self.closed)

    def retranslate(self) -> None:
        c = self.campaign
        if c is None or c.state is CampaignState.OPEN:
            self.label.setText("")
        elif c.state is CampaignState.ENDED:
            self.label.setText(self.tr(
                "Đợt khám \"{name}\" đã kết thúc ngày {end}: hôm nay không mở được lượt khám mới. Hãy nhờ quản trị "
                "viên gia hạn đợt khám hoặc bắt đầu đợt khám mới trong Quản trị.").format(
                name=c.name, end=f"{c.end:%d/%m/%Y}"))
        else:
            self.label.setText(self.tr(
                "Đợt khám \"{name}\" bắt đầu ngày {start}: hôm nay chưa mở được lượt khám. Hãy kiểm tra ngày giờ "
                "của máy; nếu đúng, hãy nhờ quản trị viên bắt đầu đợt khám mới (có ngày hôm nay) trong Quản "
                "trị.").format(name=c.name, start=f"{c.start:%d/%m/%Y}"))
