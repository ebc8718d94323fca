"""The reception desk's decisions without a widget: what a scan leads to, and what the nurse sees next.

``ReceptionState`` is driven as the page drives it: a scan gives a lookup to run, the registry's answer (made here
as the service would return it) gives the next step. No Qt is imported by the state; none is needed here.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from station_app.core.card_changes import FieldChange
from station_app.core.cards import ScanWarning, SlipIdentity
from station_app.core.model import FundingSource, RecordSource, Sex, VisitStatus
from station_app.core.qr_payloads import encode_slip
from station_app.services.station.registry import Match, MatchKind, ResidentInfo, ResidentInput, SearchPage, VisitInfo
from station_app.ui.pages.reception.state import (AtDesk, ChooseNamesake, FinishDialogFirst, Known, LookUpCard,
                                                  LookUpSlip, ReceptionState, Register, SearchSlipName, SlipVisit,
                                                  Unusable)

TODAY = dt.date(2026, 6, 1)
CCCD_DUC = "011085001234||Lò Văn Đức|02041985|Nam|Bản Nà Khương, xã Mường Kim, Lai Châu|11072022"
CCCD_AN = "001099012345||NGUYEN VAN AN|15052002|Nam|Ban Muong Kim|20042021"  # digits 4-6 say born 1999
MANGLED = "001202012345||Nguyeenx Vawn An|15052002|Nam|Ban Muong Kim|20042021"
EXPIRED_BHYT = "GD4010120012345|Lò Thị Ơn|1990|2|Xã Mường Kim|01/01/2024|01/01/2025|31/12/2025|-|$"
VISIT_ID = "01a25123-fb2c-7022-ba43-f92367661d29"


def resident(**values) -> ResidentInfo:
    facts = dict(id="r-duc", full_name="Lò Văn Đức", name_norm="lo van duc", birth_date=dt.date(1985, 4, 2),
                 birth_year=1985, sex=Sex.MALE, national_id="011085001234", insurance_number=None,
                 address="Bản Nà Khương, xã Mường Kim, Lai Châu", village="Bản Nà Khương", commune_code=None,
                 target_groups=(), ethnic_code=None, guardian_name=None, guardian_relation=None, phone=None,
                 source=RecordSource.CARD_SCAN, version=1)
    return ResidentInfo(**{**facts, **values})


def visit(**values) -> VisitInfo:
    facts = dict(id=VISIT_ID, resident_id="r-duc", resident_name="Lò Văn Đức", birth_year=1985, sex=Sex.MALE,
                 national_id="011085001234", site_id="s-1", site_name="Trạm Y tế xã Mường Kim", campaign_id="c-1",
                 visit_date=TODAY, queue_number=7, status=VisitStatus.REGISTERED,
                 funding_source=FundingSource.STATE_BUDGET, registered_at=dt.datetime(2026, 6, 1, 8, 0))
    return VisitInfo(**{**facts, **values})


@pytest.fixture
def state() -> ReceptionState:
    return ReceptionState(today=lambda: TODAY)


def look_up(state: ReceptionState, payload: str) -> LookUpCard:
    step = state.scan(payload, source="test")
    assert isinstance(step, LookUpCard)
    return step


# -- a card scanned --------------------------------------------------------------------------------------------------

def test_a_known_resident_is_at_the_desk_ready_for_a_visit(state):
    step = look_up(state, CCCD_DUC)
    assert step.scan.national_id == "011085001234"
    known = state.matched(step.seq, step.scan, Match(resident(), MatchKind.NATIONAL_ID))
    assert known == Known(AtDesk(resident(), card_issued_on=dt.date(2022, 7, 11)), ())  # the card's issue date
    assert state.desk == known.desk and state.at_desk("r-duc")
    assert known.desk.notes == () and not known.desk.registered_before and known.desk.insurance_valid
    assert known.desk.visit is None  # no visit yet: the nurse may open one


def test_the_card_issue_date_goes_only_to_the_cards_holder(state):
    look_up(state, CCCD_DUC)
    other = dataclasses.replace(resident(), id="r-khac", national_id="011085009999")
    assert state.receive(other).card_issued_on is None
    state.clear()
    assert state.receive(resident()).card_issued_on is None  # the scan is forgotten once nobody is at the desk


def test_a_card_that_says_otherwise_shows_the_resident_and_the_differences_to_confirm(state):
    step = look_up(state, CCCD_DUC)
    change = FieldChange("address", "Bản Nà Khương", "Bản Nà Khương, xã Mường Kim, Lai Châu")
    known = state.matched(step.seq, step.scan, Match(resident(address="Bản Nà Khương"), MatchKind.NATIONAL_ID,
                                                     changes=(change,)))
    assert isinstance(known, Known) and known.changes == (change,)
    assert state.desk.resident.address == "Bản Nà Khương"  # unchanged until the nurse accepts


def test_the_warnings_of_a_scan_stay_beside_the_resident_it_named(state):
    step = look_up(state, CCCD_AN)
    known = state.matched(step.seq, step.scan, Match(resident(id="r-an", full_name="Nguyễn Văn An"),
                                                     MatchKind.NATIONAL_ID))
    assert known.desk.notes == (ScanWarning.ID_BIRTH_YEAR_MISMATCH,)
    assert state.warnings_of("r-an") == (ScanWarning.ID_BIRTH_YEAR_MISMATCH,) and state.warnings_of("r-duc") == ()


def test_a_lapsed_insurance_card_funds_the_visit_otherwise(state):
    step = look_up(state, EXPIRED_BHYT)
    known = state.matched(step.seq, step.scan, Match(resident(id="r-on"), MatchKind.INSURANCE))
    assert ScanWarning.INSURANCE_EXPIRED in known.desk.notes and not known.desk.insurance_valid


def test_an_unknown_person_gets_the_registration_form_filled_from_the_card(state):
    step = look_up(state, CCCD_DUC)
    proposal = ResidentInput(full_name="Lò Văn Đức", sex=Sex.MALE, birth_date=dt.date(1985, 4, 2),
                             national_id="011085001234", source=RecordSource.CARD_SCAN)
    assert state.matched(step.seq, step.scan, Match(None, None, proposal=proposal)) == Register(proposal)
    assert state.desk is None


def test_an_unknown_person_the_card_cannot_propose_is_explained_and_nobody_is_at_the_desk(state):
    state.receive(resident())
    step = look_up(state, CCCD_DUC)
    unusable = state.matched(step.seq, step.scan, Match(None, None))
    assert isinstance(unusable, Unusable) and unusable.result.warnings == (ScanWarning.MALFORMED_FIELD,)
    assert state.desk is None


def test_a_namesake_is_chosen_by_the_nurse_never_merged_and_the_card_differences_follow(state):
    step = look_up(state, CCCD_DUC)
    near = resident(id="r-near", national_id=None, birth_date=None, address=None, village="Bản Nà Khương")
    match = Match(None, None, possible_duplicates=(near,), proposal=ResidentInput(full_name="Lò Văn Đức",
                                                                                 sex=Sex.MALE))
    choose = state.matched(step.seq, step.scan, match)
    assert choose == ChooseNamesake(step.scan, (near,), match) and state.desk is None
    known = state.namesake_chosen(step.scan, near)
    assert state.desk == known.desk == AtDesk(near, ())
    assert [(c.field, c.stored, c.scanned) for c in known.changes] == [
        ("national_id", None, "011085001234"), ("address", None, "Bản Nà Khương, xã Mường Kim, Lai Châu"),
        ("birth_date", None, "1985-04-02")]  # never the old ID number: a listed resident does not carry it


def test_a_namesake_who_is_someone_else_is_registered_as_new(state):
    step = look_up(state, CCCD_DUC)
    proposal = ResidentInput(full_name="Lò Văn Đức", sex=Sex.MALE)
    match = Match(None, None, possible_duplicates=(resident(id="r-near"),), proposal=proposal)
    assert isinstance(state.matched(step.seq, step.scan, match), ChooseNamesake)
    assert state.new_person(step.scan, match) == Register(proposal)


# -- what is not taken -----------------------------------------------------------------------------------------------

def test_a_scan_while_a_dialog_is_open_is_not_taken(state):
    state.receive(resident())
    assert state.scan(CCCD_DUC, source="test", dialog_open=True) == FinishDialogFirst()
    assert state.desk is not None and state.scan_seq == 0


def test_a_mangled_scan_is_explained_and_nobody_is_left_at_the_desk(state):
    state.receive(resident())
    step = state.scan(MANGLED, source="keyboard")
    assert isinstance(step, Unusable) and ScanWarning.MANGLED_TEXT in step.result.warnings
    assert state.desk is None


def test_an_answer_to_an_earlier_scan_is_dropped(state):
    first = look_up(state, CCCD_DUC)
    second = look_up(state, CCCD_AN)
    assert state.matched(first.seq, first.scan, Match(resident(), MatchKind.NATIONAL_ID)) is None
    assert state.desk is None
    state.clear()  # the search was emptied meanwhile: nobody is shown
    assert state.matched(second.seq, second.scan, Match(resident(id="r-an"), MatchKind.NATIONAL_ID)) is None


# -- already in today's queue ------------------------------------------------------------------------------------------

def test_a_resident_already_registered_today_is_shown_with_the_warning(state):
    step = look_up(state, CCCD_DUC)
    back = resident(last_visit_date=TODAY, last_visit_site="Trạm Y tế xã Mường Kim", last_visit_id=VISIT_ID)
    known = state.matched(step.seq, step.scan, Match(back, MatchKind.NATIONAL_ID))
    assert known.desk.registered_before  # a second visit needs a reason
    assert state.receive(back, (), visit()).registered_before is False  # shown with that very visit


def test_a_slip_of_this_station_shows_its_visit_in_the_queue(state):
    slip = encode_slip(SlipIdentity(VISIT_ID, "011085001234", "Lò Văn Đức", 1985, Sex.MALE, 7, TODAY, "MK01"))
    step = state.scan(slip, source="serial")
    assert isinstance(step, LookUpSlip) and step.visit_id == VISIT_ID
    assert state.slip_found(step.seq, visit()) == SlipVisit(visit())
    desk = state.receive(resident(last_visit_date=TODAY, last_visit_id=VISIT_ID), (), visit())
    assert desk.visit.queue_number == 7 and not desk.registered_before


def test_a_slip_whose_visit_is_elsewhere_searches_for_its_name(state):
    slip = encode_slip(SlipIdentity(VISIT_ID, None, "Lò Văn Đức", 1985, Sex.MALE, 7, TODAY))
    step = state.scan(slip, source="camera")
    assert state.slip_missing(step.scan) == SearchSlipName("Lò Văn Đức") and state.desk is None
    assert state.slip_found(step.seq, visit()) is None  # a late answer to that slip shows nothing


# -- search as you type --------------------------------------------------------------------------------------------------

def test_only_the_latest_search_is_shown_and_pages_turn_within_the_results(state):
    search = state.search
    first, second = search.ask(), search.ask()
    assert not search.answered(first, SearchPage((resident(),), has_more=False))
    assert search.shown == 0
    assert search.answered(second, SearchPage((resident(),), has_more=True, offset=0)) and search.shown == second
    assert search.offset_of(-1, 50) is None and search.offset_of(+1, 50) == 50
    third = search.ask()
    assert search.answered(third, SearchPage((), has_more=False, offset=50))
    assert search.offset_of(+1, 50) is None and search.offset_of(-1, 50) == 0
    assert search.answered(search.ask(), None) and (search.offset, search.has_more) == (0, False)

