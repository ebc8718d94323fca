"""The counselling desk left half-filled is offered again with the topics and every word typed; saving or
discarding removes the draft."""
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from support.gui import load_form, type_text
from station_app.core.checkup_book import Topic
from station_app.services.station.examination import COUNSELLING_DESK
from station_app.ui.exam.counselling_form import CounsellingForm
from support.visits import add_vitals

SHOTS = Path(__file__).resolve().parents[2] / "shots"
TYPED = " Đã hẹn đo lại huyết áp ngày 7/12 tại trạm y tế xã."


@pytest.fixture
def desk(desk):
    """The visit measured with stage-2 hypertension and overweight: the flags counselling suggests topics from."""
    add_vitals(desk[0], desk[3].id, bp_grade="grade_2", bmi_class="overweight")
    return desk


def opened_form(qtbot, desk, closed_by_test=False):
    ctx, tasks, doctor, visit = desk
    return load_form(qtbot, CounsellingForm(ctx, tasks, doctor), visit, (900, 700), owned=not closed_by_test)


def draft_of(ctx, visit):
    draft = ctx.exam.draft(visit.id, COUNSELLING_DESK)
    return None if draft is None else draft.fields


def ticked(form):
    return [topic for topic, box in form.boxes.items() if box.isChecked()]


def test_a_half_filled_counselling_form_is_offered_again(qtbot, desk):
    ctx, _tasks, _doctor, visit = desk
    form = opened_form(qtbot, desk, closed_by_test=True)
    assert ticked(form) == [Topic.NUTRITION, Topic.PHYSICAL_ACTIVITY, Topic.HYPERTENSION]  # suggested
    qtbot.keyClick(form.boxes[Topic.PHYSICAL_ACTIVITY], Qt.Key.Key_Space)  # not for this resident
    qtbot.keyClick(form.boxes[Topic.TOBACCO], Qt.Key.Key_Space)  # ticked: its template goes into the note
    form.insert_button.click()
    type_text(form.note, TYPED)
    note, topics = form.note.toPlainText(), ticked(form)
    assert "1800 6606" in note and note.endswith(TYPED)
    form.save_draft_now(wait=True)  # the exam page hides: the app is closing
    form.close()
    form.deleteLater()
    qtbot.wait(10)
    assert ctx.findings.counselling(visit.id) is None  # nothing saved

    again = opened_form(qtbot, desk)
    assert ticked(again) == topics and again.note.toPlainText() == note
    assert again.drafts.note.text().startswith("Đã mở lại phiếu đang nhập dở (lưu nháp lúc ")
    assert again.drafts.discard_button.isVisible()
    assert "gợi ý" in again.boxes[Topic.PHYSICAL_ACTIVITY].text()  # still marked as suggested, left unticked
    again.save_button.click()
    qtbot.waitUntil(lambda: "Đã lưu" in again.message.text())
    assert draft_of(ctx, visit) is None and again.drafts.discard_button.isHidden()
    saved = ctx.findings.counselling(visit.id)
    assert saved.topics == (Topic.NUTRITION, Topic.TOBACCO, Topic.HYPERTENSION) and saved.text == note.strip()


def test_the_draft_is_written_a_second_after_the_last_key_and_can_be_discarded(qtbot, desk):
    ctx, _tasks, doctor, visit = desk
    ctx.findings.save_counselling(doctor, visit.id, topics=[Topic.NUTRITION], text="Ăn ít muối.")
    form = opened_form(qtbot, desk)
    type_text(form.note, " Uống đủ nước.")
    qtbot.waitUntil(lambda: draft_of(ctx, visit) is not None, timeout=3000)
    assert draft_of(ctx, visit)["note"] == "Ăn ít muối. Uống đủ nước."
    form.load(visit)
    qtbot.waitUntil(lambda: form.drafts.discard_button.isVisible())
    assert form.note.toPlainText() == "Ăn ít muối. Uống đủ nước."
    form.drafts.discard_button.click()
    qtbot.waitUntil(lambda: form.drafts.discard_button.isHidden() and form.state is not None)
    assert form.note.toPlainText() == "Ăn ít muối." and ticked(form) == [Topic.NUTRITION]
    assert draft_of(ctx, visit) is None and not form.drafts.note.text()


def test_screenshot_of_the_suggested_topics(qtbot, desk):
    form = opened_form(qtbot, desk)
    form.insert_button.click()
    if os.environ.get("SHOTS"):
        SHOTS.mkdir(exist_ok=True)
        form.grab().save(str(SHOTS / "counselling.png"))
    assert all("gợi ý" in form.boxes[t].text() for t in form.suggested)
