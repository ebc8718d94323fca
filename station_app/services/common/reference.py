"""Code lists shipped in resources/reference: communes of Lai Châu, ethnic groups, common ICD-10 codes."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from station_app.core.icd10 import Icd10Code
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
    """The curated subset of ICD-10 codes with Vietnamese names (lines starting with '#' are the file's notes)."""
    with resource("reference", "icd10_common_vi.csv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return tuple(Icd10Code(r["code"], r["name_vi"]) for r in rows)
