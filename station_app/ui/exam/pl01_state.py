"""What a PL01 desk shows and accepts, without Qt: its parts, what a typed value becomes, what K fills in, and what
a save sends (``ui/exam/pl01_desk.py`` draws it).

A desk shows the fields of a visit's form recorded at its desks that the station does not already keep elsewhere
(no ``station_field``: the specialty's finding and class stay on the doctor's tab). Fields are grouped into parts
in the form's order: one part per section of a desk, and a result with its class (``X`` and ``X_PL``, the 8 parts
of internal medicine in form 2) a part of its own. Form 13's milestones come in blocks by age ("Trẻ từ 3 đến dưới
4 tuổi"): only the child's block is shown.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import Specialty
from station_app.core.pl01 import FieldDefinition, FormDefinition
from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.core.pl01_child_measures import COMPUTED_FIELDS, TYPED_FIELDS

DOCTOR = "doctor"  # the desks of the doctor's PL01 tab: every "doctor:<specialty>" of the resident
CHILD = "child_development"
CONCLUSION, VITALS = "conclusion", "vitals"
CHILD_ROW_FIELDS = frozenset((*TYPED_FIELDS, *COMPUTED_FIELDS))  # the vital-signs desk's extra row takes these
_AGE_BLOCK = re.compile(r"từ (\d+) đến dưới (\d+) tuổi")
CONTEXT = "Pl01Desk"

# Why a typed value is refused (translated in the desk's context; {field} is the field's label).
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Pl01Desk", "{field}: hãy gõ một số (ví dụ 5 hoặc 0,5).")
OUT_OF_RANGE = QT_TRANSLATE_NOOP("Pl01Desk", "{field}: {value} không thể đúng; hãy gõ một số từ {low} đến {high}.")
NOT_A_DATE = QT_TRANSLATE_NOOP("Pl01Desk", "{field}: hãy gõ ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2020.")
TOO_LONG = QT_TRANSLATE_NOOP("Pl01Desk", "{field}: dài quá {size} ký tự; hãy viết gọn lại.")
NOT_IN_LIST = QT_TRANSLATE_NOOP("Pl01Desk", "{field}: hãy chọn một mục trong danh sách.")
# Why a value the field accepts is unusual (the field's warning limits, docs/CLINICAL-RULES.md): asked to confirm;
# shown beside the field, so the field is not named again.
UNUSUAL_BETWEEN = QT_TRANSLATE_NOOP("Pl01Desk", "{value} là bất thường (thường từ {low} đến {high}).")
UNUSUAL_FROM = QT_TRANSLATE_NOOP("Pl01Desk", "{value} là bất thường (thường từ {low} trở lên).")
UNUSUAL_UP_TO = QT_TRANSLATE_NOOP("Pl01Desk", "{value} là bất thường (thường không quá {high}).")


@dataclass(frozen=True)
class Part:
    """Fields shown together; K fills their ``normal`` values (when any has one) and moves to the next part."""

    desk: str
    title: str
    fields: tuple[FieldDefinition, ...]

    @property
    def has_normals(self) -> bool:
        return any(f.normal for f in self.fields)

    @property
    def specialty(self) -> Specialty | None:
        return self.fields[0].specialty


@dataclass(frozen=True)
class Refusal:
    """A typed value the field cannot take: the sentence (a template of ``CONTEXT``) and its values."""

    template: str
    values: Mapping[str, object]


def desk_fields(definition: FormDefinition, kind: str, specialties: Iterable[Specialty] = (),
                age_years: int | None = None) -> tuple[FieldDefinition, ...]:
    """The fields a desk of ``kind`` (DOCTOR or CHILD) records for this form (``on_desk``), each code once; the
    doctor's only for the resident's ``specialties`` (obstetrics for women)."""
    wanted = {f"doctor:{s.value}" for s in specialties}
    seen: set[str] = set()
    out: list[FieldDefinition] = []
    for f in definition.fields:
        if (on_desk(f, kind) and f.code not in seen and _in_age_block(f.section, age_years)
                and not (f.desk.startswith("doctor:") and f.desk not in wanted)):
            seen.add(f.code)
            out.append(f)
    return tuple(out)


def on_desk(f: FieldDefinition, kind: str) -> bool:
    """Whether ``f`` is typed by hand at a desk of ``kind``: collected, not kept elsewhere by the station, not
    computed. DOCTOR: the specialties' fields and the conclusion's own (forms 6–13: healthy, TB risk, problems);
    CHILD: the milestones, and the vital-signs desk's fields its extra row does not take (the pupils'
    vaccination history of forms 1 and 14–17, form 14's nutrition ratings); any other kind: its own desk."""
    if not f.collected or f.station_field or f.input == "computed":
        return False
    if kind == DOCTOR:
        return f.desk.startswith("doctor:") or f.desk == CONCLUSION
    if kind == CHILD:
        return f.desk == CHILD or (f.desk == VITALS and f.code not in CHILD_ROW_FIELDS)
    return f.desk == kind


def _in_age_block(section: str, age_years: int | None) -> bool:
    found = _AGE_BLOCK.search(section)
    if found is None or age_years is None:
        return True
    return int(found.group(1)) <= age_years < int(found.group(2))


def parts(fields: Sequence[FieldDefinition]) -> list[Part]:
    """The fields in parts, in the form's order (see the module's docstring)."""
    groups: list[list[FieldDefinition]] = []
    for f in fields:
        if groups and (groups[-1][0].desk, groups[-1][0].section) == (f.desk, f.section):
            groups[-1].append(f)
        else:
            groups.append([f])
    out: list[Part] = []
    for group in groups:
        codes = {f.code for f in group}
        rest: list[FieldDefinition] = []
        for f in group:
            if f.code + "_PL" in codes:
                out.append(Part(f.desk, f.label, (f, next(g for g in group if g.code == f.code + "_PL"))))
            elif not (f.code.endswith("_PL") and f.code[:-3] in codes):
                rest.append(f)
        if rest:
            out.append(Part(group[0].desk, section_title(group[0].section), tuple(rest)))
    return _ordered(out, groups)


def _ordered(found: list[Part], groups: list[list[FieldDefinition]]) -> list[Part]:
    """Parts in the order of their first field in the form."""
    position = {f.code + f.desk: n for n, f in enumerate(f for g in groups for f in g)}
    return sorted(found, key=lambda p: position[p.fields[0].code + p.desk])


def section_title(section: str) -> str:
    """"V Khám lâm sàng > A Nội khoa" → "Nội khoa"; a transcription's remark in brackets is left out."""
    last = section.split(">")[-1].strip()
    last = re.sub(r"\s*\(.*?\)\s*", " ", last).strip()
    return re.sub(r"^([IVX]+|[A-Z](\.\d+)?)\s+", "", last) or last


# -- values ---------------------------------------------------------------------------------------------------

def parse(f: FieldDefinition, text: str) -> str | Refusal:
    """What a typed text is stored as: numbers with a point ("0,5" → "0.5") within the field's limits, dates as
    yyyy-mm-dd, codes from the field's list, text within the field's size; a :class:`Refusal` otherwise. An empty
    text is "" (nothing recorded)."""
    text = text.strip()
    if not text:
        return ""
    if f.input == "number":
        return _number(f, text)
    if f.input == "date":
        return _date(f, text)
    if f.input in ("code", "yesno"):
        return text if f.accepts(text) else Refusal(NOT_IN_LIST, {"field": f.label})
    if f.size is not None and len(text) > f.size:
        return Refusal(TOO_LONG, {"field": f.label, "size": f.size})
    return text


def _number(f: FieldDefinition, text: str) -> str | Refusal:
    if f.codes is not None and text in f.codes:
        return text  # 99 "không có thông tin"
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return Refusal(NOT_A_NUMBER, {"field": f.label})
    low, high = f.limits
    if (low is not None and number < low) or (high is not None and number > high):
        return Refusal(OUT_OF_RANGE, {"field": f.label, "value": text, "low": _plain(low), "high": _plain(high)})
    return _plain(number)


def unusual(f: FieldDefinition, value: str) -> Refusal | None:
    """Why a stored value (as :func:`parse` makes it) is unusual for the field, outside its warning limits; None
    when it is not (an empty value, a code of its list such as 99, a field without warning limits)."""
    if not value or not f.unusual(value):
        return None
    low, high = f.warn_low, f.warn_high
    unit = f" {f.unit}" if f.unit else ""
    shown_value = shown(f, value) + unit
    if low is not None and high is not None:
        template = UNUSUAL_BETWEEN
    else:
        template = UNUSUAL_FROM if low is not None else UNUSUAL_UP_TO
    return Refusal(template, {"field": f.label, "value": shown_value, "low": shown(f, _plain(low)) + unit,
                              "high": shown(f, _plain(high)) + unit})


def unconfirmed(fields: Iterable[FieldDefinition], answers: Iterable[Answer], confirmed: Iterable[str]) -> list[str]:
    """The codes, in the fields' order, whose recorded value is unusual and not yet confirmed at the desk: a save
    waits until each is confirmed (or corrected)."""
    done = set(confirmed)
    values = {a.code: a.value for a in answers if a.status == AnswerStatus.RECORDED and a.value}
    return [f.code for f in fields
            if f.code in values and f.code not in done and unusual(f, values[f.code] or "") is not None]


def _plain(number: float | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _date(f: FieldDefinition, text: str) -> str | Refusal:
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d%m%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return Refusal(NOT_A_DATE, {"field": f.label})


def shown(f: FieldDefinition, value: str) -> str:
    """A stored value as the field shows it for editing (a date as dd/mm/yyyy, a decimal with a comma)."""
    if f.input == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
    if f.input == "number":
        return value.replace(".", ",")
    return value


def normals(part: Part, filled: Iterable[str]) -> dict[str, str]:
    """What K fills in: the normal value of each field of the part that is still empty (not in ``filled``)."""
    done = set(filled)
    return {f.code: f.normal for f in part.fields if f.normal and f.code not in done}


# -- saving ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Changes:
    """A save of one desk: the answers on screen, and the stored ones no longer there."""

    desk: str
    answers: tuple[Answer, ...]
    cleared: tuple[tuple[str, int], ...]


def changes(fields: Iterable[FieldDefinition], on_screen: Iterable[Answer],
            stored: Iterable[tuple[str, str, int]]) -> list[Changes]:
    """Per desk, what to send: ``on_screen`` answers (the service stores only those that changed) and the keys of
    ``stored`` answers (desk, code, item) of these fields that are no longer on screen."""
    desk_of = {f.code: f.desk for f in fields}
    given = [a for a in on_screen if a.code in desk_of]
    keys = {a.key for a in given}
    out: dict[str, tuple[list[Answer], list[tuple[str, int]]]] = {}
    for a in given:
        out.setdefault(desk_of[a.code], ([], []))[0].append(a)
    for desk, code, item in stored:
        if code in desk_of and (code, item) not in keys:
            out.setdefault(desk_of[code], ([], []))[1].append((code, item))
    return [Changes(desk, tuple(a), tuple(c)) for desk, (a, c) in out.items()]


def to_draft(answers: Iterable[Answer]) -> list[list[object]]:
    return [[a.code, a.item, a.value, a.status.value, a.reason] for a in answers]


def from_draft(rows: Iterable[Sequence[object]]) -> list[Answer]:
    """A draft's answers; raises ValueError/TypeError for one that cannot be read."""
    return [Answer(str(code), None if value is None else str(value), int(item), None,  # type: ignore[arg-type]
                   AnswerStatus(str(status)), None if reason is None else str(reason))
            for code, item, value, status, reason in rows]
