"""The look: one bundled font on every laptop, large targets, calm colours."""
from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from station_app.resources import resource

log = logging.getLogger(__name__)
FONT_FAMILY = "DejaVu Sans"

STYLE_SHEET = """
QWidget { font-size: 11pt; }
QLabel#heading { font-size: 17pt; font-weight: bold; color: #0b4f6c; }
QLabel#subheading { font-size: 12pt; font-weight: bold; color: #0b4f6c; }
QLabel#message { color: #b00020; font-weight: bold; }
QLabel#message[ok="true"] { color: #1b5e20; }
QLabel#hint { color: #555; }
QFrame#card { background: #ffffff; border: 1px solid #cfd8dc; border-radius: 8px; }
QLabel#figure { font-size: 22pt; font-weight: bold; color: #0b4f6c; }
QFrame#header { background: #0b4f6c; }
QFrame#header QLabel { color: white; }
QFrame#header QPushButton { background: #ffffff; color: #0b4f6c; border-radius: 4px; padding: 4px 12px; }
QListWidget#nav { background: #eef4f7; border: none; font-size: 12pt; }
QListWidget#nav::item { padding: 12px 10px; }
QListWidget#nav::item:selected { background: #0b4f6c; color: white; }
QPushButton { padding: 6px 14px; }
QPushButton#primary { background: #0b4f6c; color: white; font-weight: bold; border-radius: 4px; padding: 8px 18px; }
QPushButton#primary:disabled { background: #8aa7b5; }
QLineEdit, QComboBox, QSpinBox, QDateEdit { padding: 4px; }
"""


def apply_look(app: QApplication) -> None:
    """Register the bundled TTFs (the same ones the PDFs embed) and make them the interface font. Once per app."""
    if app.property("station_look"):
        return
    app.setProperty("station_look", True)
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        if QFontDatabase.addApplicationFont(str(resource("fonts", name))) < 0:
            log.warning("bundled font %s could not be registered", name)
    app.setFont(QFont(FONT_FAMILY, 11))
    if app.style().name().lower() != "fusion":  # already Fusion on Linux; setting it again costs ~10 ms
        app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
