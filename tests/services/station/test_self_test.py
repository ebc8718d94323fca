"""The laptop self-test: every line OK on a station ready to go, and a line saying what to do for each problem."""
from __future__ import annotations

import datetime as dt
import logging
import sqlite3

import pytest
from support.batch import office_keys
from support import CAMPAIGN_END

from station_app.core.model import Sex
from station_app.persistence.database import DB_FILE_NAME
from station_app.services.station import self_test
from station_app.services.station.registry import ResidentInput
from station_app.services.station.self_test import CheckStatus, Devices, failed, report_text, run_self_test

DEVICES = Devices(cameras=(("/dev/video0", "USB2.0 HD UVC WebCam"),), serial_ports=(("COM3", "USB Serial Device"),),
                  printers=("Microsoft Print to PDF", "Canon LBP2900"), default_printer="Canon LBP2900")
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def vietnam_now() -> dt.datetime:
    """The real time on a laptop set to Vietnam's time zone (whatever zone the test machine uses)."""
    return dt.datetime.now(VIETNAM)


def by_key(results):
    return {r.key: r for r in results}


@pytest.fixture
def ready(ctx, admin, data_dir, tmp_path):
    """A set-up station with the office's bundle and a roster imported: ready to go up the mountain."""
    ctx.export.keys.import_office_bundle(office_keys(tmp_path / "office").bundle_path)
    for name, village in (("Lò Văn Đức", "Bản Phiêng"), ("Tòng Thị Hoa", "Bản Phiêng"), ("Sùng A Páo", "Bản Nà")):
        ctx.registry.register_new(admin, ResidentInput(full_name=name, sex=Sex.MALE, birth_year=1970, village=village))
    return data_dir


def test_a_ready_station_passes_every_check(ready):
    results = run_self_test(ready, devices=lambda: DEVICES, now=vietnam_now)
    assert [r.status for r in results] == [CheckStatus.OK] * len(results), report_text(results, ready, version="test")
    assert list(by_key(results)) == ["database", "font", "decoders", "pdf", "signature", "encryption", "cameras",
                                     "serial_ports", "printer", "disk", "clock", "campaign", "office_bundle",
                                     "station_key", "roster", "audit"]
    assert not failed(results)
    lines = by_key(results)
    assert "TTKSBT tỉnh Lai Châu" in lines["office_bundle"].line
    assert "USB2.0 HD UVC WebCam" in lines["cameras"].line and "COM3" in lines["serial_ports"].line
    assert lines["roster"].line == "OK: 3 người dân, 2 thôn/bản."
    assert f"{vietnam_now():%d/%m/%Y}" in lines["clock"].line and "giờ Việt Nam" in lines["clock"].line
    assert lines["printer"].line == "OK: máy in mặc định: Canon LBP2900 (2 máy in)."
    assert "chuỗi băm khớp" in lines["audit"].line
    assert f"hôm nay ({vietnam_now():%d/%m/%Y}) trong đợt khám" in lines["campaign"].line


def test_the_station_database_is_checked_on_a_copy_and_left_untouched(ready):
    path = ready / DB_FILE_NAME
    with sqlite3.connect(path) as conn:
        before = conn.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    run_self_test(ready, devices=lambda: DEVICES)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM audit_events").fetchone()[0] == before
    assert not (ready / "backups").exists()


def test_a_missing_office_bundle_says_where_to_import_it(ctx, data_dir):
    line = by_key(run_self_test(data_dir, devices=lambda: DEVICES))["office_bundle"]
    assert line.status is CheckStatus.WARN
    assert "office-bundle.json" in line.line and "Xuất dữ liệu" in line.line


def test_a_damaged_shipped_qr_picture_fails_the_decoders_line(ready, tmp_path, monkeypatch):
    damaged = tmp_path / "self-test-qr.png"
    damaged.write_bytes(self_test.qr_image_path().read_bytes()[:300])  # cut short, as a bad copy would be
    monkeypatch.setattr(self_test, "qr_image_path", lambda: damaged)
    results = run_self_test(ready, devices=lambda: DEVICES)
    line = by_key(results)["decoders"]
    assert line.status is CheckStatus.FAIL and "cài lại ứng dụng" in line.line
    assert failed(results)
    assert "[ LỖI  ] Đọc mã QR" in report_text(results, ready, version="test")


def test_a_picture_without_the_expected_code_fails_the_decoders_line(ready, tmp_path, monkeypatch):
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("L", (200, 200), 255).save(blank)
    monkeypatch.setattr(self_test, "qr_image_path", lambda: blank)
    line = by_key(run_self_test(ready, devices=lambda: DEVICES))["decoders"]
    assert line.status is CheckStatus.FAIL and "zxing-cpp" in line.line


def test_no_camera_and_no_serial_port_are_warnings_not_failures(ready):
    results = run_self_test(ready, devices=lambda: Devices((), ()))
    lines = by_key(results)
    assert lines["cameras"].status is CheckStatus.WARN and "cắm camera" in lines["cameras"].line
    assert lines["serial_ports"].status is CheckStatus.WARN
    assert not failed(results)


def test_a_camera_back_end_that_did_not_load_is_a_failure_saying_to_reinstall(ready):
    # an installation missing a file of Qt Multimedia's FFmpeg plugin: Qt lists no camera, which must not read
    # as "plug a camera in"
    results = run_self_test(ready, devices=lambda: Devices((), (), camera_backend=False))
    line = by_key(results)["cameras"]
    assert line.status is CheckStatus.FAIL and "cài lại ứng dụng" in line.line
    assert failed(results)


def test_devices_that_cannot_be_listed_are_a_warning(ready):
    def broken() -> Devices:
        raise RuntimeError("no multimedia back-end")

    lines = by_key(run_self_test(ready, devices=broken))
    assert lines["cameras"].status is CheckStatus.WARN and lines["serial_ports"].status is CheckStatus.WARN
    assert lines["printer"].status is CheckStatus.WARN


def test_no_printer_is_a_warning_saying_slips_are_saved_as_pdf_and_where(ready):
    results = run_self_test(ready, devices=lambda: Devices((), ()))
    line = by_key(results)["printer"]
    assert line.status is CheckStatus.WARN and not failed(results)
    assert "tệp PDF" in line.line and str(ready / "phieu-kham") in line.line


def test_printers_without_a_default_are_a_warning_saying_to_set_one(ready):
    devices = Devices((), (), printers=("Canon LBP2900", "Brother QL-800"))
    line = by_key(run_self_test(ready, devices=lambda: devices))["printer"]
    assert line.status is CheckStatus.WARN
    assert "Canon LBP2900; Brother QL-800" in line.line and "máy in mặc định" in line.line


def test_an_edited_audit_event_fails_the_audit_line_naming_the_command(ready):
    with sqlite3.connect(ready / DB_FILE_NAME) as conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_events'"):
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("UPDATE audit_events SET entity_id = 'x' WHERE seq = 2")
    results = run_self_test(ready, devices=lambda: DEVICES, now=vietnam_now)
    line = by_key(results)["audit"]
    assert line.status is CheckStatus.FAIL and failed(results)
    assert "số 2" in line.line and "station-app audit verify" in line.line
    assert "[ LỖI  ] Nhật ký kiểm tra" in report_text(results, ready, version="test")


@pytest.mark.parametrize(("day", "said"), [(CAMPAIGN_END + dt.timedelta(days=1), "đã kết thúc"),
                                           (dt.date(2026, 4, 30), "chưa bắt đầu")])
def test_a_day_outside_the_campaign_is_a_warning_saying_an_administrator_can_change_it(ready, day, said):
    at = dt.datetime.combine(day, dt.time(8, 0), VIETNAM)
    results = run_self_test(ready, devices=lambda: DEVICES, now=lambda: at)
    line = by_key(results)["campaign"]
    assert line.status is CheckStatus.WARN and said in line.line
    assert "Khám sức khỏe định kỳ 2026" in line.line and f"{day:%d/%m/%Y}" in line.line
    assert "quản trị viên" in line.line.lower() and "Quản trị" in line.line
    if said == "đã kết thúc":
        assert "gia hạn" in line.line and f"{CAMPAIGN_END:%d/%m/%Y}" in line.line


@pytest.mark.parametrize(("free", "status"), [(5 * 1024 ** 3, CheckStatus.OK), (700 * 1024 ** 2, CheckStatus.WARN),
                                              (100 * 1024 ** 2, CheckStatus.FAIL)])
def test_free_disk_space_warns_under_a_gigabyte_and_fails_under_200_megabytes(ready, free, status):
    line = by_key(run_self_test(ready, devices=lambda: DEVICES, now_free=lambda _folder: free))["disk"]
    assert line.status is status


def test_a_laptop_without_a_station_passes_with_warnings_and_writes_nothing(tmp_path):
    folder = tmp_path / "chưa có" / "dữ liệu"
    results = run_self_test(folder, devices=lambda: DEVICES)
    assert not failed(results)
    lines = by_key(results)
    assert lines["database"].status is CheckStatus.OK
    assert lines["office_bundle"].status is CheckStatus.WARN and "thiết lập" in lines["office_bundle"].line
    assert not folder.parent.exists()


def test_a_corrupt_database_fails_with_what_to_do(ctx, data_dir):
    ctx.close()
    (data_dir / DB_FILE_NAME).write_bytes(b"not a database at all" * 200)
    line = by_key(run_self_test(data_dir, devices=lambda: DEVICES))["database"]
    assert line.status is CheckStatus.FAIL and "backups" in line.line


def test_a_missing_station_key_fails_with_what_to_do(ready):
    (ready / "keys" / "station-ed25519.pem").unlink()
    line = by_key(run_self_test(ready, devices=lambda: DEVICES))["station_key"]
    assert line.status is CheckStatus.FAIL and "keys" in line.line


def test_the_log_names_checks_and_outcomes_only(ready, caplog):
    caplog.set_level(logging.INFO)
    run_self_test(ready, devices=lambda: DEVICES)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "database=ok" in logged
    for private in ("TTKSBT", "Lò Văn Đức", "Mường Kim", "USB2.0", "Canon", "Khám sức khỏe", str(ready)):
        assert private not in logged


def test_a_clock_reset_by_a_flat_battery_fails_saying_to_set_it(ready):
    line = by_key(run_self_test(ready, devices=lambda: DEVICES,
                                now=lambda: dt.datetime(2019, 1, 1, 0, 3, tzinfo=VIETNAM)))["clock"]
    assert line.status is CheckStatus.FAIL
    assert "01/01/2019 00:03" in line.line and "đặt lại ngày giờ" in line.line and "pin CMOS" in line.line


def test_a_clock_behind_the_stations_last_record_fails(ready):
    an_hour_ago = vietnam_now() - dt.timedelta(hours=1)  # the roster was registered just now
    results = run_self_test(ready, devices=lambda: DEVICES, now=lambda: an_hour_ago)
    line = by_key(results)["clock"]
    assert line.status is CheckStatus.FAIL and failed(results)
    assert f"{an_hour_ago:%d/%m/%Y %H:%M}" in line.line and "chậm hơn lần ghi dữ liệu gần nhất" in line.line


def test_a_time_zone_other_than_vietnams_is_a_warning_naming_the_zone_to_choose(ready):
    utc_now = dt.datetime.now(dt.UTC)
    results = run_self_test(ready, devices=lambda: DEVICES, now=lambda: utc_now)
    line = by_key(results)["clock"]
    assert line.status is CheckStatus.WARN and not failed(results)
    assert "UTC+00:00" in line.line and "Asia/Ho_Chi_Minh" in line.line and "Bangkok, Hanoi" in line.line


def test_a_station_without_its_roster_is_told_where_to_import_it(ctx, data_dir):
    line = by_key(run_self_test(data_dir, devices=lambda: DEVICES, now=vietnam_now))["roster"]
    assert line.status is CheckStatus.WARN and "Nhập danh sách người dân" in line.line


def test_the_devices_are_listed_once_for_the_camera_com_port_and_printer_lines(ready):
    calls = []
    results = by_key(run_self_test(ready, devices=lambda: calls.append(1) or DEVICES))
    assert {"cameras", "serial_ports", "printer"} <= set(results) and calls == [1]
