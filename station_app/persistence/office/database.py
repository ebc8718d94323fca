"""Opening the office database and the queries of the office's use cases.

SQLite (a file in the office folder) or PostgreSQL (``postgresql+psycopg://…``). Opening runs the office's Alembic
migrations (``migrations/``) up to the newest revision; a database made by ``metadata.create_all`` before them is
taken over by revision 0001 (its rows kept). A database at a revision this program does not know, or stamped in
``office_schema`` with a newer version than the last one before Alembic, is refused as too new.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import (JSON, Integer, String, any_, bindparam, create_engine, delete, event, insert, inspect, select,
                        text, update)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import InterfaceError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from station_app.persistence import migrating
from station_app.persistence.office.tables import (SCHEMA_VERSION, OfficeAuditAnchorRow, OfficeBase, OfficeBatchRow,
                                                   OfficeEventRow, OfficeHistoryRow, OfficePatientRow,
                                                   OfficeQuarantineRow, OfficeResourceRow, OfficeStationKeyRow,
                                                   OfficeStationRow, OfficeVisitRow, utcnow)

log = logging.getLogger(__name__)
CHUNK = 500  # ids per IN (…): well under SQLite's and PostgreSQL's parameter limits
KINDS = {"patient": OfficePatientRow, "visit": OfficeVisitRow, "resource": OfficeResourceRow}
MIGRATIONS = Path(__file__).with_name("migrations")
_MADE_BEFORE_ALEMBIC = "create_all"  # the revision of a database the office made before its migrations
_UPGRADE_LOCK = 0x0FF1CE  # PostgreSQL advisory lock: two programs opening a new database migrate one at a time


class OfficeDatabaseError(Exception):
    """The database cannot be opened: ``reason`` is ``connect`` or ``too_new``."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class OfficeConflictError(Exception):
    """Another transaction wrote the same batch or resource first: read again and decide again."""


class OfficeDatabase:
    """The engine and the sessions of one office database (``OfficeUnitOfWork`` opens one per use case)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            _migrate(self.engine, url)
        except (OperationalError, ProgrammingError) as exc:
            self.engine.dispose()
            raise OfficeDatabaseError("connect") from exc
        except BaseException:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()


def head_revision() -> str:
    return migrating.head_revision(MIGRATIONS)


def _migrate(engine: Engine, url: str) -> None:
    """Up to the newest revision; Alembic is imported only when there is something to do."""
    with engine.connect() as conn:
        current = _revision(conn)
    if current == head_revision():
        return
    if current not in (None, _MADE_BEFORE_ALEMBIC) and current not in migrating.known_revisions(MIGRATIONS):
        raise OfficeDatabaseError("too_new")
    from alembic import command

    cfg = migrating.alembic_config(MIGRATIONS, url)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
        if _revision(conn) == _MADE_BEFORE_ALEMBIC and (_stamped_version(conn) or 0) > SCHEMA_VERSION:
            raise OfficeDatabaseError("too_new")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("office database migrated from %s to %s", current, head_revision())


def _revision(conn: Connection) -> str | None:
    """The Alembic revision; ``_MADE_BEFORE_ALEMBIC`` for office tables without one; None for an empty database."""
    names = set(inspect(conn).get_table_names())
    if "alembic_version" in names:
        return conn.scalar(text("SELECT version_num FROM alembic_version"))
    return _MADE_BEFORE_ALEMBIC if names & set(OfficeBase.metadata.tables) else None


def _stamped_version(conn: Connection) -> int | None:
    """The version ``office_schema`` holds (None: no such table or row)."""
    if not inspect(conn).has_table("office_schema"):
        return None
    return conn.scalar(text("SELECT version FROM office_schema WHERE id = 1"))


# What a database that is down, locked or gone raises: the caller tries again later. Anything else while importing a
# batch is the batch's own fault (a value that does not fit, a type the import did not expect).
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


# orjson reads and writes the resources' JSON several times faster than the standard library (measured: about a
# third of a batch's import went into json.dumps/json.loads)
_JSON = {"json_serializer": lambda value: _json_text(value), "json_deserializer": orjson.loads}


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        # psycopg prepares a statement run 5 times; PostgreSQL then settles on a generic plan, which for the
        # import's "which of these ids are held" query was a sequential scan (0.4 s a query instead of 5 ms)
        return create_engine(url, pool_pre_ping=True, connect_args={"prepare_threshold": None}, **_JSON)
    engine = create_engine(url, connect_args={"timeout": 30}, **_JSON)

    @event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _record: Any) -> None:
        connection.isolation_level = None  # SQLAlchemy's begin below, not pysqlite's
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _immediate(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # two imports at once queue instead of failing half-way

    return engine


# -- stations and batches --------------------------------------------------------------------------------------

class OfficeStore:
    """Reads and writes of one transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._postgres = session.get_bind().dialect.name == "postgresql"

    def _among(self, column: Any, ids: list) -> Any:
        """``column IN ids``. On PostgreSQL one array parameter (``= ANY(:ids)``): the same IN with 500 bound
        parameters took 0.6 s instead of 5 ms on 28,000 resources (measured), and grew with the table."""
        if self._postgres:
            return column == any_(bindparam(None, ids, type_=ARRAY(String)))
        return column.in_(ids)

    def station(self, code: str) -> OfficeStationRow | None:
        return self.session.get(OfficeStationRow, code)

    def station_with_key(self, key_id: str) -> OfficeStationRow | None:
        return self.session.scalars(select(OfficeStationRow).where(OfficeStationRow.key_id == key_id)).first()

    def stations(self) -> list[OfficeStationRow]:
        return list(self.session.scalars(select(OfficeStationRow).order_by(OfficeStationRow.code)))

    def add(self, row: Any) -> Any:
        self.session.add(row)
        self.session.flush()
        return row

    def refusal_noted(self, file_name: str, reason: str) -> bool:
        """Whether a refusal of this file for this reason, with no copy kept, is already in the quarantine list."""
        q = OfficeQuarantineRow
        return self.session.scalars(select(q.id).where(q.file_name == file_name, q.reason == reason,
                                                       q.stored_path.is_(None)).limit(1)).first() is not None

    def batch(self, code: str, sequence: int) -> OfficeBatchRow | None:
        return self.session.scalars(select(OfficeBatchRow).where(
            OfficeBatchRow.station_code == code, OfficeBatchRow.sequence == sequence)).first()

    def batches(self) -> list[OfficeBatchRow]:
        return list(self.session.scalars(select(OfficeBatchRow).order_by(OfficeBatchRow.station_code,
                                                                          OfficeBatchRow.sequence)))

    def station_keys(self, code: str) -> list[OfficeStationKeyRow]:
        """The station's keys, oldest first (by the sequence each signs from)."""
        k = OfficeStationKeyRow
        return list(self.session.scalars(select(k).where(k.station_code == code).order_by(k.from_sequence)))

    def key_registered(self, key_id: str) -> bool:
        """Whether any station signs, or once signed, with this key."""
        k = OfficeStationKeyRow
        return (self.station_with_key(key_id) is not None
                or self.session.scalars(select(k.id).where(k.key_id == key_id).limit(1)).first() is not None)

    def events(self, code: str) -> list[OfficeEventRow]:
        e = OfficeEventRow
        return list(self.session.scalars(select(e).where(e.station_code == code).order_by(e.id)))

    def anchors(self, code: str) -> list[OfficeAuditAnchorRow]:
        """The audit heads a station's batches carried, in batch order."""
        a = OfficeAuditAnchorRow
        return list(self.session.scalars(select(a).where(a.station_code == code).order_by(a.batch_sequence)))

    def sequences(self, code: str) -> list[int]:
        return list(self.session.scalars(select(OfficeBatchRow.sequence).where(OfficeBatchRow.station_code == code)
                                          .order_by(OfficeBatchRow.sequence)))

    def quarantined(self) -> list[OfficeQuarantineRow]:
        return list(self.session.scalars(select(OfficeQuarantineRow).order_by(OfficeQuarantineRow.id)))

    # -- resources -----------------------------------------------------------------------------------------------

    def existing(self, kind: str, ids: Iterable[str]) -> dict[str, tuple[int, str, str | None]]:
        """id → (version, stamp, owner) of the rows already held."""
        table = KINDS[kind]
        found: dict[str, tuple[int, str, str | None]] = {}
        for chunk in _chunks(list(ids)):
            rows = self.session.execute(select(table.id, table.version, table.stamp, table.owner)
                                        .where(self._among(table.id, chunk)))
            found.update((i, (v, s, o)) for i, v, s, o in rows)
        return found

    def site_mates(self, code: str) -> set[str]:
        """The registered stations that may write this station's records: itself and the laptops of its site."""
        station = self.station(code)
        if station is None:
            return set()
        site = station.site or station.code
        s = OfficeStationRow
        return {code, *self.session.scalars(select(s.code).where((s.code == site) | (s.site == site)))}

    def insert(self, kind: str, rows: Sequence[dict]) -> None:
        """New rows: PostgreSQL's COPY, else Core's executemany (the ORM's bulk path costs three times as much)."""
        if not rows:
            return
        table = KINDS[kind].__table__
        if self._postgres:
            _copy(self.session, table, rows)
        else:
            self.session.connection().execute(insert(table), list(rows))

    def replace(self, kind: str, rows: Sequence[dict], batch_id: int) -> None:
        """Newer versions of rows held: the held ones go to history, then are overwritten."""
        if not rows:
            return
        self._to_history(kind, [r["id"] for r in rows], batch_id, removed=False)
        self.session.execute(update(KINDS[kind]), list(rows))

    def refresh(self, kind: str, rows: Sequence[dict]) -> None:
        """The same version sent again by a newer batch (a visit's Encounter has no versions): overwritten."""
        if rows:
            self.session.execute(update(KINDS[kind]), list(rows))

    def part_members(self, visit_ids: Iterable[str]) -> list[tuple[str, str, str, str]]:
        """(id, visit id, part, stamp) of the resources held for these visits."""
        table = OfficeResourceRow
        found = []
        for chunk in _chunks(list(visit_ids)):
            found.extend(tuple(r) for r in self.session.execute(
                select(table.id, table.visit_id, table.part, table.stamp).where(self._among(table.visit_id, chunk))))
        return found

    def remove_resources(self, ids: Sequence[str], batch_id: int) -> None:
        """Resources a newer part set no longer holds: kept in history, removed from the current ones."""
        if not ids:
            return
        self._to_history("resource", ids, batch_id, removed=True)
        for chunk in _chunks(list(ids)):
            self.session.execute(delete(OfficeResourceRow).where(self._among(OfficeResourceRow.id, chunk)))

    def _to_history(self, kind: str, ids: Sequence[str], batch_id: int, removed: bool) -> None:
        table = KINDS[kind]
        kind_of = table.resource_type if table is OfficeResourceRow else None
        now = utcnow()
        for chunk in _chunks(list(ids)):
            rows = self.session.execute(select(table.id, table.version, table.resource, *(
                [kind_of] if kind_of is not None else [])).where(self._among(table.id, chunk))).all()
            self.session.execute(insert(OfficeHistoryRow), [
                {"resource_id": r[0], "version": r[1], "resource": r[2], "removed": removed,
                 "resource_type": r[3] if kind_of is not None else r[2].get("resourceType", kind),
                 "replaced_by_batch": batch_id, "replaced_at": now} for r in rows])

    def mark_finished_imported(self, visit_ids: Sequence[str], moment: dt.datetime) -> None:
        """The first import of a finished visit: when the 24-hour rule is met or missed."""
        for chunk in _chunks(list(visit_ids)):
            self.session.execute(update(OfficeVisitRow).where(
                self._among(OfficeVisitRow.id, chunk), OfficeVisitRow.status == "finished",
                OfficeVisitRow.finished_imported_at.is_(None)).values(finished_imported_at=moment))

    def count(self, table: Any, **where: Any) -> int:
        from sqlalchemy import func

        query = select(func.count()).select_from(table)
        for name, value in where.items():
            query = query.where(getattr(table, name) == value)
        return int(self.session.scalar(query) or 0)

    # -- the report ----------------------------------------------------------------------------------------------

    def visit_facts(self) -> list[VisitFact]:
        """One light row per visit for the report (aggregated in Python: the same on SQLite and PostgreSQL)."""
        v, p = OfficeVisitRow, OfficePatientRow
        rows = self.session.execute(
            select(v.id, v.station_code, v.status, v.funding_source, v.campaign, v.completed_at,
                   v.finished_imported_at, p.commune_code, p.target_groups, p.national_id)
            .join(p, p.id == v.patient_id, isouter=True))
        return [VisitFact(*r) for r in rows]


@dataclass(frozen=True)
class VisitFact:
    visit_id: str
    station_code: str
    status: str
    funding_source: str | None
    campaign: str | None
    completed_at: str | None
    finished_imported_at: dt.datetime | None
    commune_code: str | None
    target_groups: list | None
    national_id: str | None


def _copy(session: Session, table: Any, rows: Sequence[dict]) -> None:
    """Rows through ``COPY … FROM STDIN`` on the session's own connection (inside its transaction): a batch's
    15,000 resources went in 2.5 s by executemany, most of it binding parameters one row at a time."""
    columns = [c for c in table.columns if c.name in rows[0]]
    as_json = [isinstance(c.type, JSON) for c in columns]
    names = ", ".join(f'"{c.name}"' for c in columns)
    raw = session.connection().connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([_json_text(row[c.name]) if j and row[c.name] is not None else row[c.name]
                            for c, j in zip(columns, as_json)])


def unfit(kind: str, rows: Sequence[dict]) -> str | None:
    """The first value of these rows that its column cannot hold (wrong type, too long, out of range), as
    ``column``; None when all fit. PostgreSQL would refuse them half-way, SQLite would store them as they are."""
    columns = [(c.name, c.type, c.nullable) for c in KINDS[kind].__table__.columns if not isinstance(c.type, JSON)]
    for row in rows:
        for name, kind_of, nullable in columns:
            if name not in row:
                continue
            value = row[name]
            if value is None:
                if not nullable:
                    return name
            elif isinstance(kind_of, String):
                if not isinstance(value, str) or (kind_of.length and len(value) > kind_of.length):
                    return name
            elif isinstance(kind_of, Integer) and (isinstance(value, bool) or not isinstance(value, int)
                                                   or not -2**31 <= value < 2**31):
                return name
    return None


def _json_text(value: Any) -> str:
    return orjson.dumps(value).decode("utf-8")


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
