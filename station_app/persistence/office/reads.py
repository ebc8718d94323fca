"""Read-only queries of the office window (stations page, batches page) on the office database.

Light rows (plain dataclasses), never ORM rows: the window gets them on the background lane and keeps them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from station_app.persistence.office.tables import OfficeBatchRow, OfficeQuarantineRow

# What opening or reading a broken database raises (not a database file, a server gone): the services catch
# these without importing SQLAlchemy
READ_ERRORS: tuple[type[Exception], ...] = (DatabaseError,)


@dataclass(frozen=True)
class BatchFact:
    """A batch imported: who sent it, which, when it arrived, what it carried."""

    station_code: str
    sequence: int
    file_name: str
    created_at: str
    imported_at: dt.datetime
    counts: dict


@dataclass(frozen=True)
class QuarantineFact:
    """A batch refused: the station and sequence it claimed, why, where its copy is."""

    file_name: str
    station_code: str | None
    sequence: int | None
    reason: str
    stored_path: str | None
    received_at: dt.datetime


class OfficeReads:
    def __init__(self, session: Session) -> None:
        self._s = session

    def batch_facts(self) -> list[BatchFact]:
        b = OfficeBatchRow
        rows = self._s.execute(select(b.station_code, b.sequence, b.file_name, b.created_at, b.imported_at,
                                      b.counts).order_by(b.imported_at.desc(), b.station_code, b.sequence))
        return [BatchFact(*r) for r in rows]

    def quarantine_facts(self) -> list[QuarantineFact]:
        q = OfficeQuarantineRow
        rows = self._s.execute(select(q.file_name, q.station_code, q.sequence, q.reason, q.stored_path,
                                      q.received_at).order_by(q.received_at.desc(), q.id.desc()))
        return [QuarantineFact(*r) for r in rows]

    def last_received(self) -> dict[str, dt.datetime]:
        """Station code → when its newest-arrived batch was imported."""
        b = OfficeBatchRow
        return dict(self._s.execute(select(b.station_code, func.max(b.imported_at)).group_by(b.station_code)).all())

    def quarantined_per_station(self) -> dict[str | None, int]:
        q = OfficeQuarantineRow
        return dict(self._s.execute(select(q.station_code, func.count()).group_by(q.station_code)).all())
