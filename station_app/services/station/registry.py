"""Reception: find the resident a scan names, register new ones, search as you type, open visits.

A scan never merges records by itself: a sure match (same ID number, or same insurance number) comes back with
the differences the nurse may accept; near matches come back as ``possible_duplicates`` to choose from.
Logs carry ids and counts only.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from station_app.core.addresses import Place, place_of
from station_app.core.card_changes import CardRecord, FieldChange, card_changes, insurance_keys, normalise_insurance
from station_app.core.cards import ScanResult
from station_app.core.consent import PURPOSES, is_known
from station_app.core.errors import (
    AlreadyExaminedError,
    ConsentRequiredError,
    NotFoundError,
    ValidationError,
)
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.ids import new_id
from station_app.core.likeness import Identity, Likeness, identity, likeness
from station_app.core.model import AuditAction, FundingSource, RecordSource, Sex, TargetGroup, VisitStatus
from station_app.core.names import clean_display_name, normalise_name
from station_app.core.qr_payloads import NAME_MAX
from station_app.core.roles import Permission, require
from station_app.persistence.database import Database
from station_app.persistence.residents import LastVisit, ResidentRepository
from station_app.persistence.tables import ConsentRow, ResidentRow, VisitRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.accounts import SignedInUser
from station_app.services.common.reference import communes, ethnic_groups
from station_app.services.station.campaigns import check_open

log = logging.getLogger(__name__)
_ID12 = re.compile(r"^\d{12}$")
_OLD_ID = re.compile(r"^\d{9}$|^\d{12}$")
_INSURANCE = re.compile(r"^\d{10}$|^[A-Z]{2}\d{13}$")
_INSURANCE_PREFIX = re.compile(r"^[A-Za-z]{2}\d*$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_PHONE = re.compile(r"^\+?\d{9,12}$")
EARLIEST_BIRTH_YEAR = 1900
MAX_SEARCH_LIMIT = 200


class MatchKind(StrEnum):
    NATIONAL_ID = "national_id"
    INSURANCE = "insurance"
    NAME_BIRTH_VILLAGE = "name_birth_village"


@dataclass(frozen=True)
class ResidentInput:
    full_name: str
    sex: Sex
    birth_year: int | None = None
    birth_date: dt.date | None = None
    national_id: str | None = None
    old_id_number: str | None = None
    insurance_number: str | None = None
    ethnic_code: str | None = None
    address: str | None = None
    commune_code: str | None = None
    village: str | None = None
    household_code: str | None = None
    phone: str | None = None
    school: str | None = None
    school_class: str | None = None
    guardian_name: str | None = None
    guardian_relation: str | None = None
    guardian_id_number: str | None = None
    guardian_phone: str | None = None
    target_groups: tuple[TargetGroup, ...] = ()
    source: RecordSource = RecordSource.MANUAL


@dataclass(frozen=True)
class ResidentInfo:
    id: str
    full_name: str
    name_norm: str
    birth_date: dt.date | None
    birth_year: int
    sex: Sex
    national_id: str | None
    insurance_number: str | None
    address: str | None
    village: str | None
    commune_code: str | None
    target_groups: tuple[TargetGroup, ...]
    ethnic_code: str | None
    guardian_name: str | None
    guardian_relation: str | None
    phone: str | None
    source: RecordSource
    version: int
    last_visit_date: dt.date | None = None
    last_visit_site: str | None = None
    last_visit_id: str | None = None


@dataclass(frozen=True)
class Match:
    """What a scan found. ``resident`` is set for a sure match, with ``changes`` the scan would bring;
    ``possible_duplicates`` are near matches to choose from (never merged); ``proposal`` pre-fills a new
    registration when nothing sure was found."""

    resident: ResidentInfo | None
    matched_by: MatchKind | None
    changes: tuple[FieldChange, ...] = ()
    possible_duplicates: tuple[ResidentInfo, ...] = ()
    proposal: ResidentInput | None = None


@dataclass(frozen=True)
class SearchPage:
    items: tuple[ResidentInfo, ...]
    has_more: bool
    offset: int = 0


@dataclass(frozen=True)
class ConsentInput:
    text_version: str
    text_sha256: str
    given_by: str = "self"  # "self" or "guardian"
    guardian_name: str | None = None
    guardian_relation: str | None = None
    purposes: tuple[str, ...] = PURPOSES
    granted: bool = True


@dataclass(frozen=True)
class VisitInfo:
    id: str
    resident_id: str
    resident_name: str
    birth_year: int
    sex: Sex
    national_id: str | None
    site_id: str
    site_name: str
    campaign_id: str
    visit_date: dt.date
    queue_number: int
    status: VisitStatus
    funding_source: FundingSource
    registered_at: dt.datetime
    second_visit: bool = False


_FIELD_LABELS = {
    "full_name": QT_TRANSLATE_NOOP("fields", "Họ và tên"),
    "sex": QT_TRANSLATE_NOOP("fields", "Giới tính"),
    "birth_year": QT_TRANSLATE_NOOP("fields", "Năm sinh"),
    "birth_date": QT_TRANSLATE_NOOP("fields", "Ngày sinh"),
    "national_id": QT_TRANSLATE_NOOP("fields", "Số CCCD"),
    "old_id_number": QT_TRANSLATE_NOOP("fields", "Số CMND cũ"),
    "insurance_number": QT_TRANSLATE_NOOP("fields", "Số thẻ BHYT"),
    "ethnic_code": QT_TRANSLATE_NOOP("fields", "Dân tộc"),
    "commune_code": QT_TRANSLATE_NOOP("fields", "Xã/phường"),
    "phone": QT_TRANSLATE_NOOP("fields", "Số điện thoại"),
    "guardian_name": QT_TRANSLATE_NOOP("fields", "Người giám hộ"),
    "guardian_relation": QT_TRANSLATE_NOOP("fields", "Quan hệ với người giám hộ"),
    "second_visit_reason": QT_TRANSLATE_NOOP("fields", "Lý do khám lần hai"),
    "address": QT_TRANSLATE_NOOP("fields", "Địa chỉ"),
}
CHANGEABLE = frozenset({"full_name", "national_id", "old_id_number", "insurance_number", "address", "birth_date",
                        "sex", "village", "commune_code", "phone"})


def _invalid(key: str, reason: str, **extra: object) -> ValidationError:
    return ValidationError(field=_FIELD_LABELS.get(key, key), reason=reason, key=key, **extra)


# -- validation --------------------------------------------------------------------------------------------------

def validate_resident(data: ResidentInput, today: dt.date | None = None) -> ResidentInput:
    """Check and tidy a new resident's data; raises ValidationError naming the field. Pure (no database)."""
    today = today or dt.date.today()
    name = clean_display_name(data.full_name or "")
    if not normalise_name(name):
        raise _invalid("full_name", QT_TRANSLATE_NOOP("errors", "không được để trống"))
    if len(name) > NAME_MAX:  # the card checks' limit too: a slip printed for a longer name could not be scanned
        raise _invalid("full_name", QT_TRANSLATE_NOOP("errors", "dài quá 80 ký tự"))
    try:
        sex = Sex(data.sex)
    except ValueError:
        raise _invalid("sex", QT_TRANSLATE_NOOP("errors", "chọn Nam, Nữ hoặc Không rõ")) from None
    year = data.birth_date.year if data.birth_date else data.birth_year
    if year is None:
        raise _invalid("birth_year", QT_TRANSLATE_NOOP("errors", "cần năm sinh (hoặc ngày sinh)"))
    if data.birth_date and data.birth_year and data.birth_year != data.birth_date.year:
        raise _invalid("birth_year", QT_TRANSLATE_NOOP("errors", "năm sinh không khớp với ngày sinh"))
    if not EARLIEST_BIRTH_YEAR <= year <= today.year or (data.birth_date and data.birth_date > today):
        raise _invalid("birth_year", QT_TRANSLATE_NOOP("errors", "năm sinh phải từ 1900 đến năm nay"))
    national_id = _digits(data.national_id)
    if national_id and not _ID12.match(national_id):
        raise _invalid("national_id", QT_TRANSLATE_NOOP("errors", "số căn cước phải đủ 12 chữ số"))
    old_id = _digits(data.old_id_number)
    if old_id and not _OLD_ID.match(old_id):
        raise _invalid("old_id_number", QT_TRANSLATE_NOOP("errors", "số CMND cũ có 9 hoặc 12 chữ số"))
    insurance = normalise_insurance(data.insurance_number)
    if insurance and not _INSURANCE.match(insurance):
        raise _invalid("insurance_number", QT_TRANSLATE_NOOP(
            "errors", "mã thẻ BHYT gồm 15 ký tự (2 chữ cái và 13 chữ số) hoặc mã số BHXH 10 chữ số"))
    if data.ethnic_code and data.ethnic_code not in {g.code for g in ethnic_groups()}:
        raise _invalid("ethnic_code", QT_TRANSLATE_NOOP("errors", "không có trong danh mục dân tộc"))
    if data.commune_code and not re.fullmatch(r"\d{5}", data.commune_code):
        raise _invalid("commune_code", QT_TRANSLATE_NOOP("errors", "mã xã/phường gồm 5 chữ số"))
    phone = _digits(data.phone, keep="+")
    if phone and not _PHONE.match(phone):
        raise _invalid("phone", QT_TRANSLATE_NOOP("errors", "số điện thoại gồm 9–12 chữ số"))
    if data.guardian_name and not data.guardian_relation:
        raise _invalid("guardian_relation", QT_TRANSLATE_NOOP("errors", "ghi quan hệ của người giám hộ"))
    return replace(data, full_name=name, sex=sex, birth_year=year, national_id=national_id or None,
                   old_id_number=old_id or None, insurance_number=insurance, phone=phone or None,
                   address=_clean(data.address), village=_clean(data.village),
                   guardian_name=_clean(data.guardian_name), guardian_relation=_clean(data.guardian_relation),
                   target_groups=tuple(dict.fromkeys(TargetGroup(g) for g in data.target_groups)))


def _digits(value: str | None, keep: str = "") -> str:
    return "".join(ch for ch in (value or "") if ch.isdigit() or ch in keep)


def _clean(value: str | None) -> str | None:
    return clean_display_name(value) or None if value else None


def resident_identity(person: ResidentInput | ResidentRow) -> Identity:
    """The facts of a stored or typed resident that tell two people of one name apart (core.likeness)."""
    return identity(birth_date=person.birth_date, sex=str(person.sex), ethnic_code=person.ethnic_code,
                    household_code=person.household_code, guardian_name=person.guardian_name,
                    commune_code=person.commune_code, national_id=person.national_id,
                    old_id_number=person.old_id_number,
                    insurance=frozenset(insurance_keys(person.insurance_number)), phone=person.phone)


def scan_identity(scan: ScanResult) -> Identity:
    return identity(birth_date=scan.birth_date, sex=str(scan.sex) if scan.sex else None, ethnic_code=None,
                    household_code=None, guardian_name=None, commune_code=None, national_id=scan.national_id,
                    old_id_number=scan.old_id, insurance=frozenset(insurance_keys(scan.insurance_number)),
                    phone=None)


# -- search query ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SearchQuery:
    """A typed query split into what each index can answer."""

    phrase: str = ""  # normalised name words, in order
    year: int | None = None
    id_digits: str = ""  # a run of digits other than a year: ID number or social insurance number prefix
    insurance: str = ""  # letters then digits: an insurance card code prefix

    @property
    def empty(self) -> bool:
        return not (self.phrase or self.year or self.id_digits or self.insurance)


def parse_query(text: str) -> SearchQuery:
    words, year, digits, insurance = [], None, "", ""
    for token in normalise_name(text).split():
        if token.isdigit():
            if len(token) == 4 and _YEAR.match(token) and year is None:
                year = int(token)
            elif not digits:
                digits = token
        elif _INSURANCE_PREFIX.match(token) and any(ch.isdigit() for ch in token) and not insurance:
            insurance = token.upper()
        else:
            words.append(token)
    return SearchQuery(" ".join(words), year, digits, insurance)


# -- the service -------------------------------------------------------------------------------------------------

class RegistryService:
    def __init__(self, db: Database, clock: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = clock
        self._villages: list[tuple[str | None, str, str]] | None = None  # (commune, village, normalised)

    # -- scans ---------------------------------------------------------------------------------------------------

    def find_or_propose(self, scan: ScanResult) -> Match:
        """Who the scan names: a sure match with its differences, near matches, or a proposal to register."""
        with UnitOfWork(self._db) as uow:
            repo, visits = uow.residents, uow.visits
            campaign_id = visits.current_campaign_id()
            row, kind = self._sure_match(repo, scan)
            if row is not None:
                log.info("scan matched resident %s by %s", row.id, kind)
                return Match(_info(row, repo, campaign_id), kind, tuple(scan_changes(row, scan)))
            near = self._near_matches(repo, scan)
            log.info("scan matched no resident surely; %d possible duplicates", len(near))
            infos = tuple(_infos(near, repo, campaign_id))
            return Match(None, None, (), infos, proposal_from_scan(scan, self._place(repo, scan.address)))

    def _sure_match(self, repo: ResidentRepository, scan: ScanResult) -> tuple[ResidentRow | None, MatchKind | None]:
        if scan.national_id:
            row = repo.by_national_id(scan.national_id)
            if row is not None:
                return _follow_merge(repo, row), MatchKind.NATIONAL_ID
        by_card = repo.by_insurance(insurance_keys(scan.insurance_number))
        if by_card:
            row = by_card[0]
            if not (scan.national_id and row.national_id and row.national_id != scan.national_id):
                return row, MatchKind.INSURANCE
        if scan.full_name and scan.birth_year and not scan.national_id and not scan.insurance_number:
            row = self._name_birth_village(repo, scan)
            if row is not None:
                return row, MatchKind.NAME_BIRTH_VILLAGE
        return None, None

    @staticmethod
    def _name_birth_village(repo: ResidentRepository, scan: ScanResult) -> ResidentRow | None:
        """The one resident of the scan's name, year and village with no fact (birth date, sex, old ID number)
        disagreeing with it: a fact that disagrees is another person (core.likeness, as the roster import)."""
        address, scanned = normalise_name(scan.address or ""), scan_identity(scan)
        same = [r for r in repo.by_name_year(normalise_name(scan.full_name or ""), scan.birth_year or 0)
                if r.village and normalise_name(r.village) in address
                and likeness(scanned, resident_identity(r)) is not Likeness.DIFFERENT]
        return same[0] if len(same) == 1 else None

    def _near_matches(self, repo: ResidentRepository, scan: ScanResult) -> list[ResidentRow]:
        name = normalise_name(scan.full_name or "")
        if not name:
            return []
        found: dict[str, ResidentRow] = {}
        address = normalise_name(scan.address or "")
        if scan.birth_year:
            for r in repo.by_name_year(name, scan.birth_year):
                found[r.id] = r
            close = [i for i, n in repo.names_of_year(scan.birth_year) if n != name and within_one_edit(n, name)]
            for r in repo.many(close[:20]):
                found[r.id] = r
        for r in repo.by_name(name):
            if r.village and address and normalise_name(r.village) in address:
                found[r.id] = r
        # a different ID number on both sides means a different person, however alike the names
        return [r for r in found.values()
                if not (scan.national_id and r.national_id and r.national_id != scan.national_id)][:20]

    def apply_changes(self, user: SignedInUser, resident_id: str, *, changes: Sequence[FieldChange]) -> ResidentInfo:
        """Accept differences a scan brought (audited: field names only, never the values)."""
        require(user.role, Permission.REGISTER_RESIDENTS)
        with UnitOfWork(self._db) as uow:
            repo = uow.residents
            row = repo.get(resident_id)
            if row is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "người dân"))
            applied = [c for c in changes if _apply_change(repo, row, c, self._today())]
            if applied:
                row.version += 1
                row.updated_by = user.id
                repo.flush()
                uow.audit(AuditAction.UPDATE, "residents", row.id, user.id,
                          {"fields": sorted(c.field for c in applied), "reason": "scan_changes"})
                uow.commit()
            log.info("resident %s: %d changes applied", row.id, len(applied))
            return _info(row, repo, uow.visits.current_campaign_id())

    # -- registration --------------------------------------------------------------------------------------------

    def register_new(self, user: SignedInUser, data: ResidentInput) -> ResidentInfo:
        require(user.role, Permission.REGISTER_RESIDENTS)
        data = validate_resident(data, self._today())
        with UnitOfWork(self._db) as uow:
            repo = uow.residents
            if data.national_id:
                other = repo.by_national_id(data.national_id)
                if other is not None:
                    raise _invalid("national_id", QT_TRANSLATE_NOOP(
                        "errors", "đã có người dân mang số này; hãy tìm và mở hồ sơ đó"), resident_id=other.id)
            row = repo.add(new_resident_row(data, user.id))
            repo.set_target_groups(row, [g.value for g in data.target_groups])
            repo.flush()
            uow.audit(AuditAction.CREATE, "residents", row.id, user.id,
                      {"source": data.source.value, "target_groups": len(data.target_groups)})
            uow.commit()
            self._villages = None
            log.info("resident %s registered (%s)", row.id, data.source.value)
            return _info(row, repo, None)

    def resident(self, resident_id: str) -> ResidentInfo:
        with UnitOfWork(self._db) as uow:
            repo = uow.residents
            row = repo.get(resident_id)
            if row is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "người dân"))
            return _info(row, repo, uow.visits.current_campaign_id())

    # -- search --------------------------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 50, offset: int = 0) -> SearchPage:
        """Residents matching what was typed; ``has_more`` instead of a count (one more row is fetched)."""
        q = parse_query(query)
        limit, offset = max(1, min(limit, MAX_SEARCH_LIMIT)), max(0, offset)
        if q.empty:
            return SearchPage((), False, offset)
        want = offset + limit + 1
        with UnitOfWork(self._db) as uow:
            repo = uow.residents
            ids: dict[str, None] = {}  # insertion-ordered, without repeats across branches
            for branch in self._branches(repo, q):
                if len(ids) >= want:
                    break
                ids.update(dict.fromkeys(branch(want)))
            if not ids and " " in q.phrase:  # words skipped between the typed ones: "nguyen hong" → Nguyễn Thị Hồng
                ids.update(dict.fromkeys(repo.name_words(q.phrase.split(" "), q.year, want)))
            ids_list = list(ids)
            page = ids_list[offset:offset + limit]
            campaign_id = uow.visits.current_campaign_id()
            found = repo.light(page)
            last = repo.last_visits(page, campaign_id)
            items = tuple(_to_info(r, groups, last.get(r.id)) for r, groups in found)
            return SearchPage(items, len(ids) > offset + limit, offset)

    def _branches(self, repo: ResidentRepository, q: SearchQuery) -> Iterable[Callable[[int], list[str]]]:
        if q.id_digits:
            yield lambda n: repo.id_prefix(q.id_digits, n)
            yield lambda n: repo.insurance_prefix(q.id_digits, n)
            yield lambda n: repo.social_insurance_prefix(q.id_digits, n)  # inside a 15-character card code
        if q.insurance:
            yield lambda n: repo.insurance_prefix(q.insurance, n)
        if q.id_digits or q.insurance:
            return
        if q.phrase:
            yield lambda n: repo.name_prefix(q.phrase, q.year, n)
            yield lambda n: repo.name_inside(q.phrase, q.year, n)
            places = self._matching_villages(repo, q.phrase)
            if places:
                yield lambda n: repo.in_villages(places, q.year, n)
        elif q.year:
            yield lambda n: repo.of_year(q.year, n)  # type: ignore[arg-type]

    def _place(self, repo: ResidentRepository, address: str | None) -> Place:
        """The village and commune of a card's address, spelled as the roster spells them."""
        if not address:
            return Place(None, None)
        self._known_villages(repo)
        return place_of(address, (v for _c, v, _n in self._villages or ()),
                        ((c.code, c.name) for c in communes()))

    def _known_villages(self, repo: ResidentRepository) -> None:
        if self._villages is None:
            self._villages = [(c, v, " " + normalise_name(v)) for c, v in repo.villages()]

    def _matching_villages(self, repo: ResidentRepository, phrase: str) -> list[tuple[str | None, str]]:
        self._known_villages(repo)
        return [(c, v) for c, v, norm in self._villages if " " + phrase in norm][:20]

    # -- visits --------------------------------------------------------------------------------------------------

    def open_visit(self, user: SignedInUser, resident_id: str, *, site_id: str, campaign_id: str,
                   funding_source: FundingSource, target_groups: Iterable[TargetGroup], consent: ConsentInput,
                   second_visit_reason: str | None = None, day: dt.date | None = None,
                   card_issued_on: dt.date | None = None) -> VisitInfo:
        """Register the resident for today's queue at the site, with their consent, in one transaction.

        ``card_issued_on``: the issue date of the ID card scanned for this visit, kept as the visit's NGAYCAP_CCCD
        answer when its PL01 form asks for it at reception (forms 1 and 2).

        Raises AlreadyExaminedError if they already have a visit in this campaign, unless a reason for a
        second visit is given (it goes to the audit trail); CampaignClosedError if the day is outside the
        campaign's dates (a visit is never attached to a campaign that is over or not begun).
        """
        require(user.role, Permission.REGISTER_RESIDENTS)
        _check_consent(consent)
        reason = (second_visit_reason or "").strip() or None
        day = day or self._today()
        with UnitOfWork(self._db) as uow:
            repo, visits = uow.residents, uow.visits
            row = repo.get(resident_id)
            site, campaign = visits.site(site_id), visits.campaign(campaign_id)
            if row is None or site is None or campaign is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "người dân, điểm khám hoặc đợt khám"))
            check_open(campaign, day)
            earlier = visits.active_in_campaign(resident_id, campaign_id)
            if earlier and reason is None:
                last = earlier[-1]
                names = visits.site_names([last.site_id])
                raise AlreadyExaminedError(date=f"{last.visit_date:%d/%m/%Y}", site=names.get(last.site_id, ""),
                                           visit_id=last.id)
            groups_changed = repo.set_target_groups(row, [TargetGroup(g).value for g in target_groups])
            visit = VisitRow(id=new_id(), resident_id=row.id, site_id=site.id, campaign_id=campaign.id, visit_date=day,
                             queue_number=visits.next_queue_number(site.id, day),
                             status=VisitStatus.REGISTERED.value, funding_source=FundingSource(funding_source).value,
                             registered_by=user.id)
            visits.add(visit, _consent_row(visit.id, consent, user.id))
            _reception_answers(uow, visit, row, card_issued_on if card_issued_on and card_issued_on <= day else None,
                               user.id)
            details: dict = {"queue_number": visit.queue_number, "site_id": site.id, "resident_id": row.id}
            if earlier:
                details.update(second_visit=True, second_visit_reason=reason, earlier_visit_id=earlier[-1].id)
            uow.audit(AuditAction.CREATE, "visits", visit.id, user.id, details)
            uow.audit(AuditAction.CREATE, "consents", None, user.id,
                      {"visit_id": visit.id, "text_version": consent.text_version, "given_by": consent.given_by})
            if groups_changed:
                uow.audit(AuditAction.UPDATE, "residents", row.id, user.id, {"fields": ["target_groups"]})
            uow.commit()
            log.info("visit %s opened: queue %d at site %s%s", visit.id, visit.queue_number, site.id,
                     " (second visit)" if earlier else "")
            return _visit_info(visit, row, site.name, bool(earlier))

    def visit_by_id(self, visit_id: str) -> VisitInfo:
        with UnitOfWork(self._db) as uow:
            visits = uow.visits
            visit = visits.get(visit_id)
            if visit is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "lượt khám"))
            row = uow.residents.get(visit.resident_id)
            names = visits.site_names([visit.site_id])
            return _visit_info(visit, row, names.get(visit.site_id, ""), False)  # type: ignore[arg-type]

    def todays_queue(self, site_id: str, day: dt.date | None = None) -> list[VisitInfo]:
        with UnitOfWork(self._db) as uow:
            visits = uow.visits
            rows = visits.of_day(site_id, day or self._today())
            residents = {r.id: r for r in uow.residents.many([v.resident_id for v in rows])}
            site_name = visits.site_names([site_id]).get(site_id, "")
            return [_visit_info(v, residents[v.resident_id], site_name, False) for v in rows]


# -- helpers -----------------------------------------------------------------------------------------------------

def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one inserted, deleted or replaced character."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def _follow_merge(repo: ResidentRepository, row: ResidentRow) -> ResidentRow:
    seen = {row.id}
    while row.merged_into_id and row.merged_into_id not in seen:
        target = repo.get(row.merged_into_id)
        if target is None:
            break
        row = target
        seen.add(row.id)
    return row


def scan_changes(row: ResidentRow, scan: ScanResult) -> list[FieldChange]:
    """What the scan says that the record does not (or says otherwise): core.card_changes on the row's card fields."""
    record = CardRecord(full_name=row.full_name, national_id=row.national_id, old_id_number=row.old_id_number,
                        insurance_number=row.insurance_number, address=row.address, birth_date=row.birth_date,
                        sex=row.sex)
    return list(card_changes(record, scan))


def _apply_change(repo: ResidentRepository, row: ResidentRow, change: FieldChange, today: dt.date) -> bool:
    if change.field not in CHANGEABLE:
        raise _invalid(change.field, QT_TRANSLATE_NOOP("errors", "trường này không sửa được từ thẻ"))
    value = change.scanned
    if change.field == "national_id":
        value = _digits(value) or None
        if value and not _ID12.match(value):
            raise _invalid("national_id", QT_TRANSLATE_NOOP("errors", "số căn cước phải đủ 12 chữ số"))
        other = repo.by_national_id(value) if value else None
        if other is not None and other.id != row.id:
            raise _invalid("national_id", QT_TRANSLATE_NOOP(
                "errors", "đã có người dân khác mang số này; hãy kiểm tra lại"), resident_id=other.id)
    elif change.field == "insurance_number":
        value = normalise_insurance(value)
        if value and not _INSURANCE.match(value):
            raise _invalid("insurance_number", QT_TRANSLATE_NOOP("errors", "mã thẻ BHYT không đúng dạng"))
    elif change.field == "full_name":
        value = clean_display_name(value or "")
        if not normalise_name(value):
            raise _invalid("full_name", QT_TRANSLATE_NOOP("errors", "không được để trống"))
        row.name_norm = normalise_name(value)
    elif change.field == "birth_date":
        date = dt.date.fromisoformat(value) if value else None
        if date and not (EARLIEST_BIRTH_YEAR <= date.year and date <= today):
            raise _invalid("birth_date", QT_TRANSLATE_NOOP("errors", "ngày sinh không hợp lệ"))
        if getattr(row, "birth_date") == date:
            return False
        row.birth_date = date
        if date:
            row.birth_year = date.year
        return True
    elif change.field == "sex":
        value = Sex(value).value if value else Sex.UNKNOWN.value
    if getattr(row, change.field) == value:
        return False
    setattr(row, change.field, value)
    return True


def proposal_from_scan(scan: ScanResult, place: Place | None = None) -> ResidentInput | None:
    """A new resident's form filled from the card; ``place``: the village and commune read from its address."""
    if not scan.full_name:
        return None
    place = place or Place(None, None)
    return ResidentInput(
        full_name=clean_display_name(scan.full_name), sex=scan.sex or Sex.UNKNOWN,
        birth_year=scan.birth_year or (scan.birth_date.year if scan.birth_date else None),
        birth_date=scan.birth_date, national_id=scan.national_id, old_id_number=scan.old_id,
        insurance_number=normalise_insurance(scan.insurance_number), address=_clean(scan.address),
        village=place.village, commune_code=place.commune_code, source=RecordSource.CARD_SCAN,
    )


def new_resident_row(data: ResidentInput, user_id: str | None) -> ResidentRow:
    now = utcnow()
    return ResidentRow(
        national_id=data.national_id, old_id_number=data.old_id_number, insurance_number=data.insurance_number,
        full_name=data.full_name, name_norm=normalise_name(data.full_name), birth_date=data.birth_date,
        birth_year=data.birth_year, sex=Sex(data.sex).value, ethnic_code=data.ethnic_code, address=data.address,
        commune_code=data.commune_code, village=data.village, household_code=data.household_code,
        phone=data.phone, school=data.school, school_class=data.school_class, guardian_name=data.guardian_name,
        guardian_relation=data.guardian_relation, guardian_id_number=data.guardian_id_number,
        guardian_phone=data.guardian_phone, source=RecordSource(data.source).value, version=1,
        created_at=now, created_by=user_id, updated_at=now, updated_by=user_id,
    )


def _check_consent(consent: ConsentInput) -> None:
    if not consent.granted or "health_check" not in consent.purposes:
        raise ConsentRequiredError(reason=QT_TRANSLATE_NOOP("errors", "người dân chưa đồng ý"))
    if not is_known(consent.text_version, consent.text_sha256):
        raise ConsentRequiredError(reason=QT_TRANSLATE_NOOP("errors", "nội dung đồng ý không đúng phiên bản"))
    if consent.given_by not in ("self", "guardian"):
        raise ConsentRequiredError(reason=QT_TRANSLATE_NOOP("errors", "chưa rõ ai đồng ý"))
    if consent.given_by == "guardian" and not ((consent.guardian_name or "").strip()
                                                and (consent.guardian_relation or "").strip()):
        raise ConsentRequiredError(reason=QT_TRANSLATE_NOOP("errors", "thiếu họ tên hoặc quan hệ của người giám hộ"))


def _consent_row(visit_id: str, consent: ConsentInput, user_id: str) -> ConsentRow:
    guardian = consent.given_by == "guardian"
    return ConsentRow(visit_id=visit_id, given_by=consent.given_by,
                      guardian_name=clean_display_name(consent.guardian_name or "") if guardian else None,
                      guardian_relation=(consent.guardian_relation or "").strip() if guardian else None,
                      text_version=consent.text_version, text_sha256=consent.text_sha256,
                      purposes=list(consent.purposes), granted=True, recorded_by=user_id)


def _info(row: ResidentRow, repo: ResidentRepository, campaign_id: str | None) -> ResidentInfo:
    return _infos([row], repo, campaign_id)[0]


def _infos(rows: Sequence[ResidentRow], repo: ResidentRepository, campaign_id: str | None) -> list[ResidentInfo]:
    last = repo.last_visits([r.id for r in rows], campaign_id)
    return [_to_info(r, [g.group for g in r.target_groups], last.get(r.id)) for r in rows]


def _to_info(r: ResidentRow | Any, groups: Iterable[str], last: LastVisit | None) -> ResidentInfo:
    """From an ORM row or a plain row of the residents table (same attribute names)."""
    return ResidentInfo(
        id=r.id, full_name=r.full_name, name_norm=r.name_norm, birth_date=r.birth_date, birth_year=r.birth_year,
        sex=Sex(r.sex), national_id=r.national_id, insurance_number=r.insurance_number, address=r.address,
        village=r.village, commune_code=r.commune_code,
        target_groups=tuple(sorted((TargetGroup(g) for g in groups), key=list(TargetGroup).index)),
        ethnic_code=r.ethnic_code, guardian_name=r.guardian_name, guardian_relation=r.guardian_relation,
        phone=r.phone, source=RecordSource(r.source), version=r.version,
        last_visit_date=last.visit_date if last else None, last_visit_site=last.site_name if last else None,
        last_visit_id=last.visit_id if last else None,
    )


def _reception_answers(uow: UnitOfWork, visit: VisitRow, row: ResidentRow, issued_on: dt.date | None,
                       user_id: str) -> None:
    """What a new visit's QĐ 1551 form gets at reception without a key: the scanned card's issue date
    (NGAYCAP_CCCD) and the campaign's reason for the check-up (LY_DO_VV, form 1), where the form asks for them."""
    from station_app.core.pl01_answers import Answer
    from station_app.core.pl01_reception import CAMPAIGN_REASON, LY_DO_VV, NGAYCAP_CCCD
    from station_app.services.common.pl01_forms import form
    from station_app.services.station.pl01_answers import form_by_rule

    asked = {f.code for f in form(form_by_rule(visit, row)).fields if f.desk == "reception" and f.collected}
    given = [Answer(code, value) for code, value in ((NGAYCAP_CCCD, issued_on.isoformat() if issued_on else None),
                                                     (LY_DO_VV, CAMPAIGN_REASON)) if value and code in asked]
    if given:
        uow.answers.put(visit.id, given, desk="reception", user_id=user_id, version=1)


def _visit_info(v: VisitRow, r: ResidentRow, site_name: str, second: bool) -> VisitInfo:
    return VisitInfo(
        id=v.id, resident_id=r.id, resident_name=r.full_name, birth_year=r.birth_year, sex=Sex(r.sex),
        national_id=r.national_id, site_id=v.site_id, site_name=site_name, campaign_id=v.campaign_id,
        visit_date=v.visit_date, queue_number=v.queue_number, status=VisitStatus(v.status),
        funding_source=FundingSource(v.funding_source), registered_at=v.registered_at, second_visit=second,
    )
