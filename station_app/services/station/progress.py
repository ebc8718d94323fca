"""The campaign's progress for the coordinator: residents examined against the roster, by village, target
group, school and class, day by day, with completion and referral rates and health classes.

Definitions (docs/PROGRESS.md): a resident is *examined* when one of their visits in the campaign is completed
(or completed with a referral) on or before the period's last day; the *roster* is every resident of the
station not merged into another. One call, :meth:`ProgressService.snapshot`, returns everything the progress
page and the weekly report show, from a handful of GROUP BY queries.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from station_app.core.errors import NotFoundError, ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import TARGET_GROUP_LABELS, HealthClass, TargetGroup, VisitStatus
from station_app.persistence.database import Database
from station_app.persistence.progress import Key, ProgressQueries, StateCounts
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.reference import commune_by_code

NO_VILLAGE = QT_TRANSLATE_NOOP("labels", "(Chưa ghi thôn/bản)")
NO_CLASS = QT_TRANSLATE_NOOP("labels", "(Chưa ghi lớp)")
ALL_SITES = QT_TRANSLATE_NOOP("labels", "Tất cả điểm khám")


@dataclass(frozen=True)
class ProgressFilter:
    """What to count. ``None`` means: the current campaign, every site, the campaign's first day, today (or
    the campaign's last day once it is over, or its last visit if later)."""

    campaign_id: str | None = None
    site_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class Coverage:
    """Residents of a roster by their state on the period's last day.

    ``examined``: a completed visit in the campaign up to ``date_to``; ``examined_in_period``: the first one
    within the period; ``in_progress``: not examined, a visit started; ``waiting``: registered, not started.
    """

    roster: int
    examined: int
    examined_in_period: int
    in_progress: int
    waiting: int

    @property
    def not_seen(self) -> int:
        """Residents of the roster with no visit at all (cancelled visits do not count)."""
        return max(0, self.roster - self.examined - self.in_progress - self.waiting)

    @property
    def rate(self) -> float:
        """Examined over roster, 0.0 for an empty roster."""
        return self.examined / self.roster if self.roster else 0.0


EMPTY = Coverage(0, 0, 0, 0, 0)


@dataclass(frozen=True)
class VillageProgress:
    commune_code: str | None
    commune_name: str
    village: str | None  # None: residents whose village is not recorded
    coverage: Coverage

    @property
    def label(self) -> str:
        return self.village or NO_VILLAGE


@dataclass(frozen=True)
class GroupProgress:
    group: TargetGroup
    label: str  # Vietnamese source label (context "labels"), translated by the UI
    coverage: Coverage


@dataclass(frozen=True)
class ClassProgress:
    school: str
    school_class: str | None
    coverage: Coverage


@dataclass(frozen=True)
class DayProgress:
    """One calendar day of the period. Visits are counted by their day; cancelled ones are in ``registered``."""

    day: dt.date
    registered: int
    completed: int  # completed, with or without a referral
    referred: int
    cancelled: int
    newly_examined: int  # residents whose first completed visit was this day
    cumulative_examined: int  # residents examined from the campaign's start up to this day


@dataclass(frozen=True)
class VisitRates:
    """Visits of the period (each visit counts, a resident may have two)."""

    registered: int  # every visit registered, cancelled ones included
    completed: int
    referred: int
    in_progress: int
    waiting: int
    cancelled: int

    @property
    def completion_rate(self) -> float:
        return self.completed / self.registered if self.registered else 0.0

    @property
    def referral_rate(self) -> float:
        return self.referred / self.completed if self.completed else 0.0


@dataclass(frozen=True)
class ClassCount:
    health_class: HealthClass
    count: int


@dataclass(frozen=True)
class ProgressSnapshot:
    campaign_id: str
    campaign_name: str
    campaign_start: dt.date
    campaign_end: dt.date
    site_id: str | None
    site_name: str  # ALL_SITES when no site was chosen
    date_from: dt.date
    date_to: dt.date
    overall: Coverage
    visits: VisitRates
    villages: tuple[VillageProgress, ...]  # by commune, then village; "no village" last
    groups: tuple[GroupProgress, ...]  # in TargetGroup order, groups with no resident left out
    classes: tuple[ClassProgress, ...]  # by school, then class
    pupils: Coverage  # residents with a school recorded
    days: tuple[DayProgress, ...]  # every calendar day of the period
    health_classes: tuple[ClassCount, ...]  # I to V, completed visits of the period with a conclusion
    without_conclusion: int  # completed visits of the period with no conclusion recorded
    examined_before: int  # residents examined before date_from
    # (day, residents examined up to that day) for every day from the campaign's first day (or date_from,
    # if earlier) to date_to: the whole campaign's curve, whatever the period
    cumulative_to_date: tuple[tuple[dt.date, int], ...] = ()

    @property
    def empty(self) -> bool:
        return self.overall.roster == 0 and self.visits.registered == 0


@dataclass(frozen=True)
class Choice:
    id: str
    name: str


@dataclass(frozen=True)
class ProgressChoices:
    """What the filters offer: campaigns (newest first) and sites, with the station's current ones."""

    campaigns: tuple[Choice, ...]
    sites: tuple[Choice, ...]
    current_campaign_id: str | None
    current_site_id: str | None


class ProgressService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def choices(self) -> ProgressChoices:
        with UnitOfWork(self._db, read_only=True) as uow:
            q = uow.progress
            campaign_id, site_id = q.current_ids()
            return ProgressChoices(tuple(Choice(c.id, c.name) for c in q.campaigns()),
                                   tuple(Choice(s.id, s.name) for s in q.sites()), campaign_id, site_id)

    def snapshot(self, filters: ProgressFilter | None = None, today: dt.date | None = None) -> ProgressSnapshot:
        """Every figure of the progress page and the weekly report, for ``filters`` (see ProgressFilter).

        Raises NotFoundError for an unknown campaign or site, ValidationError for a period ending before it
        starts.
        """
        filters = filters or ProgressFilter()
        with UnitOfWork(self._db, read_only=True) as uow:
            q = uow.progress
            period = _Period.resolve(q, filters, today or dt.date.today(), uow.campaigns.last_visit_day)
            return _Counter(q, period).snapshot()


@dataclass(frozen=True)
class _Period:
    campaign_id: str
    campaign_name: str
    campaign_start: dt.date
    campaign_end: dt.date
    site_id: str | None
    site_name: str
    since: dt.date
    to: dt.date

    @staticmethod
    def resolve(q: ProgressQueries, f: ProgressFilter, today: dt.date,
                last_visit_day: Callable[[str], dt.date | None]) -> _Period:
        campaign = q.campaign(f.campaign_id or q.current_ids()[0] or "")
        if campaign is None:
            raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "đợt khám"))
        site = q.site(f.site_id) if f.site_id else None
        if f.site_id and site is None:
            raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "điểm khám"))
        since = f.date_from or campaign.start_date
        # up to today, but not past the campaign's end, or its last visit if one was made after the end
        last = max(campaign.end_date, last_visit_day(campaign.id) or campaign.end_date)
        to = f.date_to or max(since, min(today, last))
        if to < since:
            raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Đến ngày"),
                                  reason=QT_TRANSLATE_NOOP("errors", "phải từ ngày bắt đầu trở đi"))
        return _Period(campaign.id, campaign.name, campaign.start_date, campaign.end_date, f.site_id,
                       site.name if site else ALL_SITES, since, to)


class _Counter:
    """Runs the queries of one snapshot and shapes their rows."""

    def __init__(self, q: ProgressQueries, p: _Period) -> None:
        self._q, self._p = q, p

    def snapshot(self) -> ProgressSnapshot:
        q, p = self._q, self._p
        q.prepare_states(p.campaign_id, p.site_id, p.to)
        villages = q.by_village(p.since)
        overall = _total(villages.values())
        merged = q.merged_residents(overall.roster) > 0
        if merged:  # rare: a duplicate resolved; its visits count for the resident it was merged into only
            q.drop_merged_states()
        first_days = q.first_examined_by_day()
        visit_rows = q.visits_by_day(p.campaign_id, p.site_id, p.since, p.to)
        extra = q.extra_referrals(p.campaign_id, p.site_id, p.since, p.to)
        visits = _visit_rates(visit_rows, extra)
        classes = tuple(ClassCount(HealthClass(k), n)
                        for k, n in q.health_classes(p.campaign_id, p.site_id, p.since, p.to).items())
        pupils = q.by_class(p.since)
        return ProgressSnapshot(
            p.campaign_id, p.campaign_name, p.campaign_start, p.campaign_end, p.site_id, p.site_name, p.since,
            p.to, overall, visits, _villages(villages), _groups(q.by_group(p.since, merged)), _classes(pupils),
            _total(pupils.values()), _days(p, visit_rows, first_days, extra),
            classes, visits.completed - sum(c.count for c in classes),
            sum(n for day, n in first_days.items() if day < p.since),
            _cumulative(min(p.since, p.campaign_start), p.to, first_days))


def _coverage(c: StateCounts) -> Coverage:
    return Coverage(c.roster, c.examined, c.examined_in_period, c.in_progress, c.waiting)


def _total(counts: Iterable[StateCounts]) -> Coverage:
    rows = [(c.roster, c.examined, c.examined_in_period, c.in_progress, c.waiting) for c in counts]
    return Coverage(*(sum(column) for column in zip(*rows))) if rows else EMPTY


def _villages(villages: dict[Key, StateCounts]) -> tuple[VillageProgress, ...]:
    ordered = sorted(villages.items(), key=lambda kv: (kv[0][0] or "~", kv[0][1] is None, kv[0][1] or ""))
    return tuple(VillageProgress(c, _commune_name(c), v, _coverage(n)) for (c, v), n in ordered)


def _commune_name(code: str | None) -> str:
    commune = commune_by_code(code) if code else None
    return commune.name if commune else (code or "")


def _groups(counts: dict[str, StateCounts]) -> tuple[GroupProgress, ...]:
    return tuple(GroupProgress(g, TARGET_GROUP_LABELS[g], _coverage(counts[g.value]))
                 for g in TargetGroup if g.value in counts)


def _classes(pupils: dict[Key, StateCounts]) -> tuple[ClassProgress, ...]:
    ordered = sorted(pupils.items(), key=lambda kv: (kv[0][0] or "", _class_key(kv[0][1])))
    return tuple(ClassProgress(school or "", cls, _coverage(n)) for (school, cls), n in ordered)


def _class_key(name: str | None) -> tuple[int, int, str]:
    """Classes in grade order: 2A before 10A; unrecorded last."""
    if name is None:
        return (1, 0, "")
    digits = "".join(ch for ch in name if ch.isdigit())
    return (0, int(digits) if digits else 99, name)


def _visit_rates(rows: list[tuple[dt.date, str, int]], extra_referrals: dict[dt.date, int]) -> VisitRates:
    by_status: Counter[str] = Counter()
    for _, status, n in rows:
        by_status[status] += n
    return VisitRates(
        registered=sum(by_status.values()),
        completed=by_status[VisitStatus.COMPLETED] + by_status[VisitStatus.REFERRED],
        referred=by_status[VisitStatus.REFERRED] + sum(extra_referrals.values()),
        in_progress=by_status[VisitStatus.IN_PROGRESS], waiting=by_status[VisitStatus.REGISTERED],
        cancelled=by_status[VisitStatus.CANCELLED])


def _cumulative(since: dt.date, to: dt.date, first_days: dict[dt.date, int]) -> tuple[tuple[dt.date, int], ...]:
    total = sum(n for day, n in first_days.items() if day < since)
    points = []
    for i in range((to - since).days + 1):
        day = since + dt.timedelta(days=i)
        total += first_days.get(day, 0)
        points.append((day, total))
    return tuple(points)


def _days(p: _Period, rows: list[tuple[dt.date, str, int]], first_days: dict[dt.date, int],
          extra_referrals: dict[dt.date, int]) -> tuple[DayProgress, ...]:
    per_day: dict[dt.date, Counter[str]] = {}
    for day, status, n in rows:
        per_day.setdefault(day, Counter())[status] += n
    cumulative = sum(n for day, n in first_days.items() if day < p.since)
    days = []
    for i in range((p.to - p.since).days + 1):
        day = p.since + dt.timedelta(days=i)
        c = per_day.get(day, Counter())
        new = first_days.get(day, 0)
        cumulative += new
        completed = c[VisitStatus.COMPLETED] + c[VisitStatus.REFERRED]
        referred = c[VisitStatus.REFERRED] + extra_referrals.get(day, 0)
        days.append(DayProgress(day, sum(c.values()), completed, referred, c[VisitStatus.CANCELLED], new, cumulative))
    return tuple(days)
