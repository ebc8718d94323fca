"""roster import: which resident each roster row was placed on, so importing the same file again finds them all

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 07:00:00

Rows without an ID number are matched on every fact they hold (core.likeness); among namesakes whose facts are
partly missing that leaves ties a second import may break another way. A link from the hash of a row's values to
the resident it was placed on makes a second import of the same row find the same person first.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'roster_row_links',
        sa.Column('row_hash', sa.String(32), nullable=False),
        sa.Column('resident_id', sa.String(36), sa.ForeignKey('residents.id'), nullable=False),
        sa.Column('import_id', sa.String(36), nullable=False),
        sa.Column('linked_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('row_hash', 'resident_id'),
    )


def downgrade() -> None:
    op.drop_table('roster_row_links')
