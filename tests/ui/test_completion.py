"""Combo boxes typed into with suggestions folded as the resident search folds (ui/completion.py)."""
from __future__ import annotations

from support.gui import type_text
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QComboBox

from station_app.ui.completion import fold_completion


def combo_of(qtbot, *items: str) -> QComboBox:
    combo = QComboBox()
    fold_completion(combo)
    for item in items:
        combo.addItem(item, item)
    qtbot.addWidget(combo)
    combo.show()
    combo.activateWindow()
    qtbot.waitUntil(combo.isActiveWindow)
    return combo


def test_typing_goes_on_when_the_suggestions_give_the_focus_back(qtbot, app):
    """A real keyboard under a window manager: the popup takes the focus and gives it back between two keys."""
    combo = combo_of(qtbot, "Xã Mường Kim (03637)", "Xã Mường Khoa (03601)")
    combo.setCurrentIndex(-1)
    type_text(combo.lineEdit(), "muong")
    QApplication.sendEvent(combo, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.PopupFocusReason))
    qtbot.wait(20)
    type_text(combo.lineEdit(), " kim")
    assert combo.currentText() == "muong kim"
    shown = combo.completer().completionModel()
    assert [shown.index(r, 0).data() for r in range(shown.rowCount())] == ["Xã Mường Kim (03637)"]
