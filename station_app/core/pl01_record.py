"""A visit's PL01 record: its form's fields in the form's order, each written as PL01 and QĐ 130/4750 write it,
and the check of the whole record (issue 18, point 4).

- dates: ``yyyyMMdd`` in an 8-character field, ``yyyyMMddHHmm`` in a 12-character one (a time not known is
  ``0000``; a birth year alone is ``yyyy`` followed by zeros);
- numbers: a decimal point, no trailing zeros (``52.5``, ``158``);
- blood pressure ``120/80``; ICD-10 codes joined with ``;``; codes from the field's list as they are;
- the laboratory fields are a repeated group: a list of rows, each a mapping of PL01 code to value
  (:data:`LAB_GROUP` names the group in the JSON and XML).

A field that is not recorded keeps its mark: refused, not done (with the reason), or not recorded before QĐ 1551.
Pure: no database, no Qt.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.pl01 import FieldDefinition, FormDefinition
from station_app.core.pl01_answers import AnswerStatus, Pl01Value
from station_app.core.pl01_completion import Person, needed, person_of

LAB_DESK = "laboratory"
LAB_GROUP = "DICH_VU_CLS"  # our name for the group of laboratory rows (PL01 gives the rows' codes, not the group's)
_ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.?[0-9A-Z]{1,4})?$")
_SPLIT = re.compile(r"[;,\s]+")

# What each kind of problem says (Vietnamese; {label} and {code} name the field).
PROBLEM_TEXTS: dict[str, str] = {
    "missing": QT_TRANSLATE_NOOP("pl01", "Thiếu {label} ({code}): hãy ghi hoặc đánh dấu từ chối / không làm"),
    "not_in_list": QT_TRANSLATE_NOOP("pl01", "{label} ({code}): giá trị '{value}' không có trong danh mục"),
    "too_long": QT_TRANSLATE_NOOP("pl01", "{label} ({code}): dài quá {size} ký tự"),
    "out_of_limits": QT_TRANSLATE_NOOP("pl01", "{label} ({code}): giá trị {value} ngoài giới hạn cho phép"),
    "bad_format": QT_TRANSLATE_NOOP("pl01", "{label} ({code}): giá trị '{value}' sai định dạng"),
}
MARK_TEXTS: dict[AnswerStatus, str] = {
    AnswerStatus.REFUSED: QT_TRANSLATE_NOOP("pl01", "từ chối"),
    AnswerStatus.NOT_DONE: QT_TRANSLATE_NOOP("pl01", "không làm"),
    AnswerStatus.BEFORE_1551: QT_TRANSLATE_NOOP("pl01", "không ghi nhận (trước QĐ 1551)"),
}


@dataclass(frozen=True)
class RecordEntry:
    """One field of the record: its value as PL01 writes it (None: none), or its mark and the mark's reason."""

    field: FieldDefinition
    value: str | None
    status: AnswerStatus | None = None
    reason: str | None = None
    needed: bool = False

    @property
    def code(self) -> str:
        return self.field.code

    @property
    def mark(self) -> str | None:
        """"từ chối", "không làm: <lý do>", "không ghi nhận (trước QĐ 1551)", or None for a value or nothing."""
        if self.value is not None or self.status not in MARK_TEXTS:
            return None
        text = MARK_TEXTS[self.status]
        return f"{text}: {self.reason}" if self.reason and self.status != AnswerStatus.BEFORE_1551 else text


@dataclass(frozen=True)
class Pl01Record:
    form: int
    title: str
    entries: tuple[RecordEntry, ...]  # the single fields, each code once, in the form's order
    lab_fields: tuple[FieldDefinition, ...] = ()
    lab_rows: tuple[dict[str, str], ...] = ()
    person: Person = field(default_factory=lambda: Person(None, None))

    def value(self, code: str) -> str | None:
        return next((e.value for e in self.entries if e.code == code), None)

    def as_dict(self) -> dict[str, object]:
        """PL01 code → value (None when not recorded), the laboratory rows under :data:`LAB_GROUP`."""
        out: dict[str, object] = {e.code: e.value for e in self.entries}
        if self.lab_fields:
            out[LAB_GROUP] = [dict(row) for row in self.lab_rows]
        return out

    def marks(self) -> dict[str, dict[str, str]]:
        return {e.code: {"trang_thai": str(e.status), **({"ly_do": e.reason} if e.reason else {})}
                for e in self.entries if e.value is None and e.status in MARK_TEXTS}


@dataclass(frozen=True)
class Problem:
    code: str
    kind: str  # missing, not_in_list, too_long, out_of_limits, bad_format
    message_vi: str


def record(form: FormDefinition, values: Mapping[str, Pl01Value]) -> Pl01Record:
    """The PL01 record of a visit from its values (core.pl01_values), in the form's order and PL01's formats."""
    person = person_of(values)
    entries: list[RecordEntry] = []
    seen: set[str] = set()
    lab: list[FieldDefinition] = []
    for f in form.fields:
        if f.code in seen or not f.collected:
            continue
        seen.add(f.code)
        if f.desk == LAB_DESK:
            lab.append(f)
            continue
        v = values.get(f.code) or Pl01Value(f.code)
        entries.append(RecordEntry(f, written(f, v.first) if v.present else None,
                                   v.status if not v.present else AnswerStatus.RECORDED, v.reason,
                                   needed(f, person)))
    return Pl01Record(form.number, form.title, tuple(entries), tuple(lab), _lab_rows(lab, values), person)


def _lab_rows(lab: list[FieldDefinition], values: Mapping[str, Pl01Value]) -> tuple[dict[str, str], ...]:
    rows: dict[int, dict[str, str]] = {}
    for f in lab:
        v = values.get(f.code)
        if v is None:
            continue
        items = v.items if len(v.items) == len(v.values) else tuple(range(len(v.values)))
        for item, text in zip(items, v.values):
            rows.setdefault(item, {})[f.code] = written(f, text) or ""
    return tuple(rows[i] for i in sorted(rows))


def written(f: FieldDefinition, value: str | None) -> str | None:
    """A value in the answers' convention, as PL01 writes it for this field (unchanged if it cannot be read)."""
    if value is None:
        return None
    text = str(value).strip()
    if f.input == "date" or f.code.startswith("NGAY_"):
        return _date(text, f.size) or text
    if f.input == "icd10":
        parts = [p.upper() for p in _SPLIT.split(text) if p]
        return ";".join(parts) if parts and all(_ICD10.match(p) for p in parts) else text
    if f.input == "number" or (f.is_number and f.codes is None and f.input == "computed"):
        return _number(text) or text
    return text


def _date(text: str, size: int | None) -> str | None:
    if re.fullmatch(r"\d{4}", text):
        return text + "0" * ((size or 8) - 4)
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return when.strftime("%Y%m%d%H%M") if size == 12 else when.strftime("%Y%m%d")


def _number(text: str) -> str | None:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return str(int(number)) if number.is_integer() else f"{number:g}"


# ------------------------------------------------------------------------------------------------- validation

def validate(rec: Pl01Record) -> list[Problem]:
    """Every needed field without a value or a mark, and every value out of its list, too long, out of its limits
    or not in PL01's format, each named by its PL01 code (laboratory rows: each cell)."""
    problems: list[Problem] = []
    for e in rec.entries:
        if e.value is None:
            if e.needed and e.status not in MARK_TEXTS:
                problems.append(_problem(e.field, "missing"))
            continue
        problems.extend(check_value(e.field, e.value))
    for row in rec.lab_rows:
        for f in rec.lab_fields:
            if row.get(f.code):
                problems.extend(check_value(f, row[f.code]))
    return problems


def check_value(f: FieldDefinition, value: str) -> list[Problem]:
    if f.codes is not None and value in f.codes:
        return []
    if f.codes is not None and f.input != "number":  # a number's list only names its special values (99)
        return [_problem(f, "not_in_list", value)]
    if f.size is not None and len(value) > f.size:
        return [_problem(f, "too_long", value)]
    if f.input == "date" or f.code.startswith("NGAY_"):
        ok = re.fullmatch(r"\d{12}" if f.size == 12 else r"\d{8}", value) is not None
        return [] if ok else [_problem(f, "bad_format", value)]
    if f.input == "number" or f.is_number:
        try:
            number = float(value)
        except ValueError:
            return [_problem(f, "bad_format", value)]
        low, high = f.limits if f.input in ("number", "computed") else (None, None)
        if (low is not None and number < low) or (high is not None and number > high):
            return [_problem(f, "out_of_limits", value)]
    return []


def _problem(f: FieldDefinition, kind: str, value: str = "") -> Problem:
    text = PROBLEM_TEXTS[kind].format(label=f.label, code=f.code, value=value, size=f.size)
    return Problem(f.code, kind, text)
