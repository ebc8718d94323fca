"""Background jobs from the pages' side: a typed operation reports back to its page, and a page or dialog closed
while its job ran gets nothing back (no crash on a deleted widget, no message over a window that is gone)."""
from __future__ import annotations

import functools
import threading

import shiboken6
from PySide6.QtWidgets import QLabel, QWidget

from station_app.ui.tasks import Operation, TaskRunner


def _slow(gate: threading.Event, value: str) -> str:
    gate.wait(10)
    return value


def _fails(gate: threading.Event) -> str:
    gate.wait(10)
    raise ValueError("hỏng")


def _counts(*, upto: int, progress) -> int:
    for done in range(1, upto + 1):
        progress(done, upto)
    return upto


def test_an_operation_reports_its_result_to_a_page_that_is_still_open(qtbot, tasks):
    page, shown = QLabel(), []
    qtbot.addWidget(page)
    gate = threading.Event()
    tasks.run(Operation(functools.partial(_slow, gate, value="Lò Văn A")), parent=page, on_done=shown.append)
    gate.set()
    qtbot.waitUntil(lambda: shown == ["Lò Văn A"], timeout=5_000)


def test_a_page_closed_while_its_job_ran_gets_neither_the_result_nor_the_error(qtbot, tasks):
    results: list[object] = []
    for job in (functools.partial(_slow, value="x"), _fails):
        page = QWidget()
        gate = threading.Event()
        tasks.run(Operation(functools.partial(job, gate)), parent=page,
                  on_done=results.append, on_error=results.append)
        page.deleteLater()
        qtbot.waitUntil(lambda page=page: not shiboken6.isValid(page), timeout=5_000)
        gate.set()
        assert tasks.wait(5_000)
        qtbot.wait(50)  # the queued "done" is delivered on the GUI thread
    assert results == []
    assert not tasks.busy  # the runner still counts the jobs as finished


def test_the_default_error_message_is_not_shown_over_a_closed_window(qtbot, tasks, monkeypatch):
    from station_app.ui import errors

    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, exc: shown.append(exc))
    page, gate = QWidget(), threading.Event()
    tasks.run(Operation(functools.partial(_fails, gate)), parent=page)
    page.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(page), timeout=5_000)
    gate.set()
    assert tasks.wait(5_000)
    qtbot.wait(50)
    assert shown == []
    alive, gate = QWidget(), threading.Event()
    qtbot.addWidget(alive)
    tasks.run(Operation(functools.partial(_fails, gate)), parent=alive)
    gate.set()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5_000)
    assert isinstance(shown[0], ValueError)


def test_an_operation_bound_by_keyword_still_gets_its_progress_callback(qtbot, tasks):
    page, done = QWidget(), []
    qtbot.addWidget(page)
    tasks.run(Operation(functools.partial(_counts, upto=3), lane="cpu", progress_text="Đang đếm…"), parent=page,
              on_done=done.append)
    qtbot.waitUntil(lambda: done == [3], timeout=5_000)


def test_the_runner_is_usable_without_a_parent_for_jobs_nobody_waits_on(qtbot):
    runner, done = TaskRunner(), []
    runner.run(Operation(lambda: 7), parent=None, on_done=done.append)
    qtbot.waitUntil(lambda: done == [7], timeout=5_000)


def test_a_picture_still_decoding_when_its_reader_is_deleted_reports_nothing(qtbot, tasks, monkeypatch):
    """A nurse signs out while a pasted picture is decoded: the reader is gone, and no signal is sent from it (a
    deleted QObject would raise 'Internal C++ object already deleted' into the error dialog)."""
    from station_app.ui.scanning import image_input, operations

    gate = threading.Event()
    monkeypatch.setattr(operations, "decode_image", lambda picture: gate.wait(10) and ["001099012345||A|01012000"])
    reader = image_input.ImageInput(tasks)
    heard: list[object] = []
    reader.scanned.connect(heard.append)
    reader.failed.connect(heard.append)
    reader._submit("ảnh.png")  # noqa: SLF001 - what opening or pasting a picture calls
    reader.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(reader), timeout=5_000)
    gate.set()
    assert tasks.wait(5_000)
    qtbot.wait(50)
    assert heard == []
