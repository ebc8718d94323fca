"""Where each visit stands with the national system, as the office's national receipts said (table
``national_states``, ``NationalStateRow``, migration 0010)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.persistence.tables import NationalStateRow, VisitRow


class NationalStateRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, visit_id: str, version: int) -> NationalStateRow | None:
        return self._s.get(NationalStateRow, (visit_id, version))

    def add(self, row: NationalStateRow) -> None:
        self._s.add(row)

    def known_visits(self, visit_ids: Iterable[str]) -> set[str]:
        """Those of ``visit_ids`` this station holds (a receipt may name a visit of another laptop of the site)."""
        wanted, found = list(set(visit_ids)), set()
        for start in range(0, len(wanted), 500):  # SQLite's bound parameters: a few hundred at a time
            found.update(self._s.scalars(select(VisitRow.id).where(VisitRow.id.in_(wanted[start:start + 500]))))
        return found

    def latest(self, visit_ids: Iterable[str]) -> dict[str, NationalStateRow]:
        """Each visit's newest version known (the state of the record as the national system holds it now)."""
        wanted, latest = list(set(visit_ids)), {}
        for start in range(0, len(wanted), 500):
            query = select(NationalStateRow).where(NationalStateRow.visit_id.in_(wanted[start:start + 500]))
            for row in self._s.scalars(query):
                if row.visit_id not in latest or row.version > latest[row.visit_id].version:
                    latest[row.visit_id] = row
        return latest

    def all_latest(self) -> dict[str, NationalStateRow]:
        """Every visit's newest known version (for a list filtered by national state)."""
        latest: dict[str, NationalStateRow] = {}
        for row in self._s.scalars(select(NationalStateRow)):
            if row.visit_id not in latest or row.version > latest[row.visit_id].version:
                latest[row.visit_id] = row
        return latest
