"""Recording user actions that change nothing else (print, lock), and verifying the chain.

The chain is checked against itself and its head, then against the audit heads the office signed back in its
receipts (the anchors): a chain cut back, or rewritten with every later hash recomputed, no longer holds them.
"""
from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Sequence
from pathlib import Path

from station_app.core.audit import AuditAnchor, ChainReport, check_anchors, verify_chain
from station_app.core.batch_format import OfficeBundleInvalidError, OfficeBundleMissingError
from station_app.persistence.database import Database
from station_app.persistence.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


class AuditService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, action: str, *, entity: str, entity_id: str | None, user_id: str | None,
               details: dict | None = None) -> int:
        """Append one event in its own transaction; returns its sequence number."""
        with UnitOfWork(self._db) as uow:
            event = uow.audit(action, entity, entity_id, user_id, details)
            uow.commit()
            return event.seq

    def verify(self, receipt_paths: Sequence[Path] = ()) -> ChainReport:
        """The chain, then the anchors of the receipts kept at acknowledgement and of ``receipt_paths`` (receipt
        files or folders, e.g. copies the office sends again): a kept receipt whose signature fails is
        ``anchor_forged``."""
        with UnitOfWork(self._db) as uow:
            events, head_seq, head_hash = uow.audit_trail.chain()
            station = uow.stations.current()
            code = station.code if station else None
            kept = [(r.sequence, r.manifest_sha256, r.receipt) for r in
                    uow.outbox.batches(station.id) if isinstance(r.receipt, dict)] if station else []
        report = verify_chain(events, head_seq, head_hash)
        if not report.ok or code is None:
            return report
        found = self._anchors(code, kept, receipt_paths)
        if found is None:
            return ChainReport(False, report.checked, None, "anchor_forged")
        broken = check_anchors(events, found)
        if broken is not None:
            log.warning("audit chain no longer holds the office's anchor (%s at %s)", broken.reason, broken.broken_at)
            return broken
        return ChainReport(True, report.checked, anchors=len(found))

    def _anchors(self, code: str, kept: list[tuple[int, str, dict]],
                 receipt_paths: Sequence[Path]) -> list[AuditAnchor] | None:
        from station_app.services.exchange.receipts import verify_receipt
        from station_app.services.station.receipts import receipt_files, receipt_public_key

        try:
            public = receipt_public_key(self._db.path.parent)
        except (OfficeBundleMissingError, OfficeBundleInvalidError):
            return []  # no office yet: nothing was ever acknowledged
        anchors = []
        for sequence, manifest_sha256, stored in kept:
            if "signature" not in stored:
                continue  # acknowledged before receipts were kept whole: no anchor to check
            receipt = stored.get("receipt")
            if not (isinstance(receipt, dict) and _signed(public, stored)
                    and receipt.get("sequence") == sequence and receipt.get("manifest_sha256") == manifest_sha256):
                return None
            anchors += _anchor(receipt)
        for path in receipt_files(list(receipt_paths)):
            receipt = verify_receipt(_read(path), public)
            if receipt is not None and receipt.get("station") == code and receipt.get("status") == "imported":
                anchors += _anchor(receipt)
        return anchors


def _signed(public, envelope: dict) -> bool:  # noqa: ANN001 - Ed25519PublicKey
    """The receipt kept in the database still carries the office's signature (no one rewrote its anchor)."""
    from station_app.services.exchange.keys import verify_signature
    from station_app.services.exchange.receipts import canonical

    try:
        signature = base64.b64decode(str(envelope.get("signature")), validate=True)
        return verify_signature(public, signature, data=canonical(envelope["receipt"]))
    except (binascii.Error, ValueError, TypeError):
        return False


def _anchor(receipt: dict) -> list[AuditAnchor]:
    head = receipt.get("audit")
    if isinstance(head, dict) and isinstance(head.get("seq"), int) and isinstance(head.get("hash"), str):
        return [AuditAnchor(head["seq"], head["hash"])]
    return []


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""
