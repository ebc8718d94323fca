"""Sending batches to the office over the network: ``UploadRunner`` drives ``services.station.upload`` one step at a
time through the ``TaskRunner``: the database steps (make a batch, read its stored bytes, record the answer) on the
database lane, the HTTP request on the CPU pool (a request may take its whole timeout on a bad link, and the database
lane must stay free for the other pages), and the waits between tries on GUI-thread timers, so that Cancel stops a
wait at once. It never gives up by itself: the waits grow to five minutes and the sending goes on until every batch
is through, Cancel, or sign-out. The main window keeps one runner per session, whoever signs in (a nurse's morning
session sends what waited since a network cut the evening before), and hands it to the export page's upload panel;
the panel alone makes its own. Its signals carry no arguments; the panel reads the runner's state.

The runner is the parent of its jobs, not the panel: a sending goes on whichever page is shown, and its steps'
callbacks are dropped only once the runner itself is deleted (at sign-out, or with the panel that made its own).
"""
from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from station_app.ui.pages.export import operations as ops
from station_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.national_states import NationalApplied
    from station_app.services.station.upload import Backoff, NationalRequest, Outgoing, SendOutcome
    from station_app.ui.context import StationContext
    from station_app.ui.pages.export.operations import Begun

log = logging.getLogger(__name__)
IDLE, PREPARING, SENDING, WAITING, STOPPING = "idle", "preparing", "sending", "waiting", "stopping"


class UploadRunner(QObject):
    """One sending at a time; ``changed`` after every step, ``batch_done`` when a batch's state changed in the
    database, ``finished`` at the end (all through, cancelled, or stopped by an error kept in ``error``)."""

    changed = Signal()
    batch_done = Signal()
    finished = Signal()
    national_done = Signal()  # the office's national receipt taken (``national``) or not (``national_error``)

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None, parent: QObject,
                 backoff: Backoff | None = None) -> None:
        super().__init__(parent)
        from station_app.services.station.upload import Backoff

        self._ctx, self._tasks, self._user = ctx, tasks, user
        self.backoff = backoff or Backoff()
        self.state = IDLE
        self._begun: Begun | None = None
        self.queue: list[int] = []
        self.total = 0
        self.current: int | None = None
        self.outcomes: list[SendOutcome] = []
        self.error: BaseException | None = None  # the transient error being waited out, or the one that stopped it
        self.made: int | None = None
        self.cancelled = False
        self.national: NationalApplied | None = None
        self.national_error: BaseException | None = None
        self.seconds_left = 0
        self._attempts = 0
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._next)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._count_down)

    @property
    def running(self) -> bool:
        return self.state != IDLE

    @property
    def done(self) -> int:
        return self.total - len(self.queue)

    def start(self, make_new: bool = True) -> None:
        if self.running:
            return
        self.state, self.cancelled, self.error, self.outcomes, self.made = PREPARING, False, None, [], None
        self.national = self.national_error = None
        self.queue, self.total, self.current, self._attempts = [], 0, None, 0
        self.changed.emit()
        self._tasks.run(ops.begin_sending(self._ctx, user=self._user, make_new=make_new), parent=self,
                        on_done=self._begun_done, on_error=self._stop)

    def resume_if_waiting(self) -> None:
        """Start in the background if an address is known and batches wait (after a restart, at sign-in)."""
        self._tasks.run(ops.should_resume(self._ctx), parent=self, on_done=self._maybe_resume,
                        on_error=lambda exc: log.info("upload resume not checked: %s", type(exc).__name__))

    def cancel(self) -> None:
        if not self.running:
            return
        self.cancelled = True
        if self.state == WAITING:
            self._retry.stop()
            self._finish()
            return
        self.state = STOPPING  # the step under way ends first: its answer is recorded
        self.changed.emit()

    # -- steps --------------------------------------------------------------------------------------------------
    def _maybe_resume(self, waiting: bool) -> None:
        if waiting and not self.running:
            log.info("upload: resuming in the background")
            self.start(make_new=False)

    def _begun_done(self, begun: Begun) -> None:
        self._begun, self.made = begun, begun.made
        self.queue, self.total = list(begun.queue), len(begun.queue)
        if begun.made is not None:
            self.batch_done.emit()
        self._next()

    def _next(self) -> None:
        self._tick.stop()
        if self.cancelled or not self.queue:
            self._finish()
            return
        assert self._begun is not None
        self.state, self.current = SENDING, self.queue[0]
        self.changed.emit()
        self._tasks.run(ops.prepare_batch(self._begun.service, sequence=self.current, target=self._begun.target),
                        parent=self, on_done=self._transmit, on_error=self._stop)

    def _transmit(self, outgoing: Outgoing) -> None:
        assert self._begun is not None
        self._tasks.run(ops.transmit(self._begun.service, outgoing=outgoing), parent=self,
                        on_done=lambda answer: self._record(outgoing, answer),
                        on_error=self._stop)

    def _record(self, outgoing: Outgoing, answer: Any) -> None:
        assert self._begun is not None
        self._tasks.run(ops.record_answer(self._begun.service, outgoing=outgoing, answer=answer), parent=self,
                        on_done=self._recorded, on_error=self._failed_try)

    def _recorded(self, outcome: SendOutcome) -> None:
        self.outcomes.append(outcome)
        self.queue.pop(0)
        self._attempts, self.error = 0, None
        self.batch_done.emit()
        self._next()

    def _failed_try(self, exc: BaseException) -> None:
        from station_app.services.station.upload import is_transient, retry_delay

        if not is_transient(exc) or self.cancelled:
            self._stop(exc if not self.cancelled else None)
            return
        delay = retry_delay(self.backoff, self._attempts, exc=exc)
        self._attempts += 1
        self.state, self.error, self.seconds_left = WAITING, exc, math.ceil(delay)
        log.info("upload: batch %s, %s, retry %d in %.0f s", self.current, type(exc).__name__, self._attempts, delay)
        self._retry.start(int(delay * 1000))
        self._tick.start()
        self.changed.emit()

    def _count_down(self) -> None:
        self.seconds_left = max(0, self.seconds_left - 1)
        self.changed.emit()

    def _stop(self, exc: BaseException | None) -> None:
        self.error = exc
        self._finish()

    def _finish(self) -> None:
        self._tick.stop()
        self.state, self.current = IDLE, None
        log.info("upload: %d of %d batches answered%s", len(self.outcomes), self.total,
                 ", cancelled" if self.cancelled else "")
        self.changed.emit()
        self.finished.emit()
        if not self.cancelled and self.error is None and self._begun is not None:
            self._ask_national()

    # -- the national states, after a sending (docs/batch-format.md, section 8) -----------------------------------
    def _ask_national(self) -> None:
        """The office's national receipt for this station: proof (database lane), request (CPU pool), apply
        (database lane). A failure is only shown: the states come again with the next sending."""
        assert self._begun is not None
        self._tasks.run(ops.national_request(self._begun.service, target=self._begun.target), parent=self,
                        on_done=self._fetch_national, on_error=self._national_failed)

    def _fetch_national(self, request: NationalRequest) -> None:
        assert self._begun is not None
        self._tasks.run(ops.fetch_national(self._begun.service, request=request), parent=self,
                        on_done=self._apply_national, on_error=self._national_failed)

    def _apply_national(self, data: bytes) -> None:
        assert self._begun is not None
        self._tasks.run(ops.apply_national(self._begun.service, data=data), parent=self,
                        on_done=self._national_applied, on_error=self._national_failed)

    def _national_applied(self, applied: NationalApplied) -> None:
        self.national = applied
        self.national_done.emit()

    def _national_failed(self, exc: BaseException) -> None:
        log.info("national receipt not taken: %s", type(exc).__name__)
        self.national_error = exc
        self.national_done.emit()

