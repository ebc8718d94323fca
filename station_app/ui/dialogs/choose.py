"""Choosing one of several: near matches of a scanned card ("possible duplicates"), or codes seen together.

Never merges or picks anything by itself: the nurse chooses with Up/Down and Enter, or presses the extra button
("Người mới") or Esc.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from station_app.ui.widgets import heading


class ChooseDialog(QDialog):
    """Lists ``items`` (one line each). Signals: ``chosen(int)`` with the row, ``new_requested()`` for the extra
    button (when ``new_text`` is given). Rejected (Esc) sends neither."""

    chosen = Signal(int)
    new_requested = Signal()

    def __init__(self, parent: QWidget, title: str, explanation: str, items: list[str],
                 new_text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        self.title = heading(2)
        self.title.setText(title)
        self.explanation = QLabel(explanation)
        self.explanation.setWordWrap(True)
        self.items = QListWidget()
        self.items.addItems(items)
        self.items.setCurrentRow(0)
        self.items.itemActivated.connect(lambda _item: self._choose())
        self.choose_button = QPushButton(self.tr("Chọn người này (Enter)") if new_text else self.tr("Chọn (Enter)"))
        self.choose_button.setObjectName("primary")
        self.choose_button.setDefault(True)
        self.choose_button.clicked.connect(self._choose)
        self.new_button = QPushButton(new_text or "")
        self.new_button.setVisible(bool(new_text))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self._new)
        self.cancel_button = QPushButton(self.tr("Huỷ (Esc)"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.choose_button, self.new_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.explanation, self.items):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.items.setFocus()

    def _choose(self) -> None:
        row = self.items.currentRow()
        if row < 0:
            return
        self.accept()
        self.chosen.emit(row)

    def _new(self) -> None:
        self.accept()
        self.new_requested.emit()
