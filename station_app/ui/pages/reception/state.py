"""What the reception desk does with a scan, without a widget: scan → match → what the nurse sees next.

``ReceptionState`` holds who is at the desk and numbers each scan and search, so that an answer to an earlier one
is dropped. Its methods answer with a step (``Known``, ``ChooseNamesake``, ``Register``, ``Unusable``…) that the page
shows; tests drive it with no Qt at all. The page runs the lookups (``operations``) and hands their answers back.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from station_app.core.card_changes import CardRecord, FieldChange, card_changes
from station_app.core.cards import ScanKind, ScanResult, ScanWarning
from station_app.core.qr_payloads import parse_payload

if TYPE_CHECKING:
    from station_app.services.station.registry import Match, ResidentInfo, ResidentInput, SearchPage, VisitInfo

log = logging.getLogger(__name__)
BLOCKING = (ScanWarning.MANGLED_TEXT, ScanWarning.IMPLAUSIBLE_FIELD, ScanWarning.MALFORMED_FIELD)
LAPSED = frozenset({ScanWarning.INSURANCE_EXPIRED, ScanWarning.INSURANCE_NOT_YET_VALID})


@dataclass(frozen=True)
class AtDesk:
    """The person being received: the warnings of the scan that named them, the visit opened today if shown."""

    resident: ResidentInfo
    warnings: tuple[ScanWarning, ...] = ()
    visit: VisitInfo | None = None
    card_issued_on: dt.date | None = None  # the issue date of the ID card scanned for them (QĐ 1551 NGAYCAP_CCCD)

    @property
    def notes(self) -> tuple[ScanWarning, ...]:
        """The scan's warnings shown beside the person (the blocking ones never get this far)."""
        return tuple(w for w in self.warnings if w not in BLOCKING)

    @property
    def registered_before(self) -> bool:
        """Registered in this campaign already, by a visit other than the one shown: a second one needs a reason."""
        r = self.resident
        return r.last_visit_date is not None and (self.visit is None or r.last_visit_id != self.visit.id)

    @property
    def insurance_valid(self) -> bool:
        return not LAPSED.intersection(self.warnings)


# -- the steps: what a scan leads to --------------------------------------------------------------------------------

@dataclass(frozen=True)
class FinishDialogFirst:
    """A dialog is open: the scan is not taken; the nurse closes the dialog and scans again."""


@dataclass(frozen=True)
class Unusable:
    """Nothing is stored and nobody is at the desk; ``result`` says why (``page.scan_sentence``)."""

    result: ScanResult


@dataclass(frozen=True)
class LookUpCard:
    """Ask the registry who the card names; its answer goes to ``matched(seq, scan, match)``."""

    seq: int
    scan: ScanResult


@dataclass(frozen=True)
class LookUpSlip:
    """Ask for the slip's visit; the answer goes to ``slip_found(seq, visit)`` or ``slip_missing(scan)``."""

    seq: int
    scan: ScanResult

    @property
    def visit_id(self) -> str:
        return self.scan.visit_id or ""  # a usable slip always has one


@dataclass(frozen=True)
class Known:
    """A known resident, now at the desk; ``changes``: what the card says otherwise, for the nurse to confirm."""

    desk: AtDesk
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class ChooseNamesake:
    """Nobody for sure, but people of that name: the nurse asks and chooses one of them, or a new person."""

    scan: ScanResult
    people: tuple[ResidentInfo, ...]
    match: Match


@dataclass(frozen=True)
class Register:
    """Nobody known: the registration form, filled from the card."""

    proposal: ResidentInput


@dataclass(frozen=True)
class SlipVisit:
    """A slip of this station: its visit (the queue selects it, the card shows its resident with it)."""

    visit: VisitInfo


@dataclass(frozen=True)
class SearchSlipName:
    """A slip whose visit this laptop does not have: search for the name printed on it."""

    name: str


Step = (FinishDialogFirst | Unusable | LookUpCard | LookUpSlip | Known | ChooseNamesake | Register | SlipVisit
        | SearchSlipName)


class ReceptionState:
    """Who is at the desk, and the scans and searches in flight (only the latest one's answer counts)."""

    def __init__(self, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._today = today
        self.desk: AtDesk | None = None
        self.scan_seq = 0
        self._card: ScanResult | None = None  # the last ID card scanned, until someone else is at the desk
        self.search = SearchState()

    # -- scans -------------------------------------------------------------------------------------------------------

    def scan(self, text: str, *, source: str, dialog_open: bool = False) -> Step:
        """A payload from any input: refused while a dialog is open, explained if unusable, else looked up."""
        if dialog_open:
            return FinishDialogFirst()
        result = parse_payload(text, self._today())
        log.info("scan from %s: %s, usable=%s, %d warnings", source, result.kind.value, result.usable,
                 len(result.warnings))
        if not result.usable:
            self.clear()
            return Unusable(result)
        self.scan_seq += 1
        if result.kind is ScanKind.SLIP:
            return LookUpSlip(self.scan_seq, result)
        self._card = result
        return LookUpCard(self.scan_seq, result)

    def matched(self, seq: int, scan: ScanResult, match: Match) -> Step | None:
        """The registry's answer to a card; None when a later scan (or a cleared desk) made it stale."""
        if seq != self.scan_seq:
            return None
        if match.resident is not None:
            return Known(self.receive(match.resident, scan.warnings), match.changes)
        if match.possible_duplicates:
            return ChooseNamesake(scan, tuple(match.possible_duplicates), match)
        return self.new_person(scan, match)

    def namesake_chosen(self, scan: ScanResult, resident: ResidentInfo) -> Known:
        """The nurse said the card holder is ``resident``: what the card says otherwise is for her to confirm."""
        return Known(self.receive(resident, scan.warnings), differences(resident, scan))

    def new_person(self, scan: ScanResult, match: Match) -> Register | Unusable:
        if match.proposal is None:
            self.clear()
            return Unusable(dataclasses.replace(scan, warnings=(ScanWarning.MALFORMED_FIELD,)))
        return Register(match.proposal)

    def slip_found(self, seq: int, visit: VisitInfo) -> SlipVisit | None:
        return SlipVisit(visit) if seq == self.scan_seq else None

    def slip_missing(self, scan: ScanResult) -> SearchSlipName:
        self.clear()
        return SearchSlipName(scan.full_name or "")

    # -- the desk ----------------------------------------------------------------------------------------------------

    def receive(self, resident: ResidentInfo, warnings: tuple[ScanWarning, ...] = (),
                visit: VisitInfo | None = None) -> AtDesk:
        """``resident`` is the one at the desk now (with the issue date of the card last scanned, if it is theirs:
        a card names its holder by the ID number, however they reached the desk: match, namesake, registration)."""
        card = self._card
        issued = card.issued_on if card is not None and card.national_id and \
            card.national_id == resident.national_id else None
        self.desk = AtDesk(resident, warnings, visit, issued)
        return self.desk

    def clear(self) -> None:
        """Nobody at the desk; a lookup still running for an earlier scan shows no one."""
        self.desk = None
        self._card = None
        self.scan_seq += 1

    def at_desk(self, resident_id: str) -> bool:
        return self.desk is not None and self.desk.resident.id == resident_id

    def warnings_of(self, resident_id: str) -> tuple[ScanWarning, ...]:
        """The scan's warnings, kept while the same person's record is read again (after a change, a visit)."""
        return self.desk.warnings if self.desk is not None and self.at_desk(resident_id) else ()


def differences(resident: ResidentInfo, scan: ScanResult) -> tuple[FieldChange, ...]:
    """What ``scan`` says otherwise than ``resident``'s record (core.card_changes). A resident as listed does not
    carry the old ID number, so the card's is not offered here (the registry's sure match compares it)."""
    record = CardRecord(full_name=resident.full_name, national_id=resident.national_id,
                        insurance_number=resident.insurance_number, address=resident.address,
                        birth_date=resident.birth_date, sex=resident.sex.value)
    return tuple(c for c in card_changes(record, scan) if c.field != "old_id_number")


@dataclass
class SearchState:
    """Search as you type: each search is numbered and only the latest one's page is shown."""

    seq: int = 0
    shown: int = 0  # the number of the search whose rows are shown (benchmarks wait for it)
    offset: int = 0
    has_more: bool = False

    def ask(self) -> int:
        self.seq += 1
        return self.seq

    def answered(self, seq: int, page: SearchPage | None) -> bool:
        """Takes ``page`` (None: nothing was asked) unless a later search was asked meanwhile."""
        if seq != self.seq:
            return False
        self.offset, self.has_more = (page.offset, page.has_more) if page else (0, False)
        self.shown = seq
        return True

    def offset_of(self, step: int, page_size: int) -> int | None:
        """Where the next (+1) or previous (-1) page starts; None when there is none."""
        if (step > 0 and not self.has_more) or (step < 0 and self.offset == 0):
            return None
        return self.offset + step * page_size
