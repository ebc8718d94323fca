"""A visit's answers to its PL01 form, held generically: one answer per (visit, PL01 code, item).

Pure: no database, no Qt. The station stores answers in the ``answers`` table (persistence/answers.py), so a field
that a corrected PL01 adds is data, not a migration. Values the station already kept before QĐ 1551 (resident,
measurements, findings, conclusion) are *not* copied into answers: they are read where they live, through each
field's ``station_field`` (core.pl01.FieldDefinition), by services/station/pl01_values.py.

An answer is one of:
- ``recorded``: a value, as text in PL01's own form for codes ("1", "2"), as a decimal string for numbers ("36.5"),
  ``yyyy-mm-dd`` for dates, ``0``/``1`` for yes/no, ICD-10 codes joined with ``;``;
- ``refused``: the resident declined (a reason may be given);
- ``not_done``: not done, with a reason (e.g. "không có máy đo");
- ``before_1551``: the visit was recorded before the station knew QĐ 1551; the field did not exist then and is
  never invented (set only by the migration's reading of old visits, never typed).

``item`` numbers repeated groups: the rows of the laboratory table, the personal history's diseases with the year
found. A single field has item 0.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class AnswerStatus(StrEnum):
    RECORDED = "recorded"
    REFUSED = "refused"
    NOT_DONE = "not_done"
    BEFORE_1551 = "before_1551"


#: Statuses that count as "explicitly marked" for the completion rule: the field is accounted for without a value.
MARKED = frozenset({AnswerStatus.REFUSED, AnswerStatus.NOT_DONE, AnswerStatus.BEFORE_1551})

MAX_VALUE_CHARS = 4000  # a PL01 text field is at most "n"; nothing typed at a desk needs more


@dataclass(frozen=True)
class Answer:
    code: str
    value: str | None = None
    item: int = 0
    unit: str | None = None
    status: AnswerStatus = AnswerStatus.RECORDED
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.status == AnswerStatus.RECORDED and (self.value is None or self.value == ""):
            raise ValueError(f"{self.code}: a recorded answer needs a value")
        if self.value is not None and len(self.value) > MAX_VALUE_CHARS:
            raise ValueError(f"{self.code}: value longer than {MAX_VALUE_CHARS} characters")
        if self.item < 0:
            raise ValueError(f"{self.code}: item must be >= 0")

    @property
    def key(self) -> tuple[str, int]:
        return (self.code, self.item)


@dataclass(frozen=True)
class StoredAnswer:
    """An answer as stored: who recorded it, when, from which desk, which version."""

    answer: Answer
    desk: str
    recorded_by: str | None
    recorded_at: dt.datetime
    version: int = 1


@dataclass(frozen=True)
class Pl01Value:
    """What a visit holds for one PL01 code, whichever store it came from.

    ``values`` has one entry per item (most fields: one). ``status`` is ``recorded`` when there is at least one
    value; otherwise the mark (refused, not done, before QĐ 1551) or ``None`` when nothing is known at all.
    """

    code: str
    values: tuple[str, ...] = ()
    status: AnswerStatus | None = None
    reason: str | None = None
    unit: str | None = None
    source: str = ""  # "answers", or the station_field it was read from
    items: tuple[int, ...] = field(default=())

    @property
    def present(self) -> bool:
        return bool(self.values)

    @property
    def accounted_for(self) -> bool:
        return self.present or self.status in MARKED

    @property
    def first(self) -> str | None:
        return self.values[0] if self.values else None


def group_answers(answers: Iterable[Answer]) -> dict[str, Pl01Value]:
    """The answers of one visit as one Pl01Value per code (items in order)."""
    by_code: dict[str, list[Answer]] = {}
    for a in answers:
        by_code.setdefault(a.code, []).append(a)
    out: dict[str, Pl01Value] = {}
    for code, items in by_code.items():
        items.sort(key=lambda a: a.item)
        recorded = [a for a in items if a.status == AnswerStatus.RECORDED and a.value not in (None, "")]
        if recorded:
            out[code] = Pl01Value(code, tuple(a.value for a in recorded if a.value is not None),
                                  AnswerStatus.RECORDED, None, recorded[0].unit, "answers",
                                  tuple(a.item for a in recorded))
        else:
            mark = items[0]
            out[code] = Pl01Value(code, (), mark.status, mark.reason, mark.unit, "answers", ())
    return out


def changed(before: Mapping[tuple[str, int], Answer], after: Iterable[Answer]) -> list[Answer]:
    """The answers of ``after`` that differ from what is stored (so a save writes and versions only those)."""
    return [a for a in after if before.get(a.key) != a]
