"""A session per user action: the unit of work owns the session and its transaction.

    with UnitOfWork(db) as uow:
        row = uow.residents.add(row)
        uow.audit(AuditAction.CREATE, "residents", row.id, user_id)
        uow.commit()

Leaving the block without ``commit()`` rolls back. Services talk to the repositories the unit of work exposes
(``uow.residents``, ``uow.visits``, ...), never to its session (tests/test_architecture.py holds them to it).
The audit event is written in the same transaction as the change it describes, so either both are stored or
neither.
"""
from __future__ import annotations

import datetime as dt
from types import TracebackType

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.audit import GENESIS, AuditAnchor, AuditEvent, chain
from station_app.persistence.answers import AnswerRepository
from station_app.persistence.database import READ_ONLY, Database
from station_app.persistence.exams import ExamRepository
from station_app.persistence.findings import FindingsRepository
from station_app.persistence.lists import ListQueries
from station_app.persistence.national_states import NationalStateRepository
from station_app.persistence.outbox import ExportReader, OutboxRepository
from station_app.persistence.progress import ProgressQueries
from station_app.persistence.repositories import (CampaignRepository, OverviewQueries, StationRepository,
                                                  UserRepository)
from station_app.persistence.residents import ResidentRepository, VisitRepository
from station_app.persistence.signatures import SignatureRepository
from station_app.persistence.tables import AuditEventRow, AuditHeadRow
from station_app.persistence.visit_history import VisitHistoryRepository


class UnitOfWork:
    """``read_only=True`` is for reports and lists: a deferred transaction that takes no write lock, so a long
    read on another thread never holds up a save; ``commit()`` is refused."""

    def __init__(self, db: Database, read_only: bool = False) -> None:
        self._db = db
        self._read_only = read_only
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        bind = self._db.engine.execution_options(**{READ_ONLY: True}) if self._read_only else None
        self.session = self._db.sessions(bind=bind) if bind is not None else self._db.sessions()
        self.users = UserRepository(self.session)
        self.stations = StationRepository(self.session)
        self.campaigns = CampaignRepository(self.session)
        self.overview = OverviewQueries(self.session)
        self.findings = FindingsRepository(self.session)
        self.exams = ExamRepository(self.session)
        self.visit_history = VisitHistoryRepository(self.session)
        self.residents = ResidentRepository(self.session)
        self.visits = VisitRepository(self.session)
        self.outbox = OutboxRepository(self.session)
        self.exports = ExportReader(self.session)
        self.lists = ListQueries(self.session)
        self.progress = ProgressQueries(self.session)
        self.audit_trail = AuditTrail(self.session)
        self.answers = AnswerRepository(self.session)
        self.national_states = NationalStateRepository(self.session)
        self.signatures = SignatureRepository(self.session)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        self.session.commit()

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: str | None,
        user_id: str | None,
        details: dict | None = None,
        at: dt.datetime | None = None,
    ) -> AuditEvent:
        """Append an event to the chain (ids and counts only in ``details``; never personal data)."""
        head = self.session.get(AuditHeadRow, 1)
        event = chain(
            head.seq if head else 0,
            head.hash if head else GENESIS,
            at=(at or dt.datetime.now(dt.UTC)).isoformat(timespec="microseconds"),  # ``at``: a service's clock
            user_id=user_id,
            action=str(action),
            entity=entity,
            entity_id=entity_id,
            details=details or {},
        )
        self.session.add(AuditEventRow(**event.__dict__))
        if head is None:
            self.session.add(AuditHeadRow(id=1, seq=event.seq, hash=event.hash))
        else:
            head.seq, head.hash = event.seq, event.hash
        self.session.flush()
        return event


class AuditTrail:
    """The audit chain as stored: every event and the head, for checking it and for a batch to carry."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def chain(self) -> tuple[list[AuditEvent], int | None, str | None]:
        return load_audit_chain(self._s)

    def anchor(self) -> AuditAnchor | None:
        return audit_anchor(self._s)


def load_audit_chain(session: Session) -> tuple[list[AuditEvent], int | None, str | None]:
    rows = session.scalars(select(AuditEventRow).order_by(AuditEventRow.seq)).all()
    events = [
        AuditEvent(seq=r.seq, at=r.at, user_id=r.user_id, action=r.action, entity=r.entity,
                   entity_id=r.entity_id, details=r.details or {}, prev_hash=r.prev_hash, hash=r.hash)
        for r in rows
    ]
    head = session.get(AuditHeadRow, 1)
    return events, (head.seq if head else None), (head.hash if head else None)


def audit_anchor(session: Session) -> AuditAnchor | None:
    """The chain's head now, for a batch's manifest to carry out of the station (None before any event)."""
    head = session.get(AuditHeadRow, 1)
    return AuditAnchor(head.seq, head.hash) if head else None
