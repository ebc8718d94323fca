"""`station-app record …` on a small training station, run as IT staff would: one visit's record as PDF, JSON or
XML, and every completed visit of a day as one file per visit, with each invalid record's problems printed in
Vietnamese and a non-zero exit (the files still written)."""
from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support.cli import run_as, run_cli

from station_app.services.station.demo import TRAINING_PASSWORD

COORDINATOR = ("demo.dieuphoi", TRAINING_PASSWORD)
NURSE = ("demo.dieuduong", TRAINING_PASSWORD)


@pytest.fixture(scope="module")
def station(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("trạm") / "tập huấn"
    made = run_cli("demo", "--residents", "40", "--seed", "7", data_dir=folder)
    assert made.returncode == 0, made.stderr
    return folder


def busiest_day(folder: Path) -> tuple[str, list[str]]:
    conn = sqlite3.connect(folder / "station.sqlite3")
    try:
        (day,) = conn.execute("SELECT visit_date FROM visits WHERE status IN ('completed', 'referred') "
                              "GROUP BY visit_date ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()
        ids = [i for (i,) in conn.execute("SELECT id FROM visits WHERE visit_date = ? AND status IN "
                                          "('completed', 'referred')", (day,))]
        return day, ids
    finally:
        conn.close()


def test_one_visit_as_json_and_xml(station, tmp_path):
    _day, (visit_id, *_) = busiest_day(station)
    done = run_as(COORDINATOR, "record", visit_id, "--out", str(tmp_path / "phiếu.json"), data_dir=station)
    assert "Đã ghi phiếu khám mẫu" in done.stdout, done.stderr
    data = json.loads((tmp_path / "phiếu.json").read_text(encoding="utf-8"))
    assert data["MA_LK"] == visit_id and isinstance(data["mau_bieu"], int)
    run_as(COORDINATOR, "record", visit_id, "--out", str(tmp_path / "phiếu.xml"), data_dir=station)
    assert ET.parse(tmp_path / "phiếu.xml").getroot().findtext("MA_LK") == visit_id


def test_a_days_completed_visits_one_file_each_with_problems_in_vietnamese(station, tmp_path):
    day, ids = busiest_day(station)
    out = tmp_path / "phiếu ngày"
    done = run_as(COORDINATOR, "record", "--date", day, "--out", str(out), "--format", "xml", data_dir=station)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{i}.xml" for i in ids)
    assert done.returncode == 0, done.stderr  # the training station's records are complete
    # one answer lost (a desk's field left out): that record is written still, its problem named, the exit says so
    conn = sqlite3.connect(station / "station.sqlite3")
    try:
        (code,) = conn.execute("SELECT code FROM answers WHERE visit_id = ? AND desk LIKE 'doctor:%' ORDER BY code "
                               "LIMIT 1", (ids[0],)).fetchone()
        conn.execute("DELETE FROM answers WHERE visit_id = ? AND code = ?", (ids[0], code))
        conn.commit()
    finally:
        conn.close()
    again = run_as(COORDINATOR, "record", "--date", day, "--out", str(tmp_path / "lại"), "--format", "xml",
                   data_dir=station)
    assert again.returncode == 1 and (tmp_path / "lại" / f"{ids[0]}.xml").exists()
    assert f"({code})" in again.stderr and "Thiếu " in again.stderr and "Lượt khám " in again.stderr
    assert "Traceback" not in again.stderr


def test_bad_usage_says_what_to_type(station, tmp_path):
    both = run_as(COORDINATOR, "record", "x", "--date", "2026-11-23", "--out", str(tmp_path), data_dir=station)
    assert both.returncode == 2 and "mã lượt khám" in both.stderr
    suffix = run_as(COORDINATOR, "record", "x", "--out", str(tmp_path / "phiếu.txt"), data_dir=station)
    assert suffix.returncode == 2 and ".pdf, .json hoặc .xml" in suffix.stderr
    unknown = run_as(COORDINATOR, "record", "không-có", "--out", str(tmp_path / "p.json"), data_dir=station)
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr


def test_a_nurse_may_not_export_records(station, tmp_path):
    _day, (visit_id, *_) = busiest_day(station)
    refused = run_as(NURSE, "record", visit_id, "--out", str(tmp_path / "p.json"), data_dir=station)
    assert refused.returncode == 1 and not (tmp_path / "p.json").exists()


def test_writing_records_out_is_kept_in_the_audit_log_with_counts_only(station, tmp_path):
    day, ids = busiest_day(station)
    run_as(COORDINATOR, "record", "--date", day, "--out", str(tmp_path / "ngày"), "--format", "json",
           data_dir=station)
    conn = sqlite3.connect(station / "station.sqlite3")
    try:
        (details,) = conn.execute("SELECT details FROM audit_events WHERE entity = 'pl01_records' "
                                  "ORDER BY seq DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    logged = json.loads(details)
    assert set(logged) == {"records", "invalid", "format"}  # counts and the format, never a name or a value
    assert (logged["records"], logged["format"]) == (len(ids), "json") and 0 <= logged["invalid"] <= len(ids)
