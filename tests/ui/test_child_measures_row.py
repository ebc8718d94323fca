"""The vital-signs desk's extra row for a child's form, from the keyboard: a 5-month-old's length and weight, the arm
and head circumferences typed in the row Enter reaches after the vision fields, the ratings proposed from the vital
signs, and the WHO z-scores stored with them when the vital signs are saved. An adult's visit has no such row."""
from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from support import visits
from support.exam import key, pick_from_queue
from station_app.core.model import Sex
from station_app.core.settings import Settings
from station_app.ui.pages.exam import ExamPage


@pytest.fixture
def page(app, qtbot, ctx, nurse, tasks):
    from support.gui import show_page

    made = show_page(qtbot, ExamPage(ctx, tasks, ctx.station.info().site_id, nurse, Settings()), 1180, 760)
    yield made
    if shiboken6.isValid(made):
        made.hide()
    tasks.wait()


def typed(app_, text):
    """Digits (and the decimal comma) then Enter, into whatever has the focus, as a keyboard sends them."""
    for ch in text:
        key(app_.focusWidget(), ord(ch) if ch.isdigit() else Qt.Key.Key_Comma, ch)
    key(app_.focusWidget(), Qt.Key.Key_Return)


def test_a_five_month_olds_circumferences_and_z_scores_are_recorded_from_the_keyboard(qtbot, page, ctx, nurse):
    born = dt.date.today() - dt.timedelta(days=155)
    infant = visits.open_visit(ctx, nurse, "Lò Văn An", born.year, Sex.MALE, groups=(), birth_date=born)
    pick_from_queue(qtbot, page, infant)
    form, app_ = page.vitals, QApplication.instance()
    qtbot.waitUntil(lambda: "VONG_DAU" in form.child.edits and form.child.edits["VONG_DAU"].isVisible())
    assert list(form.child.edits) == ["CHU_VI_VONG_CANH_TAY", "VONG_DAU"]
    assert list(form.child.combos) == ["DGDHST_NHIET_DO", "DGDHST_MACH", "DGDHST_NHIP_THO"]
    typed(app_, "61,7")  # length
    typed(app_, "7,5")  # weight
    form.edits["vision_left_glasses"].setFocus()  # the nurse skips to the last vision field
    key(app_.focusWidget(), Qt.Key.Key_Return)
    assert app_.focusWidget() is form.child.edits["CHU_VI_VONG_CANH_TAY"]
    typed(app_, "135")
    typed(app_, "42,5")
    for _rating in form.child.combos:  # each rating left to the vital signs: Enter moves on
        key(app_.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "VONG_DAU" in {s.answer.code for s in ctx.answers.answers(infant.id)})
    stored = {s.answer.code: s.answer.value for s in ctx.answers.answers(infant.id)}
    assert stored["CHU_VI_VONG_CANH_TAY"] == "135" and stored["VONG_DAU"] == "42.5"
    assert float(stored["CHIEU_DAI_TUOI_SD"]) == pytest.approx(-2, abs=0.15)
    assert float(stored["CAN_NANG_TUOI_SD"]) == pytest.approx(0, abs=0.15)
    qtbot.waitUntil(lambda: "Z-score theo WHO" in form.child.zscores.text()
                    and stored["CAN_NANG_TUOI_SD"] in form.child.zscores.text())


def test_a_circumference_outside_its_limits_is_refused_before_anything_is_saved(qtbot, page, ctx, nurse):
    born = dt.date.today() - dt.timedelta(days=155)
    infant = visits.open_visit(ctx, nurse, "Lò Văn An", born.year, Sex.MALE, groups=(), birth_date=born)
    pick_from_queue(qtbot, page, infant)
    form, app_ = page.vitals, QApplication.instance()
    qtbot.waitUntil(lambda: "VONG_DAU" in form.child.edits and form.child.edits["VONG_DAU"].isVisible())
    typed(app_, "61,7")
    form.child.edits["VONG_DAU"].setFocus()
    typed(app_, "425")
    qtbot.keyClick(app_.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Vòng đầu: giá trị phải từ 25 đến 60 cm" in form.message.text())
    assert app_.focusWidget() is form.child.edits["VONG_DAU"]
    assert ctx.exam.vitals(infant.id).empty


def test_an_adults_visit_has_no_child_row(qtbot, page, ctx, nurse):
    adult = visits.open_visit(ctx, nurse, year=1978, groups=())
    pick_from_queue(qtbot, page, adult)
    qtbot.waitUntil(lambda: page.vitals.child.measures is not None)
    assert not page.vitals.child.isVisible() and page.vitals.child.inputs() == []
