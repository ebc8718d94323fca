"""lists: indexes for the coordinator's lists at the demo station's size

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 14:30:00

The "not yet examined" list filters residents by village and walks them in household order; the referral
list reads only the conclusions that refer (a partial index, a few per cent of the rows); the duplicates and
"not yet examined" lists ask, per resident, whether a non-cancelled visit exists in the campaign; the
possible duplicates are found by name and birth date (or year and commune) from an index alone.
"""
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_residents_village_household', 'residents', ['village', 'household_code'])
    op.execute("CREATE INDEX ix_conclusions_referral ON conclusions (referral_to) WHERE referral_to IS NOT NULL")
    op.create_index('ix_visits_campaign_resident_status', 'visits', ['campaign_id', 'resident_id', 'status'])
    op.create_index('ix_residents_identity', 'residents', ['birth_year', 'name_norm', 'birth_date', 'commune_code'])


def downgrade() -> None:
    op.drop_index('ix_residents_identity', 'residents')
    op.drop_index('ix_visits_campaign_resident_status', 'visits')
    op.drop_index('ix_conclusions_referral', 'conclusions')
    op.drop_index('ix_residents_village_household', 'residents')
