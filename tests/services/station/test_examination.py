"""The vital-signs desk on a real station database: limits, warnings, computed values, versions, drafts,
visits picked up from another laptop's slip, and a process killed while saving."""
import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from station_app.core.cards import SlipIdentity
from station_app.core.errors import PermissionDeniedError, ValidationError
from station_app.core.model import Role, Sex, VisitStatus
from station_app.persistence.database import DB_FILE_NAME
from station_app.persistence.tables import AuditEventRow, MeasurementRow, VisitRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.station.examination import (
    ReasonRequiredError,
    WarningsNotConfirmedError,
    assess,
    subject_of,
)
from support import visits
from support import NURSE_PASSWORD

ROOT = Path(__file__).resolve().parents[3]
DAY = dt.date.today()
FULL = {"height_cm": 158, "weight_kg": 52.5, "waist_cm": 76, "pulse": 78, "systolic_1": 128, "diastolic_1": 82,
        "systolic_2": 124, "diastolic_2": 80, "temperature_c": 36.8, "spo2": 98, "resp_rate": 18,
        "glucose_mmol": 5.4, "vision_right": 0.8, "vision_left": 0.7, "vision_right_glasses": 1.0,
        "vision_left_glasses": 1.0}


def open_visit(ctx, user, name="Tòng Thị Hoa", year=1980, sex=Sex.FEMALE, birth_date=None):
    return visits.open_visit(ctx, user, name, year, sex, day=DAY, birth_date=birth_date)


@pytest.fixture
def visit(ctx, nurse):
    return open_visit(ctx, nurse)


def rows(ctx, visit_id):
    with UnitOfWork(ctx.db) as uow:
        return [(r.code, r.reading, r.value, r.version, r.flags, r.context, r.confirmed_warning)
                for r in uow.session.query(MeasurementRow).filter_by(visit_id=visit_id)]


def events(ctx, entity="vitals"):
    with UnitOfWork(ctx.db) as uow:
        return [(e.action, e.entity_id, e.details) for e in uow.session.query(AuditEventRow)
                .filter_by(entity=entity).order_by(AuditEventRow.seq)]


def complete(ctx, visit_id):
    with UnitOfWork(ctx.db) as uow:
        uow.session.get(VisitRow, visit_id).status = VisitStatus.COMPLETED.value
        uow.commit()


def test_a_full_adult_set_is_stored_with_bmi_bp_average_flags_and_one_audit_event(ctx, nurse, visit):
    record = ctx.exam.save_vitals(nurse, visit.id, entries=FULL, fasting=True)
    assert record.bmi == 21.0 and record.flags["bmi"] == {"bmi_class": "normal"}
    assert (record.bp_systolic, record.bp_diastolic) == (126.0, 81.0)
    assert record.flags["systolic_1"]["bp_grade"] == "normal"
    assert record.flags["glucose_mmol"] == {"glucose_class": "normal"}
    assert record.flags["waist_cm"] == {"waist_class": "normal"}
    assert record.fasting is True and record.version == 1
    stored = rows(ctx, visit.id)
    assert len(stored) == len(FULL) + 1  # BMI computed, never typed
    assert {(c, r) for c, r, *_ in stored} >= {("bmi", 1), ("systolic", 2), ("diastolic", 1)}
    assert events(ctx) == [("create", visit.id, {"measures": 17, "version": 1, "warnings_confirmed": 0})]
    assert ctx.registry.visit_by_id(visit.id).status is VisitStatus.IN_PROGRESS
    again = ctx.exam.vitals(visit.id)
    assert again.values == {k: float(v) for k, v in FULL.items()} and again.bmi == 21.0


def test_an_impossible_value_is_refused_naming_the_field_and_nothing_is_stored(ctx, nurse, visit):
    with pytest.raises(ValidationError) as refused:
        ctx.exam.save_vitals(nurse, visit.id, entries={**FULL, "systolic_1": 420})
    assert refused.value.data["key"] == "systolic_1"
    assert "Huyết áp tâm thu" in str(refused.value) and "50–300" in str(refused.value)
    with pytest.raises(ValidationError) as swapped:
        ctx.exam.save_vitals(nurse, visit.id, entries={**FULL, "systolic_2": 80, "diastolic_2": 124})
    assert swapped.value.data["key"] in ("systolic_2", "diastolic_2")
    assert rows(ctx, visit.id) == [] and events(ctx) == []


def test_unusual_values_need_confirmation_then_are_kept_as_confirmed(ctx, nurse, visit):
    unusual = {**FULL, "pulse": 132, "temperature_c": 38.9}
    with pytest.raises(WarningsNotConfirmedError) as asked:
        ctx.exam.save_vitals(nurse, visit.id, entries=unusual)
    assert set(asked.value.data["keys"]) == {"pulse", "temperature_c"}
    with pytest.raises(WarningsNotConfirmedError):
        ctx.exam.save_vitals(nurse, visit.id, entries=unusual, confirmed_warnings=["pulse"])
    record = ctx.exam.save_vitals(nurse, visit.id, entries=unusual, confirmed_warnings=["pulse", "temperature_c"])
    assert set(record.confirmed) == {"pulse", "temperature_c"}
    assert events(ctx)[0][2]["warnings_confirmed"] == 2


def test_two_readings_far_apart_need_a_third_and_the_last_two_are_averaged(ctx, nurse, visit):
    far = {**FULL, "systolic_1": 150, "diastolic_1": 95, "systolic_2": 132, "diastolic_2": 84}
    with pytest.raises(ValidationError) as asked:
        ctx.exam.save_vitals(nurse, visit.id, entries=far)
    assert asked.value.data["key"] == "systolic_3"
    record = ctx.exam.save_vitals(nurse, visit.id, entries={**far, "systolic_3": 136, "diastolic_3": 86})
    assert (record.bp_systolic, record.bp_diastolic) == (134.0, 85.0)
    assert record.flags["systolic_3"]["bp_grade"] == "high_normal"


def test_glucose_flags_follow_the_fasting_state():
    assert assess({"glucose_mmol": 6.0}, fasting=True).flags["glucose_mmol"] == {"glucose_class": "raised",
                                                                                  "refer": "yes"}
    assert assess({"glucose_mmol": 6.0}, fasting=False).flags["glucose_mmol"] == {"glucose_class": "normal"}


def test_a_child_gets_growth_z_scores_instead_of_an_adult_bmi_class(ctx, nurse):
    born = DAY - dt.timedelta(days=3 * 365)
    child = open_visit(ctx, nurse, "Lò Văn Tú", born.year, Sex.MALE, born)
    record = ctx.exam.save_vitals(nurse, child.id, entries={"height_cm": 95, "weight_kg": 14})
    assert "bmi_class" not in record.flags.get("bmi", {})
    assert {"wfa_z", "wfa_class", "wfh_z"} <= record.flags["weight_kg"].keys()
    assert "hfa_class" in record.flags["height_cm"]


def test_changing_a_completed_visit_needs_a_reason_and_keeps_the_old_version(ctx, nurse, visit):
    ctx.exam.save_vitals(nurse, visit.id, entries=FULL, fasting=True)
    ctx.exam.save_vitals(nurse, visit.id, entries={**FULL, "weight_kg": 53})  # not completed yet: replaced, no version
    assert ctx.exam.history(visit.id) == []
    complete(ctx, visit.id)
    with pytest.raises(ReasonRequiredError):
        ctx.exam.save_vitals(nurse, visit.id, entries={**FULL, "weight_kg": 55})
    record = ctx.exam.save_vitals(nurse, visit.id, entries={**FULL, "weight_kg": 55}, reason="Cân lại bằng cân khác")
    assert record.version == 3 and record.values["weight_kg"] == 55
    history = ctx.exam.history(visit.id)
    assert [(h.version, h.values["weight_kg"], h.reason, h.replaced_by) for h in history] == [
        (2, 53.0, "Cân lại bằng cân khác", nurse.id)]
    assert [a for a, *_ in events(ctx)] == ["create", "update", "update"]
    assert events(ctx)[-1][2]["after_completion"] is True
    assert ctx.audit.verify().ok


def test_a_doctor_may_record_but_a_coordinator_may_not(ctx, admin, visit):
    ctx.accounts.add_user(admin, "dieu.phoi", full_name="Lò Thị Lan", role=Role.COORDINATOR, password=NURSE_PASSWORD)
    coordinator = ctx.accounts.sign_in("dieu.phoi", NURSE_PASSWORD)
    with pytest.raises(PermissionDeniedError):
        ctx.exam.save_vitals(coordinator, visit.id, entries=FULL)


def test_a_draft_is_kept_offered_and_removed_by_the_save(ctx, nurse, visit):
    assert ctx.exam.draft(visit.id, "vitals") is None
    ctx.exam.save_draft(nurse, visit.id, desk="vitals", fields={"height_cm": "158", "weight_kg": "52,"})
    ctx.exam.save_draft(nurse, visit.id, desk="vitals", fields={"height_cm": "158", "weight_kg": "52,5"})
    assert ctx.exam.draft(visit.id, "vitals").fields == {"height_cm": "158", "weight_kg": "52,5"}
    ctx.exam.save_vitals(nurse, visit.id, entries=FULL)
    assert ctx.exam.draft(visit.id, "vitals") is None
    ctx.exam.save_draft(nurse, visit.id, desk="doctor", fields={"note": "x"})
    ctx.exam.discard_draft(visit.id, "doctor")
    assert ctx.exam.draft(visit.id, "doctor") is None


def test_a_slip_from_another_laptop_opens_the_visit_here_under_the_same_id(ctx, nurse):
    slip = SlipIdentity(visit_id="0192f3a4-5b6c-7d8e-9f00-112233445566", national_id="012185000777",
                        full_name="Vàng Thị Mai", birth_year=1985, sex=Sex.FEMALE, queue_number=7, visit_date=DAY)
    visit = ctx.exam.visit_from_slip(nurse, slip)
    assert visit.id == slip.visit_id and visit.queue_number == 7 and visit.resident_name == "Vàng Thị Mai"
    ctx.exam.save_vitals(nurse, slip.visit_id, entries=FULL)
    assert ctx.exam.visit_from_slip(nurse, slip).id == slip.visit_id  # a second scan finds it
    assert {r[0] for r in rows(ctx, slip.visit_id)} >= {"height_cm", "bmi"}
    # the same person on a second slip is matched by the ID number, not made twice
    other = SlipIdentity(visit_id="0192f3a4-5b6c-7d8e-9f00-112233445577", national_id="012185000777",
                         full_name="Vàng Thị Mai", birth_year=1985, sex=Sex.FEMALE, queue_number=7, visit_date=DAY)
    second = ctx.exam.visit_from_slip(nurse, other)
    assert second.resident_id == visit.resident_id and second.queue_number == 8  # 7 is taken here


def test_subject_age_from_birth_year_alone_counts_from_mid_year():
    subject = subject_of(None, 2020, sex="male", on=dt.date(2026, 7, 1))
    assert subject.age_days == (dt.date(2026, 7, 1) - dt.date(2020, 7, 1)).days and subject.sex is Sex.MALE
    assert subject_of(None, 1980, sex="unknown", on=DAY).sex is None


# -- a process killed in the middle of saving ---------------------------------------------------------------

_SAVER = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from station_app.app import open_context
    ctx = open_context(Path(sys.argv[1]))
    user = ctx.accounts.sign_in("y.ta.hoa", sys.argv[2])
    visits, full = json.loads(sys.argv[3]), json.loads(sys.argv[4])
    n = 0
    while True:
        for visit_id in visits:
            n += 1
            ctx.exam.save_vitals(user, visit_id, entries={**full, "weight_kg": 40 + n % 30, "pulse": 60 + n % 40})
            print(n, flush=True)
""")


def test_a_process_killed_while_saving_leaves_a_consistent_database(ctx, nurse, data_dir):
    visits = [open_visit(ctx, nurse, f"Người thử {i}", 1970 + i).id for i in range(4)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", _SAVER, str(data_dir), NURSE_PASSWORD, json.dumps(visits),
                              json.dumps(FULL)], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    saved = 0
    deadline = time.monotonic() + 60
    while saved < 25 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        saved = int(line)
    time.sleep(0.013)  # somewhere inside the next save
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert saved >= 25, "the saving process did not get going"

    with sqlite3.connect(data_dir / DB_FILE_NAME) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert ctx.audit.verify().ok
    vitals_events = events(ctx)
    assert len(vitals_events) >= saved
    for visit_id in visits:
        stored = rows(ctx, visit_id)
        assert len(stored) == len(FULL) + 1  # a whole set, never half of one
        versions = {version for _c, _r, _v, version, *_ in stored}
        assert len(versions) == 1  # every row from the same save
        assert versions == {sum(1 for _a, eid, _d in vitals_events if eid == visit_id)}


def test_vitals_changed_after_a_referral_need_a_reason_and_keep_the_old_version(ctx, nurse, visit):
    """A referred visit is finished as much as a completed one: the earlier vital signs stay in the history."""
    ctx.exam.save_vitals(nurse, visit.id, entries={"weight_kg": 61.5, "height_cm": 152}, confirmed_warnings=())
    with UnitOfWork(ctx.db) as uow:
        uow.session.get(VisitRow, visit.id).status = VisitStatus.REFERRED.value
        uow.commit()
    with pytest.raises(ReasonRequiredError):
        ctx.exam.save_vitals(nurse, visit.id, entries={"weight_kg": 62, "height_cm": 152}, confirmed_warnings=())
    ctx.exam.save_vitals(nurse, visit.id, entries={"weight_kg": 62, "height_cm": 152}, confirmed_warnings=(), reason="Cân lại")
    [old] = ctx.exam.history(visit.id)
    assert old.values["weight_kg"] == 61.5 and old.reason == "Cân lại"
