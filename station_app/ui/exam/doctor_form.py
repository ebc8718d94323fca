"""The doctor's desk: history, findings per specialty, conclusion and referral, all from the keyboard.

Keys: in the history list Space toggles, Y answers yes, N no. On a specialty's first box K (or Space) records
"no abnormality found" with class I and moves to the next specialty; 1–5 set the class. In the ICD-10 field
typing searches the codes (without marks), Enter adds the first or the chosen one. Ctrl+S saves everything,
Ctrl+Enter completes the visit (or lists what is missing). What is typed is kept as a draft one second after
the last change (``ui.exam.drafts``) and offered again when the visit is reopened; saving removes it.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QCompleter, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QFrame, QPushButton, QRadioButton, QStyle, QVBoxLayout, QWidget)

from station_app.core import checkup_book as book
from station_app.core.checkup_book import OverrideReasonRequiredError, Part, Urgency, VisitIncompleteError
from station_app.core.errors import StationError
from station_app.core.model import HealthClass, Specialty, VisitStatus
from station_app.core.pl01_completion import desk_label
from station_app.core.roles import Permission, can
from station_app.services.station.examination import DOCTOR_DESK
from station_app.services.station.findings import (ConclusionInput, DeskState, Diagnosis, FindingInput, HistoryAnswer,
                                          Referral)
from station_app.services.common.reference import icd10_index
from station_app.ui.errors import describe
from station_app.ui.exam import operations as ops
from station_app.ui.exam.desk_form import DeskForm, scrolling
from station_app.ui.widgets import heading, message_label, show_message

log = logging.getLogger(__name__)
_DETAIL = Qt.ItemDataRole.UserRole + 1
_CLASS_KEYS = {Qt.Key.Key_1: HealthClass.I, Qt.Key.Key_2: HealthClass.II, Qt.Key.Key_3: HealthClass.III,
               Qt.Key.Key_4: HealthClass.IV, Qt.Key.Key_5: HealthClass.V}


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _part_text(part: str) -> str:
    """A missing part in the interface's language: a part of the book, or a desk of the QĐ 1551 form."""
    if part.startswith(book.NATIONAL_PREFIX):
        return _tr("pl01", desk_label(part.removeprefix(book.NATIONAL_PREFIX))) + " (QĐ 1551)"
    return _tr("checkup", book.part_label(part))


class HistoryList(QListWidget):
    """Yes/no items in two columns: Space toggles, Y yes, N no; the answer is the item's check state. An item
    longer than its column wraps onto more lines (``fit_items``): nothing is cut on a 1366-pixel laptop."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(True)
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fitted_width = 0

    def fit_items(self) -> None:
        """Each item half the list wide and as tall as its wrapped text; the list as tall as its longer column."""
        width = max((self.viewport().width() - 2) // 2, 120)
        self._fitted_width = self.viewport().width()
        # the text's room: the check box and the item's margins taken off, with some to spare so the estimate
        # wraps no later than the view does
        room = width - self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) - 24
        line = self.fontMetrics().height() + 6
        heights = []
        self.blockSignals(True)  # a new size is no answer: no itemChanged, no draft
        for n in range(self.count()):
            item = self.item(n)
            text = self.fontMetrics().boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, item.text())
            heights.append(max(line, text.height() + 6))
            item.setSizeHint(QSize(width, heights[-1]))
        self.blockSignals(False)
        half = (len(heights) + 1) // 2
        self.setFixedHeight(max(sum(heights[:half]), sum(heights[half:]), line) + 2 * self.frameWidth() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.viewport().width() != self._fitted_width:
            self.fit_items()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        item = self.currentItem()
        key = event.key()
        if item is not None and key in (Qt.Key.Key_Space, Qt.Key.Key_Y, Qt.Key.Key_N):
            yes = {Qt.Key.Key_Y: True, Qt.Key.Key_N: False}.get(key, item.checkState() != Qt.CheckState.Checked)
            item.setCheckState(Qt.CheckState.Checked if yes else Qt.CheckState.Unchecked)
            if key != Qt.Key.Key_Space and self.currentRow() < self.count() - 1:
                self.setCurrentRow(self.currentRow() + 1)
            self.changed.emit()
            return
        super().keyPressEvent(event)


class ClassPicker(QWidget):
    """Health class I–V as radio buttons; 1–5 pick one when the picker or its owner has focus."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[HealthClass, QRadioButton] = {}
        for n, klass in enumerate(HealthClass, start=1):
            button = QRadioButton(f"{klass.value} ({n})")
            self.group.addButton(button)
            self.buttons[klass] = button
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttonToggled.connect(lambda _b, on: on and self.picked.emit())

    def value(self) -> HealthClass | None:
        return next((k for k, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, klass: HealthClass | None) -> None:
        if klass is None:
            self.group.setExclusive(False)
            for b in self.buttons.values():
                b.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[HealthClass(klass)].setChecked(True)


class SpecialtySection(QGroupBox):
    """One specialty: the default box (K), the findings text, ICD-10 diagnoses and the class."""

    changed = Signal()
    done = Signal()  # the default was taken: move on

    def __init__(self, specialty: Specialty, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specialty = specialty
        self.diagnoses: list[Diagnosis] = []
        self.nad = QCheckBox()
        self.text = QLineEdit()
        self.icd = QLineEdit()
        self.icd_model = QStringListModel(self)
        completer = QCompleter(self.icd_model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.icd.setCompleter(completer)
        self.icd_list = QLabel()
        self.icd_list.setWordWrap(True)
        self.classes = ClassPicker()
        self.icd.setMinimumWidth(330)
        grid = QGridLayout(self)
        grid.addWidget(self.nad, 0, 0)
        grid.addWidget(self.classes, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.text, 1, 0)
        grid.addWidget(self.icd, 1, 1)
        grid.addWidget(self.icd_list, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.nad.installEventFilter(self)
        for button in self.classes.buttons.values():
            button.installEventFilter(self)
        self.nad.toggled.connect(self._nad_toggled)
        self.text.textEdited.connect(self._typed_finding)
        self.icd.textEdited.connect(self._search)
        self.icd.returnPressed.connect(self._add_first)
        completer.activated.connect(self._add_text)
        self.classes.picked.connect(self.changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_K, Qt.Key.Key_Space) and watched is self.nad:
                self.take_default()
                return True
            if key in _CLASS_KEYS:
                self.classes.set_value(_CLASS_KEYS[key])
                return True
        return super().eventFilter(watched, event)

    def take_default(self) -> None:
        self.nad.setChecked(True)
        if self.classes.value() is None:
            self.classes.set_value(HealthClass.I)
        self.changed.emit()
        self.done.emit()

    def retranslate(self) -> None:
        self.setTitle(_tr("checkup", book.SPECIALTY_LABELS[self.specialty]))
        self.nad.setText(_tr("checkup", book.NO_ABNORMALITY) + " (K)")
        self.text.setPlaceholderText(QCoreApplication.translate("DoctorForm", "Mô tả điều phát hiện được"))
        self.icd.setPlaceholderText(QCoreApplication.translate("DoctorForm", "Chẩn đoán ICD-10: gõ mã hoặc tên"))
        self._show_diagnoses()

    # -- values ----------------------------------------------------------------------------------------------

    def set_finding(self, no_abnormality: bool, text: str | None, diagnoses: tuple[Diagnosis, ...],
                    klass: HealthClass | None) -> None:
        self.nad.setChecked(no_abnormality)
        self.text.setText(text or "")
        self.diagnoses = list(diagnoses)
        self.classes.set_value(klass)
        self._show_diagnoses()

    def reset(self) -> None:
        """Empty, for the next resident: nothing of the last one stays on screen."""
        self.set_finding(False, None, (), None)
        self.icd.clear()
        self.icd_model.setStringList([])

    def draft(self) -> dict[str, object]:
        """What the section holds, as plain values for a draft (the ICD-10 search text too)."""
        return {"nad": self.nad.isChecked(), "text": self.text.text(), "icd": self.icd.text(),
                "diagnoses": [[d.code, d.label] for d in self.diagnoses],
                "class": self.classes.value().value if self.classes.value() else None}

    def set_draft(self, fields: Mapping[str, Any]) -> None:
        klass = fields.get("class")
        self.set_finding(bool(fields.get("nad")), str(fields.get("text") or ""),
                         tuple(Diagnosis(str(code), str(label)) for code, label in fields.get("diagnoses", ())),
                         HealthClass(klass) if klass else None)
        self.icd.setText(str(fields.get("icd") or ""))

    def touched(self) -> bool:
        return self.nad.isChecked() or bool(self.text.text().strip() or self.diagnoses or self.classes.value())

    def _nad_toggled(self, on: bool) -> None:
        self.text.setEnabled(not on)
        self.changed.emit()

    def _typed_finding(self, text: str) -> None:
        if text.strip() and self.nad.isChecked():
            self.nad.setChecked(False)

    def _search(self, text: str) -> None:
        self.icd_model.setStringList([c.display for c in icd10_index().search(text, limit=12)])

    def _add_first(self) -> None:
        popup = self.icd.completer().popup()
        current = popup.currentIndex() if popup.isVisible() else None
        if current is not None and current.isValid():
            self._add_text(current.data())
        elif self.icd_model.rowCount():
            self._add_text(self.icd_model.stringList()[0])

    def _add_text(self, text: str) -> None:
        found = icd10_index().parse_choice(text)
        if found is None or any(d.code == found.code for d in self.diagnoses):
            return
        self.diagnoses.append(Diagnosis(found.code, found.name))
        self.nad.setChecked(False)
        self.icd.completer().popup().hide()
        self.icd.clear()
        self._show_diagnoses()
        self.changed.emit()

    def _show_diagnoses(self) -> None:
        self.icd_list.setText("; ".join(f"{d.code} {d.label}" for d in self.diagnoses))
        self.icd_list.setVisible(bool(self.diagnoses))


class DoctorForm(DeskForm):
    """The doctor's tab of the exam page: ``DoctorForm(ctx, tasks, user)`` then ``load(visit)``.

    ``saved`` is emitted after a save or a completion went through (on the GUI thread).
    """

    scrolls_itself = True  # its body scrolls under fixed Save/Complete buttons: the exam page adds no scroll

    def __init__(self, ctx: Any, tasks: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, tasks, user, parent)
        self.sections: dict[Specialty, SpecialtySection] = {}  # every specialty; those not examined are hidden
        self._class_chosen = False
        self._history_answered = False  # the doctor went through the history list (or a draft did)
        self._error: type[StationError] | None = None  # the kind of error the message line shows, if any
        self._build()
        self.retranslate()
        may = can(user.role, Permission.RECORD_FINDINGS)
        self.body.setEnabled(may)
        self.save_button.setEnabled(may)
        self.complete_button.setEnabled(can(user.role, Permission.CONCLUDE_VISIT))

    # -- layout ----------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = heading(2)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.message = message_label()
        self.history = HistoryList()
        self.history_title = QLabel()
        self.history_detail = QLineEdit()
        self.history.currentItemChanged.connect(self._show_detail)
        self.history_detail.textEdited.connect(self._detail_typed)
        self.history_detail.returnPressed.connect(self.history.setFocus)
        self.sections_box = QVBoxLayout()
        self._build_sections()
        self.conclusion = self._build_conclusion()
        self.amend_reason = QLineEdit()
        self.amend_label = QLabel()
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.addWidget(self.history_title)
        body.addWidget(self.history)
        body.addWidget(self.history_detail)
        body.addLayout(self.sections_box)
        body.addWidget(self.conclusion)
        body.addStretch(1)
        scroll = scrolling(self.body)  # K, Tab and Enter move down: the focused field is kept in view
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.save_button = QPushButton()
        self.complete_button = QPushButton()
        self.drafts = self._desk_draft(DOCTOR_DESK)
        buttons = QHBoxLayout()
        buttons.addStretch()  # the buttons keep their size while the amendment reason is hidden
        buttons.addWidget(self.amend_label)
        buttons.addWidget(self.amend_reason, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.complete_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addWidget(self.missing)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.message)
        outer.addLayout(self.drafts.row())
        outer.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.complete_button.clicked.connect(self.complete)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.complete)
        self._show_amendment(False)
        self._keep_drafts()

    def _build_sections(self) -> None:
        """Once: a scan only resets the values and shows the specialties the resident is examined for."""
        for specialty in Specialty:
            section = SpecialtySection(specialty)
            section.changed.connect(self._update_worst)
            section.done.connect(self._focus_after(specialty))
            self.sections_box.addWidget(section)
            self.sections[specialty] = section

    def _keep_drafts(self) -> None:
        """Every edit (and only edits: the draft ignores the form filling itself while a visit loads) is kept as
        a draft and updates what is missing."""
        def typed(*_: object) -> None:
            self.drafts.changed()
            self._recheck()

        def answered(*_: object) -> None:
            self._history_answered = True
            typed()

        self.history.changed.connect(answered)
        self.history.itemChanged.connect(answered)  # a box ticked with the mouse
        self.history_detail.textEdited.connect(answered)
        for edit in (self.override_reason, self.referral_to, self.referral_why, self.amend_reason):
            edit.textEdited.connect(typed)
        for section in self.sections.values():
            section.changed.connect(typed)
            section.text.textEdited.connect(typed)
            section.icd.textEdited.connect(typed)
        self.overall.picked.connect(typed)
        self.advice.textChanged.connect(typed)
        self.urgency.currentIndexChanged.connect(typed)

    def _build_conclusion(self) -> QGroupBox:
        box = QGroupBox()
        self.worst = QLabel()
        self.worst.setObjectName("subheading")
        self.overall = ClassPicker()
        self.override_reason = QLineEdit()
        self.advice = QPlainTextEdit()
        self.advice.setTabChangesFocus(True)
        self.advice.setMaximumHeight(70)
        self.referral_to = QLineEdit()
        self.referral_why = QLineEdit()
        self.urgency = QComboBox()
        for u in Urgency:
            self.urgency.addItem("", u.value)
        form = QFormLayout(box)
        self._conclusion_labels = [QLabel() for _ in range(7)]
        rows = [self.worst, self.overall, self.override_reason, self.advice, self.referral_to, self.referral_why,
                self.urgency]
        for label, field in zip(self._conclusion_labels, rows):
            form.addRow(label, field)
        self.overall.picked.connect(self._overall_picked)
        self.overall.installEventFilter(self)
        for b in self.overall.buttons.values():
            b.installEventFilter(self)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in _CLASS_KEYS:
            self.overall.set_value(_CLASS_KEYS[event.key()])
            return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.history_title.setText(self.tr("Tiền sử (Space: đổi, Y: có, N: không)"))
        self.history_detail.setPlaceholderText(
            self.tr("Ghi rõ mục đang chọn (bệnh gì, từ năm nào, bao nhiêu điếu mỗi ngày…); Enter để quay lại danh sách"))
        self.conclusion.setTitle(self.tr("Kết luận"))
        texts = [self.tr("Phân loại nặng nhất"), self.tr("Phân loại sức khoẻ chung"), self.tr("Lý do chọn khác"),
                 self.tr("Lời khuyên"), self.tr("Chuyển đến"), self.tr("Lý do chuyển"), self.tr("Mức độ khẩn")]
        for label, text in zip(self._conclusion_labels, texts):
            label.setText(text)
        self.override_reason.setPlaceholderText(self.tr("Bắt buộc khi chọn khác phân loại nặng nhất"))
        self.referral_to.setPlaceholderText(self.tr("Để trống nếu không chuyển tuyến"))
        for i, u in enumerate(Urgency):
            self.urgency.setItemText(i, _tr("checkup", book.URGENCY_LABELS[u]))
        self.save_button.setText(self.tr("Lưu (Ctrl+S)"))
        self.complete_button.setText(self.tr("Hoàn thành lượt khám (Ctrl+Enter)"))
        self.amend_label.setText(self.tr("Lý do sửa:"))
        self.amend_reason.setPlaceholderText(self.tr("Lượt khám đã hoàn thành: ghi lý do sửa"))
        self.drafts.retranslate()
        for section in self.sections.values():
            section.retranslate()
        self._refresh_history_texts()
        self._update_worst()

    # -- loading ---------------------------------------------------------------------------------------------

    def _title(self, visit: Any) -> str:
        return self.tr("Bác sĩ khám: {name} ({year})").format(name=visit.resident_name, year=visit.birth_year)

    def _show_state(self, state: DeskState) -> None:
        """History, the examined specialties, the conclusion and what is missing; the history list has focus."""
        self._show_history(state)
        self._show_sections(state)
        self._show_conclusion(state)
        self.amend_reason.clear()
        self._history_answered, self._error = False, None
        self._show_missing(state.missing)
        self.history.setFocus()

    def _show_history(self, state: DeskState) -> None:
        answers = {h.item: h for h in state.history}
        self.history.clear()
        for item in book.history_items(state.sex):
            row = QListWidgetItem()
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            given = answers.get(item.code)
            row.setCheckState(Qt.CheckState.Checked if given and given.answer else Qt.CheckState.Unchecked)
            row.setData(_DETAIL, given.detail if given else None)
            self.history.addItem(row)
        self.history.setCurrentRow(0)
        self._refresh_history_texts()
        self.history.changed.connect(self._refresh_history_texts, Qt.ConnectionType.UniqueConnection)
        self.history.itemChanged.connect(self._refresh_history_texts, Qt.ConnectionType.UniqueConnection)

    def _show_sections(self, state: DeskState) -> None:
        """Values reset, the resident's specialties shown (obstetrics-gynaecology for women only)."""
        found = {f.specialty: f for f in state.findings}
        for specialty, section in self.sections.items():
            section.reset()
            f = found.get(specialty)
            if f is not None:
                section.set_finding(f.no_abnormality, f.text, f.diagnoses, f.health_class)
            section.setVisible(specialty in state.specialties)

    def examined(self) -> list[SpecialtySection]:
        """The sections of the specialties the resident on screen is examined for, in book order."""
        shown = self.state.specialties if self.state is not None else ()
        return [section for specialty, section in self.sections.items() if specialty in shown]

    def _focus_after(self, specialty: Specialty) -> Callable[[], None]:
        def move() -> None:
            examined = [s.specialty for s in self.examined()]
            later = examined[examined.index(specialty) + 1:] if specialty in examined else []
            target = self.sections[later[0]].nad if later else self.overall.buttons[HealthClass.I]
            target.setFocus()
        return move

    def _show_conclusion(self, state: DeskState) -> None:
        c = state.conclusion
        self._class_chosen = c is not None
        self.overall.set_value(c.overall_class if c else None)
        self.override_reason.setText(c.override_reason or "" if c else "")
        self.advice.setPlainText(c.advice or "" if c else "")
        self.referral_to.setText(c.referral.to if c and c.referral else "")
        self.referral_why.setText(c.referral.why if c and c.referral else "")
        urgency = c.referral.urgency if c and c.referral else Urgency.ROUTINE
        self.urgency.setCurrentIndex(list(Urgency).index(urgency))
        self._update_worst()

    def missing_now(self) -> tuple[str, ...]:
        """What completing would still find missing if what is on screen were saved (the history counts once the
        doctor has gone through it)."""
        saved = self.state.missing if self.state is not None else ()
        classed = [s.specialty.value for s in self.examined() if s.classes.value()]
        here = book.missing_parts(has_vitals=Part.VITALS.value not in saved,
                                  has_history=self._history_answered or Part.HISTORY.value not in saved,
                                  classed_specialties=classed, required=self.state.specialties if self.state else (),
                                  has_conclusion=bool(classed) and self.overall.value() is not None)
        # the QĐ 1551 desks as last saved (their fields are on the other tabs)
        return here + tuple(p for p in saved if p.startswith(book.NATIONAL_PREFIX))

    def _recheck(self) -> None:
        """After an edit: "Còn thiếu" and an error the message line shows follow what is now on screen."""
        if self.state is None:
            return
        missing = self.missing_now()
        self._show_missing(missing)
        if self._error is VisitIncompleteError:
            parts = ", ".join(_part_text(p) for p in missing)
            self._show_error(VisitIncompleteError(missing=parts, parts=missing) if missing else None)
        elif self._error is OverrideReasonRequiredError and (self.override_reason.text().strip()
                                                            or not self.override_reason.isEnabled()):
            self._show_error(None)

    def _show_error(self, exc: StationError | None) -> None:
        """An expected error's sentence in the message line (None clears it); its kind is kept for ``_recheck``."""
        self._error = type(exc) if exc is not None else None
        show_message(self.message, describe(exc) if exc is not None else "")

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StationError):
            self._show_error(exc)
        else:
            super()._failed(exc)

    def _show_missing(self, missing: tuple[str, ...]) -> None:
        if missing:
            parts = ", ".join(_part_text(p) for p in missing)
            self.missing.setText(self.tr("Còn thiếu: {parts}").format(parts=parts))
        else:
            self.missing.setText(self.tr("Đã đủ các phần; có thể hoàn thành lượt khám."))

    # -- live rules ------------------------------------------------------------------------------------------

    def _refresh_history_texts(self, *_: object) -> None:
        labels = {i.code: i.label for i in book.HISTORY_ITEMS}
        self.history.blockSignals(True)
        for n in range(self.history.count()):
            row = self.history.item(n)
            yes = row.checkState() == Qt.CheckState.Checked
            answer = self.tr("Có") if yes else self.tr("Không")
            detail = row.data(_DETAIL)
            text = f"{_tr('checkup', labels[row.data(Qt.ItemDataRole.UserRole)])}: {answer}"
            row.setText(f"{text} – {detail}" if detail else text)
            row.setToolTip(detail or "")
        self.history.blockSignals(False)
        self.history.fit_items()  # an answer or a detail may need another line

    def _show_detail(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        self.history_detail.setText(current.data(_DETAIL) or "" if current else "")

    def _detail_typed(self, text: str) -> None:
        row = self.history.currentItem()
        if row is not None:
            row.setData(_DETAIL, text.strip() or None)
            self._refresh_history_texts()

    def computed_class(self) -> HealthClass | None:
        return book.overall_class(s.classes.value() for s in self.examined())

    def _update_worst(self) -> None:
        worst = self.computed_class()
        self.worst.setText(worst.value if worst else self.tr("chưa có (chưa phân loại chuyên khoa nào)"))
        if worst and not self._class_chosen:
            self.overall.set_value(worst)
            self._class_chosen = False
        chosen = self.overall.value()
        self.override_reason.setEnabled(bool(chosen and book.override_needs_reason(worst, chosen)))

    def _overall_picked(self) -> None:
        if self.overall.value() != self.computed_class():
            self._class_chosen = True
        self._update_worst()

    # -- saving ----------------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.visit is None or self.state is None:
            return
        try:
            desk = self._collect()
        except StationError as exc:
            self._show_error(exc)
            return
        self.drafts.save_now()  # a refused save keeps the last keys too; a save that goes through removes it
        self.tasks.run(ops.save_doctor_desk(self.ctx, user=self.user, visit_id=self.visit.id, desk=desk,
                                            draft_desk=DOCTOR_DESK),  # one transaction: all of it, or nothing
                       parent=self, on_done=self._saved, on_error=self._failed)

    def _collect(self) -> ops.DoctorDesk:
        """Everything typed, as plain values for the database lane."""
        reason = self.amend_reason.text().strip() or None
        rows = [self.history.item(n) for n in range(self.history.count())]
        history = [HistoryAnswer(r.data(Qt.ItemDataRole.UserRole), r.checkState() == Qt.CheckState.Checked,
                                 r.data(_DETAIL)) for r in rows]
        findings = [FindingInput(s.specialty, s.nad.isChecked(), s.text.text(), list(s.diagnoses), s.classes.value())
                    for s in self.examined() if s.touched()]
        overall = self.overall.value()
        worst = self.computed_class()
        if overall and book.override_needs_reason(worst, overall) and not self.override_reason.text().strip():
            self.override_reason.setFocus()
            raise OverrideReasonRequiredError(chosen=overall.value, computed=worst.value)  # type: ignore[union-attr]
        conclusion = None
        if overall is not None and any(f.health_class for f in findings):
            referral = Referral(self.referral_to.text(), self.referral_why.text(),
                                Urgency(self.urgency.currentData()))
            conclusion = ConclusionInput(overall, self.override_reason.text(), self.advice.toPlainText(), referral)
        return ops.DoctorDesk(history, findings, conclusion, reason)

    def _saved(self, state: DeskState) -> None:
        self.state = state
        self._show_missing(state.missing)
        self.drafts.stored()
        self._error = None
        show_message(self.message, self.tr("Đã lưu."), ok=True)
        self.saved.emit(self.visit.id)

    def complete(self) -> None:
        """Ctrl+Enter: what is on screen is saved first, then the visit is completed (or told what is missing)."""
        if self.visit is None or self.state is None:
            return
        try:
            desk = self._collect()
        except StationError as exc:
            self._show_error(exc)
            return
        self.drafts.save_now()
        self.tasks.run(ops.complete_visit(self.ctx, user=self.user, visit_id=self.visit.id, desk=desk,
                                          draft_desk=DOCTOR_DESK),
                       parent=self, on_done=self._completed, on_error=self._failed)

    def _completed(self, result: tuple[VisitStatus, DeskState]) -> None:
        self.drafts.stored()
        self.state = result[1]
        self._show_missing(())
        self._show_amendment(True)
        self._error = None
        show_message(self.message, self.tr("Lượt khám đã hoàn thành."), ok=True)
        self.saved.emit(self.visit.id)

    # -- drafts ----------------------------------------------------------------------------------------------

    def draft_fields(self) -> dict[str, object]:
        """Everything typed, as plain values: history answers, each examined specialty, the conclusion."""
        rows = [self.history.item(n) for n in range(self.history.count())]
        overall = self.overall.value()
        return {"history": [[r.data(Qt.ItemDataRole.UserRole), r.checkState() == Qt.CheckState.Checked,
                             r.data(_DETAIL)] for r in rows],
                "findings": {s.specialty.value: s.draft() for s in self.examined()},
                "overall": overall.value if overall else None, "chosen": self._class_chosen,
                "override_reason": self.override_reason.text(), "advice": self.advice.toPlainText(),
                "referral_to": self.referral_to.text(), "referral_why": self.referral_why.text(),
                "urgency": self.urgency.currentData(), "amend_reason": self.amend_reason.text()}

    def _apply_draft(self, fields: Mapping[str, Any]) -> bool:
        """Show a draft's values over the saved ones; False (and the saved values) if it cannot be read."""
        try:
            answers = {code: (yes, detail) for code, yes, detail in fields.get("history", ())}
            for n in range(self.history.count()):
                row = self.history.item(n)
                yes, detail = answers.get(row.data(Qt.ItemDataRole.UserRole), (False, None))
                row.setCheckState(Qt.CheckState.Checked if yes else Qt.CheckState.Unchecked)
                row.setData(_DETAIL, detail or None)
            for code, values in fields.get("findings", {}).items():
                if Specialty(code) in self.sections:
                    self.sections[Specialty(code)].set_draft(values)
            self._apply_conclusion_draft(fields)
            self._history_answered = any(yes or detail for yes, detail in answers.values())
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            log.warning("doctor's draft of visit %s not readable: %s", self.visit.id, type(exc).__name__)
            self._show_history(self.state)  # type: ignore[arg-type]
            self._show_sections(self.state)  # type: ignore[arg-type]
            self._show_conclusion(self.state)  # type: ignore[arg-type]
            return False
        self._refresh_history_texts()
        self._show_detail(self.history.currentItem())
        self._recheck()
        return True

    def _apply_conclusion_draft(self, fields: Mapping[str, Any]) -> None:
        overall = fields.get("overall")
        self._class_chosen = bool(fields.get("chosen"))
        self.overall.set_value(HealthClass(overall) if overall else None)
        self.override_reason.setText(str(fields.get("override_reason") or ""))
        self.advice.setPlainText(str(fields.get("advice") or ""))
        self.referral_to.setText(str(fields.get("referral_to") or ""))
        self.referral_why.setText(str(fields.get("referral_why") or ""))
        self.urgency.setCurrentIndex(list(Urgency).index(Urgency(fields.get("urgency") or Urgency.ROUTINE)))
        self.amend_reason.setText(str(fields.get("amend_reason") or ""))
        self._update_worst()

