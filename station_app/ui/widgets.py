"""Small building blocks shared by pages and dialogs."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget


class Retranslating(QWidget):
    """A widget whose texts are set in ``retranslate()``, called once and again on each language switch."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


def heading(level: int = 1) -> QLabel:
    label = QLabel()
    label.setObjectName("heading" if level == 1 else "subheading")
    label.setWordWrap(True)
    return label


def message_label() -> QLabel:
    """An inline message line: errors in red, results in green; empty and hidden until used."""
    label = QLabel()
    label.setObjectName("message")
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, text: str, ok: bool = False) -> None:
    # Qt's namespace costs ~20 ms of enum creation on first import: kept off the path to the first paint.
    from PySide6.QtCore import Qt

    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setProperty("ok", ok)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))
