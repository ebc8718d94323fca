"""The office's reads and writes of chain decisions (``OfficeChainDecisionRow``; services/office/chain.py).

A decision waits until a batch of its station and sequence arrives; ``take`` then, in that batch's import
transaction, sets aside the batch held under that number (its row copied into the decision, its audit anchor
dropped; the records it brought stay until the new batch replaces them) and marks the decision used, so the new
batch takes the number and later batches chain on it.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from station_app.persistence.office.tables import (OfficeAuditAnchorRow, OfficeBatchRow, OfficeChainDecisionRow,
                                                   OfficeEventRow)


class ChainDecisions:
    def __init__(self, session: Session) -> None:
        self._s = session

    def pending(self, code: str, sequence: int) -> OfficeChainDecisionRow | None:
        """The decision not yet used for this station and sequence (there is at most one)."""
        d = OfficeChainDecisionRow
        return self._s.scalars(select(d).where(d.station_code == code, d.from_sequence == sequence,
                                               d.accepted_at.is_(None)).limit(1)).first()

    def all(self, code: str | None = None) -> list[OfficeChainDecisionRow]:
        d = OfficeChainDecisionRow
        query = select(d).order_by(d.id)
        return list(self._s.scalars(query.where(d.station_code == code) if code else query))

    def add(self, row: OfficeChainDecisionRow) -> OfficeChainDecisionRow:
        self._s.add(row)
        self._s.flush()
        self._s.add(OfficeEventRow(action="chain_accepted", station_code=row.station_code,
                                   details={"decision": row.id, "from_sequence": row.from_sequence}))
        self._s.flush()
        return row

    def take(self, code: str, sequence: int, manifest_sha256: str, now: dt.datetime) -> OfficeChainDecisionRow | None:
        """Use the pending decision for this batch, if any: the batch held under its number is set aside."""
        decision = self.pending(code, sequence)
        if decision is None:
            return None
        held = self._s.scalars(select(OfficeBatchRow).where(OfficeBatchRow.station_code == code,
                                                            OfficeBatchRow.sequence == sequence)).first()
        if held is not None:
            decision.set_aside = {"batch_id": held.id, "manifest_sha256": held.manifest_sha256,
                                  "previous": held.previous, "file_name": held.file_name,
                                  "created_at": held.created_at, "counts": dict(held.counts or {}),
                                  "imported_at": held.imported_at.isoformat() if held.imported_at else None}
            self._s.execute(delete(OfficeAuditAnchorRow).where(OfficeAuditAnchorRow.station_code == code,
                                                               OfficeAuditAnchorRow.batch_sequence == sequence))
            self._s.delete(held)
            self._s.flush()  # the number is free before the new batch's row takes it
        decision.accepted_manifest_sha256, decision.accepted_at = manifest_sha256, now
        self._s.add(OfficeEventRow(action="chain_replaced", station_code=code, details={
            "decision": decision.id, "sequence": sequence, "set_aside": held is not None}))
        self._s.flush()
        return decision
