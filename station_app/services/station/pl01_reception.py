"""What the reception desk asks for QĐ 1551 ("Thông tin theo QĐ 1551"): the reception fields of the visit's form
that the station keeps nowhere else, the visit's DOI_TUONG and NGUON_KINH_PHI codes, and what was recorded.

The sheet is read here; it is saved through ``AnswerService.save(desk="reception")``. DOI_TUONG and NGUON_KINH_PHI
keep their station fields (the resident's target groups, the visit's funding source): their default is the code
core.pl01_reception gives from those, and an answer is stored only when the nurse chooses another code.
Resident-level facts (blood group, occupation, workplace, the ID card's issue date and place, the parents) recorded
at an earlier visit are offered again.
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

    def shown(self, code: str) -> str:
        """What the sheet shows first in a field."""
        return self.values.get(code) or self.offered.get(code) or self.defaults.get(code) or ""

    def answers_for(self, entered: dict[str, str]) -> tuple[list[Answer], list[tuple[str, int]]]:
        """What to save for the values ``entered`` (code → text, "" for empty): the answers, and the ones to clear.
        A code equal to its default from the station's data is not stored (the station field says it)."""
        given: list[Answer] = []
        cleared: list[tuple[str, int]] = []
        for code, text in entered.items():
            value = text.strip()
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
            return ReceptionSheet(visit_id, number, fields, values, offered,
                                  {k: v for k, v in defaults.items() if k in codes})


def _reception_fields(number: int) -> tuple[FieldDefinition, ...]:
    seen: set[str] = set()
    out = []
    for f in form(number).by_desk().get("reception", ()):
        if f.code not in seen and asked_at_reception(f.station_field, f.code):
            seen.add(f.code)
            out.append(f)
    return tuple(out)


def _age_years(resident, on) -> int | None:  # noqa: ANN001 - a ResidentRow
    if resident.birth_date is not None:
        return completed_months(resident.birth_date, on) // 12 if on >= resident.birth_date else None
    return on.year - resident.birth_year if resident.birth_year else None
