"""The station's own records on a real SQLite file: accounts, the station with its sites and campaigns, the
header counts, and the audit chain with its head."""
import datetime as dt

from station_app.core.audit import verify_chain
from station_app.core.ids import new_id
from station_app.core.model import Role, SiteKind
from station_app.persistence.tables import CampaignRow, SiteRow, StationRow
from station_app.persistence.unit_of_work import UnitOfWork
from support import COMMUNE_MUONG_KIM, NURSE_PASSWORD
from support.visits import open_visit


def test_an_empty_database_has_no_station_campaign_or_audit_head(empty_ctx):
    with UnitOfWork(empty_ctx.db, read_only=True) as uow:
        assert not uow.stations.exists() and uow.stations.current() is None
        assert uow.campaigns.current() is None and uow.audit_trail.anchor() is None
        assert uow.audit_trail.chain() == ([], None, None)


def test_a_station_is_stored_with_its_first_campaign_and_its_sites(empty_ctx):
    with UnitOfWork(empty_ctx.db) as uow:
        station = StationRow(code="TYT-TEST", name="Trạm thử")
        campaign = CampaignRow(name="Đợt 1", year=2026, start_date=dt.date(2026, 5, 1), end_date=dt.date(2026, 6, 30))
        uow.stations.add(station, campaign)
        site = uow.stations.add_site(SiteRow(id=new_id(), station_id=station.id, name="Trạm",
                                             kind=SiteKind.COMMUNE_STATION.value, commune_code=COMMUNE_MUONG_KIM))
        station.current_site_id, station.current_campaign_id = site.id, campaign.id
        uow.commit()
    with UnitOfWork(empty_ctx.db, read_only=True) as uow:
        assert uow.stations.exists() and uow.stations.current().code == "TYT-TEST"
        assert uow.stations.site(site.id).name == "Trạm" and uow.stations.site("không-có") is None
        assert uow.campaigns.current().id == campaign.id == uow.campaigns.get(campaign.id).id
        assert uow.campaigns.get("không-có") is None and uow.campaigns.last_visit_day(campaign.id) is None


def test_accounts_are_found_by_name_and_listed_in_name_order(ctx, admin):
    ctx.accounts.add_user(admin, "y.ta.hoa", full_name="Tòng Thị Hoa", role=Role.NURSE, password=NURSE_PASSWORD)
    with UnitOfWork(ctx.db, read_only=True) as uow:
        assert [u.username for u in uow.users.all()] == ["admin", "y.ta.hoa"]
        assert uow.users.by_username("y.ta.hoa").full_name == "Tòng Thị Hoa" and uow.users.by_username("khác") is None
        newest = uow.users.audited("users", uow.users.by_username("y.ta.hoa").id, 5)
        assert [action for action, _, _ in newest][-1] == "create"  # newest first: the account's creation last


def test_the_audit_chain_verifies_and_its_anchor_is_its_head(ctx, nurse):
    visit = open_visit(ctx, nurse)
    with UnitOfWork(ctx.db, read_only=True) as uow:
        events, head_seq, head_hash = uow.audit_trail.chain()
        assert verify_chain(events, head_seq, head_hash).ok
        assert (uow.audit_trail.anchor().seq, uow.audit_trail.anchor().hash) == (events[-1].seq, events[-1].hash)
        assert uow.campaigns.last_visit_day(visit.campaign_id) == visit.visit_date
        assert uow.overview.residents() == 1
        assert uow.overview.visits_by_status(visit.site_id, visit.visit_date) == {"registered": 1}
