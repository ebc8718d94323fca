"""The office window tells the staff how many quarantined batches were dropped to keep the quarantine within its
limits (a stick of junk files imported through the import page)."""
from __future__ import annotations

import json
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def test_the_batches_page_counts_the_quarantined_batches_dropped(qtbot, open_window, office, tmp_path):
    pem = tmp_path / "TYT-MK.pub.pem"
    pem.write_bytes(Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    office.service.add_station(pem, "TYT-MK", name="Trạm Y tế xã Mường Kim")
    settings = office.folder / "office.json"
    settings.write_text(json.dumps({**json.loads(settings.read_text(encoding="utf-8")),
                                    "quarantine_limits": {"files_per_station": 2}}), encoding="utf-8")
    usb = tmp_path / "usb"
    usb.mkdir()
    for sequence in range(1, 6):
        (usb / f"TYT-MK-{sequence:06d}.batch").write_bytes(os.urandom(2000))
    window = open_window(office.folder)
    window.show_page("import")
    window.pages["import"].import_paths([usb])
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20_000)
    window.show_page("batches")
    page = window.pages["batches"]
    qtbot.waitUntil(lambda: not window.tasks.busy and page.entries is not None, timeout=20_000)
    assert page.table.rowCount() == 2
    assert page.dropped_label.isVisible()
    assert page.dropped_label.text().startswith("3 lô bị cách ly cũ nhất đã được xoá")
