"""A session per use case of the office: the unit of work owns the session and its transaction.

    with OfficeUnitOfWork(db) as uow:
        station = uow.store.station(code)
        uow.chain_decisions.pending(code, sequence)

Leaving the block normally commits, an error rolls back, as one transaction. A unique key another transaction took
first (PostgreSQL lets two importers run at once) is ``OfficeConflictError``: the caller reads again and decides
again.
"""
from __future__ import annotations

from types import TracebackType

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from station_app.persistence.office.chain import ChainDecisions
from station_app.persistence.office.national_reads import NationalReads
from station_app.persistence.office.database import OfficeConflictError, OfficeDatabase
from station_app.persistence.office.quarantine import QuarantineStore
from station_app.persistence.office.reads import OfficeReads
from station_app.persistence.office.store import OfficeStore


class OfficeUnitOfWork:
    """``store``: stations, keys, batches and records; ``chain_decisions``; ``quarantine``; ``reads`` (the window's
    light rows); ``national`` (delivery to the national database)."""

    def __init__(self, db: OfficeDatabase) -> None:
        self._db = db
        self.session: Session

    def __enter__(self) -> OfficeUnitOfWork:
        self.session = self._db.sessions()
        self.session.begin()
        self.store = OfficeStore(self.session)
        self.chain_decisions = ChainDecisions(self.session)
        self.quarantine = QuarantineStore(self.session)
        self.reads = OfficeReads(self.session)
        self.national = self.store.national
        self.national_reads = NationalReads(self.session)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if exc is None:
                self.session.commit()
            else:
                self.session.rollback()
        except IntegrityError as failed:  # at the commit's flush
            self.session.rollback()
            raise OfficeConflictError() from failed
        finally:
            self.session.close()
        if isinstance(exc, IntegrityError):  # at a flush inside the block
            raise OfficeConflictError() from exc
