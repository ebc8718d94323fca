"""The office's reads and writes for delivery to the national database: signatures received, facilities' national
settings, trusted CAs, record versions and their states (services/office/national_service.py decides; this only
stores and finds)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from station_app.persistence.office.tables import (OfficeEventRow, OfficeNationalFacilityRow, OfficeNationalRecordRow,
                                                   OfficeNationalTrustRow, OfficeSignatureRow, OfficeVisitRow)

FINAL_STATES = ("accepted", "refused")


@dataclass(frozen=True)
class RecordFact:
    """A record version as the status, the window and the report read it (no XML, no secrets)."""

    id: int
    station_code: str
    visit_uid: str
    version: int
    state: str
    problem: str | None
    res_code: str | None
    res_msg: str | None
    txn_id: str | None
    completed_at: dt.datetime | None
    signed_at: dt.datetime | None
    pushed_at: dt.datetime | None
    accepted_at: dt.datetime | None
    refused_at: dt.datetime | None
    attempts: int
    next_attempt_at: dt.datetime | None


_FACT_COLUMNS = [getattr(OfficeNationalRecordRow, name) for name in RecordFact.__dataclass_fields__]


class NationalStore:
    def __init__(self, session: Session) -> None:
        self._s = session

    # -- signatures ----------------------------------------------------------------------------------------------

    def signature_held(self, xml_sha256: str) -> bool:
        return self._s.scalar(select(func.count()).where(OfficeSignatureRow.xml_sha256 == xml_sha256)) > 0

    def add(self, row: object) -> object:
        self._s.add(row)
        self._s.flush()
        return row

    def note(self, action: str, station_code: str | None, **details: object) -> None:
        """An event of the office's own record (ids and counts only)."""
        self._s.add(OfficeEventRow(action=action, station_code=station_code, details=details))

    def visit_completed_at(self, visit_uid: str) -> str | None:
        return self._s.scalar(select(OfficeVisitRow.completed_at).where(OfficeVisitRow.id == visit_uid))

    # -- facilities ----------------------------------------------------------------------------------------------

    def facility(self, code: str) -> OfficeNationalFacilityRow | None:
        return self._s.get(OfficeNationalFacilityRow, code)

    def facilities(self) -> list[OfficeNationalFacilityRow]:
        return list(self._s.scalars(select(OfficeNationalFacilityRow).order_by(OfficeNationalFacilityRow.station_code)))

    # -- trusted CAs ---------------------------------------------------------------------------------------------

    def trusted(self) -> list[OfficeNationalTrustRow]:
        return list(self._s.scalars(select(OfficeNationalTrustRow).order_by(OfficeNationalTrustRow.added_at)))

    def trust_row(self, fingerprint: str) -> OfficeNationalTrustRow | None:
        return self._s.get(OfficeNationalTrustRow, fingerprint)

    def remove(self, row: object) -> None:
        self._s.delete(row)
        self._s.flush()

    # -- records -------------------------------------------------------------------------------------------------

    def latest_record(self, code: str, visit_uid: str) -> OfficeNationalRecordRow | None:
        r = OfficeNationalRecordRow
        return self._s.scalars(select(r).where(r.station_code == code, r.visit_uid == visit_uid)
                               .order_by(r.version.desc()).limit(1)).first()

    def record(self, record_id: int) -> OfficeNationalRecordRow | None:
        return self._s.get(OfficeNationalRecordRow, record_id)

    def due(self, code: str, now: dt.datetime, completed_before: dt.datetime | None = None) -> list[int]:
        """Ids of the records of ``code`` to push now: waiting, or sent without a final answer, whose next try
        is due; oldest completion first."""
        r = OfficeNationalRecordRow
        query = (select(r.id).where(r.station_code == code, r.state.in_(("waiting", "pushed")),
                                    or_(r.next_attempt_at.is_(None), r.next_attempt_at <= now))
                 .order_by(r.completed_at, r.id))
        if completed_before is not None:
            query = query.where(r.completed_at <= completed_before)
        return list(self._s.scalars(query))

    def stations_with_records(self) -> list[str]:
        r = OfficeNationalRecordRow
        return list(self._s.scalars(select(r.station_code).distinct().order_by(r.station_code)))

    def facts(self, code: str | None = None) -> list[RecordFact]:
        """Every record's latest version (earlier versions were replaced by an amendment)."""
        r = OfficeNationalRecordRow
        newest = (select(r.station_code, r.visit_uid, func.max(r.version).label("version"))
                  .group_by(r.station_code, r.visit_uid).subquery())
        query = select(*_FACT_COLUMNS).join(newest, (r.station_code == newest.c.station_code)
                                            & (r.visit_uid == newest.c.visit_uid) & (r.version == newest.c.version))
        if code:
            query = query.where(r.station_code == code)
        return [RecordFact(*row) for row in self._s.execute(query.order_by(r.station_code, r.completed_at, r.id))]
