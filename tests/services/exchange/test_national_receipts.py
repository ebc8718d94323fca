"""The national receipt's envelope: what the office signs is what the station reads, and nothing else passes, even
signed by the office's own key (a field out of bounds, too many records); the station's proof of who asks holds
only for its code, its key and ten minutes around the office's clock."""
from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app.services.exchange.national_receipts import (MAX_RECORDS, NationalReceiptInvalid, NationalRecord,
                                                             proof_holds, sign_national, station_proof,
                                                             verify_national)
from station_app.services.exchange.receipts import canonical

KEY = Ed25519PrivateKey.generate()
AT = dt.datetime(2026, 12, 7, 3, 15)
VISIT = "01a25271-56b6-70e0-8d7f-a61abebb539f"


def signed(receipt: dict, key: Ed25519PrivateKey = KEY) -> bytes:
    """Any receipt, signed as the office signs: what a careless or hostile office could send."""
    signature = base64.b64encode(key.sign(canonical(receipt))).decode()
    return json.dumps({"format": "office-national/1", "receipt": receipt, "signature": signature}).encode()


def record(**changes) -> dict:
    return {**NationalRecord(VISIT, 1, "refused", AT, "TXN-1", "E-101", "Sai mã CSKCB").as_json(), **changes}


def test_what_the_office_signs_the_station_reads_back():
    envelope = sign_national("TYT-MK", [NationalRecord(VISIT, 2, "accepted", AT, "TXN-7")], KEY, made_at=AT)
    receipt = verify_national(json.dumps(envelope, ensure_ascii=False).encode(), KEY.public_key())
    assert receipt.station == "TYT-MK" and receipt.made_at == AT
    assert receipt.records == (NationalRecord(VISIT, 2, "accepted", AT, "TXN-7"),)


@pytest.mark.parametrize("bad", [
    {"version": True}, {"version": "1"}, {"version": 0}, {"version": 10**12}, {"state": "deleted"},
    {"visit": "../../etc"}, {"visit": "x" * 65}, {"res_msg": "x" * 501}, {"txn_id": ["TXN"]}, {"at": "hôm qua"},
    {"at": 5},
], ids=lambda bad: next(iter(bad)))
def test_a_signed_record_out_of_bounds_is_refused_whole(bad):
    data = signed({"station": "TYT-MK", "made_at": "2026-12-07T03:15:00Z", "records": [record(), record(**bad)]})
    with pytest.raises(NationalReceiptInvalid) as refused:
        verify_national(data, KEY.public_key())
    assert refused.value.reason == "unreadable"


def test_more_records_than_a_receipt_may_hold_are_refused():
    data = signed({"station": "TYT-MK", "made_at": "2026-12-07T03:15:00Z",
                   "records": [record(version=1 + n % 1000) for n in range(MAX_RECORDS + 1)]})
    with pytest.raises(NationalReceiptInvalid):
        verify_national(data, KEY.public_key())


def test_another_key_or_a_changed_byte_is_a_bad_signature():
    data = signed({"station": "TYT-MK", "made_at": "2026-12-07T03:15:00Z", "records": [record()]})
    with pytest.raises(NationalReceiptInvalid) as other:
        verify_national(data, Ed25519PrivateKey.generate().public_key())
    with pytest.raises(NationalReceiptInvalid) as changed:
        verify_national(data.replace(b"refused", b"accepted"), KEY.public_key())
    assert other.value.reason == changed.value.reason == "bad_signature"


def test_a_station_code_that_could_be_a_path_is_refused():
    data = signed({"station": "../TYT", "made_at": "2026-12-07T03:15:00Z", "records": []})
    with pytest.raises(NationalReceiptInvalid):
        verify_national(data, KEY.public_key())


def test_the_proof_holds_for_its_station_its_key_and_ten_minutes():
    station = Ed25519PrivateKey.generate()
    now = dt.datetime(2026, 12, 7, 10, 0)
    proof = station_proof(station, "TYT-MK", now)
    keys = [station.public_key()]
    assert proof_holds(proof, "TYT-MK", keys, now + dt.timedelta(minutes=9))
    assert proof_holds(proof, "TYT-MK", keys, now - dt.timedelta(minutes=9))  # the office's clock behind
    assert not proof_holds(proof, "TYT-MK", keys, now + dt.timedelta(minutes=11))
    assert not proof_holds(proof, "TYT-KHAC", keys, now)
    assert not proof_holds(proof, "TYT-MK", [Ed25519PrivateKey.generate().public_key()], now)
    at, signature = proof.split(".")
    assert not proof_holds(f"{int(at) + 1}.{signature}", "TYT-MK", keys, now)  # the time is signed
    for junk in (None, "", "abc", "1.2.3", "-5.AAAA", "9" * 30 + ".AAAA", f"{at}.not base64!"):
        assert not proof_holds(junk, "TYT-MK", keys, now)
