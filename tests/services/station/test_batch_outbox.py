"""The change log: every change to a resident or a part of a visit is logged in its own transaction, by any code
path, and a thing changed again moves to a newer sequence."""
from station_app.core.checkup_book import Topic
from station_app.persistence.bulk import BulkChunk, insert_chunk
from station_app.persistence.outbox import OutboxRepository
from station_app.persistence.tables import MeasurementRow
from station_app.persistence.unit_of_work import UnitOfWork
from support.batch import VITALS, make_doctor, open_visit


def changes(ctx, after=0):
    with UnitOfWork(ctx.db) as uow:
        return [(c.kind, c.ref_id) for c in OutboxRepository(uow.session).changes_after(after)]


def test_opening_a_visit_logs_the_visit_and_its_consent(ctx, nurse):
    visit = open_visit(ctx, nurse)
    assert set(changes(ctx)) == {("visit", visit.id), ("consent", visit.id)}


def test_residents_without_a_visit_are_never_logged(ctx, nurse):
    from station_app.core.model import Sex, TargetGroup
    from station_app.services.station.registry import FieldChange, ResidentInput

    resident = ctx.registry.register_new(nurse, ResidentInput(full_name="Lò Văn Pọm", sex=Sex.MALE, birth_year=1950,
                                                              target_groups=(TargetGroup.ELDERLY,)))
    ctx.registry.apply_changes(nurse, resident.id, changes=[FieldChange("address", None, "Bản Nà Khương")])
    assert changes(ctx) == []


def test_each_part_of_a_visit_is_logged_once_at_its_latest_change(ctx, nurse, admin):
    doctor = make_doctor(ctx, admin)
    visit = open_visit(ctx, nurse)
    ctx.exam.save_vitals(nurse, visit.id, entries=VITALS, confirmed_warnings=["systolic_1", "systolic_2", "diastolic_1", "diastolic_2"])
    ctx.findings.save_counselling(doctor, visit.id, topics=[Topic.NUTRITION], text="Giảm muối")
    with UnitOfWork(ctx.db) as uow:
        before = OutboxRepository(uow.session).changes_after(0)
    ctx.exam.save_vitals(nurse, visit.id, entries={**VITALS, "pulse": 80}, confirmed_warnings=["systolic_1", "systolic_2", "diastolic_1",
                                                                      "diastolic_2"])
    with UnitOfWork(ctx.db) as uow:
        after = OutboxRepository(uow.session).changes_after(0)
    kinds = [c.kind for c in after]
    assert len(kinds) == len(set(kinds))  # one row per thing
    last = max(c.seq for c in before)
    assert {c.kind for c in after if c.seq > last} == {"vitals"}
    assert {c.kind for c in after if c.seq <= last} == {"visit", "consent", "counselling"}


def test_a_change_rolled_back_leaves_no_trace_in_the_log(ctx, nurse):
    visit = open_visit(ctx, nurse)
    logged = changes(ctx)
    with UnitOfWork(ctx.db) as uow:
        uow.session.add(MeasurementRow(visit_id=visit.id, code="pulse", value=70, unit="/min"))
        uow.session.flush()
        # leaving without commit rolls back
    assert changes(ctx) == logged


def test_a_resident_changed_at_the_desk_is_logged(ctx, nurse):
    from station_app.services.station.registry import FieldChange

    visit = open_visit(ctx, nurse)
    last = max(s for s, *_ in _seqs(ctx))
    ctx.registry.apply_changes(nurse, visit.resident_id, changes=[FieldChange("address", "cũ", "Bản Nà Khương 2")])
    assert ("resident", visit.resident_id) in changes(ctx, last)


def test_bulk_inserts_are_logged_too(ctx):
    visit = {"id": "v-bulk", "resident_id": "r-bulk", "site_id": ctx.station.info().site_id,
             "campaign_id": ctx.station.info().campaign_id, "visit_date": __import__("datetime").date(2026, 6, 1),
             "queue_number": 1, "status": "completed", "funding_source": "state_budget"}
    resident = {"id": "r-bulk", "full_name": "Lò Văn A", "name_norm": "lo van a", "birth_year": 1970, "sex": "male",
                "source": "demo", "version": 1}
    insert_chunk(ctx.db, BulkChunk(residents=[resident], visits=[visit]), "import", None, {})
    assert changes(ctx) == [("visit", "v-bulk")]


def _seqs(ctx):
    with UnitOfWork(ctx.db) as uow:
        return [(c.seq, c.kind) for c in OutboxRepository(uow.session).changes_after(0)]


def test_visits_made_before_the_upgrade_are_logged_once_so_the_first_batch_carries_them(ctx, nurse):
    from alembic import command

    from station_app.persistence.database import alembic_config

    visit = open_visit(ctx, nurse)
    ctx.exam.save_vitals(nurse, visit.id, entries=VITALS, confirmed_warnings=["systolic_1", "systolic_2", "diastolic_1", "diastolic_2"])
    url = f"sqlite:///{ctx.db.path}"
    command.downgrade(alembic_config(url), "0004")  # as a station of before this change
    command.upgrade(alembic_config(url), "head")
    assert set(changes(ctx)) == {("visit", visit.id), ("consent", visit.id), ("vitals", visit.id)}
