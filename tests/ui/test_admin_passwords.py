"""Issue 16, point 8 in the window: the administrator lifts a colleague's wait after wrong passwords and asks for
longer passwords; a weak one is refused with the reason."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from support.gui import scripted_user_dialog
from support import NURSE_PASSWORD

from station_app.core.errors import AccountLockedOutError, WrongCredentialsError
from station_app.ui.main_window import MainWindow

ScriptedUserDialog = scripted_user_dialog()


def _admin_page(qtbot, ctx, admin, rows: int):
    window = MainWindow(ctx, admin)
    qtbot.addWidget(window)
    window.show_page("admin")
    page = window.pages["admin"]
    page._user_dialog = ScriptedUserDialog
    qtbot.waitUntil(lambda: page.users.rowCount() == rows)
    return page


def test_the_administrator_sees_who_waits_and_lets_them_sign_in_again(qtbot, app, ctx, admin, nurse):
    for _ in range(5):
        with pytest.raises(WrongCredentialsError):
            ctx.accounts.sign_in("y.ta.hoa", "doan-bua-1")
    with pytest.raises(AccountLockedOutError):
        ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)
    page = _admin_page(qtbot, ctx, admin, 2)
    row = [u.username for u in page.users.users].index("y.ta.hoa")
    assert "Chờ đến" in page.users.data(page.users.index(row, 3))
    assert "Cho đăng nhập lại ngay" in page.users.data(page.users.index(row, 3), Qt.ItemDataRole.ToolTipRole)
    page.table.selectRow(row)
    assert page.unlock_button.isEnabled()
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "đăng nhập lại được ngay" in page.users_message.text())
    assert ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD).username == "y.ta.hoa"


def test_a_longer_minimum_and_a_weak_password_are_explained_on_the_page(qtbot, app, ctx, admin):
    page = _admin_page(qtbot, ctx, admin, 1)
    page.min_length.setValue(12)
    qtbot.mouseClick(page.min_length_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ít nhất 12 ký tự" in page.users_message.text())
    assert ctx.accounts.password_min_length() == 12
    ScriptedUserDialog.values = {"username": "bs.thanh", "full_name": "Giàng Văn Thành", "role": "doctor",
                                 "password": "bacsi-2026"}  # 10 characters
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "quá ngắn" in page.users_message.text())
    assert "12" in page.users_message.text() and page.users.rowCount() == 1
    ScriptedUserDialog.values = {**ScriptedUserDialog.values, "password": "1qaz2wsx3edc"}
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "quá phổ biến" in page.users_message.text())
    assert page.users.rowCount() == 1
