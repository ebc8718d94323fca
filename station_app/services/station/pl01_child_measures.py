"""The children's measures of forms 6–13 at the vital-signs desk: the WHO z-scores and the ratings of temperature,
pulse and breathing worked out from the vital signs, and the arm and head circumferences typed in the desk's small
extra row (core.pl01_child_measures).

They are stored as answers at desk ``vitals`` by :meth:`ChildMeasureService.save`, which the vital-signs desk calls
right after each save of the vital signs: the z-scores are computed again from the measurements just saved (a
corrected weight corrects its z-score; a measure removed clears it), the ratings are the nurse's choice or else the
rule's proposal. :func:`child_measure_values` is the same computation for a reader (the PL01 record) that wants
the values of the measurements as they are now.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from station_app.core.model import Sex
from station_app.core.pl01 import FieldDefinition, FormDefinition
from station_app.core.pl01_answers import Answer
from station_app.core.pl01_child_measures import (
    COMPUTED_FIELDS, RATING_FIELDS, TYPED_FIELDS, ZSCORE_FIELDS, child_values,
)
from station_app.core.vitals import GrowthIndicator
from station_app.services.common.accounts import SignedInUser
from station_app.services.station.examination import ExamService
from station_app.services.station.pl01_answers import AnswerService

log = logging.getLogger(__name__)
VITALS_DESK = "vitals"


def child_measure_values(form: FormDefinition, measurements: Mapping[str, float], sex: Sex,
                         age_days: int | None) -> dict[str, str]:
    """The computed fields (z-scores, proposed ratings) ``form`` has, from the vital signs (field keys such as
    weight_kg, height_cm, temperature_c, pulse, resp_rate): PL01 code → text."""
    zscores: dict[GrowthIndicator, float] = {}
    if age_days is not None and any(code in form.codes for code in ZSCORE_FIELDS):
        from station_app.services.station.growth import growth_zscores  # reads the WHO tables once

        for result in growth_zscores(sex, age_days, weight_kg=measurements.get("weight_kg"),
                                     height_cm=measurements.get("height_cm")):
            zscores[result.indicator] = result.z
    return child_values(form, zscores, measurements, age_days)


@dataclass(frozen=True)
class ChildMeasures:
    """What the vital-signs desk's extra row shows: the typed fields and ratings the visit's form asks, the stored
    answers of each (code → text), and what the rules propose from the vital signs as they are saved."""

    visit_id: str
    typed_fields: tuple[FieldDefinition, ...] = ()
    rating_fields: tuple[FieldDefinition, ...] = ()
    zscore_fields: tuple[FieldDefinition, ...] = ()
    stored: dict[str, str] = field(default_factory=dict)
    proposed: dict[str, str] = field(default_factory=dict)

    @property
    def applies(self) -> bool:
        return bool(self.typed_fields or self.rating_fields or self.zscore_fields)


class ChildMeasureService:
    def __init__(self, answers: AnswerService, exam: ExamService) -> None:
        self._answers, self._exam = answers, exam

    def measures(self, visit_id: str) -> ChildMeasures:
        definition = self._answers.definition(visit_id)
        typed, ratings, zscores = _fields(definition)
        if not (typed or ratings or zscores):
            return ChildMeasures(visit_id)
        vitals = self._exam.vitals(visit_id)
        proposed = child_measure_values(definition, vitals.values, vitals.subject.sex or Sex.UNKNOWN,
                                        vitals.subject.age_days)
        stored = {s.answer.code: s.answer.value or "" for s in self._answers.answers(visit_id)
                  if s.answer.code in (*TYPED_FIELDS, *COMPUTED_FIELDS) and s.answer.item == 0}
        return ChildMeasures(visit_id, typed, ratings, zscores, stored, proposed)

    def save(self, user: SignedInUser, visit_id: str, *, typed: Mapping[str, str], ratings: Mapping[str, str],
             reason: str | None = None) -> ChildMeasures:
        """Store the circumferences typed (an empty text clears one), the ratings chosen (else the rule's), and the
        z-scores computed from the vital signs as they are saved now. Raises ValidationError (``key`` the PL01
        code) for a circumference outside its limits, as every desk's answers."""
        now = self.measures(visit_id)
        if not now.applies:
            return now
        values: dict[str, str] = {f.code: now.proposed[f.code] for f in now.zscore_fields if f.code in now.proposed}
        for f in now.rating_fields:
            chosen = (ratings.get(f.code) or "").strip() or now.proposed.get(f.code, "")
            if chosen:
                values[f.code] = chosen
        for f in now.typed_fields:
            text = (typed.get(f.code) or "").strip().replace(",", ".")
            if text:
                values[f.code] = text
        units = {f.code: f.unit or None for f in (*now.typed_fields, *now.rating_fields, *now.zscore_fields)}
        answers = [Answer(code, value, unit=units[code] if code in TYPED_FIELDS or code in ZSCORE_FIELDS else None)
                   for code, value in values.items()]
        cleared = [(code, 0) for code in now.stored if code not in values]
        changed = self._answers.save(user, visit_id, desk=VITALS_DESK, answers=answers, cleared=cleared,
                                     reason=reason)
        log.info("child measures of visit %s: %d fields, %d changed", visit_id, len(values), changed)
        return self.measures(visit_id)


def _fields(definition: FormDefinition) -> tuple[tuple[FieldDefinition, ...], ...]:
    def present(codes) -> tuple[FieldDefinition, ...]:  # noqa: ANN001 - codes of one kind
        return tuple(definition.field(c) for c in codes
                     if c in definition.codes and definition.field(c).collected
                     and definition.field(c).desk == VITALS_DESK)
    return present(TYPED_FIELDS), present(RATING_FIELDS), present(ZSCORE_FIELDS)
