"""From the examiner's signature to the station's list: the office imports the signed record, pushes it to the
stand-in national hub on loopback, and the station learns the hub's answer from the office's national receipt, on
a stick and over the network."""
from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from support.batch import full_visit
from support.national import (PASSWORD, SENDER_ID, USERNAME, conclusion_xml, facility_input, facility_key,
                              provenance, with_provenances)
from support.office import export
from support.signing import examiner, training_ca  # noqa: F401
from support.upload import serve

from station_app.services.office import national_service as ns
from station_app.services.office.national.stand_in import HubAccount, StandInHub
from station_app.services.office.national_receipts import write_national
from station_app.services.office.tls import publish_upload_url
from station_app.services.station.national_states import NationalStates, national_text
from station_app.services.station.receipts import import_receipts
from station_app.services.station.upload import UploadService

NOW = dt.datetime(2026, 12, 7, 12, 0)  # UTC: 19:00 in Vietnam


@pytest.fixture
def hub(tmp_path, training_ca):
    pem = facility_key(training_ca).certificate.public_key().public_bytes(Encoding.PEM,
                                                                          PublicFormat.SubjectPublicKeyInfo)
    made = StandInHub(tmp_path / "hub.jsonl", accounts=[HubAccount(USERNAME, PASSWORD, SENDER_ID)],
                      facility_keys={SENDER_ID: pem})
    made.start()
    yield made
    made.stop()


def pushed(office, station, nurse, doctor, examiner, training_ca, hub, data_dir, tmp_path, **changes):
    """A visit signed at the station, imported by the office and pushed to the hub; the visit."""
    visit = full_visit(station, nurse, doctor)
    pem = tmp_path / "ca.pem"
    pem.write_bytes(training_ca.pem()[1])
    ns.trust_add(office.service, pem)
    batch = export(station, data_dir, tmp_path / "xuất")
    signed = conclusion_xml(visit.id, examiner, changes=changes) if changes else conclusion_xml(visit.id, examiner)
    rebuilt = with_provenances(batch, data_dir, office, [provenance(visit.id, signed, number=0)], tmp_path / "usb")
    office.service.import_paths([rebuilt], now=NOW)
    ns.setup_facility(office.service, facility_input(training_ca, url=hub.url))
    ns.push(office.service, now=NOW)
    return visit


def shown(station, data_dir, visit) -> str:
    return national_text(NationalStates(station.db, data_dir).of_visit(visit.id))


def test_a_record_the_hub_accepted_reads_accepted_at_the_station_from_the_stick(
        office, station, nurse, doctor, examiner, training_ca, hub, data_dir, tmp_path):
    visit = pushed(office, station, nurse, doctor, examiner, training_ca, hub, data_dir, tmp_path)
    assert hub.accepted()

    write_national(office.service, "TYT-MK", tmp_path / "về-trạm")
    import_receipts(station.db, data_dir, paths=[tmp_path / "về-trạm"])

    assert shown(station, data_dir, visit) == "Đã liên thông 07/12/2026 19:00"


def test_a_record_the_hub_refused_reads_refused_with_what_to_correct_over_the_network(
        office, station, nurse, doctor, examiner, training_ca, hub, data_dir, tmp_path):
    visit = pushed(office, station, nurse, doctor, examiner, training_ca, hub, data_dir, tmp_path,
                   CAN_NANG="9999")
    server = serve(office)
    try:
        publish_upload_url(office.folder, server.url)
        from station_app.services.exchange.keys import StationKeys

        StationKeys(data_dir).import_office_bundle(office.folder / "office-bundle.json")
        UploadService(station.db, data_dir).sync_national()
    finally:
        server.stop()

    text = shown(station, data_dir, visit)
    assert text.startswith("Bị từ chối: ") and "CAN_NANG" in text and text.endswith("— cần sửa rồi ký lại")
