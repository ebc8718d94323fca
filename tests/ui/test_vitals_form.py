"""The exam page's vital-signs desk on a real station database, driven from the keyboard only."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bench.exam_bench import ADULT_SET, KEYSTROKE_BUDGET, drive_full_adult_set
from support import visits
from support.visits import CONSENT
from support.exam import key, pick_from_queue
from support.gui import press_enter, show_page, type_text
from station_app.core.cards import SlipIdentity
from station_app.core.consent import CURRENT_VERSION, consent_text, text_sha256
from station_app.core.model import FundingSource, Sex, VisitStatus
from station_app.core.qr_payloads import encode_slip
from station_app.core.settings import Settings
from station_app.services.station.registry import ConsentInput, ResidentInput
from station_app.ui.pages.exam import ExamPage

SHOTS = Path(__file__).resolve().parents[2] / "shots"


def open_visit(ctx, user, name="Tòng Thị Hoa", year=1978):
    return visits.open_visit(ctx, user, name, year, groups=())


def make_page(qtbot, ctx, nurse, tasks):
    return show_page(qtbot, ExamPage(ctx, tasks, ctx.station.info().site_id, nurse, Settings()), 1180, 760)


@pytest.fixture
def page(app, qtbot, ctx, nurse, tasks):
    made = make_page(qtbot, ctx, nurse, tasks)
    yield made
    if shiboken6.isValid(made):
        made.hide()
    tasks.wait()


def test_a_full_adult_set_is_typed_and_saved_without_the_mouse(app, qtbot, ctx, nurse, page):
    open_visit(ctx, nurse, "Lò Văn Đức", 1960)
    visit = open_visit(ctx, nurse)
    pick_from_queue(qtbot, page, visit)
    form = page.vitals
    count = drive_full_adult_set(form, QApplication.instance(),
                                 lambda: qtbot.waitUntil(lambda: form.record is not None and form.record.version == 1))
    assert count.extra <= KEYSTROKE_BUDGET, f"{count.extra} keys beyond the digits"
    assert count.digits == sum(ch.isdigit() for _field, typed in ADULT_SET for ch in typed)
    stored = ctx.exam.vitals(visit.id)
    assert stored.values["weight_kg"] == 52.5 and stored.values["vision_right"] == 0.8
    assert stored.fasting is True and stored.bmi == 21.0
    assert (stored.bp_systolic, stored.bp_diastolic) == (126.0, 81.0)
    assert ctx.registry.visit_by_id(visit.id).status is VisitStatus.IN_PROGRESS
    assert form.bmi_value.text() == "21" and "BMI" not in form.bmi_note.text()
    assert "Huyết áp bình thường" in form.bp_note.text()  # the grade of the pressure used


def test_an_impossible_value_is_explained_beside_the_field_and_focus_stays(app, qtbot, ctx, nurse, page):
    visit = open_visit(ctx, nurse)
    pick_from_queue(qtbot, page, visit)
    form = page.vitals
    form.edits["systolic_1"].setFocus()
    type_text(form.edits["systolic_1"], "420")
    press_enter(form.edits["systolic_1"])
    assert QApplication.focusWidget() is form.edits["systolic_1"]
    assert "50–300" in form.notes["systolic_1"].text() and "#b00020" in form.notes["systolic_1"].text()
    form.edits["systolic_1"].selectAll()
    type_text(form.edits["systolic_1"], "142")
    press_enter(form.edits["systolic_1"])
    assert QApplication.focusWidget() is form.edits["diastolic_1"]


def test_an_unusual_value_is_confirmed_with_enter_when_saving(app, qtbot, ctx, nurse, page):
    visit = open_visit(ctx, nurse)
    pick_from_queue(qtbot, page, visit)
    form = page.vitals
    type_text(form.edits["pulse"], "132")
    press_enter(form.edits["pulse"])
    assert QApplication.focusWidget() is form.edits["systolic_1"] and "pulse" not in form.confirmed
    assert "khi lưu" in form.notes["pulse"].text() and "#a15c00" in form.notes["pulse"].text()
    assert form._shortcut.key().toString() == "Ctrl+S"
    form._shortcut.activated.emit()  # what Ctrl+S does (sendEvent offscreen does not go through shortcuts)
    assert QApplication.focusWidget() is form.edits["pulse"] and "Enter" in form.notes["pulse"].text()
    assert form.record.version == 0 and not form.saving
    press_enter(form.edits["pulse"])  # confirmed: the save goes through
    qtbot.waitUntil(lambda: form.record is not None and form.record.version == 1)
    assert ctx.exam.vitals(visit.id).confirmed == ("pulse",)


def test_two_far_readings_open_the_third_one(app, qtbot, ctx, nurse, page):
    visit = open_visit(ctx, nurse)
    pick_from_queue(qtbot, page, visit)
    form = page.vitals
    for field, typed in (("systolic_1", "150"), ("diastolic_1", "95"), ("systolic_2", "130"), ("diastolic_2", "84")):
        form.edits[field].setFocus()
        type_text(form.edits[field], typed)
        press_enter(form.edits[field])
    assert form.edits["systolic_3"].isEnabled() and QApplication.focusWidget() is form.edits["systolic_3"]


def test_a_draft_survives_closing_the_page_and_is_offered_again(app, qtbot, ctx, nurse, page, tasks):
    visit = open_visit(ctx, nurse)
    pick_from_queue(qtbot, page, visit)
    type_text(page.vitals.edits["height_cm"], "158")
    press_enter(page.vitals.edits["height_cm"])
    type_text(page.vitals.edits["weight_kg"], "52,5")
    qtbot.waitUntil(lambda: ctx.exam.draft(visit.id, "vitals") is not None, timeout=3000)  # ~1 s after typing
    press_enter(page.vitals.edits["weight_kg"])
    type_text(page.vitals.edits["waist_cm"], "76")
    page.close()  # the page goes away (app closed) before the second is up: what was typed is written at once
    assert ctx.exam.draft(visit.id, "vitals").fields["texts"]["waist_cm"] == "76"
    again = make_page(qtbot, ctx, nurse, tasks)
    pick_from_queue(qtbot, again, visit)
    assert again.vitals.edits["height_cm"].text() == "158" and again.vitals.edits["weight_kg"].text() == "52,5"
    assert again.vitals.edits["waist_cm"].text() == "76"
    assert again.vitals.draft_note.text() and again.vitals.discard_button.isVisibleTo(again)
    assert again.vitals.bmi_value.text() == "21"
    again.hide()


def test_a_slip_from_another_laptop_typed_in_opens_the_visit_here(app, qtbot, ctx, nurse, page):
    slip = SlipIdentity(visit_id="0192f3a4-5b6c-7d8e-9f00-1122334455aa", national_id=None,
                        full_name="Giàng A Páo", birth_year=1990, sex=Sex.MALE, queue_number=12,
                        visit_date=dt.date.today())
    page.scan.setText(encode_slip(slip))
    press_enter(page.scan)
    qtbot.waitUntil(lambda: page.visit is not None and page.vitals.isEnabled())
    assert page.visit.id == slip.visit_id and "Giàng A Páo" in page.who.text()
    assert QApplication.focusWidget() is page.vitals.first_field()


def test_screenshot_of_the_vitals_form_with_realistic_values(app, qtbot, ctx, nurse, page):
    visit = open_visit(ctx, nurse, "Tòng Thị Hoa", 1968)
    pick_from_queue(qtbot, page, visit)
    form = page.vitals
    for field, typed in (("height_cm", "152"), ("weight_kg", "61,5"), ("waist_cm", "86"), ("pulse", "84"),
                         ("systolic_1", "162"), ("diastolic_1", "96"), ("systolic_2", "148"),
                         ("diastolic_2", "92"), ("systolic_3", "150"), ("diastolic_3", "90"),
                         ("temperature_c", "36,7"), ("spo2", "97"), ("resp_rate", "18"), ("glucose_mmol", "7,4"),
                         ("vision_right", "0,4"), ("vision_left", "0,5"), ("vision_right_glasses", "0,8"),
                         ("vision_left_glasses", "0,9")):
        form.edits[field].setFocus()
        type_text(form.edits[field], typed)
        press_enter(form.edits[field])
    qtbot.waitUntil(lambda: form.record is not None and form.record.version == 1)  # Enter on the last saved
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / "vitals.png"))
    assert form.edits["systolic_3"].isEnabled()
    assert "Tăng huyết áp độ 1" in form.bp_note.text()


def test_tab_follows_the_same_order_and_skips_the_third_reading(app, qtbot, ctx, nurse, page):
    visit = open_visit(ctx, nurse)
    pick_from_queue(qtbot, page, visit)
    form = page.vitals
    form.edits["diastolic_2"].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.edits["diastolic_2"])
    key(form.edits["diastolic_2"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.edits["temperature_c"]
    form.edits["glucose_mmol"].setFocus()
    key(form.edits["glucose_mmol"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.fasting


def test_changing_a_completed_visit_asks_for_a_reason_and_keeps_the_old_version(app, qtbot, ctx, nurse, page):
    from station_app.persistence.tables import VisitRow
    from station_app.persistence.unit_of_work import UnitOfWork

    visit = open_visit(ctx, nurse)
    ctx.exam.save_vitals(nurse, visit.id, entries={"height_cm": 158, "weight_kg": 52})
    with UnitOfWork(ctx.db) as uow:
        uow.session.get(VisitRow, visit.id).status = "completed"
        uow.commit()
    pick_from_queue(qtbot, page, visit)
    form = page.vitals
    assert form.reason_box.isVisibleTo(page) and form.edits["weight_kg"].text() == "52"
    form.edits["weight_kg"].setFocus()
    form.edits["weight_kg"].selectAll()
    type_text(form.edits["weight_kg"], "53")
    form.save()
    qtbot.waitUntil(lambda: not form.saving)
    assert QApplication.focusWidget() is form.reason and form.message.text()  # the reason is asked for
    type_text(form.reason, "Cân lại")
    press_enter(form.reason)  # the last field: Enter saves
    qtbot.waitUntil(lambda: form.record is not None and form.record.version == 2)
    assert [(h.version, h.values["weight_kg"], h.reason) for h in ctx.exam.history(visit.id)] == [(1, 52.0, "Cân lại")]


def test_an_id_card_scan_opens_the_holders_visit_of_today(app, qtbot, ctx, nurse, page):
    resident = ctx.registry.register_new(nurse, ResidentInput(full_name="Nguyễn Văn An", sex=Sex.MALE,
                                                               birth_date=dt.date(2002, 5, 15),
                                                               national_id="001099012345"))
    info = ctx.station.info()
    visit = ctx.registry.open_visit(nurse, resident.id, site_id=info.site_id, campaign_id=info.campaign_id, funding_source=FundingSource.STATE_BUDGET,
                                    target_groups=[], consent=CONSENT)
    page.scan.setText("001099012345||NGUYEN VAN AN|15052002|Nam|Ban Muong Kim|20042021")
    press_enter(page.scan)
    qtbot.waitUntil(lambda: page.visit is not None and page.vitals.isEnabled())
    assert page.visit.id == visit.id and QApplication.focusWidget() is page.vitals.first_field()
    page.scan.setText("012190004321||Vàng Thị Mai|12121990|Nữ|Bản Phiêng, xã Mường Kim, Lai Châu|05052021")
    press_enter(page.scan)
    qtbot.waitUntil(lambda: "chưa được tiếp đón" in page.message.text())


def test_the_other_desks_show_the_visit_when_their_tab_is_opened(qtbot, page, ctx, nurse):
    first, second = open_visit(ctx, nurse, "Lò Thị Ơn", 1990), open_visit(ctx, nurse, "Giàng A Sử", 1956)
    doctor = next(form for form, _title in page.desks if type(form).__name__ == "DoctorForm")
    page.open_visit(first)
    qtbot.waitUntil(lambda: page.vitals.record is not None and page.vitals.record.visit_id == first.id)
    assert doctor.visit is None  # not loaded while the vital-signs desk is in use
    page.show_desk(doctor)
    qtbot.waitUntil(lambda: doctor.visit is not None and doctor.visit.id == first.id)
    page.open_visit(second)  # a slip scanned while the doctor's tab is open: it follows at once
    qtbot.waitUntil(lambda: doctor.visit is not None and doctor.visit.id == second.id)


def test_a_childs_height_and_weight_typed_from_the_keyboard_get_who_z_scores_and_classes(app, qtbot, ctx, nurse,
                                                                                         page):
    """A boy of exactly 60 months (1826 days, the WHO 2006 tables' last row): 97 cm lies between the printed
    -3 SD (96.1) and -2 SD (100.7) of height-for-age, 13.0 kg between -3 SD (12.4) and -2 SD (14.1) of
    weight-for-age: stunted and underweight, shown beside the fields, kept with the values, all from the keyboard."""
    from station_app.services.station.growth import growth_zscores

    born = dt.date.today() - dt.timedelta(days=1826)
    child = ctx.registry.register_new(nurse, ResidentInput(full_name="Giàng A Páo", sex=Sex.MALE, birth_date=born))
    info = ctx.station.info()
    visit = ctx.registry.open_visit(nurse, child.id, site_id=info.site_id, campaign_id=info.campaign_id, funding_source=FundingSource.STATE_BUDGET, target_groups=[],
                                    consent=ConsentInput(CURRENT_VERSION, text_sha256(consent_text()), given_by="guardian",
                                                 guardian_name="Giàng A Chứ", guardian_relation="Bố"))
    pick_from_queue(qtbot, page, visit)
    form, app_ = page.vitals, QApplication.instance()
    for typed in ("97", "13"):  # height, then weight: digits and Enter, nothing else
        for ch in typed:
            key(app_.focusWidget(), ord(ch), ch)
        key(app_.focusWidget(), Qt.Key.Key_Return)
    assert app_.focusWidget() is form.edits["waist_cm"]
    expected = {r.indicator.value: r for r in growth_zscores(Sex.MALE, 1826, weight_kg=13.0, height_cm=97.0)}
    assert -3 < expected["hfa"].z < -2 and -3 < expected["wfa"].z < -2
    height_note, weight_note = form.notes["height_cm"].text(), form.notes["weight_kg"].text()
    assert "Suy dinh dưỡng thể thấp còi" in height_note and f"HFA z = {expected['hfa'].z:.2f}" in height_note
    assert "Suy dinh dưỡng thể nhẹ cân" in weight_note and f"WFA z = {expected['wfa'].z:.2f}" in weight_note
    assert "mức độ nặng" not in height_note + weight_note
    qtbot.keyClick(app_.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # saves what is typed
    qtbot.waitUntil(lambda: form.record is not None and form.record.version == 1)
    stored = ctx.exam.vitals(visit.id)
    assert stored.values == {"height_cm": 97.0, "weight_kg": 13.0}
    flags = {k: v for fl in stored.flags.values() for k, v in fl.items()}
    assert flags["hfa_class"] == "stunted" and flags["wfa_class"] == "underweight"
    assert flags["hfa_z"] == f"{expected['hfa'].z:.2f}" and flags["wfa_z"] == f"{expected['wfa'].z:.2f}"


# A nurse reading a paper form: value, Enter, next value, Enter... without looking at the screen. Systolic 200
# and 196 and pulse 132 are unusual (warning range), every other value is ordinary.
NURSE_SET = (
    ("height_cm", "158"), ("weight_kg", "52,5"), ("waist_cm", "76"), ("pulse", "132"),
    ("systolic_1", "200"), ("diastolic_1", "90"), ("systolic_2", "196"), ("diastolic_2", "88"),
    ("temperature_c", "36,8"), ("spo2", "98"), ("resp_rate", "18"), ("glucose_mmol", "5,4"),
)


def nurse_key(app_, code, text=""):
    """One key press and release sent to whatever has the keyboard focus, as a keyboard does."""
    key(app_.focusWidget(), code, text)


def test_an_unusual_value_never_eats_the_next_number(app, qtbot, ctx, nurse, page):
    visit = open_visit(ctx, nurse)
    pick_from_queue(qtbot, page, visit)
    form, app_ = page.vitals, QApplication.instance()
    for _field, typed in NURSE_SET:
        for ch in typed:
            nurse_key(app_, ord(ch) if ch.isdigit() else Qt.Key.Key_Comma, ch)
        nurse_key(app_, Qt.Key.Key_Return)
    assert app_.focusWidget() is form.fasting  # the form kept pace: no Enter was spent on a warning
    for field, typed in NURSE_SET:
        assert form.edits[field].text() == typed, f"{field} holds {form.edits[field].text()!r}, not {typed!r}"
    assert "xác nhận" in form.notes["systolic_1"].text() and "#a15c00" in form.notes["systolic_1"].text()
    for ch in ("\r", "\r", "\r", "\r", "\r"):  # fasting box and the four vision fields left empty: the last saves
        nurse_key(app_, Qt.Key.Key_Return, ch)
    # Nothing unusual is saved unconfirmed: the form goes back to each unusual value, in the form's order
    assert app_.focusWidget() is form.edits["pulse"] and form.edits["pulse"].selectedText() == "132"
    assert "Enter" in form.message.text() and form.message.isVisible()
    assert ctx.exam.vitals(visit.id).empty
    nurse_key(app_, Qt.Key.Key_Return)  # pulse 132 confirmed
    assert app_.focusWidget() is form.edits["systolic_1"] and form.edits["systolic_1"].selectedText() == "200"
    nurse_key(app_, Qt.Key.Key_Return)  # systolic 200 confirmed
    assert app_.focusWidget() is form.edits["systolic_2"]
    nurse_key(app_, Qt.Key.Key_Return)  # systolic 196 confirmed: nothing left to confirm, saved
    qtbot.waitUntil(lambda: form.record is not None and form.record.version == 1)
    stored = ctx.exam.vitals(visit.id)
    assert stored.values["pulse"] == 132 and stored.values["systolic_1"] == 200
    assert stored.values["diastolic_1"] == 90 and stored.values["systolic_2"] == 196
    assert stored.values["diastolic_2"] == 88 and stored.values["temperature_c"] == 36.8
    assert set(stored.confirmed) == {"pulse", "systolic_1", "systolic_2"}


def test_a_value_retyped_while_confirming_is_a_correction(app, qtbot, ctx, nurse, page):
    visit = open_visit(ctx, nurse)
    pick_from_queue(qtbot, page, visit)
    form, app_ = page.vitals, QApplication.instance()
    form.edits["systolic_1"].setFocus()
    for typed in ("200", "82", "124", "80"):
        for ch in typed:
            nurse_key(app_, ord(ch), ch)
        nurse_key(app_, Qt.Key.Key_Return)
    assert [form.edits[k].text() for k in ("systolic_1", "diastolic_1", "systolic_2", "diastolic_2")] == \
        ["200", "82", "124", "80"]
    form._shortcut.activated.emit()  # Ctrl+S
    assert app_.focusWidget() is form.edits["systolic_1"]  # back on the unusual value, selected
    for ch in "120":  # the nurse sees it was 120 on the paper
        nurse_key(app_, ord(ch), ch)
    assert form.edits["systolic_1"].text() == "120"
    nurse_key(app_, Qt.Key.Key_Return)  # nothing unusual left: saved
    qtbot.waitUntil(lambda: form.record is not None and form.record.version == 1)
    stored = ctx.exam.vitals(visit.id)
    assert stored.values["systolic_1"] == 120 and stored.confirmed == ()


def in_sight(widget):
    """Whether the whole of ``widget`` is drawn on screen (not scrolled away, not clipped by a scroll area)."""
    return widget.isVisible() and widget.visibleRegion().boundingRect().size() == widget.size()


def test_saved_is_shown_beside_the_save_button_whatever_field_ctrl_s_came_from(app, qtbot, ctx, nurse, tasks):
    page = show_page(qtbot, ExamPage(ctx, tasks, ctx.station.info().site_id, nurse, Settings()), 1146, 600)
    visit = open_visit(ctx, nurse)
    pick_from_queue(qtbot, page, visit)
    form, app_ = page.vitals, QApplication.instance()
    for ch in "158":  # the first field, at the top of the form
        nurse_key(app_, ord(ch), ch)
    form._shortcut.activated.emit()  # Ctrl+S
    qtbot.waitUntil(lambda: form.record is not None and form.record.version == 1)
    assert "Đã lưu" in form.message.text() and in_sight(form.message) and in_sight(form.save_button)
    assert in_sight(form.first_field())  # the nurse's eyes are still at the top: Save and the message are too
    gap = form.save_button.mapTo(form, form.save_button.rect().topLeft()).y() - \
        form.message.mapTo(form, form.message.rect().bottomLeft()).y()
    assert 0 <= gap < 40  # right above the Save button
    page.hide()


def test_a_visit_measured_three_times_shows_the_pressure_of_the_last_two_when_opened_again(app, qtbot, ctx, nurse,
                                                                                          page):
    visit = open_visit(ctx, nurse)
    ctx.exam.save_vitals(nurse, visit.id, entries={"systolic_1": 200, "diastolic_1": 95, "systolic_2": 150,
                                           "diastolic_2": 90, "systolic_3": 140, "diastolic_3": 85},
                         confirmed_warnings=("systolic_1",))
    stored = ctx.exam.vitals(visit.id)
    assert (stored.bp_systolic, stored.bp_diastolic) == (145.0, 87.5)
    pick_from_queue(qtbot, page, visit)  # what the doctor sees on opening the visit: the same pressure and grade
    form = page.vitals
    assert form.bp_average.text() == "145/88"
    assert "độ 2" not in form.bp_note.text() and "độ 1" in form.bp_note.text()


def test_a_refused_decimal_is_written_with_the_vietnamese_comma(app, qtbot, ctx, nurse, page):
    visit = open_visit(ctx, nurse)
    pick_from_queue(qtbot, page, visit)
    form = page.vitals
    form.edits["temperature_c"].setFocus()
    type_text(form.edits["temperature_c"], "45,5")
    press_enter(form.edits["temperature_c"])
    assert "45,5 °C" in form.notes["temperature_c"].text() and "45.5" not in form.notes["temperature_c"].text()
    assert "43 °C" in form.notes["temperature_c"].text()
