"""The office window: a header (the office, its folder, the language) over a left navigation and five pages
(stations, batches, import, report, delivery to the national database). It appears at once; the office opens on the background lane; a folder that
is not an office or a database that cannot be opened is said in the window, with what to do."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QListWidgetItem, QMainWindow,
                               QPushButton, QVBoxLayout, QWidget)

from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.services.office import queries
from station_app.services.office.queries import DUPLICATE, BatchEntry
from station_app.ui import errors, i18n
from station_app.ui.office import operations as ops
from station_app.ui.office.importing import local_paths
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import (PagedNavigation, RetranslatedMixin, Retranslating, header_bar, heading, message_label,
                                     show_message)

if TYPE_CHECKING:
    from station_app.services.office.service import ImportReport, OfficeService

PAGES = (
    ("stations", QT_TRANSLATE_NOOP("OfficeWindow", "Trạm")),
    ("batches", QT_TRANSLATE_NOOP("OfficeWindow", "Lô dữ liệu")),
    ("import", QT_TRANSLATE_NOOP("OfficeWindow", "Nhập lô")),
    ("report", QT_TRANSLATE_NOOP("OfficeWindow", "Báo cáo")),
    ("national", QT_TRANSLATE_NOOP("OfficeWindow", "Liên thông")),
)


class OpeningScreen(Retranslating):
    """What the window shows until the office is open, and why it could not be."""

    choose_folder = Signal()
    retry = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title, self.status = heading(), QLabel()
        self.status.setWordWrap(True)
        self.message = message_label()
        self.choose_button, self.retry_button = QPushButton(), QPushButton()
        self.choose_button.setObjectName("primary")
        self.choose_button.clicked.connect(self.choose_folder)
        self.retry_button.clicked.connect(self.retry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch()
        box = QVBoxLayout()
        for widget in (self.title, self.status, self.message):
            box.addWidget(widget)
        box.addLayout(buttons)
        self.where = QLabel()
        self.where.setObjectName("hint")
        self.where.setWordWrap(True)
        box.insertWidget(3, self.where)
        holder = QFrame()
        holder.setObjectName("card")
        holder.setLayout(box)
        holder.setFixedWidth(720)
        box.setContentsMargins(24, 20, 24, 20)
        row = QHBoxLayout()  # stretches, not an alignment flag: an aligned box loses its wrapped lines' height
        row.addStretch()
        row.addWidget(holder)
        row.addStretch()
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addLayout(row)
        outer.addStretch(2)
        self.show_opening()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Đơn vị nhận dữ liệu"))
        self.choose_button.setText(self.tr("Chọn thư mục đơn vị nhận…"))
        self.retry_button.setText(self.tr("Thử lại"))
        self.where.setText(self.tr("Thư mục của đơn vị nhận là thư mục đã tạo bằng lệnh 'station-app office init' "
                                   "(có keys, office-bundle.json và office.sqlite). Chọn đúng thư mục đó, hoặc mở "
                                   "cửa sổ bằng 'station-app office --dir THƯ_MỤC [--db ĐỊA_CHỈ]'."))

    def show_opening(self) -> None:
        self.status.setText(self.tr("Đang mở dữ liệu của đơn vị nhận…"))
        show_message(self.message, "")
        for widget in (self.choose_button, self.retry_button, self.where):
            widget.hide()

    def show_problem(self, text: str) -> None:
        self.status.setText(self.tr("Không mở được dữ liệu của đơn vị nhận."))
        show_message(self.message, text)
        for widget in (self.choose_button, self.retry_button, self.where):
            widget.show()


class OfficeWindow(RetranslatedMixin, PagedNavigation, QMainWindow):
    """``open()`` starts opening the office on the background lane; ``attach(service)`` builds the pages."""

    closed = Signal()

    def __init__(self, folder: Path, db_url: str | None = None, language: str = "vi",
                 tasks: TaskRunner | None = None) -> None:
        super().__init__()
        self.folder, self.db_url, self.language = Path(folder), db_url, language
        self.tasks = tasks or TaskRunner(self)
        self.service: OfficeService | None = None
        self.pages: dict[str, QWidget] = {}
        self.duplicates: list[BatchEntry] = []  # batches brought again this session: the database keeps no row
        self.resize(1280, 760)
        self.setAcceptDrops(True)
        self._build_header()
        self._build_work(nav_width=190)
        self.opening = OpeningScreen()
        self.opening.choose_folder.connect(self.choose_folder)
        self.opening.retry.connect(self.open)
        self._set_screens(self.header, self.opening, self.work)
        self.retranslate()

    def _build_header(self) -> None:
        self.office_label, self.where_label, self.language_label = QLabel(), QLabel(), QLabel()
        self.office_label.setObjectName("subheading")
        self.language_box = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.language)))
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        self.header = header_bar(self.office_label, None, self.where_label, self.language_label, self.language_box)

    # -- opening ------------------------------------------------------------------------------------------------
    def open(self) -> None:
        self.opening.show_opening()
        self.screens.setCurrentWidget(self.opening)
        self.tasks.run(ops.open_office(folder=self.folder, db_url=self.db_url), parent=self, on_done=self._opened,
                       on_error=self.cannot_open)

    def _opened(self, opened: tuple[OfficeService, Path]) -> None:
        service, log_file = opened
        errors.set_log_file(log_file)
        self.attach(service)

    def cannot_open(self, exc: BaseException) -> None:
        from station_app.core.errors import StationError

        if isinstance(exc, StationError):
            self.opening.show_problem(errors.describe(exc))
        else:
            import logging

            logging.getLogger(__name__).error("the office could not be opened",
                                              exc_info=(type(exc), exc, exc.__traceback__))
            self.opening.show_problem(errors.unexpected_message())
        self.screens.setCurrentWidget(self.opening)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục của đơn vị nhận"), str(self.folder))
        if folder:
            self.folder = Path(folder)
            self.db_url = None  # the database of the folder chosen
            self.retranslate()
            self.open()

    def attach(self, service: OfficeService) -> None:
        """The office is open: the pages, the stations page first."""
        from station_app.ui.office.batches import BatchesPage
        from station_app.ui.office.importing import ImportPage
        from station_app.ui.office.national import NationalPage
        from station_app.ui.office.report import OfficeReportPage
        from station_app.ui.office.stations import StationsPage

        self.service = service
        import_page = ImportPage(service, self.tasks)
        import_page.imported.connect(self._imported)
        self.pages = {"stations": StationsPage(service, self.tasks, self.folder),
                      "batches": BatchesPage(service, self.tasks, lambda: list(self.duplicates)),
                      "import": import_page, "report": OfficeReportPage(service, self.tasks),
                      "national": NationalPage(service, self.tasks)}
        for page in self.pages.values():
            self.stack.addWidget(page)
            self.nav.addItem(QListWidgetItem())
        self.screens.setCurrentWidget(self.work)
        self.retranslate()
        self.nav.setCurrentRow(0)

    # -- imports (switching pages: widgets.PagedNavigation) -----------------------------------------------
    def _imported(self, result: ImportReport) -> None:
        self.duplicates += [queries.duplicate_entry(o) for o in result.outcomes if o.status == DUPLICATE]

    # -- drag and drop from a USB stick -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.service is not None and local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        if self.service is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = local_paths(event.mimeData().urls())
        if self.service is None or not paths:
            return
        event.acceptProposedAction()
        self.show_page("import")
        self.pages["import"].import_paths(paths)

    # -- language -----------------------------------------------------------------------------------------------
    def _language_chosen(self) -> None:
        self.language = self.language_box.currentData()
        i18n.set_language(self.language)
        self.tasks.run(ops.save_language(folder=self.folder, language=self.language), parent=self,
                       on_error=lambda exc: None)

    def retranslate(self) -> None:
        name = self.service.name if self.service is not None else queries.office_name(self.folder)
        self.setWindowTitle(self.tr("Đơn vị nhận dữ liệu — {name}").format(name=name) if name
                            else self.tr("Đơn vị nhận dữ liệu khám sức khỏe"))
        self.office_label.setText(name or self.tr("Đơn vị nhận dữ liệu khám sức khỏe"))
        self.where_label.setText(self.tr("Thư mục: {folder}").format(folder=self.folder))
        self.language_label.setText(self.tr("Ngôn ngữ:"))
        for row, key in enumerate(self.page_keys()):
            self.nav.item(row).setText(QCoreApplication.translate("OfficeWindow", dict(PAGES)[key]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.tasks.wait()
        if self.service is not None:
            self.service.close()
            self.service = None
        super().closeEvent(event)
        self.closed.emit()
