"""The exam page driven from the keyboard: picking a visit from the queue as a nurse does."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def key(widget, code, text="") -> None:
    """One key pressed and released on ``widget``, no modifier."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))


def pick_from_queue(qtbot, page, visit) -> None:
    """Arrows down the exam page's queue to ``visit`` and opens it with Enter; waits for the vitals form."""
    page.refresh()
    qtbot.waitUntil(lambda: any(v.id == visit.id for v in page.queue_visits))
    page.focus_queue()
    row = next(i for i, v in enumerate(page.queue_visits) if v.id == visit.id)
    page.queue.setCurrentRow(0)
    for _ in range(row):
        key(page.queue, Qt.Key.Key_Down)
    key(page.queue, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.vitals.isEnabled() and QApplication.focusWidget() is page.vitals.first_field())
