"""A child's PL01 measures on a real station database: a 5-month-old boy's length and weight give the z-scores the
WHO tables print for 5 months, the ratings are proposed from the vital signs (or the nurse's choice kept), the arm
and head circumferences are stored with their units, and a weight corrected later corrects its z-score."""
import datetime as dt

import pytest

from station_app.core.errors import ValidationError
from station_app.core.model import Sex
from station_app.services.common.pl01_forms import form
from station_app.services.station.pl01_child_measures import child_measure_values
from support.visits import open_visit

# WHO Child Growth Standards, boys at 5 months: weight-for-age -2 SD 6.1, median 7.5, +2 SD 9.3 kg;
# length-for-age -2 SD 61.7, median 65.9, +2 SD 70.1 cm.
ENTRIES = {"height_cm": 61.7, "weight_kg": 7.5, "temperature_c": 38.1, "pulse": 130, "resp_rate": 55}


@pytest.fixture
def infant(ctx, nurse):
    born = dt.date.today() - dt.timedelta(days=155)  # 5 completed months: form 8
    return open_visit(ctx, nurse, "Lò Văn An", year=born.year, sex=Sex.MALE, birth_date=born)


def _answers(ctx, visit):
    return {s.answer.code: s.answer for s in ctx.answers.answers(visit.id)}


def test_a_five_month_olds_length_and_weight_give_the_who_z_scores(ctx, nurse, infant):
    assert ctx.answers.visit_form(infant.id).number == 8
    ctx.exam.save_vitals(nurse, infant.id, entries=ENTRIES, confirmed_warnings=list(ENTRIES))
    measures = ctx.child_measures.save(nurse, infant.id, typed={"CHU_VI_VONG_CANH_TAY": "135",
                                                                  "VONG_DAU": "42,5"}, ratings={})
    stored = _answers(ctx, infant)
    assert float(stored["CHIEU_DAI_TUOI_SD"].value) == pytest.approx(-2, abs=0.15)
    assert float(stored["CAN_NANG_TUOI_SD"].value) == pytest.approx(0, abs=0.15)
    assert stored["CAN_NANG_TUOI_SD"].unit == "SD" and stored["CAN_NANG_TUOI_SD"].value.count(".") == 1
    assert (stored["CHU_VI_VONG_CANH_TAY"].value, stored["CHU_VI_VONG_CANH_TAY"].unit) == ("135", "mm")
    assert (stored["VONG_DAU"].value, stored["VONG_DAU"].unit) == ("42.5", "cm")
    # 38.1 °C is fever; 130/min a normal pulse and 55/min fast breathing at 5 months (form 8: 1 normal, 2 not)
    assert [stored[c].value for c in ("DGDHST_NHIET_DO", "DGDHST_MACH", "DGDHST_NHIP_THO")] == ["2", "1", "2"]
    assert {s.desk for s in ctx.answers.answers(infant.id)} == {"vitals"}
    assert measures.stored["VONG_DAU"] == "42.5"


def test_the_nurses_rating_is_kept_and_a_corrected_weight_corrects_its_z_score(ctx, nurse, infant):
    ctx.exam.save_vitals(nurse, infant.id, entries=ENTRIES, confirmed_warnings=list(ENTRIES))
    ctx.child_measures.save(nurse, infant.id, typed={}, ratings={"DGDHST_NHIP_THO": "1"})
    assert _answers(ctx, infant)["DGDHST_NHIP_THO"].value == "1"
    lighter = {**ENTRIES, "weight_kg": 6.1}
    lighter.pop("height_cm")
    ctx.exam.save_vitals(nurse, infant.id, entries=lighter, confirmed_warnings=list(lighter))
    ctx.child_measures.save(nurse, infant.id, typed={}, ratings={})
    stored = _answers(ctx, infant)
    assert float(stored["CAN_NANG_TUOI_SD"].value) == pytest.approx(-2, abs=0.15)
    assert "CHIEU_DAI_TUOI_SD" not in stored  # the length was removed: its z-score goes with it


def test_a_circumference_outside_its_limits_is_refused(ctx, nurse, infant):
    with pytest.raises(ValidationError) as refused:
        ctx.child_measures.save(nurse, infant.id, typed={"VONG_DAU": "425"}, ratings={})
    assert refused.value.data["key"] == "VONG_DAU"


def test_an_adults_visit_has_no_child_measures(ctx, nurse):
    adult = open_visit(ctx, nurse, year=1980)
    assert not ctx.child_measures.measures(adult.id).applies


def test_the_same_values_at_read_time_for_the_record():
    values = child_measure_values(form(8), ENTRIES, Sex.MALE, 155)
    assert float(values["CHIEU_DAI_TUOI_SD"]) == pytest.approx(-2, abs=0.15)
    assert values["DGDHST_NHIET_DO"] == "2"


def test_a_newborns_head_rating_is_the_nurses_choice(ctx, nurse):
    born = dt.date.today() - dt.timedelta(days=20)  # form 6
    newborn = open_visit(ctx, nurse, "Lò Thị Mai", year=born.year, sex=Sex.FEMALE, birth_date=born)
    measures = ctx.child_measures.measures(newborn.id)
    assert "DG_VONG_DAU" in [f.code for f in measures.rating_fields] and "DG_VONG_DAU" not in measures.proposed
    ctx.child_measures.save(nurse, newborn.id, typed={"VONG_DAU": "35"}, ratings={"DG_VONG_DAU": "1"})
    assert _answers(ctx, newborn)["DG_VONG_DAU"].value == "1"
