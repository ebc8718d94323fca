"""Alembic environment of the office's database, SQLite or PostgreSQL (persistence/migrating.py runs it)."""
from station_app.persistence.migrating import run_environment
from station_app.persistence.office.tables import OfficeBase

run_environment(OfficeBase.metadata)
