"""First run: the wizard creates the station and its admin, leads through the office's bundle and the roster
(both skippable), then the admin signs in. Only the file chooser is faked."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard
from support.gui import type_text

from station_app.services.exchange.keys import StationKeys
from station_app.ui.pages.export import dialogs as export_dialogs
from station_app.ui.pages.export.operations import load_state

SHOTS = Path(__file__).resolve().parents[2] / "shots"


def choose_commune(wizard, typed: str) -> None:
    """Type part of the name, as a nurse does, then pick the first suggestion."""
    type_text(wizard.site_page.commune.lineEdit(), typed)
    popup = wizard.site_page.commune.completer().popup()
    assert popup.isVisible()
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)


def _fill_and_create(qtbot, wizard, password="quantri-2026", repeat="quantri-2026"):
    """The four set-up pages, then "Tạo trạm" (the admin page commits: the station is made before going on)."""
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
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isVisible() and commit.text() == "Tạo trạm"
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)


def _created(qtbot, wizard):
    _fill_and_create(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.bundle_page)


def _click(qtbot, wizard, which):
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def test_first_run_opens_the_wizard_and_ends_at_sign_in_for_the_new_admin(qtbot, make_controller, empty_ctx):
    controller = make_controller(empty_ctx)
    wizard = controller.wizard
    screen = controller.window.sign_in_screen
    assert wizard is not None and wizard.isVisible() and not screen.sign_in_button.isEnabled()
    _created(qtbot, wizard)
    assert empty_ctx.station.is_initialised()  # made on "Tạo trạm", before the bundle and roster pages
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # a made station is not edited here
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)  # no bundle yet: skipped
    assert wizard.currentPage() is wizard.roster_page
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)  # no roster yet: skipped
    qtbot.waitUntil(lambda: screen.sign_in_button.isEnabled())
    assert not wizard.isVisible() and screen.username.text() == "admin"
    assert "Trạm Y tế xã Mường Kim" in screen.status.text()
    info = empty_ctx.station.info()
    assert (info.code, info.name, info.commune_code) == ("TYT-MK", "Trạm Y tế xã Mường Kim", "03637")


@pytest.mark.parametrize("typed", ["muong kim", "MUONG KIM", "mường kim", "xa muong kim"])
def test_the_commune_is_found_typed_without_marks_or_case(qtbot, make_controller, empty_ctx, typed):
    wizard = make_controller(empty_ctx).wizard
    type_text(wizard.station_page.code, "tyt-mk")
    type_text(wizard.station_page.name, "Trạm Y tế xã Mường Kim")
    wizard.next()
    choose_commune(wizard, typed)
    assert wizard.site_page.commune.currentText() == "Xã Mường Kim (03637)"
    assert wizard.site_page.commune_code() == "03637"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_commune_with_d_is_found_typed_with_d(qtbot, make_controller, empty_ctx):
    wizard = make_controller(empty_ctx).wizard
    wizard.next()
    wanted = next(wizard.site_page.commune.itemText(i) for i in range(wizard.site_page.commune.count())
                  if "Đ" in wizard.site_page.commune.itemText(i))
    popup = wizard.site_page.commune.completer()
    type_text(wizard.site_page.commune.lineEdit(), wanted.split(" (")[0].replace("Đ", "D").lower())
    shown = [popup.completionModel().index(r, 0).data() for r in range(popup.completionModel().rowCount())]
    assert wanted in shown


def test_mismatched_passwords_keep_the_wizard_open_with_a_reason(qtbot, make_controller, empty_ctx):
    controller = make_controller(empty_ctx)
    _fill_and_create(qtbot, controller.wizard, repeat="khac-han")
    assert controller.wizard.isVisible() and controller.wizard.currentPage() is controller.wizard.admin_page
    assert "không khớp" in controller.wizard.admin_page.message.text()
    assert not empty_ctx.station.is_initialised()


def test_a_common_password_keeps_the_wizard_open_and_says_why(qtbot, make_controller, empty_ctx):
    controller = make_controller(empty_ctx)
    _fill_and_create(qtbot, controller.wizard, password="12345678", repeat="12345678")
    wizard = controller.wizard
    qtbot.waitUntil(lambda: wizard.admin_page.message.isVisible())
    assert "quá phổ biến" in wizard.admin_page.message.text()
    assert wizard.currentPage() is wizard.admin_page and not empty_ctx.station.is_initialised()


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
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.admin_page.message.isVisible())
    assert "Mã trạm" in wizard.admin_page.message.text()
    assert wizard.isVisible() and not empty_ctx.station.is_initialised()
    assert wizard.currentPage() is wizard.admin_page and wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


# -- the office's bundle and the roster ----------------------------------------------------------------------------

@pytest.fixture
def office_bundle(tmp_path):
    from station_app.services.office.service import init_office

    return init_office(tmp_path / "office", "TTKSBT tỉnh Lai Châu")


def choose_bundle(qtbot, make_controller, ctx, monkeypatch, path):
    """The first-run wizard up to its office-bundle page, where the user chose ``path``: (controller, wizard)."""
    controller = make_controller(ctx)
    wizard = controller.wizard
    _created(qtbot, wizard)
    monkeypatch.setattr(export_dialogs, "ask_open_file", lambda *args: path)
    qtbot.mouseClick(wizard.bundle_page.choose_button, Qt.MouseButton.LeftButton)
    return controller, wizard


def test_the_office_bundle_imported_from_its_qr_picture_is_there_afterwards(qtbot, make_controller, empty_ctx,
                                                                          office_bundle, monkeypatch):
    # office-bundle.png, as the office sends it
    controller, wizard = choose_bundle(qtbot, make_controller, empty_ctx, monkeypatch, office_bundle.qr_path)
    page = wizard.bundle_page
    qtbot.waitUntil(lambda: page.office_name is not None)
    assert "Đã nhập gói khoá của TTKSBT tỉnh Lai Châu" in page.status.text()
    SHOTS.mkdir(exist_ok=True)
    wizard.grab().save(str(SHOTS / "wizard-office-bundle.png"))
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: controller.window.sign_in_screen.sign_in_button.isEnabled())
    assert StationKeys(empty_ctx.data_dir).office_bundle().name == "TTKSBT tỉnh Lai Châu"
    assert load_state(empty_ctx).office_name == "TTKSBT tỉnh Lai Châu"  # what the export page shows


def test_a_wrong_bundle_file_is_explained_and_the_wizard_stays_on_the_page(qtbot, make_controller, empty_ctx,
                                                                           tmp_path, monkeypatch):
    wrong = tmp_path / "danh-sach.json"
    wrong.write_text('{"tên": "không phải gói khoá"}', encoding="utf-8")
    _, wizard = choose_bundle(qtbot, make_controller, empty_ctx, monkeypatch, wrong)
    page = wizard.bundle_page
    qtbot.waitUntil(lambda: "không dùng được" in page.status.text())
    assert "office-bundle.json" in page.status.text()
    SHOTS.mkdir(exist_ok=True)
    wizard.grab().save(str(SHOTS / "wizard-office-bundle-wrong-file.png"))
    assert wizard.currentPage() is page and page.office_name is None
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # still skippable
    assert StationKeys(empty_ctx.data_dir).office_bundle() is None


ROSTER = [["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Thôn/bản"],
          ["1", "Nguyễn Thị Hồng", "14/03/1985", "Nữ", "Bản Nà Khương"],
          ["2", "Sùng A Páo", "03/09/2016", "Nam", "Bản Phiêng"]]


def test_the_roster_imported_in_the_wizard_gives_residents(qtbot, make_controller, empty_ctx, tmp_path):
    roster = tmp_path / "danh-sach-xa.csv"
    with roster.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(ROSTER)
    controller = make_controller(empty_ctx)
    wizard = controller.wizard
    _created(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.roster_page
    assert wizard.currentPage() is page
    SHOTS.mkdir(exist_ok=True)
    wizard.grab().save(str(SHOTS / "wizard-roster.png"))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.load_file(roster)  # what choosing the file in the dialog does
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None)
    dialog.close()
    assert "2 người mới" in page.status.text()
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: controller.window.sign_in_screen.sign_in_button.isEnabled())
    assert [r.full_name for r in empty_ctx.registry.search("hong").items] == ["Nguyễn Thị Hồng"]
    assert [r.full_name for r in empty_ctx.registry.search("pao").items] == ["Sùng A Páo"]


def _write_roster(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([ROSTER[0], *rows])
    return path


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_wizards_summary_of_a_roster_import_counts_the_possible_duplicates(qtbot, make_controller, empty_ctx,
                                                                               tmp_path, language):
    """Two people named Pờ A Xá born in 1938 in one village, where last year's list had one with only the year: both
    are added and may be the one already there; the line under the button says so, as the import's report does."""
    from station_app.services.station.roster_import import RosterImportService
    from station_app.ui import i18n

    controller = make_controller(empty_ctx)
    wizard = controller.wizard
    _created(qtbot, wizard)
    last_year = _write_roster(tmp_path / "ds-2025.csv", [["1", "Pờ A Xá", "1938", "Nam", "Bản Nà Khương"]])
    RosterImportService(empty_ctx.db, empty_ctx.data_dir).import_file(
        None, last_year, default_commune=empty_ctx.station.info().commune_code)
    i18n.set_language(language)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.roster_page
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.load_file(_write_roster(tmp_path / "ds-2026.csv", [["1", "Pờ A Xá", "04/01/1938", "Nam", "Bản Nà Khương"],
                                                               ["2", "Pờ A Xá", "24/10/1938", "Nam", "Bản Nà Khương"]]))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.report.possible_duplicates == 2
    dialog.close()
    said = {"vi": "2 người mới có thể trùng với người đã có: xem và quyết định ở Danh sách › Nghi trùng.",
            "en": "2 of the new residents may be someone already here: review them in Lists › Possible duplicates."}
    assert said[language] in page.status.text()


def test_closing_the_wizard_after_the_station_is_made_goes_on_to_sign_in(qtbot, make_controller, empty_ctx):
    controller = make_controller(empty_ctx)
    wizard = controller.wizard
    _created(qtbot, wizard)
    wizard.reject()  # Huỷ or the window's close button on the bundle page
    qtbot.waitUntil(lambda: controller.window.sign_in_screen.sign_in_button.isEnabled())
    assert controller.window.sign_in_screen.username.text() == "admin"
