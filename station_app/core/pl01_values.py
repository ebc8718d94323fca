"""What a visit holds for each field of its PL01 form, read from where the station keeps it.

Pure: ``services/station/pl01_values.py`` reads the rows into a plain :class:`StationData`; ``values`` turns it
into one :class:`~station_app.core.pl01_answers.Pl01Value` per PL01 code, in the answers' convention (codes as
PL01 codes, numbers as decimal strings, dates ``yyyy-mm-dd`` or a year alone, date and time ``yyyy-mm-ddTHH:MM``,
yes/no ``0``/``1``, ICD-10 codes joined with ``;``). ``core.pl01_record`` then writes them in PL01's own formats.

Where a field's value comes from, in this order:
1. automatic fields (MA_LK, NGAY_VAO, TUOI) and facility fields (MA_CSKCB, MA_GTIN_CSKCB): worked out here;
2. an answer *recorded* for the code at a desk (a desk chose it for PL01: reception's DOI_TUONG wins over the
   priority below);
3. the station's own data named by the field's ``station_field`` (docs/PL01.md), converted by
   :data:`STATION_TO_PL01`, the one table of conversions;
4. an answer's mark (refused, not done with its reason);
5. for a visit recorded before QĐ 1551 (``before_1551``), the mark ``before_1551``: never an invented value.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from station_app.core import pl01_reception as reception_codes
from station_app.core.pl01 import FieldDefinition, FormDefinition, completed_months, school_grade
from station_app.core.pl01_answers import Answer, AnswerStatus, Pl01Value, group_answers
from station_app.core.pl01_laboratory import glucose_row
from station_app.core.vitals import bmi

NORMAL_FINDING = "Bình thường"  # a specialty examined with "nothing abnormal" (K) and no text

# Every conversion of a station value to a PL01 code, by the station data it comes from.
STATION_TO_PL01: dict[str, dict[str, str]] = {
    "resident.sex": {"male": "1", "female": "2", "unknown": "3"},
    # core.model.HealthClass → the 1–5 of PHAN_LOAI_SK and of every "_PL" class
    "health_class": {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"},
    # core.model.FundingSource → NGUON_KINH_PHI: core.pl01_reception.funding_code (the state budget is the
    # local one, 2, until reception records the code itself; docs/CLINICAL-RULES.md).
    # core.model.TargetGroup → DOI_TUONG: not a table but a priority with age and school grade, in one place,
    # core.pl01_reception.target_group_code (docs/CLINICAL-RULES.md), which reception shows as the default.
    # the guardian's relation, typed as free text, → MOI_QUAN_HE_VOI_TRE (the first word that matches; else 9)
    "consent.guardian_relation": {"cha": "1", "bo": "1", "me": "2", "ong": "3", "ba": "3", "anh": "4", "chi": "4",
                                  "ho hang": "5", "co": "5", "chu": "5", "bac": "5", "di": "5", "cau": "5",
                                  "thim": "5", "mo": "5"},
    "yesno": {"True": "1", "False": "0"},
    # every commune the station lists is in Lai Châu (resources/reference/laichau_communes_2025.csv: province 12)
    "resident.commune_code→province": {"*": "12"},
}
DOI_TUONG_OTHER = "14"
RELATION_OTHER = "9"
LAB_DESK = "laboratory"


@dataclass(frozen=True)
class StationData:
    """The station's rows of one visit, as plain values (what ``services/station/pl01_values.py`` reads)."""

    visit_id: str
    visit_date: dt.date
    started_at: dt.datetime | None  # local time the visit started (or was registered)
    before_1551: bool
    funding_source: str
    resident: Mapping[str, Any]  # the resident's columns (sex, birth_date, birth_year, full_name, …)
    target_groups: Sequence[str] = ()
    measurements: Mapping[str, Sequence[float]] = field(default_factory=dict)  # code → values by reading
    findings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # specialty → text, health_class, …
    diagnoses: Sequence[str] = ()  # the ICD-10 codes of the findings, in order
    history: Mapping[str, tuple[bool, str | None]] = field(default_factory=dict)  # item → (answer, detail)
    conclusion: Mapping[str, Any] | None = None
    consent: Mapping[str, Any] | None = None
    counselling: Sequence[str] = ()
    facility_code: str | None = None
    facility_gln: str | None = None
    answers: Sequence[Answer] = ()
    glucose_fasting: bool | None = None  # the capillary glucose's context at the vital-signs desk


def values(form: FormDefinition, data: StationData) -> dict[str, Pl01Value]:
    """One Pl01Value per PL01 code of ``form`` (lab codes carry one value per row, in row order)."""
    given = group_answers(data.answers)
    out: dict[str, Pl01Value] = {}
    for f in form.fields:
        if f.code in out or not f.collected:
            continue
        out[f.code] = _value(f, data, given.get(f.code))
    _add_glucose_row(form, data, out)
    return out


def _value(f: FieldDefinition, data: StationData, answer: Pl01Value | None) -> Pl01Value:
    own = _computed(f, data)
    if own is not None:
        return Pl01Value(f.code, (own,), AnswerStatus.RECORDED, source=f.desk)
    if answer is not None and answer.present:
        return answer
    if f.station_field:
        station = station_value(f, data)
        if station is not None:
            return Pl01Value(f.code, (station,), AnswerStatus.RECORDED, source=f.station_field, items=(0,))
    if answer is not None and answer.status is not None:
        return answer
    if data.before_1551:
        return Pl01Value(f.code, (), AnswerStatus.BEFORE_1551, source="before_1551")
    return Pl01Value(f.code)


def _computed(f: FieldDefinition, data: StationData) -> str | None:
    if f.code == "MA_LK":
        return data.visit_id
    if f.code == "NGAY_VAO":
        when = data.started_at
        time = when.strftime("%H:%M") if when is not None and when.date() == data.visit_date else "00:00"
        return f"{data.visit_date.isoformat()}T{time}"
    if f.code == "TUOI":
        return str(age_years(data.resident, data.visit_date))
    if f.code == "MA_CSKCB":
        return data.facility_code or None
    if f.code == "MA_GTIN_CSKCB":
        return data.facility_gln or None
    return None


def age_years(resident: Mapping[str, Any], on: dt.date) -> int:
    """Completed years on ``on`` from the birth date, or the difference of years when only the year is known."""
    born = resident.get("birth_date")
    if born:
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return max(0, on.year - int(resident.get("birth_year") or on.year))


def station_value(f: FieldDefinition, data: StationData) -> str | None:
    """The field's value from the station's data named by ``station_field``, converted to PL01 (None: not there)."""
    source, _, rest = f.station_field.partition(":")
    if rest:
        return _by_kind(source, rest, f, data)
    table, _, column = f.station_field.partition(".")
    if table == "resident":
        return _resident(column, f, data)
    if table == "visit":
        return _funding(data.funding_source) if column == "funding_source" else _text(getattr(data, column, None))
    if table == "conclusion":
        row = data.conclusion or {}
        if column == "overall_class":
            return STATION_TO_PL01["health_class"].get(str(row.get("overall_class")))
        return _text(row.get(column))
    if table == "consent":
        row = data.consent or {}
        if column == "guardian_relation":
            return relation_code(row.get("guardian_relation"))
        return _text(row.get(column))
    if table == "counselling_note":
        return _text("; ".join(t for t in data.counselling if t and t.strip()))
    if table == "diagnosis":
        return _text(";".join(dict.fromkeys(c.strip().upper() for c in data.diagnoses if c and c.strip())))
    return None


def _by_kind(kind: str, rest: str, f: FieldDefinition, data: StationData) -> str | None:
    if kind == "measurement":
        if rest == "systolic+diastolic":
            high, low = data.measurements.get("systolic"), data.measurements.get("diastolic")
            return f"{_number(high[0])}/{_number(low[0])}" if high and low else None
        readings = data.measurements.get(rest)
        if not readings and rest == "bmi":
            weight, height = data.measurements.get("weight_kg"), data.measurements.get("height_cm")
            return _number(bmi(weight[0], height[0])) if weight and height and height[0] > 0 else None
        return _number(readings[0]) if readings else None
    if kind == "finding":
        specialty, _, column = rest.partition(".")
        row = data.findings.get(specialty)
        if row is None:
            return None
        if column == "health_class":
            return STATION_TO_PL01["health_class"].get(str(row.get("health_class")))
        text = _text(row.get(column))
        return text if text is not None or not row.get("no_abnormality") else NORMAL_FINDING
    if kind == "history_item":
        item, _, part = rest.partition(".")
        if item not in data.history:
            return None
        answer, detail = data.history[item]
        return _text(detail) if part == "detail" else STATION_TO_PL01["yesno"][str(bool(answer))]
    return None


def _resident(column: str, f: FieldDefinition, data: StationData) -> str | None:
    r = data.resident
    if column == "sex":
        return STATION_TO_PL01["resident.sex"].get(str(r.get("sex")))
    if column == "target_groups":
        return target_group_code(data.target_groups, age_years=_years(r, data.visit_date),
                                 school_grade=school_grade(r.get("school_class")))
    if column == "birth_date":
        born = r.get("birth_date")
        return born.isoformat() if born else (str(r["birth_year"]) if r.get("birth_year") else None)
    if column == "commune_code" and f.input == "computed":  # the province of the commune
        return STATION_TO_PL01["resident.commune_code→province"]["*"] if r.get("commune_code") else None
    return _text(r.get(column))


def target_group_code(groups: Iterable[str], *, age_years: int | None = None,
                      school_grade: int | None = None) -> str:
    """DOI_TUONG from the resident's groups, age and school grade: core.pl01_reception's documented priority
    (the default reception shows); none → 14 (others)."""
    return reception_codes.target_group_code(groups, age_years=age_years, school_grade=school_grade)


def _years(resident: Mapping[str, Any], on: dt.date) -> int | None:
    born = resident.get("birth_date")
    if born is not None:
        return completed_months(born, on) // 12 if on >= born else None
    year = resident.get("birth_year")
    return on.year - int(year) if year else None


def relation_code(text: object) -> str | None:
    """MOI_QUAN_HE_VOI_TRE from the relation as typed ("Mẹ", "bố đẻ", "bà ngoại"); unknown words → 9 (other)."""
    typed = _text(text)
    if typed is None:
        return None
    words = _fold(typed).split()
    table = STATION_TO_PL01["consent.guardian_relation"]
    if " ".join(words[:2]) in table:
        return table[" ".join(words[:2])]
    return next((table[w] for w in words if w in table), RELATION_OTHER)


def _add_glucose_row(form: FormDefinition, data: StationData, out: dict[str, Pl01Value]) -> None:
    """Capillary glucose, a measurement of the vitals desk, becomes one more row of the laboratory table."""
    readings = data.measurements.get("glucose_mmol")
    lab = [f.code for f in form.fields if f.desk == LAB_DESK and f.collected]
    if not readings or "GIA_TRI" not in lab:
        return
    if out.get("GIA_TRI") is not None and out["GIA_TRI"].source == "measurement:glucose_mmol":
        out["GIA_TRI"] = Pl01Value("GIA_TRI")  # written below as a row of its own
    rows = [v for code in lab if (v := out.get(code)) is not None and v.source == "answers"]
    item = max((i for v in rows for i in v.items), default=-1) + 1
    row = glucose_row(float(readings[0]), fasting=data.glucose_fasting)  # as the laboratory desk shows it
    cells = {"MA_DICH_VU": row.service, "MA_CHI_SO": row.index, "GIA_TRI": _number(readings[0]),
             "DON_VI_DO": row.unit, "MO_TA": row.description, "KET_LUAN": row.conclusion}
    for code in lab:
        if code not in cells:
            continue
        now = out.get(code)
        kept = now if now is not None and now.present else Pl01Value(code, (), None, source="answers")
        out[code] = Pl01Value(code, kept.values + (cells[code],), AnswerStatus.RECORDED, kept.reason,
                              kept.unit, "answers", kept.items + (item,))


def _number(value: float | None) -> str | None:
    if value is None:
        return None
    number = round(float(value), 2)
    return str(int(number)) if number.is_integer() else f"{number:g}"


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in plain if unicodedata.category(ch) != "Mn").casefold()


def _funding(source: str | None) -> str | None:
    try:
        return reception_codes.funding_code(source) if source else None
    except ValueError:
        return None
