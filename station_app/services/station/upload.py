"""Sending batches to the office over the network (docs/batch-format.md, "Sending over the network").

The queue is the database: every batch not yet acknowledged (status made, sent or rejected) waits, and is sent in
sequence order from its stored exact bytes (``export_batch_files``), never rebuilt. The office answers with the
signed receipt, checked with the office's receipt key and recorded through ``receipts.acknowledge`` as a receipt
file brought back on a stick would be. A batch the office refuses is marked ``rejected`` with the office's reason
and stays queued: once the office has fixed what it refused for, the next sending tries it again. A network cut
or a busy office is retried with exponential backoff and jitter; a certificate that is not the pinned one stops
the sending at once (retrying would never help, and it may not be the office at all).

Where to send comes from the office bundle (``upload_url``, ``tls_sha256``), or from an address the coordinator
typed on the export page, kept in ``keys/office-address.json`` beside the bundle. Not in settings.json: the
window rewrites that file whole from its own copy (language, idle lock), which would drop the address.

Each attempt is three steps, so that the window runs the database steps on its database lane and only the
network step elsewhere: ``prepare`` (read the stored bytes), ``transmit`` (the HTTP request), ``record`` (the
answer into the database). ``send_pending`` chains them with the retries, for the command line and for tests.
"""
from __future__ import annotations

import json
import logging
import os
import random
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from station_app.core.errors import NotInitialisedError, StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction
from station_app.core.roles import Permission, require
from station_app.persistence.database import Database
from station_app.persistence.tables import ExportBatchRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange.keys import StationKeys
from station_app.services.exchange.receipts import verify_receipt
from station_app.services.station import receipts

if TYPE_CHECKING:
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.national_states import NationalApplied
    from station_app.services.exchange.office_client import OfficeClient, UploadAnswer

log = logging.getLogger(__name__)
ADDRESS_FILE = "office-address.json"
WAITING = ("made", "sent", "rejected")
_PIN = re.compile(r"[0-9a-f]{64}")

# what ``SendOutcome.status`` can be, beside "acknowledged" and "rejected"
ALREADY = "already"  # the office had it and this station had its receipt already
UNVERIFIED = "unverified"  # the office answered, but its receipt did not verify: the batch stays queued
TOO_LARGE = "too_large"  # above the office's size limit: take it on a USB stick
UNREACHABLE = "unreachable"  # the command line gave up retrying (the window never gives up)

OUTCOME_TEXT = {
    TOO_LARGE: QT_TRANSLATE_NOOP("upload", "lô lớn hơn giới hạn đơn vị nhận cho phép gửi qua mạng: hãy xuất ra USB"),
    UNREACHABLE: QT_TRANSLATE_NOOP("upload", "chưa kết nối được với đơn vị nhận: lô vẫn chờ gửi"),
}


class UploadAddressInvalidError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Địa chỉ đơn vị nhận không dùng được: {reason}. Hãy nhập lại theo dạng https://may-chu:8443 "
                  "(hoặc để trống để dùng địa chỉ trong gói khoá của đơn vị nhận).")


class UploadNotConfiguredError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chưa có địa chỉ gửi lô qua mạng. Hãy nhập gói khoá mới của đơn vị nhận (có địa chỉ gửi) hoặc "
                  "nhập địa chỉ ở trang Xuất dữ liệu; nếu không có mạng, hãy xuất ra USB.")


_ADDRESS_REASONS = {  # in "errors": ui.errors.describe translates an error's data there
    "url": QT_TRANSLATE_NOOP("errors", "địa chỉ phải bắt đầu bằng http:// hoặc https:// và có tên máy chủ"),
    "pin": QT_TRANSLATE_NOOP("errors", "dấu vân tay chứng chỉ phải là 64 chữ số hex (SHA-256)"),
    "https_pin": QT_TRANSLATE_NOOP("errors", "địa chỉ https cần dấu vân tay chứng chỉ của đơn vị nhận"),
}


# -- results ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class UploadTarget:
    """Where batches go: the office's address and, for https, the pinned certificate fingerprint."""

    url: str
    tls_sha256: str | None
    office_name: str
    from_bundle: bool  # False: the coordinator typed it (keys/office-address.json)

    @property
    def short_pin(self) -> str | None:
        """The fingerprint's first 16 hex digits in groups of four, to compare with the office over the phone."""
        if not self.tls_sha256:
            return None
        return " ".join(self.tls_sha256[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class WaitingBatch:
    sequence: int
    file_name: str
    status: str


@dataclass(frozen=True)
class BatchNote:
    network: bool
    rejection_reason: str | None


@dataclass(frozen=True)
class Outgoing:
    """One batch on its way: its stored bytes and where they go."""

    sequence: int
    file_name: str
    content: bytes
    target: UploadTarget


@dataclass(frozen=True)
class SendOutcome:
    """What became of one batch: ``status`` acknowledged, already, rejected, unverified, too_large, unreachable."""

    sequence: int
    file_name: str
    status: str
    imported_at: str | None = None  # the office's time of import, from the receipt (UTC ISO)
    counts: dict[str, int] = field(default_factory=dict)
    reason: str | None = None  # Vietnamese: the office's reason, or why the receipt was not taken
    gaps: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status in ("acknowledged", ALREADY)


@dataclass(frozen=True)
class UploadProgress:
    """Told to the caller before each batch, after it, and before each wait: ``retry_in`` seconds, or None."""

    done: int
    total: int
    sequence: int
    outcome: SendOutcome | None = None
    retry_in: float | None = None
    error: StationError | None = None  # the transient error a wait follows


@dataclass
class UploadReport:
    outcomes: list[SendOutcome] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.cancelled and all(o.ok for o in self.outcomes)


# -- retries ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with jitter: 5 s, 10 s, 20 s … up to 5 minutes, each ±20 % (stations that lost the
    network together do not all come back in the same second). Tests pass ``first=0``."""

    first: float = 5.0
    cap: float = 300.0
    jitter: float = 0.2

    def delay(self, attempt: int, rand: Callable[[], float] = random.random) -> float:
        base = min(self.cap, self.first * 2 ** min(attempt, 30))
        return min(self.cap, base * (1 - self.jitter + 2 * self.jitter * rand()))


def is_transient(exc: BaseException) -> bool:
    """A network cut or a busy office: the same batch later may well go through."""
    return bool(getattr(exc, "transient", False))


def retry_delay(backoff: Backoff, attempt: int, *, exc: BaseException) -> float:
    """The backoff's delay, or longer when a busy office said when to come back (Retry-After), within the cap."""
    asked = getattr(exc, "retry_after", None) or 0.0
    return max(backoff.delay(attempt), min(float(asked), backoff.cap))


@dataclass(frozen=True)
class NationalRequest:
    """Asking the office for the station's national receipt: where, which station, its signed proof."""

    target: UploadTarget
    code: str
    proof: str


# -- the service -----------------------------------------------------------------------------------------------

class UploadService:
    def __init__(self, db: Database, data_dir: Path,
                 client_factory: Callable[[UploadTarget], OfficeClient] | None = None) -> None:
        self._db = db
        self._data_dir = Path(data_dir)
        self.keys = StationKeys(data_dir)
        self._client_factory = client_factory or _client

    # -- where to ---------------------------------------------------------------------------------------------
    @property
    def address_path(self) -> Path:
        return self.keys.folder / ADDRESS_FILE

    def target(self) -> UploadTarget | None:
        """The address in use, or None (no office bundle, or neither it nor the coordinator gave one)."""
        bundle = self.keys.office_bundle()
        if bundle is None:
            return None  # without the bundle's receipt key no answer could be checked
        typed = self._typed_address()
        if typed.get("upload_url"):
            return UploadTarget(typed["upload_url"], typed.get("tls_sha256") or bundle.tls_sha256, bundle.name, False)
        if bundle.upload_url:
            return UploadTarget(bundle.upload_url, bundle.tls_sha256, bundle.name, True)
        return None

    def set_address(self, user: SignedInUser | None, url: str, *, tls_sha256: str = "") -> UploadTarget | None:
        """Keep the address the coordinator typed; an empty ``url`` goes back to the bundle's (``user`` None: CLI)."""
        if user is not None:
            require(user.role, Permission.EXPORT_DATA)
        from station_app.services.exchange.office_client import normalise_pin

        url, pin = url.strip().rstrip("/"), normalise_pin(tls_sha256.strip())
        if url:
            self._check_address(url, pin)
            self._write_address({"upload_url": url, **({"tls_sha256": pin} if pin else {})})
        else:
            self.address_path.unlink(missing_ok=True)
        with UnitOfWork(self._db) as uow:
            uow.audit(AuditAction.UPDATE, "office_address", None, user.id if user else None,
                      {"typed": bool(url), "pinned": bool(pin)})
            uow.commit()
        log.info("office address %s", "typed" if url else "from the bundle")
        return self.target()

    def _check_address(self, url: str, pin: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UploadAddressInvalidError(reason=_ADDRESS_REASONS["url"])
        if pin and not _PIN.fullmatch(pin):
            raise UploadAddressInvalidError(reason=_ADDRESS_REASONS["pin"])
        bundle = self.keys.require_office_bundle()
        if parts.scheme == "https" and not (pin or bundle.tls_sha256):
            raise UploadAddressInvalidError(reason=_ADDRESS_REASONS["https_pin"])

    def _typed_address(self) -> dict[str, str]:
        try:
            raw = json.loads(self.address_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in raw.items() if isinstance(v, str)} if isinstance(raw, dict) else {}

    def _write_address(self, data: dict[str, str]) -> None:
        self.keys.folder.mkdir(parents=True, exist_ok=True)
        temp = self.address_path.with_suffix(".tmp")
        temp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        os.replace(temp, self.address_path)

    # -- the queue --------------------------------------------------------------------------------------------
    def waiting(self) -> list[WaitingBatch]:
        """The batches the office has not acknowledged, in sequence order."""
        with UnitOfWork(self._db) as uow:
            return [WaitingBatch(r.sequence, r.file_name, r.status)
                    for r in uow.outbox.batches(_station_id(uow)) if r.status in WAITING]

    def notes(self) -> dict[int, BatchNote]:
        """Per batch: whether it went over the network, and the office's reason if it refused it."""
        with UnitOfWork(self._db) as uow:
            return {r.sequence: BatchNote((r.destination or "").startswith(("http://", "https://")),
                                          r.rejection_reason)
                    for r in uow.outbox.batches(_station_id(uow))}

    def should_resume(self) -> bool:
        """Whether sending should start by itself: an address is known and batches wait."""
        return self.target() is not None and bool(self.waiting())

    def make_batch(self, user: SignedInUser | None) -> int | None:
        """A new batch of what changed since the last one, to be sent over the network (``user`` None: CLI);
        its sequence, or None when nothing changed.

        The export writes and reads back the file as for a stick; here the stick is a temporary folder in the data
        folder, removed after: the batch's exact bytes stay in the database, which is what is sent."""
        import tempfile

        from station_app.services.exchange.batch_export import ExportService

        with tempfile.TemporaryDirectory(prefix=".upload-", dir=self._data_dir) as folder:
            made = ExportService(self._db, self._data_dir).export(user, Path(folder)).made
        if made is None:
            return None
        with UnitOfWork(self._db) as uow:
            row = _batch(uow, made.sequence)
            row.status, row.destination, row.sent_at = "made", None, None  # made here, not sent anywhere yet
            uow.audit(AuditAction.EXPORT, "export_batches", row.id, user.id if user else None,
                      {"sequence": row.sequence, "status": "made", "via": "network"})
            uow.commit()
        return made.sequence

    # -- one attempt, in three steps --------------------------------------------------------------------------
    def prepare(self, sequence: int, target: UploadTarget | None = None) -> Outgoing:
        """The batch's stored exact bytes, checked against their hash as the export checks them (database)."""
        from station_app.services.exchange.batch_export import ExportService

        target = target or self.require_target()
        with UnitOfWork(self._db) as uow:
            name = _batch(uow, sequence).file_name
        return Outgoing(sequence, name, ExportService(self._db, self._data_dir).stored_batch(sequence), target)

    def transmit(self, outgoing: Outgoing) -> UploadAnswer:
        """The HTTP request (network, no database): the office's answer, or the client's typed error."""
        log.info("upload: batch %d, %d bytes", outgoing.sequence, len(outgoing.content))
        return self._client_factory(outgoing.target).upload(outgoing.file_name, outgoing.content)

    def record(self, outgoing: Outgoing, answer: UploadAnswer | BaseException) -> SendOutcome:
        """The answer into the database (database); transient and fatal errors are raised again. The batch is
        ``sent`` once the office took its body and checked it (200, 422); a busy office or a batch too large is
        answered before the body goes out (the client waits for "100 Continue")."""
        from station_app.services.exchange.office_client import BatchRefusedError, BatchTooLargeError

        if isinstance(answer, BatchRefusedError):
            return self._rejected(outgoing, answer)
        if isinstance(answer, BatchTooLargeError):
            return SendOutcome(outgoing.sequence, outgoing.file_name, TOO_LARGE, reason=OUTCOME_TEXT[TOO_LARGE])
        if isinstance(answer, BaseException):
            raise answer
        self._mark_sent(outgoing)
        return self._acknowledged(outgoing, answer)

    def send_one(self, sequence: int, target: UploadTarget | None = None) -> SendOutcome:
        """One attempt at one batch; transient errors are raised for the caller to retry."""
        outgoing = self.prepare(sequence, target)
        try:
            answer: Any = self.transmit(outgoing)
        except StationError as exc:
            answer = exc
        return self.record(outgoing, answer)

    def require_target(self) -> UploadTarget:
        target = self.target()
        if target is None:
            self.keys.require_office_bundle()
            raise UploadNotConfiguredError()
        return target

    # -- all of them ------------------------------------------------------------------------------------------
    def send_pending(self, *, progress: Callable[[UploadProgress], None] | None = None,
                     cancel: threading.Event | None = None, backoff: Backoff = Backoff(),
                     max_tries: int | None = None, wait: Callable[[float], bool] | None = None) -> UploadReport:
        """Send every batch not yet acknowledged, in order, retrying network cuts with backoff.

        ``max_tries`` None retries a batch until it goes or ``cancel`` is set; otherwise the batch after that many
        attempts is reported ``unreachable`` and the sending stops. ``wait(seconds)`` waits and answers whether
        to stop (default: the cancel event's wait). A wrong certificate, a missing bundle or a damaged stored
        batch raise at once."""
        cancel = cancel or threading.Event()
        wait = wait or cancel.wait
        target = self.require_target()
        queue = self.waiting()
        report = UploadReport()
        tell = progress or (lambda p: None)
        for done, batch in enumerate(queue):
            outcome = self._send_retrying(batch, target, backoff, max_tries, cancel, wait,
                                          lambda s, e: tell(UploadProgress(done, len(queue), batch.sequence,
                                                                           retry_in=s, error=e)),
                                          lambda: tell(UploadProgress(done, len(queue), batch.sequence)))
            if outcome is None:
                report.cancelled = True
                break
            report.outcomes.append(outcome)
            tell(UploadProgress(done + 1, len(queue), batch.sequence, outcome))
            if outcome.status == UNREACHABLE:
                break  # the next batches would only wait as long again
        log.info("upload: %d batches, %d acknowledged%s", len(report.outcomes),
                 sum(o.ok for o in report.outcomes), ", cancelled" if report.cancelled else "")
        return report

    def _send_retrying(self, batch: WaitingBatch, target: UploadTarget, backoff: Backoff, max_tries: int | None,
                       cancel: threading.Event, wait: Callable[[float], bool],
                       retrying: Callable[[float, StationError], None],
                       starting: Callable[[], None]) -> SendOutcome | None:
        attempt = 0
        while not cancel.is_set():
            starting()
            try:
                return self.send_one(batch.sequence, target)
            except StationError as exc:
                if not is_transient(exc):
                    raise
                attempt += 1
                if max_tries is not None and attempt >= max_tries:
                    return SendOutcome(batch.sequence, batch.file_name, UNREACHABLE, reason=OUTCOME_TEXT[UNREACHABLE])
                delay = retry_delay(backoff, attempt - 1, exc=exc)
                log.info("upload: batch %d, %s, retry %d in %.0f s", batch.sequence, type(exc).__name__, attempt,
                         delay)
                retrying(delay, exc)
                if wait(delay):
                    return None
        return None

    # -- the national states (docs/batch-format.md, section 8) ------------------------------------------------
    def national_request(self, target: UploadTarget | None = None) -> NationalRequest:
        """Where to ask and the station's proof of who asks (database, station key)."""
        from station_app.services.exchange.national_receipts import station_proof

        target = target or self.require_target()
        with UnitOfWork(self._db) as uow:
            code = uow.stations.current()
            if code is None:
                raise NotInitialisedError()
            code = code.code
        proof = station_proof(self.keys.private_key(), code, utcnow())
        return NationalRequest(target, code, proof)

    def fetch_national(self, request: NationalRequest) -> bytes:
        """The office's national receipt for this station (network, no database); the client's typed errors."""
        return self._client_factory(request.target).national_receipt(request.code, request.proof)

    def apply_national(self, data: bytes) -> NationalApplied:
        """Verify and apply it (database); ``NationalReceiptRefusedError`` when it is not the office's for us."""
        from station_app.services.station.national_states import apply_national

        return apply_national(self._db, self._data_dir, data, name="national-receipt", via="network")

    def sync_national(self) -> NationalApplied:
        """The three steps at once, for the command line and tests."""
        return self.apply_national(self.fetch_national(self.national_request()))

    # -- the records ------------------------------------------------------------------------------------------
    def _mark_sent(self, outgoing: Outgoing) -> None:
        with UnitOfWork(self._db) as uow:
            row = _batch(uow, outgoing.sequence)
            row.sent_at, row.destination = utcnow(), outgoing.target.url[:300]
            if row.status == "made":
                row.status = "sent"
                uow.audit(AuditAction.EXPORT, "export_batches", row.id, None,
                          {"sequence": row.sequence, "status": "sent", "via": "network"})
            uow.commit()

    def _rejected(self, outgoing: Outgoing, exc: Any) -> SendOutcome:
        reason = str(exc.reason_text or exc.reason)
        with UnitOfWork(self._db) as uow:
            row = _batch(uow, outgoing.sequence)
            row.sent_at, row.destination = utcnow(), outgoing.target.url[:300]
            row.status, row.rejection_reason = "rejected", reason
            uow.audit(AuditAction.EXPORT, "export_batches", row.id, None,
                      {"sequence": row.sequence, "status": "rejected", "reason": str(exc.reason)[:40],
                       "via": "network"})
            uow.commit()
        log.info("upload: batch %d refused by the office (%s)", outgoing.sequence, exc.reason)
        return SendOutcome(outgoing.sequence, outgoing.file_name, "rejected", reason=reason)

    def _acknowledged(self, outgoing: Outgoing, answer: UploadAnswer) -> SendOutcome:
        public = receipts.receipt_public_key(self._data_dir)
        data = json.dumps(answer.receipt_envelope).encode("utf-8")
        receipt = verify_receipt(data, public)
        name, seq = outgoing.file_name, outgoing.sequence
        if receipt is None:
            log.warning("upload: batch %d, the office's receipt does not verify", seq)
            return SendOutcome(seq, name, UNVERIFIED, reason=receipts.REFUSALS["bad_signature"], gaps=answer.gaps)
        if receipt.get("sequence") != seq:
            return SendOutcome(seq, name, UNVERIFIED, reason=receipts.REFUSALS["unknown_batch"], gaps=answer.gaps)
        ack = receipts.acknowledge(self._db, receipt, via="network",
                                   signature=answer.receipt_envelope.get("signature"))
        if ack.refusal:
            return SendOutcome(seq, name, UNVERIFIED, reason=receipts.REFUSALS[ack.refusal], gaps=answer.gaps)
        counts = {k: v for k, v in (receipt.get("counts") or {}).items() if isinstance(v, int)}
        return SendOutcome(seq, name, "acknowledged" if ack.newly else ALREADY, receipt.get("imported_at"), counts,
                           gaps=tuple(answer.gaps))


def _client(target: UploadTarget) -> OfficeClient:
    from station_app.services.exchange.office_client import OfficeClient

    return OfficeClient(target.url, target.tls_sha256)


def _station_id(uow: UnitOfWork) -> str:
    station = uow.stations.current()
    if station is None:
        raise NotInitialisedError()
    return station.id


def _batch(uow: UnitOfWork, sequence: int) -> ExportBatchRow:
    row = next((r for r in uow.outbox.batches(_station_id(uow)) if r.sequence == sequence), None)
    if row is None:
        from station_app.core.errors import NotFoundError

        raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "lô dữ liệu"))
    return row

