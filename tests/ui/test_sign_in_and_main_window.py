"""A nurse, a coordinator and an admin sign in to the real window on a real database."""
from __future__ import annotations

from PySide6.QtCore import Qt
from support import ADMIN_PASSWORD, NURSE_PASSWORD
from support.gui import press_enter, type_text
from support.window import sign_in

from station_app.core.model import Role


def test_a_nurse_signs_in_to_a_vietnamese_main_window_with_her_pages_only(qtbot, controller, nurse):
    sign_in(qtbot, controller, "y.ta.hoa", NURSE_PASSWORD)
    qtbot.waitUntil(lambda: controller.window.user is not None)
    window = controller.window
    assert window.page_keys() == ["reception", "exam", "lists"]  # no export, no administration
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names == ["Tiếp đón", "Khám", "Danh sách"]
    assert "Tòng Thị Hoa (Điều dưỡng)" in window.user_label.text()
    assert "Khám sức khỏe định kỳ" in window.windowTitle()


def test_moving_between_pages_shows_each_pages_real_figures(qtbot, controller, nurse):
    sign_in(qtbot, controller, "y.ta.hoa", NURSE_PASSWORD)
    qtbot.waitUntil(lambda: controller.window.user is not None)
    window = controller.window
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(window.nav.item(2)).center())
    assert window.current_page_key() == "lists"
    page = window.pages["lists"]
    assert page.title.text() == "Danh sách"
    qtbot.waitUntil(lambda: page.model.the_list is not None and not page.loading)
    assert page.model.rowCount() == 0 and "Đã đăng ký: 0" in page.preview.totals.text()
    # a nurse reads the lists: no print, save or follow-up buttons for her
    assert not any(b.isVisible() for b in page.findChildren(type(window.lock_button)))


def test_a_wrong_password_is_explained_in_vietnamese_and_no_window_opens(qtbot, controller, nurse):
    sign_in(qtbot, controller, "y.ta.hoa", "sai-roi")
    dialog = controller.window.sign_in_screen
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "Sai tên đăng nhập hoặc mật khẩu" in dialog.message.text()
    assert controller.window.user is None and controller.window.page_keys() == []
    assert dialog.password.text() == ""


def test_enter_in_the_password_field_signs_in(qtbot, controller):
    dialog = controller.window.sign_in_screen
    type_text(dialog.username, "admin")
    type_text(dialog.password, ADMIN_PASSWORD)
    press_enter(dialog.password)
    qtbot.waitUntil(lambda: controller.window.user is not None)
    assert controller.window.page_keys() == ["reception", "exam", "lists", "progress", "export", "admin"]


def test_a_coordinator_sees_lists_and_export_but_not_administration(qtbot, controller, ctx, admin):
    ctx.accounts.add_user(admin, "dieu.phoi", full_name="Vàng Thị Mai", role=Role.COORDINATOR, password="dieuphoi-26")
    sign_in(qtbot, controller, "dieu.phoi", "dieuphoi-26")
    qtbot.waitUntil(lambda: controller.window.user is not None)
    assert controller.window.page_keys() == ["reception", "lists", "progress", "export"]


def test_signing_out_returns_to_sign_in_with_nothing_of_the_last_user_shown(qtbot, controller, nurse):
    sign_in(qtbot, controller, "y.ta.hoa", NURSE_PASSWORD)
    qtbot.waitUntil(lambda: controller.window.user is not None)
    window = controller.window
    qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is window.sign_in_screen
    assert window.page_keys() == [] and not window.pages and not window.user_label.isVisible()
    assert window.sign_in_screen.password.text() == ""
    window.tasks.wait()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert _actions(controller)[-1] == "sign_out"


def _actions(controller):
    import sqlite3

    with sqlite3.connect(controller.ctx.db.path) as conn:
        return [a for (a,) in conn.execute("SELECT action FROM audit_events ORDER BY seq")]


def test_the_interface_switches_to_english_and_back_while_open(qtbot, controller):
    sign_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: controller.window.user is not None)
    window = controller.window
    window.show_page("admin")
    page = window.pages["admin"]
    page.language.setCurrentIndex(page.language.findData("en"))
    qtbot.mouseClick(page.save_settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Reception")  # Qt posts LanguageChange to each widget
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    # "Progress" once the coordinator merges the progress page's English into station_app_en.qm
    assert names[3] == "Progress"
    assert names[:3] + names[4:] == ["Reception", "Examination", "Lists", "Export", "Administration"]
    assert page.title.text() == "Administration" and window.sign_out_button.text() == "Sign out"
    assert controller.ctx.settings.load().language == "en"  # remembered for the next start
    page.language.setCurrentIndex(page.language.findData("vi"))
    qtbot.mouseClick(page.save_settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Tiếp đón")
    assert page.title.text() == "Quản trị"


def test_the_sign_in_screen_offers_the_language_too(qtbot, controller):
    dialog = controller.window.sign_in_screen
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.waitUntil(lambda: dialog.sign_in_button.text() == "Sign in")
    type_text(dialog.username, "admin")
    type_text(dialog.password, "wrong-one")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "Wrong user name or password" in dialog.message.text()


def test_every_page_of_the_admin_fits_a_1366_pixel_laptop_screen(qtbot, controller):
    """The widest page sets the window's minimum width: the lists' filters in one row pushed the window to 1,447 px,
    past the right edge of a 1366×768 laptop (the sign-out button and the filters cut off)."""
    sign_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: controller.window.user is not None)
    window = controller.window
    for key in window.page_keys():
        window.show_page(key)
        qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1366


def test_a_long_station_and_site_name_is_shown_whole_on_the_sign_in_screen(qtbot, controller, ctx):
    screen = controller.window.sign_in_screen
    long_label = "Trạm Y tế xã Mường Kim (tập huấn) · Điểm khám lưu động bản Nậm Ngập, xã Mường Kim"
    screen.set_ready(ctx, long_label)
    controller.window.resize(1366, 740)
    qtbot.waitUntil(lambda: screen.status.isVisible())
    status = screen.status
    assert status.heightForWidth(status.width()) > status.fontMetrics().height()  # it wraps onto two lines
    # once laid out, the label has the height those lines need: nothing is cut off
    qtbot.waitUntil(lambda: status.height() >= status.heightForWidth(status.width()) > 0)


def test_enter_after_choosing_the_language_signs_in(qtbot, controller, nurse):
    dialog = controller.window.sign_in_screen
    type_text(dialog.username, "y.ta.hoa")
    type_text(dialog.password, NURSE_PASSWORD)
    dialog.language.setFocus()  # the last field of the form: the language is chosen, then Enter
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    press_enter(dialog.language)
    qtbot.waitUntil(lambda: controller.window.user is not None)
    assert controller.window.user.username == "y.ta.hoa"


def test_enter_in_the_user_name_moves_to_the_password_without_signing_in(qtbot, controller, nurse):
    dialog = controller.window.sign_in_screen
    type_text(dialog.username, "y.ta.hoa")
    type_text(dialog.password, NURSE_PASSWORD)
    dialog.username.setFocus()
    press_enter(dialog.username)
    qtbot.wait(200)
    assert controller.window.user is None and dialog.password.hasFocus()
