"""A visit's PL01 values and record on a real station database: vitals, findings, the conclusion and the desks'
answers all land on their PL01 codes; a visit made before QĐ 1551 keeps its old values and has the rest marked as
not recorded, never invented; what is still missing is listed by desk."""
import pytest
from support.pl01 import FACILITY_CODE, answer_everything, set_facility

from devkit.station import full_visit
from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.persistence.unit_of_work import UnitOfWork


@pytest.fixture
def reader(ctx):
    return ctx.pl01_records


def test_a_completed_visit_becomes_its_pl01_record(ctx, nurse, doctor, reader):
    visit = full_visit(ctx, nurse, doctor)
    set_facility(ctx)
    ctx.answers.save(doctor, visit.id, desk="doctor:ent", reason="Bổ sung", answers=[
        Answer("TAI_TRAI_NOI_THUONG", "5"), Answer("TAI_PHAI_NOI_THAM", status=AnswerStatus.REFUSED)])
    found = reader.of_visit(doctor, visit.id)
    rec = found.record
    assert found.definition.number == 2  # an adult
    assert (rec.value("HO_TEN"), rec.value("GIOI_TINH"), rec.value("SO_CCCD")) == ("Tòng Thị Hoa", "2",
                                                                                    "011180001234")
    assert rec.value("MA_LK") == visit.id and rec.value("MA_CSKCB") == FACILITY_CODE
    assert (rec.value("CHIEU_CAO"), rec.value("CAN_NANG"), rec.value("HUYET_AP")) == ("158", "52.5", "152/96")
    assert rec.value("PHAN_LOAI_SK") == "3" and rec.value("KET_LUAN_BENH") == "I10"
    assert rec.value("KHAM_MAT_PL") == "1" and rec.value("KET_QUA_KHAM_DA_LIEU") == "Bình thường"
    assert rec.value("DOI_TUONG") == "6"  # an ethnic minority
    assert rec.value("TAI_TRAI_NOI_THUONG") == "5"
    assert {e.code: e.mark for e in rec.entries if e.mark} == {"TAI_PHAI_NOI_THAM": "từ chối"}
    assert rec.as_dict()["DICH_VU_CLS"][0]["GIA_TRI"] == "5.4"  # capillary glucose is a laboratory row


def test_what_is_missing_is_listed_by_desk_until_every_field_is_answered(ctx, nurse, doctor, reader):
    visit = full_visit(ctx, nurse, doctor, national=False)
    gaps = reader.missing(visit.id)
    assert "CHIEU_CAO" not in [f.code for fields in gaps.values() for f in fields]  # the vitals desk has it
    assert {"doctor:ent", "doctor:dental", "doctor:internal"} <= set(gaps)
    answer_everything(ctx, doctor, visit.id)
    assert reader.missing(visit.id) == {}
    assert reader.of_visit(doctor, visit.id).problems == ()


def test_a_visit_recorded_before_qd_1551_keeps_its_values_and_marks_the_rest(ctx, nurse, doctor, reader):
    visit = full_visit(ctx, nurse, doctor, national=False)
    with UnitOfWork(ctx.db) as uow:
        uow.answers.visit(visit.id).before_1551 = True
        uow.commit()
    rec = reader.of_visit(doctor, visit.id).record
    assert rec.value("CHIEU_CAO") == "158" and rec.value("PHAN_LOAI_SK") == "3"  # old values, mapped
    hearing = next(e for e in rec.entries if e.code == "TAI_TRAI_NOI_THUONG")
    assert (hearing.value, hearing.status) == (None, AnswerStatus.BEFORE_1551)
    assert hearing.mark == "không ghi nhận (trước QĐ 1551)"
    assert reader.missing(visit.id).get("doctor:ent") is None  # marked, so not missing


def test_a_days_records_are_read_together(ctx, nurse, doctor, reader):
    first, second = full_visit(ctx, nurse, doctor), full_visit(ctx, nurse, doctor, national_id="011180009999",
                                                               name="Lò Văn Pọm")
    day = reader.of_visit(doctor, first.id).visit_date
    assert {r.visit_id for r in reader.completed_on(doctor, day)} == {first.id, second.id}
