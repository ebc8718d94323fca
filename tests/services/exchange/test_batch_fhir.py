"""The payload: every resource of a whole visit validates against the FHIR R4B models, with the codes and
identifiers the office reads, and an amended record goes out again with its new version and the reason."""
from fhir.resources.R4B import get_fhir_model_class

from station_app.persistence.outbox import OutboxRepository
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange import fhir_bundle as fb
from station_app.services.exchange.batch_export import collect
from support.batch import VITALS, full_visit


def bundle_of(ctx, after=0):
    with UnitOfWork(ctx.db) as uow:
        changes = OutboxRepository(uow.session).changes_after(after)
        source = collect(uow, changes, station_code="TYT-MK", station_name="Trạm Y tế xã Mường Kim")
        return fb.build_bundle(source, "0190f0f0-0000-7000-8000-000000000001", timestamp="2026-06-01T10:00:00Z")


def by_type(bundle, kind):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_every_resource_of_a_whole_visit_validates_against_fhir_r4b(ctx, nurse, doctor):
    visit = full_visit(ctx, nurse, doctor)
    bundle, counts = bundle_of(ctx)
    get_fhir_model_class("Bundle").model_validate(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
    assert len({e["fullUrl"] for e in bundle["entry"]}) == len(bundle["entry"])
    assert counts["residents"] == 1 and counts["visits"] == 1 and counts["conditions"] == 1
    assert counts["referrals"] == 1 and counts["consents"] == 1 and counts["notes"] == 1
    assert by_type(bundle, "Encounter")[0]["id"] == visit.id


def test_the_patient_carries_id_numbers_birth_address_and_ethnic_group(ctx, nurse, doctor):
    full_visit(ctx, nurse, doctor)
    patient = by_type(bundle_of(ctx)[0], "Patient")[0]
    ids = {i["system"]: i["value"] for i in patient["identifier"]}
    assert ids == {fb.SYS_CCCD: "011180001234", fb.SYS_BHYT: "GD4111234567890"}
    assert patient["name"][0] == {"use": "official", "text": "Tòng Thị Hoa", "family": "Tòng", "given": ["Thị Hoa"]}
    assert (patient["birthDate"], patient["gender"]) == ("1980", "female")
    commune = patient["address"][0]["extension"][0]["valueCoding"]
    assert commune == {"system": fb.SYS_COMMUNE, "code": "03637"}
    ethnic = next(e for e in patient["extension"] if e["url"] == fb.EXT_ETHNIC)["valueCoding"]
    assert ethnic["code"] == "03"
    groups = [e["valueCoding"]["code"] for e in patient["extension"] if e["url"] == fb.EXT_TARGET_GROUP]
    assert groups == ["ethnic_minority"]


def test_vital_signs_have_loinc_codes_ucum_units_and_flags(ctx, nurse, doctor):
    full_visit(ctx, nurse, doctor)
    observations = by_type(bundle_of(ctx)[0], "Observation")
    loinc = {o["code"]["coding"][0]["code"]: o for o in observations if o["code"]["coding"][0]["system"] == fb.LOINC}
    assert loinc["8302-2"]["valueQuantity"] == {"value": 158, "unit": "cm", "system": fb.UCUM, "code": "cm"}
    assert loinc["29463-7"]["valueQuantity"]["code"] == "kg"
    assert loinc["8867-4"]["category"][0]["coding"][0]["code"] == "vital-signs"
    assert loinc["8867-4"]["performer"][0]["display"] == "Tòng Thị Hoa"
    panels = [o for o in observations if o["code"]["coding"][0]["code"] == "85354-9"]
    assert len(panels) == 2  # two blood-pressure readings, each a panel
    systolic = panels[0]["component"][0]
    assert systolic["code"]["coding"][0]["code"] == "8480-6" and systolic["valueQuantity"]["code"] == "mm[Hg]"
    assert panels[0]["interpretation"][0]["coding"][0]["code"] == "H"  # 152/96: hypertension grade 1
    assert loinc["14743-9"]["category"][0]["coding"][0]["code"] == "laboratory"


def test_findings_conclusion_referral_consent_and_counselling(ctx, nurse, doctor):
    visit = full_visit(ctx, nurse, doctor)
    bundle = bundle_of(ctx)[0]
    condition = by_type(bundle, "Condition")[0]
    assert condition["code"]["coding"][0] == {"system": fb.ICD10, "code": "I10",
                                              "display": "Tăng huyết áp vô căn (nguyên phát)"}
    assert condition["encounter"]["reference"] == f"urn:uuid:{visit.id}"
    conclusion = next(o for o in by_type(bundle, "Observation") if o["code"]["coding"][0]["code"] == "conclusion")
    assert conclusion["valueCodeableConcept"]["coding"][0]["code"] == "III"
    referral = by_type(bundle, "ServiceRequest")[0]
    assert (referral["priority"], referral["performer"][0]["display"]) == ("urgent", "Bệnh viện đa khoa tỉnh")
    consent = by_type(bundle, "Consent")[0]
    assert consent["status"] == "active" and consent["patient"]["reference"] == f"urn:uuid:{visit.resident_id}"
    note = by_type(bundle, "Communication")[0]
    assert {c["coding"][0]["code"] for c in note["reasonCode"]} == {"hypertension", "nutrition"}
    assert note["payload"] == [{"contentString": "Giảm muối"}]
    encounter = by_type(bundle, "Encounter")[0]
    assert encounter["status"] == "finished"
    roles = {p["type"][0]["coding"][0]["code"]: p["individual"]["display"] for p in encounter["participant"]}
    assert roles == {"ADM": "Tòng Thị Hoa", "SPRF": "Tòng Thị Hoa", "PPRF": "Lò Thị Lan"}


def test_an_amended_record_goes_out_again_with_its_new_version_and_the_reason(ctx, nurse, doctor):
    visit = full_visit(ctx, nurse, doctor, refer=False)  # completed (a referred visit's vitals keep no old version)
    with UnitOfWork(ctx.db) as uow:
        last = max(c.seq for c in OutboxRepository(uow.session).changes_after(0))
    ctx.exam.save_vitals(nurse, visit.id, entries={**VITALS, "weight_kg": 53.5},
                         confirmed_warnings=["systolic_1", "systolic_2", "diastolic_1", "diastolic_2"], fasting=True,
                         reason="Cân lại: cân lệch 1 kg")
    bundle, counts = bundle_of(ctx, after=last)
    assert counts["conditions"] == 0 and counts["visits"] == 1  # only the vital signs and their encounter
    weight = next(o for o in by_type(bundle, "Observation") if o["code"]["coding"][0]["code"] == "29463-7")
    assert weight["meta"]["versionId"] == "2" and weight["status"] == "amended"
    assert weight["valueQuantity"]["value"] == 53.5
    assert {"url": fb.EXT_AMENDMENT, "valueString": "Cân lại: cân lệch 1 kg"} in weight["extension"]
    for entry in bundle["entry"]:
        get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])
