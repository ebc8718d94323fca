"""exam desks: drafts of half-filled forms

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 13:00:00

One row per visit and desk holds the texts typed so far, so a form left half-filled (the nurse called away,
the app closed, the battery dead) is offered again; saving the desk's record removes it.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('drafts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('desk', sa.String(length=30), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('saved_at', sa.DateTime(), nullable=False),
    sa.Column('saved_by', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['saved_by'], ['users.id'], name=op.f('fk_drafts_saved_by_users')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_drafts_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drafts')),
    sa.UniqueConstraint('visit_id', 'desk', name='uq_drafts_desk')
    )


def downgrade() -> None:
    op.drop_table('drafts')
