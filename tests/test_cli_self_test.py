"""`station-app self-test` in a child process, as the IT person runs it before a laptop goes to a site."""
from __future__ import annotations

from support.batch import office_keys
from support.cli import ADMIN, init_station, run_as, run_cli


def test_self_test_of_a_ready_station_reports_every_line_and_exits_0(tmp_path):
    data = tmp_path / "dữ liệu"
    assert init_station(data).returncode == 0
    bundle = office_keys(tmp_path / "office").bundle_path
    assert run_as(ADMIN, "export", "--office-bundle", str(bundle), data_dir=data).returncode == 0
    done = run_cli("self-test", "--data-dir", str(data))
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("Cơ sở dữ liệu", "Phông chữ tiếng Việt", "Đọc mã QR", "In ra tệp PDF", "Chữ ký số",
                 "Mã hoá dữ liệu", "Camera", "Cổng COM", "Máy in", "Dung lượng ổ đĩa", "Đợt khám", "Gói khoá",
                 "Khoá của trạm", "Nhật ký kiểm tra"):
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


def test_pause_keeps_a_terminal_window_open_until_enter_and_never_waits_without_one(tmp_path):
    """The menu entry "Kiểm tra máy" runs `self-test --pause` in a terminal window, which would close as soon as the
    report is printed; scripts and pipes must never be kept waiting."""
    import os
    import pty
    import select
    import subprocess
    import sys
    import time

    data = tmp_path / "mới"
    piped = run_cli("self-test", "--pause", data_dir=data)
    assert piped.returncode == 0 and "Bấm Enter" not in piped.stdout

    master, slave = pty.openpty()
    child = subprocess.Popen([sys.executable, "-m", "station_app", "--data-dir", str(data), "self-test", "--pause"],
                             stdin=slave, stdout=slave, stderr=subprocess.DEVNULL,
                             env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    os.close(slave)
    shown, deadline = b"", time.monotonic() + 120
    try:
        while "Bấm Enter".encode() not in shown and time.monotonic() < deadline:
            if select.select([master], [], [], 1)[0]:
                shown += os.read(master, 65536)
        assert "KẾT QUẢ".encode() in shown and "Bấm Enter".encode() in shown
        time.sleep(0.5)
        assert child.poll() is None  # still open, waiting for the reader
        os.write(master, b"\n")
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)


def test_the_report_saved_from_a_console_in_a_code_page_without_vietnamese_letters_is_whole(tmp_path):
    """An IT person on Windows runs `station-app-cli self-test > may.txt`: Python writes redirected output in the
    ANSI code page (cp1252, or cp1258 on a Vietnamese Windows), which has no "ạ" or "ể". The command crashed
    ("Lỗi ngoài dự kiến") on the first Vietnamese line; the file must now hold the whole report, in UTF-8."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "station_app", "--data-dir", str(tmp_path / "trạm"), "self-test"],
                          capture_output=True, env=env, timeout=120)
    out = done.stdout.decode("utf-8")
    assert "Lỗi ngoài dự kiến" not in done.stderr.decode("utf-8")
    assert "Cơ sở dữ liệu" in out and "Phông chữ tiếng Việt" in out, out
