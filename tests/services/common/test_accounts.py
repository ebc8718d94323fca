import datetime as dt
import json

import pytest

from station_app.core.errors import (
    AccountDisabledError,
    AccountLockedOutError,
    DuplicateError,
    PermissionDeniedError,
    StationError,
    ValidationError,
    WrongCredentialsError,
)
from station_app.core.model import Role
from station_app.core.password_policy import (PasswordIsUsernameError, PasswordTooCommonError,
                                              PasswordTooShortError)
from station_app.persistence.database import DB_FILE_NAME
from station_app.persistence.tables import utcnow
from station_app.services.common.accounts import AccountService
from support import ADMIN_PASSWORD, NURSE_PASSWORD


def test_the_first_admin_signs_in(ctx):
    user = ctx.accounts.sign_in("admin", ADMIN_PASSWORD)
    assert user.role is Role.ADMIN and user.full_name == "Lò Văn Đức"


def test_user_names_are_not_case_sensitive(ctx):
    assert ctx.accounts.sign_in("  Admin ", ADMIN_PASSWORD).username == "admin"


def test_a_wrong_password_is_refused_with_a_sentence(ctx):
    with pytest.raises(WrongCredentialsError) as info:
        ctx.accounts.sign_in("admin", "sai-mat-khau")
    assert "mật khẩu" in str(info.value).lower()


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(ctx):
    with pytest.raises(WrongCredentialsError):
        ctx.accounts.sign_in("khong.co", "whatever")


def test_five_wrong_passwords_make_the_account_wait_even_with_the_right_one(ctx):
    for _ in range(5):
        with pytest.raises(WrongCredentialsError):
            ctx.accounts.sign_in("admin", "sai-mat-khau")
    with pytest.raises(AccountLockedOutError) as info:
        ctx.accounts.sign_in("admin", ADMIN_PASSWORD)
    assert 0 < info.value.data["seconds"] <= 61


def test_passwords_are_stored_as_argon2id_never_in_clear(ctx, data_dir):
    import sqlite3

    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        stored = conn.execute("SELECT password_hash FROM users WHERE username='admin'").fetchone()[0]
        everything = "".join(r[0] or "" for r in conn.execute("SELECT sql FROM sqlite_master"))
    assert stored.startswith("$argon2id$") and ADMIN_PASSWORD not in stored + everything


def test_admin_adds_a_nurse_who_can_sign_in(ctx, admin):
    ctx.accounts.add_user(admin, "y.ta.hoa", full_name="Tòng Thị Hoa", role=Role.NURSE, password=NURSE_PASSWORD)
    assert ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD).role is Role.NURSE
    assert [u.username for u in ctx.accounts.list_users(admin)] == ["admin", "y.ta.hoa"]


def test_a_nurse_cannot_manage_users(ctx, nurse):
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.add_user(nurse, "ke.gian", full_name="Kẻ Gian", role=Role.ADMIN, password="12345678")
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.list_users(nurse)


def test_a_disabled_account_cannot_sign_in_and_can_be_enabled_again(ctx, admin, nurse):
    ctx.accounts.set_active(admin, "y.ta.hoa", active=False)
    with pytest.raises(AccountDisabledError):
        ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)
    ctx.accounts.set_active(admin, "y.ta.hoa", active=True)
    assert ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)


def test_an_admin_cannot_disable_themselves(ctx, admin):
    with pytest.raises(ValidationError):
        ctx.accounts.set_active(admin, "admin", active=False)


def test_duplicate_and_badly_formed_accounts_are_refused(ctx, admin):
    with pytest.raises(DuplicateError):
        ctx.accounts.add_user(admin, "admin", full_name="Người Khác", role=Role.NURSE, password="ba-con-meo-26")
    with pytest.raises(ValidationError):
        ctx.accounts.add_user(admin, "Tên Có Dấu", full_name="Người Khác", role=Role.NURSE, password="ba-con-meo-26")
    with pytest.raises(PasswordTooShortError):
        ctx.accounts.add_user(admin, "ngan", full_name="Người Khác", role=Role.NURSE, password="123")


def test_a_changed_password_replaces_the_old_one(ctx, admin, nurse):
    ctx.accounts.change_password(admin, "y.ta.hoa", new_password="mat-khau-moi")
    with pytest.raises(WrongCredentialsError):
        ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)
    assert ctx.accounts.sign_in("y.ta.hoa", "mat-khau-moi")


def test_sign_ins_and_failures_are_audited_without_the_password(ctx):
    with pytest.raises(WrongCredentialsError):
        ctx.accounts.sign_in("admin", "sai-mat-khau")
    ctx.accounts.sign_in("admin", ADMIN_PASSWORD)
    import sqlite3

    with sqlite3.connect(ctx.db.path) as conn:
        rows = conn.execute("SELECT action, details FROM audit_events ORDER BY seq").fetchall()
    assert [a for a, _ in rows][-2:] == ["sign_in_failed", "sign_in"]
    assert all("sai-mat-khau" not in (d or "") for _, d in rows)


# -- the password policy (issue 16, point 8) ---------------------------------------------------------------------
@pytest.mark.parametrize("password, refused", [
    ("1234567", PasswordTooShortError),  # 7 characters
    ("12345678", PasswordTooCommonError), ("Password1", PasswordTooCommonError), ("iloveyou", PasswordTooCommonError),
    ("anhyeuem", PasswordTooCommonError),  # common among Vietnamese users
    ("y.ta.hoa", PasswordIsUsernameError), ("Y.TA.HOA", PasswordIsUsernameError),
])
def test_weak_passwords_are_refused_with_a_sentence_saying_why(ctx, admin, password, refused):
    with pytest.raises(refused) as info:
        ctx.accounts.add_user(admin, "y.ta.hoa", full_name="Tòng Thị Hoa", role=Role.NURSE, password=password)
    assert "Mật khẩu" in str(info.value)
    assert "y.ta.hoa" not in [u.username for u in ctx.accounts.list_users(admin)]


def test_a_changed_password_follows_the_policy_too(ctx, admin, nurse):
    with pytest.raises(PasswordTooCommonError):
        ctx.accounts.change_password(nurse, "y.ta.hoa", new_password="password")
    assert ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)


def test_the_administrator_sets_a_longer_minimum_and_it_is_audited(ctx, admin):
    assert ctx.accounts.password_min_length() == 8
    ctx.accounts.set_password_min_length(admin, 12)
    with pytest.raises(PasswordTooShortError) as info:
        ctx.accounts.add_user(admin, "y.ta.hoa", full_name="Tòng Thị Hoa", role=Role.NURSE, password="ba-con-meo")  # 10 characters
    assert "12" in str(info.value)
    ctx.accounts.add_user(admin, "y.ta.hoa", full_name="Tòng Thị Hoa", role=Role.NURSE, password="ba-con-meo-den")
    with pytest.raises(StationError):
        ctx.accounts.set_password_min_length(admin, 6)  # never below the floor
    assert ctx.accounts.password_min_length() == 12 and ctx.audit.verify().ok


def test_only_an_administrator_sets_the_minimum(ctx, nurse):
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.set_password_min_length(nurse, 20)


# -- waits after wrong passwords (issue 16, point 8) --------------------------------------------------------------
class Clock:
    """The service's clock, moved on by the test instead of waiting."""

    def __init__(self) -> None:
        self.later = dt.timedelta(0)

    def __call__(self) -> dt.datetime:
        return utcnow() + self.later


@pytest.fixture
def clocked(ctx):
    clock = Clock()
    return AccountService(ctx.db, clock=clock), clock


def _wrong(accounts, times: int, username: str = "y.ta.hoa") -> None:
    for _ in range(times):
        with pytest.raises(WrongCredentialsError):
            accounts.sign_in(username, "doan-bua-1")


def _wait(accounts, username: str = "y.ta.hoa") -> int:
    with pytest.raises(AccountLockedOutError) as info:
        accounts.sign_in(username, NURSE_PASSWORD)
    return info.value.data["seconds"]


def test_the_wait_grows_with_each_further_wrong_password_and_stops_at_fifteen_minutes(clocked, nurse):
    accounts, clock = clocked
    _wrong(accounts, 4)
    assert accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)  # four slips are forgiven by the right password
    _wrong(accounts, 5)
    assert 25 <= _wait(accounts) <= 31
    waits = []
    for _ in range(8):
        clock.later += dt.timedelta(minutes=16)  # past any wait: the next guess is checked, and wrong
        _wrong(accounts, 1)
        waits.append(_wait(accounts))
    assert [round(w / 30) for w in waits[:4]] == [2, 4, 8, 16]  # 60 s, 2, 4, 8 minutes
    assert max(waits) <= 15 * 60 and waits[-1] > 14 * 60
    clock.later += dt.timedelta(minutes=16)
    assert accounts.sign_in("y.ta.hoa", NURSE_PASSWORD).username == "y.ta.hoa"  # never locked for good


def test_guessing_during_a_wait_does_not_make_it_longer(clocked, nurse):
    accounts, clock = clocked
    _wrong(accounts, 5)
    for _ in range(50):
        with pytest.raises(AccountLockedOutError):
            accounts.sign_in("y.ta.hoa", "doan-tiep")
    clock.later += dt.timedelta(seconds=31)
    assert accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)


def test_editing_the_users_row_does_not_lift_the_wait(clocked, nurse, ctx):
    import sqlite3

    accounts, _clock = clocked
    _wrong(accounts, 5)
    with sqlite3.connect(ctx.db.path) as conn:  # what someone with the data folder could do
        conn.execute("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = 'y.ta.hoa'")
    assert _wait(accounts) >= 25


def test_an_administrator_unlocks_a_colleague_at_once_and_it_is_audited(clocked, nurse, admin, ctx):
    import sqlite3

    accounts, clock = clocked
    _wrong(accounts, 5)
    for _ in range(4):
        clock.later += dt.timedelta(minutes=16)
        _wrong(accounts, 1)  # 9 in a row: 8 minutes to wait
    assert [u.waits_until is not None for u in accounts.list_users(admin)] == [False, True]
    with pytest.raises(PermissionDeniedError):
        accounts.unlock(nurse, "y.ta.hoa")
    accounts.unlock(admin, "y.ta.hoa")
    assert accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)
    with sqlite3.connect(ctx.db.path) as conn:
        user_id, action, details = conn.execute(
            "SELECT user_id, action, details FROM audit_events WHERE details LIKE '%unlocked%'").fetchone()
    assert (user_id, action, json.loads(details)) == (admin.id, "update", {"unlocked": 9})
    _wrong(accounts, 4)  # counting starts again from nothing
    assert accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)


def test_a_clock_set_back_never_holds_an_account_for_longer_than_the_longest_wait(clocked, nurse):
    accounts, clock = clocked
    _wrong(accounts, 5)
    clock.later = -dt.timedelta(days=1)  # the laptop's clock put back a day: the wait would end "tomorrow"
    assert accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)
