"""Locks the window after a configurable idle time, so a queue-side laptop never shows data to passers-by."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Watches every input event of the application; emits ``timed_out`` after ``minutes`` without one."""

    timed_out = Signal()
    MS_PER_MINUTE = 60_000  # tests shorten the minute

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.timed_out)
        self._watching = False
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self._minutes = max(0, minutes)
        self.restart()

    def restart(self) -> None:
        if self._minutes:
            self._timer.start(self._minutes * self.MS_PER_MINUTE)
            self._watch(True)
        else:
            self.pause()

    def pause(self) -> None:
        """Stop counting, and stop looking at events: an application-wide Python event filter sees every event
        (measured: it doubled the time to the first paint), so it is installed only while someone is signed in."""
        self._timer.stop()
        self._watch(False)

    def stop(self) -> None:
        self.pause()

    def _watch(self, on: bool) -> None:
        if on != self._watching:
            app = QApplication.instance()
            app.installEventFilter(self) if on else app.removeEventFilter(self)
            self._watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
