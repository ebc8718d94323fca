"""Opening the office database: the engine, its migrations, the errors of opening and of conflicting writes.

SQLite (a file in the office folder) or PostgreSQL (``postgresql+psycopg://…``). Opening runs the office's Alembic
migrations (``migrations/``) up to the newest revision; a database made by ``metadata.create_all`` before them is
taken over by revision 0001 (its rows kept). A database at a revision this program does not know, or stamped in
``office_schema`` with a newer version than the last one before Alembic, is refused as too new.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import InterfaceError, OperationalError, ProgrammingError
from sqlalchemy.orm import sessionmaker

from station_app.persistence import migrating
from station_app.persistence.office.tables import SCHEMA_VERSION, OfficeBase

log = logging.getLogger(__name__)
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
_JSON = {"json_serializer": lambda value: json_text(value), "json_deserializer": orjson.loads}


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


def json_text(value: Any) -> str:
    """A value as the JSON text the engine writes (orjson), also for PostgreSQL's COPY (store.py)."""
    return orjson.dumps(value).decode("utf-8")
