"""reception: name tokens for search as you type

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:00:00

Every word of ``residents.name_norm`` after the first goes into ``resident_name_tokens`` (WITHOUT ROWID, keyed
by token, name, birth year, id), so "hong" finds "nguyen thi hong" through an index range, in name order,
with the birth year filtered inside the index. Triggers keep it in step with every insert, update and delete
(bulk inserts of the demo and of roster imports included). Words are split with json_each on the quoted name.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_TOKENS_OF_NEW = (
    "INSERT OR IGNORE INTO resident_name_tokens (token, name_norm, birth_year, resident_id) "
    "SELECT value, NEW.name_norm, NEW.birth_year, NEW.id "
    "FROM json_each('[' || replace(json_quote(NEW.name_norm), ' ', '\",\"') || ']') "
    "WHERE key > 0 AND value != '';"
)


# Deleting by the old row's full key keeps it an index lookup (there is no index on resident_id alone).
_TOKENS_OF_OLD_GONE = (
    "DELETE FROM resident_name_tokens WHERE token IN (SELECT value FROM json_each('[' || "
    "replace(json_quote(OLD.name_norm), ' ', '\",\"') || ']')) AND name_norm = OLD.name_norm "
    "AND birth_year = OLD.birth_year AND resident_id = OLD.id;"
)


def upgrade() -> None:
    op.create_table('resident_name_tokens',
    sa.Column('token', sa.String(length=200), nullable=False),
    sa.Column('name_norm', sa.String(length=200), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('token', 'name_norm', 'birth_year', 'resident_id', name=op.f('pk_resident_name_tokens')),
    sqlite_with_rowid=False
    )
    op.execute(
        "CREATE TRIGGER residents_name_tokens_insert AFTER INSERT ON residents BEGIN " + _TOKENS_OF_NEW + " END"
    )
    op.execute(
        "CREATE TRIGGER residents_name_tokens_update AFTER UPDATE OF name_norm, birth_year ON residents "
        "BEGIN " + _TOKENS_OF_OLD_GONE + " " + _TOKENS_OF_NEW + " END"
    )
    op.execute(
        "CREATE TRIGGER residents_name_tokens_delete AFTER DELETE ON residents "
        "BEGIN " + _TOKENS_OF_OLD_GONE + " END"
    )
    op.execute(
        "INSERT OR IGNORE INTO resident_name_tokens (token, name_norm, birth_year, resident_id) "
        "SELECT j.value, r.name_norm, r.birth_year, r.id FROM residents AS r, "
        "json_each('[' || replace(json_quote(r.name_norm), ' ', '\",\"') || ']') AS j "
        "WHERE j.key > 0 AND j.value != ''"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS residents_name_tokens_insert")
    op.execute("DROP TRIGGER IF EXISTS residents_name_tokens_update")
    op.execute("DROP TRIGGER IF EXISTS residents_name_tokens_delete")
    op.drop_table('resident_name_tokens')
