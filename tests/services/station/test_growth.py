"""Growth z-scores against the WHO tables: SD lines as WHO prints them, z at the table's own SD values, classes."""
import pytest

from station_app.core.model import Sex
from station_app.core.vitals import GrowthClass, GrowthIndicator, lms_at, lms_value
from station_app.services.station.growth import growth_zscores, table

M, F = Sex.MALE, Sex.FEMALE
WFA, HFA, BFA, WFH = (GrowthIndicator.WEIGHT_FOR_AGE, GrowthIndicator.HEIGHT_FOR_AGE,
                      GrowthIndicator.BMI_FOR_AGE, GrowthIndicator.WEIGHT_FOR_HEIGHT)


def _day(months: int) -> int:
    return min(round(months * 30.4375), 1826)


# WHO 2006 z-score tables (weight-for-age, length/height-for-age, by month) and the WHO 2007 BMI-for-age
# cut-offs at 19 years (de Onis et al., Bull WHO 2007: +1 SD 25.4 boys / 25.0 girls, +2 SD 29.7), to 0.1.
@pytest.mark.parametrize("reference, indicator, sex, x, printed", [
    ("who2006", "wfa", M, _day(0), {-3: 2.1, -2: 2.5, 0: 3.3, 2: 4.4, 3: 5.0}),
    ("who2006", "wfa", M, _day(12), {-2: 7.7, 0: 9.6, 2: 12.0}),
    ("who2006", "wfa", M, _day(60), {-2: 14.1, 0: 18.3, 2: 24.2}),
    ("who2006", "wfa", F, _day(0), {-2: 2.4, 0: 3.2, 2: 4.2}),
    ("who2006", "wfa", F, _day(12), {-2: 7.0, 0: 8.9, 2: 11.5}),
    ("who2006", "wfa", F, _day(60), {-2: 13.7, 0: 18.2, 2: 24.9}),
    ("who2006", "hfa", M, _day(0), {-2: 46.1, 0: 49.9, 2: 53.7}),
    ("who2006", "hfa", F, _day(0), {-2: 45.4, 0: 49.1, 2: 52.9}),
    ("who2006", "hfa", M, _day(60), {-2: 100.7, 0: 110.0, 2: 119.2}),
    ("who2006", "hfa", F, _day(60), {-2: 99.9, 0: 109.4, 2: 118.9}),
    ("who2007", "bfa", M, 228, {1: 25.4, 2: 29.7}),
    ("who2007", "bfa", F, 228, {1: 25.0, 2: 29.7}),
])
def test_sd_lines_match_the_printed_who_tables(reference, indicator, sex, x, printed):
    lms = lms_at(table(reference, indicator, sex=sex), x)
    assert {z: round(lms_value(lms, z) + 1e-9, 1) for z in printed} == printed


@pytest.mark.parametrize("sex", [M, F])
@pytest.mark.parametrize("age_days", [0, 30, 365, 730, 731, 1000, 1826, 1857, 3652, 5000, 6939])
def test_a_child_on_the_tables_sd_lines_gets_those_z_scores(sex, age_days):
    reference, x = ("who2006", age_days) if age_days <= 1826 else ("who2007", age_days / 30.4375)
    for indicator in (WFA, HFA):
        lms = lms_at(table(reference, indicator.value, sex=sex), x)
        if lms is None:
            assert indicator is WFA and age_days > 3652  # WHO 2007 weight-for-age stops at 10 years
            continue
        for z in (-3, -2, 0, 1, 2, 3):
            kwargs = {"weight_kg": lms_value(lms, z)} if indicator is WFA else {"height_cm": lms_value(lms, z)}
            [result] = [r for r in growth_zscores(sex, age_days, **kwargs) if r.indicator is indicator]
            assert result.z == pytest.approx(z, abs=0.01)
            assert result.reference == ("WHO 2006" if reference == "who2006" else "WHO 2007")


def test_bmi_for_age_and_weight_for_height_at_the_median():
    height = lms_value(lms_at(table("who2006", "hfa", sex=F), 1000), 0)
    weight = lms_value(lms_at(table("who2006", "wfh", sex=F), height), 0)
    results = {r.indicator: r for r in growth_zscores(F, 1000, weight_kg=weight, height_cm=height)}
    assert results[WFH].z == 0 and results[WFH].klass is GrowthClass.NORMAL
    assert set(results) == {WFA, HFA, BFA, WFH}
    bmi_median = lms_value(lms_at(table("who2007", "bfa", sex=M), 150), 0)
    results = {r.indicator: r for r in growth_zscores(M, round(150 * 30.4375), weight_kg=bmi_median * 1.5 ** 2,
                                                      height_cm=150)}
    assert results[BFA].z == pytest.approx(0, abs=0.01) and WFH not in results and WFA not in results


def test_weight_beyond_three_sd_uses_whos_restricted_scale():
    lms = lms_at(table("who2006", "wfa", sex=M), 365)
    sd2, sd3 = lms_value(lms, 2), lms_value(lms, 3)
    [result] = [r for r in growth_zscores(M, 365, weight_kg=sd3 + (sd3 - sd2)) if r.indicator is WFA]
    assert result.z == pytest.approx(4, abs=0.01)


def test_a_stunted_underweight_toddler_is_classed():
    height = lms_value(lms_at(table("who2006", "hfa", sex=M), 800), -2.5)
    weight = lms_value(lms_at(table("who2006", "wfa", sex=M), 800), -2.5)
    results = {r.indicator: r for r in growth_zscores(M, 800, weight_kg=weight, height_cm=height)}
    assert results[HFA].klass is GrowthClass.STUNTED and results[WFA].klass is GrowthClass.UNDERWEIGHT
    assert results[HFA].flags == {"hfa_z": f"{results[HFA].z:.2f}", "hfa_class": "stunted"}


def test_length_taken_standing_before_two_years_is_corrected():
    lying = growth_zscores(F, 400, height_cm=75.0, lying=True)[0].z
    assert growth_zscores(F, 400, height_cm=74.3, lying=False)[0].z == lying
    assert growth_zscores(F, 400, height_cm=75.0)[0].z == lying


def test_no_z_scores_for_adults_unknown_sex_or_no_measure():
    assert growth_zscores(M, 19 * 366, weight_kg=60, height_cm=170) == []
    assert growth_zscores(Sex.UNKNOWN, 400, weight_kg=9) == []
    assert growth_zscores(F, 400) == []
