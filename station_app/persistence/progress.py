"""Aggregate queries for the campaign's progress: a handful of GROUP BY statements, no per-resident Python.

Each resident's state in the campaign is computed once into a temporary table (``progress_states``: the day
of the first completed visit, and whether a visit is under way), then counted by village, school and class,
and target group. The temporary table lives in the unit of work's transaction, which rolls it back.
Dates are bound as ISO text, which is how SQLAlchemy's ``Date`` stores them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import TextClause, func, select, text
from sqlalchemy.orm import Session

from station_app.persistence.tables import CampaignRow, ResidentRow, SiteRow, StationRow

DONE = ("completed", "referred")

_STATES = text("""
INSERT INTO temp.progress_states
SELECT resident_id,
       MIN(CASE WHEN status IN ('completed', 'referred') THEN visit_date END),
       MAX(status = 'in_progress')
FROM visits
WHERE campaign_id = :campaign AND status != 'cancelled' AND visit_date <= :to
  AND (:site IS NULL OR site_id = :site)
GROUP BY resident_id
""")

# The counts each grouping returns, after its keys: roster, examined, examined in the period, in progress,
# registered and waiting. ``s`` is the resident's state (NULL when the resident has no visit).
_COUNTS = """count(*), count(s.first_done), coalesce(sum(s.first_done >= :since), 0),
       coalesce(sum(s.first_done IS NULL AND s.started), 0),
       coalesce(sum(s.first_done IS NULL AND NOT s.started), 0)"""

# Villages and school classes are two queries: one GROUP BY of four columns over every resident cost more
# (sorting 500,000 rows on long keys) than two scans, the second over pupils only.
_BY_VILLAGE = text(f"""
SELECT r.commune_code, r.village, {_COUNTS}
FROM residents r LEFT JOIN temp.progress_states s ON s.resident_id = r.id
WHERE r.merged_into_id IS NULL
GROUP BY r.commune_code, r.village
""")
_BY_CLASS = text(f"""
SELECT r.school, r.school_class, {_COUNTS}
FROM residents r LEFT JOIN temp.progress_states s ON s.resident_id = r.id
WHERE r.merged_into_id IS NULL AND r.school IS NOT NULL
GROUP BY r.school, r.school_class
""")

# CROSS JOIN keeps SQLite's join order: the states (residents with a visit) probe the target groups' key.
_GROUP_STATES = text(f"""
SELECT g."group", {_COUNTS.replace("count(*), ", "")}
FROM temp.progress_states s CROSS JOIN resident_target_groups g ON g.resident_id = s.resident_id
GROUP BY g."group"
""")
_GROUP_ROSTER = text('SELECT "group", count(*) FROM resident_target_groups GROUP BY "group"')
_GROUP_ROSTER_UNMERGED = text("""
SELECT g."group", count(*) FROM resident_target_groups g JOIN residents r ON r.id = g.resident_id
WHERE r.merged_into_id IS NULL GROUP BY g."group"
""")
_DROP_MERGED = text("""
DELETE FROM temp.progress_states
WHERE resident_id IN (SELECT id FROM residents WHERE merged_into_id IS NOT NULL)
""")
_FIRST_DONE = text("""
SELECT first_done, count(*) FROM temp.progress_states WHERE first_done IS NOT NULL GROUP BY first_done
""")

# ``+visit_date`` keeps SQLite off the date index: the period is most of the table, and a scan is cheaper
# than looking every row up from the index.
_VISITS = text("""
SELECT visit_date, status, count(*) FROM visits
WHERE campaign_id = :campaign AND +visit_date BETWEEN :since AND :to AND (:site IS NULL OR site_id = :site)
GROUP BY visit_date, status
""")
# The usual case, every visit of the database in this campaign and every site wanted: the (visit_date, status)
# index alone answers, already in order (at 300,000 visits 70 ms of CPU against 850 ms for the scan and sort).
_VISITS_ALL = text("""
SELECT visit_date, status, count(*) FROM visits WHERE visit_date BETWEEN :since AND :to GROUP BY visit_date, status
""")
_OTHER_CAMPAIGN = text("SELECT 1 FROM visits WHERE campaign_id < :campaign OR campaign_id > :campaign LIMIT 1")
# Conclusions drive the joins (CROSS JOIN): there are never more of them than completed visits. The classes
# are counted with FILTER, not GROUP BY: sorting 250,000 rows for five groups cost more than the join.
_PERIOD_VISIT = """v.campaign_id = :campaign AND v.visit_date BETWEEN :since AND :to AND (:site IS NULL OR v.site_id = :site)"""
HEALTH_CLASSES = ("I", "II", "III", "IV", "V")
_CLASSES = text(f"""
SELECT {", ".join(f"count(*) FILTER (WHERE c.overall_class = '{k}')" for k in HEALTH_CLASSES)}
FROM conclusions c CROSS JOIN visits v ON v.id = c.visit_id
WHERE {_PERIOD_VISIT} AND v.status IN ('completed', 'referred')
""")
# Completed visits whose conclusion refers though the status does not (referral added after completion); the
# condition on referral_to matches migration 0004's partial index, a few per cent of the conclusions.
_EXTRA_REFERRALS = text(f"""
SELECT v.visit_date, count(*)
FROM conclusions c CROSS JOIN visits v ON v.id = c.visit_id
WHERE c.referral_to IS NOT NULL AND {_PERIOD_VISIT} AND v.status = 'completed'
GROUP BY v.visit_date
""")


@dataclass(frozen=True)
class StateCounts:
    """Residents by their state in the campaign; ``waiting`` were registered and not yet started."""

    roster: int
    examined: int
    examined_in_period: int
    in_progress: int
    waiting: int


Key = tuple[str | None, str | None]


class ProgressQueries:
    """Counts over one campaign, optionally one site, up to a day (the states), and within a period."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def current_ids(self) -> tuple[str | None, str | None]:
        """The station's current campaign and site."""
        row = self._s.execute(select(StationRow.current_campaign_id, StationRow.current_site_id).limit(1)).first()
        return (row[0], row[1]) if row else (None, None)

    def campaign(self, campaign_id: str) -> CampaignRow | None:
        return self._s.get(CampaignRow, campaign_id)

    def campaigns(self) -> list[CampaignRow]:
        return list(self._s.scalars(select(CampaignRow).order_by(CampaignRow.start_date.desc())))

    def sites(self) -> list[SiteRow]:
        return list(self._s.scalars(select(SiteRow).order_by(SiteRow.kind, SiteRow.name)))

    def site(self, site_id: str) -> SiteRow | None:
        return self._s.get(SiteRow, site_id)

    def prepare_states(self, campaign_id: str, site_id: str | None, to: dt.date) -> None:
        """Each resident with a visit (not cancelled) up to ``to``: first completed day and whether started."""
        self._s.execute(text("DROP TABLE IF EXISTS temp.progress_states"))
        self._s.execute(text("CREATE TEMP TABLE progress_states (resident_id TEXT PRIMARY KEY, first_done TEXT, "
                             "started INTEGER) WITHOUT ROWID"))
        self._s.execute(_STATES, {"campaign": campaign_id, "site": site_id, "to": to.isoformat()})

    def by_village(self, since: dt.date) -> dict[Key, StateCounts]:
        """Roster and states by (commune code, village)."""
        return self._keyed(_BY_VILLAGE, since)

    def by_class(self, since: dt.date) -> dict[Key, StateCounts]:
        """Roster and states of the residents with a school recorded, by (school, class)."""
        return self._keyed(_BY_CLASS, since)

    def _keyed(self, query: TextClause, since: dt.date) -> dict[Key, StateCounts]:
        return {(a, b): StateCounts(*counts) for a, b, *counts in self._s.execute(query, {"since": since.isoformat()})}

    def merged_residents(self, unmerged: int) -> int:
        """Residents merged into another, given how many are not (the count of all is read off an index)."""
        return (self._s.scalar(select(func.count()).select_from(ResidentRow)) or 0) - unmerged

    def drop_merged_states(self) -> None:
        self._s.execute(_DROP_MERGED)

    def by_group(self, since: dt.date, merged: bool) -> dict[str, StateCounts]:
        """Roster and states by target group; ``merged``: some residents are merged, leave them out."""
        roster = dict(self._s.execute(_GROUP_ROSTER_UNMERGED if merged else _GROUP_ROSTER).all())
        states = {g: counts for g, *counts in self._s.execute(_GROUP_STATES, {"since": since.isoformat()})}
        return {g: StateCounts(n, *states.get(g, (0, 0, 0, 0))) for g, n in roster.items()}

    def first_examined_by_day(self) -> dict[dt.date, int]:
        return {dt.date.fromisoformat(day): n for day, n in self._s.execute(_FIRST_DONE)}

    def visits_by_day(self, campaign_id: str, site_id: str | None, since: dt.date, to: dt.date
                      ) -> list[tuple[dt.date, str, int]]:
        params = _params(campaign_id, site_id, since, to)
        alone = site_id is None and self._s.execute(_OTHER_CAMPAIGN, params).first() is None
        rows = self._s.execute(_VISITS_ALL if alone else _VISITS, params)
        return [(dt.date.fromisoformat(day), status, n) for day, status, n in rows]

    def health_classes(self, campaign_id: str, site_id: str | None, since: dt.date, to: dt.date) -> dict[str, int]:
        """Completed visits of the period by their conclusion's overall class."""
        row = self._s.execute(_CLASSES, _params(campaign_id, site_id, since, to)).one()
        return dict(zip(HEALTH_CLASSES, row))

    def extra_referrals(self, campaign_id: str, site_id: str | None, since: dt.date, to: dt.date
                        ) -> dict[dt.date, int]:
        """Per day, completed visits whose conclusion names a referral though their status is not 'referred'."""
        rows = self._s.execute(_EXTRA_REFERRALS, _params(campaign_id, site_id, since, to))
        return {dt.date.fromisoformat(day): n for day, n in rows}


def _params(campaign_id: str, site_id: str | None, since: dt.date, to: dt.date) -> dict[str, str | None]:
    return {"campaign": campaign_id, "site": site_id, "since": since.isoformat(), "to": to.isoformat()}
