"""Opening the station database: checks, SQLite settings, migrations on start.

Order matters: nothing is written before the file is known to be ours, intact and not newer than this
program; before an upgrade the file is copied aside, so a failed migration never loses data.
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from station_app.core.errors import (
    DatabaseCorruptError,
    DatabaseInUseError,
    DatabaseTooNewError,
    DataFolderNotWritableError,
    DiskFullError,
    is_disk_full,
)
from station_app.persistence import migrating

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
DB_FILE_NAME = "station.sqlite3"
_MIGRATIONS = Path(__file__).with_name("migrations")
_SQLITE_MAGIC = b"SQLite format 3\x00"


def alembic_config(url: str) -> Config:
    return migrating.alembic_config(_MIGRATIONS, url)


def known_revisions() -> dict[str, str | None]:
    return migrating.known_revisions(_MIGRATIONS)


def head_revision() -> str:
    return migrating.head_revision(_MIGRATIONS)


READ_ONLY = "station_read_only"  # execution option of the engine that read-only units of work bind to


def make_engine(path: Path) -> Engine:
    """An engine with WAL, foreign keys, a busy timeout, and BEGIN IMMEDIATE for every transaction.

    Immediate transactions take the write lock up front, so two processes appending to the audit chain are
    serialised instead of failing half-way. Sessions bound to ``engine.execution_options(station_read_only=True)``
    begin a deferred (reading) transaction instead.
    """
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 10, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        # Reports only read: a deferred BEGIN lets them run beside a nurse's save (WAL readers never block writers)
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")

    return engine


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    def dispose(self) -> None:
        self.engine.dispose()


def check_folder_writable(folder: Path) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # residents' data: readable by its owner only
        probe = folder / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFullError() from exc
        raise DataFolderNotWritableError(path=str(folder)) from exc


def _check_existing_file(path: Path) -> str | None:
    """Return the file's Alembic revision (None if it has none) or raise if it is not a sound station DB."""
    with path.open("rb") as fh:
        header = fh.read(16)
    # Zero bytes too: SQLite writes its header as soon as WAL is set, so an empty file is a lost one (a copy
    # cut short, a disk that failed); opening it as new would hide the real station behind an empty one.
    if header != _SQLITE_MAGIC:
        raise DatabaseCorruptError(path=str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DatabaseCorruptError(path=str(path))
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseCorruptError(path=str(path))
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseInUseError() from exc
        raise DatabaseCorruptError(path=str(path)) from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(path=str(path)) from exc


def open_database(folder: Path) -> Database:
    """Open (creating or upgrading as needed) the station database in ``folder``."""
    check_folder_writable(folder)
    path = folder / DB_FILE_NAME
    revision = _check_existing_file(path) if path.exists() else None
    head = head_revision()
    if revision is not None:
        if revision not in known_revisions():
            raise DatabaseTooNewError(found=revision)
        if revision != head:
            _backup(path, revision)
    engine = make_engine(path)
    if revision == head:
        return Database(path, engine, sessionmaker(engine, expire_on_commit=False))
    try:
        with _owner_only() if revision is None else contextlib.nullcontext():
            _upgrade(engine, path)
    except OperationalError as exc:
        engine.dispose()
        if "locked" in str(exc):
            raise DatabaseInUseError() from exc
        raise
    except DatabaseError as exc:
        engine.dispose()
        raise DatabaseCorruptError(path=str(path)) from exc
    return Database(path, engine, sessionmaker(engine, expire_on_commit=False))


@contextlib.contextmanager
def _owner_only():  # noqa: ANN202
    """A new database file (and its -wal, -shm) is created readable and writable by its owner only (POSIX)."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def _upgrade(engine: Engine, path: Path) -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    cfg = alembic_config(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    if current != head_revision():
        log.info("database migrated from %s to %s", current, head_revision())


def _backup(path: Path, revision: str) -> Path:
    """Copy the database (with SQLite's backup API, consistent even in WAL mode) before migrating it."""
    backups = path.parent / "backups"
    backups.mkdir(exist_ok=True)
    target = backups / f"{path.stem}-before-upgrade-from-{revision}.sqlite3"
    backup_sqlite(sqlite3.connect(path), target)
    log.info("database backed up before upgrade from revision %s", revision)
    return target


def backup_sqlite(src: sqlite3.Connection, target: Path) -> None:
    """Copy the database ``src`` is connected to into ``target`` with SQLite's backup API (consistent even while
    another connection writes in WAL mode); both connections are closed after."""
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def copy_database(path: Path, target: Path) -> None:
    shutil.copy2(path, target)
