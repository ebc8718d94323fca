"""Examiners' signatures travel in a real batch, one FHIR Provenance each, and the office checks them: export →
import → ``verify_provenance`` finds every signature valid and chained to the training CA; a changed byte of the
signed record, another visit's genuine signature pasted in, an untrusted CA or hostile shapes are invalid with a
Vietnamese reason and never an exception; the manifest counts the signatures; a part amended and signed again
leaves only its new signature at the office."""
from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from fhir.resources.R4B import get_fhir_model_class
from support.office import export
from support.pl01 import set_facility
from support.signing import examiner, training_ca  # noqa: F401

from devkit.station import full_visit
from station_app.core.pl01_answers import Answer
from station_app.persistence.office.tables import OfficeResourceRow
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.common.signing.training_ca import TrainingCA, pkcs12_bytes
from station_app.services.office.signatures import MAX_DATA_CHARS, verify_provenance

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
PASSPHRASE = "mat-khau-tep-p12"


@pytest.fixture
def signed(station, admin, nurse, doctor, examiner):
    set_facility(station)
    visit = full_visit(station, nurse, doctor)
    registered = station.accounts.set_certificate(admin, doctor.username, source="file",
                                                  certificate_der=examiner.certificate.public_bytes(Encoding.DER))
    station.signatures.keys.store(registered.user_id, pkcs12_bytes(examiner, PASSPHRASE))
    signer = station.signatures.open_signer(doctor, PASSPHRASE)
    for part in ("doctor:internal", "doctor:dental"):
        station.signatures.sign_part(doctor, visit.id, part, signer)
    station.signatures.sign_conclusion(doctor, visit.id, signer)
    return visit, signer


def provenances(office):
    with OfficeUnitOfWork(office.service.db) as uow:
        rows = uow.session.query(OfficeResourceRow).filter(OfficeResourceRow.resource_type == "Provenance").all()
        return [r.resource for r in rows]


def _imported(office, station, data_dir, folder):
    [outcome] = office.service.import_paths([export(station, data_dir, folder)]).outcomes
    assert outcome.status == "imported", outcome
    return outcome


def test_every_signature_arrives_and_verifies_at_the_office(station, office, data_dir, tmp_path, signed, training_ca):
    visit, _signer = signed
    outcome = _imported(office, station, data_dir, tmp_path / "usb")
    assert outcome.counts["signatures"] == 3
    found = provenances(office)
    for res in found:
        get_fhir_model_class("Provenance").model_validate(res)
    checked = [verify_provenance(res, [training_ca.certificate]) for res in found]
    assert all(c.valid and c.chain_checked for c in checked), [c.problem for c in checked]
    assert {(c.part, c.kind, c.visit_uid) for c in checked} == {
        ("doctor:internal", "part", visit.id), ("doctor:dental", "part", visit.id),
        ("ket_luan", "conclusion", visit.id)}
    assert {c.cchn for c in checked} == {"000123/LC-CCHN"}
    assert not verify_provenance(found[0], []).chain_checked and verify_provenance(found[0], []).valid


def test_a_changed_record_another_visits_signature_or_an_untrusted_ca_is_invalid(
        station, office, data_dir, tmp_path, signed, training_ca):
    _imported(office, station, data_dir, tmp_path / "usb")
    res = next(r for r in provenances(office) if r["extension"][0]["valueString"] == "doctor:dental")
    xml = base64.b64decode(res["signature"][0]["data"])
    tampered = {**res, "signature": [{**res["signature"][0], "data": base64.b64encode(
        xml.replace(b'MAU_BIEU="2"', b'MAU_BIEU="3"')).decode()}]}
    bad = verify_provenance(tampered, [training_ca.certificate])
    assert not bad.valid and "sửa" in bad.problem
    elsewhere = {**res, "target": [{"reference": "urn:uuid:01900000-0000-7000-8000-000000000001"}]}
    assert "không khớp" in verify_provenance(elsewhere, [training_ca.certificate]).problem
    other_ca = TrainingCA.create("CA lạ")
    untrusted = verify_provenance(res, [other_ca.certificate])
    assert not untrusted.valid and "tin cậy" in untrusted.problem


@pytest.mark.parametrize("hostile", [
    None, [], "Provenance", {"resourceType": "Provenance"},
    {"resourceType": "Provenance", "target": [{"reference": "urn:uuid:" + "0" * 36}],
     "extension": [{"url": "https://station-app.invalid/fhir/StructureDefinition/pl01-part", "valueString": "vitals"}],
     "recorded": "2026-06-01T10:00:00Z",
     "signature": [{"type": [{"code": "1.2.840.10065.1.12.1.1"}], "sigFormat": "application/signature+xml",
                    "data": "A" * (MAX_DATA_CHARS + 4)}]},
    {"resourceType": "Provenance", "target": [{"reference": "urn:uuid:" + "0" * 36}],
     "extension": [{"url": "https://station-app.invalid/fhir/StructureDefinition/pl01-part", "valueString": "vitals"}],
     "recorded": "2026-06-01T10:00:00Z",
     "signature": [{"type": [{"code": "1.2.840.10065.1.12.1.1"}], "sigFormat": "application/signature+xml",
                    "data": base64.b64encode(b"<!DOCTYPE x [<!ENTITY a 'b'>]><PHAN_KHAM>&a;</PHAN_KHAM>").decode()}]},
])
def test_hostile_provenances_are_invalid_with_a_reason_never_an_exception(hostile):
    found = verify_provenance(hostile, [])
    assert not found.valid and found.problem


def test_a_part_amended_and_signed_again_replaces_its_signature_at_the_office(
        station, office, data_dir, tmp_path, signed, doctor, training_ca):
    visit, signer = signed
    _imported(office, station, data_dir, tmp_path / "usb1")
    station.answers.save(doctor, visit.id, desk="doctor:dental", reason="Sửa",
                         answers=[Answer("HAM_TREN", "Sâu răng 16")])
    station.signatures.sign_part(doctor, visit.id, "doctor:dental", signer)
    _imported(office, station, data_dir, tmp_path / "usb2")
    dental = [r for r in provenances(office) if r["extension"][0]["valueString"] == "doctor:dental"]
    assert len(dental) == 1
    assert b"S\xc3\xa2u r\xc4\x83ng 16<" in base64.b64decode(dental[0]["signature"][0]["data"])
    assert verify_provenance(dental[0], [training_ca.certificate]).valid
