"""Driving widgets as a user does. One key event per character: qtbot.keyClicks aborts on non-ASCII text."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def press_enter(widget: QWidget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))


def load_form(qtbot, form: QWidget, visit, size: tuple[int, int] | None = None, *, show: bool = True,
              owned: bool = True) -> QWidget:
    """A desk form (doctor, counselling) with the visit loaded, once its state has come back from the database.

    ``owned=False`` leaves the form to the test, which closes it itself (as the app does when it quits)."""
    if owned:
        qtbot.addWidget(form)
    if size is not None:
        form.resize(*size)
    if show:
        form.show()
    form.load(visit)
    qtbot.waitUntil(lambda: form.state is not None)
    return form
