"""The list on screen: the table (sorted by a click on a header; the user's order survives a reload) and the totals
under it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout

from station_app.ui.labels import number
from station_app.ui.table_models import ListTableModel, totals_lines
from station_app.ui.widgets import Retranslating

if TYPE_CHECKING:
    from station_app.services.station.list_exports import AnyList


class ListPreview(Retranslating):
    """The table showing ``model`` and the list's totals (the long ones in the tooltip)."""

    def __init__(self, model: ListTableModel) -> None:
        super().__init__()
        self.model = model
        self.table = self._make_table()
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        self.retranslate()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the list's own order
        table.verticalHeader().setDefaultSectionSize(26)  # fixed heights: no measuring of 50,000 rows
        table.verticalHeader().hide()
        table.setWordWrap(False)
        return table

    def retranslate(self) -> None:
        self.show_totals()

    def clear(self) -> None:
        """Another list was chosen: nothing shown until it arrives, in its own order."""
        self.model.set_list(None)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.show_totals()

    def show_list(self, the_list: AnyList) -> None:
        header = self.table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        self.model.set_list(the_list)
        for col in range(self.model.columnCount()):
            self.table.setColumnHidden(col, not self.model.shown_by_default(col))
        if 0 <= column < self.model.columnCount():
            self.model.sort(column, order)  # the user's chosen order survives a reload
        self._size_columns()
        self.show_totals()

    def _size_columns(self) -> None:
        # Sized on the first 200 rows only: resizeColumnsToContents would measure all 50,000.
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount()):
            width = max([header.sectionSizeHint(col)] + [self.table.sizeHintForIndex(self.model.index(r, col)).width()
                                                          for r in range(min(200, self.model.rowCount()))])
            header.resizeSection(col, min(width + 12, 340))

    def show_totals(self) -> None:
        from station_app.services.station.list_exports import DESTINATION_TOTALS, VILLAGE_TOTALS, totals_of

        the_list = self.model.the_list
        pairs = totals_of(the_list, QCoreApplication.translate, figure=number) if the_list is not None else []
        # Per village and per destination counts can run to a hundred: they go to the tooltip and the paper.
        long = tuple(f"{QCoreApplication.translate('ListTableModel', t)}:"
                     for t in (VILLAGE_TOTALS, DESTINATION_TOTALS))
        short = [p for p in pairs if not p[0].startswith(long)]
        self.totals.setText(self.tr("Tổng: {totals}").format(totals=totals_lines(short)) if pairs else "")
        self.totals.setToolTip(totals_lines(pairs).replace(" · ", "\n") if len(short) < len(pairs) else "")

    def selected_row(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows and self.model.the_list is not None else None
