"""The office's real HTTP service on loopback, and the station's real client: a batch sent over the network is
imported as 'office import' would and answered with a receipt the station can check; a replay changes nothing; a
tampered batch, an unregistered station and a batch above the size limit are refused with their reason; an
upload cut off (by the station or by the office stopping) leaves nothing, and sending again after a restart
works; 20 stations at once lose and duplicate nothing. On SQLite and on a real PostgreSQL server."""
from __future__ import annotations

import http.client
import json
import socket
import time

import pytest

from support.office import flip, parts_of, rewrite

from station_app.services.exchange.office_client import (BatchRefusedError, BatchTooLargeError,
                                                OfficeUnreachableError, StationUnknownAtOfficeError)
from station_app.services.exchange.receipts import envelope_bytes, verify_receipt
from station_app.services.office.queries import QUARANTINED, batch_entries

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def manifest_of(path) -> dict:
    return json.loads(parts_of(path)["manifest.json"])


def expected_rows(*batches) -> dict[str, int]:
    """What the office should hold after importing these batches once each."""
    counts = [manifest_of(b)["counts"] for b in batches]
    residents, visits = sum(c["residents"] for c in counts), sum(c["visits"] for c in counts)
    return {"batches": len(batches), "residents": residents, "visits": visits,
            "resources": sum(c["resources"] for c in counts) - residents - visits, "quarantined": 0}


def wait_until(condition, what: str, limit: float = 30.0) -> None:
    """A state the server reaches on its own thread (not a timing: the limit only stops a hung test)."""
    ends = time.monotonic() + limit
    while not condition():
        if time.monotonic() > ends:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.02)


def half_upload(service, batch) -> socket.socket:
    """A connection that sent the headers and half of the batch, then stalls (a 3G link dropping)."""
    data = batch.read_bytes()
    sock = socket.create_connection(("127.0.0.1", service.port))
    sock.sendall((f"POST /api/v1/batches HTTP/1.1\r\nHost: office\r\nX-Batch-Name: {batch.name}\r\n"
                  f"Content-Type: application/octet-stream\r\nContent-Length: {len(data)}\r\n\r\n").encode()
                 + data[:len(data) // 2])
    return sock


def inbox_files(office) -> list:
    """Files in the office's inbox; the service may remove a folder while this walks it (then: look again)."""
    inbox = office.folder / "inbox"
    while True:
        try:
            return [p for p in inbox.rglob("*") if p.is_file()] if inbox.exists() else []
        except FileNotFoundError:
            continue


# -- one station --------------------------------------------------------------------------------------------------

def test_a_batch_sent_over_the_network_is_imported_and_answered_with_a_receipt_the_station_can_check(
        client, batch, rows, receipt_key):
    answer = client.upload(batch.name, batch.read_bytes())
    assert (answer.status, answer.station, answer.sequence, answer.gaps) == ("imported", "TYT-MK", 1, ())
    receipt = verify_receipt(envelope_bytes(answer.receipt_envelope), receipt_key)
    assert receipt is not None and receipt["manifest_sha256"] and receipt["counts"] == manifest_of(batch)["counts"]
    assert rows() == expected_rows(batch)
    status = client.station_status("TYT-MK")
    assert (status.last_sequence, status.gaps, status.batches) == (1, (), 1)


def test_sending_the_same_batch_again_answers_with_the_same_receipt_and_changes_nothing(client, batch, rows):
    first = client.upload(batch.name, batch.read_bytes())
    again = client.upload(batch.name, batch.read_bytes())
    assert (first.status, again.status) == ("imported", "duplicate")
    assert again.receipt_envelope == first.receipt_envelope
    assert rows() == expected_rows(batch)


def test_a_tampered_batch_is_refused_with_its_reason_and_nothing_of_it_imported(client, batch, rows, tmp_path,
                                                                                 receipt_key):
    parts = parts_of(batch)
    tampered = rewrite(batch, tmp_path / "sửa" / batch.name, payload_age=flip(parts["payload.age"], 200))
    with pytest.raises(BatchRefusedError) as refused:
        client.upload(tampered.name, tampered.read_bytes())
    assert refused.value.reason == "payload_hash_mismatch" and not refused.value.transient
    assert "payload.age" in refused.value.reason_text
    notice = verify_receipt(envelope_bytes(refused.value.notice), receipt_key)  # signed by the office
    assert (notice["status"], notice["reason"], notice["sequence"]) == ("rejected", "payload_hash_mismatch", 1)
    assert rows() == {"batches": 0, "residents": 0, "visits": 0, "resources": 0, "quarantined": 1}
    assert client.upload(batch.name, batch.read_bytes()).status == "imported"  # the true one still goes in


def test_a_batch_of_a_station_the_office_has_not_registered_is_refused_and_nothing_kept(
        ctx, nurse, doctor, office, data_dir, client, rows, tmp_path):
    from support.batch import full_visit
    from support.office import connect_station, export

    connect_station(office, data_dir, register=False)
    full_visit(ctx, nurse, doctor)
    batch = export(ctx, data_dir, tmp_path / "outbox")
    with pytest.raises(BatchRefusedError) as refused:
        client.upload(batch.name, batch.read_bytes())
    assert refused.value.reason == "unregistered_station"
    with pytest.raises(StationUnknownAtOfficeError):
        client.station_status("TYT-MK")
    assert rows()["batches"] == 0 and inbox_files(office) == []
    # the office sees who tried, once however often the station retries, with no copy of what was never read
    with pytest.raises(BatchRefusedError):
        client.upload(batch.name, batch.read_bytes())
    [entry] = [e for e in batch_entries(office.service) if e.state == QUARANTINED]
    assert (entry.station_code, entry.sequence, entry.file_name) == ("TYT-MK", 1, batch.name)
    assert entry.reason == "unregistered_station" and entry.stored_path is None


def test_a_batch_bigger_than_the_limit_is_refused_as_too_large_and_nothing_kept(client, service, batch, rows,
                                                                                 office):
    limit = service.uploads.max_bytes
    with pytest.raises(BatchTooLargeError) as refused:
        client.upload(batch.name, b"\0" * (4 * limit))  # declared: refused before a byte of it is read
    assert not refused.value.transient
    connection = http.client.HTTPConnection("127.0.0.1", service.port, timeout=30)
    connection.request("POST", "/api/v1/batches", body=iter([b"\0" * 65536] * (limit // 65536 + 2)),
                       headers={"X-Batch-Name": batch.name}, encode_chunked=True)  # no length: counted as it comes
    answer = connection.getresponse()
    assert answer.status == 413 and json.loads(answer.read())["error"] == "too_large"
    connection.close()
    assert rows()["batches"] == 0 and inbox_files(office) == []


def test_a_batch_name_that_is_not_a_batch_file_name_is_a_bad_request(client, batch):
    with pytest.raises(BatchRefusedError) as refused:
        client.upload("../../etc/passwd", batch.read_bytes())
    assert refused.value.reason == "bad_request"


# -- network cuts ------------------------------------------------------------------------------------------------

def test_an_upload_cut_off_half_way_leaves_nothing_and_sending_it_again_imports_it_once(
        service, client, batch, rows, office):
    cut = half_upload(service, batch)
    wait_until(lambda: inbox_files(office), "the first half arrived")
    cut.close()  # the link drops
    wait_until(lambda: not inbox_files(office), "the half batch was removed")
    assert rows()["batches"] == 0
    assert client.upload(batch.name, batch.read_bytes()).status == "imported"
    assert rows() == expected_rows(batch)


def test_the_office_stopping_during_an_upload_keeps_nothing_and_takes_the_batch_after_a_restart(
        service, client, batch, rows, office):
    stalled = half_upload(service, batch)
    wait_until(lambda: inbox_files(office), "the first half arrived")
    service.stop()  # the upload in progress is dropped after the grace time
    stalled.close()
    assert inbox_files(office) == [] and rows()["batches"] == 0
    with pytest.raises(OfficeUnreachableError) as unreachable:
        client.upload(batch.name, batch.read_bytes())
    assert unreachable.value.transient
    service.start()  # the same port
    assert client.upload(batch.name, batch.read_bytes()).status == "imported"
    assert rows() == expected_rows(batch)


def test_a_batch_sent_whole_whose_answer_is_lost_is_answered_again_with_its_receipt(service, client, batch, rows):
    data = batch.read_bytes()
    lost = socket.create_connection(("127.0.0.1", service.port))
    lost.sendall((f"POST /api/v1/batches HTTP/1.1\r\nHost: office\r\nX-Batch-Name: {batch.name}\r\n"
                  f"Content-Length: {len(data)}\r\n\r\n").encode() + data)
    lost.close()  # the link drops before the answer comes back: imported or not, sending again is safe
    answer = client.upload(batch.name, data)
    assert answer.status in ("imported", "duplicate")
    wait_until(lambda: rows()["batches"] == 1, "one import")
    assert client.upload(batch.name, data).receipt_envelope == answer.receipt_envelope
    assert rows() == expected_rows(batch)


def test_a_batch_received_whole_just_before_a_stop_is_imported_when_the_service_starts_again(
        service, client, batch, rows, office):
    service.stop()
    arrived = office.folder / "inbox" / "0123abcd"  # renamed from .part, then the office stopped before importing
    arrived.mkdir(parents=True)
    (arrived / batch.name).write_bytes(batch.read_bytes())
    (arrived / (batch.name + ".part")).write_bytes(b"half")
    service.start()
    assert rows() == expected_rows(batch) and inbox_files(office) == []
    assert client.upload(batch.name, batch.read_bytes()).status == "duplicate"


@pytest.fixture
def impatient_service(office):
    """The service with a one-second wait for the next piece of a body (60 s by default)."""
    from station_app.services.office.upload import OfficeUploads
    from station_app.web.app import ReadLimits
    from station_app.web.serve import BackgroundService, ServeOptions

    running = BackgroundService(OfficeUploads(office.service), ServeOptions(
        host="127.0.0.1", port=0, limits=ReadLimits(idle_seconds=1, total_seconds=60)))
    running.start()
    yield running
    running.stop()


def test_an_upload_that_stalls_is_answered_timeout_and_nothing_of_it_is_kept(impatient_service, batch, rows,
                                                                              office):
    stalled = half_upload(impatient_service, batch)
    stalled.settimeout(60)
    answer = http.client.HTTPResponse(stalled, method="POST")
    answer.begin()  # the office gives up on the rest and says so
    assert answer.status == 408 and json.loads(answer.read())["error"] == "timeout"
    stalled.close()
    assert inbox_files(office) == [] and rows()["batches"] == 0
