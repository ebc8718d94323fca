"""The completion rule of QĐ 1551 (issue 18, point 2): a visit is complete when every field its form needs is
recorded or explicitly marked (refused, not done with a reason, or recorded before QĐ 1551).

A field is *needed* when it is collected, ``required`` in our choices, and applies to the person. Whether it
applies is decided here and only here (:func:`applies`), from the person's sex and age on the visit date:
- the obstetric and gynaecological fields (desk ``doctor:obgyn``) apply to women from 15 years, as the station
  examines today (core.checkup_book.specialties);
- a development milestone whose note says "only the block of the child's age band (… từ A đến dưới B tuổi)"
  applies from A to under B years (form 13 asks each child only the block of its age);
- every other required field applies to everyone the form is for.
Pure: no database, no Qt.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.pl01 import FieldDefinition, FormDefinition
from station_app.core.pl01_answers import Pl01Value

FEMALE = "2"  # GIOI_TINH
OBGYN_DESK = "doctor:obgyn"
OBGYN_FROM_YEARS = 15
_AGE_BAND = re.compile(r"từ (\d+) đến dưới (\d+) tuổi")

# The desks as the nurse and the doctor call them, for "Còn thiếu" (in the order the visit goes through them).
DESK_LABELS: dict[str, str] = {
    "reception": QT_TRANSLATE_NOOP("pl01", "Tiếp đón"),
    "vitals": QT_TRANSLATE_NOOP("pl01", "Đo chỉ số"),
    "child_development": QT_TRANSLATE_NOOP("pl01", "Phát triển của trẻ"),
    "laboratory": QT_TRANSLATE_NOOP("pl01", "Cận lâm sàng"),
    "doctor:internal": QT_TRANSLATE_NOOP("pl01", "Nội khoa"),
    "doctor:eyes": QT_TRANSLATE_NOOP("pl01", "Mắt"),
    "doctor:ent": QT_TRANSLATE_NOOP("pl01", "Tai - Mũi - Họng"),
    "doctor:dental": QT_TRANSLATE_NOOP("pl01", "Răng - Hàm - Mặt"),
    "doctor:skin": QT_TRANSLATE_NOOP("pl01", "Da liễu"),
    "doctor:surgery": QT_TRANSLATE_NOOP("pl01", "Ngoại khoa"),
    "doctor:obgyn": QT_TRANSLATE_NOOP("pl01", "Sản phụ khoa"),
    "conclusion": QT_TRANSLATE_NOOP("pl01", "Kết luận"),
    "counselling": QT_TRANSLATE_NOOP("pl01", "Tư vấn"),
    "facility": QT_TRANSLATE_NOOP("pl01", "Mã cơ sở (quản trị)"),
    "automatic": QT_TRANSLATE_NOOP("pl01", "Tự động"),
}


@dataclass(frozen=True)
class Person:
    """What decides whether a field applies: GIOI_TINH's code and the age in completed years (None: unknown)."""

    sex: str | None
    age_years: int | None


def person_of(values: Mapping[str, Pl01Value]) -> Person:
    """The person of a visit's values: GIOI_TINH, and TUOI (or the years from NGAY_SINH to NGAY_VAO)."""
    sex = values["GIOI_TINH"].first if "GIOI_TINH" in values else None
    age = _int(values["TUOI"].first) if "TUOI" in values else None
    if age is None and "NGAY_SINH" in values and "NGAY_VAO" in values:
        born, seen = _date(values["NGAY_SINH"].first), _date(values["NGAY_VAO"].first)
        if born is not None and seen is not None:
            age = seen.year - born.year - ((seen.month, seen.day) < (born.month, born.day))
    return Person(sex, age)


def applies(f: FieldDefinition, person: Person) -> bool:
    """Whether the form asks this field of this person (see the module docstring for the rules)."""
    if f.desk == OBGYN_DESK:
        return person.sex == FEMALE and (person.age_years is None or person.age_years >= OBGYN_FROM_YEARS)
    band = _AGE_BAND.search(f.note) if "only the block" in f.note else None
    if band is not None and person.age_years is not None:
        return int(band.group(1)) <= person.age_years < int(band.group(2))
    return True


def needed(f: FieldDefinition, person: Person) -> bool:
    return f.collected and f.required and applies(f, person)


def missing(form: FormDefinition, values: Mapping[str, Pl01Value],
            person: Person | None = None) -> dict[str, list[FieldDefinition]]:
    """The needed fields neither recorded nor marked, by desk (desks in the form's order, each code once)."""
    who = person or person_of(values)
    out: dict[str, list[FieldDefinition]] = {}
    seen: set[str] = set()
    for f in form.fields:
        if f.code in seen or not needed(f, who):
            continue
        seen.add(f.code)
        value = values.get(f.code)
        if value is None or not value.accounted_for:
            out.setdefault(f.desk, []).append(f)
    return out


def desk_label(desk: str) -> str:
    return DESK_LABELS.get(desk, desk)


def summary(gaps: Mapping[str, list[FieldDefinition]]) -> str:
    """"Đo chỉ số: Chiều cao, Cân nặng; Mắt: …" — what "Còn thiếu" says, by desk (Vietnamese)."""
    return "; ".join(f"{desk_label(desk)}: {', '.join(f.label for f in fields)}" for desk, fields in gaps.items())


def _int(text: str | None) -> int | None:
    try:
        return int(str(text)) if text is not None else None
    except ValueError:
        return None


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
