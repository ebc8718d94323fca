"""The batches page: every batch received, its state (imported, brought again, quarantined) and why a batch was
refused, filtered by station and state."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from station_app.services.office.queries import DUPLICATE, IMPORTED, QUARANTINED
from station_app.services.office.service import UNREGISTERED
from station_app.ui.errors import report
from station_app.ui.office import operations as ops
from station_app.ui.office.common import fill_table, local_time, make_table, number, tint_row
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, message_label

if TYPE_CHECKING:
    from collections.abc import Callable

    from station_app.services.office.queries import BatchEntry
    from station_app.services.office.service import OfficeService

ALL = "*"


def state_label(state: str) -> str:
    texts = {IMPORTED: QCoreApplication.translate("OfficeWindow", "Đã nhập"),
             DUPLICATE: QCoreApplication.translate("OfficeWindow", "Đã nhập từ trước (không đổi gì)"),
             QUARANTINED: QCoreApplication.translate("OfficeWindow", "Bị cách ly")}
    return texts.get(state, state)


def reason_label(entry: BatchEntry) -> str:
    """The reason in the interface language: the office's own reasons, else the batch checks' ones."""
    text = entry.reason_text
    translated = QCoreApplication.translate("office", text)
    return translated if translated != text else QCoreApplication.translate("batch", text)


class BatchesPage(Retranslating):
    """Filters over one table; ``duplicates`` gives the batches brought again in this window's session (the
    database keeps no row of them)."""

    def __init__(self, service: OfficeService, tasks: TaskRunner,
                 duplicates: Callable[[], list[BatchEntry]] = list) -> None:
        super().__init__()
        self._service, self._tasks, self._duplicates = service, tasks, duplicates
        self.entries: list[BatchEntry] | None = None
        self.dropped: dict = {}  # station code ("" not registered) → DroppedCount
        self.title, self.summary, self.dropped_label = heading(), QLabel(), QLabel()
        self.summary.setObjectName("hint")
        self.dropped_label.setObjectName("hint")
        self.dropped_label.setWordWrap(True)
        self.station, self.state = QComboBox(), QComboBox()
        self.station.addItem("", ALL)
        self.station.setMinimumContentsLength(12)
        for key in (ALL, IMPORTED, DUPLICATE, QUARANTINED):
            self.state.addItem("", key)
        self.station.currentIndexChanged.connect(self._show)
        self.state.currentIndexChanged.connect(self._show)
        self.message = message_label()
        self.table = make_table()
        self.filter_labels = [QLabel(), QLabel()]
        filters = QHBoxLayout()
        for label, combo in zip(self.filter_labels, (self.station, self.state), strict=True):
            filters.addWidget(label)
            filters.addWidget(combo)
        filters.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.dropped_label)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Lô dữ liệu đã nhận"))
        self.filter_labels[0].setText(self.tr("Trạm:"))
        self.filter_labels[1].setText(self.tr("Trạng thái:"))
        self.station.setItemText(0, self.tr("Tất cả trạm"))
        self.state.setItemText(0, self.tr("Tất cả trạng thái"))
        for row in range(1, self.state.count()):
            self.state.setItemText(row, state_label(self.state.itemData(row)))
        self._show()

    def refresh(self) -> None:
        self._tasks.run(ops.batch_entries(self._service), parent=self, on_done=self.show_entries,
                        on_error=lambda exc: report(self, self.message, exc))
        self._tasks.run(ops.dropped_counts(self._service), parent=self, on_done=self.show_dropped,
                        on_error=lambda exc: report(self, self.message, exc))

    def show_dropped(self, dropped: dict) -> None:
        self.dropped = dropped
        self._show_dropped()

    def show_entries(self, entries: list[BatchEntry]) -> None:
        self.entries = sorted(entries + self._duplicates(), key=lambda e: e.received_at.isoformat()
                              if e.received_at else "", reverse=True)
        codes = sorted({e.station_code for e in self.entries if e.station_code})
        chosen = self.station.currentData()
        self.station.blockSignals(True)
        while self.station.count() > 1:
            self.station.removeItem(1)
        for code in codes:
            self.station.addItem(code, code)
        self.station.setCurrentIndex(max(0, self.station.findData(chosen)))
        self.station.blockSignals(False)
        self._show()

    def shown(self) -> list[BatchEntry]:
        """The entries the filters let through."""
        station, state = self.station.currentData(), self.state.currentData()
        return [e for e in self.entries or [] if station in (ALL, e.station_code) and state in (ALL, e.state)]

    def _show_dropped(self) -> None:
        """The quarantined batches dropped to keep the quarantine's limits: of the station chosen, or of all."""
        station = self.station.currentData()
        counts = [d for code, d in self.dropped.items() if station in (ALL, code)]
        files, size = sum(d.files for d in counts), sum(d.bytes for d in counts)
        self.dropped_label.setVisible(files > 0)
        self.dropped_label.setText(self.tr(
            "{n} lô bị cách ly cũ nhất đã được xoá ({mib} MiB) để kho cách ly không làm đầy ổ đĩa; giới hạn đặt "
            "trong office.json.").format(n=number(files), mib=f"{size / 2**20:.1f}"))

    def _show(self) -> None:
        self._show_dropped()
        if self.entries is None:
            return
        entries = self.shown()
        counts = {s: sum(e.state == s for e in entries) for s in (IMPORTED, DUPLICATE, QUARANTINED)}
        self.summary.setText(self.tr("{n} lô: {a} đã nhập, {d} đã nhập từ trước, {q} bị cách ly").format(
            n=number(len(entries)), a=number(counts[IMPORTED]), d=number(counts[DUPLICATE]),
            q=number(counts[QUARANTINED])) if self.entries else self.tr(
            "Chưa nhận lô nào. Nhập các tệp lô của trạm ở trang \"Nhập lô\"."))
        headings = [self.tr("Nhận lúc"), self.tr("Trạm"), self.tr("Số lô"), self.tr("Tệp"), self.tr("Trạng thái"),
                    self.tr("Lượt khám"), self.tr("Lý do từ chối")]
        fill_table(self.table, headings, [self._row(e) for e in entries])
        for row in range(self.table.rowCount()):
            if self.table.item(row, 4).text() == state_label(QUARANTINED):
                tint_row(self.table, row, (4, 6))
                self.table.item(row, 6).setToolTip(self._copy_hint(entries, row))

    def _row(self, e: BatchEntry) -> list[tuple[str, object]]:
        return [(local_time(e.received_at), e.received_at.isoformat() if e.received_at else ""),
                (e.station_code or self.tr("(không rõ)"), e.station_code or ""),
                (str(e.sequence) if e.sequence is not None else "—", e.sequence or 0), (e.file_name, e.file_name),
                (state_label(e.state), e.state), (number(e.visits) if e.visits is not None else "", e.visits or 0),
                (reason_label(e) if e.state == QUARANTINED else "", e.reason or "")]

    def _copy_hint(self, entries: list[BatchEntry], row: int) -> str:
        name = self.table.item(row, 3).text()
        path = next((e.stored_path for e in entries if e.file_name == name and e.stored_path), None)
        if path:
            return self.tr("Bản sao của tệp ở: {path}. Khi đã khắc phục nguyên nhân, nhập lại tệp từ đó.").format(
                path=path)
        if any(e.file_name == name and e.reason == UNREGISTERED for e in entries):  # an upload, refused unread
            return self.tr("Trạm chưa đăng ký đã gửi lô này qua mạng; tệp không được giữ lại. Hãy đăng ký trạm ở "
                           "trang Trạm rồi báo trạm bấm lại \"Gửi lên đơn vị nhận\".")
        return ""
