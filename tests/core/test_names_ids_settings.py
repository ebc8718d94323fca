from hypothesis import given
from hypothesis import strategies as st

from station_app.core.ids import id_timestamp_ms, new_id
from station_app.core.names import normalise_name
from station_app.core.settings import CURRENT_VERSION, settings_from_dict


def test_names_fold_d_stroke_marks_and_case():
    assert normalise_name("ĐỖ Thị Ngọc Ánh") == "do thi ngoc anh"
    assert normalise_name("  Lò   Văn  Đức ") == "lo van duc"
    assert normalise_name("Giàng A Páo") == "giang a pao"


@given(st.text())
def test_normalised_names_are_plain_ascii_lower_case(text):
    out = normalise_name(text)
    assert out == normalise_name(out)
    assert "đ" not in out and out == out.lower()


def test_ids_are_unique_and_sort_by_creation_time():
    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    assert id_timestamp_ms(ids[-1]) >= id_timestamp_ms(ids[0])


def test_old_settings_are_upgraded_and_unknown_keys_kept():
    s = settings_from_dict({"version": 1, "lock_after_s": 600, "language": "en", "future_key": 3})
    assert s.version == CURRENT_VERSION
    assert s.idle_lock_minutes == 10 and s.language == "en"
    assert s.to_dict()["future_key"] == 3


def test_settings_with_wrong_types_fall_back_to_defaults():
    s = settings_from_dict({"version": 2, "language": "fr", "idle_lock_minutes": "soon"})
    assert s.language == "vi" and s.idle_lock_minutes == 5


def test_a_laptop_prints_slips_at_once_unless_its_settings_say_otherwise():
    assert settings_from_dict({"version": 2, "slip_size": "a6"}).slip_printing == "direct"  # an older file
    assert settings_from_dict({"version": 2, "slip_printing": "dialog"}).slip_printing == "dialog"
    assert settings_from_dict({"version": 2, "slip_printing": "fax"}).slip_printing == "direct"


def test_a_file_name_part_is_safe_and_short_whatever_the_roster_said():
    from station_app.core.names import file_name_part

    assert file_name_part("Bản Nà Khương") == "ban-na-khuong"
    assert file_name_part("../../etc/Đồng Tâm") == "etc-dong-tam"  # no folder can be named through it
    long = file_name_part("Bản " + "Nậm Khum " * 10_000)  # a roster's village of 90,000 characters
    assert 0 < len(long) <= 60 and not long.endswith("-")
