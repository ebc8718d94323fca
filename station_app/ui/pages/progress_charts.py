"""The progress page's charts (QtCharts), the same three as the weekly report's: cumulative residents examined
per day, coverage per target group, coverage per village (lowest first). Imported only when the progress page
shows its first figures: QtCharts is a large library and the app's start must not load it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (QAreaSeries, QBarCategoryAxis, QBarSet, QChart, QChartView, QDateTimeAxis,
                              QHorizontalBarSeries, QLineSeries, QValueAxis)
from PySide6.QtCore import QCoreApplication, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QWidget

from station_app.services.station.progress import Coverage, ProgressSnapshot


BAR_COLOUR = QColor("#2e6bad")  # the weekly report's bars and line (services.station.progress_report)
LINE_COLOUR = QColor("#cc551a")
PERIOD_COLOUR = QColor("#ffedcc")
BAR_ROW_PX = 26  # per village: the names stay readable however many villages there are
MAX_VILLAGE_BARS = 40  # as the weekly report (services.station.progress_report), without loading reportlab here


def new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSize(11)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 12, 4))
    chart.setBackgroundRoundness(4)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setLocalizeNumbers(True)  # 51,4 % as Vietnamese write it (the interface language's locale)
    return chart


def chart_view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


class ProgressCharts(QWidget):
    """Three chart views; ``show_snapshot`` redraws them. ``village_bars``, ``group_bars`` and ``cumulative``
    are the drawn series (for tests and for reading the values back)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_chart, self.group_chart, self.village_chart = new_chart(""), new_chart(""), new_chart("")
        self.line_view, self.group_view, self.village_view = (
            chart_view(c) for c in (self.line_chart, self.group_chart, self.village_chart))
        for view in (self.line_view, self.group_view):
            view.setMinimumHeight(300)
        self.cumulative: QLineSeries | None = None
        self.group_bars: QBarSet | None = None
        self.village_bars: QBarSet | None = None
        self.village_names: list[str] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 8, 0, 8)
        grid.addWidget(self.line_view, 0, 0)
        grid.addWidget(self.group_view, 0, 1)
        grid.addWidget(self.village_view, 1, 0, 1, 2)

    def show_snapshot(self, s: ProgressSnapshot) -> None:
        self._show_cumulative(s)
        _t = QCoreApplication.translate
        self.group_chart.setTitle(self.tr("Tỷ lệ đã khám theo nhóm đối tượng (%)"))
        self.group_bars = coverage_bars(self.group_chart, [(_t("labels", g.label), g.coverage) for g in s.groups])
        self._show_villages(s)

    def _show_cumulative(self, s: ProgressSnapshot) -> None:
        chart = self.line_chart
        _clear(chart)
        chart.setTitle(self.tr("Số người đã khám cộng dồn theo ngày"))
        series = QLineSeries()
        series.setPen(QPen(LINE_COLOUR, 2.5))
        points = s.cumulative_to_date or tuple((d.day, d.cumulative_examined) for d in s.days)
        for day, count in points:
            series.append(_msecs(day), count)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("dd/MM")
        x_axis.setTickCount(min(8, max(2, len(points))))
        if points:
            x_axis.setRange(_moment(points[0][0]), _moment(points[-1][0] if len(points) > 1
                                                            else points[0][0] + dt.timedelta(days=1)))
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.0f")
        y_axis.setRange(0, max([1] + [c for _, c in points]) * 1.1)
        y_axis.applyNiceNumbers()
        period = _period_band(s, y_axis.max()) if len(points) > 1 else None
        if period is not None:
            chart.addSeries(period)  # first: drawn under the line
        chart.addSeries(series)
        for axis, side in ((x_axis, Qt.AlignmentFlag.AlignBottom), (y_axis, Qt.AlignmentFlag.AlignLeft)):
            chart.addAxis(axis, side)
            for attached in (period, series):
                if attached is not None:
                    attached.attachAxis(axis)
        self.cumulative = series

    def _show_villages(self, s: ProgressSnapshot) -> None:
        _t = QCoreApplication.translate
        several = len({v.commune_code for v in s.villages}) > 1
        rows = [(_village_name(_t("labels", v.label), v.commune_name if several else ""), v.coverage)
                for v in s.villages if v.coverage.roster]
        rows.sort(key=lambda r: (r[1].rate, r[0]))
        title = self.tr("Tỷ lệ đã khám theo thôn/bản (%), thấp nhất trước")
        if len(rows) > MAX_VILLAGE_BARS:
            title = self.tr("Tỷ lệ đã khám theo thôn/bản (%): {n} thôn/bản thấp nhất trong {total}").format(
                n=MAX_VILLAGE_BARS, total=len(rows))
            rows = rows[:MAX_VILLAGE_BARS]
        self.village_chart.setTitle(title)
        self.village_names = [name for name, _ in rows]
        # Sized before the bars go in: an axis laid out while too short for its names elides them all to "…"
        self.village_view.setFixedHeight(90 + BAR_ROW_PX * max(1, len(rows)))
        self.village_chart.resize(self.village_view.width(), self.village_view.height())
        self.village_bars = coverage_bars(self.village_chart, rows)


def coverage_bars(chart: QChart, rows: Sequence[tuple[str, Coverage]]) -> QBarSet:
    """Horizontal bars of coverage (%), the first row at the top."""
    _clear(chart)
    ordered = list(reversed(rows))  # Qt draws the first category at the bottom
    bars = QBarSet("%")
    bars.setColor(BAR_COLOUR)
    bars.setBorderColor(BAR_COLOUR)
    bars.setLabelColor(QColor("#222222"))  # outside the bar, on white: the default white label would vanish
    for _, coverage in ordered:
        bars.append(round(coverage.rate * 100, 1))
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setBarWidth(0.7)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value %")
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([name for name, _ in ordered] or [""])
    names.setTruncateLabels(False)  # QtCharts elided every village name to "…" though they fit
    values = QValueAxis()
    values.setRange(0, 100)
    values.setTickCount(6)
    values.setLabelFormat("%.0f")
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(values)
    return bars


def _period_band(s: ProgressSnapshot, top: float) -> QAreaSeries | None:
    """The report's period shaded behind the line (as the weekly report does); None for the whole campaign."""
    if s.date_from <= s.campaign_start:
        return None
    upper, lower = QLineSeries(), QLineSeries()
    for day in (s.date_from, s.date_to + dt.timedelta(days=1) if s.date_to == s.date_from else s.date_to):
        upper.append(_msecs(day), top)
        lower.append(_msecs(day), 0)
    band = QAreaSeries(upper, lower)
    band.setColor(PERIOD_COLOUR)
    band.setBorderColor(PERIOD_COLOUR)
    upper.setParent(band)  # the edges live as long as the area, which the chart owns once added
    lower.setParent(band)
    return band


def _short(commune: str) -> str:
    return commune.removeprefix("Xã ").removeprefix("Phường ").removeprefix("Thị trấn ")


def _village_name(village: str, commune: str) -> str:
    """The village, with its commune in brackets when there is one to name."""
    short = _short(commune)
    return f"{village} ({short})" if short else village


def _moment(day: dt.date) -> QDateTime:
    return QDateTime(day, QTime(0, 0))


def _msecs(day: dt.date) -> float:
    return float(_moment(day).toMSecsSinceEpoch())
