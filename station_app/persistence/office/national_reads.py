"""What the office's national records say of one station's visits, for its national receipts (read only).

The table ``office_national_records`` is the office's (revision 0003, design of issue 19, section 2); only the
columns read here are described, on a metadata of their own, so this reader neither defines nor changes it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, select
from sqlalchemy.orm import Session

_read = MetaData()
NATIONAL_RECORDS = Table(
    "office_national_records", _read,
    Column("station_code", String(32)), Column("visit_uid", String(64)), Column("version", Integer),
    Column("state", String(20)), Column("res_code", Text), Column("res_msg", Text), Column("txn_id", Text),
    Column("completed_at", DateTime), Column("signed_at", DateTime), Column("pushed_at", DateTime),
    Column("accepted_at", DateTime), Column("refused_at", DateTime))
_WHEN = {"accepted": "accepted_at", "refused": "refused_at", "pushed": "pushed_at"}


@dataclass(frozen=True)
class NationalRecordFact:
    """One version of one visit as the office last heard from the national system; ``at``: when it got there."""

    visit_uid: str
    version: int
    state: str
    at: dt.datetime | None
    txn_id: str
    res_code: str
    res_msg: str


class NationalReads:
    """The national records of a station, the most recently changed first."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def for_station(self, code: str, limit: int) -> list[NationalRecordFact]:
        rows = self._session.execute(select(NATIONAL_RECORDS).where(NATIONAL_RECORDS.c.station_code == code))
        facts = [_fact(row._mapping) for row in rows]
        facts.sort(key=lambda f: (f.at or dt.datetime.min, f.visit_uid, f.version), reverse=True)
        return facts[:limit]


def _fact(row) -> NationalRecordFact:  # noqa: ANN001 - a row mapping
    when = row[_WHEN[row["state"]]] if row["state"] in _WHEN else None
    return NationalRecordFact(row["visit_uid"], row["version"], row["state"],
                              when or row["signed_at"] or row["completed_at"], row["txn_id"] or "",
                              row["res_code"] or "", row["res_msg"] or "")
