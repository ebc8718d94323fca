"""One helper for work that can take more than a moment: it runs off the GUI thread and reports back by signal.

Threading contract: ``submit`` is called on the GUI thread; the function runs on a worker thread and must not
touch widgets; ``on_done``/``on_error`` and progress updates are delivered on the GUI thread. Database work
goes through the ``db`` lane, one job at a time (SQLite has one writer); CPU work (decoding, PDFs, signing)
goes through the ``cpu`` pool.
"""
from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
SHOW_PROGRESS_AFTER_MS = 400


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit, Qt queues the call back to the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], relay: _Relay, wants_progress: bool) -> None:
        super().__init__()
        self._fn, self._args, self._relay, self._wants_progress = fn, args, relay, wants_progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            kwargs = {"progress": self._relay.progressed.emit} if self._wants_progress else {}
            result = self._fn(*self._args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class TaskRunner(QObject):
    """Runs jobs in the background; shows a progress dialog for the ones that last."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_lane = QThreadPool(self)
        self._db_lane.setMaxThreadCount(1)
        self._cpu_pool = QThreadPool(self)
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def submit(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, lane: str = "db",
               progress_text: str | None = None, parent: QWidget | None = None) -> None:
        """Run ``fn(*args)`` (plus ``progress=callback(done, total)`` if it takes one) in the background."""
        relay = _Relay(self)  # owned by the runner, so it outlives the worker's last emission
        dialog = _progress_dialog(parent, progress_text) if progress_text else None
        wants_progress = "progress" in inspect.signature(fn).parameters

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            if not self._relays:
                self.busy_changed.emit(False)
            if callback is not None:
                callback(value)

        def failed(exc: BaseException) -> None:
            from station_app.ui.errors import show_error

            finish(on_error or (lambda e: show_error(parent, e)), exc)

        relay.finished.connect(lambda value: finish(on_done, value), Qt.ConnectionType.QueuedConnection)
        relay.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        if dialog is not None:
            relay.progressed.connect(lambda done, total: _advance(dialog, done, total),
                                     Qt.ConnectionType.QueuedConnection)
        if not self._relays:
            self.busy_changed.emit(True)
        self._relays.add(relay)
        pool = self._db_lane if lane == "db" else self._cpu_pool
        pool.start(_Job(fn, args, relay, wants_progress))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every job has run (for shutting down and for tests)."""
        return self._db_lane.waitForDone(msecs) and self._cpu_pool.waitForDone(msecs)


def _progress_dialog(parent: QWidget | None, text: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)  # Qt starts the minimum-duration timer itself; nothing shows for quick jobs
    return dialog


def _advance(dialog: QProgressDialog, done: int, total: int) -> None:
    if total > 0 and dialog.maximum() != total:
        dialog.setMaximum(total)
    dialog.setValue(min(done, total))
