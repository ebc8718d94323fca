"""Alembic for both databases, the station's and the office's: each has its own migrations folder and metadata.

The revision ids are read from the migration files without importing Alembic (a quarter of a second at every
start), so a database already at the newest revision opens without it.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import MetaData

_REVISION = re.compile(r'^(down_revision|revision)\s*(?::[^=]*)?=\s*["\']?([\w-]+|None)["\']?', re.M)


def alembic_config(migrations: Path, url: str) -> Config:
    from alembic.config import Config  # Alembic is imported only when a migration has to run

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations))
    # the ini syntax reads % as the start of a reference: a password written %-encoded in the URL (p%40ss) stays as is
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@functools.cache
def known_revisions(migrations: Path) -> dict[str, str | None]:
    """Each migration's revision and the one it follows."""
    revisions: dict[str, str | None] = {}
    for path in (migrations / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            revisions[found["revision"]] = None if down in (None, "None") else down
    return revisions


def head_revision(migrations: Path) -> str:
    revisions = known_revisions(migrations)
    followed = set(revisions.values())
    heads = [r for r in revisions if r not in followed]
    return heads[0] if len(heads) == 1 else ""


def run_environment(metadata: MetaData) -> None:
    """The body of a migrations folder's ``env.py``: on the connection the app hands in, or on the configured URL."""
    from alembic import context
    from sqlalchemy import create_engine

    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run_on(context, connection, metadata)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _run_on(context, conn, metadata)


def _run_on(context, connection, metadata: MetaData) -> None:  # noqa: ANN001
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
