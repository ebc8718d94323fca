"""A throwaway PostgreSQL server (Debian's ``postgresql`` package) for tests and benchmarks.

``initdb`` makes a cluster in a temporary folder, ``pg_ctl`` starts it on a free loopback port with its socket in
that folder, and ``stop_server`` stops it and removes the folder. PostgreSQL refuses to run as root: as root the
folder is given to the ``postgres`` user and the tools run through ``runuser``. Each user of the server asks for a
new, empty database.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


class PostgresMissing(RuntimeError):
    """The server's programs (Debian: postgresql) or the psycopg driver are not installed."""


@dataclass
class PostgresServer:
    folder: Path
    port: int
    _numbers: itertools.count = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """An empty database of its own, and the SQLAlchemy URL to it."""
        import psycopg

        name = f"office_test_{os.getpid()}_{next(self._numbers)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def start_server() -> PostgresServer:
    """A new cluster, started; raises ``PostgresMissing`` when PostgreSQL or psycopg is not installed."""
    bin_dir = _binaries()
    if bin_dir is None:
        raise PostgresMissing("PostgreSQL (Debian: postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise PostgresMissing("psycopg") from exc
    folder = Path(tempfile.mkdtemp(prefix="office-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", _free_port()
    subprocess.run(_as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                                 "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8"]), check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                                 str(folder / "server.log"), "-w", "start"]), check=True, capture_output=True)
    return PostgresServer(folder, port)


def stop_server(server: PostgresServer) -> None:
    bin_dir = _binaries()
    subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(server.folder / "data"), "-m", "fast",
                                 "-w", "stop"]), capture_output=True)
    shutil.rmtree(server.folder, ignore_errors=True)
