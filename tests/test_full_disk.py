"""A full disk is named as such ("Ổ đĩa đã đầy…", with what to do), never "unexpected error" or a traceback, and
nothing half-done is kept. The real thing where the test may mount (root with mount namespaces: a small tmpfs
really fills up); the same errors raised in-process otherwise."""
import csv
import errno
import os
import shutil
import sqlite3
import subprocess

import pytest
from support.cli import ADMIN, init_station, run_as, run_cli
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from station_app.core.errors import DiskFullError, is_disk_full

FULL = "Ổ đĩa đã đầy"
WHAT_TO_DO = "giải phóng chỗ trống"


def _small_disk(mount, size_kib: int, seed=None, out=None) -> list[str]:
    """A command prefix that runs the command with ``mount`` a fresh tmpfs of ``size_kib`` (filled from ``seed``
    first) in a private mount namespace, and copies what is left on it to ``out`` afterwards."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root with mount namespaces to fill a real file system")
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("root without mount namespaces here")
    mount.mkdir(parents=True, exist_ok=True)
    script = ('mnt=$0 seed=$1 out=$2 size=$3; shift 3; mount -t tmpfs -o size="$size"k tmpfs "$mnt" || exit 99; '
              '[ -z "$seed" ] || cp -a "$seed/." "$mnt/"; "$@"; rc=$?; [ -z "$out" ] || cp -a "$mnt/." "$out/"; '
              'exit $rc')
    return ["unshare", "-m", "--", "sh", "-c", script, str(mount), str(seed or ""), str(out or ""), str(size_kib)]


def _folder_kib(folder) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 1024


def _said_disk_full(result) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert FULL in result.stderr and WHAT_TO_DO in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "ngoài dự kiến" not in result.stderr
    assert "Logging error" not in result.stderr


def _no_traceback_logged(folder) -> None:
    log = folder / "logs" / "station-app.log"
    assert not log.exists() or "Traceback" not in log.read_text(encoding="utf-8")


def test_demo_on_a_disk_that_fills_up_says_so_and_leaves_no_half_made_station(tmp_path):
    mount, out = tmp_path / "nhỏ", tmp_path / "sau"
    out.mkdir()
    result = run_cli("demo", "--residents", "20000", data_dir=mount / "tập huấn",
                     prefix=_small_disk(mount, 3 * 1024, out=out))
    _said_disk_full(result)
    left = out / "tập huấn"
    _no_traceback_logged(left)
    assert not (left / "station.sqlite3").exists()  # the next try, once there is room, starts clean
    assert not (left / "keys").exists() and not (left / "don-vi-nhan-tap-huan").exists()


def _roster(path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Họ và tên", "Năm sinh", "Giới tính", "Thôn/bản"])
        for n in range(rows):
            writer.writerow([f"Lò Văn Số {n:05d}", 1950 + n % 60, "Nam" if n % 2 else "Nữ", f"Bản {n % 40}"])


def _residents(folder) -> int:
    conn = sqlite3.connect(folder / "station.sqlite3")
    try:
        return conn.execute("SELECT count(*) FROM residents").fetchone()[0]
    finally:
        conn.close()


def test_a_roster_import_that_fills_the_disk_says_so_and_imports_nothing(tmp_path):
    station, mount, out = tmp_path / "trạm", tmp_path / "nhỏ", tmp_path / "sau"
    assert init_station(station).returncode == 0
    out.mkdir()
    roster = tmp_path / "danh-sach.csv"
    _roster(roster, 30_000)
    result = run_as(ADMIN, "roster", "import", str(roster), data_dir=mount,
                    prefix=_small_disk(mount, _folder_kib(station) + 1024, seed=station, out=out))
    _said_disk_full(result)
    _no_traceback_logged(out)
    assert _residents(out) == 0
    verify = run_as(ADMIN, "audit", "verify", data_dir=out)
    assert verify.returncode == 0, verify.stderr


def test_a_data_disk_already_full_is_named_at_start_not_as_a_folder_without_rights(tmp_path):
    station, mount = tmp_path / "trạm", tmp_path / "nhỏ"
    assert init_station(station).returncode == 0
    prefix = _small_disk(mount, _folder_kib(station) + 512, seed=station)
    fill = ["sh", "-c", 'cat /dev/zero > "$0/filler" 2>/dev/null; exec "$@"', str(mount)]
    result = run_as(ADMIN, "users", "list", data_dir=mount, prefix=prefix + fill)
    _said_disk_full(result)


# -- in-process: the same errors, as the code meets them ---------------------------------------------------------

def _sqlite_full(tmp_path) -> OperationalError:
    """SQLite's own SQLITE_FULL, through SQLAlchemy: a database capped at a few pages."""
    engine = create_engine(f"sqlite:///{tmp_path / 'capped.sqlite3'}")
    try:
        with engine.begin() as conn:
            conn.execute(text("PRAGMA max_page_count = 2"))
            conn.execute(text("CREATE TABLE t (x TEXT)"))
            conn.execute(text("INSERT INTO t VALUES (:x)"), [{"x": "x" * 4000}] * 20)
    except OperationalError as exc:
        return exc
    finally:
        engine.dispose()
    raise AssertionError("SQLite did not fill up")


def test_a_full_disk_is_recognised_however_it_arrives(tmp_path):
    sqlite_full = _sqlite_full(tmp_path)
    assert "database or disk is full" in str(sqlite_full)
    assert is_disk_full(sqlite_full)
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("while writing the report") from inner
    except RuntimeError as outer:
        assert is_disk_full(outer)
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    assert not is_disk_full(ValueError("database is locked"))
    assert WHAT_TO_DO in str(DiskFullError())
