"""The laboratory rows of forms 1 and 2 as answers: six codes per row sharing an item, rows numbered in the order
shown, a removed row's answers cleared, the common tests found by type-ahead without marks, and the capillary
glucose of the vital signs shown as a row with its screening conclusion."""
from station_app.core.pl01_answers import Answer
from station_app.core.pl01_laboratory import (
    CAPILLARY_GLUCOSE, GLUCOSE_ITEM, LAB_CODES, LabRow, answers_from_rows, find_tests, glucose_row, lab_changes,
    missing_parts, record_rows, rows_from_answers,
)


def _hb(value="125"):
    return LabRow("XN.HB", "718-7", value, "g/L", "", "Bình thường")


def test_a_row_is_one_answer_per_filled_code_with_the_rows_number():
    answers = answers_from_rows([LabRow("", "", ""), _hb(), LabRow("XN.NT_PRO", "20454-5", "âm tính")])
    assert {(a.code, a.item) for a in answers} == {
        ("MA_DICH_VU", 1), ("MA_CHI_SO", 1), ("GIA_TRI", 1), ("DON_VI_DO", 1), ("KET_LUAN", 1),
        ("MA_DICH_VU", 2), ("MA_CHI_SO", 2), ("GIA_TRI", 2)}
    assert rows_from_answers(answers) == [LabRow("XN.HB", "718-7", "125", "g/L", "", "Bình thường", 1),
                                          LabRow("XN.NT_PRO", "20454-5", "âm tính", item=2)]


def test_other_codes_among_the_answers_are_not_rows():
    answers = answers_from_rows([_hb()]) + [Answer("NHOM_MAU", "O")]
    assert len(rows_from_answers(answers)) == 1


def test_removing_the_first_row_renumbers_and_clears_what_is_left_over():
    stored = answers_from_rows([_hb(), LabRow("XN.NT_GLU", "25428-4", "âm tính")])
    new, cleared = lab_changes(stored, [LabRow("XN.NT_GLU", "25428-4", "âm tính")])
    assert {a.item for a in new} == {1}
    assert set(cleared) == {("DON_VI_DO", 1), ("KET_LUAN", 1), ("MA_DICH_VU", 2), ("MA_CHI_SO", 2), ("GIA_TRI", 2)}
    everything_removed, cleared_all = lab_changes(stored, [])
    assert everything_removed == [] and len(cleared_all) == len(stored)


def test_a_row_needs_its_test_and_its_value():
    assert missing_parts(LabRow("", "", "5")) == ("MA_DICH_VU",)
    assert missing_parts(LabRow("XN.HB", "718-7", " ")) == ("GIA_TRI",)
    assert missing_parts(_hb()) == ()


def test_type_ahead_finds_tests_without_marks_and_leaves_capillary_glucose_to_the_vitals_desk():
    found = find_tests("glu")
    assert [t.service for t in found] == ["XN.GLU_TM", "XN.NT_GLU"]
    assert CAPILLARY_GLUCOSE not in find_tests("duong huyet")
    assert [t.service for t in find_tests("protein")] == ["XN.NT_PRO"]
    assert find_tests("Hemoglobin")[0].unit == "g/L"
    assert find_tests("blood sugar", {"Glucose máu tĩnh mạch": "Venous blood sugar"})[0].service == "XN.GLU_TM"


def test_capillary_glucose_is_a_row_with_its_screening_conclusion():
    row = glucose_row(8.2, fasting=False)
    assert (row.service, row.index, row.value, row.unit, row.item) == ("XN.GLU_MM", "14743-9", "8.2", "mmol/L",
                                                                        GLUCOSE_ITEM)
    assert row.conclusion.startswith("Tăng")
    assert glucose_row(7.4, fasting=True).conclusion.startswith("Trong ngưỡng đái tháo đường")
    assert glucose_row(5.0, fasting=True).conclusion == "Bình thường"
    rows = record_rows(answers_from_rows([_hb()]), glucose_mmol=5.0, fasting=True)
    assert [r.service for r in rows] == ["XN.HB", "XN.GLU_MM"]  # as the record orders them
    assert [r.service for r in record_rows([], glucose_mmol=None, fasting=None)] == []

