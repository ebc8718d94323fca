"""Reception ("Tiếp đón"): scan a card (or search, or type a resident in), check who it is, open the visit with a
queue number and print the slip, all from the keyboard.

Every input feeds ``handle_scan``: keyboard-mode scanners (a key burst anywhere on the page), serial scanners,
the camera, image files and the clipboard, and a payload pasted into the search field. A payload that is not
usable is explained inline and nothing is stored. What a scan leads to is decided by ``state.ReceptionState``;
the page shows it. Database work runs on the task runner's db lane (``operations``), slips on its CPU pool. Logs
name ids, kinds and counts only.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from station_app.core.settings import Settings
from station_app.ui.campaign_banner import CampaignBanner
from station_app.ui.pages.reception import operations as ops
from station_app.ui.pages.reception.card import ResidentCard, card_area
from station_app.ui.pages.reception.desk import ScanDesk
from station_app.ui.pages.reception.panels import QueuePanel
from station_app.ui.pages.reception.search import ResidentSearch
from station_app.ui.pages.reception.slips import SlipDesk
from station_app.ui.pages.reception.state import ReceptionState
from station_app.ui.scanning.keyboard_wedge import KeyboardWedgeFilter
from station_app.ui.scanning.scan_sources import ScanSources
from station_app.ui.scanning.serial_scanner import SerialScanner, SerialState
from station_app.ui.visit_events import VisitEvents
from station_app.ui.widgets import desk_page, heading, message_label, show_message, while_alive

if TYPE_CHECKING:
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.registry import VisitInfo
    from station_app.services.station.station_setup import StationInfo
    from station_app.ui.context import StationContext
    from station_app.ui.scanning.camera_scanner import CameraScannerWidget
    from station_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class ReceptionPage(ScanDesk):
    """The reception desk. ``refresh()`` reloads today's queue; ``apply_settings(settings)`` switches the serial
    port and camera; ``handle_scan(text, source)`` is where every scanner's payload arrives (``ScanDesk``).

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
        self.state = ReceptionState()
        self._just_opened: str | None = None  # the visit the queue selects when it next loads (Ctrl+P reprints it)
        self._baud = 0
        self._build()
        self._connect_inputs()
        self.retranslate()
        if station is None:
            tasks.run(ops.station_info(ctx), parent=self, on_done=self._station_loaded)
        self.apply_settings(self.settings)

    # -- building --------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = heading()
        self.finder = ResidentSearch(self, self._ctx, self._tasks, self.state.search, self._failed)
        self.search = self.finder.field
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
        self.results_box = self.finder.panel
        self.results_model, self.results, self.results_note = (
            self.results_box.model, self.results_box.table, self.results_box.note)
        self.previous_button, self.next_button = self.results_box.previous_button, self.results_box.next_button
        self.results.activated.connect(lambda _index: self.open_visit_button.setFocus())
        self.card = ResidentCard()
        self.open_visit_button = QPushButton()
        self.open_visit_button.setObjectName("primary")
        self.open_visit_button.setAutoDefault(True)  # Enter on the focused button opens the visit
        self.open_visit_button.setEnabled(False)
        self.open_visit_button.clicked.connect(self.open_visit)
        self.pl01_button = QPushButton()  # the QĐ 1551 sheet of the visit shown: off the fast path (F6)
        self.pl01_button.setAutoDefault(False)
        self.pl01_button.hide()
        self.pl01_button.clicked.connect(self.open_pl01_sheet)
        self.card_area = card_area(self.card, self.open_visit_button, self.pl01_button)
        self.queue_box = QueuePanel()
        self.queue_model, self.queue, self.reprint_button = (
            self.queue_box.model, self.queue_box.table, self.queue_box.reprint_button)
        self.queue.activated.connect(lambda _index: self.reprint_selected())
        self.reprint_button.clicked.connect(self.reprint_selected)
        self._arrange()
        self.slips = SlipDesk(self, self._ctx, self._tasks, self._user)
        self.printer = self.slips.printer
        self.slips.done.connect(self._slip_done)
        self.finder.previewed.connect(lambda resident: self.show_resident(resident, focus=False))
        self.finder.taken.connect(self.show_resident)
        self.finder.emptied.connect(self.clear_resident)
        self.finder.payload_entered.connect(lambda text: self.handle_scan(text, "typed"))
        self._add_shortcuts()

    def _arrange(self) -> None:
        """The title, the campaign banner, the search line and the inputs over two columns: the results on the
        left, the camera, the card and the queue on the right."""
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.manual_button)
        inputs = QHBoxLayout()
        inputs.addWidget(self.inputs_line, 1)
        for button in (self.camera_button, self.image_button, self.paste_button):
            inputs.addWidget(button)
        left = _column((self.results_box, 1))
        right = _column((self.camera_panel, 2), (self.card_area, 3), (self.queue_box, 2))
        columns = QHBoxLayout()  # results get the room names need, the card and queue the rest
        columns.addWidget(left, 2)
        columns.addWidget(right, 1)
        self.banner = CampaignBanner(self._ctx, self._tasks)  # today outside the campaign: no visit opens
        desk_page(self, [self.title, self.banner, top, self.message, inputs], columns)

    def _add_shortcuts(self) -> None:
        self._shortcuts = []
        for keys, slot in ((("F2", "Ctrl+N"), self.open_manual_entry), (("F3", "Ctrl+F"), self.focus_search),
                           (("Ctrl+P",), self.reprint_selected), (("F6",), self.open_pl01_sheet),
                           (("Ctrl+Return", "Ctrl+Enter"), self.open_visit)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
                self._shortcuts.append(shortcut)

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
        self.open_visit_button.setText(self.tr("Mở lượt khám (Enter)"))
        self.pl01_button.setText(self.tr("Thông tin theo QĐ 1551 (F6)"))
        self.results_box.retranslate()
        self.queue_box.retranslate()
        self.sources.retranslate()
        self.card.render()
        self._show_inputs()
        self.finder.show_note()

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

    def say(self, text: str, ok: bool = False) -> None:
        show_message(self.message, text, ok=ok)

    # -- page life -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._load_queue()
        self.banner.refresh()  # and the station again: the administrator may have started the next campaign
        self._tasks.run(ops.station_info(self._ctx), parent=self, on_done=self._station_loaded)

    def _load_queue(self) -> None:
        self._tasks.run(ops.todays_queue(self._ctx, site_id=self._site_id), parent=self, on_done=self._queue_loaded)

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
        if self.queue_box.load(visits, keep=wanted):
            self._just_opened = None

    @property
    def camera(self) -> CameraScannerWidget | None:
        """The camera preview, once the camera was switched on (``sources`` holds the picture inputs)."""
        return self.sources.camera

    # -- search ----------------------------------------------------------------------------------------------

    def run_search(self, offset: int, then_take: bool = False) -> None:
        self.finder.run(offset, then_take)

    def go_to_page(self, step: int) -> None:
        self.finder.go_to_page(step)

    def move_selection(self, step: int) -> None:
        self.results_box.move_selection(step)

    def take_selected(self) -> None:
        """Enter on a result: that resident is the one at the desk; Enter again opens the visit."""
        self.finder.take_selected()


def _column(*parts: tuple[QWidget, int]) -> QWidget:
    """A column of the desk: ``parts`` stacked with their stretch; its size hint ignored, so the columns keep their
    proportions at any width."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in parts:
        layout.addWidget(widget, stretch)
    column.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return column
