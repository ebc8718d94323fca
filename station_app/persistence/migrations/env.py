"""Alembic environment of the station's database (persistence/migrating.py runs it)."""
from station_app.persistence.migrating import run_environment
from station_app.persistence.tables import Base

run_environment(Base.metadata)
