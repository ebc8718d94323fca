"""Queries on residents and visits for reception: matching a scan, search as you type, queue numbers.

Search never counts: each branch is an index range read in index order with a LIMIT, so a keystroke costs the
same with 500 or 500,000 residents. Names are searched on ``name_norm`` (prefix of the whole name) and on
``resident_name_tokens`` (a word anywhere after the first, kept by triggers, see migration 0002).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Row, and_, func, insert, literal_column, or_, select, text, update
from sqlalchemy.orm import Session

from station_app.persistence.tables import (
    CampaignRow,
    ConsentRow,
    ResidentNameTokenRow,
    ResidentRow,
    ResidentTargetGroupRow,
    RosterImportRow,
    RosterRowLinkRow,
    SiteRow,
    StationRow,
    VisitRow,
)

_R, _T, _V = ResidentRow, ResidentNameTokenRow, VisitRow
DRIVER_PROBE = 2000  # how many index entries a word may cost before another word of the query drives instead


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def prefix_bounds(prefix: str) -> tuple[str, str]:
    """``[prefix, next)``: every string starting with ``prefix`` (binary collation), as an index range."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


@dataclass(frozen=True)
class LastVisit:
    visit_id: str
    visit_date: dt.date
    site_name: str


class ResidentRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, resident_id: str) -> ResidentRow | None:
        return self._s.get(ResidentRow, resident_id)

    def many(self, ids: Sequence[str]) -> list[ResidentRow]:
        """Rows of ``ids``, in that order (missing ids are skipped)."""
        if not ids:
            return []
        rows = {r.id: r for r in self._s.scalars(select(_R).where(_R.id.in_(ids)))}
        return [rows[i] for i in ids if i in rows]

    def light(self, ids: Sequence[str]) -> list[tuple[Row, list[str]]]:
        """Plain rows (no ORM objects: a search page is built in a fraction of the time) with their target
        groups, in the order of ``ids``."""
        if not ids:
            return []
        rows = {r.id: r for r in self._s.execute(select(ResidentRow.__table__).where(_R.id.in_(ids)))}
        groups: dict[str, list[str]] = {}
        for rid, group in self._s.execute(select(ResidentTargetGroupRow.resident_id, ResidentTargetGroupRow.group)
                                          .where(ResidentTargetGroupRow.resident_id.in_(ids))):
            groups.setdefault(rid, []).append(group)
        return [(rows[i], groups.get(i, [])) for i in ids if i in rows]

    def add(self, row: ResidentRow) -> ResidentRow:
        self._s.add(row)
        self._s.flush()
        return row

    def flush(self) -> None:
        """Changes to loaded rows (details, version, target groups) sent now, before the audit event names them."""
        self._s.flush()

    def by_national_id(self, national_id: str) -> ResidentRow | None:
        return self._s.scalar(select(_R).where(_R.national_id == national_id))

    def by_insurance(self, numbers: Iterable[str]) -> list[ResidentRow]:
        numbers = [n for n in numbers if n]
        if not numbers:
            return []
        return list(self._s.scalars(select(_R).where(_R.insurance_number.in_(numbers), _R.merged_into_id.is_(None))
                                    .order_by(_R.created_at).limit(20)))

    def by_name_year(self, name_norm: str, birth_year: int) -> list[ResidentRow]:
        return list(self._s.scalars(select(_R).where(_R.birth_year == birth_year, _R.name_norm == name_norm,
                                                     _R.merged_into_id.is_(None)).limit(50)))

    def by_name(self, name_norm: str, limit: int = 200) -> list[ResidentRow]:
        return list(self._s.scalars(select(_R).where(_R.name_norm == name_norm, _R.merged_into_id.is_(None))
                                    .limit(limit)))

    def names_of_year(self, birth_year: int) -> list[tuple[str, str]]:
        """(id, name_norm) of everyone born in ``birth_year``: a covering index scan, for near-name checks."""
        return [(i, n) for n, i in self._s.execute(
            select(_R.name_norm, _R.id).where(_R.birth_year == birth_year, _R.merged_into_id.is_(None)))]

    def villages(self) -> list[tuple[str | None, str]]:
        """Distinct (commune, village) pairs, read from the (commune, village, household) index."""
        rows = self._s.execute(select(_R.commune_code, _R.village).where(_R.village.is_not(None)).distinct())
        return [(c, v) for c, v in rows]

    def set_target_groups(self, row: ResidentRow, groups: Iterable[str]) -> bool:
        """Replace the resident's target groups; True when they changed."""
        wanted, current = set(groups), {g.group for g in row.target_groups}
        if wanted == current:
            return False
        row.target_groups = [g for g in row.target_groups if g.group in wanted] + [
            ResidentTargetGroupRow(resident_id=row.id, group=g) for g in sorted(wanted - current)]
        return True

    def last_visits(self, ids: Sequence[str], campaign_id: str | None) -> dict[str, LastVisit]:
        """The latest non-cancelled visit of each resident in the campaign, with its site's name."""
        if not ids or campaign_id is None:
            return {}
        rows = self._s.execute(
            select(_V.resident_id, _V.id, _V.visit_date, SiteRow.name).join(SiteRow, SiteRow.id == _V.site_id)
            .where(_V.resident_id.in_(ids), _V.campaign_id == campaign_id, _V.status != "cancelled")
            .order_by(_V.visit_date, _V.registered_at))
        return {rid: LastVisit(vid, day, site) for rid, vid, day, site in rows}

    # -- search -----------------------------------------------------------------------------------------------

    def name_prefix(self, phrase: str, year: int | None, limit: int) -> list[str]:
        """Residents whose normalised name starts with ``phrase``, in name order."""
        low, high = prefix_bounds(phrase)
        q = select(_R.id).where(_R.name_norm >= low, _R.name_norm < high, _R.merged_into_id.is_(None))
        if year is not None:
            q = q.where(_R.birth_year == year)
        return list(self._s.scalars(q.order_by(_R.name_norm, _R.id).limit(limit)))

    def name_inside(self, phrase: str, year: int | None, limit: int) -> list[str]:
        """Residents with ``phrase`` starting at a later word of their name (not at the first: see name_prefix).

        One word of the phrase drives an index range over name tokens (the cheapest, probed with a bounded
        count); the whole phrase is then checked inside the same index, so no resident row is read.
        """
        words = phrase.split(" ")
        drivers = [(w, False) for w in dict.fromkeys(words[:-1])] + [(words[-1], True)]
        word, is_prefix = min(drivers, key=lambda d: self._probe(*d, year))
        q = select(_T.resident_id).where(*self._token_range(word, is_prefix))
        if year is not None:
            q = q.where(_T.birth_year == year)
        q = q.where(func.instr(" " + _T.name_norm, " " + phrase) > 1, func.substr(_T.name_norm, 1, len(phrase)) != phrase)
        return list(self._s.scalars(q.order_by(_T.token, _T.name_norm, _T.birth_year, _T.resident_id).limit(limit)))

    def name_words(self, words: Sequence[str], year: int | None, limit: int) -> list[str]:
        """Residents whose name has each typed word starting one of its words, in the typed order, with other
        words between ("nguyen hong" finds "nguyen thi hong"). Driven by whichever index range is smaller: the
        first word as the start of the name, or the last word over the name tokens."""
        pattern = "%" + "%".join(" " + _like_escape(w) for w in words) + "%"
        first_low, first_high = prefix_bounds(words[0])
        by_first = select(_R.id.label("rid")).where(_R.name_norm >= first_low, _R.name_norm < first_high)
        if self._bounded_count(by_first) <= self._probe(words[-1], True, year):
            q = select(_R.id).where(_R.name_norm >= first_low, _R.name_norm < first_high,
                                    _R.merged_into_id.is_(None), (" " + _R.name_norm).like(pattern, escape="\\"))
            if year is not None:
                q = q.where(_R.birth_year == year)
            return list(self._s.scalars(q.order_by(_R.name_norm, _R.id).limit(limit)))
        q = select(_T.resident_id).where(*self._token_range(words[-1], True),
                                         (" " + _T.name_norm).like(pattern, escape="\\"))
        if year is not None:
            q = q.where(_T.birth_year == year)
        return list(self._s.scalars(q.order_by(_T.token, _T.name_norm, _T.birth_year, _T.resident_id).limit(limit)))

    def _bounded_count(self, q) -> int:  # noqa: ANN001 - a select
        return self._s.scalar(select(func.count()).select_from(q.limit(DRIVER_PROBE).subquery())) or 0

    def _token_range(self, word: str, is_prefix: bool) -> list:
        if not is_prefix:
            return [_T.token == word]
        low, high = prefix_bounds(word)
        return [_T.token >= low, _T.token < high]

    def _probe(self, word: str, is_prefix: bool, year: int | None) -> int:
        q = select(_T.resident_id).where(*self._token_range(word, is_prefix))
        if year is not None:
            q = q.where(_T.birth_year == year)
        return self._s.scalar(select(func.count()).select_from(q.limit(DRIVER_PROBE).subquery())) or 0

    def in_villages(self, places: Sequence[tuple[str | None, str]], year: int | None, limit: int) -> list[str]:
        """Residents of the given (commune, village) places, in name order."""
        if not places:
            return []
        cond = [and_(_R.commune_code == c if c is not None else _R.commune_code.is_(None), _R.village == v)
                for c, v in places]
        q = select(_R.id).where(or_(*cond), _R.merged_into_id.is_(None))
        if year is not None:
            q = q.where(_R.birth_year == year)
        return list(self._s.scalars(q.order_by(_R.name_norm, _R.id).limit(limit)))

    def id_prefix(self, digits: str, limit: int) -> list[str]:
        low, high = prefix_bounds(digits)
        q = select(_R.id).where(_R.national_id >= low, _R.national_id < high, _R.merged_into_id.is_(None))
        return list(self._s.scalars(q.order_by(_R.national_id).limit(limit)))

    def insurance_prefix(self, text: str, limit: int) -> list[str]:
        low, high = prefix_bounds(text)
        q = select(_R.id).where(_R.insurance_number >= low, _R.insurance_number < high, _R.merged_into_id.is_(None))
        return list(self._s.scalars(q.order_by(_R.insurance_number, _R.id).limit(limit)))

    def social_insurance_prefix(self, digits: str, limit: int) -> list[str]:
        """Card codes whose social insurance number (characters 6-15) starts with ``digits`` (index of 0007)."""
        low, high = prefix_bounds(digits)
        inner = func.substr(_R.insurance_number, literal_column("6"))  # as in the index, not a bound 6
        # the 15 is written into the SQL, not bound: SQLite uses a partial index only when it can see its WHERE
        q = select(_R.id).where(func.length(_R.insurance_number) == literal_column("15"), inner >= low, inner < high,
                                _R.merged_into_id.is_(None))
        return list(self._s.scalars(q.order_by(inner).limit(limit)))  # the index's order: no sort of every match

    def of_year(self, year: int, limit: int) -> list[str]:
        q = select(_R.id).where(_R.birth_year == year, _R.merged_into_id.is_(None))
        return list(self._s.scalars(q.order_by(_R.birth_year, _R.name_norm).limit(limit)))

    # -- roster import ----------------------------------------------------------------------------------------

    def keys_for_import(self, national_ids: Sequence[str], insurance: Sequence[str],
                        name_years: Sequence[tuple[str, int]], ids: Sequence[str] = ()) -> list[ResidentRow]:
        """Rows that may match some rows of an import chunk (by ID, insurance, name and birth year, or id)."""
        found: dict[str, ResidentRow] = {}
        for column, values in ((_R.national_id, national_ids), (_R.insurance_number, insurance), (_R.id, ids)):
            values = list(dict.fromkeys(v for v in values if v))
            for i in range(0, len(values), 500):
                for row in self._s.scalars(select(_R).where(column.in_(values[i:i + 500]))):
                    found[row.id] = row
        pairs = list(dict.fromkeys(name_years))
        for i in range(0, len(pairs), 400):
            part = pairs[i:i + 400]
            # written as text: building 400 SQLAlchemy comparisons cost more than the query (each an index probe)
            cond = text(" OR ".join(f"(residents.birth_year = :y{k} AND residents.name_norm = :n{k})"
                                    for k in range(len(part))))
            binds = {f"{c}{k}": v for k, (n, y) in enumerate(part) for c, v in (("y", y), ("n", n))}
            for row in self._s.scalars(select(_R).where(cond).params(binds)):
                found[row.id] = row
        return [r for r in found.values() if r.merged_into_id is None]

    def insert_many(self, residents: list[dict], groups: list[dict]) -> None:
        conn = self._s.connection()
        if residents:
            conn.execute(insert(_R.__table__), residents)
        if groups:
            conn.execute(insert(ResidentTargetGroupRow.__table__), groups)

    def update_many(self, changes: list[tuple[str, dict]]) -> None:
        """Update columns of many residents by id (each dict: column → new value), bumping their version.

        Rows loaded in the session keep their old values: call ``forget`` afterwards. (Keeping them in step made
        each update look at every loaded row: an updated roster of 20,000 took minutes.)"""
        for resident_id, values in changes:
            self._s.execute(update(_R).where(_R.id == resident_id).values(**values, version=_R.version + 1)
                            .execution_options(synchronize_session=False))

    def forget(self) -> None:
        """Drop loaded rows from the session, so rows changed by bulk statements are read afresh."""
        self._s.expunge_all()

    def roster_links(self, hashes: Sequence[str]) -> dict[str, list[str]]:
        """The residents each roster row hash was placed on, the latest import first."""
        links: dict[str, list[str]] = {}
        hashes = list(dict.fromkeys(hashes))
        for i in range(0, len(hashes), 500):
            query = (select(RosterRowLinkRow.row_hash, RosterRowLinkRow.resident_id)
                     .where(RosterRowLinkRow.row_hash.in_(hashes[i:i + 500]))
                     .order_by(RosterRowLinkRow.linked_at.desc()))
            for row_hash, resident_id in self._s.execute(query):
                links.setdefault(row_hash, []).append(resident_id)
        return links

    def link_roster_rows(self, links: list[dict]) -> None:
        """Remember which resident each row was placed on (a link made again takes the newer import's time)."""
        if links:
            self._s.connection().execute(insert(RosterRowLinkRow.__table__).prefix_with("OR REPLACE"), links)

    def add_roster_import(self, row: RosterImportRow) -> RosterImportRow:
        """The record of one roster import (file, counts, who)."""
        self._s.add(row)
        self._s.flush()
        return row

    def add_groups(self, groups: list[dict]) -> None:
        if groups:
            self._s.connection().execute(insert(ResidentTargetGroupRow.__table__).prefix_with("OR IGNORE"), groups)


class VisitRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, visit_id: str) -> VisitRow | None:
        return self._s.get(VisitRow, visit_id)

    def add(self, row: VisitRow, consent: ConsentRow | None = None) -> VisitRow:
        """The visit, then its consent (none for a visit picked up from another laptop's slip)."""
        self._s.add(row)
        self._s.flush()
        if consent is not None:
            self._s.add(consent)
            self._s.flush()
        return row

    def active_in_campaign(self, resident_id: str, campaign_id: str) -> list[VisitRow]:
        return list(self._s.scalars(select(_V).where(_V.resident_id == resident_id, _V.campaign_id == campaign_id,
                                                     _V.status != "cancelled").order_by(_V.visit_date)))

    def next_queue_number(self, site_id: str, day: dt.date) -> int:
        """One more than the day's highest number at the site. Safe because every transaction is BEGIN
        IMMEDIATE: the write lock is held from the read to the insert."""
        top = self._s.scalar(select(func.max(_V.queue_number)).where(_V.site_id == site_id, _V.visit_date == day))
        return (top or 0) + 1

    def of_day(self, site_id: str, day: dt.date) -> list[VisitRow]:
        return list(self._s.scalars(select(_V).where(_V.site_id == site_id, _V.visit_date == day)
                                    .order_by(_V.queue_number)))

    def site(self, site_id: str) -> SiteRow | None:
        return self._s.get(SiteRow, site_id)

    def campaign(self, campaign_id: str) -> CampaignRow | None:
        return self._s.get(CampaignRow, campaign_id)

    def current_campaign_id(self) -> str | None:
        return self._s.scalar(select(StationRow.current_campaign_id).limit(1))

    def site_names(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(set(ids))
        if not ids:
            return {}
        return {i: n for i, n in self._s.execute(select(SiteRow.id, SiteRow.name).where(SiteRow.id.in_(ids)))}
