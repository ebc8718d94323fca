"""Receipts at the station: files from a USB stick and the office's answers to uploads mark batches acknowledged
(or refused by the office, with its reason). The format and signatures are ``services.exchange.receipts``."""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from station_app.core.batch_format import receipt_key_bytes
from station_app.core.bounded_json import cleaned
from station_app.core.errors import NotInitialisedError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction
from station_app.persistence.database import Database
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.files import files_named
from station_app.services.exchange.keys import StationKeys
from station_app.services.exchange.national_receipts import NATIONAL_SUFFIX
from station_app.services.exchange.receipts import RECEIPT_FORMAT, RECEIPT_LIMITS, RECEIPT_SUFFIX, verify_receipt

log = logging.getLogger(__name__)
if TYPE_CHECKING:
    from station_app.services.station.national_states import NationalApplied
REASON_CHARS = 300  # an office's reason, as kept and shown

REFUSALS = {
    "unreadable": QT_TRANSLATE_NOOP("receipts", "không phải tệp biên nhận (JSON office-receipt/1)"),
    "too_large": QT_TRANSLATE_NOOP("receipts", "tệp quá lớn, không phải biên nhận"),
    "bad_signature": QT_TRANSLATE_NOOP("receipts", "chữ ký không hợp lệ: biên nhận bị sửa hoặc không do đơn vị nhận ký"),
    "other_station": QT_TRANSLATE_NOOP("receipts", "biên nhận của trạm khác"),
    "unknown_batch": QT_TRANSLATE_NOOP("receipts", "trạm không có lô này (số thứ tự hoặc mã băm không khớp)"),
}


@dataclass
class ReceiptImport:
    """What ``import_receipts`` did: sequences newly acknowledged, already acknowledged, and files refused."""

    acknowledged: list[int] = field(default_factory=list)
    already: list[int] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file name, Vietnamese reason)
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (sequence, the office's Vietnamese reason)
    national: list[tuple[str, NationalApplied]] = field(default_factory=list)  # national receipts taken (file)

    @property
    def found_any(self) -> bool:
        return bool(self.acknowledged or self.already or self.refused or self.rejected or self.national)


class ReceiptService:
    """Receipt files brought on a USB stick or put in a folder, for the window and the command line."""

    def __init__(self, db: Database, data_dir: Path) -> None:
        self._db, self._data_dir = db, data_dir

    def import_files(self, paths: list[Path]) -> ReceiptImport:
        return import_receipts(self._db, self._data_dir, paths=paths)


def receipt_files(paths: list[Path]) -> list[Path]:
    """The receipt files named, and those inside the folders named."""
    found: list[Path] = []
    for path in map(Path, paths):
        found.extend(files_named(path, RECEIPT_SUFFIX) if path.is_dir() else [path])
    return [p for p in found if not p.name.endswith(NATIONAL_SUFFIX)]  # those go to ``national_states``


def receipt_public_key(data_dir: Path) -> Ed25519PublicKey:
    """The office's receipt key, from the office bundle the station imported."""
    return Ed25519PublicKey.from_public_bytes(
        receipt_key_bytes(StationKeys(data_dir).require_office_bundle().receipt_public_key))


def import_receipts(db: Database, data_dir: Path, *, paths: list[Path],
                    now: dt.datetime | None = None) -> ReceiptImport:
    """Check each receipt with the office's receipt key and mark the batch it names acknowledged."""
    public = receipt_public_key(data_dir)
    result = ReceiptImport()
    for path in receipt_files(paths):
        data = _read_capped(path)
        receipt = verify_receipt(data, public) if data else None
        if receipt is None:
            result.refused.append((path.name, REFUSALS[_refusal(data)]))
            continue
        outcome = acknowledge(db, receipt, now=now, signature=json.loads(data)["signature"])
        if outcome.refusal:
            result.refused.append((path.name, REFUSALS[outcome.refusal]))
        elif outcome.rejected:
            result.rejected.append((outcome.sequence, office_reason(receipt)))
        else:
            (result.acknowledged if outcome.newly else result.already).append(outcome.sequence)
    _import_national(db, data_dir, paths, result)
    log.info("receipts: %d acknowledged, %d already, %d rejected by the office, %d refused", len(result.acknowledged),
             len(result.already), len(result.rejected), len(result.refused))
    return result


def _import_national(db: Database, data_dir: Path, paths: list[Path], result: ReceiptImport) -> None:
    """The national receipts beside the batch receipts (the office writes both on the stick)."""
    from station_app.services.station.national_states import REFUSALS as NATIONAL_REFUSALS
    from station_app.services.station.national_states import (NationalReceiptRefusedError, apply_national,
                                                              national_files, read_capped)

    for path in national_files(paths):
        try:
            result.national.append((path.name, apply_national(db, data_dir, read_capped(path), name=path.name)))
        except NationalReceiptRefusedError as exc:
            result.refused.append((path.name, NATIONAL_REFUSALS[exc.reason]))


def _read_capped(path: Path) -> bytes | None:
    """The file's bytes, up to one more than a receipt may hold; None when it cannot be read (a folder, a broken
    link, a device): one such file beside the receipts never stops the others."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as fh:
            return fh.read(RECEIPT_LIMITS.max_bytes + 1)
    except OSError:
        return None


def _refusal(data: bytes | None) -> str:
    if data is not None and len(data) > RECEIPT_LIMITS.max_bytes:
        return "too_large"
    return "bad_signature" if data and data.lstrip().startswith(b"{") and b"signature" in data else "unreadable"


def office_reason(notice: dict) -> str:
    """The office's reason in a refusal notice, as kept and shown: short, no controls or direction overrides."""
    return cleaned(notice.get("reason_text") or notice.get("reason") or "", REASON_CHARS)


@dataclass(frozen=True)
class Acknowledgement:
    """What one verified receipt did: ``refusal`` is a key of ``REFUSALS`` when it names no batch of ours."""

    sequence: int | None
    newly: bool = False
    refusal: str | None = None
    rejected: bool = False  # the office's signed notice that it refused the batch (status "rejected")


def acknowledge(db: Database, receipt: dict, *, now: dt.datetime | None = None, via: str = "file",
                signature: str | None = None) -> Acknowledgement:
    """Mark the batch a receipt names acknowledged; the receipt's signature must have been verified already.

    The one place both ways receipts come back go through: files from a USB stick (``via`` "file") and the
    office's answer to an upload (``via`` "network"). The receipt is kept with its ``signature`` (the envelope),
    so the audit head it carries back can be checked again later and cannot be forged in the database."""
    with UnitOfWork(db) as uow:
        station = uow.stations.current()
        if station is None:
            raise NotInitialisedError()
        if receipt.get("station") != station.code:
            return Acknowledgement(None, refusal="other_station")
        rejected = receipt.get("status") == "rejected"
        row = next((r for r in uow.outbox.batches(station.id)
                    if r.sequence == receipt.get("sequence") and r.manifest_sha256 == receipt.get(
                        "manifest_sha256", r.manifest_sha256 if rejected else None)),  # a notice on an unreadable copy
                   None)
        if row is None:
            return Acknowledgement(None, refusal="unknown_batch")
        if row.status == "acknowledged":
            return Acknowledgement(row.sequence)
        if rejected:
            return _rejected(uow, row, receipt, via)
        row.status, row.acknowledged_at = "acknowledged", now or _utcnow()
        row.receipt = {"format": RECEIPT_FORMAT, "receipt": receipt, "signature": signature} if signature else receipt
        uow.audit(AuditAction.IMPORT, "export_batches", row.id, None,
                  {"sequence": row.sequence, "receipt": "acknowledged", "via": via})
        uow.commit()
        return Acknowledgement(row.sequence, newly=True)


def _rejected(uow: UnitOfWork, row, notice: dict, via: str) -> Acknowledgement:  # noqa: ANN001 - ExportBatchRow
    """The office refused the batch: shown with its reason; it stays queued and goes again with the next export."""
    reason = office_reason(notice)
    if row.status != "rejected" or row.rejection_reason != reason:
        row.status, row.rejection_reason = "rejected", reason
        uow.audit(AuditAction.IMPORT, "export_batches", row.id, None,
                  {"sequence": row.sequence, "receipt": "rejected", "reason": cleaned(notice.get("reason") or "", 40),
                   "via": via})
        uow.commit()
    return Acknowledgement(row.sequence, rejected=True)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
