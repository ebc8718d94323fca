"""Counselling: topics as tick boxes (those the vital signs suggest are pre-ticked and marked "gợi ý"), their
Vietnamese templates inserted into a note the nurse or doctor edits. Ctrl+T inserts the ticked topics'
templates not yet in the note; Ctrl+S saves. What is typed is kept as a draft one second after the last change
(``ui.exam.drafts``) and offered again when the visit is reopened; saving removes it.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QGroupBox, QLabel, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from station_app.core import checkup_book as book
from station_app.core.checkup_book import Topic
from station_app.core.roles import Permission, can
from station_app.core.vitals import flag_labels
from station_app.services.station.examination import COUNSELLING_DESK
from station_app.services.station.findings import Counselling, DeskState
from station_app.ui.exam import operations as ops
from station_app.ui.exam.desk_form import DeskForm
from station_app.ui.widgets import heading, message_label, show_message

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("checkup", text)


class CounsellingForm(DeskForm):
    """The counselling tab of the exam page: ``CounsellingForm(ctx, tasks, user)`` then ``load(visit)``."""

    def __init__(self, ctx: Any, tasks: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, tasks, user, parent)
        self.suggested: tuple[Topic, ...] = ()
        self.boxes: dict[Topic, QCheckBox] = {}
        self._build()
        self.retranslate()
        may = can(user.role, Permission.WRITE_COUNSELLING)
        for w in (self.topics_box, self.note, self.insert_button, self.save_button):
            w.setEnabled(may)

    def _build(self) -> None:
        self.title = heading(2)
        self.from_flags = QLabel()
        self.from_flags.setWordWrap(True)
        self.topics_box = QGroupBox()
        grid = QGridLayout(self.topics_box)
        for n, topic in enumerate(Topic):
            box = QCheckBox()
            box.clicked.connect(self._ticked(topic))
            grid.addWidget(box, n // 2, n % 2)
            self.boxes[topic] = box
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.insert_button = QPushButton()
        buttons = self._save_row(self.insert_button)
        self.message = message_label()
        self.drafts = self._desk_draft(COUNSELLING_DESK)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.from_flags)
        layout.addWidget(self.topics_box)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.drafts.row())
        layout.addLayout(buttons)
        self.insert_button.clicked.connect(self.insert_templates)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+T"), self, self.insert_templates)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self._show_amendment(False)
        typed = lambda *_: self.drafts.changed()  # noqa: E731 - one slot for signals of every shape
        for box in self.boxes.values():
            box.toggled.connect(typed)
        self.note.textChanged.connect(typed)
        self.amend_reason.textEdited.connect(typed)

    def retranslate(self) -> None:
        self.topics_box.setTitle(self.tr("Chủ đề tư vấn"))
        self.note.setPlaceholderText(self.tr("Nội dung tư vấn (chọn chủ đề để chèn mẫu, rồi sửa cho phù hợp)"))
        self.insert_button.setText(self.tr("Chèn mẫu các chủ đề đã chọn (Ctrl+T)"))
        self.save_button.setText(self.tr("Lưu tư vấn (Ctrl+S)"))
        self.amend_label.setText(self.tr("Lý do sửa:"))
        self.amend_reason.setPlaceholderText(self.tr("Lượt khám đã hoàn thành: ghi lý do sửa"))
        self.drafts.retranslate()
        for topic, box in self.boxes.items():
            text = _tr(book.TOPIC_LABELS[topic])
            if topic in self.suggested:
                text = self.tr("{topic} (gợi ý)").format(topic=text)
            box.setText(text)
            font = QFont(box.font())
            font.setBold(topic in self.suggested)
            box.setFont(font)

    # -- loading ---------------------------------------------------------------------------------------------

    def _title(self, visit: Any) -> str:
        return self.tr("Tư vấn: {name} ({year})").format(name=visit.resident_name, year=visit.birth_year)

    def _show_state(self, state: DeskState) -> None:
        """The saved topics and note (or those the vital-sign flags suggest), the flags named."""
        self.suggested = state.suggested
        saved = state.counselling
        self._show(set(saved.topics) if saved else set(state.suggested), saved.text if saved else "", "")
        labels = [_tr_vitals(label) for label in flag_labels(state.flags)]
        self.from_flags.setText(self.tr("Từ dấu hiệu sinh tồn: {flags}").format(flags="; ".join(labels))
                                if labels else self.tr("Chưa có dấu hiệu bất thường từ bàn đo."))
        self.retranslate()  # the suggested topics' boxes are marked

    def _show(self, ticked: set[Topic], text: str, reason: str) -> None:
        for topic, box in self.boxes.items():
            box.setChecked(topic in ticked)
        self.note.setPlainText(text)
        self.note.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on after what was written
        self.amend_reason.setText(reason)

    def _apply_draft(self, fields: Mapping[str, Any]) -> bool:
        """Show a draft's topics and texts over the saved ones; False if it cannot be read."""
        try:
            ticked = {Topic(t) for t in fields.get("topics", ())}
        except (TypeError, ValueError) as exc:
            log.warning("counselling draft of visit %s not readable: %s", self.visit.id, type(exc).__name__)
            return False
        self._show(ticked, str(fields.get("note") or ""), str(fields.get("amend_reason") or ""))
        return True

    def draft_fields(self) -> dict[str, object]:
        """The topics ticked and the texts typed, as plain values."""
        return {"topics": [t.value for t, box in self.boxes.items() if box.isChecked()],
                "note": self.note.toPlainText(), "amend_reason": self.amend_reason.text()}

    # -- templates -------------------------------------------------------------------------------------------

    def _ticked(self, topic: Topic) -> Callable[[bool], None]:
        def ticked(on: bool) -> None:
            if on:
                self.insert_template(topic)
        return ticked

    def insert_template(self, topic: Topic) -> None:
        template = _tr(book.TOPIC_TEMPLATES[topic])
        if template in self.note.toPlainText():
            return
        cursor = self.note.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        if self.note.toPlainText().strip():
            cursor.insertText("\n\n")
        cursor.insertText(template)
        self.note.setTextCursor(cursor)

    def insert_templates(self) -> None:
        for topic, box in self.boxes.items():
            if box.isChecked():
                self.insert_template(topic)
        self.note.setFocus()

    # -- saving ----------------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.visit is None or self.state is None:
            return
        topics = [t for t, box in self.boxes.items() if box.isChecked()]
        text, reason = self.note.toPlainText(), self.amend_reason.text().strip() or None
        self.drafts.save_now()  # a refused save keeps the last keys too; a save that goes through removes it
        self.tasks.run(ops.save_counselling(self.ctx, user=self.user, visit_id=self.visit.id, topics=topics, text=text,
                                            reason=reason, draft_desk=COUNSELLING_DESK),
                       parent=self, on_done=self._saved, on_error=self._failed)

    def _saved(self, _result: Counselling) -> None:
        self.drafts.stored()
        show_message(self.message, self.tr("Đã lưu tư vấn."), ok=True)
        self.saved.emit(self.visit.id)


def _tr_vitals(text: str) -> str:
    return QCoreApplication.translate("vitals", text)
