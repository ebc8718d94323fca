"""The visit's history: every version of every part (vital signs, history, findings, conclusion, counselling),
newest first, with who wrote it, when, why it replaced the one before and what the values were.

The values read as label/value lines (``core.record_lines``); the selected version's lines, and for a changed
version what changed from the one before (old → new) and why, fill the pane below the table.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout)

from station_app.core import checkup_book as book
from station_app.core.model import Specialty
from station_app.core.record_lines import Change, Line, changes, record_lines
from station_app.services.station.national_states import national_text
from station_app.ui.exam import operations as ops

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.station.findings import RecordVersion
    from station_app.services.station.national_states import NationalStatus
    from station_app.services.station.registry import VisitInfo
    from station_app.ui.tasks import TaskRunner

_HISTORY_LABELS = {item.code: item.label for item in book.HISTORY_ITEMS}


def local_time(at: dt.datetime | None) -> str:
    """A stored UTC time as dd/mm/yyyy HH:MM on this laptop's clock."""
    if at is None:
        return ""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")


class VisitHistoryDialog(QDialog):
    """Made as ``VisitHistoryDialog(ctx, tasks, visit)``; loads the versions on the db lane. Esc closes."""

    COLUMNS = 6

    def __init__(self, ctx: StationContext, tasks: TaskRunner, visit: VisitInfo, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._ctx, self._tasks, self._visit = ctx, tasks, visit
        self.versions: list[RecordVersion] = []
        self.lines: list[list[Line]] = []  # each version's readable lines, in the table's order
        self._icd10_names: dict[str, str] = {}
        self.setWindowTitle(self.tr("Lịch sử thay đổi của lượt khám"))
        self.resize(1100, 640)
        self.who = QLabel(self.tr("Số {number} · {name}, sinh năm {year}").format(
            number=visit.queue_number, name=visit.resident_name, year=visit.birth_year))
        self.who.setObjectName("subheading")
        self.national = QLabel()  # filled once the national state is read; empty while the office said nothing
        self.national.setObjectName("national_state")
        self.national.setWordWrap(True)
        self.national_read = False  # True once the national state was read (the label may stay empty)
        self.status = QLabel(self.tr("Đang tải…"))
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Phần"), self.tr("Phiên bản"), self.tr("Người ghi"),
                                              self.tr("Thời gian"), self.tr("Lý do sửa"), self.tr("Giá trị")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # one line per version; the pane below and the tooltip show it all
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(self.COLUMNS - 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(self.COLUMNS - 2, 200)  # a long reason is elided, not given the values' room
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        self.detail = QTextBrowser()
        self.detail.setPlaceholderText(self.tr("Chọn một dòng để xem toàn bộ dữ liệu của phiên bản đó."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([320, 280])
        self.close_button = QPushButton(self.tr("Đóng (Esc)"))
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.national)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        self._tasks.run(ops.visit_versions(self._ctx, visit_id=visit.id), parent=self, on_done=self._loaded)
        self._tasks.run(ops.national_state(self._ctx, visit_id=visit.id), parent=self, on_done=self._national_loaded)

    def _national_loaded(self, status: NationalStatus | None) -> None:
        """The national system's word on the visit, from the office's receipts: accepted with its time, refused
        with what to correct, or waiting; nothing while the office has said nothing."""
        text = national_text(status, lambda words: QCoreApplication.translate("national", words))
        self.national.setText(self.tr("Liên thông quốc gia: {state}").format(state=text) if text else "")
        self.national.setStyleSheet("color: #b00020" if status is not None and status.refused else "")
        self.national_read = True

    def _loaded(self, loaded: tuple[list[RecordVersion], dict[str, str]]) -> None:
        versions, self._icd10_names = loaded
        self.versions = versions
        self.lines = [record_lines(v.part, v.key, v.data, tr=QCoreApplication.translate,
                                   icd10_names=self._icd10_names) for v in versions]
        self.table.setRowCount(len(versions))
        for index, version in enumerate(versions):
            summary = "; ".join(str(line) for line in self.lines[index])
            cells = (self.part_label(version), self._version_text(version), version.changed_by,
                     local_time(version.changed_at), version.reason or "", summary)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if version.current:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                item.setToolTip("\n".join(str(line) for line in self.lines[index])
                                if column == self.COLUMNS - 1 else text)
                self.table.setItem(index, column, item)
        self.status.setText(self.tr("{count} phiên bản · dòng in đậm là phiên bản hiện tại").format(
            count=len(versions)) if versions else self.tr("Lượt khám này chưa có gì được ghi."))
        if versions:
            self.table.setCurrentCell(0, 0)
        self.table.setFocus()

    def _show_detail(self, row: int) -> None:
        self.detail.setHtml(self.detail_html(row) if 0 <= row < len(self.versions) else "")

    def detail_html(self, row: int) -> str:
        """The selected version: who and when; for a changed version what changed from the one before and why;
        then all its values."""
        version = self.versions[row]
        head = self.tr("{part} · phiên bản {version}").format(part=self.part_label(version),
                                                              version=self._version_text(version))
        by = self.tr("Ghi bởi {name}, lúc {time}").format(name=version.changed_by, time=local_time(version.changed_at))
        html = [f"<p><b>{escape(head)}</b><br><span style='color:#555'>{escape(by)}</span></p>"]
        before = self._previous(row)
        if before is not None or version.reason:
            title = self.tr("Thay đổi so với phiên bản {version}").format(version=version.version - 1)
            changed = changes(self.lines[before], self.lines[row]) if before is not None else []
            same = self.tr("Các giá trị không đổi (chỉ ghi lại).")
            html.append(f"<p><b>{escape(title)}</b></p>" + _changes_html(changed, same))
            if version.reason:
                html.append(_lines_html([Line(self.tr("Lý do sửa"), version.reason)]))
            html.append(f"<p><b>{escape(self.tr('Các giá trị của phiên bản này'))}</b></p>")
        html.append(_lines_html(self.lines[row]))
        return "".join(html)

    def _previous(self, row: int) -> int | None:
        """The row of the version this one replaced, if it is listed."""
        v = self.versions[row]
        return next((i for i, p in enumerate(self.versions)
                     if (p.part, p.key, p.version) == (v.part, v.key, v.version - 1)), None)

    def _version_text(self, version: RecordVersion) -> str:
        if version.current:
            return self.tr("{version} (hiện tại)").format(version=version.version)
        return str(version.version)

    # -- labels and summaries --------------------------------------------------------------------------------

    def part_label(self, version: RecordVersion) -> str:
        if version.part == "vitals":
            return self.tr("Sinh hiệu")
        if version.part == "history":
            label = _HISTORY_LABELS.get(version.key)
            item = QCoreApplication.translate("checkup", label) if label else version.key
            return self.tr("Tiền sử: {item}").format(item=item)
        if version.part == "finding":
            label = book.SPECIALTY_LABELS.get(Specialty(version.key)) if version.key in Specialty._value2member_map_ \
                else None
            specialty = QCoreApplication.translate("checkup", label) if label else version.key
            return self.tr("Khám {specialty}").format(specialty=specialty)
        if version.part == "conclusion":
            return self.tr("Kết luận")
        return self.tr("Tư vấn")


def _lines_html(lines: list[Line]) -> str:
    return "".join(f"<div><span style='color:#555'>{escape(line.label)}:</span> {_multiline(line.value)}</div>"
                   for line in lines)


def _changes_html(changed: list[Change], none: str) -> str:
    if not changed:
        return f"<div>{escape(none)}</div>"
    return "".join(f"<div><span style='color:#555'>{escape(c.label)}:</span> {_multiline(c.old)} → "
                   f"<b>{_multiline(c.new)}</b></div>" for c in changed)


def _multiline(text: str) -> str:
    return escape(text).replace("\n", "<br>")
