"""Two records sharing a name, a birth year and a village: one person, two people, or a person decides."""
import datetime as dt

from station_app.core.likeness import Likeness, agreement, identity, likeness


def person(**facts):
    values = dict(birth_date=None, sex=None, ethnic_code=None, household_code=None, guardian_name=None,
                  commune_code="03637", national_id=None, old_id_number=None, insurance=frozenset(), phone=None)
    return identity(**{**values, **facts})


def test_a_known_fact_that_disagrees_makes_two_people():
    xa = person(birth_date=dt.date(1938, 1, 4), sex="male", ethnic_code="35", phone="0912000001")
    for other in (dict(birth_date=dt.date(1938, 10, 24)), dict(sex="female"), dict(ethnic_code="08"),
                  dict(household_code="HK2"), dict(guardian_name="Giàng Thị Mai"), dict(commune_code="03640"),
                  dict(national_id="012038000001"), dict(insurance=frozenset({"0100000002"}))):
        both = dict(household_code="HK1", guardian_name="Sùng A Páo", national_id="012038000002",
                    insurance=frozenset({"0100000001"}))
        first = person(**{**both, "birth_date": dt.date(1938, 1, 4), "sex": "male", "ethnic_code": "35"})
        second = person(**{**both, "birth_date": dt.date(1938, 1, 4), "sex": "male", "ethnic_code": "35", **other})
        assert likeness(first, second) is Likeness.DIFFERENT, other
    assert likeness(xa, person()) is Likeness.WEAK


def test_a_telling_fact_in_common_makes_one_person_even_with_a_new_phone():
    day = dt.date(1938, 1, 4)
    assert likeness(person(birth_date=day, phone="0912000001"), person(birth_date=day, phone="0978000001")) \
        is Likeness.SAME
    assert likeness(person(household_code="hk 01"), person(household_code="HK 01", sex="male")) is Likeness.SAME
    assert likeness(person(phone="+84912000001"), person(phone="0912 000 001")) is Likeness.SAME
    assert likeness(person(insurance=frozenset({"HC4010000000022", "0000000022"})),
                    person(insurance=frozenset({"0000000022"}))) is Likeness.SAME


def test_a_phone_alone_never_makes_one_person_a_household_shares_one():
    father = person(phone="0912000001", sex="male", ethnic_code="35")
    son_without_sex = person(phone="0912 000 001", ethnic_code="35")  # same name and year, sex not written
    assert likeness(father, son_without_sex) is Likeness.WEAK
    assert likeness(person(phone="0912000001", birth_date=dt.date(1938, 1, 4)),
                    person(phone="0912000001")) is Likeness.WEAK


def test_only_name_year_and_village_is_weak_unless_both_say_exactly_the_same():
    assert likeness(person(sex="male"), person(sex="male", ethnic_code="08")) is Likeness.WEAK
    assert likeness(person(phone="0912000001"), person(phone="0912000002")) is Likeness.WEAK
    assert likeness(person(sex="male", ethnic_code="08"), person(sex="male", ethnic_code="08")) is Likeness.SAME
    assert likeness(person(sex="unknown"), person()) is Likeness.SAME  # "unknown" is not a fact


def test_the_closer_record_agrees_on_more():
    day = dt.date(1990, 5, 1)
    row = person(birth_date=day, sex="female", household_code="HK8")
    assert agreement(row, person(birth_date=day, sex="female", household_code="HK8")) > agreement(
        row, person(birth_date=day))
