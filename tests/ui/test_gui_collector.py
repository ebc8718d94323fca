"""Garbage made by background jobs is collected on the GUI thread, never in a worker (a PySide6 crash otherwise)."""
from __future__ import annotations

import gc
import threading

from station_app.ui.tasks import Operation, TaskRunner


class Cyclic:
    """An object in a reference cycle that notes the thread its finaliser ran on."""

    seen: list[int] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cyclic.seen.append(threading.get_ident())


def make_cycles() -> int:
    for _ in range(5_000):  # far past the first generation's threshold (700): a worker would collect them itself
        Cyclic()
    return threading.get_ident()


def test_cycles_made_in_background_jobs_are_freed_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    Cyclic.seen.clear()
    workers = []
    for lane in ("db", "cpu"):
        runner.run(Operation(make_cycles, lane=lane), parent=None, on_done=workers.append)
    qtbot.waitUntil(lambda: len(workers) == 2 and len(Cyclic.seen) >= 10_000, timeout=15_000)
    assert threading.main_thread().ident not in workers  # the jobs did run in workers
    assert set(Cyclic.seen) == {threading.main_thread().ident}
    assert not gc.isenabled()
