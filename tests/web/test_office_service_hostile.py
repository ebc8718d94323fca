"""A correctly signed batch whose content the office cannot take (a field of the wrong type, a value too long for
its column) is answered over HTTP with the signed refusal (422, quarantined), never "busy, retry later": it would
fail again every time. On SQLite and on a real PostgreSQL server (which refuses a too long value half-way)."""
from __future__ import annotations

import json

import pytest

from support.office import parts_of
from station_app.core.batch_format import sha256_hex
from station_app.services.exchange.batch_export import encrypt_payload, zip_parts
from station_app.services.exchange.batch_verify import decrypt_payload, read_batch
from station_app.services.exchange.keys import StationKeys
from station_app.services.exchange.office_client import BatchRefusedError
from station_app.services.exchange.receipts import envelope_bytes, verify_receipt

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def resigned(batch, data_dir, office, change, target):
    bundle = decrypt_payload(read_batch(batch), [(office.folder / "keys/office-age.key").read_text().strip()])
    change([e["resource"] for e in bundle["entry"]])
    manifest = json.loads(parts_of(batch)["manifest.json"])
    payload = encrypt_payload(bundle, tuple(manifest["recipients"]))
    manifest["files"] = [{"name": "payload.age", "sha256": sha256_hex(payload), "size": len(payload)}]
    raw = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
    target.mkdir(parents=True, exist_ok=True)
    (target / batch.name).write_bytes(zip_parts(raw, StationKeys(data_dir).private_key().sign(raw), payload=payload))
    return target / batch.name


def _long_id(resources):
    next(r for r in resources if r["resourceType"] == "Observation")["id"] = "x" * 5000


def _provider_a_string(resources):
    next(r for r in resources if r["resourceType"] == "Encounter")["serviceProvider"] = "TYT-MK"


@pytest.mark.parametrize("damage", [_long_id, _provider_a_string])
def test_a_signed_batch_the_office_cannot_take_is_refused_with_a_signed_notice_not_busy(
        client, batch, rows, office, data_dir, tmp_path, receipt_key, damage):
    bad = resigned(batch, data_dir, office, damage, tmp_path / "hỏng")
    with pytest.raises(BatchRefusedError) as refused:
        client.upload(bad.name, bad.read_bytes())
    assert refused.value.reason == "malformed_resource" and not refused.value.transient
    notice = verify_receipt(envelope_bytes(refused.value.notice), receipt_key)
    assert (notice["status"], notice["station"], notice["sequence"]) == ("rejected", "TYT-MK", 1)
    assert rows() == {"batches": 0, "residents": 0, "visits": 0, "resources": 0, "quarantined": 1}
    assert client.upload(batch.name, batch.read_bytes()).status == "imported"  # the station's true batch still goes
