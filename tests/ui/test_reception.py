"""The Reception page on a real station database, driven as the nurse does: scanners, keys, dialogs.

Faked: the printer (``printing.print_pdf`` accepts and captures the PDF), the file dialog, the camera device.
Real: key bursts with timestamps, a pty pair for the serial scanner, QR frames and files, the PDF and its QR.
"""
from __future__ import annotations

import datetime as dt
import os
import pty
import shutil
import sqlite3
import subprocess
from pathlib import Path

import numpy as np
import pytest
import qrcode
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtMultimedia import QCameraDevice, QMediaDevices
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from gui_support import type_text
from station_app.core.cards import ScanKind
from station_app.core.model import RecordSource, Sex
from station_app.core.qr_payloads import parse_payload
from station_app.core.settings import Settings
from station_app.services.decoding import decode_image
from station_app.services.registry import ResidentInput
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

    def accept(path, parent, printer_name=None):
        pdfs.append(Path(path))
        return True

    monkeypatch.setattr(printing, "print_pdf", accept)
    return pdfs


@pytest.fixture
def page(app, qtbot, ctx, nurse, printed):
    tasks = TaskRunner()
    station = ctx.station.info()
    made = ReceptionPage(ctx, tasks, station.site_id, nurse, Settings(), station)
    qtbot.addWidget(made)
    made.resize(1180, 760)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    made.refresh()
    yield made
    if made.dialog is not None:
        made.dialog.reject()
    if made.camera is not None:
        made.camera.stop()
    made.serial.close()
    tasks.wait()
    qtbot.wait(20)


def post_keys(widget: QWidget, text: str, start_ms: int, gap_ms: int = 3) -> None:
    """A scanner's burst: key events stamped a few ms apart, ending with Enter."""
    stamp = start_ms
    keys = [(ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0, ch) for ch in text] + [(Qt.Key.Key_Return, "\r")]
    for key, ch in keys:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(stamp)
            QApplication.postEvent(widget, event)
        stamp += gap_ms


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
    canvas = Image.new("L", (1280, 720), 128)
    x = 80
    for text in texts:
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=5, border=4)
        code.add_data(text.encode("utf-8"))
        picture = code.make_image().get_image().convert("L")
        canvas.paste(picture, (x, (720 - picture.height) // 2))
        x += picture.width + 60
    return canvas


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

@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
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
