"""The Reception page on a real station database, driven as the nurse does: scanners, keys, dialogs.

Faked: the printer (``printing.print_pdf`` accepts and captures the PDF), the file dialog, the camera device.
Real: key bursts with timestamps, a pty pair for the serial scanner, QR frames and files, the PDF and its QR.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QCameraDevice, QMediaDevices, QVideoFrame
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from support.gui import FakeScannerDevice, post_keys, qr_picture, show_page, type_text
from station_app.core.cards import ScanKind
from station_app.core.model import RecordSource, Sex
from station_app.core.qr_payloads import parse_payload
from station_app.core.settings import Settings
from station_app.services.common.decoding import decode_image, to_grayscale
from station_app.services.station.registry import ResidentInput
from station_app.ui import printing
from station_app.ui.dialogs.choose import ChooseDialog
from station_app.ui.dialogs.differences import DifferencesDialog
from station_app.ui.dialogs.open_visit import OpenVisitDialog
from station_app.ui.dialogs.resident_form import ResidentFormDialog
from station_app.ui.pages.reception import ReceptionPage
from station_app.ui.scanning.serial_scanner import SerialState
from station_app.ui.tasks import TaskRunner
from support import NURSE_PASSWORD

SHOTS = Path(__file__).resolve().parents[2] / "shots"
# ASCII only: a keyboard-mode scanner types what the keyboard layout makes of each byte
CCCD_ASCII = "001099012345||NGUYEN VAN AN|15052002|Nam|Ban Muong Kim|20042021"
CCCD_DUC = "011085001234||Lò Văn Đức|02041985|Nam|Bản Nà Khương, xã Mường Kim, Lai Châu|11072022"
CCCD_MAI = "012190004321||Vàng Thị Mai|12121990|Nữ|Bản Phiêng, xã Mường Kim, Lai Châu|05052021"
MANGLED = "001202012345||Nguyeenx Vawn An|15052002|Nam|Ban Muong Kim|20042021"  # Telex typed through


# -- fixtures and helpers ----------------------------------------------------------------------------------------

@pytest.fixture
def printed(monkeypatch):
    """The print dialog, accepted: the PDFs sent to the printer."""
    pdfs: list[Path] = []

    def accept(path, parent, printer_name=None, ask=True):
        pdfs.append(Path(path))
        return True

    monkeypatch.setattr(printing, "print_pdf", accept)
    return pdfs


@pytest.fixture
def page(app, qtbot, ctx, nurse, printed):
    tasks = TaskRunner()
    station = ctx.station.info()
    made = show_page(qtbot, ReceptionPage(ctx, tasks, station.site_id, nurse, Settings(), station), 1180, 760)
    yield made
    if made.dialog is not None:
        made.dialog.reject()
    if made.camera is not None:
        made.camera.stop()
    made.serial.close()
    tasks.wait()
    qtbot.wait(20)


def key(qtbot, widget: QWidget, which: Qt.Key) -> None:
    qtbot.keyClick(widget, which)


def focused(window: QWidget) -> QWidget:
    """Where the keyboard goes in ``window`` (its focus widget; offscreen windows are not always active)."""
    return QApplication.focusWidget() if QApplication.activeWindow() is window else window.focusWidget()


def rows(ctx, sql: str, *args):
    with sqlite3.connect(ctx.db.path) as conn:
        return conn.execute(sql, args).fetchall()


def register(ctx, nurse, **values) -> str:
    defaults = dict(full_name="Lò Văn Đức", sex=Sex.MALE, birth_year=None if "birth_date" in values else 1985)
    defaults.update(values)
    return ctx.registry.register_new(nurse, ResidentInput(**defaults)).id


def qr_image(*texts: str) -> Image.Image:
    return qr_picture(texts)


def qr_of_pdf(pdf: Path) -> list[str]:
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(stem)], check=True)
    return decode_image(stem.with_suffix(".png"))


def open_and_confirm_visit(qtbot, page: ReceptionPage) -> OpenVisitDialog:
    assert focused(page) is page.open_visit_button
    key(qtbot, page.open_visit_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, OpenVisitDialog), timeout=3000)
    dialog = page.dialog
    key(qtbot, focused(dialog), Qt.Key.Key_Return)
    return dialog


# -- the whole desk from the keyboard ------------------------------------------------------------------------------

@pytest.mark.tools("pdftoppm")
def test_a_keyboard_scanner_burst_registers_opens_visit_1_and_prints_its_slip(qtbot, controller, ctx, nurse, printed):
    window = controller.window
    sign_in = window.sign_in_screen
    type_text(sign_in.username, "y.ta.hoa")
    type_text(sign_in.password, NURSE_PASSWORD)
    key(qtbot, sign_in.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.user is not None, timeout=5000)
    page = window.pages["reception"]
    assert window.current_page_key() == "reception"
    qtbot.waitUntil(lambda: focused(window) is page.search)

    post_keys(page.search, CCCD_ASCII, 100_000)  # the burst goes to the search field: it must not land there
    qtbot.waitUntil(lambda: isinstance(page.dialog, ResidentFormDialog), timeout=3000)
    form = page.dialog
    assert page.search.text() == ""
    assert form.full_name.text() == "NGUYEN VAN AN" and form.birth.text() == "15/05/2002"
    assert form.national_id.text() == "001099012345"
    key(qtbot, focused(form), Qt.Key.Key_Return)  # the card was read: Enter confirms
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=3000)
    assert page.card.resident.full_name == "NGUYEN VAN AN"
    assert page.card.warnings.isVisible() is False  # warnings come from the scan of this resident only
    qtbot.waitUntil(lambda: page.dialog is None)

    open_and_confirm_visit(qtbot, page)
    qtbot.waitUntil(lambda: len(printed) == 1, timeout=5000)
    qtbot.waitUntil(lambda: focused(window) is page.search, timeout=3000)  # ready for the next person
    window.tasks.wait()

    [(visit_id, queue, resident_id)] = rows(ctx, "SELECT id, queue_number, resident_id FROM visits")
    assert queue == 1
    assert rows(ctx, "SELECT source FROM residents WHERE id = ?", resident_id) == [(RecordSource.CARD_SCAN.value,)]
    assert rows(ctx, "SELECT given_by, recorded_by FROM consents") == [("self", nurse.id)]
    assert "số 1" in page.message.text()
    qtbot.waitUntil(lambda: page.queue_model.rowCount() == 1)
    assert page.queue_model.visits[0].queue_number == 1

    [payload] = qr_of_pdf(printed[0])
    visit = ctx.registry.visit_by_id(visit_id)
    assert payload == printing.slip_payload(visit, ctx.station.info().code)
    slip = parse_payload(payload, dt.date.today())
    assert slip.kind is ScanKind.SLIP and slip.visit_id == visit_id and slip.slip.queue_number == 1
    assert printed[0].parent == ctx.data_dir / "slips" and "NGUYEN" not in printed[0].name
    assert ("print",) in rows(ctx, "SELECT action FROM audit_events WHERE entity_id = ?", visit_id)

    # the slip scanned at the desk (another laptop would do the same) shows that visit
    post_keys(page.search, payload, 200_000)
    qtbot.waitUntil(lambda: page.card.visit is not None and page.card.visit.id == visit_id, timeout=3000)
    assert "số thứ tự 1" in page.card.visit_line.text()
    assert page.card.resident.id == resident_id


def test_a_mismatched_id_number_is_shown_in_amber_beside_the_resident(qtbot, page, ctx, nurse):
    register(ctx, nurse, full_name="Nguyễn Văn An", birth_date=dt.date(2002, 5, 15), national_id="001099012345")
    post_keys(page.search, CCCD_ASCII, 300_000)
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=3000)
    assert page.card.warnings.isVisible()
    assert "không khớp với năm sinh" in page.card.warnings.text()


def test_a_mangled_keyboard_scan_advises_serial_mode_and_stores_nothing(qtbot, page, ctx):
    post_keys(page.search, MANGLED, 400_000)
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=3000)
    assert "cổng COM (serial)" in page.message.text()
    assert page.dialog is None and page.card.resident is None and page.search.text() == ""
    page._tasks.wait()
    assert rows(ctx, "SELECT count(*) FROM residents") == [(0,)]
    assert rows(ctx, "SELECT count(*) FROM audit_events WHERE entity = 'residents'") == [(0,)]


@pytest.mark.parametrize("card", [CCCD_DUC.replace("Văn", "V\u0430n"),  # a Cyrillic "а" in the name
                                  CCCD_DUC.replace("Bản Nà", "Bản \u202eNà")])  # a right-to-left override
def test_a_card_that_cannot_be_true_says_to_check_it_and_type_it_in_and_stores_nothing(qtbot, page, ctx, card):
    page.handle_scan(card, "serial")
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=3000)
    assert "đối chiếu với thẻ và nhập tay" in page.message.text() and "cổng COM" not in page.message.text()
    assert page.dialog is None and page.card.resident is None and page.search.text() == ""
    page._tasks.wait()
    assert rows(ctx, "SELECT count(*) FROM residents") == [(0,)]


# -- the other scanners --------------------------------------------------------------------------------------------

@pytest.fixture
def device(tmp_path):
    made = FakeScannerDevice(tmp_path)
    made.plug()
    yield made
    if made.master is not None:
        made.unplug()


def test_a_serial_scanner_finds_a_known_resident_and_offers_the_new_address(qtbot, page, ctx, nurse, device):
    known = register(ctx, nurse, birth_date=dt.date(1985, 4, 2), national_id="011085001234")
    page.apply_settings(Settings(serial_port=str(device.link), scanner_mode="serial"))
    qtbot.waitUntil(lambda: page.serial.state is SerialState.CONNECTED, timeout=3000)
    assert "đã kết nối" in page.inputs_line.text()
    os.write(device.master, CCCD_DUC.encode("utf-8") + b"\r\n")  # Vietnamese UTF-8, as serial mode sends it
    qtbot.waitUntil(lambda: isinstance(page.dialog, DifferencesDialog), timeout=3000)
    assert page.card.resident.id == known
    dialog = page.dialog
    assert [c.field for c in dialog.changes] == ["address"]
    assert dialog.table.item(0, 2).text() == "Bản Nà Khương, xã Mường Kim, Lai Châu"
    key(qtbot, focused(dialog), Qt.Key.Key_Return)  # accept what the card says
    qtbot.waitUntil(lambda: page.card.resident.address == "Bản Nà Khương, xã Mường Kim, Lai Châu", timeout=3000)
    page._tasks.wait()
    assert rows(ctx, "SELECT count(*) FROM residents") == [(1,)]
    assert rows(ctx, "SELECT address FROM residents") == [("Bản Nà Khương, xã Mường Kim, Lai Châu",)]


def test_a_new_serial_port_in_the_settings_is_used_without_a_restart(qtbot, page, device, tmp_path):
    page.apply_settings(Settings(serial_port=str(tmp_path / "chua-cam")))
    assert page.serial.state is SerialState.WAITING and "cắm máy quét" in page.inputs_line.text()
    page.apply_settings(Settings(serial_port=str(device.link)))
    qtbot.waitUntil(lambda: page.serial.state is SerialState.CONNECTED, timeout=3000)
    page.apply_settings(Settings())
    assert page.serial.state is SerialState.CLOSED


@pytest.fixture
def no_camera(monkeypatch):
    monkeypatch.setattr(QMediaDevices, "videoInputs", staticmethod(lambda: []))
    monkeypatch.setattr(QMediaDevices, "defaultVideoInput", staticmethod(lambda: QCameraDevice()))


def test_camera_frames_from_a_photo_file_show_the_resident(qtbot, page, ctx, nurse, no_camera, tmp_path):
    """A photo of a card, saved as a file, goes through the preview's real video sink as camera frames do."""
    known = register(ctx, nurse, full_name="Vàng Thị Mai", sex=Sex.FEMALE, birth_date=dt.date(1990, 12, 12),
                     national_id="012190004321", address="Bản Phiêng, xã Mường Kim, Lai Châu")
    photo = tmp_path / "anh-the.jpg"
    qr_image(CCCD_MAI).convert("RGB").save(photo, quality=90)
    key(qtbot, page.search, Qt.Key.Key_F4)
    frame = QVideoFrame(QImage(str(photo)).convertToFormat(QImage.Format.Format_RGB32))
    page.camera.video_sink().setVideoFrame(frame)
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=5000)
    assert page.card.resident.id == known
    key(qtbot, page.search, Qt.Key.Key_F4)


def test_camera_frames_show_the_resident(qtbot, page, ctx, nurse, no_camera):
    known = register(ctx, nurse, full_name="Vàng Thị Mai", sex=Sex.FEMALE, birth_date=dt.date(1990, 12, 12),
                     national_id="012190004321", address="Bản Phiêng, xã Mường Kim, Lai Châu")
    key(qtbot, page.search, Qt.Key.Key_F4)
    assert page.camera_button.isChecked() and page.camera is not None and page.camera_panel.isVisible()
    assert "Không tìm thấy camera" in page.camera._message.text()  # said plainly, in the preview
    page.camera.decoder.offer_frame(to_grayscale(qr_image(CCCD_MAI)))
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=5000)
    assert page.card.resident.id == known and page.dialog is None
    key(qtbot, page.search, Qt.Key.Key_F4)
    assert not page.camera_panel.isVisible() and "Camera: tắt" in page.inputs_line.text()


def test_an_opened_image_file_shows_the_resident(qtbot, page, ctx, nurse, monkeypatch, tmp_path):
    known = register(ctx, nurse, birth_date=dt.date(1985, 4, 2), national_id="011085001234",
                     address="Bản Nà Khương, xã Mường Kim, Lai Châu")
    path = tmp_path / "ảnh thẻ.png"
    qr_image(CCCD_DUC).save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    qtbot.keyClick(page.search, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=5000)
    assert page.card.resident.id == known and page.dialog is None


def test_two_codes_in_a_picture_let_the_nurse_choose(qtbot, page, ctx, nurse, monkeypatch, tmp_path):
    register(ctx, nurse, birth_date=dt.date(1985, 4, 2), national_id="011085001234",
             address="Bản Nà Khương, xã Mường Kim, Lai Châu")
    mai = register(ctx, nurse, full_name="Vàng Thị Mai", sex=Sex.FEMALE, birth_date=dt.date(1990, 12, 12),
                   national_id="012190004321", address="Bản Phiêng, xã Mường Kim, Lai Châu")
    path = tmp_path / "hai mã.png"
    qr_image(CCCD_DUC, CCCD_MAI).save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    qtbot.mouseClick(page.image_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ChooseDialog), timeout=5000)
    chooser = page.dialog
    assert [chooser.items.item(i).text() for i in range(2)] == [
        "Thẻ CCCD: Lò Văn Đức, sinh 1985", "Thẻ CCCD: Vàng Thị Mai, sinh 1990"]
    key(qtbot, chooser.items, Qt.Key.Key_Down)
    key(qtbot, chooser.items, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=3000)
    assert page.card.resident.id == mai


def test_a_near_match_is_offered_never_merged(qtbot, page, ctx, nurse):
    near = register(ctx, nurse, full_name="Vàng Thị Mai", sex=Sex.FEMALE, birth_year=1990, village="Bản Phiêng")
    page.handle_scan(CCCD_MAI, "test")
    qtbot.waitUntil(lambda: isinstance(page.dialog, ChooseDialog), timeout=3000)
    chooser = page.dialog
    assert chooser.items.count() == 1 and "Vàng Thị Mai" in chooser.items.item(0).text()
    key(qtbot, chooser.items, Qt.Key.Key_F2)  # "Người mới": a different person with the same name
    qtbot.waitUntil(lambda: isinstance(page.dialog, ResidentFormDialog), timeout=3000)
    key(qtbot, focused(page.dialog), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card.resident is not None and page.card.resident.id != near, timeout=3000)
    page._tasks.wait()
    assert rows(ctx, "SELECT count(*) FROM residents") == [(2,)]


def test_a_damaged_payload_typed_in_is_explained(qtbot, page, ctx):
    type_text(page.search, "001202012345||Nguyễn Văn An|15052002")
    key(qtbot, page.search, Qt.Key.Key_Return)
    assert page.message.isVisible() and "thiếu hoặc thừa thông tin" in page.message.text()
    assert page.dialog is None


# -- typing ---------------------------------------------------------------------------------------------------------

def test_a_child_without_a_card_is_typed_in_and_the_guardian_consents(qtbot, page, ctx, nurse):
    key(qtbot, page.search, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ResidentFormDialog), timeout=3000)
    form = page.dialog
    assert focused(form) is form.full_name
    key(qtbot, form.full_name, Qt.Key.Key_Return)  # nothing typed: the name is asked for, under its field
    assert form.errors["full_name"].isVisible() and "không được để trống" in form.errors["full_name"].text()
    type_text(form.full_name, "Sùng A Páo")
    form.sex.setCurrentIndex(form.sex.findData(Sex.MALE.value))
    type_text(form.birth, "31/02/2023")
    key(qtbot, form.birth, Qt.Key.Key_Return)
    assert form.errors["birth_year"].isVisible() and "15/05/2002" in form.errors["birth_year"].text()
    assert not form.errors["full_name"].isVisible()
    form.birth.clear()
    type_text(form.birth, "03/09/2023")
    type_text(form.village, "Bản Phiêng")
    type_text(form.guardian_name, "Sùng Thị Dợ")
    form.guardian_relation.setCurrentText("Mẹ")
    key(qtbot, form.guardian_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=3000)
    assert page.card.resident.full_name == "Sùng A Páo" and page.card.resident.source is RecordSource.MANUAL

    qtbot.waitUntil(lambda: page.dialog is None)
    assert focused(page) is page.open_visit_button
    key(qtbot, page.open_visit_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, OpenVisitDialog), timeout=3000)
    dialog = page.dialog
    assert dialog.by_guardian.isChecked() and dialog.guardian_name.text() == "Sùng Thị Dợ"
    assert dialog.groups[next(g for g in dialog.groups if g.value == "child_under_6")].isChecked()
    assert "ĐỒNG Ý XỬ LÝ DỮ LIỆU CÁ NHÂN" in dialog.consent_view.toPlainText()
    key(qtbot, focused(dialog), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card.visit is not None, timeout=3000)
    page._tasks.wait()
    assert rows(ctx, "SELECT given_by, guardian_name, guardian_relation, recorded_by FROM consents") == [
        ("guardian", "Sùng Thị Dợ", "Mẹ", nurse.id)]
    assert rows(ctx, "SELECT \"group\" FROM resident_target_groups") == [("child_under_6",)]


def names_shown(page: ReceptionPage) -> list[str]:
    return [r.full_name for r in page.results_model.residents]


def search_for(qtbot, page: ReceptionPage, text: str, expected: list[str]) -> None:
    page.search.clear()
    type_text(page.search, text)
    qtbot.waitUntil(lambda: sorted(names_shown(page)) == sorted(expected), timeout=3000)


def test_search_as_you_type_ignores_case_and_marks(qtbot, page, ctx, nurse):
    register(ctx, nurse, full_name="Nguyễn Thị Hồng", sex=Sex.FEMALE, birth_year=1985, village="Bản Phiêng")
    register(ctx, nurse, full_name="Đỗ Văn Đức", birth_year=1970, village="Bản Nà Khương",
             national_id="011070009876")
    register(ctx, nurse, full_name="Nguyễn Văn Hùng", birth_year=1985, insurance_number="GD4010120012345")
    search_for(qtbot, page, "nguyen thi hong", ["Nguyễn Thị Hồng"])
    search_for(qtbot, page, "NGUYỄN THỊ HỒNG", ["Nguyễn Thị Hồng"])
    search_for(qtbot, page, "do van duc", ["Đỗ Văn Đức"])
    search_for(qtbot, page, "đỗ", ["Đỗ Văn Đức"])
    search_for(qtbot, page, "0110700", ["Đỗ Văn Đức"])
    search_for(qtbot, page, "GD40101", ["Nguyễn Văn Hùng"])
    search_for(qtbot, page, "nguyen 1985", ["Nguyễn Thị Hồng", "Nguyễn Văn Hùng"])
    search_for(qtbot, page, "phieng", ["Nguyễn Thị Hồng"])

    search_for(qtbot, page, "nguyen", ["Nguyễn Thị Hồng", "Nguyễn Văn Hùng"])
    first, second = names_shown(page)
    qtbot.waitUntil(lambda: page.card.resident is not None and page.card.resident.full_name == first)  # previewed
    key(qtbot, page.search, Qt.Key.Key_Down)
    assert page.card.resident.full_name == second
    key(qtbot, page.search, Qt.Key.Key_Return)
    assert focused(page) is page.open_visit_button
    search_for(qtbot, page, "khong co ai", [])
    assert "F2" in page.results_note.text()


def test_stale_results_never_replace_newer_ones(qtbot, page, ctx, nurse):
    register(ctx, nurse, full_name="Nguyễn Thị Hồng", sex=Sex.FEMALE, birth_year=1985)
    register(ctx, nurse, full_name="Lò Văn Đức", birth_year=1985)
    page.search.setText("nguyen")
    page.run_search(0)
    page.search.setText("lo van")
    page.run_search(0)  # asked while the first is still on the lane: its answer must be dropped
    page._tasks.wait()
    qtbot.waitUntil(lambda: names_shown(page) == ["Lò Văn Đức"], timeout=3000)
    qtbot.wait(50)
    assert names_shown(page) == ["Lò Văn Đức"]


def test_results_come_in_pages(qtbot, page, ctx, nurse):
    for n in range(55):
        register(ctx, nurse, full_name=f"Lò Văn {chr(ord('A') + n % 26)}{'a' * (n // 26)}", birth_year=1960 + n)
    page.search.clear()
    type_text(page.search, "lo van")
    qtbot.waitUntil(lambda: len(names_shown(page)) == 50, timeout=3000)
    assert page.next_button.isEnabled() and not page.previous_button.isEnabled()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(names_shown(page)) == 5, timeout=3000)
    assert "51–55" in page.results_note.text() and page.previous_button.isEnabled()
    key(qtbot, page.search, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: len(names_shown(page)) == 50, timeout=3000)


# -- a second visit ---------------------------------------------------------------------------------------------

def test_a_second_visit_is_refused_with_the_warning_then_opened_with_a_reason(qtbot, page, ctx, nurse, printed):
    resident = register(ctx, nurse, birth_date=dt.date(1985, 4, 2), national_id="011085001234",
                        address="Bản Nà Khương, xã Mường Kim, Lai Châu")
    page.handle_scan(CCCD_DUC, "test")
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=3000)
    open_and_confirm_visit(qtbot, page)
    qtbot.waitUntil(lambda: len(printed) == 1, timeout=5000)
    page._tasks.wait()

    page.handle_scan(CCCD_DUC, "test")  # the same man comes back to the desk
    qtbot.waitUntil(lambda: page.card.last_visit.isVisible(), timeout=3000)
    today = f"{dt.date.today():%d/%m/%Y}"
    assert today in page.card.last_visit.text() and "Trạm Y tế xã Mường Kim" in page.card.last_visit.text()
    page.open_visit_button.setFocus()
    key(qtbot, page.open_visit_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, OpenVisitDialog), timeout=3000)
    dialog = page.dialog
    assert dialog.second_warning.isVisible() and today in dialog.second_warning.text()
    assert focused(dialog) is dialog.reason
    key(qtbot, dialog.reason, Qt.Key.Key_Return)  # no reason: refused
    assert "lý do" in dialog.message.text() and page.dialog is dialog
    SHOTS.mkdir(exist_ok=True)
    qtbot.wait(50)  # the dialog grew to show the warning: let it lay out
    page.grab().save(str(SHOTS / "reception-examined.png"))
    dialog.grab().save(str(SHOTS / "reception-second-visit.png"))
    type_text(dialog.reason, "Khám lại theo yêu cầu của bác sĩ")
    key(qtbot, dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=5000)
    page._tasks.wait()
    assert rows(ctx, "SELECT queue_number FROM visits WHERE resident_id = ? ORDER BY queue_number", resident) == [
        (1,), (2,)]
    details = [json.loads(d) for (d,) in rows(ctx, "SELECT details FROM audit_events WHERE entity = 'visits' "
                                                     "AND action = 'create'")]
    assert [d.get("second_visit_reason") for d in details] == [None, "Khám lại theo yêu cầu của bác sĩ"]
    qtbot.waitUntil(lambda: page.queue_model.rowCount() == 2)
    page.activateWindow()  # the print dialog had the focus: shortcuts work in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.queue.setFocus()
    page.queue.selectRow(0)
    qtbot.keyClick(page.queue, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(printed) == 3, timeout=5000)  # "In lại phiếu"


# -- how it looks ---------------------------------------------------------------------------------------------------

def test_screenshots_of_the_desk_with_a_scanned_resident_and_the_visit_dialog(qtbot, controller, ctx, nurse):
    for name, year, village in (("Nguyễn Thị Hồng", 1985, "Bản Phiêng"), ("Giàng A Sử", 1956, "Bản Nậm Hàng"),
                                ("Lò Thị Ơn", 1990, "Bản Nà Khương")):
        resident = register(ctx, nurse, full_name=name, birth_year=year, village=village,
                            sex=Sex.FEMALE if "Thị" in name else Sex.MALE)
        station = ctx.station.info()
        from station_app.core.consent import CURRENT_VERSION, consent_text, text_sha256
        from station_app.services.station.registry import ConsentInput
        ctx.registry.open_visit(nurse, resident, site_id=station.site_id, campaign_id=station.campaign_id, funding_source="state_budget", target_groups=[],
                                consent=ConsentInput(CURRENT_VERSION, text_sha256(consent_text())))
    register(ctx, nurse, birth_date=dt.date(1985, 4, 2), national_id="011085001234", village="Bản Nà Khương",
             address="Bản Nà Khương, xã Mường Kim, Lai Châu", insurance_number="DN4121234567890")
    window = controller.window
    type_text(window.sign_in_screen.username, "y.ta.hoa")
    type_text(window.sign_in_screen.password, NURSE_PASSWORD)
    key(qtbot, window.sign_in_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.user is not None, timeout=5000)
    page = window.pages["reception"]
    type_text(page.search, "lo")
    qtbot.waitUntil(lambda: len(page.results_model.residents) == 2, timeout=3000)
    page.handle_scan(CCCD_DUC, "test")
    qtbot.waitUntil(lambda: page.card.resident is not None and page.card.resident.national_id == "011085001234",
                    timeout=3000)
    qtbot.waitUntil(lambda: page.queue_model.rowCount() == 3, timeout=3000)
    SHOTS.mkdir(exist_ok=True)
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "reception.png"))
    key(qtbot, page.open_visit_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, OpenVisitDialog), timeout=3000)
    qtbot.wait(50)
    page.dialog.grab().save(str(SHOTS / "reception-visit-dialog.png"))
    page.dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the desk is active again: F2 works
    key(qtbot, page.search, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ResidentFormDialog), timeout=3000)
    page.dialog.grab().save(str(SHOTS / "reception-manual-entry.png"))
    page.dialog.reject()
    window.tasks.wait()


def test_a_pasted_picture_of_an_expired_insurance_card_warns_and_funds_from_the_budget(qtbot, page, ctx, nurse):
    from PySide6.QtGui import QGuiApplication, QImage

    known = register(ctx, nurse, full_name="Lò Thị Ơn", sex=Sex.FEMALE, birth_year=1990,
                     insurance_number="GD4010120012345", address="Xã Mường Kim")
    expired = "GD4010120012345|Lò Thị Ơn|1990|2|Xã Mường Kim|01/01/2024|01/01/2025|31/12/2025|-|$"
    picture = qr_image(expired).tobytes()
    QGuiApplication.clipboard().setImage(
        QImage(picture, 1280, 720, 1280, QImage.Format.Format_Grayscale8).copy())
    qtbot.keyClick(page.search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=5000)
    assert page.card.resident.id == known and page.search.text() == ""  # the picture was not pasted as text
    assert page.card.warnings.isVisible() and "hết hạn" in page.card.warnings.text()
    key(qtbot, page.open_visit_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, OpenVisitDialog), timeout=3000)
    assert page.dialog.funding.currentData() == "state_budget"


def test_the_log_names_no_one(qtbot, page, ctx, printed):
    page.handle_scan(CCCD_DUC, "test")
    qtbot.waitUntil(lambda: isinstance(page.dialog, ResidentFormDialog), timeout=3000)
    key(qtbot, focused(page.dialog), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card.resident is not None, timeout=3000)
    qtbot.waitUntil(lambda: page.dialog is None)
    open_and_confirm_visit(qtbot, page)
    qtbot.waitUntil(lambda: len(printed) == 1, timeout=5000)
    page._tasks.wait()
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    text = ctx.log_file.read_text(encoding="utf-8")
    assert "visit" in text
    for secret in ("Lò Văn Đức", "011085001234", "Nà Khương", "02041985"):
        assert secret not in text
