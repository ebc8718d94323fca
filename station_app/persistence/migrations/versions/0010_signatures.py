"""QĐ 1551 signatures: examiners' certificates on their accounts, the signatures of parts and conclusions, and the
national state of each visit learnt from the office's receipts

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 21:45:00

A user gains a practising-licence number (CCHN, which PL01 records) and a registered certificate (DER) with where
its key lives ('token' or 'file'); never a key, a PIN or a passphrase. ``signatures`` keeps each signature made at
the station with the signed XML document: one row per (visit, part, content digest), so an amended part signed
again is a new row and the old one stays as history. Signatures are logged in the outbox (kind ``signatures``), so
the next batch carries them. ``national_states`` is filled from the office's receipts.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_LATEST = ("EXISTS (SELECT 1 FROM outbox WHERE seq = (SELECT max(seq) FROM outbox) "
           "AND kind = 'signatures' AND ref_id = {ref})")


def _triggers():
    for event in ("INSERT", "DELETE"):
        ref = "OLD.visit_id" if event == "DELETE" else "NEW.visit_id"
        when = f"{ref} IS NOT NULL AND NOT " + _LATEST.format(ref=ref)
        name = f"outbox_signatures_{event.lower()}"
        yield name, (f"CREATE TRIGGER {name} AFTER {event} ON signatures WHEN {when} BEGIN "
                     f"DELETE FROM outbox WHERE kind = 'signatures' AND ref_id = {ref}; "
                     f"INSERT INTO outbox (kind, ref_id, changed_at) VALUES ('signatures', {ref}, {_NOW}); END")


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy), as 0009 does
    op.add_column('users', sa.Column('cchn', sa.String(20), nullable=True))
    op.add_column('users', sa.Column('certificate', sa.LargeBinary(), nullable=True))
    op.add_column('users', sa.Column('certificate_source', sa.String(10), nullable=True))
    op.create_table(
        'signatures',
        sa.Column('id', sa.String(36), nullable=False),
        sa.Column('visit_id', sa.String(36), nullable=False),
        sa.Column('part', sa.String(40), nullable=False),
        sa.Column('kind', sa.String(12), nullable=False),
        sa.Column('signer_id', sa.String(36), nullable=False),
        sa.Column('certificate_fingerprint', sa.String(64), nullable=False),
        sa.Column('content_digest', sa.String(64), nullable=False),
        sa.Column('signed_at', sa.DateTime(), nullable=False),
        sa.Column('xml', sa.LargeBinary(), nullable=False),
        sa.Column('signature_value', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_signatures_visit_id_visits')),
        sa.ForeignKeyConstraint(['signer_id'], ['users.id'], name=op.f('fk_signatures_signer_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signatures')),
        sa.UniqueConstraint('visit_id', 'part', 'content_digest', name='uq_signatures_content'),
        sa.CheckConstraint("kind IN ('part', 'conclusion')", name=op.f('ck_signatures_kind')),
    )
    op.create_index('ix_signatures_signer', 'signatures', ['signer_id'])
    op.create_table(
        'national_states',
        sa.Column('visit_id', sa.String(36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(20), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('txn_id', sa.String(100), nullable=True),
        sa.Column('res_code', sa.String(40), nullable=True),
        sa.Column('res_msg', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_national_states_visit_id_visits')),
        sa.PrimaryKeyConstraint('visit_id', 'version', name=op.f('pk_national_states')),
    )
    for _name, sql in _triggers():
        op.execute(sql)


def downgrade() -> None:
    for name, _sql in _triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('national_states')
    op.drop_index('ix_signatures_signer', 'signatures')
    op.drop_table('signatures')
    for column in ('certificate_source', 'certificate', 'cchn'):
        op.execute(f"ALTER TABLE users DROP COLUMN {column}")
