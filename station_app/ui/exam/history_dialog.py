"""The visit's history: every version of every part (vital signs, history, findings, conclusion, counselling),
newest first, with who wrote it, when, why it replaced the one before and what the values were."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout)

from station_app.core import checkup_book as book
from station_app.core.model import MeasureCode, Specialty
from station_app.core.vitals import MEASURE_LABELS

if TYPE_CHECKING:
    from station_app.app import AppContext
    from station_app.services.findings import RecordVersion
    from station_app.services.registry import VisitInfo
    from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import while_alive

_HISTORY_LABELS = {item.code: item.label for item in book.HISTORY_ITEMS}


def local_time(at: dt.datetime | None) -> str:
    """A stored UTC time as dd/mm/yyyy HH:MM on this laptop's clock."""
    if at is None:
        return ""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")


class VisitHistoryDialog(QDialog):
    """Made as ``VisitHistoryDialog(ctx, tasks, visit)``; loads the versions on the db lane. Esc closes."""

    COLUMNS = 6

    def __init__(self, ctx: AppContext, tasks: TaskRunner, visit: VisitInfo, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._ctx, self._tasks, self._visit = ctx, tasks, visit
        self.versions: list[RecordVersion] = []
        self.setWindowTitle(self.tr("Lịch sử thay đổi của lượt khám"))
        self.resize(1100, 560)
        self.who = QLabel(self.tr("Số {number} · {name}, sinh năm {year}").format(
            number=visit.queue_number, name=visit.resident_name, year=visit.birth_year))
        self.who.setObjectName("subheading")
        self.status = QLabel(self.tr("Đang tải…"))
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Phần"), self.tr("Phiên bản"), self.tr("Người ghi"),
                                              self.tr("Thời gian"), self.tr("Lý do sửa"), self.tr("Giá trị")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Chọn một dòng để xem toàn bộ dữ liệu của phiên bản đó."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([400, 140])
        self.close_button = QPushButton(self.tr("Đóng (Esc)"))
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        self._tasks.submit(self._ctx.findings.versions, visit.id, parent=self, on_done=while_alive(self, self._loaded))

    def _loaded(self, versions: list[RecordVersion]) -> None:
        self.versions = versions
        self.table.setRowCount(len(versions))
        for index, version in enumerate(versions):
            cells = (self.part_label(version), self._version_text(version), version.changed_by,
                     local_time(version.changed_at), version.reason or "", self.summary(version))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if version.current:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                item.setToolTip(_as_text(version.data) if column == self.COLUMNS - 1 else text)
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()
        self.status.setText(self.tr("{count} phiên bản · dòng in đậm là phiên bản hiện tại").format(
            count=len(versions)) if versions else self.tr("Lượt khám này chưa có gì được ghi."))
        if versions:
            self.table.setCurrentCell(0, 0)
        self.table.setFocus()

    def _show_detail(self, row: int) -> None:
        self.detail.setPlainText(_as_text(self.versions[row].data) if 0 <= row < len(self.versions) else "")

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

    def summary(self, version: RecordVersion) -> str:
        values = version.values
        if version.part == "vitals":
            return self._vitals_summary(values)
        if version.part == "history":
            answer = self.tr("Có") if values.get("answer") else self.tr("Không")
            return f"{answer} · {values['detail']}" if values.get("detail") else answer
        if version.part == "finding":
            return self._finding_summary(values)
        if version.part == "conclusion":
            parts = [self.tr("Phân loại {klass}").format(klass=values.get("overall_class") or "")]
            parts += [str(values[k]) for k in ("override_reason", "advice") if values.get(k)]
            if values.get("referral_to"):
                parts.append(self.tr("Chuyển đến {place}").format(place=values["referral_to"]))
            return " · ".join(parts)
        topics = [QCoreApplication.translate("checkup", label) for label in _topic_labels(values.get("topics", []))]
        return " · ".join(filter(None, [", ".join(topics), values.get("text") or ""]))

    def _vitals_summary(self, values: Mapping[str, Any]) -> str:
        """One reading of blood pressure as systolic/diastolic; every other measure as label and value."""
        parts = []
        for key, value in values.items():
            if key.startswith("diastolic_"):
                continue
            if key.startswith("systolic_"):
                reading = key.rpartition("_")[2]
                low = values.get(f"diastolic_{reading}")
                parts.append(self.tr("Huyết áp ({reading}) {high}/{low}").format(
                    reading=reading, high=_number(value), low=_number(low) if low is not None else "?"))
                continue
            parts.append(f"{_measure_label(key)} {_number(value)}")
        return "; ".join(parts)

    def _finding_summary(self, values: Mapping[str, Any]) -> str:
        parts = [self.tr("Phân loại {klass}").format(klass=values["health_class"])] if values.get("health_class") \
            else []
        if values.get("no_abnormality"):
            parts.append(self.tr("Không phát hiện bất thường"))
        parts += [str(values["text"])] if values.get("text") else []
        parts += [", ".join(values["diagnoses"])] if values.get("diagnoses") else []
        return " · ".join(parts)



def _measure_label(key: str) -> str:
    code, _, reading = key.rpartition("_")
    try:
        label = QCoreApplication.translate("vitals", MEASURE_LABELS[MeasureCode(code)])
    except (KeyError, ValueError):
        return key
    return f"{label} ({reading})" if code in ("systolic", "diastolic") else label


def _topic_labels(codes: list[str]) -> list[str]:
    labels = getattr(book, "TOPIC_LABELS", {})
    return [labels.get(book.Topic(code), code) if code in book.Topic._value2member_map_ else code for code in codes]


def _number(value: Any) -> str:
    return f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value)


def _as_text(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
