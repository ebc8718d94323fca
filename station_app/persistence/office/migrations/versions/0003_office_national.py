"""office: delivery to the national database (QĐ 1551): signatures received, facilities' national settings, the
CAs trusted for examiners' certificates, each record version's way to the national hub

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 21:45:00

New tables only (persistence/office/tables.py); no column of an earlier table changes, so ``office_schema`` stays
at version 2. A database made by ``create_all`` from a program that already had them keeps them.
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_M = sa.MetaData()
_NOW = dict(default=lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))

_TABLES = (
    sa.Table('office_signatures', _M,
             sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
             sa.Column('station_code', sa.String(32), nullable=False, index=True),
             sa.Column('visit_uid', sa.String(36), nullable=False, index=True),
             sa.Column('part', sa.String(40), nullable=False),
             sa.Column('kind', sa.String(20), nullable=False),
             sa.Column('certificate_fingerprint', sa.String(64)),
             sa.Column('cchn', sa.String(40)),
             sa.Column('signed_at', sa.DateTime()),
             sa.Column('content_digest', sa.String(64)),
             sa.Column('xml_sha256', sa.String(64), nullable=False, unique=True),
             sa.Column('xml', sa.LargeBinary(), nullable=False),
             sa.Column('valid', sa.Boolean(), nullable=False),
             sa.Column('problem', sa.Text()),
             sa.Column('batch_id', sa.Integer(), nullable=False),
             sa.Column('received_at', sa.DateTime(), nullable=False, **_NOW)),
    sa.Table('office_national_facilities', _M,
             sa.Column('station_code', sa.String(32), primary_key=True),
             sa.Column('sender_id', sa.String(13), nullable=False),
             sa.Column('ma_cskcb', sa.String(5), nullable=False),
             sa.Column('gln', sa.String(13), nullable=False),
             sa.Column('base_url', sa.Text(), nullable=False),
             sa.Column('receiver_id', sa.String(40)),
             sa.Column('username', sa.String(100), nullable=False),
             sa.Column('secrets', sa.LargeBinary(), nullable=False),
             sa.Column('key_kind', sa.String(10), nullable=False),
             sa.Column('public_key_pem', sa.Text(), nullable=False),
             sa.Column('certificate_fingerprint', sa.String(64), nullable=False),
             sa.Column('account_problem', sa.Text()),
             sa.Column('updated_at', sa.DateTime(), nullable=False, **_NOW)),
    sa.Table('office_national_trust', _M,
             sa.Column('fingerprint', sa.String(64), primary_key=True),
             sa.Column('subject', sa.Text(), nullable=False),
             sa.Column('pem', sa.LargeBinary(), nullable=False),
             sa.Column('added_at', sa.DateTime(), nullable=False, **_NOW)),
    sa.Table('office_national_records', _M,
             sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
             sa.Column('station_code', sa.String(32), nullable=False, index=True),
             sa.Column('visit_uid', sa.String(36), nullable=False, index=True),
             sa.Column('version', sa.Integer(), nullable=False),
             sa.Column('content_digest', sa.String(64), nullable=False),
             sa.Column('form', sa.Integer()),
             sa.Column('msg_id', sa.String(64), unique=True),
             sa.Column('state', sa.String(20), nullable=False, index=True),
             sa.Column('problem', sa.Text()),
             sa.Column('res_code', sa.String(80)),
             sa.Column('res_msg', sa.Text()),
             sa.Column('txn_id', sa.String(100)),
             sa.Column('completed_at', sa.DateTime()),
             sa.Column('signed_at', sa.DateTime()),
             sa.Column('created_at', sa.DateTime(), nullable=False, **_NOW),
             sa.Column('pushed_at', sa.DateTime()),
             sa.Column('accepted_at', sa.DateTime()),
             sa.Column('refused_at', sa.DateTime()),
             sa.Column('attempts', sa.Integer(), nullable=False),
             sa.Column('next_attempt_at', sa.DateTime()),
             sa.Column('conclusion_xml', sa.LargeBinary(), nullable=False),
             sa.Column('record_xml', sa.LargeBinary()),
             sa.UniqueConstraint('station_code', 'visit_uid', 'version', name='uq_office_national_version')),
)


def upgrade() -> None:
    held = set(sa.inspect(op.get_bind()).get_table_names())
    for table in _TABLES:
        if table.name not in held:
            table.create(op.get_bind())


def downgrade() -> None:
    for table in reversed(_TABLES):
        table.drop(op.get_bind())
