"""What a scanned card says that a stored record does not, or says otherwise: the differences a nurse may take
from the card into the record (never taken without her say).

Pure: the record is a ``CardRecord`` (the fields a card also carries), the card a ``core.cards.ScanResult``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from station_app.core.cards import ScanResult
from station_app.core.model import Sex
from station_app.core.names import clean_display_name, normalise_name


@dataclass(frozen=True, slots=True)
class CardRecord:
    """What a stored record says about the fields an ID or insurance card carries; ``sex`` as stored ("male")."""

    full_name: str
    national_id: str | None = None
    old_id_number: str | None = None
    insurance_number: str | None = None
    address: str | None = None
    birth_date: dt.date | None = None
    sex: str | None = None


@dataclass(frozen=True)
class FieldChange:
    """A value the card brings that differs from the stored one. ``field`` is a field of the record."""

    field: str
    stored: str | None
    scanned: str | None


def normalise_insurance(value: str | None) -> str | None:
    """An insurance number as stored: no spaces, upper case; None when empty."""
    return "".join((value or "").split()).upper() or None


def insurance_keys(value: str | None) -> list[str]:
    """The card code and the 10-digit social insurance number inside it: either may be stored."""
    text = normalise_insurance(value)
    if not text:
        return []
    return [text, text[-10:]] if len(text) == 15 else [text]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _equal(stored: str, scanned: str) -> bool:
    return stored == scanned


def card_changes(record: CardRecord, scan: ScanResult) -> tuple[FieldChange, ...]:
    """The fields the card fills where the record is empty or says otherwise, in the order a nurse reads a card."""
    sex = scan.sex.value if scan.sex and scan.sex is not Sex.UNKNOWN else None
    compared: tuple[tuple[str, str | None, str | None, Callable[[str, str], bool]], ...] = (
        ("full_name", record.full_name, clean_display_name(scan.full_name) if scan.full_name else None, _equal),
        ("national_id", record.national_id, scan.national_id, _equal),
        ("old_id_number", record.old_id_number, scan.old_id, _equal),
        ("insurance_number", record.insurance_number, normalise_insurance(scan.insurance_number),
         lambda stored, card: stored in insurance_keys(card)),
        ("address", record.address, clean_display_name(scan.address) or None if scan.address else None,
         lambda stored, card: normalise_name(stored) == normalise_name(card)),
        ("birth_date", _iso(record.birth_date), _iso(scan.birth_date), _equal),
        ("sex", record.sex, sex, _equal),
    )
    return tuple(FieldChange(name, stored, scanned) for name, stored, scanned, same in compared
                 if scanned and (not stored or not same(stored, scanned)))
