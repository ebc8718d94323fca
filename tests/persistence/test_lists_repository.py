"""The coordinator's list queries on a real SQLite file (the small station of support/lists.py): villages and
sites to choose from, the day's list without cancelled visits, referrals, and a follow-up that is stored."""
from station_app.persistence.lists import Where
from station_app.persistence.unit_of_work import UnitOfWork
from support.lists import DAY, DISTRICT, HUA_PHAT, NA_PHAT, build


def test_villages_sites_and_the_days_list(ctx, admin):
    ids = build(ctx, admin.id)
    info = ctx.station.info()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        lists = uow.lists
        assert sorted(v for _, v in lists.villages()) == [HUA_PHAT, NA_PHAT]
        assert lists.has_village(NA_PHAT) and not lists.has_village("Bản Không Có")
        assert [n for _, n in lists.sites()] == [info.site_name, "Điểm khám lưu động Bản Nà Phát"]  # its own first
        day = lists.daily(info.site_id, Where(date_from=DAY, date_to=DAY))
        assert [(r.queue_number, r.resident_id) for r in day] == [
            (1, ids["duc"]), (2, ids["huong"]), (3, ids["anh"]), (4, ids["on"])]  # Ưng's visit was cancelled
        assert [r.resident_id for r in lists.daily(None, Where(date_from=DAY, date_to=DAY, village=HUA_PHAT))] == [
            ids["huong"], ids["anh"]]
        values = lists.measurements([ids["visit:duc"]], ["systolic"])
        assert [(r.reading, r.value) for r in values] == [(1, 150), (2, 140)]


def test_a_referral_followed_up_is_stored_with_who_and_why(ctx, admin):
    ids = build(ctx, admin.id)
    campaign = ctx.station.info().campaign_id
    with UnitOfWork(ctx.db) as uow:
        [referral] = uow.lists.referrals(campaign, Where(), followed_up=False)
        assert (referral.resident_id, referral.referral_to) == (ids["duc"], DISTRICT)
        assert uow.lists.conclusion_of(ids["visit:anh"]) is None
        uow.lists.mark_followed_up(uow.lists.conclusion_of(ids["visit:duc"]), admin.id, "Đã gọi điện")
        uow.commit()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        assert uow.lists.referrals(campaign, Where(), followed_up=False) == []
        [done] = uow.lists.referrals(campaign, Where(), True, ids["visit:duc"])
        assert (done.followed_up_by, done.referral_follow_up_note) == ("Lò Văn Đức", "Đã gọi điện")
