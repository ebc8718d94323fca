"""The window's notice of changed visits: a desk that changes a visit says so here, and every page listing visits
shows the new state at once, without asking the database on a timer."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class VisitEvents(QObject):
    """One per window (``MainWindow.visit_events``), handed to the pages that change or list visits; a page made on
    its own (tests, benchmarks) makes its own."""

    changed = Signal(str)  # the visit's id: opened, measured, examined, completed…
