"""The national form's desks in the real exam page: a doctor fills the parts of form 2 with K and keys, a hearing
distance no ear can have is refused, a field is marked refused, the answers are stored and, once the visit is
completed, changed only with a reason; a 5-month-old gets the milestones tab; the form changed with a reason
rebuilds the desks."""
from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from support.exam import key
from support.gui import press_enter, show_page, type_text
from support.visits import open_visit
from station_app.core.model import Sex, VisitStatus
from station_app.core.pl01_answers import AnswerStatus
from station_app.core.settings import Settings
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.ui.exam.pl01_desk import ChildDevelopmentDesk, DoctorPl01Desk, MarkDialog
from station_app.ui.pages.exam import ExamPage


def _page(qtbot, ctx, tasks, user):
    return show_page(qtbot, ExamPage(ctx, tasks, ctx.station.info().site_id, user, Settings()), 1366, 768)


@pytest.fixture
def doctor_page(app, qtbot, ctx, doctor, tasks):
    page = _page(qtbot, ctx, tasks, doctor)
    yield page
    if shiboken6.isValid(page):
        page.sources.stop()
        page.hide()
    tasks.wait()


def desk_of(page, kind):
    return next(form for form, _title in page.desks if isinstance(form, kind))


def tab_shown(page, desk) -> bool:
    return page.tabs.isTabVisible(page.tabs.indexOf(page._tab_of(desk)))


def open_on(qtbot, page, visit, kind=DoctorPl01Desk):
    page.open_visit(visit)
    qtbot.waitUntil(lambda: page.visit_form is not None)
    desk = desk_of(page, kind)
    page.show_desk(desk)
    qtbot.waitUntil(lambda: desk.loaded is not None and desk.loaded.visit_id == visit.id)
    return desk


def focused():
    return QApplication.focusWidget()


def stored(ctx, visit):
    return {(s.answer.code, s.answer.item): s for s in ctx.answers.answers(visit.id)}


def test_a_doctor_fills_form_2_with_k_and_keys_and_the_answers_are_stored(qtbot, doctor_page, ctx, nurse):
    visit = open_visit(ctx, nurse, "Lò Văn Đức", 1980, Sex.MALE)
    page = doctor_page
    desk = open_on(qtbot, page, visit)
    assert page.form_label.text().startswith("Mẫu 2 – Người lớn")
    assert not tab_shown(page, desk_of(page, ChildDevelopmentDesk))  # an adult has no milestones
    titles = [box.title() for box in desk.parts]
    assert "Tiền sử sản phụ khoa" not in titles  # a man: no obstetric history
    # personal history: an ICD-10 code and the year it was found, then Enter on an empty search moves on
    assert focused() is desk.parts[0].inputs[0].search
    type_text(focused(), "I10")
    press_enter(focused())
    assert focused().objectName() == "TSBT_NAM_PHAT_HIEN_BENH"
    type_text(focused(), "2015")
    press_enter(focused())
    press_enter(focused())  # nothing more in the history
    press_enter(focused())  # no occupational disease
    # physical fitness and internal medicine's 8 parts: K = nothing abnormal, except breathing
    assert focused().objectName() == "normal"
    key(focused(), Qt.Key.Key_K, "k")  # fitness: Loại I
    key(focused(), Qt.Key.Key_K, "k")  # circulation
    press_enter(focused())  # breathing: into its fields
    assert focused().objectName() == "NOI_KHOA_HO_HAP"
    type_text(focused(), "Ran ẩm đáy phổi phải")
    press_enter(focused())
    key(focused(), Qt.Key.Key_2, "2")  # class II, and on to the next part
    for _ in range(6):
        assert focused().objectName() == "normal"
        key(focused(), Qt.Key.Key_K, "k")
    # hearing: metres; 25 m cannot be right
    assert focused().objectName() == "TAI_TRAI_NOI_THUONG"
    type_text(focused(), "25")
    press_enter(focused())
    assert focused().objectName() == "TAI_TRAI_NOI_THUONG"
    assert "nói thường" in desk.message.text() and "từ 0 đến 10" in desk.message.text()
    focused().selectAll()
    type_text(focused(), "5")
    press_enter(focused())
    # whispered voice, left ear: refused (F8, Enter)
    assert focused().objectName() == "TAI_TRAI_NOI_THAM"
    key(focused(), Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: isinstance(getattr(desk, "mark_dialog", None), MarkDialog) and desk.mark_dialog.isVisible())
    press_enter(desk.mark_dialog.reason)
    qtbot.waitUntil(lambda: focused() is not None and focused().objectName() == "TAI_TRAI_NOI_THAM")
    assert "Từ chối" in desk.parts[-2].inputs[1].mark_label.text()
    press_enter(focused())
    type_text(focused(), "5")
    press_enter(focused())
    type_text(focused(), "0,5")
    press_enter(focused())
    key(focused(), Qt.Key.Key_K, "k")  # the jaws: Bình thường
    assert focused() is desk.save_button
    press_enter(focused())  # Enter after the last part saves
    qtbot.waitUntil(lambda: desk.message.text() == "Đã lưu.")

    answers = stored(ctx, visit)
    value = {k: s.answer.value for k, s in answers.items()}
    assert value[("TSBT_MA_BENH", 0)] == "I10" and value[("TSBT_NAM_PHAT_HIEN_BENH", 0)] == "2015"
    assert value[("KHAM_THE_LUC_PL", 0)] == "1"
    assert (value[("NOI_KHOA_TUAN_HOAN", 0)], value[("NOI_KHOA_TUAN_HOAN_PL", 0)]) == ("Bình thường", "1")
    assert (value[("NOI_KHOA_HO_HAP", 0)], value[("NOI_KHOA_HO_HAP_PL", 0)]) == ("Ran ẩm đáy phổi phải", "2")
    assert value[("NOI_KHOA_TAM_THAN_PL", 0)] == "1"
    assert (value[("TAI_TRAI_NOI_THUONG", 0)], value[("TAI_PHAI_NOI_THAM", 0)]) == ("5", "0.5")
    assert answers[("TAI_TRAI_NOI_THAM", 0)].answer.status == AnswerStatus.REFUSED
    assert value[("HAM_TREN", 0)] == value[("HAM_DUOI", 0)] == "Bình thường"
    assert answers[("NOI_KHOA_HO_HAP", 0)].desk == "doctor:internal" and answers[("HAM_TREN", 0)].desk == "doctor:dental"


def test_after_completion_a_change_needs_a_reason_and_keeps_the_version(qtbot, doctor_page, ctx, nurse, doctor):
    visit = open_visit(ctx, nurse, "Lò Văn Đức", 1980, Sex.MALE)
    from station_app.core.pl01_answers import Answer
    ctx.answers.save(doctor, visit.id, desk="doctor:dental", answers=[Answer("HAM_TREN", "Bình thường")])
    with UnitOfWork(ctx.db) as uow:
        uow.answers.visit(visit.id).status = VisitStatus.COMPLETED.value
        uow.commit()
    desk = open_on(qtbot, doctor_page, visit)
    jaw = next(i for box in desk.parts for i in box.inputs if i.code == "HAM_TREN")
    assert jaw.edit.text() == "Bình thường" and desk.amend_reason.isVisible()
    jaw.edit.selectAll()
    type_text(jaw.edit, "Sâu răng 16")
    qtbot.keyClick(jaw.edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "lý do" in desk.message.text().lower())
    assert stored(ctx, visit)[("HAM_TREN", 0)].answer.value == "Bình thường"
    type_text(desk.amend_reason, "Khám lại dưới đèn")
    qtbot.keyClick(desk.amend_reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.message.text() == "Đã lưu.")
    now = stored(ctx, visit)[("HAM_TREN", 0)]
    assert (now.answer.value, now.version) == ("Sâu răng 16", 2)


def test_a_five_month_old_gets_the_milestones_tab(qtbot, app, ctx, nurse, tasks):
    today = dt.date.today()
    born = (today.replace(day=1) - dt.timedelta(days=140)).replace(day=min(today.day, 28))
    visit = open_visit(ctx, nurse, "Lò Bảo Anh", born.year, Sex.FEMALE, birth_date=born)
    page = _page(qtbot, ctx, tasks, nurse)
    desk = open_on(qtbot, page, visit, ChildDevelopmentDesk)
    assert page.form_label.text().startswith("Mẫu 8")
    assert tab_shown(page, desk)
    assert not page.form_button.isVisible()  # a nurse does not change the form
    first = desk.parts[0].inputs[0]
    assert first.code == "NHIN_THEO" and focused() is first.combo
    key(focused(), Qt.Key.Key_C, "c")  # follows with the eyes: yes, and on
    key(focused(), Qt.Key.Key_N, "n")  # shows interest: no
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.message.text() == "Đã lưu.")
    value = {k: s.answer.value for k, s in stored(ctx, visit).items()}
    assert value == {("NHIN_THEO", 0): "1", ("BIEU_HIEN_THICH_THU", 0): "0"}
    page.hide()
    tasks.wait()


def test_what_is_typed_is_kept_as_a_draft_and_offered_again(qtbot, doctor_page, ctx, nurse):
    visit = open_visit(ctx, nurse, "Lò Văn Đức", 1980, Sex.MALE)
    desk = open_on(qtbot, doctor_page, visit)
    jaw = next(i for box in desk.parts for i in box.inputs if i.code == "HAM_DUOI")
    type_text(jaw.edit, "Mất răng 36")
    desk.save_draft_now(wait=True)
    desk.load(visit)
    qtbot.waitUntil(lambda: desk.loaded is not None and desk.drafts.note.isVisible())
    jaw = next(i for box in desk.parts for i in box.inputs if i.code == "HAM_DUOI")
    assert jaw.edit.text() == "Mất răng 36"
    assert ctx.answers.answers(visit.id) == []  # a draft is not an answer


def test_the_doctor_changes_the_form_with_a_reason_and_the_desks_rebuild(qtbot, doctor_page, ctx, nurse):
    visit = open_visit(ctx, nurse, "Lò Văn Đức", 1980, Sex.MALE)
    page = doctor_page
    desk = open_on(qtbot, page, visit)
    assert page.form_button.isVisible()
    qtbot.keyClick(page.who, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(page, "form_dialog", None) is not None and page.form_dialog.isVisible())
    dialog = page.form_dialog
    for _ in range(2):
        key(dialog.form, Qt.Key.Key_Down)  # form 2 → 6 → 7
    key(dialog.form, Qt.Key.Key_Down)  # → 8
    assert dialog.form.currentData() == 8
    press_enter(dialog.reason)  # no reason: refused, the dialog stays
    assert dialog.isVisible() and "lý do" in dialog.message.text()
    type_text(dialog.reason, "Ngày sinh trên thẻ sai")
    press_enter(dialog.reason)
    qtbot.waitUntil(lambda: page.form_label.text().startswith("Mẫu 8"))
    assert "bác sĩ đổi từ mẫu 2: Ngày sinh trên thẻ sai" in page.form_label.text()
    assert tab_shown(page, desk_of(page, ChildDevelopmentDesk))
    qtbot.waitUntil(lambda: desk.loaded is not None and desk.loaded.form.number == 8)
    codes = {i.code for box in desk.parts for i in box.inputs}
    assert "THOP" in codes and "NOI_KHOA_HO_HAP" not in codes
    assert ctx.answers.visit_form(visit.id).number == 8
