"""What a visit still misses before it can be completed under QĐ 1551: every required field of its form that is
neither recorded nor marked, by desk; fields that do not apply to the person (a man's obstetric examination, a
child's milestones of another age band) never block."""
from station_app.core.pl01_answers import AnswerStatus, Pl01Value
from station_app.core.pl01_completion import Person, applies, missing, person_of, summary
from station_app.services.common.pl01_forms import form

ADULT, SMALL_CHILD = form(2), form(13)


def test_nothing_recorded_lists_every_required_field_by_desk():
    gaps = missing(ADULT, {}, Person("2", 46))
    assert {"reception", "vitals", "doctor:internal", "doctor:ent", "conclusion"} <= set(gaps)
    assert "CHIEU_CAO" in [f.code for f in gaps["vitals"]]
    assert all(f.required for fields in gaps.values() for f in fields)


def test_recorded_and_marked_fields_are_not_missing():
    values = {"CHIEU_CAO": Pl01Value("CHIEU_CAO", ("158",), AnswerStatus.RECORDED),
              "CAN_NANG": Pl01Value("CAN_NANG", (), AnswerStatus.REFUSED),
              "MACH": Pl01Value("MACH", (), AnswerStatus.NOT_DONE, "Máy hỏng"),
              "HUYET_AP": Pl01Value("HUYET_AP", (), AnswerStatus.BEFORE_1551)}
    vitals = [f.code for f in missing(ADULT, values, Person("1", 46)).get("vitals", [])]
    assert not {"CHIEU_CAO", "CAN_NANG", "MACH", "HUYET_AP"} & set(vitals)
    assert "KHONG_KINH_MAT_PHAI" in vitals


def test_the_obstetric_fields_apply_to_women_from_15_only():
    f = ADULT.field("KHAM_SAN_PHU_KHOA_PL")
    assert applies(f, Person("2", 30)) and not applies(f, Person("1", 30)) and not applies(f, Person("2", 12))


def test_a_childs_milestones_apply_only_in_its_age_band():
    three_year_block = next(f for f in SMALL_CHILD.fields if "từ 3 đến dưới 4 tuổi" in f.note)
    assert applies(three_year_block, Person("1", 3))
    assert not applies(three_year_block, Person("1", 5))
    gaps = missing(SMALL_CHILD, {}, Person("1", 5))
    assert three_year_block.code not in [f.code for fields in gaps.values() for f in fields]


def test_the_person_is_read_from_the_visits_own_values():
    values = {"GIOI_TINH": Pl01Value("GIOI_TINH", ("2",), AnswerStatus.RECORDED),
              "NGAY_SINH": Pl01Value("NGAY_SINH", ("2021-05-01",), AnswerStatus.RECORDED),
              "NGAY_VAO": Pl01Value("NGAY_VAO", ("2026-04-30T08:00",), AnswerStatus.RECORDED)}
    assert person_of(values) == Person("2", 4)


def test_the_summary_says_what_is_missing_by_desk_in_vietnamese():
    text = summary(missing(ADULT, {}, Person("1", 46)))
    assert "Đo chỉ số: " in text and "Chiều cao" in text and "Tai - Mũi - Họng: " in text
