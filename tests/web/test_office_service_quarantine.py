"""Junk sent to the real office service on loopback cannot fill its disk or its quarantine table: bodies that are
no batch under a registered station's code keep only the newest copies, uploads under made-up codes keep only the
newest rows, within the limits of office.json."""
from __future__ import annotations

import http.client
import json
import os

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app.persistence.office.tables import OfficeQuarantineRow
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.office.quarantine import dropped_counts

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def db_url():
    return None  # SQLite: the limits do not depend on the database


@pytest.fixture
def limited(office, tmp_path):
    """TYT-MK registered; at most 3 quarantined files per station code and 10 in all."""
    pem = tmp_path / "TYT-MK.pub.pem"
    pem.write_bytes(Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    office.service.add_station(pem, "TYT-MK", name="Trạm Y tế xã Mường Kim")
    settings = office.folder / "office.json"
    held = json.loads(settings.read_text(encoding="utf-8"))
    settings.write_text(json.dumps({**held, "quarantine_limits": {"files_per_station": 3, "files": 10}}),
                        encoding="utf-8")
    return office


def post(port: int, name: str, body: bytes) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("POST", "/api/v1/batches", body, {"X-Batch-Name": name, "Content-Type": "application/octet-stream"})
    status = conn.getresponse().status
    conn.close()
    return status


def quarantined(office) -> int:
    with OfficeUnitOfWork(office.service.db) as uow:
        return uow.store.count(OfficeQuarantineRow)


def test_junk_bodies_under_a_registered_code_keep_only_the_newest_copies(service, limited):
    for sequence in range(1, 13):
        assert post(service.port, f"TYT-MK-{sequence:06d}.batch", os.urandom(50_000)) == 422
    copies = sorted(p.name for p in (limited.folder / "quarantine").rglob("*.batch"))
    assert copies == ["TYT-MK-000010.batch", "TYT-MK-000011.batch", "TYT-MK-000012.batch"]
    assert quarantined(limited) == 3 and dropped_counts(limited.service)["TYT-MK"].files == 9


def test_uploads_under_made_up_codes_keep_only_the_newest_rows(service, limited):
    for i in range(30):
        assert post(service.port, f"XA-{i:03d}-000001.batch", b"") == 422  # refused unread, a row each
    assert quarantined(limited) == 10 and dropped_counts(limited.service)[""].files == 20
