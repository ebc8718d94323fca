"""The office's unit of work and its repositories on a real SQLite file and a real PostgreSQL database: what a block
writes is kept when it ends, gone when it raises (a chain decision used by an import that fails is still pending,
the batch it would set aside still held), a unique key taken twice is ``OfficeConflictError``, and the repositories
read what was written."""
from __future__ import annotations

import datetime as dt

import pytest

from station_app.persistence.office.database import OfficeConflictError, OfficeDatabase
from station_app.persistence.office.tables import (OfficeBatchRow, OfficeChainDecisionRow, OfficeQuarantineRow,
                                                   OfficeStationRow)
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from support.postgres import postgres_server  # noqa: F401 - the session fixture, started only when asked for

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
NOW = dt.datetime(2026, 12, 1, 8, 0)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'office.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_server").new_database()
    opened = OfficeDatabase(url)
    yield opened
    opened.close()


def station(code: str = "TYT-MK", key: str = "a") -> OfficeStationRow:
    return OfficeStationRow(code=code, name=None, key_id=key * 64, public_key_pem="PEM")


def batch(sequence: int, sha: str = "b", code: str = "TYT-MK") -> OfficeBatchRow:
    return OfficeBatchRow(station_code=code, sequence=sequence, manifest_sha256=sha * 64, previous=None,
                          file_name=f"{code}-{sequence:06d}.batch", created_at="2026-12-01T08:00:00Z",
                          counts={"visits": 1}, imported_at=NOW)


def test_what_a_block_writes_is_kept_when_it_ends(db):
    with OfficeUnitOfWork(db) as uow:
        uow.store.add(station())
        uow.store.add(batch(1))
        uow.store.add(batch(3))
    with OfficeUnitOfWork(db) as uow:
        assert [s.code for s in uow.store.stations()] == ["TYT-MK"]
        assert uow.store.station_with_key("a" * 64).code == "TYT-MK"
        assert uow.store.sequences("TYT-MK") == [1, 3]
        assert uow.store.batch("TYT-MK", 3).counts == {"visits": 1} and uow.store.batch("TYT-MK", 2) is None
        assert [(f.sequence, f.file_name) for f in uow.reads.batch_facts()] == [(1, "TYT-MK-000001.batch"),
                                                                                (3, "TYT-MK-000003.batch")]
        assert uow.reads.last_received() == {"TYT-MK": NOW}


def test_what_a_block_writes_is_gone_when_it_raises(db):
    with pytest.raises(RuntimeError), OfficeUnitOfWork(db) as uow:
        uow.store.add(station())
        assert uow.store.station("TYT-MK") is not None  # flushed, seen inside the block
        raise RuntimeError("a check after the write failed")
    with OfficeUnitOfWork(db) as uow:
        assert uow.store.stations() == []


def test_a_unique_key_taken_twice_is_a_conflict_and_nothing_of_the_block_stays(db):
    with OfficeUnitOfWork(db) as uow:
        uow.store.add(station())
    with pytest.raises(OfficeConflictError), OfficeUnitOfWork(db) as uow:
        uow.store.add(station("TYT-XX", key="c"))
        uow.store.add(station("TYT-YY", key="a"))  # the key TYT-MK signs with
    with OfficeUnitOfWork(db) as uow:
        assert [s.code for s in uow.store.stations()] == ["TYT-MK"]


def test_a_chain_decision_used_by_an_import_that_fails_is_still_pending_and_the_held_batch_stays(db):
    with OfficeUnitOfWork(db) as uow:
        uow.store.add(station())
        uow.store.add(batch(1, sha="b"))
        uow.chain_decisions.add(OfficeChainDecisionRow(station_code="TYT-MK", from_sequence=1, reason="rẽ nhánh",
                                                       decided_by="qt"))
    with pytest.raises(RuntimeError), OfficeUnitOfWork(db) as uow:  # one import, one transaction
        assert uow.chain_decisions.take("TYT-MK", 1, "d" * 64, NOW) is not None
        uow.store.add(batch(1, sha="d"))
        raise RuntimeError("the batch's records could not be filed")
    with OfficeUnitOfWork(db) as uow:
        assert uow.store.batch("TYT-MK", 1).manifest_sha256 == "b" * 64
        assert uow.chain_decisions.pending("TYT-MK", 1).set_aside is None
        decision = uow.chain_decisions.take("TYT-MK", 1, "d" * 64, NOW)
        uow.store.add(batch(1, sha="d"))
    with OfficeUnitOfWork(db) as uow:
        assert uow.store.batch("TYT-MK", 1).manifest_sha256 == "d" * 64
        assert uow.chain_decisions.pending("TYT-MK", 1) is None
        [used] = uow.chain_decisions.all("TYT-MK")
        assert (used.id, used.set_aside["manifest_sha256"]) == (decision.id, "b" * 64)
        assert [e.action for e in uow.store.events("TYT-MK")] == ["chain_accepted", "chain_replaced"]


def test_the_quarantine_repository_drops_and_counts_within_the_block(db):
    with OfficeUnitOfWork(db) as uow:
        uow.store.add(station())
        for name, code in (("a.batch", "TYT-MK"), ("b.batch", None), ("c.batch", "TYT-MK")):
            uow.store.add(OfficeQuarantineRow(file_name=name, station_code=code, sequence=None, reason="not_a_zip",
                                              stored_path=None))
    with OfficeUnitOfWork(db) as uow:
        held = uow.quarantine.held()
        assert [(i.station_code, i.stored_path) for i in held] == [("TYT-MK", None), (None, None), ("TYT-MK", None)]
        assert uow.quarantine.registered() == {"TYT-MK"}
        assert uow.quarantine.remove(held[0].id) and not uow.quarantine.remove(held[0].id)
        uow.quarantine.count_dropped("TYT-MK", 1, 0)
    with OfficeUnitOfWork(db) as uow:
        assert uow.reads.quarantined_per_station() == {"TYT-MK": 1, None: 1}
        assert [q.file_name for q in uow.reads.quarantine_facts()] == ["c.batch", "b.batch"]
        assert uow.quarantine.dropped()["TYT-MK"].files == 1
        assert uow.store.refusal_noted("b.batch", "not_a_zip") and not uow.store.refusal_noted("a.batch", "not_a_zip")
