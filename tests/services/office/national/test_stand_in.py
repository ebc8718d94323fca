"""The stand-in hub faced with requests the office's client never sends: a hostile or broken caller gets a clear
refusal, never a crash, and the hub keeps serving. Its state survives a torn last line."""
from __future__ import annotations

import base64
import http.client
import json
import time
from urllib.parse import urlsplit

import pytest
from support.hub import PASSWORD, SENDER_ID, USERNAME, envelope, facility_key, make_hub, new_msg_id

from station_app.services.office.national import protocol as p
from station_app.services.office.national.stand_in import (StandInAccountError, StandInKeyError, parse_account,
                                                           read_facility_key)


def _post(url: str, path: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, dict]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def _token(url: str) -> str:
    status, answer = _post(url, "/api/auth/login", p.login_body(USERNAME, PASSWORD))
    assert status == 200
    return answer["data"]["token"]


def _signed_body(head: dict, data: str) -> bytes:
    text = p.header_json(head)
    return p.message_body(text, data, p.message_signature(p.rsa_signer(facility_key()), text, data))


def _push(url: str, body: bytes, token: str | None = None) -> tuple[int, dict]:
    return _post(url, "/api/platform/data-sync/push", body,
                 {"Authorization": f"Bearer {token or _token(url)}", "service-type": "100"})


def _header(**changes: object) -> dict:
    made = p.header(p.NationalSettings(), sender_id=SENDER_ID, msg_id=new_msg_id(), send_ms=p.unix_ms(time.time()))
    return {**made, **changes}


@pytest.fixture
def hub(tmp_path):
    running = make_hub(tmp_path / "state.jsonl")
    running.start()
    yield running
    running.stop()


def test_a_login_gives_a_token_and_its_lifetime(hub):
    status, answer = _post(hub.url, "/api/auth/login", p.login_body(USERNAME, PASSWORD))
    assert status == 200 and answer["data"]["duration"] == 6000 and len(answer["data"]["token"]) > 20


@pytest.mark.parametrize("body", [b"", b"[]", b"{", b'{"username": ["x"], "password": 1}', b"[" * 100 + b"]" * 100,
                                  p.login_body(USERNAME, "sai"), p.login_body("ai-do", PASSWORD)])
def test_a_wrong_or_broken_login_is_refused_as_a_wrong_account(hub, body):
    status, answer = _post(hub.url, "/api/auth/login", body)
    assert status in (400, 401) and answer["header"]["res_code"] == "CM_AUTH_ACCOUNT_FAIL"
    assert "token" not in answer["data"]


@pytest.mark.parametrize("authorization", [None, "Bearer ", "Bearer made-up", "Basic abc"])
def test_a_push_without_a_token_it_gave_is_401(hub, authorization):
    headers = {"service-type": "100", **({"Authorization": authorization} if authorization else {})}
    status, answer = _post(hub.url, "/api/platform/data-sync/push", _signed_body(_header(), "e30="), headers)
    assert (status, answer["header"]["res_code"]) == (401, "CM_AUTH_PERMISSION")


@pytest.mark.parametrize("change, named", [
    ({"send_datetime": 1_700_000_000}, "send_datetime"), ({"send_datetime": "17000000000001"}, "send_datetime"),
    ({"send_datetime": True}, "send_datetime"), ({"sender_id": "9" * 13}, "sender_id"),
    ({"msg_id": "abc"}, "msg_id"), ({"txn_type": None}, "txn_type"), ({"data_type": {"x": 1}}, "data_type"),
])
def test_each_header_field_is_checked(hub, change, named):
    status, answer = _push(hub.url, _signed_body(_header(**change), p.encode_data(envelope())))
    assert answer["header"]["res_code"] == "PS_HEADER_INVALID" and named in answer["header"]["res_msg"]
    assert hub.accepted() == []


def test_a_header_changed_after_signing_breaks_the_signature(hub):
    head, data = _header(), p.encode_data(envelope())
    body = json.loads(_signed_body(head, data))
    body["header"]["send_datetime"] += 1
    status, answer = _push(hub.url, json.dumps(body).encode())
    assert answer["header"]["res_code"] == "PS_SIGNATURE_INVALID"


@pytest.mark.parametrize("data", [
    "not base64 !", base64.b64encode(b"not json").decode(), base64.b64encode(b"[" * 50 + b"]" * 50).decode(),
    base64.b64encode(b'{"khamsuckhoe": {"thongtindonvi": {"macskcb": "9999999999999"}}}').decode(),
    base64.b64encode(json.dumps({"khamsuckhoe": {"thongtindonvi": {"macskcb": SENDER_ID}, "SOLUONGHOSO": 2,
                                                 "DSHOSO": [{}, {}]}}).encode()).decode(),
    base64.b64encode(json.dumps({"khamsuckhoe": {"thongtindonvi": {"macskcb": SENDER_ID}, "SOLUONGHOSO": 1,
                                                 "DSHOSO": [{"MAU_BIEU": 99, "HOSO": {}}]}}).encode()).decode(),
    base64.b64encode(json.dumps({"khamsuckhoe": {"thongtindonvi": {"macskcb": SENDER_ID}, "SOLUONGHOSO": 1,
                                                 "DSHOSO": [{"MAU_BIEU": True, "HOSO": []}]}}).encode()).decode(),
])
def test_a_broken_envelope_is_refused_as_invalid_data(hub, data):
    status, answer = _push(hub.url, _signed_body(_header(), data))
    assert (status, answer["header"]["res_code"]) == (200, "PS_DATA_INVALID")


def test_a_record_without_its_signed_file_or_with_values_of_the_wrong_kind_is_refused(hub):
    item = json.loads(envelope())
    record = item["khamsuckhoe"]["DSHOSO"][0]
    record["FILEHOSO"] = ""
    record["HOSO"]["CAN_NANG"] = {"gia_tri": 60}
    record["HOSO"]["DICH_VU_CLS"] = [{"MA_KHONG_CO": "1"}]
    status, answer = _push(hub.url, _signed_body(_header(), p.encode_data(json.dumps(item).encode())))
    message = answer["header"]["res_msg"]
    assert answer["header"]["res_code"] == "PS_DATA_INVALID"
    assert "FILEHOSO" in message and "CAN_NANG" in message and "DICH_VU_CLS.MA_KHONG_CO (unknown)" in message


@pytest.mark.parametrize("body", [b"", b"{}", b"[]", b"not json", b"[" * 100 + b"]" * 100,
                                  b'{"header": {}, "data": 5}', b'{"header": [], "data": ""}'])
def test_a_broken_push_body_is_refused_and_the_hub_keeps_serving(hub, body):
    status, answer = _push(hub.url, body)
    assert status == 400 and answer["header"]["res_code"] == "PS_HEADER_INVALID"
    status, answer = _push(hub.url, _signed_body(_header(), p.encode_data(envelope())))
    assert answer["header"]["res_code"] == "PS_SYNC_SUCCESS"


def test_a_body_larger_than_the_limit_is_refused_unread(hub):
    parts = urlsplit(hub.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.putrequest("POST", "/api/platform/data-sync/push")
    conn.putheader("Content-Length", str(10 * 2**30))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413 and response.will_close
    conn.close()


def test_a_state_file_with_a_torn_last_line_still_gives_the_accepted_messages(tmp_path):
    state = tmp_path / "state.jsonl"
    with make_hub(state) as hub:
        _push(hub.url, _signed_body(_header(), p.encode_data(envelope())))
        [kept] = hub.accepted()
    with state.open("a", encoding="utf-8") as out:
        out.write('{"msg_id": "cut sh')
    assert [r.txn_id for r in make_hub(state).accepted()] == [kept.txn_id]


def test_an_account_on_the_command_line_needs_three_parts():
    assert parse_account("tap.huan:mat:khau:0123456789012").password == "mat:khau"
    with pytest.raises(StandInAccountError) as refused:
        parse_account("tap.huan:matkhau")
    assert "TÊN:MẬT_KHẨU:MÃ_13_CHỮ_SỐ" in str(refused.value)


def test_a_facility_key_must_be_a_readable_rsa_public_key(tmp_path):
    pem = tmp_path / "khoa.pem"
    pem.write_bytes(b"-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----\n")
    for text in (f"{SENDER_ID}={pem}", f"{SENDER_ID}={tmp_path / 'none.pem'}", f"123={pem}"):
        with pytest.raises(StandInKeyError):
            read_facility_key(text)


def test_logins_in_a_loop_do_not_grow_the_hub_without_end(hub, monkeypatch):
    from station_app.services.office.national import stand_in

    monkeypatch.setattr(stand_in, "MAX_TOKENS", 10)
    tokens = [_token(hub.url) for _ in range(25)]
    assert len(hub._tokens) <= 10
    status, answer = _push(hub.url, _signed_body(_header(), p.encode_data(envelope())), token=tokens[-1])
    assert answer["header"]["res_code"] == "PS_SYNC_SUCCESS"  # the newest token still works
