"""The children's ratings of temperature, pulse and breathing by age, written in each form's own code list, and the
z-scores as PL01 text within the fields' limits."""
import pytest

from station_app.core.pl01_child_measures import (
    Finding, breathing_finding, child_values, pulse_finding, rating_code, temperature_finding, zscore_text,
)
from station_app.core.vitals import GrowthIndicator
from station_app.services.common.pl01_forms import form

MONTH = 30.4375


@pytest.mark.parametrize("celsius, finding", [(36.8, Finding.NORMAL), (37.5, Finding.FEVER),
                                              (35.4, Finding.HYPOTHERMIA)])
def test_temperature(celsius, finding):
    assert temperature_finding(celsius) is finding


@pytest.mark.parametrize("rate, months, finding", [
    (59, 1, Finding.NORMAL), (60, 1, Finding.FAST), (50, 3, Finding.FAST), (49, 11, Finding.NORMAL),
    (40, 12, Finding.FAST), (39, 30, Finding.NORMAL), (29, 6, Finding.SLOW), (21, 48, Finding.NORMAL),
])
def test_breathing_by_the_childs_age(rate, months, finding):
    assert breathing_finding(rate, round(months * MONTH) + 3) is finding


@pytest.mark.parametrize("pulse, months, finding", [(200, 1, Finding.NORMAL), (195, 6, Finding.FAST),
                                                    (90, 6, Finding.SLOW), (150, 36, Finding.FAST)])
def test_pulse_by_the_childs_age(pulse, months, finding):
    assert pulse_finding(pulse, round(months * MONTH) + 3) is finding


def test_each_form_writes_the_finding_in_its_own_list():
    six, seven, eight = (form(n).field("DGDHST_NHIET_DO").codes for n in (6, 7, 8))
    assert [rating_code(six, f) for f in (Finding.NORMAL, Finding.FEVER, Finding.HYPOTHERMIA)] == ["1", "2", "3"]
    assert [rating_code(seven, f) for f in (Finding.NORMAL, Finding.FEVER)] == ["1", "0"]
    assert [rating_code(eight, f) for f in (Finding.NORMAL, Finding.HYPOTHERMIA)] == ["1", "2"]
    assert rating_code(form(6).field("DGDHST_NHIP_THO").codes, Finding.SLOW) == "3"
    assert rating_code(form(6).field("DGDHST_MACH").codes, Finding.SLOW) is None  # form 6 has no slow pulse


def test_child_values_fill_only_the_forms_fields():
    z = {GrowthIndicator.HEIGHT_FOR_AGE: -2.345, GrowthIndicator.WEIGHT_FOR_AGE: 7.1}  # 7.1: beyond the limits
    values = child_values(form(8), z, {"temperature_c": 38.0, "pulse": 120, "resp_rate": 30}, 150)
    assert values == {"CHIEU_DAI_TUOI_SD": "-2.35", "DGDHST_NHIET_DO": "2", "DGDHST_MACH": "1", "DGDHST_NHIP_THO": "1"}
    assert "CHIEU_CAO_TUOI_SD" in child_values(form(13), z, {}, None)
    assert child_values(form(2), z, {"temperature_c": 39}, 20000) == {}
    assert zscore_text(0.004) == "0.00"
