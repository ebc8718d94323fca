"""Counselling: topics as tick boxes (those the vital signs suggest are pre-ticked and marked "gợi ý"), their
Vietnamese templates inserted into a note the nurse or doctor edits. Ctrl+T inserts the ticked topics'
templates not yet in the note; Ctrl+S saves.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from station_app.core import checkup_book as book
from station_app.core.checkup_book import Topic

from station_app.core.roles import Permission, can
from station_app.core.vitals import flag_labels
from station_app.services.findings import DeskState
from station_app.ui.errors import report
from station_app.ui.widgets import Retranslating, heading, message_label, show_message, while_alive


def _tr(text: str) -> str:
    return QCoreApplication.translate("checkup", text)


class CounsellingForm(Retranslating):
    """The counselling tab of the exam page: ``CounsellingForm(ctx, tasks, user)`` then ``load(visit)``."""

    saved = Signal(str)  # the visit id, as the vitals form

    def __init__(self, ctx: Any, tasks: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.user = ctx, tasks, user
        self.visit: Any = None
        self.state: DeskState | None = None
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
        self.save_button = QPushButton()
        self.amend_label = QLabel()
        self.amend_reason = QLineEdit()
        self.message = message_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.insert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.amend_label)
        buttons.addWidget(self.amend_reason, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.from_flags)
        layout.addWidget(self.topics_box)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.insert_button.clicked.connect(self.insert_templates)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+T"), self, self.insert_templates)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self._show_amendment(False)

    def retranslate(self) -> None:
        self.topics_box.setTitle(self.tr("Chủ đề tư vấn"))
        self.note.setPlaceholderText(self.tr("Nội dung tư vấn (chọn chủ đề để chèn mẫu, rồi sửa cho phù hợp)"))
        self.insert_button.setText(self.tr("Chèn mẫu các chủ đề đã chọn (Ctrl+T)"))
        self.save_button.setText(self.tr("Lưu tư vấn (Ctrl+S)"))
        self.amend_label.setText(self.tr("Lý do sửa:"))
        self.amend_reason.setPlaceholderText(self.tr("Lượt khám đã hoàn thành: ghi lý do sửa"))
        for topic, box in self.boxes.items():
            text = _tr(book.TOPIC_LABELS[topic])
            if topic in self.suggested:
                text = self.tr("{topic} (gợi ý)").format(topic=text)
            box.setText(text)
            font = QFont(box.font())
            font.setBold(topic in self.suggested)
            box.setFont(font)

    # -- loading ---------------------------------------------------------------------------------------------

    def load(self, visit: Any) -> None:
        """Show ``visit`` (a registry VisitInfo); its records and vital-sign flags are read on the database lane."""
        self.visit = visit
        self.title.setText(self.tr("Tư vấn: {name} ({year})").format(name=visit.resident_name, year=visit.birth_year))
        self.tasks.submit(self.ctx.findings.state, visit.id, on_done=while_alive(self, self._loaded), parent=self)

    def _loaded(self, state: DeskState) -> None:
        self.state = state
        self.suggested = state.suggested
        saved = state.counselling
        ticked = set(saved.topics) if saved else set(state.suggested)
        for topic, box in self.boxes.items():
            box.setChecked(topic in ticked)
        self.note.setPlainText(saved.text if saved else "")
        labels = [_tr_vitals(label) for label in flag_labels(state.flags)]
        self.from_flags.setText(self.tr("Từ dấu hiệu sinh tồn: {flags}").format(flags="; ".join(labels))
                                if labels else self.tr("Chưa có dấu hiệu bất thường từ bàn đo."))
        self._show_amendment(state.completed)
        self.retranslate()

    def _show_amendment(self, completed: bool) -> None:
        self.amend_label.setVisible(completed)
        self.amend_reason.setVisible(completed)

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
        if self.visit is None:
            return
        svc, user, visit_id = self.ctx.findings, self.user, self.visit.id
        topics = [t for t, box in self.boxes.items() if box.isChecked()]
        text, reason = self.note.toPlainText(), self.amend_reason.text().strip() or None
        self.tasks.submit(lambda: svc.save_counselling(user, visit_id, topics, text, reason=reason),
                          on_done=while_alive(self, self._saved), on_error=while_alive(self, self._failed), parent=self)

    def _saved(self, _result: object) -> None:
        show_message(self.message, self.tr("Đã lưu tư vấn."), ok=True)
        self.saved.emit(self.visit.id)

    def _failed(self, exc: BaseException) -> None:
        report(self, self.message, exc)


def _tr_vitals(text: str) -> str:
    return QCoreApplication.translate("vitals", text)
