"""The laboratory rows of PL01 forms 1 and 2: each test one row of service, index, value, unit, description and
conclusion (MA_DICH_VU, MA_CHI_SO, GIA_TRI, DON_VI_DO, MO_TA, KET_LUAN), stored as six answers sharing an ``item``.

Pure: no database, no Qt. Rows typed at the laboratory desk are numbered from 1 in the order shown. The capillary
glucose is measured at the vital-signs desk and stays a measurement there (one place): the record shows it as the
laboratory row after the typed ones (core.pl01_values adds it to the record), and the laboratory desk shows it
read-only, built here by :func:`glucose_row` (never stored as answers).

Codes: PL01 gives no list for MA_DICH_VU or MA_CHI_SO (docs/PL01.md, "Laboratory and children's measures").
MA_DICH_VU uses our local codes ``XN.<name>`` until the Ministry's list of technical services is in hand;
MA_CHI_SO uses the LOINC code of the index (to be checked against loinc.org).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.core.vitals import GlucoseClass, glucose

SERVICE, INDEX, VALUE, UNIT, DESCRIPTION, CONCLUSION = (
    "MA_DICH_VU", "MA_CHI_SO", "GIA_TRI", "DON_VI_DO", "MO_TA", "KET_LUAN")
LAB_CODES: tuple[str, ...] = (SERVICE, INDEX, VALUE, UNIT, DESCRIPTION, CONCLUSION)
GLUCOSE_ITEM = 0  # the capillary glucose row as the desk shows it (never stored); typed rows are 1, 2, …


@dataclass(frozen=True)
class LabRow:
    """One test: ``service`` (MA_DICH_VU), ``index`` (MA_CHI_SO), ``value`` (GIA_TRI), ``unit`` (DON_VI_DO),
    ``description`` (MO_TA), ``conclusion`` (KET_LUAN). ``item`` numbers the row among the visit's answers."""

    service: str
    index: str
    value: str
    unit: str = ""
    description: str = ""
    conclusion: str = ""
    item: int = 0

    @property
    def empty(self) -> bool:
        return not any(s.strip() for s in (self.service, self.index, self.value, self.description, self.conclusion))

    def texts(self) -> dict[str, str]:
        return {SERVICE: self.service, INDEX: self.index, VALUE: self.value, UNIT: self.unit,
                DESCRIPTION: self.description, CONCLUSION: self.conclusion}


# ------------------------------------------------------------------------------------------ the common tests

@dataclass(frozen=True)
class LabTest:
    """A test the station often does: its service code (local), index code (LOINC), name and unit."""

    service: str
    index: str
    name: str  # Vietnamese, marked for translation (context "laboratory")
    unit: str
    at_vitals: bool = False  # recorded at the vital-signs desk, not typed at the laboratory desk


CAPILLARY_GLUCOSE = LabTest("XN.GLU_MM", "14743-9", QT_TRANSLATE_NOOP("laboratory", "Đường huyết mao mạch"),
                            "mmol/L", at_vitals=True)
COMMON_TESTS: tuple[LabTest, ...] = (
    CAPILLARY_GLUCOSE,
    LabTest("XN.GLU_TM", "14749-6", QT_TRANSLATE_NOOP("laboratory", "Glucose máu tĩnh mạch"), "mmol/L"),
    LabTest("XN.HBA1C", "4548-4", QT_TRANSLATE_NOOP("laboratory", "HbA1c"), "%"),
    LabTest("XN.HB", "718-7", QT_TRANSLATE_NOOP("laboratory", "Hemoglobin (test nhanh)"), "g/L"),
    LabTest("XN.CHOL", "14647-2", QT_TRANSLATE_NOOP("laboratory", "Cholesterol toàn phần"), "mmol/L"),
    LabTest("XN.NT_PRO", "20454-5", QT_TRANSLATE_NOOP("laboratory", "Protein niệu (que thử)"), ""),
    LabTest("XN.NT_GLU", "25428-4", QT_TRANSLATE_NOOP("laboratory", "Glucose niệu (que thử)"), ""),
    LabTest("XN.HCG", "2106-3", QT_TRANSLATE_NOOP("laboratory", "Thử thai nhanh (hCG nước tiểu)"), ""),
)


def fold(text: str) -> str:
    """Lower case without Vietnamese marks (đ → d), for type-ahead: "duong" finds "Đường"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def desk_tests() -> tuple[LabTest, ...]:
    """The tests offered at the laboratory desk (capillary glucose is typed at the vital-signs desk)."""
    return tuple(t for t in COMMON_TESTS if not t.at_vitals)


def find_tests(text: str, names: Mapping[str, str] | None = None) -> list[LabTest]:
    """The desk's tests whose name (as shown: ``names`` maps a Vietnamese name to its translation), service or
    index code contains ``text``, marks ignored; names starting with it first."""
    wanted = fold(text.strip())
    if not wanted:
        return list(desk_tests())
    scored = []
    for n, test in enumerate(desk_tests()):
        shown = fold((names or {}).get(test.name, test.name))
        words = [shown, fold(test.name), fold(test.service), fold(test.index)]
        if any(wanted in w for w in words):
            scored.append((0 if any(w.startswith(wanted) for w in words) else 1, n, test))
    return [t for _s, _n, t in sorted(scored, key=lambda s: (s[0], s[1]))]


def test_of(service: str, index: str) -> LabTest | None:
    return next((t for t in COMMON_TESTS if t.service == service and t.index == index), None)


# -------------------------------------------------------------------------------------- rows <-> answers

def rows_from_answers(answers: Iterable[Answer]) -> list[LabRow]:
    """The typed rows among a visit's answers (other codes ignored), by item."""
    by_item: dict[int, dict[str, str]] = {}
    for a in answers:
        if a.code in LAB_CODES and a.item != GLUCOSE_ITEM and a.status == AnswerStatus.RECORDED and a.value:
            by_item.setdefault(a.item, {})[a.code] = a.value
    return [LabRow(t.get(SERVICE, ""), t.get(INDEX, ""), t.get(VALUE, ""), t.get(UNIT, ""), t.get(DESCRIPTION, ""),
                   t.get(CONCLUSION, ""), item) for item, t in sorted(by_item.items())]


def numbered(rows: Sequence[LabRow]) -> list[LabRow]:
    """The non-empty rows numbered 1, 2, … in the order shown."""
    kept = [r for r in rows if not r.empty]
    return [LabRow(r.service, r.index, r.value, r.unit, r.description, r.conclusion, n)
            for n, r in enumerate(kept, 1)]


def answers_from_rows(rows: Sequence[LabRow]) -> list[Answer]:
    """One answer per filled code of each row (rows numbered by :func:`numbered` first); blank texts are left out."""
    out = []
    for row in numbered(rows):
        for code, text in row.texts().items():
            if text.strip():
                out.append(Answer(code, text.strip(), row.item))
    return out


def lab_changes(stored: Iterable[Answer], rows: Sequence[LabRow]) -> tuple[list[Answer], list[tuple[str, int]]]:
    """What a save of ``rows`` writes and removes, given the visit's stored answers: every answer of the rows as
    they are now, and the stored laboratory answers no longer there (a row removed, a cell emptied)."""
    new = answers_from_rows(rows)
    keep = {a.key for a in new}
    cleared = [a.key for a in stored if a.code in LAB_CODES and a.item != GLUCOSE_ITEM and a.key not in keep]
    return new, cleared


class LabRowIncompleteError(StationError):
    """A row shown at the desk without its test or its value; ``row`` is its number as shown (1, 2, …)."""

    template = QT_TRANSLATE_NOOP("errors", "Dòng xét nghiệm {row} chưa đủ: hãy chọn xét nghiệm và nhập kết quả, "
                                           "hoặc xoá dòng này (Ctrl+Delete).")


def check_rows(rows: Sequence[LabRow]) -> None:
    """Raises :class:`LabRowIncompleteError` for the first non-empty row without its test or its value."""
    for number, row in enumerate((r for r in rows if not r.empty), 1):
        if missing_parts(row):
            raise LabRowIncompleteError(row=number, key=missing_parts(row)[0])


def missing_parts(row: LabRow) -> tuple[str, ...]:
    """The codes a row needs before it can be saved: which test (service or index) and its value."""
    missing = []
    if not (row.service.strip() or row.index.strip()):
        missing.append(SERVICE)
    if not row.value.strip():
        missing.append(VALUE)
    return tuple(missing)


# ----------------------------------------------------------------------------------- capillary glucose

GLUCOSE_CONCLUSIONS = {
    GlucoseClass.LOW: QT_TRANSLATE_NOOP("laboratory", "Hạ đường huyết"),
    GlucoseClass.NORMAL: QT_TRANSLATE_NOOP("laboratory", "Bình thường"),
    GlucoseClass.RAISED: QT_TRANSLATE_NOOP("laboratory", "Tăng, cần xét nghiệm lại đường huyết tĩnh mạch"),
    GlucoseClass.DIABETES_RANGE: QT_TRANSLATE_NOOP("laboratory", "Trong ngưỡng đái tháo đường, chuyển khám"),
}
FASTING = QT_TRANSLATE_NOOP("laboratory", "Lúc đói")
NOT_FASTING = QT_TRANSLATE_NOOP("laboratory", "Bất kỳ (không nhịn đói)")


def glucose_row(mmol_l: float, *, fasting: bool | None) -> LabRow:
    """The capillary glucose of the vital signs as the desk shows it, a laboratory row (item 0). The value as PL01 text
    with a point ("5.6"); the description says whether it was fasting; the conclusion is the screening's class
    (core.vitals.glucose). Texts are the Vietnamese source, as the record is written."""
    klass = glucose(mmol_l, fasting=fasting).klass
    return LabRow(CAPILLARY_GLUCOSE.service, CAPILLARY_GLUCOSE.index, f"{mmol_l:g}", CAPILLARY_GLUCOSE.unit,
                  FASTING if fasting else NOT_FASTING, GLUCOSE_CONCLUSIONS[klass], GLUCOSE_ITEM)


def record_rows(answers: Iterable[Answer], *, glucose_mmol: float | None, fasting: bool | None) -> list[LabRow]:
    """Every laboratory row of a visit: the typed rows, then the capillary glucose (when measured), as the record
    orders them (core.pl01_values)."""
    rows = rows_from_answers(answers)
    return rows + ([glucose_row(glucose_mmol, fasting=fasting)] if glucose_mmol is not None else [])
