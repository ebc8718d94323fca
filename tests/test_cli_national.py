"""`station-app office national receipts`: the office writes a station's national receipt for the stick, and the
station's `receipts import` takes it with the batch receipts."""
from __future__ import annotations

import datetime as dt

from support.national_receipts import record, visits

from station_app import cli
from station_app.core.model import Role
from station_app.services.station.national_states import NationalStates, national_text


def test_the_office_writes_the_national_receipt_and_the_station_imports_it(
        station, nurse, admin, office, data_dir, tmp_path, capsys, monkeypatch):
    station.accounts.add_user(admin, "dieu.phoi", full_name="Lò Văn Thắng", role=Role.COORDINATOR,
                              password="dieuphoi-26")
    [visit] = visits(station, nurse, 1)
    record(office, visit, state="refused", at=dt.datetime(2026, 12, 7, 3, 15), res_msg="Sai mã CSKCB")
    usb = tmp_path / "usb"

    assert cli.main(["office", "national", "receipts", "--dir", str(office.folder), "--station", "TYT-MK",
                     "--out", str(usb)]) == 0
    assert f"{usb / 'TYT-MK.national.json'}" in capsys.readouterr().out

    monkeypatch.setenv("MAT_KHAU", "dieuphoi-26")
    assert cli.main(["--data-dir", str(data_dir), "receipts", "import", "--user", "dieu.phoi",
                     "--password-env", "MAT_KHAU", str(usb)]) == 0
    assert "TYT-MK.national.json: trạng thái liên thông của 1 lượt khám được cập nhật" in capsys.readouterr().out
    status = NationalStates(station.db, data_dir).of_visit(visit)
    assert national_text(status) == "Bị từ chối: Sai mã CSKCB — cần sửa rồi ký lại"


def test_a_station_the_office_does_not_know_is_named_with_what_to_do(office, tmp_path, capsys):
    assert cli.main(["office", "national", "receipts", "--dir", str(office.folder), "--station", "TYT-LA",
                     "--out", str(tmp_path / "usb")]) == 1
    err = capsys.readouterr().err
    assert "chưa đăng ký trạm TYT-LA" in err and "office stations list" in err
    assert not (tmp_path / "usb").exists()
