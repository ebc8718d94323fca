"""The shipped PL01 definitions (issue 18, point 1): generated from the field list and our choices, every field of
every campaign form accounted for, forms 3–5 loaded but outside the campaign (docs/PL01.md)."""
from __future__ import annotations

import csv
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from station_app.core.checkup_book import HISTORY_ITEMS
from station_app.core.model import MeasureCode, Specialty
from station_app.core.pl01 import CAMPAIGN_FORMS, DESKS, INPUTS, OCCUPATIONAL_FORMS, CodeList, Pl01DataError
from station_app.persistence import tables
from station_app.services.common import pl01_forms

ROOT = Path(__file__).resolve().parents[3]
PL01 = ROOT / "resources" / "reference" / "pl01"
SCRIPT = ROOT / "scripts" / "build_pl01_forms.py"


def _build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8",
                          cwd=ROOT, timeout=120)


def _rows(name: str) -> list[dict[str, str]]:
    with (PL01 / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ---------------------------------------------------------------------------------------------- generator

def test_the_committed_definitions_are_what_the_generator_makes():
    done = _build("--check")
    assert done.returncode == 0, done.stderr


@pytest.fixture
def copy(tmp_path):
    folder = tmp_path / "pl01"
    shutil.copytree(PL01, folder)
    return folder


def _edit(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    names = list(rows[0])
    rows = change(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_corrected_field_list_changes_the_data_and_check_says_so(copy):
    def relabel(rows):
        for r in rows:
            if r["form_no"] == "2" and r["code"] == "NHOM_MAU":
                r["size"] = "3"
        return rows
    _edit(copy / "fields.csv", relabel)
    done = _build("--check", "--folder", str(copy))
    assert done.returncode == 1 and "form_2.json" in done.stderr and "form_1.json" not in done.stderr
    assert _build("--folder", str(copy)).returncode == 0
    assert _build("--check", "--folder", str(copy)).returncode == 0
    assert '"size": 3' in (copy / "forms" / "form_2.json").read_text(encoding="utf-8")


def test_a_new_code_without_a_choice_is_refused_by_name(copy):
    def add(rows):
        return rows + [dict(rows[0], tt="999", code="MA_MOI", name_vi="Trường mới")]
    _edit(copy / "fields.csv", add)
    done = _build("--folder", str(copy))
    assert done.returncode == 2 and "MA_MOI (form 1)" in done.stderr


def test_a_choice_for_a_code_no_longer_listed_is_refused_by_name(copy):
    _edit(copy / "fields.csv", lambda rows: [r for r in rows if r["code"] != "TOC"])
    done = _build("--folder", str(copy))
    assert done.returncode == 2 and "TOC" in done.stderr


def test_an_unknown_desk_is_refused_with_the_field(copy):
    def wrong(rows):
        for r in rows:
            if r["code"] == "CHIEU_CAO":
                r["desk"] = "pharmacy"
        return rows
    _edit(copy / "choices.csv", wrong)
    done = _build("--folder", str(copy))
    assert done.returncode == 2 and "CHIEU_CAO" in done.stderr and "pharmacy" in done.stderr


# ---------------------------------------------------------------------------------------------- coverage

def _problems(field) -> str | None:
    if not field.collected:
        return None if field.not_collected.strip() else "not collected without a reason"
    if field.desk not in DESKS:
        return f"desk {field.desk!r}"
    if field.input not in INPUTS:
        return f"input {field.input!r}"
    if not field.fhir:
        return "no FHIR mapping"
    return None


def test_every_code_of_every_campaign_form_is_mapped_or_not_collected_with_a_reason():
    offenders = [f"form {form.number} {f.code} (tt {f.tt}): {problem}" for form in pl01_forms.campaign_forms()
                 for f in form.fields if (problem := _problems(f))]
    assert offenders == []


def test_a_field_not_recorded_today_has_its_desk_to_be_built():
    """A collected field without station data is a planned desk's (the doctor's parts, the laboratory, the child's
    measurements and milestones): its desk and input say what that desk will ask."""
    for form in pl01_forms.campaign_forms():
        for f in form.fields:
            if f.collected and not f.station_field:
                assert f.desk and f.input, f"form {form.number} {f.code}"


def test_forms_3_to_5_load_but_are_outside_the_campaign():
    for number in OCCUPATIONAL_FORMS:
        form = pl01_forms.form(number)
        assert not form.in_campaign and "outside the free campaign" in form.not_in_campaign_reason
        assert form.fields and form.unmapped() == ()
    assert [f.number for f in pl01_forms.campaign_forms()] == list(CAMPAIGN_FORMS)
    assert all(f.in_campaign for f in pl01_forms.campaign_forms())
    assert len(pl01_forms.forms()) == 17


def test_every_form_has_the_fields_of_the_transcription_in_its_order():
    fields = _rows("fields.csv")
    for form in pl01_forms.forms():
        rows = [r for r in fields if int(r["form_no"]) == form.number]
        assert [(f.tt, f.code) for f in form.fields] == [(int(r["tt"]), r["code"]) for r in rows]
    assert sum(len(f.fields) for f in pl01_forms.forms()) == len(fields) == 1734


def test_every_code_list_of_the_transcription_and_of_our_choices_parses():
    broken = []
    for name, column in (("fields.csv", "codes"), ("choices.csv", "codes")):
        for r in _rows(name):
            try:
                CodeList.parse(r[column])
            except Pl01DataError as e:
                broken.append(f"{name} {r['code']}: {e}")
    assert broken == []


def test_the_field_list_is_shipped_as_the_shared_reference_gave_it():
    """The shipped copy is the shared reference byte for byte: its SHA-256 is the one SOURCES.md records (and, where
    the shared folder is beside the checkout, the shared file's own)."""
    shipped = hashlib.sha256((PL01 / "fields.csv").read_bytes()).hexdigest()
    assert f"`{shipped}`" in (ROOT / "resources" / "reference" / "SOURCES.md").read_text(encoding="utf-8")
    shared = ROOT.parent / "shared" / "reference" / "qd1551_pl01_fields.csv"
    if shared.exists():
        assert shipped == hashlib.sha256(shared.read_bytes()).hexdigest()


# ------------------------------------------------------------------------------------------ sizes, types

def test_sizes_and_types_read_right():
    adult = pl01_forms.form(2)
    age = adult.field("TUOI")  # Số 3
    assert (age.type, age.size, age.is_number) == ("Số", 3, True)
    assert age.limits[1] <= 999
    assert adult.field("KET_LUAN").size is None  # "n": no stated limit
    assert adult.field("MA_CSKCB").size == 5 and adult.field("MA_GTIN_CSKCB").size == 13
    weight = adult.field("CAN_NANG")  # a number written as text (Chuỗi 10) in the transcription
    assert weight.type == "Chuỗi" and weight.input == "number" and weight.limits == (1.5, 250)
    height = adult.field("CHIEU_CAO")
    assert height.accepts("165") and not height.accepts("400")
    assert adult.field("PHAN_LOAI_SK").codes.label("1").startswith("Loại I")
    assert adult.field("NGUON_KINH_PHI").codes.label("2") == "Ngân sách Địa phương"
    assert len(adult.field("DOI_TUONG").codes) == 14


def test_every_number_field_of_a_campaign_form_keeps_within_its_pl01_size():
    for form in pl01_forms.campaign_forms():
        for f in form.fields:
            if f.collected and f.is_number and f.size and f.input == "number":
                assert f.limits[1] is not None and f.limits[1] <= 10 ** f.size - 1, f"form {form.number} {f.code}"


def test_a_field_repeated_in_a_form_keeps_each_row():
    preschool = pl01_forms.form(14)
    assert [f.tt for f in preschool.fields if f.code == "CHIEU_CAO"] == [54, 58, 63]
    assert preschool.codes.count("CHIEU_CAO") == 1


def test_vaccinations_of_the_childrens_forms_are_asked_with_the_milestones_and_the_pupils_at_vital_signs():
    assert pl01_forms.form(9).field("TIEM_CHUNG_BAI_LIET_L1").desk == "child_development"  # a per-form choice
    assert pl01_forms.form(15).field("TIEM_CHUNG_BAI_LIET_L1").desk == "vitals"


def test_the_mapped_fields_of_the_adult_form():
    adult = pl01_forms.form(2)
    assert adult.field("HO_TEN").station_field == "resident.full_name"
    assert adult.field("CHIEU_CAO").fhir == "loinc:8302-2" and adult.field("CAN_NANG").fhir == "loinc:29463-7"
    assert adult.field("MACH").fhir == "loinc:8867-4"
    assert adult.field("NOI_KHOA_TUAN_HOAN").fhir == "pl01:NOI_KHOA_TUAN_HOAN"  # the local code system
    assert adult.field("KHAM_MAT_PL").specialty is Specialty.EYES
    assert "chữ ký số" in adult.field("CKS_BENH_VIEN").not_collected


# --------------------------------------------------------------------------- the station data named exists

_TABLES = {"resident": tables.ResidentRow, "visit": tables.VisitRow, "conclusion": tables.ConclusionRow,
           "consent": tables.ConsentRow, "counselling_note": tables.CounsellingNoteRow,
           "diagnosis": tables.DiagnosisRow, "finding": tables.FindingRow, "history_item": tables.HistoryItemRow}


def _exists(station_field: str) -> bool:
    columns = {name: set(row.__table__.columns.keys()) for name, row in _TABLES.items()}
    if station_field.startswith("measurement:"):
        return all(code in set(MeasureCode) for code in station_field.split(":", 1)[1].split("+"))
    if station_field.startswith("finding:"):
        specialty, _, column = station_field.split(":", 1)[1].partition(".")
        return specialty in set(Specialty) and column in columns["finding"]
    if station_field.startswith("history_item:"):
        item, _, column = station_field.split(":", 1)[1].partition(".")
        return item in {i.code for i in HISTORY_ITEMS} and (not column or column in columns["history_item"])
    table, _, column = station_field.partition(".")
    return table in columns and (column in columns[table] or (table, column) == ("resident", "target_groups"))


def test_every_station_field_named_is_data_the_station_has():
    named = {f.station_field for form in pl01_forms.forms() for f in form.fields if f.station_field}
    assert named and sorted(s for s in named if not _exists(s)) == []


def test_a_preschool_childs_vision_and_blood_pressure_are_asked_only_when_the_child_is_old_enough():
    preschool, primary = pl01_forms.form(14), pl01_forms.form(15)
    for code in ("KHONG_KINH_MAT_PHAI", "HA_TAM_THU"):
        assert not preschool.field(code).required and primary.field(code).required
