"""Synthetic residents: deterministic, valid numbers, Vietnamese names, ages and groups that agree."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest

from station_app.core.model import MeasureCode, Sex, TargetGroup, VisitStatus
from station_app.core.names import normalise_name
from station_app.core.synthetic import (
    CommuneSpec,
    PopulationGenerator,
    SiteSpec,
    VisitPlanner,
    age_on,
    cccd_number,
)
from station_app.services.common.reference import communes, ethnic_groups

AS_OF = dt.date(2026, 3, 1)
COMMUNES = [CommuneSpec("03637", "Xã Mường Kim", 3.0), CommuneSpec("03640", "Xã Khoen On")]
VIETNAMESE_MARKS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def population(seed: int = 7, count: int = 3000):
    return list(PopulationGenerator(seed, COMMUNES, AS_OF).residents(count))


@pytest.fixture(scope="module")
def people():
    return population()


def test_the_same_seed_gives_the_same_people_and_another_seed_others():
    assert population(11, 500) == population(11, 500)
    assert [p.national_id for p in population(11, 500)] != [p.national_id for p in population(12, 500)]


def test_exactly_the_number_asked_for():
    assert len(population(3, 1)) == 1
    assert len(population(3, 1234)) == 1234


def test_national_ids_are_unique_and_follow_the_cccd_layout(people):
    numbers = [p.national_id for p in people if p.national_id]
    assert len(numbers) == len(set(numbers)) > 0.95 * len(people)
    for p in people:
        if p.national_id is None:
            continue
        assert re.fullmatch(r"\d{12}", p.national_id)
        century_sex = int(p.national_id[3])
        assert century_sex % 2 == (p.sex is Sex.FEMALE)
        assert 1900 + 100 * (century_sex // 2) + int(p.national_id[4:6]) == p.birth_year
    share_born_here = sum(p.national_id.startswith("012") for p in people if p.national_id) / len(numbers)
    assert share_born_here > 0.85


def test_cccd_number_layout():
    assert cccd_number("012", Sex.MALE, 1985, 42) == "012085000042"
    assert cccd_number("012", Sex.FEMALE, 2010, 123456) == "012310123456"


def test_insurance_numbers_are_unique_15_character_lai_chau_codes(people):
    numbers = [p.insurance_number for p in people if p.insurance_number]
    assert len(numbers) == len(set(numbers)) > 0.8 * len(people)
    assert all(re.fullmatch(r"[A-Z]{2}[1-5]12\d{10}", n) for n in numbers)
    assert all(p.insurance_number.startswith("TE1") for p in people
               if p.insurance_number and TargetGroup.CHILD_UNDER_6 in p.target_groups)


def test_names_carry_vietnamese_marks_and_their_normalised_form(people):
    with_marks = [p for p in people if VIETNAMESE_MARKS & set(p.full_name.lower())]
    assert len(with_marks) > 0.8 * len(people)
    assert all(p.name_norm == normalise_name(p.full_name) and p.name_norm.isascii() for p in people)
    surnames = {p.full_name.split()[0] for p in people}
    assert {"Lò", "Giàng", "Tẩn"} & surnames and "Nguyễn" in surnames


def test_ethnic_codes_come_from_the_reference_list_in_a_lai_chau_mix(people):
    known = {g.code for g in ethnic_groups()}
    assert {p.ethnic_code for p in people} <= known
    share = defaultdict(int)
    for p in people:
        share[p.ethnic_code] += 1 / len(people)
    assert share["03"] > 0.15 and share["08"] > 0.1 and share["01"] < 0.3


def test_target_groups_agree_with_age_and_ethnic_group(people):
    for p in people:
        age = age_on(p.birth_date, p.birth_year, AS_OF)
        groups = set(p.target_groups)
        assert 0 <= age <= 100
        assert (TargetGroup.ELDERLY in groups) == (age >= 60)
        assert (TargetGroup.CHILD_UNDER_6 in groups) == (age < 6)
        assert (TargetGroup.ETHNIC_MINORITY in groups) == (p.ethnic_code != "01")
        assert TargetGroup.PUPIL not in groups or 6 <= age <= 18
        # pupils from grade 1 are in the pupil group; children of a preschool (3–5 years) are on its roster too,
        # in the under-6 group
        assert (p.school is not None) == (TargetGroup.PUPIL in groups or (3 <= age <= 5 and "Mầm non" in (p.school or "")))
        assert not {TargetGroup.POOR, TargetGroup.NEAR_POOR} <= groups
        if p.birth_date is None:
            assert age >= 65  # only the elderly may have a year alone


def test_an_age_pyramid_of_a_young_mountain_province(people):
    ages = [age_on(p.birth_date, p.birth_year, AS_OF) for p in people]
    assert 0.2 < sum(a < 15 for a in ages) / len(ages) < 0.45
    assert 0.04 < sum(a >= 60 for a in ages) / len(ages) < 0.15


def test_households_share_village_commune_and_poverty_and_children_the_fathers_surname(people):
    households = defaultdict(list)
    for p in people:
        households[p.household_code].append(p)
    assert 2.5 < len(people) / len(households) < 6
    for members in households.values():
        assert len({(m.commune_code, m.village) for m in members}) == 1
        assert len({frozenset(m.target_groups) & {TargetGroup.POOR, TargetGroup.NEAR_POOR} for m in members}) == 1
    poor = sum(TargetGroup.POOR in h[0].target_groups for h in households.values()) / len(households)
    assert 0.1 < poor < 0.3
    guardians = {p.full_name for p in people}
    children = [p for p in people if p.guardian_name]
    assert children and sum(c.guardian_name in guardians for c in children) == len(children)


def test_villages_and_addresses_name_the_commune(people):
    assert {p.commune_code for p in people} == {"03637", "03640"}
    assert all(p.address.endswith(", Tỉnh Lai Châu") and p.village in p.address for p in people)
    assert any(p.village.startswith("Bản ") for p in people)


def test_generator_accepts_every_commune_of_the_reference_list():
    specs = [CommuneSpec(c.code, c.name) for c in communes()]
    people = list(PopulationGenerator(1, specs, AS_OF, villages_per_commune=3).residents(400))
    assert {p.commune_code for p in people} <= {c.code for c in communes()}


def planned_visits(people, seed: int = 7):
    sites = [SiteSpec(0, "03637"), SiteSpec(1, "03640")]
    planner = VisitPlanner(seed, sites, dt.date(2026, 3, 1), dt.date(2026, 10, 1), expected_visits=1800)
    return planner.visits_for(people[:1500]) + planner.visits_for(people[1500:])


def test_visits_are_deterministic_with_unique_queue_numbers_per_site_and_day(people):
    visits = planned_visits(people)
    assert visits == planned_visits(people)
    assert 0.5 < len(visits) / len(people) < 0.7
    keys = [(v.site_key, v.visit_date, v.queue_number) for v in visits]
    assert len(keys) == len(set(keys))
    assert all(dt.date(2026, 3, 1) <= v.visit_date <= dt.date(2026, 10, 1) and v.visit_date.weekday() < 6
               for v in visits)
    statuses = {v.status for v in visits}
    assert statuses == set(VisitStatus)
    assert sum(v.status is VisitStatus.COMPLETED for v in visits) > 0.7 * len(visits)


def test_visit_times_follow_the_queue_and_the_steps(people):
    by_day = defaultdict(list)
    for v in planned_visits(people):
        by_day[(v.site_key, v.visit_date)].append(v)
        if v.completed_at:
            assert v.registered_at < v.started_at < v.completed_at
        if v.status is VisitStatus.CANCELLED:
            assert v.cancelled_at and v.cancel_reason and not v.measurements
    for day_visits in by_day.values():
        in_queue_order = sorted(day_visits, key=lambda v: v.queue_number)
        assert [v.registered_at for v in in_queue_order] == sorted(v.registered_at for v in day_visits)


def test_vital_signs_are_plausible_for_age_and_sex(people):
    by_key = {p.key: p for p in people}
    for v in planned_visits(people):
        if v.status not in (VisitStatus.COMPLETED, VisitStatus.REFERRED):
            continue
        values = {(m.code, m.reading): m.value for m in v.measurements}
        person = by_key[v.resident_key]
        age = age_on(person.birth_date, person.birth_year, v.visit_date)
        height, weight = values[(MeasureCode.HEIGHT_CM, 1)], values[(MeasureCode.WEIGHT_KG, 1)]
        assert (40 <= height <= 80) if age == 0 else (130 <= height <= 195) if age >= 18 else (60 <= height <= 195)
        assert 10 <= weight / (height / 100) ** 2 <= 45
        assert 34.5 <= values[(MeasureCode.TEMPERATURE_C, 1)] <= 38.5
        assert 40 <= values[(MeasureCode.PULSE, 1)] <= 180
        if age >= 16:
            systolic, diastolic = values[(MeasureCode.SYSTOLIC, 1)], values[(MeasureCode.DIASTOLIC, 1)]
            assert 85 <= systolic <= 230 and 50 <= diastolic <= systolic - 20
        else:
            assert (MeasureCode.SYSTOLIC, 1) not in values
