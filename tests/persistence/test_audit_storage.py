"""Audit events are append-only in the database itself, and tampering by hand is found."""
import sqlite3

import pytest

from station_app.persistence.database import DB_FILE_NAME


def test_every_sign_in_is_in_the_chain_and_the_chain_verifies(ctx, admin):
    report = ctx.audit.verify()
    assert report.ok and report.checked >= 3  # user created, station set up, sign-in


def test_the_database_refuses_to_update_or_delete_audit_events(ctx, admin, data_dir):
    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("UPDATE audit_events SET action = 'x' WHERE seq = 1")
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("DELETE FROM audit_events WHERE seq = 1")


def _drop_triggers(conn):
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_events'"):
        conn.execute(f'DROP TRIGGER "{name}"')


def test_an_event_edited_behind_the_apps_back_is_named(ctx, admin, data_dir):
    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        _drop_triggers(conn)
        conn.execute("UPDATE audit_events SET user_id = NULL WHERE seq = 2")
    report = ctx.audit.verify()
    assert not report.ok and report.broken_at == 2 and report.reason == "edited"


def test_a_deleted_event_is_named(ctx, admin, data_dir):
    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        _drop_triggers(conn)
        conn.execute("DELETE FROM audit_events WHERE seq = 2")
    report = ctx.audit.verify()
    assert not report.ok and report.broken_at == 2
