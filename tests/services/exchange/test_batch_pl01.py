"""The PL01 answers (QĐ 1551) in the export batch: one Observation per answer, with LOINC where the field has one
and the local PL01 code always; refused and not-done answers say so (dataAbsentReason, the reason in a note); a
laboratory row is one Observation; the Encounter carries the visit's form; every resource validates against R4B;
a changed answer sends the visit again in the next batch."""
import pytest
from fhir.resources.R4B import get_fhir_model_class

from station_app.core.pl01 import LOCAL_SYSTEM
from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.persistence.outbox import OutboxRepository
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange import fhir_bundle as fb
from station_app.services.exchange.batch_export import collect
from support.visits import open_visit


def bundle_of(ctx, after=0):
    with UnitOfWork(ctx.db) as uow:
        changes = OutboxRepository(uow.session).changes_after(after)
        source = collect(uow, changes, station_code="TYT-MK", station_name="Trạm Y tế xã Mường Kim")
        return fb.build_bundle(source, "0190f0f0-0000-7000-8000-000000000002", timestamp="2026-06-01T10:00:00Z")


def last_seq(ctx):
    """What an export does once it has read the log: later changes land above the cut, in the next batch."""
    with UnitOfWork(ctx.db) as uow:
        outbox = OutboxRepository(uow.session)
        last = max(c.seq for c in outbox.changes_after(0))
        outbox.cut()
        uow.commit()
        return last


def observations(bundle):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]


def by_pl01_code(bundle):
    found = {}
    for o in observations(bundle):
        for coding in o["code"]["coding"]:
            if coding["system"] == LOCAL_SYSTEM:
                found[coding["code"]] = o
    return found


def validate(bundle):
    get_fhir_model_class("Bundle").model_validate(bundle)
    for entry in bundle["entry"]:
        get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])


@pytest.fixture
def visit(ctx, nurse, doctor):
    visit = open_visit(ctx, nurse, year=1980)  # an adult: form 2
    ctx.answers.save(nurse, visit.id, desk="reception", answers=[Answer("NHOM_MAU", "O"), Answer("DOI_TUONG", "6")])
    ctx.answers.save(doctor, visit.id, desk="doctor:ent", answers=[
        Answer("TAI_TRAI_NOI_THAM", "0.5"),
        Answer("TAI_PHAI_NOI_THAM", status=AnswerStatus.REFUSED, reason="Không muốn đo")])
    ctx.answers.save(doctor, visit.id, desk="doctor:internal", answers=[
        Answer("NOI_KHOA_HO_HAP_PL", "2"), Answer("TSBT_MA_BENH", "I10")])
    ctx.answers.save(doctor, visit.id, desk="doctor:obgyn", answers=[
        Answer("DA_LAP_GIA_DINH", "1"),
        Answer("CHU_KY_KINH", status=AnswerStatus.NOT_DONE, reason="Đã mãn kinh")])
    ctx.answers.save(nurse, visit.id, desk="laboratory", answers=[
        Answer("MA_DICH_VU", "XN01", item=0), Answer("MA_CHI_SO", "HBA1C", item=0), Answer("GIA_TRI", "6.1", item=0),
        Answer("DON_VI_DO", "%", item=0), Answer("KET_LUAN", "Bình thường", item=0),
        Answer("MA_DICH_VU", "XN02", item=1), Answer("GIA_TRI", "5.2", item=1)])
    return visit


def test_every_answer_is_an_observation_with_its_codes_and_value_and_the_bundle_validates(ctx, visit):
    bundle, counts = bundle_of(ctx)
    validate(bundle)
    found = by_pl01_code(bundle)
    blood = found["NHOM_MAU"]
    assert blood["code"]["coding"][0] == {"system": fb.LOINC, "code": "882-1"}  # LOINC first, the PL01 code beside
    assert blood["valueCodeableConcept"]["coding"][0] == {"system": f"{LOCAL_SYSTEM}:NHOM_MAU", "code": "O",
                                                          "display": "O"}
    assert found["TAI_TRAI_NOI_THAM"]["valueQuantity"] == {"value": 0.5, "unit": "m", "system": fb.UCUM, "code": "m"}
    assert found["NOI_KHOA_HO_HAP_PL"]["valueCodeableConcept"]["coding"][0]["display"] == "Loại II"
    assert found["DA_LAP_GIA_DINH"]["valueBoolean"] is True
    assert found["TSBT_MA_BENH"]["valueCodeableConcept"]["coding"][0] == {"system": fb.ICD10, "code": "I10"}
    assert found["NOI_KHOA_HO_HAP_PL"]["encounter"]["reference"] == f"urn:uuid:{visit.id}"
    assert found["NOI_KHOA_HO_HAP_PL"]["performer"][0]["display"] == "Lò Thị Lan"
    assert counts["observations"] == len(observations(bundle))


def test_a_refused_or_not_done_answer_has_a_data_absent_reason_and_the_reason_in_a_note(ctx, visit):
    found = by_pl01_code(bundle_of(ctx)[0])
    refused, not_done = found["TAI_PHAI_NOI_THAM"], found["CHU_KY_KINH"]
    assert refused["dataAbsentReason"]["coding"][0]["code"] == "asked-declined"
    assert refused["note"] == [{"text": "Từ chối: Không muốn đo"}]
    assert "valueQuantity" not in refused
    assert not_done["dataAbsentReason"]["coding"][0]["code"] == "not-performed"
    assert not_done["note"] == [{"text": "Không làm: Đã mãn kinh"}]


def test_each_laboratory_row_is_one_observation_with_its_fields_as_components(ctx, visit):
    rows = [o for o in observations(bundle_of(ctx)[0]) if o["code"]["coding"][0]["code"] == fb.LAB_ROW]
    assert [r["code"]["text"] for r in rows] == ["XN01 HBA1C", "XN02"]
    first = {c["code"]["coding"][0]["code"]: c for c in rows[0]["component"]}
    assert first["GIA_TRI"]["valueString"] == "6.1" and first["KET_LUAN"]["valueString"] == "Bình thường"
    assert rows[0]["category"][0]["coding"][0]["code"] == "laboratory"
    assert rows[0]["id"] != rows[1]["id"]


def test_the_encounter_carries_the_form_and_a_doctors_change_of_it(ctx, doctor, visit):
    encounter = next(e["resource"] for e in bundle_of(ctx)[0]["entry"] if e["resource"]["resourceType"] == "Encounter")
    assert {"url": fb.EXT_PL01_FORM, "valuePositiveInt": 2} in encounter["extension"]
    target = {"system": fb.SYS_DOI_TUONG, "code": "6",
              "display": "Người sống tại vùng đồng bào dân tộc thiểu số và miền núi"}
    assert {"url": fb.EXT_TARGET_GROUP, "valueCoding": target} in encounter["extension"]  # reception's answer
    assert not any(e["url"] in (fb.EXT_PL01_FORM_REASON, fb.EXT_BEFORE_1551) for e in encounter["extension"])
    after = last_seq(ctx)
    ctx.answers.change_form(doctor, visit.id, number=1, reason="Còn đi học lớp 12")
    bundle = bundle_of(ctx, after=after)[0]
    validate(bundle)
    encounter = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter")
    assert {"url": fb.EXT_PL01_FORM, "valuePositiveInt": 1} in encounter["extension"]
    assert {"url": fb.EXT_PL01_FORM_REASON, "valueString": "Còn đi học lớp 12"} in encounter["extension"]


def test_a_changed_answer_sends_the_visit_again_with_its_whole_answer_set(ctx, doctor, visit):
    after = last_seq(ctx)
    assert bundle_of(ctx, after=after)[0]["entry"] == []  # nothing changed since
    ctx.answers.save(doctor, visit.id, desk="doctor:internal", answers=[Answer("NOI_KHOA_HO_HAP_PL", "3")])
    bundle, counts = bundle_of(ctx, after=after)
    validate(bundle)
    assert counts["visits"] == 1
    found = by_pl01_code(bundle)
    assert found["NOI_KHOA_HO_HAP_PL"]["valueCodeableConcept"]["coding"][0]["code"] == "3"
    assert {"NHOM_MAU", "TAI_TRAI_NOI_THAM", "DA_LAP_GIA_DINH"} <= set(found)  # the whole current set
    assert not any(o["code"]["coding"][0]["code"] == "8302-2" for o in observations(bundle))  # vitals unchanged


def test_an_answer_changed_after_completion_goes_out_amended_with_the_reason(ctx, doctor, visit):
    with UnitOfWork(ctx.db) as uow:  # completed (the desks' own completion is not this test's subject)
        uow.answers.visit(visit.id).status = "completed"
        uow.commit()
    after = last_seq(ctx)
    ctx.answers.save(doctor, visit.id, desk="doctor:internal", answers=[Answer("NOI_KHOA_HO_HAP_PL", "1")],
                     reason="Đọc nhầm phim")
    bundle = bundle_of(ctx, after=after)[0]
    validate(bundle)
    amended = by_pl01_code(bundle)["NOI_KHOA_HO_HAP_PL"]
    assert amended["status"] == "amended" and amended["meta"]["versionId"] == "2"
    assert {"url": fb.EXT_AMENDMENT, "valueString": "Đọc nhầm phim"} in amended["extension"]


def test_a_visit_recorded_before_qd_1551_says_so(ctx, nurse):
    visit = open_visit(ctx, nurse, year=1980)
    with UnitOfWork(ctx.db) as uow:
        uow.answers.visit(visit.id).before_1551 = True
        uow.commit()
    bundle = bundle_of(ctx)[0]
    validate(bundle)
    encounter = next(e["resource"] for e in bundle["entry"] if e["resource"]["id"] == visit.id)
    assert {"url": fb.EXT_BEFORE_1551, "valueBoolean": True} in encounter["extension"]
    target = next(e["valueCoding"] for e in encounter["extension"]
                  if e["url"] == fb.EXT_TARGET_GROUP and e["valueCoding"]["system"] == fb.SYS_DOI_TUONG)
    assert target["code"] == "14"  # no answer: the documented default from the groups (here: other), never empty
