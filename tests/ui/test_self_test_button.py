""""Kiểm tra máy" on the admin page: the self-test runs in the background and shows one marked line per check.

Only the hardware listing (this machine has no camera) and the time zone (this machine's may not be Vietnam's) are
faked."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.batch import office_keys
from PySide6.QtCore import Qt

from station_app.core.model import Sex
from station_app.services.station import self_test
from station_app.services.station.registry import ResidentInput
from station_app.services.station.self_test import Devices
from station_app.ui import self_test_view
from station_app.ui.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[2] / "shots"


@pytest.fixture
def admin_page(qtbot, app, ctx, admin, monkeypatch):
    monkeypatch.setattr(self_test_view, "list_devices",
                        lambda: Devices((("/dev/video0", "USB2.0 HD UVC WebCam"),), (("COM3", "USB Serial"),),
                                        printers=("Canon LBP2900",), default_printer="Canon LBP2900"))
    monkeypatch.setattr(self_test, "_local_now", lambda: dt.datetime.now(dt.timezone(dt.timedelta(hours=7))))
    window = MainWindow(ctx, admin)
    qtbot.addWidget(window)
    window.resize(1366, 900)
    window.show()
    window.show_page("admin")
    yield window.pages["admin"]
    window.close()  # the window lives as long as the test: the page is its child


def run_check(qtbot, page):
    box = page.self_test_box
    qtbot.mouseClick(box.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.results is not None, timeout=30_000)
    return box


def test_a_ready_laptop_shows_every_check_with_an_ok_mark(qtbot, admin_page, ctx, admin, tmp_path):
    ctx.export.keys.import_office_bundle(office_keys(tmp_path / "office").bundle_path)
    ctx.registry.register_new(admin, ResidentInput(full_name="Lò Văn Đức", sex=Sex.MALE, birth_year=1958,
                                                   village="Bản Phiêng"))
    box = run_check(qtbot, admin_page)
    assert box.dialog.isVisible()
    text = box.dialog.lines.text()
    assert text.count("✔") == len(box.results) == 16 and "✖" not in text and "⚠" not in text
    for name in ("Cơ sở dữ liệu", "Phông chữ tiếng Việt", "Đọc mã QR", "USB2.0 HD UVC WebCam", "COM3",
                 "Ngày giờ của máy", "1 người dân, 1 thôn/bản", "Máy in", "máy in mặc định: Canon LBP2900",
                 "Đợt khám", "Nhật ký kiểm tra", "chuỗi băm khớp"):
        assert name in text
    assert "máy sẵn sàng" in box.summary.text() and box.run_button.isEnabled()
    SHOTS.mkdir(exist_ok=True)
    admin_page.window().grab().save(str(SHOTS / "admin-self-test.png"))
    box.dialog.grab().save(str(SHOTS / "admin-self-test-results.png"))


def test_a_problem_shows_an_error_mark_and_what_to_do(qtbot, admin_page, tmp_path, monkeypatch):
    damaged = tmp_path / "qr.png"
    damaged.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    monkeypatch.setattr(self_test, "qr_image_path", lambda: damaged)
    box = run_check(qtbot, admin_page)
    text = box.dialog.lines.text()
    assert "✖" in text and "cài lại ứng dụng" in text
    assert "⚠" in text and "office-bundle.json" in text  # no office bundle yet: a warning with where to import it
    assert "chưa sẵn sàng" in box.summary.text() and "chưa sẵn sàng" in box.dialog.summary.text()
