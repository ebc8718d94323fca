"""What the reception desk asks for QĐ 1551 ("Thông tin theo QĐ 1551"): the reception fields of the visit's form
that the station keeps nowhere else, the visit's DOI_TUONG and NGUON_KINH_PHI codes, and what was recorded.

The sheet is read here; it is saved through ``AnswerService.save(desk="reception")``. DOI_TUONG and NGUON_KINH_PHI
keep their station fields (the resident's target groups, the visit's funding source): their default is the code
core.pl01_reception gives from those, and an answer is stored only when the nurse chooses another code.
Resident-level facts (blood group, occupation, workplace, the ID card's issue date and place, the parents) recorded
at an earlier visit are offered again. A field the form requires from the resident's own record (the ethnic group,
the ID number, the address) that the record lacks is a *gap*: the sheet asks for it too, so the visit is not held
up; the nurse types it, or marks it "không có / không rõ" (not done, with that reason).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from station_app.core.pl01 import FieldDefinition, completed_months, school_grade
from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.core.pl01_reception import (CAMPAIGN_REASON, DOI_TUONG, LY_DO_VV, NGUON_KINH_PHI, BudgetLevel,
                                             asked_at_reception, funding_code, offered_again, target_group_code)
from station_app.persistence.database import Database
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.pl01_forms import form
from station_app.services.station.pl01_answers import _visit, form_by_rule
from station_app.services.station.pl01_values import gaps_of


@dataclass(frozen=True)
class ReceptionSheet:
    """The reception fields of a visit's form, in the form's order, with what the sheet shows in each.

    ``values``: recorded for this visit; ``offered``: from the resident's earlier visit (not yet saved for this
    one); ``defaults``: DOI_TUONG and NGUON_KINH_PHI from the station's data, LY_DO_VV the campaign's reason."""

    visit_id: str
    form_number: int
    fields: tuple[FieldDefinition, ...]
    values: dict[str, str] = field(default_factory=dict)
    offered: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    gaps: frozenset[str] = frozenset()  # codes of ``fields`` the resident's record should hold and does not

    def shown(self, code: str) -> str:
        """What the sheet shows first in a field."""
        return self.values.get(code) or self.offered.get(code) or self.defaults.get(code) or ""

    def answers_for(self, entered: dict[str, str], unavailable: frozenset[str] = frozenset()
                    ) -> tuple[list[Answer], list[tuple[str, int]]]:
        """What to save for the values ``entered`` (code → text, "" for empty): the answers, and the ones to clear.
        A code equal to its default from the station's data is not stored (the station field says it). A gap in
        ``unavailable`` is marked not done: the resident has no such paper or does not know."""
        given: list[Answer] = []
        cleared: list[tuple[str, int]] = []
        for code, text in entered.items():
            value = text.strip()
            if code in self.gaps and code in unavailable and not value:
                given.append(Answer(code, status=AnswerStatus.NOT_DONE, reason=NOT_AVAILABLE))
                continue
            station_default = self.defaults.get(code) if code in (DOI_TUONG, NGUON_KINH_PHI) else None
            if not value or value == station_default:
                if code in self.values:
                    cleared.append((code, 0))
            elif value != self.values.get(code):
                given.append(Answer(code, value))
        return given, cleared


class ReceptionAnswerService:
    def __init__(self, db: Database, budget: BudgetLevel = BudgetLevel.LOCAL) -> None:
        self._db = db
        self._budget = budget

    def sheet(self, visit_id: str) -> ReceptionSheet:
        with UnitOfWork(self._db, read_only=True) as uow:
            visit, resident = _visit(uow, visit_id)
            number = visit.pl01_form or form_by_rule(visit, resident)
            fields = _reception_fields(number)
            stored = [a for a in uow.answers.of_visit(visit_id) if a.desk == "reception"]
            values = {s.answer.code: s.answer.value or "" for s in stored
                      if s.answer.status == AnswerStatus.RECORDED and s.answer.item == 0}
            wanted = [f.code for f in fields if offered_again(f.code) and f.code not in values]
            earlier = uow.answers.latest_of_resident(resident.id, wanted, before_visit=visit_id) if wanted else {}
            offered = {code: found[0].value for code, found in earlier.items() if found and found[0].value}
            groups = [g.group for g in resident.target_groups]
            years = _age_years(resident, visit.visit_date)
            defaults = {
                DOI_TUONG: target_group_code(groups, age_years=years, school_grade=school_grade(resident.school_class)),
                NGUON_KINH_PHI: funding_code(visit.funding_source, budget=self._budget),
                LY_DO_VV: CAMPAIGN_REASON,
            }
            codes = {f.code for f in fields}
            gaps = _record_gaps(uow, visit, codes)
            return ReceptionSheet(visit_id, number, fields + gaps, values, offered,
                                  {k: v for k, v in defaults.items() if k in codes}, frozenset(f.code for f in gaps))


def _reception_fields(number: int) -> tuple[FieldDefinition, ...]:
    seen: set[str] = set()
    out = []
    for f in form(number).by_desk().get("reception", ()):
        if f.code not in seen and asked_at_reception(f.station_field, f.code):
            seen.add(f.code)
            out.append(f)
    return tuple(out)


NOT_AVAILABLE = "Người dân không có hoặc không rõ"  # the reason of a gap marked at reception


def _record_gaps(uow: UnitOfWork, visit, asked: set[str]) -> tuple[FieldDefinition, ...]:  # noqa: ANN001 - VisitRow
    """The reception fields the form needs from the resident's record that it lacks (neither recorded nor marked)."""
    gaps = gaps_of(uow, visit).get("reception", [])
    return tuple(f for f in gaps if f.station_field and f.code not in asked)


def _age_years(resident, on) -> int | None:  # noqa: ANN001 - a ResidentRow
    if resident.birth_date is not None:
        return completed_months(resident.birth_date, on) // 12 if on >= resident.birth_date else None
    return on.year - resident.birth_year if resident.birth_year else None
