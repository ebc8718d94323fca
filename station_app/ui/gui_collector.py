"""Python's cycle collector runs on the GUI thread only, on a timer, once background workers exist.

The collector runs in whichever thread happens to allocate when a generation's threshold is passed. With
``TaskRunner``'s workers that is often a worker thread, and a Qt wrapper caught in a reference cycle is then
destroyed there, off the thread that owns it: a segmentation fault of PySide6 6.12 seen in the GUI suite
("Garbage-collecting" in a db-lane job while the GUI thread ran the event loop). Automatic collection is turned
off and the same thresholds are checked every second on the GUI thread instead (the approach of pyqtgraph's
``GarbageCollector``). Reference counting still frees everything that is not in a cycle at once.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000
_installed: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    """Collects the generations whose thresholds were passed, on the GUI thread's timer."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)

    def collect(self) -> int:
        first, second, third = gc.get_count()
        found = 0
        if first > self.thresholds[0]:
            found += gc.collect(0)
            if second > self.thresholds[1]:
                found += gc.collect(1)
                if third > self.thresholds[2]:
                    found += gc.collect(2)
        return found


def install() -> None:
    """Once per process, on the GUI thread, when the first background runner is made."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is None and app is not None:
        _installed = GuiThreadCollector(app)
