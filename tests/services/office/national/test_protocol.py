"""The protocol's details as the public client describes them: msg_id, the signature input, the message signature
(checked by stock openssl), the envelope, and what every kind of reply means."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import subprocess
import uuid

import pytest
from support.hub import SENDER_ID, facility_key, public_pem

from station_app.services.office.national import protocol as p

NOW = dt.datetime(2026, 12, 7, 18, 30, tzinfo=dt.timezone.utc)  # 8 December already in Vietnam (UTC+7)


def test_a_msg_id_is_the_sender_the_day_in_vietnam_and_32_hex_digits():
    made = p.make_msg_id(SENDER_ID, NOW, uuid.UUID("12345678-9abc-4def-8123-456789abcdef"))
    assert made == f"{SENDER_ID}261208123456789abc4def8123456789abcdef"
    assert p.msg_id_fits(made, SENDER_ID)
    assert not p.msg_id_fits(made, "9" * 13)  # another facility's
    assert not p.msg_id_fits(made + "0", SENDER_ID) and not p.msg_id_fits(made.replace("a", "-"), SENDER_ID)


def test_msg_ids_never_repeat():
    made = {p.make_msg_id(SENDER_ID, NOW, uuid.uuid4()) for _ in range(10_000)}
    assert len(made) == 10_000


def test_the_header_is_sent_as_hashed_and_the_signature_input_matches_an_independent_computation():
    head = p.header_json(p.header(p.NationalSettings(), sender_id=SENDER_ID, msg_id="m", send_ms=p.unix_ms(1.5e9)))
    data = base64.b64encode(b'{"khamsuckhoe": {}}').decode()
    body = p.message_body(head, data + "\n", "c2ln")
    sent = body.decode().split('"header":', 1)[1].split(',"data":', 1)[0]
    assert sent == head and json.loads(body)["header"]["send_datetime"] == 1_500_000_000_000
    expected = (hashlib.sha256(sent.encode()).hexdigest().upper() + "." +
                hashlib.sha256(data.encode()).hexdigest().upper()).encode()
    assert p.signature_input(head, data + "\n") == expected  # the data trimmed, hex upper case


@pytest.mark.tools("openssl")
@pytest.mark.parametrize("tampered", [False, True])
def test_the_message_signature_verifies_with_stock_openssl(tmp_path, tampered):
    head = p.header_json(p.header(p.NationalSettings(), sender_id=SENDER_ID,
                                  msg_id=p.make_msg_id(SENDER_ID, NOW, uuid.uuid4()), send_ms=p.unix_ms(1.7e9)))
    data = p.encode_data(b'{"khamsuckhoe": {"SOLUONGHOSO": 1}}')
    signature = p.message_signature(p.rsa_signer(facility_key()), head, data)
    (tmp_path / "pub.pem").write_bytes(public_pem(facility_key()))
    (tmp_path / "sig.bin").write_bytes(base64.b64decode(signature))
    text = p.signature_input(head, data)
    (tmp_path / "input.txt").write_bytes(text.lower() if tampered else text)
    done = subprocess.run(["openssl", "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.bin", "input.txt"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert (done.returncode, "Verified OK" in done.stdout) == ((1, False) if tampered else (0, True))


def test_without_a_key_the_signature_is_empty_as_the_public_client_sends_it():
    assert p.message_signature(None, "{}", "data") == ""


def test_the_pss_setting_signs_what_only_a_pss_check_accepts():
    pss = p.NationalSettings(signature_padding="pss")
    signature = p.message_signature(p.rsa_signer(facility_key(), pss), "{}", "data")
    key = facility_key().public_key()
    assert p.signature_valid(key, signature, "{}", "data", pss)
    assert not p.signature_valid(key, signature, "{}", "data", p.NationalSettings())


def test_the_envelope_carries_one_record_the_facility_and_the_signed_xml():
    raw = p.data_envelope({"HO_TEN": "Lò Thị Lan"}, 2, b"<PL01/>", SENDER_ID)
    inner = json.loads(raw)["khamsuckhoe"]
    assert inner["thongtindonvi"] == {"macskcb": SENDER_ID} and inner["SOLUONGHOSO"] == 1
    assert inner["DSHOSO"] == [{"MAU_BIEU": 2, "HOSO": {"HO_TEN": "Lò Thị Lan"},
                                "FILEHOSO": base64.b64encode(b"<PL01/>").decode()}]


@pytest.mark.parametrize("status, code, kind", [
    (200, "PS_SYNC_SUCCESS", "accepted"), (200, "XX_OTHER_SUCCESS", "accepted"),
    (200, "CM_AUTH_EXPIRED", "login_again"), (200, "CM_AUTH_PERMISSION", "login_again"), (401, None, "login_again"),
    (200, "CM_AUTH_ACCOUNT_FAIL", "account"), (200, "PS_DATA_INVALID", "refused"), (400, "ANY_CODE", "refused"),
    (503, None, "retry"), (500, "PS_SYNC_SUCCESS", "retry"), (None, None, "retry"), (200, None, "retry"),
    (429, "RATE", "retry"),
])
def test_each_answer_is_classified(status, code, kind):
    assert p.classify(status, code) == kind


def test_a_reply_is_read_cleaned():
    reply = p.parse_reply(json.dumps({"header": {"res_code": "PS_X", "res_msg": "sai\u202e\x00 trường  A",
                                                 "txn_id": "T1"}, "data": {"data_state": 1}}).encode())
    assert (reply.res_code, reply.res_msg, reply.txn_id) == ("PS_X", "sai trường A", "T1")
    login = p.parse_reply(b'{"header": {}, "data": {"token": "abc.def", "duration": 6000}}')
    assert (login.token, login.duration, login.res_code) == ("abc.def", 6000, None)


@pytest.mark.parametrize("raw, reason", [
    (b"x" * (p.REPLY_LIMITS.max_bytes + 1), "reply_too_large"),
    (b"<html>502 Bad Gateway</html>", "reply_invalid"),
    (b"[" * 5000 + b"]" * 5000, "reply_invalid"),
    (b'"just a string"', "reply_invalid"),
    (b'{"header": [1, 2]}', "reply_invalid"),
    (b'{"header": {"res_code": 5}}', "reply_invalid"),
    (b'{"header": {"res_code": "PS SYNC\\nSUCCESS"}}', "reply_invalid"),
    (b'{"header": {"res_code": "PS_SYNC_SUCCESS", "txn_id": {"a": 1}}}', "reply_invalid"),
    (b'{"header": {}, "data": {"token": "a b"}}', "reply_invalid"),
    (b'{"header": {}, "data": {"token": "t", "duration": "6000"}}', "reply_invalid"),
    (b'\xff\xfe{}', "reply_invalid"),
])
def test_a_hostile_reply_is_a_reply_error_never_a_crash(raw, reason):
    with pytest.raises(p.ReplyError) as refused:
        p.parse_reply(raw)
    assert refused.value.reason == reason


def test_the_retry_schedule_grows_then_repeats_its_last_step():
    settings = p.NationalSettings(retry_schedule=(60, 300, 3600))
    assert [settings.retry_delay(n) for n in (1, 2, 3, 4, 50)] == [60, 300, 3600, 3600, 3600]


def test_every_assumed_and_sourced_fact_is_listed_and_none_is_claimed_confirmed():
    assert p.CONFIRMED == ()
    assert {f.standing for f in p.FACTS} == {p.SOURCE, p.ASSUMED}
    assert {"receiver_id of the Ministry hub", "signature padding", "data"} <= {
        f.subject for f in p.FACTS if f.standing == p.ASSUMED}
