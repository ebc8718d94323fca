"""The doctor's form left half-filled (app closed, battery dead) is offered again with everything typed; saving or
discarding removes the draft; a process killed in the middle of saving a conclusion leaves the database whole."""
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from PySide6.QtCore import Qt

from support.gui import load_form, press_enter, type_text
from station_app.core.checkup_book import Urgency
from station_app.core.model import HealthClass, Specialty
from station_app.persistence.database import DB_FILE_NAME
from station_app.persistence.tables import AuditEventRow, ConclusionRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.station.examination import DOCTOR_DESK
from station_app.ui.exam.doctor_form import DoctorForm
from support.visits import DOCTOR_PASSWORD, fill_all, make_doctor, open_visit

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"


def opened_form(qtbot, desk, closed_by_test=False):
    ctx, tasks, doctor, visit = desk
    return load_form(qtbot, DoctorForm(ctx, tasks, doctor), visit, (1000, 1500), owned=not closed_by_test)


def close_without_saving(qtbot, form):
    """The app closed (or the battery died): the form is gone, nothing was saved."""
    form.close()
    form.deleteLater()
    qtbot.wait(10)  # let Qt run the deferred deletion


def draft_of(ctx, visit):
    draft = ctx.exam.draft(visit.id, DOCTOR_DESK)
    return None if draft is None else draft.fields


def fill_half(qtbot, form):
    """History, two specialties, a half-typed ICD-10 search and the whole conclusion, Vietnamese text included."""
    qtbot.keyClick(form.history, Qt.Key.Key_Y)  # hypertension: yes
    for _ in range(9):
        qtbot.keyClick(form.history, Qt.Key.Key_N)
    qtbot.keyClick(form.history, Qt.Key.Key_Y)  # tobacco
    qtbot.keyClick(form.history, Qt.Key.Key_Up)
    type_text(form.history_detail, "Hút thuốc lào 10 điếu mỗi ngày")
    press_enter(form.history_detail)
    qtbot.keyClick(form.sections[Specialty.EYES].nad, Qt.Key.Key_K)
    internal = form.sections[Specialty.INTERNAL]
    type_text(internal.text, "Huyết áp 162/95 mmHg, tim đều, phổi không rale")
    type_text(internal.icd, "tang huyet ap")
    press_enter(internal.icd)
    qtbot.keyClick(internal.nad, Qt.Key.Key_2)
    type_text(form.sections[Specialty.ENT].icd, "viêm họng")  # a search left half-way
    qtbot.keyClick(form.overall.buttons[HealthClass.I], Qt.Key.Key_3)
    type_text(form.override_reason, "Hút thuốc nhiều năm, cần theo dõi sát")
    type_text(form.advice, "Ăn nhạt, bỏ thuốc lào, đo lại huyết áp sau 2 tuần")
    type_text(form.referral_to, "Trung tâm Y tế huyện Tam Đường")
    type_text(form.referral_why, "Tăng huyết áp độ 2 lần đầu phát hiện")
    form.urgency.setCurrentIndex(list(Urgency).index(Urgency.SOON))


def test_a_half_filled_doctors_form_is_offered_again_with_everything_typed(qtbot, desk):
    ctx, _tasks, _doctor, visit = desk
    form = opened_form(qtbot, desk, closed_by_test=True)
    assert not form.drafts.note.text() and form.drafts.discard_button.isHidden()
    fill_half(qtbot, form)
    typed = form.draft_fields()
    # a second after the last key the draft is written by itself: nothing else runs before the battery dies
    qtbot.waitUntil(lambda: draft_of(ctx, visit) == typed, timeout=3000)
    close_without_saving(qtbot, form)
    assert ctx.findings.history(visit.id) == () and ctx.findings.conclusion(visit.id) is None

    again = opened_form(qtbot, desk)
    assert again.draft_fields() == typed
    assert again.drafts.note.text().startswith("Đã mở lại phiếu đang nhập dở (lưu nháp lúc ")
    assert again.drafts.discard_button.isVisible()
    assert again.history.item(0).checkState() == Qt.CheckState.Checked
    assert again.history.item(10).text().endswith("– Hút thuốc lào 10 điếu mỗi ngày")
    internal = again.sections[Specialty.INTERNAL]
    assert internal.text.text() == "Huyết áp 162/95 mmHg, tim đều, phổi không rale"
    assert [d.code for d in internal.diagnoses] == ["I10"] and internal.classes.value() == HealthClass.II
    assert again.sections[Specialty.EYES].nad.isChecked()
    assert again.sections[Specialty.ENT].icd.text() == "viêm họng"
    assert again.worst.text() == "II" and again.overall.value() == HealthClass.III
    assert again.override_reason.isEnabled() and again.override_reason.text() == "Hút thuốc nhiều năm, cần theo dõi sát"
    assert again.advice.toPlainText() == "Ăn nhạt, bỏ thuốc lào, đo lại huyết áp sau 2 tuần"
    assert again.referral_to.text() == "Trung tâm Y tế huyện Tam Đường"
    assert again.referral_why.text() == "Tăng huyết áp độ 2 lần đầu phát hiện"
    assert again.urgency.currentData() == Urgency.SOON.value
    if os.environ.get("SHOTS"):
        SHOTS.mkdir(exist_ok=True)
        again.grab().save(str(SHOTS / "doctor-draft.png"))

    again.sections[Specialty.ENT].icd.clear()  # the half-typed search is not a finding
    again.save_button.click()
    qtbot.waitUntil(lambda: "Đã lưu" in again.message.text())
    assert draft_of(ctx, visit) is None
    assert not again.drafts.note.text() and again.drafts.discard_button.isHidden()
    conclusion = ctx.findings.conclusion(visit.id)
    assert (conclusion.overall_class, conclusion.advice) == (HealthClass.III, "Ăn nhạt, bỏ thuốc lào, đo lại huyết áp sau 2 tuần")
    assert conclusion.referral.urgency == Urgency.SOON
    assert ctx.findings.history(visit.id)[10].detail == "Hút thuốc lào 10 điếu mỗi ngày"


def test_closing_the_page_writes_the_last_keys_at_once(qtbot, desk):
    ctx, _tasks, _doctor, visit = desk
    form = opened_form(qtbot, desk, closed_by_test=True)
    type_text(form.sections[Specialty.SKIN].text, "Nấm da vùng bẹn")
    form.save_draft_now(wait=True)  # what the exam page does when it is hidden or the window closes
    close_without_saving(qtbot, form)
    assert draft_of(ctx, visit)["findings"][Specialty.SKIN.value]["text"] == "Nấm da vùng bẹn"


def test_discarding_the_draft_shows_the_visit_as_saved(qtbot, desk):
    ctx, _tasks, doctor, visit = desk
    ctx.findings.save_finding(doctor, visit.id, specialty=Specialty.INTERNAL, no_abnormality=False, text="Tim đều", diagnoses=[], health_class=HealthClass.I)
    form = opened_form(qtbot, desk)
    internal = form.sections[Specialty.INTERNAL]
    type_text(internal.text, ", có tiếng thổi")
    form.save_draft_now(wait=True)
    form.load(form.visit)  # reopened: the draft is offered
    qtbot.waitUntil(lambda: form.drafts.discard_button.isVisible())
    assert internal.text.text() == "Tim đều, có tiếng thổi"
    form.drafts.discard_button.click()
    qtbot.waitUntil(lambda: form.state is not None and form.drafts.discard_button.isHidden())
    assert internal.text.text() == "Tim đều" and not form.drafts.note.text()
    assert draft_of(ctx, visit) is None


def test_a_refused_save_keeps_the_draft(qtbot, desk):
    ctx, _tasks, _doctor, visit = desk
    form = opened_form(qtbot, desk)
    skin = form.sections[Specialty.SKIN]
    qtbot.keyClick(skin.nad, Qt.Key.Key_3)  # a class without any finding: refused by the service
    type_text(form.sections[Specialty.EYES].text, "Mộng thịt mắt phải")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.message.isVisible())
    assert "Đã lưu" not in form.message.text()
    assert draft_of(ctx, visit)["findings"][Specialty.EYES.value]["text"] == "Mộng thịt mắt phải"


# -- a process killed in the middle of saving a conclusion ---------------------------------------------------

_SAVER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from station_app.app import open_context
    from station_app.core.checkup_book import Urgency
    from station_app.core.model import HealthClass
    from station_app.persistence.unit_of_work import UnitOfWork
    from station_app.services.station.findings import Referral

    ctx = open_context(Path(sys.argv[1]))
    doctor = ctx.accounts.sign_in("bs.lan", sys.argv[2])
    visit_id, stop = sys.argv[3], int(sys.argv[4])
    commit, commits = UnitOfWork.commit, [0]

    def stalled_commit(uow):
        commits[0] += 1
        if commits[0] == stop:  # inside the transaction: the conclusion and its audit event are written, not committed
            uow.session.flush()
            print("inside", flush=True)
            time.sleep(600)
        commit(uow)

    UnitOfWork.commit = stalled_commit
    ctx.exam.save_draft(doctor, visit_id, desk="doctor", fields={"advice": "Lời khuyên đang gõ dở"})  # as the form does first
    for n in range(1, stop + 1):
        ctx.findings.save_conclusion(doctor, visit_id, overall_class=(HealthClass.III, HealthClass.IV)[n % 2],
                                     override_reason=f"Lý do {n}", advice=f"Lời khuyên {n}",
                                     referral=Referral(f"Nơi {n}", f"Vì {n}", list(Urgency)[n % 3]))
        print(n, flush=True)
""")


def events(ctx, entity):
    with UnitOfWork(ctx.db) as uow:
        return uow.session.query(AuditEventRow).filter_by(entity=entity).count()


def test_a_process_killed_while_saving_a_conclusion_leaves_a_consistent_database(ctx, admin, nurse, data_dir):
    doctor = make_doctor(ctx, admin)
    visit = open_visit(ctx, nurse)
    fill_all(ctx, doctor, visit.id)
    stop = 12  # draft = commit 1, conclusions 1..10 = commits 2..11, the 11th conclusion is killed inside
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", _SAVER, str(data_dir), DOCTOR_PASSWORD, visit.id, str(stop)],
                             stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    watchdog = threading.Timer(120, child.kill)  # a child stuck before the stall must not hang the suite
    watchdog.start()
    lines = []
    for line in child.stdout:
        lines.append(line.strip())
        if line.strip() == "inside":
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    watchdog.cancel()
    assert lines[-2:] == ["10", "inside"], lines

    with sqlite3.connect(data_dir / DB_FILE_NAME) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert ctx.audit.verify().ok
    conclusion = ctx.findings.conclusion(visit.id)  # the tenth, whole: nothing of the eleventh
    assert (conclusion.overall_class, conclusion.override_reason, conclusion.advice) == (
        HealthClass.III, "Lý do 10", "Lời khuyên 10")
    assert conclusion.referral.to == "Nơi 10" and conclusion.referral.why == "Vì 10"
    assert conclusion.referral.urgency == list(Urgency)[10 % 3]
    with UnitOfWork(ctx.db) as uow:
        assert uow.session.query(ConclusionRow).filter_by(visit_id=visit.id).count() == 1
    assert events(ctx, "conclusions") == 10
    assert ctx.exam.draft(visit.id, DOCTOR_DESK).fields == {"advice": "Lời khuyên đang gõ dở"}
