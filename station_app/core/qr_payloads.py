"""Parse what a scanner reads: the chip citizen ID card (CCCD), the health-insurance card (BHYT) and the
station's own visit slip (``docs/SLIP-QR.md``). Pure: text in, ``ScanResult`` out; no Qt, no database, no decoder.

Rules worth knowing before changing anything here:

* Nothing is corrected. An ID number that disagrees with the sex or birth year is a warning for the nurse. A
  field without its expected form is left ``None`` and named in ``bad_fields`` (MALFORMED_FIELD: not usable).
  Every identity field that is set has been checked, so a result never carries a wrong value silently.
* A field in form that cannot be true is left ``None`` and named in ``bad_fields`` too, with IMPLAUSIBLE_FIELD
  (not usable; the nurse checks the card and types the field in, rescanning would not help): an issue date after
  ``today``, a name over ``NAME_MAX`` or an address over ``ADDRESS_MAX`` characters, a letter of another script in
  a name (Cyrillic, Greek or fullwidth look-alikes: only letters whose Unicode name starts with LATIN), and a
  control, format or direction character (categories Cc, Cf, Zl, Zp: overrides, isolates, zero-width ones, a tab)
  anywhere in a CCCD, in a BHYT name or address once decoded, or in a sealed slip's free text. These are never
  taken for MANGLED_TEXT, whose advice (switch the scanner's mode) would be wrong for a forged or damaged card.
* Mangled text (a keyboard-mode scanner typing through a Telex/VNI input method or another keyboard layout):
  when the payload is still recognisably a CCCD or BHYT, the result has that kind, the MANGLED_TEXT warning and
  no identity fields at all (they would be wrong); ``WARNING_TEXT`` tells the nurse to switch the scanner to
  serial (USB-COM) mode. There is no "mangled" error code. Detection is conservative, so that real names
  (no diacritics, ethnic-minority names) pass: U+FFFD or '?' in the text, UTF-8 read as Windows-1252, a digit
  in a name, a word of two or more letters without a vowel, leftover combining marks, two or more Telex marks
  in an ASCII name ("Nguyeenx", "Vawn"), two or more VNI remnants in an address ("Ha2 No65i"), or a payload
  without '|' that becomes a card once a remapped separator or an AZERTY digit row is undone.
* A BHYT payload without its ``$`` terminator is UNKNOWN with error "truncated": a cut scan never passes.
* BHYT layouts are counted with the ``$`` field: 10 (old cards), 15 (2017-2020), 17 (2021 on); more than 17
  is accepted with the unknown fields in ``extra_fields``, as CCCD fields beyond the seventh are.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

from station_app.core.cards import ScanKind, ScanResult, ScanWarning, SlipIdentity
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import Sex
from station_app.core.names import clean_display_name

T = TypeVar("T")

# Digits 1-3 of a CCCD number: the 63 pre-2025 provinces ("0" + old 2-digit code). The 2025 codes are a subset.
CCCD_PROVINCE_CODES = frozenset(f"{n:03d}" for n in (
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44,
    45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89,
    91, 92, 93, 94, 95, 96))

# The longest real names run to about 40 characters (of royal descent: "Công Tằng Tôn Nữ Thị Hoàng Phương
# Thảo" is 38); twice that leaves room for a long ethnic-minority or foreign name. Addresses as the chip spells them
# (hamlet, commune, district, province) stay under about 120 characters; 200 leaves room for a street number.
# Beyond these a field is padding or a forged card, and would not fit the forms and printouts either.
NAME_MAX = 80
ADDRESS_MAX = 200

SLIP_VERSION = "KSK1"
_SLIP_MODULUS = 1_114_117  # the first prime above the largest code point: any single changed character shows

_CCCD_ID = re.compile(r"[0-9]{12}")
_CCCD_ID_LIKE = re.compile(r"[0-9]{6,14}")
_OLD_ID = re.compile(r"[0-9]{9}|[0-9]{12}")
_BHYT_NUMBER = re.compile(r"[A-Z]{2}[1-5][0-9]{12}|[0-9]{10}")
_BHYT_NUMBER_LIKE = re.compile(r"[A-Za-z0-9]{8,16}")
_HEX = re.compile(r"(?:[0-9A-Fa-f]{2})+")
_DMY = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")
_DMY_SLASH = re.compile(r"([0-9]{2})/([0-9]{2})/([0-9]{4})")
_YMD = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_YEAR = re.compile(r"[0-9]{4}")
_SLIP_TAG = re.compile(r"KSK[0-9]+")
_VISIT_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
_EXTRA_KEY = re.compile(r"[A-Za-z0-9_]{1,32}")
_NAME_PUNCT = frozenset(" '’.-")
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp"})  # controls, format (direction, zero-width), line/paragraph breaks
_VOWELS = frozenset("aeiouy")
_TELEX_LETTER = re.compile(r"aa|ee|oo|^dd|[aeiou]w")  # â ê ô đ ă ơ ư typed as Telex
_TELEX_TONE_END = re.compile(r"[aeiouymnptcgh][sfrxj]$")  # a tone typed as Telex, left after the syllable
_VNI_REMNANT = re.compile(r"[A-Za-z][aeiouy][0-9]{1,2}(?![0-9])")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_AZERTY_DIGITS = str.maketrans("à&é\"'(-è_ç", "0123456789")
_BHYT_SEX = {"1": Sex.MALE, "2": Sex.FEMALE}
_SLIP_SEX = {Sex.MALE: "M", Sex.FEMALE: "F", Sex.UNKNOWN: "U"}

WARNING_TEXT: dict[ScanWarning, str] = {
    ScanWarning.ID_SEX_MISMATCH: QT_TRANSLATE_NOOP(
        "scan",
        "Số định danh trên thẻ không khớp với giới tính. "
        "Hãy đối chiếu với thẻ và hỏi lại người dân trước khi lưu.",
    ),
    ScanWarning.ID_BIRTH_YEAR_MISMATCH: QT_TRANSLATE_NOOP(
        "scan",
        "Số định danh trên thẻ không khớp với năm sinh. "
        "Hãy đối chiếu với thẻ và hỏi lại người dân trước khi lưu.",
    ),
    ScanWarning.INSURANCE_EXPIRED: QT_TRANSLATE_NOOP(
        "scan", "Thẻ BHYT đã hết hạn sử dụng. Hãy báo cho người dân và hỏi xem họ có thẻ mới không."
    ),
    ScanWarning.INSURANCE_NOT_YET_VALID: QT_TRANSLATE_NOOP(
        "scan", "Thẻ BHYT chưa đến ngày có giá trị sử dụng. Hãy kiểm tra ngày trên thẻ và ngày giờ của máy tính."
    ),
    ScanWarning.MANGLED_TEXT: QT_TRANSLATE_NOOP(
        "scan",
        "Máy quét đang ở chế độ bàn phím nên chữ tiếng Việt bị sai. "
        "Hãy chuyển máy quét sang chế độ cổng COM (serial) hoặc dùng camera, rồi quét lại.",
    ),
    ScanWarning.MALFORMED_FIELD: QT_TRANSLATE_NOOP(
        "scan",
        "Mã QR có thông tin sai định dạng nên không dùng được. Hãy quét lại; nếu vẫn lỗi, hãy nhập tay theo thẻ.",
    ),
    ScanWarning.IMPLAUSIBLE_FIELD: QT_TRANSLATE_NOOP(
        "scan",
        "Thẻ có thông tin không thể đúng (ngày cấp sau hôm nay, tên hoặc địa chỉ quá dài, chữ lạ hoặc ký tự ẩn) nên "
        "không dùng được. Hãy đối chiếu với thẻ và nhập tay người này (F2 ở trang Tiếp đón).",
    ),
}

ERROR_TEXT: dict[str, str] = {
    "empty": QT_TRANSLATE_NOOP("scan", "Không đọc được nội dung mã. Hãy quét lại."),
    "not_utf8": QT_TRANSLATE_NOOP(
        "scan",
        "Dữ liệu từ máy quét không phải văn bản UTF-8. "
        "Hãy đặt máy quét ở chế độ cổng COM (serial), mã hoá UTF-8, rồi quét lại.",
    ),
    "not_a_card": QT_TRANSLATE_NOOP(
        "scan",
        "Mã này không phải CCCD, thẻ BHYT hay phiếu khám của trạm. Hãy quét đúng mã QR trên thẻ; nếu đúng mã mà "
        "vẫn lỗi, hãy chuyển máy quét sang chế độ cổng COM (serial) hoặc dùng camera.",
    ),
    "wrong_field_count": QT_TRANSLATE_NOOP(
        "scan",
        "Mã QR không theo mẫu thẻ đã biết (thiếu hoặc thừa thông tin). "
        "Hãy quét lại; nếu vẫn lỗi, hãy nhập tay theo thẻ.",
    ),
    "truncated": QT_TRANSLATE_NOOP("scan", "Mã thẻ BHYT bị đọc thiếu phần cuối. Hãy giữ thẻ yên rồi quét lại."),
    "slip_damaged": QT_TRANSLATE_NOOP(
        "scan",
        "Mã trên phiếu khám bị hỏng hoặc đọc sai. "
        "Hãy quét lại; nếu vẫn lỗi, hãy tìm lượt khám theo tên hoặc số thứ tự.",
    ),
    "unsupported_slip": QT_TRANSLATE_NOOP(
        "scan",
        "Phiếu khám này do một phiên bản khác của ứng dụng in ra. "
        "Hãy cập nhật ứng dụng, hoặc tìm lượt khám theo tên.",
    ),
}


def parse_bytes(data: bytes, today: dt.date) -> ScanResult:
    """Parse what a serial scanner or a decoder returned; bytes that are not UTF-8 give UNKNOWN "not_utf8"."""
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        return _unknown(bytes(data).decode("utf-8", "backslashreplace"), "not_utf8")
    return parse_payload(text, today)


def parse_payload(text: str, today: dt.date) -> ScanResult:
    """Parse one scanned payload; ``today`` dates the insurance validity and bounds birth dates. Never raises."""
    payload = text.strip().lstrip("\ufeff").strip()  # scanners end with CR or CR LF; some tools prepend a BOM
    if not payload:
        return _unknown(text, "empty")
    fields = [f.strip() for f in payload.split("|")]
    if _SLIP_TAG.fullmatch(fields[0]):
        return _parse_slip(text, payload)
    if len(fields) >= 3 and fields[-1] == "$" and (_BHYT_NUMBER_LIKE.fullmatch(fields[0]) or _dateish(fields[2])):
        return _parse_bhyt(text, fields, today)
    if len(fields) >= 3 and _BHYT_NUMBER_LIKE.fullmatch(fields[0]) and _dateish(fields[2]):
        return _unknown(text, "truncated")
    if len(fields) >= 3 and (_CCCD_ID_LIKE.fullmatch(fields[0]) or _DMY.fullmatch((fields + [""])[3])):
        if len(fields) < 7:
            return _unknown(text, "wrong_field_count")
        return _parse_cccd(text, payload.split("|"), today)
    if "|" not in payload and (kind := _remapped_kind(payload)):
        return ScanResult(kind, raw=text, warnings=(ScanWarning.MANGLED_TEXT,))
    return _unknown(text, "not_a_card")


def _unknown(raw: str, error: str) -> ScanResult:
    return ScanResult(ScanKind.UNKNOWN, raw=raw, error=error)


def _dateish(text: str) -> bool:
    return bool(_DMY_SLASH.fullmatch(text) or _YEAR.fullmatch(text))


class _Implausible(ValueError):
    """Raised by a field parser for a field in form that cannot be true (IMPLAUSIBLE_FIELD, not MALFORMED_FIELD)."""


_Bad = dict[str, ScanWarning]  # field name -> MALFORMED_FIELD or IMPLAUSIBLE_FIELD, in the order found


def _take(bad: _Bad, name: str, parse: Callable[[str], T], text: str) -> T | None:
    """``parse(text)``, or None with ``name`` recorded in ``bad`` when the text is out of form or cannot be true."""
    try:
        return parse(text)
    except _Implausible:
        bad[name] = ScanWarning.IMPLAUSIBLE_FIELD
    except ValueError:
        bad[name] = ScanWarning.MALFORMED_FIELD
    return None


def _take_field(bad: _Bad, name: str, parse: Callable[[str], T], raw_field: str) -> T | None:
    """``_take`` of a field as it stood between the separators: a hidden character anywhere in it, even beside a
    separator where stripping would drop it, makes the field implausible."""
    if _has_hidden(raw_field):
        bad[name] = ScanWarning.IMPLAUSIBLE_FIELD
        return None
    return _take(bad, name, parse, raw_field.strip())


def _finish(kind: ScanKind, raw: str, bad: _Bad, warnings: list[ScanWarning], **values: object) -> ScanResult:
    found = set(bad.values())
    warnings = [*warnings, *(w for w in (ScanWarning.MALFORMED_FIELD, ScanWarning.IMPLAUSIBLE_FIELD) if w in found)]
    return ScanResult(kind, raw=raw, warnings=tuple(warnings), bad_fields=tuple(bad), **values)  # type: ignore


# --- field parsers: each returns the value or raises ValueError -----------------------------------------------

def _match(pattern: re.Pattern[str], text: str) -> re.Match[str]:
    if not (m := pattern.fullmatch(text)):
        raise ValueError(text)
    return m


def _date(pattern: re.Pattern[str], text: str, year_first: bool = False) -> dt.date:
    a, month, b = map(int, _match(pattern, text).groups())
    year, day = (a, b) if year_first else (b, a)
    if year < 1880:  # nobody alive was born earlier; an earlier year is a damaged field
        raise ValueError(text)
    return dt.date(year, month, day)


def _issued(pattern: re.Pattern[str], text: str, today: dt.date) -> dt.date:
    issued = _date(pattern, text)
    if issued > today:  # a forged or damaged card, or a laptop clock behind (the self-test checks the clock)
        raise _Implausible(text)
    return issued


def _birth_date(pattern: re.Pattern[str], text: str, today: dt.date) -> dt.date:
    born = _date(pattern, text)
    if born > today:  # damage, or a laptop clock far behind: either way not a date to store
        raise ValueError(text)
    return born


def _lookup(table: dict[str, T]) -> Callable[[str], T]:
    def parse(text: str) -> T:
        if text not in table:
            raise ValueError(text)
        return table[text]
    return parse


def _cccd_number(text: str) -> str:
    if not _CCCD_ID.fullmatch(text) or text[:3] not in CCCD_PROVINCE_CODES:
        raise ValueError(text)
    return text


def _old_id(text: str) -> str | None:
    return _match(_OLD_ID, text).group() if text else None


def _name(text: str) -> str:
    name = _plausible_name(clean_display_name(_visible(text)))
    if not name or not all(ch.isalpha() or ch in _NAME_PUNCT or unicodedata.combining(ch) for ch in name):
        raise ValueError(text)
    return name


def _address(text: str) -> str | None:
    address = clean_display_name(_visible(text))
    if any(unicodedata.category(ch).startswith("C") for ch in address):
        raise ValueError(text)
    if len(address) > ADDRESS_MAX:
        raise _Implausible(text)
    return address or None


def _has_hidden(text: str) -> bool:
    return any(unicodedata.category(ch) in _HIDDEN for ch in text)


def _visible(text: str) -> str:
    """``text`` unless it holds a control, format or direction character (``_HIDDEN``): then it cannot be true."""
    if _has_hidden(text):
        raise _Implausible(text)
    return text


def _foreign_letters(name: str) -> bool:
    """A letter no Vietnamese name holds: one whose Unicode name does not start with LATIN once composed (NFC).

    Cyrillic "а", Greek "Α" and fullwidth "ｎ" look like Latin letters and are not; "Đ", "ư", "ơ" and every
    precomposed Vietnamese letter are LATIN.
    """
    return any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN")
               for ch in unicodedata.normalize("NFC", name))


def _plausible_name(name: str) -> str:
    """``name`` (cleaned) unless it is longer than NAME_MAX or holds a letter of another script."""
    if len(name) > NAME_MAX or _foreign_letters(name):
        raise _Implausible(name)
    return name


def _cccd_sex(text: str) -> Sex:
    value = unicodedata.normalize("NFC", text).casefold()
    if value == "nam":
        return Sex.MALE
    if value in ("nữ", "nu"):
        return Sex.FEMALE
    raise ValueError(text)


# --- mangled text ----------------------------------------------------------------------------------------------

def _keyboard_mangled(name: str, address: str) -> bool:
    """``_mangled``, leaving to IMPLAUSIBLE_FIELD what no keyboard-mode scanner makes: hidden characters, and
    letters of another script in a name (a look-alike "Nguyễn Vаn" would read as a word without a vowel).
    UTF-8 shown as Windows-1252 ("NguyÃªn": "ª" is not LATIN) stays mangled text."""
    if _mojibake(name) or _mojibake(address):
        return True
    name, address = ("".join(ch for ch in text if not _has_hidden(ch)) for text in (name, address))
    return _mangled("" if _foreign_letters(name) else name, address)


def _mangled(name: str, address: str) -> bool:
    """True when the name or address shows the marks of a keyboard-mode scanner (see the module docstring)."""
    garbled = any("\ufffd" in text or "?" in text or _mojibake(text) or _stray_marks(text) for text in (name, address))
    return (garbled or any(ch.isdigit() for ch in name) or _voiceless_word(name) or _telex(name, address)
            or len(_VNI_REMNANT.findall(address)) >= 2)


def _mojibake(text: str) -> bool:
    """UTF-8 bytes shown as Windows-1252/Latin-1 ("NguyÃªn"): re-encoding gives valid, different UTF-8."""
    for codec in ("cp1252", "latin-1"):
        try:
            if text.encode(codec).decode("utf-8") != text:
                return True
        except UnicodeError:
            continue
    return False


def _stray_marks(text: str) -> bool:
    """Marks no letter can carry: one on a non-letter, two tones, or more than two marks (ễ is e + ^ + ~)."""
    marks = tones = 0
    base_is_letter = False
    for ch in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(ch):
            marks, tones, base_is_letter = 0, 0, ch.isalpha()
            continue
        marks, tones = marks + 1, tones + (ch in _TONE_MARKS)
        if not base_is_letter or tones > 1 or marks > 2:
            return True
    return False


def _voiceless_word(name: str) -> bool:
    """A name word of two or more letters without a vowel ("Nguyn Vn" once the letters with marks were dropped).

    One-letter words are fine: Ê Đê names start with "H" or "Y".
    """
    for word in unicodedata.normalize("NFD", name).casefold().split():
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) >= 2 and not _VOWELS.intersection(letters):
            return True
    return False


def _telex(name: str, address: str) -> bool:
    """Telex keystrokes left in ASCII text: two in the name, one of them a letter mark (a final 'r' or 's' alone
    is a real Jarai or foreign name: "Ksor Y Dhar"), or three over the name and an ASCII address."""
    letters, tones = _telex_marks(name)
    more_letters, more_tones = _telex_marks(address) if name.isascii() else (0, 0)
    return (letters >= 1 and letters + tones >= 2) or letters + tones + more_letters + more_tones >= 3


def _telex_marks(text: str) -> tuple[int, int]:
    if not text.isascii():
        return 0, 0
    words = re.split(r"[^a-z]+", text.casefold())
    return (sum(len(_TELEX_LETTER.findall(w)) for w in words),
            sum(bool(len(w) >= 3 and _TELEX_TONE_END.search(w)) for w in words))


def _remapped_kind(payload: str) -> ScanKind | None:
    """The card kind a payload without '|' has once a remapped separator (and AZERTY digit row) is undone."""
    for text in (payload, payload.translate(_AZERTY_DIGITS)):
        if re.match(r"[0-9]{12}[^0-9]", text) and re.search(r"[0-9]{8}", text[12:]):
            return ScanKind.CCCD  # the separator was dropped altogether
        for sep in {ch for ch in text if not (ch.isascii() and ch.isalnum()) and not ch.isspace()}:
            fields = [f.strip() for f in text.split(sep)]
            if len(fields) >= 7 and _CCCD_ID.fullmatch(fields[0]):
                return ScanKind.CCCD
            if len(fields) >= 9 and _BHYT_NUMBER.fullmatch(fields[0]):
                return ScanKind.BHYT
    return None


# --- CCCD ------------------------------------------------------------------------------------------------------

def _parse_cccd(raw: str, raw_fields: list[str], today: dt.date) -> ScanResult:
    """``raw_fields``: the payload split at '|', not stripped (a hidden character beside a separator counts)."""
    fields = [f.strip() for f in raw_fields]
    if _keyboard_mangled(fields[2], fields[5]) or "\ufffd" in raw:
        return ScanResult(ScanKind.CCCD, raw=raw, warnings=(ScanWarning.MANGLED_TEXT,))
    bad: _Bad = {}
    national_id = _take_field(bad, "national_id", _cccd_number, raw_fields[0])
    old_id = _take_field(bad, "old_id", _old_id, raw_fields[1])
    name = _take_field(bad, "full_name", _name, raw_fields[2])
    born = _take_field(bad, "birth_date", lambda t: _birth_date(_DMY, t, today), raw_fields[3])
    sex = _take_field(bad, "sex", _cccd_sex, raw_fields[4])
    address = _take_field(bad, "address", _address, raw_fields[5])
    issued = _take_field(bad, "issued_on", lambda t: _issued(_DMY, t, today), raw_fields[6])
    if issued and born and issued < born:
        bad["issued_on"] = ScanWarning.MALFORMED_FIELD
        issued = None
    extra = tuple(fields[7:])
    if _has_hidden("".join(raw_fields[7:])):
        bad["extra_fields"], extra = ScanWarning.IMPLAUSIBLE_FIELD, ()
    year = born.year if born else None
    return _finish(ScanKind.CCCD, raw, bad, _id_warnings(national_id, sex, year), national_id=national_id,
                   old_id=old_id, full_name=name, birth_date=born, birth_year=year, sex=sex, address=address,
                   issued_on=issued, extra_fields=extra)


def _id_warnings(national_id: str | None, sex: Sex | None, birth_year: int | None) -> list[ScanWarning]:
    """Digit 4 of the number: even male, odd female, century 1900 + 100 * (digit // 2); digits 5-6: the year."""
    if national_id is None:
        return []
    digit = int(national_id[3])
    warnings = []
    if sex is not None and (digit % 2 == 1) != (sex is Sex.FEMALE):
        warnings.append(ScanWarning.ID_SEX_MISMATCH)
    if birth_year is not None and 1900 + 100 * (digit // 2) + int(national_id[4:6]) != birth_year:
        warnings.append(ScanWarning.ID_BIRTH_YEAR_MISMATCH)
    return warnings


# --- BHYT ------------------------------------------------------------------------------------------------------

def _parse_bhyt(raw: str, fields: list[str], today: dt.date) -> ScanResult:
    if len(fields) not in (10, 15) and len(fields) < 17:
        return _unknown(raw, "wrong_field_count")
    name, address = _unhex(fields[1]), "" if fields[4] == "-" else _unhex(fields[4])
    if _keyboard_mangled(name, address):
        return ScanResult(ScanKind.BHYT, raw=raw, warnings=(ScanWarning.MANGLED_TEXT,))
    bad: _Bad = {}
    number = _take(bad, "insurance_number", lambda t: _match(_BHYT_NUMBER, t).group(), fields[0])
    full_name = _take(bad, "full_name", _name, name)
    born = _take(bad, "birth_date", lambda t: _bhyt_birth(t, today), fields[2])
    sex = _take(bad, "sex", _lookup(_BHYT_SEX), fields[3])
    address = _take(bad, "address", _address, address)
    valid_from = _take(bad, "valid_from", lambda t: _date(_DMY_SLASH, t), fields[6])
    valid_to = _take(bad, "valid_to", lambda t: None if t == "-" else _date(_DMY_SLASH, t), fields[7])
    if valid_from and valid_to and valid_to < valid_from:
        bad["valid_to"] = ScanWarning.MALFORMED_FIELD
        valid_to = None
    warnings = [w for w, late in ((ScanWarning.INSURANCE_EXPIRED, valid_to and valid_to < today),
                                  (ScanWarning.INSURANCE_NOT_YET_VALID, valid_from and valid_from > today)) if late]
    issued = _take(bad, "issued_on", lambda t: None if t in ("", "-") else _issued(_DMY_SLASH, t, today), fields[8])
    return _finish(ScanKind.BHYT, raw, bad, warnings, insurance_number=number, full_name=full_name,
                   birth_date=born[0] if born else None, birth_year=born[1] if born else None, sex=sex,
                   address=address, valid_from=valid_from, valid_to=valid_to, issued_on=issued,
                   extra_fields=tuple(fields[16:-1]))


def _unhex(text: str) -> str:
    """Names and addresses are hex of UTF-8; a few cards carry plain text instead, kept as it is."""
    if _HEX.fullmatch(text):
        try:
            return bytes.fromhex(text).decode("utf-8")
        except UnicodeDecodeError:
            pass
    return text


def _bhyt_birth(text: str, today: dt.date) -> tuple[dt.date | None, int]:
    if _YEAR.fullmatch(text):
        if not 1880 <= int(text) <= today.year:
            raise ValueError(text)
        return None, int(text)
    born = _birth_date(_DMY_SLASH, text, today)
    return born, born.year


# --- the station's visit slip ----------------------------------------------------------------------------------

def clean_slip_text(text: str) -> str:
    """What a free-text slip field becomes, written and shown: '|', tabs and line breaks as spaces, other control
    and format characters (direction overrides and isolates, zero-width ones) dropped, NFC, single spaces, trimmed.
    """
    text = "".join(" " if ch == "|" or ch.isspace() else "" if unicodedata.category(ch) in ("Cc", "Cf", "Cs") else ch
                   for ch in text)
    return clean_display_name(text)


def slip_check(body: str) -> str:
    """Six hex digits: sum of (position + 1) * code point, modulo a prime above every code point.

    Unlike a truncated hash, this catches every single changed character and every swap of two different
    characters (the difference is a product of two non-zero numbers below a prime); random damage passes
    once in about a million.
    """
    return format(sum((i + 1) * ord(ch) for i, ch in enumerate(body)) % _SLIP_MODULUS, "06X")


def encode_slip(slip: SlipIdentity) -> str:
    """The slip QR text. Free text is cleaned (``clean_slip_text``); ids and numbers that cannot be written raise
    ValueError."""
    name = clean_slip_text(slip.full_name)
    checks = {"visit_id": _VISIT_ID.fullmatch(slip.visit_id), "full_name": name,
              "national_id": slip.national_id is None or _CCCD_ID.fullmatch(slip.national_id),
              "birth_year": 1000 <= slip.birth_year <= 9999, "queue_number": 0 <= slip.queue_number <= 999_999,
              "visit_date": slip.visit_date.year >= 1880, "extra": all(_EXTRA_KEY.fullmatch(k) for k in slip.extra)}
    if failed := [key for key, ok in checks.items() if not ok]:
        raise ValueError(f"slip fields that cannot be encoded: {', '.join(failed)}")
    body = "|".join([
        SLIP_VERSION, slip.visit_id, slip.national_id or "", name, str(slip.birth_year), _SLIP_SEX[slip.sex],
        str(slip.queue_number), slip.visit_date.isoformat().replace("-", ""), clean_slip_text(slip.site_code),
        *(f"{k}={clean_slip_text(v)}" for k, v in slip.extra.items())])
    return f"{body}|{slip_check(body)}"


def _parse_slip(raw: str, payload: str) -> ScanResult:
    if payload.split("|", 1)[0].strip() != SLIP_VERSION:
        return _unknown(raw, "unsupported_slip")
    body, _, check = payload.rpartition("|")
    fields = body.split("|")
    if len(fields) < 9 or check != slip_check(body):
        return _unknown(raw, "slip_damaged")
    bad: _Bad = {}
    values = dict(
        visit_id=_take(bad, "visit_id", lambda t: _match(_VISIT_ID, t).group(), fields[1]),
        national_id=_take(bad, "national_id", lambda t: _match(_CCCD_ID, t).group() if t else None, fields[2]),
        full_name=_take(bad, "full_name", lambda t: _plausible_name(_slip_text(t)), fields[3]),
        birth_year=_take(bad, "birth_year", lambda t: int(_match(_YEAR, t).group()), fields[4]),
        sex=_take(bad, "sex", _lookup({v: k for k, v in _SLIP_SEX.items()}), fields[5]))
    queue = _take(bad, "queue_number", lambda t: int(_match(re.compile(r"[0-9]{1,6}"), t).group()), fields[6])
    visit_date = _take(bad, "visit_date", lambda t: _date(_YMD, t, year_first=True), fields[7])
    site_code = _take(bad, "site_code", lambda t: _slip_text(t) if t else "", fields[8])
    extra = _take(bad, "extra", _slip_extra, fields[9:])
    slip = None if bad else SlipIdentity(**values, queue_number=queue, visit_date=visit_date,  # type: ignore[arg-type]
                                         site_code=site_code, extra=extra)
    return _finish(ScanKind.SLIP, raw, bad, [], slip=slip, **values)


def _slip_text(text: str) -> str:
    """Free text of a sealed slip, as ``encode_slip`` wrote it: no hidden character (implausible), and cleaned."""
    if not text or clean_slip_text(_visible(text)) != text:
        raise ValueError(text)
    return text


def _slip_extra(fields: Sequence[str]) -> dict[str, str]:
    pairs = [f.partition("=") for f in fields]
    if not all(_EXTRA_KEY.fullmatch(key) and eq for key, eq, _ in pairs):
        raise ValueError("extra")
    return {key: _slip_text(value) if value else "" for key, _, value in pairs}
