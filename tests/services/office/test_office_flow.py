"""The office and the station around real batches: receipts taken back (a forged one refused), amended records
keeping their earlier versions, a late batch not undoing a newer one, parts of one visit from two laptops merged,
one CCCD number examined at two stations listed as a possible double payment, the report in three formats, and
the whole round trip through the command line."""
from __future__ import annotations

import csv
import gzip
import json

import pytest

from station_app.app import open_context
from station_app.persistence.office.tables import OfficeHistoryRow, OfficeResourceRow, OfficeVisitRow
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.persistence.tables import ExportBatchRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange.batch_export import ExportService
from station_app.services.office.report import write_report
from station_app.services.station.receipts import import_receipts
from support.batch import VITALS, full_visit, make_doctor
from support.cli import ADMIN, init_station, run_as, run_cli
from support.office import connect_station, export, flip, parts_of, rebuild, rewrite
from support import station_setup
from support.tools import require_tools

BP = ["systolic_1", "systolic_2", "diastolic_1", "diastolic_2"]


def batch_rows(ctx):
    with UnitOfWork(ctx.db) as uow:
        return {r.sequence: (r.status, r.acknowledged_at is not None) for r in uow.session.query(ExportBatchRow)}


def weight_of(office):
    with OfficeUnitOfWork(office.service.db) as uow:
        rows = uow.session.query(OfficeResourceRow).filter(OfficeResourceRow.code == "29463-7").all()
        history = uow.session.query(OfficeHistoryRow).filter(OfficeHistoryRow.resource_type == "Observation").all()
        return [(r.version, r.resource["valueQuantity"]["value"]) for r in rows], [(h.version, h.removed)
                                                                                  for h in history]


def amend_weight(ctx, nurse, visit, kg):
    ctx.exam.save_vitals(nurse, visit.id, entries={**VITALS, "weight_kg": kg}, confirmed_warnings=BP, fasting=True, reason="Cân lại")


def test_the_station_takes_back_receipts_and_refuses_a_forged_one(station, nurse, doctor, office, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")
    [outcome] = office.service.import_paths([batch]).outcomes
    forged = tmp_path / "giả" / outcome.receipt.name
    forged.parent.mkdir()
    envelope = json.loads(outcome.receipt.read_text())
    envelope["receipt"]["counts"]["visits"] = 2
    forged.write_text(json.dumps(envelope))
    refused = import_receipts(station.db, data_dir, paths=[forged])
    assert refused.acknowledged == [] and len(refused.refused) == 1 and batch_rows(station) == {1: ("sent", False)}

    other = dict(envelope, receipt=dict(envelope["receipt"], station="TYT-KHAC"))
    unknown = dict(envelope, receipt=dict(envelope["receipt"], sequence=9))
    for name, forged_envelope in (("khac.receipt.json", other), ("chin.receipt.json", unknown)):
        from station_app.services.exchange.receipts import sign_receipt

        key = office.service._receipt_key()  # genuinely signed by the office, but not for this station's batches
        (forged.parent / name).write_text(json.dumps(sign_receipt(forged_envelope["receipt"], key)))
    reasons = [reason for _, reason in import_receipts(station.db, data_dir, paths=[forged.parent]).refused]
    assert sorted(reasons) == sorted(["chữ ký không hợp lệ: biên nhận bị sửa hoặc không do đơn vị nhận ký",
                                      "biên nhận của trạm khác",
                                      "trạm không có lô này (số thứ tự hoặc mã băm không khớp)"])

    done = import_receipts(station.db, data_dir, paths=[batch.parent])
    assert done.acknowledged == [1] and batch_rows(station) == {1: ("acknowledged", True)}
    assert station.audit.verify().ok
    assert import_receipts(station.db, data_dir, paths=[outcome.receipt]).already == [1]
    # an acknowledged batch is no longer written again on the next export
    assert export(station, data_dir, tmp_path / "usb2") is None and not list((tmp_path / "usb2").iterdir())


def test_a_refused_batch_comes_back_to_the_station_as_rejected_with_the_reason_and_goes_again(
        station, nurse, doctor, office, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")
    # the payload damaged on the way (a ZIP still readable: a notice is signed only for a manifest the station's
    # key signed, never for junk that merely bears its name)
    damaged = rewrite(batch, tmp_path / "hỏng" / batch.name, payload_age=flip(parts_of(batch)["payload.age"], 200))
    batch.write_bytes(damaged.read_bytes())
    [outcome] = office.service.import_paths([batch]).outcomes
    assert outcome.status == "quarantined" and outcome.receipt == batch.with_name("TYT-MK-000001.receipt.json")

    taken_back = import_receipts(station.db, data_dir, paths=[batch.parent])
    assert taken_back.acknowledged == [] and taken_back.refused == []
    assert taken_back.rejected == [(1, office_reason(outcome.reason))]
    with UnitOfWork(station.db) as uow:
        row = uow.session.query(ExportBatchRow).one()
        assert (row.status, row.rejection_reason) == ("rejected", office_reason(outcome.reason))

    (tmp_path / "usb2").mkdir()
    [again] = ExportService(station.db, data_dir).export(None, tmp_path / "usb2").rewritten  # still queued
    assert again.name == batch.name
    [second] = office.service.import_paths([again]).outcomes
    assert second.status == "imported"
    assert import_receipts(station.db, data_dir, paths=[again.parent]).acknowledged == [1]
    assert batch_rows(station) == {1: ("acknowledged", True)}
    # the old notice, read again later, does not undo the acknowledgement
    assert import_receipts(station.db, data_dir, paths=[batch.parent]).already == [1]
    assert station.audit.verify().ok


def office_reason(code):
    from station_app.services.office.service import REASON_TEXT

    return REASON_TEXT[code]


def test_an_amended_record_replaces_the_earlier_version_which_stays_in_history(station, nurse, doctor, office,
                                                                               data_dir, tmp_path):
    visit = full_visit(station, nurse, doctor, refer=False)
    one = export(station, data_dir, tmp_path / "d1")
    amend_weight(station, nurse, visit, 53.5)
    two = export(station, data_dir, tmp_path / "d2")
    office.service.import_paths([one, two])
    current, history = weight_of(office)
    assert current == [(2, 53.5)] and (1, False) in history


def test_a_late_batch_does_not_undo_a_newer_one(station, nurse, doctor, office, data_dir, tmp_path):
    visit = full_visit(station, nurse, doctor, refer=False)
    one = export(station, data_dir, tmp_path / "d1")
    amend_weight(station, nurse, visit, 53.5)
    two = export(station, data_dir, tmp_path / "d2")
    office.service.import_paths([two])
    office.service.import_paths([one])
    assert weight_of(office)[0] == [(2, 53.5)]


def second_station(tmp_path, office, code="TYT-NK", site=None):
    folder = tmp_path / f"trạm {code}"
    folder.mkdir()
    ctx = open_context(folder)
    ctx.station.initialise(station_setup(station_code=code, station_name=f"Trạm {code}", site_name=f"Điểm {code}"))
    connect_station(office, folder, code, site=site)
    return ctx, folder


def test_one_cccd_examined_at_two_stations_is_a_possible_double_payment(station, nurse, doctor, office, data_dir,
                                                                       tmp_path):
    from support import ADMIN_PASSWORD

    full_visit(station, nurse, doctor)
    other, folder = second_station(tmp_path, office)
    try:
        admin = other.accounts.sign_in("admin", ADMIN_PASSWORD)
        other_doctor = make_doctor(other, admin)
        full_visit(other, other_doctor, other_doctor)  # same default CCCD number 011180001234
        batches = [export(station, data_dir, tmp_path / "a"), export(other, folder, tmp_path / "b")]
    finally:
        other.close()
    office.service.import_paths(batches)
    section = office.service.report().section("Có thể thanh toán trùng (CV 1129): một số CCCD khám ở hai trạm")
    assert section.rows == [("011180001234", "Khám sức khỏe định kỳ 2026", "TYT-MK, TYT-NK", 2)]


def test_parts_of_one_visit_from_two_laptops_merge_by_visit_id(station, nurse, doctor, office, data_dir, tmp_path):
    """Laptop B (its own station key, registered for A's site) sends the counselling of the visit laptop A opened:
    one visit at the office."""
    from support import ADMIN_PASSWORD

    visit = full_visit(station, nurse, doctor)
    a = export(station, data_dir, tmp_path / "a")
    other, folder = second_station(tmp_path, office, "TYT-MK-2", site="TYT-MK")
    try:
        admin = other.accounts.sign_in("admin", ADMIN_PASSWORD)
        other_doctor = make_doctor(other, admin)
        b_visit = full_visit(other, other_doctor, other_doctor, name="Tòng Thị Hoa")
        b = export(other, folder, tmp_path / "b")
    finally:
        other.close()
    merged = _as_part_of(b, visit, b_visit, folder, office, tmp_path / "b2")
    report = office.service.import_paths([a, merged])
    assert [o.status for o in report.outcomes] == ["imported", "imported"]
    with OfficeUnitOfWork(office.service.db) as uow:
        assert uow.store.count(OfficeVisitRow) == 1
        notes = uow.session.query(OfficeResourceRow).filter(OfficeResourceRow.visit_id == visit.id,
                                                        OfficeResourceRow.resource_type == "Communication").count()
    assert notes == 1


def _as_part_of(batch, visit, b_visit, folder, office, target):
    """Laptop B's batch rebuilt so that its visit is laptop A's (same visit id and resident), only counselling."""
    def change(bundle):
        text = json.dumps(bundle).replace(b_visit.id, visit.id).replace(b_visit.resident_id, visit.resident_id)
        entries = json.loads(text)["entry"]
        bundle["entry"] = [e for e in entries if e["resource"]["resourceType"] in ("Patient", "Encounter",
                                                                                   "Communication")]

    return rebuild(batch, folder, office, change, target, counts={
        "residents": 1, "visits": 1, "observations": 0, "conditions": 0, "referrals": 0, "consents": 0, "notes": 1,
        "resources": 3})


def test_the_report_in_xlsx_pdf_and_csv(station, nurse, doctor, office, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    one = export(station, data_dir, tmp_path / "d1")
    full_visit(station, nurse, doctor, name="Lò Văn Páo", national_id="011080009999")
    export(station, data_dir, tmp_path / "d2")
    three = export(station, data_dir, tmp_path / "d3") or None
    office.service.import_paths([one] + list((tmp_path / "d2").glob("*-000002.batch")))
    report = office.service.report()
    assert report.section("Tiến độ theo xã/phường").rows == [("03637", 2, 2, "100 %")]
    assert report.section("Tiến độ theo nguồn kinh phí").rows[0][1:3] == (2, 2)
    timely = report.section("Thời gian từ khám xong đến khi nhận (quy định 24 giờ)").rows
    assert timely[0][:3] == ("TYT-MK", 2, 2)
    for suffix in (".xlsx", ".pdf", ".csv"):
        path = write_report(report, tmp_path / f"báo cáo{suffix}")
        assert path.stat().st_size > 500
    rows = list(csv.reader((tmp_path / "báo cáo.csv").open(encoding="utf-8-sig")))
    assert ["03637", "2", "2", "100 %"] in rows
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "báo cáo.xlsx").sheetnames[0].startswith("1. Tiến độ")
    assert three is None


def test_the_round_trip_through_the_command_line(data_dir, tmp_path):
    office_dir = tmp_path / "văn phòng"
    made = run_cli("office", "init", "--dir", str(office_dir), "--name", "TTKSBT tỉnh Lai Châu")
    assert made.returncode == 0, made.stderr
    assert (office_dir / "office-bundle.png").exists()
    assert oct((office_dir / "keys/office-age.key").stat().st_mode & 0o777) == "0o600"
    assert oct((office_dir / "keys/office-receipt-ed25519.pem").stat().st_mode & 0o777) == "0o600"
    assert init_station(data_dir).returncode == 0
    pem = tmp_path / "station.pub.pem"
    assert run_as(ADMIN, "export", "--office-bundle", str(office_dir / "office-bundle.json"), "--public-key", str(pem),
                   data_dir=data_dir).returncode == 0
    added = run_cli("office", "stations", "add", str(pem), "--code", "TYT-MK", "--dir", str(office_dir))
    assert added.returncode == 0 and "Đã đăng ký trạm TYT-MK" in added.stdout
    _one_visit(data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert run_as(ADMIN, "export", "--to", str(usb), data_dir=data_dir).returncode == 0
    imported = run_cli("office", "import", str(usb), "--dir", str(office_dir))
    assert imported.returncode == 0, imported.stderr
    assert "TYT-MK-000001.batch: đã nhập (1 lượt khám, 1 người dân)" in imported.stdout
    again = run_cli("office", "import", str(usb), "--dir", str(office_dir))
    assert "đã nhập từ trước, không thay đổi gì" in again.stdout
    listed = run_cli("office", "stations", "list", "--dir", str(office_dir))
    assert "TYT-MK" in listed.stdout and "1 lô" in listed.stdout
    report = run_cli("office", "report", "--out", str(tmp_path / "bc.xlsx"), "--dir", str(office_dir))
    assert report.returncode == 0 and (tmp_path / "bc.xlsx").exists()
    taken = run_as(ADMIN, "receipts", "import", str(usb), data_dir=data_dir)
    assert taken.returncode == 0 and "Lô số 1: đơn vị nhận đã xác nhận." in taken.stdout
    nowhere = run_cli("office", "import", str(usb), "--dir", str(tmp_path / "không có"))
    assert nowhere.returncode == 1 and "chưa phải thư mục của đơn vị nhận" in nowhere.stderr
    assert "Traceback" not in nowhere.stderr + imported.stderr + taken.stderr


def _one_visit(data_dir):
    from support.batch import open_visit
    from station_app.core.model import Role
    from station_app.services.common.accounts import SignedInUser

    ctx = open_context(data_dir)
    admin = ctx.accounts.sign_in("admin", "quantri-2026")
    open_visit(ctx, SignedInUser(admin.id, admin.username, admin.full_name, Role.ADMIN))
    ctx.close()


def test_a_receipt_checks_with_jq_and_openssl_and_the_office_key_with_age(station, nurse, doctor, office, data_dir,
                                                                         tmp_path):
    """The recipes of docs/batch-format.md section 6 and docs/OFFICE.md, with the stock tools."""
    import subprocess
    import zipfile

    require_tools("jq", "openssl", "xxd", "age", "base64")
    full_visit(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")
    [outcome] = office.service.import_paths([batch]).outcomes
    script = f"""set -e
    jq -cSj --ascii-output .receipt '{outcome.receipt}' > receipt.bin
    jq -r .signature '{outcome.receipt}' | base64 -d > receipt.sig
    ( printf '302a300506032b6570032100' | xxd -r -p; jq -r .receipt_public_key '{office.folder}/office-bundle.json' \\
      | base64 -d ) | openssl pkey -pubin -inform DER -out office-receipt.pub.pem
    openssl pkeyutl -verify -pubin -inkey office-receipt.pub.pem -rawin -in receipt.bin -sigfile receipt.sig
    """
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout, done.stderr
    with zipfile.ZipFile(batch) as archive:
        (tmp_path / "payload.age").write_bytes(archive.read("payload.age"))
    age = subprocess.run(["age", "-d", "-i", str(office.folder / "keys/office-age.key"), str(tmp_path / "payload.age")],
                         capture_output=True)
    assert age.returncode == 0 and json.loads(gzip.decompress(age.stdout))["resourceType"] == "Bundle"
    (tmp_path / "receipt.bin").write_bytes((tmp_path / "receipt.bin").read_bytes().replace(b'"visits":1', b'"visits":2'))
    forged = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "office-receipt.pub.pem", "-rawin",
                             "-in", "receipt.bin", "-sigfile", "receipt.sig"], cwd=tmp_path, capture_output=True)
    assert forged.returncode != 0


def test_clear_errors_for_a_bad_key_file_a_station_twice_and_an_unreachable_database(office, tmp_path, data_dir,
                                                                                      ctx):
    from station_app.services.office.service import (OfficeAlreadyInitialisedError, OfficeDatabaseOpenError, OfficeService,
                                             StationAlreadyRegisteredError, StationKeyFileError, init_office)

    bad = tmp_path / "nhầm.pem"
    bad.write_text("không phải khoá")
    with pytest.raises(StationKeyFileError, match="Hãy xin lại tệp PEM"):
        office.service.add_station(bad, "TYT-MK")
    connect_station(office, data_dir)
    with pytest.raises(StationAlreadyRegisteredError):
        office.service.add_station(data_dir.parent / "TYT-MK.pub.pem", "TYT-KHAC")
    with pytest.raises(OfficeAlreadyInitialisedError):
        init_office(office.folder, "Lần hai")
    with pytest.raises(OfficeDatabaseOpenError, match="không kết nối được"):
        OfficeService(office.folder, "postgresql+psycopg://postgres@127.0.0.1:1/none")


def test_the_office_bundle_qr_image_scans_back_to_the_bundle_a_station_accepts(office):
    from station_app.core.batch_format import parse_office_bundle
    from station_app.services.common.decoding import decode_image

    [text] = decode_image(office.folder / "office-bundle.png")
    scanned = parse_office_bundle(text.encode("utf-8"))
    assert scanned == parse_office_bundle((office.folder / "office-bundle.json").read_bytes())
    assert scanned.name == "TTKSBT tỉnh Lai Châu"
