"""A station never makes two different batches with one sequence number (issue 16, point 5).

A batch is recorded, with its exact bytes, before it is written anywhere: an export cut short right after the file
reached the stick (a crash, the power going, a full data disk), or before it did (a full or pulled stick), is
finished by the next export writing the same bytes again. The office then takes every stick it is given without
a fork, and later batches chain on.
"""
from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from station_app.core.batch_format import ExportDiskFullError, sha256_hex
from station_app.services.exchange import batch_export
from station_app.services.exchange.batch_export import ExportService
from station_app.services.station.receipts import import_receipts
from support.batch import open_visit
from support.office import export


def stick(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    return folder


def imported(office, *folders):
    """(status, sequence, reason) of every batch in these folders, imported one folder after the other."""
    return [(o.status, o.sequence, o.reason) for folder in folders
            for o in office.service.import_paths([folder]).outcomes]


def stick_fills_up(patch, folder):
    """The stick fills up while the batch is flushed to it (the station's own disk syncs as usual)."""
    real = os.fsync

    def fsync(fd):
        if any(os.path.samestat(os.fstat(fd), p.stat()) for p in folder.iterdir()):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    patch.setattr(batch_export.os, "fsync", fsync)


def recorded_on_disk(db_path):
    """The batches as another process would read them from the database file at this moment."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT b.sequence, b.status, b.file_sha256, length(f.content) FROM export_batches b "
                            "JOIN export_batch_files f ON f.batch_id = b.id ORDER BY b.sequence").fetchall()


def test_a_crash_right_after_the_file_is_written_never_forks_the_chain(station, nurse, office, data_dir, tmp_path,
                                                                       monkeypatch):
    open_visit(station, nurse)
    first = stick(tmp_path, "USB 1")
    real = batch_export.write_safely
    seen = []

    def crash_after_writing(folder, name, content):
        seen.append(recorded_on_disk(station.db.path))  # what survives if the power goes now
        real(folder, name, content=content)
        raise RuntimeError("power cut")  # the file is on the stick; nothing after this ran

    with monkeypatch.context() as patch:
        patch.setattr(batch_export, "write_safely", crash_after_writing)
        with pytest.raises(RuntimeError):
            ExportService(station.db, data_dir).export(None, first)
    on_stick = (first / "TYT-MK-000001.batch").read_bytes()
    assert seen == [[(1, "made", sha256_hex(on_stick), len(on_stick))]]  # recorded, bytes and all, before writing

    open_visit(station, nurse, name="Lò Văn Pọm", year=1961, national_id="011061004321")  # work goes on
    second = stick(tmp_path, "USB 2")
    export(station, data_dir, second)
    assert (second / "TYT-MK-000001.batch").read_bytes() == on_stick  # the same batch 1, written again
    assert sorted(p.name for p in second.glob("*.batch")) == ["TYT-MK-000001.batch", "TYT-MK-000002.batch"]

    # the stick of the crash reaches the office first, then the next one
    assert imported(office, first, second) == [("imported", 1, None), ("duplicate", 1, None),
                                               ("imported", 2, None)]
    open_visit(station, nurse, name="Lò Thị Xuân", year=1990, national_id="011190004444")
    third = stick(tmp_path, "USB 3")
    export(station, data_dir, third)
    assert imported(office, third)[-1] == ("imported", 3, None)
    assert office.service.stations()[0].gaps == ()
    taken = import_receipts(station.db, data_dir, paths=[first, second, third])
    assert sorted(taken.acknowledged) == [1, 2, 3] and not taken.refused and not taken.rejected
    assert {b.sequence: b.status for b in station.export.batches()} == {1: "acknowledged", 2: "acknowledged",
                                                                        3: "acknowledged"}


def test_a_full_stick_keeps_the_batch_made_and_the_next_export_writes_the_same_bytes(station, nurse, office,
                                                                                      data_dir, tmp_path,
                                                                                      monkeypatch):
    open_visit(station, nurse)
    full = stick(tmp_path, "USB đầy")
    with monkeypatch.context() as patch:
        stick_fills_up(patch, full)
        with pytest.raises(ExportDiskFullError):
            ExportService(station.db, data_dir).export(None, full)
    assert list(full.iterdir()) == []  # nothing half-written left on the stick
    [made] = station.export.batches()
    assert (made.sequence, made.status) == (1, "made")
    kept = ExportService(station.db, data_dir).stored_batch(1)

    other = stick(tmp_path, "USB khác")
    result = ExportService(station.db, data_dir).export(None, other)
    assert result.made is None and result.rewritten == (other / "TYT-MK-000001.batch",)
    assert (other / "TYT-MK-000001.batch").read_bytes() == kept
    assert [(b.sequence, b.status) for b in station.export.batches()] == [(1, "made")]  # waits for its receipt

    open_visit(station, nurse, name="Lò Văn Pọm", year=1961, national_id="011061004321")
    later = stick(tmp_path, "USB sau")
    export(station, data_dir, later)
    assert imported(office, other, later) == [("imported", 1, None), ("duplicate", 1, None), ("imported", 2, None)]


def test_a_data_disk_full_when_recording_writes_nothing_to_the_stick(station, nurse, office, data_dir, tmp_path,
                                                                      monkeypatch):
    open_visit(station, nurse)
    usb = stick(tmp_path, "USB")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(batch_export, "_record", disk_full)
        with pytest.raises(OSError):
            ExportService(station.db, data_dir).export(None, usb)
    assert list(usb.iterdir()) == [] and station.export.batches() == []  # nothing left the laptop
    export(station, data_dir, usb)
    assert imported(office, usb) == [("imported", 1, None)]


KILLED_AFTER_WRITING = """
import os, signal, sys
from pathlib import Path
from station_app.persistence.database import open_database
from station_app.services.exchange import batch_export

real = batch_export.write_safely

def write_then_die(folder, name, content):
    real(folder, name, content=content)
    os.kill(os.getpid(), signal.SIGKILL)  # the power goes: nothing after the write runs, nothing is rolled back

batch_export.write_safely = write_then_die
data_dir = Path(sys.argv[1])
batch_export.ExportService(open_database(data_dir), data_dir).export(None, Path(sys.argv[2]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_process_killed_right_after_writing_leaves_the_batch_recorded_and_the_next_export_writes_it_again(
        station, nurse, office, data_dir, tmp_path):
    open_visit(station, nurse)
    first = stick(tmp_path, "USB 1")
    done = subprocess.run([sys.executable, "-c", KILLED_AFTER_WRITING, str(data_dir), str(first)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    on_stick = (first / "TYT-MK-000001.batch").read_bytes()
    assert [(b.sequence, b.status) for b in station.export.batches()] == [(1, "made")]

    second = stick(tmp_path, "USB 2")
    open_visit(station, nurse, name="Lò Văn Pọm", year=1961, national_id="011061004321")
    export(station, data_dir, second)
    assert (second / "TYT-MK-000001.batch").read_bytes() == on_stick
    assert imported(office, first, second) == [("imported", 1, None), ("duplicate", 1, None),
                                               ("imported", 2, None)]
