"""reception: find a 15-character insurance card code by the 10-digit social insurance number inside it

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 15:00:00

A health-insurance card code is two letters, a benefit digit, two province digits, then the person's 10-digit
social insurance number (mã số BHXH), which is what people often have written down. An index on characters 6 to
15 of the stored code lets search as you type find the card from those digits as quickly as from its start.
"""
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_residents_social_insurance ON residents (substr(insurance_number, 6)) "
               "WHERE length(insurance_number) = 15")


def downgrade() -> None:
    op.drop_index('ix_residents_social_insurance', 'residents')
