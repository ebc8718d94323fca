"""The children's measures of PL01 forms 6–13 that the station works out from the vital signs: the WHO z-scores
(CHIEU_DAI_TUOI_SD, CHIEU_CAO_TUOI_SD, CAN_NANG_TUOI_SD) and the ratings of temperature, pulse and breathing
(DGDHST_NHIET_DO, DGDHST_MACH, DGDHST_NHIP_THO), plus the two circumferences typed at the vital-signs desk
(CHU_VI_VONG_CANH_TAY in mm, VONG_DAU in cm).

Pure: the z-scores come in already computed (``services/station/growth.py`` reads the WHO tables); here they are
written as PL01 text and the ratings proposed by the child's age. The ratings' code lists differ by form (form 6:
1 Bình thường / 2 Sốt / 3 Hạ thân nhiệt…; form 7: 0 Không bình thường / 1 Bình thường; forms 8–13: 1 Bình thường
/ 2 Không bình thường), so a finding is mapped onto the form's own list by its labels.

Cut-offs (docs/PL01.md, "Laboratory and children's measures"):
- temperature: fever from 37.5 °C, hypothermia below 35.5 °C (WHO IMCI);
- breathing fast (WHO IMCI): from 60/min under 2 months, 50 from 2 to 11 months, 40 from 12 months to 5 years,
  30 from 5 years; slow below the low end of the normal awake range (PALS): 30 under 1 year, 22 under 3 years,
  20 from 3 years;
- pulse (PALS awake heart rate): 85–205 under 3 months, 100–190 from 3 months to 2 years, 60–140 from 2 years.
"""
from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from station_app.core.pl01 import CodeList, FormDefinition
from station_app.core.vitals import GrowthIndicator

DAYS_PER_MONTH = 30.4375

ZSCORE_FIELDS: dict[str, GrowthIndicator] = {
    "CHIEU_DAI_TUOI_SD": GrowthIndicator.HEIGHT_FOR_AGE,  # length-for-age (forms 6–12)
    "CHIEU_CAO_TUOI_SD": GrowthIndicator.HEIGHT_FOR_AGE,  # height-for-age (form 13)
    "CAN_NANG_TUOI_SD": GrowthIndicator.WEIGHT_FOR_AGE,
}
RATING_FIELDS: dict[str, str] = {"DGDHST_NHIET_DO": "temperature_c", "DGDHST_MACH": "pulse",
                                 "DGDHST_NHIP_THO": "resp_rate",
                                 # form 6's head rating: chosen by the nurse (no head-circumference table shipped)
                                 "DG_VONG_DAU": ""}
TYPED_FIELDS: tuple[str, ...] = ("CHU_VI_VONG_CANH_TAY", "VONG_DAU")  # typed at the vital-signs desk
COMPUTED_FIELDS: tuple[str, ...] = (*ZSCORE_FIELDS, *RATING_FIELDS)


class Finding(StrEnum):
    NORMAL = "normal"
    FEVER = "fever"
    HYPOTHERMIA = "hypothermia"
    FAST = "fast"
    SLOW = "slow"


FEVER_FROM_C = 37.5
HYPOTHERMIA_BELOW_C = 35.5
# (age in months below which, fast from); the last row has no upper age
FAST_BREATHING: tuple[tuple[float, int], ...] = ((2, 60), (12, 50), (60, 40), (float("inf"), 30))
SLOW_BREATHING: tuple[tuple[float, int], ...] = ((12, 30), (36, 22), (float("inf"), 20))
PULSE_RANGE: tuple[tuple[float, tuple[int, int]], ...] = ((3, (85, 205)), (24, (100, 190)),
                                                          (float("inf"), (60, 140)))


def _months(age_days: int) -> float:
    return age_days / DAYS_PER_MONTH


def _band(table, age_days: int):  # noqa: ANN001, ANN202 - one of the tables above
    months = _months(age_days)
    return next(value for below, value in table if months < below)


def temperature_finding(celsius: float) -> Finding:
    if celsius >= FEVER_FROM_C:
        return Finding.FEVER
    return Finding.HYPOTHERMIA if celsius < HYPOTHERMIA_BELOW_C else Finding.NORMAL


def breathing_finding(per_minute: float, age_days: int) -> Finding:
    if per_minute >= _band(FAST_BREATHING, age_days):
        return Finding.FAST
    return Finding.SLOW if per_minute < _band(SLOW_BREATHING, age_days) else Finding.NORMAL


def pulse_finding(per_minute: float, age_days: int) -> Finding:
    low, high = _band(PULSE_RANGE, age_days)
    if per_minute > high:
        return Finding.FAST
    return Finding.SLOW if per_minute < low else Finding.NORMAL


_FINDING_LABELS = {
    Finding.NORMAL: ("bình thường",),
    Finding.FEVER: ("sốt",),
    Finding.HYPOTHERMIA: ("hạ thân nhiệt",),
    Finding.FAST: ("nhanh", "thở nhanh"),
    Finding.SLOW: ("chậm", "thở chậm"),
}
_ABNORMAL = "không bình thường"


def rating_code(codes: CodeList, finding: Finding) -> str | None:
    """The code of ``finding`` in a form's list: its own label (Sốt, Thở nhanh…), or else the list's "Không bình
    thường"; None when the list has neither (form 6's pulse has no "slow": the nurse chooses)."""
    by_label = {c.label.casefold(): c.code for c in codes}
    for label in _FINDING_LABELS[finding]:
        if label in by_label:
            return by_label[label]
    return None if finding is Finding.NORMAL else by_label.get(_ABNORMAL)


def zscore_text(z: float) -> str:
    """A z-score as PL01 text: two decimals with a point ("-1.25")."""
    return f"{z:.2f}"


def child_values(definition: FormDefinition, zscores: Mapping[GrowthIndicator, float],
                 measurements: Mapping[str, float], age_days: int | None) -> dict[str, str]:
    """The computed fields ``definition`` has, from the z-scores and the measurements (vital-sign field keys:
    temperature_c, pulse, resp_rate): code → PL01 text. A field is left out when its input is missing, its
    z-score is beyond the field's limits, or no code of the form's list fits."""
    out: dict[str, str] = {}
    codes = set(definition.codes)
    for code, indicator in ZSCORE_FIELDS.items():
        if code in codes and indicator in zscores:
            low, high = definition.field(code).limits
            z = zscores[indicator]
            if (low is None or z >= low) and (high is None or z <= high):
                out[code] = zscore_text(z)
    if age_days is None:
        return out
    findings = {"temperature_c": lambda v: temperature_finding(v), "pulse": lambda v: pulse_finding(v, age_days),
                "resp_rate": lambda v: breathing_finding(v, age_days)}
    for code, key in RATING_FIELDS.items():
        field = definition.field(code) if code in codes else None
        if field is None or field.codes is None or key not in findings or key not in measurements:
            continue
        found = rating_code(field.codes, findings[key](measurements[key]))
        if found is not None:
            out[code] = found
    return out
