"""A child's growth z-scores from the WHO LMS tables shipped in ``resources/reference/growth``.

Under 5 years (to 1826 days) the WHO Child Growth Standards 2006, by age in days, as WHO Anthro does; from
5 to 19 years the WHO Growth Reference 2007, by age in months (days / 30.4375), interpolated between months.
The tables are read once; the z-score math and the classes are pure, in ``core.vitals``.

Length or height (WHO 2006, chapter 7): under 731 days a child is measured lying (length), from 731 days
standing (height). A measure taken the other way is corrected by 0.7 cm before use, BMI included.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache

from station_app.core.model import Sex
from station_app.core.vitals import (
    UNDER_FIVE_DAYS, GrowthIndicator, GrowthResult, Lms, growth_result, lms_at,
)
from station_app.resources import resource

DAYS_PER_MONTH = 30.4375  # WHO: 365.25 / 12
# BMI-for-age uses the unrounded BMI, as WHO Anthro does; core.vitals.bmi rounds it for display.
LYING_UNTIL_DAYS = 731
LYING_STANDING_CM = 0.7
Table = tuple[tuple[float, Lms], ...]


@cache
def _tables(name: str) -> dict[tuple[str, str], Table]:
    grouped: dict[tuple[str, str], list[tuple[float, Lms]]] = defaultdict(list)
    with resource("reference", "growth", name).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            lms = Lms(float(row["l"]), float(row["m"]), float(row["s"]))
            grouped[row["indicator"], row["sex"]].append((float(row["x"]), lms))
    return {key: tuple(sorted(rows, key=lambda r: r[0])) for key, rows in grouped.items()}


def load_tables() -> None:
    """Read the WHO tables now (about 0.1 s of CSV), on a background thread, so that the first child's
    z-scores computed live in a form do not read files on the GUI thread."""
    for name in ("who2006.csv", "who2007.csv"):
        _tables(name)


def table(reference: str, indicator: str, *, sex: Sex) -> Table:
    """Rows (x, LMS) of one table: reference "who2006" (x in days, or cm for "wfl"/"wfh") or "who2007" (months)."""
    return _tables(f"{reference}.csv").get((indicator, sex.value), ())


def growth_zscores(sex: Sex, age_days: int, *, weight_kg: float | None = None, height_cm: float | None = None,
                   lying: bool | None = None) -> list[GrowthResult]:
    """The z-scores and WHO classes a child's measures allow; empty for adults, unknown sex or no measure.

    ``lying`` says how the height was taken; None means the position WHO expects for the age.
    """
    if sex not in (Sex.MALE, Sex.FEMALE) or age_days < 0:
        return []
    height = None if height_cm is None else _position_corrected(height_cm, age_days, lying)
    if age_days <= UNDER_FIVE_DAYS:
        reference, x = "who2006", float(age_days)
    else:
        reference, x = "who2007", age_days / DAYS_PER_MONTH
    values = {GrowthIndicator.WEIGHT_FOR_AGE: weight_kg, GrowthIndicator.HEIGHT_FOR_AGE: height,
              GrowthIndicator.BMI_FOR_AGE: None if weight_kg is None or height is None else weight_kg / (height / 100) ** 2}
    results = []
    for indicator, value in values.items():
        lms = None if value is None else lms_at(table(reference, indicator.value, sex=sex), x)
        if lms is not None:
            results.append(growth_result(indicator, value, lms, age_days))
    if reference == "who2006" and weight_kg is not None and height is not None:
        by_length = "wfl" if age_days < LYING_UNTIL_DAYS else "wfh"
        lms = lms_at(table(reference, by_length, sex=sex), height)
        if lms is not None:
            results.append(growth_result(GrowthIndicator.WEIGHT_FOR_HEIGHT, weight_kg, lms, age_days))
    return results


def _position_corrected(height_cm: float, age_days: int, lying: bool | None) -> float:
    expected_lying = age_days < LYING_UNTIL_DAYS
    if lying is None or lying == expected_lying:
        return height_cm
    return height_cm + LYING_STANDING_CM if expected_lying else height_cm - LYING_STANDING_CM
