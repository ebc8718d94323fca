"""`station-app self-test` in a child process, as the IT person runs it before a laptop goes to a site."""
from __future__ import annotations

from batch_support import office_keys
from cli_support import init_station, run_cli


def test_self_test_of_a_ready_station_reports_every_line_and_exits_0(tmp_path):
    data = tmp_path / "dữ liệu"
    assert init_station(data).returncode == 0
    bundle = office_keys(tmp_path / "office").bundle_path
    assert run_cli("export", "--office-bundle", str(bundle), data_dir=data).returncode == 0
    done = run_cli("self-test", "--data-dir", str(data))
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("Cơ sở dữ liệu", "Phông chữ tiếng Việt", "Đọc mã QR", "In ra tệp PDF", "Chữ ký số",
                 "Mã hoá dữ liệu", "Camera", "Cổng COM", "Dung lượng ổ đĩa", "Gói khoá", "Khoá của trạm"):
        assert name in done.stdout
    assert "[ LỖI  ]" not in done.stdout and "KẾT QUẢ" in done.stdout
    assert "Traceback" not in done.stderr


def test_self_test_before_set_up_passes_with_what_to_do_and_creates_nothing(tmp_path):
    data = tmp_path / "mới"
    done = run_cli("self-test", data_dir=data)  # --data-dir before the command works too
    assert done.returncode == 0, done.stdout + done.stderr
    assert "chưa được thiết lập" in done.stdout and "station-app init" in done.stdout
    assert not data.exists()


def test_self_test_exits_1_when_a_check_fails(tmp_path):
    data = tmp_path / "hỏng"
    data.mkdir()
    (data / "station.sqlite3").write_bytes(b"not a database" * 300)
    done = run_cli("self-test", "--data-dir", str(data))
    assert done.returncode == 1
    assert "[ LỖI  ] Cơ sở dữ liệu" in done.stdout and "backups" in done.stdout
