"""Signatures made at the station, the certificates registered on accounts, and who recorded each desk's answers."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.persistence.tables import AnswerRow, SignatureRow, UserRow, VisitRow


@dataclass(frozen=True)
class StoredSignature:
    """A signature row as plain data (rows never leave the unit of work)."""

    id: str
    visit_id: str
    part: str
    kind: str
    signer_id: str
    certificate_fingerprint: str
    content_digest: str
    signed_at: dt.datetime
    xml: bytes
    signature_value: str


def stored(row: SignatureRow) -> StoredSignature:
    return StoredSignature(row.id, row.visit_id, row.part, row.kind, row.signer_id, row.certificate_fingerprint,
                           row.content_digest, row.signed_at, row.xml, row.signature_value)


class SignatureRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, row: SignatureRow) -> StoredSignature:
        self._s.add(row)
        self._s.flush()
        return stored(row)

    def user(self, user_id: str) -> UserRow | None:
        return self._s.get(UserRow, user_id)

    def of_visits(self, visit_ids: Iterable[str]) -> list[StoredSignature]:
        """Every signature of these visits, oldest first."""
        ids = list(dict.fromkeys(visit_ids))
        found: list[StoredSignature] = []
        for start in range(0, len(ids), 500):
            found.extend(stored(r) for r in self._s.scalars(
                select(SignatureRow).where(SignatureRow.visit_id.in_(ids[start:start + 500]))
                .order_by(SignatureRow.signed_at, SignatureRow.id)))
        return sorted(found, key=lambda r: (r.signed_at, r.id))

    def same_content(self, visit_id: str, part: str, content_digest: str) -> StoredSignature | None:
        row = self._s.scalar(select(SignatureRow).where(SignatureRow.visit_id == visit_id,
                                                        SignatureRow.part == part,
                                                        SignatureRow.content_digest == content_digest))
        return stored(row) if row is not None else None

    def conclusions(self, visit_id: str) -> int:
        return self._s.scalar(select(func.count()).select_from(SignatureRow).where(
            SignatureRow.visit_id == visit_id, SignatureRow.kind == "conclusion")) or 0

    def desk_authors(self, visit_ids: Iterable[str]) -> dict[tuple[str, str], str]:
        """(visit, desk) → who saved the desk's answers last."""
        ids = list(dict.fromkeys(visit_ids))
        out: dict[tuple[str, str], tuple[dt.datetime, str]] = {}
        for start in range(0, len(ids), 500):
            rows = self._s.execute(select(AnswerRow.visit_id, AnswerRow.desk, AnswerRow.recorded_at,
                                          AnswerRow.recorded_by)
                                   .where(AnswerRow.visit_id.in_(ids[start:start + 500]),
                                          AnswerRow.recorded_by.is_not(None)))
            for visit_id, desk, at, by in rows:
                if (visit_id, desk) not in out or at >= out[(visit_id, desk)][0]:
                    out[(visit_id, desk)] = (at, by)
        return {key: by for key, (_at, by) in out.items()}

    def recent_visits_answered(self, by_user: str | None, since: dt.date, limit: int) -> Sequence[str]:
        """Visits since ``since`` with answers (by ``by_user`` when given), newest first."""
        query = (select(VisitRow.id).join(AnswerRow, AnswerRow.visit_id == VisitRow.id)
                 .where(VisitRow.visit_date >= since))
        if by_user is not None:
            query = query.where(AnswerRow.recorded_by == by_user)
        query = query.group_by(VisitRow.id).order_by(func.max(VisitRow.visit_date).desc(),
                                                     func.max(VisitRow.queue_number).desc()).limit(limit)
        return self._s.scalars(query).all()

    def names(self, user_ids: Iterable[str]) -> dict[str, str]:
        wanted = {i for i in user_ids if i}
        if not wanted:
            return {}
        return dict(self._s.execute(select(UserRow.id, UserRow.full_name).where(UserRow.id.in_(wanted))).all())
