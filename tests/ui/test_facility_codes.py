"""The station's QĐ 1551 facility codes (MA_CSKCB, MA_GTIN_CSKCB) in the window and on the command line: optional
in the first-run wizard, checked where they are typed (a mistyped GLN is refused with what to check), set later on
the administration page, and given to `station-app init`."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from support.cli import run_cli
from support.gui import type_text

from station_app.ui.main_window import MainWindow


def test_the_wizard_takes_the_facility_codes_and_refuses_a_mistyped_gln_on_its_page(qtbot, make_controller,
                                                                                    empty_ctx):
    wizard = make_controller(empty_ctx).wizard
    page = wizard.station_page
    type_text(page.code, "tyt-mk")
    type_text(page.name, "Trạm Y tế xã Mường Kim")
    type_text(page.facility_code, "12001")
    type_text(page.facility_gln, "6291041500231")  # two digits swapped
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page
    assert "chữ số kiểm tra" in page.message.text()
    page.facility_gln.clear()
    type_text(page.facility_gln, "6291041500213")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.site_page
    values = wizard.setup_values()
    assert (values.facility_code, values.facility_gln) == ("12001", "6291041500213")


def test_the_wizard_says_the_codes_can_wait_and_moves_on_without_them(qtbot, make_controller, empty_ctx):
    wizard = make_controller(empty_ctx).wizard
    page = wizard.station_page
    assert "để trống" in " ".join(w.text() for w in page.findChildren(type(page.message)))
    type_text(page.code, "tyt-mk")
    type_text(page.name, "Trạm Y tế xã Mường Kim")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.site_page
    assert wizard.setup_values().facility_gln is None


def test_the_administrator_sets_the_codes_on_the_admin_page(qtbot, app, ctx, admin):
    window = MainWindow(ctx, admin)
    qtbot.addWidget(window)
    window.show_page("admin")
    panel = window.pages["admin"].facility_panel
    type_text(panel.code, "12001")
    qtbot.keyClick(panel.code, Qt.Key.Key_Return)  # Enter moves on to the GLN
    type_text(panel.gln, "4000001000006")
    qtbot.keyClick(panel.gln, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "chữ số kiểm tra" in panel.message.text(), timeout=3000)
    assert ctx.station.info().facility_code is None  # nothing stored
    panel.gln.clear()
    type_text(panel.gln, "4000001000005")
    qtbot.keyClick(panel.gln, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Đã lưu" in panel.message.text(), timeout=3000)
    info = ctx.station.info()
    assert (info.facility_code, info.facility_gln) == ("12001", "4000001000005")


def test_init_takes_the_facility_codes_and_explains_a_wrong_one(data_dir):
    base = ("init", "--station-code", "tyt-mk", "--station-name", "Trạm Y tế xã Mường Kim", "--commune", "03637",
            "--admin", "admin", "--admin-name", "Lò Văn Đức", "--password-stdin")
    wrong = run_cli(*base, "--facility-code", "12001", "--facility-gln", "4000001000006", data_dir=data_dir,
                    stdin="quantri-2026\n")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr and "GLN" in wrong.stderr
    later = run_cli(*base, data_dir=data_dir, stdin="quantri-2026\n")
    assert later.returncode == 0 and "Quản trị" in later.stdout  # said what is still missing
