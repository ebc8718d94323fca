"""A visit taken through every desk of its QĐ 1551 form in the real main window, with the keyboard only (tests and
benchmarks; never shipped).

``VisitDriver(window).visit(search=..., birth_date=...)`` does what a nurse and a doctor do for one resident already
registered (as a roster or an earlier card scan registers them): at reception Ctrl+1, the name typed in the search
field, Enter (the resident), Enter (open the visit), Enter (confirm), then F6 and the national fields the form
requires; on the exam page Ctrl+2, F6 (the queue), arrows and Enter; the vital signs (the children's extra row
included); Ctrl+Tab to each further desk the form has: the laboratory (forms 1 and 2, nothing to add: the capillary
glucose is the vital-signs desk's), the child's development (forms 6–13, and the pupils' vaccination history), the
doctor's tab (history N…, K per specialty, Ctrl+S), the "Khám theo mẫu QĐ 1551" tab (K per part where the part's
normal values answer it, else the fields typed), counselling when the form asks for it; and Ctrl+Enter on the
doctor's tab completes the visit.

Every key is a real key event sent to the widget that has the focus: ``QTest.keyClick`` for Enter, Tab, the F-keys
and the Ctrl combinations (so that shortcuts fire as on a keyboard), one press and release per character for text
(Vietnamese letters included). ``KeyCount`` counts digits apart from every other key (Enter, Tab, letters, the
decimal comma, F-keys, Ctrl combinations), in total and per desk, as bench/exam_bench.py does for the vital signs.
What to type comes from what the screen shows (the form's fields on the desk, their limits and lists); the values
are synthetic and plausible for the age. The caller provides the window signed in (as a doctor: every desk), the
event loop, and a fake printer for the reception slip.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# (field key, what the nurse types) for an adult: today's full set of vital signs (bench/exam_bench.py's)
ADULT_VITALS = (
    ("height_cm", "158"), ("weight_kg", "52,5"), ("waist_cm", "76"), ("pulse", "78"),
    ("systolic_1", "128"), ("diastolic_1", "82"), ("systolic_2", "124"), ("diastolic_2", "80"),
    ("temperature_c", "36,8"), ("spo2", "98"), ("resp_rate", "18"), ("glucose_mmol", "5,4"),
    ("vision_right", "0,8"), ("vision_left", "0,7"), ("vision_right_glasses", "1"), ("vision_left_glasses", "1"),
)
FASTING_AFTER = "glucose_mmol"
# A child's measures by completed months (up to): length/height, weight, pulse, breathing, head, arm (mm)
_CHILD = (
    (1, dict(height_cm="52", weight_kg="3,8", pulse="140", resp_rate="44", VONG_DAU="36")),
    (3, dict(height_cm="58", weight_kg="5,5", pulse="130", resp_rate="40", VONG_DAU="39",
             CHU_VI_VONG_CANH_TAY="130")),
    (6, dict(height_cm="65", weight_kg="7,5", pulse="125", resp_rate="38", VONG_DAU="42,5",
             CHU_VI_VONG_CANH_TAY="135")),
    (9, dict(height_cm="70", weight_kg="8,5", pulse="120", resp_rate="36", VONG_DAU="44",
             CHU_VI_VONG_CANH_TAY="140")),
    (12, dict(height_cm="74", weight_kg="9,5", pulse="120", resp_rate="34", VONG_DAU="45,5",
              CHU_VI_VONG_CANH_TAY="140")),
    (18, dict(height_cm="79", weight_kg="10,5", pulse="115", resp_rate="30", VONG_DAU="46,5",
              CHU_VI_VONG_CANH_TAY="145")),
    (24, dict(height_cm="85", weight_kg="11,5", pulse="110", resp_rate="28", VONG_DAU="47,5",
              CHU_VI_VONG_CANH_TAY="145")),
    (72, dict(height_cm="102", weight_kg="16", pulse="100", resp_rate="24")),
    (144, dict(height_cm="138", weight_kg="32", pulse="86", systolic_1="104", diastolic_1="66", systolic_2="102",
               diastolic_2="64", vision_right="1", vision_left="1")),
    (216, dict(height_cm="160", weight_kg="50", pulse="80", systolic_1="112", diastolic_1="72", systolic_2="110",
               diastolic_2="70", vision_right="1", vision_left="1")),
)
CHILD_TEMPERATURE = "36,8"
TEXT_ANSWER = "Bình thường"
COUNSELLING_NOTE = "Tiêm chủng đủ theo lịch; hẹn khám lại sau 1 tháng"


class DriveError(AssertionError):
    """The visit could not be taken on from the keyboard: where it stuck, and what had the focus."""


@dataclass
class KeyCount:
    """Keys pressed: digits apart from everything else, in total and per desk (``by_desk[desk] = [digits, extra]``)."""

    digits: int = 0
    extra: int = 0
    by_desk: dict[str, list[int]] = field(default_factory=dict)

    def add(self, desk: str, digit: bool) -> None:
        counts = self.by_desk.setdefault(desk, [0, 0])
        if digit:
            self.digits += 1
            counts[0] += 1
        else:
            self.extra += 1
            counts[1] += 1


def vital_values(form_number: int, age_months: int) -> dict[str, str]:
    """What the nurse types at the vital-signs desk (field keys, and the children's row's PL01 codes)."""
    if form_number == 2:
        return dict(ADULT_VITALS)
    values = dict(next(v for limit, v in _CHILD if age_months < limit))
    if 6 <= form_number <= 13:
        values["temperature_c"] = CHILD_TEMPERATURE
    return values


class VisitDriver:
    """Drives ``window`` (a MainWindow with a user signed in who may use every desk: a doctor)."""

    def __init__(self, window: Any, *, timeout: float = 15.0) -> None:
        from PySide6.QtWidgets import QApplication

        self.window, self.app, self.timeout = window, QApplication.instance(), timeout
        self.count = KeyCount()
        self.desk = "reception"
        self.visited: list[str] = []  # the desks the visit went through, in order

    # -- keys ------------------------------------------------------------------------------------------------

    def focus(self) -> Any:
        modal = self.app.activeModalWidget()
        if modal is not None:
            return modal.focusWidget() or modal
        return self.app.focusWidget() or self.window.focusWidget()

    def press(self, key: Any, modifiers: Any = None, *, digit: bool = False) -> None:
        """One key (Enter, Tab, an F-key, a Ctrl combination) to the focused widget, shortcuts included."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        target = self.focus()
        if target is None:
            raise DriveError(f"{self.desk}: nothing has the keyboard focus")
        QTest.keyClick(target, key, modifiers if modifiers is not None else Qt.KeyboardModifier.NoModifier)
        self.count.add(self.desk, digit)
        self.app.processEvents()  # between two keys the event loop turns, as it does under a person's fingers

    def type(self, text: str) -> None:
        """Each character one key pressed and released (a Vietnamese letter as its text, as a keyboard with an
        input method sends it)."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent

        special = {",": Qt.Key.Key_Comma, ".": Qt.Key.Key_Period, "/": Qt.Key.Key_Slash, " ": Qt.Key.Key_Space,
                   "-": Qt.Key.Key_Minus}
        for ch in text:
            target = self.focus()
            if target is None:
                raise DriveError(f"{self.desk}: nothing has the keyboard focus")
            key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else special.get(ch, 0)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                self.app.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
            self.count.add(self.desk, ch.isdigit())
            self.app.processEvents()

    def enter(self) -> None:
        from PySide6.QtCore import Qt

        self.press(Qt.Key.Key_Return)

    def ctrl(self, key: Any) -> None:
        from PySide6.QtCore import Qt

        self.press(key, Qt.KeyboardModifier.ControlModifier, digit=False)

    def _at(self, desk: str) -> None:
        self.desk = desk
        self.visited.append(desk)

    # -- waiting ---------------------------------------------------------------------------------------------

    def wait(self, until: Callable[[], object], what: str, timeout: float | None = None,
             detail: Callable[[], str] | None = None) -> None:
        from PySide6.QtCore import QEventLoop

        end = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < end:
            if until():
                return
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
            self.window.tasks.wait(5)
        self.app.processEvents()
        if until():
            return
        said = f" ({detail()})" if detail is not None else ""
        raise DriveError(f"{self.desk}: {what} did not happen{said}; focus on {self._describe(self.focus())}")

    @staticmethod
    def _describe(widget: Any) -> str:
        if widget is None:
            return "nothing"
        return f"{type(widget).__name__} {widget.objectName()!r}"

    # -- the whole visit -------------------------------------------------------------------------------------

    def visit(self, *, search: str, visit_date: dt.date | None = None, birth_date: dt.date | None = None) -> str:
        """Reception to completion for the resident found by ``search``; returns the visit's id."""
        self.window.activateWindow()  # the keyboard goes to the active window: its shortcuts (Ctrl+1) work there
        self.wait(lambda: self.app.activeWindow() is self.window, "the main window active")
        visit_id = self.reception(search)
        self.exam(visit_id, birth_date=birth_date, visit_date=visit_date or dt.date.today())
        return visit_id

    # -- reception -------------------------------------------------------------------------------------------

    def reception(self, search: str) -> str:
        from PySide6.QtCore import Qt

        from station_app.ui.dialogs.open_visit import OpenVisitDialog
        from station_app.ui.pages.reception.pl01 import Pl01ReceptionDialog

        self._at("reception")
        self.ctrl(Qt.Key.Key_1)
        page = self.window.pages["reception"]
        self.wait(lambda: self.focus() is page.search, "the search field focused")
        self.type(search)
        self.enter()  # the first result is the resident at the desk
        self.wait(lambda: page.card.resident is not None and self.focus() is page.open_visit_button,
                  "the resident shown, 'Mở lượt khám' focused")
        self.enter()
        self.wait(lambda: isinstance(page.dialog, OpenVisitDialog), "the open-visit dialog")
        self.enter()  # consent as offered: the resident's own, or the guardian known from the roster
        self.wait(lambda: page.card.visit is not None, "the visit opened")
        visit = page.card.visit
        self.wait(lambda: page.dialog is None and self.focus() is page.search, "the slip printed")
        if self._reception_needs(visit.id):
            self.visited.append("reception_pl01")
            self.press(Qt.Key.Key_F6)
            self.wait(lambda: isinstance(page.dialog, Pl01ReceptionDialog) and page.dialog.sheet is not None
                      and self.focus() in page.dialog.inputs.values(), "the QĐ 1551 reception sheet")
            self._reception_sheet(page)
        return visit.id

    def _reception_needs(self, visit_id: str) -> bool:
        """What the nurse sees on the card: the QĐ 1551 fields still missing at reception."""
        return "reception" in self.window.ctx.pl01_records.missing(visit_id)

    def _reception_sheet(self, page: Any) -> None:
        from PySide6.QtWidgets import QComboBox

        sheet = page.dialog
        fields = {f.code: f for f in sheet.sheet.fields}
        for _step in range(len(fields) + 2):
            if page.dialog is not sheet:
                return
            widget = self.focus()
            code = next((c for c, w in sheet.inputs.items() if w is widget), None)
            if code is None:
                raise DriveError(f"reception sheet: focus on {self._describe(widget)}")
            f = fields[code]
            empty = not widget.currentData() if isinstance(widget, QComboBox) else not widget.text().strip()
            if f.required and empty:
                self.type(_typed(f, reception=True))
            self.enter()  # the next field; on the last one, the save
            self.app.processEvents()
        self.wait(lambda: page.dialog is None, "the reception sheet saved")

    # -- the exam page ---------------------------------------------------------------------------------------

    def exam(self, visit_id: str, *, birth_date: dt.date | None, visit_date: dt.date) -> None:
        from PySide6.QtCore import Qt

        from station_app.ui.exam.counselling_form import CounsellingForm
        from station_app.ui.exam.doctor_form import DoctorForm
        from station_app.ui.exam.laboratory_form import LaboratoryForm
        from station_app.ui.exam.pl01_desk import ChildDevelopmentDesk, DoctorPl01Desk

        self._at("vitals")
        self.ctrl(Qt.Key.Key_2)
        page = self.window.pages["exam"]
        self.press(Qt.Key.Key_F6)
        self.wait(lambda: any(v.id == visit_id for v in page.queue_visits) and self.focus() is page.queue,
                  "the queue focused, with the visit")
        row = next(i for i, v in enumerate(page.queue_visits) if v.id == visit_id)
        for _ in range(row - page.queue.currentRow()):
            self.press(Qt.Key.Key_Down)
        for _ in range(page.queue.currentRow() - row):
            self.press(Qt.Key.Key_Up)
        self.enter()
        self.wait(lambda: page.visit_form is not None and page.vitals.isEnabled()
                  and self.focus() is page.vitals.first_field(), "the vital-signs desk")
        _chosen, definition = page.visit_form
        self.vitals(page, definition.number, _months(birth_date, visit_date))
        desks = {type(form): form for form, _title in page.desks}
        if self._shown(page, desks[LaboratoryForm]):
            self._at("laboratory")
            self.to_tab(page, desks[LaboratoryForm])
            self.laboratory(desks[LaboratoryForm], visit_id, glucose="glucose_mmol" in page.vitals.values())
        if self._shown(page, desks[ChildDevelopmentDesk]):
            self._at("child_development")
            self.to_tab(page, desks[ChildDevelopmentDesk])
            self.pl01_desk(desks[ChildDevelopmentDesk], visit_id)
        self._at("doctor")
        self.to_tab(page, desks[DoctorForm])
        self.doctor(desks[DoctorForm], visit_id)
        if self._shown(page, desks[DoctorPl01Desk]):
            self._at("doctor_pl01")
            self.to_tab(page, desks[DoctorPl01Desk])
            self.pl01_desk(desks[DoctorPl01Desk], visit_id)
        if "counselling" in self.window.ctx.pl01_records.missing(visit_id):
            self._at("counselling")
            self.to_tab(page, desks[CounsellingForm], focused=False)  # the note is reached with Tab
            self.counselling(desks[CounsellingForm], visit_id)
        self._at("completion")
        self.to_tab(page, desks[DoctorForm])
        doctor = desks[DoctorForm]
        self.ctrl(Qt.Key.Key_Return)
        self.wait(lambda: doctor.amend_reason.isVisible() or "còn thiếu" in doctor.message.text(),
                  "the visit completed")
        if not doctor.amend_reason.isVisible():
            raise DriveError(f"completion refused: {doctor.message.text()}")

    @staticmethod
    def _shown(page: Any, desk: Any) -> bool:
        return page.tabs.isTabVisible(page.tabs.indexOf(page._tab_of(desk)))

    def to_tab(self, page: Any, desk: Any, *, focused: bool = True) -> None:
        """Ctrl+Tab (or Ctrl+Shift+Tab) from tab to tab until ``desk`` is in front, loaded (and, when ``focused``,
        its first field focused by the desk itself)."""
        from PySide6.QtCore import Qt

        target = page.tabs.indexOf(page._tab_of(desk))
        for _ in range(page.tabs.count()):
            if page.tabs.currentIndex() == target:
                break
            forward = target > page.tabs.currentIndex()
            if forward:
                self.ctrl(Qt.Key.Key_Tab)
            else:
                self.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
            self.app.processEvents()
        if page.tabs.currentIndex() != target:
            raise DriveError(f"Ctrl+Tab did not reach the tab {page.tabs.tabText(target)!r}")
        self.wait(lambda: getattr(desk, "state", None) is not None or getattr(desk, "sheet", None) is not None
                  or getattr(desk, "loaded", None) is not None, "the desk loaded")
        if focused:
            self.wait(lambda: self.focus() is not None and desk.isAncestorOf(self.focus()), "the desk focused")

    # -- vital signs -----------------------------------------------------------------------------------------

    def vitals(self, page: Any, form_number: int, months: int) -> None:
        from PySide6.QtCore import Qt

        form = page.vitals
        values = vital_values(form_number, months)
        if 6 <= form_number <= 13:
            self.wait(lambda: form.child.measures is not None and form.child.measures.visit_id == page.visit.id,
                      "the children's row")
        before = form.record.version if form.record is not None else 0
        fasting_asked = "glucose_mmol" in values
        for _step in range(80):
            if not form.saving and form.record is not None and form.record.version > before:
                break
            widget = self.focus()
            key = next((k for k, e in form.edits.items() if e is widget), None)
            child_code = next((c for c, w in (*form.child.edits.items(), *form.child.combos.items()) if w is widget),
                              None)
            if key is not None and not widget.text() and key in values:
                self.type(values[key])
            elif widget is form.fasting and fasting_asked and not form.fasting.isChecked():
                self.press(Qt.Key.Key_Space)
            elif child_code in form.child.edits and not widget.text() and child_code in values:
                self.type(values[child_code])
            elif child_code in form.child.combos and not widget.currentData() and \
                    not form.child.measures.proposed.get(child_code):
                self.type("1")  # a rating the rules do not propose (head circumference): 1, normal
            elif key is None and child_code is None and widget not in (form.reason, form.fasting):
                raise DriveError(f"vitals: focus on {self._describe(widget)}")
            self.enter()
            self.wait(lambda: not form.saving, "the vital signs saved")
        else:
            raise DriveError(f"vitals: never saved ({form.message.text()}); focus on {self._describe(self.focus())}"
                             f" (typed: {sorted(form.values())})")
        self.window.tasks.wait()  # the children's row is saved right after the vital signs
        self.app.processEvents()

    # -- laboratory ------------------------------------------------------------------------------------------

    def laboratory(self, lab: Any, visit_id: str, *, glucose: bool) -> None:
        """Forms 1 and 2: the capillary glucose typed at the vital-signs desk shows here read-only; a row is typed
        only when the form requires one (a haemoglobin picked by its name, its result, Enter on to the save)."""
        from PySide6.QtCore import Qt

        self.wait(lambda: lab.sheet is not None and lab.sheet.visit_id == visit_id, "the laboratory sheet")
        if glucose:
            self.wait(lambda: "mmol/L" in lab.glucose.text(), "the capillary glucose shown read-only")
        if "laboratory" not in self.window.ctx.pl01_records.missing(visit_id):
            return
        if lab.rows[-1].name.text():
            self.ctrl(Qt.Key.Key_N)
        row = lab.rows[-1]
        self.wait(lambda: self.focus() is row.name, "a new row's test name focused")
        self.type("hemo")
        self.enter()
        self.type("125")
        for _ in range(6):
            if "Đã lưu" in lab.message.text():
                break
            self.enter()
            self.window.tasks.wait()  # a save on the last conclusion comes back before the next key
            self.app.processEvents()
        self.wait(lambda: "Đã lưu" in lab.message.text(), "the laboratory row saved", detail=lab.message.text)

    # -- the PL01 desks --------------------------------------------------------------------------------------

    def pl01_desk(self, desk: Any, visit_id: str) -> None:
        """K for a part whose needed fields its normal values answer; else into the part, typing each needed
        field still empty, Ctrl+↓ out of a part once nothing it needs is left empty; Enter after the last part
        saves."""
        from PySide6.QtCore import Qt

        from station_app.core.pl01_completion import Person, needed

        self.wait(lambda: desk.loaded is not None and desk.loaded.visit_id == visit_id, "the desk loaded")
        state = desk.loaded.state
        person = Person({"male": "1", "female": "2"}.get(str(state.sex.value), "3"), state.age_years)
        inputs = {}
        for box in desk.parts:
            for field_input in box.inputs:
                for w in (field_input.focus_widget(), getattr(field_input, "year", None)):
                    if w is not None:
                        inputs[id(w)] = (box, field_input)
        boxes = {id(box.normal_button): box for box in desk.parts if box.normal_button is not None}
        for _step in range(400):
            widget = self.focus()
            if widget is desk.save_button:
                self.enter()
                break
            if id(widget) in boxes:
                box = boxes[id(widget)]
                typed = [i for i in box.inputs if needed(i.field, person) and not i.field.normal and i.is_empty()]
                self.press(Qt.Key.Key_Return if typed else Qt.Key.Key_K)
                continue
            if id(widget) not in inputs:
                raise DriveError(f"{self.desk}: focus on {self._describe(widget)}")
            box, field_input = inputs[id(widget)]
            f = field_input.field
            if needed(f, person) and field_input.is_empty() and field_input.mark is None \
                    and widget is field_input.focus_widget():
                if f.input == "icd10":
                    raise DriveError(f"{self.desk}: {f.code} needs an ICD-10 code; the driver types none")
                self.type(_typed(f))
                if hasattr(field_input, "combo") and field_input.combo.currentData() and self.focus() is not widget:
                    continue  # a one-character code picks and moves on
                self.enter()
                continue
            rest = box.inputs[box.inputs.index(field_input) + 1:]
            if any(needed(i.field, person) and i.is_empty() and i.mark is None for i in rest):
                self.enter()
            else:
                self.ctrl(Qt.Key.Key_Down)  # nothing more this part needs: on to the next part
        else:
            raise DriveError(f"{self.desk}: never reached the save button")
        self.wait(lambda: desk.message.text() == "Đã lưu.", "the desk saved", detail=desk.message.text)

    # -- the doctor's desk -----------------------------------------------------------------------------------

    def doctor(self, form: Any, visit_id: str) -> None:
        from PySide6.QtCore import Qt

        self.wait(lambda: form.state is not None and form.visit is not None and form.visit.id == visit_id,
                  "the doctor's desk loaded")
        self.wait(lambda: self.focus() is form.history, "the history list focused")
        for _ in range(form.history.count()):
            self.press(Qt.Key.Key_N)
        first = form.examined()[0].nad
        for _ in range(6):
            if self.focus() is first:
                break
            self.press(Qt.Key.Key_Tab)
        if self.focus() is not first:
            raise DriveError(f"doctor: Tab did not reach the first specialty; focus on {self._describe(self.focus())}")
        for _ in form.examined():
            self.press(Qt.Key.Key_K)
        self.ctrl(Qt.Key.Key_S)
        self.wait(lambda: "Đã lưu" in form.message.text(), "the doctor's desk saved", detail=form.message.text)

    # -- counselling -----------------------------------------------------------------------------------------

    def counselling(self, form: Any, visit_id: str) -> None:
        from PySide6.QtCore import Qt

        for _ in range(8):
            if self.focus() is form.note:
                break
            self.press(Qt.Key.Key_Tab)
        if self.focus() is not form.note:
            raise DriveError(f"counselling: Tab did not reach the note; focus on {self._describe(self.focus())}")
        self.type(COUNSELLING_NOTE)
        self.ctrl(Qt.Key.Key_S)
        self.wait(lambda: "Đã lưu" in form.message.text(), "counselling saved", detail=form.message.text)


def _months(birth_date: dt.date | None, on: dt.date) -> int:
    from station_app.core.pl01 import completed_months

    return completed_months(birth_date, on) if birth_date is not None else 12 * 40


def _typed(f: Any, reception: bool = False) -> str:
    """What is typed for a needed field: the normal code or a plausible value (devkit.pl01), as a keyboard writes
    it (a decimal comma, a date as dd/mm/yyyy)."""
    from devkit.pl01 import plausible

    if f.input in ("text",) and not f.codes:
        return ("Khám sức khỏe định kỳ" if reception else TEXT_ANSWER)[: f.size or None]
    value = plausible(f)
    if f.input == "date":
        day = dt.date.fromisoformat(value)
        return f"{day:%d/%m/%Y}"
    if f.input == "number":
        return value.replace(".", ",")
    return value
