"""`station-app office import` on the command line: what an office worker mistypes is said, not quarantined."""
from __future__ import annotations

from station_app import cli


def test_a_path_that_does_not_exist_is_named_and_nothing_is_imported_or_quarantined(tmp_path, capsys):
    office = tmp_path / "office"
    assert cli.main(["office", "init", "--dir", str(office)]) == 0
    capsys.readouterr()
    assert cli.main(["office", "import", "--dir", str(office), str(tmp_path / "E:" / "TYT-MK-000001.batch")]) == 2
    err = capsys.readouterr().err
    assert "Không tìm thấy" in err and "TYT-MK-000001.batch" in err and "ổ USB" in err
    assert not (office / "quarantine").exists()


def test_a_damaged_file_is_quarantined_with_where_its_copy_is(tmp_path, capsys):
    office = tmp_path / "office"
    assert cli.main(["office", "init", "--dir", str(office)]) == 0
    damaged = tmp_path / "usb" / "TYT-MK-000001.batch"
    damaged.parent.mkdir()
    damaged.write_bytes(b"not a zip")
    capsys.readouterr()
    assert cli.main(["office", "import", "--dir", str(office), str(damaged.parent)]) == 1
    out = capsys.readouterr().out
    assert "TYT-MK-000001.batch: bị cách ly" in out and f"bản sao: {office / 'quarantine'}" in out
    assert "None" not in out
