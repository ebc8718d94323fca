"""The office's way out for a station whose chain forked before issue 16 (point 5): an administrator's recorded
decision (who, when, why) accepts the station's new chain from a sequence; its batches then come in, and nothing
else changes: without the decision the fork stays refused, and a decision is used once."""
from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app import cli
from station_app.core.batch_format import sha256_hex
from station_app.persistence.office.tables import OfficeEventRow, OfficeVisitRow
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.persistence.outbox import ExportBatchFileRow
from station_app.persistence.tables import ExportBatchRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange.batch_export import zip_parts
from station_app.services.office.chain import chain_decisions
from station_app.services.station.receipts import import_receipts
from support.batch import open_visit
from support.office import export, parts_of
from support.postgres import postgres_server  # noqa: F401 - the session fixture

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return None  # the default: office.sqlite in the office folder
    return request.getfixturevalue("postgres_server").new_database()


def outcomes(office, folder):
    return [(o.sequence, o.status, o.reason) for o in office.service.import_paths([folder]).outcomes]


def forget_batch(station, sequence):
    """What an export cut short did before the fix: the batch is on the stick, the station has no record of it."""
    with UnitOfWork(station.db) as uow:
        row = uow.session.query(ExportBatchRow).filter_by(sequence=sequence).one()
        uow.session.query(ExportBatchFileRow).filter_by(batch_id=row.id).delete()
        uow.session.delete(row)
        uow.commit()


def forked_station(station, nurse, office, data_dir, tmp_path):
    """The office holds a batch 1 the station never recorded; the station's own batches 1 and 2 are refused."""
    open_visit(station, nurse)
    orphan = export(station, data_dir, tmp_path / "USB ngày 1")
    forget_batch(station, 1)
    open_visit(station, nurse, name="Lò Văn Pọm", year=1961, national_id="011061004321")
    export(station, data_dir, tmp_path / "USB ngày 2")
    open_visit(station, nurse, name="Lò Thị Xuân", year=1990, national_id="011190004444")
    later = export(station, data_dir, tmp_path / "USB ngày 3").parent
    assert outcomes(office, orphan.parent) == [(1, "imported", None)]
    assert outcomes(office, later) == [(1, "quarantined", "fork"), (2, "quarantined", "chain_broken")]
    return orphan, later


def visits(office):
    with OfficeUnitOfWork(office.service.db) as uow:
        return uow.store.count(OfficeVisitRow)


def run(capsys, office, *args):
    """``station-app office …`` on this office's folder and database."""
    where = ["--dir", str(office.folder), "--db", office.service.db.url]
    code = cli.main(list(args) + where)
    out = capsys.readouterr()
    return code, out.out + out.err


def test_an_accepted_new_chain_is_imported_and_the_station_gets_its_receipts(station, nurse, office, data_dir,
                                                                              tmp_path, capsys):
    orphan, later = forked_station(station, nurse, office, data_dir, tmp_path)
    orphan_sha = parts_of(orphan)["manifest.json"]
    code, said = run(capsys, office, "office", "stations", "accept-chain", "TYT-MK", "--from-sequence", "1",
                     "--reason", "Trạm mất bản ghi lô 1 khi mất điện; đã gọi điện xác minh", "--by", "Nguyễn Văn An")
    assert code == 0 and "Đã ghi quyết định số 1" in said and "sẽ được đặt sang bên" in said

    assert outcomes(office, later) == [(1, "imported", None), (2, "imported", None)]
    assert visits(office) == 3 and office.service.stations()[0].gaps == ()
    taken = import_receipts(station.db, data_dir, paths=[later])
    assert sorted(taken.acknowledged) == [1, 2] and not taken.refused

    code, said = run(capsys, office, "office", "stations", "chain-decisions")
    assert code == 0 and "Nguyễn Văn An" in said and "mất điện" in said and "đã dùng" in said
    with OfficeUnitOfWork(office.service.db) as uow:
        events = [(e.action, e.details) for e in uow.session.query(OfficeEventRow).order_by(OfficeEventRow.id)
                  if e.action.startswith("chain")]
    assert events == [("chain_accepted", {"decision": 1, "from_sequence": 1}),
                      ("chain_replaced", {"decision": 1, "sequence": 1, "set_aside": True})]
    [decision] = chain_decisions(office.service)
    assert decision.set_aside["manifest_sha256"] == sha256_hex(orphan_sha)  # the batch set aside, kept on record

    # used once: the orphan again, or any other batch 1, is a fork as before
    assert outcomes(office, orphan.parent) == [(1, "quarantined", "fork")]
    open_visit(station, nurse, name="Lò Văn Sáng", year=1975, national_id="011075005555")
    assert outcomes(office, export(station, data_dir, tmp_path / "USB ngày 4").parent)[-1] == (3, "imported", None)


def test_without_a_decision_the_fork_stays_refused_and_another_batch_1_after_one_is_refused(
        station, nurse, office, data_dir, tmp_path, capsys):
    orphan, later = forked_station(station, nurse, office, data_dir, tmp_path)
    assert outcomes(office, later) == [(1, "quarantined", "fork"), (2, "quarantined", "chain_broken")]
    assert visits(office) == 1
    code, said = run(capsys, office, "office", "stations", "accept-chain", "TYT-KHAC", "--from-sequence", "1",
                     "--reason", "thử", "--by", "An")
    assert code != 0 and "chưa được đăng ký" in said and "Traceback" not in said
    code, said = run(capsys, office, "office", "stations", "accept-chain", "TYT-MK", "--from-sequence", "1",
                     "--reason", "   ", "--by", "An")
    assert code != 0 and "cần ghi lý do" in said
    code, said = run(capsys, office, "office", "stations", "accept-chain", "TYT-MK", "--from-sequence", "0",
                     "--reason", "x", "--by", "An")
    assert code != 0 and "từ 1 trở lên" in said
    assert visits(office) == 1 and outcomes(office, later)[0] == (1, "quarantined", "fork")

    # a batch the station's key did not sign is never let in by a decision
    assert run(capsys, office, "office", "stations", "accept-chain", "TYT-MK", "--from-sequence", "1",
               "--reason", "xác minh qua điện thoại", "--by", "An")[0] == 0
    forged = tmp_path / "giả" / "TYT-MK-000001.batch"
    forged.parent.mkdir()
    theirs = parts_of(later / "TYT-MK-000001.batch")
    manifest = json.loads(theirs["manifest.json"])
    manifest["created_at"] = "2026-11-24T00:00:00Z"
    raw = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
    forged.write_bytes(zip_parts(raw, Ed25519PrivateKey.generate().sign(raw), payload=theirs["payload.age"]))
    assert outcomes(office, forged.parent) == [(1, "quarantined", "bad_signature")]
    assert visits(office) == 1
    assert outcomes(office, later) == [(1, "imported", None), (2, "imported", None)]
