"""The check-up book's rules: items and specialties by sex, worst class, override, topics, missing parts."""
from station_app.core import checkup_book as book
from station_app.core.checkup_book import Topic
from station_app.core.icd10 import parse_choice, search
from station_app.core.model import HealthClass, Sex, Specialty
from station_app.services.common.reference import icd10_codes


def test_pregnancy_is_asked_of_women_only():
    assert "pregnant" in [i.code for i in book.history_items(Sex.FEMALE)]
    assert "pregnant" not in [i.code for i in book.history_items(Sex.MALE)]


def test_obgyn_for_women_from_fifteen_in_book_order():
    assert book.specialties(Sex.FEMALE, 40)[-1] == Specialty.OBGYN
    assert Specialty.OBGYN not in book.specialties(Sex.MALE, 40)
    assert Specialty.OBGYN not in book.specialties(Sex.FEMALE, 8)
    assert book.specialties(Sex.MALE)[0] == Specialty.INTERNAL


def test_worst_class_wins_and_other_choice_needs_reason():
    assert book.overall_class(["I", HealthClass.III, None, "II"]) == HealthClass.III
    assert book.overall_class([None]) is None
    assert book.override_needs_reason(HealthClass.III, HealthClass.II)
    assert not book.override_needs_reason(HealthClass.III, HealthClass.III)


def test_flags_suggest_topics():
    flags = {"bmi_class": "obese_1", "bp_grade": "grade_2", "refer": "yes"}
    assert book.suggested_topics(flags) == (Topic.NUTRITION, Topic.PHYSICAL_ACTIVITY, Topic.HYPERTENSION,
                                            Topic.DIABETES)
    assert book.suggested_topics(["hfa_class.stunted", "hfa_z.-2.40"]) == (Topic.CHILD_GROWTH,)
    assert book.suggested_topics({"bp_grade": "normal"}, history_yes=["tobacco"]) == (Topic.TOBACCO,)


def test_every_topic_has_a_label_and_a_cited_template():
    for topic in Topic:
        assert book.TOPIC_LABELS[topic] and "Theo" in book.TOPIC_TEMPLATES[topic]


def test_missing_parts_in_book_order():
    missing = book.missing_parts(has_vitals=False, has_history=True, classed_specialties=["internal"],
                                 required=book.specialties(Sex.MALE), has_conclusion=False)
    assert missing == ("vitals", "eyes", "ent", "dental", "skin", "surgery", "conclusion")
    assert book.part_label("eyes") == "Mắt" and book.part_label("vitals") == "Dấu hiệu sinh tồn"


def test_icd10_found_by_code_prefix_or_words_without_marks():
    codes = icd10_codes()
    assert 80 <= len(codes) <= 130
    assert search(codes, "tang huyet ap")[0].code == "I10"
    assert search(codes, "e11")[0].code == "E11"
    assert [c.code for c in search(codes, "M54")] == ["M54.2", "M54.5"]
    assert "H52.1" in [c.code for c in search(codes, "CẬN THỊ")]
    assert parse_choice("I10 – Tăng huyết áp vô căn (nguyên phát)", codes).code == "I10"
    assert search(codes, "  ") == []
