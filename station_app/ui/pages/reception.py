"""Reception ("Tiếp đón"): scan a card (or search, or type a resident in), check who it is, open the visit with a
queue number and print the slip, all from the keyboard.

Every input feeds ``handle_scan``: keyboard-mode scanners (a key burst anywhere on the page), serial scanners,
the camera, image files and the clipboard, and a payload pasted into the search field. A payload that is not
usable is explained inline and nothing is stored. Database work runs on the task runner's db lane, slips on
its CPU pool. Logs name ids, kinds and counts only.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QObject, QPersistentModelIndex,
                            Qt, QTimer)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFrame, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QScrollArea, QSizePolicy, QTableView, QVBoxLayout, QWidget)

from station_app.core.cards import ScanKind, ScanResult, ScanWarning
from station_app.core.errors import NotFoundError, StationError
from station_app.core.model import TARGET_GROUP_LABELS
from station_app.core.qr_payloads import ERROR_TEXT, WARNING_TEXT, parse_payload
from station_app.core.settings import Settings
from station_app.ui.campaign_banner import CampaignBanner
from station_app.ui.dialogs.open_visit import warning_label
from station_app.ui.errors import describe, show_error
from station_app.ui.labels import status_label
from station_app.ui.printing import SlipPrinter, sex_label
from station_app.ui.scanning.keyboard_wedge import KeyboardWedgeFilter
from station_app.ui.scanning.scan_sources import ScanSources
from station_app.ui.scanning.serial_scanner import SerialScanner, SerialState
from station_app.ui.simple_table import SimpleTableModel
from station_app.ui.tasks import TaskRunner
from station_app.ui.visit_events import VisitEvents
from station_app.ui.widgets import Retranslating, heading, message_label, show_message, while_alive

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.registry import FieldChange, Match, ResidentInfo, SearchPage, VisitInfo
    from station_app.services.station.station_setup import StationInfo
    from station_app.ui.scanning.camera_scanner import CameraScannerWidget

log = logging.getLogger(__name__)
PAGE_SIZE = 50
SEARCH_DEBOUNCE_MS = 150
PREVIEW_AFTER_MS = 120  # the first result shows on the card once typing pauses this long
_Index = QModelIndex | QPersistentModelIndex
_BLOCKING = (ScanWarning.MANGLED_TEXT, ScanWarning.IMPLAUSIBLE_FIELD, ScanWarning.MALFORMED_FIELD)


def scan_sentence(result: ScanResult) -> str:
    """Why a scan cannot be used, as the translated sentence of ``core.qr_payloads`` (context "scan")."""
    if result.kind is ScanKind.UNKNOWN:
        return QCoreApplication.translate("scan", ERROR_TEXT.get(result.error or "", ERROR_TEXT["not_a_card"]))
    blocking = next((w for w in _BLOCKING if w in result.warnings), ScanWarning.MALFORMED_FIELD)
    return QCoreApplication.translate("scan", WARNING_TEXT[blocking])


_DISPLAY, _TOOLTIP, _FOREGROUND = (int(r.value) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                            Qt.ItemDataRole.ForegroundRole))


class ResidentsTableModel(SimpleTableModel):
    """One page of search results. The cells' texts are made once per page, not on each of Qt's many
    ``data()`` calls: search as you type refills this model on every keystroke."""

    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.residents: list[ResidentInfo] = []
        self._cells: list[tuple[str, ...]] = []
        self._examined_colour = QColor("#8a5300")

    def set_residents(self, residents: list[ResidentInfo]) -> None:
        self.beginResetModel()
        self.residents = residents
        self._cells = [(r.full_name, str(r.birth_year), r.village or r.address or "",
                        r.national_id or r.insurance_number or "",
                        f"{r.last_visit_date:%d/%m}" if r.last_visit_date else "") for r in residents]
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._cells)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role == _DISPLAY or role == _TOOLTIP:
            return self._cells[index.row()][index.column()]
        if role == _FOREGROUND and index.column() == 4:
            return self._examined_colour
        return None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Họ và tên"), self.tr("Năm sinh"), self.tr("Thôn/bản"), self.tr("Số CCCD / BHYT"),
                self.tr("Đã khám"))


class QueueTableModel(SimpleTableModel):
    """Today's visits at this site, by queue number."""

    COLUMNS = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visits: list[VisitInfo] = []

    def set_visits(self, visits: list[VisitInfo]) -> None:
        self.beginResetModel()
        self.visits = sorted(visits, key=lambda v: v.queue_number)
        self.endResetModel()

    def row_of(self, visit_id: str) -> int:
        return next((i for i, v in enumerate(self.visits) if v.id == visit_id), -1)

    def row_count(self) -> int:
        return len(self.visits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        v = self.visits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(v.queue_number), f"{v.resident_name} ({v.birth_year})", status_label(v.status))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("STT"), self.tr("Họ và tên"), self.tr("Trạng thái"))


class ResidentCard(QFrame):
    """The resident being received: who they are, warnings in amber, and the visit opened today."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card")
        self.resident: ResidentInfo | None = None
        self.scan_warnings: tuple[ScanWarning, ...] = ()
        self.visit: VisitInfo | None = None
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setObjectName("hint")
        self.name = heading(1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.warnings = warning_label()
        self.last_visit = warning_label()
        self.visit_line = message_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        for widget in (self.empty, self.name, self.details, self.warnings, self.last_visit, self.visit_line):
            layout.addWidget(widget)
        self.show_resident(None)

    def show_resident(self, resident: ResidentInfo | None, warnings: tuple[ScanWarning, ...] = (),
                      visit: VisitInfo | None = None) -> None:
        self.resident, self.scan_warnings, self.visit = resident, warnings, visit
        self.render()

    def render(self) -> None:
        r = self.resident
        self.empty.setVisible(r is None)
        for widget in (self.name, self.details):
            widget.setVisible(r is not None)
        if r is None:
            self.empty.setText(self.tr("Quét thẻ CCCD, thẻ BHYT hoặc phiếu khám (bằng máy quét, camera hay ảnh), "
                                       "hoặc gõ tên vào ô tìm kiếm. Người không có thẻ: bấm F2 để nhập tay."))
            for label in (self.warnings, self.last_visit):
                label.hide()
            show_message(self.visit_line, "")
            return
        self.name.setText(r.full_name)
        birth = f"{r.birth_date:%d/%m/%Y}" if r.birth_date else str(r.birth_year)
        age = dt.date.today().year - r.birth_year
        groups = ", ".join(QCoreApplication.translate("labels", TARGET_GROUP_LABELS[g]) for g in r.target_groups)
        rows = [(self.tr("Ngày sinh"), self.tr("{birth} ({age} tuổi)").format(birth=birth, age=age)),
                (self.tr("Giới tính"), sex_label(r.sex)),
                (self.tr("Số CCCD"), r.national_id or self.tr("chưa có")),
                (self.tr("Số thẻ BHYT"), r.insurance_number or self.tr("chưa có")),
                (self.tr("Thôn/bản"), r.village or r.address or self.tr("chưa rõ"))]
        if groups:
            rows.append((self.tr("Đối tượng"), groups))
        if r.guardian_name:
            rows.append((self.tr("Người giám hộ"), f"{r.guardian_name} ({r.guardian_relation or ''})"))
        self.details.setText("<table cellspacing='0' cellpadding='2'>" + "".join(
            f"<tr><td style='color:#555;padding-right:8px;white-space:nowrap'>{_html(k)}</td>"
            f"<td><b>{_html(v)}</b></td></tr>"
            for k, v in rows) + "</table>")
        notes = [QCoreApplication.translate("scan", WARNING_TEXT[w]) for w in self.scan_warnings
                 if w not in _BLOCKING]
        self.warnings.setText("\n".join(notes))
        self.warnings.setVisible(bool(notes))
        examined = r.last_visit_date is not None and (self.visit is None or r.last_visit_id != self.visit.id)
        self.last_visit.setText(self.tr("Người này đã được đăng ký khám trong đợt này ngày {date} tại {site}. Mở "
                                        "lượt khám lần hai cần ghi lý do.").format(
            date=f"{r.last_visit_date:%d/%m/%Y}" if r.last_visit_date else "", site=r.last_visit_site or ""))
        self.last_visit.setVisible(examined)
        show_message(self.visit_line, self.tr("Lượt khám hôm nay: số thứ tự {number}").format(
            number=self.visit.queue_number) if self.visit else "", ok=True)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ReceptionPage(Retranslating):
    """The reception desk. ``refresh()`` reloads today's queue; ``apply_settings(settings)`` switches the serial
    port and camera; ``handle_scan(text, source)`` is where every scanner's payload arrives.

    The open dialog, if any, is ``dialog`` (tests drive it); the last slip PDF is ``printer.last_pdf``.
    """

    def __init__(self, ctx: StationContext, tasks: TaskRunner, site_id: str, user: SignedInUser | None = None,
                 settings: Settings | None = None, station: StationInfo | None = None,
                 visits: VisitEvents | None = None) -> None:
        super().__init__()
        self._ctx, self._tasks, self._site_id, self._user = ctx, tasks, site_id, user
        self.visits = visits or VisitEvents(self)  # the window's: a visit changed on any page shows in the queue
        self.visits.changed.connect(self._visit_changed)
        self.settings = settings or Settings()
        self.station = station
        self.dialog: QDialog | None = None
        self._search_seq = self._scan_seq = 0
        self.shown_search = 0  # the number of the search whose rows the table holds (benchmarks wait for it)
        self._printing: dict[str, VisitInfo] = {}  # slips being made or printed, by visit id
        self._just_opened: str | None = None  # the visit the queue selects when it next loads (Ctrl+P reprints it)
        self._offset = 0
        self._has_more = False
        self._baud = 0
        self._build()
        self._connect_inputs()
        self.retranslate()
        if station is None:
            tasks.submit(ctx.station.info, on_done=while_alive(self, self._station_loaded), parent=self)
        self.apply_settings(self.settings)

    # -- building --------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = heading()
        self.search = QLineEdit()
        self.search.setObjectName("scan")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(44)
        self.search.setStyleSheet("QLineEdit#scan { font-size: 14pt; padding: 6px 10px; }")
        self.search.installEventFilter(self)
        self.manual_button = QPushButton()
        self.manual_button.clicked.connect(self.open_manual_entry)
        self.message = message_label()
        self.inputs_line = QLabel()
        self.inputs_line.setObjectName("hint")
        self.inputs_line.setWordWrap(True)
        self.sources = ScanSources(self, self._tasks, open_dialog=self._open_dialog,
                                   busy=lambda: self.dialog is not None)
        self.camera_button, self.image_button, self.paste_button, self.camera_panel = (
            self.sources.camera_button, self.sources.image_button, self.sources.paste_button, self.sources.camera_panel)

        self.results_model = ResidentsTableModel(self)
        self.results = self._table(self.results_model)
        self.results.selectionModel().currentRowChanged.connect(self._result_selected)
        self.results.activated.connect(lambda _index: self.open_visit_button.setFocus())
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name gets what is left
        # Fixed widths from the font, not ResizeToContents: sizing every cell again on each keystroke's new
        # page cost more than the search itself.
        digits = self.results.fontMetrics().horizontalAdvance("0")
        for column, chars in ((1, 8), (3, 18), (4, 9)):
            header.resizeSection(column, max(digits * chars, header.sectionSizeHint(column)))
        header.resizeSection(2, 130)  # villages are short; a long address is elided (full text in the tooltip)
        self.results_note = QLabel()
        self.results_note.setObjectName("hint")
        self.results_note.setWordWrap(True)
        self.previous_button, self.next_button = QPushButton(), QPushButton()
        self.previous_button.clicked.connect(lambda: self.go_to_page(-1))
        self.next_button.clicked.connect(lambda: self.go_to_page(+1))
        for button in (self.previous_button, self.next_button):
            button.setEnabled(False)
        paging = QHBoxLayout()
        paging.addWidget(self.results_note, 1)
        paging.addWidget(self.previous_button)
        paging.addWidget(self.next_button)
        self.results_box = QGroupBox()
        results_layout = QVBoxLayout(self.results_box)
        results_layout.addWidget(self.results, 1)
        results_layout.addLayout(paging)

        self.card = ResidentCard()
        self.open_visit_button = QPushButton()
        self.open_visit_button.setObjectName("primary")
        self.open_visit_button.setAutoDefault(True)  # Enter on the focused button opens the visit
        self.open_visit_button.setEnabled(False)
        self.open_visit_button.clicked.connect(self.open_visit)
        self.card.layout().addWidget(self.open_visit_button)
        self.card.layout().addStretch(1)
        # The card's height changes with each resident shown (warnings, guardian); inside a scroll area that
        # change stays local instead of laying out the whole window again on every keystroke of a search.
        # Never wider than its column: the text wraps instead of running off the right edge.
        self.card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.card_area = QScrollArea()
        self.card_area.setWidget(self.card)
        self.card_area.setWidgetResizable(True)
        self.card_area.setFrameShape(QFrame.Shape.NoFrame)
        self.card_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.queue_model = QueueTableModel(self)
        self.queue = self._table(self.queue_model)
        self.queue.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2):
            self.queue.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.queue.activated.connect(lambda _index: self.reprint_selected())
        self.reprint_button = QPushButton()
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.queue_box = QGroupBox()
        queue_layout = QVBoxLayout(self.queue_box)
        queue_layout.addWidget(self.queue, 1)
        queue_layout.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignLeft)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.manual_button)
        inputs = QHBoxLayout()
        inputs.addWidget(self.inputs_line, 1)
        for button in (self.camera_button, self.image_button, self.paste_button):
            inputs.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results_box, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.camera_panel, 2)
        right_layout.addWidget(self.card_area, 3)
        right_layout.addWidget(self.queue_box, 2)
        for side in (left, right):  # size hints ignored: the columns keep their proportions at any width
            side.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        columns = QHBoxLayout()  # results get the room names need, the card and queue the rest
        columns.addWidget(left, 2)
        columns.addWidget(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addWidget(self.title)
        self.banner = CampaignBanner(self._ctx, self._tasks)  # today outside the campaign: no visit opens
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(inputs)
        layout.addLayout(columns, 1)

        self.printer = SlipPrinter(self._tasks, self._ctx.data_dir, self)
        self.printer.printed.connect(self._slip_printed)
        self.printer.saved.connect(self._slip_saved)
        self.printer.cancelled.connect(self._slip_cancelled)
        self.printer.failed.connect(self._slip_failed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.run_search(0))
        self._preview = QTimer(self)
        self._preview.setSingleShot(True)
        self._preview.setInterval(PREVIEW_AFTER_MS)
        self._preview.timeout.connect(self._preview_current)
        self.search.textEdited.connect(self._search_edited)
        self.search.returnPressed.connect(self._search_entered)
        self._shortcuts = []
        for keys, slot in ((("F2", "Ctrl+N"), self.open_manual_entry), (("F3", "Ctrl+F"), self.focus_search),
                           (("Ctrl+P",), self.reprint_selected),
                           (("Ctrl+Return", "Ctrl+Enter"), self.open_visit)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
                self._shortcuts.append(shortcut)

    @staticmethod
    def _table(model: QAbstractTableModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        return table

    def _connect_inputs(self) -> None:
        self.wedge = KeyboardWedgeFilter(self)
        self.wedge.scanned.connect(lambda text: self.handle_scan(text, "keyboard"))
        self.serial = SerialScanner(self)
        self.serial.scanned.connect(lambda text: self.handle_scan(text, "serial"))
        self.serial.status_changed.connect(lambda _state: self._show_inputs())
        self.serial.read_failed.connect(self.say)
        self.sources.scanned.connect(self.handle_scan)
        self.sources.failed.connect(self.say)
        self.sources.camera_toggled.connect(lambda _on: self._show_inputs())
        self.sources.watch_paste(self.search)

    # -- texts -----------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Tiếp đón"))
        self.search.setPlaceholderText(self.tr("Quét thẻ hoặc gõ tên, số CCCD, số BHYT, năm sinh, thôn/bản…"))
        self.manual_button.setText(self.tr("Nhập tay người không có thẻ (F2)"))
        self.results_box.setTitle(self.tr("Kết quả tìm kiếm"))
        self.previous_button.setText(self.tr("Trang trước"))
        self.next_button.setText(self.tr("Trang sau"))
        self.open_visit_button.setText(self.tr("Mở lượt khám (Enter)"))
        self.queue_box.setTitle(self.tr("Hàng đợi hôm nay"))
        self.reprint_button.setText(self.tr("In lại phiếu (Ctrl+P)"))
        self.sources.retranslate()
        self.results_model.retranslate()
        self.queue_model.retranslate()
        self.card.render()
        self._show_inputs()
        self._show_results_note()

    def _show_inputs(self) -> None:
        parts = [self.tr("Máy quét bàn phím: sẵn sàng")]
        if self.serial.state is SerialState.CLOSED:
            parts.append(self.tr("Cổng COM: chưa chọn (Quản trị › Cài đặt máy này)"))
        elif self.serial.state is SerialState.CONNECTED:
            parts.append(self.tr("Máy quét cổng {port}: đã kết nối").format(port=self._port_label()))
        else:
            parts.append(self.tr("Máy quét cổng {port}: {state}").format(
                port=self._port_label(), state=self.serial.status_text()))
        parts.append(self.tr("Camera: đang bật") if self.sources.camera_on else self.tr("Camera: tắt"))
        self.inputs_line.setText(" · ".join(parts))

    def _port_label(self) -> str:
        return (self.serial.port_name or "").replace("\\", "/").rsplit("/", 1)[-1]  # "COM3", "ttyACM0"

    def _show_results_note(self) -> None:
        count = len(self.results_model.residents)
        if not self.search.text().strip():
            text = self.tr("Gõ ít nhất một chữ của tên, hoặc số CCCD, số BHYT, năm sinh, tên thôn/bản.")
        elif count == 0:
            text = self.tr("Không tìm thấy ai. Kiểm tra lại chính tả, hoặc bấm F2 để nhập người mới.")
        else:
            text = self.tr("Người {first}–{last}{more}. Mũi tên lên/xuống để chọn, Enter để nhận.").format(
                first=self._offset + 1, last=self._offset + count, more="+" if self._has_more else "")
        self.results_note.setText(text)

    def say(self, text: str, ok: bool = False) -> None:
        show_message(self.message, text, ok=ok)

    # -- page life -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._load_queue()
        self.banner.refresh()  # and the station again: the administrator may have started the next campaign
        self._tasks.submit(self._ctx.station.info, on_done=while_alive(self, self._station_loaded), parent=self)

    def _load_queue(self) -> None:
        self._tasks.submit(self._ctx.registry.todays_queue, self._site_id, on_done=while_alive(self, self._queue_loaded),
                           parent=self)

    def _visit_changed(self, _visit_id: str) -> None:
        self._load_queue()  # a bound method: Qt drops the connection with the page; a visit leaves the campaign be

    def apply_settings(self, settings: Settings) -> None:
        """Use the serial port and camera chosen in the settings (called again whenever they change)."""
        self.settings = settings
        if (settings.serial_port or None, settings.serial_baud) != (self.serial.port_name, self._baud):
            self._baud = settings.serial_baud
            self.serial.set_port(settings.serial_port or None, settings.serial_baud)
        self.sources.apply_settings(settings)
        self._show_inputs()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().showEvent(event)
        self.wedge.install()
        QTimer.singleShot(0, while_alive(self, self.focus_search))

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        self.wedge.uninstall()  # the scanner burst filter watches only while the page is on screen
        super().hideEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _station_loaded(self, station: StationInfo) -> None:
        self.station = station

    def _queue_loaded(self, visits: list[VisitInfo]) -> None:
        selected = self.selected_visit()
        wanted = self._just_opened or (selected.id if selected is not None else None)
        self.queue_model.set_visits(visits)
        if wanted is not None and (row := self.queue_model.row_of(wanted)) >= 0:
            self.queue.selectRow(row)
            self._just_opened = None

    # -- search ----------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            return self._search_key(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selection(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and self.results_model.residents:
            self.go_to_page(-1 if key == Qt.Key.Key_PageUp else 1)
            return True
        if key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            self._search_edited("")
            return True
        return False

    def move_selection(self, step: int) -> None:
        count = self.results_model.rowCount()
        if not count:
            return
        row = self.results.currentIndex().row()
        self.results.selectRow(min(max(row + step, 0), count - 1) if row >= 0 else 0)

    def _search_edited(self, text: str) -> None:
        if not text.strip():
            self.clear_resident()
        if "|" in text:  # a payload typed or pasted: Enter treats it as a scan
            self._debounce.stop()
            return
        self._debounce.start()

    def _search_entered(self) -> None:
        text = self.search.text()
        if "|" in text:
            self.search.clear()
            self.handle_scan(text, "typed")
            return
        if self._debounce.isActive():  # Enter before the results came: search now, take the first
            self._debounce.stop()
            self.run_search(0, then_take=True)
            return
        self.take_selected()

    def run_search(self, offset: int, then_take: bool = False) -> None:
        self._search_seq += 1
        seq, text = self._search_seq, self.search.text().strip()
        if not text:
            self._results(seq, None, False)
            return
        self._tasks.submit(self._ctx.registry.search, text, PAGE_SIZE, max(offset, 0), parent=self,
                           on_done=while_alive(self, lambda page: self._results(seq, page, then_take)),
                           on_error=while_alive(self, self._failed))

    def go_to_page(self, step: int) -> None:
        if (step > 0 and not self._has_more) or (step < 0 and self._offset == 0):
            return
        self.run_search(self._offset + step * PAGE_SIZE)

    def _results(self, seq: int, page: SearchPage | None, then_take: bool = False) -> None:
        if seq != self._search_seq:
            return  # a later keystroke already asked again
        self._offset, self._has_more = (page.offset, page.has_more) if page else (0, False)
        self.results_model.set_residents(list(page.items) if page else [])
        self.shown_search = seq
        self.previous_button.setEnabled(self._offset > 0)
        self.next_button.setEnabled(self._has_more)
        if self.results_model.residents:
            # The first result is previewed on the card once typing pauses: rendering the card on every
            # keystroke's results cost more than the search itself.
            self.results.selectionModel().blockSignals(True)
            self.results.selectRow(0)
            self.results.selectionModel().blockSignals(False)
            self.results.viewport().update()
            self._preview.start()
        self._show_results_note()
        if then_take:
            self.take_selected()

    def _result_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_resident(self.results_model.residents[current.row()], focus=False)

    def _preview_current(self) -> None:
        row = self.results.currentIndex().row()
        if 0 <= row < len(self.results_model.residents):
            self.show_resident(self.results_model.residents[row], focus=False)

    def take_selected(self) -> None:
        """Enter on a result: that resident is the one at the desk; Enter again opens the visit."""
        row = self.results.currentIndex().row()
        if row >= 0:
            self.show_resident(self.results_model.residents[row])

    # -- the resident ----------------------------------------------------------------------------------------

    def show_resident(self, resident: ResidentInfo, warnings: tuple[ScanWarning, ...] = (),
                      visit: VisitInfo | None = None, focus: bool = True) -> None:
        self._preview.stop()  # whoever is shown now (a scan, a choice) wins over a pending preview
        current = self.results.currentIndex().row()
        if not (0 <= current < len(self.results_model.residents)
                and self.results_model.residents[current].id == resident.id):
            self._deselect_results()  # a scanned resident: no result row says otherwise
        self.card.show_resident(resident, warnings, visit)
        self.open_visit_button.setEnabled(self._user is not None and visit is None)  # her visit is open already
        if focus:
            self.open_visit_button.setFocus()

    def clear_resident(self) -> None:
        """Nobody at the desk (a failed scan, a cleared search): no earlier person left on the card to open."""
        self._preview.stop()
        self._scan_seq += 1  # a lookup still running for an earlier scan shows no one now
        self._deselect_results()
        self.card.show_resident(None)
        self.open_visit_button.setEnabled(False)

    def _deselect_results(self) -> None:
        self.results.selectionModel().blockSignals(True)
        self.results.selectionModel().clear()
        self.results.selectionModel().blockSignals(False)
        self.results.viewport().update()

    def _reload_resident(self, resident_id: str, visit: VisitInfo | None = None) -> None:
        warnings = self.card.scan_warnings if self.card.resident and self.card.resident.id == resident_id else ()
        self._tasks.submit(self._ctx.registry.resident, resident_id, parent=self, on_error=while_alive(self, self._failed),
                           on_done=while_alive(self, lambda r: self._reloaded(r, warnings, visit)))

    def _reloaded(self, resident: ResidentInfo, warnings: tuple[ScanWarning, ...], visit: VisitInfo | None) -> None:
        if self.card.resident is not None and self.card.resident.id == resident.id:  # nobody else came meanwhile
            self.show_resident(resident, warnings, visit, focus=False)

    # -- scans -----------------------------------------------------------------------------------------------

    def handle_scan(self, text: str, source: str) -> None:
        """A payload from any input. Unusable ones are explained and dropped; the rest are looked up."""
        if self.dialog is not None:
            self.say(self.tr("Hãy hoàn tất hoặc đóng hộp thoại đang mở, rồi quét lại."))
            return
        result = parse_payload(text, dt.date.today())
        log.info("scan from %s: %s, usable=%s, %d warnings", source, result.kind.value, result.usable,
                 len(result.warnings))
        if not result.usable:
            self.clear_resident()
            self.say(scan_sentence(result))
            return
        self.say("")
        self._scan_seq += 1
        seq = self._scan_seq
        if result.kind is ScanKind.SLIP:
            self._tasks.submit(self._ctx.registry.visit_by_id, result.visit_id, parent=self,
                               on_done=while_alive(self, lambda visit: self._slip_found(seq, visit)),
                               on_error=while_alive(self, lambda exc: self._slip_missing(result, exc)))
            return
        self._tasks.submit(self._ctx.registry.find_or_propose, result, parent=self,
                           on_done=while_alive(self, lambda match: self._matched(seq, result, match)),
                           on_error=while_alive(self, self._failed))

    def _matched(self, seq: int, scan: ScanResult, match: Match) -> None:
        if seq != self._scan_seq:
            return
        if match.resident is not None:
            self.show_resident(match.resident, scan.warnings)
            if match.changes:
                self.offer_changes(match.resident, match.changes)
        elif match.possible_duplicates:
            self.choose_duplicate(scan, match)
        else:
            self.open_registration(scan, match)

    def _slip_found(self, seq: int, visit: VisitInfo) -> None:
        if seq != self._scan_seq:
            return
        self.say(self.tr("Phiếu khám số {number} ngày {date}: {name}.").format(
            number=visit.queue_number, date=f"{visit.visit_date:%d/%m/%Y}", name=visit.resident_name), ok=True)
        if (row := self.queue_model.row_of(visit.id)) >= 0:
            self.queue.selectRow(row)
        self._tasks.submit(self._ctx.registry.resident, visit.resident_id, parent=self,
                           on_error=while_alive(self, self._failed),
                           on_done=while_alive(self, lambda r: self.show_resident(r, (), visit)))

    def _slip_missing(self, scan: ScanResult, exc: BaseException) -> None:
        if not isinstance(exc, NotFoundError):
            self._failed(exc)
            return
        self.clear_resident()
        self.say(self.tr("Lượt khám trên phiếu này không có trong máy này (phiếu in ở máy khác chưa chuyển dữ liệu "
                         "sang). Đã tìm theo tên trên phiếu; hãy chọn người đó rồi mở lượt khám."))
        self.search.setText(scan.full_name or "")
        self.run_search(0)

    def offer_changes(self, resident: ResidentInfo, changes: tuple[FieldChange, ...]) -> None:
        from station_app.ui.dialogs.differences import DifferencesDialog

        dialog = DifferencesDialog(self, changes)
        dialog.changes_accepted.connect(lambda chosen: self._apply_changes(resident, chosen))
        self._open_dialog(dialog, back_to=self.open_visit_button)

    def _apply_changes(self, resident: ResidentInfo, changes: list[FieldChange]) -> None:
        warnings = self.card.scan_warnings
        self._tasks.submit(self._ctx.registry.apply_changes, self._user, resident.id, changes, parent=self,
                           on_error=while_alive(self, self._failed),
                           on_done=while_alive(self, lambda r: (self.show_resident(r, warnings),
                                                          self.say(self.tr("Đã cập nhật hồ sơ theo thẻ."), ok=True))))

    def choose_duplicate(self, scan: ScanResult, match: Match) -> None:
        from station_app.ui.dialogs.choose import ChooseDialog

        people = list(match.possible_duplicates)
        items = [self.tr("{name} · sinh {birth} · {place} · CCCD {id}").format(
            name=r.full_name, birth=r.birth_year, place=r.village or r.address or "?", id=r.national_id or "—")
            for r in people]
        dialog = ChooseDialog(self, self.tr("Có thể đã có người này"),
                              self.tr("Thẻ vừa quét chưa khớp chắc chắn với ai, nhưng có người gần giống. Hỏi lại "
                                      "người dân: nếu là một trong số này, chọn người đó; nếu không, chọn \"Người "
                                      "mới\". Hồ sơ không bao giờ được gộp tự động."), items,
                              new_text=self.tr("Người mới (F2)"))
        dialog.chosen.connect(lambda row: self._duplicate_chosen(scan, people[row]))
        dialog.new_requested.connect(lambda: self.open_registration(scan, match))
        QShortcut(QKeySequence("F2"), dialog).activated.connect(dialog.new_button.click)
        self._open_dialog(dialog)

    def _duplicate_chosen(self, scan: ScanResult, resident: ResidentInfo) -> None:
        from station_app.services.station.registry import scan_changes

        self.show_resident(resident, scan.warnings)
        stored = SimpleNamespace(**{f.name: getattr(resident, f.name) for f in dataclasses.fields(resident)},
                                 old_id_number=None)
        changes = tuple(c for c in scan_changes(stored, scan) if c.field != "old_id_number")  # type: ignore[arg-type]
        if changes:
            QTimer.singleShot(0, while_alive(self, lambda: self.offer_changes(resident, changes)))

    def open_registration(self, scan: ScanResult, match: Match) -> None:
        if match.proposal is None:
            self.clear_resident()
            self.say(scan_sentence(dataclasses.replace(scan, warnings=(ScanWarning.MALFORMED_FIELD,))))
            return
        QTimer.singleShot(0, while_alive(self, lambda: self._open_form(match.proposal)))

    def open_manual_entry(self) -> None:
        if self.dialog is None:
            self._open_form(None)

    def _open_form(self, proposal: Any) -> None:
        from station_app.ui.dialogs.resident_form import ResidentFormDialog

        if self._user is None or self.dialog is not None:
            return
        dialog = ResidentFormDialog(self, self._ctx, self._tasks, self._user, proposal)
        dialog.registered.connect(self._registered)
        self._open_dialog(dialog)

    def _registered(self, resident: ResidentInfo) -> None:
        self.say(self.tr("Đã lưu người mới: {name}. Bấm Enter để mở lượt khám.").format(name=resident.full_name),
                 ok=True)
        QTimer.singleShot(0, while_alive(self, lambda: self.show_resident(resident)))

    # -- several codes, images, camera -----------------------------------------------------------------------

    @property
    def camera(self) -> CameraScannerWidget | None:
        """The camera preview, once the camera was switched on (``sources`` holds the picture inputs)."""
        return self.sources.camera

    # -- visits and slips ------------------------------------------------------------------------------------

    def open_visit(self) -> None:
        from station_app.ui.dialogs.open_visit import OpenVisitDialog

        resident = self.card.resident
        if resident is None or self._user is None or self.dialog is not None:
            return
        if self.station is None:
            self.say(self.tr("Đang tải thông tin điểm khám; hãy thử lại sau một giây."))
            return
        if self.banner.closed:
            self.say(self.banner.label.text())
            return
        lapsed = {ScanWarning.INSURANCE_EXPIRED, ScanWarning.INSURANCE_NOT_YET_VALID}.intersection(self.card.scan_warnings)
        dialog = OpenVisitDialog(self, self._ctx, self._tasks, self._user, self.station, resident,
                                 insurance_valid=not lapsed)
        dialog.visit_opened.connect(self._visit_opened)
        self._open_dialog(dialog)

    def _visit_opened(self, visit: VisitInfo) -> None:
        log.info("reception: visit %s opened, queue %d", visit.id, visit.queue_number)
        self.open_visit_button.setEnabled(False)  # until another person is chosen
        self._just_opened = visit.id
        self.say(self.tr("Đã mở lượt khám số {number} cho {name}. Đang in phiếu…").format(
            number=visit.queue_number, name=visit.resident_name), ok=True)
        self._reload_resident(visit.resident_id, visit)
        self.visits.changed.emit(visit.id)
        self.print_slip(visit)

    def print_slip(self, visit: VisitInfo, ask: bool = False) -> None:
        """As this laptop's setting says (at once, the print dialog, or a PDF); ``ask``: the dialog (a reprint)."""
        self._printing[visit.id] = visit  # the slip's visit, whatever the queue and the card show meanwhile
        code = self.station.code if self.station else ""
        self.printer.print_visit(visit, code, self.settings.slip_size, self.settings.printer_name,
                                 mode=self.settings.slip_printing, ask=ask)

    def selected_visit(self) -> VisitInfo | None:
        row = self.queue.currentIndex().row()
        return self.queue_model.visits[row] if 0 <= row < len(self.queue_model.visits) else None

    def reprint_selected(self) -> None:
        visit = self.selected_visit() or self.card.visit
        if visit is None:
            self.say(self.tr("Hãy chọn một người trong hàng đợi hôm nay rồi bấm \"In lại phiếu\"."))
            return
        self.print_slip(visit, ask=True)

    def _slip_printed(self, visit_id: str, _path: str) -> None:
        visit = self._printing.get(visit_id)
        number = visit.queue_number if visit else ""
        self._slip_done(visit_id, self.tr("Đã gửi phiếu số {number} đến máy in. Mời người tiếp theo.").format(
            number=number), {"document": "slip"})

    def _slip_saved(self, visit_id: str, text: str) -> None:
        self._slip_done(visit_id, text, {"document": "slip", "to": "pdf"})

    def _slip_done(self, visit_id: str, text: str, details: dict) -> None:
        self._printing.pop(visit_id, None)
        self.say(text, ok=True)
        if self._user is not None:
            self._tasks.submit(self._ctx.audit.record, "print", "visits", visit_id, self._user.id, details,
                               parent=self)
        self.next_person()

    def _slip_cancelled(self, visit_id: str) -> None:
        self._printing.pop(visit_id, None)
        self.say(self.tr("Chưa in phiếu. Khi máy in sẵn sàng, chọn người trong hàng đợi hôm nay rồi bấm Ctrl+P."))
        self.next_person()

    def _slip_failed(self, text: str) -> None:
        self.say(text)
        self.next_person()

    def next_person(self) -> None:
        """The slip is done: the card keeps who was received (her visit open, nothing to open); search is empty."""
        self.search.clear()
        self.run_search(0)
        self.focus_search()

    # -- dialogs and errors ----------------------------------------------------------------------------------

    def _open_dialog(self, dialog: QDialog, back_to: QWidget | None = None) -> None:
        """Window-modal and non-blocking (``open``): scanners keep working, tests drive it as the nurse does."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(while_alive(self, lambda _result: self._dialog_closed(dialog, back_to)))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog, back_to: QWidget | None) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.activateWindow()  # the desk's shortcuts (F2, Ctrl+P…) work at once, whatever the platform does
        target = back_to or (self.open_visit_button if self.open_visit_button.isEnabled() else self.search)
        if target.isEnabled():
            target.setFocus()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StationError):
            self.say(describe(exc))
        else:
            show_error(self, exc)
