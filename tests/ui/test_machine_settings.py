"""This laptop's scanner and slip printer, set on the Administration page and kept in the settings file.

Only the hardware lists are faked: the serial ports and the cameras the system reports."""
from __future__ import annotations

import subprocess
import sys

import pytest
from support.gui import FakePrinters, type_text
from PySide6.QtCore import Qt

from station_app.ui.main_window import MainWindow
from station_app.ui.scanning import serial_scanner

PORTS = [("ttyUSB0", "USB Serial Converter"), ("COM3", "USB Serial Device")]
CAMERAS = [("cam-front", "Integrated Camera"), ("cam-usb", "USB 2.0 Camera")]


@pytest.fixture
def hardware(monkeypatch):
    from station_app.ui.scanning.camera_scanner import CameraScannerWidget

    ports = list(PORTS)
    monkeypatch.setattr(serial_scanner, "available_ports", lambda: list(ports))
    monkeypatch.setattr(CameraScannerWidget, "cameras", staticmethod(lambda: list(CAMERAS)))
    return ports


def admin_page(qtbot, ctx, admin, settings=None):
    window = MainWindow(ctx, admin, settings=settings or ctx.settings.load())
    qtbot.addWidget(window)
    window.show()
    window.show_page("admin")
    return window, window.pages["admin"]


def save(qtbot, window, page):
    with qtbot.waitSignal(window.settings_changed, timeout=3000) as saved:
        qtbot.mouseClick(page.save_settings_button, Qt.MouseButton.LeftButton)
    assert "Đã lưu cài đặt" in page.settings_message.text()
    return saved.args[0]


def test_a_serial_scanner_typed_port_speed_and_label_size_are_saved_and_reloaded(qtbot, app, ctx, admin,
                                                                               hardware):
    window, page = admin_page(qtbot, ctx, admin)
    assert page.scanner_mode.currentData() == "keyboard" and page.slip_size.currentData() == "a6"
    assert not page.serial_port.isVisible() and not page.camera.isVisible()  # keyboard mode needs neither
    assert [page.scanner_mode.itemText(i) for i in range(3)] == [
        "Máy quét dạng bàn phím", "Máy quét cổng COM (serial)", "Camera"]

    page.scanner_mode.setCurrentIndex(page.scanner_mode.findData("serial"))
    assert page.serial_port.isVisible() and page.serial_baud.isVisible() and not page.camera.isVisible()
    assert [page.serial_port.itemText(i) for i in range(page.serial_port.count())] == ["ttyUSB0", "COM3"]
    page.serial_port.lineEdit().clear()
    type_text(page.serial_port.lineEdit(), "/dev/ttyACM0")  # not listed: typed by hand
    page.serial_baud.setCurrentIndex(page.serial_baud.findData(115200))
    page.slip_size.setCurrentIndex(page.slip_size.findData("label_62x100"))
    emitted = save(qtbot, window, page)
    assert emitted.scanner_mode == "serial" and emitted.serial_port == "/dev/ttyACM0"

    stored = ctx.settings.load()
    assert (stored.scanner_mode, stored.serial_port, stored.serial_baud, stored.slip_size) == (
        "serial", "/dev/ttyACM0", 115200, "label_62x100")
    again_window, again = admin_page(qtbot, ctx, admin, stored)
    assert again.scanner_mode.currentData() == "serial" and again.serial_port.currentText() == "/dev/ttyACM0"
    assert again.serial_baud.currentData() == 115200 and again.slip_size.currentText() == "Nhãn 62×100 mm"
    window.tasks.wait()
    again_window.tasks.wait()


def test_a_port_plugged_in_later_appears_after_refresh_and_the_typed_port_stays(qtbot, app, ctx, admin, hardware):
    window, page = admin_page(qtbot, ctx, admin)
    page.scanner_mode.setCurrentIndex(page.scanner_mode.findData("serial"))
    page.serial_port.setCurrentIndex(1)
    hardware.append(("ttyACM1", "Honeywell scanner"))
    qtbot.mouseClick(page.refresh_ports_button, Qt.MouseButton.LeftButton)
    assert page.serial_port.count() == 3 and page.serial_port.currentText() == "COM3"
    assert page.serial_port.itemData(2, Qt.ItemDataRole.ToolTipRole) == "Honeywell scanner"
    window.tasks.wait()


def test_a_camera_chosen_from_the_list_is_saved_and_shown_by_name(qtbot, app, ctx, admin, hardware):
    window, page = admin_page(qtbot, ctx, admin)
    page.scanner_mode.setCurrentIndex(page.scanner_mode.findData("camera"))
    assert page.camera.isVisible() and not page.serial_port.isVisible()
    names = [page.camera.itemText(i) for i in range(page.camera.count())]
    assert names == ["Camera mặc định của máy", "Integrated Camera", "USB 2.0 Camera"]
    page.camera.setCurrentIndex(page.camera.findData("cam-usb"))
    page.slip_size.setCurrentIndex(page.slip_size.findData("label_50x80"))
    save(qtbot, window, page)
    stored = ctx.settings.load()
    assert (stored.scanner_mode, stored.camera_id, stored.slip_size) == ("camera", "cam-usb", "label_50x80")
    again_window, again = admin_page(qtbot, ctx, admin, stored)
    assert again.camera.currentText() == "USB 2.0 Camera" and again.camera.currentData() == "cam-usb"
    window.tasks.wait()
    again_window.tasks.wait()


def test_an_unplugged_camera_is_not_forgotten_by_saving(qtbot, app, ctx, admin, hardware, monkeypatch):
    from station_app.ui.scanning.camera_scanner import CameraScannerWidget

    settings = ctx.settings.load()
    settings.scanner_mode, settings.camera_id = "camera", "cam-gone"
    monkeypatch.setattr(CameraScannerWidget, "cameras", staticmethod(lambda: CAMERAS[:1]))
    window, page = admin_page(qtbot, ctx, admin, settings)
    assert page.camera.currentData() == "cam-gone"
    save(qtbot, window, page)
    assert ctx.settings.load().camera_id == "cam-gone"
    window.tasks.wait()


def test_how_slips_are_printed_is_chosen_saved_and_reloaded_and_the_default_printer_named(qtbot, app, ctx, admin,
                                                                                         hardware):
    window, page = admin_page(qtbot, ctx, admin)
    assert [page.slip_printing.itemText(i) for i in range(3)] == [
        "In ngay ra máy in mặc định", "Hỏi máy in mỗi lần", "Chỉ lưu thành tệp PDF"]
    assert page.slip_printing.currentData() == "direct"  # a printer is installed: no key to print a slip
    assert page.printer_note.isVisible() and "Máy in mặc định: Máy in thử" in page.printer_note.text()
    page.slip_printing.setCurrentIndex(page.slip_printing.findData("dialog"))
    assert save(qtbot, window, page).slip_printing == "dialog"
    stored = ctx.settings.load()
    assert stored.slip_printing == "dialog"
    again_window, again = admin_page(qtbot, ctx, admin, stored)
    assert again.slip_printing.currentText() == "Hỏi máy in mỗi lần"
    window.tasks.wait()
    again_window.tasks.wait()


def test_without_a_printer_the_settings_say_where_slips_are_saved(qtbot, app, ctx, admin, hardware, monkeypatch,
                                                                  tmp_path):
    FakePrinters(monkeypatch, tmp_path / "none")
    window, page = admin_page(qtbot, ctx, admin)
    assert "chưa cài máy in" in page.printer_note.text()
    assert str(ctx.data_dir / "phieu-kham") in page.printer_note.text()
    window.tasks.wait()


def test_the_page_does_not_load_qt_multimedia_unless_the_camera_is_chosen():
    code = """
import sys
from PySide6.QtWidgets import QApplication
from station_app.core.model import Role
from station_app.core.settings import Settings
from station_app.services.common.accounts import SignedInUser
from station_app.ui.pages.admin import AdminPage
from station_app.ui.tasks import TaskRunner
app = QApplication([])
page = AdminPage(None, TaskRunner(), SignedInUser("u1", "admin", "Quản trị", Role.ADMIN), Settings())
print("QtMultimedia" in " ".join(sys.modules))
page.scanner_mode.setCurrentIndex(page.scanner_mode.findData("camera"))
print("QtMultimedia" in " ".join(sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.split() == ["False", "True"], result.stderr
