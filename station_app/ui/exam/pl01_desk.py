"""A PL01 desk built from the visit's form definition: the doctor's parts of the national form ("Khám theo mẫu
QĐ 1551") and the child's development milestones ("Phát triển của trẻ"). What is shown comes from
``ui/exam/pl01_state.py``; answers are stored through ``ctx.answers``.

Keys:
- Enter moves to the next field; a number outside its limits is refused there, with a sentence naming the field.
- On a part's first box "Bình thường (K)": K or Space fills the part's empty fields with their normal values
  (Bình thường, Loại I, the normal code) and moves to the next part; Enter goes into the part's fields. K does the
  same from a list or a number field of the part (in a text field K is a letter).
- A list field: its code (1–5 for a class) picks and moves on; letters search the list. A yes/no field: C or 1
  Có, N or 0 Không (K stays "nothing abnormal" for the part), then the next field.
- An ICD-10 field: type a code or a name without marks, Enter adds the first match (then the year found, Enter);
  Enter on an empty search moves on; Backspace on an empty search removes the last one.
- F8 marks the field "Từ chối" (refused) or "Không làm" (not done, with a reason), or removes the mark.
- A number outside the field's warning limits (a hearing distance under 4 m…) is shown in amber as it is typed, and
  Enter still moves on, as at the vital-signs desk. Nothing unusual is saved unconfirmed: Ctrl+S (or Enter on
  "Lưu") first takes the focus back to each unusual value in turn, selected: Enter confirms it, a number typed
  replaces it; once none is left the desk saves. A value saved earlier counts as confirmed.
- Ctrl+S saves. After the visit is completed a change needs the reason line filled; the old answers are kept.
What is typed is kept as a draft a second after the last key, and offered again when the visit is reopened.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from station_app.core import icd10
from station_app.core.pl01 import FieldDefinition
from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.core.roles import Permission, can
from station_app.services.common.reference import icd10_codes
from station_app.ui.exam import operations as ops
from station_app.ui.exam import pl01_state as st
from station_app.ui.exam.desk_form import DeskForm, scrolling
from station_app.ui.widgets import heading, message_label, show_message

log = logging.getLogger(__name__)
_AMBER = "#a15c00"  # the vital-signs desk's colour of an unusual value
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_YES = {Qt.Key.Key_C: "1", Qt.Key.Key_Y: "1", Qt.Key.Key_1: "1", Qt.Key.Key_N: "0", Qt.Key.Key_0: "0"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(st.CONTEXT, text)


def _refusal_text(refusal: st.Refusal) -> str:
    return _tr(refusal.template).format(**refusal.values)


def mark_text(status: AnswerStatus, reason: str | None) -> str:
    word = QCoreApplication.translate("Pl01Desk", "Từ chối") if status == AnswerStatus.REFUSED else QCoreApplication.translate("Pl01Desk", "Không làm")
    return f"{word}: {reason}" if reason else word


# -- one field --------------------------------------------------------------------------------------------------

class FieldInput(QWidget):
    """One field (an ICD-10 field with its year found: two) on a line: label, input, its mark if any."""

    changed = Signal()
    entered = Signal()  # Enter (or a yes/no key): move on
    normal_asked = Signal()  # K: the part's normal values
    mark_asked = Signal()  # F8
    refused = Signal(str)  # a typed value the field cannot take: the sentence

    def __init__(self, fields: Sequence[FieldDefinition], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = tuple(fields)
        self.field = self.fields[0]
        self.mark: tuple[AnswerStatus, str | None] | None = None
        unit = self.field.unit
        shown = unit and f"({unit.casefold()})" not in self.field.label.casefold()  # "Chu kỳ kinh (ngày)" has it
        self.label = QLabel(self.field.label + (f" ({unit})" if shown else ""))
        self.label.setWordWrap(True)
        self.mark_label = QLabel()
        self.mark_label.setObjectName("hint")
        self.mark_label.hide()

    @property
    def code(self) -> str:
        return self.field.code

    def retranslate(self) -> None:
        if self.mark is not None:
            self.mark_label.setText(mark_text(*self.mark))

    def focus_widget(self) -> QWidget:
        raise NotImplementedError

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_F8:
                self.mark_asked.emit()
                return True
            return self.key(watched, event)
        return super().eventFilter(watched, event)

    def key(self, watched: QObject, event: QKeyEvent) -> bool:
        """A key pressed in the field: True when the field took it."""
        return False

    # -- values ----------------------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        raise NotImplementedError

    def values(self) -> list[Answer] | st.Refusal:
        """The answers on screen (recorded values only), or why a typed value cannot be taken."""
        raise NotImplementedError

    def answers(self) -> list[Answer] | st.Refusal:
        if self.mark is not None:
            status, reason = self.mark
            return [Answer(f.code, None, 0, None, status, reason) for f in self.fields]
        return self.values()

    def show_answers(self, answers: Sequence[Answer]) -> None:
        """Show stored (or drafted) answers of this field's codes."""
        marked = next((a for a in answers if a.status in (AnswerStatus.REFUSED, AnswerStatus.NOT_DONE)), None)
        self.set_values([a for a in answers if a.status == AnswerStatus.RECORDED])
        self.set_mark((marked.status, marked.reason) if marked is not None else None)

    def set_values(self, answers: Sequence[Answer]) -> None:
        raise NotImplementedError

    def fill(self, value: str) -> None:
        """K: the field's normal value."""
        self.set_values([Answer(self.code, value)])

    def set_mark(self, mark: tuple[AnswerStatus, str | None] | None) -> None:
        self.mark = mark
        self.mark_label.setText(mark_text(*mark) if mark else "")
        self.mark_label.setVisible(mark is not None)
        if mark is not None:
            self.set_values([])

    def typed(self, *_: object) -> None:
        if self.mark is not None:  # a value typed over a mark takes its place
            self.set_mark(None)
        self.changed.emit()


class LineInput(FieldInput):
    """A number, a date or a text on one line. A number outside the field's warning limits needs confirming:
    ``armed`` once Enter passed it (or the save's review showed it), ``confirmed`` by the next Enter there."""

    def __init__(self, fields: Sequence[FieldDefinition], parent: QWidget | None = None) -> None:
        super().__init__(fields, parent)
        self.confirmed = False
        self.armed = False
        self.warn_label = QLabel()
        self.warn_label.setObjectName("unusual")
        self.warn_label.setWordWrap(True)
        self.warn_label.hide()
        self.edit = QLineEdit()
        self.edit.setObjectName(self.code)
        if self.field.input == "date":
            self.edit.setPlaceholderText(QCoreApplication.translate("Pl01Desk", "ngày/tháng/năm"))
        elif self.field.input == "number":
            low, high = self.field.limits
            if low is not None and high is not None:
                self.edit.setPlaceholderText(f"{st._plain(low)}–{st._plain(high)}")
            self.edit.setMaximumWidth(160)
        self.edit.textEdited.connect(self._edited)
        self.watch(self.edit)

    def focus_widget(self) -> QWidget:
        return self.edit

    def retranslate(self) -> None:
        super().retranslate()
        self.show_warning()

    def _edited(self, *_: object) -> None:
        self.confirmed = self.armed = False  # a value typed again is a new value: it is asked again
        self.show_warning()
        self.typed()

    def warning(self) -> st.Refusal | None:
        """Why the value on screen is unusual (None: it is not, or it is not a value yet)."""
        parsed = st.parse(self.field, self.edit.text())
        return None if isinstance(parsed, st.Refusal) else st.unusual(self.field, parsed)

    def needs_confirming(self) -> bool:
        return self.mark is None and not self.confirmed and self.warning() is not None

    def show_warning(self) -> None:
        """The amber note beside an unusual value: what is unusual, and what Enter does there."""
        warning = self.warning() if self.mark is None else None
        if warning is None:
            self.warn_label.setText("")
        elif self.confirmed:
            self.warn_label.setText(QCoreApplication.translate("Pl01Desk", "Đã xác nhận giá trị bất thường."))
        else:
            ask = (QCoreApplication.translate("Pl01Desk", "Enter để xác nhận, hoặc gõ số đúng để sửa.") if self.armed
                   else QCoreApplication.translate("Pl01Desk", "Cần xác nhận trước khi lưu."))
            self.warn_label.setText(f"{_refusal_text(warning)} {ask}")
        self.warn_label.setStyleSheet(f"color: {_AMBER}")
        self.warn_label.setVisible(warning is not None and self.warn_label.parent() is not None)

    def key(self, watched: QObject, event: QKeyEvent) -> bool:
        if event.key() in _ENTER and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            parsed = st.parse(self.field, self.edit.text())
            if isinstance(parsed, st.Refusal):
                self.refused.emit(_refusal_text(parsed))
                self.edit.selectAll()
                return True
            if self.needs_confirming():
                self.confirmed = self.armed  # the second Enter on it (or the first in the save's review)
                self.armed = True
                self.show_warning()
                if self.confirmed:
                    self.changed.emit()  # the draft keeps what was confirmed
            self.entered.emit()
            return True
        if event.key() == Qt.Key.Key_K and self.field.input == "number" and not event.modifiers():
            self.normal_asked.emit()
            return True
        return False

    def is_empty(self) -> bool:
        return not self.edit.text().strip()

    def values(self) -> list[Answer] | st.Refusal:
        parsed = st.parse(self.field, self.edit.text())
        if isinstance(parsed, st.Refusal):
            return parsed
        return [Answer(self.code, parsed, 0, self.field.unit or None)] if parsed else []

    def set_values(self, answers: Sequence[Answer]) -> None:
        value = next((a.value for a in answers if a.code == self.code and a.value), "")
        self.edit.setText(st.shown(self.field, value) if value else "")
        self.confirmed, self.armed = True, False  # a value saved before was confirmed then (a draft says otherwise)
        self.show_warning()


class ChoiceInput(FieldInput):
    """A code from the field's list (yes/no too): the list as "code – label", searched by typing."""

    def __init__(self, fields: Sequence[FieldDefinition], parent: QWidget | None = None) -> None:
        super().__init__(fields, parent)
        self.combo = QComboBox()
        self.combo.setObjectName(self.code)
        self.combo.addItem("", "")
        for c in self.field.codes or ():
            self.combo.addItem(f"{c.code} – {c.label}", c.code)
        self._single = all(len(c.code) == 1 for c in self.field.codes or ())
        self.combo.currentIndexChanged.connect(lambda _i: self._shown_changed())
        self._filling = False
        self.watch(self.combo)

    def _shown_changed(self) -> None:
        if not self._filling:
            self.typed()

    def focus_widget(self) -> QWidget:
        return self.combo

    def key(self, watched: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if key in _ENTER:
            self.entered.emit()
            return True
        if key == Qt.Key.Key_K:
            self.normal_asked.emit()
            return True
        if self.field.input == "yesno" and key in _YES and self._pick(_YES[key]):
            return True
        if self._single and event.text() and self._pick(event.text()):
            return True
        return False

    def _pick(self, code: str) -> bool:
        index = self.combo.findData(code)
        if index < 0:
            return False
        self.combo.setCurrentIndex(index)
        self.entered.emit()
        return True

    def is_empty(self) -> bool:
        return not self.combo.currentData()

    def values(self) -> list[Answer] | st.Refusal:
        code = self.combo.currentData()
        return [Answer(self.code, code)] if code else []

    def set_values(self, answers: Sequence[Answer]) -> None:
        value = next((a.value for a in answers if a.code == self.code and a.value), "")
        self._filling = True
        self.combo.setCurrentIndex(max(self.combo.findData(value), 0))
        self._filling = False


class IcdInput(FieldInput):
    """ICD-10 codes, each with the year found when the form asks for it (repeated items 0, 1, …)."""

    def __init__(self, fields: Sequence[FieldDefinition], parent: QWidget | None = None) -> None:
        super().__init__(fields, parent)
        self.year_field = self.fields[1] if len(self.fields) > 1 else None
        self.items: list[tuple[str, str]] = []  # (code, year or "")
        self.search = QLineEdit()
        self.search.setObjectName(self.code)
        self.search.setPlaceholderText(QCoreApplication.translate("Pl01Desk", "Gõ mã hoặc tên bệnh, Enter để thêm"))
        self.model = QStringListModel(self)
        completer = QCompleter(self.model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.search.setCompleter(completer)
        self.search.textEdited.connect(self._search)
        self.year = QLineEdit()
        self.year.setObjectName(self.year_field.code if self.year_field else "")
        self.year.setPlaceholderText(QCoreApplication.translate("Pl01Desk", "Năm phát hiện"))
        self.year.setMaximumWidth(120)
        if self.year_field is None:
            self.year.hide()  # (never show() a widget before it has a parent: it would open as a window)
        self.listed = QLabel()
        self.listed.setWordWrap(True)
        self._pending: str | None = None  # a code chosen, waiting for its year
        self.watch(self.search)
        self.watch(self.year)

    def focus_widget(self) -> QWidget:
        return self.search

    def retranslate(self) -> None:
        super().retranslate()
        self.search.setPlaceholderText(QCoreApplication.translate("Pl01Desk", "Gõ mã hoặc tên bệnh, Enter để thêm"))
        self.year.setPlaceholderText(QCoreApplication.translate("Pl01Desk", "Năm phát hiện"))

    def row(self) -> QWidget:
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.search, 1)
        line.addWidget(self.year)
        return box

    def _search(self, text: str) -> None:
        self.model.setStringList([c.display for c in icd10.search(icd10_codes(), text, limit=12)])

    def key(self, watched: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if watched is self.search and key in _ENTER:
            if not self.search.text().strip():
                self.entered.emit()
                return True
            self._choose()
            return True
        if watched is self.search and key == Qt.Key.Key_Backspace and not self.search.text() and self.items:
            self.items.pop()
            self._show_items()
            self.typed()
            return True
        if watched is self.year and key in _ENTER:
            self._add_with_year()
            return True
        return False

    def _choose(self) -> None:
        popup = self.search.completer().popup()
        current = popup.currentIndex() if popup.isVisible() else None
        text = current.data() if current is not None and current.isValid() else (
            self.model.stringList()[0] if self.model.rowCount() else self.search.text())
        found = icd10.parse_choice(text, icd10_codes())
        popup.hide()
        if found is None:
            self.refused.emit(QCoreApplication.translate("Pl01Desk", "{field}: không tìm thấy mã ICD-10 này; hãy gõ mã hoặc tên bệnh rồi chọn "
                                  "trong danh sách.").format(field=self.field.label))
            return
        if self.year_field is None:
            self._add(found.code, "")
            return
        self._pending = found.code
        self.search.setText(found.display)
        self.year.setFocus()

    def _add_with_year(self) -> None:
        if self._pending is None:
            self.search.setFocus()
            return
        year = st.parse(self.year_field, self.year.text()) if self.year_field else ""
        if isinstance(year, st.Refusal):
            self.refused.emit(_refusal_text(year))
            self.year.selectAll()
            return
        self._add(self._pending, year)

    def _add(self, code: str, year: str) -> None:
        if all(c != code for c, _y in self.items):
            self.items.append((code, year))
        self._pending = None
        self.search.clear()
        self.year.clear()
        self._show_items()
        self.typed()
        self.search.setFocus()

    def _show_items(self) -> None:
        names = {c.code: c.name for c in icd10_codes()}
        self.listed.setText("; ".join(f"{c} {names.get(c, '')}".strip() + (f" ({y})" if y else "")
                                      for c, y in self.items))

    def is_empty(self) -> bool:
        return not self.items

    def values(self) -> list[Answer] | st.Refusal:
        out: list[Answer] = []
        for n, (code, year) in enumerate(self.items):
            out.append(Answer(self.code, code, n))
            if self.year_field is not None and year:
                out.append(Answer(self.year_field.code, year, n, self.year_field.unit or None))
        return out

    def set_values(self, answers: Sequence[Answer]) -> None:
        codes = {a.item: a.value for a in answers if a.code == self.code and a.value}
        years = {a.item: a.value for a in answers if self.year_field and a.code == self.year_field.code and a.value}
        self.items = [(codes[n], years.get(n) or "") for n in sorted(codes)]
        self._pending = None
        self.search.clear()
        self.year.clear()
        self._show_items()


def make_input(fields: Sequence[FieldDefinition]) -> FieldInput:
    kind = fields[0].input
    if kind == "icd10":
        return IcdInput(fields)
    if kind in ("code", "yesno") and fields[0].codes is not None:
        return ChoiceInput(fields)
    return LineInput(fields)


def _inputs_of(part: st.Part) -> list[list[FieldDefinition]]:
    """The part's fields as inputs: an ICD-10 field takes the year found that follows it."""
    out: list[list[FieldDefinition]] = []
    for f in part.fields:
        if out and out[-1][0].input == "icd10" and len(out[-1]) == 1 and "NAM_PHAT_HIEN" in f.code:
            out[-1].append(f)
        else:
            out.append([f])
    return out


# -- one part ---------------------------------------------------------------------------------------------------

class PartBox(QGroupBox):
    """A part: its K box (when it has normal values) and its fields."""

    normal_asked = Signal()

    def __init__(self, part: st.Part, parent: QWidget | None = None) -> None:
        super().__init__(part.title, parent)
        self.part = part
        self.inputs = [make_input(fields) for fields in _inputs_of(part)]
        for field_input in self.inputs:  # owned by the box; its label and editor are laid out below
            field_input.setParent(self)
            field_input.hide()
        grid = QGridLayout(self)
        self.normal_button: QPushButton | None = None
        row = 0
        if part.has_normals:
            self.normal_button = QPushButton(QCoreApplication.translate("Pl01Desk", "Bình thường (K)"))
            self.normal_button.setObjectName("normal")
            self.normal_button.setAutoDefault(False)
            self.normal_button.clicked.connect(self.normal_asked)
            self.normal_button.installEventFilter(self)
            grid.addWidget(self.normal_button, row, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)
            row += 1
        for field_input in self.inputs:
            editor = field_input.row() if isinstance(field_input, IcdInput) else field_input.focus_widget()
            grid.addWidget(field_input.label, row, 0)
            grid.addWidget(editor, row, 1)
            grid.addWidget(field_input.mark_label, row, 2)
            if isinstance(field_input, LineInput):
                grid.addWidget(field_input.warn_label, row, 3)
                field_input.show_warning()
            row += 1
            if isinstance(field_input, IcdInput):
                grid.addWidget(field_input.listed, row, 1, 1, 2)
                row += 1
            field_input.normal_asked.connect(self.normal_asked)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(0, 260)

    def first(self) -> QWidget:
        return self.normal_button or self.inputs[0].focus_widget()

    def retranslate(self) -> None:
        """The texts of the desk (the field labels are the form's own, in Vietnamese)."""
        if self.normal_button is not None:
            self.normal_button.setText(QCoreApplication.translate("Pl01Desk", "Bình thường (K)"))
        for field_input in self.inputs:
            field_input.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.normal_button and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_K, Qt.Key.Key_Space):
                self.normal_asked.emit()
                return True
            if event.key() in _ENTER:
                self.inputs[0].focus_widget().setFocus()
                return True
        return super().eventFilter(watched, event)

    def fill_normals(self) -> bool:
        """Fill the empty, unmarked fields with their normal values; True when any was filled."""
        filled = False
        for field_input in self.inputs:
            if field_input.mark is None and field_input.is_empty() and field_input.field.normal:
                field_input.fill(field_input.field.normal)
                filled = True
        return filled


# -- marking a field --------------------------------------------------------------------------------------------

class MarkDialog(QDialog):
    """F8: the field refused by the resident, or not done (with a reason), or its mark removed."""

    def __init__(self, field_input: FieldInput, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_input = field_input
        self.setWindowTitle(QCoreApplication.translate("Pl01Desk", "Đánh dấu mục không có kết quả"))
        self.kind = QComboBox()
        self.kind.addItem(QCoreApplication.translate("Pl01Desk", "Từ chối (người dân không đồng ý)"), AnswerStatus.REFUSED.value)
        self.kind.addItem(QCoreApplication.translate("Pl01Desk", "Không làm (ghi lý do)"), AnswerStatus.NOT_DONE.value)
        if field_input.mark is not None:
            self.kind.addItem(QCoreApplication.translate("Pl01Desk", "Bỏ đánh dấu"), "")
            self.kind.setCurrentIndex(self.kind.findData(field_input.mark[0].value))
        self.reason = QLineEdit(field_input.mark[1] or "" if field_input.mark else "")
        self.reason.setObjectName("mark_reason")
        self.message = message_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)  # Enter in the reason accepts
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(field_input.field.label))
        form.addRow(QCoreApplication.translate("Pl01Desk", "Đánh dấu"), self.kind)
        form.addRow(QCoreApplication.translate("Pl01Desk", "Lý do"), self.reason)
        form.addRow(self.message)
        form.addRow(buttons)
        self.reason.setFocus()

    def accept(self) -> None:
        kind = self.kind.currentData()
        reason = self.reason.text().strip() or None
        if kind == AnswerStatus.NOT_DONE.value and not reason:
            show_message(self.message, QCoreApplication.translate("Pl01Desk", "Hãy ghi lý do không làm (ví dụ: không có máy đo)."))
            self.reason.setFocus()
            return
        self.field_input.set_mark((AnswerStatus(kind), reason) if kind else None)
        self.field_input.changed.emit()
        super().accept()


# -- the desk ---------------------------------------------------------------------------------------------------

class Pl01Desk(DeskForm):
    """A PL01 desk of the exam page: ``Desk(ctx, tasks, user)`` then ``load(visit)``. ``KIND`` names its fields
    (pl01_state.DOCTOR or CHILD), ``DRAFT_DESK`` its drafts. ``available`` says whether the visit's form has any
    field for it (the exam page hides the tab otherwise)."""

    KIND = st.DOCTOR
    DRAFT_DESK = "pl01:doctor"
    PERMISSION = Permission.RECORD_FINDINGS
    scrolls_itself = True

    def __init__(self, ctx: Any, tasks: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, tasks, user, parent)
        self.parts: list[PartBox] = []
        self.loaded: ops.Pl01Desk | None = None
        self._stored: list[Answer] = []
        self._reviewing = False  # a save waits for the unusual values to be confirmed one by one
        self._build()
        self.retranslate()
        may = can(user.role, self.PERMISSION)
        self.body.setEnabled(may)
        self.save_button.setEnabled(may)

    def _build(self) -> None:
        self.title = heading(2)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.message = message_label()
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addStretch(1)
        self.scroll = scrolling(self.body)
        buttons = self._save_row()
        self.amend_reason.setObjectName("amend_reason")
        self.save_button.setAutoDefault(True)  # Enter after the last field saves, as Ctrl+S
        self.save_button.clicked.connect(self.save)
        self.drafts = self._desk_draft(self.DRAFT_DESK)
        self.amend_reason.textEdited.connect(lambda _t: self.drafts.changed())
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addWidget(self.hint)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.message)
        outer.addLayout(self.drafts.row())
        outer.addLayout(buttons)
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Ctrl+↓ leaves the part the focus is in (an optional part with nothing to note costs one key, not one Enter
        # per field)
        skip = QShortcut(QKeySequence("Ctrl+Down"), self, self.next_part)
        skip.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._show_amendment(False)

    def retranslate(self) -> None:
        self.empty_note_visible(self.loaded is not None and not self.parts)
        for box in self.parts:
            box.retranslate()
        self.save_button.setText(QCoreApplication.translate("Pl01Desk", "Lưu (Ctrl+S)"))
        self.amend_label.setText(QCoreApplication.translate("Pl01Desk", "Lý do sửa:"))
        self.amend_reason.setPlaceholderText(QCoreApplication.translate("Pl01Desk", "Lượt khám đã hoàn thành: ghi lý do sửa"))
        self.drafts.retranslate()
        if self.visit is not None:
            self.title.setText(self._title(self.visit))

    def _hint(self) -> str:
        return QCoreApplication.translate("Pl01Desk", "K: bình thường cho cả phần và sang phần sau · Enter: mục sau · Ctrl+↓: phần sau · "
                       "C/N: có/không · F8: từ chối hoặc không làm · Ctrl+S: lưu")

    # -- loading ---------------------------------------------------------------------------------------------

    def load(self, visit: Any) -> None:
        self.drafts.leave()
        self.visit, self.state, self.loaded = visit, None, None
        self.title.setText(self._title(visit))
        self.tasks.run(ops.load_pl01_desk(self.ctx, visit_id=visit.id, draft_desk=self.DRAFT_DESK), parent=self,
                       on_done=self._loaded_pl01, on_error=self._failed)

    def _loaded_pl01(self, loaded: ops.Pl01Desk) -> None:
        if self.visit is None or loaded.visit_id != self.visit.id:
            return  # another visit was picked meanwhile
        self.loaded, self.state = loaded, loaded.state
        self._stored = [s.answer for s in loaded.answers]
        self._build_parts(self.shown_parts(loaded))
        self._show_answers(self._stored)
        show_message(self.message, "")
        self._show_amendment(loaded.state.completed)
        self.amend_reason.clear()
        draft = loaded.draft
        if draft is not None and not self._apply_draft(draft.fields):
            draft = None
        self.drafts.offer(loaded.visit_id, draft)
        if self.parts:
            self.parts[0].first().setFocus()

    def shown_parts(self, loaded: ops.Pl01Desk) -> list[st.Part]:
        return st.parts(st.desk_fields(loaded.definition, self.KIND, loaded.state.specialties,
                                       loaded.state.age_years))

    def _build_parts(self, parts: list[st.Part]) -> None:
        for box in self.parts:
            box.setParent(None)
            box.deleteLater()
        self.parts = [PartBox(part) for part in parts]
        for n, box in enumerate(self.parts):
            self.body_layout.insertWidget(n, box)
            box.show()  # now, not on the next turn of the event loop: the first field takes the focus at once
            box.normal_asked.connect(self._normal_of(box))
            for i, field_input in enumerate(box.inputs):
                field_input.entered.connect(self._next_of(box, i))
                field_input.changed.connect(self._edited)
                field_input.mark_asked.connect(self._mark_of(field_input))
                field_input.refused.connect(self._refused)
        self.empty_note_visible(not parts)

    def empty_note_visible(self, empty: bool) -> None:
        if empty:
            self.hint.setText(QCoreApplication.translate("Pl01Desk", "Mẫu khám của lượt khám này không có mục nào ghi ở bàn này."))
        else:
            self.hint.setText(self._hint())

    def _show_answers(self, answers: Sequence[Answer], confirmed: Sequence[str] | None = None) -> None:
        """Show ``answers``; their unusual values count as confirmed (saved ones were), a draft's only when it
        says so (``confirmed``)."""
        self._reviewing = False
        for box in self.parts:
            for field_input in box.inputs:
                codes = {f.code for f in field_input.fields}
                field_input.show_answers([a for a in answers if a.code in codes])
                if confirmed is not None and isinstance(field_input, LineInput):
                    field_input.confirmed = field_input.code in confirmed
                    field_input.show_warning()

    def line_inputs(self) -> list[LineInput]:
        return [i for box in self.parts for i in box.inputs if isinstance(i, LineInput)]

    # -- moving on -------------------------------------------------------------------------------------------

    def _next_of(self, box: PartBox, index: int) -> Callable[[], None]:
        def move() -> None:
            if self._reviewing:  # confirming before a save: the next unusual value, or the save
                self.save()
                return
            if index + 1 < len(box.inputs):
                box.inputs[index + 1].focus_widget().setFocus()
            else:
                self._focus_after(box)
        return move

    def next_part(self) -> None:
        """The focus to the next part's first field (or the save button after the last part)."""
        box = next((b for b in self.parts if b.isAncestorOf(QApplication.focusWidget())), None)
        if box is not None:
            self._focus_after(box)

    def _focus_after(self, box: PartBox) -> None:
        later = self.parts[self.parts.index(box) + 1:]
        (later[0].first() if later else self.save_button).setFocus()

    def _normal_of(self, box: PartBox) -> Callable[[], None]:
        def fill() -> None:
            if box.fill_normals():
                self._edited()
            self._focus_after(box)
        return fill

    def _mark_of(self, field_input: FieldInput) -> Callable[[], None]:
        def ask() -> None:
            self.mark_dialog = MarkDialog(field_input, self)
            self.mark_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.mark_dialog.finished.connect(lambda _r: field_input.focus_widget().setFocus())
            self.mark_dialog.open()
        return ask

    def _refused(self, sentence: str) -> None:
        show_message(self.message, sentence)

    def _edited(self) -> None:
        show_message(self.message, "")
        self.drafts.changed()

    # -- saving ----------------------------------------------------------------------------------------------

    def on_screen(self) -> list[Answer] | tuple[FieldInput, st.Refusal]:
        out: list[Answer] = []
        for box in self.parts:
            for field_input in box.inputs:
                got = field_input.answers()
                if isinstance(got, st.Refusal):
                    return field_input, got
                out.extend(got)
        return out

    def save(self) -> None:
        if self.visit is None or self.loaded is None:
            return
        got = self.on_screen()
        if isinstance(got, tuple):
            field_input, refusal = got
            field_input.focus_widget().setFocus()
            show_message(self.message, _refusal_text(refusal))
            return
        fields = [f for box in self.parts for f in box.part.fields]
        if self._review(fields, got):
            return
        desk_of = {f.code: f.desk for f in fields}
        stored = [(desk_of[a.code], a.code, a.item) for a in self._stored if a.code in desk_of]
        changes = st.changes(fields, got, stored)
        self.drafts.save_now()
        self.tasks.run(ops.save_pl01_answers(self.ctx, user=self.user, visit_id=self.visit.id, changes=changes,
                                             reason=self.amend_reason.text().strip() or None,
                                             draft_desk=self.DRAFT_DESK),
                       parent=self, on_done=self._saved, on_error=self._failed)

    def _review(self, fields: Sequence[FieldDefinition], got: Sequence[Answer]) -> bool:
        """Before a save: the focus on the first unusual value still to confirm, selected, its note saying what
        Enter does; False once none is left (the save goes on)."""
        inputs = {i.code: i for i in self.line_inputs()}
        pending = st.unconfirmed(fields, got, [code for code, i in inputs.items() if i.confirmed])
        pending = [code for code in pending if code in inputs]
        self._reviewing = bool(pending)
        if not pending:
            return False
        field_input = inputs[pending[0]]
        field_input.armed = True
        field_input.show_warning()
        field_input.edit.setFocus()
        field_input.edit.selectAll()
        self.scroll.ensureWidgetVisible(field_input.edit)
        show_message(self.message, QCoreApplication.translate(
            "Pl01Desk", "Chưa lưu: còn {n} giá trị bất thường cần xác nhận (màu vàng). Ở ô đang chọn: Enter để xác "
                        "nhận, hoặc gõ số đúng để sửa.").format(n=len(pending)))
        log.info("PL01 desk %s of visit %s: %d unusual values to confirm", self.KIND, self.visit.id, len(pending))
        return True

    def _saved(self, answers: list[Any]) -> None:
        self._stored = [s.answer for s in answers]
        self.drafts.stored()
        show_message(self.message, QCoreApplication.translate("Pl01Desk", "Đã lưu."), ok=True)
        log.info("PL01 desk %s of visit %s saved", self.KIND, self.visit.id)
        self.saved.emit(self.visit.id)

    # -- drafts ----------------------------------------------------------------------------------------------

    def draft_fields(self) -> dict[str, object]:
        answers: list[Answer] = []
        for box in self.parts:
            for field_input in box.inputs:
                got = field_input.answers()
                answers.extend(got if not isinstance(got, st.Refusal) else [])
        return {"answers": st.to_draft(answers), "amend_reason": self.amend_reason.text(),
                "confirmed": sorted(i.code for i in self.line_inputs() if i.confirmed and i.warning() is not None)}

    def _apply_draft(self, fields: Mapping[str, Any]) -> bool:
        try:
            answers = st.from_draft(fields.get("answers", ()))
        except (TypeError, ValueError) as exc:
            log.warning("PL01 draft of visit %s not readable: %s", self.visit.id, type(exc).__name__)
            return False
        self._show_answers(answers, [str(c) for c in fields.get("confirmed", ())])
        self.amend_reason.setText(str(fields.get("amend_reason") or ""))
        return True

    def _title(self, visit: Any) -> str:
        return QCoreApplication.translate("Pl01Desk", "Khám theo mẫu QĐ 1551: {name} ({year})").format(name=visit.resident_name,
                                                                        year=visit.birth_year)

    def _show_state(self, state: Any) -> None:  # the desk loads through load_pl01_desk
        raise NotImplementedError


class DoctorPl01Desk(Pl01Desk):
    """The doctor's parts of the national form: internal medicine's parts with their class, physical fitness,
    hearing, the jaws, the obstetric history (women), the personal history in ICD-10 codes with the year found."""


class ChildDevelopmentDesk(Pl01Desk):
    """The child's development milestones and vaccinations (forms 6–13), answered yes or no."""

    KIND = st.CHILD
    DRAFT_DESK = "pl01:child_development"
    PERMISSION = Permission.RECORD_VITALS

    def _title(self, visit: Any) -> str:
        return QCoreApplication.translate("Pl01Desk", "Phát triển của trẻ: {name} ({year})").format(name=visit.resident_name, year=visit.birth_year)

    def _hint(self) -> str:
        return QCoreApplication.translate("Pl01Desk", "C hoặc 1: có · N hoặc 0: không · Enter: mục sau · Ctrl+↓: phần sau · F8: từ chối hoặc không làm · "
                                          "Ctrl+S: lưu")


# -- the visit's form -------------------------------------------------------------------------------------------

def form_line(number: int, applies_to: str, rule: int, reason: str | None) -> str:
    """"Mẫu 2 – Người lớn từ đủ 18 tuổi trở lên", and the rule's form with the doctor's reason when it was changed."""
    who = applies_to.split(" (")[0]
    text = QCoreApplication.translate("Pl01Desk", "Mẫu {number} – {who}").format(number=number, who=who)
    if number != rule:
        text += " · " + QCoreApplication.translate("Pl01Desk", "bác sĩ đổi từ mẫu {rule}: {reason}").format(
            rule=rule, reason=reason or "")
    return text


class FormChangeDialog(QDialog):
    """The doctor picks another campaign form for the visit and says why; ``chosen`` gets (number, reason)."""

    chosen = Signal(int, str)

    def __init__(self, forms: Sequence[Any], current: int, rule: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self.setWindowTitle(QCoreApplication.translate("Pl01Desk", "Đổi mẫu khám của lượt khám"))
        self.setMinimumWidth(620)
        self.form = QComboBox()
        self.form.setObjectName("form")
        for definition in forms:
            self.form.addItem(form_line(definition.number, definition.applies_to, definition.number, None),
                              definition.number)
        self.form.setCurrentIndex(max(self.form.findData(current), 0))
        self.reason = QLineEdit()
        self.reason.setObjectName("form_reason")
        self.reason.setPlaceholderText(QCoreApplication.translate(
            "Pl01Desk", "Vì sao mẫu theo tuổi không đúng (ví dụ: ngày sinh trên thẻ sai)"))
        self.message = message_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)  # Enter in the reason accepts
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(QLabel(QCoreApplication.translate(
            "Pl01Desk", "Theo tuổi và lớp, lượt khám này dùng mẫu {rule}.").format(rule=rule)))
        layout.addRow(QCoreApplication.translate("Pl01Desk", "Mẫu khám"), self.form)
        layout.addRow(QCoreApplication.translate("Pl01Desk", "Lý do"), self.reason)
        layout.addRow(self.message)
        layout.addRow(buttons)
        self.form.setFocus()

    def accept(self) -> None:
        number = int(self.form.currentData())
        reason = self.reason.text().strip()
        if number != self.rule and not reason:
            show_message(self.message, QCoreApplication.translate("Pl01Desk", "Hãy ghi lý do đổi mẫu khám."))
            self.reason.setFocus()
            return
        self.chosen.emit(number, reason)
        super().accept()
