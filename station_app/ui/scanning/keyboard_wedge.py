"""Keyboard-mode ("wedge") scanners: tell a scanner's key burst from a person typing, wherever focus is.

A scanner types like a keyboard: every character is a key pressed and released, with Shift (and, on some layouts,
AltGr) pressed and released around capitals and ``|``, the whole payload within a few milliseconds, then Enter. A
person leaves 80 ms or more between keys. The filter holds back every key event aimed at the page while a burst may be
arriving, modifiers and releases included: a fast burst of at least ``min_length`` characters ending with Enter becomes
``scanned(text)`` and none of its events reach the focused widget (nor the releases that follow its last keys);
anything else is given back whole and in order, each event to the widget it was aimed at, so typing is only delayed
by ``flush_ms``.

The decision uses the events' own timestamps (the time the key was pressed or released), not the time they are
handled: a scanner's burst reaches Qt as a queue of events handled back to back, so wall-clock gaps would say nothing.
Events without a timestamp (0: made by software, e.g. tests or an on-screen keyboard) pass straight through.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

MAX_GAP_MS = 35  # a scanner's events come 1-15 ms apart; fast typists rarely go under 60 ms, never for 8 keys
MIN_LENGTH = 8  # shorter bursts (a typed "Nam" + Enter) are never scans
FLUSH_MS = 60  # how long a typed key may be held back; restarted by each key while a burst is arriving
MAX_HELD = 4096  # key events (up to 4 a character): a card's code is a few hundred characters, never 1,000
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
_TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_LINE_ENDS = ("\r", "\n")  # a scanner set to end with a line feed: X reports its own key code for it
_K = Qt.Key
# Keys that change what the next key types, and the key-less codes some scanners' layouts send: inside a burst
# they are part of it, never its end.
_MODIFIER_KEYS = frozenset({_K.Key_Shift, _K.Key_Control, _K.Key_Alt, _K.Key_AltGr, _K.Key_Meta, _K.Key_Mode_switch,
                            _K.Key_Super_L, _K.Key_Super_R, _K.Key_Hyper_L, _K.Key_Hyper_R, _K.Key_unknown, 0})
_CTRL, _ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
_COMMAND_MODIFIERS = _CTRL | _ALT | Qt.KeyboardModifier.MetaModifier


class KeyboardWedgeFilter(QObject):
    """An application event filter that watches the key events aimed at ``root`` or any widget inside it.

    Install with ``install()`` (it filters the QApplication, because key events go to the focused child, not to
    the page); ``uninstall()`` or deleting the filter removes it. Signals: ``scanned(str)``.
    """

    scanned = Signal(str)

    def __init__(self, root: QWidget, *, min_length: int = MIN_LENGTH, max_gap_ms: int = MAX_GAP_MS,
                 flush_ms: int = FLUSH_MS) -> None:
        super().__init__(root)
        self._root = root
        self._min_length, self._max_gap_ms = min_length, max_gap_ms
        self._held: list[tuple[QObject, QKeyEvent]] = []  # copies: Qt deletes its events once handled
        self._unreleased: set[int] = set()  # keys of the last scan still to be released: their releases are its own
        self._replaying = False
        self._spilling: int | None = None  # the time of the last event of a burst too long to hold, passed on
        self._installed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(flush_ms)
        self._timer.timeout.connect(self._replay)

    def install(self) -> None:
        if not self._installed:
            QApplication.instance().installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        if self._installed:
            self._replay()
            self._unreleased.clear()
            QApplication.instance().removeEventFilter(self)
            self._installed = False

    @property
    def holding(self) -> int:
        """How many key events are held back right now (for tests and diagnostics)."""
        return len(self._held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._replaying or event.type() not in _KEY_EVENTS or not self._in_scope(watched):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if key_event.timestamp() == 0 or key_event.isAutoRepeat():
            self._replay()
            return False
        if self._spilling is not None and self._spilled(key_event):
            return False
        if event.type() == QEvent.Type.KeyRelease:
            return self._key_released(watched, key_event)
        return self._key_pressed(watched, key_event)

    # -- deciding -------------------------------------------------------------------------------------------

    def _key_pressed(self, receiver: QObject, event: QKeyEvent) -> bool:
        self._unreleased.clear()
        if self._held and self._slow(event):
            self._replay()  # a slow gap: what is held was typed; this key may start a scan of its own
        if event.key() in _TERMINATORS or event.text() in _LINE_ENDS:
            return self._terminated(event)
        if not (_printable(event) or _modifier(event)):
            self._replay()  # an editing key or a shortcut ends the burst: the keys before it go first
            return False
        return self._hold(receiver, event)

    def _key_released(self, receiver: QObject, event: QKeyEvent) -> bool:
        if event.key() in self._unreleased:  # Enter or Shift let go after a scan: part of the scan
            self._unreleased.discard(event.key())
            return True
        if not self._held:
            return False
        if self._slow(event):
            self._replay()
            return False
        return self._hold(receiver, event)

    def _spilled(self, event: QKeyEvent) -> bool:
        """Whether ``event`` is more of a burst too long to be a scan (it then goes on to its widget)."""
        if not 0 <= event.timestamp() - self._spilling < self._max_gap_ms:
            self._spilling = None
            return False
        self._spilling = event.timestamp()
        if event.type() == QEvent.Type.KeyPress and (event.key() in _TERMINATORS or event.text() in _LINE_ENDS):
            self._spilling = None
        return True

    def _slow(self, event: QKeyEvent) -> bool:
        return not 0 <= event.timestamp() - self._held[-1][1].timestamp() < self._max_gap_ms

    def _hold(self, receiver: QObject, event: QKeyEvent) -> bool:
        if len(self._held) >= MAX_HELD:  # longer than any card: pasted or endless input, given back, not hoarded
            self._replay()
            self._spilling = event.timestamp()  # and the rest of the burst, its Enter included, goes on as typed
            return False
        self._held.append((receiver, QKeyEvent(event)))
        self._timer.start()
        return True

    def _terminated(self, enter: QKeyEvent) -> bool:
        presses = [e for _r, e in self._held if e.type() == QEvent.Type.KeyPress]
        text = "".join(e.text() for e in presses if not _modifier(e))
        if len(text) < self._min_length:
            self._replay()
            return False  # the Enter itself goes on to the field, after the keys it follows
        released = {e.key() for _r, e in self._held if e.type() == QEvent.Type.KeyRelease}
        self._unreleased = {e.key() for e in presses if e.key() not in released} | {enter.key()}
        self._held.clear()
        self._timer.stop()
        self.scanned.emit(text)
        return True

    def _in_scope(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget) or not shiboken6.isValid(self._root):
            return False
        return watched is self._root or self._root.isAncestorOf(watched)

    # -- giving typed keys back -------------------------------------------------------------------------------

    def _replay(self) -> None:
        self._timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for receiver, event in held:
                if shiboken6.isValid(receiver):
                    QApplication.sendEvent(receiver, event)
        finally:
            self._replaying = False


def _modifier(event: QKeyEvent) -> bool:
    return event.key() in _MODIFIER_KEYS and not event.text()


def _printable(event: QKeyEvent) -> bool:
    text = event.text()
    if not text or not text.isprintable():
        return False
    command = event.modifiers() & _COMMAND_MODIFIERS
    return not command or command == _CTRL | _ALT  # Ctrl+Alt is how Windows reports AltGr: it types a character
