"""Reception's QĐ 1551 data on a real station database: the station's facility codes set at set-up and by an
administrator (GLN check digit verified, audited), the ID card's issue date kept from a card scan, the reception
sheet with its default target-group and funding codes, and resident facts offered again at the next visit."""
import datetime as dt

import pytest

from station_app.core.errors import PermissionDeniedError, ValidationError
from station_app.core.model import FundingSource, TargetGroup
from station_app.core.pl01_answers import Answer
from station_app.core.qr_payloads import parse_payload
from station_app.persistence.tables import AuditEventRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.station.registry import ResidentInput
from support import station_setup
from support.visits import CONSENT, open_visit

CARD = "011085001234||Lò Văn Đức|02041985|Nam|Bản Nà Khương, xã Mường Kim, Lai Châu|11072022"


# -- facility codes ----------------------------------------------------------------------------------------------

def test_facility_codes_given_at_set_up_are_kept(empty_ctx):
    empty_ctx.station.initialise(station_setup(facility_code="12001", facility_gln="629 1041 50021 3"))
    info = empty_ctx.station.info()
    assert (info.facility_code, info.facility_gln) == ("12001", "6291041500213")


def test_facility_codes_may_be_left_for_later_at_set_up(ctx):
    info = ctx.station.info()
    assert (info.facility_code, info.facility_gln) == (None, None)


@pytest.mark.parametrize("code, gln, key", [("1200", None, "facility_code"), (None, "6291041500214", "facility_gln"),
                                            (None, "62910415002", "facility_gln")])
def test_a_wrong_facility_code_at_set_up_stores_nothing(empty_ctx, code, gln, key):
    with pytest.raises(ValidationError) as refused:
        empty_ctx.station.initialise(station_setup(facility_code=code, facility_gln=gln))
    assert refused.value.data["key"] == key
    assert not empty_ctx.station.is_initialised()


def test_an_administrator_sets_the_facility_codes_and_it_is_audited(ctx, admin):
    info = ctx.station.set_facility_codes(admin, facility_code="12001", facility_gln="4000001000005")
    assert (info.facility_code, info.facility_gln) == ("12001", "4000001000005")
    with UnitOfWork(ctx.db) as uow:
        event = uow.session.query(AuditEventRow).filter_by(entity="stations").order_by(AuditEventRow.seq.desc()).first()
        details = str(event.details)
    assert "4000001000005" not in details and "facility_gln" in details


def test_a_mistyped_gln_is_refused_with_what_to_check_and_nothing_changes(ctx, admin):
    ctx.station.set_facility_codes(admin, facility_code="12001", facility_gln="4000001000005")
    with pytest.raises(ValidationError) as refused:
        ctx.station.set_facility_codes(admin, facility_code="12001", facility_gln="4000001000006")
    assert "chữ số kiểm tra" in str(refused.value)
    assert ctx.station.info().facility_gln == "4000001000005"


def test_a_nurse_cannot_change_the_facility_codes(ctx, nurse):
    with pytest.raises(PermissionDeniedError):
        ctx.station.set_facility_codes(nurse, facility_code="12001", facility_gln=None)


# -- the visit's reception answers -------------------------------------------------------------------------------

def _open_from_card(ctx, nurse, payload=CARD, **extra):
    scan = parse_payload(payload, dt.date.today())
    match = ctx.registry.find_or_propose(scan)
    person = ctx.registry.register_new(nurse, match.proposal)
    info = ctx.station.info()
    return ctx.registry.open_visit(nurse, person.id, site_id=info.site_id, campaign_id=info.campaign_id,
                                   funding_source=FundingSource.STATE_BUDGET, target_groups=[TargetGroup.OTHER],
                                   consent=CONSENT, card_issued_on=scan.issued_on, **extra)


def test_the_cards_issue_date_is_kept_when_the_visit_is_opened_from_a_scan(ctx, nurse):
    visit = _open_from_card(ctx, nurse)
    sheet = ctx.reception_answers.sheet(visit.id)
    assert sheet.values["NGAYCAP_CCCD"] == "2022-07-11"
    assert [s.answer.code for s in ctx.answers.answers(visit.id)] == ["NGAYCAP_CCCD"]


def test_a_childs_form_has_no_issue_date_and_none_is_stored(ctx, nurse):
    person = ctx.registry.register_new(nurse, ResidentInput(full_name="Lò Thị Bé", sex="female",
                                                            birth_date=dt.date.today() - dt.timedelta(days=400),
                                                            birth_year=(dt.date.today() - dt.timedelta(days=400)).year))
    info = ctx.station.info()
    visit = ctx.registry.open_visit(nurse, person.id, site_id=info.site_id, campaign_id=info.campaign_id,
                                    funding_source=FundingSource.STATE_BUDGET, target_groups=[TargetGroup.CHILD_UNDER_6],
                                    consent=CONSENT, card_issued_on=dt.date(2022, 7, 11))
    assert ctx.answers.answers(visit.id) == []
    codes = [f.code for f in ctx.reception_answers.sheet(visit.id).fields]
    assert "NGAYCAP_CCCD" not in codes and "MA_NGHE_NGHIEP" not in codes


def test_the_sheet_asks_the_forms_new_reception_fields_with_default_codes(ctx, nurse):
    visit = open_visit(ctx, nurse, year=1950, groups=(TargetGroup.ELDERLY, TargetGroup.POOR))
    sheet = ctx.reception_answers.sheet(visit.id)
    codes = [f.code for f in sheet.fields]
    assert sheet.form_number == 2
    assert {"NGAYCAP_CCCD", "NOICAP_CCCD", "MA_NGHE_NGHIEP", "NOI_CONG_TAC_HIEN_TAI", "NHOM_MAU",
            "DOI_TUONG", "NGUON_KINH_PHI"} <= set(codes)
    assert "HO_TEN" not in codes and "HO_TEN_NGH_BO" not in codes  # kept on the resident; no parents for adults
    assert sheet.shown("DOI_TUONG") == "3" and sheet.shown("NGUON_KINH_PHI") == "2"
    pupil = open_visit(ctx, nurse, name="Lò Văn Nam", year=dt.date.today().year - 12, groups=(TargetGroup.PUPIL,))
    # form 1 asks why: the campaign's reason is recorded when the visit opens, no key needed
    assert ctx.reception_answers.sheet(pupil.id).values["LY_DO_VV"] == "Khám sức khỏe định kỳ"


def test_a_changed_code_is_stored_and_the_default_is_not(ctx, nurse):
    visit = open_visit(ctx, nurse, year=1980)
    sheet = ctx.reception_answers.sheet(visit.id)
    given, cleared = sheet.answers_for({"DOI_TUONG": "14", "NGUON_KINH_PHI": "1", "NHOM_MAU": "O"})
    ctx.answers.save(nurse, visit.id, desk="reception", answers=given, cleared=cleared)
    again = ctx.reception_answers.sheet(visit.id)
    assert again.values == {"NGUON_KINH_PHI": "1", "NHOM_MAU": "O"}
    assert again.shown("DOI_TUONG") == "14" and again.shown("NGUON_KINH_PHI") == "1"
    given, cleared = again.answers_for({"NGUON_KINH_PHI": "2", "NHOM_MAU": "O"})  # back to the default
    ctx.answers.save(nurse, visit.id, desk="reception", answers=given, cleared=cleared)
    assert ctx.reception_answers.sheet(visit.id).values == {"NHOM_MAU": "O"}


def test_resident_facts_are_offered_again_at_the_next_visit_but_not_the_visits_own(ctx, nurse):
    first = open_visit(ctx, nurse, year=1980)
    ctx.answers.save(nurse, first.id, desk="reception", answers=[
        Answer("NHOM_MAU", "AB"), Answer("MA_NGHE_NGHIEP", "07"), Answer("NOI_CONG_TAC_HIEN_TAI", "HTX Mường Kim"),
        Answer("NOICAP_CCCD", "Cục Cảnh sát QLHC về TTXH"), Answer("NGUON_KINH_PHI", "1")])
    info = ctx.station.info()
    nxt = ctx.registry.open_visit(nurse, first.resident_id, site_id=info.site_id, campaign_id=info.campaign_id,
                                  funding_source=FundingSource.STATE_BUDGET, target_groups=[TargetGroup.OTHER],
                                  consent=CONSENT, second_visit_reason="Khám lại theo hẹn")
    sheet = ctx.reception_answers.sheet(nxt.id)
    assert sheet.values == {}
    assert sheet.offered == {"NHOM_MAU": "AB", "MA_NGHE_NGHIEP": "07", "NOI_CONG_TAC_HIEN_TAI": "HTX Mường Kim",
                             "NOICAP_CCCD": "Cục Cảnh sát QLHC về TTXH"}
    assert sheet.shown("NGUON_KINH_PHI") == "2"


def test_a_date_answer_must_be_a_real_date(ctx, nurse):
    visit = open_visit(ctx, nurse, year=1980)
    with pytest.raises(ValidationError):
        ctx.answers.save(nurse, visit.id, desk="reception", answers=[Answer("NGAYCAP_CCCD", "2021-02-30")])
    ctx.answers.save(nurse, visit.id, desk="reception", answers=[Answer("NGAYCAP_CCCD", "2021-02-28")])


def test_what_the_residents_record_lacks_is_asked_at_reception_typed_or_marked_not_available(ctx, nurse):
    """A resident registered without an ethnic group or an ID number: the form needs both, so the sheet asks them;
    the nurse types the ethnic group and marks the ID number "không có / không rõ", and reception owes nothing."""
    visit = open_visit(ctx, nurse, year=1980)
    sheet = ctx.reception_answers.sheet(visit.id)
    assert {"MA_DAN_TOC", "SO_CCCD"} <= sheet.gaps <= {f.code for f in sheet.fields}
    assert "reception" in ctx.pl01_records.missing(visit.id)
    entered = {code: "" for code in sheet.gaps} | {"MA_DAN_TOC": "03"}
    given, cleared = sheet.answers_for(entered, unavailable=frozenset(sheet.gaps - {"MA_DAN_TOC"}))
    ctx.answers.save(nurse, visit.id, desk="reception", answers=given, cleared=cleared)
    assert "reception" not in ctx.pl01_records.missing(visit.id)
    assert ctx.reception_answers.sheet(visit.id).gaps == frozenset()
    record = ctx.pl01_records.of_visit(nurse, visit.id).record
    assert record.value("MA_DAN_TOC") == "03"
    (cccd,) = [e for e in record.entries if e.code == "SO_CCCD"]
    assert cccd.value is None and "không làm" in (cccd.mark or "")
