"""The throwaway PostgreSQL server (devkit.postgres) as a pytest fixture, started once per session; each test asks
for a new, empty database. Skipped when the server or psycopg is not installed — failed under CI, where
``TEST=1 scripts/install-system-deps.sh`` installs it for ``make test``."""
from __future__ import annotations

import pytest
from devkit.postgres import PostgresMissing, PostgresServer, start_server, stop_server
from support.tools import missing

__all__ = ["PostgresServer", "postgres_server", "start_server", "stop_server"]


@pytest.fixture(scope="session")
def postgres_server():
    try:
        server = start_server()
    except PostgresMissing as exc:
        missing(str(exc))
    yield server
    stop_server(server)
