"""The coordinator's lists as a few indexed queries each, fast at the demo station's size (500,000 residents).

Filters are optional; each query adds only the conditions it is given. Target groups come back as one
comma-separated string per resident (``group_concat`` on the primary key of ``resident_target_groups``).
Indexes used: ``uq_visits_queue`` (site, day, queue) for the daily list, ``ix_visits_resident_campaign``
for "has a visit", ``ix_residents_village_household`` and ``ix_conclusions_referral`` (migration 0004).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Row, text
from sqlalchemy.orm import Session

from station_app.persistence.tables import ConclusionRow, utcnow

_GROUPS = ('(SELECT group_concat(g."group") FROM resident_target_groups g WHERE g.resident_id = r.id)'
           " AS target_groups")
_HAS_GROUP = 'EXISTS (SELECT 1 FROM resident_target_groups g WHERE g.resident_id = r.id AND g."group" = :grp)'
_VISITED = ("EXISTS (SELECT 1 FROM visits w WHERE w.resident_id = r.id AND w.campaign_id = :campaign "
            "AND w.status != 'cancelled')")
_IDENTITY = ("SELECT r.id AS resident_id, r.full_name, r.name_norm, r.birth_year, r.birth_date, r.sex, r.commune_code,"
             " r.village, r.household_code, r.address, r.national_id, r.insurance_number, " + _GROUPS)
_IN_CHUNK = 900  # ids per IN (...) list, under SQLite's oldest limit on bound variables


@dataclass(frozen=True)
class Where:
    """Filters of every list; None means no filter."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    village: str | None = None
    target_group: str | None = None
    status: str | None = None

    def sql(self, date_column: str = "v.visit_date") -> tuple[list[str], dict[str, object]]:
        clauses: list[str] = []
        params: dict[str, object] = {}
        if self.date_from is not None:
            clauses.append(f"{date_column} >= :date_from")
            params["date_from"] = self.date_from.isoformat()
        if self.date_to is not None:
            clauses.append(f"{date_column} <= :date_to")
            params["date_to"] = self.date_to.isoformat()
        if self.village is not None:
            clauses.append("r.village = :village")
            params["village"] = self.village
        if self.target_group is not None:
            clauses.append(_HAS_GROUP)
            params["grp"] = self.target_group
        return clauses, params


class ListQueries:
    def __init__(self, session: Session) -> None:
        self._s = session

    def _rows(self, sql: str, params: dict[str, object]) -> Sequence[Row]:
        return self._s.execute(text(sql), params).all()

    def villages(self) -> list[tuple[str | None, str]]:
        """(commune code, village) of every resident, for checking a typed village name."""
        return [(c, v) for c, v in self._rows(
            "SELECT DISTINCT commune_code, village FROM residents WHERE village IS NOT NULL", {})]

    def sites(self) -> list[tuple[str, str]]:
        """(id, name) of the station's active sites, the station's own first."""
        return [(i, n) for i, n in self._rows(
            "SELECT id, name FROM sites WHERE active ORDER BY kind != 'commune_station', name", {})]

    def has_village(self, village: str) -> bool:
        return bool(self._rows("SELECT 1 FROM residents WHERE village = :village LIMIT 1", {"village": village}))

    def daily(self, site_id: str | None, where: Where) -> Sequence[Row]:
        clauses, params = where.sql()
        if site_id is not None:
            clauses.append("v.site_id = :site")
            params["site"] = site_id
        if where.status is not None:
            clauses.append("v.status = :status")
            params["status"] = where.status
        else:
            clauses.append("v.status != 'cancelled'")
        return self._rows(
            "SELECT v.id AS visit_id, v.visit_date, v.queue_number, v.status, s.name AS site_name, r.id AS resident_id,"
            " r.full_name, r.birth_year, r.sex, r.village, " + _GROUPS + ","
            " c.overall_class, c.referral_to FROM visits v JOIN residents r ON r.id = v.resident_id"
            " JOIN sites s ON s.id = v.site_id LEFT JOIN conclusions c ON c.visit_id = v.id"
            " WHERE " + " AND ".join(clauses) + " ORDER BY v.visit_date, s.name, v.queue_number", params)

    def measurements(self, visit_ids: Iterable[str], codes: Sequence[str]) -> Sequence[Row]:
        """(visit_id, code, reading, value) of the given codes, in reading order."""
        ids = list(visit_ids)
        found: list[Row] = []
        code_list = ", ".join(f"'{c}'" for c in codes)  # codes are the enum's own values, never typed text
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start:start + _IN_CHUNK]
            marks = ", ".join(f":i{n}" for n in range(len(chunk)))
            found += self._rows(
                f"SELECT visit_id, code, reading, value FROM measurements WHERE visit_id IN ({marks})"
                f" AND code IN ({code_list}) ORDER BY visit_id, code, reading",
                {f"i{n}": v for n, v in enumerate(chunk)})
        return found

    def pending(self, campaign_id: str, where: Where) -> Sequence[Row]:
        """Residents (not merged) with no non-cancelled visit in the campaign, in walking order.

        The service unpacks these columns by position: keep their order."""
        clauses, params = where.sql()
        params["campaign"] = campaign_id
        return self._rows(
            "SELECT r.id AS resident_id, r.full_name, r.birth_year, r.birth_date, r.sex, r.commune_code, r.village,"
            " r.household_code, r.address, r.phone, r.guardian_phone, r.national_id, " + _GROUPS +
            " FROM residents r WHERE r.merged_into_id IS NULL AND NOT " + _VISITED +
            "".join(f" AND {c}" for c in clauses) +
            " ORDER BY r.commune_code, r.village, r.household_code, r.address, r.name_norm", params)

    def households(self, village: str | None) -> dict[str, tuple[int, bool]]:
        """Household code → (residents not merged, whether any of them has a phone or a guardian's phone),
        for every household or one village's."""
        where = "merged_into_id IS NULL AND household_code IS NOT NULL"
        params: dict[str, object] = {}
        if village is not None:
            where += " AND village = :village"
            params["village"] = village
        return {h: (n, bool(phone)) for h, n, phone in self._rows(
            "SELECT household_code, count(*), max(phone IS NOT NULL OR guardian_phone IS NOT NULL) FROM residents"
            f" WHERE {where} GROUP BY household_code", params)}

    def referrals(self, campaign_id: str, where: Where, followed_up: bool | None,
                  visit_id: str | None = None) -> Sequence[Row]:
        clauses, params = where.sql()
        params["campaign"] = campaign_id
        if visit_id is not None:
            clauses.append("v.id = :visit")
            params["visit"] = visit_id
        if followed_up is not None:
            clauses.append("c.referral_followed_up_at IS " + ("NOT NULL" if followed_up else "NULL"))
        return self._rows(
            "SELECT v.id AS visit_id, v.visit_date, v.queue_number, s.name AS site_name, r.id AS resident_id,"
            " r.full_name, r.birth_year, r.sex, r.village, r.phone, " + _GROUPS + ", c.overall_class,"
            " c.referral_to, c.referral_reason, c.referral_urgency, c.referral_followed_up_at,"
            " u.full_name AS followed_up_by, c.referral_follow_up_note"
            # CROSS JOIN keeps SQLite on the few referring conclusions (their partial index) instead of walking
            # every visit of the campaign (300,000 at the demo station) and looking each conclusion up
            " FROM conclusions c CROSS JOIN visits v ON v.id = c.visit_id JOIN residents r ON r.id = v.resident_id"
            " JOIN sites s ON s.id = v.site_id LEFT JOIN users u ON u.id = c.referral_followed_up_by"
            " WHERE c.referral_to IS NOT NULL AND v.campaign_id = :campaign AND v.status != 'cancelled'" +
            "".join(f" AND {c}" for c in clauses) + " ORDER BY v.visit_date, s.name, v.queue_number", params)

    def conclusion_of(self, visit_id: str) -> ConclusionRow | None:
        return self._s.query(ConclusionRow).filter_by(visit_id=visit_id).one_or_none()

    def mark_followed_up(self, row: ConclusionRow, user_id: str | None, note: str | None) -> None:
        row.referral_followed_up_at, row.referral_followed_up_by = utcnow(), user_id
        row.referral_follow_up_note = note
        self._s.flush()

    def same_name_and_birth(self) -> Sequence[Row]:
        """Residents (not merged) who share their normalised name with another and either the same birth date,
        or the same birth year and commune when one of them has only the year on record."""
        return self._rows(
            # merged records are left out only after grouping, so both groupings read the index alone
            "WITH same_date AS (SELECT birth_year, name_norm, birth_date FROM residents WHERE birth_date IS NOT NULL"
            " GROUP BY birth_year, name_norm, birth_date HAVING count(*) > 1),"
            " year_only AS (SELECT birth_year, name_norm FROM residents GROUP BY birth_year, name_norm"
            " HAVING count(*) > 1 AND sum(birth_date IS NULL) > 0)"
            " SELECT * FROM (" + _IDENTITY + " FROM same_date d JOIN residents r ON r.birth_year = d.birth_year"
            " AND r.name_norm = d.name_norm AND r.birth_date = d.birth_date WHERE r.merged_into_id IS NULL"
            " UNION " + _IDENTITY + " FROM year_only y JOIN residents r ON r.birth_year = y.birth_year"
            " AND r.name_norm = y.name_norm WHERE r.merged_into_id IS NULL) ORDER BY name_norm, birth_year,"
            " resident_id", {})

    def same_insurance(self, where: Where) -> Sequence[Row]:
        clauses, params = where.sql()
        return self._rows(
            "SELECT r.id AS resident_id, r.full_name, r.name_norm, r.birth_year, r.birth_date, r.sex, r.village,"
            " r.household_code, r.address, r.national_id, r.insurance_number, " + _GROUPS +
            " FROM residents r JOIN (SELECT insurance_number FROM residents WHERE insurance_number IS NOT NULL"
            " GROUP BY insurance_number HAVING count(*) > 1) d"
            " ON d.insurance_number = r.insurance_number WHERE r.merged_into_id IS NULL" +
            "".join(f" AND {c}" for c in clauses) + " ORDER BY r.insurance_number, r.id", params)

    def repeated_visits(self, campaign_id: str, where: Where) -> Sequence[Row]:
        """Every non-cancelled visit of residents with two or more in the campaign."""
        clauses, params = where.sql()
        params["campaign"] = campaign_id
        return self._rows(
            "SELECT v.id AS visit_id, v.visit_date, v.queue_number, s.name AS site_name, r.id AS resident_id,"
            " r.full_name, r.birth_year, r.birth_date, r.sex, r.village, r.household_code, r.address,"
            " r.national_id, r.insurance_number, " + _GROUPS +
            " FROM (SELECT resident_id FROM visits WHERE campaign_id = :campaign AND status != 'cancelled'"
            " GROUP BY resident_id HAVING count(*) > 1) d JOIN residents r ON r.id = d.resident_id"
            " JOIN visits v ON v.resident_id = r.id AND v.campaign_id = :campaign AND v.status != 'cancelled'"
            " JOIN sites s ON s.id = v.site_id WHERE 1 = 1" + "".join(f" AND {c}" for c in clauses) +
            " ORDER BY r.name_norm, r.id, v.visit_date", params)
