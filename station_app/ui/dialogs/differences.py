"""What a scanned card says differently from the stored record: the nurse ticks what to take from the card."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.core.card_changes import FieldChange
from station_app.core.model import Sex
from station_app.ui.printing import sex_label
from station_app.ui.widgets import heading


class DifferencesDialog(QDialog):
    """One row per difference, ticked by default. Signals: ``changes_accepted(list)`` with the ticked
    ``FieldChange``s (Enter); "Giữ như cũ" (Esc) keeps the record and sends nothing."""

    changes_accepted = Signal(list)

    def __init__(self, parent: QWidget, changes: tuple[FieldChange, ...] | list[FieldChange]) -> None:
        super().__init__(parent)
        self.changes = list(changes)
        self.setWindowTitle(self.tr("Thông tin trên thẻ khác hồ sơ"))
        self.setMinimumWidth(720)
        title = heading(2)
        title.setText(self.tr("Thẻ vừa quét có thông tin khác với hồ sơ đã lưu"))
        hint = QLabel(self.tr("Hỏi lại người dân. Đánh dấu những thông tin cần cập nhật theo thẻ, rồi bấm "
                              "\"Cập nhật theo thẻ\". Bỏ đánh dấu để giữ như cũ."))
        hint.setWordWrap(True)
        self.table = QTableWidget(len(self.changes), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Thông tin"), self.tr("Trong hồ sơ"), self.tr("Trên thẻ")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for row, change in enumerate(self.changes):
            name = QTableWidgetItem(self.field_label(change.field))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            name.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(self.value_text(change.field, change.stored)))
            self.table.setItem(row, 2, QTableWidgetItem(self.value_text(change.field, change.scanned)))
        self.table.resizeRowsToContents()
        self.accept_button = QPushButton(self.tr("Cập nhật theo thẻ (Enter)"))
        self.accept_button.setObjectName("primary")
        self.accept_button.setDefault(True)
        self.accept_button.clicked.connect(self._accept_ticked)
        self.keep_button = QPushButton(self.tr("Giữ như cũ (Esc)"))
        self.keep_button.setAutoDefault(False)
        self.keep_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addStretch()
        buttons.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        for widget in (title, hint, self.table):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.accept_button.setFocus()

    def ticked(self) -> list[FieldChange]:
        return [c for row, c in enumerate(self.changes)
                if self.table.item(row, 0).checkState() == Qt.CheckState.Checked]

    def _accept_ticked(self) -> None:
        chosen = self.ticked()
        self.accept()
        if chosen:
            self.changes_accepted.emit(chosen)

    def field_label(self, field: str) -> str:
        labels = {"full_name": self.tr("Họ và tên"), "national_id": self.tr("Số CCCD"),
                  "old_id_number": self.tr("Số CMND cũ"), "insurance_number": self.tr("Số thẻ BHYT"),
                  "address": self.tr("Địa chỉ"), "birth_date": self.tr("Ngày sinh"), "sex": self.tr("Giới tính"),
                  "village": self.tr("Thôn/bản"), "commune_code": self.tr("Xã/phường"),
                  "phone": self.tr("Số điện thoại")}
        return labels.get(field, field)

    def value_text(self, field: str, value: str | None) -> str:
        if not value:
            return self.tr("(trống)")
        if field == "sex":
            return sex_label(Sex(value))
        if field == "birth_date":
            return f"{dt.date.fromisoformat(value):%d/%m/%Y}"
        return value
