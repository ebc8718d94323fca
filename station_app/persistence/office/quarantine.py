"""Reads and writes of the bounded quarantine (``services/office/quarantine.py``): the batches held, oldest
first, and the counts of those dropped to stay within the limits."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from station_app.persistence.office.tables import (OfficeQuarantineDroppedRow, OfficeQuarantineRow, OfficeStationRow,
                                                   utcnow)


@dataclass(frozen=True)
class HeldItem:
    """One quarantined batch: its row, the station code it claimed, its copy (None: none kept)."""

    id: int
    station_code: str | None
    stored_path: str | None


@dataclass(frozen=True)
class DroppedCount:
    files: int
    bytes: int
    last_dropped_at: dt.datetime | None


class QuarantineStore:
    """Within one transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def held(self) -> list[HeldItem]:
        q = OfficeQuarantineRow
        return [HeldItem(*r) for r in self.session.execute(select(q.id, q.station_code, q.stored_path)
                                                           .order_by(q.id))]

    def registered(self) -> set[str]:
        return set(self.session.scalars(select(OfficeStationRow.code)))

    def remove(self, item_id: int) -> bool:
        """The row gone; False when another importer removed it first (then it is not counted twice)."""
        done = self.session.execute(delete(OfficeQuarantineRow).where(OfficeQuarantineRow.id == item_id))
        return done.rowcount == 1

    def count_dropped(self, key: str, files: int, size: int) -> None:
        row = self.session.get(OfficeQuarantineDroppedRow, key)
        if row is None:
            row = OfficeQuarantineDroppedRow(station_code=key, files=0, bytes=0)
            self.session.add(row)
        row.files += files
        row.bytes += size
        row.last_dropped_at = utcnow()
        self.session.flush()

    def dropped(self) -> dict[str, DroppedCount]:
        d = OfficeQuarantineDroppedRow
        return {code: DroppedCount(files, size, last) for code, files, size, last in self.session.execute(
            select(d.station_code, d.files, d.bytes, d.last_dropped_at))}
