"""Searching ICD-10 codes by code or by name typed without marks (pure: the caller passes the codes in, services
read the CSVs). The full WHO list has about 12,000 codes: :class:`Icd10Index` normalises them once, so each
keystroke only scans prepared strings (docs/PL01.md, "ICD-10", has the timings)."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from station_app.core.errors import ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.names import normalise_name

_CODE_LIKE = re.compile(r"[A-Z]\d{1,4}")  # "E", "tang" are words; "E1", "E119" are the start of a code
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Icd10Code:
    code: str
    name: str  # Vietnamese where known, else WHO's English name
    name_en: str = ""

    @property
    def display(self) -> str:
        return f"{self.code} – {self.name}"


class UnknownIcd10CodeError(ValidationError):
    """A diagnosis code that is not in the ICD-10 list the station ships."""

    template = QT_TRANSLATE_NOOP("errors", "Mã ICD-10 '{code}' không có trong danh mục ICD-10. "
                                           "Hãy gõ mã hoặc tên bệnh rồi chọn một dòng trong danh sách gợi ý.")


def code_key(text: str) -> str:
    """'e11.9 ' → 'E119': how a typed code is compared (case, dot and spaces do not count)."""
    return "".join(text.upper().split()).replace(".", "")


def _words(text: str) -> list[str]:
    folded = text.lower() if text.isascii() else normalise_name(text)  # WHO's English names need no folding
    return _NOT_WORD.sub(" ", folded).split()


def _prepared(item: Icd10Code) -> str:
    """The words of the name, then of the English name, each after a space: ' tang huyet ap | essential '."""
    name = " ".join(_words(item.name))
    english = name if item.name_en in ("", item.name) else " ".join(_words(item.name_en))
    return f" {name} | {english} "


class Icd10Index:
    """Codes prepared for searching as the doctor types. ``quick`` codes (the curated Vietnamese list) come first
    among equally good matches; the others keep the order they were given in (the classification's order)."""

    def __init__(self, codes: Iterable[Icd10Code], quick: Iterable[str] = ()) -> None:
        by_key: dict[str, Icd10Code] = {}
        for item in codes:
            by_key.setdefault(code_key(item.code), item)
        quick_keys = [k for k in dict.fromkeys(code_key(c) for c in quick) if k in by_key]
        self._by_key = by_key
        self._quick = frozenset(quick_keys)
        ordered = [by_key[k] for k in quick_keys] + [c for k, c in by_key.items() if k not in self._quick]
        self._entries = tuple(ordered)
        self._texts = tuple(_prepared(c) for c in ordered)
        self._sorted_keys = sorted(by_key)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, text: str) -> Icd10Code | None:
        """The code ``text`` stands for ("e119", "E11.9", " i10 "), or None when it is not in the list."""
        return self._by_key.get(code_key(text))

    def is_code(self, text: str) -> bool:
        return self.get(text) is not None

    def parse_choice(self, text: str) -> Icd10Code | None:
        """The code a completer line ("I10 – Tăng huyết áp …") or a typed code ("i10") stands for, if known."""
        return self.get(text.split("–")[0])

    def search(self, text: str, limit: int = 20) -> list[Icd10Code]:
        """Codes starting with ``text`` ("e11", "E11.9", "e119"), the exact code first; when no code does, codes
        whose Vietnamese or English name has a word starting with each typed word, without marks or case
        ("tang huyet ap", "hypertens"), names starting with the typed words first; quick-list codes first."""
        found = self._by_code(text)
        words = _words(text)
        if words and not found:  # a name never holds a code: "e11" typed is a code
            found = self._by_name(words, limit)
        return found[:limit]

    def _by_code(self, text: str) -> list[Icd10Code]:
        key = code_key(text)
        if not _CODE_LIKE.fullmatch(key):
            return []
        start = bisect.bisect_left(self._sorted_keys, key)
        keys = []
        for k in self._sorted_keys[start:]:
            if not k.startswith(key):
                break
            keys.append(k)
        ranked = sorted(keys, key=lambda k: (k != key, k not in self._quick))  # stable: code order within
        return [self._by_key[k] for k in ranked]

    def _by_name(self, words: list[str], limit: int) -> list[Icd10Code]:
        phrase = " ".join(words)
        needles = [" " + w for w in words]
        tiers: tuple[list[int], ...] = ([], [], [], [])  # quick and starting, quick, starting, the rest
        quick_count = len(self._quick)
        for i, haystack in enumerate(self._texts):
            if i == quick_count and len(tiers[0]) + len(tiers[1]) >= limit:
                break  # the quick list alone fills the list
            if all(n in haystack for n in needles):
                starting = haystack.startswith(" " + phrase) or f"| {phrase}" in haystack
                tiers[(0 if starting else 1) + (0 if i < quick_count else 2)].append(i)
        return [self._entries[i] for tier in tiers for i in tier]


def search(codes: Iterable[Icd10Code], text: str, limit: int = 20) -> list[Icd10Code]:
    """One search over a small list (the quick list); for the full list build an :class:`Icd10Index` once."""
    return Icd10Index(codes).search(text, limit)


def parse_choice(text: str, codes: Iterable[Icd10Code]) -> Icd10Code | None:
    """The code a completer line ("I10 – Tăng huyết áp …") or a typed code ("i10") stands for, if known."""
    return Icd10Index(codes).parse_choice(text)
