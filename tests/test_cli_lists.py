"""`station-app lists …` on a small training station, run as IT staff would, in a child process."""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from support.cli import run_as, run_cli

from station_app.services.station.demo import TRAINING_PASSWORD

COORDINATOR = ("demo.dieuphoi", TRAINING_PASSWORD)  # the training station's coordinator prints the lists


@pytest.fixture(scope="module")
def station(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("trạm") / "tập huấn"
    made = run_cli("demo", "--residents", "300", "--seed", "7", data_dir=folder)
    assert made.returncode == 0, made.stderr
    return folder


def busiest_day(folder: Path) -> tuple[str, int, str]:
    """The day with the most visits at the station's own site: ISO date, visits (not cancelled), a name."""
    conn = sqlite3.connect(folder / "station.sqlite3")
    try:
        day, count = conn.execute(
            "SELECT v.visit_date, count(*) FROM visits v JOIN stations s ON s.current_site_id = v.site_id "
            "WHERE v.status != 'cancelled' GROUP BY v.visit_date ORDER BY 2 DESC, 1 LIMIT 1").fetchone()
        (name,) = conn.execute(
            "SELECT r.full_name FROM visits v JOIN residents r ON r.id = v.resident_id JOIN stations s "
            "ON s.current_site_id = v.site_id WHERE v.visit_date = ? AND v.status != 'cancelled' LIMIT 1",
            (day,)).fetchone()
        return day, count, name
    finally:
        conn.close()


def test_the_daily_list_of_a_day_as_pdf(station, tmp_path):
    day, count, name = busiest_day(station)
    y, m, d = day.split("-")
    out = tmp_path / "danh sách ngày.pdf"
    done = run_as(COORDINATOR, "lists", "daily", "--date", f"{d}/{m}/{y}", "--out", str(out), data_dir=station)
    assert done.returncode == 0, done.stderr
    assert f"{count} dòng" in done.stdout and str(out) in done.stdout
    pdf = pdfium.PdfDocument(out)
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    assert name in text.replace("\r\n", " ") and f"Ngày {d}/{m}/{y}" in text


def test_the_pending_list_of_one_village_as_csv(station, tmp_path):
    conn = sqlite3.connect(station / "station.sqlite3")
    (village,) = conn.execute("SELECT village FROM residents GROUP BY village ORDER BY count(*) DESC").fetchone()
    conn.close()
    out = tmp_path / "chưa khám.csv"
    done = run_as(COORDINATOR, "lists", "pending", "--village", village, "--out", str(out), data_dir=station)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {r["Thôn/bản"] for r in rows} == {village}


@pytest.mark.parametrize("kind", ["referrals", "duplicates"])
def test_referrals_and_duplicates_as_xlsx(station, tmp_path, kind):
    out = tmp_path / f"{kind}.xlsx"
    done = run_as(COORDINATOR, "lists", kind, "--from", "2026-03-01", "--to", "2026-10-01", "--out", str(out), data_dir=station)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("args, code, words", [
    (["daily", "--date", "31/02/2026"], 2, "Ngày không hợp lệ ở --date"),
    (["daily", "--date", "2026-06-01", "--from", "2026-06-01"], 2, "không dùng cả hai"),
    (["pending", "--group", "cụ già"], 2, "Không có nhóm đối tượng"),
    (["pending", "--village", "Bản Không Có"], 1, "Không có thôn/bản nào tên 'Bản Không Có'"),
    (["referrals", "--status", "xong"], 1, "open, followed_up"),
])
def test_bad_input_gets_a_vietnamese_message_and_a_non_zero_exit(station, tmp_path, args, code, words):
    done = run_as(COORDINATOR, "lists", *args, "--out", str(tmp_path / "x.pdf"), data_dir=station)
    assert done.returncode == code and words in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "x.pdf").exists()


def test_an_unwritable_place_and_a_wrong_suffix_are_refused(station, tmp_path):
    blocker = tmp_path / "một tệp"
    blocker.write_text("x")
    done = run_as(COORDINATOR, "lists", "daily", "--out", str(blocker / "ds.pdf"), data_dir=station)
    assert done.returncode == 1 and "Không ghi được tệp" in done.stderr and "Traceback" not in done.stderr
    done = run_as(COORDINATOR, "lists", "daily", "--out", str(tmp_path / "ds.docx"), data_dir=station)
    assert done.returncode == 2 and ".pdf, .csv hoặc .xlsx" in done.stderr
