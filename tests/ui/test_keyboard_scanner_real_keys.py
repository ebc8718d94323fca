"""Keyboard-mode scanners as a real USB HID scanner types: Shift pressed and released around every capital and
``|`` (AltGr on some layouts, a stray Control or Meta), each key pressed then released, 1–15 ms apart; and the
same keys typed by a person at 80–200 ms, which must reach the field exactly as sent.

Real: key events with timestamps posted to the focused widget, the reception and exam pages on a real station.
"""
from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtMultimedia import QCameraDevice, QMediaDevices
from PySide6.QtWidgets import QFileDialog, QWidget

from support.gui import hid_keystrokes, post_keystrokes, show_page, type_text
from support.visits import CONSENT, make_doctor
from station_app.core.model import FundingSource
from station_app.core.qr_payloads import parse_payload
from station_app.core.settings import Settings
from station_app.ui.pages.exam import ExamPage
from station_app.ui.pages.reception import ReceptionPage

CCCD = "001090123456|012345678|NGUYEN VAN A|01011990|Nam|Phuong Ben Nghe, Quan 1, TP. Ho Chi Minh|15042021"
BHYT = ("HS4010100000001|56c5a92056c4836e205468e1bbad|07/09/2008|1|5068c6b0e1bb9d6e67204de1baab752c205175e1baad6e"
        "204de1baab752c205468c3a06e68207068e1bb912048c3a0204ee1bb9969|01 - 028|24/01/2019|-|24/01/2019|$")
ACCENTED = "011085001234||Lò Văn Đức|02041985|Nam|Bản Nà Khương, xã Mường Kim, Lai Châu|11072022"
CARDS = (CCCD, BHYT, ACCENTED)
NOT_A_CARD = "HTTPS://QR.EXAMPLE.VN/P?ID=ABC123"
SCANNER = {"gaps": (1, 15)}
PERSON = {"gaps": (80, 200), "chord_gaps": (10, 30)}
_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


class KeyRecorder(QObject):
    """The key events that reach ``widget`` itself, as (type, key, modifiers, text)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen: list[tuple] = []
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _KEYS:
            self.seen.append(_as_seen(event))  # type: ignore[arg-type]
        return False


def _as_seen(event: QKeyEvent) -> tuple:
    return event.type(), event.key(), event.modifiers(), event.text()


def as_the_widget_sees(strokes) -> list[tuple]:
    return [_as_seen(QKeyEvent(*step)) for stroke in strokes for step in stroke]


def test_the_helper_sends_shift_around_capitals_and_bars_as_a_scanner_does():
    [bar] = hid_keystrokes("|", enter=False)
    shift = Qt.KeyboardModifier.ShiftModifier
    assert as_the_widget_sees([bar]) == [
        (QEvent.Type.KeyPress, Qt.Key.Key_Shift, shift, ""), (QEvent.Type.KeyPress, Qt.Key.Key_Bar, shift, "|"),
        (QEvent.Type.KeyRelease, Qt.Key.Key_Bar, shift, "|"),
        (QEvent.Type.KeyRelease, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier, "")]


# -- the filter on a plain page ---------------------------------------------------------------------------------



@pytest.mark.parametrize("payload", CARDS, ids=["cccd", "bhyt", "accented"])
@pytest.mark.parametrize("layout", ["shift", "altgr bar", "stray control", "stray meta", "line feed"])
def test_a_scanner_typing_with_shift_is_one_scan_and_no_key_reaches_the_field(wedge_page, qtbot, payload,
                                                                             layout):
    _, wedge, field, _, _ = wedge_page
    options = {"altgr bar": {"altgr": "|"}, "stray control": {"stray": Qt.Key.Key_Control},
               "stray meta": {"stray": Qt.Key.Key_Meta}, "line feed": {"line_feed": True}}.get(layout, {})
    seen, scans = KeyRecorder(field), []
    wedge.scanned.connect(scans.append)
    post_keystrokes(field, hid_keystrokes(payload, **options), 10_000, **SCANNER)
    qtbot.waitUntil(lambda: scans == [payload], timeout=2000)
    qtbot.wait(100)  # longer than the filter holds typed keys: nothing is given back later either
    assert scans == [payload] and field.text() == "" and seen.seen == [] and wedge.holding == 0


@pytest.mark.parametrize("speed", ["person", "fast without Enter"])
def test_typed_capitals_reach_the_field_whole_and_in_order(wedge_page, qtbot, speed):
    _, wedge, field, _, _ = wedge_page
    text = "Lò Văn ĐỨC | NGUYEN Van A"
    strokes = hid_keystrokes(text, enter=speed == "person", altgr="|", stray=Qt.Key.Key_Control, stray_every=7)
    seen, scans, returns = KeyRecorder(field), [], []
    wedge.scanned.connect(scans.append)
    field.returnPressed.connect(lambda: returns.append(field.text()))
    post_keystrokes(field, strokes, 20_000, **(PERSON if speed == "person" else SCANNER))
    qtbot.waitUntil(lambda: field.text() == text and wedge.holding == 0, timeout=4000)
    assert seen.seen == as_the_widget_sees(strokes)  # every press and release, modifiers included, in order
    assert scans == [] and returns == ([text] if speed == "person" else [])


def test_the_enter_and_shift_releases_after_a_scan_stay_with_the_scan(wedge_page, qtbot):
    _, wedge, _, _, button = wedge_page
    button.setFocus()
    clicks, seen = [], KeyRecorder(button)
    button.clicked.connect(lambda: clicks.append(1))
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as got:
        post_keystrokes(button, hid_keystrokes("NGUYEN VAN A 1990 "), 30_000, **SCANNER)
    assert got.args == ["NGUYEN VAN A 1990 "]
    qtbot.wait(100)
    assert seen.seen == [] and clicks == []


# -- the reception page ----------------------------------------------------------------------------------------

def register_from_card(ctx, nurse, payload: str) -> str:
    """The card's holder, registered from the card itself: a later scan finds them with nothing to update."""
    proposal = ctx.registry.find_or_propose(parse_payload(payload, dt.date.today())).proposal
    return ctx.registry.register_new(nurse, proposal).id


@pytest.fixture
def no_dialogs(monkeypatch):
    """Keys that reach a button by mistake press it: the file dialog, the camera and the printer answer at once."""
    from station_app.ui import printing

    monkeypatch.setattr(printing, "print_pdf", lambda *args, **kwargs: True)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: ("", "")))
    monkeypatch.setattr(QMediaDevices, "videoInputs", staticmethod(lambda: []))
    monkeypatch.setattr(QMediaDevices, "defaultVideoInput", staticmethod(lambda: QCameraDevice()))


@pytest.fixture
def reception(app, qtbot, ctx, nurse, tasks, no_dialogs):
    station = ctx.station.info()
    made = show_page(qtbot, ReceptionPage(ctx, tasks, station.site_id, nurse, Settings(), station), 1180, 760)
    yield made
    if shiboken6.isValid(made):
        if made.dialog is not None:
            made.dialog.reject()
        made.serial.close()
        made.hide()
    tasks.wait()


def holders(ctx, nurse) -> dict[str, str]:
    """The three cards' holders, each with a visit today (so the queue has rows), by payload."""
    station = ctx.station.info()
    made = {}
    for payload in CARDS:
        made[payload] = register_from_card(ctx, nurse, payload)
        ctx.registry.open_visit(nurse, made[payload], site_id=station.site_id, campaign_id=station.campaign_id, funding_source=FundingSource.STATE_BUDGET,
                                target_groups=[], consent=CONSENT)
    return made


def focus(qtbot, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: widget.isVisible() and widget.isEnabled(), timeout=3000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=1000)


RECEPTION_WIDGETS = ["search", "results", "queue", "open_visit_button", "manual_button", "reprint_button",
                     "camera_button", "image_button", "paste_button"]


@pytest.mark.parametrize("name", RECEPTION_WIDGETS)
def test_reception_recognises_each_card_wherever_the_focus_is(qtbot, reception, ctx, nurse, name):
    people = holders(ctx, nurse)
    reception.refresh()
    type_text(reception.search, "nguyen")  # results to stand in, and a person shown on the card
    qtbot.waitUntil(lambda: reception.results_model.rowCount() > 0 and reception.queue_model.rowCount() == 3,
                    timeout=3000)
    reception.take_selected()
    widget = getattr(reception, name)
    start = 100_000
    for payload in CARDS:
        focus(qtbot, widget)
        seen = KeyRecorder(widget)
        start = post_keystrokes(widget, hid_keystrokes(payload), start, **SCANNER) + 1000
        qtbot.waitUntil(lambda: reception.card.resident is not None
                        and reception.card.resident.id == people[payload], timeout=3000)
        assert seen.seen == [] and reception.search.text() == "nguyen" and reception.dialog is None
        assert reception.message.text() == ""


@pytest.mark.parametrize("name", ["results", "queue", "search"])
def test_a_scan_reception_cannot_read_says_so_wherever_the_focus_is(qtbot, reception, ctx, nurse, name):
    holders(ctx, nurse)
    reception.refresh()
    type_text(reception.search, "nguyen")
    qtbot.waitUntil(lambda: reception.results_model.rowCount() > 0 and reception.queue_model.rowCount() == 3,
                    timeout=3000)
    widget = getattr(reception, name)
    focus(qtbot, widget)
    seen = KeyRecorder(widget)
    post_keystrokes(widget, hid_keystrokes(NOT_A_CARD), 200_000, **SCANNER)
    qtbot.waitUntil(lambda: reception.message.isVisible(), timeout=3000)
    assert "không phải CCCD, thẻ BHYT hay phiếu khám" in reception.message.text()
    assert seen.seen == [] and reception.search.text() == "nguyen"


def test_a_person_typing_the_payload_in_the_search_field_sees_it_untouched(qtbot, reception):
    focus(qtbot, reception.search)
    strokes = hid_keystrokes(CCCD, enter=False)
    seen = KeyRecorder(reception.search)
    post_keystrokes(reception.search, strokes, 300_000, **PERSON)
    qtbot.waitUntil(lambda: reception.search.text() == CCCD, timeout=10_000)
    assert seen.seen == as_the_widget_sees(strokes)


# -- who is on the reception card ------------------------------------------------------------------------------

@pytest.mark.parametrize("scanner", ["keyboard", "serial"])
def test_a_failed_scan_clears_the_person_and_the_open_visit_button(qtbot, reception, ctx, nurse, scanner):
    someone = register_from_card(ctx, nurse, CCCD)
    focus(qtbot, reception.search)
    type_text(reception.search, "nguyen")
    qtbot.waitUntil(lambda: reception.results_model.rowCount() == 1, timeout=3000)
    qtbot.keyClick(reception.search, Qt.Key.Key_Down)  # the nurse picks the result
    qtbot.waitUntil(lambda: reception.card.resident is not None and reception.card.resident.id == someone,
                    timeout=3000)
    assert reception.open_visit_button.isEnabled()
    focus(qtbot, reception.results)
    if scanner == "keyboard":
        post_keystrokes(reception.results, hid_keystrokes(NOT_A_CARD), 700_000, **SCANNER)
    else:
        reception.serial.scanned.emit(NOT_A_CARD)
    qtbot.waitUntil(lambda: reception.message.isVisible(), timeout=3000)
    assert reception.card.resident is None and not reception.open_visit_button.isEnabled()
    assert reception.card.empty.isVisible() and reception.card.name.isHidden()
    assert not reception.results.selectionModel().hasSelection()  # no row says she is still the one


@pytest.mark.parametrize("how", ["Escape", "select all and Backspace"])
def test_a_cleared_search_clears_the_person_and_the_open_visit_button(qtbot, reception, ctx, nurse, how):
    register_from_card(ctx, nurse, CCCD)
    focus(qtbot, reception.search)
    type_text(reception.search, "nguyen")
    qtbot.waitUntil(lambda: reception.card.resident is not None, timeout=3000)  # the first result, previewed
    assert reception.open_visit_button.isEnabled()
    if how == "Escape":
        qtbot.keyClick(reception.search, Qt.Key.Key_Escape)
    else:
        qtbot.keyClick(reception.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(reception.search, Qt.Key.Key_Backspace)
    assert reception.search.text() == ""
    assert reception.card.resident is None and not reception.open_visit_button.isEnabled()
    qtbot.wait(300)  # longer than the search and preview delays: nobody comes back on the card
    assert reception.card.resident is None and not reception.open_visit_button.isEnabled()


def test_after_a_visit_is_opened_the_button_waits_for_another_person(qtbot, reception, ctx, nurse):
    from station_app.ui.dialogs.open_visit import OpenVisitDialog

    first = register_from_card(ctx, nurse, CCCD)
    second = register_from_card(ctx, nurse, ACCENTED)
    reception.handle_scan(CCCD, "test")
    qtbot.waitUntil(lambda: reception.card.resident is not None and reception.card.resident.id == first, timeout=3000)
    qtbot.keyClick(reception.open_visit_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(reception.dialog, OpenVisitDialog), timeout=3000)
    dialog = reception.dialog
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reception.dialog is None and reception.card.visit is not None, timeout=5000)
    reception._tasks.wait()
    qtbot.wait(50)
    assert reception.card.resident.id == first and "số thứ tự 1" in reception.card.visit_line.text()
    assert not reception.open_visit_button.isEnabled()  # Enter cannot open her visit a second time by mistake
    type_text(reception.search, "duc")
    qtbot.keyClick(reception.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reception.card.resident is not None and reception.card.resident.id == second,
                    timeout=3000)
    assert reception.open_visit_button.isEnabled()


# -- the exam page ---------------------------------------------------------------------------------------------

@pytest.fixture
def exam(app, qtbot, ctx, admin, tasks, no_dialogs):
    doctor = make_doctor(ctx, admin)
    made = show_page(qtbot, ExamPage(ctx, tasks, ctx.station.info().site_id, doctor, Settings()), 1280, 760)
    yield made
    if shiboken6.isValid(made):
        made.sources.stop()
        made.hide()
    tasks.wait()


def doctor_form(exam: ExamPage):
    return next(form for form, _title in exam.desks if type(form).__name__ == "DoctorForm")


EXAM_WIDGETS = {
    "scan field": lambda p: p.scan,
    "queue": lambda p: p.queue,
    "camera button": lambda p: p.sources.camera_button,
    "history button": lambda p: p.history_button,
    "tabs": lambda p: p.tabs.tabBar(),
    "vitals first field": lambda p: p.vitals.first_field(),
    "vitals last field": lambda p: list(p.vitals.edits.values())[-1],
    "vitals fasting box": lambda p: p.vitals.fasting,
    "vitals save button": lambda p: p.vitals.save_button,
    "doctor history list (Y/N keys)": lambda p: doctor_form(p).history,
    "doctor no-abnormality box": lambda p: next(iter(doctor_form(p).sections.values())).nad,
    "doctor findings": lambda p: next(iter(doctor_form(p).sections.values())).text,
    "doctor ICD field": lambda p: next(iter(doctor_form(p).sections.values())).icd,
    "doctor advice": lambda p: doctor_form(p).advice,
}


def focus_on_exam(qtbot, exam: ExamPage, name: str) -> QWidget:
    desk = doctor_form(exam) if name.startswith("doctor") else exam.vitals
    if name.startswith(("doctor", "vitals")):
        exam.show_desk(desk)
    qtbot.waitUntil(lambda: exam.vitals.isEnabled() and (desk is exam.vitals or desk.state is not None),
                    timeout=5000)  # the visit is on the desk: loading it no longer changes the fields
    widget = EXAM_WIDGETS[name](exam)
    focus(qtbot, widget)
    return widget


@pytest.mark.parametrize("name", list(EXAM_WIDGETS))
def test_the_exam_page_opens_each_cards_visit_wherever_the_focus_is(qtbot, exam, ctx, nurse, name):
    people = holders(ctx, nurse)
    exam.refresh()
    qtbot.waitUntil(lambda: len(exam.queue_visits) == 3, timeout=3000)
    exam.open_visit(exam.queue_visits[0])
    visits = {v.resident_id: v.id for v in exam.queue_visits}
    start = 400_000
    for payload in (*CARDS[1:], CARDS[0]):  # the first visit is open: each scan opens another one
        widget = focus_on_exam(qtbot, exam, name)
        seen = KeyRecorder(widget)
        start = post_keystrokes(widget, hid_keystrokes(payload), start, **SCANNER) + 1000
        qtbot.waitUntil(lambda: exam.visit.id == visits[people[payload]], timeout=3000)
        assert seen.seen == [] and exam.scan.text() == ""
        assert not exam.message.isVisible() or exam.message.text() == ""


@pytest.mark.parametrize("name", ["queue", "vitals first field", "doctor findings"])
def test_a_scan_the_exam_page_cannot_read_says_so(qtbot, exam, ctx, nurse, name):
    holders(ctx, nurse)
    exam.refresh()
    qtbot.waitUntil(lambda: len(exam.queue_visits) == 3, timeout=3000)
    exam.open_visit(exam.queue_visits[0])
    widget = focus_on_exam(qtbot, exam, name)
    seen = KeyRecorder(widget)
    post_keystrokes(widget, hid_keystrokes(NOT_A_CARD), 500_000, **SCANNER)
    qtbot.waitUntil(lambda: exam.message.isVisible(), timeout=3000)
    assert "Không đọc được mã này" in exam.message.text() and seen.seen == []


@pytest.mark.parametrize("name", ["scan field", "doctor findings"])
def test_a_person_typing_on_the_exam_page_sees_the_text_untouched(qtbot, exam, ctx, nurse, name):
    holders(ctx, nurse)
    exam.refresh()
    qtbot.waitUntil(lambda: len(exam.queue_visits) == 3, timeout=3000)
    exam.open_visit(exam.queue_visits[0])
    widget = focus_on_exam(qtbot, exam, name)
    text = "Tim đều, PHỔI trong | Nghe RÕ"
    strokes = hid_keystrokes(text, enter=False)
    seen = KeyRecorder(widget)
    post_keystrokes(widget, strokes, 600_000, **PERSON)
    qtbot.waitUntil(lambda: widget.text() == text, timeout=10_000)
    assert seen.seen == as_the_widget_sees(strokes)
