"""The doctor's and the counsellor's records of a visit: history items, findings, the conclusion, counselling notes,
and the visit, resident and user rows they hang on (``services.station.findings`` talks to this, never to the
session)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from station_app.persistence.tables import ConclusionRow, ResidentRow, UserRow, VisitRow


class FindingsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def visit(self, visit_id: str) -> VisitRow | None:
        return self._s.get(VisitRow, visit_id)

    def resident(self, resident_id: str) -> ResidentRow | None:
        return self._s.get(ResidentRow, resident_id)

    def user(self, user_id: str) -> UserRow | None:
        return self._s.get(UserRow, user_id)

    def rows(self, table: Any, visit_id: str) -> list[Any]:
        """The rows of one of the visit's tables (history items, findings, measurements, counselling notes)."""
        return list(self._s.scalars(select(table).where(table.visit_id == visit_id)))

    def conclusion(self, visit_id: str) -> ConclusionRow | None:
        return self._s.scalars(select(ConclusionRow).where(ConclusionRow.visit_id == visit_id)).one_or_none()

    def has_conclusion(self, visit_id: str) -> bool:
        return bool(self._s.scalar(select(exists().where(ConclusionRow.visit_id == visit_id))))

    def add(self, row: Any) -> None:
        self._s.add(row)

    def remove(self, row: Any) -> None:
        self._s.delete(row)

    def flush(self) -> None:
        """Ids and cascades settled now: the audit event names the row's id, new notes replace the old ones."""
        self._s.flush()
