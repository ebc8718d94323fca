"""What the office's national records say of one station's visits, for its national receipts (read only)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.persistence.office.tables import OfficeNationalRecordRow as _R

_WHEN = {"accepted": "accepted_at", "refused": "refused_at", "pushed": "pushed_at"}


@dataclass(frozen=True)
class NationalRecordFact:
    """One version of one visit as the office last heard from the national system; ``at``: when it got there.
    ``problem``: why the office holds it back (state "held": a signature did not verify)."""

    visit_uid: str
    version: int
    state: str
    at: dt.datetime | None
    txn_id: str
    res_code: str
    res_msg: str
    problem: str


class NationalReads:
    """The national records of a station, the most recently changed first."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def for_station(self, code: str, limit: int) -> list[NationalRecordFact]:
        facts = [_fact(row) for row in self._session.scalars(select(_R).where(_R.station_code == code))]
        facts.sort(key=lambda f: (f.at or dt.datetime.min, f.visit_uid, f.version), reverse=True)
        return facts[:limit]


def _fact(row: _R) -> NationalRecordFact:
    when = getattr(row, _WHEN[row.state]) if row.state in _WHEN else None
    return NationalRecordFact(row.visit_uid, row.version, row.state,
                              when or row.signed_at or row.completed_at or row.created_at, row.txn_id or "",
                              row.res_code or "", row.res_msg or "", row.problem or "")
