"""Unusual values at the national form's desks (issue 18: "warnings confirm unusual ones"): a hearing distance
under 4 m (spoken voice) or 0.5 m (whispered) is taken, shown in amber, and asked to be confirmed before the desk
saves, as the vital-signs desk does; a confirmed value is saved, a corrected one needs nothing more."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from station_app.core.model import Sex
from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.services.common.pl01_forms import form
from station_app.ui.exam import pl01_state as st
from station_app.ui.exam.pl01_desk import DoctorPl01Desk
from support.gui import press_enter, type_text
from support.visits import open_visit

SPOKEN, WHISPERED, RIGHT_SPOKEN = "TAI_TRAI_NOI_THUONG", "TAI_TRAI_NOI_THAM", "TAI_PHAI_NOI_THUONG"


# -- the rule, without a window ---------------------------------------------------------------------------------

def test_a_value_outside_the_warning_limits_is_unusual_and_says_what_is_usual():
    spoken = form(2).field(SPOKEN)
    warning = st.unusual(spoken, st.parse(spoken, "3"))
    assert warning is not None and warning.template == st.UNUSUAL_FROM
    assert warning.values["value"] == "3 m" and warning.values["low"] == "4 m"
    assert st.unusual(spoken, st.parse(spoken, "5")) is None and st.unusual(spoken, "") is None
    whispered = st.unusual(form(2).field(WHISPERED), st.parse(form(2).field(WHISPERED), "0,3"))
    assert whispered is not None and whispered.values["value"] == "0,3 m"
    born = form(13).field("TUAN_THAI_KHI_SINH")
    assert st.unusual(born, "35").template == st.UNUSUAL_BETWEEN
    assert st.unusual(born, "99") is None  # "no information" is a code, not a number
    assert st.parse(spoken, "3") == "3"  # unusual is not refused


def test_a_save_waits_for_each_unusual_value_not_yet_confirmed():
    fields = [form(2).field(c) for c in (SPOKEN, WHISPERED, RIGHT_SPOKEN)]
    answers = [Answer(SPOKEN, "3"), Answer(WHISPERED, "0.3"), Answer(RIGHT_SPOKEN, "6")]
    assert st.unconfirmed(fields, answers, []) == [SPOKEN, WHISPERED]
    assert st.unconfirmed(fields, answers, [SPOKEN]) == [WHISPERED]
    refused = [Answer(SPOKEN, None, status=AnswerStatus.REFUSED)]
    assert st.unconfirmed(fields, refused, []) == []


# -- at the desk, with the keys ---------------------------------------------------------------------------------

@pytest.fixture
def doctor_page(exam_page, doctor):
    return exam_page(doctor, 1366, 768)


def focused():
    return QApplication.focusWidget()


def stored(ctx, visit):
    return {s.answer.code: s.answer.value for s in ctx.answers.answers(visit.id)}


def test_the_doctor_confirms_one_unusual_hearing_distance_and_corrects_another(qtbot, doctor_page, ctx, nurse):
    visit = open_visit(ctx, nurse, "Lò Văn Đức", 1980, Sex.MALE)
    page = doctor_page
    page.open_visit(visit)
    qtbot.waitUntil(lambda: page.visit_form is not None)
    desk = next(form for form, _title in page.desks if isinstance(form, DoctorPl01Desk))
    page.show_desk(desk)
    qtbot.waitUntil(lambda: desk.loaded is not None and desk.loaded.visit_id == visit.id)
    inputs = {i.code: i for i in desk.line_inputs()}
    spoken, whispered = inputs[SPOKEN], inputs[WHISPERED]
    spoken.edit.setFocus()  # the hearing part, as Enter and K reach it (tests/ui/test_pl01_desk.py)

    type_text(focused(), "3")
    assert "3 m là bất thường (thường từ 4 m trở lên)" in spoken.warn_label.text()  # amber as it is typed
    press_enter(focused())
    assert focused() is whispered.edit  # an unusual value does not hold up the typing
    type_text(focused(), "0,3")
    press_enter(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # not saved: the focus goes back to the first value to confirm, selected
    assert focused() is spoken.edit and spoken.edit.selectedText() == "3"
    assert "còn 2 giá trị bất thường cần xác nhận" in desk.message.text()
    assert "Enter để xác nhận" in spoken.warn_label.text()
    assert stored(ctx, visit) == {}
    press_enter(focused())  # 3 m: confirmed; on to the next one
    assert "Đã xác nhận" in spoken.warn_label.text()
    assert focused() is whispered.edit and whispered.edit.selectedText() == "0,3"
    type_text(focused(), "1")  # a correction replaces it: nothing more to confirm
    assert whispered.warn_label.text() == ""
    press_enter(focused())
    qtbot.waitUntil(lambda: desk.message.text() == "Đã lưu.")
    assert stored(ctx, visit) == {SPOKEN: "3", WHISPERED: "1"}

    desk.load(visit)  # a value saved before was confirmed then: the next save asks nothing
    qtbot.waitUntil(lambda: desk.loaded is not None and any(i.edit.text() == "3" for i in desk.line_inputs()))
    spoken = next(i for i in desk.line_inputs() if i.code == SPOKEN)
    assert "Đã xác nhận" in spoken.warn_label.text()
    right = next(i for i in desk.line_inputs() if i.code == RIGHT_SPOKEN)
    right.edit.setFocus()
    type_text(focused(), "6")
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.message.text() == "Đã lưu.")
    assert stored(ctx, visit)[RIGHT_SPOKEN] == "6"
