"""The weekly progress report (PDF) for the review meeting, from one ``ProgressSnapshot``.

Page 1: the headline figures, the cumulative examined per day (line) and coverage per target group (bars);
then coverage per village (bars, lowest first: where to go next) and the tables per village, target group,
school and class, and day. The header, footer ("Trang x/y", who printed it and when) and the embedded DejaVu
Sans come from ``report_pdf``; the charts are reportlab.graphics drawings in the same font.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from station_app.core.text import number, percent
from station_app.services.common.report_pdf import FONT, FONT_BOLD, PORTRAIT_WIDTH, Column, Report, ReportHeader
from station_app.services.station.progress import NO_CLASS, Coverage, ProgressSnapshot

TITLE = "BÁO CÁO TIẾN ĐỘ KHÁM SỨC KHỎE"
MAX_VILLAGE_BARS = 40  # more would not be readable on one page; the lowest coverage is what matters
_BAR = colors.Color(0.18, 0.42, 0.68)
_LINE = colors.Color(0.80, 0.33, 0.10)
_GRID = colors.Color(0.85, 0.85, 0.85)
_PERIOD = colors.Color(1.0, 0.93, 0.80)
_LABEL_PT = 7


def render_weekly_report(path: str | Path, snapshot: ProgressSnapshot, *, station_name: str, commune: str,
                         printed_by: str, printed_at: dt.datetime | None = None) -> int:
    """Write the report to ``path``; returns the number of pages. Raises OSError when it cannot be written."""
    report = Report(_header(snapshot, station_name, commune, printed_by, printed_at), landscape=False)
    _headline(report, snapshot)
    report.flowable(cumulative_chart(snapshot))
    report.flowable(group_chart(snapshot))
    report.page_break()
    report.flowable(village_chart(snapshot))
    _tables(report, snapshot)
    return report.write(path)


def _header(s: ProgressSnapshot, station_name: str, commune: str, printed_by: str,
            printed_at: dt.datetime | None) -> ReportHeader:
    site = s.site_name if s.site_id else f"{station_name} (tất cả điểm khám)"
    return ReportHeader(title=TITLE, site=site, commune=commune, campaign=s.campaign_name,
                        period=f"Từ {s.date_from:%d/%m/%Y} đến {s.date_to:%d/%m/%Y}", printed_by=printed_by,
                        printed_at=printed_at or dt.datetime.now(),
                        subtitle=f"Số liệu đến hết ngày {s.date_to:%d/%m/%Y}; trong kỳ: từ {s.date_from:%d/%m/%Y}")


def _headline(report: Report, s: ProgressSnapshot) -> None:
    o, v = s.overall, s.visits
    classes = ", ".join(f"loại {c.health_class.value}: {number(c.count)}" for c in s.health_classes)
    report.totals([
        ("Người dân trong danh sách", number(o.roster)),
        ("Đã khám xong (từ đầu đợt)", f"{number(o.examined)} ({percent(o.rate)})"),
        ("Khám xong lần đầu trong kỳ", number(o.examined_in_period)),
        ("Đang khám / đã đăng ký, chờ khám", f"{number(o.in_progress)} / {number(o.waiting)}"),
        ("Chưa đến khám", number(o.not_seen)),
        ("Lượt đăng ký trong kỳ (kể cả đã huỷ)", number(v.registered)),
        ("Tỷ lệ hoàn thành (xong / đăng ký)", f"{percent(v.completion_rate)} ({number(v.completed)})"),
        ("Tỷ lệ chuyển tuyến (/ khám xong)", f"{percent(v.referral_rate)} ({number(v.referred)})"),
    ], title="Kết quả chính")
    report.paragraph(f"Phân loại sức khỏe trong kỳ: {classes}; chưa có kết luận: {number(s.without_conclusion)}.")
    report.spacer(2)


# -- charts ---------------------------------------------------------------------------------------------------

def _drawing(height: float, title: str) -> Drawing:
    drawing = Drawing(PORTRAIT_WIDTH, height)
    drawing.initialFontName = FONT  # else reportlab's renderer sets Helvetica, a font not embedded
    drawing.add(String(0, height - 10, title, fontName=FONT_BOLD, fontSize=9))
    return drawing


def cumulative_chart(s: ProgressSnapshot) -> Drawing:
    """Residents examined from the campaign's start, day by day up to the period's end (a line); the period
    is shaded, so a week's progress is read against the whole campaign's."""
    height = 70 * mm
    points = [(day.toordinal(), n) for day, n in s.cumulative_to_date] or [(s.date_to.toordinal(), 0)]
    if len(points) == 1:  # one day: a flat segment rather than a lone point
        points.append((points[0][0] + 1, points[0][1]))
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 40, 22, PORTRAIT_WIDTH - 60, height - 45
    first, last = points[0][0], points[-1][0]
    shaded = s.date_from.toordinal() > first  # a period shorter than the campaign so far
    drawing = _drawing(height, "Số người đã khám xong, cộng dồn từ đầu đợt"
                       + (" (vùng tô màu: kỳ báo cáo)" if shaded else ""))
    if shaded:
        _shade_period(drawing, plot, s, first, last)
    plot.data = [points]
    plot.lines[0].strokeColor, plot.lines[0].strokeWidth = _LINE, 1.5
    _axis_font(plot.xValueAxis, plot.yValueAxis)
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = first, last
    plot.xValueAxis.valueSteps = _date_ticks(first, last)
    plot.xValueAxis.labelTextFormat = lambda v: dt.date.fromordinal(int(v)).strftime("%d/%m")
    plot.yValueAxis.valueMin = 0
    plot.yValueAxis.valueMax = max(10, max(y for _, y in points) * 1.1)
    plot.yValueAxis.labelTextFormat = lambda v: number(int(v))
    plot.yValueAxis.visibleGrid, plot.yValueAxis.gridStrokeColor = True, _GRID
    drawing.add(plot)
    reached = points[-1][1]
    # top left of the plot: the line starts low there
    drawing.add(String(plot.x + 6, plot.y + plot.height - 10, f"Đến {s.date_to:%d/%m/%Y}: {number(reached)} người "
                       f"({percent(reached / s.overall.roster if s.overall.roster else 0.0)} danh sách)",
                       fontName=FONT_BOLD, fontSize=_LABEL_PT + 1))
    return drawing


def _shade_period(drawing: Drawing, plot: LinePlot, s: ProgressSnapshot, first: int, last: int) -> None:
    span = max(1, last - first)
    left = plot.x + plot.width * (max(first, s.date_from.toordinal()) - first) / span
    right = plot.x + plot.width * (min(last, s.date_to.toordinal()) - first) / span
    drawing.add(Rect(left, plot.y, max(1.5, right - left), plot.height, fillColor=_PERIOD, strokeColor=None))


def _date_ticks(first: int, last: int, most: int = 10) -> list[int]:
    step = max(1, -(-(last - first) // most))
    return list(range(first, last + 1, step))


def group_chart(s: ProgressSnapshot) -> Drawing:
    """Coverage (%) per target group, a bar each."""
    rows = [(g.label, g.coverage) for g in s.groups]
    return _coverage_bars(rows, "Tỷ lệ đã khám theo nhóm đối tượng (%)")


def village_chart(s: ProgressSnapshot) -> Drawing:
    """Coverage (%) per village, lowest first; at most MAX_VILLAGE_BARS (the lowest) when there are more."""
    several = len({v.commune_code for v in s.villages}) > 1
    rows = [(f"{v.label} ({_short_commune(v.commune_name)})" if several else v.label, v.coverage)
            for v in s.villages if v.coverage.roster]
    rows.sort(key=lambda r: (r[1].rate, r[0]))
    title = "Tỷ lệ đã khám theo thôn/bản (%), thấp nhất trước"
    if len(rows) > MAX_VILLAGE_BARS:
        title += f": {MAX_VILLAGE_BARS} thôn/bản thấp nhất trong {len(rows)}"
    return _coverage_bars(rows[:MAX_VILLAGE_BARS], title)


def _short_commune(name: str) -> str:
    return name.removeprefix("Xã ").removeprefix("Phường ").removeprefix("Thị trấn ")


def _coverage_bars(rows: Sequence[tuple[str, Coverage]], title: str) -> Drawing:
    bar_height = 5.2 * mm
    height = max(1, len(rows)) * bar_height + 30
    drawing = _drawing(height, title)
    if not rows:
        drawing.add(String(0, 4, "Chưa có số liệu.", fontName=FONT, fontSize=_LABEL_PT + 1))
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 62 * mm, 14, PORTRAIT_WIDTH - 62 * mm - 30, height - 34
    ordered = list(reversed(rows))  # reportlab draws the first bar at the bottom
    chart.data = [[round(c.rate * 100, 1) for _, c in ordered]]
    chart.categoryAxis.categoryNames = [_fit(label, 58 * mm) for label, _ in ordered]
    chart.bars[0].fillColor, chart.bars[0].strokeColor = _BAR, None
    chart.barLabelFormat = lambda v: f"{v:.1f}".replace(".", ",")
    chart.barLabels.fontName, chart.barLabels.fontSize = FONT, _LABEL_PT - 0.5
    chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 2
    _axis_font(chart.categoryAxis, chart.valueAxis)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 10
    chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = True, _GRID
    drawing.add(chart)
    return drawing


def _axis_font(*axes: object) -> None:
    for axis in axes:
        axis.labels.fontName, axis.labels.fontSize = FONT, _LABEL_PT


def _fit(label: str, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(label, FONT, _LABEL_PT) <= width:
        return label
    while label and stringWidth(label + "…", FONT, _LABEL_PT) > width:
        label = label[:-1]
    return label + "…"


# -- tables ---------------------------------------------------------------------------------------------------

_COVERAGE_COLUMNS = [Column("Danh sách", 16, "RIGHT"), Column("Đã khám", 15, "RIGHT"), Column("Tỷ lệ", 14, "RIGHT"),
                     Column("Mới trong kỳ", 15, "RIGHT"), Column("Đang khám", 14, "RIGHT"),
                     Column("Chờ khám", 14, "RIGHT"), Column("Chưa đến", 14, "RIGHT")]


def _coverage_cells(c: Coverage) -> list[str]:
    return [number(c.roster), number(c.examined), percent(c.rate), number(c.examined_in_period),
            number(c.in_progress), number(c.waiting), number(c.not_seen)]


def _tables(report: Report, s: ProgressSnapshot) -> None:
    report.heading("Theo thôn/bản")
    report.table([Column("Xã", 26), Column("Thôn/bản", 36), *_COVERAGE_COLUMNS],
                 [[v.commune_name, v.label, *_coverage_cells(v.coverage)] for v in s.villages]
                 + [["", "Tổng cộng", *_coverage_cells(s.overall)]])
    report.heading("Theo nhóm đối tượng")
    report.paragraph("Một người có thể thuộc nhiều nhóm, nên các nhóm cộng lại nhiều hơn tổng số.")
    report.table([Column("Nhóm đối tượng", 62), *_COVERAGE_COLUMNS],
                 [[g.label, *_coverage_cells(g.coverage)] for g in s.groups])
    report.heading("Học sinh theo trường và lớp")
    report.table([Column("Trường", 52), Column("Lớp", 10), *_COVERAGE_COLUMNS],
                 [[c.school, c.school_class or NO_CLASS, *_coverage_cells(c.coverage)] for c in s.classes]
                 + ([["", "Tổng cộng", *_coverage_cells(s.pupils)]] if s.classes else []),
                 empty_text="Không có học sinh nào trong danh sách.")
    _day_table(report, s)


def _day_table(report: Report, s: ProgressSnapshot) -> None:
    report.heading("Theo ngày")
    report.paragraph("Lượt khám tính theo ngày khám; ngày không có lượt nào được bỏ qua.")
    roster = s.overall.roster
    rows = [[f"{d.day:%d/%m/%Y}", number(d.registered), number(d.completed), number(d.referred),
             number(d.cancelled), number(d.newly_examined), number(d.cumulative_examined),
             percent(d.cumulative_examined / roster if roster else 0.0)] for d in s.days if d.registered]
    report.table([Column("Ngày", 22), Column("Đăng ký", 15, "RIGHT"), Column("Khám xong", 15, "RIGHT"),
                  Column("Chuyển tuyến", 16, "RIGHT"), Column("Đã huỷ", 13, "RIGHT"),
                  Column("Người khám mới", 18, "RIGHT"), Column("Cộng dồn", 16, "RIGHT"),
                  Column("% danh sách", 16, "RIGHT")], rows, empty_text="Không có lượt khám nào trong kỳ.")
