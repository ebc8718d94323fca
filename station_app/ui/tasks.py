"""One helper for work that can take more than a moment: it runs off the GUI thread and reports back by signal.

Pages run their use cases as typed operations (``Operation[T]``, made by small keyword-only factories in each
page's ``operations`` module) with ``tasks.run(operation, parent=page, on_done=...)``. Threading contract: ``run``
is called on the GUI thread; the function runs on a worker thread and must not touch
widgets; ``on_done``/``on_error`` and progress updates are delivered on the GUI thread, and dropped if the
``parent`` widget was deleted meanwhile (a page or dialog closed while its job ran). Database work goes through
the ``db`` lane, one job at a time (SQLite has one writer); CPU work (decoding, PDFs, signing) goes through the
``cpu`` pool.
"""
from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
SHOW_PROGRESS_AFTER_MS = 400
T = TypeVar("T")
Lane = Literal["db", "cpu"]


@dataclass(frozen=True, slots=True)
class Operation(Generic[T]):
    """One use case to run in the background: ``call()`` returns a ``T`` (it may take ``progress=``).

    Made by a page's factory with every argument bound by keyword (``functools.partial`` keeps the
    ``progress`` parameter visible), so a call site reads as one line per use case.
    """

    call: Callable[..., T]
    lane: Lane = "db"
    progress_text: str | None = None


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit, Qt queues the call back to the GUI thread.

    A relay is connected once, when made, and then reused job after job (``job`` holds the current job's
    callbacks); it is never disconnected or deleted while its runner lives. The worker leaves its outcome in
    ``outcome`` and emits ``done`` with no argument: no Python object travels through a queued signal. Both
    rules come from crashes seen with PySide6 6.12 (deleting relays after each job; an exception object passed
    through a queued signal, freed before the GUI thread read it).
    """

    done = Signal()
    progressed = Signal(int, int)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.job: _Callbacks | None = None
        self.outcome: tuple[bool, Any] | None = None  # (succeeded, result or exception), set by the worker


class _Callbacks:
    __slots__ = ("on_done", "on_error", "dialog", "parent")

    def __init__(self, on_done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None],
                 dialog: QProgressDialog | None, parent: QObject | None) -> None:
        self.on_done, self.on_error, self.dialog, self.parent = on_done, on_error, dialog, parent

    def parent_gone(self) -> bool:
        return self.parent is not None and not shiboken6.isValid(self.parent)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, wants_progress: bool) -> None:
        super().__init__()
        self._fn, self._relay, self._wants_progress = fn, relay, wants_progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            kwargs = {"progress": self._relay.progressed.emit} if self._wants_progress else {}
            self._relay.outcome = (True, self._fn(**kwargs))
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self._relay.outcome = (False, exc)
        self._relay.done.emit()


class TaskRunner(QObject):
    """Runs jobs in the background; shows a progress dialog for the ones that last."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        from station_app.ui import gui_collector

        super().__init__(parent)
        gui_collector.install()  # cycles are collected on the GUI thread only, never in a worker (see there)
        self._db_lane = QThreadPool(self)
        self._db_lane.setMaxThreadCount(1)
        self._cpu_pool = QThreadPool(self)
        self._busy: set[_Relay] = set()
        self._idle: list[_Relay] = []

    @property
    def busy(self) -> bool:
        return bool(self._busy)

    def run(self, operation: Operation[T], *, parent: QObject | None, on_done: Callable[[T], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run ``operation`` in the background (with ``progress=callback(done, total)`` if its call takes one);
        ``on_done(result)`` or ``on_error(exc)`` (default: a message over ``parent``) follow on the GUI thread,
        dropped if ``parent`` (a widget, or a QObject such as a watcher) is deleted before the job ends. Dialogs
        (progress, the default error message) open over ``parent`` when it is a widget."""
        relay = self._idle.pop() if self._idle else self._new_relay()
        window = parent if isinstance(parent, QWidget) else None
        dialog = _progress_dialog(window, operation.progress_text) if operation.progress_text else None
        relay.job = _Callbacks(on_done, on_error or (lambda exc: _show_error(window, exc)), dialog, parent)
        wants_progress = "progress" in inspect.signature(operation.call).parameters
        if not self._busy:
            self.busy_changed.emit(True)
        self._busy.add(relay)
        pool = self._db_lane if operation.lane == "db" else self._cpu_pool
        pool.start(_Job(operation.call, relay, wants_progress))

    def _new_relay(self) -> _Relay:
        from PySide6.QtCore import Qt  # not at the top: Qt's enums cost ~20 ms, kept off the first paint

        relay = _Relay(self)
        queued = Qt.ConnectionType.QueuedConnection
        relay.done.connect(lambda: self._finish(relay), queued)
        relay.progressed.connect(lambda done, total: _advance(relay.job, done, total), queued)
        return relay

    def _finish(self, relay: _Relay) -> None:
        job, relay.job = relay.job, None
        (succeeded, value), relay.outcome = relay.outcome or (False, RuntimeError("no outcome")), None
        self._busy.discard(relay)
        self._idle.append(relay)  # the worker emitted its last signal: nothing more is queued for this job
        if job is not None and job.dialog is not None and shiboken6.isValid(job.dialog):
            job.dialog.close()
            job.dialog.deleteLater()
        if not self._busy:
            self.busy_changed.emit(False)
        if job is None or job.parent_gone():
            if job is not None:
                log.debug("a background job ended after its window closed; its result is dropped")
            return
        callback = job.on_done if succeeded else job.on_error
        if callback is not None:
            callback(value)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every job has run (for shutting down and for tests)."""
        return self._db_lane.waitForDone(msecs) and self._cpu_pool.waitForDone(msecs)


def _show_error(parent: QWidget | None, exc: BaseException) -> None:
    from station_app.ui.errors import show_error

    show_error(parent, exc)


def _progress_dialog(parent: QWidget | None, text: str) -> QProgressDialog:
    from PySide6.QtCore import Qt

    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)  # Qt starts the minimum-duration timer itself; nothing shows for quick jobs
    return dialog


def _advance(job: _Callbacks | None, done: int, total: int) -> None:
    dialog = job.dialog if job is not None else None
    if dialog is None or not shiboken6.isValid(dialog):
        return
    if total > 0 and dialog.maximum() != total:
        dialog.setMaximum(total)
    dialog.setValue(min(done, total))
