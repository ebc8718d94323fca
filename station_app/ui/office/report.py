"""The report page: the office report (``services/office/report.py``) on screen, its charts, and saved as PDF,
XLSX or CSV with the same writer as ``station-app office report``."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.ui import printing
from station_app.ui.errors import report as report_error
from station_app.ui.office import operations as ops
from station_app.ui.office.common import figure_key, fill_table, make_table, number
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, message_label, scrolling_page, show_message

if TYPE_CHECKING:
    from station_app.services.office.report import OfficeReport, Section
    from station_app.services.office.service import OfficeService
    from station_app.ui.office.report_charts import OfficeCharts

# The report's own words (services/office/report.py writes them in Vietnamese into the files), for the screen
REPORT_WORDS = (
    QT_TRANSLATE_NOOP("OfficeReport", "Tiến độ theo xã/phường"),
    QT_TRANSLATE_NOOP("OfficeReport", "Tiến độ theo nhóm đối tượng"),
    QT_TRANSLATE_NOOP("OfficeReport", "Tiến độ theo nguồn kinh phí"),
    QT_TRANSLATE_NOOP("OfficeReport", "Lô dữ liệu theo trạm"),
    QT_TRANSLATE_NOOP("OfficeReport", "Thời gian từ khám xong đến khi nhận (quy định 24 giờ)"),
    QT_TRANSLATE_NOOP("OfficeReport", "Có thể thanh toán trùng (CV 1129): một số CCCD khám ở hai trạm"),
    QT_TRANSLATE_NOOP("OfficeReport", "Mã xã"), QT_TRANSLATE_NOOP("OfficeReport", "Nhóm đối tượng"),
    QT_TRANSLATE_NOOP("OfficeReport", "Nguồn kinh phí"), QT_TRANSLATE_NOOP("OfficeReport", "Lượt khám nhận được"),
    QT_TRANSLATE_NOOP("OfficeReport", "Đã khám xong"), QT_TRANSLATE_NOOP("OfficeReport", "Tỉ lệ xong"),
    QT_TRANSLATE_NOOP("OfficeReport", "Mã trạm"), QT_TRANSLATE_NOOP("OfficeReport", "Tên trạm"),
    QT_TRANSLATE_NOOP("OfficeReport", "Số lô đã nhận"), QT_TRANSLATE_NOOP("OfficeReport", "Lô mới nhất"),
    QT_TRANSLATE_NOOP("OfficeReport", "Lô còn thiếu"), QT_TRANSLATE_NOOP("OfficeReport", "Lô bị cách ly"),
    QT_TRANSLATE_NOOP("OfficeReport", "Lượt khám xong"), QT_TRANSLATE_NOOP("OfficeReport", "Nhận trong 24 giờ"),
    QT_TRANSLATE_NOOP("OfficeReport", "Tỉ lệ"), QT_TRANSLATE_NOOP("OfficeReport", "Trung vị (giờ)"),
    QT_TRANSLATE_NOOP("OfficeReport", "Lâu nhất (giờ)"), QT_TRANSLATE_NOOP("OfficeReport", "Số CCCD"),
    QT_TRANSLATE_NOOP("OfficeReport", "Đợt khám"), QT_TRANSLATE_NOOP("OfficeReport", "Các trạm"),
    QT_TRANSLATE_NOOP("OfficeReport", "Số lượt khám"),
    QT_TRANSLATE_NOOP("OfficeReport", "Lượt khám theo mẫu khám sức khỏe (QĐ 1551, phụ lục PL01)"),
    QT_TRANSLATE_NOOP("OfficeReport", "Lượt khám theo mã đối tượng (DOI_TUONG, QĐ 1551)"),
    QT_TRANSLATE_NOOP("OfficeReport", "Mẫu"), QT_TRANSLATE_NOOP("OfficeReport", "Ghi trước QĐ 1551"),
    QT_TRANSLATE_NOOP("OfficeReport", "Mã đối tượng"),
)
REPORTS_FOLDER = "reports"  # the PDFs made for printing, in the office folder
FORMATS = {".pdf": QT_TRANSLATE_NOOP("OfficeReportPage", "Tệp PDF (*.pdf)"),
           ".xlsx": QT_TRANSLATE_NOOP("OfficeReportPage", "Bảng tính Excel (*.xlsx)"),
           ".csv": QT_TRANSLATE_NOOP("OfficeReportPage", "Tệp CSV (*.csv)")}


def _word(text: str) -> str:
    return QCoreApplication.translate("OfficeReport", text)


class OfficeReportPage(Retranslating):
    """Read on the database lane when shown; charts over one tab per section; three "save as" buttons."""

    def __init__(self, service: OfficeService, tasks: TaskRunner) -> None:
        super().__init__()
        self._service, self._tasks = service, tasks
        self.report: OfficeReport | None = None
        self.charts: OfficeCharts | None = None  # QtCharts loads with the first report
        self.loading = False
        self.last_saved: Path | None = None
        self.last_printed: Path | None = None
        self.title, self.scope, self.state = heading(), QLabel(), QLabel()
        for label in (self.scope, self.state):
            label.setObjectName("hint")
        self.save_buttons = {suffix: QPushButton() for suffix in FORMATS}
        self.save_buttons[".pdf"].setObjectName("primary")
        for suffix, button in self.save_buttons.items():
            button.clicked.connect(lambda _=False, s=suffix: self.save(s))
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_report)
        self.printer = printing.DocumentPrinter(tasks, self)
        self.printer.printed.connect(lambda: show_message(self.message, self.tr("Đã gửi báo cáo đến máy in."), ok=True))
        self.printer.failed.connect(lambda: show_message(self.message, self.tr(
            "Không in được. Hãy kiểm tra máy in, hoặc bấm \"Lưu PDF…\" để lưu và in ở máy khác.")))
        self.message = message_label()
        self.chart_box = QVBoxLayout()
        self.tabs = QTabWidget()
        self.tabs.setMinimumHeight(260)
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(self.state)
        top.addWidget(self.print_button)
        for button in self.save_buttons.values():
            top.addWidget(button)
        scrolling_page(self, (top, self.scope, self.message), (self.tabs, self.chart_box))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Báo cáo"))
        texts = {".pdf": self.tr("Lưu PDF…"), ".xlsx": self.tr("Lưu Excel…"), ".csv": self.tr("Lưu CSV…")}
        for suffix, button in self.save_buttons.items():
            button.setText(texts[suffix])
        self.print_button.setText(self.tr("In…"))
        if self.report is not None:
            self.show_report(self.report)
        self._enable()

    # -- reading ------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.loading = True
        self._enable()
        self.state.setText(self.tr("Đang tính…"))
        self._tasks.run(ops.make_report(self._service), parent=self, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, made: OfficeReport) -> None:
        self.loading = False
        self.state.setText("")
        self.show_report(made)
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.state.setText("")
        self._enable()
        report_error(self, self.message, exc)

    def _enable(self) -> None:
        for button in (*self.save_buttons.values(), self.print_button):
            button.setEnabled(self.report is not None and not self.loading)

    # -- showing ------------------------------------------------------------------------------------------------
    def show_report(self, made: OfficeReport) -> None:
        self.report = made
        self.scope.setText(self.tr("{office} · số liệu đến {time} · không tính lượt khám đã huỷ").format(
            office=made.office, time=f"{made.made_at:%d/%m/%Y %H:%M}"))
        current = self.tabs.currentIndex()
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        for index, section in enumerate(made.sections):
            self.tabs.addTab(self._table(section), self._tab_title(index, section))
        self.tabs.setCurrentIndex(max(0, current))
        if self.charts is None:
            from station_app.ui.office.report_charts import OfficeCharts  # QtCharts loads here, on first use

            self.charts = OfficeCharts(self)
            self.chart_box.addWidget(self.charts)
        self.charts.show_report(made)
        self.charts.setVisible(any(s.rows for s in made.sections))  # empty axes say nothing: the tabs say why

    def _table(self, section: Section) -> QWidget:
        table = make_table()
        rows = [[(number(v), v) if isinstance(v, int) else (str(v), figure_key(str(v))) for v in row]
                for row in section.rows]
        fill_table(table, [_word(c) for c in section.columns], rows)
        if not rows:
            table.setToolTip(self.tr("Chưa có số liệu."))
        wrapper = QWidget()
        layout = QVBoxLayout(wrapper)
        layout.setContentsMargins(4, 4, 4, 4)
        title = QLabel(_word(section.title))
        title.setObjectName("subheading")
        title.setWordWrap(True)
        layout.addWidget(title)
        if not rows:
            empty = QLabel(self.tr("Chưa có số liệu: nhập lô của các trạm ở trang \"Nhập lô\"."))
            empty.setObjectName("hint")
            layout.addWidget(empty)
        layout.addWidget(table, 1)
        return wrapper

    def _tab_title(self, index: int, section: Section) -> str:
        """Short, so that the tabs fit a 1366-px screen; the whole title heads the tab's table."""
        short = (self.tr("Theo xã/phường"), self.tr("Theo nhóm đối tượng"), self.tr("Theo nguồn kinh phí"),
                 self.tr("Lô theo trạm"), self.tr("Quy định 24 giờ"), self.tr("Có thể thanh toán trùng"),
                 self.tr("Theo mẫu khám"), self.tr("Theo mã đối tượng"), self.tr("Liên thông quốc gia"))
        return short[index] if index < len(short) else _word(section.title)

    # -- saving -------------------------------------------------------------------------------------------------
    def save(self, suffix: str) -> None:
        """Ask where (a USB stick first), then write the report shown, on the CPU pool."""
        if self.report is None:
            return
        name = f"bao-cao-don-vi-nhan-{dt.datetime.now():%Y%m%d-%H%M}{suffix}"
        path = printing.ask_save_path(self, self.tr("Lưu báo cáo"), name,
                                      QCoreApplication.translate("OfficeReportPage", FORMATS[suffix]))
        if path is None:
            return
        self.state.setText(self.tr("Đang ghi báo cáo…"))
        self._tasks.run(ops.save_report(report=self.report, path=path), parent=self, on_done=self._saved,
                        on_error=self._save_failed)

    def print_report(self) -> None:
        """Write the PDF in the office folder's ``reports/`` in the background, then the print preview."""
        if self.report is None:
            return
        path = self._service.folder / REPORTS_FOLDER / f"bao-cao-{dt.datetime.now():%Y%m%d-%H%M%S}.pdf"
        self.state.setText(self.tr("Đang chuẩn bị bản in…"))
        self._tasks.run(ops.save_report(report=self.report, path=path), parent=self, on_done=self._print_ready,
                        on_error=self._save_failed)

    def _print_ready(self, path: Path) -> None:
        self.state.setText("")
        self.last_printed = path
        self.printer.print_file(path)

    def _saved(self, path: Path) -> None:
        self.state.setText("")
        self.last_saved = path
        show_message(self.message, self.tr("Đã lưu báo cáo vào {path}").format(path=path), ok=True)

    def _save_failed(self, exc: BaseException) -> None:
        self.state.setText("")
        report_error(self, self.message, exc)


