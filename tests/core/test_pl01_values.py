"""The station's own data read as PL01 values, without a database: codes converted through the one table, answers
typed at a desk winning over the station's guess, and a visit made before QĐ 1551 never given invented values."""
import datetime as dt

from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.core.pl01_values import StationData, relation_code, target_group_code, values
from station_app.services.common.pl01_forms import form


def data(**more):
    base = dict(visit_id="v-1", visit_date=dt.date(2026, 11, 23), started_at=dt.datetime(2026, 11, 23, 8, 5),
                before_1551=False, funding_source="health_insurance",
                resident={"full_name": "Lò Văn Pọm", "sex": "male", "birth_date": dt.date(1980, 11, 24),
                          "birth_year": 1980},
                measurements={"systolic": [130, 128], "diastolic": [85, 80], "height_cm": [160.0],
                              "weight_kg": [64.0]},
                findings={"eyes": {"text": None, "health_class": "II", "no_abnormality": True}})
    return StationData(**{**base, **more})


def test_station_values_become_pl01_codes():
    got = values(form(2), data())
    assert got["GIOI_TINH"].first == "1" and got["NGUON_KINH_PHI"].first == "3"
    assert got["TUOI"].first == "45"  # one day before his 46th birthday
    assert got["NGAY_VAO"].first == "2026-11-23T08:05" and got["MA_LK"].first == "v-1"
    assert got["HUYET_AP"].first == "130/85"  # the first reading
    assert got["CHI_SO_BMI"].first == "25"  # worked out from height and weight
    assert (got["KHAM_MAT_PL"].first, got["BENH_KHAC_MAT"].first) == ("2", "Bình thường")


def test_a_desks_answer_wins_over_the_stations_guess():
    got = values(form(2), data(target_groups=("elderly",), answers=(Answer("DOI_TUONG", "13"),)))
    assert got["DOI_TUONG"].first == "13"


def test_target_groups_and_relations_follow_the_table():
    assert target_group_code(["ethnic_minority", "poor"]) == "3"
    assert target_group_code([]) == "14"
    assert (relation_code("Mẹ"), relation_code("bà ngoại"), relation_code("hàng xóm"), relation_code(" ")) == (
        "2", "3", "9", None)


def test_an_old_visit_keeps_what_it_had_and_marks_the_rest():
    got = values(form(2), data(before_1551=True))
    assert got["CHIEU_CAO"].first == "160"
    assert got["HAM_TREN"].status == AnswerStatus.BEFORE_1551 and not got["HAM_TREN"].present
    fresh = values(form(2), data())
    assert fresh["HAM_TREN"].status is None  # a new visit: simply not recorded yet
