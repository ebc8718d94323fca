"""The doctor's desk and counselling driven from the keyboard on a real station database."""
import functools
import os
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QStyle

from support.gui import load_form, press_enter, type_text
from station_app.core.checkup_book import Topic
from station_app.core.model import HealthClass, Specialty, VisitStatus
from station_app.ui.exam.counselling_form import CounsellingForm
from station_app.ui.exam.doctor_form import DoctorForm
from station_app.ui.exam.vitals_form import VitalsForm
from station_app.ui.tasks import Operation
from support.pl01 import answer_everything
from support.visits import add_vitals, open_visit

SHOTS = Path(__file__).resolve().parents[2] / "shots"


@pytest.fixture
def desk(desk):
    """The visit measured with stage-2 hypertension and overweight: the flags counselling suggests topics from; the
    national form's own fields (its other tabs) answered, so this desk's parts are what completion waits for."""
    add_vitals(desk[0], desk[3].id, systolic=162, bp_grade="grade_2", bmi_class="overweight")
    answer_everything(desk[0], desk[2], desk[3].id)
    return desk


def shoot(widget, name):
    if os.environ.get("SHOTS"):
        SHOTS.mkdir(exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def test_a_doctor_examines_and_concludes_from_the_keyboard(qtbot, desk):
    ctx, tasks, doctor, visit = desk
    form = load_form(qtbot, DoctorForm(ctx, tasks, doctor), visit, (1000, 1500))
    assert form.history.count() == 15  # a woman: pregnancy is asked
    qtbot.keyClick(form.history, Qt.Key.Key_Y)  # hypertension: yes, moves down
    for _ in range(9):
        qtbot.keyClick(form.history, Qt.Key.Key_N)
    qtbot.keyClick(form.history, Qt.Key.Key_Y)  # tobacco
    assert "Có" in form.history.item(10).text()
    qtbot.keyClick(form.history, Qt.Key.Key_Up)
    type_text(form.history_detail, "10 điếu mỗi ngày, 20 năm")
    press_enter(form.history_detail)
    assert form.history.item(10).text().endswith("– 10 điếu mỗi ngày, 20 năm")

    assert list(form.sections) == list(Specialty)
    for specialty, section in form.sections.items():
        if specialty != Specialty.INTERNAL:
            qtbot.keyClick(section.nad, Qt.Key.Key_K)
    internal = form.sections[Specialty.INTERNAL]
    type_text(internal.text, "Huyết áp 162/95 mmHg, tim đều")
    type_text(internal.icd, "tang huyet ap")
    press_enter(internal.icd)
    qtbot.keyClick(internal.nad, Qt.Key.Key_2)
    assert [d.code for d in internal.diagnoses] == ["I10"]
    assert not internal.nad.isChecked()
    assert form.sections[Specialty.EYES].classes.value() == HealthClass.I

    assert form.worst.text() == "II" and form.overall.value() == HealthClass.II
    assert not form.override_reason.isEnabled()
    qtbot.keyClick(form.overall.buttons[HealthClass.I], Qt.Key.Key_3)
    assert form.override_reason.isEnabled()
    form.save_button.click()
    assert "Hãy ghi lý do chọn phân loại khác" in form.message.text()
    assert ctx.findings.history(visit.id) == ()  # nothing saved
    type_text(form.override_reason, "Hút thuốc nhiều năm, cần theo dõi")
    type_text(form.advice, "Ăn nhạt, bỏ thuốc lá, đo lại huyết áp sau 2 tuần")
    type_text(form.referral_to, "Trung tâm Y tế huyện Tam Đường")
    type_text(form.referral_why, "Tăng huyết áp độ 2 lần đầu phát hiện")
    form.urgency.setCurrentIndex(1)
    shoot(form, "doctor.png")
    shoot(form.conclusion, "doctor-conclusion.png")
    form.save_button.click()
    qtbot.waitUntil(lambda: "Đã lưu" in form.message.text())

    conclusion = ctx.findings.conclusion(visit.id)
    assert (conclusion.computed_class, conclusion.overall_class) == (HealthClass.II, HealthClass.III)
    assert conclusion.doctor_name == "Lò Thị Lan" and conclusion.referral.to == "Trung tâm Y tế huyện Tam Đường"
    history = {h.item: h.answer for h in ctx.findings.history(visit.id)}
    assert history["hypertension"] and history["tobacco"] and not history["pregnant"]
    assert ctx.findings.history(visit.id)[10].detail == "10 điếu mỗi ngày, 20 năm"
    internal_saved = ctx.findings.findings(visit.id)[0]
    assert internal_saved.diagnoses[0].code == "I10" and internal_saved.text.startswith("Huyết áp 162/95")

    form.complete_button.click()
    qtbot.waitUntil(lambda: "hoàn thành" in form.message.text())
    assert ctx.registry.visit_by_id(visit.id).status == VisitStatus.REFERRED
    assert form.amend_reason.isVisible()


def test_completion_lists_what_is_missing(qtbot, desk):
    ctx, tasks, doctor, visit = desk
    form = load_form(qtbot, DoctorForm(ctx, tasks, doctor), visit, show=False)
    assert "Tiền sử" in form.missing.text() and "Sản phụ khoa" in form.missing.text()
    form.complete_button.click()
    qtbot.waitUntil(lambda: "còn thiếu" in form.message.text())
    assert "Kết luận" in form.message.text()


def test_counselling_suggests_topics_from_flags_and_inserts_templates(qtbot, desk):
    ctx, tasks, doctor, visit = desk
    form = load_form(qtbot, CounsellingForm(ctx, tasks, doctor), visit, (900, 700))
    hypertension = form.boxes[Topic.HYPERTENSION]
    assert hypertension.isChecked() and "gợi ý" in hypertension.text()
    assert form.boxes[Topic.NUTRITION].isChecked() and not form.boxes[Topic.TOBACCO].isChecked()
    assert "Tăng huyết áp độ 2" in form.from_flags.text()
    form.insert_button.click()
    assert "QĐ 3192/QĐ-BYT" in form.note.toPlainText()
    qtbot.keyClick(form.boxes[Topic.TOBACCO], Qt.Key.Key_Space)
    assert "1800 6606" in form.note.toPlainText()
    type_text(form.note, " Đã hẹn đo lại huyết áp ngày 7/12.")
    shoot(form, "counselling.png")
    with qtbot.waitSignal(form.saved) as signal:
        form.save_button.click()
    assert signal.args == [visit.id] and "Đã lưu" in form.message.text()
    saved = ctx.findings.counselling(visit.id)
    assert saved.topics == (Topic.NUTRITION, Topic.PHYSICAL_ACTIVITY, Topic.TOBACCO, Topic.HYPERTENSION)
    assert saved.text.endswith("ngày 7/12.")


def test_after_completion_a_change_asks_for_a_reason(qtbot, desk):
    from support.visits import fill_all

    ctx, tasks, doctor, visit = desk
    fill_all(ctx, doctor, visit.id)
    ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason=None, advice="Ăn nhạt", referral=None)
    ctx.findings.complete(doctor, visit.id)
    form = load_form(qtbot, DoctorForm(ctx, tasks, doctor), visit)
    assert form.amend_reason.isVisible() and form.overall.value() == HealthClass.II
    eyes = form.sections[Specialty.EYES]
    type_text(eyes.text, "Cận thị hai mắt")
    type_text(eyes.icd, "can thi")
    assert eyes.icd.completer().popup().isVisible()
    press_enter(eyes.icd)
    qtbot.keyClick(eyes.nad, Qt.Key.Key_2)
    form.save_button.click()
    qtbot.waitUntil(lambda: "lý do sửa" in form.message.text())
    type_text(form.amend_reason, "Bổ sung khám mắt")
    form.save_button.click()
    qtbot.waitUntil(lambda: "Đã lưu" in form.message.text())
    saved = {f.specialty: f for f in ctx.findings.findings(visit.id)}[Specialty.EYES]
    assert (saved.version, saved.diagnoses[0].code, saved.health_class) == (2, "H52.1", HealthClass.II)
    assert ctx.findings.conclusion(visit.id).overall_class == HealthClass.II


def test_one_key_per_specialty_moves_on_to_the_next(qtbot, desk):
    ctx, tasks, doctor, visit = desk
    form = DoctorForm(ctx, tasks, doctor)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    form.load(visit)
    qtbot.waitUntil(lambda: form.state is not None)
    form.sections[Specialty.INTERNAL].nad.setFocus()
    for _ in form.sections:
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_K)
    assert all(s.nad.isChecked() and s.classes.value() == HealthClass.I for s in form.sections.values())
    assert form.focusWidget() is form.overall.buttons[HealthClass.I]


def test_a_language_switch_retranslates_the_form(qtbot, desk):
    from station_app.ui import i18n

    ctx, tasks, doctor, visit = desk
    form = DoctorForm(ctx, tasks, doctor)
    qtbot.addWidget(form)
    i18n.set_language("en")
    try:
        assert form.save_button.text() in ("Lưu (Ctrl+S)", "Save (Ctrl+S)")  # English once the .ts has these strings
    finally:
        i18n.set_language("vi")
    assert form.save_button.text() == "Lưu (Ctrl+S)"


def test_a_man_after_a_woman_gets_no_obstetrics_and_nothing_of_hers(qtbot, desk, nurse):
    from station_app.core.model import Sex

    ctx, tasks, doctor, woman = desk
    man = open_visit(ctx, nurse, "Giàng A Páo", 1975, Sex.MALE)
    form = load_form(qtbot, DoctorForm(ctx, tasks, doctor), woman, (1000, 1500))
    sections = dict(form.sections)
    obgyn = form.sections[Specialty.OBGYN]
    assert obgyn.isVisible() and form.history.count() == 15
    qtbot.keyClick(form.history, Qt.Key.Key_Y)
    type_text(obgyn.text, "Viêm âm đạo")
    qtbot.keyClick(obgyn.nad, Qt.Key.Key_3)
    type_text(form.sections[Specialty.SKIN].icd, "nam da")
    type_text(form.advice, "Tái khám phụ khoa sau 1 tháng")
    assert form.worst.text() == "III"

    form.load(man)  # the woman's form was not saved: her typing is kept as her draft
    qtbot.waitUntil(lambda: form.state is not None)
    assert form.sections == sections  # the same sections, not rebuilt
    assert obgyn.isHidden() and not obgyn.text.text() and obgyn.classes.value() is None
    assert form.history.count() == 14 and form.history.item(0).checkState() == Qt.CheckState.Unchecked
    assert not form.sections[Specialty.SKIN].icd.text() and not form.advice.toPlainText()
    assert "chưa có" in form.worst.text() and form.overall.value() is None
    assert "Giàng A Páo" in form.title.text() and not form.drafts.discard_button.isVisible()
    assert ctx.exam.draft(woman.id, "doctor").fields["findings"]["obgyn"]["text"] == "Viêm âm đạo"
    form.sections[Specialty.INTERNAL].nad.setFocus()
    for _ in range(6):
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_K)
    assert form.focusWidget() is form.overall.buttons[HealthClass.I]  # surgery is the last for a man

    form.load(woman)
    qtbot.waitUntil(lambda: form.state is not None)
    assert obgyn.isVisible() and obgyn.text.text() == "Viêm âm đạo" and form.drafts.discard_button.isVisible()


def test_ctrl_enter_saves_what_is_on_screen_before_completing(qtbot, desk):
    """Completing must never drop what the doctor typed but did not save: Ctrl+Enter saves it first."""
    ctx, tasks, doctor, visit = desk
    form = load_form(qtbot, DoctorForm(ctx, tasks, doctor), visit, (1000, 1500))
    for _ in range(form.history.count()):
        qtbot.keyClick(form.history, Qt.Key.Key_N)
    for specialty, section in form.sections.items():
        qtbot.keyClick(section.nad, Qt.Key.Key_K)
    type_text(form.advice, "Giữ lối sống lành mạnh")
    qtbot.keyClick(form.advice, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "hoàn thành" in form.message.text() or "còn thiếu" in form.message.text())
    assert len(ctx.findings.history(visit.id)) == form.history.count()
    assert len(ctx.findings.findings(visit.id)) == len(form.examined())
    assert ctx.findings.conclusion(visit.id).advice == "Giữ lối sống lành mạnh"
    assert "Kết luận" not in form.message.text() and "Tiền sử" not in form.message.text()


DOCTOR_TAB_AT_1366 = (765, 530)  # the doctor's tab in the main window maximised on a 1366×768 laptop


def shown_form(qtbot, desk, size=DOCTOR_TAB_AT_1366):
    ctx, tasks, doctor, visit = desk
    form = load_form(qtbot, DoctorForm(ctx, tasks, doctor), visit, size)
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: form.history.hasFocus())
    return form


def in_view(area, widget):
    """The widget's whole rectangle inside the scroll area's viewport: the doctor sees the field typed in."""
    corner = widget.mapTo(area.viewport(), QPoint(0, 0))
    return area.viewport().rect().contains(QRect(corner, widget.size()))


def test_k_and_tab_keep_the_focused_field_in_view(qtbot, desk):
    form = shown_form(qtbot, desk)
    area = form.findChild(QScrollArea)
    sections = form.examined()
    sections[0].nad.setFocus()
    for section in sections[:-1]:  # K on each but the last: the focus goes down to the next specialty
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K)
    assert QApplication.focusWidget() is sections[-1].nad and in_view(area, sections[-1].nad)
    for _ in range(3):  # Tab down through the last specialty's fields
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert in_view(area, QApplication.focusWidget()), QApplication.focusWidget()
    form.save()  # Ctrl+S: "Đã lưu" right above the Save button, outside the scrolled fields
    qtbot.waitUntil(lambda: "Đã lưu" in form.message.text())
    gap = form.save_button.mapTo(form, QPoint(0, 0)).y() - form.message.mapTo(form, QPoint(0, form.message.height())).y()
    assert form.message.isVisible() and 0 <= gap < 60


def test_what_is_missing_and_the_error_follow_what_the_doctor_fills(qtbot, desk):
    form = shown_form(qtbot, desk)
    form.complete()  # Ctrl+Enter too early
    qtbot.waitUntil(lambda: "còn thiếu" in form.message.text())
    assert "Nội khoa" in form.missing.text() and "Nội khoa" in form.message.text()
    first = form.examined()[0]
    first.nad.setFocus()
    qtbot.keyClick(first.nad, Qt.Key.Key_K)  # internal medicine: no abnormality, class I
    assert "Nội khoa" not in form.missing.text() and "Nội khoa" not in form.message.text()
    assert "Mắt" in form.missing.text() and "Mắt" in form.message.text()
    for section in form.examined()[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K)
    assert "Tiền sử" in form.missing.text() and "Mắt" not in form.missing.text()
    form.history.setFocus()
    for _ in range(form.history.count()):
        qtbot.keyClick(form.history, Qt.Key.Key_N)
    assert "Còn thiếu" not in form.missing.text() and "có thể hoàn thành" in form.missing.text()
    assert not form.message.isVisible() or "còn thiếu" not in form.message.text()


def test_no_history_item_is_cut_on_a_1366_pixel_laptop(qtbot, desk):
    form = shown_form(qtbot, desk)
    history = form.history
    indicator = history.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    for n in range(history.count()):
        item = history.item(n)
        rect = history.visualItemRect(item)
        assert history.viewport().rect().contains(rect), f"{item.text()!r} is outside the list"
        needed = history.fontMetrics().boundingRect(QRect(0, 0, rect.width() - indicator - 12, 10_000),
                                                    Qt.TextFlag.TextWordWrap, item.text())
        assert needed.height() <= rect.height(), f"{item.text()!r} is cut"
    shoot(form, "doctor-history-1366.png")


@pytest.mark.parametrize("form_class", [VitalsForm, DoctorForm, CounsellingForm])
def test_a_desk_closed_while_its_visit_loads_shows_nothing_and_crashes_nothing(qtbot, desk, form_class,
                                                                             no_unexpected_errors):
    ctx, tasks, doctor, visit = desk
    gate = threading.Event()
    tasks.run(Operation(functools.partial(gate.wait, 10)), parent=None)  # the database lane is busy a moment
    form = form_class(ctx, tasks, doctor)
    form.show()
    form.load(visit)
    form.close()
    form.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(form))
    gate.set()
    assert tasks.wait(5_000)
    qtbot.wait(50)  # the load's queued result reaches the GUI thread, and is dropped
    assert not tasks.busy
