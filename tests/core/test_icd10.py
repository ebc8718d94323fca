"""ICD-10 as the doctor searches it: the full WHO 2019 list shipped with the program, found by code or by name typed
without marks in Vietnamese or English, the Vietnamese quick list first, and an unknown code refused."""
import csv
import hashlib
import re

import pytest

from station_app.core.icd10 import Icd10Code, Icd10Index, search
from station_app.resources import resource
from station_app.services.common.reference import icd10_all, icd10_codes, icd10_index, icd10_names


@pytest.fixture(scope="module")
def index():
    return icd10_index()


def codes(found):
    return [c.code for c in found]


def test_the_full_who_list_is_shipped_and_the_quick_list_is_part_of_it():
    full = {c.code for c in icd10_all()}
    assert len(full) > 12_000
    assert {"A15.0", "Q90.9", "B18.10", "U07.1", "I10", "E11.9"} <= full
    assert all(re.fullmatch(r"[A-Z]\d\d(\.\d{1,2})?", code) for code in full)
    assert {c.code for c in icd10_codes()} <= full  # every quick-list code is a WHO 2019 code


def test_the_shipped_list_is_the_copy_sources_md_records():
    data = resource("reference", "icd10_who_2019.csv").read_bytes()
    assert hashlib.sha256(data).hexdigest() in resource("reference", "SOURCES.md").read_text(encoding="utf-8")
    with resource("reference", "icd10_who_2019.csv").open(encoding="utf-8", newline="") as fh:
        assert csv.DictReader(fh).fieldnames[:2] == ["code", "name_en"]


def test_by_code_prefix_with_or_without_the_dot_and_case(index):
    assert codes(index.search("e11", limit=3)) == ["E11", "E11.0", "E11.1"]
    assert codes(index.search("E11.9")) == ["E11.9"]
    assert codes(index.search("e119")) == ["E11.9"]
    assert codes(index.search(" q909 ")) == ["Q90.9"]  # outside the quick list


def test_by_vietnamese_name_without_marks_quick_list_first(index):
    assert index.search("tang huyet ap")[0].code == "I10"
    assert index.search("TĂNG HUYẾT ÁP")[0].code == "I10"
    assert "H52.1" in codes(index.search("can thi"))
    assert index.search("dai thao duong")[0].code in {"E10", "E11", "E14"}
    assert index.search("đái tháo đường")[0].name.startswith("Đái tháo đường")


def test_by_english_name_reaches_codes_outside_the_quick_list(index):
    found = index.search("down syndrome")
    assert "Q90.9" in codes(found)
    assert index.get("Q90.9").display == "Q90.9 – Down syndrome, unspecified"
    assert "A15.0" in codes(index.search("tuberculosis of lung", limit=50))
    assert codes(index.search("hypertens", limit=3))[:2] == ["I11", "I10"]  # quick-list codes before the others


def test_a_quick_list_code_is_shown_with_its_vietnamese_name(index):
    assert index.get("i10").name == "Tăng huyết áp vô căn (nguyên phát)"
    assert index.get("I10").name_en == "Essential (primary) hypertension"
    assert icd10_names()["K64"].startswith("Trĩ")


def test_a_completer_line_or_a_typed_code_is_recognised_and_an_unknown_code_is_not(index):
    assert index.parse_choice("I10 – Tăng huyết áp vô căn (nguyên phát)").code == "I10"
    assert index.parse_choice("a150").code == "A15.0"
    assert index.is_code("E11.9") and index.is_code("e119") and index.is_code("B18.10")
    assert not index.is_code("I84")  # haemorrhoids moved to K64 in ICD-10
    assert not index.is_code("X99.99") and not index.is_code("tang huyet ap") and not index.is_code("")
    assert index.search("   ") == [] and index.search("xyzzy") == []


def test_a_small_list_searched_directly_keeps_its_order():
    small = [Icd10Code("M54.2", "Đau vùng cổ"), Icd10Code("M54.5", "Đau thắt lưng"),
             Icd10Code("J00", "Viêm mũi họng cấp")]
    assert codes(search(small, "M54")) == ["M54.2", "M54.5"]
    assert codes(search(small, "dau")) == ["M54.2", "M54.5"]
    assert codes(Icd10Index(small, quick=["J00"]).search("m")) == ["J00"]  # "m": a word, not a code
