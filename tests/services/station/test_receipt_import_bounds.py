"""The station's receipt import from a folder skips nothing genuine because of a broken file beside it: each bad
file is reported with a short reason and the genuine receipts are taken; an office's reason is kept short and
cleaned."""
from __future__ import annotations

import os

from station_app.persistence.tables import ExportBatchRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange.receipts import sign_receipt
from station_app.services.station.receipts import import_receipts
from support.batch import full_visit
from support.office import export


def rows(ctx):
    with UnitOfWork(ctx.db) as uow:
        return {r.sequence: (r.status, r.rejection_reason) for r in uow.session.query(ExportBatchRow)}


def test_broken_files_beside_a_genuine_receipt_are_each_reported_and_the_receipt_is_taken(
        station, nurse, doctor, office, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")
    [outcome] = office.service.import_paths([batch]).outcomes
    folder = outcome.receipt.parent
    (folder / "A-000001.receipt.json").write_text('{"receipt": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with open(folder / "B-000001.receipt.json", "wb") as huge:  # 200 MB that takes no room (a sparse file)
        huge.truncate(200 * 2**20)
    (folder / "C-000001.receipt.json").mkdir()
    (folder / "D-000001.receipt.json").write_bytes(b"\xff\xfe\x00garbage")
    os.symlink(folder / "nowhere", folder / "E-000001.receipt.json")

    done = import_receipts(station.db, data_dir, paths=[folder])

    assert done.acknowledged == [1] and rows(station)[1][0] == "acknowledged"
    refused = dict(done.refused)
    assert sorted(refused) == [f"{c}-000001.receipt.json" for c in "ABCDE"]
    assert refused["B-000001.receipt.json"] == "tệp quá lớn, không phải biên nhận"
    assert all(0 < len(reason) < 80 for reason in refused.values())


def test_an_office_reason_is_kept_short_and_without_controls_or_direction_overrides(
        station, nurse, doctor, office, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")
    hostile = "lô hỏng\u202e\x1b[2J\r\n" + "x" * 5_000
    notice = sign_receipt({"office": "TTKSBT", "station": "TYT-MK", "sequence": 1, "file_name": batch.name,
                           "status": "rejected", "reason": "payload_hash\u2066" + "y" * 5_000,
                           "reason_text": hostile, "rejected_at": "2026-12-07T08:00:00Z"},
                          office.service._receipt_key())
    import json

    (batch.parent / "TYT-MK-000001.receipt.json").write_text(json.dumps(notice))
    done = import_receipts(station.db, data_dir, paths=[batch.parent])
    [(sequence, reason)] = done.rejected
    stored = rows(station)[1]
    assert sequence == 1 and stored[0] == "rejected" and stored[1] == reason
    assert reason.startswith("lô hỏng") and len(reason) <= 300
    assert not any(ch in reason for ch in "\u202e\x1b\r\n")
