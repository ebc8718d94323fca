"""export: the change log (outbox) filled by triggers, and the stored bytes of each batch made

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-23 15:00:00

Triggers write the outbox in the same transaction as the change, whatever code path made it (ORM, Core
executemany, bulk imports): a batch is made from the change log, never from timestamps. A thing changed again
is deleted and inserted, so it moves to a new, higher sequence (AUTOINCREMENT never reuses a number), unless it
is the newest row already; an export writes a ``cut`` row after reading, so a change after that moves again.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0004'
branch_labels = None
depends_on = None

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_EXAMINED = "EXISTS (SELECT 1 FROM visits WHERE resident_id = {ref})"
# Already the newest row of the log: nothing can have read it since (an export writes a 'cut' row after reading),
# so the 17 measurements of one save, or a bulk insert's rows, move their visit once instead of 17 times.
_LATEST = ("EXISTS (SELECT 1 FROM outbox WHERE seq = (SELECT max(seq) FROM outbox) "
           "AND kind = '{kind}' AND ref_id = {ref})")
# (trigger name part, table, events, outbox kind, SQL giving the id the row belongs to, from NEW or OLD, and for
# residents a condition: only residents with a visit are logged, so a roster import of thousands logs nothing)
_LOGGED = [
    ("residents", "residents", ("UPDATE",), "resident", "{r}.id", _EXAMINED),
    ("target_groups", "resident_target_groups", ("INSERT", "DELETE"), "resident", "{r}.resident_id", _EXAMINED),
    ("visits", "visits", ("INSERT", "UPDATE"), "visit", "{r}.id", None),
    ("consents", "consents", ("INSERT", "UPDATE", "DELETE"), "consent", "{r}.visit_id", None),
    ("measurements", "measurements", ("INSERT", "UPDATE", "DELETE"), "vitals", "{r}.visit_id", None),
    ("history_items", "history_items", ("INSERT", "UPDATE", "DELETE"), "history", "{r}.visit_id", None),
    ("findings", "findings", ("INSERT", "UPDATE", "DELETE"), "findings", "{r}.visit_id", None),
    ("diagnoses", "diagnoses", ("INSERT", "UPDATE", "DELETE"), "findings",
     "(SELECT visit_id FROM findings WHERE id = {r}.finding_id)", None),
    ("conclusions", "conclusions", ("INSERT", "UPDATE", "DELETE"), "conclusion", "{r}.visit_id", None),
    ("counselling", "counselling_notes", ("INSERT", "UPDATE", "DELETE"), "counselling", "{r}.visit_id", None),
]


def _triggers():
    for name, table, events, kind, ref, condition in _LOGGED:
        for event in events:
            ref_sql = ref.format(r="OLD" if event == "DELETE" else "NEW")
            when = (f"{ref_sql} IS NOT NULL AND NOT " + _LATEST.format(kind=kind, ref=ref_sql)
                    + (f" AND {condition.format(ref=ref_sql)}" if condition else ""))
            yield f"outbox_{name}_{event.lower()}", (
                f"CREATE TRIGGER outbox_{name}_{event.lower()} AFTER {event} ON {table} WHEN {when} BEGIN "
                f"DELETE FROM outbox WHERE kind = '{kind}' AND ref_id = {ref_sql}; "
                f"INSERT INTO outbox (kind, ref_id, changed_at) VALUES ('{kind}', {ref_sql}, {_NOW}); END")


def upgrade() -> None:
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('ref_id', sa.String(length=36), nullable=False),
    sa.Column('changed_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('kind', 'ref_id', name='uq_outbox_kind'),
    sqlite_autoincrement=True,
    )
    op.create_table('export_batch_files',
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['export_batches.id'],
                            name=op.f('fk_export_batch_files_batch_id_export_batches')),
    sa.PrimaryKeyConstraint('batch_id', name=op.f('pk_export_batch_files')),
    )
    for _name, sql in _triggers():
        op.execute(sql)
    # Visits made before this change are logged once, so the first batch carries everything.
    for kind, table in (("visit", "visits"), ("consent", "consents"), ("vitals", "measurements"),
                        ("history", "history_items"), ("findings", "findings"), ("conclusion", "conclusions"),
                        ("counselling", "counselling_notes")):
        column = "id" if table == "visits" else "visit_id"
        op.execute(f"INSERT OR IGNORE INTO outbox (kind, ref_id, changed_at) "
                   f"SELECT DISTINCT '{kind}', {column}, {_NOW} FROM {table}")


def downgrade() -> None:
    for name, _sql in _triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('export_batch_files')
    op.drop_table('outbox')
