"""The office's quarantine is bounded: junk files brought by folder import, under a registered station's code, an
unregistered one or none, never hold more than the limits (per station code and in all, files and bytes); the
oldest are dropped first, their copies removed from the disk, and the office's report counts what was dropped."""
from __future__ import annotations

import csv
import json
import os

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from support.postgres import postgres_server  # noqa: F401 - the session fixture, started only when asked for

from station_app.persistence.office.tables import OfficeQuarantineRow
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.office.quarantine import dropped_counts
from station_app.services.office.report import write_report

MIB = 2**20


@pytest.fixture
def db_url():
    return None  # SQLite in the office folder


def register(office, code: str, tmp_path) -> None:
    pem = tmp_path / f"{code}.pub.pem"
    pem.write_bytes(Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    office.service.add_station(pem, code, name="Trạm Y tế xã Mường Kim")


def set_limits(office, **limits) -> None:
    settings = office.folder / "office.json"
    held = json.loads(settings.read_text(encoding="utf-8"))
    settings.write_text(json.dumps({**held, "quarantine_limits": limits}, ensure_ascii=False), encoding="utf-8")


def junk(folder, code: str, sequences, size: int = 1000) -> list:
    """Files named like batches that are none (random bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for sequence in sequences:
        path = folder / f"{code}-{sequence:06d}.batch"
        path.write_bytes(os.urandom(size))
        made.append(path)
    return made


def held(office) -> list[tuple[str | None, int | None]]:
    """(station, sequence) of each quarantined batch the office lists, oldest first."""
    with OfficeUnitOfWork(office.service.db) as uow:
        return [(q.station_code, q.sequence) for q in uow.store.quarantined()]


def copies(office) -> list:
    return sorted(p for p in (office.folder / "quarantine").rglob("*.batch")) \
        if (office.folder / "quarantine").exists() else []


def test_junk_under_a_registered_code_keeps_only_the_newest_files_up_to_the_stations_limit(office, tmp_path):
    register(office, "TYT-MK", tmp_path)
    set_limits(office, files_per_station=3)
    for sequence in range(1, 11):  # ten imports, one junk file each
        office.service.import_paths(junk(tmp_path / f"usb{sequence}", "TYT-MK", [sequence]))
    assert held(office) == [("TYT-MK", 8), ("TYT-MK", 9), ("TYT-MK", 10)]
    assert [p.name for p in copies(office)] == [f"TYT-MK-{s:06d}.batch" for s in (8, 9, 10)]
    assert dropped_counts(office.service)["TYT-MK"].files == 7


def test_junk_bytes_under_one_code_stay_within_its_bytes_limit_and_spare_other_stations(office, tmp_path):
    register(office, "TYT-MK", tmp_path)
    register(office, "TYT-NA", tmp_path)
    set_limits(office, mib_per_station=3)
    office.service.import_paths(junk(tmp_path / "na", "TYT-NA", [1, 2], size=MIB + 1))
    for sequence in range(1, 8):
        office.service.import_paths(junk(tmp_path / f"mk{sequence}", "TYT-MK", [sequence], size=MIB + 1))
    mk = [p for p in copies(office) if p.name.startswith("TYT-MK")]
    assert sum(p.stat().st_size for p in mk) <= 3 * MIB and [p.name for p in mk] == [
        "TYT-MK-000006.batch", "TYT-MK-000007.batch"]
    assert ("TYT-NA", 1) in held(office) and ("TYT-NA", 2) in held(office)  # the other station's are all there
    assert (dropped_counts(office.service)["TYT-MK"].files, dropped_counts(office.service)["TYT-MK"].bytes) == (
        5, 5 * (MIB + 1))


def test_junk_under_many_unregistered_codes_in_one_folder_is_bounded_in_all(office, tmp_path):
    set_limits(office, files=12, mib=1)
    usb = tmp_path / "usb"
    for i in range(40):
        junk(usb, f"XA-{i:03d}", [1], size=100 * 1024)
    junk(usb, "ZZ", [1])  # a name no station code can have: no station at all
    (usb / "không phải lô.batch").write_bytes(b"junk")
    report = office.service.import_paths([usb])
    assert len(report.outcomes) == 42 and all(o.status == "quarantined" for o in report.outcomes)
    assert len(held(office)) <= 12 and len(copies(office)) <= 12
    assert sum(p.stat().st_size for p in copies(office)) <= MIB
    dropped = dropped_counts(office.service)
    assert set(dropped) == {""} and dropped[""].files == 42 - len(held(office))  # none of them registered


def test_the_office_report_counts_the_quarantined_batches_dropped(office, tmp_path):
    register(office, "TYT-MK", tmp_path)
    set_limits(office, files_per_station=2)
    office.service.import_paths(junk(tmp_path / "usb", "TYT-MK", range(1, 6)))
    out = write_report(office.service.report(), tmp_path / "báo cáo.csv")
    lines = list(csv.reader(out.open(encoding="utf-8-sig")))
    start = lines.index(["Lô dữ liệu theo trạm"])
    columns, row = lines[start + 1], lines[start + 2]
    assert (row[0], row[columns.index("Lô bị cách ly")], row[columns.index("Lô cách ly cũ đã xoá (giới hạn)")]) == (
        "TYT-MK", "2", "3")


def test_limits_that_are_not_numbers_fall_back_to_the_defaults(office, tmp_path):
    register(office, "TYT-MK", tmp_path)
    set_limits(office, files_per_station="ba", files=-1)
    office.service.import_paths(junk(tmp_path / "usb", "TYT-MK", range(1, 4)))
    assert len(held(office)) == 3


def test_rows_without_a_copy_count_against_the_files_limit(office, tmp_path):
    set_limits(office, files=5)
    for i in range(20):  # what the service notes of uploads from unregistered stations, refused unread
        office.service.note_refused_upload(f"XA-{i:03d}-000001.batch", f"XA-{i:03d}", sequence=1, reason="unregistered_station")
    with OfficeUnitOfWork(office.service.db) as uow:
        assert uow.store.count(OfficeQuarantineRow) == 5
    assert dropped_counts(office.service)[""].files == 15


def test_a_dropped_row_naming_a_file_outside_the_quarantine_folder_never_removes_that_file(office, tmp_path):
    outside = tmp_path / "dữ liệu khác.batch"
    outside.write_bytes(b"keep me")
    with OfficeUnitOfWork(office.service.db) as uow:  # a row as an older version or a hand edit could leave it
        uow.store.add(OfficeQuarantineRow(file_name=outside.name, station_code=None, sequence=None,
                                                     reason="not_a_zip", stored_path=str(outside)))
    set_limits(office, files=1)
    office.service.import_paths(junk(tmp_path / "usb", "XA-001", [1]))
    assert held(office) == [("XA-001", 1)] and outside.read_bytes() == b"keep me"


def test_the_limits_hold_on_postgresql_too(postgres_server, tmp_path):
    from support.office import make_office

    office = make_office(tmp_path / "văn phòng pg", postgres_server.new_database())
    try:
        register(office, "TYT-MK", tmp_path)
        set_limits(office, files_per_station=2, mib_per_station=1)
        office.service.import_paths(junk(tmp_path / "usb", "TYT-MK", range(1, 6), size=400 * 1024))
        assert held(office) == [("TYT-MK", 4), ("TYT-MK", 5)] and len(copies(office)) == 2
        dropped = dropped_counts(office.service)["TYT-MK"]
        assert (dropped.files, dropped.bytes) == (3, 3 * 400 * 1024)
    finally:
        office.service.close()
