"""First run: the wizard creates the station and its admin, then the admin signs in."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard
from gui_support import type_text



def choose_commune(wizard, typed: str) -> None:
    """Type part of the name, as a nurse does, then pick the first suggestion."""
    type_text(wizard.site_page.commune.lineEdit(), typed)
    popup = wizard.site_page.commune.completer().popup()
    assert popup.isVisible()
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)


def _fill_and_finish(qtbot, wizard, password="quantri-2026", repeat="quantri-2026"):
    type_text(wizard.station_page.code, "tyt-mk")
    type_text(wizard.station_page.name, "Trạm Y tế xã Mường Kim")
    wizard.next()
    site = wizard.site_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # a commune must be chosen
    choose_commune(wizard, "Mường Kim")
    assert site.commune_code() == "03637"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    wizard.next()
    admin = wizard.admin_page
    type_text(admin.full_name, "Lò Văn Đức")
    type_text(admin.password, password)
    type_text(admin.repeat, repeat)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def test_first_run_opens_the_wizard_and_ends_at_sign_in_for_the_new_admin(qtbot, make_controller, empty_ctx):
    controller = make_controller(empty_ctx)
    wizard = controller.wizard
    screen = controller.window.sign_in_screen
    assert wizard is not None and wizard.isVisible() and not screen.sign_in_button.isEnabled()
    _fill_and_finish(qtbot, wizard)
    qtbot.waitUntil(lambda: screen.sign_in_button.isEnabled())
    assert not wizard.isVisible() and screen.username.text() == "admin"
    assert "Trạm Y tế xã Mường Kim" in screen.status.text()
    info = empty_ctx.station.info()
    assert (info.code, info.name, info.commune_code) == ("TYT-MK", "Trạm Y tế xã Mường Kim", "03637")


def test_mismatched_passwords_keep_the_wizard_open_with_a_reason(qtbot, make_controller, empty_ctx):
    controller = make_controller(empty_ctx)
    _fill_and_finish(qtbot, controller.wizard, repeat="khac-han")
    assert controller.wizard.isVisible()
    assert "không khớp" in controller.wizard.admin_page.message.text()
    assert not empty_ctx.station.is_initialised()


def test_a_refused_station_code_is_explained_on_the_wizard(qtbot, make_controller, empty_ctx):
    controller = make_controller(empty_ctx)
    wizard = controller.wizard
    type_text(wizard.station_page.code, "MK")  # too short
    type_text(wizard.station_page.name, "Trạm")
    wizard.next()
    choose_commune(wizard, "Mường Kim")
    wizard.next()
    wizard.next()
    type_text(wizard.admin_page.full_name, "Lò Văn Đức")
    type_text(wizard.admin_page.password, "quantri-2026")
    type_text(wizard.admin_page.repeat, "quantri-2026")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.admin_page.message.isVisible())
    assert "Mã trạm" in wizard.admin_page.message.text()
    assert wizard.isVisible() and not empty_ctx.station.is_initialised()
