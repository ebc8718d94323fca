"""Code lists shipped in resources/reference: communes of Lai Châu, ethnic groups."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

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
