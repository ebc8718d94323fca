"""Whether two records of people who share a name, a birth year and a village are one person.

In a mountain village many people share a few family and given names, so name + year + village alone proves
nothing. Every other fact the two records have is compared:

- a fact both records know and disagree on (full birth date, sex, ethnic group, household, guardian, commune,
  an ID or insurance number) makes them two people (DIFFERENT);
- a fact both know and agree on that few people share (full birth date, household, guardian, an ID or
  insurance number), with nothing disagreeing, makes them one person (SAME) — a phone may differ then, since
  people change numbers. A phone alone proves nothing: a household, or a village, often shares one phone;
- two records holding exactly the same facts are one person too (SAME): importing the same list twice must
  find everybody again;
- anything else (only name + year + village agree, the other facts missing on one side) is a WEAK match: a
  possible duplicate for a person to decide, never merged.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from enum import IntEnum

from station_app.core.names import normalise_name


class Likeness(IntEnum):
    DIFFERENT = 0
    WEAK = 1
    SAME = 2


@dataclass(frozen=True, slots=True)
class Identity:
    """The facts besides name, birth year and village; None (or empty) when not known."""

    birth_date: dt.date | None = None
    sex: str | None = None
    ethnic_code: str | None = None
    household_code: str | None = None
    guardian: str | None = None
    commune_code: str | None = None
    national_id: str | None = None
    old_id_number: str | None = None
    insurance: frozenset[str] = frozenset()  # every key of the insurance number (card code, social number)
    phone: str | None = None


_ALL = tuple(f.name for f in fields(Identity))
_TELLING = ("birth_date", "household_code", "guardian", "national_id", "old_id_number", "insurance")
_HARD = tuple(name for name in _ALL if name != "phone")  # a phone changes; the rest of a person does not


def identity(*, birth_date: dt.date | None, sex: str | None, ethnic_code: str | None, household_code: str | None,
             guardian_name: str | None, commune_code: str | None, national_id: str | None,
             old_id_number: str | None, insurance: frozenset[str], phone: str | None) -> Identity:
    """An Identity from stored or typed values, written the same way whatever the spelling."""
    return Identity(birth_date, sex if sex in ("male", "female") else None, ethnic_code or None,
                    normalise_name(household_code or "") or None, normalise_name(guardian_name or "") or None,
                    commune_code or None, national_id or None, old_id_number or None, insurance,
                    _phone(phone))


def _phone(text: str | None) -> str | None:
    digits = re.sub(r"\D", "", text or "")
    if digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits or None


def _known(value: object) -> bool:
    return value is not None and value != frozenset()


def _differs(name: str, a: Identity, b: Identity) -> bool:
    x, y = getattr(a, name), getattr(b, name)
    if not (_known(x) and _known(y)):
        return False
    return not (x & y) if name == "insurance" else x != y


def _agrees(name: str, a: Identity, b: Identity) -> bool:
    x, y = getattr(a, name), getattr(b, name)
    return _known(x) and _known(y) and not _differs(name, a, b)


def likeness(a: Identity, b: Identity) -> Likeness:
    if any(_differs(name, a, b) for name in _HARD):
        return Likeness.DIFFERENT
    if a == b or any(_agrees(name, a, b) for name in _TELLING):
        return Likeness.SAME
    return Likeness.WEAK


def agreement(a: Identity, b: Identity) -> int:
    """How many facts both records know and agree on: the closer of two SAME records is the one with more."""
    return sum(_agrees(name, a, b) for name in _ALL)

