"""The doctor's desk and counselling on a real station database: worst class, override reason, conclusion under
the doctor, missing parts, completion refused then done, amendments keeping the old version with a reason."""
import datetime as dt

import pytest

from station_app.core.checkup_book import (AmendmentReasonRequiredError, OverrideReasonRequiredError, Topic, Urgency,
                                           VisitIncompleteError, specialties)
from station_app.core.errors import PermissionDeniedError, ValidationError
from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.core.model import HealthClass, Sex, Specialty, VisitStatus
from station_app.persistence.tables import AuditEventRow, RecordVersionRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.station.findings import Diagnosis, HistoryAnswer, Referral
from support.visits import add_vitals, fill_all, make_doctor, open_visit


@pytest.fixture
def visit(ctx, nurse):
    return open_visit(ctx, nurse)


def events(ctx, entity):
    with UnitOfWork(ctx.db) as uow:
        return [(e.action, e.details) for e in uow.session.query(AuditEventRow).filter_by(entity=entity)]


def test_the_worst_specialty_class_is_proposed_and_other_classes_need_a_reason(ctx, doctor, visit):
    fill_all(ctx, doctor, visit.id, worst=HealthClass.III)
    with pytest.raises(OverrideReasonRequiredError):
        ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason="  ", advice=None, referral=None)
    done = ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason="Huyết áp đo lại bình thường", advice="Ăn nhạt", referral=None)
    assert (done.computed_class, done.overall_class, done.override_reason) == (
        HealthClass.III, HealthClass.II, "Huyết áp đo lại bình thường")
    same = ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.III, override_reason="ignored", advice=None, referral=None)
    assert same.override_reason is None


def test_the_conclusion_is_recorded_under_the_signed_in_doctor_and_time(ctx, doctor, visit):
    fill_all(ctx, doctor, visit.id)
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    done = ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason=None, advice="Tái khám sau 1 tháng",
                                        referral=Referral("Bệnh viện đa khoa tỉnh", "Tăng huyết áp độ 2", Urgency.SOON))
    assert done.concluded_by == doctor.id and done.doctor_name == "Lò Thị Lan"
    assert done.concluded_at >= before - dt.timedelta(seconds=1)
    assert done.referral == Referral("Bệnh viện đa khoa tỉnh", "Tăng huyết áp độ 2", Urgency.SOON)
    assert ctx.findings.conclusion(visit.id) == done


def test_nurses_write_counselling_but_do_not_record_findings_or_conclude(ctx, nurse, visit):
    ctx.findings.save_counselling(nurse, visit.id, topics=[Topic.NUTRITION], text="Ăn nhạt")
    with pytest.raises(PermissionDeniedError):
        ctx.findings.save_finding(nurse, visit.id, specialty=Specialty.EYES, no_abnormality=True, text=None, diagnoses=[], health_class=HealthClass.I)
    with pytest.raises(PermissionDeniedError):
        ctx.findings.save_conclusion(nurse, visit.id, overall_class=HealthClass.I, override_reason=None, advice=None, referral=None)


def test_an_abnormal_finding_needs_words_and_a_referral_needs_where_and_why(ctx, doctor, visit):
    with pytest.raises(ValidationError):
        ctx.findings.save_finding(doctor, visit.id, specialty=Specialty.SKIN, no_abnormality=False, text="  ", diagnoses=[], health_class=HealthClass.II)
    fill_all(ctx, doctor, visit.id)
    with pytest.raises(ValidationError):
        ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason=None, advice=None, referral=Referral("Bệnh viện", ""))


def test_missing_parts_are_listed_and_completion_is_refused_until_done(ctx, doctor, visit):
    book = ("vitals", "history", *[s.value for s in specialties(Sex.FEMALE)], "conclusion")
    first = ctx.findings.completion(visit.id)
    assert first[:len(book)] == book
    # then the national form's desks not covered by those parts: reception (no ID card number, no ethnic group
    # on this resident), the doctor's parts of internal medicine, hearing, the jaws
    assert "pl01:reception" in first[len(book):] and all(p.startswith("pl01:") for p in first[len(book):])
    assert "Tiếp đón (QĐ 1551)" in ctx_message(ctx, doctor, visit.id)
    fill_all(ctx, doctor, visit.id)
    with pytest.raises(VisitIncompleteError) as refused:
        ctx.findings.complete(doctor, visit.id)
    assert refused.value.data["parts"] == ("vitals", "conclusion")
    assert "Dấu hiệu sinh tồn, Kết luận" in str(refused.value)
    add_vitals(ctx, visit.id, bp_grade="grade_2")
    ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason=None, advice="Ăn nhạt", referral=None)
    assert ctx.findings.completion(visit.id) == ()
    assert ctx.findings.complete(doctor, visit.id) == VisitStatus.COMPLETED
    assert ctx.registry.visit_by_id(visit.id).status == VisitStatus.COMPLETED


def ctx_message(ctx, doctor, visit_id) -> str:
    with pytest.raises(VisitIncompleteError) as refused:
        ctx.findings.complete(doctor, visit_id)
    return str(refused.value)


def test_a_national_form_field_left_unanswered_holds_up_completion_until_marked(ctx, doctor, visit):
    fill_all(ctx, doctor, visit.id)
    add_vitals(ctx, visit.id)
    ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason=None, advice=None,
                                 referral=None)
    ctx.answers.save(doctor, visit.id, desk="doctor:ent", answers=[], cleared=[("TAI_TRAI_NOI_THAM", 0)])
    assert ctx.findings.completion(visit.id) == ("pl01:doctor:ent",)
    assert "Tai - Mũi - Họng (QĐ 1551)" in ctx_message(ctx, doctor, visit.id)
    ctx.answers.save(doctor, visit.id, desk="doctor:ent", answers=[
        Answer("TAI_TRAI_NOI_THAM", status=AnswerStatus.NOT_DONE, reason="Phòng khám ồn, không đo được")])
    assert ctx.findings.complete(doctor, visit.id) == VisitStatus.COMPLETED


def test_a_referral_completes_the_visit_as_referred(ctx, doctor, visit):
    fill_all(ctx, doctor, visit.id)
    add_vitals(ctx, visit.id)
    ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason=None, advice=None,
                                 referral=Referral("Trung tâm y tế huyện", "Đường huyết cao", Urgency.ROUTINE))
    assert ctx.findings.complete(doctor, visit.id) == VisitStatus.REFERRED


def test_a_man_is_not_asked_for_obstetrics(ctx, doctor, nurse):
    man = open_visit(ctx, nurse, "Lò Văn Tú", 1970, Sex.MALE)
    assert "obgyn" not in ctx.findings.completion(man.id)
    assert Specialty.OBGYN not in ctx.findings.state(man.id).specialties


def test_amending_after_completion_keeps_the_old_version_with_its_reason_and_audits(ctx, doctor, visit):
    fill_all(ctx, doctor, visit.id)
    add_vitals(ctx, visit.id)
    ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason=None, advice=None, referral=None)
    ctx.findings.save_counselling(doctor, visit.id, topics=[Topic.HYPERTENSION], text="Ăn nhạt")
    ctx.findings.complete(doctor, visit.id)
    with pytest.raises(AmendmentReasonRequiredError):
        ctx.findings.save_finding(doctor, visit.id, specialty=Specialty.EYES, no_abnormality=False, text="Cận thị", diagnoses=[Diagnosis("H52.1")],
                                  health_class=HealthClass.II)
    eyes = ctx.findings.save_finding(doctor, visit.id, specialty=Specialty.EYES, no_abnormality=False, text="Cận thị", diagnoses=[Diagnosis("H52.1")],
                                     health_class=HealthClass.II, reason="Ghi nhầm chuyên khoa")
    assert eyes.version == 2 and eyes.diagnoses == (Diagnosis("H52.1"),)
    ctx.findings.save_counselling(doctor, visit.id, topics=[Topic.HYPERTENSION, Topic.NUTRITION], text="Ăn nhạt, ít mỡ",
                                  reason="Bổ sung tư vấn")
    with UnitOfWork(ctx.db) as uow:
        kept = uow.session.query(RecordVersionRow).filter_by(entity="findings").one()
        assert (kept.version, kept.reason, kept.replaced_by) == (1, "Ghi nhầm chuyên khoa", doctor.id)
        assert kept.data["no_abnormality"] is True and kept.data["health_class"] == "I"
        assert uow.session.query(RecordVersionRow).filter_by(entity="counselling_notes").count() == 2
    assert ("update", {"visit_id": visit.id, "specialty": "eyes", "diagnoses": 1, "amended": True}) in events(
        ctx, "findings")
    assert ctx.findings.counselling(visit.id).topics == (Topic.NUTRITION, Topic.HYPERTENSION)


def test_state_suggests_topics_from_vital_sign_flags_and_history(ctx, doctor, visit):
    add_vitals(ctx, visit.id, bp_grade="grade_2", bp_isolated_systolic="yes")
    ctx.findings.save_history(doctor, visit.id, answers=[HistoryAnswer("tobacco", True, "10 điếu/ngày")])
    state = ctx.findings.state(visit.id)
    assert state.suggested == (Topic.TOBACCO, Topic.HYPERTENSION)
    assert state.history == (HistoryAnswer("tobacco", True, "10 điếu/ngày"),)
    assert state.status == VisitStatus.IN_PROGRESS


def test_saving_unchanged_records_after_completion_needs_no_reason_and_keeps_no_version(ctx, doctor, visit):
    fill_all(ctx, doctor, visit.id)
    add_vitals(ctx, visit.id)
    ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason=None, advice="Ăn nhạt", referral=None)
    ctx.findings.complete(doctor, visit.id)
    audited = len(events(ctx, "findings")) + len(events(ctx, "conclusions"))
    ctx.findings.save_history(doctor, visit.id, answers=[HistoryAnswer("tobacco", False), HistoryAnswer("pregnant", False)])
    ctx.findings.save_finding(doctor, visit.id, specialty=Specialty.INTERNAL, no_abnormality=False, text="Huyết áp cao",
                              diagnoses=[Diagnosis("I10", "Tăng huyết áp vô căn (nguyên phát)")], health_class=HealthClass.II)
    ctx.findings.save_conclusion(doctor, visit.id, overall_class=HealthClass.II, override_reason=None, advice="Ăn nhạt", referral=None)
    assert len(events(ctx, "findings")) + len(events(ctx, "conclusions")) == audited
    with pytest.raises(AmendmentReasonRequiredError):
        ctx.findings.save_history(doctor, visit.id, answers=[HistoryAnswer("tobacco", True)])
    with UnitOfWork(ctx.db) as uow:
        assert uow.session.query(RecordVersionRow).count() == 0


def test_the_whole_desk_is_saved_in_one_transaction_or_not_at_all(ctx, doctor, visit):
    from station_app.services.station.examination import DOCTOR_DESK
    from station_app.services.station.findings import ConclusionInput, FindingInput

    ctx.exam.save_draft(doctor, visit.id, desk=DOCTOR_DESK, fields={"advice": "Ăn nhạt"})
    history = [HistoryAnswer("tobacco", True, "10 điếu/ngày")]
    good = FindingInput(Specialty.EYES, True, None, [], HealthClass.I)
    refused = FindingInput(Specialty.INTERNAL, False, "", [], HealthClass.III)  # abnormal, yet no words
    with pytest.raises(ValidationError):
        ctx.findings.save_desk(doctor, visit.id, history=history, findings=[good, refused], conclusion=None, draft_desk=DOCTOR_DESK)
    state = ctx.findings.state(visit.id)
    assert state.history == () and state.findings == () and state.conclusion is None  # nothing half-saved
    assert ctx.exam.draft(visit.id, DOCTOR_DESK) is not None  # and what was typed is still there

    fixed = FindingInput(Specialty.INTERNAL, False, "Huyết áp cao", [Diagnosis("I10")], HealthClass.III)
    conclusion = ConclusionInput(HealthClass.III, None, "Ăn nhạt, tái khám sau 1 tháng", None)
    state = ctx.findings.save_desk(doctor, visit.id, history=history, findings=[good, fixed], conclusion=conclusion, draft_desk=DOCTOR_DESK)
    assert state.history[0].detail == "10 điếu/ngày" and len(state.findings) == 2
    assert state.conclusion.overall_class is HealthClass.III and state.conclusion.computed_class is HealthClass.III
    assert ctx.exam.draft(visit.id, DOCTOR_DESK) is None
