"""The laboratory desk of forms 1 and 2: the visit's rows of tests (core.pl01_laboratory), saved as answers at desk
``laboratory`` through the AnswerService (so the desk's codes, the values and an amendment's reason are checked in
one place), and the capillary glucose of the vital signs shown as the first row, read-only: it is recorded at the
vital-signs desk and nowhere else.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from station_app.core.model import VisitStatus
from station_app.core.pl01 import FormDefinition
from station_app.core.pl01_laboratory import LAB_CODES, LabRow, check_rows, glucose_row, lab_changes, rows_from_answers
from station_app.services.common.accounts import SignedInUser
from station_app.services.station.examination import ExamService
from station_app.services.station.pl01_answers import AnswerService

log = logging.getLogger(__name__)
LABORATORY_DESK = "laboratory"  # the desk of the answers, and of the drafts
_DONE = {VisitStatus.COMPLETED, VisitStatus.REFERRED}


@dataclass(frozen=True)
class LabSheet:
    """What the laboratory desk shows of a visit: whether its form has laboratory rows at all, the capillary
    glucose row from the vital signs (None when not measured), the typed rows, and whether the visit is completed
    (a change then needs a reason)."""

    visit_id: str
    form: int
    applies: bool
    glucose: LabRow | None
    rows: tuple[LabRow, ...]
    completed: bool


class LaboratoryService:
    def __init__(self, answers: AnswerService, exam: ExamService) -> None:
        self._answers, self._exam = answers, exam

    def applies(self, visit_id: str) -> bool:
        """Whether the visit's form has laboratory fields (forms 1 and 2): the desk is shown only then."""
        return _has_laboratory(self._answers.definition(visit_id))

    def sheet(self, visit_id: str) -> LabSheet:
        definition = self._answers.definition(visit_id)
        applies = _has_laboratory(definition)
        vitals = self._exam.vitals(visit_id)
        measured = vitals.values.get("glucose_mmol")
        glucose = glucose_row(measured, fasting=vitals.fasting) if measured is not None else None
        stored = [s.answer for s in self._answers.answers(visit_id) if s.answer.code in LAB_CODES]
        return LabSheet(visit_id, definition.number, applies, glucose, tuple(rows_from_answers(stored)),
                        vitals.visit_status in _DONE)

    def save(self, user: SignedInUser, visit_id: str, *, rows: Sequence[LabRow], reason: str | None = None,
             draft_desk: str | None = None) -> LabSheet:
        """Store the rows as shown (numbered 1, 2, … in that order; empty rows dropped), removing the answers of
        rows no longer there. A row needs its test (service or index code) and its value
        (LabRowIncompleteError names the row). ``draft_desk``'s draft goes once the save went through."""
        check_rows(rows)
        stored = [s.answer for s in self._answers.answers(visit_id)]
        new, cleared = lab_changes(stored, rows)
        changed = self._answers.save(user, visit_id, desk=LABORATORY_DESK, answers=new, cleared=cleared,
                                     reason=reason)
        if draft_desk is not None:
            self._exam.discard_draft(visit_id, desk=draft_desk)
        log.info("laboratory of visit %s: %d rows, %d answers changed", visit_id, len({a.item for a in new}), changed)
        return self.sheet(visit_id)


def _has_laboratory(definition: FormDefinition) -> bool:
    return any(f.desk == LABORATORY_DESK and f.collected for f in definition.fields)
