"""The idle lock, and an admin managing accounts from the Administration page."""
from __future__ import annotations


from PySide6.QtCore import Qt
from support import NURSE_PASSWORD
from support.gui import scripted_user_dialog, type_text

import pytest

from station_app.ui.idle_lock import IdleWatcher
from station_app.ui.main_window import MainWindow

ScriptedUserDialog = scripted_user_dialog()


@pytest.fixture
def short_minutes(monkeypatch):
    monkeypatch.setattr(IdleWatcher, "MS_PER_MINUTE", 100)


def test_the_window_locks_after_the_idle_time_and_only_the_password_opens_it(qtbot, app, ctx, nurse,
                                                                            short_minutes):
    window = MainWindow(ctx, nurse)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.locked, timeout=3000)  # five (short) idle minutes pass
    assert not window.nav.isEnabled() and window.screens.currentWidget() is window.lock_screen
    screen = window.lock_screen
    type_text(screen.password, "sai-roi")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.isVisible())
    assert window.locked
    type_text(screen.password, NURSE_PASSWORD)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.locked)
    assert window.nav.isEnabled()


def test_a_nurse_at_work_is_never_locked_out(qtbot, app, ctx, nurse, short_minutes):
    settings = ctx.settings.load()
    settings.idle_lock_minutes = 3  # 300 ms here
    window = MainWindow(ctx, nurse, settings=settings)
    qtbot.addWidget(window)
    window.show()
    for _ in range(8):  # typing for 800 ms, a key every 100 ms
        type_text(window.nav, "a")
        qtbot.wait(100)
        assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=3000)  # then she walks away


def test_locking_by_hand_is_recorded(qtbot, app, ctx, nurse):
    window = MainWindow(ctx, nurse)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert window.locked
    window.tasks.wait()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert ctx.audit.verify().ok


def test_zero_minutes_turns_the_idle_lock_off(qtbot, app, ctx, admin):
    settings = ctx.settings.load()
    settings.idle_lock_minutes = 0
    window = MainWindow(ctx, admin, settings=settings)
    qtbot.addWidget(window)
    assert not window.idle._timer.isActive()


def test_an_admin_adds_a_doctor_disables_and_resets_a_password(qtbot, app, ctx, admin):
    window = MainWindow(ctx, admin)
    qtbot.addWidget(window)
    window.show_page("admin")
    page = window.pages["admin"]
    page._user_dialog = ScriptedUserDialog
    qtbot.waitUntil(lambda: page.users.rowCount() == 1)
    ScriptedUserDialog.values = {"username": "bs.thanh", "full_name": "Giàng Văn Thành", "role": "doctor",
                                 "password": "bacsi-2026"}
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.users.rowCount() == 2)
    assert "Đã thêm tài khoản bs.thanh" in page.users_message.text()
    row = [u.username for u in page.users.users].index("bs.thanh")
    assert page.users.data(page.users.index(row, 2)) == "Bác sĩ"
    page.table.selectRow(row)
    qtbot.mouseClick(page.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã khoá" in page.users_message.text())
    assert not [u for u in ctx.accounts.list_users(admin) if u.username == "bs.thanh"][0].active
    page.table.selectRow([u.username for u in page.users.users].index("bs.thanh"))
    ScriptedUserDialog.values = {"password": "moi-2026-x"}
    qtbot.mouseClick(page.password_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "mật khẩu mới" in page.users_message.text())


def test_an_admin_cannot_disable_their_own_account_from_the_page(qtbot, app, ctx, admin):
    window = MainWindow(ctx, admin)
    qtbot.addWidget(window)
    window.show_page("admin")
    page = window.pages["admin"]
    qtbot.waitUntil(lambda: page.users.rowCount() == 1)
    page.table.selectRow(0)
    assert not page.toggle_button.isEnabled()


def test_verifying_the_audit_log_from_the_page(qtbot, app, ctx, admin):
    window = MainWindow(ctx, admin)
    qtbot.addWidget(window)
    window.show()
    window.show_page("admin")
    page = window.pages["admin"]
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.audit_message.isVisible())
    assert "toàn vẹn" in page.audit_message.text() and "KHÔNG" not in page.audit_message.text()
