"""A hostile answer from the office's address (a huge body, control characters, an HTML page, JSON nested
thousands deep) is refused after a bounded read, and kept or shown only as a short, cleaned reason. The "office"
here is a real HTTP server on loopback that answers what the test tells it to."""
from __future__ import annotations

import http.server
import json
import threading
import tracemalloc

import pytest

from station_app.persistence.tables import ExportBatchRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange.office_client import BatchRefusedError, OfficeAnswerError, OfficeClient
from station_app.services.station.upload import UploadService
from support.office import connect_station
from support.upload import add_visit

MiB = 2**20
HOSTILE = "Lô bị từ chối\u202e\u2066\x1b[2J\x00\r\n" + "ạ" * 50_000  # 300 KB as JSON


class Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # answers "100 Continue" to the client's Expect header
    answer: tuple[int, bytes, int | None] = (200, b"{}", None)  # status, body, Content-Length to claim

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._answer()

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()

    def _answer(self) -> None:
        status, body, claimed = self.answer
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(claimed or len(body)))
        self.end_headers()
        try:
            for _ in range((claimed or len(body)) // len(body)):
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what the test wants

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture
def hostile():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def answering(server, status: int, body: bytes, claimed: int | None = None) -> OfficeClient:
    server.RequestHandlerClass.answer = (status, body, claimed)
    return OfficeClient(f"http://127.0.0.1:{server.server_address[1]}", timeout=10)


def test_a_refusal_with_a_huge_reason_full_of_controls_is_shown_short_and_clean(hostile):
    body = json.dumps({"error": "payload_hash\u202e" + "z" * 10_000, "message": HOSTILE}).encode()
    with pytest.raises(BatchRefusedError) as info:
        answering(hostile, 422, body).upload("TYT-MK-000001.batch", b"x" * 100)
    refused = info.value
    assert refused.reason_text.startswith("Lô bị từ chối") and len(refused.reason_text) <= 300
    assert len(refused.reason) <= 40 and len(str(refused)) < 600
    for text in (refused.reason, refused.reason_text, str(refused)):
        assert not any(ch in text for ch in "\u202e\u2066\x1b\x00\r\n")


@pytest.mark.parametrize("body", [b"<html><body><h1>502 Bad Gateway</h1></body></html>",
                                  b'{"status": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                                  b"\x00\x01\x02\xff"])
def test_an_answer_that_is_not_the_office_services_json_is_refused_never_a_crash(hostile, body):
    for status in (200, 422):
        with pytest.raises(OfficeAnswerError):
            answering(hostile, status, body).upload("TYT-MK-000001.batch", b"x" * 100)
    with pytest.raises(OfficeAnswerError):
        answering(hostile, 200, body).health()


def test_a_huge_answer_is_read_only_up_to_a_bound(hostile):
    client = answering(hostile, 200, b"[" + b"0," * (MiB // 2), claimed=512 * MiB)  # half a gigabyte said and sent
    tracemalloc.start()
    try:
        with pytest.raises(OfficeAnswerError):
            client.upload("TYT-MK-000001.batch", b"x" * 100)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * MiB


def test_the_station_keeps_only_the_short_clean_reason_of_a_hostile_refusal(ctx, nurse, office, data_dir, hostile):
    connect_station(office, data_dir)
    add_visit(ctx, nurse)
    client = answering(hostile, 422, json.dumps({"error": "x", "message": HOSTILE}).encode())
    service = UploadService(ctx.db, data_dir, client_factory=lambda target: client)
    service.set_address(None, client.base_url)
    sequence = service.make_batch(None)
    outcome = service.send_one(sequence)
    with UnitOfWork(ctx.db) as uow:
        row = uow.session.query(ExportBatchRow).one()
        status, reason = row.status, row.rejection_reason
    assert outcome.status == "rejected" and status == "rejected"
    assert reason == outcome.reason and len(reason) <= 300 and reason.startswith("Lô bị từ chối")
    assert not any(ch in reason for ch in "\u202e\u2066\x1b\x00\r\n")
