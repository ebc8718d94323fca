"""Queries for a visit's history view: every kept version of its parts, its current rows, and who wrote them."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from station_app.persistence.tables import (ConclusionRow, CounsellingNoteRow, FindingRow, HistoryItemRow,
                                            MeasurementRow, RecordVersionRow, UserRow)


class VisitHistoryRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def kept_versions(self, visit_id: str) -> list[RecordVersionRow]:
        """Vital signs are kept under the visit's id; the other parts' rows carry ``visit_id`` in their data."""
        return list(self._s.scalars(select(RecordVersionRow).where(or_(
            RecordVersionRow.entity_id == visit_id, RecordVersionRow.data["visit_id"].as_string() == visit_id))
            .order_by(RecordVersionRow.entity, RecordVersionRow.version)))

    def current_rows(self, visit_id: str) -> dict[str, list]:
        """The visit's live rows by part: vitals, history, findings, conclusion, counselling."""
        tables = {"vitals": MeasurementRow, "history": HistoryItemRow, "findings": FindingRow,
                  "conclusion": ConclusionRow, "counselling": CounsellingNoteRow}
        return {part: list(self._s.scalars(select(table).where(table.visit_id == visit_id)))
                for part, table in tables.items()}

    def user_names(self, user_ids: Iterable[str | None]) -> dict[str, str]:
        wanted = {u for u in user_ids if u}
        if not wanted:
            return {}
        return dict(self._s.execute(select(UserRow.id, UserRow.full_name).where(UserRow.id.in_(wanted))).all())
