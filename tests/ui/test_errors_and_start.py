"""Unexpected errors reach one dialog naming the log; starting on a bad data folder says what to do."""
from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from PySide6.QtWidgets import QMessageBox

from station_app.app import open_station
from station_app.core.errors import WrongCredentialsError
from station_app.ui import errors, main
from station_app.ui.tasks import Operation, TaskRunner


@pytest.fixture
def boxes(monkeypatch):
    shown: list[tuple[str, str]] = []
    for kind in ("critical", "warning"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, text, *a, _k=kind, **kw: shown.append((_k, text))))
    return shown


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot, app):
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def job(progress):
        seen["worker"] = threading.current_thread() is threading.main_thread()
        progress(1, 1)
        return 42

    runner.run(Operation(job), parent=None, on_done=lambda v: seen.update(result=v, gui=threading.current_thread() is threading.main_thread()))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker": False, "result": 42, "gui": True}


def test_an_unexpected_error_is_logged_and_shown_with_the_log_path(qtbot, app, ctx, boxes):
    errors.set_log_file(ctx.log_file)
    runner = TaskRunner()

    def broken():
        raise RuntimeError("boom in a worker")

    runner.run(Operation(broken), parent=None)
    qtbot.waitUntil(lambda: bool(boxes))
    kind, text = boxes[0]
    assert kind == "critical" and str(ctx.log_file) in text and "boom" not in text
    assert "boom in a worker" in ctx.log_file.read_text(encoding="utf-8")


def test_an_expected_error_becomes_a_sentence(qtbot, app, boxes):
    errors.show_error(None, WrongCredentialsError())
    assert boxes == [("warning", WrongCredentialsError().message())]


def test_opening_a_corrupt_database_shows_a_message_and_keeps_the_file(app, data_dir, boxes):
    db = data_dir / "station.sqlite3"
    db.write_bytes(b"garbage" * 200)
    assert main.run(data_dir, open_station) == 1
    assert "bị hỏng" in boxes[0][1] and db.read_bytes() == b"garbage" * 200


def test_a_second_copy_of_the_app_is_told_to_use_the_first(app, data_dir, boxes):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from station_app.app import InstanceLock;"
         "lock = InstanceLock(Path(sys.argv[1])); lock.acquire(); print('held', flush=True); time.sleep(60)",
         str(data_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert main.run(data_dir, open_station) == 1
    finally:
        holder.kill()
        holder.wait()
    assert "đang mở" in boxes[0][1]


def test_a_long_job_shows_progress_and_a_quick_one_does_not(qtbot, app):
    from PySide6.QtWidgets import QProgressDialog, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner()
    done: list[str] = []

    def slow(progress):
        for i in range(10):
            progress(i, 10)
            time.sleep(0.12)
        return "xong"

    runner.run(Operation(slow, progress_text="Đang kiểm tra nhật ký…"), parent=parent, on_done=done.append)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=3000)
    dialog = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()][0]
    assert dialog.labelText() == "Đang kiểm tra nhật ký…"
    qtbot.waitUntil(lambda: done == ["xong"], timeout=5000)
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))  # closed when the job ended
    runner.run(Operation(lambda: "nhanh", progress_text="Nhanh"), parent=parent, on_done=done.append)
    qtbot.waitUntil(lambda: done[-1] == "nhanh")
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))


def test_opening_a_zero_byte_database_says_damaged_and_never_shows_the_first_run_wizard(app, data_dir, boxes):
    db = data_dir / "station.sqlite3"
    db.write_bytes(b"")
    assert main.run(data_dir, open_station) == 1
    assert "bị hỏng" in boxes[0][1] and "khôi phục từ bản sao lưu" in boxes[0][1]
    assert db.read_bytes() == b""


def test_a_full_disk_in_any_background_job_is_a_warning_saying_so_not_the_unexpected_error(qtbot, app, ctx, boxes,
                                                                                           caplog):
    import errno
    import logging

    errors.set_log_file(ctx.log_file)

    def saving():
        raise OSError(errno.ENOSPC, "No space left on device")

    with caplog.at_level(logging.INFO):
        TaskRunner().run(Operation(saving), parent=None)
        qtbot.waitUntil(lambda: bool(boxes))
    kind, text = boxes[0]
    assert kind == "warning" and "Ổ đĩa đã đầy" in text and "giải phóng chỗ trống" in text
    assert not [r for r in caplog.records if r.exc_info]
