"""office: the schema of version 2 (stations and their keys, batches, resources, history, quarantine, decisions)

Revision ID: 0001
Revises:
Create Date: 2026-12-07 15:30:00

Before Alembic the office made its tables with ``metadata.create_all`` at every opening and stamped them in
``office_schema`` (version 1: no owners, no sites; version 2: this schema). Such a database is taken over here, in
the transaction that records this revision: version 1 gets its owners and sites as the version 2 step gave them,
the tables it lacks (create_all made those added later at the next opening) are created, and every table it
holds must have this revision's columns, or nothing is changed and the database is refused. An empty database
gets every table. ``office_schema`` stays at version 2, so a program from before Alembic still opens this schema;
a later revision that changes it sets a higher version there, so such a program refuses it.
"""
import datetime as dt
import logging

import sqlalchemy as sa
from alembic import op

from station_app.persistence.office.database import OfficeDatabaseError

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

log = logging.getLogger("station_app.persistence.office.migrations")
SCHEMA_VERSION = 2
_OWNED = ("office_patients", "office_visits", "office_resources")
_S = sa.MetaData()


def _pk_id() -> sa.Column:
    return sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True, nullable=False)


def _station_fk() -> sa.Column:
    return sa.Column('station_code', sa.String(32), sa.ForeignKey('office_stations.code'), nullable=False)


sa.Table('office_schema', _S,
         sa.Column('id', sa.Integer(), primary_key=True, nullable=False),
         sa.Column('version', sa.Integer(), nullable=False),
         sa.Column('created_at', sa.DateTime(), nullable=False))
sa.Table('office_stations', _S,
         sa.Column('code', sa.String(32), primary_key=True, nullable=False),
         sa.Column('name', sa.String(200), nullable=True),
         sa.Column('key_id', sa.String(64), nullable=False, unique=True),
         sa.Column('public_key_pem', sa.Text(), nullable=False),
         sa.Column('registered_at', sa.DateTime(), nullable=False),
         sa.Column('site', sa.String(32), nullable=True))
sa.Table('office_batches', _S,
         _pk_id(), _station_fk(),
         sa.Column('sequence', sa.Integer(), nullable=False),
         sa.Column('manifest_sha256', sa.String(64), nullable=False),
         sa.Column('previous', sa.String(64), nullable=True),
         sa.Column('file_name', sa.String(200), nullable=False),
         sa.Column('created_at', sa.String(32), nullable=False),
         sa.Column('site_name', sa.String(200), nullable=True),
         sa.Column('commune_code', sa.String(5), nullable=True),
         sa.Column('campaign', sa.String(200), nullable=True),
         sa.Column('counts', sa.JSON(), nullable=False),
         sa.Column('imported_at', sa.DateTime(), nullable=False),
         sa.Column('receipt', sa.JSON(), nullable=True),
         sa.UniqueConstraint('station_code', 'sequence', name='uq_office_batches_sequence'))
sa.Table('office_quarantine', _S,
         _pk_id(),
         sa.Column('file_name', sa.String(300), nullable=False),
         sa.Column('station_code', sa.String(32), nullable=True),
         sa.Column('sequence', sa.Integer(), nullable=True),
         sa.Column('reason', sa.String(40), nullable=False),
         sa.Column('stored_path', sa.Text(), nullable=True),
         sa.Column('received_at', sa.DateTime(), nullable=False))
sa.Table('office_patients', _S,
         sa.Column('id', sa.String(36), primary_key=True, nullable=False),
         sa.Column('national_id', sa.String(12), nullable=True),
         sa.Column('commune_code', sa.String(5), nullable=True),
         sa.Column('target_groups', sa.JSON(), nullable=False),
         sa.Column('station_code', sa.String(32), nullable=False),
         sa.Column('version', sa.Integer(), nullable=False),
         sa.Column('stamp', sa.String(80), nullable=False),
         sa.Column('batch_id', sa.Integer(), nullable=False),
         sa.Column('resource', sa.JSON(), nullable=False),
         sa.Column('owner', sa.String(32), nullable=True),
         sa.Index('ix_office_patients_national_id', 'national_id'))
sa.Table('office_visits', _S,
         sa.Column('id', sa.String(36), primary_key=True, nullable=False),
         sa.Column('patient_id', sa.String(36), nullable=False),
         sa.Column('station_code', sa.String(32), nullable=False),
         sa.Column('site_id', sa.String(36), nullable=True),
         sa.Column('campaign', sa.String(200), nullable=True),
         sa.Column('funding_source', sa.String(40), nullable=True),
         sa.Column('status', sa.String(20), nullable=False),
         sa.Column('completed_at', sa.String(32), nullable=True),
         sa.Column('finished_imported_at', sa.DateTime(), nullable=True),
         sa.Column('version', sa.Integer(), nullable=False),
         sa.Column('stamp', sa.String(80), nullable=False),
         sa.Column('batch_id', sa.Integer(), nullable=False),
         sa.Column('resource', sa.JSON(), nullable=False),
         sa.Column('owner', sa.String(32), nullable=True),
         sa.Index('ix_office_visits_patient_id', 'patient_id'),
         sa.Index('ix_office_visits_station_code', 'station_code'))
sa.Table('office_resources', _S,
         sa.Column('id', sa.String(36), primary_key=True, nullable=False),
         sa.Column('resource_type', sa.String(40), nullable=False),
         sa.Column('visit_id', sa.String(36), nullable=False),
         sa.Column('part', sa.String(20), nullable=False),
         sa.Column('code', sa.String(80), nullable=True),
         sa.Column('version', sa.Integer(), nullable=False),
         sa.Column('stamp', sa.String(80), nullable=False),
         sa.Column('batch_id', sa.Integer(), nullable=False),
         sa.Column('resource', sa.JSON(), nullable=False),
         sa.Column('owner', sa.String(32), nullable=True),
         sa.Index('ix_office_resources_visit', 'visit_id', 'part'))
sa.Table('office_history', _S,
         _pk_id(),
         sa.Column('resource_id', sa.String(36), nullable=False),
         sa.Column('resource_type', sa.String(40), nullable=False),
         sa.Column('version', sa.Integer(), nullable=False),
         sa.Column('removed', sa.Boolean(), nullable=False),
         sa.Column('replaced_by_batch', sa.Integer(), nullable=False),
         sa.Column('replaced_at', sa.DateTime(), nullable=False),
         sa.Column('resource', sa.JSON(), nullable=False),
         sa.Index('ix_office_history_resource_id', 'resource_id'))
sa.Table('office_station_keys', _S,
         _pk_id(), _station_fk(),
         sa.Column('key_id', sa.String(64), nullable=False, unique=True),
         sa.Column('public_key_pem', sa.Text(), nullable=False),
         sa.Column('from_sequence', sa.Integer(), nullable=False),
         sa.Column('registered_at', sa.DateTime(), nullable=False),
         sa.UniqueConstraint('station_code', 'from_sequence', name='uq_office_station_keys_from'),
         sa.Index('ix_office_station_keys_station_code', 'station_code'))
sa.Table('office_events', _S,
         _pk_id(),
         sa.Column('at', sa.DateTime(), nullable=False),
         sa.Column('action', sa.String(40), nullable=False),
         sa.Column('station_code', sa.String(32), nullable=True),
         sa.Column('details', sa.JSON(), nullable=False),
         sa.Index('ix_office_events_station_code', 'station_code'))
sa.Table('office_audit_anchors', _S,
         _pk_id(), _station_fk(),
         sa.Column('batch_sequence', sa.Integer(), nullable=False),
         sa.Column('audit_seq', sa.Integer(), nullable=False),
         sa.Column('audit_hash', sa.String(64), nullable=False),
         sa.Column('rewound', sa.Boolean(), nullable=False),
         sa.Column('received_at', sa.DateTime(), nullable=False),
         sa.UniqueConstraint('station_code', 'batch_sequence', name='uq_office_audit_anchors_batch'),
         sa.Index('ix_office_audit_anchors_station_code', 'station_code'))
sa.Table('office_quarantine_dropped', _S,
         sa.Column('station_code', sa.String(32), primary_key=True, nullable=False),
         sa.Column('files', sa.Integer(), nullable=False),
         sa.Column('bytes', sa.BigInteger(), nullable=False),
         sa.Column('last_dropped_at', sa.DateTime(), nullable=True))
sa.Table('office_chain_decisions', _S,
         _pk_id(), _station_fk(),
         sa.Column('from_sequence', sa.Integer(), nullable=False),
         sa.Column('reason', sa.Text(), nullable=False),
         sa.Column('decided_by', sa.String(100), nullable=False),
         sa.Column('decided_at', sa.DateTime(), nullable=False),
         sa.Column('accepted_manifest_sha256', sa.String(64), nullable=True),
         sa.Column('accepted_at', sa.DateTime(), nullable=True),
         sa.Column('set_aside', sa.JSON(), nullable=True),
         sa.Index('ix_office_chain_decisions_station_code', 'station_code'))

# Version 1 to 2 as the office did it before Alembic: who owns each record is the station of the batch that wrote
# the row held (the first one is not known any more); SQL that SQLite and PostgreSQL both take
_TO_VERSION_2 = (
    "ALTER TABLE office_stations ADD COLUMN site VARCHAR(32)",
    *(f"ALTER TABLE {t} ADD COLUMN owner VARCHAR(32)" for t in _OWNED),
    *(f"UPDATE {t} SET owner = (SELECT b.station_code FROM office_batches b WHERE b.id = {t}.batch_id)"
      for t in _OWNED),
)


def upgrade() -> None:
    bind = op.get_bind()
    held = set(sa.inspect(bind).get_table_names()) & set(_S.tables)
    version = _held_version(bind) if 'office_schema' in held else None
    if version is not None and version < SCHEMA_VERSION:
        for statement in _TO_VERSION_2:
            op.execute(statement)
    _check(bind, held)
    for table in _S.sorted_tables:
        if table.name not in held:
            table.create(bind)
    if version is None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # naive UTC, as every time in the office tables
        op.execute(sa.insert(_S.tables['office_schema']).values(id=1, version=SCHEMA_VERSION, created_at=now))
    elif version < SCHEMA_VERSION:
        op.execute(sa.text("UPDATE office_schema SET version = :v WHERE id = 1").bindparams(v=SCHEMA_VERSION))
    if held:
        log.info("office database made before migrations (schema %s, %d tables) taken over", version, len(held))


def downgrade() -> None:
    for table in reversed(_S.sorted_tables):
        table.drop(op.get_bind())


def _held_version(bind) -> int | None:  # noqa: ANN001
    return bind.execute(sa.text("SELECT version FROM office_schema WHERE id = 1")).scalar()


def _check(bind, held: set[str]) -> None:  # noqa: ANN001
    inspector = sa.inspect(bind)
    for name in sorted(held):
        have = {c["name"] for c in inspector.get_columns(name)}
        if not set(_S.tables[name].columns.keys()) <= have:
            log.warning("office database: table %s lacks columns of revision 0001; nothing changed", name)
            raise OfficeDatabaseError("connect")  # not a database this program made
