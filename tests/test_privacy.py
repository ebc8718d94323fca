"""Logs carry internal ids and counts only: never a name, a password or an ID number."""
import pytest

from station_app.core.errors import WrongCredentialsError
from station_app.core.model import Role
from support import ADMIN_PASSWORD


def test_a_working_day_of_accounts_leaves_no_personal_data_in_the_log(ctx, admin):
    ctx.accounts.add_user(admin, "y.ta.hoa", full_name="Tòng Thị Hoa", role=Role.NURSE, password="bimat-123")
    with pytest.raises(WrongCredentialsError):
        ctx.accounts.sign_in("y.ta.hoa", "doan-sai-1")
    ctx.accounts.sign_in("y.ta.hoa", "bimat-123")
    ctx.audit.verify()
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    text = ctx.log_file.read_text(encoding="utf-8")
    for secret in ("Tòng Thị Hoa", "Lò Văn Đức", "bimat-123", "doan-sai-1", ADMIN_PASSWORD, "y.ta.hoa"):
        assert secret not in text
