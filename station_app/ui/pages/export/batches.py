"""The table of the batches made, newest first, with whether the office has them."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from station_app.ui.labels import number
from station_app.ui.pages.export.state import COUNT_COLUMNS, BatchState, local_time
from station_app.ui.widgets import RetranslatedMixin

if TYPE_CHECKING:
    from station_app.services.exchange.batch_export import BatchInfo
    from station_app.ui.pages.export.state import ExportState


class BatchTable(RetranslatedMixin, QTableWidget):
    """One row per batch: its number, file, time, counts and state."""

    def __init__(self) -> None:
        super().__init__(0, 7)
        self.state: ExportState | None = None
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([
            self.tr("Số"), self.tr("Tệp"), self.tr("Tạo lúc"), self.tr("Người dân"), self.tr("Lượt khám"),
            self.tr("Kết quả đo/khám"), self.tr("Trạng thái")])
        if self.state is not None:
            self.show_batches(self.state)

    def show_batches(self, state: ExportState) -> None:
        self.state = state
        self.setRowCount(len(state.batches))
        for row, batch in enumerate(state.newest_first()):
            cells = [str(batch.sequence), batch.file_name, local_time(batch.created_at),
                     *(number(batch.counts.get(k, 0)) for k in COUNT_COLUMNS), self.status_text(batch)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)

    def status_text(self, batch: BatchInfo) -> str:
        assert self.state is not None
        match self.state.batch_state(batch):
            case BatchState.ACKNOWLEDGED:
                return self.tr("Đơn vị nhận đã xác nhận ({time})").format(time=local_time(batch.acknowledged_at))
            case BatchState.REJECTED_WITH_REASON:
                note = self.state.note(batch)
                return self.tr("Bị từ chối: {reason}").format(reason=note.rejection_reason if note else "")
            case BatchState.REJECTED:
                return self.tr("Bị đơn vị nhận từ chối: hãy liên hệ đơn vị nhận")
            case BatchState.SENT_OVER_NETWORK:
                return self.tr("Đã gửi qua mạng, chờ biên nhận")
            case BatchState.WRITTEN:
                return self.tr("Đã ghi ra, chờ biên nhận")
        return self.tr("Đã tạo, chờ gửi")
