"""The residents' and visits' repositories on a real SQLite file: rows come back as stored, in the order asked,
target groups and queue numbers are kept, and a visit is stored with or without its consent."""
import datetime as dt

from station_app.core.model import TargetGroup, VisitStatus
from station_app.persistence.tables import RosterImportRow
from station_app.persistence.unit_of_work import UnitOfWork
from support.visits import CONSENT, open_visit, resident_row, visit_row


def _store(ctx, *rows):
    with UnitOfWork(ctx.db) as uow:
        ids = [uow.residents.add(row).id for row in rows]
        uow.commit()
    return ids


def test_residents_are_found_by_id_in_the_order_asked_and_by_their_numbers(ctx):
    hoa, dao = _store(ctx, resident_row(national_id="011180001234", insurance_number="DN4121234567890"),
                      resident_row("Lò Thị Đào", 1975, village="Bản Nà Phát"))
    with UnitOfWork(ctx.db, read_only=True) as uow:
        repo = uow.residents
        assert [r.id for r in repo.many([dao, "không-có", hoa])] == [dao, hoa] and repo.many([]) == []
        assert repo.get(hoa).full_name == "Tòng Thị Hoa" and repo.get("không-có") is None
        assert repo.by_national_id("011180001234").id == hoa and repo.by_national_id("011180009999") is None
        assert [r.id for r in repo.by_insurance(["", "DN4121234567890"])] == [hoa] and repo.by_insurance([""]) == []
        assert [r.id for r in repo.by_name_year("lo thi dao", 1975)] == [dao]
        assert repo.by_name_year("lo thi dao", 1976) == []
        assert repo.villages() == [(None, "Bản Nà Phát")]
        assert [(r.id, groups) for r, groups in repo.light([dao, hoa])] == [(dao, []), (hoa, [])]


def test_search_reads_names_and_numbers_by_prefix(ctx):
    hoa, dao = _store(ctx, resident_row(national_id="011180001234"), resident_row("Lò Thị Đào", 1975))
    with UnitOfWork(ctx.db, read_only=True) as uow:
        repo = uow.residents
        assert repo.name_prefix("lo", None, 10) == [dao] and repo.name_prefix("tong thi", 1980, 10) == [hoa]
        assert repo.name_inside("hoa", None, 10) == [hoa] and repo.name_inside("tong", None, 10) == []
        assert repo.id_prefix("0111", 10) == [hoa] and repo.of_year(1975, 10) == [dao]


def test_target_groups_are_replaced_and_stored_once_flushed(ctx):
    (hoa,) = _store(ctx, resident_row())
    with UnitOfWork(ctx.db) as uow:
        row = uow.residents.get(hoa)
        assert uow.residents.set_target_groups(row, ["elderly", "poor"])
        assert not uow.residents.set_target_groups(row, ["poor", "elderly"])  # the same set: no change
        row.version += 1
        uow.residents.flush()
        uow.commit()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        [(row, groups)] = uow.residents.light([hoa])
        assert sorted(groups) == ["elderly", "poor"] and row.version == 2


def test_a_roster_import_is_recorded(ctx):
    with UnitOfWork(ctx.db) as uow:
        record = uow.residents.add_roster_import(RosterImportRow(file_name="ds.xlsx", file_sha256="0" * 64,
                                                                 counts={"new": 3}))
        assert record.id  # settled by the flush, for the audit event to name
        uow.commit()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        assert uow.residents.roster_links(["không-có"]) == {}
        assert uow.session.get(RosterImportRow, record.id).counts == {"new": 3}


def test_visits_are_stored_with_or_without_consent_and_numbered_per_site_and_day(ctx, nurse):
    info = ctx.station.info()
    day = info.campaign_start
    first = open_visit(ctx, nurse, groups=(TargetGroup.ELDERLY,), day=day)
    (dao,) = _store(ctx, resident_row("Lò Thị Đào", 1975))
    with UnitOfWork(ctx.db) as uow:
        visits = uow.visits
        assert visits.next_queue_number(info.site_id, day) == first.queue_number + 1
        assert visits.next_queue_number(info.site_id, day + dt.timedelta(days=1)) == 1
        slip = visits.add(visit_row(info, dao, 2, day))  # from another laptop's slip: no consent here
        cancelled = visits.add(visit_row(info, dao, 3, day, VisitStatus.CANCELLED))
        uow.commit()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        visits = uow.visits
        assert [v.id for v in visits.of_day(info.site_id, day)] == [first.id, slip.id, cancelled.id]
        assert [v.id for v in visits.active_in_campaign(dao, info.campaign_id)] == [slip.id]
        assert visits.current_campaign_id() == info.campaign_id
        assert visits.site_names([info.site_id, info.site_id]) == {info.site_id: info.site_name}
        assert visits.site(info.site_id).name == info.site_name and visits.campaign("không-có") is None
        assert [c.text_sha256 for c in uow.exports.visit_parts([visits.get(first.id)])[first.id].consents] == [
            CONSENT.text_sha256]
        assert uow.exports.visit_parts([visits.get(slip.id)])[slip.id].consents == []
        last = uow.residents.last_visits([dao, first.resident_id], info.campaign_id)
        assert {rid: v.visit_id for rid, v in last.items()} == {dao: slip.id, first.resident_id: first.id}
