"""What a PL01 desk shows and accepts, without a window: the parts of a form, what K fills, what a typed value
becomes, what a save sends."""
from station_app.core.model import Specialty
from station_app.core.pl01_answers import Answer
from station_app.services.common.pl01_forms import form
from station_app.ui.exam import pl01_state as st

MAN = [s for s in Specialty if s is not Specialty.OBGYN]


def test_form_2_shows_internal_medicines_8_parts_each_with_its_class_and_no_obstetrics_for_a_man():
    parts = st.parts(st.desk_fields(form(2), st.DOCTOR, MAN, 45))
    internal = [p for p in parts if [f.code for f in p.fields][-1].startswith("NOI_KHOA_")]
    assert len(internal) == 8 and all(p.fields[1].code == p.fields[0].code + "_PL" for p in internal)
    assert not any(p.desk == "doctor:obgyn" for p in parts)
    assert any(p.desk == "doctor:obgyn" for p in st.parts(st.desk_fields(form(2), st.DOCTOR, list(Specialty), 45)))
    codes = {f.code for p in parts for f in p.fields}
    assert {"KHAM_THE_LUC_PL", "TAI_TRAI_NOI_THUONG", "HAM_TREN", "TSBT_MA_BENH"} <= codes
    assert "KHAM_NGOAI_KHOA_PL" not in codes  # a station field: the finding stays on the doctor's tab


def test_k_fills_only_the_empty_fields_of_the_part_with_their_normals():
    part = next(p for p in st.parts(st.desk_fields(form(2), st.DOCTOR, MAN, 45)) if p.fields[0].code == "NOI_KHOA_HO_HAP")
    assert st.normals(part, []) == {"NOI_KHOA_HO_HAP": "Bình thường", "NOI_KHOA_HO_HAP_PL": "1"}
    assert st.normals(part, ["NOI_KHOA_HO_HAP"]) == {"NOI_KHOA_HO_HAP_PL": "1"}


def test_a_number_is_stored_with_a_point_and_one_beyond_its_limits_is_refused_naming_the_field():
    hearing = form(2).field("TAI_TRAI_NOI_THUONG")
    assert st.parse(hearing, "0,5") == "0.5"
    refused = st.parse(hearing, "25")
    assert isinstance(refused, st.Refusal) and refused.values["field"] == hearing.label
    assert isinstance(st.parse(hearing, "năm"), st.Refusal)
    assert st.parse(hearing, "") == ""


def test_form_13_shows_only_the_milestones_of_the_childs_age_block():
    titles = [p.title for p in st.parts(st.desk_fields(form(13), st.CHILD, (), 4))]
    assert titles == ["Trẻ từ 4 đến dưới 5 tuổi", "Đánh giá tiêm chủng"]


def test_a_save_sends_each_desk_its_answers_and_what_was_emptied():
    fields = st.desk_fields(form(2), st.DOCTOR, MAN, 45)
    sent = st.changes(fields, [Answer("HAM_TREN", "Bình thường"), Answer("TAI_TRAI_NOI_THUONG", "5")],
                      [("doctor:dental", "HAM_DUOI", 0), ("doctor:ent", "TAI_TRAI_NOI_THUONG", 0)])
    by_desk = {c.desk: c for c in sent}
    assert by_desk["doctor:dental"].cleared == (("HAM_DUOI", 0),)
    assert by_desk["doctor:ent"].answers == (Answer("TAI_TRAI_NOI_THUONG", "5"),) and not by_desk["doctor:ent"].cleared
    assert st.from_draft(st.to_draft([Answer("HAM_TREN", "x")])) == [Answer("HAM_TREN", "x")]
