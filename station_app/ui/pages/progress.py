"""The coordinator's progress page: residents examined against the roster, overall, per village, target group,
school and class, day by day, with charts, and the weekly report (PDF) for the review meeting.

Every figure is one ``ProgressService.snapshot`` read on the database lane (docs/PROGRESS.md). QtCharts is
imported when the first snapshot arrives, i.e. once the page is shown: it costs ~100 ms and the app's start
must not pay for it.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout)

from station_app.core.names import normalise_name
from station_app.services.station.progress import ProgressFilter
from station_app.ui import printing
from station_app.ui.errors import report
from station_app.ui.labels import number, percent
from station_app.ui.pages import operations as ops
from station_app.ui.tasks import Operation, TaskRunner
from station_app.ui.widgets import Retranslating, heading, load_once, message_label, scrolling_page, show_message

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.progress import Coverage, ProgressChoices, ProgressSnapshot
    from station_app.services.station.station_setup import StationInfo
    from station_app.ui.pages.progress_charts import ProgressCharts

log = logging.getLogger(__name__)
WEEK, MONTH, CAMPAIGN, CUSTOM = "week", "month", "campaign", "custom"
REPORT_FOLDER = "lists"  # the PDFs made for printing, in the data folder


def period_of(choice: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The filter's (from, to) for a period choice; None lets the service use the campaign's own bounds."""
    if choice == WEEK:
        return today - dt.timedelta(days=today.weekday()), None
    if choice == MONTH:
        return today.replace(day=1), None
    return None, None


class _Figure:
    """A big number with its caption and a smaller line under it."""

    def __init__(self, grid: QGridLayout, column: int) -> None:
        self.value, self.caption, self.detail = QLabel("–"), QLabel(), QLabel()
        self.value.setObjectName("figure")
        self.detail.setObjectName("hint")
        for row, label in enumerate((self.value, self.caption, self.detail)):
            label.setWordWrap(True)
            grid.addWidget(label, row, column)


class ProgressPage(Retranslating):
    """Filters (period, site) over headline figures, charts and tables; the weekly report as PDF or on paper."""

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None = None) -> None:
        super().__init__()
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self.snapshot: ProgressSnapshot | None = None
        self.station: StationInfo | None = None
        self.charts: ProgressCharts | None = None  # made when the first figures arrive
        self.loading = False
        self._generation = 0
        self._reload = load_once(self, self.load)
        self.printer = printing.DocumentPrinter(tasks, self, on_printed=self._printed, on_failed=self._print_failed)
        self._build()
        self.retranslate()

    # -- building ---------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = heading()
        self.period, self.site = QComboBox(), QComboBox()
        for key in (WEEK, MONTH, CAMPAIGN, CUSTOM):
            self.period.addItem("", key)
        self.site.addItem("", None)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate.currentDate())
        self.report_button, self.print_button = QPushButton(), QPushButton()
        self.report_button.setObjectName("primary")
        self.state = QLabel()
        self.state.setObjectName("hint")
        self.message = message_label()
        self.scope = QLabel()
        self.scope.setObjectName("hint")
        self.scope.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        self.figures = [_Figure(grid, i) for i in range(5)]
        self.chart_box = QVBoxLayout()
        self.tables = QTabWidget()
        self.village_table, self.group_table, self.class_table = (self._table() for _ in range(3))
        for table in (self.village_table, self.group_table, self.class_table):
            self.tables.addTab(table, "")
        self._lay_out(grid)
        self._connect()

    @staticmethod
    def _table() -> QTableWidget:
        table = QTableWidget()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setMinimumHeight(260)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _lay_out(self, grid: QGridLayout) -> None:
        self.filter_labels = [QLabel() for _ in range(4)]
        filters = QHBoxLayout()
        for label, widget in zip(self.filter_labels, (self.period, self.date_from, self.date_to, self.site),
                                 strict=True):
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch()
        filters.addWidget(self.state)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(self.print_button)
        top.addWidget(self.report_button)
        scrolling_page(self, (top, filters, self.message), (self.scope, grid, self.chart_box, self.tables))

    def _connect(self) -> None:
        self.period.currentIndexChanged.connect(self._period_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._reload.start)
        self.site.currentIndexChanged.connect(self._reload.start)
        self.report_button.clicked.connect(self.save_report)
        self.print_button.clicked.connect(self.print_report)
        self._period_changed()

    # -- texts ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Tiến độ"))
        periods = {WEEK: self.tr("Tuần này"), MONTH: self.tr("Tháng này"), CAMPAIGN: self.tr("Cả đợt khám"),
                   CUSTOM: self.tr("Tự chọn")}
        for row in range(self.period.count()):
            self.period.setItemText(row, periods[self.period.itemData(row)])
        self.site.setItemText(0, self.tr("Tất cả điểm khám"))
        for label, text in zip(self.filter_labels, (self.tr("Kỳ:"), self.tr("Từ ngày:"), self.tr("Đến ngày:"),
                                                    self.tr("Điểm khám:")), strict=True):
            label.setText(text)
        self.report_button.setText(self.tr("Báo cáo tuần (PDF)…"))
        self.print_button.setText(self.tr("In báo cáo…"))
        for figure, text in zip(self.figures, (self.tr("người đã khám / danh sách"), self.tr("tỷ lệ đã khám"),
                                               self.tr("khám lần đầu trong kỳ"), self.tr("tỷ lệ hoàn thành"),
                                               self.tr("tỷ lệ chuyển tuyến")), strict=True):
            figure.caption.setText(text)
        for index, text in enumerate((self.tr("Theo thôn/bản"), self.tr("Theo nhóm đối tượng"),
                                      self.tr("Học sinh theo trường, lớp"))):
            self.tables.setTabText(index, text)
        if self.snapshot is not None:
            self.show_snapshot(self.snapshot)

    # -- filters and loading ----------------------------------------------------------------------------
    def _period_changed(self) -> None:
        custom = self.period.currentData() == CUSTOM
        for widget in (self.date_from, self.date_to, *self.filter_labels[1:3]):
            widget.setVisible(custom)
        self._reload.start()

    def filters(self, today: dt.date | None = None) -> ProgressFilter:
        """What the filters say, as the progress service takes it."""
        if self.period.currentData() == CUSTOM:
            start, end = (dt.date(d.year(), d.month(), d.day()) for d in (self.date_from.date(), self.date_to.date()))
            since, to = min(start, end), max(start, end)
        else:
            since, to = period_of(self.period.currentData(), today or dt.date.today())
        return ProgressFilter(site_id=self.site.currentData(), date_from=since, date_to=to)

    def refresh(self) -> None:
        """The page was shown: the sites to choose from once, then the figures."""
        if self.station is None:
            self._tasks.run(ops.progress_choices(self._ctx), parent=self, on_done=self._show_choices)
        self._reload.start()

    def _show_choices(self, found: tuple[ProgressChoices, StationInfo]) -> None:
        choices, self.station = found
        self.site.blockSignals(True)
        for choice in choices.sites:
            self.site.addItem(choice.name, choice.id)
        self.site.blockSignals(False)
        if len(choices.sites) < 2:
            self.site.setEnabled(False)  # one site: "all sites" is the same thing
        if dt.date.today() > self.station.campaign_end and self.period.currentData() == WEEK:
            self.period.setCurrentIndex(self.period.findData(CAMPAIGN))  # the campaign is over: no "this week"

    def load(self) -> None:
        self._generation += 1
        generation = self._generation
        self.loading = True
        self.state.setText(self.tr("Đang tính…"))
        self._enable()
        self._tasks.run(ops.progress_snapshot(self._ctx, filters=self.filters()), parent=self,
                        on_done=lambda s: self._loaded(generation, s),
                        on_error=lambda exc: self._failed(generation, exc))

    def _loaded(self, generation: int, snapshot: ProgressSnapshot) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.state.setText("")
        show_message(self.message, "")
        self.show_snapshot(snapshot)
        self._enable()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.loading = False
            self.state.setText("")
            self._enable()
            report(self, self.message, exc)

    def _enable(self) -> None:
        for button in (self.report_button, self.print_button):
            button.setEnabled(self.snapshot is not None and not self.loading)

    # -- showing ----------------------------------------------------------------------------------------
    def show_snapshot(self, s: ProgressSnapshot) -> None:
        self.snapshot = s
        site = s.site_name if s.site_id else QCoreApplication.translate("labels", s.site_name)
        self.scope.setText(self.tr("{campaign} · {site} · từ {start} đến {end} (số liệu đến hết ngày {end})").format(
            campaign=s.campaign_name, site=site, start=f"{s.date_from:%d/%m/%Y}", end=f"{s.date_to:%d/%m/%Y}"))
        o, v = s.overall, s.visits
        values = [(f"{number(o.examined)} / {number(o.roster)}",
                   self.tr("chưa đến: {n}").format(n=number(o.not_seen))),
                  (percent(o.rate), self.tr("đang khám {a}, chờ khám {b}").format(a=number(o.in_progress),
                                                                                 b=number(o.waiting))),
                  (number(o.examined_in_period), self.tr("lượt đăng ký trong kỳ: {n}").format(n=number(v.registered))),
                  (percent(v.completion_rate), self.tr("{a} / {b} lượt").format(a=number(v.completed),
                                                                               b=number(v.registered))),
                  (percent(v.referral_rate), self.tr("{a} / {b} lượt").format(a=number(v.referred),
                                                                             b=number(v.completed)))]
        for figure, (value, detail) in zip(self.figures, values, strict=True):
            figure.value.setText(value)
            figure.detail.setText(detail)
        self._show_charts(s)
        self._fill_tables(s)

    def _show_charts(self, s: ProgressSnapshot) -> None:
        if self.charts is None:
            from station_app.ui.pages.progress_charts import ProgressCharts  # QtCharts loads here, on first use

            self.charts = ProgressCharts(self)
            self.chart_box.addWidget(self.charts)
        self.charts.show_snapshot(s)

    def _fill_tables(self, s: ProgressSnapshot) -> None:
        several = len({v.commune_code for v in s.villages}) > 1
        _t = QCoreApplication.translate
        villages = [([v.commune_name] if several else []) + [_t("labels", v.label)] for v in s.villages]
        first = [self.tr("Xã/phường")] if several else []
        _fill(self.village_table, first + [self.tr("Thôn/bản")], villages, [v.coverage for v in s.villages])
        _fill(self.group_table, [self.tr("Nhóm đối tượng")], [[_t("labels", g.label)] for g in s.groups],
              [g.coverage for g in s.groups])
        _fill(self.class_table, [self.tr("Trường"), self.tr("Lớp")],
              [[c.school, c.school_class or QCoreApplication.translate("labels", "(Chưa ghi lớp)")] for c in s.classes],
              [c.coverage for c in s.classes])

    # -- the weekly report --------------------------------------------------------------------------------
    def _write_report(self, path: Path) -> Operation[Path]:
        station = self.station
        return ops.write_weekly_report(path=path, snapshot=self.snapshot, station=station.name if station else "",
                                       commune=station.commune_name if station else "",
                                       printed_by=self._user.full_name if self._user else "")

    def _file_name(self) -> str:
        return f"bao-cao-tien-do-{self.snapshot.date_to:%Y-%m-%d}.pdf"

    def save_report(self) -> None:
        """Ask where (a USB stick first), then write the weekly report of the figures shown."""
        if self.snapshot is None:
            return
        path = printing.ask_save_path(self, self.tr("Lưu báo cáo tiến độ"), self._file_name(),
                                      self.tr("Tệp PDF (*.pdf)"))
        if path is None:
            return
        self.state.setText(self.tr("Đang tạo báo cáo…"))
        self._tasks.run(self._write_report(path), parent=self, on_done=self._report_saved,
                        on_error=self._report_failed)

    def _report_saved(self, path: Path) -> None:
        self.state.setText("")
        self.last_report = path
        show_message(self.message, self.tr("Đã lưu báo cáo vào {path}").format(path=path), ok=True)

    def _report_failed(self, exc: BaseException) -> None:
        self.state.setText("")
        report(self, self.message, exc)

    def print_report(self) -> None:
        """Make the report in the data folder in the background, then show it in the print preview."""
        if self.snapshot is None:
            return
        path = Path(self._ctx.data_dir) / REPORT_FOLDER / f"bao-cao-tien-do-{dt.datetime.now():%Y%m%d-%H%M%S}.pdf"
        self.state.setText(self.tr("Đang chuẩn bị bản in…"))
        self._tasks.run(self._write_report(path), parent=self, on_done=self._print_ready,
                        on_error=self._report_failed)

    def _print_ready(self, path: Path) -> None:
        self.state.setText("")
        self.last_report = path
        self.printer.print_file(path)

    def _printed(self) -> None:
        show_message(self.message, self.tr("Đã gửi báo cáo đến máy in."), ok=True)

    def _print_failed(self) -> None:
        show_message(self.message, self.tr("Không in được. Hãy kiểm tra máy in, hoặc bấm \"Báo cáo tuần "
                                           "(PDF)…\" để lưu và in ở máy khác."))


def _fill(table: QTableWidget, names: list[str], labels: list[list[str]], coverages: list[Coverage]) -> None:
    """Label columns, then the coverage columns, one row per place or group."""
    heads = names + [QCoreApplication.translate("ProgressPage", "Danh sách"), QCoreApplication.translate("ProgressPage", "Đã khám"), QCoreApplication.translate("ProgressPage", "Tỷ lệ"),
                     QCoreApplication.translate("ProgressPage", "Mới trong kỳ"), QCoreApplication.translate("ProgressPage", "Đang khám"),
                     QCoreApplication.translate("ProgressPage", "Chờ khám"), QCoreApplication.translate("ProgressPage", "Chưa đến")]
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(heads))
    table.setHorizontalHeaderLabels(heads)
    table.setRowCount(len(labels))
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    table.setSortingEnabled(False)  # filled in the snapshot's order; a header click sorts afterwards
    for row, (label, c) in enumerate(zip(labels, coverages, strict=True)):
        figures = [c.roster, c.examined, c.rate, c.examined_in_period, c.in_progress, c.waiting, c.not_seen]
        for col, text in enumerate(label):
            table.setItem(row, col, SortedCell(text, normalise_name(text)))
        for col, value in enumerate(figures, len(label)):
            item = SortedCell(percent(value) if isinstance(value, float) else number(value), value)
            item.setTextAlignment(right)
            table.setItem(row, col, item)
    table.setSortingEnabled(True)


class SortedCell(QTableWidgetItem):
    """A cell shown as Vietnamese text (1.069, 53,4 %) that sorts by its value."""

    def __init__(self, text: str, key: Any) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.key < getattr(other, "key", self.key)
