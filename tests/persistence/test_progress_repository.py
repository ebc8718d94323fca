"""The progress queries on a real SQLite file (the small station of support/lists.py): the campaign's choices,
and each village's roster and states (examined, in the period, waiting) counted in one pass."""
import datetime as dt

from station_app.persistence.progress import StateCounts
from station_app.persistence.unit_of_work import UnitOfWork
from support.lists import DAY, HUA_PHAT, NA_PHAT, build


def test_the_choices_are_the_stations_campaigns_and_sites(ctx, admin):
    build(ctx, admin.id)
    info = ctx.station.info()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        q = uow.progress
        assert q.current_ids() == (info.campaign_id, info.site_id)
        assert [c.id for c in q.campaigns()] == [info.campaign_id]
        assert q.campaign(info.campaign_id).name == info.campaign_name
        assert {s.name for s in q.sites()} == {info.site_name, "Điểm khám lưu động Bản Nà Phát"}
        assert q.site(info.site_id).kind == "commune_station" and q.site("không-có") is None


def test_each_villages_roster_and_states(ctx, admin):
    build(ctx, admin.id)
    campaign = ctx.station.info().campaign_id
    with UnitOfWork(ctx.db, read_only=True) as uow:
        q = uow.progress
        q.prepare_states(campaign, None, DAY)
        by_village = {village: counts for (_, village), counts in q.by_village(DAY).items()}
        # Nà Phát: Đức (referred today) and Ơn (first done yesterday, at the mobile site) examined, one of them today;
        # Hua Phát: Hương examined today, Ạnh registered and waiting; the merged record is no one's roster
        assert by_village == {NA_PHAT: StateCounts(5, 2, 1, 0, 0), HUA_PHAT: StateCounts(4, 1, 1, 0, 1)}
        assert q.merged_residents(9) == 1
        assert q.first_examined_by_day() == {DAY - dt.timedelta(days=1): 1, DAY: 2}
        assert q.health_classes(campaign, None, DAY, DAY) == {"I": 1, "II": 1, "III": 1, "IV": 0, "V": 0}
