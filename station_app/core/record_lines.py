"""A kept version of one part of a visit as lines a nurse reads ("Huyết áp lần 1: 150/95 mmHg"), and what changed
between two versions ("Cân nặng: 52,5 kg → 54 kg").

Pure: the labels are the core's own (``checkup_book``, ``vitals``), translated by the ``tr(context, text)`` the
caller passes (``QCoreApplication.translate`` in the UI; the Vietnamese source when none is given). ICD-10 names
come from the caller too (``services.common.reference.icd10_codes`` reads them).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from station_app.core import checkup_book as book
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import MeasureCode, Specialty
from station_app.core.vitals import MEASURE_LABELS, UNITS, flag_labels

Translate = Callable[[str, str], str]
CONTEXT = "history"
_T = {
    "bp": QT_TRANSLATE_NOOP("history", "Huyết áp lần {reading}"),
    "reading": QT_TRANSLATE_NOOP("history", "{measure} (lần {reading})"),
    "fasting": QT_TRANSLATE_NOOP("history", "lúc đói"),
    "not_fasting": QT_TRANSLATE_NOOP("history", "không nhịn đói"),
    "bp_average": QT_TRANSLATE_NOOP("history", "Huyết áp trung bình"),
    "bp_grade": QT_TRANSLATE_NOOP("history", "Phân độ huyết áp"),
    "yes": QT_TRANSLATE_NOOP("history", "Có"),
    "no": QT_TRANSLATE_NOOP("history", "Không"),
    "exam": QT_TRANSLATE_NOOP("history", "Khám {specialty}"),
    "note": QT_TRANSLATE_NOOP("history", "Ghi chú"),
    "diagnoses": QT_TRANSLATE_NOOP("history", "Chẩn đoán (ICD-10)"),
    "class": QT_TRANSLATE_NOOP("history", "Phân loại sức khoẻ"),
    "overall": QT_TRANSLATE_NOOP("history", "Phân loại sức khoẻ chung"),
    "computed": QT_TRANSLATE_NOOP("history", "Phân loại nặng nhất của các chuyên khoa"),
    "override": QT_TRANSLATE_NOOP("history", "Lý do chọn phân loại khác"),
    "advice": QT_TRANSLATE_NOOP("history", "Lời khuyên"),
    "referral_to": QT_TRANSLATE_NOOP("history", "Chuyển tuyến đến"),
    "referral_reason": QT_TRANSLATE_NOOP("history", "Lý do chuyển tuyến"),
    "urgency": QT_TRANSLATE_NOOP("history", "Mức độ khẩn"),
    "follow_up": QT_TRANSLATE_NOOP("history", "Theo dõi sau chuyển tuyến"),
    "topics": QT_TRANSLATE_NOOP("history", "Chủ đề tư vấn"),
    "text": QT_TRANSLATE_NOOP("history", "Nội dung tư vấn"),
}
NOTHING = "—"  # a value missing from one of two versions


def _source(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Line:
    label: str
    value: str

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.label}: {self.old} → {self.new}"


def record_lines(part: str, key: str, data: Mapping[str, Any], *, tr: Translate = _source,
                 icd10_names: Mapping[str, str] | None = None) -> list[Line]:
    """The readable lines of one version of a part (vitals, history, finding, conclusion, counselling) from its
    record as kept (``RecordVersion.data``); ids and bookkeeping are left out, empty values too."""
    if part == "vitals":
        lines = _vitals(data.get("measurements", []), tr)
    elif part == "history":
        lines = _history(key, data, tr)
    elif part == "finding":
        lines = _finding(key, data, tr, icd10_names or {})
    elif part == "conclusion":
        lines = _conclusion(data, tr)
    else:
        lines = _counselling(data.get("notes", []), tr)
    return [line for line in lines if line.value]


def changes(old: Iterable[Line], new: Iterable[Line]) -> list[Change]:
    """What differs between two versions' lines, in the newer one's order (lines gone last), "—" for absent."""
    before, after = {line.label: line.value for line in old}, {line.label: line.value for line in new}
    labels = list(after) + [label for label in before if label not in after]
    return [Change(label, before.get(label, NOTHING), after.get(label, NOTHING)) for label in labels
            if before.get(label) != after.get(label)]


# -- the parts ---------------------------------------------------------------------------------------------------

def _vitals(measurements: Iterable[Mapping[str, Any]], tr: Translate) -> list[Line]:
    """One line per measure, blood pressure as systolic/diastolic per reading, then the average the grade is of."""
    order = list(MeasureCode)
    rows = sorted((m for m in measurements if m.get("code") in MeasureCode._value2member_map_),
                  key=lambda m: (order.index(MeasureCode(m["code"])), m.get("reading", 1)))
    diastolic = {m.get("reading", 1): m["value"] for m in rows if m["code"] == MeasureCode.DIASTOLIC}
    lines: list[Line] = []
    bp_at, bp_flags, average = 0, {}, {}
    for m in rows:
        code, reading = MeasureCode(m["code"]), m.get("reading", 1)
        if code in (MeasureCode.SYSTOLIC, MeasureCode.DIASTOLIC):
            bp_flags.update(m.get("flags") or {})
            average.setdefault(code, (m.get("context") or {}).get("average"))
        if code is MeasureCode.SYSTOLIC:
            lines.append(Line(tr(CONTEXT, _T["bp"]).format(reading=reading),
                              f"{_pressure(m['value'], diastolic.get(reading))} {UNITS[code]}"))
            bp_at = len(lines)
        elif code is not MeasureCode.DIASTOLIC:
            lines.append(Line(_measure_label(code, reading, tr), _measure_value(code, m, tr)))
    summary = _bp_summary(average.get(MeasureCode.SYSTOLIC), average.get(MeasureCode.DIASTOLIC), bp_flags, tr)
    return lines[:bp_at] + summary + lines[bp_at:]


def _pressure(high: Any, low: Any) -> str:
    return f"{number(high)}/{number(low) if low is not None else '?'}"


def _bp_summary(high: Any, low: Any, flags: Mapping[str, str], tr: Translate) -> list[Line]:
    """The average of the readings used and its grade (the flags are kept on the pressure rows)."""
    grade = "; ".join(tr("vitals", label) for label in flag_labels(flags))
    if high is None:
        return [Line(tr(CONTEXT, _T["bp_grade"]), grade)]
    value = f"{_pressure(high, low)} {UNITS[MeasureCode.SYSTOLIC]}"
    return [Line(tr(CONTEXT, _T["bp_average"]), f"{value} ({grade})" if grade else value)]


def _measure_label(code: MeasureCode, reading: int, tr: Translate) -> str:
    label = tr("vitals", MEASURE_LABELS[code])
    return tr(CONTEXT, _T["reading"]).format(measure=label, reading=reading) if reading > 1 else label


def _measure_value(code: MeasureCode, m: Mapping[str, Any], tr: Translate) -> str:
    """The value and unit, then in brackets whether fasting (glucose) and what it was classed as."""
    value = f"{number(m['value'])} {UNITS[code]}".strip()
    notes = [tr("vitals", label) for label in flag_labels(m.get("flags") or {})]
    fasting = (m.get("context") or {}).get("fasting")
    if code is MeasureCode.GLUCOSE_MMOL and fasting is not None:
        notes.insert(0, tr(CONTEXT, _T["fasting"] if fasting else _T["not_fasting"]))
    return f"{value} ({'; '.join(notes)})" if notes else value


def _history(key: str, data: Mapping[str, Any], tr: Translate) -> list[Line]:
    item = next((i for i in book.HISTORY_ITEMS if i.code == key), None)
    answer = tr(CONTEXT, _T["yes"] if data.get("answer") else _T["no"])
    detail = (data.get("detail") or "").strip()
    return [Line(tr("checkup", item.label) if item else key, f"{answer} ({detail})" if detail else answer)]


def _finding(key: str, data: Mapping[str, Any], tr: Translate, icd10_names: Mapping[str, str]) -> list[Line]:
    label = book.SPECIALTY_LABELS.get(Specialty(key)) if key in Specialty._value2member_map_ else None
    title = tr(CONTEXT, _T["exam"]).format(specialty=tr("checkup", label) if label else key)
    text = (data.get("text") or "").strip()
    lines = [Line(title, tr("checkup", book.NO_ABNORMALITY) if data.get("no_abnormality") else text)]
    if data.get("no_abnormality") and text:
        lines.append(Line(tr(CONTEXT, _T["note"]), text))
    diagnoses = [_diagnosis(d, icd10_names) for d in data.get("diagnoses") or []]
    return lines + [Line(tr(CONTEXT, _T["diagnoses"]), "; ".join(diagnoses)),
                    Line(tr(CONTEXT, _T["class"]), data.get("health_class") or "")]


def _diagnosis(diagnosis: Mapping[str, Any], icd10_names: Mapping[str, str]) -> str:
    code = str(diagnosis.get("icd10") or "")
    name = diagnosis.get("label") or icd10_names.get(code, "")
    return f"{code} – {name}" if name else code


def _conclusion(data: Mapping[str, Any], tr: Translate) -> list[Line]:
    overall, computed = data.get("overall_class") or "", data.get("computed_class") or ""
    urgency = data.get("referral_urgency")
    urgency_label = book.URGENCY_LABELS.get(book.Urgency(urgency)) if urgency in book.Urgency._value2member_map_ \
        else urgency
    return [Line(tr(CONTEXT, _T["overall"]), overall),
            Line(tr(CONTEXT, _T["computed"]), computed if computed != overall else ""),
            Line(tr(CONTEXT, _T["override"]), data.get("override_reason") or ""),
            Line(tr(CONTEXT, _T["advice"]), data.get("advice") or ""),
            Line(tr(CONTEXT, _T["referral_to"]), data.get("referral_to") or ""),
            Line(tr(CONTEXT, _T["referral_reason"]), data.get("referral_reason") or ""),
            Line(tr(CONTEXT, _T["urgency"]), tr("checkup", urgency_label) if urgency_label else ""),
            Line(tr(CONTEXT, _T["follow_up"]), data.get("referral_follow_up_note") or "")]


def _counselling(notes: Iterable[Mapping[str, Any]], tr: Translate) -> list[Line]:
    notes = list(notes)
    topics = [n["topic"] for n in notes if n.get("topic")]
    labels = [tr("checkup", book.TOPIC_LABELS[book.Topic(t)]) if t in book.Topic._value2member_map_ else t
              for t in topics]
    text = next((n.get("text") or "" for n in notes if not n.get("topic")), "").strip()
    return [Line(tr(CONTEXT, _T["topics"]), ", ".join(labels)), Line(tr(CONTEXT, _T["text"]), text)]


def number(value: Any) -> str:
    """A value as a nurse writes it: no trailing zeros, a decimal comma."""
    return f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value)
