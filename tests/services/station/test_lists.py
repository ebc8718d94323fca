"""The coordinator's lists on a small station whose every resident and visit is known (lists_station.py)."""
from __future__ import annotations

import dataclasses

import pytest
from support.lists import DAY, DISTRICT, HUA_PHAT, NA_PHAT, build

from station_app.core.checkup_book import Urgency
from station_app.core.errors import NotFoundError, PermissionDeniedError, ValidationError
from station_app.core.model import HealthClass, Role, Sex, TargetGroup, VisitStatus
from station_app.persistence.unit_of_work import UnitOfWork, load_audit_chain
from station_app.services.station.lists import (DuplicateReason, HardReason, ListFilter, UnknownVillageError)
from support import NURSE_PASSWORD


@pytest.fixture
def station(ctx, admin):
    return build(ctx, admin.id)


def names(rows) -> list[str]:
    return [r.full_name for r in rows]


def test_the_daily_list_is_the_days_visits_at_this_site_in_queue_order_with_key_results(ctx, station):
    daily = ctx.lists.daily(None, ListFilter.day(DAY))
    assert names(daily.rows) == ["Lường Văn Đức", "Phạm Thị Hương", "Lò Văn Ạnh", "Hà Văn Ơn"]  # no cancelled visit
    duc, huong, anh, _ = daily.rows
    assert (duc.systolic, duc.diastolic, duc.health_class, duc.referral_to) == (145, 93, HealthClass.III, DISTRICT)
    assert huong.bmi == 22.0 and huong.health_class is HealthClass.II and huong.referral_to is None
    assert anh.status is VisitStatus.REGISTERED and anh.target_groups == (TargetGroup.ETHNIC_MINORITY,
                                                                          TargetGroup.CHILD_UNDER_6)
    t = daily.totals
    assert (t.registered, t.completed, t.referred, t.waiting) == (4, 3, 1, 1)
    assert t.by_sex == {Sex.MALE: 3, Sex.FEMALE: 1}
    assert t.by_group == {TargetGroup.POLICY: 1, TargetGroup.ETHNIC_MINORITY: 2, TargetGroup.CHILD_UNDER_6: 1}


def test_the_daily_list_filters_by_village_group_and_status_and_sorts_by_given_name(ctx, station):
    day = ListFilter.day(DAY)
    assert names(ctx.lists.daily(None, dataclasses.replace(day, village=HUA_PHAT)).rows) == ["Phạm Thị Hương",
                                                                                             "Lò Văn Ạnh"]
    assert names(ctx.lists.daily(None, dataclasses.replace(day, target_group=TargetGroup.CHILD_UNDER_6)).rows) == [
        "Lò Văn Ạnh"]
    assert names(ctx.lists.daily(None, dataclasses.replace(day, status="cancelled")).rows) == ["Đỗ Thị Ưng"]
    assert names(ctx.lists.daily(None, dataclasses.replace(day, sort="name")).rows) == [
        "Lò Văn Ạnh", "Lường Văn Đức", "Phạm Thị Hương", "Hà Văn Ơn"]
    mobile_id, mobile = ctx.lists.sites()[1]
    at_mobile = ctx.lists.daily(None, ListFilter.day(DAY.replace(day=9), site_id=mobile_id))
    assert names(at_mobile.rows) == ["Hà Văn Ơn"] and at_mobile.scope.site_name == mobile
    other_day = ctx.lists.daily(None, ListFilter.day(DAY.replace(day=11)))
    assert other_day.rows == () and other_day.totals.registered == 0


def test_bad_filters_say_what_to_choose(ctx, station):
    with pytest.raises(UnknownVillageError, match="Bản Nà Phát"):
        ctx.lists.daily(None, ListFilter.day(DAY, village="Bản Nà"))
    with pytest.raises(ValidationError, match="queue"):
        ctx.lists.daily(None, ListFilter.day(DAY, sort="tuổi"))
    with pytest.raises(ValidationError, match="followed_up"):
        ctx.lists.referrals(None, ListFilter(status="done"))


def test_not_yet_examined_are_residents_without_a_visit_grouped_by_village_in_walking_order(ctx, station):
    pending = ctx.lists.pending(None, ListFilter())
    # cancelled visits do not count as examined; merged records are not people of their own
    assert [(r.village, r.household_code, r.full_name) for r in pending.rows] == [
        (HUA_PHAT, "H4", "Đỗ Thị Ưng"), (HUA_PHAT, "H5", "Nguyễn Thị Diễm"),
        (NA_PHAT, "H1", "Nguyễn Thị Diễm"), (NA_PHAT, "H2", "Lường Thị Ơn"), (NA_PHAT, "H6", "Tòng Thị Én")]
    t = pending.totals
    assert (t.residents, t.priority, t.hard) == (5, 3, 2)
    assert t.by_village == {HUA_PHAT: 2, NA_PHAT: 3}
    assert list(t.by_group) == [TargetGroup.ELDERLY, TargetGroup.POOR, TargetGroup.CHILD_UNDER_6]  # priority first
    alone_no_phone, child = pending.rows[2:4]
    assert alone_no_phone.priority and alone_no_phone.hard_reasons == (HardReason.NO_PHONE, HardReason.LIVES_ALONE)
    assert child.phone is None and child.hard_reasons == ()  # her father has a phone


def test_the_hardest_cases_and_the_filters_of_the_pending_list(ctx, station):
    hardest = ctx.lists.pending(None, ListFilter(), hardest_only=True)
    assert [(r.village, r.hard_reasons) for r in hardest.rows] == [
        (HUA_PHAT, (HardReason.LIVES_ALONE,)), (NA_PHAT, (HardReason.NO_PHONE, HardReason.LIVES_ALONE))]
    assert names(ctx.lists.pending(None, ListFilter(village=NA_PHAT)).rows) == ["Nguyễn Thị Diễm", "Lường Thị Ơn",
                                                                               "Tòng Thị Én"]
    assert names(ctx.lists.pending(None, ListFilter(target_group=TargetGroup.POOR)).rows) == ["Nguyễn Thị Diễm"]
    by_priority = ctx.lists.pending(None, ListFilter(sort="priority"))
    assert [r.priority for r in by_priority.rows] == [True, False, True, True, False]  # first in each village


def test_referrals_are_listed_and_a_coordinator_marks_one_followed_up_with_an_audit_event(ctx, station, admin):
    referrals = ctx.lists.referrals(None, ListFilter())
    (row,) = referrals.rows
    assert (row.full_name, row.referral_to, row.urgency, row.followed_up) == ("Lường Văn Đức", DISTRICT, Urgency.SOON,
                                                                              False)
    assert (referrals.totals.referred, referrals.totals.open) == (1, 1)
    ctx.accounts.add_user(admin, "dieu.phoi", full_name="Lò Văn Thắng", role=Role.COORDINATOR, password=NURSE_PASSWORD)
    coordinator = ctx.accounts.sign_in("dieu.phoi", NURSE_PASSWORD)
    marked = ctx.lists.mark_referral_followed_up(coordinator, row.visit_id, note="Đã gọi điện, đã đi khám")
    assert marked.followed_up and marked.followed_up_by == "Lò Văn Thắng"
    assert marked.follow_up_note == "Đã gọi điện, đã đi khám"
    assert ctx.lists.referrals(None, ListFilter(status="open")).rows == ()
    assert names(ctx.lists.referrals(None, ListFilter(status="followed_up")).rows) == ["Lường Văn Đức"]
    with UnitOfWork(ctx.db) as uow:
        events, _, _ = load_audit_chain(uow.session)
    last = events[-1]
    assert (last.entity, last.user_id, last.details["visit_id"]) == ("conclusions", coordinator.id, row.visit_id)
    assert "Đã gọi" not in str(last.details)  # the note stays out of the audit details
    assert ctx.audit.verify().ok


def test_a_nurse_cannot_mark_a_referral_and_a_visit_without_one_is_refused(ctx, station, nurse, admin):
    visit = ctx.lists.referrals(None, ListFilter()).rows[0].visit_id
    with pytest.raises(PermissionDeniedError):
        ctx.lists.mark_referral_followed_up(nurse, visit, note=None)
    with pytest.raises(NotFoundError):
        ctx.lists.mark_referral_followed_up(admin, station["visit:huong"], note=None)


def test_possible_duplicates_same_name_and_year_same_card_and_two_visits(ctx, station):
    found = ctx.lists.duplicates(None, ListFilter())
    groups: dict[int, list] = {}
    for r in found.rows:
        groups.setdefault(r.group, []).append(r)
    described = sorted((g[0].reason, tuple(sorted(names(g)))) for g in groups.values())
    assert described == sorted([
        (DuplicateReason.SAME_NAME_AND_YEAR, ("Nguyễn Thị Diễm", "Nguyễn Thị Diễm")),
        (DuplicateReason.SAME_INSURANCE, ("Tòng Thị Én", "Đỗ Thị Ưng")),
        (DuplicateReason.TWO_VISITS, ("Hà Văn Ơn", "Hà Văn Ơn"))])  # the merged Phạm Thị Hương is not one
    assert (found.totals.groups, found.totals.residents) == (3, 5)
    in_na_phat = ctx.lists.duplicates(None, ListFilter(village=NA_PHAT))
    assert in_na_phat.totals.groups == 3  # each group has someone in Bản Nà Phát, and is shown whole
    assert ctx.lists.duplicates(None, ListFilter(target_group=TargetGroup.POLICY)).totals.groups == 1


def test_reading_lists_needs_an_account_that_may_view_them(ctx, station, nurse):
    assert ctx.lists.daily(nurse, ListFilter.day(DAY)).totals.registered == 4
    assert ctx.lists.villages() == [HUA_PHAT, NA_PHAT]
    assert [name for _, name in ctx.lists.sites()] == ["Trạm Y tế xã Mường Kim", "Điểm khám lưu động Bản Nà Phát"]


def test_a_station_at_revision_0003_gets_the_list_indexes_and_keeps_its_residents(data_dir):
    import sqlite3

    from alembic import command

    from station_app.persistence.database import DB_FILE_NAME, alembic_config, open_database

    path = data_dir / DB_FILE_NAME
    command.upgrade(alembic_config(f"sqlite:///{path}"), "0003")
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO residents (id, full_name, name_norm, birth_year, sex, source, version, created_at, "
                     "updated_at) VALUES ('r1', 'Lường Thị Ưng', 'luong thi ung', 1960, 'female', 'manual', 1, "
                     "'2026-05-01', '2026-05-01')")
    db = open_database(data_dir)
    with db.engine.connect() as conn:
        names = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert conn.exec_driver_sql("SELECT full_name FROM residents WHERE id = 'r1'").scalar() == "Lường Thị Ưng"
    db.dispose()
    assert {"ix_residents_village_household", "ix_conclusions_referral", "ix_visits_campaign_resident_status",
            "ix_residents_identity"} <= names


def test_the_demo_station_has_conclusions_and_referrals_for_the_lists(data_dir):
    from station_app.app import open_context
    from station_app.services.station.demo import make_demo

    ctx = open_context(data_dir)
    try:
        result = make_demo(ctx, residents=600, seed=11)
        referrals = ctx.lists.referrals(None, ListFilter())
    finally:
        ctx.close()
    done = result.visits_by_status[VisitStatus.COMPLETED] + result.visits_by_status[VisitStatus.REFERRED]
    assert result.conclusions == done and result.referrals == referrals.totals.referred
    assert 0.03 * done <= result.referrals <= 0.15 * done
    assert all(r.referral_to.startswith(("Trung tâm Y tế huyện", "Bệnh viện")) and r.reason for r in referrals.rows)
    assert 0 < referrals.totals.followed_up < referrals.totals.referred
    assert "chuyển tuyến" in result.summary()
