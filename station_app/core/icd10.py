"""Searching the shipped subset of ICD-10 codes (pure: the caller passes the codes in, services read the CSV)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from station_app.core.names import normalise_name


@dataclass(frozen=True)
class Icd10Code:
    code: str
    name: str  # Vietnamese

    @property
    def display(self) -> str:
        return f"{self.code} – {self.name}"


def _norm_code(text: str) -> str:
    return text.strip().upper().replace(".", "")


def search(codes: Iterable[Icd10Code], text: str, limit: int = 20) -> list[Icd10Code]:
    """Codes whose code starts with ``text`` ("i1", "E11", "M54.5"), then codes whose Vietnamese name holds every
    word of ``text`` typed without marks or case ("tang huyet ap"), names starting with the words first."""
    words = normalise_name(text).split()
    if not words:
        return []
    prefix = _norm_code(text)
    by_code, by_start, by_words = [], [], []
    for item in codes:
        name = normalise_name(item.name)
        if _norm_code(item.code).startswith(prefix):
            by_code.append(item)
        elif name.startswith(" ".join(words)):
            by_start.append(item)
        elif all(w in name.split() or w in name for w in words):
            by_words.append(item)
    return (by_code + by_start + by_words)[:limit]


def parse_choice(text: str, codes: Iterable[Icd10Code]) -> Icd10Code | None:
    """The code a completer line ("I10 – Tăng huyết áp …") or a typed code ("i10") stands for, if known."""
    head = _norm_code(text.split("–")[0])
    return next((c for c in codes if _norm_code(c.code) == head), None)
