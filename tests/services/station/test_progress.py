"""Progress figures on a small synthetic station whose counts are known by hand."""
from __future__ import annotations

import datetime as dt

import pytest
from support.progress import MUONG_KIM, NA_KHUONG, SCHOOL, TODAY, G, build_station

from station_app.core.errors import NotFoundError, ValidationError
from station_app.core.model import HealthClass
from station_app.persistence.tables import CampaignRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.station.progress import Coverage, ProgressFilter, ProgressService


@pytest.fixture
def station(ctx):
    return build_station(ctx)


def _by_village(snap):
    return {v.village: v.coverage for v in snap.villages}


def _by_group(snap):
    return {g.group: g.coverage for g in snap.groups}


def test_the_whole_campaign_counts_each_resident_once_and_leaves_merged_ones_out(station):
    service, _ = station
    snap = service.snapshot(today=TODAY)
    assert snap.overall == Coverage(roster=8, examined=4, examined_in_period=4, in_progress=1, waiting=1)
    assert snap.overall.not_seen == 2 and snap.overall.rate == 0.5
    assert snap.date_to == TODAY and snap.date_from == dt.date(2026, 5, 1)
    assert _by_village(snap) == {MUONG_KIM: Coverage(4, 2, 2, 1, 0), NA_KHUONG: Coverage(3, 1, 1, 0, 1),
                                 None: Coverage(1, 1, 1, 0, 0)}
    assert snap.villages[-1].village is None and snap.villages[0].commune_name == "Xã Mường Kim"


def test_target_groups_and_school_classes(station):
    snap = station[0].snapshot(today=TODAY)
    assert _by_group(snap) == {G.POLICY: Coverage(1, 1, 1, 0, 0), G.ELDERLY: Coverage(2, 1, 1, 1, 0),
                               G.POOR: Coverage(1, 1, 1, 0, 0), G.PUPIL: Coverage(3, 1, 1, 0, 1),
                               G.CHILD_UNDER_6: Coverage(1, 1, 1, 0, 0)}
    assert [g.label for g in snap.groups][:2] == ["Đối tượng chính sách", "Người cao tuổi"]
    assert [(c.school, c.school_class, c.coverage.roster, c.coverage.examined) for c in snap.classes] == [
        (SCHOOL, "3A", 2, 1), (SCHOOL, "4B", 1, 0)]
    assert snap.pupils == Coverage(3, 1, 1, 0, 1)


def test_visit_rates_and_health_classes(station):
    snap = station[0].snapshot(today=TODAY)
    v = snap.visits
    assert (v.registered, v.completed, v.referred, v.in_progress, v.waiting, v.cancelled) == (9, 6, 2, 1, 1, 1)
    assert v.completion_rate == pytest.approx(6 / 9) and v.referral_rate == pytest.approx(2 / 6)
    assert {c.health_class: c.count for c in snap.health_classes} == {
        HealthClass.I: 1, HealthClass.II: 1, HealthClass.III: 1, HealthClass.IV: 0, HealthClass.V: 0}
    assert snap.without_conclusion == 3


def test_rates_and_classes_of_a_shorter_period(station):
    snap = station[0].snapshot(ProgressFilter(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 12)))
    assert (snap.visits.registered, snap.visits.completed, snap.visits.referred) == (4, 2, 1)
    assert [c.count for c in snap.health_classes] == [1, 0, 0, 0, 0] and snap.without_conclusion == 1


def test_days_of_a_period_with_cumulative_coverage(station):
    snap = station[0].snapshot(ProgressFilter(date_from=dt.date(2026, 5, 5), date_to=dt.date(2026, 5, 12)))
    assert len(snap.days) == 8 and snap.examined_before == 2
    rows = {d.day.day: (d.registered, d.completed, d.referred, d.cancelled, d.newly_examined, d.cumulative_examined)
            for d in snap.days}
    assert rows[5] == (2, 1, 1, 0, 1, 3)
    assert rows[6] == (0, 0, 0, 0, 0, 3)
    assert rows[11] == (3, 1, 0, 1, 1, 4)
    assert rows[12] == (1, 1, 1, 0, 0, 4)
    assert snap.overall.examined == 4 and snap.overall.examined_in_period == 2
    curve = dict(snap.cumulative_to_date)  # from the campaign's first day, whatever the period
    assert min(curve) == dt.date(2026, 5, 1) and max(curve) == dt.date(2026, 5, 12)
    assert (curve[dt.date(2026, 5, 3)], curve[dt.date(2026, 5, 4)], curve[dt.date(2026, 5, 12)]) == (0, 2, 4)


def test_period_end_counts_only_what_happened_by_then(station):
    snap = station[0].snapshot(ProgressFilter(date_to=dt.date(2026, 5, 5)))
    assert snap.overall == Coverage(8, 3, 3, 1, 0)
    assert snap.visits.registered == 5 and snap.days[-1].cumulative_examined == 3


def test_one_site(station):
    service, site2 = station
    snap = service.snapshot(ProgressFilter(site_id=site2), today=TODAY)
    assert snap.site_name == "Điểm khám lưu động Bản Nà Khương"
    assert snap.overall == Coverage(8, 2, 2, 0, 1)  # the roster stays the station's
    assert (snap.visits.registered, snap.visits.completed, snap.visits.cancelled) == (4, 2, 1)
    assert _by_village(snap)[MUONG_KIM].examined == 0


def test_a_campaign_without_visits_gives_zeros(station, ctx):
    with UnitOfWork(ctx.db) as uow:
        other = CampaignRow(name="Khám sức khỏe học sinh 2027", year=2027, start_date=dt.date(2027, 1, 4),
                            end_date=dt.date(2027, 3, 31))
        uow.session.add(other)
        uow.commit()
        other_id = other.id
    snap = station[0].snapshot(ProgressFilter(campaign_id=other_id), today=TODAY)
    assert snap.overall == Coverage(8, 0, 0, 0, 0) and snap.overall.rate == 0.0
    assert snap.visits.completion_rate == 0.0 and snap.visits.referral_rate == 0.0
    assert len(snap.days) == 1 and snap.days[0].cumulative_examined == 0  # not started yet: its first day


def test_an_empty_station_gives_zeros_not_errors(ctx):
    snap = ProgressService(ctx.db).snapshot(today=TODAY)
    assert snap.overall == Coverage(0, 0, 0, 0, 0) and snap.overall.rate == 0.0 and snap.empty
    assert snap.villages == () and snap.groups == () and snap.classes == ()
    assert all(d.registered == 0 for d in snap.days)


def test_bad_filters_say_what_is_wrong(station):
    service, _ = station
    with pytest.raises(NotFoundError):
        service.snapshot(ProgressFilter(site_id="no-such-site"))
    with pytest.raises(ValidationError):
        service.snapshot(ProgressFilter(date_from=dt.date(2026, 6, 2), date_to=dt.date(2026, 6, 1)))


def test_choices_offer_the_campaigns_and_sites(station, ctx):
    choices = station[0].choices()
    info = ctx.station.info()
    assert choices.current_campaign_id == info.campaign_id and choices.current_site_id == info.site_id
    assert [c.name for c in choices.campaigns] == ["Khám sức khỏe định kỳ 2026"]
    assert len(choices.sites) == 2
