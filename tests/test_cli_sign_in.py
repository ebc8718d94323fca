"""Issue 16, points 7 and 8: reading the data folder is not enough to act as the station from the command line.

Each test runs the real command line in a child process against a real station folder, as someone who found the
laptop's data folder (or IT staff with a script) would.
"""
from __future__ import annotations

import json
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from support.cli import ADMIN, init_station, run_as, run_cli

NURSE = ("y.ta.hoa", "yta-banna-26")


def _station(folder: Path) -> Path:
    assert init_station(folder).returncode == 0  # init makes the folder, so its permissions are init's
    added = run_as(ADMIN, "users", "add", NURSE[0], "--name", "Tòng Thị Hoa", "--role", "nurse",
                   "--new-password-env", "NEW", data_dir=folder, env={"NEW": NURSE[1]})
    assert added.returncode == 0, added.stderr
    return folder


@pytest.fixture(scope="module")
def station(tmp_path_factory) -> Path:
    """Shared by the tests that leave the accounts as they were (each CLI call costs a process and a hash)."""
    return _station(tmp_path_factory.mktemp("cli") / "trạm mới")


@pytest.fixture
def fresh_station(tmp_path: Path) -> Path:
    return _station(tmp_path / "trạm mới")


def _rows(folder: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(folder / "station.sqlite3") as conn:
        return conn.execute(sql).fetchall()


def _accounts(folder: Path) -> dict[str, tuple[str, int]]:
    return {name: (role, active) for name, role, active in _rows(folder, "SELECT username, role, active FROM users")}


def test_without_an_account_nobody_adds_an_administrator_or_disables_one(station):
    before = _accounts(station)
    added = run_cli("users", "add", "ke.gian", "--name", "Kẻ Gian", "--role", "admin", "--new-password-stdin",
                    data_dir=station, stdin="mot-mat-khau-dai\n")
    assert added.returncode == 2 and "--user" in added.stderr and "Traceback" not in added.stderr
    disabled = run_cli("users", "disable", "admin", data_dir=station)
    assert disabled.returncode == 2
    assert _accounts(station) == before


def test_a_wrong_password_changes_nothing_and_is_audited(station):
    before = _accounts(station)
    guessed = run_as(("admin", "admin123"), "users", "add", "ke.gian", "--name", "Kẻ Gian", "--role", "admin",
                     "--new-password-env", "NEW", data_dir=station, env={"NEW": "mot-mat-khau-dai"})
    assert guessed.returncode == 1 and "Sai tên đăng nhập hoặc mật khẩu" in guessed.stderr
    assert _accounts(station) == before
    action, details = _rows(station, "SELECT action, details FROM audit_events ORDER BY seq DESC LIMIT 1")[0]
    assert action == "sign_in_failed" and json.loads(details) == {"reason": "wrong_password", "via": "cli"}


@pytest.mark.parametrize("command", [
    ["users", "list"], ["users", "disable", "admin"], ["users", "unlock", "admin"],
    ["export"], ["receipts", "import", "."], ["upload"], ["campaign", "extend", "--to", "2027-01-31"],
    ["lists", "daily", "--out", "ds.csv"], ["roster", "import", "ds.csv"],
], ids=lambda c: " ".join(c[:2]))
def test_a_nurse_account_cannot_do_the_coordinators_or_administrators_jobs(station, command):
    refused = run_as(NURSE, *command, data_dir=station)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "không có quyền" in refused.stderr and "Traceback" not in refused.stderr
    assert _accounts(station)["admin"] == ("admin", 1)


def test_the_audit_names_the_account_that_ran_the_command(fresh_station):
    admin_id = _rows(fresh_station, "SELECT id FROM users WHERE username = 'admin'")[0][0]
    nurse_id = _rows(fresh_station, "SELECT id FROM users WHERE username = 'y.ta.hoa'")[0][0]
    created = [row for row in _rows(fresh_station, "SELECT user_id, entity_id FROM audit_events "
                                                   "WHERE action = 'create'") if row[1] == nurse_id]
    assert created == [(admin_id, nurse_id)]
    assert run_as(ADMIN, "users", "disable", NURSE[0], data_dir=fresh_station).returncode == 0
    last = _rows(fresh_station, "SELECT user_id, action, details FROM audit_events ORDER BY seq DESC LIMIT 2")
    assert [(u, a) for u, a, _ in last] == [(admin_id, "update"), (admin_id, "sign_in")]
    assert json.loads(last[1][2]) == {"via": "cli"}


def test_open_commands_need_no_account(station):
    assert run_cli("--version").returncode == 0
    assert run_cli("decode", "--json", "-", stdin="x").returncode == 1  # read, not refused: not a card
    assert run_cli("campaign", "show", data_dir=station).returncode == 0
    assert run_cli("audit", "verify", data_dir=station).returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_data_folder_and_database_are_readable_by_their_owner_only(station):
    assert stat.S_IMODE(station.stat().st_mode) == 0o700
    for path in station.glob("station.sqlite3*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


@pytest.mark.parametrize("password, says", [("12345678", "quá phổ biến"), ("y.ta.lan", "giống tên đăng nhập"),
                                            ("ngan", "ít nhất 8 ký tự")])
def test_weak_passwords_are_refused_at_the_command_line_with_the_reason(station, password, says):
    added = run_as(ADMIN, "users", "add", "y.ta.lan", "--name", "Lò Thị Lan", "--role", "nurse",
                   "--new-password-stdin", data_dir=station, stdin=password + "\n")
    assert added.returncode == 1 and says in added.stderr, added.stderr
    assert "y.ta.lan" not in _accounts(station)


def test_the_administrator_asks_for_longer_passwords(fresh_station):
    assert "ít nhất 8 ký tự" in run_as(ADMIN, "users", "policy", data_dir=fresh_station).stdout
    assert run_as(ADMIN, "users", "policy", "--min-length", "12", data_dir=fresh_station).returncode == 0
    short = run_as(ADMIN, "users", "password", NURSE[0], "--new-password-stdin", data_dir=fresh_station,
                   stdin="ba-con-meo\n")  # 10 characters
    assert short.returncode == 1 and "ít nhất 12 ký tự" in short.stderr
    # both passwords from stdin: the signer's on the first line, the new one on the second
    changed = run_cli("--user", "admin", "--password-stdin", "users", "password", NURSE[0], "--new-password-stdin",
                      data_dir=fresh_station, stdin="quantri-2026\nba-con-meo-den-trang\n")
    assert changed.returncode == 0, changed.stderr
    signed_in = run_as((NURSE[0], "ba-con-meo-den-trang"), "users", "list", data_dir=fresh_station)
    assert "không có quyền" in signed_in.stderr  # the new password signs in; a nurse does not manage accounts


def test_guessing_a_colleagues_password_makes_the_account_wait_and_the_administrator_lifts_it(fresh_station):
    for _ in range(5):
        assert run_as((NURSE[0], "doan-bua-1"), "export", data_dir=fresh_station).returncode == 1
    waiting = run_as(NURSE, "export", data_dir=fresh_station)  # even the right password waits now
    assert waiting.returncode == 1 and "Hãy chờ" in waiting.stderr
    assert "chờ đến" in run_as(ADMIN, "users", "list", data_dir=fresh_station).stdout
    unlocked = run_as(ADMIN, "users", "unlock", NURSE[0], data_dir=fresh_station)
    assert unlocked.returncode == 0, unlocked.stderr
    again = run_as(NURSE, "export", data_dir=fresh_station)
    assert again.returncode == 1 and "không có quyền" in again.stderr  # signed in; a nurse does not export
