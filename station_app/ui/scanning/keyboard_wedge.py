"""Keyboard-mode ("wedge") scanners: tell a scanner's key burst from a person typing, wherever focus is.

A scanner types a whole payload in a few milliseconds and ends it with Enter; a person leaves 80 ms or more
between keys. The filter holds printable keys back for a moment: a fast burst of at least ``min_length``
keys ending with Enter becomes ``scanned(text)`` and never reaches the focused field; anything else is
replayed, in order, to the widget it was aimed at, so typing is only delayed by ``flush_ms``.

The decision uses the events' own timestamps (the time the key was pressed), not the time they are handled:
a scanner's burst reaches Qt as a queue of events handled back to back, so wall-clock gaps would say nothing.
Events without a timestamp (0: made by software, e.g. tests or an on-screen keyboard) pass straight through.
"""
from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

MAX_GAP_MS = 35  # a scanner's keys come 1-15 ms apart; fast typists rarely go under 60 ms, never for 8 keys
MIN_LENGTH = 8  # shorter bursts (a typed "Nam" + Enter) are never scans
FLUSH_MS = 60  # how long a typed key may be held back; restarted by each key while a burst is arriving
_TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
    | Qt.KeyboardModifier.MetaModifier


@dataclass
class _HeldKey:
    receiver: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    timestamp: int


class KeyboardWedgeFilter(QObject):
    """An application event filter that watches key presses aimed at ``root`` or any widget inside it.

    Install with ``install()`` (it filters the QApplication, because key events go to the focused child, not to
    the page); ``uninstall()`` or deleting the filter removes it. Signals: ``scanned(str)``.
    """

    scanned = Signal(str)

    def __init__(self, root: QWidget, *, min_length: int = MIN_LENGTH, max_gap_ms: int = MAX_GAP_MS,
                 flush_ms: int = FLUSH_MS) -> None:
        super().__init__(root)
        self._root = root
        self._min_length, self._max_gap_ms = min_length, max_gap_ms
        self._held: list[_HeldKey] = []
        self._replaying = False
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
            QApplication.instance().removeEventFilter(self)
            self._installed = False

    @property
    def holding(self) -> int:
        """How many keys are held back right now (for tests and diagnostics)."""
        return len(self._held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._replaying or event.type() != QEvent.Type.KeyPress or not self._in_scope(watched):
            return False
        return self._key_pressed(watched, event)  # type: ignore[arg-type]

    # -- deciding -------------------------------------------------------------------------------------------

    def _key_pressed(self, receiver: QObject, event: QKeyEvent) -> bool:
        stamp = event.timestamp()
        if stamp == 0 or event.isAutoRepeat():
            self._replay()
            return False
        if self._held and not 0 <= stamp - self._held[-1].timestamp < self._max_gap_ms:
            self._replay()  # a slow gap: what is held was typed; this key may start a scan of its own
        if event.key() in _TERMINATORS:
            return self._terminated()
        if not _printable(event):
            self._replay()
            return False
        self._held.append(_HeldKey(receiver, event.key(), event.modifiers(), event.text(), stamp))
        self._timer.start()
        return True

    def _terminated(self) -> bool:
        if len(self._held) >= self._min_length:
            text = "".join(k.text for k in self._held)
            self._held.clear()
            self._timer.stop()
            self.scanned.emit(text)
            return True
        self._replay()
        return False  # the Enter itself goes on to the field, after the keys it follows

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
            for key in held:
                if shiboken6.isValid(key.receiver):
                    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                        QApplication.sendEvent(key.receiver, QKeyEvent(kind, key.key, key.modifiers, key.text))
        finally:
            self._replaying = False


def _printable(event: QKeyEvent) -> bool:
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & _COMMAND_MODIFIERS
