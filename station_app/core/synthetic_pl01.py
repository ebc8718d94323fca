"""Synthetic answers to a PL01 form, for the training station (demo) and the tests: every field a desk records
(no station data behind it) gets a plausible value its field accepts — mostly the normal finding, sometimes not.

Pure and deterministic for a given ``random.Random``. Fields the program computes (z-scores, ratings), fields the
station reads from its own data (``station_field``), facility and automatic fields are left to their owners.
"""
from __future__ import annotations

import random
from collections.abc import Iterable

from station_app.core.names import normalise_name
from station_app.core.pl01 import FieldDefinition, FormDefinition
from station_app.core.pl01_answers import Answer

SKIPPED_DESKS = frozenset({"automatic", "facility"})
_NORMAL_WORDS = ("binh thuong", "loai i", "khong", "du 2 ben", "toan ven")
_NUMBERS = {"TUAN_THAI_KHI_SINH": 39, "CAN_NANG_KHI_SINH": 3000}


def answerable(f: FieldDefinition, *, female: bool) -> bool:
    """A field a desk records as an answer (not one the station computes or already keeps elsewhere)."""
    if not f.collected or f.station_field or f.desk in SKIPPED_DESKS or f.input in ("computed", ""):
        return False
    return female or f.desk != "doctor:obgyn"


def normal_value(f: FieldDefinition) -> str | None:
    """The value a healthy resident's field takes: the field's declared normal, else the list's "normal" code,
    else the middle of its limits; None when nothing sensible can be said (a date, an ICD code)."""
    declared = getattr(f, "normal", "") or ""
    if declared:
        return declared
    if f.input == "yesno":
        return "1" if f.desk == "child_development" or f.code == "BINH_THUONG" else "0"
    if f.input == "code" and f.codes is not None:
        for word in _NORMAL_WORDS:
            for c in f.codes:
                if normalise_name(c.label).startswith(word):
                    return c.code
        return next((c.code for c in f.codes if c.code != "99"), None)
    if f.input == "number":
        if f.code in _NUMBERS and f.accepts(_NUMBERS[f.code]):
            return str(_NUMBERS[f.code])
        low, high = f.limits
        if low is None or high is None:
            return None
        middle = (low + high) / 2
        return str(int(middle)) if float(middle).is_integer() or high - low > 20 else f"{middle:.1f}"
    if f.input == "text":
        return "Bình thường"
    return None


def synthetic_answers(form: FormDefinition, *, female: bool, rng: random.Random, abnormal: float = 0.05,
                      fields: Iterable[FieldDefinition] | None = None) -> list[Answer]:
    """One answer per answerable required field of ``form`` (or of ``fields``): its normal value, or with
    probability ``abnormal`` another value of its list."""
    out: list[Answer] = []
    seen: set[str] = set()
    for f in fields if fields is not None else form.fields:
        if f.code in seen or not f.required or not answerable(f, female=female):
            continue
        seen.add(f.code)
        value = normal_value(f)
        if value is None:
            continue
        if f.codes is not None and len(f.codes) > 1 and rng.random() < abnormal:
            value = rng.choice([c.code for c in f.codes if c.code not in (value, "99")] or [value])
        if not f.accepts(value):
            continue
        out.append(Answer(f.code, value))
    return out
