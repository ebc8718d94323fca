"""What a scan gives: the kind of code, the identity it carries, warnings, and the raw payload.

This module holds the shared result type; ``station_app.core.qr_payloads`` parses text into it. Pure Python:
no Qt, no database, no decoder.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from station_app.core.model import Sex


class ScanKind(StrEnum):
    CCCD = "cccd"  # chip citizen ID card (and the 2024 "Căn cước" card)
    BHYT = "bhyt"  # health-insurance card
    SLIP = "slip"  # the station's own visit slip
    UNKNOWN = "unknown"


class ScanWarning(StrEnum):
    """Codes, stable for scripts (``decode --json``); the UI and CLI turn them into sentences."""

    ID_SEX_MISMATCH = "id_sex_mismatch"  # digit 4 of the ID number says the other sex
    ID_BIRTH_YEAR_MISMATCH = "id_birth_year_mismatch"  # digits 4-6 say another birth year
    INSURANCE_EXPIRED = "insurance_expired"
    INSURANCE_NOT_YET_VALID = "insurance_not_yet_valid"
    MANGLED_TEXT = "mangled_text"  # typed by a keyboard-mode scanner through a layout or input method
    MALFORMED_FIELD = "malformed_field"  # a field does not have its expected form (see ``ScanResult.bad_fields``)
    # a field in form that cannot be true: issued after today, longer than any real one, letters of another
    # script in a name, hidden control or direction characters (a forged or damaged card: rescanning won't help)
    IMPLAUSIBLE_FIELD = "implausible_field"


@dataclass(frozen=True)
class ScanResult:
    """One parsed payload. ``error`` is set (and ``kind`` is UNKNOWN) when the text is not a usable code.

    ``birth_date`` is the full date when the card has it; ``birth_year`` is always set when any birth
    information was read. A result with MANGLED_TEXT, MALFORMED_FIELD or IMPLAUSIBLE_FIELD among its warnings is
    not ``usable``: it must never be stored as if it were good.
    """

    kind: ScanKind
    raw: str
    national_id: str | None = None
    old_id: str | None = None
    insurance_number: str | None = None  # the 10-digit social insurance number or the 15-char card code
    full_name: str | None = None
    birth_date: dt.date | None = None
    birth_year: int | None = None
    sex: Sex | None = None
    address: str | None = None
    issued_on: dt.date | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    visit_id: str | None = None  # slips only
    slip: SlipIdentity | None = None  # slips only: everything the slip carries (queue number, visit date...)
    warnings: tuple[ScanWarning, ...] = ()
    bad_fields: tuple[str, ...] = ()  # fields left None as malformed or implausible, named as above: ("birth_date",)
    extra_fields: tuple[str, ...] = ()  # fields beyond the known layout, kept raw
    error: str | None = None  # a reason code when kind is UNKNOWN, e.g. "empty", "not_a_card"

    @property
    def usable(self) -> bool:
        blocking = {ScanWarning.MANGLED_TEXT, ScanWarning.MALFORMED_FIELD, ScanWarning.IMPLAUSIBLE_FIELD}
        return self.kind is not ScanKind.UNKNOWN and not blocking.intersection(self.warnings)


class PayloadParseError(ValueError):
    """The only exception a parser may raise, for input that is not even text (never for odd text)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class SlipIdentity:
    """What the visit slip QR carries: enough for another laptop to pick the visit up without a network."""

    visit_id: str
    national_id: str | None
    full_name: str
    birth_year: int
    sex: Sex
    queue_number: int
    visit_date: dt.date
    site_code: str = ""
    extra: dict[str, str] = field(default_factory=dict)
