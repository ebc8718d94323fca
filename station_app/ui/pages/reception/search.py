"""Search as you type: the search field over the desk and the results panel it fills.

A search runs once typing pauses (``SEARCH_DEBOUNCE_MS``); only the latest search's page is shown, and its first
row is previewed on the card once typing pauses again (``PREVIEW_AFTER_MS``). Up and Down move through the
results from the field, Page Up and Page Down turn pages, Escape empties the field, Enter takes a result.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from station_app.ui.pages.reception import operations as ops
from station_app.ui.pages.reception.panels import ResultsPanel
from station_app.ui.pages.reception.state import SearchState

if TYPE_CHECKING:
    from collections.abc import Callable

    from station_app.services.station.registry import ResidentInfo, SearchPage
    from station_app.ui.context import StationContext
    from station_app.ui.tasks import TaskRunner

SEARCH_DEBOUNCE_MS = 150
PREVIEW_AFTER_MS = 120  # the first result shows on the card once typing pauses this long


class ResidentSearch(QObject):
    """Signals: ``previewed(resident)`` (show it, the focus stays), ``taken(resident)`` (Enter on a result),
    ``emptied()`` (nothing typed: nobody at the desk), ``payload_entered(text)`` (Enter on a code typed or pasted).
    """

    previewed = Signal(object)
    taken = Signal(object)
    emptied = Signal()
    payload_entered = Signal(str)

    def __init__(self, page: QWidget, ctx: StationContext, tasks: TaskRunner, state: SearchState,
                 on_error: Callable[[BaseException], None]) -> None:
        super().__init__(page)
        self._page, self._ctx, self._tasks, self.state, self._on_error = page, ctx, tasks, state, on_error
        self.field = QLineEdit()
        self.field.setObjectName("scan")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumHeight(44)
        self.field.setStyleSheet("QLineEdit#scan { font-size: 14pt; padding: 6px 10px; }")
        self.field.installEventFilter(self)
        self.panel = ResultsPanel()
        self.panel.table.selectionModel().currentRowChanged.connect(self._selected)
        self.panel.previous_button.clicked.connect(lambda: self.go_to_page(-1))
        self.panel.next_button.clicked.connect(lambda: self.go_to_page(+1))
        self._debounce = self._timer(SEARCH_DEBOUNCE_MS, lambda: self.run(0))
        self._preview = self._timer(PREVIEW_AFTER_MS, self._preview_current)
        self.field.textEdited.connect(self._edited)
        self.field.returnPressed.connect(self._entered)

    def _timer(self, msecs: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msecs)
        timer.timeout.connect(slot)
        return timer

    def stop_preview(self) -> None:
        """Whoever is shown now (a scan, a choice) wins over a pending preview."""
        self._preview.stop()

    def show_note(self) -> None:
        self.panel.show_note(typed=bool(self.field.text().strip()), offset=self.state.offset,
                             has_more=self.state.has_more)

    # -- keys --------------------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.panel.move_selection(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and self.panel.model.residents:
            self.go_to_page(-1 if key == Qt.Key.Key_PageUp else 1)
            return True
        if key == Qt.Key.Key_Escape and self.field.text():
            self.field.clear()
            self._edited("")
            return True
        return False

    def _edited(self, text: str) -> None:
        if not text.strip():
            self.emptied.emit()
        if "|" in text:  # a payload typed or pasted: Enter treats it as a scan
            self._debounce.stop()
            return
        self._debounce.start()

    def _entered(self) -> None:
        text = self.field.text()
        if "|" in text:
            self.field.clear()
            self.payload_entered.emit(text)
            return
        if self._debounce.isActive():  # Enter before the results came: search now, take the first
            self._debounce.stop()
            self.run(0, then_take=True)
            return
        self.take_selected()

    # -- searching ---------------------------------------------------------------------------------------------------

    def run(self, offset: int, then_take: bool = False) -> None:
        seq, text = self.state.ask(), self.field.text().strip()
        if not text:
            self._results(seq, None, False)
            return
        self._tasks.run(ops.search(self._ctx, text=text, offset=offset), parent=self._page,
                        on_done=lambda page: self._results(seq, page, then_take), on_error=self._on_error)

    def go_to_page(self, step: int) -> None:
        offset = self.state.offset_of(step, ops.PAGE_SIZE)
        if offset is not None:
            self.run(offset)

    def _results(self, seq: int, page: SearchPage | None, then_take: bool = False) -> None:
        if not self.state.answered(seq, page):
            return  # a later keystroke already asked again
        self.panel.show_residents(list(page.items) if page else [], offset=self.state.offset,
                                  has_more=self.state.has_more)
        if self.panel.model.residents:
            # The first result is previewed on the card once typing pauses: rendering the card on every
            # keystroke's results cost more than the search itself.
            self._preview.start()
        self.show_note()
        if then_take:
            self.take_selected()

    # -- choosing ----------------------------------------------------------------------------------------------------

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.previewed.emit(self.panel.model.residents[current.row()])

    def _preview_current(self) -> None:
        if (resident := self.panel.current()) is not None:
            self.previewed.emit(resident)

    def take_selected(self) -> None:
        """Enter on a result: that resident is the one at the desk; Enter again opens the visit."""
        row = self.panel.table.currentIndex().row()
        if row >= 0:
            self.taken.emit(self.panel.model.residents[row])

    def shows(self, resident: ResidentInfo) -> bool:
        """Whether the selected result is ``resident``."""
        current = self.panel.current()
        return current is not None and current.id == resident.id
