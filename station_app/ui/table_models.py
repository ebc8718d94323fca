"""Table models for the coordinator's lists: cells are made when Qt asks for them, so a 50,000-row list costs
one Python list of rows, not 50,000 × 12 items.

The columns are the lists' own (``services.station.list_exports``: the same as the CSV and XLSX). Sorting is done by the
model on the rows' typed values (one Python sort, milliseconds at 50,000 rows): a QSortFilterProxyModel would
call ``data()`` through Python for every comparison, about a million calls for a list that size.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QObject, QPersistentModelIndex,
                            Qt)
from PySide6.QtGui import QColor

from station_app.core.names import normalise_name
from station_app.core.text import cell_text
from station_app.services.station.lists import DailyList, DuplicateList, PendingList, ReferralList

if TYPE_CHECKING:
    from station_app.services.station.list_exports import AnyList, Field

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _TOOLTIP, _ALIGN, _BACKGROUND, _FOREGROUND = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole))
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the typed value a column sorts by
_ALIGNMENTS = {"RIGHT": int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
               "CENTER": int(Qt.AlignmentFlag.AlignCenter)}
# Columns kept on screen although the printed list leaves them out (it prints them as section headings).
_ALWAYS_SHOWN = {"Thôn/bản", "Trạng thái", "Liên thông"}


def columns_of(the_list: AnyList) -> list[Field]:
    """The list's columns as the CSV has them (the signature column is for paper only).

    ``services.station.list_exports`` brings reportlab with it: the lists page imports it on the database lane
    while the first list loads, so that neither sign-in nor the GUI thread waits for it."""
    from station_app.services.station import list_exports as e

    fields = {DailyList: e.DAILY_FIELDS, PendingList: e.PENDING_FIELDS, ReferralList: e.REFERRAL_FIELDS,
              DuplicateList: e.DUPLICATE_FIELDS}[type(the_list)]
    shown = [f for f in fields if f.data]
    if isinstance(the_list, PendingList):  # read village by village, as the paper's sections: the village first
        shown.sort(key=lambda f: f.title != "Thôn/bản")
    return shown


def _sort_key(value: Any) -> tuple[int, Any]:
    """Empty cells last; names and words in Vietnamese order (Đ after D, tones ignored)."""
    if value is None or value == "":
        return (2, "")
    if isinstance(value, str):
        return (1, normalise_name(value))
    if isinstance(value, dt.date):
        return (0, value.toordinal())
    return (0, value)


class ListTableModel(QAbstractTableModel):
    """The rows of one list (daily, pending, referrals, duplicates); read-only, sortable by any column.

    ``printed_only(column)`` tells the page which columns the printed list also shows, so that it can hide
    the others by default. Pending rows are shaded village by village, the way a village head walks them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.the_list: AnyList | None = None
        self.rows: list[Any] = []
        self.fields: list[Field] = []
        self._bands: list[bool] = []
        self._band_colour = QColor("#eef4f7")
        self._priority_colour = QColor("#8a5300")
        self._refused_colour = QColor("#b00020")

    def set_list(self, the_list: AnyList | None) -> None:
        self.beginResetModel()
        self.the_list = the_list
        self.rows = list(the_list.rows) if the_list is not None else []
        self.fields = columns_of(the_list) if the_list is not None else []
        self._shade()
        self.endResetModel()

    def replace_row(self, row_number: int, row: Any) -> None:
        """One row changed (a referral marked followed up): only its cells are redrawn."""
        self.rows[row_number] = row
        self.dataChanged.emit(self.index(row_number, 0), self.index(row_number, len(self.fields) - 1))

    def row_at(self, row_number: int) -> Any:
        return self.rows[row_number]

    def column_of(self, title: str) -> int:
        return next(i for i, f in enumerate(self.fields) if f.title == title)

    def shown_by_default(self, column: int) -> bool:
        field = self.fields[column]
        return field.width_mm > 0 or field.title in _ALWAYS_SHOWN

    def _shade(self) -> None:
        self._bands = []
        if not isinstance(self.the_list, PendingList):
            return
        band, last = False, object()
        for row in self.rows:
            key = (row.commune_code, row.village)
            if key != last:
                band, last = not band, key
            self._bands.append(band)

    # -- Qt's model interface ---------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.fields)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        role = int(role)
        if not index.isValid():
            return None
        field = self.fields[index.column()]
        if role in (_DISPLAY, _TOOLTIP):
            value = field.value(self.rows[index.row()])
            if isinstance(value, float):  # 22,4 in Vietnamese, 22.4 in English (the printed list: Vietnamese)
                return QLocale().toString(value, "f", 1)
            text = cell_text(value)
            return QCoreApplication.translate(field.words, text) if field.words and text else text
        if role == SORT_ROLE:
            return field.value(self.rows[index.row()])
        if role == _ALIGN:
            return _ALIGNMENTS.get(field.align)
        if role == _BACKGROUND and self._bands and self._bands[index.row()]:
            return self._band_colour
        if role == _FOREGROUND and isinstance(self.the_list, PendingList) and self.rows[index.row()].priority:
            return self._priority_colour
        if role == _FOREGROUND and isinstance(self.the_list, DailyList) and field.title == "Liên thông":
            national = self.rows[index.row()].national  # a refusal stands out: the record must be corrected
            return self._refused_colour if national is not None and national.refused else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if int(role) != _DISPLAY or orientation != Qt.Orientation.Horizontal or section >= len(self.fields):
            return None
        # The titles are the printed list's (services.station.list_exports); their English is in the "ListTableModel"
        # context of the translations.
        return QCoreApplication.translate("ListTableModel", self.fields[section].title)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.fields):
            return
        value = self.fields[column].value
        keyed = [(_sort_key(value(r)), r) for r in self.rows]
        filled = [k for k in keyed if k[0][0] < 2]
        filled.sort(key=lambda k: k[0], reverse=order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()  # a reset, not a layout change: no selection survives pointing at a moved row
        self.rows = [r for _, r in filled] + [r for k, r in keyed if k[0] >= 2]  # empty cells stay last
        self._shade()
        self.endResetModel()

    def retranslate(self) -> None:
        if self.fields:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.fields) - 1)


def totals_lines(pairs: Sequence[tuple[str, str]]) -> str:
    """The list's totals as one wrapped line under the table: "Chưa khám: 1.234 · Thuộc nhóm ưu tiên: 512"."""
    return " · ".join(f"{label.strip()}: {figure}" for label, figure in pairs)
