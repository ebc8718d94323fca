"""The self-test's database probe: open, migrate and write a copy of the station database, never the file itself.

The station's file is only read (header, ``quick_check``, revision); a consistent copy made with SQLite's backup
API (sound in WAL mode, beside a running window) is migrated to the newest revision and written to, in a scratch
folder the caller throws away. With no station database yet, a fresh one is made there instead.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from station_app.core.audit import ChainReport, verify_chain
from station_app.core.model import AuditAction
from station_app.persistence.database import DB_FILE_NAME, _check_existing_file, backup_sqlite, open_database
from station_app.persistence.tables import AuditEventRow, ResidentRow, StationRow
from station_app.persistence.unit_of_work import UnitOfWork, load_audit_chain


@dataclass(frozen=True)
class CampaignDates:
    """The station's current campaign, as the database holds it."""

    name: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class DatabaseProbe:
    """What the probe found: whether a station database exists, its revision before and after migrating the copy,
    whether a station is set up in it, and whether a write was stored and read back; counts of the roster (residents,
    villages) and when the newest audit event was written (UTC), for the roster and clock lines; the audit chain's
    check (before the probe's own event) and the current campaign's dates, for the audit and campaign lines."""

    found: bool
    revision_before: str | None
    revision_after: str
    station_set_up: bool
    wrote: bool
    residents: int = 0
    villages: int = 0
    last_recorded: dt.datetime | None = None
    audit: ChainReport | None = None
    campaign: CampaignDates | None = None


def probe_database(folder: Path, scratch: Path) -> DatabaseProbe:
    """Check the database of ``folder`` through a copy in ``scratch`` (an empty folder). Raises the opening's typed
    errors (``DatabaseCorruptError``, ``DatabaseTooNewError``, ``DatabaseInUseError``)."""
    path = Path(folder) / DB_FILE_NAME
    found = path.exists()
    revision = _check_existing_file(path) if found else None
    if found:
        _snapshot(path, scratch / DB_FILE_NAME)
    db = open_database(scratch)
    try:
        with db.engine.connect() as conn:
            after = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() or ""
        with UnitOfWork(db) as uow:
            session = uow.session
            set_up = (session.scalar(select(func.count()).select_from(StationRow)) or 0) > 0
            residents = session.scalar(select(func.count()).select_from(ResidentRow)) or 0
            villages = session.scalar(select(func.count(func.distinct(ResidentRow.village)))) or 0
            last = session.scalar(select(func.max(AuditEventRow.at)))
            audit = verify_chain(*load_audit_chain(session))
            current = uow.campaigns.current()
            campaign = CampaignDates(current.name, current.start_date, current.end_date) if current else None
            event = uow.audit(AuditAction.CREATE, "self_test", None, None, {"probe": 1})
            uow.commit()
        with UnitOfWork(db, read_only=True) as uow:
            wrote = uow.session.get(AuditEventRow, event.seq) is not None
    finally:
        db.dispose()
    return DatabaseProbe(found, revision, after, set_up, wrote, residents, villages, _as_utc(last), audit, campaign)


def _as_utc(at: str | None) -> dt.datetime | None:
    """An audit event's ISO time (written with its offset; naive ones are UTC) as an aware UTC time."""
    if not at:
        return None
    parsed = dt.datetime.fromisoformat(at)
    return parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed.astimezone(dt.UTC)


def _snapshot(path: Path, target: Path) -> None:
    backup_sqlite(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10), target)
