"""The exam desks' repository on a real SQLite file: a visit's set of measurements is replaced as a whole (a
measure read again keeps its row), earlier versions are kept in order, and a desk has one draft per visit."""
from station_app.persistence.tables import MeasurementRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from support.visits import open_visit


def _rows(visit_id, version, **values):
    return [MeasurementRow(visit_id=visit_id, code=code, reading=1, value=value, unit="", context={}, flags={},
                           confirmed_warning=False, version=version, recorded_at=utcnow(),
                           recorded_by=None)
            for code, value in values.items()]


def _replace(ctx, visit_id, version, **values):
    with UnitOfWork(ctx.db) as uow:
        uow.exams.replace_measurements(uow.exams.measurements(visit_id), _rows(visit_id, version, **values))
        uow.commit()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        return {r.code: (r.id, r.value, r.version) for r in uow.exams.measurements(visit_id)}


def test_a_set_replaces_the_last_one_and_a_measure_read_again_keeps_its_row(ctx, nurse):
    visit, other = open_visit(ctx, nurse), open_visit(ctx, nurse, "Lò Thị Đào", 1975)
    first = _replace(ctx, visit.id, 1, systolic=150, diastolic=95)
    _replace(ctx, other.id, 1, pulse=70)
    second = _replace(ctx, visit.id, 2, systolic=130, pulse=80)
    assert set(second) == {"systolic", "pulse"}  # diastolic left the set
    assert second["systolic"] == (first["systolic"][0], 130, 2)
    assert second["pulse"][1:] == (80, 2)
    assert set(_replace(ctx, other.id, 2, pulse=72)) == {"pulse"}  # the other visit's set was not touched


def test_versions_are_kept_in_order_for_their_record_only(ctx, nurse):
    visit = open_visit(ctx, nurse)
    with UnitOfWork(ctx.db) as uow:
        for version in (2, 1):
            uow.exams.keep_version("vitals", visit.id, version, {"n": version}, "sửa lại", nurse.id)
        uow.exams.keep_version("vitals", "khác", 1, {}, None, None)
        uow.commit()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        kept = uow.exams.versions("vitals", visit.id)
        assert [(r.version, r.data, r.reason, r.replaced_by) for r in kept] == [
            (1, {"n": 1}, "sửa lại", nurse.id), (2, {"n": 2}, "sửa lại", nurse.id)]
        assert uow.exams.versions("findings", visit.id) == []


def test_a_desk_keeps_one_draft_per_visit_until_it_is_discarded(ctx, nurse):
    visit = open_visit(ctx, nurse)
    for fields in ({"systolic": "15"}, {"systolic": "150"}):
        with UnitOfWork(ctx.db) as uow:
            uow.exams.put_draft(visit.id, "vitals", fields, nurse.id)
            uow.commit()
    with UnitOfWork(ctx.db) as uow:
        assert uow.exams.draft(visit.id, "vitals").fields == {"systolic": "150"}
        assert uow.exams.draft(visit.id, "doctor") is None
        uow.exams.discard_draft(visit.id, "vitals")
        uow.commit()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        assert uow.exams.draft(visit.id, "vitals") is None
