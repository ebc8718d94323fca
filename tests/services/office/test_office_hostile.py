"""Hostile or broken batches at the receiving office (issue 16, points 1 to 3), with real stations, real keys, real
batches and the office's real SQLite database: a station writes only its own records (and the laptops registered
for its site), versions cannot be pushed out of reach, a broken batch is quarantined and the files beside it are
imported, and nothing outside the office's folders is named after an unchecked field."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.batch import VITALS, full_visit, make_doctor
from support.office import connect_station, export, parts_of, rewrite
from station_app.app import open_context
from station_app.core.batch_format import sha256_hex
from station_app.persistence.office.tables import (OfficeBatchRow, OfficePatientRow, OfficeQuarantineRow,
                                                   OfficeResourceRow, OfficeVisitRow)
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.exchange import fhir_bundle as fhir
from station_app.services.exchange.batch_export import encrypt_payload, zip_parts
from station_app.services.exchange.batch_verify import decrypt_payload, read_batch
from station_app.services.exchange.keys import StationKeys
from support import ADMIN_PASSWORD, station_setup

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
BP = ["systolic_1", "systolic_2", "diastolic_1", "diastolic_2"]


# -- helpers ------------------------------------------------------------------------------------------------------

def other_station(tmp_path: Path, office, code: str, site: str | None = None):
    """A second station (its own laptop, data folder and key), registered with the office."""
    folder = tmp_path / f"trạm {code}"
    folder.mkdir()
    ctx = open_context(folder)
    ctx.station.initialise(station_setup(station_code=code, station_name=f"Trạm {code}", site_name=f"Điểm {code}"))
    connect_station(office, folder, code, site=site)
    admin = ctx.accounts.sign_in("admin", ADMIN_PASSWORD)
    return ctx, folder, make_doctor(ctx, admin)


def bundle_of(batch: Path, office) -> dict:
    identity = (office.folder / "keys/office-age.key").read_text().strip()
    return decrypt_payload(read_batch(batch), [identity])


def resign(batch: Path, station_dir: Path, office, change, target: Path, **manifest_changes) -> Path:
    """The batch's Bundle changed by ``change(bundle)``, counted, encrypted and signed again by the station's key."""
    bundle = bundle_of(batch, office)
    change(bundle)
    manifest = json.loads(parts_of(batch)["manifest.json"])
    manifest["counts"] = fhir.resource_counts([e["resource"] for e in bundle["entry"]])
    manifest.update(manifest_changes)
    payload = encrypt_payload(bundle, tuple(manifest["recipients"]))
    manifest["files"] = [{"name": "payload.age", "sha256": sha256_hex(payload), "size": len(payload)}]
    raw = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{manifest['station']['code']}-{manifest['sequence']:06d}.batch" if isinstance(
        manifest["sequence"], int) and "/" not in str(manifest["station"]["code"]) else target / batch.name
    path.write_bytes(zip_parts(raw, StationKeys(station_dir).private_key().sign(raw), payload=payload))
    return path


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def held(office) -> dict:
    with OfficeUnitOfWork(office.service.db) as uow:
        store = uow.store
        return {"batches": store.count(OfficeBatchRow), "residents": store.count(OfficePatientRow),
                "visits": store.count(OfficeVisitRow), "resources": store.count(OfficeResourceRow),
                "quarantined": store.count(OfficeQuarantineRow)}


def patient_name(office, patient_id: str) -> str:
    with OfficeUnitOfWork(office.service.db) as uow:
        return uow.session.get(OfficePatientRow, patient_id).resource["name"][0]["text"]


def visit_status(office, visit_id: str) -> str:
    with OfficeUnitOfWork(office.service.db) as uow:
        return uow.session.get(OfficeVisitRow, visit_id).status


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


# -- 1. a station writes only its own records ------------------------------------------------------------------------

def test_a_station_signing_another_stations_records_is_quarantined_and_nothing_of_its_batch_imported(
        station, nurse, doctor, office, data_dir, tmp_path):
    visit = full_visit(station, nurse, doctor)
    a = export(station, data_dir, tmp_path / "a")
    office.service.import_paths([a])
    a_bundle = bundle_of(a, office)
    before = held(office)
    other, folder, other_doctor = other_station(tmp_path, office, "TYT-NK")
    try:
        full_visit(other, other_doctor, other_doctor, name="Lò Văn Páo", national_id="011080009999")
        b = export(other, folder, tmp_path / "b")
    finally:
        other.close()

    def attack(bundle):
        [patient] = resources(a_bundle, "Patient")
        [encounter] = resources(a_bundle, "Encounter")
        patient = {**patient, "meta": {**patient["meta"], "versionId": "7"},
                   "name": [{"text": "Kẻ Mạo Danh", "family": "Kẻ", "given": ["Mạo", "Danh"]}]}
        encounter = {**encounter, "status": "cancelled", "meta": {"lastUpdated": "2099-01-01T00:00:00Z"}}
        weight = next(r for r in resources(a_bundle, "Observation") if r["code"]["coding"][0]["code"] == "29463-7")
        retire = {**weight, "id": "0190ffff-0000-7000-8000-000000000001"}  # a new id in A's vital signs
        bundle["entry"] += [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in (patient, encounter, retire)]

    forged = resign(b, folder, office, attack, tmp_path / "giả")
    [outcome] = office.service.import_paths([forged]).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", "foreign_record")
    assert "trạm khác" in outcome.reason_text
    assert patient_name(office, visit.resident_id) == "Tòng Thị Hoa"
    assert visit_status(office, visit.id) == "finished"
    assert held(office) == {**before, "quarantined": 1}  # not even station B's own visit went in


def test_one_resource_of_another_station_under_its_own_visit_is_refused_too(station, nurse, doctor, office, data_dir,
                                                                           tmp_path):
    """Station B files A's observation id under B's own visit: A's observation would move to B's visit."""
    full_visit(station, nurse, doctor)
    a = export(station, data_dir, tmp_path / "a")
    office.service.import_paths([a])
    a_weight = next(r for r in resources(bundle_of(a, office), "Observation")
                    if r["code"]["coding"][0]["code"] == "29463-7")
    other, folder, other_doctor = other_station(tmp_path, office, "TYT-NK")
    try:
        full_visit(other, other_doctor, other_doctor, name="Lò Văn Páo", national_id="011080009999")
        b = export(other, folder, tmp_path / "b")
    finally:
        other.close()

    def steal(bundle):
        mine = next(r for r in resources(bundle, "Observation") if r["code"]["coding"][0]["code"] == "29463-7")
        mine["id"] = a_weight["id"]
        mine["meta"]["versionId"] = "2"

    [outcome] = office.service.import_paths([resign(b, folder, office, steal, tmp_path / "giả")]).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", "foreign_record")
    with OfficeUnitOfWork(office.service.db) as uow:
        row = uow.session.get(OfficeResourceRow, a_weight["id"])
        assert (row.version, row.resource["valueQuantity"]["value"]) == (1, 52.5)


def test_a_laptop_registered_for_the_site_adds_its_part_to_the_visit_and_one_that_is_not_is_refused(
        station, nurse, doctor, office, data_dir, tmp_path):
    visit = full_visit(station, nurse, doctor)
    a = export(station, data_dir, tmp_path / "a")
    office.service.import_paths([a])
    a_bundle = bundle_of(a, office)
    made = {}
    for code, site in (("TYT-MK-2", "TYT-MK"), ("TYT-NK", None)):
        other, folder, other_doctor = other_station(tmp_path, office, code, site=site)
        try:
            b_visit = full_visit(other, other_doctor, other_doctor)
            made[code] = (export(other, folder, tmp_path / code), folder, b_visit)
        finally:
            other.close()

    def counselling_of_a(b_visit):
        def change(bundle):
            [encounter] = resources(a_bundle, "Encounter")
            [note] = [json.loads(json.dumps(r).replace(b_visit.id, visit.id)) for r in resources(bundle, "Communication")]
            note["id"] = "0190ffff-0000-7000-8000-00000000c0c0"
            bundle["entry"] = [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in (encounter, note)]
        return change

    outcomes = {}
    for code, (batch, folder, b_visit) in made.items():
        part = resign(batch, folder, office, counselling_of_a(b_visit), tmp_path / f"{code}-part")
        [outcomes[code]] = office.service.import_paths([part]).outcomes
    assert (outcomes["TYT-MK-2"].status, outcomes["TYT-NK"].reason) == ("imported", "foreign_record")
    with OfficeUnitOfWork(office.service.db) as uow:
        notes = uow.session.query(OfficeResourceRow).filter(OfficeResourceRow.visit_id == visit.id,
                                                        OfficeResourceRow.resource_type == "Communication").count()
    assert notes == 1  # the site laptop's note replaced A's counselling set, the stranger's did not


def test_a_site_can_only_be_named_after_a_registered_station(ctx, office, tmp_path, data_dir):
    from station_app.services.office.service import SiteUnknownError

    keys = StationKeys(data_dir)
    keys.import_office_bundle(office.folder / "office-bundle.json")
    keys.save_public_key(tmp_path / "k.pem")
    with pytest.raises(SiteUnknownError):
        office.service.add_station(tmp_path / "k.pem", "TYT-MK-2", name="Máy 2", site="TYT-XX")
    assert office.service.stations() == []


@pytest.mark.parametrize("version", ["1000000000000000000000000000000", "1000000", "0", "-3", "abc"])
def test_a_version_out_of_reach_is_refused_and_the_owners_later_correction_goes_in(
        station, nurse, doctor, office, data_dir, tmp_path, version):
    visit = full_visit(station, nurse, doctor, refer=False)
    one = export(station, data_dir, tmp_path / "d1")
    office.service.import_paths([one])
    station.exam.save_vitals(nurse, visit.id, entries={**VITALS, "weight_kg": 53.5}, confirmed_warnings=BP, fasting=True, reason="Cân lại")
    two = export(station, data_dir, tmp_path / "d2")

    def jump(bundle):
        for r in resources(bundle, "Observation"):
            r["meta"]["versionId"] = version

    [outcome] = office.service.import_paths([resign(two, data_dir, office, jump, tmp_path / "giả")]).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", "version_out_of_range")
    [outcome] = office.service.import_paths([two]).outcomes
    assert outcome.status == "imported"
    with OfficeUnitOfWork(office.service.db) as uow:
        weights = [r.resource["valueQuantity"]["value"] for r in uow.session.query(OfficeResourceRow)
                   if r.code == "29463-7"]
    assert weights == [53.5]


# -- 2. one broken batch never blocks a station (the office's side) --------------------------------------------------

def _service_provider_a_string(bundle):
    resources(bundle, "Encounter")[0]["serviceProvider"] = "TYT-MK"


def _meta_a_list(bundle):
    resources(bundle, "Patient")[0]["meta"] = ["1"]


def _an_id_of_five_thousand_letters(bundle):
    resources(bundle, "Observation")[0]["id"] = "x" * 5000


def _an_id_number_as_a_number(bundle):
    resources(bundle, "Patient")[0]["identifier"][0]["value"] = 11180001234


def _deep_nesting(bundle):
    deep: list = []
    for _ in range(400):
        deep = [deep]
    resources(bundle, "Observation")[0]["note"] = deep


def _coding_not_a_list(bundle):
    resources(bundle, "Observation")[0]["code"] = {"coding": "not a list"}


@pytest.mark.parametrize("damage", [_service_provider_a_string, _meta_a_list, _an_id_of_five_thousand_letters,
                                    _an_id_number_as_a_number, _deep_nesting, _coding_not_a_list])
def test_a_signed_batch_with_a_malformed_field_is_quarantined_and_the_genuine_batch_beside_it_imported(
        station, nurse, doctor, office, data_dir, tmp_path, damage):
    full_visit(station, nurse, doctor)
    one = export(station, data_dir, tmp_path / "d1")
    full_visit(station, nurse, doctor, name="Lò Văn Páo", national_id="011080009999")
    two = export(station, data_dir, tmp_path / "d2")
    usb = tmp_path / "usb"
    resign(one, data_dir, office, damage, usb)
    (usb / two.name).write_bytes(two.read_bytes())
    report = office.service.import_paths([usb])
    assert [(o.sequence, o.status) for o in report.outcomes] == [(1, "quarantined"), (2, "imported")]
    expected = "payload_corrupt" if damage is _deep_nesting else "malformed_resource"  # bounded when decrypted
    assert report.outcomes[0].reason == expected and report.outcomes[0].reason_text
    assert held(office)["visits"] == 1 and held(office)["quarantined"] == 1


# -- 3. nothing outside is named after an unchecked field -------------------------------------------------------------

@pytest.mark.parametrize("code", ["../../ngoài", "../../../../../ngoài", "A/../../B"])
def test_a_manifest_naming_a_path_as_its_station_writes_nothing_outside_the_office_and_the_stick(
        station, nurse, doctor, office, data_dir, tmp_path, code):
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "xuất")
    stick = tmp_path / "ổ" / "usb" / "lô"
    stick.mkdir(parents=True)
    manifest = json.loads(parts_of(batch)["manifest.json"])
    manifest["station"]["code"] = code
    raw = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
    hostile = stick / batch.name
    hostile.write_bytes(zip_parts(raw, StationKeys(data_dir).private_key().sign(raw), payload=parts_of(batch)["payload.age"]))
    before = files_under(tmp_path)
    [outcome] = office.service.import_paths([hostile]).outcomes
    assert outcome.status == "quarantined" and outcome.receipt is None
    written = files_under(tmp_path) - before
    assert written and all(office.folder in p.parents for p in written), written
    with OfficeUnitOfWork(office.service.db) as uow:
        [row] = uow.session.query(OfficeQuarantineRow).all()
        assert row.station_code in (None, "TYT-MK")  # never the path


def test_no_refusal_notice_is_signed_for_a_file_the_registered_station_did_not_sign(station, nurse, doctor, office,
                                                                                  data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "xuất")
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "TYT-MK-000001.batch").write_bytes(b"PK\x03\x04 not a batch at all")  # junk under the station's name
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stranger = Ed25519PrivateKey.generate()  # someone's key, not the station's
    manifest = parts_of(batch)["manifest.json"].replace(b"\"sequence\": 1", b"\"sequence\": 2")
    (usb / "TYT-MK-000002.batch").write_bytes(zip_parts(manifest, stranger.sign(manifest),
                                                        payload=parts_of(batch)["payload.age"]))
    unknown = manifest.replace(b"\"code\": \"TYT-MK\"", b"\"code\": \"TYT-XX\"").replace(b"\"sequence\": 2", b"\"sequence\": 3")
    (usb / "TYT-XX-000003.batch").write_bytes(zip_parts(unknown, stranger.sign(unknown),  # a code nobody registered
                                                        payload=parts_of(batch)["payload.age"]))
    report = office.service.import_paths([usb])
    assert sorted(o.reason for o in report.outcomes) == ["bad_signature", "not_a_zip", "unregistered_station"]
    assert [o.receipt for o in report.outcomes] == [None, None, None]
    assert not list(usb.glob("*.receipt.json")) and not list((office.folder / "receipts").glob("*"))


def test_an_office_database_of_the_first_version_gets_owners_and_then_refuses_another_stations_batch(
        station, nurse, doctor, office, data_dir, tmp_path):
    import sqlite3

    from station_app.services.office.service import OfficeService

    visit = full_visit(station, nurse, doctor)
    office.service.import_paths([export(station, data_dir, tmp_path / "a")])
    office.service.close()
    with sqlite3.connect(office.folder / "office.sqlite") as db:  # as version 1 made it: no owners, no sites
        for table in ("office_patients", "office_visits", "office_resources"):
            db.execute(f"ALTER TABLE {table} DROP COLUMN owner")
        db.execute("ALTER TABLE office_stations DROP COLUMN site")
        db.execute("UPDATE office_schema SET version = 1")
        # nor the tables added later, nor Alembic's (version 1 was made by metadata.create_all)
        for table in ("office_station_keys", "office_events", "office_audit_anchors", "office_quarantine_dropped",
                      "office_chain_decisions", "alembic_version"):
            db.execute(f"DROP TABLE {table}")
    office.service = OfficeService(office.folder)
    with OfficeUnitOfWork(office.service.db) as uow:
        assert {r.owner for r in uow.session.query(OfficeResourceRow)} == {"TYT-MK"}
        assert uow.session.get(OfficeVisitRow, visit.id).owner == "TYT-MK"
        assert uow.session.execute(__import__("sqlalchemy").text("SELECT version FROM office_schema")).scalar() == 2


def test_the_command_line_registers_a_laptop_for_a_registered_stations_site_and_refuses_an_unknown_site(
        station, office, tmp_path):
    from support.cli import run_cli
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = tmp_path / "may-2.pub.pem"
    pem.write_bytes(Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    office.service.close()
    unknown = run_cli("office", "stations", "add", str(pem), "--code", "TYT-MK-2", "--site", "TYT-XX",
                      "--dir", str(office.folder))
    assert unknown.returncode != 0 and "TYT-XX" in unknown.stderr and "Traceback" not in unknown.stderr
    done = run_cli("office", "stations", "add", str(pem), "--code", "TYT-MK-2", "--site", "TYT-MK",
                   "--dir", str(office.folder))
    assert done.returncode == 0, done.stderr
    from station_app.services.office.service import OfficeService

    office.service = OfficeService(office.folder)
    with OfficeUnitOfWork(office.service.db) as uow:
        assert uow.store.site_mates("TYT-MK") == {"TYT-MK", "TYT-MK-2"}


def test_a_link_to_a_device_or_a_fifo_named_like_a_batch_is_quarantined_without_a_copy(office, tmp_path):
    """A hostile stick (ext4) with a link to /dev/zero under a batch's name: the quarantine copied it until the
    office's disk was full (75 GB here before it was stopped). Now neither it nor a FIFO is read or copied, and the
    import of the folder ends."""
    import os

    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "TYT-MK-000001.batch").symlink_to("/dev/zero")
    os.mkfifo(usb / "TYT-MK-000002.batch")
    outcomes = office.service.import_paths([usb]).outcomes
    assert [o.status for o in outcomes] == ["quarantined", "quarantined"]
    assert all(o.quarantined_to is None for o in outcomes)
    copies = [p for p in (office.folder / "quarantine").rglob("*") if p.is_file() and p.suffix == ".batch"]
    assert copies == []
