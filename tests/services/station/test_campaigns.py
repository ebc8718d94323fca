"""A campaign that has ended: no visit is attached to it; the administrator extends it or starts the next one."""
from __future__ import annotations

import datetime as dt

import pytest

from station_app.core.consent import CURRENT_VERSION, consent_text, text_sha256
from station_app.core.errors import (CampaignClosedError, CampaignDatesError, PermissionDeniedError,
                                     ValidationError)
from station_app.core.cards import SlipIdentity
from station_app.core.model import FundingSource, Role, Sex
from station_app.persistence.tables import VisitRow
from station_app.persistence.unit_of_work import UnitOfWork, load_audit_chain
from station_app.services.station.campaigns import CampaignState
from station_app.services.station.registry import ConsentInput, ResidentInput
from support import station_setup

END = dt.date(2026, 12, 31)  # the campaign of these tests: 01/05/2026 – 31/12/2026
AFTER = dt.date(2027, 1, 5)
CONSENT = ConsentInput(CURRENT_VERSION, text_sha256(consent_text()))


@pytest.fixture
def ctx(empty_ctx):
    empty_ctx.station.initialise(station_setup(campaign_end=END))
    return empty_ctx


def _open(ctx, nurse, day, name="Lò Thị Đào", year=1970):
    info = ctx.station.info()
    resident = ctx.registry.register_new(nurse, ResidentInput(full_name=name, sex=Sex.FEMALE, birth_year=year))
    return ctx.registry.open_visit(nurse, resident.id, site_id=info.site_id, campaign_id=info.campaign_id, funding_source=FundingSource.STATE_BUDGET,
                                   target_groups=[], consent=CONSENT, day=day)


def _campaign_events(ctx):
    with UnitOfWork(ctx.db) as uow:
        return [e for e in load_audit_chain(uow.session)[0] if e.entity == "campaigns"]


def test_a_visit_after_the_campaigns_end_is_refused_saying_what_to_do(ctx, nurse):
    with pytest.raises(CampaignClosedError) as refused:
        _open(ctx, nurse, AFTER)
    text = str(refused.value)
    assert "05/01/2027" in text and "31/12/2026" in text and "gia hạn" in text and "Quản trị" in text
    with pytest.raises(CampaignClosedError):
        _open(ctx, nurse, dt.date(2026, 4, 30))  # before its start, too
    assert _open(ctx, nurse, END).queue_number == 1  # the last day is still inside


def test_a_slip_dated_outside_the_campaign_opens_no_visit_on_this_laptop(ctx, nurse):
    slip = SlipIdentity(visit_id="0192f3a4-5b6c-7d8e-9f00-112233445599", national_id=None, full_name="Giàng A Páo",
                        birth_year=1990, sex=Sex.MALE, queue_number=3, visit_date=AFTER)
    with pytest.raises(CampaignClosedError):
        ctx.exam.visit_from_slip(nurse, slip)


def test_the_state_of_the_campaign_today(ctx):
    ctx.campaigns._today = lambda: AFTER
    assert ctx.campaigns.current().state is CampaignState.ENDED
    ctx.campaigns._today = lambda: dt.date(2026, 4, 1)
    assert ctx.campaigns.current().state is CampaignState.NOT_STARTED
    ctx.campaigns._today = lambda: END
    assert ctx.campaigns.current().state is CampaignState.OPEN


def test_extending_moves_the_end_date_audited_and_visits_open_again(ctx, admin, nurse):
    extended = ctx.campaigns.extend(admin, dt.date(2027, 1, 31))
    assert extended.end == dt.date(2027, 1, 31) and ctx.station.info().campaign_end == dt.date(2027, 1, 31)
    assert _open(ctx, nurse, AFTER).queue_number == 1
    (event,) = _campaign_events(ctx)
    assert (event.action, event.entity_id, event.user_id) == ("update", extended.id, admin.id)
    assert event.details == {"end_date": ["2026-12-31", "2027-01-31"]}


def test_the_end_never_moves_before_a_day_that_has_visits_or_the_start(ctx, admin, nurse):
    _open(ctx, nurse, dt.date(2026, 11, 20))
    with pytest.raises(CampaignDatesError) as refused:
        ctx.campaigns.extend(admin, dt.date(2026, 11, 1))
    assert "20/11/2026" in str(refused.value)
    with pytest.raises(ValidationError):
        ctx.campaigns.extend(admin, dt.date(2026, 4, 1))
    assert ctx.station.info().campaign_end == END and not _campaign_events(ctx)


def test_the_next_campaign_becomes_current_and_the_old_one_keeps_its_visits(ctx, admin, nurse):
    old = ctx.station.info()
    visit = _open(ctx, nurse, dt.date(2026, 6, 1))
    new = ctx.campaigns.start_next(admin, " Khám sức khỏe định kỳ  2027 ", start=dt.date(2027, 1, 4), end=dt.date(2027, 12, 31))
    info = ctx.station.info()
    assert (info.campaign_id, info.campaign_name, info.campaign_year) == (new.id, "Khám sức khỏe định kỳ 2027", 2027)
    assert info.campaign_id != old.campaign_id
    assert ctx.registry.visit_by_id(visit.id).campaign_id == old.campaign_id
    assert _open(ctx, nurse, AFTER, name="Lò Văn Đức").queue_number == 1
    with UnitOfWork(ctx.db) as uow:
        assert uow.campaigns.last_visit_day(old.campaign_id) == dt.date(2026, 6, 1)
    (event,) = _campaign_events(ctx)
    assert (event.action, event.entity_id, event.user_id) == ("create", new.id, admin.id)
    assert event.details["previous_campaign_id"] == old.campaign_id


def test_the_next_campaign_starts_after_the_last_visit_of_the_current_one(ctx, admin, nurse):
    _open(ctx, nurse, dt.date(2026, 12, 1))
    with pytest.raises(CampaignDatesError):
        ctx.campaigns.start_next(admin, "Đợt 2027", start=dt.date(2026, 12, 1), end=dt.date(2027, 12, 31))
    for name, start, end in (("  ", dt.date(2027, 1, 1), dt.date(2027, 12, 31)),
                             ("Đợt 2027", dt.date(2027, 12, 31), dt.date(2027, 1, 1))):
        with pytest.raises(ValidationError):
            ctx.campaigns.start_next(admin, name, start=start, end=end)
    assert ctx.station.info().campaign_end == END and not _campaign_events(ctx)


def test_only_an_administrator_changes_the_campaign(ctx, admin):
    ctx.accounts.add_user(admin, "dieu.phoi", full_name="Lò Văn Thắng", role=Role.COORDINATOR, password="dieuphoi-26")
    coordinator = ctx.accounts.sign_in("dieu.phoi", "dieuphoi-26")
    with pytest.raises(PermissionDeniedError):
        ctx.campaigns.extend(coordinator, AFTER)
    with pytest.raises(PermissionDeniedError):
        ctx.campaigns.start_next(coordinator, "Đợt 2027", start=AFTER, end=dt.date(2027, 12, 31))


def test_progress_counts_visits_made_after_the_end_date_and_follows_an_extension(ctx, admin, nurse):
    """Visits the old code let through after the end date are the campaign's too: the figures run to the last
    of them (and to today once the campaign is extended), not to the end date."""
    info = ctx.station.info()
    with UnitOfWork(ctx.db) as uow:  # opened after the end date by a version that did not refuse it
        resident = ctx.registry.register_new(nurse, ResidentInput(full_name="Lò Thị Đào", sex=Sex.FEMALE,
                                                                  birth_year=1970))
        uow.session.add(VisitRow(resident_id=resident.id, site_id=info.site_id, campaign_id=info.campaign_id,
                                 visit_date=AFTER, queue_number=1, status="completed",
                                 funding_source="state_budget"))
        uow.commit()
    later = AFTER + dt.timedelta(days=10)
    snap = ctx.progress.snapshot(today=later)
    assert snap.date_to == AFTER and snap.overall.examined == 1
    assert snap.days[-1].day == AFTER and snap.days[-1].completed == 1
    ctx.campaigns.extend(admin, dt.date(2027, 3, 31))
    assert ctx.progress.snapshot(today=later).date_to == later
