"""Card payloads that cannot be true are flagged, not stored: an issue date after today, a name or address longer
than any real one, letters of another script inside a Vietnamese name (Cyrillic, Greek or CJK look-alikes),
control or direction-override characters anywhere. A forged or damaged card is for the nurse to check against
the card and type in; rescanning would not help, so the sentence says so."""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from station_app.core.cards import ScanKind, ScanWarning, SlipIdentity
from station_app.core.model import Sex
from station_app.core.qr_payloads import (ADDRESS_MAX, NAME_MAX, WARNING_TEXT, clean_slip_text, encode_slip,
                                          parse_payload, slip_check)

TODAY = dt.date(2026, 3, 15)
W = ScanWarning
CCCD_FIELDS = ["001099012345", "", "Nguyễn Văn An", "15051999", "Nam", "Xã Mường Kim, Huyện Than Uyên, Tỉnh Lai Châu",
               "20042021"]
BHYT_FIELDS = ["GD4010100000001", "", "29/03/1988", "1", "", "01-123", "01/07/2023", "-", "31/07/2023", "01-123",
               "", "", "4", "01/07/2028", "abc", "-", "$"]
# what an attacker or a broken printer puts into text: direction overrides and isolates, zero-width characters,
# control characters (a tab, an escape, a NUL)
INVISIBLE = ["\u202e", "\u202d", "\u202a", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c",
             "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\x00", "\x1b", "\t", "\x7f", "\x85"]
LOOK_ALIKES = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "c": "\u0441", "p": "\u0440", "N": "\u039d",
               "A": "\u0391", "n": "\uff4e", "g": "\uff47"}  # Cyrillic, Greek, fullwidth (CJK) forms


def parse(text: str):
    return parse_payload(text, TODAY)


def cccd(**changes: str) -> str:
    names = ["national_id", "old_id", "full_name", "birth_date", "sex", "address", "issued_on"]
    return "|".join({**dict(zip(names, CCCD_FIELDS)), **changes}.values())


def bhyt(name: str = "Nguyễn Văn An", address: str = "", **at: str) -> str:
    fields = list(BHYT_FIELDS)
    fields[1], fields[4] = name.encode().hex(), address.encode().hex() if address else "-"
    for index, value in at.items():
        fields[int(index.removeprefix("f"))] = value
    return "|".join(fields)


def assert_flagged(result, *fields: str) -> None:
    assert not result.usable
    assert W.IMPLAUSIBLE_FIELD in result.warnings, result
    assert set(fields) <= set(result.bad_fields), result.bad_fields
    for field in fields:
        assert getattr(result, field) is None  # nothing of what cannot be true reaches a form


def test_the_good_cards_used_here_are_usable():
    assert parse(cccd()).usable and parse(bhyt()).usable


def test_an_issue_date_after_today_is_flagged():
    assert_flagged(parse(cccd(issued_on="16032026")), "issued_on")
    assert_flagged(parse(bhyt(f8="01/01/2027")), "issued_on")
    assert parse(cccd(issued_on="15032026")).usable  # issued today: fine


def test_a_name_or_address_longer_than_any_real_one_is_flagged():
    long_name = " ".join(["Nguyễn"] * (NAME_MAX // 7 + 2))
    assert_flagged(parse(cccd(full_name=long_name)), "full_name")
    assert_flagged(parse(bhyt(name=long_name)), "full_name")
    long_address = ", ".join(["Bản Nà Khương"] * (ADDRESS_MAX // 15 + 2))
    assert_flagged(parse(cccd(address=long_address)), "address")
    assert_flagged(parse(bhyt(address=long_address)), "address")
    real = "Công Tằng Tôn Nữ Thị Hoàng Phương Thảo"  # long names of royal descent still fit
    assert parse(cccd(full_name=real)).full_name == real


def test_letters_of_another_script_inside_a_name_are_flagged_not_taken_for_a_keyboard_scanner():
    for latin, other in LOOK_ALIKES.items():
        # "Nguyễn Văn An" (NFC) holds no plain a, e, o, c or p: those go into names written without marks
        real = next(n for n in ("Nguyễn Văn An", "Nguyen Van Anh", "Le Ngoc Anh", "Pham Van Hop") if latin in n)
        name = real.replace(latin, other, 1)
        assert name != real, latin
        assert parse(cccd(full_name=real)).usable, real
        for result in (parse(cccd(full_name=name)), parse(bhyt(name=name))):
            assert_flagged(result, "full_name")
            assert W.MANGLED_TEXT not in result.warnings
    assert_flagged(parse(cccd(full_name="阮 Văn An")), "full_name")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(INVISIBLE), st.integers(1, len(cccd()) - 1))
def test_a_control_or_direction_character_anywhere_in_a_cccd_is_flagged(char, at):
    payload = cccd()
    result = parse(payload[:at] + char + payload[at:])
    assert not result.usable
    if result.kind is ScanKind.CCCD:
        assert W.IMPLAUSIBLE_FIELD in result.warnings and result.bad_fields


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(INVISIBLE), st.sampled_from(["name", "address"]), st.integers(1, 12))
def test_a_control_or_direction_character_in_a_bhyt_name_or_address_is_flagged(char, where, at):
    text = {"name": "Nguyễn Văn An", "address": "Bản Nà Khương, Mường Kim"}[where]
    result = parse(bhyt(**{where: text[:at] + char + text[at:]}))
    assert_flagged(result, "full_name" if where == "name" else "address")


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8", categories=["Lu", "Ll", "Lo", "Lt"]), min_size=1, max_size=3),
       st.integers(0, 5))
def test_any_letter_a_name_may_not_hold_is_flagged_and_latin_letters_pass(letters, at):
    name = "Nguyễn Văn An"
    result = parse(cccd(full_name=name[:at] + letters + name[at:]))
    latin = all(unicodedata.name(ch, "").startswith("LATIN") for ch in unicodedata.normalize("NFC", letters))
    if not latin:
        assert not result.usable and W.IMPLAUSIBLE_FIELD in result.warnings


def test_the_sentence_for_the_nurse_says_to_check_the_card_and_type_it_in():
    text = WARNING_TEXT[W.IMPLAUSIBLE_FIELD]
    assert "đối chiếu" in text and "nhập tay" in text and "quét lại" not in text


# --- the station's own slip -------------------------------------------------------------------------------------

SLIP = SlipIdentity(visit_id="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", national_id="001099012345",
                    full_name="Nguyễn Văn An", birth_year=1999, sex=Sex.MALE, queue_number=42,
                    visit_date=dt.date(2026, 3, 15), site_code="LC-TT-01")


def sealed(body: str) -> str:
    return f"{body}|{slip_check(body)}"


def test_a_slip_writes_its_name_only_after_cleaning():
    text = encode_slip(replace(SLIP, full_name="Nguyễn \u202eVăn\u200b An\x1b"))
    assert "Nguyễn Văn An" in text and not any(unicodedata.category(ch).startswith("C") for ch in text)
    assert clean_slip_text("A\u2066b\u2069 c\td") == "Ab c d"


def test_a_sealed_slip_whose_name_cannot_be_true_is_flagged():
    good = encode_slip(SLIP).rpartition("|")[0]
    for name in ("Nguyễn \u202eVăn An", "Nguy\u0435n Văn An", "N" * (NAME_MAX + 1)):
        result = parse(sealed(good.replace("Nguyễn Văn An", name)))
        assert result.kind is ScanKind.SLIP and result.slip is None and not result.usable
        assert W.IMPLAUSIBLE_FIELD in result.warnings and "full_name" in result.bad_fields
