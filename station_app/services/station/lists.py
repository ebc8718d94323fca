"""The site coordinator's lists: the day's visits, who is not yet examined, referrals, possible duplicates.

Each list comes back as plain rows and totals, for the screen and for the PDF/CSV/XLSX writers
(``services.station.list_exports``). Filters are a ``ListFilter``; ``sort`` picks one of the list's ``*_SORTS`` keys.
Reading needs VIEW_LISTS; ``user`` None is the command line, run by IT staff on the station's own laptop.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from enum import StrEnum
from typing import Any, Generic, TypeVar

from station_app.core.checkup_book import Urgency
from station_app.core.errors import NotFoundError, PermissionDeniedError, StationError, ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction, HealthClass, MeasureCode, Sex, TargetGroup, VisitStatus
from station_app.core.names import normalise_name
from station_app.core.roles import Permission, can, require
from station_app.core.synthetic import age_on
from station_app.core.vitals import blood_pressure, bmi
from station_app.persistence.database import Database
from station_app.persistence.lists import ListQueries, Where
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.accounts import SignedInUser
from station_app.services.station.national_states import FILTERS as NATIONAL_FILTERS
from station_app.services.station.national_states import NationalStatus
from station_app.services.station.national_states import statuses as national_statuses
from station_app.services.station.station_setup import StationInfo, StationService

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")  # a list's row
S = TypeVar("S")  # a list's totals

# "Dễ làm trước, khó làm sau": the campaign reaches these groups first, so they lead the counts.
PRIORITY_GROUPS = (TargetGroup.POLICY, TargetGroup.ELDERLY, TargetGroup.DISABLED, TargetGroup.POOR,
                   TargetGroup.NEAR_POOR, TargetGroup.CHILD_UNDER_6)
ID_CARD_AGE = 14  # a citizen's ID card is due from 14 (Luật Căn cước 2023)
DAILY_SORTS = ("queue", "name", "village", "health_class")
PENDING_SORTS = ("walk", "priority", "name")
REFERRAL_SORTS = ("date", "urgency", "village", "name")
DUPLICATE_SORTS = ("name", "village")
REFERRAL_STATES = ("open", "followed_up")


class ListKind(StrEnum):
    DAILY = "daily"
    PENDING = "pending"
    REFERRALS = "referrals"
    DUPLICATES = "duplicates"


class HardReason(StrEnum):
    """Why a resident not yet examined will be hard to reach."""

    NO_PHONE = "no_phone"  # nobody in the household (nor a guardian) has a phone number on the roster
    NO_NATIONAL_ID = "no_national_id"  # 14 or older without a 12-digit ID: hard to register at the desk
    LIVES_ALONE = "lives_alone"  # elderly or disabled, alone in the household: nobody to bring them


HARD_REASON_LABELS = {
    HardReason.NO_PHONE: QT_TRANSLATE_NOOP("lists", "Không có số điện thoại"),
    HardReason.NO_NATIONAL_ID: QT_TRANSLATE_NOOP("lists", "Chưa có số định danh"),
    HardReason.LIVES_ALONE: QT_TRANSLATE_NOOP("lists", "Già yếu/khuyết tật sống một mình"),
}


class DuplicateReason(StrEnum):
    SAME_NAME_AND_YEAR = "same_name_and_year"
    SAME_INSURANCE = "same_insurance"
    TWO_VISITS = "two_visits"


DUPLICATE_REASON_LABELS = {
    DuplicateReason.SAME_NAME_AND_YEAR: QT_TRANSLATE_NOOP("lists", "Trùng họ tên và ngày/năm sinh"),
    DuplicateReason.SAME_INSURANCE: QT_TRANSLATE_NOOP("lists", "Trùng mã thẻ BHYT"),
    DuplicateReason.TWO_VISITS: QT_TRANSLATE_NOOP("lists", "Khám từ hai lần trong đợt"),
}


class UnknownVillageError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không có thôn/bản nào tên '{village}' trong danh sách người dân. Hãy gõ đúng tên (có dấu), "
                  "ví dụ: {examples}.")


@dataclass(frozen=True)
class ListFilter:
    """Filters every list understands; None is no filter. ``status``: a VisitStatus value for the daily
    list, "open" or "followed_up" for referrals. ``site_id``: the daily list's site (default: this station's)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    village: str | None = None
    target_group: TargetGroup | None = None
    status: str | None = None
    site_id: str | None = None
    sort: str | None = None
    national: str | None = None  # the daily list: a key of national_states.FILTERS

    @classmethod
    def day(cls, day: dt.date, **others: Any) -> ListFilter:
        return cls(date_from=day, date_to=day, **others)


@dataclass(frozen=True)
class ListScope:
    """Where and when a list is from: what its printed header says."""

    site_name: str
    commune_name: str
    campaign_name: str
    filters: ListFilter
    made_at: dt.datetime  # local time


@dataclass(frozen=True)
class RowList(Generic[R, S]):
    """A list as made: where and when it is from, its rows in order, their totals."""

    scope: ListScope
    rows: tuple[R, ...]
    totals: S


@dataclass(frozen=True)
class VisitRow:
    """Which visit, where and who came: the first columns of the daily and the referral lists."""

    visit_id: str
    visit_date: dt.date
    queue_number: int
    site_name: str
    resident_id: str
    full_name: str
    birth_year: int
    sex: Sex
    village: str | None


@dataclass(frozen=True)
class DailyRow(VisitRow):
    target_groups: tuple[TargetGroup, ...]
    status: VisitStatus
    systolic: float | None  # the value used: the average of the last two readings
    diastolic: float | None
    bmi: float | None
    health_class: HealthClass | None
    referral_to: str | None
    national: NationalStatus | None = None  # the national system's word, from the office's receipts


@dataclass(frozen=True)
class DailyTotals:
    registered: int  # visits listed (not cancelled unless asked for)
    completed: int  # completed or referred
    referred: int
    waiting: int  # registered or in progress
    by_sex: dict[Sex, int]
    by_group: dict[TargetGroup, int]


class DailyList(RowList[DailyRow, DailyTotals]):
    """The visits of some days at one site."""


@dataclass(frozen=True)
class PendingRow:
    resident_id: str
    full_name: str
    birth_year: int
    sex: Sex
    commune_code: str | None
    village: str | None
    household_code: str | None
    address: str | None
    phone: str | None  # the resident's, else the guardian's
    target_groups: tuple[TargetGroup, ...]
    priority: bool
    hard_reasons: tuple[HardReason, ...]


@dataclass(frozen=True)
class PendingTotals:
    residents: int
    priority: int
    by_village: dict[str, int]  # village name ("" when unknown), in walking order
    by_group: dict[TargetGroup, int]  # priority groups first
    hard: int
    by_reason: dict[HardReason, int]


@dataclass(frozen=True)
class PendingList(RowList[PendingRow, PendingTotals]):
    """Residents not yet examined, village by village."""

    hardest_only: bool


@dataclass(frozen=True)
class ReferralRow(VisitRow):
    phone: str | None
    target_groups: tuple[TargetGroup, ...]
    health_class: HealthClass | None
    referral_to: str
    reason: str
    urgency: Urgency
    followed_up_at: dt.datetime | None  # UTC
    followed_up_by: str | None  # full name
    follow_up_note: str | None

    @property
    def followed_up(self) -> bool:
        return self.followed_up_at is not None


@dataclass(frozen=True)
class ReferralTotals:
    referred: int
    followed_up: int
    open: int
    by_urgency: dict[Urgency, int]
    by_destination: dict[str, int]


class ReferralList(RowList[ReferralRow, ReferralTotals]):
    """Visits whose conclusion refers the resident on."""


@dataclass(frozen=True)
class DuplicateRow:
    group: int  # 1, 2, ...: rows of one group look like the same person
    reason: DuplicateReason
    resident_id: str
    full_name: str
    birth_year: int
    birth_date: dt.date | None
    sex: Sex
    village: str | None
    household_code: str | None
    address: str | None
    national_id_tail: str | None  # last four digits only: enough to compare, not enough to misuse
    insurance_number: str | None
    target_groups: tuple[TargetGroup, ...]
    visit_id: str | None = None  # TWO_VISITS rows: one row per visit
    visit_date: dt.date | None = None
    site_name: str | None = None


@dataclass(frozen=True)
class DuplicateTotals:
    groups: int
    residents: int
    by_reason: dict[DuplicateReason, int]  # groups per reason


class DuplicateList(RowList[DuplicateRow, DuplicateTotals]):
    """Groups of rows that look like one person."""


class ListsService:
    def __init__(self, db: Database, station: StationService | None = None) -> None:
        self._db = db
        self._station = station or StationService(db)

    # -- the lists ----------------------------------------------------------------------------------------

    def daily(self, user: SignedInUser | None, filters: ListFilter) -> DailyList:
        """Visits of the days in ``filters`` (default today) at one site, in queue order."""
        _may_read(user)
        info = self._station.info()
        today = dt.date.today()
        filters = replace(filters, date_from=filters.date_from or filters.date_to or today,
                          date_to=filters.date_to or filters.date_from or today,
                          site_id=filters.site_id or info.site_id)
        _check_status(filters.status, [s.value for s in VisitStatus])
        with self._queries(filters.village) as queries:
            found = queries.daily(filters.site_id, _where(filters))
            values = _key_values(queries, [r.visit_id for r in found])
            site_name = dict(queries.sites()).get(filters.site_id, info.site_name)
        rows = _with_national(self._db, [_daily_row(r, values.get(r.visit_id, {})) for r in found], filters.national)
        rows = _sorted(rows, filters.sort, DAILY_SORTS, {
            "queue": lambda r: (r.visit_date, r.site_name, r.queue_number),
            "name": lambda r: _name_key(r.full_name), "village": lambda r: (r.village or "", r.queue_number),
            "health_class": lambda r: (r.health_class.rank if r.health_class else 9, r.queue_number)})
        log.info("daily list: %d visits", len(rows))
        return DailyList(replace(_scope(info, filters), site_name=site_name), tuple(rows), _daily_totals(rows))

    def pending(self, user: SignedInUser | None, filters: ListFilter, *, hardest_only: bool = False) -> PendingList:
        """Residents with no visit (other than cancelled ones) in the campaign, village by village."""
        _may_read(user)
        info = self._station.info()
        with self._queries(filters.village) as queries:
            found = queries.pending(info.campaign_id, _where(replace(filters, date_from=None, date_to=None)))
            households = queries.households(filters.village)
        on = info.campaign_start if dt.date.today() < info.campaign_start else dt.date.today()
        rows = [_pending_row(r, households, on) for r in found]
        if hardest_only:
            rows = [r for r in rows if r.hard_reasons]
        rows = _sorted(rows, filters.sort, PENDING_SORTS, {
            "walk": None, "name": lambda r: _name_key(r.full_name),
            "priority": lambda r: (r.commune_code or "", r.village or "", not r.priority)})
        log.info("pending list: %d residents (hardest only: %s)", len(rows), hardest_only)
        return PendingList(_scope(info, filters), tuple(rows), _pending_totals(rows), hardest_only)

    def referrals(self, user: SignedInUser | None, filters: ListFilter) -> ReferralList:
        """Visits whose conclusion refers the resident on; ``status`` "open" or "followed_up" narrows them."""
        _may_read(user)
        info = self._station.info()
        _check_status(filters.status, REFERRAL_STATES)
        followed = None if filters.status is None else filters.status == "followed_up"
        with self._queries(filters.village) as queries:
            rows = [_referral_row(r) for r in queries.referrals(info.campaign_id, _where(filters), followed)]
        rank = {Urgency.URGENT: 0, Urgency.SOON: 1, Urgency.ROUTINE: 2}
        rows = _sorted(rows, filters.sort, REFERRAL_SORTS, {
            "date": None, "urgency": lambda r: (r.followed_up, rank[r.urgency], r.visit_date),
            "village": lambda r: (r.village or "", r.visit_date), "name": lambda r: _name_key(r.full_name)})
        return ReferralList(_scope(info, filters), tuple(rows), _referral_totals(rows))

    def duplicates(self, user: SignedInUser | None, filters: ListFilter) -> DuplicateList:
        """Groups of residents that look like one person, and residents examined twice or more.

        A group is listed whole when any of its rows matches the village or target group filter."""
        _may_read(user)
        info = self._station.info()
        with self._queries(filters.village) as queries:
            by_name = queries.same_name_and_birth()
            by_card = queries.same_insurance(Where())
            visits = queries.repeated_visits(info.campaign_id, Where(date_from=filters.date_from,
                                                                     date_to=filters.date_to))
        groups = [*_name_groups(by_name),
                  *_groups(by_card, DuplicateReason.SAME_INSURANCE, lambda r: r.insurance_number),
                  *_groups(visits, DuplicateReason.TWO_VISITS, lambda r: r.resident_id)]
        groups = [g for g in groups if any(_matches(r, filters) for r in g)]
        if filters.sort == "village":
            groups.sort(key=lambda g: (g[0].village or "", _name_key(g[0].full_name)))
        elif filters.sort not in (None, "name"):
            _sorted([], filters.sort, DUPLICATE_SORTS, {})
        rows = [replace(r, group=n) for n, g in enumerate(groups, 1) for r in g]
        totals = DuplicateTotals(len(groups), len({r.resident_id for r in rows}),
                                 dict(Counter(g[0].reason for g in groups)))
        return DuplicateList(_scope(info, filters), tuple(rows), totals)

    def villages(self) -> list[str]:
        """Village names of the roster, sorted, for the filter's choices."""
        with UnitOfWork(self._db, read_only=True) as uow:
            return sorted({v for _, v in uow.lists.villages()}, key=normalise_name)

    def sites(self) -> list[tuple[str, str]]:
        """(id, name) of the active sites, for the daily list's site filter; the station's own first."""
        with UnitOfWork(self._db, read_only=True) as uow:
            return uow.lists.sites()

    # -- the one change -----------------------------------------------------------------------------------

    def mark_referral_followed_up(self, user: SignedInUser | None, visit_id: str, *, note: str | None) -> ReferralRow:
        """Record that the referred resident was followed up (who, when, a note); audited.

        Coordinators, doctors and admins may; marking again replaces the note and time."""
        if user is not None and not (can(user.role, Permission.PRINT_LISTS) or
                                     can(user.role, Permission.CONCLUDE_VISIT)):
            raise PermissionDeniedError(permission="follow_up_referrals")
        info = self._station.info()
        with UnitOfWork(self._db) as uow:
            queries = uow.lists
            row = queries.conclusion_of(visit_id)
            if row is None or not row.referral_to or not queries.referrals(info.campaign_id, Where(), None, visit_id):
                raise NotFoundError(what=QT_TRANSLATE_NOOP("lists", "lượt khám có chuyển tuyến"))
            again = row.referral_followed_up_at is not None
            queries.mark_followed_up(row, user.id if user else None, (note or "").strip() or None)
            uow.audit(AuditAction.UPDATE, "conclusions", row.id, user.id if user else None,
                      {"visit_id": visit_id, "referral_followed_up": True, "again": again})
            uow.commit()
            (found,) = queries.referrals(info.campaign_id, Where(), None, visit_id)
        log.info("visit %s: referral followed up", visit_id)
        return _referral_row(found)

    @contextmanager
    def _queries(self, village: str | None) -> Iterator[ListQueries]:
        """The queries of one read-only session, once ``village`` (the filter's) is known to the roster."""
        with UnitOfWork(self._db, read_only=True) as uow:
            queries = uow.lists
            self._check_village(queries, village)
            yield queries

    def _check_village(self, queries: ListQueries, village: str | None) -> None:
        if village is None or queries.has_village(village):
            return
        known = sorted({v for _, v in queries.villages()}, key=normalise_name)
        close = [v for v in known if normalise_name(village) in normalise_name(v)] or known
        raise UnknownVillageError(village=village, examples=", ".join(close[:3]) or "—")


# -- helpers ---------------------------------------------------------------------------------------------------

def _may_read(user: SignedInUser | None) -> None:
    if user is not None:
        require(user.role, Permission.VIEW_LISTS)


def _check_status(status: str | None, allowed: Sequence[str]) -> None:
    if status is not None and status not in allowed:
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Trạng thái"), reason=_one_of(allowed))


def _one_of(allowed: Sequence[str]) -> str:
    return "hãy chọn một trong: " + ", ".join(allowed)


def _where(f: ListFilter) -> Where:
    return Where(f.date_from, f.date_to, f.village, f.target_group.value if f.target_group else None, f.status)


def _scope(info: StationInfo, filters: ListFilter) -> ListScope:
    return ListScope(info.site_name, info.commune_name, info.campaign_name, filters, dt.datetime.now())


def _sorted(rows: list[T], key: str | None, allowed: Sequence[str], keys: dict[str, Callable | None]) -> list[T]:
    if key is not None and key not in allowed:
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Sắp xếp theo"), reason=_one_of(allowed))
    chosen = keys.get(key or allowed[0])
    return sorted(rows, key=chosen) if chosen else rows


def _name_key(full_name: str) -> tuple[str, str]:
    """Vietnamese lists sort by the given name (the last word), then the whole name."""
    norm = normalise_name(full_name)
    return norm.rsplit(" ", 1)[-1], norm


@cache
def _groups_of(text: str | None) -> tuple[TargetGroup, ...]:
    """Target groups from ``group_concat``, in the enum's order (few distinct strings: cached)."""
    if not text:
        return ()
    found = set(text.split(","))
    return tuple(g for g in TargetGroup if g.value in found)


_SEX = {s.value: s for s in Sex}  # a dict lookup: Sex(value) costs more, on 200,000 rows


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _moment(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


_KEY_CODES = (MeasureCode.SYSTOLIC.value, MeasureCode.DIASTOLIC.value, MeasureCode.HEIGHT_CM.value,
              MeasureCode.WEIGHT_KG.value, MeasureCode.BMI.value)


def _key_values(queries: ListQueries, visit_ids: list[str]) -> dict[str, dict[str, list[float]]]:
    """visit id → code → values in reading order."""
    values: dict[str, dict[str, list[float]]] = {}
    for visit_id, code, _, value in queries.measurements(visit_ids, _KEY_CODES):
        values.setdefault(visit_id, {}).setdefault(code, []).append(value)
    return values


def _with_national(db: Database, rows: list[DailyRow], wanted: str | None) -> list[DailyRow]:
    """Each visit's national state; ``wanted`` keeps those in that state ("none": the office said nothing yet)."""
    if wanted is not None and wanted not in NATIONAL_FILTERS:
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Liên thông"), reason=_one_of(NATIONAL_FILTERS))
    known = national_statuses(db, [r.visit_id for r in rows])
    rows = [replace(r, national=known.get(r.visit_id)) for r in rows]
    if wanted is None:
        return rows
    return [r for r in rows if (r.national.filter_key if r.national else "none") == wanted]


def _daily_row(r: Any, values: dict[str, list[float]]) -> DailyRow:
    systolic = diastolic = None
    pairs = list(zip(values.get("systolic", []), values.get("diastolic", [])))
    if pairs:
        used = blood_pressure(pairs)
        systolic, diastolic = round(used.systolic), round(used.diastolic)
    index = values.get("bmi", [None])[-1]
    if index is None and values.get("weight_kg") and values.get("height_cm"):
        index = bmi(values["weight_kg"][-1], values["height_cm"][-1])
    return DailyRow(r.visit_id, _day(r.visit_date), r.queue_number, r.site_name, r.resident_id, r.full_name,
                    r.birth_year, Sex(r.sex), r.village, _groups_of(r.target_groups), VisitStatus(r.status),
                    systolic, diastolic, index, HealthClass(r.overall_class) if r.overall_class else None,
                    r.referral_to)


def _daily_totals(rows: Sequence[DailyRow]) -> DailyTotals:
    status = Counter(r.status for r in rows)
    live = [r for r in rows if r.status is not VisitStatus.CANCELLED]
    return DailyTotals(
        registered=len(live), completed=status[VisitStatus.COMPLETED] + status[VisitStatus.REFERRED],
        referred=sum(1 for r in live if r.referral_to or r.status is VisitStatus.REFERRED),
        waiting=status[VisitStatus.REGISTERED] + status[VisitStatus.IN_PROGRESS],
        by_sex=_counted((r.sex for r in live), list(Sex)),
        by_group=_counted((g for r in live for g in r.target_groups), list(TargetGroup)))


def _counted(items: Iterable[T], order: Sequence[T]) -> dict[T, int]:
    counts = Counter(items)
    return {k: counts[k] for k in order if counts[k]}


def _pending_row(r: Any, households: dict[str, tuple[int, bool]], on: dt.date) -> PendingRow:
    # unpacked once in the query's column order: a named lookup per field cost half the time at 200,000 rows
    (resident_id, full_name, birth_year, birth_date, sex, commune_code, village, household_code, address, phone,
     guardian_phone, national_id, target_groups) = r
    groups = _groups_of(target_groups)
    reasons = []
    size, household_phone = households.get(household_code, (1, False)) if household_code else (1, False)
    if not (phone or guardian_phone or household_phone):
        reasons.append(HardReason.NO_PHONE)
    if not national_id and age_on(_day(birth_date) if birth_date else None, birth_year, on) >= ID_CARD_AGE:
        reasons.append(HardReason.NO_NATIONAL_ID)
    if size == 1 and (TargetGroup.ELDERLY in groups or TargetGroup.DISABLED in groups):
        reasons.append(HardReason.LIVES_ALONE)
    return PendingRow(resident_id, full_name, birth_year, _SEX[sex], commune_code, village, household_code, address,
                      phone or guardian_phone, groups, _priority(groups), tuple(reasons))


@cache
def _priority(groups: tuple[TargetGroup, ...]) -> bool:
    return any(g in PRIORITY_GROUPS for g in groups)


def _pending_totals(rows: Sequence[PendingRow]) -> PendingTotals:
    order = [*PRIORITY_GROUPS, *(g for g in TargetGroup if g not in PRIORITY_GROUPS)]
    return PendingTotals(
        residents=len(rows), priority=sum(r.priority for r in rows),
        by_village=dict(Counter(r.village or "" for r in rows)),
        by_group=_counted((g for r in rows for g in r.target_groups), order),
        hard=sum(1 for r in rows if r.hard_reasons),
        by_reason=_counted((h for r in rows for h in r.hard_reasons), list(HardReason)))


def _referral_row(r: Any) -> ReferralRow:
    return ReferralRow(r.visit_id, _day(r.visit_date), r.queue_number, r.site_name, r.resident_id, r.full_name,
                       r.birth_year, Sex(r.sex), r.village, r.phone, _groups_of(r.target_groups),
                       HealthClass(r.overall_class) if r.overall_class else None, r.referral_to,
                       r.referral_reason or "", Urgency(r.referral_urgency or Urgency.ROUTINE.value),
                       _moment(r.referral_followed_up_at), r.followed_up_by, r.referral_follow_up_note)


def _referral_totals(rows: Sequence[ReferralRow]) -> ReferralTotals:
    done = sum(r.followed_up for r in rows)
    return ReferralTotals(len(rows), done, len(rows) - done,
                          _counted((r.urgency for r in rows), [Urgency.URGENT, Urgency.SOON, Urgency.ROUTINE]),
                          dict(Counter(r.referral_to for r in rows).most_common()))


def _groups(found: Sequence[Any], reason: DuplicateReason, key: Callable[[Any], Any]) -> list[list[DuplicateRow]]:
    grouped: dict[Any, list[DuplicateRow]] = {}
    for r in found:
        grouped.setdefault(key(r), []).append(_duplicate_row(r, reason))
    groups = [g for g in grouped.values() if len(g) > 1]
    groups.sort(key=lambda g: _name_key(g[0].full_name))
    return groups


def _name_groups(found: Sequence[Any]) -> list[list[DuplicateRow]]:
    """Same name and year, joined when the birth dates match or one of the two has only the year and they
    live in the same commune, or one has no commune on record (so two people of a common name born the same
    year elsewhere stay apart, and the roster import's possible duplicates are all listed)."""
    by_name: dict[tuple[str, int], list[Any]] = {}
    for r in found:
        by_name.setdefault((r.name_norm, r.birth_year), []).append(r)
    groups = []
    for rows in by_name.values():
        for cluster in _clusters(rows):
            groups.append([_duplicate_row(r, DuplicateReason.SAME_NAME_AND_YEAR) for r in cluster])
    groups.sort(key=lambda g: _name_key(g[0].full_name))
    return groups


def _clusters(rows: Sequence[Any]) -> list[list[Any]]:
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            b = rows[j]
            if (a.birth_date and b.birth_date and a.birth_date == b.birth_date) or (
                    (not a.birth_date or not b.birth_date)
                    and (a.commune_code == b.commune_code or not (a.commune_code and b.commune_code))):
                parent[root(j)] = root(i)
    clusters: dict[int, list[Any]] = {}
    for i, r in enumerate(rows):
        clusters.setdefault(root(i), []).append(r)
    return [c for c in clusters.values() if len(c) > 1]


def _duplicate_row(r: Any, reason: DuplicateReason) -> DuplicateRow:
    visit = getattr(r, "visit_id", None)
    return DuplicateRow(0, reason, r.resident_id, r.full_name, r.birth_year,
                        _day(r.birth_date) if r.birth_date else None, Sex(r.sex), r.village, r.household_code,
                        r.address, r.national_id[-4:] if r.national_id else None, r.insurance_number,
                        _groups_of(r.target_groups), visit, _day(r.visit_date) if visit else None,
                        getattr(r, "site_name", None))


def _matches(row: DuplicateRow, f: ListFilter) -> bool:
    return ((f.village is None or row.village == f.village) and
            (f.target_group is None or f.target_group in row.target_groups))
