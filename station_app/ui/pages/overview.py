"""Pages whose work later versions add. They say so plainly and show today's real figures; no fake buttons.

The lists page that began here is now ``pages.lists.ListsPage`` (re-exported for older imports)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout

from station_app.ui.pages.lists import ListsPage  # noqa: F401 - moved; imported from here by older code
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading

if TYPE_CHECKING:
    from station_app.app import AppContext
    from station_app.services.overview import Overview



class _Figure:
    def __init__(self, grid: QGridLayout, column: int) -> None:
        self.value = QLabel("–")
        self.value.setObjectName("figure")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        grid.addWidget(self.value, 0, column)
        grid.addWidget(self.caption, 1, column)


class OverviewPage(Retranslating):
    """Heading, what the page is for, what this version does not do yet, and live figures."""

    def __init__(self, ctx: AppContext, tasks: TaskRunner, site_id: str, figure_count: int) -> None:
        super().__init__()
        self._ctx, self._tasks, self._site_id = ctx, tasks, site_id
        self.title = heading()
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        grid = QGridLayout()
        self.figures = [_Figure(grid, i) for i in range(figure_count)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.purpose)
        layout.addSpacing(16)
        layout.addLayout(grid)
        layout.addSpacing(16)
        layout.addWidget(self.status)
        layout.addStretch()
        self.retranslate()

    def refresh(self) -> None:
        self._tasks.submit(self._ctx.overview.today, self._site_id, on_done=self.show_overview, parent=self)

    def show_overview(self, overview: Overview) -> None:
        for figure, value in zip(self.figures, self.values(overview), strict=True):
            figure.value.setText(f"{value:,}".replace(",", "."))

    def values(self, overview: Overview) -> list[int]:
        raise NotImplementedError


class ExportPage(OverviewPage):
    def __init__(self, ctx: AppContext, tasks: TaskRunner, site_id: str) -> None:
        super().__init__(ctx, tasks, site_id, 1)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Xuất dữ liệu"))
        self.purpose.setText(self.tr("Cuối ngày, xuất gói dữ liệu đã ký và mã hoá ra USB hoặc gửi qua mạng đến "
                                     "cơ quan y tế tiếp nhận."))
        self.status.setText(self.tr("Phiên bản này chưa xuất được gói dữ liệu; chức năng sẽ được bổ sung ở bản cập "
                                    "nhật tới. Dữ liệu vẫn được lưu an toàn trên máy."))
        self.figures[0].caption.setText(self.tr("gói dữ liệu đã xuất"))

    def values(self, o: Overview) -> list[int]:
        return [o.export_batches]
