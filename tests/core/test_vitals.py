"""Clinical rules of vital signs: hard limits refuse, warnings ask, flags classify at each published boundary."""
import csv
import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.core import vitals as v
from station_app.core.model import MeasureCode as C
from station_app.core.model import Sex

ADULT = v.Subject(age_days=40 * 365, sex=Sex.MALE)
CSV_PATH = Path(__file__).resolve().parents[2] / "resources" / "reference" / "clinical_thresholds.csv"


def _csv(domain: str) -> list[dict[str, str]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["domain"] == domain]


# ------------------------------------------------------------------------------- constants match the CSV


def test_every_csv_row_keeps_its_source():
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        assert all(r["source"].strip() for r in csv.DictReader(fh))


def test_hard_limits_are_the_csvs_entry_limits():
    by_name = {"height": C.HEIGHT_CM, "weight": C.WEIGHT_KG, "pulse": C.PULSE, "SBP": C.SYSTOLIC,
               "DBP": C.DIASTOLIC, "temperature": C.TEMPERATURE_C, "respiratory rate": C.RESP_RATE,
               "SpO2": C.SPO2, "capillary glucose": C.GLUCOSE_MMOL, "waist": C.WAIST_CM, "vision": C.VISION_LEFT}
    rows = _csv("Entry_limits_proposal")
    assert {r["category"] for r in rows} == set(by_name)
    for row in rows:
        limits = v.HARD_LIMITS[by_name[row["category"]]]
        assert (limits.low, limits.high) == (float(row["lower"]), float(row["upper"])), row["category"]


def test_bmi_cut_offs_are_the_csvs_asia_pacific_rows():
    lowers = sorted(float(r["lower"]) for r in _csv("BMI_adult_AsiaPacific") if r["lower"])
    assert lowers == sorted(low for low, _ in v.BMI_ASIA_PACIFIC)


def test_bp_cut_offs_are_the_csvs_moh_rows():
    rows = {r["category"]: r["lower"] for r in _csv("BP_VN_MoH_2010")}
    names = {v.BpGrade.NORMAL: "normal", v.BpGrade.HIGH_NORMAL: "high-normal (tiền THA)",
             v.BpGrade.GRADE_1: "HTN grade 1", v.BpGrade.GRADE_2: "HTN grade 2", v.BpGrade.GRADE_3: "HTN grade 3"}
    for grade, systolic, diastolic in v.BP_GRADES:
        assert rows[names[grade]] == f"{systolic}/{diastolic}"
    assert rows["isolated systolic HTN"] == str(v.ISOLATED_SYSTOLIC[0])


def test_glucose_cut_offs_are_the_csvs():
    rule = _csv("Glucose_capillary_screening")[0]["rule"]
    assert f"fasting >={v.GLUCOSE_REFER[True]}" in rule and f"random >={v.GLUCOSE_REFER[False]}" in rule
    diabetes = {float(r["lower"]) for r in _csv("Glucose_VN_MoH_2020") if r["unit"] == "mmol/L"}
    assert {v.GLUCOSE_DIABETES[True], v.GLUCOSE_DIABETES[False]} <= diabetes


# ------------------------------------------------------------------------------------------- hard limits


@pytest.mark.parametrize("code, value", [
    (C.SYSTOLIC, 400), (C.HEIGHT_CM, 300), (C.WEIGHT_KG, 0.5), (C.TEMPERATURE_C, 45), (C.SPO2, 101),
    (C.GLUCOSE_MMOL, 40), (C.PULSE, 0), (C.VISION_LEFT, 10), (C.DIASTOLIC, 250), (C.RESP_RATE, float("nan")),
])
def test_impossible_values_are_refused_with_a_sentence(code, value):
    check = v.check_value(code, value, subject=ADULT)
    assert check.hard_error is not None and not check.ok
    text = check.hard_error.text()
    assert v.MEASURE_LABELS[code] in text and "{" not in text


def test_the_refusal_says_the_limits_and_what_to_do():
    text = v.check_value(C.HEIGHT_CM, 300, subject=ADULT).hard_error.text()
    assert "300 cm" in text and "40–230 cm" in text and "nhập lại" in text
    warning = v.check_value(C.VISION_LEFT, 1.8).warning
    assert warning.text().endswith("(thường từ 0 đến 1,5). Đo lại nếu cần, rồi xác nhận giá trị này.")
    assert "1.8" in warning.text(decimal_mark=".") and "1.5" in warning.text(decimal_mark=".")  # English


@pytest.mark.parametrize("systolic, diastolic", [(80, 80), (70, 90), (125, 120)])
def test_systolic_must_be_above_diastolic_by_ten(systolic, diastolic):
    assert v.check_value(C.DIASTOLIC, diastolic, others={C.SYSTOLIC: systolic}).hard_error is not None
    assert v.check_value(C.SYSTOLIC, systolic, others={C.DIASTOLIC: diastolic}).hard_error is not None


def test_swapped_pressures_say_so():
    text = v.check_value(C.SYSTOLIC, 80, others={C.DIASTOLIC: 120}).hard_error.text()
    assert "nhập ngược" in text


def test_the_message_translates_template_and_measure_label():
    check = v.check_value(C.SPO2, 40)
    english = {v.OUT_OF_LIMITS: "{measure} {value} impossible ({low}-{high})", v.MEASURE_LABELS[C.SPO2]: "Oxygen"}
    assert check.hard_error.text(lambda s: english.get(s, s)) == "Oxygen 40 % impossible (50-100 %)"


# ---------------------------------------------------------------------------------------------- warnings


@pytest.mark.parametrize("code, value", [
    (C.PULSE, 150), (C.PULSE, 45), (C.SPO2, 90), (C.TEMPERATURE_C, 38.5), (C.SYSTOLIC, 185), (C.SYSTOLIC, 85),
    (C.GLUCOSE_MMOL, 3.0), (C.GLUCOSE_MMOL, 15), (C.RESP_RATE, 30), (C.HEIGHT_CM, 135), (C.DIASTOLIC, 115),
])
def test_unusual_adult_values_ask_for_confirmation(code, value):
    check = v.check_value(code, value, subject=ADULT)
    assert check.hard_error is None and check.warning is not None
    assert "xác nhận" in check.warning.text()


@pytest.mark.parametrize("code, value", [
    (C.PULSE, 72), (C.SPO2, 98), (C.TEMPERATURE_C, 36.8), (C.SYSTOLIC, 150), (C.DIASTOLIC, 95),
    (C.GLUCOSE_MMOL, 6.0), (C.HEIGHT_CM, 160), (C.WEIGHT_KG, 55), (C.VISION_RIGHT, 1.0), (C.WAIST_CM, 85),
])
def test_usual_values_pass(code, value):
    assert v.check_value(code, value, subject=ADULT).ok


def test_a_childs_fast_pulse_and_breathing_are_usual_for_an_infant():
    baby = v.Subject(age_days=30, sex=Sex.FEMALE)
    assert v.check_value(C.PULSE, 150, subject=baby).ok
    assert v.check_value(C.RESP_RATE, 45, subject=baby).ok
    assert v.check_value(C.RESP_RATE, 60, subject=baby).warning is not None  # WHO IMCI fast breathing
    assert v.check_value(C.HEIGHT_CM, 55, subject=baby).ok  # a child's size is judged by z-scores


def test_weight_and_height_giving_an_unusual_bmi_ask_for_confirmation():
    check = v.check_value(C.WEIGHT_KG, 150, subject=ADULT, others={C.HEIGHT_CM: 150})  # BMI 66.7
    assert check.warning is not None and "BMI 66,7" in check.warning.text()
    assert "BMI 66.7" in check.warning.text(decimal_mark=".")
    assert v.check_value(C.HEIGHT_CM, 160, subject=ADULT, others={C.WEIGHT_KG: 30}).warning is not None  # 11.7
    assert v.check_value(C.WEIGHT_KG, 60, subject=ADULT, others={C.HEIGHT_CM: 165}).ok


# --------------------------------------------------------------------------------------------------- BMI


def test_bmi_is_computed_and_rounded_to_one_decimal():
    assert v.bmi(70, 175) == 22.9
    assert v.bmi(50, 160) == 19.5


@pytest.mark.parametrize("index, expected", [
    (18.4, v.BmiClass.UNDERWEIGHT), (18.5, v.BmiClass.NORMAL), (22.9, v.BmiClass.NORMAL),
    (23.0, v.BmiClass.OVERWEIGHT), (24.9, v.BmiClass.OVERWEIGHT), (25.0, v.BmiClass.OBESE_1),
    (29.9, v.BmiClass.OBESE_1), (30.0, v.BmiClass.OBESE_2), (45.0, v.BmiClass.OBESE_2),
])
def test_asia_pacific_bmi_classes_at_each_boundary(index, expected):
    assert v.bmi_class_adult(index) is expected


def test_waist_central_obesity_by_sex():
    assert v.waist_class_adult(90, Sex.MALE) is v.WaistClass.CENTRAL_OBESITY
    assert v.waist_class_adult(89.9, Sex.MALE) is v.WaistClass.NORMAL
    assert v.waist_class_adult(80, Sex.FEMALE) is v.WaistClass.CENTRAL_OBESITY
    assert v.waist_class_adult(80, Sex.UNKNOWN) is None


# ---------------------------------------------------------------------------------------- blood pressure


@pytest.mark.parametrize("systolic, diastolic, grade", [
    (119, 79, v.BpGrade.OPTIMAL), (120, 70, v.BpGrade.NORMAL), (110, 80, v.BpGrade.NORMAL),
    (129, 84, v.BpGrade.NORMAL), (130, 70, v.BpGrade.HIGH_NORMAL), (115, 85, v.BpGrade.HIGH_NORMAL),
    (139, 89, v.BpGrade.HIGH_NORMAL), (140, 80, v.BpGrade.GRADE_1), (120, 90, v.BpGrade.GRADE_1),
    (159, 99, v.BpGrade.GRADE_1), (160, 85, v.BpGrade.GRADE_2), (130, 100, v.BpGrade.GRADE_2),
    (179, 109, v.BpGrade.GRADE_2), (180, 95, v.BpGrade.GRADE_3), (150, 110, v.BpGrade.GRADE_3),
])
def test_bp_grades_at_each_boundary_the_higher_category_wins(systolic, diastolic, grade):
    assert v.bp_grade(systolic, diastolic) is grade


def test_isolated_systolic_hypertension_is_graded_by_the_systolic():
    result = v.blood_pressure([(165, 80), (163, 82)])
    assert result.isolated_systolic and result.grade is v.BpGrade.GRADE_2
    assert result.flags == {"bp_grade": "grade_2", "bp_isolated_systolic": "yes"}
    assert not v.blood_pressure([(165, 95), (163, 92)]).isolated_systolic


def test_two_close_readings_are_averaged():
    result = v.blood_pressure([(132, 84), (128, 80)])
    assert (result.systolic, result.diastolic, result.used) == (130, 82, (0, 1))
    assert result.grade is v.BpGrade.HIGH_NORMAL and not result.needs_third_reading


@pytest.mark.parametrize("second, needs_third", [((140, 80), False), ((141, 80), True), ((130, 91), True)])
def test_a_third_reading_when_the_two_differ_by_more_than_ten(second, needs_third):
    assert v.blood_pressure([(130, 80), second]).needs_third_reading is needs_third


def test_with_three_readings_the_last_two_are_averaged():
    result = v.blood_pressure([(170, 95), (150, 88), (146, 86)])
    assert (result.systolic, result.diastolic, result.used) == (148, 87, (1, 2))
    assert result.grade is v.BpGrade.GRADE_1 and not result.needs_third_reading


def test_one_reading_asks_for_a_second():
    result = v.blood_pressure([(120, 80)])
    assert result.needs_second_reading and result.systolic == 120
    with pytest.raises(ValueError):
        v.blood_pressure([])


# ------------------------------------------------------------------------------------------------ glucose


@pytest.mark.parametrize("value, fasting, klass, refer", [
    (5.5, True, v.GlucoseClass.NORMAL, False), (5.6, True, v.GlucoseClass.RAISED, True),
    (6.9, True, v.GlucoseClass.RAISED, True), (7.0, True, v.GlucoseClass.DIABETES_RANGE, True),
    (7.7, False, v.GlucoseClass.NORMAL, False), (7.8, False, v.GlucoseClass.RAISED, True),
    (11.1, False, v.GlucoseClass.DIABETES_RANGE, True), (7.0, None, v.GlucoseClass.NORMAL, False),
    (3.8, True, v.GlucoseClass.LOW, False), (3.9, False, v.GlucoseClass.NORMAL, False),
])
def test_capillary_glucose_referral(value, fasting, klass, refer):
    result = v.glucose(value, fasting=fasting)
    assert (result.klass, result.needs_referral) == (klass, refer)


def test_flags_are_json_codes_with_labels():
    flags = {**v.glucose(8.0, fasting=True).flags, **v.blood_pressure([(150, 95), (148, 93)]).flags}
    assert json.loads(json.dumps(flags)) == flags
    assert flags == {"glucose_class": "diabetes_range", "refer": "yes", "bp_grade": "grade_1"}
    assert v.flag_labels(flags) == ["Đường huyết ở ngưỡng đái tháo đường",
                                    "Cần chuyển tuyến xét nghiệm đường huyết tĩnh mạch", "Tăng huyết áp độ 1"]


# ------------------------------------------------------------------------------------------------- vision


@pytest.mark.parametrize("text, decimal", [
    ("10/10", 1.0), ("7/10", 0.7), ("6/12", 0.5), ("20/40", 0.5), ("0,3", 0.3), ("0.05", 0.05),
    ("abc", None), ("1/0", None), ("-1", None),
])
def test_vision_reads_vietnamese_and_snellen_notations(text, decimal):
    assert v.vision_decimal(text) == decimal


@pytest.mark.parametrize("acuity, klass", [
    (1.0, v.VisionClass.NORMAL), (0.5, v.VisionClass.NORMAL), (0.4, v.VisionClass.MILD),
    (0.3, v.VisionClass.MILD), (0.2, v.VisionClass.MODERATE), (0.1, v.VisionClass.MODERATE),
    (0.08, v.VisionClass.SEVERE), (0.04, v.VisionClass.BLINDNESS),
])
def test_vision_classes_icd11(acuity, klass):
    assert v.vision_class(acuity) is klass


# ----------------------------------------------------------------------------------------------- property


@given(st.sampled_from(list(C)), st.floats(allow_nan=True, allow_infinity=True),
       st.integers(min_value=0, max_value=120 * 366), st.sampled_from(list(Sex)),
       st.dictionaries(st.sampled_from([C.SYSTOLIC, C.DIASTOLIC, C.HEIGHT_CM, C.WEIGHT_KG]), st.floats()))
def test_any_float_gives_a_typed_verdict_never_an_exception(code, value, age_days, sex, others):
    check = v.check_value(code, value, subject=v.Subject(age_days, sex), others=others)
    assert not (check.hard_error and check.warning)
    for message in (check.hard_error, check.warning):
        assert message is None or "{" not in message.text()


@given(st.floats(1.5, 250), st.floats(1.5, 250), st.floats(40, 230))
def test_bmi_never_decreases_with_weight(w1, w2, height):
    low, high = sorted((w1, w2))
    assert v.bmi(low, height) <= v.bmi(high, height)


@given(st.lists(st.tuples(st.floats(50, 300), st.floats(20, 200)), min_size=1, max_size=3))
def test_bp_average_lies_between_the_readings_used(readings):
    result = v.blood_pressure(readings)
    used = [readings[i] for i in result.used]
    assert min(s for s, _ in used) - 1e-9 <= result.systolic <= max(s for s, _ in used) + 1e-9
    assert isinstance(result.grade, v.BpGrade) and math.isfinite(result.diastolic)


# ------------------------------------------------------------------------------------------- child growth


def test_lms_z_with_box_cox_power_and_log():
    lms = v.Lms(0.3487, 3.3464, 0.14602)  # WHO 2006 weight-for-age, boys, birth
    assert v.lms_z(3.3464, lms, restricted=True) == 0
    assert v.lms_z(v.lms_value(lms, -2.5), lms, restricted=True) == pytest.approx(-2.5)
    log_lms = v.Lms(0, 10, 0.1)
    assert v.lms_z(10 * math.exp(0.15), log_lms, restricted=False) == pytest.approx(1.5)


def test_restricted_z_beyond_three_sd_counts_in_the_two_to_three_sd_gap():
    lms = v.Lms(-0.5, 15, 0.1)
    sd3, sd2 = v.lms_value(lms, -3), v.lms_value(lms, -2)
    assert v.lms_z(sd3 - (sd2 - sd3) / 2, lms, restricted=True) == pytest.approx(-3.5)
    assert v.lms_z(sd3 - (sd2 - sd3) / 2, lms, restricted=False) < -3.5  # the raw LMS tail is longer


def test_lms_at_interpolates_and_stays_inside_the_table():
    rows = ((60.0, v.Lms(1, 100, 0.04)), (61.0, v.Lms(1, 102, 0.06)))
    assert v.lms_at(rows, 60.5) == v.Lms(1, 101, 0.05)
    assert v.lms_at(rows, 59.9) is None and v.lms_at(rows, 61.1) is None


@pytest.mark.parametrize("indicator, z, age_days, klass", [
    (v.GrowthIndicator.HEIGHT_FOR_AGE, -2.01, 400, v.GrowthClass.STUNTED),
    (v.GrowthIndicator.HEIGHT_FOR_AGE, -3.01, 4000, v.GrowthClass.SEVERELY_STUNTED),
    (v.GrowthIndicator.HEIGHT_FOR_AGE, -2.0, 400, v.GrowthClass.NORMAL),
    (v.GrowthIndicator.HEIGHT_FOR_AGE, 3.5, 400, v.GrowthClass.NORMAL),
    (v.GrowthIndicator.WEIGHT_FOR_AGE, -2.5, 400, v.GrowthClass.UNDERWEIGHT),
    (v.GrowthIndicator.WEIGHT_FOR_HEIGHT, -3.2, 400, v.GrowthClass.SEVERELY_WASTED),
    (v.GrowthIndicator.WEIGHT_FOR_HEIGHT, 1.5, 400, v.GrowthClass.POSSIBLE_RISK_OF_OVERWEIGHT),
    (v.GrowthIndicator.WEIGHT_FOR_HEIGHT, 2.5, 400, v.GrowthClass.OVERWEIGHT),
    (v.GrowthIndicator.BMI_FOR_AGE, 3.1, 1000, v.GrowthClass.OBESE),
    (v.GrowthIndicator.BMI_FOR_AGE, -2.5, 1000, v.GrowthClass.WASTED),
    (v.GrowthIndicator.BMI_FOR_AGE, 1.0, 3000, v.GrowthClass.NORMAL),
    (v.GrowthIndicator.BMI_FOR_AGE, 1.01, 3000, v.GrowthClass.OVERWEIGHT),
    (v.GrowthIndicator.BMI_FOR_AGE, 2.01, 3000, v.GrowthClass.OBESE),
    (v.GrowthIndicator.BMI_FOR_AGE, -2.5, 3000, v.GrowthClass.THIN),
    (v.GrowthIndicator.BMI_FOR_AGE, -3.5, 3000, v.GrowthClass.SEVERELY_THIN),
    (v.GrowthIndicator.BMI_FOR_AGE, 5.5, 3000, v.GrowthClass.IMPLAUSIBLE),
    (v.GrowthIndicator.HEIGHT_FOR_AGE, -6.5, 3000, v.GrowthClass.IMPLAUSIBLE),
    (v.GrowthIndicator.WEIGHT_FOR_AGE, 5.5, 400, v.GrowthClass.IMPLAUSIBLE),
])
def test_who_growth_classes(indicator, z, age_days, klass):
    assert v.growth_class(indicator, z, age_days) is klass


def test_growth_flags_have_labels():
    result = v.GrowthResult(v.GrowthIndicator.HEIGHT_FOR_AGE, -2.31, v.GrowthClass.STUNTED, "WHO 2006")
    assert result.flags == {"hfa_z": "-2.31", "hfa_class": "stunted"}
    assert v.flag_labels(result.flags) == ["Suy dinh dưỡng thể thấp còi"]
