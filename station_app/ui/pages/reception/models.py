"""The reception desk's two tables: the residents a search found, and today's queue."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView

from station_app.ui.labels import status_label
from station_app.ui.simple_table import SimpleTableModel

if TYPE_CHECKING:
    from station_app.services.station.registry import ResidentInfo, VisitInfo

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _TOOLTIP, _FOREGROUND = (int(r.value) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                            Qt.ItemDataRole.ForegroundRole))


class ResidentsTableModel(SimpleTableModel):
    """One page of search results. The cells' texts are made once per page, not on each of Qt's many
    ``data()`` calls: search as you type refills this model on every keystroke."""

    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.residents: list[ResidentInfo] = []
        self._cells: list[tuple[str, ...]] = []
        self._examined_colour = QColor("#8a5300")

    def set_residents(self, residents: list[ResidentInfo]) -> None:
        self.beginResetModel()
        self.residents = residents
        self._cells = [(r.full_name, str(r.birth_year), r.village or r.address or "",
                        r.national_id or r.insurance_number or "",
                        f"{r.last_visit_date:%d/%m}" if r.last_visit_date else "") for r in residents]
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._cells)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role == _DISPLAY or role == _TOOLTIP:
            return self._cells[index.row()][index.column()]
        if role == _FOREGROUND and index.column() == 4:
            return self._examined_colour
        return None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Họ và tên"), self.tr("Năm sinh"), self.tr("Thôn/bản"), self.tr("Số CCCD / BHYT"),
                self.tr("Đã khám"))


class QueueTableModel(SimpleTableModel):
    """Today's visits at this site, by queue number."""

    COLUMNS = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visits: list[VisitInfo] = []

    def set_visits(self, visits: list[VisitInfo]) -> None:
        self.beginResetModel()
        self.visits = sorted(visits, key=lambda v: v.queue_number)
        self.endResetModel()

    def row_of(self, visit_id: str) -> int:
        return next((i for i, v in enumerate(self.visits) if v.id == visit_id), -1)

    def row_count(self) -> int:
        return len(self.visits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        v = self.visits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(v.queue_number), f"{v.resident_name} ({v.birth_year})", status_label(v.status))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("STT"), self.tr("Họ và tên"), self.tr("Trạng thái"))


def table_view(model: QAbstractTableModel) -> QTableView:
    """A read-only table of whole rows, one selected at a time."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table
