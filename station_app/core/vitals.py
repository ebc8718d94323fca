"""Clinical rules of vital signs: entry limits, BMI, blood pressure, glucose, vision and child growth z-scores.

Design: the cut-offs are constants here, each citing its source, because the core does no I/O. The shipped
``resources/reference/clinical_thresholds.csv`` (with its ``source`` column) is the documented reference;
``tests/core/test_vitals.py`` reads it and checks that every constant below still matches it, so the two
cannot drift apart. The WHO growth LMS tables are too large for constants: ``services/station/growth.py`` reads
them from ``resources/reference/growth/`` and hands rows to the pure LMS functions at the end of this module.

Three kinds of rule per value:
- a hard limit refuses an impossible value (``Check.hard_error``: what is wrong and what to do);
- a warning range asks the nurse to confirm an unusual but possible value (``Check.warning``);
- a clinical flag (``Flags``) is shown beside the value and stored with it (``MeasurementRow.flags``, codes only).

Messages are templates marked for lupdate (context ``vitals``) plus data; ``Message.text(tr)`` formats them
with the template and the measure's label translated by ``tr`` (identity gives the Vietnamese source).
Ages are in completed days, the unit of the WHO growth tables.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import MeasureCode, Sex

DAYS_PER_YEAR = 365.25
ADULT_AGE_YEARS = 19  # the WHO 2007 reference ends at 19 y (228 months); adult cut-offs apply from then on


# ---------------------------------------------------------------------------------------------- messages


@dataclass(frozen=True)
class Message:
    """A Vietnamese template (marked for translation) with its data; ``measure`` is a code, shown as a label."""

    template: str
    data: Mapping[str, object] = field(default_factory=dict)

    def values(self, tr: Callable[[str], str] = lambda s: s, decimal_mark: str = ",") -> dict[str, object]:
        """The data as shown: the measure's name, figures with the language's ``decimal_mark`` (36,6 in Vietnamese,
        36.6 in English), and the ``unit`` (lần/phút is /min in English) after the value and the upper bound."""
        data = {k: v.replace(".", decimal_mark) if isinstance(v, str) and _FIGURE.fullmatch(v) else v
                for k, v in self.data.items()}
        if "measure" in data:
            data["measure"] = tr(MEASURE_LABELS[MeasureCode(data["measure"])])
        unit = str(data.pop("unit", ""))
        if unit:
            for name in ("value", "high"):
                data[name] = f"{data[name]} {tr(unit)}"
        return data

    def text(self, tr: Callable[[str], str] = lambda s: s, decimal_mark: str = ",") -> str:
        return tr(self.template).format(**self.values(tr, decimal_mark))


_FIGURE = re.compile(r"-?\d+\.\d+")  # a figure written by _fmt with a decimal point


MEASURE_LABELS = {
    MeasureCode.HEIGHT_CM: QT_TRANSLATE_NOOP("vitals", "Chiều cao"),
    MeasureCode.WEIGHT_KG: QT_TRANSLATE_NOOP("vitals", "Cân nặng"),
    MeasureCode.BMI: QT_TRANSLATE_NOOP("vitals", "BMI"),
    MeasureCode.WAIST_CM: QT_TRANSLATE_NOOP("vitals", "Vòng eo"),
    MeasureCode.PULSE: QT_TRANSLATE_NOOP("vitals", "Mạch"),
    MeasureCode.SYSTOLIC: QT_TRANSLATE_NOOP("vitals", "Huyết áp tâm thu"),
    MeasureCode.DIASTOLIC: QT_TRANSLATE_NOOP("vitals", "Huyết áp tâm trương"),
    MeasureCode.TEMPERATURE_C: QT_TRANSLATE_NOOP("vitals", "Nhiệt độ"),
    MeasureCode.SPO2: QT_TRANSLATE_NOOP("vitals", "SpO2"),
    MeasureCode.RESP_RATE: QT_TRANSLATE_NOOP("vitals", "Nhịp thở"),
    MeasureCode.GLUCOSE_MMOL: QT_TRANSLATE_NOOP("vitals", "Đường huyết mao mạch"),
    MeasureCode.VISION_LEFT: QT_TRANSLATE_NOOP("vitals", "Thị lực mắt trái (không kính)"),
    MeasureCode.VISION_RIGHT: QT_TRANSLATE_NOOP("vitals", "Thị lực mắt phải (không kính)"),
    MeasureCode.VISION_LEFT_GLASSES: QT_TRANSLATE_NOOP("vitals", "Thị lực mắt trái (có kính)"),
    MeasureCode.VISION_RIGHT_GLASSES: QT_TRANSLATE_NOOP("vitals", "Thị lực mắt phải (có kính)"),
}

UNITS = {
    MeasureCode.HEIGHT_CM: "cm", MeasureCode.WEIGHT_KG: "kg", MeasureCode.BMI: "kg/m²",
    MeasureCode.WAIST_CM: "cm", MeasureCode.PULSE: QT_TRANSLATE_NOOP("vitals", "lần/phút"),
    MeasureCode.SYSTOLIC: "mmHg",
    MeasureCode.DIASTOLIC: "mmHg", MeasureCode.TEMPERATURE_C: "°C", MeasureCode.SPO2: "%",
    MeasureCode.RESP_RATE: QT_TRANSLATE_NOOP("vitals", "lần/phút"), MeasureCode.GLUCOSE_MMOL: "mmol/L",
    MeasureCode.VISION_LEFT: "", MeasureCode.VISION_RIGHT: "",
    MeasureCode.VISION_LEFT_GLASSES: "", MeasureCode.VISION_RIGHT_GLASSES: "",
}

OUT_OF_LIMITS = QT_TRANSLATE_NOOP(
    "vitals", "{measure} {value} là không thể có (giới hạn {low}–{high}). "
              "Kiểm tra máy đo, đơn vị và dấu thập phân rồi nhập lại.")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("vitals", "{measure}: giá trị không phải là một số. Hãy nhập lại bằng chữ số.")
SYSTOLIC_NOT_ABOVE_DIASTOLIC = QT_TRANSLATE_NOOP(
    "vitals", "Huyết áp tâm thu ({systolic}) phải lớn hơn tâm trương ({diastolic}). "
              "Có thể hai số bị nhập ngược: kiểm tra rồi nhập lại.")
PULSE_PRESSURE_TOO_LOW = QT_TRANSLATE_NOOP(
    "vitals", "Tâm thu {systolic} và tâm trương {diastolic} chỉ chênh nhau {difference} mmHg (dưới {minimum}): "
              "thường là đo sai. Hãy đo lại rồi nhập.")
UNUSUAL_VALUE = QT_TRANSLATE_NOOP(
    "vitals", "{measure} {value} là bất thường (thường từ {low} đến {high}). "
              "Đo lại nếu cần, rồi xác nhận giá trị này.")
UNUSUAL_BMI = QT_TRANSLATE_NOOP(
    "vitals", "Cân nặng và chiều cao này cho BMI {bmi}, là bất thường (thường từ {low} đến {high}). "
              "Kiểm tra lại cân nặng và chiều cao, rồi xác nhận.")


def _fmt(value: float) -> str:
    return f"{value:g}"


# ------------------------------------------------------------------------------------------ entry limits


@dataclass(frozen=True)
class Subject:
    """What the rules need to know about the person: age in completed days and sex (either may be unknown)."""

    age_days: int | None = None
    sex: Sex | None = None

    @property
    def age_years(self) -> float | None:
        return None if self.age_days is None else self.age_days / DAYS_PER_YEAR

    @property
    def is_adult(self) -> bool:
        """Unknown age counts as adult: the station's people are mostly adults."""
        return self.age_days is None or self.age_days >= ADULT_AGE_YEARS * DAYS_PER_YEAR


@dataclass(frozen=True)
class Range:
    low: float
    high: float  # inclusive

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high


# Hard limits: clinical_thresholds.csv, rows Entry_limits_proposal (a design proposal, not a regulation).
# Waist and vision are not in the CSV: rows added to the app's copy, marked as this app's proposal.
HARD_LIMITS: dict[MeasureCode, Range] = {
    MeasureCode.HEIGHT_CM: Range(40, 230),
    MeasureCode.WEIGHT_KG: Range(1.5, 250),
    MeasureCode.PULSE: Range(25, 250),
    MeasureCode.SYSTOLIC: Range(50, 300),
    MeasureCode.DIASTOLIC: Range(20, 200),
    MeasureCode.TEMPERATURE_C: Range(30, 43),
    MeasureCode.RESP_RATE: Range(4, 80),
    MeasureCode.SPO2: Range(50, 100),
    MeasureCode.GLUCOSE_MMOL: Range(0.6, 33.3),  # a glucometer's LO/HI range
    MeasureCode.WAIST_CM: Range(30, 250),
    MeasureCode.BMI: Range(5, 100),  # computed, never typed: guards against a unit slip upstream
    **{code: Range(0.0, 2.0) for code in (MeasureCode.VISION_LEFT, MeasureCode.VISION_RIGHT,
                                           MeasureCode.VISION_LEFT_GLASSES, MeasureCode.VISION_RIGHT_GLASSES)},
}

# Warning ranges for adults (values outside ask for confirmation); same CSV rows. Blood pressure deviates from
# the CSV's "warn >=140 / >=90": a raised pressure is common at a screening and is shown by its grade flag;
# confirmation is asked only where the CSV sets the urgent flag (>=180 / >=110) or for a low pressure.
ADULT_WARNING: dict[MeasureCode, Range] = {
    MeasureCode.HEIGHT_CM: Range(140, 190),
    MeasureCode.PULSE: Range(50, 120),
    MeasureCode.SYSTOLIC: Range(90, 179),
    MeasureCode.DIASTOLIC: Range(40, 109),
    MeasureCode.TEMPERATURE_C: Range(35.5, 37.4),
    MeasureCode.RESP_RATE: Range(12, 24),
    MeasureCode.SPO2: Range(94, 100),
    MeasureCode.GLUCOSE_MMOL: Range(3.9, 11.0),
    MeasureCode.WAIST_CM: Range(50, 150),
    **{code: Range(0.0, 1.5) for code in (MeasureCode.VISION_LEFT, MeasureCode.VISION_RIGHT,
                                           MeasureCode.VISION_LEFT_GLASSES, MeasureCode.VISION_RIGHT_GLASSES)},
}
ADULT_BMI_WARNING = Range(13, 45)  # CSV: weight "warn if BMI <13 or >45"
MIN_PULSE_PRESSURE = 10  # CSV: DBP "must be < SBP and pulse pressure >=10"

# Children: pulse and breathing are faster. Upper bounds of breathing are WHO IMCI "fast breathing"
# (>=60 under 2 months, >=50 at 2-11 months, >=40 at 1-4 years); the rest is this app's proposal.
# (upper age in days exclusive, pulse range, breathing range)
CHILD_BANDS: tuple[tuple[float, Range, Range], ...] = (
    (61, Range(100, 180), Range(30, 59)),
    (365, Range(90, 170), Range(25, 49)),
    (5 * DAYS_PER_YEAR, Range(70, 150), Range(20, 39)),
    (12 * DAYS_PER_YEAR, Range(60, 130), Range(15, 30)),
    (ADULT_AGE_YEARS * DAYS_PER_YEAR, Range(50, 120), Range(12, 24)),
)


def _warning_range(code: MeasureCode, subject: Subject) -> Range | None:
    if subject.is_adult:
        return ADULT_WARNING.get(code)
    if code in (MeasureCode.PULSE, MeasureCode.RESP_RATE):
        band = next(b for b in CHILD_BANDS if subject.age_days < b[0])
        return band[1] if code is MeasureCode.PULSE else band[2]
    if code in (MeasureCode.TEMPERATURE_C, MeasureCode.SPO2, MeasureCode.GLUCOSE_MMOL) or code.startswith("vision"):
        return ADULT_WARNING[code]
    return None  # a child's height, weight and waist are judged by growth z-scores, not by fixed ranges


@dataclass(frozen=True)
class Check:
    """The verdict on one typed value: refused (``hard_error``), to confirm (``warning``), or ok."""

    code: MeasureCode
    value: float
    hard_error: Message | None = None
    warning: Message | None = None

    @property
    def ok(self) -> bool:
        return self.hard_error is None and self.warning is None


def check_value(code: MeasureCode, value: float, *, subject: Subject = Subject(),
                others: Mapping[MeasureCode, float] | None = None) -> Check:
    """Checks one value against its hard limit, then the cross-field rules, then its warning range.

    ``others`` holds the values already typed in the same form: the systolic for a diastolic (and the
    reverse), the height for a weight (and the reverse). Never raises for a float.
    """
    others = others or {}
    unit = UNITS[code]
    if not math.isfinite(value):
        return Check(code, value, hard_error=Message(NOT_A_NUMBER, {"measure": code.value}))
    limits = HARD_LIMITS[code]
    if value not in limits:
        data = {"measure": code.value, "value": _fmt(value), "low": _fmt(limits.low), "high": _fmt(limits.high),
                "unit": unit}
        return Check(code, value, hard_error=Message(OUT_OF_LIMITS, data))
    cross = _cross_field(code, value, others, subject)
    if cross is not None:
        return Check(code, value, **cross)
    usual = _warning_range(code, subject)
    if usual is not None and value not in usual:
        data = {"measure": code.value, "value": _fmt(value), "low": _fmt(usual.low), "high": _fmt(usual.high),
                "unit": unit}
        return Check(code, value, warning=Message(UNUSUAL_VALUE, data))
    return Check(code, value)


def _cross_field(code: MeasureCode, value: float, others: Mapping[MeasureCode, float],
                 subject: Subject) -> dict[str, Message] | None:
    if code in (MeasureCode.SYSTOLIC, MeasureCode.DIASTOLIC):
        other = MeasureCode.DIASTOLIC if code is MeasureCode.SYSTOLIC else MeasureCode.SYSTOLIC
        if other in others and math.isfinite(others[other]):
            pair = (value, others[other]) if code is MeasureCode.SYSTOLIC else (others[other], value)
            error = check_pressure_pair(*pair)
            return None if error is None else {"hard_error": error}
    if code in (MeasureCode.WEIGHT_KG, MeasureCode.HEIGHT_CM) and subject.is_adult:
        weight = value if code is MeasureCode.WEIGHT_KG else others.get(MeasureCode.WEIGHT_KG)
        height = value if code is MeasureCode.HEIGHT_CM else others.get(MeasureCode.HEIGHT_CM)
        if _plausible(weight, MeasureCode.WEIGHT_KG) and _plausible(height, MeasureCode.HEIGHT_CM):
            index = bmi(weight, height)
            if index not in ADULT_BMI_WARNING:
                data = {"bmi": _fmt(index), "low": _fmt(ADULT_BMI_WARNING.low), "high": _fmt(ADULT_BMI_WARNING.high)}
                return {"warning": Message(UNUSUAL_BMI, data)}
    return None


def _plausible(value: float | None, code: MeasureCode) -> bool:
    return value is not None and math.isfinite(value) and value in HARD_LIMITS[code]


def check_pressure_pair(systolic: float, diastolic: float) -> Message | None:
    """The cross-field hard rules of one reading: systolic above diastolic, by at least 10 mmHg."""
    data = {"systolic": _fmt(systolic), "diastolic": _fmt(diastolic)}
    if systolic <= diastolic:
        return Message(SYSTOLIC_NOT_ABOVE_DIASTOLIC, data)
    if systolic - diastolic < MIN_PULSE_PRESSURE:
        return Message(PULSE_PRESSURE_TOO_LOW,
                       {**data, "difference": _fmt(systolic - diastolic), "minimum": MIN_PULSE_PRESSURE})
    return None


# ----------------------------------------------------------------------------------------------- flags

Flags = dict[str, str]
"""Flag kind to class code, e.g. ``{"bp_grade": "grade_2", "bp_isolated_systolic": "yes"}``; JSON as is."""


class BmiClass(StrEnum):
    UNDERWEIGHT = "underweight"
    NORMAL = "normal"
    OVERWEIGHT = "overweight"
    OBESE_1 = "obese_1"
    OBESE_2 = "obese_2"


class BpGrade(StrEnum):
    OPTIMAL = "optimal"
    NORMAL = "normal"
    HIGH_NORMAL = "high_normal"
    GRADE_1 = "grade_1"
    GRADE_2 = "grade_2"
    GRADE_3 = "grade_3"


class GlucoseClass(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    RAISED = "raised"
    DIABETES_RANGE = "diabetes_range"


class VisionClass(StrEnum):
    """ICD-11 9D90 categories of distance vision impairment, applied to each eye's decimal acuity."""

    NORMAL = "normal"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    BLINDNESS = "blindness"


class WaistClass(StrEnum):
    NORMAL = "normal"
    CENTRAL_OBESITY = "central_obesity"


FLAG_LABELS: dict[str, str] = {
    f"bmi_class.{BmiClass.UNDERWEIGHT}": QT_TRANSLATE_NOOP("vitals", "Thiếu cân"),
    f"bmi_class.{BmiClass.NORMAL}": QT_TRANSLATE_NOOP("vitals", "Bình thường"),
    f"bmi_class.{BmiClass.OVERWEIGHT}": QT_TRANSLATE_NOOP("vitals", "Thừa cân (có nguy cơ)"),
    f"bmi_class.{BmiClass.OBESE_1}": QT_TRANSLATE_NOOP("vitals", "Béo phì độ I"),
    f"bmi_class.{BmiClass.OBESE_2}": QT_TRANSLATE_NOOP("vitals", "Béo phì độ II"),
    f"bp_grade.{BpGrade.OPTIMAL}": QT_TRANSLATE_NOOP("vitals", "Huyết áp tối ưu"),
    f"bp_grade.{BpGrade.NORMAL}": QT_TRANSLATE_NOOP("vitals", "Huyết áp bình thường"),
    f"bp_grade.{BpGrade.HIGH_NORMAL}": QT_TRANSLATE_NOOP("vitals", "Tiền tăng huyết áp (bình thường cao)"),
    f"bp_grade.{BpGrade.GRADE_1}": QT_TRANSLATE_NOOP("vitals", "Tăng huyết áp độ 1"),
    f"bp_grade.{BpGrade.GRADE_2}": QT_TRANSLATE_NOOP("vitals", "Tăng huyết áp độ 2"),
    f"bp_grade.{BpGrade.GRADE_3}": QT_TRANSLATE_NOOP("vitals", "Tăng huyết áp độ 3"),
    "bp_isolated_systolic.yes": QT_TRANSLATE_NOOP("vitals", "Tăng huyết áp tâm thu đơn độc"),
    f"glucose_class.{GlucoseClass.LOW}": QT_TRANSLATE_NOOP("vitals", "Đường huyết thấp"),
    f"glucose_class.{GlucoseClass.NORMAL}": QT_TRANSLATE_NOOP("vitals", "Đường huyết bình thường"),
    f"glucose_class.{GlucoseClass.RAISED}": QT_TRANSLATE_NOOP("vitals", "Đường huyết tăng"),
    f"glucose_class.{GlucoseClass.DIABETES_RANGE}": QT_TRANSLATE_NOOP("vitals", "Đường huyết ở ngưỡng đái tháo đường"),
    "refer.yes": QT_TRANSLATE_NOOP("vitals", "Cần chuyển tuyến xét nghiệm đường huyết tĩnh mạch"),
    f"vision_class.{VisionClass.NORMAL}": QT_TRANSLATE_NOOP("vitals", "Thị lực bình thường"),
    f"vision_class.{VisionClass.MILD}": QT_TRANSLATE_NOOP("vitals", "Giảm thị lực nhẹ"),
    f"vision_class.{VisionClass.MODERATE}": QT_TRANSLATE_NOOP("vitals", "Giảm thị lực vừa"),
    f"vision_class.{VisionClass.SEVERE}": QT_TRANSLATE_NOOP("vitals", "Giảm thị lực nặng"),
    f"vision_class.{VisionClass.BLINDNESS}": QT_TRANSLATE_NOOP("vitals", "Mù"),
    f"waist_class.{WaistClass.NORMAL}": QT_TRANSLATE_NOOP("vitals", "Vòng eo bình thường"),
    f"waist_class.{WaistClass.CENTRAL_OBESITY}": QT_TRANSLATE_NOOP("vitals", "Béo bụng"),
}


def flag_labels(flags: Mapping[str, str]) -> list[str]:
    """The Vietnamese source labels of stored flags, in order; unknown codes (e.g. z values) are skipped."""
    return [FLAG_LABELS[key] for kind, code in flags.items() if (key := f"{kind}.{code}") in FLAG_LABELS]


# ------------------------------------------------------------------------------------------------- BMI

# WHO-WPRO/IASO/IOTF 2000 "The Asia-Pacific perspective" (CSV rows BMI_adult_AsiaPacific): lower bounds.
BMI_ASIA_PACIFIC: tuple[tuple[float, BmiClass], ...] = (
    (30.0, BmiClass.OBESE_2), (25.0, BmiClass.OBESE_1), (23.0, BmiClass.OVERWEIGHT), (18.5, BmiClass.NORMAL),
)


def bmi(weight_kg: float, height_cm: float) -> float:
    """Body mass index in kg/m², to one decimal (as shown and as classified, so the two always agree)."""
    metres = height_cm / 100
    return round(weight_kg / (metres * metres) + 1e-9, 1)


def bmi_class_adult(index: float) -> BmiClass:
    """Asia-Pacific class of an adult's (19 y and over) BMI: a screening flag, not a diagnosis."""
    return next((cls for low, cls in BMI_ASIA_PACIFIC if index >= low), BmiClass.UNDERWEIGHT)


# Waist: WHO-WPRO 2000 (same document), central obesity for Asian adults at >= 90 cm (men), >= 80 cm (women).
WAIST_CENTRAL_OBESITY = {Sex.MALE: 90.0, Sex.FEMALE: 80.0}


def waist_class_adult(waist_cm: float, sex: Sex) -> WaistClass | None:
    limit = WAIST_CENTRAL_OBESITY.get(sex)
    if limit is None:
        return None
    return WaistClass.CENTRAL_OBESITY if waist_cm >= limit else WaistClass.NORMAL


# ------------------------------------------------------------------------------------------ blood pressure

# QĐ 3192/QĐ-BYT 2010 (CSV rows BP_VN_MoH_2010): (grade, systolic lower bound, diastolic lower bound), highest
# first; "if SBP and DBP fall in different categories use the higher one" (CSV row BP_rule).
BP_GRADES: tuple[tuple[BpGrade, float, float], ...] = (
    (BpGrade.GRADE_3, 180, 110), (BpGrade.GRADE_2, 160, 100), (BpGrade.GRADE_1, 140, 90),
    (BpGrade.HIGH_NORMAL, 130, 85), (BpGrade.NORMAL, 120, 80),
)
ISOLATED_SYSTOLIC = (140, 90)  # SBP >= 140 and DBP < 90, graded by SBP (QĐ 3192/QĐ-BYT)
# QĐ 3192/QĐ-BYT measurement procedure (as the 2018 ESC/ESH guideline): measure at least twice 1-2 min apart;
# if the two differ by more than 10 mmHg measure again, and record the average of the last two readings.
READINGS_DIFFER_MMHG = 10


@dataclass(frozen=True)
class BPResult:
    systolic: float  # the average used
    diastolic: float
    used: tuple[int, ...]  # 0-based indexes of the readings averaged
    grade: BpGrade
    isolated_systolic: bool
    needs_second_reading: bool
    needs_third_reading: bool

    @property
    def flags(self) -> Flags:
        flags = {"bp_grade": self.grade.value}
        if self.isolated_systolic:
            flags["bp_isolated_systolic"] = "yes"
        return flags


def bp_grade(systolic: float, diastolic: float) -> BpGrade:
    """The higher of the systolic and diastolic categories (QĐ 3192/QĐ-BYT)."""
    return next((g for g, s, d in BP_GRADES if systolic >= s or diastolic >= d), BpGrade.OPTIMAL)


def blood_pressure(readings: Sequence[tuple[float, float]]) -> BPResult:
    """The value used from one to three (systolic, diastolic) readings, in the order taken.

    One reading is used as it is but asks for a second; two are averaged, and ask for a third when they differ
    by more than 10 mmHg in systolic or diastolic; from three on, the last two are averaged.
    """
    if not readings:
        raise ValueError("blood_pressure needs at least one reading")
    used = tuple(range(len(readings)))[-2:]
    systolic = sum(readings[i][0] for i in used) / len(used)
    diastolic = sum(readings[i][1] for i in used) / len(used)
    differ = len(readings) == 2 and (abs(readings[0][0] - readings[1][0]) > READINGS_DIFFER_MMHG
                                     or abs(readings[0][1] - readings[1][1]) > READINGS_DIFFER_MMHG)
    isolated = systolic >= ISOLATED_SYSTOLIC[0] and diastolic < ISOLATED_SYSTOLIC[1]
    return BPResult(systolic, diastolic, used, bp_grade(systolic, diastolic), isolated,
                    needs_second_reading=len(readings) == 1, needs_third_reading=differ)


# ------------------------------------------------------------------------------------------------ glucose

# Capillary glucose at a screening never diagnoses; it sorts who needs a venous plasma test.
# CSV row Glucose_capillary_screening (an UNVERIFIED proposal to confirm with the provincial CDC):
# fasting >= 5.6 or random >= 7.8 mmol/L -> refer. Diabetes range: QĐ 5481/QĐ-BYT 2020 (fasting >= 7.0,
# random >= 11.1). Low: < 3.9 mmol/L (CSV entry-limit warning; ADA level 1 hypoglycaemia).
GLUCOSE_LOW = 3.9
GLUCOSE_REFER = {True: 5.6, False: 7.8}  # by fasting
GLUCOSE_DIABETES = {True: 7.0, False: 11.1}


@dataclass(frozen=True)
class GlucoseResult:
    klass: GlucoseClass
    needs_referral: bool

    @property
    def flags(self) -> Flags:
        flags = {"glucose_class": self.klass.value}
        if self.needs_referral:
            flags["refer"] = "yes"
        return flags


def glucose(mmol_l: float, *, fasting: bool | None) -> GlucoseResult:
    """Classes a capillary glucose; an unknown fasting state is judged as not fasting (higher cut-offs)."""
    fasted = bool(fasting)
    if mmol_l < GLUCOSE_LOW:
        return GlucoseResult(GlucoseClass.LOW, needs_referral=False)
    if mmol_l >= GLUCOSE_DIABETES[fasted]:
        return GlucoseResult(GlucoseClass.DIABETES_RANGE, needs_referral=True)
    if mmol_l >= GLUCOSE_REFER[fasted]:
        return GlucoseResult(GlucoseClass.RAISED, needs_referral=True)
    return GlucoseResult(GlucoseClass.NORMAL, needs_referral=False)


# ------------------------------------------------------------------------------------------------- vision

# Vision is stored as decimal acuity: Vietnamese charts write "7/10" (= 0.7); Snellen "6/12" or "20/40"
# are 0.5. ICD-11 9D90 categories of presenting distance vision (lower bounds of each class's acuity):
# mild < 6/12 (0.5), moderate < 6/18 (0.3), severe < 6/60 (0.1), blindness < 3/60 (0.05).
VISION_CLASSES: tuple[tuple[float, VisionClass], ...] = (
    (0.5, VisionClass.NORMAL), (0.3, VisionClass.MILD), (0.1, VisionClass.MODERATE), (0.05, VisionClass.SEVERE),
)


def vision_decimal(text: str) -> float | None:
    """Reads "7/10", "6/12", "20/40", "0,7" or "0.7" as decimal acuity; None if it is not one of these."""
    cleaned = text.strip().replace(",", ".")
    try:
        if "/" in cleaned:
            numerator, denominator = (float(p) for p in cleaned.split("/", 1))
            value = numerator / denominator
        else:
            value = float(cleaned)
    except (ValueError, ZeroDivisionError):
        return None
    return round(value, 2) if math.isfinite(value) and value >= 0 else None


def vision_class(decimal_acuity: float) -> VisionClass:
    return next((cls for low, cls in VISION_CLASSES if decimal_acuity >= low), VisionClass.BLINDNESS)


# ------------------------------------------------------------------------------------------- child growth


class GrowthIndicator(StrEnum):
    WEIGHT_FOR_AGE = "wfa"
    HEIGHT_FOR_AGE = "hfa"  # length-for-age under 2 years
    BMI_FOR_AGE = "bfa"
    WEIGHT_FOR_HEIGHT = "wfh"  # weight-for-length under 2 years


class GrowthClass(StrEnum):
    SEVERELY_UNDERWEIGHT = "severely_underweight"
    UNDERWEIGHT = "underweight"
    SEVERELY_STUNTED = "severely_stunted"
    STUNTED = "stunted"
    SEVERELY_WASTED = "severely_wasted"
    WASTED = "wasted"
    SEVERELY_THIN = "severely_thin"
    THIN = "thin"
    NORMAL = "normal"
    POSSIBLE_RISK_OF_OVERWEIGHT = "possible_risk_of_overweight"
    OVERWEIGHT = "overweight"
    OBESE = "obese"
    IMPLAUSIBLE = "implausible"


GROWTH_LABELS = {
    GrowthClass.SEVERELY_UNDERWEIGHT: QT_TRANSLATE_NOOP("vitals", "Suy dinh dưỡng thể nhẹ cân, mức độ nặng"),
    GrowthClass.UNDERWEIGHT: QT_TRANSLATE_NOOP("vitals", "Suy dinh dưỡng thể nhẹ cân"),
    GrowthClass.SEVERELY_STUNTED: QT_TRANSLATE_NOOP("vitals", "Suy dinh dưỡng thể thấp còi, mức độ nặng"),
    GrowthClass.STUNTED: QT_TRANSLATE_NOOP("vitals", "Suy dinh dưỡng thể thấp còi"),
    GrowthClass.SEVERELY_WASTED: QT_TRANSLATE_NOOP("vitals", "Suy dinh dưỡng thể gầy còm, mức độ nặng"),
    GrowthClass.WASTED: QT_TRANSLATE_NOOP("vitals", "Suy dinh dưỡng thể gầy còm"),
    GrowthClass.SEVERELY_THIN: QT_TRANSLATE_NOOP("vitals", "Gầy mức độ nặng"),
    GrowthClass.THIN: QT_TRANSLATE_NOOP("vitals", "Gầy"),
    GrowthClass.NORMAL: QT_TRANSLATE_NOOP("vitals", "Bình thường"),
    GrowthClass.POSSIBLE_RISK_OF_OVERWEIGHT: QT_TRANSLATE_NOOP("vitals", "Có nguy cơ thừa cân"),
    GrowthClass.OVERWEIGHT: QT_TRANSLATE_NOOP("vitals", "Thừa cân"),
    GrowthClass.OBESE: QT_TRANSLATE_NOOP("vitals", "Béo phì"),
    GrowthClass.IMPLAUSIBLE: QT_TRANSLATE_NOOP("vitals", "Giá trị khó tin: kiểm tra lại số đo và ngày sinh"),
}
FLAG_LABELS.update({f"{ind}_class.{cls}": label for ind in GrowthIndicator for cls, label in GROWTH_LABELS.items()})

# WHO flags z-scores outside these as biologically implausible (WHO Anthro / AnthroPlus manuals).
IMPLAUSIBLE_Z = {GrowthIndicator.WEIGHT_FOR_AGE: (-6, 5), GrowthIndicator.HEIGHT_FOR_AGE: (-6, 6),
                 GrowthIndicator.BMI_FOR_AGE: (-5, 5), GrowthIndicator.WEIGHT_FOR_HEIGHT: (-5, 5)}
UNDER_FIVE_DAYS = 1826  # the WHO 2006 standards' day tables end at 1826 days; the 2007 reference follows


@dataclass(frozen=True)
class Lms:
    l: float  # noqa: E741 - the LMS method's names
    m: float
    s: float


def lms_z(value: float, lms: Lms, *, restricted: bool) -> float:
    """WHO z-score of ``value`` for Box-Cox parameters ``lms``.

    ``restricted`` applies WHO's adjustment beyond ±3 SD for weight-based indicators (WHO 2006 standards,
    chapter 7): distances past ±3 SD are measured in units of the 2-to-3 SD gap on that side.
    """
    z = math.log(value / lms.m) / lms.s if lms.l == 0 else ((value / lms.m) ** lms.l - 1) / (lms.l * lms.s)
    if not restricted or abs(z) <= 3:
        return z
    side = 1 if z > 0 else -1
    sd3, sd2 = lms_value(lms, 3 * side), lms_value(lms, 2 * side)
    return side * 3 + (value - sd3) / abs(sd3 - sd2)


def lms_value(lms: Lms, z: float) -> float:
    """The measurement at z-score ``z`` (the SD lines of the WHO tables)."""
    if lms.l == 0:
        return lms.m * math.exp(lms.s * z)
    return lms.m * (1 + lms.l * lms.s * z) ** (1 / lms.l)


def lms_at(rows: Sequence[tuple[float, Lms]], x: float) -> Lms | None:
    """The LMS at ``x`` (age or length) by linear interpolation in rows sorted by x; None outside the table."""
    if not rows or not rows[0][0] <= x <= rows[-1][0]:
        return None
    lo, hi = 0, len(rows) - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if rows[mid][0] <= x else (lo, mid)
    (x0, a), (x1, b) = rows[lo], rows[hi]
    t = 0.0 if x1 == x0 else min(max((x - x0) / (x1 - x0), 0.0), 1.0)
    return Lms(a.l + t * (b.l - a.l), a.m + t * (b.m - a.m), a.s + t * (b.s - a.s))


@dataclass(frozen=True)
class GrowthResult:
    indicator: GrowthIndicator
    z: float  # rounded to 2 decimals, as WHO software reports
    klass: GrowthClass
    reference: str  # "WHO 2006" or "WHO 2007"

    @property
    def flags(self) -> Flags:
        return {f"{self.indicator}_z": f"{self.z:.2f}", f"{self.indicator}_class": self.klass.value}


def growth_class(indicator: GrowthIndicator, z: float, age_days: int) -> GrowthClass:
    """WHO classes (CSV rows Child_growth_WHO): under 5 by the 2006 standards, from 5 by the 2007 reference."""
    low, high = IMPLAUSIBLE_Z[indicator]
    if not low <= z <= high:
        return GrowthClass.IMPLAUSIBLE
    under_five = age_days <= UNDER_FIVE_DAYS
    if z < -2:
        severe = z < -3
        return {
            GrowthIndicator.WEIGHT_FOR_AGE: (GrowthClass.UNDERWEIGHT, GrowthClass.SEVERELY_UNDERWEIGHT),
            GrowthIndicator.HEIGHT_FOR_AGE: (GrowthClass.STUNTED, GrowthClass.SEVERELY_STUNTED),
            GrowthIndicator.WEIGHT_FOR_HEIGHT: (GrowthClass.WASTED, GrowthClass.SEVERELY_WASTED),
            GrowthIndicator.BMI_FOR_AGE: ((GrowthClass.WASTED, GrowthClass.SEVERELY_WASTED) if under_five
                                          else (GrowthClass.THIN, GrowthClass.SEVERELY_THIN)),
        }[indicator][severe]
    if indicator in (GrowthIndicator.WEIGHT_FOR_AGE, GrowthIndicator.HEIGHT_FOR_AGE):
        return GrowthClass.NORMAL  # WHO classifies no excess on these two
    if under_five:  # WHO 2006: > +1 possible risk, > +2 overweight, > +3 obese
        cut_offs = ((3, GrowthClass.OBESE), (2, GrowthClass.OVERWEIGHT), (1, GrowthClass.POSSIBLE_RISK_OF_OVERWEIGHT))
    else:  # WHO 2007: > +1 overweight, > +2 obese
        cut_offs = ((2, GrowthClass.OBESE), (1, GrowthClass.OVERWEIGHT))
    return next((cls for cut, cls in cut_offs if z > cut), GrowthClass.NORMAL)


def growth_result(indicator: GrowthIndicator, value: float, lms: Lms, age_days: int) -> GrowthResult:
    restricted = indicator is not GrowthIndicator.HEIGHT_FOR_AGE
    z = round(lms_z(value, lms, restricted=restricted), 2)
    reference = "WHO 2006" if age_days <= UNDER_FIVE_DAYS else "WHO 2007"
    return GrowthResult(indicator, z, growth_class(indicator, z, age_days), reference)
