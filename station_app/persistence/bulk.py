"""Fast inserts of many residents, their target groups, visits and measurements (demo data, roster imports).

Rows arrive as plain dicts with every column filled, so SQLAlchemy Core sends each table as one
``executemany``; one transaction per chunk, with the chunk's audit event appended in the same transaction.
In WAL mode with ``synchronous=NORMAL`` a commit does not wait for the disk, so lowering ``synchronous``
would gain little: the cost is in building rows and in index upkeep, which a larger page cache helps.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Connection, Table, insert

from station_app.persistence.database import Database
from station_app.persistence.tables import (AnswerRow, ConclusionRow, ConsentRow, CounsellingNoteRow, FindingRow,
                                            HistoryItemRow, MeasurementRow, ResidentRow, ResidentTargetGroupRow,
                                            VisitRow)
from station_app.persistence.unit_of_work import UnitOfWork

BULK_CACHE_KIB = 256 * 1024  # page cache while bulk inserting: indexes on names and ids stay in memory
_DEFAULT_CACHE_KIB = 2000  # SQLite's default (PRAGMA cache_size = -2000)


@dataclass
class BulkChunk:
    """Rows of one transaction, as dicts keyed by column name (every dict of a table has the same keys)."""

    residents: list[dict] = field(default_factory=list)
    target_groups: list[dict] = field(default_factory=list)
    visits: list[dict] = field(default_factory=list)
    measurements: list[dict] = field(default_factory=list)
    conclusions: list[dict] = field(default_factory=list)
    consents: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    answers: list[dict] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)
    counselling: list[dict] = field(default_factory=list)

    def tables(self) -> list[tuple[Table, list[dict]]]:
        return [(ResidentRow.__table__, self.residents), (ResidentTargetGroupRow.__table__, self.target_groups),
                (VisitRow.__table__, self.visits), (MeasurementRow.__table__, self.measurements),
                (ConclusionRow.__table__, self.conclusions), (ConsentRow.__table__, self.consents),
                (FindingRow.__table__, self.findings), (AnswerRow.__table__, self.answers),
                (HistoryItemRow.__table__, self.history), (CounsellingNoteRow.__table__, self.counselling)]

    def counts(self) -> dict[str, int]:
        counts = {"residents": len(self.residents), "target_groups": len(self.target_groups),
                  "visits": len(self.visits), "measurements": len(self.measurements)}
        if self.conclusions:
            counts["conclusions"] = len(self.conclusions)
        if self.consents:
            counts["consents"] = len(self.consents)
        if self.findings:
            counts["findings"] = len(self.findings)
        for name in ("answers", "history", "counselling"):
            if getattr(self, name):
                counts[name] = len(getattr(self, name))
        return counts


def insert_chunk(db: Database, chunk: BulkChunk, action: str, user_id: str | None, details: dict) -> int:
    """Insert the chunk and one audit event (``details`` plus the chunk's counts) in one transaction.

    Returns the event's sequence number. Either everything of the chunk is stored or nothing.
    """
    with UnitOfWork(db) as uow:
        conn = uow.session.connection()
        _insert_all(conn, chunk)
        event = uow.audit(action, "residents", None, user_id, {**details, **chunk.counts()})
        uow.commit()
        return event.seq


def _insert_all(conn: Connection, chunk: BulkChunk) -> None:
    for table, rows in chunk.tables():
        if rows:
            conn.execute(insert(table), rows)


@contextmanager
def bulk_mode(db: Database) -> Iterator[None]:
    """A large page cache on the pooled connections while inserting; the default again afterwards.

    Ends with ``PRAGMA optimize`` (fresh statistics for the query planner) and a WAL checkpoint, so the
    database file holds everything and its size is the real one.
    """
    _pragmas(db, f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        _pragmas(db, f"PRAGMA cache_size=-{_DEFAULT_CACHE_KIB}", "PRAGMA optimize", "PRAGMA wal_checkpoint(TRUNCATE)")


def _pragmas(db: Database, *statements: str) -> None:
    """Run pragmas outside any transaction (a checkpoint cannot run inside one), on the pooled connection."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for statement in statements:
            cursor.execute(statement).fetchall()
        cursor.close()
    finally:
        raw.close()


def database_bytes(db: Database) -> int:
    """Size on disk of the database and its write-ahead log."""
    wal = db.path.with_name(db.path.name + "-wal")
    return db.path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
