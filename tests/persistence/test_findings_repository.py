"""The findings repository and the unit of work on a real SQLite file: what one visit holds is read back for that
visit only, a conclusion is found or not, and rows added or removed through it are there (or gone) after commit."""
from station_app.core.model import HealthClass
from station_app.persistence.tables import CounsellingNoteRow, HistoryItemRow
from station_app.persistence.unit_of_work import UnitOfWork
from support.visits import fill_all, make_doctor, open_visit


def test_one_visits_records_are_read_for_that_visit_only(ctx, admin, nurse):
    doctor = make_doctor(ctx, admin)
    first, second = open_visit(ctx, nurse), open_visit(ctx, nurse, "Lò Thị Đào", 1975)
    fill_all(ctx, doctor, first.id)
    ctx.findings.save_conclusion(doctor, first.id, overall_class=HealthClass.II, override_reason=None, advice="Ăn nhạt", referral=None)
    with UnitOfWork(ctx.db, read_only=True) as uow:
        repo = uow.findings
        assert repo.visit("không-có") is None and repo.visit(first.id).resident_id == first.resident_id
        assert repo.resident(repo.visit(first.id).resident_id).full_name == "Tòng Thị Hoa"
        assert {r.item for r in repo.rows(HistoryItemRow, first.id)} == {"tobacco", "pregnant"}
        assert repo.rows(HistoryItemRow, second.id) == []
        assert repo.has_conclusion(first.id) and not repo.has_conclusion(second.id)
        assert repo.conclusion(first.id).advice == "Ăn nhạt" and repo.conclusion(second.id) is None
        assert repo.user(repo.conclusion(first.id).concluded_by).username == "bs.lan"


def test_rows_added_and_removed_through_it_are_kept_by_the_commit_only(ctx, nurse):
    visit = open_visit(ctx, nurse)
    with UnitOfWork(ctx.db) as uow:
        uow.findings.add(CounsellingNoteRow(visit_id=visit.id, topic=None, text="Giảm muối", version=1))
        uow.findings.flush()
        assert [r.text for r in uow.findings.rows(CounsellingNoteRow, visit.id)] == ["Giảm muối"]
        # no commit: gone
    with UnitOfWork(ctx.db) as uow:
        assert uow.findings.rows(CounsellingNoteRow, visit.id) == []
        uow.findings.add(CounsellingNoteRow(visit_id=visit.id, topic=None, text="Giảm muối", version=1))
        uow.commit()
    with UnitOfWork(ctx.db) as uow:
        [note] = uow.findings.rows(CounsellingNoteRow, visit.id)
        uow.findings.remove(note)
        uow.commit()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        assert uow.findings.rows(CounsellingNoteRow, visit.id) == []
