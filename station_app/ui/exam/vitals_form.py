"""The vital-signs desk ("Sinh hiệu"): keyboard first, every rule from ``services.station.examination.assess``.

Enter or Tab moves to the next field (the third blood-pressure reading is enabled only when the first two
differ too much); a refused value is explained in red beside its field and focus stays; BMI and the flags are
shown as the values are typed. An unusual value is shown in amber and Enter still moves on, so a nurse reading
the paper while typing puts every value in its own field (a warning that kept the focus used to swallow the next
number). Nothing unusual is saved unconfirmed: Enter on the last field or Ctrl+S first takes the focus back to
each unusual value in turn, selected: Enter confirms it, digits typed replace it (a correction); once none is
left the form saves on the database lane. What is typed is kept as a draft one second after the
last key, and offered again when the visit is reopened.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.core import vitals as rules
from station_app.core.errors import StationError, ValidationError
from station_app.services.station.examination import (
    FIELD_ORDER,
    VITALS_DESK,
    Assessment,
    ReasonRequiredError,
    WarningsNotConfirmedError,
    assess,
    field_code,
    parse_number,
)
from station_app.ui.errors import describe, show_error
from station_app.ui.exam import operations as ops
from station_app.ui.exam.child_measures_row import ChildMeasuresRow
from station_app.ui.exam.desk_form import scrolling
from station_app.ui.exam.drafts import DeskDraft
from station_app.ui.labels import decimal
from station_app.ui.widgets import Retranslating, message_label, show_message

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.examination import Draft, VitalsRecord
    from station_app.services.station.registry import VisitInfo
    from station_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
_DONE = ("completed", "referred")  # VisitStatus values after which a change needs a reason
_NUMBER = QRegularExpression(r"^\d{0,3}([.,]\d{0,2})?$")
_VISION = QRegularExpression(r"^\d{0,2}([.,/]\d{0,2})?$")  # 0,7 or 7/10
_RED, _AMBER, _FLAG = "#b00020", "#a15c00", "#0b4f6c"
_SINGLE_ROWS = ("height_cm", "weight_kg", "waist_cm", "pulse", "temperature_c", "spo2", "resp_rate",
                "glucose_mmol", "vision_right", "vision_left", "vision_right_glasses", "vision_left_glasses")


def _tr_vitals(text: str) -> str:
    return QCoreApplication.translate("vitals", text)


def _message_values(message: rules.Message) -> dict[str, object]:
    """A rule's data in the interface's language: the measure's name, its unit and the decimal mark."""
    return message.values(_tr_vitals, QLocale().decimalPoint())


def _message_text(message: rules.Message) -> str:
    return message.text(_tr_vitals, QLocale().decimalPoint())


class VitalsForm(Retranslating):
    """``load(visit)`` shows a visit's vital signs (or its draft); ``save()`` stores them. ``edits`` maps field
    keys to their inputs, ``notes`` to the label beside them. Signals: ``saved(str)`` with the visit id."""

    saved = Signal(str)
    scrolls_itself = True  # its fields scroll under a fixed message line and Save button: the exam page adds none

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self.visit: VisitInfo | None = None
        self.record: VitalsRecord | None = None
        self.confirmed: set[str] = set()
        self._armed: set[str] = set()  # warnings passed once (or shown by the review): Enter there confirms
        self._reviewing = False  # a save is waiting for the unusual values to be confirmed one by one
        self._loading = False
        self.saving = False
        self.edits: dict[str, QLineEdit] = {}
        self.notes: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.unit_labels: list[tuple[rules.MeasureCode, QLabel]] = []
        self._build()
        self.retranslate()
        self.setEnabled(False)

    # -- building --------------------------------------------------------------------------------------------

    def _build(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(3, 1)  # the notes and flags get the room
        self._build_inputs()
        row = self._build_body_rows(grid)
        row = self._build_pressure_rows(grid, row)
        self._build_later_rows(grid, row)
        self._build_reason()
        buttons = self._build_buttons()
        self._build_page(grid, buttons)
        self._build_keys()

    def _build_inputs(self) -> None:
        for key in FIELD_ORDER:
            edit = QLineEdit()
            edit.setObjectName(key)
            vision = key.startswith("vision")
            edit.setValidator(QRegularExpressionValidator(_VISION if vision else _NUMBER, edit))
            edit.setMaximumWidth(64 if key.startswith(("systolic", "diastolic")) else 90)  # a pair in one column
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.installEventFilter(self)
            edit.textEdited.connect(lambda _text, k=key: self._edited(k))
            self.edits[key] = edit
            note = QLabel()
            note.setWordWrap(True)
            note.setMinimumWidth(note.fontMetrics().averageCharWidth() * 36)  # a warning reads in two or three lines
            note.setTextFormat(Qt.TextFormat.RichText)
            self.notes[key] = note
        self.fasting = QCheckBox()
        self.fasting.installEventFilter(self)
        self.fasting.toggled.connect(lambda _on: self._edited("glucose_mmol"))
        self.bmi_value = QLabel("–")
        self.bmi_value.setObjectName("subheading")
        self.bmi_note = QLabel()
        self.bmi_note.setWordWrap(True)
        self.bp_average = QLabel("–")
        self.bp_average.setObjectName("subheading")

    def _build_body_rows(self, grid: QGridLayout) -> int:
        row = 0
        for key in ("height_cm", "weight_kg"):
            row = self._single_row(grid, row, key)
        self.bmi_label = _field_label()
        grid.addWidget(self.bmi_label, row, 0)
        grid.addWidget(self.bmi_value, row, 1)
        grid.addWidget(self._unit_label(rules.MeasureCode.BMI), row, 2)
        grid.addWidget(self.bmi_note, row, 3, 1, 2)
        row += 1
        for key in ("waist_cm", "pulse"):
            row = self._single_row(grid, row, key)
        return row

    def _build_pressure_rows(self, grid: QGridLayout, row: int) -> int:
        self.bp_labels = []
        for reading in (1, 2, 3):
            label = _field_label()
            self.bp_labels.append(label)
            pair = QHBoxLayout()
            pair.setSpacing(4)
            pair.addWidget(self.edits[f"systolic_{reading}"])
            pair.addWidget(QLabel("/"))
            pair.addWidget(self.edits[f"diastolic_{reading}"])
            pair.addStretch(1)
            grid.addWidget(label, row, 0)
            grid.addLayout(pair, row, 1)
            grid.addWidget(QLabel("mmHg"), row, 2)
            notes = QVBoxLayout()
            notes.setSpacing(0)
            notes.addWidget(self.notes[f"systolic_{reading}"])
            notes.addWidget(self.notes[f"diastolic_{reading}"])
            grid.addLayout(notes, row, 3, 1, 2)
            row += 1
        self.bp_used_label = _field_label()
        self.bp_note = QLabel()
        self.bp_note.setWordWrap(True)
        self.bp_note.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.bp_used_label, row, 0)
        grid.addWidget(self.bp_average, row, 1)
        grid.addWidget(QLabel("mmHg"), row, 2)
        grid.addWidget(self.bp_note, row, 3, 1, 2)
        return row + 1

    def _build_later_rows(self, grid: QGridLayout, row: int) -> None:
        for key in ("temperature_c", "spo2", "resp_rate", "glucose_mmol"):
            row = self._single_row(grid, row, key)
        grid.addWidget(self.fasting, row, 1, 1, 3)
        row += 1
        for key in ("vision_right", "vision_left", "vision_right_glasses", "vision_left_glasses"):
            row = self._single_row(grid, row, key)
        for reading in (3,):
            for kind in ("systolic", "diastolic"):
                self.edits[f"{kind}_{reading}"].setEnabled(False)

    def _build_reason(self) -> None:
        self.reason_label = QLabel()
        self.reason = QLineEdit()
        self.reason.installEventFilter(self)
        self.reason.textEdited.connect(lambda _t: self._schedule_draft())
        self.drafts = DeskDraft(self, self._ctx, self._tasks, self._user, VITALS_DESK, self.draft_fields,
                                lambda: self.load(self.visit))
        self.draft_note, self.discard_button = self.drafts.note, self.drafts.discard_button
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason, 1)
        self.reason_box = QWidget()
        self.reason_box.setLayout(reason_row)
        self.reason_box.hide()

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.message = message_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.draft_note, 1)
        buttons.addStretch()  # Save keeps its size while the note is hidden
        buttons.addWidget(self.discard_button)
        return buttons

    def _build_page(self, grid: QGridLayout, buttons: QHBoxLayout) -> None:
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        body = QWidget()
        fields = QVBoxLayout(body)
        fields.addWidget(self.hint)
        fields.addLayout(grid)
        self.child = ChildMeasuresRow(self._ctx, self._tasks, self, body)  # forms 6–13 only: hidden for adults
        self.child.failed.connect(self._refused)
        self.child.edited.connect(self._schedule_draft)
        fields.addWidget(self.child)
        fields.addWidget(self.reason_box)
        fields.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.message)  # under the fields, above Save: in sight whichever field Ctrl+S came from
        layout.addLayout(buttons)

    def _build_keys(self) -> None:
        order = [self.edits[k] for k in FIELD_ORDER[:14]] + [self.fasting] + \
                [self.edits[k] for k in FIELD_ORDER[14:]] + [self.reason, self.save_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self._shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        self._shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._shortcut.activated.connect(self.save)

    def _single_row(self, grid: QGridLayout, row: int, key: str) -> int:
        label = _field_label()
        self.labels[key] = label
        grid.addWidget(label, row, 0)
        grid.addWidget(self.edits[key], row, 1)
        grid.addWidget(self._unit_label(field_code(key)[0]), row, 2)
        grid.addWidget(self.notes[key], row, 3, 1, 2)
        return row + 1

    def _unit_label(self, code: rules.MeasureCode) -> QLabel:
        label = QLabel()
        self.unit_labels.append((code, label))
        return label

    def retranslate(self) -> None:
        for key, label in self.labels.items():
            label.setText(_tr_vitals(rules.MEASURE_LABELS[field_code(key)[0]]))
        for code, label in self.unit_labels:
            label.setText(_tr_vitals(rules.UNITS[code]))  # "lần/phút" is "/min" in English
        self.bmi_label.setText(self.tr("BMI (tự tính)"))
        self.bp_used_label.setText(self.tr("Huyết áp dùng (trung bình 2 lần cuối)"))
        for reading, label in enumerate(self.bp_labels, 1):
            label.setText(self.tr("Huyết áp lần {n} (tâm thu/tâm trương)").format(n=reading))
        self.fasting.setText(self.tr("Đã nhịn đói ít nhất 8 giờ (phím cách để chọn)"))
        for key in ("vision_right", "vision_left", "vision_right_glasses", "vision_left_glasses"):
            self.edits[key].setPlaceholderText(self.tr("7/10"))
        self.reason_label.setText(self.tr("Lý do sửa kết quả đã hoàn tất:"))
        self.save_button.setText(self.tr("Lưu sinh hiệu (Ctrl+S)"))
        self.hint.setText(self.tr("Gõ số rồi Enter để sang ô sau. Giá trị bất thường hiện màu vàng và vẫn sang ô "
                                  "sau; khi lưu (Enter ở ô cuối hoặc Ctrl+S), con trỏ quay lại từng giá trị đó: "
                                  "Enter để xác nhận, hoặc gõ số đúng để sửa."))
        self.drafts.retranslate()
        self._refresh()

    # -- loading ---------------------------------------------------------------------------------------------

    def load(self, visit: VisitInfo) -> None:
        """Show ``visit``'s vital signs, or its draft if one was left; the first field gets the focus."""
        self.drafts.leave()
        self.visit, self.record = visit, None
        self.setEnabled(False)
        self._tasks.run(ops.load_vitals(self._ctx, visit_id=visit.id, desk=VITALS_DESK), parent=self,
                        on_done=self._loaded, on_error=self._failed)

    def _loaded(self, loaded: tuple[VitalsRecord, Draft | None]) -> None:
        record, draft = loaded
        if self.visit is None or record.visit_id != self.visit.id:
            return  # another visit was picked meanwhile
        self.record = record
        self._loading = True
        texts = {k: _text(v) for k, v in record.values.items()}
        fasting, confirmed, reason = bool(record.fasting), set(record.confirmed), ""
        if draft is not None:
            texts = {k: str(v) for k, v in draft.fields.get("texts", {}).items()}
            fasting = bool(draft.fields.get("fasting"))
            confirmed = set(draft.fields.get("confirmed", ()))
            reason = str(draft.fields.get("reason", ""))
        for key, edit in self.edits.items():
            edit.setText(texts.get(key, ""))
        self.fasting.setChecked(fasting)
        self.reason.setText(reason)
        self.confirmed, self._armed, self._reviewing = confirmed, set(), False
        self._loading = False
        self.reason_box.setVisible(record.visit_status in _DONE and not record.empty)
        self.drafts.offer(record.visit_id, draft)
        self.child.load(record.visit_id, draft.fields.get("child") if draft is not None else None)
        show_message(self.message, "")
        self._refresh()
        self.setEnabled(True)
        self.first_field().setFocus()
        self.first_field().selectAll()

    def first_field(self) -> QLineEdit:
        return self.edits[FIELD_ORDER[0]]

    # -- typing ----------------------------------------------------------------------------------------------

    def values(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for key, edit in self.edits.items():
            if not edit.isEnabledTo(self):  # the third reading while it is not needed
                continue
            text = edit.text()
            value = rules.vision_decimal(text) if key.startswith("vision") else parse_number(text)
            if value is not None:
                out[key] = value
        return out

    def assessment(self) -> Assessment:
        subject = self.record.subject if self.record is not None else rules.Subject()
        return assess(self.values(), subject=subject, fasting=self.fasting.isChecked())

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.confirmed.discard(key)
        self._armed.discard(key)
        self._refresh()
        self._schedule_draft()

    def _refresh(self) -> None:
        typed_third = any(self.edits[f"{kind}_3"].text() for kind in ("systolic", "diastolic"))
        if typed_third:  # a loaded third reading counts before the pressure used is worked out, not after
            self._enable_third(True)
        found = self.assessment()
        self._enable_third(found.needs_third_reading or typed_third)
        for key, note in self.notes.items():
            note.setText(self._note(key, found))
        self.bmi_value.setText(_text(found.bmi) if found.bmi is not None else "–")
        self.bmi_note.setText(self._flags_html(found.flags.get("bmi", {})))
        if found.bp is not None:
            self.bp_average.setText(f"{_text(round(found.bp.systolic))}/{_text(round(found.bp.diastolic))}")
            self.bp_note.setText(self._flags_html(found.bp.flags))
        else:
            self.bp_average.setText("–")
            self.bp_note.setText("")

    def _enable_third(self, enabled: bool) -> None:
        for kind in ("systolic", "diastolic"):
            self.edits[f"{kind}_3"].setEnabled(enabled)

    def _note(self, key: str, found: Assessment) -> str:
        if key in found.errors and (key in self.values() or key == "systolic_3"):
            if key == "systolic_3" and not self.edits[key].isEnabled():
                return ""
            return f'<span style="color:{_RED}">{_esc(_message_text(found.errors[key]))}</span>'
        if key in found.warnings:
            if key in self.confirmed:
                return f'<span style="color:{_AMBER}">' + _esc(self.tr("Đã xác nhận giá trị bất thường")) + "</span>"
            ask = (self.tr("(Enter để xác nhận, hoặc gõ số đúng để sửa)") if self._reviewing and key in self._armed
                   else self.tr("(cần xác nhận: sẽ hỏi lại khi lưu)"))
            return f'<span style="color:{_AMBER}">{_esc(self._warning_note(found.warnings[key]))} {_esc(ask)}</span>'
        if key.startswith(("systolic", "diastolic")):
            return ""  # the grade belongs to the pressure used, shown under the readings
        return self._flags_html(found.flags.get(key, {}))

    def _warning_note(self, warning: rules.Message) -> str:
        """Beside its field, whose name and value are in sight: only the usual range and what to do."""
        if warning.template == rules.UNUSUAL_VALUE:
            return self.tr("Bất thường (thường {low}–{high}): đo lại nếu cần.").format(**_message_values(warning))
        return _message_text(warning)

    def _flags_html(self, flags: dict[str, str]) -> str:
        labels = [_tr_vitals(label) for label in rules.flag_labels(flags)]
        z = [f"{kind[:-2].upper()} z = {value}" for kind, value in flags.items() if kind.endswith("_z")]
        text = " · ".join(labels + z)
        return f'<span style="color:{_FLAG}">{_esc(text)}</span>' if text else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.enter_pressed(watched)  # type: ignore[arg-type]
                return True
        return super().eventFilter(watched, event)

    def enter_pressed(self, widget: QWidget) -> None:
        """Enter: stay on a refused value; mark an unusual one to confirm and move on, or confirm it if it was
        passed (or shown by the review) already; then the next field, the next value to confirm, or the save."""
        key = next((k for k, e in self.edits.items() if e is widget), None)
        if key is not None:
            found = self.assessment()
            typed = key in self.values()
            if typed and key in found.errors:
                self._refresh()
                return
            if typed and key in found.warnings and key not in self.confirmed:
                if key in self._armed:
                    self.confirmed.add(key)
                    self._schedule_draft()
                self._armed.add(key)
                self._refresh()
        if self._reviewing:
            self._review(widget)
            return
        following = self._next_after(widget)
        if following is None:
            self.save()
        else:
            following.setFocus()
            if isinstance(following, QLineEdit):
                following.selectAll()

    def unconfirmed(self) -> list[str]:
        """The typed unusual values not confirmed yet, in the form's order."""
        found, typed = self.assessment(), self.values()
        return [k for k in FIELD_ORDER if k in typed and k in found.warnings and k not in self.confirmed]

    def _review(self, after: QWidget | None = None) -> None:
        """Before a save: the focus on the next unusual value still to confirm (after ``after``, round to the
        first), selected and its note saying what Enter does; the save once none is left."""
        pending = self.unconfirmed()
        if not pending:
            self._reviewing = False
            self.save()
            return
        self._reviewing = True
        keys = [k for k in FIELD_ORDER if self.edits[k] is after]
        later = [k for k in pending if keys and FIELD_ORDER.index(k) > FIELD_ORDER.index(keys[0])]
        key = (later or pending)[0]
        self._armed.add(key)
        self._refresh()
        show_message(self.message, self.tr("Chưa lưu: còn {n} giá trị bất thường cần xác nhận (màu vàng). Ở ô đang "
                                           "chọn: Enter để xác nhận, hoặc gõ số đúng để sửa.").format(n=len(pending)))
        self.edits[key].setFocus()
        self.edits[key].selectAll()

    def _next_after(self, widget: QWidget) -> QWidget | None:
        order: list[QWidget] = [self.edits[k] for k in FIELD_ORDER[:14]] + [self.fasting] + \
                               [self.edits[k] for k in FIELD_ORDER[14:]] + self.child.inputs()
        if self.reason_box.isVisible():
            order.append(self.reason)
        if widget not in order:
            return None
        for candidate in order[order.index(widget) + 1:]:
            if candidate.isEnabled():
                return candidate
        return None

    # -- saving ----------------------------------------------------------------------------------------------

    def save(self) -> None:
        """Save on the database lane, once every unusual value is confirmed (the review asks for each first)."""
        if self.visit is None or self._user is None or self.saving:
            return
        if self.unconfirmed():
            self._review()
            return
        wrong = self.child.problem()
        if wrong is not None:
            show_message(self.message, self.child.limits_text(wrong))
            wrong.setFocus()
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.drafts.save_now()  # a refused save keeps the last keys too; the save removes the draft
        visit_id, values, confirmed = self.visit.id, self.values(), tuple(self.confirmed)
        fasting, reason = self.fasting.isChecked() if "glucose_mmol" in values else None, self.reason.text()
        self._tasks.run(ops.save_vitals(self._ctx, user=self._user, visit_id=visit_id, entries=values,
                                        confirmed=confirmed, fasting=fasting, reason=reason),
                        parent=self, on_done=self._saved, on_error=self._refused)

    def _saved(self, record: VitalsRecord) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.record = record
        self.drafts.stored()
        show_message(self.message, self.tr("Đã lưu sinh hiệu (phiên bản {version}).").format(
            version=record.version), ok=True)
        self.reason_box.setVisible(record.visit_status in _DONE)
        self.child.save(self._user, record.visit_id, self.reason.text())  # z-scores from the values just saved
        self.saved.emit(record.visit_id)

    def _refused(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, WarningsNotConfirmedError):
            keys = [k for k in FIELD_ORDER if k in exc.data["keys"]]
            self._armed.update(keys)
            self._reviewing = True
            self._refresh()
            show_message(self.message, describe(exc))
            self.edits[keys[0]].setFocus()
        elif isinstance(exc, ReasonRequiredError):
            self.reason_box.show()
            show_message(self.message, describe(exc))
            self.reason.setFocus()
        elif isinstance(exc, ValidationError) and exc.data.get("key") in self.child.edits:
            show_message(self.message, describe(exc))  # a circumference the service refused
            self.child.edits[str(exc.data["key"])].setFocus()
        elif isinstance(exc, ValidationError) and exc.data.get("key") in self.edits:
            key = str(exc.data["key"])
            self.edits[key].setEnabled(True)
            self._refresh()
            message = exc.data.get("message")
            text = _message_text(message) if isinstance(message, rules.Message) else describe(exc)
            self.notes[key].setText(f'<span style="color:{_RED}">{_esc(text)}</span>')
            show_message(self.message, text)
            self.edits[key].setFocus()
        elif isinstance(exc, StationError):
            show_message(self.message, describe(exc))
        else:
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(self.visit is not None)
        show_error(self, exc)

    # -- drafts ----------------------------------------------------------------------------------------------

    def draft_fields(self) -> dict[str, object]:
        texts = {k: e.text() for k, e in self.edits.items() if e.text()}
        return {"texts": texts, "fasting": self.fasting.isChecked(), "confirmed": sorted(self.confirmed),
                "reason": self.reason.text(), "child": self.child.texts()}

    def _schedule_draft(self) -> None:
        if not self._loading:
            self.drafts.changed()

    def save_draft_now(self, wait: bool = False) -> None:
        """Write the pending draft at once (the page hidden or closing); ``wait`` blocks until it is stored."""
        self.drafts.save_now(wait)

    def discard_draft(self) -> None:
        self.drafts.discard()


def _field_label() -> QLabel:
    """A field's name, wrapping onto a second line rather than pushing the form past a 1366-px laptop's width
    (English names are longer: "Blood pressure, reading 1 (systolic/diastolic)")."""
    label = QLabel()
    label.setWordWrap(True)
    return label


def _text(value: float | None) -> str:
    """A value as a nurse writes it: no trailing zeros, the language's decimal mark."""
    return "" if value is None else decimal(value)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
