"""Issue 16, point 6: the audit chain has an anchor outside the station. Each signed manifest carries the audit
head, the office keeps it and signs it back in its receipt, and 'audit verify' checks the chain still holds it: cutting
the tail and moving the head back, or rewriting an event and recomputing every later hash, is found."""
from __future__ import annotations

import json
import sqlite3

from station_app.core.audit import chain
from station_app.persistence.database import DB_FILE_NAME
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.persistence.unit_of_work import UnitOfWork, load_audit_chain
from station_app.services.exchange.batch_verify import read_batch
from station_app.services.station.receipts import import_receipts
from support.batch import full_visit
from support.cli import run_cli
from support.office import export


def acknowledged_export(station, nurse, doctor, office, data_dir, tmp_path):
    """One batch made, imported at the office and its receipt taken back: the office now holds an anchor."""
    full_visit(station, nurse, doctor)
    with UnitOfWork(station.db) as uow:
        events, head_seq, head_hash = load_audit_chain(uow.session)
    batch = export(station, data_dir, tmp_path / "usb")
    office.service.import_paths([batch])
    assert import_receipts(station.db, data_dir, paths=[batch.parent]).acknowledged == [1]
    return batch, head_seq, head_hash


def connect(data_dir):
    conn = sqlite3.connect(data_dir / DB_FILE_NAME)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_events'"):
        conn.execute(f'DROP TRIGGER "{name}"')  # the attacker owns the file: the append-only triggers go first
    return conn


def test_the_manifest_carries_the_audit_head_and_the_office_signs_it_back(station, nurse, doctor, office, data_dir,
                                                                          tmp_path):
    batch, head_seq, head_hash = acknowledged_export(station, nurse, doctor, office, data_dir, tmp_path)
    manifest = json.loads(read_batch(batch).manifest_bytes)
    assert manifest["audit"] == {"seq": head_seq, "hash": head_hash}
    with OfficeUnitOfWork(office.service.db) as uow:
        [anchor] = uow.store.anchors("TYT-MK")
        assert (anchor.batch_sequence, anchor.audit_seq, anchor.audit_hash, anchor.rewound) == (
            1, head_seq, head_hash, False)
    receipt = json.loads(batch.with_name("TYT-MK-000001.receipt.json").read_text())
    assert receipt["receipt"]["audit"] == {"seq": head_seq, "hash": head_hash}
    report = station.audit.verify()
    assert report.ok and report.anchors == 1
    [info] = office.service.stations()
    assert (info.audit_seq, info.audit_rewound) == (head_seq, False)


def test_cutting_the_tail_and_moving_the_head_back_is_found(station, nurse, doctor, office, data_dir, tmp_path):
    _, head_seq, _ = acknowledged_export(station, nurse, doctor, office, data_dir, tmp_path)
    keep = head_seq - 5  # the last five events before the export, and everything after, are to vanish
    with connect(data_dir) as conn:
        (kept_hash,) = conn.execute("SELECT hash FROM audit_events WHERE seq = ?", (keep,)).fetchone()
        conn.execute("DELETE FROM audit_events WHERE seq > ?", (keep,))
        conn.execute("UPDATE audit_head SET seq = ?, hash = ?", (keep, kept_hash))
    with UnitOfWork(station.db) as uow:
        from station_app.core.audit import verify_chain

        assert verify_chain(*load_audit_chain(uow.session)).ok  # the chain alone holds together
    report = station.audit.verify()
    assert not report.ok and report.reason == "rewound" and report.broken_at == keep + 1
    out = run_cli("audit", "verify", data_dir=data_dir)
    assert out.returncode == 1 and "đơn vị nhận" in out.stderr and "Traceback" not in out.stderr


def rewrite_and_rehash(conn, seq):
    """Event ``seq`` changed (its user removed) and every later hash, and the head, computed again."""
    rows = conn.execute("SELECT seq, at, user_id, action, entity, entity_id, details FROM audit_events "
                        "ORDER BY seq").fetchall()
    head_seq, head_hash = 0, "0" * 64
    for s, at, user_id, action, entity, entity_id, details in rows:
        event = chain(head_seq, head_hash, at=at, user_id=None if s == seq else user_id, action=action,
                      entity=entity, entity_id=entity_id, details=json.loads(details) if details else {})
        conn.execute("UPDATE audit_events SET user_id = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                     (event.user_id, event.prev_hash, event.hash, s))
        head_seq, head_hash = event.seq, event.hash
    conn.execute("UPDATE audit_head SET seq = ?, hash = ?", (head_seq, head_hash))
    return head_seq, head_hash


def test_rewriting_an_event_and_recomputing_every_later_hash_is_found(station, nurse, doctor, office, data_dir,
                                                                      tmp_path):
    _, head_seq, head_hash = acknowledged_export(station, nurse, doctor, office, data_dir, tmp_path)
    with connect(data_dir) as conn:
        rewrite_and_rehash(conn, 3)
    report = station.audit.verify()
    assert not report.ok and report.reason == "rewritten" and report.broken_at == head_seq


def test_forging_the_kept_anchor_too_is_found(station, nurse, doctor, office, data_dir, tmp_path):
    _, head_seq, _ = acknowledged_export(station, nurse, doctor, office, data_dir, tmp_path)
    with connect(data_dir) as conn:
        rewrite_and_rehash(conn, 3)
        (new_hash,) = conn.execute("SELECT hash FROM audit_events WHERE seq = ?", (head_seq,)).fetchone()
        (kept,) = conn.execute("SELECT receipt FROM export_batches WHERE sequence = 1").fetchone()
        kept = json.loads(kept)
        kept["receipt"]["audit"]["hash"] = new_hash
        conn.execute("UPDATE export_batches SET receipt = ? WHERE sequence = 1", (json.dumps(kept),))
    report = station.audit.verify()
    assert not report.ok and report.reason == "anchor_forged"


def test_dropping_the_kept_receipts_is_caught_by_the_office_s_copies(station, nurse, doctor, office, data_dir,
                                                                     tmp_path):
    batch, head_seq, _ = acknowledged_export(station, nurse, doctor, office, data_dir, tmp_path)
    with connect(data_dir) as conn:
        rewrite_and_rehash(conn, 3)
        conn.execute("UPDATE export_batches SET receipt = NULL")
    assert station.audit.verify().ok  # nothing local is left to compare with
    report = station.audit.verify([office.folder / "receipts", batch.parent])  # the office's signed copies
    assert not report.ok and report.reason == "rewritten"
    out = run_cli("audit", "verify", "--receipts", str(batch.parent), data_dir=data_dir)
    assert out.returncode == 1 and "Traceback" not in out.stderr


def test_the_office_marks_a_station_whose_audit_head_went_back(station, nurse, doctor, office, data_dir, tmp_path):
    _, head_seq, _ = acknowledged_export(station, nurse, doctor, office, data_dir, tmp_path)
    with connect(data_dir) as conn:  # cut back far, so the next batch's head is behind the first one's
        (kept_hash,) = conn.execute("SELECT hash FROM audit_events WHERE seq = 2").fetchone()
        conn.execute("DELETE FROM audit_events WHERE seq > 2")
        conn.execute("UPDATE audit_head SET seq = 2, hash = ?", (kept_hash,))
    from support.batch import open_visit

    open_visit(station, nurse, name="Lò Văn Páo", national_id="011180009999")
    second = export(station, data_dir, tmp_path / "usb2")
    [outcome] = [o for o in office.service.import_paths([second]).outcomes if o.sequence == 2]
    assert outcome.status == "imported"  # genuine, signed data is never held back
    with OfficeUnitOfWork(office.service.db) as uow:
        assert [a.rewound for a in uow.store.anchors("TYT-MK")] == [False, True]
    [info] = office.service.stations()
    assert info.audit_rewound and info.audit_seq < head_seq
    listed = run_cli("office", "stations", "list", "--dir", str(office.folder))
    assert "ĐÃ BỊ LÙI LẠI" in listed.stdout
