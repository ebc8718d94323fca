"""QĐ 1551: each visit's answers to its PL01 form, the visit's form, the station's facility codes

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 18:30:00

Answers are stored generically (visit, PL01 code, item, value, unit, status, who, when, version), so a field a
corrected PL01 adds is data, not a migration. They are keyed by (visit, code, item) in a table without rowid and
with no id of its own, and no index but that key (lists and reports read a visit's answer to a code): a
complete visit holds thirty to a hundred of them. Every visit that exists when this runs is kept as it is and marked
``before_1551``: its values the station already kept map to their PL01 codes when read (core.pl01's
``station_field``), and the fields that did not exist read "not recorded (before QĐ 1551)", never invented.
Answers are logged in the outbox like every other part of a visit, so a batch carries them.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_LATEST = ("EXISTS (SELECT 1 FROM outbox WHERE seq = (SELECT max(seq) FROM outbox) "
           "AND kind = 'answers' AND ref_id = {ref})")


def _triggers():
    for event in ("INSERT", "UPDATE", "DELETE"):
        ref = "OLD.visit_id" if event == "DELETE" else "NEW.visit_id"
        when = f"{ref} IS NOT NULL AND NOT " + _LATEST.format(ref=ref)
        name = f"outbox_answers_{event.lower()}"
        yield name, (f"CREATE TRIGGER {name} AFTER {event} ON answers WHEN {when} BEGIN "
                     f"DELETE FROM outbox WHERE kind = 'answers' AND ref_id = {ref}; "
                     f"INSERT INTO outbox (kind, ref_id, changed_at) VALUES ('answers', {ref}, {_NOW}); END")


def upgrade() -> None:
    op.create_table(
        'answers',
        sa.Column('visit_id', sa.String(36), nullable=False),
        sa.Column('code', sa.String(60), nullable=False),
        sa.Column('item', sa.Integer(), nullable=False),
        sa.Column('value', sa.Text(), nullable=True),
        sa.Column('unit', sa.String(20), nullable=True),
        sa.Column('status', sa.String(20), nullable=False),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('desk', sa.String(40), nullable=False),
        sa.Column('recorded_by', sa.String(36), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_answers_visit_id_visits')),
        sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_answers_recorded_by_users')),
        sa.PrimaryKeyConstraint('visit_id', 'code', 'item', name=op.f('pk_answers')),
        sqlite_with_rowid=False,
    )
    # Plain ADD COLUMN (no table copy): the outbox triggers on visits stay in place.
    op.add_column('visits', sa.Column('pl01_form', sa.Integer(), nullable=True))
    op.add_column('visits', sa.Column('pl01_form_reason', sa.Text(), nullable=True))
    op.add_column('visits', sa.Column('before_1551', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('stations', sa.Column('facility_code', sa.String(5), nullable=True))
    op.add_column('stations', sa.Column('facility_gln', sa.String(13), nullable=True))
    op.execute("UPDATE visits SET before_1551 = 1")
    for _name, sql in _triggers():
        op.execute(sql)


def downgrade() -> None:
    for name, _sql in _triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    # ALTER TABLE … DROP COLUMN (SQLite 3.35): a table copy would break the outbox triggers that name visits
    for table, column in (('stations', 'facility_gln'), ('stations', 'facility_code'), ('visits', 'before_1551'),
                          ('visits', 'pl01_form_reason'), ('visits', 'pl01_form')):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    op.drop_table('answers')
