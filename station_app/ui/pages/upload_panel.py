"""Sending batches to the office over the network, on the export page: where to, the button, progress, retries.

``UploadRunner`` drives ``services.station.upload`` one step at a time through the ``TaskRunner``: the database steps
(make a batch, read its stored bytes, record the answer) on the database lane, the HTTP request on the CPU pool
(a request may take its whole timeout on a bad link, and the database lane must stay free for the other pages),
and the waits between tries on GUI-thread timers, so that Cancel stops a wait at once. It never gives up by itself:
the waits grow to five minutes and the sending goes on until every batch is through, Cancel, or sign-out. The main
window keeps one runner per session, whoever signs in (a nurse's morning session sends what waited since a network
cut the evening before), and hands it to the export page's panel; the panel alone makes its own. Its signals carry
no arguments; the panel reads the runner's state.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QDialog, QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, confirm_row, heading, message_label, show_message, while_alive

if TYPE_CHECKING:
    from station_app.ui.context import StationContext
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.upload import Backoff, Outgoing, SendOutcome, UploadService, UploadTarget

log = logging.getLogger(__name__)
IDLE, PREPARING, SENDING, WAITING, STOPPING = "idle", "preparing", "sending", "waiting", "stopping"


@dataclass(frozen=True)
class Begun:
    service: UploadService
    target: UploadTarget
    queue: list[int]
    made: int | None


# -- the worker-side steps (no widgets) ------------------------------------------------------------------------

def begin(ctx: StationContext, user: SignedInUser | None, make_new: bool) -> Begun:
    """Database lane: where to, a new batch of what changed (if asked), and the batches waiting."""
    service = ctx.upload
    target = service.require_target()
    made = service.make_batch(user) if make_new else None
    return Begun(service, target, [b.sequence for b in service.waiting()], made)


def attempt(service: UploadService, outgoing: Outgoing) -> Any:
    """CPU pool: the HTTP request; the office's answer, or the client's typed error as a value for ``record``."""
    from station_app.core.errors import StationError

    try:
        return service.transmit(outgoing)
    except StationError as exc:
        return exc


def should_resume(ctx: StationContext) -> bool:
    return ctx.upload.should_resume()


def save_address(ctx: StationContext, user: SignedInUser | None, url: str, pin: str) -> UploadTarget | None:
    return ctx.upload.set_address(user, url, pin)


# -- the runner --------------------------------------------------------------------------------------------------

class UploadRunner(QObject):
    """One sending at a time; ``changed`` after every step, ``batch_done`` when a batch's state changed in the
    database, ``finished`` at the end (all through, cancelled, or stopped by an error kept in ``error``)."""

    changed = Signal()
    batch_done = Signal()
    finished = Signal()

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
        self.queue, self.total, self.current, self._attempts = [], 0, None, 0
        self.changed.emit()
        self._tasks.submit(begin, self._ctx, self._user, make_new, parent=None,
                           on_done=while_alive(self, self._begun_done), on_error=while_alive(self, self._stop))

    def resume_if_waiting(self) -> None:
        """Start in the background if an address is known and batches wait (after a restart, at sign-in)."""
        self._tasks.submit(should_resume, self._ctx, on_done=while_alive(self, self._maybe_resume),
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
        self._tasks.submit(self._begun.service.prepare, self.current, self._begun.target,
                           on_done=while_alive(self, self._transmit), on_error=while_alive(self, self._stop))

    def _transmit(self, outgoing: Outgoing) -> None:
        assert self._begun is not None
        self._tasks.submit(attempt, self._begun.service, outgoing, lane="cpu",
                           on_done=while_alive(self, lambda answer: self._record(outgoing, answer)),
                           on_error=while_alive(self, self._stop))

    def _record(self, outgoing: Outgoing, answer: Any) -> None:
        assert self._begun is not None
        self._tasks.submit(self._begun.service.record, outgoing, answer, on_done=while_alive(self, self._recorded),
                           on_error=while_alive(self, self._failed_try))

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
        delay = retry_delay(self.backoff, self._attempts, exc)
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


# -- the address --------------------------------------------------------------------------------------------------

class UploadAddressDialog(QDialog):
    """The office's address and certificate fingerprint, when the bundle has none or the office moved."""

    def __init__(self, parent: QWidget, target: UploadTarget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Địa chỉ gửi lô qua mạng"))
        typed = target is not None and not target.from_bundle  # the bundle's own address is not repeated here
        self.url = QLineEdit(target.url if typed else "")
        self.url.setPlaceholderText(self.tr("ví dụ https://192.168.1.10:8443"))
        self.pin = QLineEdit((target.tls_sha256 or "") if typed else "")
        self.pin.setPlaceholderText(self.tr("64 chữ số hex, chỉ khi dùng https"))
        for field in (self.url, self.pin):
            field.setMinimumWidth(560)  # a whole pin (64 hex digits) in sight
        hint = QLabel(self.tr("Thường không cần nhập: địa chỉ và dấu vân tay có sẵn trong gói khoá của đơn vị nhận. "
                              "Chỉ nhập khi đơn vị nhận báo địa chỉ mới. Để trống để dùng lại địa chỉ trong gói "
                              "khoá."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Địa chỉ"), self.url)
        form.addRow(self.tr("Dấu vân tay chứng chỉ"), self.pin)
        self.save_button, self.cancel_button, row = confirm_row(self, self.tr("Lưu"), self.tr("Huỷ"))
        self.save_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(row)


# -- the panel ----------------------------------------------------------------------------------------------------

class UploadPanel(Retranslating):
    """The card on the export page: where batches go, the send button, the progress and the retries."""

    batches_changed = Signal()

    def __init__(self, ctx: StationContext, tasks: TaskRunner, user: SignedInUser | None,
                 backoff: Backoff | None = None, runner: UploadRunner | None = None) -> None:
        super().__init__()
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self.target: UploadTarget | None = None
        self.waiting = 0
        self.has_bundle = True  # the page says otherwise once it has read its state
        self.address_dialog: UploadAddressDialog | None = None
        self.runner = runner or UploadRunner(ctx, tasks, user, self, backoff)  # the session's, or its own
        self.runner.changed.connect(self.show_progress)
        self.runner.batch_done.connect(self.batches_changed)
        self.runner.finished.connect(self._finished)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        grid.setContentsMargins(16, 10, 16, 10)
        self.title = heading(2)
        self.address_label = QLabel()
        self.address_label.setWordWrap(True)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_button = QPushButton()
        self.address_button.clicked.connect(self.edit_address)
        self.send_button = QPushButton()
        self.send_button.setObjectName("primary")
        self.send_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.send_button.clicked.connect(self.send)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.message = message_label()
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.address_button, 0, 1, 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.address_label, 1, 0, 1, 3)
        row = QHBoxLayout()
        row.addWidget(self.send_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addStretch(0)  # the button keeps its size when the progress bar is hidden
        grid.addLayout(row, 2, 0, 1, 3)
        grid.addWidget(self.status, 3, 0, 1, 3)
        grid.addWidget(self.message, 4, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Gửi qua mạng"))
        self.address_button.setText(self.tr("Địa chỉ gửi…"))
        self.send_button.setText(self.tr("Gửi lên đơn vị nhận"))
        self.cancel_button.setText(self.tr("Huỷ"))
        self.show_target(self.target, self.waiting)

    # -- what the page read --------------------------------------------------------------------------------------
    def show_target(self, target: UploadTarget | None, waiting: int, has_bundle: bool | None = None) -> None:
        """The address in use (from the page's state), how many batches wait, and whether the office's bundle is
        there at all (without it nothing can be encrypted for the office nor its receipts checked)."""
        self.target, self.waiting = target, waiting
        if has_bundle is not None:
            self.has_bundle = has_bundle
        if not self.has_bundle:
            self.address_label.setText(self.tr("Chưa nhập gói khoá của đơn vị nhận nên chưa gửi qua mạng được. "
                                               "Hãy bấm \"Nhập gói khoá của cơ quan y tế…\" ở ô Khoá trước."))
        elif target is None:
            self.address_label.setText(self.tr("Chưa có địa chỉ gửi qua mạng: gói khoá của đơn vị nhận không ghi "
                                               "địa chỉ. Nếu có mạng, bấm \"Địa chỉ gửi…\"; nếu không, xuất ra USB."))
        else:
            where = self.tr("theo gói khoá") if target.from_bundle else self.tr("nhập tay")
            text = self.tr("Đến {url} ({where}).").format(url=target.url, where=where)
            if target.short_pin:
                text += " " + self.tr("Dấu vân tay chứng chỉ: {pin}…").format(pin=target.short_pin)
            self.address_label.setText(text)
        self.show_progress()

    def show_progress(self) -> None:
        runner = self.runner
        self.send_button.setVisible(self.target is not None)
        self.send_button.setEnabled(not runner.running)
        self.address_button.setEnabled(not runner.running)
        self.progress.setVisible(runner.running)
        self.cancel_button.setVisible(runner.running)
        self.cancel_button.setEnabled(runner.state != STOPPING)
        self.progress.setRange(0, max(runner.total, 1))
        self.progress.setValue(runner.done if runner.total else 0)
        self.progress.setFormat(self.tr("{done}/{total} lô").format(done=runner.done, total=runner.total))
        self.status.setText(self.status_text())

    def status_text(self) -> str:
        runner = self.runner
        if runner.state == PREPARING:
            return self.tr("Đang chuẩn bị gửi…")
        if runner.state == SENDING:
            return self.tr("Đang gửi lô số {seq} ({n}/{total})…").format(
                seq=runner.current, n=runner.done + 1, total=runner.total)
        if runner.state == WAITING:
            return self.waiting_text()
        if runner.state == STOPPING:
            return self.tr("Đang dừng: chờ lô đang gửi xong…")
        return self.summary_text()

    def waiting_text(self) -> str:
        from station_app.services.exchange.office_client import OfficeBusyError

        seconds = self.runner.seconds_left
        if isinstance(self.runner.error, OfficeBusyError):
            return self.tr("Đơn vị nhận đang bận, thử lại sau {n} giây (lô số {seq}).").format(
                n=seconds, seq=self.runner.current)
        return self.tr("Mất mạng, thử lại sau {n} giây (lô số {seq}).").format(n=seconds, seq=self.runner.current)

    def summary_text(self) -> str:
        """After a sending, what became of it; before any, how many batches wait."""
        runner = self.runner
        if not runner.total and not runner.outcomes:
            if self.target is None or not self.waiting:
                return "" if self.target is None else self.tr("Không có lô nào chờ gửi.")
            return self.tr("{n} lô chờ gửi.").format(n=self.waiting)
        ok = sum(o.ok for o in runner.outcomes)
        rejected = sum(o.status == "rejected" for o in runner.outcomes)
        other = len(runner.outcomes) - ok - rejected
        parts = [self.tr("Đơn vị nhận đã nhận {n} lô.").format(n=ok)] if ok else []
        if rejected:
            parts.append(self.tr("{n} lô bị từ chối (xem lý do trong bảng dưới).").format(n=rejected))
        if other:
            reason = next(o.reason or "" for o in runner.outcomes if not o.ok and o.status != "rejected")
            parts.append(self.tr("{n} lô chưa được nhận: {reason}.").format(n=other, reason=translated(reason)))
        if runner.cancelled and runner.queue:
            parts.append(self.tr("Đã dừng gửi; {n} lô vẫn chờ gửi.").format(n=len(runner.queue)))
        return " ".join(parts)

    # -- actions ---------------------------------------------------------------------------------------------------
    def send(self) -> None:
        """Make a batch of what changed since the last one, then send every batch the office has not acknowledged."""
        show_message(self.message, "")
        self.runner.start(make_new=True)

    def _finished(self) -> None:
        if self.runner.error is not None:
            from station_app.ui.errors import report

            report(self, self.message, self.runner.error)
        self.batches_changed.emit()

    def edit_address(self) -> None:
        dialog = self.address_dialog = UploadAddressDialog(self, self.target)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._address_entered(dialog.url.text(), dialog.pin.text()))
        dialog.finished.connect(self._address_dialog_closed)
        dialog.open()

    def _address_entered(self, url: str, pin: str) -> None:
        show_message(self.message, "")
        self._tasks.submit(save_address, self._ctx, self._user, url, pin, parent=self,
                           on_done=while_alive(self, self._address_saved),
                           on_error=while_alive(self, self._address_refused))

    def _address_dialog_closed(self) -> None:
        self.address_dialog = None

    def _address_saved(self, target: UploadTarget | None) -> None:
        self.show_target(target, self.waiting)
        self.batches_changed.emit()

    def _address_refused(self, exc: BaseException) -> None:
        from station_app.ui.errors import report

        report(self, self.message, exc)


def translated(reason: str) -> str:
    """A reason of services.station.upload or services.station.receipts in the interface language."""
    from PySide6.QtCore import QCoreApplication

    for context in ("upload", "receipts"):
        text = QCoreApplication.translate(context, reason)
        if text != reason:
            return text
    return reason
