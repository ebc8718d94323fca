"""The report page's charts (QtCharts): the share of visits finished by commune and by target group, and the
share of finished visits received within 24 hours per station. Built from the station's progress charts' pieces
(``ui/pages/progress_charts.py``); imported only when the first report arrives: QtCharts is a large library."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import QBarSet
from PySide6.QtWidgets import QGridLayout, QWidget

from station_app.services.office.report import OfficeReport, Section
from station_app.ui.pages.progress_charts import BAR_ROW_PX, MAX_VILLAGE_BARS, coverage_bars, new_chart, chart_view

BY_COMMUNE, BY_GROUP, STATIONS, TIMELINESS = 0, 1, 3, 4  # the report's sections, as office_report builds them


@dataclass(frozen=True)
class Share:
    """A part of a whole, as the progress charts' bars take it (``rate``)."""

    part: int
    whole: int

    @property
    def rate(self) -> float:
        return self.part / self.whole if self.whole else 0.0


def progress_rows(section: Section) -> list[tuple[str, Share]]:
    """(label, finished of received) of a progress section: rows (label, received, finished, share)."""
    return [(str(r[0]), Share(int(r[2]), int(r[1]))) for r in section.rows][:MAX_VILLAGE_BARS]


def timeliness_rows(section: Section) -> list[tuple[str, Share]]:
    """(station, within 24 hours of finished) of the timeliness section: rows (code, finished, within, …)."""
    return [(str(r[0]), Share(int(r[2]), int(r[1]))) for r in section.rows]


class OfficeCharts(QWidget):
    """Three bar charts; ``show_report`` redraws them. ``bars`` holds the drawn sets (for tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts = [new_chart("") for _ in range(3)]
        self.views = [chart_view(c) for c in self.charts]
        self.bars: list[QBarSet | None] = [None, None, None]
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 8, 0, 8)
        grid.addWidget(self.views[0], 0, 0)
        grid.addWidget(self.views[1], 0, 1)
        grid.addWidget(self.views[2], 1, 0, 1, 2)

    def show_report(self, report: OfficeReport) -> None:
        titles = (self.tr("Tỉ lệ khám xong theo xã/phường (%)"), self.tr("Tỉ lệ khám xong theo nhóm đối tượng (%)"),
                  self.tr("Tỉ lệ lượt khám xong được nhận trong 24 giờ, theo trạm (%)"))
        rows = (progress_rows(report.sections[BY_COMMUNE]), progress_rows(report.sections[BY_GROUP]),
                timeliness_rows(report.sections[TIMELINESS]))
        tallest = max(len(r) for r in rows[:2])
        for index, (chart, view, title, data) in enumerate(zip(self.charts, self.views, titles, rows, strict=True)):
            chart.setTitle(title)
            count = tallest if index < 2 else len(data)
            # sized before the bars go in: an axis laid out too short for its names elides them all to "…"
            view.setFixedHeight(90 + BAR_ROW_PX * max(2, count))
            chart.resize(max(view.width(), 300), view.height())
            self.bars[index] = coverage_bars(chart, data)
