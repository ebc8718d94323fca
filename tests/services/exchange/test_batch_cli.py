"""`station-app export` as IT staff script it: the office's bundle and the station's public key, then batches
written to a folder with the file and the counts printed, and Vietnamese messages when something is missing."""
from station_app.app import open_context
from station_app.core.model import Role
from station_app.services.common.accounts import SignedInUser
from support.batch import office_keys, open_visit
from support.cli import ADMIN, init_station, run_as, run_cli


def test_export_from_the_command_line(data_dir, tmp_path):
    assert init_station(data_dir).returncode == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    refused = run_as(ADMIN, "export", "--to", str(usb), data_dir=data_dir)
    assert refused.returncode == 1 and "Chưa có khoá của đơn vị nhận" in refused.stderr
    assert "Traceback" not in refused.stderr

    office = office_keys(tmp_path / "office")
    pem = tmp_path / "station.pub.pem"
    keys = run_as(ADMIN, "export", "--office-bundle", str(office.bundle_path), "--public-key", str(pem), data_dir=data_dir)
    assert keys.returncode == 0, keys.stderr
    assert "TTKSBT tỉnh Lai Châu" in keys.stdout and "key_id" in keys.stdout
    assert pem.read_text().startswith("-----BEGIN PUBLIC KEY-----")

    ctx = open_context(data_dir)
    admin = ctx.accounts.sign_in("admin", "quantri-2026")
    open_visit(ctx, SignedInUser(admin.id, admin.username, admin.full_name, Role.ADMIN))
    ctx.close()
    assert "2 thay đổi" in run_as(ADMIN, "export", data_dir=data_dir).stdout

    made = run_as(ADMIN, "export", "--to", str(usb), data_dir=data_dir)
    assert made.returncode == 0, made.stderr
    assert f"Đã tạo lô số 1: {usb / 'TYT-MK-000001.batch'}" in made.stdout
    assert "1 người dân, 1 lượt khám" in made.stdout and (usb / "TYT-MK-000001.batch").exists()

    again = run_as(ADMIN, "export", "--to", str(usb), data_dir=data_dir)
    assert again.returncode == 0 and "Không có thay đổi mới" in again.stdout
    assert "Ghi lại lô chưa được xác nhận" in again.stdout

    nowhere = run_as(ADMIN, "export", "--to", str(tmp_path / "không có"), data_dir=data_dir)
    assert nowhere.returncode == 1 and "Không ghi được vào thư mục" in nowhere.stderr
