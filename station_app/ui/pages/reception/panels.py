"""The reception desk's two lists: the residents found (left) and today's queue (under the card)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout

from station_app.ui.pages.reception.models import QueueTableModel, ResidentsTableModel, table_view

if TYPE_CHECKING:
    from station_app.services.station.registry import ResidentInfo, VisitInfo


class ResultsPanel(QGroupBox):
    """One page of search results, a note on what is shown, and the previous and next page buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.model = ResidentsTableModel(self)
        self.table = table_view(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name gets what is left
        # Fixed widths from the font, not ResizeToContents: sizing every cell again on each keystroke's new
        # page cost more than the search itself.
        digits = self.table.fontMetrics().horizontalAdvance("0")
        for column, chars in ((1, 8), (3, 18), (4, 9)):
            header.resizeSection(column, max(digits * chars, header.sectionSizeHint(column)))
        header.resizeSection(2, 130)  # villages are short; a long address is elided (full text in the tooltip)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.previous_button, self.next_button = QPushButton(), QPushButton()
        for button in (self.previous_button, self.next_button):
            button.setEnabled(False)
        paging = QHBoxLayout()
        paging.addWidget(self.note, 1)
        paging.addWidget(self.previous_button)
        paging.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Kết quả tìm kiếm"))
        self.previous_button.setText(self.tr("Trang trước"))
        self.next_button.setText(self.tr("Trang sau"))
        self.model.retranslate()

    def show_residents(self, residents: list[ResidentInfo], *, offset: int, has_more: bool) -> None:
        """A page of results, the first row selected without showing it yet (the page previews it later)."""
        self.model.set_residents(residents)
        self.previous_button.setEnabled(offset > 0)
        self.next_button.setEnabled(has_more)
        if residents:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(0)
            self.table.selectionModel().blockSignals(False)
            self.table.viewport().update()

    def show_note(self, *, typed: bool, offset: int, has_more: bool) -> None:
        count = len(self.model.residents)
        if not typed:
            text = self.tr("Gõ ít nhất một chữ của tên, hoặc số CCCD, số BHYT, năm sinh, tên thôn/bản.")
        elif count == 0:
            text = self.tr("Không tìm thấy ai. Kiểm tra lại chính tả, hoặc bấm F2 để nhập người mới.")
        else:
            text = self.tr("Người {first}–{last}{more}. Mũi tên lên/xuống để chọn, Enter để nhận.").format(
                first=offset + 1, last=offset + count, more="+" if has_more else "")
        self.note.setText(text)

    def current(self) -> ResidentInfo | None:
        row = self.table.currentIndex().row()
        return self.model.residents[row] if 0 <= row < len(self.model.residents) else None

    def move_selection(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = self.table.currentIndex().row()
        self.table.selectRow(min(max(row + step, 0), count - 1) if row >= 0 else 0)

    def deselect(self) -> None:
        """No row selected, and no signal that would show its resident."""
        self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().clear()
        self.table.selectionModel().blockSignals(False)
        self.table.viewport().update()


class QueuePanel(QGroupBox):
    """Today's visits at this site by queue number, and the button that prints a slip again."""

    def __init__(self) -> None:
        super().__init__()
        self.model = QueueTableModel(self)
        self.table = table_view(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.reprint_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignLeft)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Hàng đợi hôm nay"))
        self.reprint_button.setText(self.tr("In lại phiếu (Ctrl+P)"))
        self.model.retranslate()

    def selected(self) -> VisitInfo | None:
        row = self.table.currentIndex().row()
        return self.model.visits[row] if 0 <= row < len(self.model.visits) else None

    def select(self, visit_id: str) -> bool:
        if (row := self.model.row_of(visit_id)) < 0:
            return False
        self.table.selectRow(row)
        return True

    def load(self, visits: list[VisitInfo], *, keep: str | None) -> bool:
        """Today's visits; ``keep``, if among them, selected again. Says whether it was."""
        self.model.set_visits(visits)
        return keep is not None and self.select(keep)
