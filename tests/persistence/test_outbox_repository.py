"""The change log, the batches and the export's reads on a real SQLite file: changes after a sequence, a cut
that marks the log read, batches with their exact bytes by station and sequence, and a visit read with its parts
and its resident."""
from station_app.persistence.tables import ExportBatchRow
from station_app.persistence.unit_of_work import UnitOfWork
from support.visits import open_visit


def _batch(station_id, sequence, covers_to):
    return ExportBatchRow(station_id=station_id, sequence=sequence, covers_from=1, covers_to=covers_to,
                          file_name=f"TYT-MK-{sequence:06d}.batch", manifest_sha256="a" * 64, file_sha256="b" * 64,
                          counts={"resources": sequence})


def test_changes_come_after_a_sequence_and_a_cut_marks_them_read(ctx, nurse):
    visit = open_visit(ctx, nurse)
    with UnitOfWork(ctx.db) as uow:
        changes = uow.outbox.changes_after(0)
        assert {(c.kind, c.ref_id) for c in changes} >= {("visit", visit.id), ("consent", visit.id)}
        assert uow.outbox.pending_summary(0)[0] == len(changes)
        assert uow.outbox.changes_after(changes[-1].seq) == []
        assert uow.outbox.pending_summary(changes[-1].seq) == (0, None)
        uow.outbox.cut()
        uow.commit()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        assert uow.outbox.changes_after(0) == changes  # the cut is no change of its own


def test_batches_are_kept_with_their_bytes_per_station_and_sequence(ctx):
    station_id = ctx.station.info().id
    with UnitOfWork(ctx.db) as uow:
        assert uow.outbox.last_batch(station_id) is None
        for sequence in (2, 1):
            uow.outbox.add_batch(_batch(station_id, sequence, sequence * 10), f"lô {sequence}".encode())
        uow.commit()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        outbox = uow.outbox
        assert [b.sequence for b in outbox.batches(station_id)] == [1, 2] and outbox.batches("khác") == []
        assert outbox.last_batch(station_id).covers_to == 20
        second = outbox.batch(station_id, 2)
        assert outbox.content(second.id) == "lô 2".encode() and outbox.content("không-có") is None
        assert outbox.batch(station_id, 3) is None


def test_an_export_reads_a_visit_with_its_parts_and_its_resident(ctx, nurse):
    visit, other = open_visit(ctx, nurse), open_visit(ctx, nurse, "Lò Thị Đào", 1975)
    info = ctx.station.info()
    with UnitOfWork(ctx.db, read_only=True) as uow:
        reader = uow.exports
        visits = reader.visits([visit.id, "không-có"])
        assert list(visits) == [visit.id]
        assert [v.id for v in reader.visits_of_residents([other.resident_id])] == [other.id]
        parts = reader.visit_parts(visits.values())[visit.id]
        assert len(parts.consents) == 1 and parts.measurements == [] and parts.conclusion is None
        assert reader.residents([visit.resident_id])[visit.resident_id].full_name == "Tòng Thị Hoa"
        assert reader.target_groups([visit.resident_id]) == {visit.resident_id: ["other"]}
        assert reader.sites([info.site_id])[info.site_id].name == info.site_name
        assert reader.campaigns([info.campaign_id])[info.campaign_id].name == info.campaign_name
        assert reader.user_names([nurse.id, None]) == {nurse.id: "Tòng Thị Hoa"}
        assert reader.amendment_reasons([visit.id]) == {}
