"""The desks' answers to a visit's PL01 form on a real station database: only the desk's own codes with values their
field accepts, refused and not-done marks, amendments after completion keeping the old version with a reason, the
visit's form by age and grade, changed by a doctor with a reason, and a migrated station's old visits kept and
marked as recorded before QĐ 1551."""
import datetime as dt

import pytest

from station_app.core.checkup_book import AmendmentReasonRequiredError
from station_app.core.errors import PermissionDeniedError, ValidationError
from station_app.core.model import VisitStatus
from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.persistence.tables import AuditEventRow, RecordVersionRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.core.model import FundingSource, TargetGroup
from support.visits import CONSENT, open_visit


@pytest.fixture
def visit(ctx, nurse):
    return open_visit(ctx, nurse, year=1980)


def test_a_desk_stores_its_answers_and_reads_them_back_with_who_and_when(ctx, doctor, visit):
    ctx.answers.save(doctor, visit.id, desk="doctor:ent", answers=[
        Answer("TAI_TRAI_NOI_THUONG", "5"), Answer("TAI_TRAI_NOI_THAM", "0.5"),
        Answer("TAI_PHAI_NOI_THUONG", "5"), Answer("TAI_PHAI_NOI_THAM", "1")])
    stored = {s.answer.code: s for s in ctx.answers.answers(visit.id)}
    assert stored["TAI_TRAI_NOI_THAM"].answer.value == "0.5"
    assert stored["TAI_TRAI_NOI_THAM"].recorded_by == doctor.id
    assert stored["TAI_TRAI_NOI_THAM"].desk == "doctor:ent"


def test_a_code_of_another_desk_or_not_on_the_form_is_refused_and_nothing_is_stored(ctx, doctor, visit):
    with pytest.raises(ValidationError) as refused:
        ctx.answers.save(doctor, visit.id, desk="doctor:ent", answers=[
            Answer("TAI_TRAI_NOI_THUONG", "5"), Answer("HAM_TREN", "Bình thường")])
    assert refused.value.data["key"] == "HAM_TREN"
    with pytest.raises(ValidationError):  # a child's milestone is not on the adult form
        ctx.answers.save(doctor, visit.id, desk="child_development", answers=[Answer("BAT_CHUOC_DONG_TAC", "1")])
    assert ctx.answers.answers(visit.id) == []


def test_a_value_the_field_refuses_is_refused(ctx, doctor, visit):
    with pytest.raises(ValidationError) as refused:  # a class outside the list
        ctx.answers.save(doctor, visit.id, desk="doctor:internal", answers=[Answer("NOI_KHOA_HO_HAP_PL", "9")])
    assert refused.value.data["key"] == "NOI_KHOA_HO_HAP_PL"


def test_a_nurse_cannot_record_at_the_doctors_desk(ctx, nurse, visit):
    with pytest.raises(PermissionDeniedError):
        ctx.answers.save(nurse, visit.id, desk="doctor:ent", answers=[Answer("TAI_TRAI_NOI_THUONG", "5")])


def test_refused_and_not_done_are_marks_and_not_done_needs_a_reason(ctx, doctor, visit):
    with pytest.raises(ValidationError):
        ctx.answers.save(doctor, visit.id, desk="doctor:ent",
                         answers=[Answer("TAI_TRAI_NOI_THUONG", status=AnswerStatus.NOT_DONE)])
    ctx.answers.save(doctor, visit.id, desk="doctor:ent", answers=[
        Answer("TAI_TRAI_NOI_THUONG", status=AnswerStatus.NOT_DONE, reason="Người khám bị điếc bẩm sinh"),
        Answer("TAI_PHAI_NOI_THUONG", status=AnswerStatus.REFUSED)])
    marks = {s.answer.code: s.answer.status for s in ctx.answers.answers(visit.id)}
    assert marks == {"TAI_TRAI_NOI_THUONG": AnswerStatus.NOT_DONE, "TAI_PHAI_NOI_THUONG": AnswerStatus.REFUSED}


def test_after_completion_a_change_needs_a_reason_and_the_old_answers_are_kept(ctx, doctor, visit):
    ctx.answers.save(doctor, visit.id, desk="doctor:dental", answers=[Answer("HAM_TREN", "Bình thường")])
    with UnitOfWork(ctx.db) as uow:
        uow.answers.visit(visit.id).status = VisitStatus.COMPLETED.value
        uow.commit()
    with pytest.raises(AmendmentReasonRequiredError):
        ctx.answers.save(doctor, visit.id, desk="doctor:dental", answers=[Answer("HAM_TREN", "Sâu răng 36")])
    assert ctx.answers.save(doctor, visit.id, desk="doctor:dental", answers=[Answer("HAM_TREN", "Bình thường")],
                            reason="x") == 0  # nothing changed, nothing versioned
    ctx.answers.save(doctor, visit.id, desk="doctor:dental", answers=[Answer("HAM_TREN", "Sâu răng 36")],
                     reason="Khám lại dưới đèn")
    (now,) = [s for s in ctx.answers.answers(visit.id) if s.answer.code == "HAM_TREN"]
    assert (now.answer.value, now.version) == ("Sâu răng 36", 2)
    with UnitOfWork(ctx.db) as uow:
        kept = uow.session.query(RecordVersionRow).filter_by(entity="answers:doctor:dental").one()
        reason, data = kept.reason, kept.data
        events = [e.details for e in uow.session.query(AuditEventRow).filter_by(entity="answers")]
    assert reason == "Khám lại dưới đèn"
    assert data["answers"][0]["value"] == "Bình thường"
    assert events[-1]["after_completion"] is True
    assert "Sâu" not in str(events)  # the audit names counts, never values


def test_reception_answers_of_an_earlier_visit_are_offered_again(ctx, nurse, visit):
    ctx.answers.save(nurse, visit.id, desk="reception", answers=[Answer("NHOM_MAU", "O")])
    with UnitOfWork(ctx.db) as uow:
        row = uow.answers.visit(visit.id)
        row.status, row.visit_date = VisitStatus.COMPLETED.value, dt.date(2025, 6, 1)
        uow.commit()
    second = _second_visit(ctx, nurse, visit)
    offered = ctx.answers.earlier(second, ["NHOM_MAU", "MA_NGHE_NGHIEP"])
    assert offered == {"NHOM_MAU": [Answer("NHOM_MAU", "O")]}


def _second_visit(ctx, nurse, visit):
    info = ctx.station.info()
    return ctx.registry.open_visit(nurse, visit.resident_id, site_id=info.site_id, campaign_id=info.campaign_id,
                                   funding_source=FundingSource.STATE_BUDGET, target_groups=[TargetGroup.OTHER],
                                   consent=CONSENT, second_visit_reason="Khám lại năm sau").id


@pytest.mark.parametrize(("year", "school_class", "form"), [(1980, None, 2), (2014, None, 1), (2014, "6A", 16),
                                                            (2018, "2B", 15), (2009, "12A1", 17)])
def test_the_visits_form_follows_age_and_the_rosters_grade(ctx, nurse, year, school_class, form):
    visit = open_visit(ctx, nurse, year=year, birth_date=dt.date(year, 1, 15), school_class=school_class)
    assert ctx.answers.visit_form(visit.id).number == form


def test_the_doctor_changes_the_form_with_a_reason(ctx, doctor, visit):
    with pytest.raises(ValidationError):
        ctx.answers.change_form(doctor, visit.id, number=1, reason=" ")
    with pytest.raises(ValidationError):
        ctx.answers.change_form(doctor, visit.id, number=3, reason="lái xe")  # occupational: not in the campaign
    changed = ctx.answers.change_form(doctor, visit.id, number=1, reason="Ngày sinh trên thẻ sai, còn 17 tuổi")
    assert (changed.number, changed.chosen_by_rule, changed.changed) == (1, 2, True)
    assert ctx.answers.visit_form(visit.id).reason == "Ngày sinh trên thẻ sai, còn 17 tuổi"
    back = ctx.answers.change_form(doctor, visit.id, number=2, reason="")
    assert (back.number, back.reason, back.changed) == (2, None, False)
