"""Small pieces the office pages share: read-only tables, times shown in local time, "how long ago"."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget

from station_app.ui.labels import number
from station_app.ui.pages.progress import SortedCell  # a cell shown as text that sorts by its value

LATE_BACKGROUND = QColor("#fdecea")  # the 24-hour rule missed, a quarantined batch: calm red, text stays black
LATE_TEXT = QColor("#b00020")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_FIGURE = re.compile(r"[\d.,]+( %)?|—")  # a count, a percentage, hours: right-aligned


def make_table(stretch_last: bool = True) -> QTableWidget:
    """A read-only, sortable table whose columns fit their contents."""
    table = QTableWidget()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch_last)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the order given, until a heading is clicked
    return table


def fill_table(table: QTableWidget, headings: list[str], rows: list[list[tuple[str, Any]]]) -> None:
    """``rows`` of (text, sort key) cells; figures (counts, percentages, hours) are right-aligned."""
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(headings))
    table.setHorizontalHeaderLabels(headings)
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, (text, key) in enumerate(cells):
            item = SortedCell(text, key)
            if _FIGURE.fullmatch(text):
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)
    table.setSortingEnabled(True)
    table.resizeRowsToContents()


def figure_key(text: str) -> Any:
    """The value a report cell sorts by: 50 % → 50.0, 12.5 → 12.5, other text as it is."""
    found = re.fullmatch(r"([\d.]+)( %)?", text)
    return float(found[1]) if found else text


def tint_row(table: QTableWidget, row: int, columns_in_red: tuple[int, ...] = ()) -> None:
    for column in range(table.columnCount()):
        item = table.item(row, column)
        if item is not None:
            item.setBackground(QBrush(LATE_BACKGROUND))
            if column in columns_in_red:
                item.setForeground(QBrush(LATE_TEXT))


def local_time(moment: dt.datetime | None) -> str:
    """A naive UTC time of the office tables, as the office's clock shows it."""
    if moment is None:
        return "—"
    return f"{moment.replace(tzinfo=dt.UTC).astimezone():%d/%m/%Y %H:%M}"


def since_text(hours: float | None) -> str:
    """How long ago, in the unit a person says: minutes, hours, then days and hours."""
    # QCoreApplication.translate spelt out each time: lupdate does not follow an alias such as tr = …
    if hours is None:
        return QCoreApplication.translate("OfficeWindow", "chưa gửi lô nào")
    if hours < 1:
        return QCoreApplication.translate("OfficeWindow", "{n} phút").format(n=int(hours * 60))
    if hours < 48:
        return QCoreApplication.translate("OfficeWindow", "{n} giờ").format(n=int(hours))
    return QCoreApplication.translate("OfficeWindow", "{d} ngày {h} giờ").format(d=int(hours // 24),
                                                                                   h=int(hours % 24))


__all__ = ["fill_table", "local_time", "make_table", "number", "since_text", "tint_row"]
