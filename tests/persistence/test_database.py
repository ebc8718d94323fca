"""The database file: WAL and foreign keys, upgrades that lose nothing, and files it must refuse untouched."""
import sqlite3

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from station_app.core.errors import DatabaseCorruptError, DatabaseTooNewError
from station_app.persistence.database import DB_FILE_NAME, alembic_config, head_revision, open_database


def _checkpoint(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    assert not path.with_name(path.name + "-wal").exists()


def test_a_new_database_is_wal_with_foreign_keys_at_the_latest_revision(data_dir):
    db = open_database(data_dir)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
    db.dispose()


def test_foreign_keys_are_enforced(data_dir):
    db = open_database(data_dir)
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO sites (id, station_id, name, kind, commune_code, active, created_at) "
                "VALUES ('s1', 'no-such-station', 'x', 'commune_station', '03637', 1, '2026-01-01')")
    db.dispose()


def test_a_database_made_by_the_first_migration_is_upgraded_without_losing_data(data_dir):
    path = data_dir / DB_FILE_NAME
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    first = list(script.walk_revisions())[-1].revision
    command.upgrade(alembic_config(f"sqlite:///{path}"), first)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO users (id, username, full_name, role, password_hash, active, failed_attempts, "
                     "created_at) VALUES ('u1', 'y.ta', 'Tòng Thị Hoa', 'nurse', 'x', 1, 0, '2026-05-01')")
    db = open_database(data_dir)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT full_name FROM users WHERE id='u1'").scalar() == "Tòng Thị Hoa"
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
    db.dispose()


def test_a_corrupt_file_is_refused_and_left_as_it_was(data_dir):
    path = data_dir / DB_FILE_NAME
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    with pytest.raises(DatabaseCorruptError) as info:
        open_database(data_dir)
    assert path.read_bytes() == garbage
    assert str(path) in str(info.value)


def test_a_damaged_page_is_refused_and_left_as_it_was(ctx, data_dir):
    ctx.close()
    path = data_dir / DB_FILE_NAME
    _checkpoint(path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'users'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start:start + 64] = b"\x07" * 64  # a disk error scribbles over the users table's b-tree page
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(DatabaseCorruptError):
        open_database(data_dir)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_untouched(ctx, data_dir):
    ctx.close()
    path = data_dir / DB_FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    _checkpoint(path)
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError) as info:
        open_database(data_dir)
    assert "cập nhật" in str(info.value).lower() or "phiên bản" in str(info.value).lower()
    assert path.read_bytes() == before


def test_the_fast_revision_reader_agrees_with_alembic():
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert head_revision() == script.get_current_head()
    from station_app.persistence.database import known_revisions

    assert set(known_revisions()) == {r.revision for r in script.walk_revisions()}


def test_opening_an_up_to_date_database_does_not_load_alembic(ctx, data_dir):
    import subprocess
    import sys

    ctx.close()
    code = ("import sys; from pathlib import Path; from station_app.persistence.database import open_database;"
            "open_database(Path(sys.argv[1])); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_read_only_unit_of_work_reads_beside_a_writer_and_cannot_commit(tmp_path):
    """Lists and reports read in a deferred transaction: a long report must not hold up a nurse's save."""
    import threading

    from station_app.persistence.database import open_database
    from station_app.persistence.tables import AuditHeadRow
    from station_app.persistence.unit_of_work import UnitOfWork

    db = open_database(tmp_path)
    try:
        with UnitOfWork(db, read_only=True) as reading:
            reading.session.query(AuditHeadRow).all()  # the read transaction is open and stays open
            wrote = threading.Event()

            def write() -> None:
                with UnitOfWork(db) as uow:
                    uow.audit("create", "stations", None, None, {"n": 1})
                    uow.commit()
                wrote.set()
            writer = threading.Thread(target=write)
            writer.start()
            assert wrote.wait(5), "the writer waited for the reader"
            writer.join()
            with pytest.raises(RuntimeError):
                reading.commit()
    finally:
        db.dispose()
