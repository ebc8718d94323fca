"""The app's own icon on every window (title bar, taskbar, Alt+Tab), from the shipped PNGs."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget


def test_windows_carry_the_app_icon_in_every_shipped_size(app, qtbot):
    assert app.windowIcon().availableSizes() == [QSize(48, 48), QSize(128, 128), QSize(256, 256)]
    window = QWidget()
    qtbot.addWidget(window)
    assert window.windowIcon().cacheKey() == app.windowIcon().cacheKey()
