"""A visit's answers to its PL01 form (core.pl01_answers), and the visit's chosen form."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from station_app.core.pl01_answers import Answer, AnswerStatus, StoredAnswer
from station_app.persistence.tables import AnswerRow, VisitRow, utcnow


def to_answer(row: AnswerRow) -> Answer:
    return Answer(code=row.code, value=row.value, item=row.item, unit=row.unit, status=AnswerStatus(row.status),
                  reason=row.reason)


def to_stored(row: AnswerRow) -> StoredAnswer:
    return StoredAnswer(to_answer(row), row.desk, row.recorded_by, row.recorded_at, row.version)


class AnswerRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def rows(self, visit_id: str, codes: Iterable[str] | None = None) -> list[AnswerRow]:
        query = select(AnswerRow).where(AnswerRow.visit_id == visit_id)
        if codes is not None:
            query = query.where(AnswerRow.code.in_(list(codes)))
        return list(self._s.scalars(query.order_by(AnswerRow.code, AnswerRow.item)))

    def of_visit(self, visit_id: str) -> list[StoredAnswer]:
        return [to_stored(r) for r in self.rows(visit_id)]

    def of_visits(self, visit_ids: Iterable[str]) -> dict[str, list[StoredAnswer]]:
        """Answers of many visits, a few queries in all (lists, exports)."""
        ids = list(dict.fromkeys(visit_ids))
        found: dict[str, list[StoredAnswer]] = {i: [] for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row in self._s.scalars(select(AnswerRow).where(AnswerRow.visit_id.in_(chunk))
                                       .order_by(AnswerRow.visit_id, AnswerRow.code, AnswerRow.item)):
                found[row.visit_id].append(to_stored(row))
        return found

    def latest_of_resident(self, resident_id: str, codes: Iterable[str], *,
                           before_visit: str | None = None) -> dict[str, list[Answer]]:
        """The newest recorded answers to ``codes`` from the resident's earlier visits (reception data such as
        blood group or occupation, offered again at the next visit)."""
        wanted = list(codes)
        if not wanted:
            return {}
        query = (select(AnswerRow, VisitRow.visit_date).join(VisitRow, VisitRow.id == AnswerRow.visit_id)
                 .where(VisitRow.resident_id == resident_id, AnswerRow.code.in_(wanted),
                        AnswerRow.status == AnswerStatus.RECORDED.value))
        if before_visit is not None:
            query = query.where(VisitRow.id != before_visit)
        newest: dict[str, tuple[object, str, list[Answer]]] = {}
        for row, visit_date in self._s.execute(query.order_by(VisitRow.visit_date, AnswerRow.recorded_at)):
            seen = newest.get(row.code)
            if seen is None or seen[1] != row.visit_id:
                newest[row.code] = (visit_date, row.visit_id, [to_answer(row)])
            else:
                seen[2].append(to_answer(row))
        return {code: answers for code, (_d, _v, answers) in newest.items()}

    def put(self, visit_id: str, answers: Sequence[Answer], *, desk: str, user_id: str | None,
            version: int) -> None:
        """Write ``answers`` (insert or replace each (code, item)), each at ``version``."""
        existing = {(r.code, r.item): r for r in self.rows(visit_id, {a.code for a in answers})}
        now = utcnow()
        for a in answers:
            row = existing.get(a.key)
            if row is None:
                self._s.add(AnswerRow(visit_id=visit_id, code=a.code, item=a.item, value=a.value, unit=a.unit,
                                      status=a.status.value, reason=a.reason, desk=desk, recorded_by=user_id,
                                      version=version, recorded_at=now))
            else:
                row.value, row.unit, row.status, row.reason = a.value, a.unit, a.status.value, a.reason
                row.desk, row.recorded_by, row.version, row.recorded_at = desk, user_id, version, now
        self._s.flush()

    def remove(self, visit_id: str, keys: Iterable[tuple[str, int]]) -> int:
        gone = 0
        for code, item in keys:
            gone += self._s.execute(delete(AnswerRow).where(AnswerRow.visit_id == visit_id, AnswerRow.code == code,
                                                            AnswerRow.item == item)).rowcount or 0
        return gone

    def visit(self, visit_id: str) -> VisitRow | None:
        return self._s.get(VisitRow, visit_id)
