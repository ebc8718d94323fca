"""The office service under slow and oversized requests, on real loopback sockets: hundreds of connections that
send their headers one byte at a time (from one address or from many) leave a station's real upload answered, a
connection that never finishes its headers is closed, and request headers above the 16 KiB of docs/OFFICE.md are
refused instead of served."""
from __future__ import annotations

import http.client
import json
import socket
import ssl
import threading
from contextlib import contextmanager

import pytest

from station_app.services.office.upload import OfficeUploads
from station_app.web.guard import ConnectionLimits
from station_app.web.serve import BackgroundService, ServeOptions

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SLOW_HEAD = b"POST /api/v1/batches HTTP/1.1\r\nHost: office\r\nX-Batch-Name: TYT-MK-000001.batch\r\nX-Pad: " + b"a" * 4000


@pytest.fixture
def db_url():
    return None  # SQLite: the connections matter here, not the database


@contextmanager
def slow_senders(port: int, addresses: list[str], tls: bool = False):
    """One connection per source address (127.0.0.0/8 is all loopback), each sending its request head one byte at
    a time (over TLS: once the handshake is done), round after round, until the block ends; connections the office
    closes are left closed."""
    socks = []
    for address in addresses:
        sock = socket.socket()
        sock.bind((address, 0))
        sock.connect(("127.0.0.1", port))
        socks.append(_unchecked_tls().wrap_socket(sock) if tls else sock)
    stop = threading.Event()

    def trickle() -> None:
        sent = 0
        while not stop.is_set() and sent < len(SLOW_HEAD):
            for sock in socks:
                try:
                    sock.send(SLOW_HEAD[sent:sent + 1])
                except OSError:
                    pass  # closed by the office: what it may do with a slow client
            sent += 1
            stop.wait(0.05)

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    try:
        yield socks
    finally:
        stop.set()
        thread.join()
        for sock in socks:
            sock.close()


def _unchecked_tls() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # an attacker checks nothing
    return context


def upload_answered(port: int, batch) -> int:
    """The station's real upload from 127.0.0.1: the status it is answered with."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("POST", "/api/v1/batches", batch.read_bytes(),
                 {"X-Batch-Name": batch.name, "Content-Type": "application/octet-stream"})
    status = conn.getresponse().status
    conn.close()
    return status


def test_two_hundred_slow_connections_from_one_address_leave_a_real_upload_answered(service, batch, rows):
    with slow_senders(service.port, ["127.0.0.2"] * 200):
        assert upload_answered(service.port, batch) == 200
    assert rows()["batches"] == 1


def test_three_hundred_slow_connections_from_as_many_addresses_leave_a_real_upload_answered(service, batch, rows):
    addresses = [f"127.0.{1 + i // 200}.{1 + i % 200}" for i in range(300)]
    with slow_senders(service.port, addresses):
        assert upload_answered(service.port, batch) == 200
    assert rows()["batches"] == 1


@pytest.fixture
def strict_service(office):
    """The service with one second for a request's headers (15 s by default)."""
    running = BackgroundService(OfficeUploads(office.service), ServeOptions(
        host="127.0.0.1", port=0, connections=ConnectionLimits(header_seconds=1)))
    running.start()
    yield running
    running.stop()


def test_a_connection_that_never_finishes_its_headers_is_answered_timeout_and_closed(strict_service):
    with slow_senders(strict_service.port, ["127.0.0.3"]) as [sock]:
        sock.settimeout(60)  # only so that a hung office fails the test instead of hanging it
        answer = http.client.HTTPResponse(sock)
        answer.begin()
        assert answer.status == 408 and json.loads(answer.read())["error"] == "timeout"
        assert sock.recv(1) == b""  # closed: its place is free for a station


def get_health(port: int, pad: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/api/v1/health", headers={"X-Pad": "a" * pad})
    status = conn.getresponse().status
    conn.close()
    return status


def test_request_headers_above_sixteen_kib_are_refused_and_below_served(service):
    assert get_health(service.port, 15 * 1024) == 200
    assert get_health(service.port, 17 * 1024) in (400, 431)  # sent in one piece
    assert get_health(service.port, 200 * 1024) in (400, 431)


def test_request_headers_sent_in_many_small_headers_count_together(service):
    conn = http.client.HTTPConnection("127.0.0.1", service.port, timeout=60)
    conn.putrequest("GET", "/api/v1/health")
    for i in range(2000):
        conn.putheader(f"X-H{i}", "a")
    conn.endheaders()
    assert conn.getresponse().status in (400, 431)
    conn.close()


def test_over_https_stalled_handshakes_and_slow_headers_leave_a_real_upload_answered(office, batch, rows):
    from station_app.services.exchange.office_client import OfficeClient
    from station_app.services.office.tls import publish_upload_url

    published = publish_upload_url(office.folder, "https://127.0.0.1:8765")
    running = BackgroundService(OfficeUploads(office.service), ServeOptions(
        host="127.0.0.1", port=0, tls_cert=published.tls_cert, tls_key=published.tls_key, stop_grace_seconds=1))
    running.start()
    stalled = [socket.create_connection(("127.0.0.1", running.port)) for _ in range(200)]  # no ClientHello
    try:
        with slow_senders(running.port, ["127.0.0.5"] * 100 + [f"127.0.3.{i}" for i in range(1, 101)], tls=True):
            client = OfficeClient(running.url, published.tls_sha256, timeout=60)
            assert client.upload(batch.name, batch.read_bytes()).status == "imported"
    finally:
        for sock in stalled:
            sock.close()
        running.stop()
    assert rows()["batches"] == 1
