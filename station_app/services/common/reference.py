"""Code lists shipped in resources/reference: communes of Lai Châu, ethnic groups, ICD-10 (the full WHO list and
the Vietnamese quick list; resources/reference/SOURCES.md says where each comes from)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from station_app.core.icd10 import Icd10Code, Icd10Index
from station_app.resources import resource


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    kind: str  # "Xã" or "Phường"


@dataclass(frozen=True)
class EthnicGroup:
    code: str
    name: str


def _rows(name: str) -> list[dict[str, str]]:
    with resource("reference", name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def communes() -> tuple[Commune, ...]:
    rows = _rows("laichau_communes_2025.csv")
    return tuple(sorted((Commune(r["code_5d"], r["name"], r["type"]) for r in rows), key=lambda c: c.name))


@cache
def ethnic_groups() -> tuple[EthnicGroup, ...]:
    return tuple(EthnicGroup(r["code"], r["name_official"]) for r in _rows("ethnic_groups_vn.csv"))


def commune_by_code(code: str) -> Commune | None:
    return next((c for c in communes() if c.code == code), None)


@cache
def icd10_codes() -> tuple[Icd10Code, ...]:
    """The quick list: the curated codes common at check-ups, with Vietnamese names ('#' lines are the file's notes)."""
    with resource("reference", "icd10_common_vi.csv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return tuple(Icd10Code(r["code"], r["name_vi"]) for r in rows)


@cache
def icd10_all() -> tuple[Icd10Code, ...]:
    """Every code of WHO's ICD-10 2019 (categories and subcategories), in the classification's order. The name is
    the quick list's Vietnamese one, else the file's Vietnamese one if it has any, else WHO's English one."""
    quick = {c.code: c.name for c in icd10_codes()}
    codes = []
    for r in _rows("icd10_who_2019.csv"):
        name = quick.get(r["code"]) or (r.get("name_vi") or "").strip() or r["name_en"]
        codes.append(Icd10Code(r["code"], name, r["name_en"]))
    return tuple(codes)


@cache
def icd10_index() -> Icd10Index:
    """The full list prepared for searching, quick-list codes first (built once, on first use)."""
    return Icd10Index(icd10_all(), quick=(c.code for c in icd10_codes()))


def icd10_names() -> dict[str, str]:
    """Code → the name shown for it (Vietnamese where known), for every code of the full list."""
    return {c.code: c.name for c in icd10_all()}
