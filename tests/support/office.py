"""Helpers of the office tests: an office folder with its keys, a station registered with it, batches exported."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from station_app.services.exchange.batch_export import ExportService
from station_app.services.exchange.keys import StationKeys
from station_app.services.office.service import OfficeService, init_office


@dataclass
class Office:
    folder: Path
    service: OfficeService


def make_office(folder: Path, db_url: str | None = None, name: str = "TTKSBT tỉnh Lai Châu") -> Office:
    init_office(folder, name)
    return Office(folder, OfficeService(folder, db_url))


def connect_station(office: Office, data_dir: Path, code: str = "TYT-MK", register: bool = True,
                    site: str | None = None) -> None:
    """The station imports the office's bundle; the office registers the station's public key (``site``: the
    registered station whose site this laptop works at)."""
    keys = StationKeys(data_dir)
    keys.import_office_bundle(office.folder / "office-bundle.json")
    keys.ensure_station_key()  # made at set-up; a bare data folder (no station database) has none yet
    pem = data_dir.parent / f"{code}.pub.pem"
    keys.save_public_key(pem)
    if register:
        office.service.add_station(pem, code, name="Trạm Y tế xã Mường Kim", **({"site": site} if site else {}))


def export(ctx, data_dir: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    return ExportService(ctx.db, data_dir).export(None, target).path


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def rewrite(path: Path, target: Path, **replace: bytes) -> Path:
    """The batch with parts replaced, zipped again as someone rebuilding it would (CRCs right)."""
    parts = parts_of(path)
    parts.update({k.replace("_", "."): v for k, v in replace.items()})
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def rebuild(batch: Path, station_dir: Path, office: Office, change, target: Path, counts: dict | None = None) -> Path:
    """The batch's Bundle decrypted, changed by ``change(bundle)``, encrypted, signed by the station again."""
    import json

    from station_app.core.batch_format import sha256_hex
    from station_app.services.exchange.batch_export import encrypt_payload, zip_parts
    from station_app.services.exchange.batch_verify import decrypt_payload, read_batch

    parts = read_batch(batch)
    bundle = decrypt_payload(parts, [(office.folder / "keys/office-age.key").read_text().strip()])
    change(bundle)
    manifest = json.loads(parts.manifest_bytes)
    if counts is not None:
        manifest["counts"] = counts
    payload = encrypt_payload(bundle, tuple(manifest["recipients"]))
    manifest["files"] = [{"name": "payload.age", "sha256": sha256_hex(payload), "size": len(payload)}]
    raw = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
    target.mkdir(parents=True, exist_ok=True)
    path = target / batch.name
    path.write_bytes(zip_parts(raw, StationKeys(station_dir).private_key().sign(raw), payload=payload))
    return path
