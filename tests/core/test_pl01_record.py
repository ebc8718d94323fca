"""A visit's PL01 record as the national database reads it: the form's fields in its order, dates, numbers, blood
pressure and ICD-10 codes in PL01's formats, laboratory rows as a list, and a check that names each wrong or missing
value by its PL01 code."""
from station_app.core.pl01_answers import AnswerStatus, Pl01Value
from station_app.core.pl01_record import LAB_GROUP, record, validate
from station_app.services.common.pl01_forms import form

ADULT = form(2)


def v(code, *values, status=AnswerStatus.RECORDED, reason=None, items=()):
    if not values:
        return Pl01Value(code, (), status, reason)
    return Pl01Value(code, tuple(values), AnswerStatus.RECORDED, items=items or tuple(range(len(values))))


def values(**given):
    return {code: (val if isinstance(val, Pl01Value) else v(code, val)) for code, val in given.items()}


def test_the_fields_come_in_the_forms_order_each_code_once():
    rec = record(ADULT, {})
    codes = [e.code for e in rec.entries]
    assert codes[:4] == ["HO_TEN", "GIOI_TINH", "NGAY_SINH", "TUOI"]
    assert len(codes) == len(set(codes))
    assert "CKS_BENH_VIEN" not in codes  # not collected: the signature is applied on delivery


def test_dates_numbers_pressure_and_icd_codes_are_written_as_pl01_writes_them():
    rec = record(ADULT, values(NGAY_SINH="1980-03-07", NGAY_VAO="2026-11-23T08:05", NGAYCAP_CCCD="2021-06-30",
                               CAN_NANG="52.50", CHIEU_CAO="158.0", HUYET_AP="120/80",
                               KET_LUAN_BENH="i10, E11.9", GIOI_TINH="2"))
    assert rec.value("NGAY_SINH") == "198003070000"  # 12 characters: yyyyMMddHHmm
    assert rec.value("NGAY_VAO") == "202611230805"
    assert rec.value("NGAYCAP_CCCD") == "20210630"  # 8 characters: yyyyMMdd
    assert (rec.value("CAN_NANG"), rec.value("CHIEU_CAO")) == ("52.5", "158")
    assert rec.value("HUYET_AP") == "120/80"
    assert rec.value("KET_LUAN_BENH") == "I10;E11.9"


def test_a_birth_year_alone_fills_the_date_with_zeros():
    assert record(ADULT, values(NGAY_SINH="1980")).value("NGAY_SINH") == "198000000000"


def test_laboratory_rows_are_a_list_of_rows():
    rec = record(form(1), {"MA_CHI_SO": v("MA_CHI_SO", "Hemoglobin", "Glucose"),
                           "GIA_TRI": v("GIA_TRI", "13.5", "5.4"), "DON_VI_DO": v("DON_VI_DO", "g/dL", "mmol/L")})
    rows = rec.as_dict()[LAB_GROUP]
    assert rows == [{"MA_CHI_SO": "Hemoglobin", "GIA_TRI": "13.5", "DON_VI_DO": "g/dL"},
                    {"MA_CHI_SO": "Glucose", "GIA_TRI": "5.4", "DON_VI_DO": "mmol/L"}]
    assert "GIA_TRI" not in rec.as_dict()  # only inside the rows


def test_validation_names_every_missing_required_value_by_code():
    problems = validate(record(ADULT, values(GIOI_TINH="1", TUOI="46")))
    missing = {p.code for p in problems if p.kind == "missing"}
    assert {"HO_TEN", "CHIEU_CAO", "HUYET_AP", "PHAN_LOAI_SK", "TAI_TRAI_NOI_THUONG"} <= missing
    assert "NHOM_MAU" not in missing  # optional
    assert "KHAM_SAN_PHU_KHOA_PL" not in missing  # a man has no obstetric examination
    assert all("(" + p.code + ")" in p.message_vi for p in problems)


def test_a_refused_or_not_done_field_is_not_missing_and_keeps_its_mark():
    rec = record(ADULT, values(TAI_TRAI_NOI_THUONG=v("TAI_TRAI_NOI_THUONG", status=AnswerStatus.REFUSED),
                               HAM_TREN=v("HAM_TREN", status=AnswerStatus.NOT_DONE, reason="Không có đèn khám")))
    missing = {p.code for p in validate(rec) if p.kind == "missing"}
    assert not {"TAI_TRAI_NOI_THUONG", "HAM_TREN"} & missing
    marks = {e.code: e.mark for e in rec.entries if e.mark}
    assert marks == {"TAI_TRAI_NOI_THUONG": "từ chối", "HAM_TREN": "không làm: Không có đèn khám"}
    assert rec.marks()["HAM_TREN"] == {"trang_thai": "not_done", "ly_do": "Không có đèn khám"}


def test_values_out_of_the_list_too_long_or_out_of_limits_are_named():
    problems = {p.code: p.kind for p in validate(record(ADULT, values(
        GIOI_TINH="7", MA_DAN_TOC="123", CHIEU_CAO="12345678901", NGAY_VAO="hôm qua", PHAN_LOAI_SK="1")))}
    assert problems["GIOI_TINH"] == "not_in_list"
    assert problems["MA_DAN_TOC"] == "too_long"
    assert problems["CHIEU_CAO"] in ("too_long", "out_of_limits")
    assert problems["NGAY_VAO"] == "bad_format"
    assert "PHAN_LOAI_SK" not in problems
