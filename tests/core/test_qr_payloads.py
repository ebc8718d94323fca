"""QR payloads of CCCD, BHYT and the visit slip. Every payload here is synthetic: never a real person's card."""
from __future__ import annotations

import ast
import csv
import datetime as dt
import re
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.core import qr_payloads
from station_app.core.cards import ScanKind, ScanResult, ScanWarning, SlipIdentity
from station_app.core.model import Sex
from station_app.core.names import clean_display_name
from station_app.core.qr_payloads import (
    CCCD_PROVINCE_CODES, ERROR_TEXT, NAME_MAX, WARNING_TEXT, clean_slip_text, encode_slip, parse_bytes,
    parse_payload, slip_check,
)

TODAY = dt.date(2026, 3, 15)
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "qr_payloads.tsv"
SAMPLES = {row["id"]: row for row in csv.DictReader(FIXTURE.open(encoding="utf-8"), delimiter="\t")}
W = ScanWarning
CCCD_OK = "001099012345||Nguyễn Văn An|15051999|Nam|Xã Mẫu, Huyện Mẫu, Tỉnh Lai Châu|20042021"
B1_FIELDS = SAMPLES["B1"]["payload"].split("|")
IDENTITY = ("national_id", "old_id", "insurance_number", "full_name", "birth_date", "birth_year", "sex", "address",
            "issued_on", "valid_from", "valid_to", "visit_id", "slip")

EXPECTED = {
    "C1": dict(kind=ScanKind.CCCD, national_id="001205000001", old_id=None, full_name="Nguyễn Văn Mẫu",
               birth_date=dt.date(2005, 10, 14), birth_year=2005, sex=Sex.MALE, address="Địa chỉ",
               issued_on=dt.date(2021, 5, 31), warnings=()),
    # C5: digits 4-6 "099" say a man born in 1999; the card says 2002.
    "C5": dict(kind=ScanKind.CCCD, national_id="001099012345", full_name="Nguyễn Văn An", birth_year=2002,
               sex=Sex.MALE, address="Xã Quảng Phú, Huyện Cư M'gar, Đắk Lắk", issued_on=dt.date(2021, 4, 20),
               warnings=(W.ID_BIRTH_YEAR_MISMATCH,)),
    # C6: "098" says a man born in 1998; the card says a woman born in 2000.
    "C6": dict(kind=ScanKind.CCCD, national_id="001098012345", full_name="NGUYỄN VĂN B", birth_year=2000,
               sex=Sex.FEMALE, address="Hà Nội", warnings=(W.ID_SEX_MISMATCH, W.ID_BIRTH_YEAR_MISMATCH)),
    "C7": dict(kind=ScanKind.CCCD, national_id="001090123456", old_id="012345678", full_name="NGUYEN VAN A",
               birth_date=dt.date(1990, 1, 1), sex=Sex.MALE, issued_on=dt.date(2021, 4, 15), warnings=()),
    "B1": dict(kind=ScanKind.BHYT, insurance_number="0111000001", full_name="Nguyễn Văn Mẫu",
               birth_date=dt.date(1988, 3, 29), sex=Sex.MALE, address=None, valid_from=dt.date(2023, 7, 1),
               valid_to=None, issued_on=dt.date(2023, 7, 31), warnings=(), extra_fields=()),
    "B2": dict(kind=ScanKind.BHYT, insurance_number="HS4010100000001", full_name="Vũ Văn Thử",
               birth_date=dt.date(2008, 9, 7), sex=Sex.MALE, address="Phường Mẫu, Quận Mẫu, Thành phố Hà Nội",
               valid_from=dt.date(2019, 1, 24), valid_to=None, issued_on=dt.date(2019, 1, 24), warnings=()),
}


def parse(text: str) -> ScanResult:
    return parse_payload(text, TODAY)


def check(result: ScanResult, **expected: object) -> None:
    assert {k: getattr(result, k) for k in expected} == expected


def bhyt(*changes: tuple[int, str], fields: list[str] = B1_FIELDS) -> str:
    out = list(fields)
    for index, value in changes:
        out[index] = value
    return "|".join(out)


def cccd(**fields: str) -> str:
    names = ["national_id", "old_id", "full_name", "birth_date", "sex", "address", "issued_on"]
    out = dict(zip(names, CCCD_OK.split("|")))
    return "|".join({**out, **fields}.values())


def assert_well_formed(result: ScanResult) -> None:
    """What every result promises: a set field has been checked, an unusable result says why."""
    if result.kind is ScanKind.UNKNOWN:
        assert result.error in ERROR_TEXT and all(getattr(result, k) is None for k in IDENTITY)
        return
    assert result.error is None
    assert bool(result.bad_fields) == bool({W.MALFORMED_FIELD, W.IMPLAUSIBLE_FIELD} & set(result.warnings))
    if W.MANGLED_TEXT in result.warnings:
        assert all(getattr(result, k) is None for k in IDENTITY)
    if result.national_id is not None:
        assert re.fullmatch(r"[0-9]{12}", result.national_id)
        assert result.kind is ScanKind.SLIP or result.national_id[:3] in CCCD_PROVINCE_CODES
    if result.old_id is not None:
        assert re.fullmatch(r"[0-9]{9}|[0-9]{12}", result.old_id)
    if result.insurance_number is not None:
        assert re.fullmatch(r"[A-Z]{2}[1-5][0-9]{12}|[0-9]{10}", result.insurance_number)
    if result.birth_date is not None:
        assert dt.date(1880, 1, 1) <= result.birth_date <= TODAY and result.birth_year == result.birth_date.year
    if result.full_name is not None:
        assert result.full_name and result.full_name == clean_display_name(result.full_name)
    if result.valid_from and result.valid_to:
        assert result.valid_from <= result.valid_to
    assert result.sex is None or isinstance(result.sex, Sex)
    if result.kind is ScanKind.SLIP:
        assert (result.slip is not None) == result.usable


# --- the samples --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sample_id", sorted(SAMPLES))
def test_every_sample_gives_its_fields_and_warnings(sample_id):
    sample = SAMPLES[sample_id]
    result = parse(sample["payload"])
    assert result.kind == ScanKind(sample["kind"])
    check(result, **EXPECTED[sample_id])
    assert result.raw == sample["payload"]
    assert_well_formed(result)


@pytest.mark.parametrize("sample_id", sorted(SAMPLES))
@pytest.mark.parametrize("wrap", ["{}\r", "{}\r\n", "{}\n", "  {}  ", "\ufeff{}\r\n"])
def test_scanner_line_endings_and_stray_spaces_change_nothing(sample_id, wrap):
    payload = SAMPLES[sample_id]["payload"]
    padded = "|".join(f" {field}  " for field in payload.split("|"))  # a tab inside a CCCD is implausible
    for text in (wrap.format(payload), wrap.format(padded)):
        result = parse(text)
        check(result, **EXPECTED[sample_id])
        assert result.raw == text  # kept as scanned, for the audit trail


def test_bytes_are_read_as_utf8_and_anything_else_is_unknown():
    check(parse_bytes(SAMPLES["C5"]["payload"].encode() + b"\r\n", TODAY), kind=ScanKind.CCCD, full_name="Nguyễn Văn An")
    result = parse_bytes(SAMPLES["C5"]["payload"].encode("cp1258", "replace"), TODAY)
    check(result, kind=ScanKind.UNKNOWN, error="not_utf8")
    assert result.raw.startswith("001099012345||")


# --- CCCD ---------------------------------------------------------------------------------------------------------

def test_cccd_fields_beyond_the_seventh_are_kept_raw():
    result = parse(CCCD_OK + "| 001099000001 |x|")
    check(result, kind=ScanKind.CCCD, extra_fields=("001099000001", "x", ""), warnings=())


@pytest.mark.parametrize("payload", [
    "001099012345|Nguyễn Văn An|15051999|Nam|Hà Nội|20042021",  # the 6-field layout some parsers document
    "001099012345||Nguyễn Văn An|15051999",
])
def test_short_cccd_layouts_are_not_cards(payload):
    check(parse(payload), kind=ScanKind.UNKNOWN, error="wrong_field_count")


@pytest.mark.parametrize("text, sex", [("Nam", Sex.MALE), ("NAM", Sex.MALE), ("Nữ", Sex.FEMALE), ("NỮ", Sex.FEMALE),
                                       ("Nu\u031b\u0303", Sex.FEMALE), ("Nu", Sex.FEMALE), ("nu", Sex.FEMALE)])
def test_cccd_sex_in_any_case_with_or_without_marks(text, sex):
    check(parse(cccd(sex=text, national_id="001199012345" if sex is Sex.FEMALE else "001099012345")), sex=sex,
          warnings=())


def test_cccd_names_are_composed_and_spaces_collapsed():
    decomposed = unicodedata.normalize("NFD", "  Nguyễn   Thị  Ánh ")
    check(parse(cccd(full_name=decomposed, national_id="001199012345", sex="Nữ")), full_name="Nguyễn Thị Ánh", warnings=())


def test_cccd_old_number_may_have_nine_or_twelve_digits():
    check(parse(cccd(old_id="012345678")), old_id="012345678", warnings=())
    check(parse(cccd(old_id="001099000001")), old_id="001099000001", warnings=())


@pytest.mark.parametrize("national_id, sex, born, warnings", [
    ("001205000001", "Nam", "14102005", ()),  # digit 2: a man born in the 2000s
    ("001305000001", "Nữ", "14102005", ()),  # digit 3: a woman born in the 2000s
    ("001105000001", "Nữ", "14101905", ()),
    ("001305000001", "Nam", "14102005", (W.ID_SEX_MISMATCH,)),
    ("001205000001", "Nam", "14101905", (W.ID_BIRTH_YEAR_MISMATCH,)),  # right digits, wrong century
    ("079099012345", "Nữ", "01011998", (W.ID_SEX_MISMATCH, W.ID_BIRTH_YEAR_MISMATCH)),
])
def test_id_number_consistency_is_a_warning_never_a_correction(national_id, sex, born, warnings):
    result = parse(cccd(national_id=national_id, sex=sex, birth_date=born))
    check(result, national_id=national_id, birth_year=int(born[4:]), warnings=warnings)
    assert result.usable


@pytest.mark.parametrize("field, value", [
    ("birth_date", "31022000"), ("birth_date", "1505199"), ("birth_date", "15052099"), ("birth_date", "01011850"),
    ("national_id", "00109901234"), ("national_id", "0010990123456"), ("national_id", "003099012345"),
    ("national_id", "1010990123450"), ("old_id", "12345678"), ("sex", "X"), ("sex", ""), ("full_name", ""),
    ("full_name", "Nguyễn <Văn> An"), ("issued_on", "20042"), ("issued_on", "01011990"),  # issued before birth
])
def test_malformed_cccd_fields_are_named_and_make_the_result_unusable(field, value):
    result = parse(cccd(**{field: value}))
    check(result, kind=ScanKind.CCCD, bad_fields=(field,))
    assert W.MALFORMED_FIELD in result.warnings and not result.usable
    assert getattr(result, field) is None
    assert_well_formed(result)


def test_all_63_provinces_and_only_them():
    assert len(CCCD_PROVINCE_CODES) == 63 and {"001", "012", "079", "096"} <= CCCD_PROVINCE_CODES
    assert not {"000", "003", "097", "099"} & CCCD_PROVINCE_CODES


# --- BHYT ---------------------------------------------------------------------------------------------------------

def test_bhyt_layouts_of_10_15_17_and_more_fields():
    fifteen = B1_FIELDS[:14] + ["$"]
    check(parse("|".join(fifteen)), kind=ScanKind.BHYT, insurance_number="0111000001", warnings=())
    check(parse("|".join(B1_FIELDS[:16] + ["later", "$"])), kind=ScanKind.BHYT, extra_fields=("later",))
    for count in (9, 11, 12, 13, 14, 16):
        result = parse("|".join(B1_FIELDS[:count - 1] + ["$"]))
        check(result, kind=ScanKind.UNKNOWN, error="wrong_field_count")


def test_bhyt_without_its_terminator_is_truncated():
    for cut in (len(B1_FIELDS) - 1, 9, 5):
        check(parse("|".join(B1_FIELDS[:cut])), kind=ScanKind.UNKNOWN, error="truncated")
    check(parse(SAMPLES["B2"]["payload"][:-1]), kind=ScanKind.UNKNOWN, error="truncated")


def test_bhyt_birth_year_alone_and_female():
    check(parse(bhyt((2, "1988"), (3, "2"))), birth_date=None, birth_year=1988, sex=Sex.FEMALE, warnings=())


def test_bhyt_validity_against_today():
    check(parse(bhyt((7, "14/03/2026"))), valid_to=dt.date(2026, 3, 14), warnings=(W.INSURANCE_EXPIRED,))
    check(parse(bhyt((7, "15/03/2026"))), warnings=())
    check(parse(bhyt((6, "16/03/2026"))), warnings=(W.INSURANCE_NOT_YET_VALID,))
    assert parse(bhyt((7, "14/03/2026"))).usable  # a warning for the nurse, the identity is still good


def test_bhyt_plain_text_name_is_accepted_and_question_marks_are_mangled():
    check(parse(bhyt((1, "Nguyen Van Mau"))), full_name="Nguyen Van Mau", warnings=())
    mangled = parse(bhyt((1, "l? v?n m?u")))
    check(mangled, kind=ScanKind.BHYT, warnings=(W.MANGLED_TEXT,), full_name=None, insurance_number=None)
    # the guardian's name (field 10) was once seen like that: it is not ours to read, so it does not matter
    check(parse(bhyt((10, "l? v?n m?u"))), full_name="Nguyễn Văn Mẫu", warnings=())


@pytest.mark.parametrize("index, value, field", [
    (0, "hs4010100000001", "insurance_number"), (0, "HS6010100000001", "insurance_number"),
    (0, "011100000", "insurance_number"), (2, "30/02/1988", "birth_date"), (2, "1850", "birth_date"),
    (2, "01/01/2027", "birth_date"), (3, "3", "sex"), (6, "-", "valid_from"), (7, "01/01/2020", "valid_to"),
    (8, "2023", "issued_on"), (1, "", "full_name"),
])
def test_malformed_bhyt_fields(index, value, field):
    result = parse(bhyt((index, value)))
    check(result, kind=ScanKind.BHYT, bad_fields=(field,))
    assert not result.usable
    assert_well_formed(result)


# --- mangled text -------------------------------------------------------------------------------------------------

def azerty(text: str) -> str:
    """What a US-keyboard scanner types into a French AZERTY layout: unshifted digit row, '|' on the µ key."""
    return text.translate(str.maketrans("0123456789|", "à&é\"'(-è_çµ"))


@pytest.mark.parametrize("payload", [
    cccd(full_name="Nguye64n Va8n An", address="Ha2 No65i"),  # VNI
    cccd(full_name="Nguyeenx Vawn An", address="Ha Noi"),  # Telex
    cccd(full_name="NGUYEEXN VAWN AN"),
    cccd(full_name="Hoangf Thij Lan", address="Xaax Phus, Huyeenj Tam Dduwowngf"),
    cccd(full_name="Nguy?n V?n An"),
    cccd(full_name="Nguyễn Văn \ufffdn"),
    cccd(full_name="Nguyn Vn An"),  # the letters with marks were dropped
    cccd(full_name="NguyÃªn VÄƒn An"),  # UTF-8 shown as Windows-1252
    cccd(full_name="Nguye\u0302\u0303\u0301n Văn An"),  # two tones on one letter
    cccd(full_name="\u0303Nguyen Van An"),
    cccd(address="Xa Mau, Huye65n Ta1m Ddu7o7ng2, Lai Cha6u"),
    "001099012345\\\\Nguyen Van An\\15051999\\Nam\\Ha Noi\\20042021",
    "001099012345¦¦Nguyen Van An¦15051999¦Nam¦Ha Noi¦20042021\r",
    "001099012345~~Nguyen Van An~15051999~Nam~Ha Noi~20042021",
    "001099012345Nguyen Van An15051999NamHa Noi20042021",  # the separator was dropped
    azerty("001099012345||Nguyen Van An|15051999|Nam|Ha Noi|20042021"),
])
def test_keyboard_mangled_cccd_is_recognised_and_carries_no_identity(payload):
    result = parse(payload)
    check(result, kind=ScanKind.CCCD, warnings=(W.MANGLED_TEXT,), national_id=None, full_name=None)
    assert not result.usable
    assert "chế độ cổng COM" in WARNING_TEXT[W.MANGLED_TEXT]


def test_keyboard_mangled_bhyt_is_recognised():
    check(parse(SAMPLES["B2"]["payload"].replace("|", "\\")), kind=ScanKind.BHYT, warnings=(W.MANGLED_TEXT,))


@pytest.mark.parametrize("name, address", [
    ("Nguyễn Văn An", "Hà Nội"), ("NGUYEN VAN A", "Ha Noi"), ("Lò Văn Páo", "Bản Mường So, Phong Thổ"),
    ("Giàng A Sử", "Xã Sìn Hồ"), ("Vàng Thị Mỷ", "Xã Mường Tè"), ("Tẩn Láo Lở", "Xã Bum Tở"),
    ("H Wơn Niê", "Buôn Ma Thuột"), ("KSOR Y DHAR", "Buon Ma Thuot"), ("H'Hen Niê", "x"), ("Y Moan Enuol", "x"),
    ("Nguyen Vaan An", "Ha Noi"),  # one Telex-like mark alone is not enough evidence
    ("Lucas Thomas", "Phuong 1, Quan 3"), ("Đỗ Thị Ngọc Ánh", "Tổ 5, Khu A1, Phường 12"),
    ("Trần Văn Bảy", "Số 12A ngõ 3, Phường Tân Phong"), ("Thạch Sóc", "Ấp 2"),
])
def test_real_names_are_not_taken_for_mangled_text(name, address):
    result = parse(cccd(full_name=name, address=address, national_id="001199012345", sex="Nữ"))
    check(result, full_name=name, address=address, warnings=())


# --- not a card -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload, error", [
    ("", "empty"), (" \r\n", "empty"), ("hello", "not_a_card"), ("https://example.org/?a=1|2", "not_a_card"),
    ("a|b|c|d|e|f|g|$", "not_a_card"), ("8934567890123", "not_a_card"), ("123|x", "not_a_card"),
])
def test_anything_else_is_unknown_with_a_reason(payload, error):
    check(parse(payload), kind=ScanKind.UNKNOWN, error=error, warnings=())


# --- the visit slip -----------------------------------------------------------------------------------------------

SLIP = SlipIdentity(visit_id="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", national_id="001099012345",
                    full_name="Nguyễn Văn An", birth_year=1999, sex=Sex.MALE, queue_number=42,
                    visit_date=dt.date(2026, 3, 15), site_code="LC-TT-01")
SLIP_TEXT = "KSK1|0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b|001099012345|Nguyễn Văn An|1999|M|42|20260315|LC-TT-01|"


def test_slip_format_is_stable():
    text = encode_slip(SLIP)
    assert text == SLIP_TEXT + slip_check(SLIP_TEXT[:-1]) and re.fullmatch(r".*\|[0-9A-F]{6}", text)
    assert len(text.encode()) <= 106  # fits a version 6 QR (41 modules) at level M: about 25 mm on a label


def test_slip_round_trip():
    result = parse(encode_slip(SLIP) + "\r\n")
    check(result, kind=ScanKind.SLIP, visit_id=SLIP.visit_id, national_id="001099012345", full_name="Nguyễn Văn An",
          birth_year=1999, sex=Sex.MALE, slip=SLIP, warnings=())
    assert result.usable


def test_slip_without_id_number_with_extras_and_a_pipe_in_the_name():
    slip = replace(SLIP, national_id=None, full_name=" Giàng A | Sử ", sex=Sex.UNKNOWN, extra={"grp": "a=b"})
    result = parse(encode_slip(slip))
    check(result, national_id=None, full_name="Giàng A Sử", sex=Sex.UNKNOWN)
    assert result.slip == replace(slip, full_name="Giàng A Sử")


@pytest.mark.parametrize("change", [
    lambda t: t.replace("|42|", "|43|"), lambda t: t.replace("An|", "Ân|"), lambda t: t.replace("|M|", "|F|"),
    lambda t: t[:-1] + ("1" if t.endswith("0") else "0"), lambda t: t.rsplit("|", 1)[0], lambda t: t[:40],
])
def test_damaged_slips_are_caught(change):
    check(parse(change(encode_slip(SLIP))), kind=ScanKind.UNKNOWN, error="slip_damaged")


def test_slip_of_another_version_and_with_a_bad_field():
    check(parse("KSK2|x|y|z"), kind=ScanKind.UNKNOWN, error="unsupported_slip")
    body = SLIP_TEXT[:-1].replace("|1999|", "|19x9|")
    result = parse(f"{body}|{slip_check(body)}")  # a well-sealed slip from a faulty printer
    check(result, kind=ScanKind.SLIP, bad_fields=("birth_year",), slip=None)
    assert not result.usable


@pytest.mark.parametrize("change", [dict(visit_id="a|b"), dict(visit_id=""), dict(national_id="123"),
                                    dict(full_name=" | "), dict(birth_year=99), dict(queue_number=-1),
                                    dict(extra={"a b": "x"})])
def test_slips_that_cannot_be_written_raise(change):
    with pytest.raises(ValueError):
        encode_slip(replace(SLIP, **change))


# --- texts for the nurse --------------------------------------------------------------------------------------------

def test_every_warning_and_error_has_a_vietnamese_sentence_marked_for_translation():
    assert set(WARNING_TEXT) == set(ScanWarning)
    tree = ast.parse(Path(qr_payloads.__file__).read_text(encoding="utf-8"))
    dicts = [n.value for n in ast.walk(tree) if isinstance(n, ast.AnnAssign) and isinstance(n.value, ast.Dict)]
    calls = [v for d in dicts for v in d.values]
    assert len(calls) == len(WARNING_TEXT) + len(ERROR_TEXT)
    assert all(isinstance(c, ast.Call) and c.func.id == "QT_TRANSLATE_NOOP" and c.args[0].value == "scan"
               for c in calls)
    assert all(text.endswith(".") and "Hãy" in text for text in [*WARNING_TEXT.values(), *ERROR_TEXT.values()])


def test_the_parser_loads_no_qt_database_or_decoder():
    code = ("import sys, station_app.core.qr_payloads; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'PySide6', 'sqlalchemy', 'zxingcpp', 'pyzbar', 'PIL', 'numpy', 'sqlite3'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- properties -----------------------------------------------------------------------------------------------------

FIELD_VALUES = st.one_of(
    st.text(max_size=12), st.sampled_from(["", "-", "$", "Nam", "Nữ", "1", "2", "01/01/2000", "1988", "31022000",
                                           "15051999", "001099012345", "HS4010100000001", "4e67c3a0", "Lò Văn Páo"]),
    st.from_regex(r"[0-9]{6,14}", fullmatch=True), st.from_regex(r"[0-9]{2}/?[0-9]{2}/?[0-9]{4}", fullmatch=True))
SAMPLE_FIELDS = st.sampled_from(sorted(SAMPLES)).map(lambda k: SAMPLES[k]["payload"].split("|"))


@st.composite
def damaged_samples(draw: st.DrawFn) -> str:
    fields = draw(SAMPLE_FIELDS)
    for _ in range(draw(st.integers(1, 3))):
        fields[draw(st.integers(0, len(fields) - 1))] = draw(FIELD_VALUES)
    return "|".join(fields)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), damaged_samples(), st.lists(FIELD_VALUES, max_size=20).map("|".join)))
def test_any_text_gives_a_well_formed_result(text):
    assert_well_formed(parse(text))


@settings(deadline=None)
@given(st.binary())
def test_any_bytes_give_a_well_formed_result(data):
    assert_well_formed(parse_bytes(data, TODAY))


@settings(deadline=None)
@given(st.integers(0, 62), st.dates(dt.date(1901, 1, 1), dt.date(2025, 12, 31)), st.sampled_from([Sex.MALE, Sex.FEMALE]),
       st.sampled_from([Sex.MALE, Sex.FEMALE]), st.integers(-1, 1))
def test_id_number_warnings_follow_digits_4_to_6(province, born, id_sex, card_sex, year_shift):
    code = sorted(CCCD_PROVINCE_CODES)[province]
    year = born.year + year_shift
    digit = 2 * ((year - 1900) // 100) + (id_sex is Sex.FEMALE)
    number = f"{code}{digit}{year % 100:02d}012345"
    result = parse(cccd(national_id=number, birth_date=born.strftime("%d%m%Y"), sex="Nam" if card_sex is Sex.MALE
                        else "Nữ", issued_on="15032026"))
    expected = (W.ID_SEX_MISMATCH,) * (id_sex != card_sex) + (W.ID_BIRTH_YEAR_MISMATCH,) * (year_shift != 0)
    check(result, national_id=number, birth_date=born, sex=card_sex, warnings=expected)


# what a name may hold: letters whose Unicode name starts with LATIN; other scripts are flagged (see below)
LATIN_LETTERS = st.sampled_from([ch for ch in map(chr, range(0x2000)) if ch.isalpha() and unicodedata.normalize(
    "NFC", ch) == ch and unicodedata.name(ch, "").startswith("LATIN")])  # up to Latin Extended Additional
SLIPS = st.builds(
    SlipIdentity, visit_id=st.one_of(st.uuids().map(str), st.from_regex(r"[A-Za-z0-9-]{1,64}", fullmatch=True)),
    national_id=st.one_of(st.none(), st.from_regex(r"[0-9]{12}", fullmatch=True)),
    full_name=st.text(st.one_of(LATIN_LETTERS, st.sampled_from(" '-.|\t\u202e\u200b")), min_size=1,
                      max_size=NAME_MAX).filter(clean_slip_text), birth_year=st.integers(1000, 9999),
    sex=st.sampled_from(Sex), queue_number=st.integers(0, 999_999), visit_date=st.dates(dt.date(1880, 1, 1)),
    site_code=st.text(max_size=12),
    extra=st.dictionaries(st.from_regex(r"[A-Za-z0-9_]{1,32}", fullmatch=True), st.text(max_size=8), max_size=3))


@settings(deadline=None)
@given(SLIPS)
def test_slips_round_trip_for_any_plausible_name(slip):
    text = encode_slip(slip)
    result = parse(text)
    cleaned = replace(slip, full_name=clean_slip_text(slip.full_name), site_code=clean_slip_text(slip.site_code),
                      extra={k: clean_slip_text(v) for k, v in slip.extra.items()})
    check(result, kind=ScanKind.SLIP, slip=cleaned, full_name=cleaned.full_name, visit_id=slip.visit_id, warnings=())
    assert parse_bytes(text.encode(), TODAY).slip == cleaned and encode_slip(cleaned) == text


@settings(deadline=None)
@given(SLIPS, st.text(min_size=1).filter(clean_slip_text))
def test_a_slip_with_any_name_round_trips_or_its_name_is_flagged(slip, name):
    result = parse(encode_slip(replace(slip, full_name=name)))
    if result.slip is None:  # a letter of another script, or longer than NAME_MAX
        check(result, kind=ScanKind.SLIP, warnings=(W.IMPLAUSIBLE_FIELD,), bad_fields=("full_name",), full_name=None)
    else:
        check(result, full_name=clean_slip_text(name), warnings=())


@settings(deadline=None)
@given(SLIPS, st.data())
def test_a_single_changed_character_in_a_slip_is_caught(slip, data):
    text = encode_slip(slip)
    index = data.draw(st.integers(0, len(text) - 1))
    char = data.draw(st.characters(codec="utf-8").filter(lambda c: c != text[index]))
    result = parse(text[:index] + char + text[index + 1:])
    assert not result.usable
    assert_well_formed(result)
