"""The PL01 forms in the pure core: which form a visit gets, code lists, limits from PL01 sizes (docs/PL01.md)."""
import datetime as dt

import pytest

from station_app.core.model import Specialty
from station_app.core.pl01 import (CAMPAIGN_FORMS, CodeList, FieldDefinition, Pl01DataError, check_field,
                                   choose_form, completed_months, form_from_dict)

D = dt.date


def _form(birth: dt.date, visit: dt.date, grade: int | None = None, at_school: bool = False) -> int:
    return choose_form(school_grade=grade, examined_at_school=at_school, birth_date=birth, visit_date=visit)


# ------------------------------------------------------------------------------------- from the user's side

def test_a_7_month_old_gets_form_9():
    assert _form(D(2026, 5, 10), D(2026, 12, 10)) == 9


def test_a_grade_10_pupil_examined_at_school_gets_form_17():
    assert _form(D(2010, 9, 1), D(2026, 12, 7), grade=10, at_school=True) == 17


def test_the_same_pupil_examined_at_the_commune_station_gets_form_1():
    assert _form(D(2010, 9, 1), D(2026, 12, 7), grade=10, at_school=False) == 1


def test_a_grandmother_gets_the_adult_form():
    assert _form(D(1950, 1, 1), D(2026, 12, 7)) == 2


def test_a_pupil_in_grade_5_and_one_in_grade_6_at_school_get_different_books_but_the_same_form_at_the_station():
    birth, visit = D(2015, 3, 3), D(2026, 12, 7)  # 11 years old: either grade happens
    assert _form(birth, visit, grade=5, at_school=True) == 15
    assert _form(birth, visit, grade=6, at_school=True) == 16
    assert _form(birth, visit, grade=5) == _form(birth, visit, grade=6) == 1
    assert _form(birth, visit, grade=None, at_school=True) == 1  # no grade in the roster: by age


def test_a_preschool_child_at_school_gets_form_14_from_3_months_to_under_6_years():
    assert _form(D(2022, 6, 1), D(2026, 12, 7), grade=0, at_school=True) == 14
    assert choose_form(3, 0, True) == 14
    assert choose_form(2, 0, True) == 7  # under 3 months: by age
    assert choose_form(71, 0, True) == 14
    assert choose_form(72, 0, True) == 1  # 6 years and still in preschool: by age
    assert choose_form(30, 0, False) == 13  # the same child at the commune station


# ------------------------------------------------------------------------------------------- boundaries

@pytest.mark.parametrize("months, form", [
    (0, 6), (1, 6), (2, 7), (3, 7), (4, 8), (6, 8), (7, 9), (9, 9), (10, 10), (12, 10), (13, 11), (18, 11),
    (19, 12), (23, 12), (24, 13), (71, 13), (72, 1), (215, 1), (216, 2), (1200, 2)])
def test_the_form_by_completed_months(months, form):
    assert choose_form(months) == form


def test_exact_month_birthdays_move_the_child_on_that_day():
    birth = D(2026, 3, 15)
    assert _form(birth, D(2026, 5, 14)) == 6  # 1 month 30 days
    assert _form(birth, D(2026, 5, 15)) == 7  # 2 months to the day
    assert _form(birth, D(2026, 7, 14)) == 7  # "2–3 months" holds until the day before 4 months
    assert _form(birth, D(2026, 7, 15)) == 8


def test_a_child_of_5_years_364_days_still_gets_form_13_and_form_1_on_the_6th_birthday():
    birth = D(2020, 12, 8)
    assert _form(birth, D(2026, 12, 7)) == 13
    assert _form(birth, D(2026, 12, 8)) == 1


def test_17_years_364_days_is_form_1_and_the_18th_birthday_is_form_2():
    birth = D(2008, 12, 8)
    assert _form(birth, D(2026, 12, 7)) == 1
    assert _form(birth, D(2026, 12, 8)) == 2
    assert _form(birth, D(2026, 12, 7), grade=12, at_school=True) == 17
    assert _form(birth, D(2026, 12, 8), grade=12, at_school=True) == 2  # adults get form 2 whatever their grade


def test_a_newborn_examined_on_its_birthday_gets_form_6():
    assert _form(D(2026, 12, 7), D(2026, 12, 7)) == 6


def test_month_ends_without_the_birth_day_complete_the_month_on_their_last_day():
    assert completed_months(D(2026, 1, 31), D(2026, 2, 27)) == 0
    assert completed_months(D(2026, 1, 31), D(2026, 2, 28)) == 1
    assert completed_months(D(2024, 2, 29), D(2025, 2, 28)) == 12
    assert completed_months(D(2008, 2, 29), D(2026, 2, 28)) == 216  # 18th birthday of a leap-day child
    assert _form(D(2008, 2, 29), D(2026, 2, 27)) == 1
    assert _form(D(2008, 2, 29), D(2026, 2, 28)) == 2


def test_the_campaign_never_chooses_an_occupational_form():
    chosen = {choose_form(m, g, s) for m in range(0, 300) for g in (None, 0, 1, 5, 6, 9, 10, 12) for s in (False, True)}
    assert chosen == set(CAMPAIGN_FORMS)


def test_impossible_inputs_are_refused():
    with pytest.raises(ValueError, match="before the birth date"):
        _form(D(2026, 12, 8), D(2026, 12, 7))
    with pytest.raises(ValueError, match="school grade"):
        choose_form(120, 13, True)
    with pytest.raises(ValueError, match="negative"):
        choose_form(-1)
    with pytest.raises(ValueError, match="birth date and the visit date"):
        choose_form(birth_date=D(2020, 1, 1))


# ------------------------------------------------------------------------------------------- code lists

def test_a_code_list_parses_in_its_order():
    codes = CodeList.parse("1=Cha;2=Mẹ;3=Ông/Bà;9=Khác")
    assert [c.code for c in codes] == ["1", "2", "3", "9"]
    assert codes.label("2") == "Mẹ" and "9" in codes and "4" not in codes
    assert CodeList.parse("") is None
    assert CodeList.parse("0=Không tiêm loại khác;1=Có tiêm loại khác").label("1") == "Có tiêm loại khác"


@pytest.mark.parametrize("text", ["1=Có;Không", "=Có", "1=", "1=Có;1=Không"])
def test_a_broken_code_list_is_named(text):
    with pytest.raises(Pl01DataError, match="code"):
        CodeList.parse(text)


# ----------------------------------------------------------------------------------------- sizes, types

def _field(**kw) -> FieldDefinition:
    base = dict(tt=1, code="X", section="", label="x", type="Số", size=3, desk="vitals", input="number")
    return FieldDefinition(**{**base, **kw})


def test_a_number_of_size_3_holds_at_most_999():
    f = _field()
    assert f.limits == (0, 999)
    assert f.accepts("999") and not f.accepts("1000") and not f.accepts("abc")


def test_our_limits_narrow_what_the_size_allows_never_widen_it():
    assert _field(low=25, high=250).limits == (25, 250)
    assert _field(size=2, high=250).limits == (0, 99)
    assert _field(type="Chuỗi", size=10, low=1.5, high=250).limits == (1.5, 250)  # CAN_NANG: a number as text


def test_a_code_of_the_list_is_accepted_beside_the_limits():
    weeks = _field(size=2, low=20, high=45, codes=CodeList.parse("99=Không có thông tin"))
    assert weeks.accepts(38) and weeks.accepts("99") and not weeks.accepts(50)


def test_codes_yes_no_and_text_are_checked_by_their_input():
    yes_no = _field(size=1, input="yesno", codes=CodeList.parse("0=Không;1=Có"))
    assert yes_no.accepts(1) and not yes_no.accepts(2)
    text = _field(type="Chuỗi", size=5, input="text")
    assert text.accepts("10/10") and not text.accepts("123456")
    assert _field(type="Chuỗi", size=None, input="text").accepts("x" * 5000)


def test_a_doctor_desk_names_a_specialty():
    assert _field(desk="doctor:ent").specialty is Specialty.ENT
    assert _field(desk="vitals").specialty is None


@pytest.mark.parametrize("change, message", [
    ({"desk": "pharmacy"}, "desk"), ({"input": "slider"}, "input"), ({"type": "Ngày"}, "type"),
    ({"low": 10, "high": 5}, "min"), ({"input": "code"}, "code list")])
def test_contradicting_choices_are_refused(change, message):
    with pytest.raises(Pl01DataError, match=message):
        check_field(_field(**change))


def test_a_field_not_collected_needs_no_desk():
    check_field(_field(desk="", input="", not_collected="only a hospital records it"))


def test_a_definition_is_built_from_plain_data():
    form = form_from_dict({"form": 9, "title": "t", "applies_to": "a", "in_campaign": True, "fields": [
        {"tt": 1, "code": "SINH_NON", "label": "Sinh non", "type": "Số", "size": 2, "desk": "doctor:internal",
         "input": "code", "codes": [["0", "Không"], ["1", "Có"], ["99", "Không có thông tin"]], "required": True},
        {"tt": 2, "code": "CKS_NGUOI_KET_LUAN", "label": "Chữ ký số", "type": "Chuỗi",
         "not_collected": "signature"}]})
    assert form.codes == ("SINH_NON", "CKS_NGUOI_KET_LUAN")
    assert form.field("SINH_NON").codes.label("99") == "Không có thông tin"
    assert form.unmapped() == ()
    assert list(form.by_desk()) == ["doctor:internal"]
    with pytest.raises(KeyError):
        form.field("HO_TEN")


def test_a_date_answer_is_a_real_day_written_yyyy_mm_dd_whatever_the_fields_size():
    from station_app.services.common.pl01_forms import form

    issued = form(2).field("NGAYCAP_CCCD")  # an 8-character PL01 field
    assert issued.accepts("2021-07-15")
    assert not issued.accepts("2021-02-30") and not issued.accepts("20210715") and not issued.accepts("15/07/2021")
