"""Issue 16, point 6: the station's signing key is never silently replaced. A missing or damaged key stops the
export with what to do; re-keying is an administrator's audited step; the office registers the new key, audited,
and keeps the old one for the batches signed before it."""
from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app.core.errors import PermissionDeniedError
from station_app.persistence.tables import AuditEventRow, ExportBatchRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.exchange.batch_export import ExportService
from station_app.services.exchange.keys import (StationKeyDamagedError, StationKeyMissingError, StationKeys,
                                       rotate_station_key)
from support.batch import full_visit
from support.cli import run_cli
from support.office import export


def exported(ctx):
    with UnitOfWork(ctx.db) as uow:
        return sorted(r.sequence for r in uow.session.query(ExportBatchRow))


def test_a_deleted_key_file_stops_the_export_and_is_not_made_again(station, nurse, doctor, data_dir, tmp_path):
    full_visit(station, nurse, doctor)
    keys = StationKeys(data_dir)
    keys.private_key_path.unlink()
    (tmp_path / "usb").mkdir()
    with pytest.raises(StationKeyMissingError) as info:
        ExportService(station.db, data_dir).export(None, tmp_path / "usb")
    assert "keys rotate" in str(info.value) and "đơn vị nhận" in str(info.value)
    assert not keys.private_key_path.exists() and exported(station) == [] and not list((tmp_path / "usb").iterdir())
    with pytest.raises(StationKeyMissingError):  # nor for the office: a new key would not be the registered one
        keys.save_public_key(tmp_path / "khoá.pem")


@pytest.mark.parametrize("content", [b"", "-----BEGIN PRIVATE KEY-----\nhỏng\n".encode(), "other"])
def test_a_damaged_or_swapped_key_file_stops_the_export(station, nurse, doctor, data_dir, tmp_path, content):
    full_visit(station, nurse, doctor)
    keys = StationKeys(data_dir)
    if content == "other":  # a valid key, but not the one the station recorded (and the office registered)
        content = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    keys.private_key_path.write_bytes(content)
    (tmp_path / "usb").mkdir()
    with pytest.raises(StationKeyDamagedError) as info:
        ExportService(station.db, data_dir).export(None, tmp_path / "usb")
    assert "keys rotate" in str(info.value)
    assert keys.private_key_path.read_bytes() == content and exported(station) == []


def test_re_keying_needs_an_administrator_and_is_audited(station, admin, nurse, data_dir, tmp_path):
    old = StationKeys(data_dir).public_key()
    with pytest.raises(PermissionDeniedError):
        rotate_station_key(station.db, data_dir, actor=nurse, target=tmp_path / "mới.pem")
    assert StationKeys(data_dir).public_key() == old
    rotated = rotate_station_key(station.db, data_dir, actor=admin, target=tmp_path / "mới.pem")
    assert rotated.public.key_id != old.key_id and rotated.previous_key_id == old.key_id
    assert (tmp_path / "mới.pem").read_text() == rotated.public.pem == StationKeys(data_dir).public_key().pem
    assert rotated.from_sequence == 1
    with UnitOfWork(station.db) as uow:
        event = uow.session.query(AuditEventRow).order_by(AuditEventRow.seq.desc()).first()
        assert (event.action, event.user_id) == ("rekey", admin.id)
        assert event.details == {"key_id": rotated.public.key_id, "previous_key_id": old.key_id, "from_sequence": 1}
    assert station.audit.verify().ok


def test_the_office_verifies_old_batches_with_the_old_key_after_a_re_key(
        station, admin, nurse, doctor, office, data_dir, tmp_path):
    from station_app.services.office.service import StationKeyRegistrationError

    full_visit(station, nurse, doctor)
    first = export(station, data_dir, tmp_path / "usb1")  # signed with the old key, not yet at the office
    rotated = rotate_station_key(station.db, data_dir, actor=admin, target=tmp_path / "mới.pem")
    assert rotated.from_sequence == 2
    full_visit(station, nurse, doctor, name="Lò Văn Páo", national_id="011180009999")
    second = export(station, data_dir, tmp_path / "usb2")  # batch 1 written again, as stored; batch 2 new key

    # before the office registers the new key, batch 2 is refused; batch 1 still imports
    outcomes = office.service.import_paths([tmp_path / "usb2"]).outcomes
    assert [(o.sequence, o.status, o.reason) for o in outcomes] == [
        (1, "imported", None), (2, "quarantined", "wrong_station_key")]

    with pytest.raises(StationKeyRegistrationError):  # the new key must start after what the office holds
        office.service.rekey_station("TYT-MK", tmp_path / "mới.pem", from_sequence=1, note="máy mới")
    office.service.rekey_station("TYT-MK", tmp_path / "mới.pem", from_sequence=2, note="ổ cứng hỏng")
    outcomes = office.service.import_paths([second]).outcomes
    assert [(o.sequence, o.status) for o in outcomes] == [(2, "imported")]
    assert [o.status for o in office.service.import_paths([first]).outcomes] == ["duplicate"]
    [info] = office.service.stations()
    assert (info.key_id, info.keys, info.last_sequence) == (rotated.public.key_id, 2, 2)
    events = office.service.events("TYT-MK")
    assert [(e.action, e.details["key_id"]) for e in events] == [
        ("station_registered", rotated.previous_key_id), ("station_rekeyed", rotated.public.key_id)]
    assert events[-1].details == {"key_id": rotated.public.key_id, "previous_key_id": rotated.previous_key_id,
                                  "from_sequence": 2, "note": "ổ cứng hỏng"}


def test_a_stolen_old_key_cannot_sign_batches_after_the_re_key(station, admin, nurse, doctor, office, data_dir,
                                                                tmp_path):
    import json

    from station_app.services.exchange.batch_export import zip_parts
    from station_app.services.exchange.batch_verify import read_batch
    from station_app.services.exchange.keys import public_key_id

    full_visit(station, nurse, doctor)
    stolen = StationKeys(data_dir).private_key()
    export(station, data_dir, tmp_path / "usb1")
    office.service.import_paths([tmp_path / "usb1"])
    rotate_station_key(station.db, data_dir, actor=admin, target=tmp_path / "mới.pem")
    office.service.rekey_station("TYT-MK", tmp_path / "mới.pem", from_sequence=2)
    full_visit(station, nurse, doctor, name="Lò Văn Páo", national_id="011180009999")
    genuine = export(station, data_dir, tmp_path / "usb2")
    # the thief signs a batch 2 with the old key, its manifest naming the old key
    parts = read_batch(genuine)
    manifest = json.loads(parts.manifest_bytes)
    manifest["station"]["key_id"] = public_key_id(stolen.public_key())
    raw = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
    forged = tmp_path / "giả" / genuine.name
    forged.parent.mkdir()
    forged.write_bytes(zip_parts(raw, stolen.sign(raw), payload=parts.payload))
    [outcome] = office.service.import_paths([forged]).outcomes
    assert (outcome.status, outcome.reason) == ("quarantined", "wrong_station_key")
    assert [o.status for o in office.service.import_paths([genuine]).outcomes] == ["imported"]


def test_keys_rotate_on_the_command_line_asks_for_an_administrator(data_dir, tmp_path):
    from support.cli import init_station

    assert init_station(data_dir).returncode == 0
    old = StationKeys(data_dir).public_key()
    refused = run_cli("keys", "rotate", "--user", "admin", "--public-key", str(tmp_path / "k.pem"),
                      "--password-stdin", data_dir=data_dir, stdin="sai-mat-khau\n")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert StationKeys(data_dir).public_key() == old and not (tmp_path / "k.pem").exists()
    done = run_cli("keys", "rotate", "--user", "admin", "--public-key", str(tmp_path / "k.pem"), "--password-stdin",
                   data_dir=data_dir, stdin="quantri-2026\n")
    assert done.returncode == 0, done.stderr
    new = StationKeys(data_dir).public_key()
    assert new != old and (tmp_path / "k.pem").read_text() == new.pem
    assert "office stations rekey" in done.stdout and "--from-sequence 1" in done.stdout


def test_the_self_test_names_a_damaged_key_and_the_re_keying(ctx, data_dir):
    from station_app.services.station.self_test import CheckStatus, check_station_key

    StationKeys(data_dir).private_key_path.write_bytes(b"not a key")
    result = check_station_key(data_dir, set_up=True)
    assert result.status is CheckStatus.FAIL and "keys rotate" in result.line
