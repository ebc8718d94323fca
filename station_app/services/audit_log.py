"""Recording user actions that change nothing else (print, lock), and verifying the chain."""
from __future__ import annotations

from station_app.core.audit import ChainReport, verify_chain
from station_app.persistence.database import Database
from station_app.persistence.unit_of_work import UnitOfWork, load_audit_chain


class AuditService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, action: str, entity: str, entity_id: str | None, user_id: str | None,
               details: dict | None = None) -> int:
        """Append one event in its own transaction; returns its sequence number."""
        with UnitOfWork(self._db) as uow:
            event = uow.audit(action, entity, entity_id, user_id, details)
            uow.commit()
            return event.seq

    def verify(self) -> ChainReport:
        with UnitOfWork(self._db) as uow:
            events, head_seq, head_hash = load_audit_chain(uow.session)
        return verify_chain(events, head_seq, head_hash)
