"""The station learns where its visits stand with the national system from the office's national receipts: on a
USB stick beside the batch receipts, or over the network after an upload. A forged, damaged or other station's
receipt changes nothing and says why in Vietnamese; an old receipt never undoes a newer state."""
from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from support.batch import full_visit
from support.national_receipts import record, visits
from support.office import export
from support.upload import connect

from station_app.core.model import AuditAction
from station_app.persistence.tables import AuditEventRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange.national_receipts import NationalRecord, sign_national
from station_app.services.exchange.office_client import NationalNotProvenError
from station_app.services.office.national_receipts import write_national
from station_app.services.station.national_states import (NationalReceiptRefusedError, NationalStates,
                                                          national_text)
from station_app.services.station.receipts import import_receipts

T1, T2 = dt.datetime(2026, 12, 7, 3, 15), dt.datetime(2026, 12, 8, 9, 40)


def states(ctx, data_dir, ids):
    return NationalStates(ctx.db, data_dir).of_visits(ids)


def national_events(ctx):
    with UnitOfWork(ctx.db) as uow:
        return [e.details for e in uow.session.query(AuditEventRow).filter(
            AuditEventRow.entity == "national_states", AuditEventRow.action == AuditAction.IMPORT)]


def test_the_offices_receipt_on_a_stick_shows_each_visit_accepted_refused_or_waiting(
        station, nurse, office, data_dir, tmp_path):
    accepted, refused, waiting, untouched = visits(station, nurse, 4)
    record(office, accepted, at=T1, txn_id="TXN-1")
    record(office, refused, state="refused", at=T1, res_code="E-101", res_msg="Thiếu số CCCD của người khám")
    record(office, waiting, state="pushed", at=T1)
    stick = tmp_path / "usb"

    write_national(office.service, "TYT-MK", stick)
    done = import_receipts(station.db, data_dir, paths=[stick])

    [(name, applied)] = done.national
    assert name == "TYT-MK.national.json" and applied.changed == 3 and not done.refused
    shown = {v: national_text(s) for v, s in states(station, data_dir, [accepted, refused, waiting, untouched]).items()}
    assert shown == {accepted: "Đã liên thông 07/12/2026 10:15",  # 03:15 UTC is 10:15 in Vietnam
                     refused: "Bị từ chối: Thiếu số CCCD của người khám — cần sửa rồi ký lại",
                     waiting: "Đang chờ liên thông"}
    assert national_events(station) == [{"records": 3, "changed": 3, "via": "file"}]


def test_the_office_writes_the_national_receipt_beside_the_batch_receipts_of_a_stick(
        station, nurse, doctor, office, data_dir, tmp_path):
    [earlier] = visits(station, nurse, 1)
    record(office, earlier, at=T1)
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")

    [outcome] = office.service.import_paths([batch]).outcomes
    assert (outcome.receipt.parent / "TYT-MK.national.json").is_file()

    done = import_receipts(station.db, data_dir, paths=[outcome.receipt.parent])
    assert done.acknowledged == [1] and done.national[0][1].changed == 1
    assert states(station, data_dir, [earlier])[earlier].accepted


def test_the_same_receipt_twice_changes_nothing_the_second_time(station, nurse, office, data_dir, tmp_path):
    [visit] = visits(station, nurse, 1)
    record(office, visit, at=T1)
    write_national(office.service, "TYT-MK", tmp_path / "usb")
    import_receipts(station.db, data_dir, paths=[tmp_path / "usb"])

    again = import_receipts(station.db, data_dir, paths=[tmp_path / "usb"])

    assert again.national[0][1].changed == 0
    assert len(national_events(station)) == 1


def test_an_older_receipt_brought_in_late_never_undoes_a_newer_state(
        station, nurse, office, data_dir, tmp_path):
    [visit] = visits(station, nurse, 1)
    record(office, visit, state="pushed", at=T1)
    old = write_national(office.service, "TYT-MK", tmp_path / "old", now=T1).read_bytes()
    record(office, visit, state="accepted", at=T2, txn_id="TXN-9")
    write_national(office.service, "TYT-MK", tmp_path / "new", now=T2)
    import_receipts(station.db, data_dir, paths=[tmp_path / "new"])

    late = NationalStates(station.db, data_dir).apply_bytes(old, name="old")

    assert late.older == 1 and late.changed == 0
    status = states(station, data_dir, [visit])[visit]
    assert status.accepted and status.at == T2


def test_a_new_version_after_a_refusal_is_what_the_visit_shows(station, nurse, office, data_dir, tmp_path):
    [visit] = visits(station, nurse, 1)
    record(office, visit, version=1, state="refused", at=T1, res_msg="Sai mã CSKCB")
    record(office, visit, version=2, state="accepted", at=T2)
    write_national(office.service, "TYT-MK", tmp_path / "usb")
    import_receipts(station.db, data_dir, paths=[tmp_path / "usb"])

    status = states(station, data_dir, [visit])[visit]
    assert status.version == 2 and status.accepted


def test_visits_of_another_laptop_are_counted_and_left_alone(station, nurse, office, data_dir, tmp_path):
    [visit] = visits(station, nurse, 1)
    record(office, visit, at=T1)
    record(office, "0190d8a0-0000-7000-8000-000000000001", at=T1)
    write_national(office.service, "TYT-MK", tmp_path / "usb")

    [(_, applied)] = import_receipts(station.db, data_dir, paths=[tmp_path / "usb"]).national

    assert (applied.records, applied.changed, applied.not_here) == (2, 1, 1)


def _file(tmp_path, envelope: dict, name: str = "TYT-MK.national.json"):
    path = tmp_path / "usb" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(envelope), encoding="utf-8")
    return path


def _refused(ctx, data_dir, path) -> str:
    done = import_receipts(ctx.db, data_dir, paths=[path.parent])
    assert not done.national
    [(name, reason)] = done.refused
    assert name == path.name
    return reason


def test_a_receipt_signed_by_another_key_is_refused_and_changes_nothing(
        station, nurse, office, data_dir, tmp_path):
    [visit] = visits(station, nurse, 1)
    forged = sign_national("TYT-MK", [NationalRecord(visit, 1, "accepted", T1)], Ed25519PrivateKey.generate(),
                           made_at=T1)

    reason = _refused(station, data_dir, _file(tmp_path, forged))

    assert reason == "chữ ký không hợp lệ: biên nhận liên thông bị sửa hoặc không do đơn vị nhận ký"
    assert states(station, data_dir, [visit]) == {}


def test_a_receipt_changed_after_signing_is_refused(station, nurse, office, data_dir, tmp_path):
    [visit] = visits(station, nurse, 1)
    record(office, visit, state="refused", at=T1, res_msg="Sai mã CSKCB")
    path = write_national(office.service, "TYT-MK", tmp_path / "usb")
    envelope = json.loads(path.read_text(encoding="utf-8"))
    envelope["receipt"]["records"][0]["state"] = "accepted"  # someone makes a refusal look accepted
    path.write_text(json.dumps(envelope), encoding="utf-8")

    assert "chữ ký không hợp lệ" in _refused(station, data_dir, path)
    assert states(station, data_dir, [visit]) == {}


def test_another_stations_receipt_is_refused_with_a_vietnamese_reason(
        station, nurse, office, data_dir, tmp_path):
    [visit] = visits(station, nurse, 1)
    key = office.service._receipt_key()  # the office's genuine key: only the station's code differs
    other = sign_national("TYT-KHAC", [NationalRecord(visit, 1, "accepted", T1)], key, made_at=T1)
    path = _file(tmp_path, other, "TYT-KHAC.national.json")

    assert _refused(station, data_dir, path) == "biên nhận liên thông của trạm khác"
    with pytest.raises(NationalReceiptRefusedError, match="Không nhận biên nhận liên thông .*trạm khác"):
        NationalStates(station.db, data_dir).apply_bytes(path.read_bytes(), name=path.name)
    assert states(station, data_dir, [visit]) == {}


@pytest.mark.parametrize("content, reason", [
    (b"\xff\xfe garbage", "không phải tệp biên nhận liên thông (JSON office-national/1)"),
    (b'{"format": "office-national/1", "receipt": ' + b"[" * 5000 + b"]" * 5000 + b"}",
     "không phải tệp biên nhận liên thông (JSON office-national/1)"),
    (b'{"format": "office-receipt/1", "receipt": {}, "signature": ""}',
     "không phải tệp biên nhận liên thông (JSON office-national/1)"),
], ids=["not-json", "too-deep", "a-batch-receipt"])
def test_a_damaged_file_is_refused_with_a_short_reason(station, office, data_dir, tmp_path, content, reason):
    path = tmp_path / "usb" / "TYT-MK.national.json"
    path.parent.mkdir()
    path.write_bytes(content)
    assert _refused(station, data_dir, path) == reason


def test_a_huge_file_is_refused_without_reading_it_whole(station, office, data_dir, tmp_path):
    path = tmp_path / "usb" / "TYT-MK.national.json"
    path.parent.mkdir()
    with open(path, "wb") as huge:  # 200 MB that takes no room (a sparse file)
        huge.truncate(200 * 2**20)
    assert _refused(station, data_dir, path) == "tệp quá lớn, không phải biên nhận liên thông"


def test_a_message_from_the_national_system_is_kept_short_and_printable(
        station, nurse, office, data_dir, tmp_path):
    [visit] = visits(station, nurse, 1)
    record(office, visit, state="refused", at=T1, res_msg="Sai\u202e mã\x00 CSKCB " + "x" * 2000)
    write_national(office.service, "TYT-MK", tmp_path / "usb")
    import_receipts(station.db, data_dir, paths=[tmp_path / "usb"])

    message = states(station, data_dir, [visit])[visit].res_msg
    assert message.startswith("Sai mã CSKCB x") and len(message) <= 300
    assert "\u202e" not in message and "\x00" not in message


# -- over the network ------------------------------------------------------------------------------------------

@pytest.fixture
def link(ctx, data_dir, tmp_path):
    connected = connect(ctx, data_dir, tmp_path)
    yield connected
    connected.close()


def test_after_sending_the_station_fetches_its_national_receipt_over_the_network(ctx, nurse, data_dir, link):
    accepted, refused = visits(ctx, nurse, 2)
    record(link.office, accepted, at=T1)
    record(link.office, refused, state="refused", at=T1, res_msg="Thiếu chữ ký số của bác sĩ kết luận")

    applied = link.service.sync_national()

    assert applied.changed == 2
    shown = {v: national_text(s) for v, s in states(ctx, data_dir, [accepted, refused]).items()}
    assert shown[accepted] == "Đã liên thông 07/12/2026 10:15"
    assert shown[refused] == "Bị từ chối: Thiếu chữ ký số của bác sĩ kết luận — cần sửa rồi ký lại"
    assert national_events(ctx) == [{"records": 2, "changed": 2, "via": "network"}]


def test_the_office_answers_a_stations_national_receipt_only_to_that_station(ctx, nurse, data_dir, link):
    from station_app.services.exchange.national_receipts import station_proof

    [visit] = visits(ctx, nurse, 1)
    record(link.office, visit, at=T1)
    request = link.service.national_request()
    client = link.service._client_factory(request.target)
    stranger = station_proof(Ed25519PrivateKey.generate(), "TYT-MK", dt.datetime.now(dt.UTC))
    stale = station_proof(link.service.keys.private_key(), "TYT-MK", dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    at, signature = request.proof.split(".", 1)

    for proof in (stranger, stale, f"{at}.{base64.b64encode(b'x' * 64).decode()}", "", "x" * 5000):
        with pytest.raises(NationalNotProvenError, match="không xác minh được trạm"):
            client.national_receipt("TYT-MK", proof)
    with pytest.raises(NationalNotProvenError):  # the station's own proof, for another station's receipt
        client.national_receipt("TYT-KHAC", request.proof)
    assert states(ctx, data_dir, [visit]) == {}


def test_a_tampered_answer_over_the_network_is_refused_and_changes_nothing(ctx, nurse, data_dir, link):
    [visit] = visits(ctx, nurse, 1)
    record(link.office, visit, state="refused", at=T1, res_msg="Sai mã CSKCB")
    data = link.service.fetch_national(link.service.national_request())
    tampered = data.replace(b'"refused"', b'"accepted"')
    assert tampered != data

    with pytest.raises(NationalReceiptRefusedError, match="chữ ký không hợp lệ"):
        link.service.apply_national(tampered)
    assert states(ctx, data_dir, [visit]) == {}


def test_a_record_the_office_holds_back_for_its_signature_reads_as_refused_with_the_reason(
        station, nurse, office, data_dir, tmp_path):
    [visit] = visits(station, nurse, 1)
    record(office, visit, state="held", at=T1, problem="chữ ký không hợp lệ: chứng thư đã hết hạn")
    write_national(office.service, "TYT-MK", tmp_path / "usb")
    import_receipts(station.db, data_dir, paths=[tmp_path / "usb"])

    status = states(station, data_dir, [visit])[visit]
    assert national_text(status) == "Bị từ chối: chữ ký không hợp lệ: chứng thư đã hết hạn — cần sửa rồi ký lại"
