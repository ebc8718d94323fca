"""Export batches end to end: checked with the stock openssl and age tools as the office would, tampering in each
part refused with its reason, a chain without gaps, a crash between recording and writing, and clear errors."""
import errno
import json
import subprocess
import zipfile

import pytest
from pyrage import x25519

from station_app.core.batch_format import (BatchInvalidError, ExportDiskFullError, ExportFolderNotWritableError,
                                           OfficeBundleMissingError, Problem, sha256_hex)
from station_app.core.errors import NotFoundError, PermissionDeniedError
from station_app.persistence.tables import ExportBatchRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange import batch_export
from station_app.services.exchange.batch_export import ExportService
from station_app.services.exchange.batch_verify import UNCHECKED, decrypt_payload, read_batch, verify_batch
from station_app.services.exchange.keys import StationKeys
from support.batch import full_visit, office_keys, open_visit
from support.office import flip, rewrite
from support.tools import require_tools


@pytest.fixture
def office(ctx, data_dir, tmp_path):
    keys = office_keys(tmp_path / "office")
    StationKeys(data_dir).import_office_bundle(keys.bundle_path)
    return keys


@pytest.fixture
def service(ctx, data_dir):
    return ExportService(ctx.db, data_dir)


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "USB KINGSTON"
    folder.mkdir()
    return folder


def station_pem(data_dir):
    return StationKeys(data_dir).public_key().pem


def recorded(ctx):
    with UnitOfWork(ctx.db) as uow:
        return [(r.sequence, r.covers_from, r.covers_to) for r in uow.session.query(ExportBatchRow)
                .order_by(ExportBatchRow.sequence)]


def unpack(path, folder):
    folder.mkdir()
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "manifest.sig", "payload.age"]
        archive.extractall(folder)
    return folder


def test_a_batch_checks_with_the_stock_openssl_and_age_tools(ctx, nurse, doctor, office, service, usb, data_dir,
                                                             tmp_path):
    require_tools("openssl", "age", "sha256sum", "gunzip")
    visit = full_visit(ctx, nurse, doctor)
    result = service.export(None, usb)
    assert result.path == usb / "TYT-MK-000001.batch" and result.made.sequence == 1
    parts = unpack(result.path, tmp_path / "unpacked")
    pem = tmp_path / "station.pub.pem"
    StationKeys(data_dir).save_public_key(pem)
    subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(pem), "-rawin",
                    "-in", str(parts / "manifest.json"), "-sigfile", str(parts / "manifest.sig")],
                   check=True, capture_output=True)
    manifest = json.loads((parts / "manifest.json").read_bytes())
    digest = subprocess.run(["sha256sum", str(parts / "payload.age")], check=True, capture_output=True,
                            text=True).stdout.split()[0]
    assert manifest["files"] == [{"name": "payload.age", "sha256": digest,
                                  "size": (parts / "payload.age").stat().st_size}]
    age = subprocess.run(["age", "-d", "-i", str(office.identity_path), str(parts / "payload.age")],
                         check=True, capture_output=True)
    bundle = json.loads(subprocess.run(["gunzip"], input=age.stdout, check=True, capture_output=True).stdout)
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    assert any(e["resource"]["id"] == visit.id for e in bundle["entry"])


def test_the_manifest_holds_what_the_office_needs_and_no_personal_data(ctx, nurse, doctor, office, service, usb):
    full_visit(ctx, nurse, doctor)
    manifest_bytes = read_batch(service.export(None, usb).path).manifest_bytes
    manifest = json.loads(manifest_bytes)
    assert manifest["format"] == "station-batch/1" and manifest["sequence"] == 1 and manifest["previous"] is None
    assert manifest["station"]["code"] == "TYT-MK" and len(manifest["station"]["key_id"]) == 64
    assert manifest["site"] == {"name": "Trạm Y tế xã Mường Kim", "commune_code": "03637"}
    assert manifest["counts"]["residents"] == 1 and manifest["counts"]["visits"] == 1
    assert manifest["recipients"] == [office.recipient] and manifest["created_at"].endswith("Z")
    assert manifest["covers"]["first"] <= manifest["covers"]["last"]
    text = manifest_bytes.decode()
    for personal in ("Tòng", "011180001234", "GD4111234567890", "Nà Khương"):
        assert personal not in text


@pytest.mark.parametrize("part, problem", [("manifest.json", Problem.BAD_SIGNATURE),
                                           ("manifest.sig", Problem.BAD_SIGNATURE),
                                           ("payload.age", Problem.PAYLOAD_HASH_MISMATCH)])
def test_a_flipped_byte_in_any_part_is_refused_with_its_reason(ctx, nurse, office, service, usb, data_dir, tmp_path,
                                                               part, problem):
    open_visit(ctx, nurse)
    path = service.export(None, usb).path
    with zipfile.ZipFile(path) as archive:
        data = archive.read(part)
    for at in (0, len(data) // 2, len(data) - 1):
        bad = rewrite(path, tmp_path / path.name, **{part.replace(".", "_"): flip(data, at)})
        with pytest.raises(BatchInvalidError) as info:
            verify_batch(read_batch(bad), station_pem(data_dir))
        assert info.value.problem == problem
        assert "không hợp lệ" in str(info.value)


def test_a_flipped_byte_anywhere_in_the_file_is_refused_or_changes_nothing(ctx, nurse, office, service, usb,
                                                                           data_dir):
    open_visit(ctx, nurse)
    path = service.export(None, usb).path
    content = path.read_bytes()
    original = read_batch(path)
    refused = 0
    headers = [at for at in range(len(content)) if content[at:at + 2] == b"PK"]  # every field of every header
    spread = set(range(0, len(content), max(1, len(content) // 60)))
    for at in sorted(spread | {h + i for h in headers for i in range(46) if h + i < len(content)}):
        try:
            parts = read_batch(flip(content, at), path.name)
            verify_batch(parts, station_pem(data_dir))
            decrypt_payload(parts, [office.identity])
        except BatchInvalidError:
            refused += 1
            continue
        # a ZIP header byte that carries no data (a time stamp, attributes): the three parts are unchanged
        assert (parts.manifest_bytes, parts.signature, parts.payload) == (
            original.manifest_bytes, original.signature, original.payload)
    assert refused > 50


def test_another_key_another_office_a_renamed_file_and_extra_parts_are_refused(ctx, nurse, office, service, usb,
                                                                             tmp_path, data_dir):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from station_app.services.exchange.keys import public_pem

    open_visit(ctx, nurse)
    path = service.export(None, usb).path
    parts = read_batch(path)
    cases = [
        (lambda: verify_batch(parts, public_pem(Ed25519PrivateKey.generate().public_key())), Problem.WRONG_STATION_KEY),
        (lambda: decrypt_payload(parts, [str(x25519.Identity.generate())]), Problem.NOT_FOR_THIS_OFFICE),
        (lambda: verify_batch(read_batch(path.read_bytes(), "TYT-MK-000002.batch"), station_pem(data_dir)),
         Problem.NAME_MISMATCH),
        (lambda: read_batch(rewrite(path, tmp_path / "x.batch", extra_txt=b"x")), Problem.WRONG_PARTS),
        (lambda: read_batch(b"PK\x03\x04 not really"), Problem.NOT_A_ZIP),
        (lambda: verify_batch(parts, station_pem(data_dir), previous="00" * 32), Problem.CHAIN_BROKEN),
    ]
    for check, problem in cases:
        with pytest.raises(BatchInvalidError) as info:
            check()
        assert info.value.problem == problem, problem
    assert verify_batch(parts, station_pem(data_dir), previous=None).sequence == 1
    assert decrypt_payload(parts, [office.identity])["resourceType"] == "Bundle"


def test_batches_chain_without_gaps_and_carry_only_what_changed(ctx, nurse, doctor, office, service, usb, data_dir):
    first = service.export(None, usb)
    assert first.made is None and first.path is None  # nothing yet
    full_visit(ctx, nurse, doctor)
    one = service.export(None, usb)
    assert service.export(None, usb).made is None  # nothing changed since
    assert service.pending().changes == 0 and service.pending().next_sequence == 2
    second_visit = open_visit(ctx, nurse, name="Lò Văn Pọm", year=1961, national_id="011061004321")
    assert service.pending().changes == 2
    two = service.export(None, usb)
    assert (one.made.sequence, two.made.sequence) == (1, 2)
    parts1, parts2 = read_batch(one.path), read_batch(two.path)
    m2 = verify_batch(parts2, station_pem(data_dir), previous=parts1.manifest_sha256)
    assert m2.previous == sha256_hex(parts1.manifest_bytes)
    m1 = verify_batch(parts1, station_pem(data_dir), previous=None)
    assert m2.covers.first > m1.covers.last
    assert m2.counts["residents"] == 1 and m2.counts["visits"] == 1
    bundle = decrypt_payload(parts2, [office.identity])
    assert {e["resource"]["id"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter"} == {
        second_visit.id}
    assert [s for s, *_ in recorded(ctx)] == [1, 2]


def test_a_crash_between_recording_and_writing_leaves_the_batch_made_and_the_next_export_writes_it(
        ctx, nurse, office, service, usb, data_dir, monkeypatch):
    open_visit(ctx, nurse)

    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    with monkeypatch.context() as patch:
        patch.setattr(batch_export, "write_safely", crash)
        with pytest.raises(RuntimeError):
            service.export(None, usb)
    assert [s for s, *_ in recorded(ctx)] == [1] and not list(usb.iterdir())  # made, not written
    assert service.pending().changes == 0 and service.pending().next_sequence == 2
    open_visit(ctx, nurse, name="Lò Văn Pọm", year=1961, national_id="011061004321")
    again = service.export(None, usb)
    one = usb / "TYT-MK-000001.batch"
    assert again.rewritten == (one,) and again.made.sequence == 2 and one.read_bytes() == service.stored_batch(1)
    m1 = verify_batch(read_batch(one), station_pem(data_dir), previous=None)
    m2 = verify_batch(read_batch(again.path), station_pem(data_dir), previous=read_batch(one).manifest_sha256)
    assert m1.counts["visits"] == 1 and m2.counts["visits"] == 1
    assert not list(usb.glob(".*.tmp"))


def test_a_change_made_while_a_batch_is_being_written_goes_in_the_next_batch(ctx, nurse, office, service, usb,
                                                                            data_dir, monkeypatch):
    from support.batch import VITALS

    visit = open_visit(ctx, nurse)
    confirmed = ["systolic_1", "systolic_2", "diastolic_1", "diastolic_2"]
    ctx.exam.save_vitals(nurse, visit.id, entries=VITALS, confirmed_warnings=confirmed)
    real = batch_export.encrypt_payload

    def meanwhile(bundle, recipients):  # the nurse corrects the pulse after the export has read the log
        ctx.exam.save_vitals(nurse, visit.id, entries={**VITALS, "pulse": 91}, confirmed_warnings=confirmed)
        return real(bundle, recipients)

    with monkeypatch.context() as patch:
        patch.setattr(batch_export, "encrypt_payload", meanwhile)
        service.export(None, usb)
    second = service.export(None, usb)
    assert second.made is not None and second.made.sequence == 2
    bundle = decrypt_payload(read_batch(second.path), [office.identity])
    pulse = [e["resource"] for e in bundle["entry"] if e["resource"].get("code", {}).get("coding", [{}])[0].get(
        "code") == "8867-4"]
    assert [p["valueQuantity"]["value"] for p in pulse] == [91]


def test_unacknowledged_batches_are_written_again_byte_for_byte(ctx, nurse, office, service, usb, tmp_path):
    open_visit(ctx, nurse)
    first = service.export(None, usb)
    original = first.path.read_bytes()
    other = tmp_path / "second stick"
    other.mkdir()
    result = service.export(None, other)
    assert result.made is None and result.rewritten == (other / "TYT-MK-000001.batch",)
    assert (other / "TYT-MK-000001.batch").read_bytes() == original == service.stored_batch(1)
    with pytest.raises(NotFoundError):
        service.stored_batch(2)
    with UnitOfWork(ctx.db) as uow:
        uow.session.query(ExportBatchRow).update({"status": "acknowledged"})
        uow.commit()
    third = tmp_path / "third"
    third.mkdir()
    assert service.export(None, third).rewritten == ()


def test_an_escrow_recipient_can_decrypt_too(ctx, nurse, service, usb, data_dir, tmp_path):
    escrow = x25519.Identity.generate()
    keys = office_keys(tmp_path / "office", escrow=str(escrow.to_public()))
    StationKeys(data_dir).import_office_bundle(keys.bundle_path)
    open_visit(ctx, nurse)
    parts = read_batch(service.export(None, usb).path)
    assert verify_batch(parts, station_pem(data_dir), previous=UNCHECKED).recipients == (keys.recipient, str(escrow.to_public()))
    assert decrypt_payload(parts, [str(escrow)]) == decrypt_payload(parts, [keys.identity])


def test_export_needs_the_office_bundle_a_writable_folder_and_room(ctx, nurse, service, usb, data_dir, tmp_path,
                                                                   monkeypatch, office=None):
    open_visit(ctx, nurse)
    with pytest.raises(OfficeBundleMissingError, match="office-bundle.json"):
        service.export(None, usb)
    StationKeys(data_dir).import_office_bundle(office_keys(tmp_path / "office").bundle_path)
    with pytest.raises(ExportFolderNotWritableError, match="USB") as info:
        service.export(None, tmp_path / "không có thư mục này")
    assert "Chưa có lô nào" in str(info.value)

    def full(fd):  # the station's own disk, then the stick: no room to flush
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(batch_export.os, "fsync", full)
        with pytest.raises(ExportDiskFullError, match="đã đầy"):
            service.export(None, usb)
    assert [s for s, *_ in recorded(ctx)] == [1] and not list(usb.iterdir())  # made and kept, never written
    again = service.export(None, usb)
    assert again.made is None and again.rewritten == (usb / "TYT-MK-000001.batch",)


def test_a_second_export_at_the_same_time_is_refused(ctx, nurse, office, service, usb, data_dir):
    from filelock import FileLock

    from station_app.core.batch_format import ExportInProgressError

    open_visit(ctx, nurse)
    with FileLock(str(data_dir / "export.lock")):  # the window is exporting
        with pytest.raises(ExportInProgressError, match="chờ nó xong"):
            ExportService(ctx.db, data_dir).export(None, usb)
    assert recorded(ctx) == []
    assert service.export(None, usb).made.sequence == 1


def test_only_a_coordinator_or_admin_exports(ctx, nurse, admin, office, service, usb):
    open_visit(ctx, nurse)
    with pytest.raises(PermissionDeniedError):
        service.export(nurse, usb)
    assert service.export(admin, usb).made.sequence == 1
