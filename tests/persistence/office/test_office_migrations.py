"""The office database's Alembic migrations, on a real SQLite file and a real PostgreSQL database.

A new database gets exactly the schema of ``persistence/office/tables.py`` (a column added there without a
migration fails here); a database the office made before its migrations (``metadata.create_all``, stamped in
``office_schema``) is taken over with its rows, the first version's too; one that is newer than this program, or
that is not the office's, is refused and left as it was.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from station_app.persistence import migrating
from station_app.persistence.office.database import MIGRATIONS, OfficeDatabase, OfficeDatabaseError, head_revision
from station_app.persistence.office.tables import (OfficeBase, OfficeBatchRow, OfficePatientRow, OfficeQuarantineRow,
                                                   OfficeSchemaRow, OfficeStationRow)
from support.postgres import postgres_server  # noqa: F401 - the session fixture, started only when asked for

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
NOW = dt.datetime(2026, 12, 1, 8, 0)
# the tables of the first version (0.2.0), before keys, events, anchors, quarantine counts and chain decisions
FIRST_VERSION = ("office_schema", "office_stations", "office_batches", "office_quarantine", "office_patients",
                 "office_visits", "office_resources", "office_history")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'office.sqlite'}"
    return request.getfixturevalue("postgres_server").new_database()


def schema_differences(url: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return compare_metadata(MigrationContext.configure(conn), OfficeBase.metadata)
    finally:
        engine.dispose()


def revision_of(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()


def made_before_alembic(url: str, version: int = 2) -> None:
    """An office database as the program made it before its migrations: ``create_all``, the stamp, some rows."""
    engine = create_engine(url)
    try:
        tables = None if version == 2 else [OfficeBase.metadata.tables[n] for n in FIRST_VERSION]
        OfficeBase.metadata.create_all(engine, tables=tables)
        with engine.begin() as conn:
            for column in ("pl01_form", "before_1551", "doi_tuong"):  # added by revision 0002, after the office's own schema
                conn.execute(text(f"ALTER TABLE office_visits DROP COLUMN {column}"))
            if version == 1:  # no owners, no sites yet
                for table in ("office_patients", "office_visits", "office_resources"):
                    conn.execute(text(f"ALTER TABLE {table} DROP COLUMN owner"))
                conn.execute(text("ALTER TABLE office_stations DROP COLUMN site"))
            conn.execute(text("INSERT INTO office_schema (id, version, created_at) VALUES (1, :v, :at)"),
                         {"v": version, "at": NOW})
            conn.execute(text("INSERT INTO office_stations (code, name, key_id, public_key_pem, registered_at) "
                              "VALUES ('TYT-MK', 'Trạm Y tế xã Mường Kim', :k, 'PEM', :at)"), {"k": "a" * 64, "at": NOW})
            conn.execute(text("INSERT INTO office_batches (id, station_code, sequence, manifest_sha256, file_name, "
                              "created_at, counts, imported_at) VALUES (7, 'TYT-MK', 1, :m, 'TYT-MK-000001.batch', "
                              "'2026-12-01T08:00:00Z', '{\"visits\": 1}', :at)"), {"m": "b" * 64, "at": NOW})
            conn.execute(text("INSERT INTO office_patients (id, station_code, version, stamp, batch_id, resource, "
                              "target_groups) VALUES ('p-1', 'TYT-MK', 1, 's', 7, '{\"resourceType\": \"Patient\"}', "
                              "'[]')"))
            conn.execute(text("INSERT INTO office_quarantine (file_name, reason, received_at) VALUES "
                              "('junk.batch', 'not_a_zip', :at)"), {"at": NOW})
    finally:
        engine.dispose()


def test_a_new_database_gets_exactly_the_schema_of_the_tables_module(url):
    OfficeDatabase(url).close()
    assert revision_of(url) == head_revision()
    assert schema_differences(url) == []


@pytest.mark.parametrize("version", [2, 1])
def test_a_database_made_before_the_migrations_is_taken_over_with_its_rows(url, version):
    made_before_alembic(url, version)
    db = OfficeDatabase(url)
    try:
        with db.sessions() as session:
            assert session.get(OfficeStationRow, "TYT-MK").name == "Trạm Y tế xã Mường Kim"
            batch = session.get(OfficeBatchRow, 7)
            assert (batch.sequence, batch.counts) == (1, {"visits": 1})
            patient = session.get(OfficePatientRow, "p-1")
            assert patient.owner == ("TYT-MK" if version == 1 else None)  # version 2 set owners at import
            assert [q.file_name for q in session.query(OfficeQuarantineRow)] == ["junk.batch"]
            assert (session.get(OfficeSchemaRow, 1).version, session.get(OfficeSchemaRow, 1).created_at) == (2, NOW)
    finally:
        db.close()
    assert revision_of(url) == head_revision()
    assert schema_differences(url) == []
    OfficeDatabase(url).close()  # opened again: nothing more to do


def test_a_postgresql_url_with_a_percent_encoded_password_opens_and_migrates(postgres_server):
    url = postgres_server.new_database().replace("postgres@", "postgres:p%40ss%25@")  # the test server trusts anyone
    assert migrating.alembic_config(MIGRATIONS, url).get_main_option("sqlalchemy.url") == url
    OfficeDatabase(url).close()
    assert revision_of(url) == head_revision()


def test_a_database_at_a_revision_this_program_does_not_know_is_refused_untouched(url):
    OfficeDatabase(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(OfficeDatabaseError) as refused:
        OfficeDatabase(url)
    assert refused.value.reason == "too_new"
    assert revision_of(url) == "9999"


def test_a_database_stamped_newer_before_the_migrations_is_refused_untouched(url):
    made_before_alembic(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE office_schema SET version = 3"))
    engine.dispose()
    with pytest.raises(OfficeDatabaseError) as refused:
        OfficeDatabase(url)
    assert refused.value.reason == "too_new"
    assert revision_of(url) is None


def test_tables_of_the_office_without_their_columns_are_refused_and_nothing_is_changed(url):
    made_before_alembic(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE office_batches DROP COLUMN receipt"))
        conn.execute(text("DROP TABLE office_chain_decisions"))
    engine.dispose()
    with pytest.raises(OfficeDatabaseError):
        OfficeDatabase(url)
    assert revision_of(url) is None
    engine = create_engine(url)
    try:
        assert not inspect(engine).has_table("office_chain_decisions")  # not created: the whole take-over undone
    finally:
        engine.dispose()


def test_the_fast_revision_reader_agrees_with_alembic():
    script = ScriptDirectory.from_config(migrating.alembic_config(MIGRATIONS, "sqlite://"))
    assert head_revision() == script.get_current_head()
    assert set(migrating.known_revisions(MIGRATIONS)) == {r.revision for r in script.walk_revisions()}


def test_opening_an_up_to_date_office_database_does_not_load_alembic(tmp_path):
    url = f"sqlite:///{tmp_path / 'office.sqlite'}"
    OfficeDatabase(url).close()
    code = ("import sys; from station_app.persistence.office.database import OfficeDatabase;"
            f"OfficeDatabase({url!r}).close(); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
