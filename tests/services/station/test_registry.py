"""Reception on a real station database: matching scans, registering, searching, opening visits.

All people here are made up; ID numbers are synthetic (never a real person's card).
"""
import datetime as dt

import pytest

from station_app.core.cards import ScanKind, ScanResult
from station_app.core.consent import CURRENT_VERSION, consent_text, text_sha256
from station_app.core.errors import (
    AlreadyExaminedError,
    ConsentRequiredError,
    NotFoundError,
    ValidationError,
)
from station_app.core.model import FundingSource, RecordSource, Role, Sex, TargetGroup, VisitStatus
from station_app.persistence.unit_of_work import load_audit_chain, UnitOfWork
from station_app.services.common.accounts import SignedInUser
from station_app.services.station.registry import (
    ConsentInput,
    FieldChange,
    MatchKind,
    ResidentInput,
    parse_query,
    within_one_edit,
)

DAY = dt.date(2026, 6, 1)
CONSENT = ConsentInput(CURRENT_VERSION, text_sha256(consent_text()))


def person(name="Nguyễn Thị Hồng", year=1985, **kw) -> ResidentInput:
    values = dict(full_name=name, sex=Sex.FEMALE, birth_year=year, village="Bản Nà Khương", commune_code="03637")
    values.update(kw)
    return ResidentInput(**values)


def cccd(**kw) -> ScanResult:
    values = dict(kind=ScanKind.CCCD, raw="(synthetic)", national_id="012185000001", full_name="Nguyễn Thị Hồng",
                  birth_date=dt.date(1985, 4, 2), birth_year=1985, sex=Sex.FEMALE,
                  address="Bản Nà Khương, Mường Kim, Than Uyên, Lai Châu")
    values.update(kw)
    return ScanResult(**values)


@pytest.fixture
def reg(ctx):
    ctx.registry._today = lambda: DAY
    return ctx.registry


def _events(ctx):
    with UnitOfWork(ctx.db) as uow:
        return load_audit_chain(uow.session)[0]


# -- search -------------------------------------------------------------------------------------------------

@pytest.fixture
def village(reg, nurse):
    names = ["Nguyễn Thị Hồng", "Nguyễn Thị Hoa", "Lò Văn Đức", "Lò Thị Đào", "Tòng Văn Hồng", "Hồng Văn Sơn",
             "Lường Thị Dung"]
    return {n: reg.register_new(nurse, person(n, 1980 + i, national_id=f"01218{i:07d}"))
            for i, n in enumerate(names)}


@pytest.mark.parametrize("typed", ["nguyen thi hong", "Nguyễn Thị Hồng", "NGUYEN THI HONG", "  nguyễn   thị hồn"])
def test_search_ignores_marks_case_and_spaces(reg, village, typed):
    names = [r.full_name for r in reg.search(typed).items]
    assert names == ["Nguyễn Thị Hồng"]


def test_d_with_stroke_matches_plain_d_both_ways(reg, village):
    assert [r.full_name for r in reg.search("lo van duc").items] == ["Lò Văn Đức"]
    assert [r.full_name for r in reg.search("LÒ VĂN ĐỨC").items] == ["Lò Văn Đức"]
    assert [r.full_name for r in reg.search("dao").items] == ["Lò Thị Đào"]


def test_a_given_name_is_found_anywhere_after_name_prefix_matches(reg, village):
    names = [r.full_name for r in reg.search("hong").items]
    assert names[0] == "Hồng Văn Sơn"  # whole-name prefix first
    assert set(names[1:]) == {"Nguyễn Thị Hồng", "Tòng Văn Hồng"}
    assert [r.full_name for r in reg.search("thi ho").items] == ["Nguyễn Thị Hoa", "Nguyễn Thị Hồng"]


def test_words_skipped_between_the_typed_ones_still_match_in_order(reg, village):
    assert [r.full_name for r in reg.search("nguyen hong").items] == ["Nguyễn Thị Hồng"]
    assert {r.full_name for r in reg.search("lo d").items} == {"Lò Văn Đức", "Lò Thị Đào"}
    assert [r.full_name for r in reg.search("nguyen hoa 1981").items] == ["Nguyễn Thị Hoa"]
    assert reg.search("hong nguyen").items == ()  # the typed order counts
    assert reg.search("nguyen 100%").items == () and reg.search("nguyen h_ng").items == ()


def test_search_by_year_id_insurance_and_village(reg, village, nurse):
    assert [r.full_name for r in reg.search("hong 1984").items] == ["Tòng Văn Hồng"]
    assert [r.full_name for r in reg.search("1980").items] == ["Nguyễn Thị Hồng"]
    assert [r.full_name for r in reg.search("012180000002").items] == ["Lò Văn Đức"]
    assert len(reg.search("01218").items) == len(village)
    reg.register_new(nurse, person("Sùng A Páo", 1990, insurance_number="HC4011234567890", village="Bản Phiêng"))
    assert [r.full_name for r in reg.search("hc40112").items] == ["Sùng A Páo"]
    assert [r.full_name for r in reg.search("ban phieng").items] == ["Sùng A Páo"]
    assert [r.full_name for r in reg.search("phieng").items] == ["Sùng A Páo"]
    # the 10-digit social insurance number inside the card code, as people have it written down, even in part
    assert [r.full_name for r in reg.search("1234567890").items] == ["Sùng A Páo"]
    assert [r.full_name for r in reg.search("123456").items] == ["Sùng A Páo"]


def test_the_social_insurance_digits_are_looked_up_through_their_index(ctx):
    from sqlalchemy.dialects import sqlite

    from station_app.persistence.residents import ResidentRepository

    with UnitOfWork(ctx.db) as uow:
        repo = ResidentRepository(uow.session)
        captured = []
        real = uow.session.scalars
        uow.session.scalars = lambda q: captured.append(q) or real(q)
        repo.social_insurance_prefix("123456", 20)
        compiled = captured[0].compile(dialect=sqlite.dialect())  # with its parameters bound, as it runs
        params = tuple(compiled.params[name] for name in compiled.positiontup)
        plan = " ".join(str(r[-1]) for r in uow.session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + str(compiled), params))
    assert "ix_residents_social_insurance" in plan
    assert "TEMP B-TREE" not in plan  # read in the index's order: "0" must not sort every card whose number has a 0


def test_search_pages_say_whether_more_follow(reg, village):
    first = reg.search("01218", limit=3)
    assert len(first.items) == 3 and first.has_more
    last = reg.search("01218", limit=3, offset=6)
    assert len(last.items) == 1 and not last.has_more
    assert reg.search("").items == () and not reg.search("   ").has_more


def test_query_parsing():
    q = parse_query("Nguyễn Hồng 1985")
    assert (q.phrase, q.year) == ("nguyen hong", 1985)
    assert parse_query("0121850").id_digits == "0121850"
    assert parse_query("hc401").insurance == "HC401"


# -- registration ---------------------------------------------------------------------------------------------

def test_register_new_records_source_groups_and_audit(ctx, reg, nurse):
    info = reg.register_new(nurse, person(national_id="012185000001", target_groups=(TargetGroup.POOR,),
                                          ethnic_code="03", source=RecordSource.CARD_SCAN))
    assert info.full_name == "Nguyễn Thị Hồng" and info.birth_year == 1985
    assert info.target_groups == (TargetGroup.POOR,) and info.ethnic_code == "03"
    assert info.source is RecordSource.CARD_SCAN and info.last_visit_date is None
    event = _events(ctx)[-1]
    assert (event.action, event.entity, event.entity_id) == ("create", "residents", info.id)
    assert "Hồng" not in str(event.details) and "012185000001" not in str(event.details)


@pytest.mark.parametrize("change,key", [
    (dict(full_name="  "), "full_name"),
    (dict(national_id="01218500001"), "national_id"),
    (dict(birth_year=1850), "birth_year"),
    (dict(birth_year=2027), "birth_year"),
    (dict(birth_year=None), "birth_year"),
    (dict(sex="x"), "sex"),
    (dict(insurance_number="12345"), "insurance_number"),
    (dict(ethnic_code="99"), "ethnic_code"),
])
def test_register_new_refuses_bad_data_naming_the_field(reg, nurse, change, key):
    with pytest.raises(ValidationError) as info:
        reg.register_new(nurse, person(**change))
    assert info.value.data["key"] == key and info.value.data["field"]


def test_a_name_longer_than_a_card_may_hold_is_refused_so_its_slip_can_always_be_scanned(reg, nurse):
    from station_app.core.qr_payloads import NAME_MAX

    longest = ("Công Tằng Tôn Nữ Thị Hoàng Phương Thảo " * 3)[:NAME_MAX].strip()
    assert reg.register_new(nurse, person(longest)).full_name == longest
    with pytest.raises(ValidationError) as info:
        reg.register_new(nurse, person("Lò Thị " + "Đào" * (NAME_MAX // 3)))
    assert info.value.data["key"] == "full_name" and "80" in str(info.value)


def test_a_national_id_is_unique(reg, nurse):
    first = reg.register_new(nurse, person(national_id="012185000001"))
    with pytest.raises(ValidationError) as info:
        reg.register_new(nurse, person("Lò Thị Đào", national_id="012185000001"))
    assert info.value.data["resident_id"] == first.id


def test_every_desk_role_may_register_and_the_service_checks_again(ctx, reg, admin):
    from station_app.core.roles import Permission, can

    assert all(can(role, Permission.REGISTER_RESIDENTS) for role in Role)
    ctx.accounts.add_user(admin, "dieu.phoi", full_name="Lò Văn Thắng", role=Role.COORDINATOR, password="dieuphoi-26")
    coordinator = ctx.accounts.sign_in("dieu.phoi", "dieuphoi-26")
    assert reg.register_new(coordinator, person()).full_name == "Nguyễn Thị Hồng"
    with pytest.raises(ValueError):  # an unknown role is refused before anything is written
        reg.register_new(SignedInUser(admin.id, "x", "x", "guest"), person("Lò Thị Đào"))  # type: ignore[arg-type]
    assert reg.search("lo thi dao").items == ()


# -- scans ----------------------------------------------------------------------------------------------------

def test_a_scan_matches_by_national_id_first_then_insurance(reg, nurse):
    by_id = reg.register_new(nurse, person(national_id="012185000001", insurance_number="HC4010000000001"))
    other = reg.register_new(nurse, person("Lò Thị Đào", 1990, insurance_number="HC4010000000002"))
    match = reg.find_or_propose(cccd(insurance_number="HC4010000000002"))
    assert match.matched_by is MatchKind.NATIONAL_ID and match.resident.id == by_id.id
    card = ScanResult(ScanKind.BHYT, "(synthetic)", insurance_number="HC4010000000002", full_name="Lò Thị Đào",
                      birth_year=1990, sex=Sex.FEMALE)
    match = reg.find_or_propose(card)
    assert match.matched_by is MatchKind.INSURANCE and match.resident.id == other.id


def test_the_social_insurance_number_inside_a_card_code_matches(reg, nurse):
    stored = reg.register_new(nurse, person(insurance_number="0100000001"))
    card = ScanResult(ScanKind.BHYT, "(synthetic)", insurance_number="HC4010100000001", full_name="Nguyễn Thị Hồng",
                      birth_year=1985)
    match = reg.find_or_propose(card)
    assert match.resident.id == stored.id and match.changes == ()


def test_without_id_or_card_name_birth_and_village_match(reg, nurse):
    stored = reg.register_new(nurse, person())
    slip = ScanResult(ScanKind.UNKNOWN, "", full_name="NGUYỄN THỊ HỒNG", birth_year=1985,
                      address="Bản Nà Khương, xã Mường Kim")
    match = reg.find_or_propose(slip)
    assert match.matched_by is MatchKind.NAME_BIRTH_VILLAGE and match.resident.id == stored.id


def test_without_id_or_card_a_fact_that_disagrees_is_never_a_sure_match(reg, nurse):
    stored = reg.register_new(nurse, person(birth_date=dt.date(1985, 4, 2)))  # a woman, born 02/04/1985
    for other in (dict(sex=Sex.MALE), dict(birth_date=dt.date(1985, 10, 24))):
        scan = ScanResult(ScanKind.UNKNOWN, "", full_name="NGUYỄN THỊ HỒNG", birth_year=1985,
                          address="Bản Nà Khương, xã Mường Kim", **other)
        match = reg.find_or_propose(scan)
        assert match.resident is None, other  # another person of that name, year and village
        assert [r.id for r in match.possible_duplicates] == [stored.id]  # offered to choose, never taken


def test_near_matches_are_offered_never_merged(ctx, reg, nurse):
    same = reg.register_new(nurse, person())  # no ID on file: maybe her, maybe not
    typo = reg.register_new(nurse, person("Nguyễn Thị Hông", 1985, village="Bản Khác"))
    elsewhere = reg.register_new(nurse, person("Nguyễn Thị Hồng", 1962))  # same name, same village
    unrelated = reg.register_new(nurse, person("Nguyễn Thị Hồng", 1985, national_id="012185999999"))
    before = len(_events(ctx))
    match = reg.find_or_propose(cccd())
    assert match.resident is None and match.matched_by is None
    offered = {r.id for r in match.possible_duplicates}
    assert offered == {same.id, typo.id, elsewhere.id}
    assert unrelated.id not in offered  # another ID number is another person
    assert match.proposal.national_id == "012185000001" and match.proposal.source is RecordSource.CARD_SCAN
    assert (match.proposal.village, match.proposal.commune_code) == ("Bản Nà Khương", "03637")  # from the address
    assert len(_events(ctx)) == before  # nothing written


def test_differences_are_returned_and_applied_with_an_audit(ctx, reg, nurse):
    stored = reg.register_new(nurse, person(national_id="012185000001", full_name="Nguyen Thi Hong",
                                            address="Mường Kim"))
    match = reg.find_or_propose(cccd(insurance_number="HC4010000000009"))
    fields = {c.field: c for c in match.changes}
    assert set(fields) == {"full_name", "insurance_number", "address", "birth_date"}
    assert fields["full_name"] == FieldChange("full_name", "Nguyen Thi Hong", "Nguyễn Thị Hồng")
    updated = reg.apply_changes(nurse, stored.id, changes=[fields["insurance_number"], fields["full_name"]])
    assert updated.insurance_number == "HC4010000000009" and updated.full_name == "Nguyễn Thị Hồng"
    assert updated.version == stored.version + 1
    event = _events(ctx)[-1]
    assert event.details["fields"] == ["full_name", "insurance_number"]
    assert "HC4010000000009" not in str(event.details)
    assert {c.field for c in reg.find_or_propose(cccd(insurance_number="HC4010000000009")).changes} == {
        "address", "birth_date"}


def test_apply_changes_refuses_an_id_number_someone_else_has(reg, nurse):
    reg.register_new(nurse, person(national_id="012185000001"))
    other = reg.register_new(nurse, person("Lò Thị Đào"))
    with pytest.raises(ValidationError):
        reg.apply_changes(nurse, other.id, changes=[FieldChange("national_id", None, "012185000001")])
    with pytest.raises(ValidationError):
        reg.apply_changes(nurse, other.id, changes=[FieldChange("source", None, "x")])


def test_within_one_edit():
    assert within_one_edit("nguyen thi hong", "nguyen thi hng")
    assert within_one_edit("lo van duc", "lo van dux")
    assert within_one_edit("lo van duc", "lo vaan duc")
    assert not within_one_edit("lo van duc", "lo van dua x")


# -- visits ---------------------------------------------------------------------------------------------------

def _open(ctx, reg, user, resident_id, reason=None, site_id=None, day=DAY, consent=CONSENT):
    info = ctx.station.info()
    return reg.open_visit(user, resident_id, site_id=site_id or info.site_id, campaign_id=info.campaign_id, funding_source=FundingSource.STATE_BUDGET,
                          target_groups=[TargetGroup.ELDERLY], consent=consent, second_visit_reason=reason, day=day)


def test_queue_numbers_count_per_site_and_day(ctx, reg, nurse, village):
    ids = [r.id for r in village.values()]
    first = [_open(ctx, reg, nurse, i).queue_number for i in ids[:3]]
    assert first == [1, 2, 3]
    assert _open(ctx, reg, nurse, ids[3], day=DAY + dt.timedelta(days=1)).queue_number == 1
    queue = reg.todays_queue(ctx.station.info().site_id, DAY)
    assert [v.queue_number for v in queue] == [1, 2, 3]
    assert [v.resident_id for v in queue] == ids[:3]
    assert all(v.status is VisitStatus.REGISTERED for v in queue)


def test_a_second_visit_is_refused_then_allowed_with_a_reason(ctx, reg, nurse):
    r = reg.register_new(nurse, person())
    first = _open(ctx, reg, nurse, r.id)
    assert reg.resident(r.id).last_visit_date == DAY
    with pytest.raises(AlreadyExaminedError) as info:
        _open(ctx, reg, nurse, r.id, day=DAY + dt.timedelta(days=3))
    assert info.value.data["date"] == "01/06/2026" and info.value.data["site"] == ctx.station.info().site_name
    assert info.value.data["visit_id"] == first.id
    second = _open(ctx, reg, nurse, r.id, reason="Kết quả lần trước bị mất", day=DAY + dt.timedelta(days=3))
    assert second.second_visit and second.queue_number == 1
    created = [e for e in _events(ctx) if e.entity == "visits" and e.entity_id == second.id][0]
    assert created.details["second_visit"] and created.details["second_visit_reason"] == "Kết quả lần trước bị mất"


def test_a_visit_stores_consent_and_target_groups_and_is_found_by_id(ctx, reg, nurse):
    r = reg.register_new(nurse, person())
    guardian = ConsentInput(CURRENT_VERSION, text_sha256(consent_text()), "guardian", "Lò Văn Đức", "con trai")
    visit = _open(ctx, reg, nurse, r.id, consent=guardian)
    found = reg.visit_by_id(visit.id)
    assert found.queue_number == visit.queue_number and found.resident_name == "Nguyễn Thị Hồng"
    assert found.site_name == ctx.station.info().site_name
    assert reg.resident(r.id).target_groups == (TargetGroup.ELDERLY,)
    from sqlalchemy import select  # test reads the row directly

    from station_app.persistence.tables import ConsentRow

    with UnitOfWork(ctx.db) as uow:
        row = uow.session.scalar(select(ConsentRow).where(ConsentRow.visit_id == visit.id))
        assert (row.given_by, row.guardian_relation, row.recorded_by) == ("guardian", "con trai", nurse.id)
        assert row.text_sha256 == text_sha256(consent_text(row.text_version))
    with pytest.raises(NotFoundError):
        reg.visit_by_id("no-such-visit")


@pytest.mark.parametrize("consent", [
    ConsentInput(CURRENT_VERSION, "0" * 64),
    ConsentInput(CURRENT_VERSION, text_sha256(consent_text()), granted=False),
    ConsentInput(CURRENT_VERSION, text_sha256(consent_text()), "guardian"),
])
def test_a_visit_needs_a_valid_consent(ctx, reg, nurse, consent):
    r = reg.register_new(nurse, person())
    with pytest.raises(ConsentRequiredError):
        _open(ctx, reg, nurse, r.id, consent=consent)
    assert reg.todays_queue(ctx.station.info().site_id, DAY) == []


def test_the_log_names_no_one(ctx, reg, nurse):
    r = reg.register_new(nurse, person(national_id="012185000001"))
    reg.find_or_propose(cccd())
    reg.search("nguyen thi hong")
    _open(ctx, reg, nurse, r.id)
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    text = ctx.log_file.read_text(encoding="utf-8")
    assert "Hồng" not in text and "012185000001" not in text and "nguyen" not in text
