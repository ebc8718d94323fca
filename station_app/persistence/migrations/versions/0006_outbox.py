"""export: the change log (outbox) filled by triggers, and the stored bytes of each batch made

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-23 15:00:00

Triggers write the outbox in the same transaction as the change, whatever code path made it (ORM, Core
executemany, bulk imports): a batch is made from the change log, never from timestamps. A thing changed again
is deleted and inserted, so it moves to a new, higher sequence (AUTOINCREMENT never reuses a number).
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0004'
branch_labels = None
depends_on = None

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
# (trigger name part, table, events, outbox kind, SQL giving the id the row belongs to, from NEW or OLD)
_LOGGED = [
    ("residents", "residents", ("UPDATE",), "resident", "{r}.id"),
    ("target_groups", "resident_target_groups", ("INSERT", "DELETE"), "resident", "{r}.resident_id"),
    ("visits", "visits", ("INSERT", "UPDATE"), "visit", "{r}.id"),
    ("consents", "consents", ("INSERT", "UPDATE", "DELETE"), "consent", "{r}.visit_id"),
    ("measurements", "measurements", ("INSERT", "UPDATE", "DELETE"), "vitals", "{r}.visit_id"),
    ("history_items", "history_items", ("INSERT", "UPDATE", "DELETE"), "history", "{r}.visit_id"),
    ("findings", "findings", ("INSERT", "UPDATE", "DELETE"), "findings", "{r}.visit_id"),
    ("diagnoses", "diagnoses", ("INSERT", "UPDATE", "DELETE"), "findings",
     "(SELECT visit_id FROM findings WHERE id = {r}.finding_id)"),
    ("conclusions", "conclusions", ("INSERT", "UPDATE", "DELETE"), "conclusion", "{r}.visit_id"),
    ("counselling", "counselling_notes", ("INSERT", "UPDATE", "DELETE"), "counselling", "{r}.visit_id"),
]


def _triggers():
    for name, table, events, kind, ref in _LOGGED:
        for event in events:
            ref_sql = ref.format(r="OLD" if event == "DELETE" else "NEW")
            yield f"outbox_{name}_{event.lower()}", (
                f"CREATE TRIGGER outbox_{name}_{event.lower()} AFTER {event} ON {table} "
                f"WHEN {ref_sql} IS NOT NULL BEGIN "
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
