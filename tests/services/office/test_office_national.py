"""The office's side of delivery to the national database: signatures checked on import (a bad one holds its record
back with the reason while the rest of the batch imports), record versions by content, the facility's settings
with their secrets encrypted, and pushes to the stand-in hub on loopback: accepted with the national transaction id,
a network cut retried with the same msg_id, a refusal with what to correct, a refused account stopping the station.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from station_app.persistence.office.tables import (OfficeNationalFacilityRow, OfficeNationalRecordRow,
                                                   OfficeSignatureRow, OfficeVisitRow)
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.common.signing.training_ca import TrainingCA
from station_app.services.office import national_service as ns
from station_app.services.office.national.stand_in import HubAccount, StandInHub
from support.batch import VITALS, full_visit
from support.national import (PASSWORD, SENDER_ID, USERNAME, conclusion_xml, facility_input, facility_key,
                              provenance, with_provenances)
from support.office import export
from support.postgres import postgres_server  # noqa: F401 - started only when asked for
from support.signing import examiner, training_ca  # noqa: F401

NOW = dt.datetime(2026, 12, 7, 12, 0)
BP = ["systolic_1", "systolic_2", "diastolic_1", "diastolic_2"]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request):
    """The office's database: SQLite in its folder, or PostgreSQL (the office's usual server)."""
    return None if request.param == "sqlite" else request.getfixturevalue("postgres_server").new_database()


@pytest.fixture
def visit(station, nurse, doctor):
    return full_visit(station, nurse, doctor)


def soon(minutes: int) -> dt.datetime:
    """A signing time after the test's certificates were issued (they are valid from the moment they are made)."""
    return dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=minutes)


def import_signed(office, station_dir, tmp_path, visit_id, *xmls, name="usb"):
    batch = export_once(office, station_dir, tmp_path)
    rebuilt = with_provenances(batch, station_dir, office, [provenance(visit_id, x, number=i)
                                                            for i, x in enumerate(xmls)], tmp_path / name)
    return office.service.import_paths([rebuilt], now=NOW)


def export_once(office, station_dir, tmp_path):
    from station_app.app import open_context

    ctx = open_context(station_dir)
    try:
        return export(ctx, station_dir, tmp_path / f"xuất-{len(list(tmp_path.glob('xuất-*')))}")
    finally:
        ctx.close()


def amend(station, nurse, visit, kg):
    """A change at the station, so that its next export is a new batch."""
    station.exam.save_vitals(nurse, visit.id, entries={**VITALS, "weight_kg": kg}, confirmed_warnings=BP,
                             fasting=True, reason="Cân lại")


def records(office):
    with OfficeUnitOfWork(office.service.db) as uow:
        return [(r.version, r.state, r.problem) for r in uow.session.query(OfficeNationalRecordRow)
                .order_by(OfficeNationalRecordRow.version)]


def trust(office, ca: TrainingCA, tmp_path: Path):
    pem = tmp_path / "ca.pem"
    pem.write_bytes(ca.pem()[1])
    return ns.trust_add(office.service, pem)


# -- import ------------------------------------------------------------------------------------------------------

def test_a_conclusion_signed_by_an_examiner_of_a_trusted_ca_waits_to_be_pushed(
        office, station, visit, examiner, training_ca, data_dir, tmp_path):
    trust(office, training_ca, tmp_path)
    report = import_signed(office, data_dir, tmp_path, visit.id, conclusion_xml(visit.id, examiner))
    assert [o.status for o in report.outcomes] == ["imported"]
    assert records(office) == [(1, "waiting", None)]
    with OfficeUnitOfWork(office.service.db) as uow:
        [sig] = uow.session.query(OfficeSignatureRow).all()
    assert sig.valid and sig.kind == "conclusion" and sig.cchn == "000123/LC-CCHN"
    shown = ns.status(office.service, now=NOW)
    assert shown.stations[0].counts == {"waiting": 1} and not shown.stations[0].configured


def test_a_signature_the_office_cannot_trust_holds_its_record_back_and_the_batch_still_imports(
        office, station, visit, examiner, data_dir, tmp_path):
    report = import_signed(office, data_dir, tmp_path, visit.id, conclusion_xml(visit.id, examiner))
    assert [o.status for o in report.outcomes] == ["imported"]
    with OfficeUnitOfWork(office.service.db) as uow:
        assert uow.store.count(OfficeVisitRow) == 1
    [(version, state, problem)] = records(office)
    assert state == "held" and "office national trust add" in problem
    assert ns.status(office.service, now=NOW).held[0].problem == problem


def test_a_value_changed_after_signing_is_held_as_an_invalid_signature(
        office, station, visit, examiner, training_ca, data_dir, tmp_path):
    trust(office, training_ca, tmp_path)
    signed = conclusion_xml(visit.id, examiner)
    forged = signed.replace(b"<CAN_NANG>", b"<CAN_NANG>1", 1)
    assert forged != signed
    import_signed(office, data_dir, tmp_path, visit.id, forged)
    [(_, state, problem)] = records(office)
    assert state == "held" and "Chữ ký số không hợp lệ" in problem


def test_a_signature_of_another_visit_filed_under_this_one_is_held(
        office, station, visit, examiner, training_ca, data_dir, tmp_path):
    trust(office, training_ca, tmp_path)
    other = conclusion_xml("00000000-0000-4000-8000-000000000000", examiner)
    import_signed(office, data_dir, tmp_path, visit.id, other)
    [(_, state, problem)] = records(office)
    assert state == "held" and "lượt khám khác" in problem


def test_amended_content_is_a_new_version_and_the_same_content_signed_again_is_nothing_new(
        office, station, nurse, visit, examiner, training_ca, data_dir, tmp_path):
    trust(office, training_ca, tmp_path)
    first = conclusion_xml(visit.id, examiner, signed_at=soon(1))
    import_signed(office, data_dir, tmp_path, visit.id, first)
    _mark(office, state="accepted")
    again = conclusion_xml(visit.id, examiner, signed_at=soon(2))
    amend(station, nurse, visit, 61)
    import_signed(office, data_dir, tmp_path, visit.id, again, name="usb2")
    assert records(office) == [(1, "accepted", None)]
    amended = conclusion_xml(visit.id, examiner, version=2, changes={"CAN_NANG": "61"},
                             signed_at=soon(3))
    amend(station, nurse, visit, 62)
    import_signed(office, data_dir, tmp_path, visit.id, amended, name="usb3")
    assert records(office) == [(1, "accepted", None), (2, "waiting", None)]


def _mark(office, **values):
    with OfficeUnitOfWork(office.service.db) as uow:
        for row in uow.session.query(OfficeNationalRecordRow):
            for k, v in values.items():
                setattr(row, k, v)


# -- settings ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("change", "named"), [
    ({"sender_id": "12345"}, "--sender-id"), ({"ma_cskcb": "AB"}, "--ma-cskcb"), ({"gln": "8934567000011"}, "--gln"),
    ({"url": "http://hub.example.vn"}, "--url"), ({"username": ""}, "--username"),
    ({"receiver_id": "có dấu cách"}, "--receiver-id")])
def test_each_bad_setting_is_refused_naming_the_field_and_nothing_is_kept(office, station, training_ca, change,
                                                                           named):
    with pytest.raises(ns.NationalFieldError) as caught:
        ns.setup_facility(office.service, facility_input(training_ca, **change))
    assert named in str(caught.value)
    assert ns.facilities(office.service) == []


def test_a_wrong_passphrase_or_an_unknown_station_is_refused_with_what_to_do(office, station, training_ca):
    with pytest.raises(Exception) as caught:
        ns.setup_facility(office.service, facility_input(training_ca, passphrase="sai"))
    assert "mật khẩu" in str(caught.value).lower() or "không đọc được" in str(caught.value).lower()
    with pytest.raises(ns.NationalStationUnknownError):
        ns.setup_facility(office.service, facility_input(training_ca, station="TYT-KHAC"))


def test_the_settings_keep_no_secret_in_the_clear_and_show_none(office, station, training_ca, db_url):
    view = ns.setup_facility(office.service, facility_input(training_ca))
    assert view.sender_id == SENDER_ID and view.key_kind == "file" and PASSWORD not in repr(view)
    with OfficeUnitOfWork(office.service.db) as uow:
        row = uow.session.get(OfficeNationalFacilityRow, "TYT-MK")
        sealed = row.secrets
    assert sealed.startswith(b"age-encryption.org/v1") and PASSWORD.encode() not in sealed
    if db_url is None:
        assert PASSWORD.encode() not in (office.folder / "office.sqlite").read_bytes()


# -- push --------------------------------------------------------------------------------------------------------

@pytest.fixture
def hub(tmp_path, training_ca):
    pem = facility_key(training_ca).certificate.public_key().public_bytes(Encoding.PEM,
                                                                          PublicFormat.SubjectPublicKeyInfo)
    made = StandInHub(tmp_path / "hub.jsonl", accounts=[HubAccount(USERNAME, PASSWORD, SENDER_ID)],
                      facility_keys={SENDER_ID: pem})
    made.start()
    yield made
    made.stop()


@pytest.fixture
def waiting(office, station, visit, examiner, training_ca, data_dir, tmp_path):
    trust(office, training_ca, tmp_path)
    import_signed(office, data_dir, tmp_path, visit.id, conclusion_xml(visit.id, examiner))
    return visit


def test_a_waiting_record_without_settings_stays_waiting_with_the_reason(office, waiting):
    summary = ns.push(office.service, now=NOW)
    assert summary.stations[0].skipped == 1 and "office national setup" in summary.stations[0].problem
    assert records(office) == [(1, "waiting", ns.NOT_CONFIGURED)]


def test_a_record_is_countersigned_pushed_and_accepted_with_the_national_transaction_id(
        office, waiting, hub, training_ca):
    ns.setup_facility(office.service, facility_input(training_ca, url=hub.url))
    summary = ns.push(office.service, now=NOW)
    assert summary.total("accepted") == 1
    [accepted] = hub.accepted()
    with OfficeUnitOfWork(office.service.db) as uow:
        row = uow.session.query(OfficeNationalRecordRow).one()
        assert (row.state, row.txn_id, row.msg_id, row.accepted_at) == ("accepted", accepted.txn_id,
                                                                        accepted.msg_id, NOW)
        signed = row.record_xml
    from station_app.services.common.signing import xmldsig
    assert xmldsig.verify_enveloped(signed, signature_id="cks-benh-vien").certificate == \
        facility_key(training_ca).certificate
    assert accepted.hoso["CKS_BENH_VIEN"] == xmldsig.signature_value(signed, "cks-benh-vien")
    assert ns.push(office.service, now=NOW).total("accepted") == 0  # nothing left to send


def test_a_cut_connection_is_retried_later_with_the_same_msg_id_and_counted_once(office, waiting, hub, training_ca):
    ns.setup_facility(office.service, facility_input(training_ca, url=hub.url))
    hub.cut_next(1, after_accepting=True)
    first = ns.push(office.service, now=NOW)
    assert first.total("retry") == 1
    with OfficeUnitOfWork(office.service.db) as uow:
        row = uow.session.query(OfficeNationalRecordRow).one()
        msg_id, state, due = row.msg_id, row.state, row.next_attempt_at
    assert state == "pushed" and due == NOW + dt.timedelta(minutes=1)
    assert ns.push(office.service, now=NOW).total("retry") == 0  # not due yet: nothing sent
    assert ns.push(office.service, now=due).total("accepted") == 1
    assert [r.msg_id for r in hub.accepted()] == [msg_id]


def test_a_refusal_is_kept_with_the_code_and_what_to_correct(office, station, visit, examiner, training_ca, hub,
                                                             data_dir, tmp_path):
    trust(office, training_ca, tmp_path)
    import_signed(office, data_dir, tmp_path, visit.id, conclusion_xml(visit.id, examiner, changes={"CAN_NANG": "9999"}))
    ns.setup_facility(office.service, facility_input(training_ca, url=hub.url))
    assert ns.push(office.service, now=NOW).total("refused") == 1
    [refusal] = ns.status(office.service, now=NOW).refused
    assert refusal.res_code == "PS_DATA_INVALID" and "CAN_NANG" in refusal.res_msg and "ký lại" in refusal.hint


def test_a_refused_account_stops_the_station_until_it_is_set_again(office, waiting, hub, training_ca):
    ns.setup_facility(office.service, facility_input(training_ca, url=hub.url, password="sai-mat-khau"))
    summary = ns.push(office.service, now=NOW)
    assert "tài khoản" in summary.stations[0].problem and hub.accepted() == []
    assert records(office)[0][1] == "waiting"
    assert ns.push(office.service, now=NOW).stations[0].skipped == 1  # stopped: nothing sent
    ns.setup_facility(office.service, facility_input(training_ca, url=hub.url))
    assert ns.push(office.service, now=NOW).total("accepted") == 1


# -- status ------------------------------------------------------------------------------------------------------

def test_records_past_20_hours_are_amber_past_24_red_and_accepted_ones_leave_the_list(office, waiting):
    with OfficeUnitOfWork(office.service.db) as uow:
        completed = uow.session.query(OfficeNationalRecordRow).one().completed_at
    assert completed is not None
    assert ns.status(office.service, now=completed + dt.timedelta(hours=19)).late == []
    [amber] = ns.status(office.service, now=completed + dt.timedelta(hours=21)).late
    [red] = ns.status(office.service, now=completed + dt.timedelta(hours=25)).late
    assert (amber.colour, red.colour) == ("amber", "red")
    shown = ns.status(office.service, now=completed + dt.timedelta(hours=25))
    assert (shown.stations[0].red, shown.stations[0].oldest_waiting) == (1, completed)
    assert json.dumps(shown.as_json())  # the CLI's --json
    _mark(office, state="accepted")
    assert ns.status(office.service, now=completed + dt.timedelta(hours=25)).late == []


def test_the_backoff_doubles_from_one_minute_up_to_an_hour():
    assert [ns.backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4, 7, 8, 20)] == [1, 2, 4, 8, 60, 60, 60]
