"""office: each visit's PL01 form (QĐ 1551), its target-group code and whether it was recorded before QĐ 1551

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 19:00:00

The Encounter of a batch carries the visit's form number, its one DOI_TUONG code and a ``before-1551`` mark
(docs/batch-format.md); the office keeps them beside the visit, so the report counts visits per form and per code
without reading every Encounter. Visits
imported before this revision have neither (NULL) until a batch brings their Encounter again. The answers
themselves are Observations, kept in ``office_resources`` under the part ``answers`` like every other part: no table
is needed for them. The columns are nullable, so a program from before the office's migrations that still opened
this database would only leave them empty: ``office_schema`` stays at version 2.
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


_COLUMNS = (('pl01_form', sa.Integer()), ('before_1551', sa.Boolean()), ('doi_tuong', sa.String(10)))


def upgrade() -> None:
    # a database made by ``create_all`` from a program that already had them (taken over by 0001) has them already
    held = {c["name"] for c in sa.inspect(op.get_bind()).get_columns('office_visits')}
    for name, kind in _COLUMNS:
        if name not in held:
            op.add_column('office_visits', sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('office_visits') as batch:
        for name, _kind in reversed(_COLUMNS):
            batch.drop_column(name)
