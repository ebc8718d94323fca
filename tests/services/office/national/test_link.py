"""The office's real client against the real stand-in hub over loopback HTTP: what the office sees and what the
hub ends up holding, in success and in each failure the issue names."""
from __future__ import annotations

import json
import time

import pytest
from support.hub import (PASSWORD, SENDER_ID, USERNAME, envelope, facility_key, make_client, make_hub, new_msg_id,
                         other_key, valid_hoso)

from station_app.services.office.national import protocol as p
from station_app.services.office.national.client import NationalAddressError, NationalClient


def test_a_valid_record_is_accepted_with_the_hubs_transaction_id(link):
    msg_id = new_msg_id()
    outcome = link.client.push(envelope(), msg_id)
    assert (outcome.kind, outcome.res_code) == ("accepted", "PS_SYNC_SUCCESS")
    [kept] = link.hub.accepted()
    assert (kept.msg_id, kept.txn_id, kept.sender_id, kept.form) == (msg_id, outcome.txn_id, SENDER_ID, 2)
    assert kept.hoso == valid_hoso() and outcome.txn_id


def test_the_token_is_kept_across_pushes_and_the_connection_reused(link):
    for _ in range(3):
        assert link.client.push(envelope(), new_msg_id()).kind == "accepted"
    assert link.hub.counts()["CM_AUTH_SUCCESS"] == 1 and link.hub.counts()["records"] == 3


def test_an_expired_token_means_one_new_login_and_one_resend(link):
    assert link.client.push(envelope(), new_msg_id()).kind == "accepted"
    link.hub.expire_tokens()
    outcome = link.client.push(envelope(), new_msg_id())
    counts = link.hub.counts()
    assert outcome.kind == "accepted"
    assert (counts["CM_AUTH_EXPIRED"], counts["CM_AUTH_SUCCESS"], counts["records"]) == (1, 2, 2)


def test_the_client_renews_its_token_before_the_hub_would_refuse_it(link):
    now = [time.time()]
    client = NationalClient(link.client.settings, username=USERNAME, password=PASSWORD, sender_id=SENDER_ID,
                            sign=p.rsa_signer(facility_key()), clock=lambda: now[0])
    assert client.push(envelope(), new_msg_id()).kind == "accepted"
    now[0] += 6000 - 60 - 1  # the duration less the margin: still kept
    assert client.push(envelope(), new_msg_id()).kind == "accepted"
    assert link.hub.counts()["CM_AUTH_SUCCESS"] == 1
    now[0] += 2
    assert client.push(envelope(), new_msg_id()).kind == "accepted"
    assert link.hub.counts()["CM_AUTH_SUCCESS"] == 2 and "CM_AUTH_EXPIRED" not in link.hub.counts()
    client.close()


def test_a_wrong_account_stops_without_pushing(link):
    client = make_client(link.hub.url, password="not-the-password")
    outcome = client.push(envelope(), new_msg_id())
    client.close()
    assert (outcome.kind, outcome.res_code) == ("account", "CM_AUTH_ACCOUNT_FAIL")
    assert link.hub.accepted() == [] and "PS_SYNC_SUCCESS" not in link.hub.counts()


@pytest.mark.parametrize("signed", ["other key", "no key"])
def test_a_message_not_signed_by_the_registered_key_is_refused(link, signed):
    client = make_client(link.hub.url, key=other_key())
    if signed == "no key":
        client._sign = None  # an office without the facility's key: the public client sends ""
    outcome = client.push(envelope(), new_msg_id())
    client.close()
    assert (outcome.kind, outcome.res_code) == ("refused", "PS_SIGNATURE_INVALID")
    assert link.hub.accepted() == []


def test_an_invalid_record_is_refused_with_the_fields_to_correct(link):
    hoso = valid_hoso(CAN_NANG="900", HO_TEN=None, CKS_BENH_VIEN="", MA_KHONG_CO="1")
    outcome = link.client.push(envelope(hoso=hoso), new_msg_id())
    assert (outcome.kind, outcome.res_code) == ("refused", "PS_DATA_INVALID")
    for named in ("CAN_NANG (out_of_limits)", "HO_TEN (missing)", "CKS_BENH_VIEN (missing)", "MA_KHONG_CO (unknown)"):
        assert named in outcome.res_msg
    assert link.hub.accepted() == []


def test_a_field_marked_refused_is_not_missing(link):
    hoso = valid_hoso(NHOM_MAU=None, danh_dau={"NHOM_MAU": {"trang_thai": "refused"}})
    assert link.client.push(envelope(hoso=hoso), new_msg_id()).kind == "accepted"


@pytest.mark.parametrize("after_accepting", [True, False])
def test_a_connection_cut_mid_request_is_retried_and_the_record_counted_once(link, after_accepting):
    msg_id = new_msg_id()
    link.hub.cut_next(1, after_accepting=after_accepting)
    first = link.client.push(envelope(), msg_id)
    assert (first.kind, first.res_code) == ("retry", "network")
    assert len(link.hub.accepted()) == (1 if after_accepting else 0)
    again = link.client.push(envelope(), msg_id)  # the office's retry: the same msg_id
    [kept] = link.hub.accepted()
    assert (again.kind, again.txn_id) == ("accepted", kept.txn_id) and link.hub.counts()["records"] == 1


def test_a_busy_hub_means_a_retry_later(link):
    link.hub.unavailable_next(1)
    outcome = link.client.push(envelope(), new_msg_id())
    assert (outcome.kind, outcome.res_code) == ("retry", "http_503") and outcome.res_msg
    assert link.client.push(envelope(), new_msg_id()).kind == "accepted"


def test_a_hub_answering_too_slowly_means_a_retry(link):
    client = make_client(link.hub.url, read_timeout=0.2)
    link.hub.slow_next(1, 1.0)
    outcome = client.push(envelope(), new_msg_id())
    assert (outcome.kind, outcome.res_code) == ("retry", "network")
    assert client.push(envelope(), new_msg_id()).kind == "accepted"  # a new connection
    client.close()


def test_a_restarted_hub_still_knows_what_it_accepted(link):
    msg_id = new_msg_id()
    first = link.client.push(envelope(), msg_id)
    link.restart()  # the tokens are gone with it: the client logs in again by itself
    again = link.client.push(envelope(), msg_id)
    assert (again.kind, again.txn_id) == ("accepted", first.txn_id)
    assert [r.msg_id for r in link.hub.accepted()] == [msg_id] and link.hub.counts()["records"] == 1
    assert link.client.push(envelope(), new_msg_id()).kind == "accepted"


def test_a_msg_id_sent_again_is_answered_as_before_and_never_reused_for_another_record(link):
    msg_id = new_msg_id()
    first = link.client.push(envelope(), msg_id)
    same = link.client.push(envelope(), msg_id)
    other = link.client.push(envelope(hoso=valid_hoso(CAN_NANG="61")), msg_id)
    assert (same.kind, same.txn_id) == ("accepted", first.txn_id)
    assert (other.kind, other.res_code) == ("refused", "PS_DUPLICATE_MSG_ID")
    assert link.hub.counts()["records"] == 1


@pytest.mark.parametrize("reply, code", [
    (b"{" * 10 + b"x" * (300 * 1024), "reply_too_large"),
    (b"<html><body>502 Bad Gateway</body></html>", "reply_invalid"),
    (b"[" * 10_000 + b"]" * 10_000, "reply_invalid"),
    (json.dumps({"header": {"res_code": ["PS_SYNC_SUCCESS"]}}).encode(), "reply_invalid"),
    (json.dumps({"header": {"res_code": "PS_SYNC_SUCCESS", "txn_id": [1]}}).encode(), "reply_invalid"),
    (json.dumps({"header": "PS_SYNC_SUCCESS"}).encode(), "reply_invalid"),
])
def test_a_hostile_hub_gets_a_retry_not_a_crash(link, reply, code):
    link.hub.answer_next(reply)
    outcome = link.client.push(envelope(), new_msg_id())
    assert (outcome.kind, outcome.res_code, outcome.txn_id) == ("retry", code, "")
    assert link.client.push(envelope(), new_msg_id()).kind == "accepted"  # the link still works after it


def test_a_hub_words_are_shown_without_controls(link):
    link.hub.answer_next(json.dumps({"header": {"res_code": "PS_OTHER", "res_msg": "Sai\u202e\x1b[31m mã"}}).encode())
    outcome = link.client.push(envelope(), new_msg_id())
    assert (outcome.kind, outcome.res_msg) == ("refused", "Sai[31m mã")


@pytest.mark.parametrize("setting, named", [
    ({"receiver_id": "BYT"}, "receiver_id"), ({"version": "2.0"}, "version"), ({"msg_type": "102"}, "msg_type"),
    ({"service_type": "200"}, "service-type"),
])
def test_the_hub_refuses_a_header_it_does_not_expect_naming_the_field(link, setting, named):
    client = make_client(link.hub.url, **setting)
    outcome = client.push(envelope(), new_msg_id())
    client.close()
    assert (outcome.kind, outcome.res_code) == ("refused", "PS_HEADER_INVALID") and named in outcome.res_msg


def test_a_msg_id_of_another_facility_is_refused(link):
    outcome = link.client.push(envelope(), new_msg_id().replace(SENDER_ID, "9" * 13, 1))
    assert (outcome.kind, outcome.res_code) == ("refused", "PS_HEADER_INVALID") and "msg_id" in outcome.res_msg


def test_a_hub_that_is_not_there_means_a_retry(tmp_path):
    hub = make_hub(tmp_path / "state.jsonl")
    url = hub.start()
    hub.stop()
    client = make_client(url, connect_timeout=2)
    assert client.push(envelope(), new_msg_id()).res_code == "network"


@pytest.mark.parametrize("url", ["http://203.0.113.5:8765", "ftp://hub", "hub.example", "https://"])
def test_an_address_that_is_not_https_is_refused_before_sending_anything(url):
    with pytest.raises(NationalAddressError) as refused:
        make_client(url)
    assert "https://" in str(refused.value)


def test_plain_http_to_another_machine_only_when_the_settings_allow_it():
    assert make_client("http://203.0.113.5:8765", allow_plain_http=True).settings.allow_plain_http


@pytest.mark.slow
def test_a_backlog_of_5000_records_after_a_week_offline_is_accepted_exactly_once(link):
    backlog = [(new_msg_id(), envelope(hoso=valid_hoso(CAN_NANG=str(40 + n % 50)))) for n in range(5000)]
    link.hub.cut_next(3)  # the link drops now and then on the way
    waiting, rounds = list(backlog), 0
    while waiting and rounds < 5:
        rounds += 1
        if rounds == 2:
            link.hub.unavailable_next(5)
            link.restart()
        outcomes = [(item, link.client.push(item[1], item[0])) for item in waiting]
        assert {o.kind for _, o in outcomes} <= {"accepted", "retry"}
        waiting = [item for item, o in outcomes if o.kind != "accepted"]
    assert waiting == []
    assert sorted(r.msg_id for r in link.hub.accepted()) == sorted(m for m, _ in backlog)
    assert link.hub.counts()["records"] == 5000
