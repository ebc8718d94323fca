"""The unit of work on a real SQLite file: one transaction per block, shared by every repository it exposes.
What a block commits is there for a second connection to the same file; a block that fails or does not commit
leaves nothing, its audit event included."""
import sqlite3
from contextlib import closing

import pytest

from station_app.core.model import AuditAction
from station_app.persistence.unit_of_work import UnitOfWork
from support.visits import resident_row, visit_row


def _count(db, sql: str, *args: object) -> int:
    """Read through a second connection of its own, as another process would."""
    with closing(sqlite3.connect(db.path)) as other:
        return other.execute(sql, args).fetchone()[0]


def _events(db) -> int:
    return _count(db, "SELECT count(*) FROM audit_events")


def test_a_committed_block_is_seen_from_a_second_connection(ctx):
    before = _events(ctx.db)
    with UnitOfWork(ctx.db) as uow:
        row = uow.residents.add(resident_row(national_id="011180009999"))
        uow.audit(AuditAction.CREATE, "residents", row.id, None, {"n": 1})
        uow.commit()
    assert _count(ctx.db, "SELECT count(*) FROM residents WHERE id = ? AND national_id = '011180009999'", row.id) == 1
    assert _events(ctx.db) == before + 1


def test_a_failure_inside_the_block_leaves_nothing_written(ctx):
    before, info = _events(ctx.db), ctx.station.info()
    with pytest.raises(ZeroDivisionError), UnitOfWork(ctx.db) as uow:
        row = uow.residents.add(resident_row())
        uow.visits.add(visit_row(info, row.id, 1, info.campaign_start))
        uow.audit(AuditAction.CREATE, "residents", row.id, None)
        1 / 0
    assert _count(ctx.db, "SELECT count(*) FROM residents") == 0
    assert _count(ctx.db, "SELECT count(*) FROM visits") == 0
    assert _events(ctx.db) == before


def test_a_block_left_without_commit_leaves_nothing_written(ctx):
    with UnitOfWork(ctx.db) as uow:
        uow.residents.add(resident_row())
        assert _count(ctx.db, "SELECT count(*) FROM residents") == 0  # not yet visible to anyone else
    with UnitOfWork(ctx.db, read_only=True) as uow:
        assert uow.residents.by_name("tong thi hoa") == []


def test_the_repositories_of_a_block_share_its_transaction(ctx):
    info = ctx.station.info()
    day = info.campaign_start
    with UnitOfWork(ctx.db) as uow:
        row = uow.residents.add(resident_row())
        visit = uow.visits.add(visit_row(info, row.id, 1, day))
        assert uow.visits.of_day(visit.site_id, day) == [visit]
        assert uow.overview.residents() == 1
        assert [(c.kind, c.ref_id) for c in uow.outbox.changes_after(0)] == [("visit", visit.id)]  # a trigger wrote it
    with UnitOfWork(ctx.db, read_only=True) as uow:
        assert uow.overview.residents() == 0 and uow.outbox.changes_after(0) == []
