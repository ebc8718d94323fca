"""The receiving office imports real batches exported by a real station, on SQLite and on a real PostgreSQL server:
counts match the signed manifest, replay changes nothing, gaps and forks are reported, tampering in each part,
an unregistered station and a batch for another office are quarantined with their reason and nothing imported."""
from __future__ import annotations


import pytest

from station_app.persistence.office.tables import (OfficeBatchRow, OfficeHistoryRow, OfficePatientRow,
                                                   OfficeQuarantineRow, OfficeResourceRow, OfficeVisitRow)
from station_app.persistence.office.store import OfficeStore
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.exchange.keys import StationKeys
from support.batch import full_visit, office_keys
from support.office import connect_station, export, flip, parts_of, rewrite
from support.postgres import postgres_server  # noqa: F401 - the session fixture

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return None  # the default: office.sqlite in the office folder
    server = request.getfixturevalue("postgres_server")
    return server.new_database()


def counts(office):
    with OfficeUnitOfWork(office.service.db) as uow:
        store = uow.store
        by_type = {}
        for kind in ("Observation", "Condition", "ServiceRequest", "Consent", "Communication", "Provenance"):
            by_type[kind] = store.count(OfficeResourceRow, resource_type=kind)
        return {"residents": store.count(OfficePatientRow), "visits": store.count(OfficeVisitRow),
                "observations": by_type["Observation"], "conditions": by_type["Condition"],
                "referrals": by_type["ServiceRequest"], "consents": by_type["Consent"],
                "notes": by_type["Communication"], "signatures": by_type["Provenance"],
                "batches": store.count(OfficeBatchRow),
                "history": store.count(OfficeHistoryRow), "quarantined": store.count(OfficeQuarantineRow)}


def manifest_counts(path):
    import json

    return json.loads(parts_of(path)["manifest.json"])["counts"]


def test_a_batch_is_imported_with_as_many_rows_as_its_manifest_counts_and_a_receipt(station, nurse, doctor, office,
                                                                                     data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    full_visit(station, nurse, doctor, name="Lò Văn Páo", national_id="011080009999")
    batch = export(station, data_dir, tmp_path / "usb")
    report = office.service.import_paths([batch.parent])
    [outcome] = report.outcomes
    assert (outcome.status, outcome.station, outcome.sequence) == ("imported", "TYT-MK", 1)
    expected = manifest_counts(batch)
    held = counts(office)
    assert {k: held[k] for k in expected if k != "resources"} == {k: v for k, v in expected.items() if k != "resources"}
    assert held["batches"] == 1 and held["quarantined"] == 0 and report.gaps == {}
    assert outcome.receipt == batch.parent / "TYT-MK-000001.receipt.json" and outcome.receipt.exists()


def test_replaying_a_batch_changes_nothing_and_says_so(station, nurse, doctor, office, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")
    office.service.import_paths([batch])
    before = counts(office)
    [again] = office.service.import_paths([batch]).outcomes
    assert again.status == "duplicate" and again.receipt.exists()
    assert counts(office) == before


def test_a_gap_is_accepted_and_reported_until_the_missing_batch_arrives(station, nurse, doctor, office, data_dir,
                                                                        tmp_path):
    first, second = tmp_path / "ngày 1", tmp_path / "ngày 2"
    full_visit(station, nurse, doctor)
    one = export(station, data_dir, first)
    full_visit(station, nurse, doctor, name="Lò Văn Páo", national_id="011080009999")
    two = export(station, data_dir, second)
    assert two.name == "TYT-MK-000002.batch"
    report = office.service.import_paths([two])
    assert report.outcomes[0].status == "imported" and report.gaps == {"TYT-MK": (1,)}
    report = office.service.import_paths([one])
    assert report.outcomes[0].status == "imported" and report.gaps == {}
    assert counts(office)["visits"] == 2


def test_a_fork_is_refused_and_reported(station, nurse, doctor, office, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")
    office.service.import_paths([batch])
    # Another laptop restored from an old backup makes "batch 1" again, with other contents, signed by the same key
    from station_app.services.exchange.batch_export import zip_parts
    import json

    manifest = json.loads(parts_of(batch)["manifest.json"])
    manifest["created_at"] = "2026-11-24T00:00:00Z"
    raw = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
    key = StationKeys(data_dir).private_key()
    fork = tmp_path / "fork" / batch.name
    fork.parent.mkdir()
    fork.write_bytes(zip_parts(raw, key.sign(raw), payload=parts_of(batch)["payload.age"]))
    before = counts(office)
    [outcome] = office.service.import_paths([fork]).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", "fork")
    assert counts(office)["visits"] == before["visits"] and counts(office)["quarantined"] == 1


@pytest.mark.parametrize("part, at, reason", [("manifest.json", 40, "bad_signature"),
                                              ("manifest.sig", 10, "bad_signature"),
                                              ("payload.age", 200, "payload_hash_mismatch")])
def test_a_flipped_byte_in_any_part_is_quarantined_with_its_reason_and_nothing_imported(
        station, nurse, doctor, office, data_dir, tmp_path, part, at, reason):
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")
    bad = rewrite(batch, tmp_path / "bad" / batch.name, **{part.replace(".", "_"): flip(parts_of(batch)[part], at)})
    [outcome] = office.service.import_paths([bad]).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", reason)
    assert outcome.quarantined_to.exists() and outcome.quarantined_to.read_bytes() == bad.read_bytes()
    assert reason in outcome.quarantined_to.with_name(outcome.quarantined_to.name + ".reason.txt").read_text()
    held = counts(office)
    assert held["visits"] == held["residents"] == held["observations"] == held["batches"] == 0


def test_a_damaged_zip_is_quarantined(station, nurse, doctor, office, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")
    batch.write_bytes(batch.read_bytes()[: 100])
    [outcome] = office.service.import_paths([batch]).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", "not_a_zip")


def test_an_unregistered_station_is_quarantined_then_imported_once_registered(ctx, nurse, doctor, office, data_dir,
                                                                              tmp_path):
    connect_station(office, data_dir, register=False)
    full_visit(ctx, nurse, doctor)
    batch = export(ctx, data_dir, tmp_path / "usb")
    [outcome] = office.service.import_paths([batch]).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", "unregistered_station")
    assert counts(office)["visits"] == 0
    office.service.add_station(data_dir.parent / "TYT-MK.pub.pem", "TYT-MK")
    [outcome] = office.service.import_paths([outcome.quarantined_to.parent]).outcomes
    assert outcome.status == "imported" and counts(office)["visits"] == 1


def test_a_batch_encrypted_for_another_office_is_quarantined(ctx, nurse, doctor, office, data_dir, tmp_path):
    connect_station(office, data_dir)
    other = office_keys(tmp_path / "văn phòng khác")
    StationKeys(data_dir).import_office_bundle(other.bundle_path)
    full_visit(ctx, nurse, doctor)
    batch = export(ctx, data_dir, tmp_path / "usb")
    [outcome] = office.service.import_paths([batch]).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", "not_for_this_office")
    assert counts(office)["visits"] == 0


def test_a_broken_chain_is_refused(station, nurse, doctor, office, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    one = export(station, data_dir, tmp_path / "d1")
    office.service.import_paths([one])
    full_visit(station, nurse, doctor, name="Lò Văn Páo", national_id="011080009999")
    two = export(station, data_dir, tmp_path / "d2")
    import json

    from station_app.services.exchange.batch_export import zip_parts

    manifest = json.loads(parts_of(two)["manifest.json"])
    manifest["previous"] = "0" * 64
    raw = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
    forged = tmp_path / "d3" / two.name
    forged.parent.mkdir()
    forged.write_bytes(zip_parts(raw, StationKeys(data_dir).private_key().sign(raw), payload=parts_of(two)["payload.age"]))
    [outcome] = office.service.import_paths([forged]).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", "chain_broken")
    assert office.service.import_paths([two]).outcomes[0].status == "imported"


def test_a_batch_imported_meanwhile_by_another_importer_is_found_on_a_second_look(station, nurse, doctor, office,
                                                                                  data_dir, tmp_path, monkeypatch):
    """PostgreSQL lets two people import at once: the one who loses the race reports 'already imported'."""
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")
    office.service.import_paths([batch])
    looks = []
    real = OfficeStore.batch

    def first_look_misses(store, code, sequence):
        looks.append(sequence)
        return None if len(looks) == 1 else real(store, code, sequence)

    monkeypatch.setattr(OfficeStore, "batch", first_look_misses)
    [outcome] = office.service.import_paths([batch]).outcomes
    assert outcome.status == "duplicate" and counts(office)["batches"] == 1


def test_an_import_asked_to_validate_fhir_refuses_a_resource_that_is_not_fhir(station, nurse, doctor, office,
                                                                              data_dir, tmp_path):
    from support.office import rebuild

    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")

    def spoil(bundle):
        observation = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation")
        observation["effectiveDateTime"] = "hôm qua"

    bad = rebuild(batch, data_dir, office, spoil, tmp_path / "bad")
    [outcome] = office.service.import_paths([bad], validate_fhir=True).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", "invalid_fhir") and counts(office)["visits"] == 0
    assert office.service.import_paths([batch], validate_fhir=True).outcomes[0].status == "imported"


def test_batches_named_in_any_order_are_taken_in_sequence_order(station, nurse, doctor, office, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    one = export(station, data_dir, tmp_path / "usb")
    full_visit(station, nurse, doctor, name="Lò Văn Páo", national_id="011080009999")
    two = export(station, data_dir, tmp_path / "usb")  # the stick holds both (1 written again, not acknowledged)
    report = office.service.import_paths([two, one])
    assert [(o.sequence, o.status) for o in report.outcomes] == [(1, "imported"), (2, "imported")]
    assert report.gaps == {}
