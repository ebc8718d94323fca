import pytest

from station_app.core.errors import (
    AccountDisabledError,
    AccountLockedOutError,
    DuplicateError,
    PermissionDeniedError,
    ValidationError,
    WrongCredentialsError,
)
from station_app.core.model import Role
from station_app.persistence.database import DB_FILE_NAME
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


def test_five_wrong_passwords_lock_the_account_for_a_minute_even_with_the_right_one(ctx):
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
    ctx.accounts.add_user(admin, "y.ta.hoa", "Tòng Thị Hoa", Role.NURSE, NURSE_PASSWORD)
    assert ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD).role is Role.NURSE
    assert [u.username for u in ctx.accounts.list_users(admin)] == ["admin", "y.ta.hoa"]


def test_a_nurse_cannot_manage_users(ctx, nurse):
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.add_user(nurse, "ke.gian", "Kẻ Gian", Role.ADMIN, "12345678")
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.list_users(nurse)


def test_a_disabled_account_cannot_sign_in_and_can_be_enabled_again(ctx, admin, nurse):
    ctx.accounts.set_active(admin, "y.ta.hoa", False)
    with pytest.raises(AccountDisabledError):
        ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)
    ctx.accounts.set_active(admin, "y.ta.hoa", True)
    assert ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)


def test_an_admin_cannot_disable_themselves(ctx, admin):
    with pytest.raises(ValidationError):
        ctx.accounts.set_active(admin, "admin", False)


def test_duplicate_and_badly_formed_accounts_are_refused(ctx, admin):
    with pytest.raises(DuplicateError):
        ctx.accounts.add_user(admin, "admin", "Người Khác", Role.NURSE, "12345678")
    with pytest.raises(ValidationError):
        ctx.accounts.add_user(admin, "Tên Có Dấu", "Người Khác", Role.NURSE, "12345678")
    with pytest.raises(ValidationError):
        ctx.accounts.add_user(admin, "ngan", "Người Khác", Role.NURSE, "123")


def test_a_changed_password_replaces_the_old_one(ctx, admin, nurse):
    ctx.accounts.change_password(admin, "y.ta.hoa", "mat-khau-moi")
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
