"""The office service over HTTPS with its self-signed certificate: the station takes the address and the pin
from the office bundle (JSON or QR), sends over the pinned connection, and refuses a certificate that is not the
pinned one before sending anything. The real command line: 'office url' then 'office serve' until Ctrl+C."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from station_app.services.exchange.keys import StationKeys
from station_app.services.exchange.office_client import OfficeCertificateError, OfficeClient, OfficeUnreachableError
from station_app.services.office.tls import publish_upload_url
from station_app.services.office.upload import OfficeUploads
from station_app.web.serve import BackgroundService, ServeOptions

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def db_url():
    return None  # SQLite: TLS does not depend on the database


def https_service(office, published) -> BackgroundService:
    running = BackgroundService(OfficeUploads(office.service), ServeOptions(
        host="127.0.0.1", port=0, tls_cert=published.tls_cert, tls_key=published.tls_key, stop_grace_seconds=1))
    running.start()
    return running


@pytest.fixture
def published(office):
    return publish_upload_url(office.folder, "https://127.0.0.1:8765")


def test_a_station_sends_over_https_to_the_certificate_pinned_in_the_office_bundle(office, published, batch,
                                                                                  data_dir, rows):
    running = https_service(office, published)
    try:
        bundle = StationKeys(data_dir).import_office_bundle(office.folder / "office-bundle.png")  # from its QR
        assert (bundle.upload_url, bundle.tls_sha256) == ("https://127.0.0.1:8765", published.tls_sha256)
        client = OfficeClient(running.url, bundle.tls_sha256)
        assert client.health()["office"] == office.service.name
        assert client.upload(batch.name, batch.read_bytes()).status == "imported"
        assert rows()["batches"] == 1
    finally:
        running.stop()


def test_a_certificate_other_than_the_pinned_one_is_refused_before_the_batch_is_sent(office, published, batch,
                                                                                    rows):
    old_pin = published.tls_sha256
    renewed = publish_upload_url(office.folder, "https://127.0.0.1:8765", new_certificate=True)
    assert renewed.tls_sha256 != old_pin
    running = https_service(office, renewed)
    try:
        with pytest.raises(OfficeCertificateError) as refused:
            OfficeClient(running.url, old_pin).upload(batch.name, batch.read_bytes())
        assert not refused.value.transient
        assert rows()["batches"] == 0 and not (office.folder / "inbox").exists()
    finally:
        running.stop()


def test_https_without_a_pin_is_refused_and_a_plain_http_client_cannot_talk_to_it(office, published):
    with pytest.raises(OfficeCertificateError):
        OfficeClient("https://127.0.0.1:8765")
    running = https_service(office, published)
    try:
        with pytest.raises(OfficeUnreachableError):
            OfficeClient(running.url.replace("https://", "http://")).health()
    finally:
        running.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "station_app", "office", *args]


def test_the_command_line_publishes_the_address_serves_over_https_and_stops_on_ctrl_c(office, batch, rows):
    port, env = free_port(), {**os.environ, "LANG": "C.UTF-8"}
    done = subprocess.run(cli("url", f"https://127.0.0.1:{port}", "--dir", str(office.folder)), env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "dấu vân tay" in done.stdout
    pin = StationKeys(office.folder / "trạm").import_office_bundle(office.folder / "office-bundle.json").tls_sha256
    server = subprocess.Popen(cli("serve", "--dir", str(office.folder), "--host", "127.0.0.1", "--max-mib", "8"),
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        client = OfficeClient(f"https://127.0.0.1:{port}", pin)
        ends = time.monotonic() + 60  # only stops a hung test: the service says when it is up by answering
        while True:
            try:
                client.health()
                break
            except OfficeUnreachableError:
                assert server.poll() is None and time.monotonic() < ends, server.stderr.read()
                time.sleep(0.1)
        assert client.upload(batch.name, batch.read_bytes()).status == "imported"
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=60)
    assert server.returncode == 0, err
    assert "8 MiB" in out and "Đã dừng nhận lô." in out
    assert rows()["batches"] == 1
