"""The lists page's state without widgets: which filters each list offers, what the lists service is asked, the
names of the files it makes, who may print, import and follow up, and which answers of the loading still count."""
from __future__ import annotations

import datetime as dt

from station_app.core.model import Role, TargetGroup
from station_app.services.station.lists import ListFilter, ListKind
from station_app.ui.pages.lists.state import STATUS_CHOICES, Allowed, ListChoice, Loading

MONDAY, FRIDAY = dt.date(2026, 6, 8), dt.date(2026, 6, 12)


def choice(kind: ListKind, **changes) -> ListChoice:
    return ListChoice(kind=kind, date_from=FRIDAY, date_to=MONDAY, site_id="site-1", **changes)


def test_the_days_list_asks_for_the_days_in_order_at_this_site_with_its_status():
    daily = choice(ListKind.DAILY, status="registered", village="Bản Nà Phát", group=TargetGroup("elderly"),
                   hardest=True)
    assert (daily.offers_dates, daily.offers_use_dates, daily.offers_status, daily.offers_hardest) == (
        True, False, True, False)
    assert daily.filters() == ListFilter(date_from=MONDAY, date_to=FRIDAY, village="Bản Nà Phát",
                                         target_group=TargetGroup("elderly"), status="registered", site_id="site-1")


def test_referrals_span_the_campaign_unless_the_box_asks_for_some_days():
    referrals = choice(ListKind.REFERRALS, status="open")
    assert referrals.offers_use_dates and not referrals.dated
    assert referrals.filters() == ListFilter(status="open")
    assert choice(ListKind.REFERRALS, use_dates=True).filters() == ListFilter(date_from=MONDAY, date_to=FRIDAY)


def test_the_pending_list_has_no_dates_nor_status_but_the_hardest_to_reach_box():
    pending = choice(ListKind.PENDING, use_dates=True, status="registered", hardest=True)
    assert (pending.offers_dates, pending.offers_status, pending.offers_hardest) == (False, False, True)
    assert pending.filters() == ListFilter()


def test_duplicates_offer_dates_on_request_and_no_status():
    duplicates = choice(ListKind.DUPLICATES, use_dates=True, status="open")
    assert duplicates.dated and not duplicates.offers_status
    assert duplicates.filters() == ListFilter(date_from=MONDAY, date_to=FRIDAY)


def test_the_status_filter_offers_the_visits_states_or_the_referrals_follow_up():
    assert STATUS_CHOICES[ListKind.REFERRALS] == ("open", "followed_up")
    assert "registered" in STATUS_CHOICES[ListKind.DAILY] and ListKind.PENDING not in STATUS_CHOICES


def test_files_are_named_by_list_village_and_day():
    assert choice(ListKind.DAILY).file_name(".csv", FRIDAY) == "danh-sach-kham-2026-06-12.csv"
    assert choice(ListKind.PENDING, village="Bản Nà Phát").file_name(".pdf", FRIDAY) == \
        "danh-sach-chua-kham-ban-na-phat-2026-06-12.pdf"
    assert choice(ListKind.REFERRALS).print_name(dt.datetime(2026, 6, 12, 7, 5, 9)) == \
        "danh-sach-chuyen-tuyen-20260612-070509.pdf"


def test_the_coordinator_prints_and_imports_the_nurse_reads_the_doctor_follows_up():
    coordinator, nurse, doctor = Allowed(Role.COORDINATOR), Allowed(Role.NURSE), Allowed(Role.DOCTOR)
    assert coordinator.print and coordinator.import_roster and coordinator.follow_up_shown(ListKind.REFERRALS)
    assert not nurse.print and not nurse.import_roster and not nurse.follow_up_shown(ListKind.REFERRALS)
    assert doctor.follow_up and not doctor.print
    assert not coordinator.follow_up_shown(ListKind.DAILY)
    assert Allowed(None).print and not Allowed(None).import_roster


def test_only_the_newest_request_counts_and_printing_waits_for_its_list():
    loading = Loading()
    first = loading.start()
    second = loading.start()
    assert not loading.ready(has_list=True)
    assert not loading.arrived(first) and loading.loading
    assert loading.arrived(second) and not loading.loading
    assert loading.ready(has_list=True) and not loading.ready(has_list=False)
