"""Export: everything changed since the last batch, as one signed, encrypted batch file for the office.

A sequence number has one batch for ever: the batch is recorded as made, with its exact bytes, and the record
flushed to the disk, before the file is written anywhere. Only then is it written to the stick under a temporary
name, flushed and fsynced, renamed, read back and checked (signature, hashes, chain), and marked sent. A crash, a
power cut, a full data disk or a pulled stick at any step after the record leaves the batch made; the next export
writes the same bytes again, so a copy that did reach the stick and the office is never a fork. Each export
first writes again every earlier batch the office has not acknowledged, from its stored bytes, never rebuilt.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import gzip
import io
import json
import logging
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from station_app.core.batch_format import (MANIFEST, PAYLOAD, SIGNATURE, Covers, ExportDiskFullError,
                                           ExportFolderNotWritableError, ExportInProgressError, FileEntry, Manifest,
                                           OfficeBundle, SiteRef, StationRef, StoredBatchDamagedError,
                                           batch_file_name, sha256_hex, utc_iso)
from station_app.core.errors import NotFoundError, NotInitialisedError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.ids import new_id
from station_app.core.model import AuditAction
from station_app.core.pl01 import visit_form
from station_app.core.roles import Permission, require
from station_app.persistence.database import Database
from station_app.persistence.outbox import VISIT_PARTS, Change, OutboxRepository
from station_app.persistence.tables import ExportBatchRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.accounts import SignedInUser
from station_app.services.exchange.batch_verify import read_batch, verify_batch
from station_app.services.exchange.fhir_bundle import BundleSource, build_bundle
from station_app.services.exchange.keys import StationKeys

log = logging.getLogger(__name__)
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the parts carry no time of their own: the manifest says when


@dataclass(frozen=True)
class PendingSummary:
    """What the next batch would carry: how many things changed, and when the oldest of them changed."""

    changes: int
    oldest: str | None
    next_sequence: int


@dataclass(frozen=True)
class BatchInfo:
    sequence: int
    file_name: str
    created_at: dt.datetime
    counts: dict[str, int]
    status: str
    acknowledged_at: dt.datetime | None
    manifest_sha256: str


@dataclass(frozen=True)
class ExportResult:
    made: BatchInfo | None  # None when nothing changed since the last batch
    path: Path | None
    rewritten: tuple[Path, ...]  # earlier batches not yet acknowledged, written again


@dataclass(frozen=True)
class BuiltBatch:
    manifest: Manifest
    manifest_bytes: bytes
    content: bytes
    covers: Covers


class ExportService:
    def __init__(self, db: Database, data_dir: Path) -> None:
        self._db = db
        self._data_dir = Path(data_dir)
        self.keys = StationKeys(data_dir)

    def pending(self) -> PendingSummary:
        with UnitOfWork(self._db) as uow:
            station = _station(uow)
            repo = uow.outbox
            last = repo.last_batch(station.id)
            count, oldest = repo.pending_summary(last.covers_to or 0 if last else 0)
            return PendingSummary(count, oldest, (last.sequence if last else 0) + 1)

    def batches(self) -> list[BatchInfo]:
        with UnitOfWork(self._db) as uow:
            return [_info(row) for row in uow.outbox.batches(_station(uow).id)]

    def export(self, user: SignedInUser | None, target: Path, *, now: dt.datetime | None = None) -> ExportResult:
        """Write earlier unacknowledged batches again, then a new batch if anything changed (``user`` None: CLI).

        One export at a time per data folder (the window and a command line could start one together): both
        would make the same sequence number under the same file name.
        """
        from filelock import FileLock, Timeout

        if user is not None:
            require(user.role, Permission.EXPORT_DATA)
        try:
            with FileLock(str(self._data_dir / "export.lock"), timeout=0):
                return self._export(user, Path(target), now)
        except Timeout as exc:
            raise ExportInProgressError() from exc

    def _export(self, user: SignedInUser | None, target: Path, now: dt.datetime | None) -> ExportResult:
        office = self.keys.require_office_bundle()
        _check_folder(target)
        rewritten = tuple(self._rewrite_unacknowledged(target))
        built = self._build(office, now or utcnow())
        if built is None:
            return ExportResult(None, None, rewritten)
        _record(self._db, built, user)
        _flush_to_disk(self._db.path)  # a power cut after the file reaches the stick must not lose the record
        path = write_safely(target, built.manifest.file_name, content=built.content)
        self._check_written(path, built)
        info = _mark_written(self._db, built.manifest.sequence, user, str(target))
        log.info("batch %d exported: %d resources, changes %d-%d", info.sequence, info.counts.get("resources", 0),
                 built.covers.first, built.covers.last)
        return ExportResult(info, path, rewritten)

    def stored_batch(self, sequence: int) -> bytes:
        """The exact bytes of a batch made earlier."""
        with UnitOfWork(self._db) as uow:
            repo = uow.outbox
            row = next((r for r in repo.batches(_station(uow).id) if r.sequence == sequence), None)
            if row is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "lô dữ liệu"))
            return _stored(repo, row)

    # -- steps ---------------------------------------------------------------------------------------------------

    def _rewrite_unacknowledged(self, target: Path) -> Iterable[Path]:
        """Each batch not acknowledged, from its stored bytes (one made by an export cut short among them)."""
        with UnitOfWork(self._db) as uow:
            repo = uow.outbox
            waiting = [(r.file_name, _stored(repo, r)) for r in repo.batches(_station(uow).id)
                       if r.status != "acknowledged"]
        for name, content in waiting:
            path = target / name
            if not (path.exists() and path.stat().st_size == len(content) and path.read_bytes() == content):
                write_safely(target, name, content=content)
            yield path

    def _build(self, office: OfficeBundle, now: dt.datetime) -> BuiltBatch | None:
        private = self._signing_key()
        public = self.keys.public_key()
        with UnitOfWork(self._db) as uow:
            station = _station(uow)
            repo = uow.outbox
            last = repo.last_batch(station.id)
            changes = repo.changes_after(last.covers_to or 0 if last else 0)
            if not changes:
                return None
            site = uow.stations.site(station.current_site_id)
            campaign = uow.campaigns.get(station.current_campaign_id)
            source = collect(uow, changes, station_code=station.code, station_name=station.name)
            bundle, counts = build_bundle(source, new_id(), timestamp=utc_iso(now))
            covers = Covers(changes[0].seq, changes[-1].seq)
            manifest = Manifest(
                station=StationRef(station.code, station.name, public.key_id),
                site=SiteRef(site.name, site.commune_code), campaign=campaign.name,
                sequence=(last.sequence if last else 0) + 1, previous=last.manifest_sha256 if last else None,
                created_at=utc_iso(now), covers=covers, counts=counts, files=(), recipients=office.recipients,
                audit=uow.audit_trail.anchor())  # the office keeps the station's history: see docs/batch-format.md
            repo.cut()
            uow.commit()
        payload = encrypt_payload(bundle, office.recipients)
        manifest = dataclasses.replace(manifest, files=(FileEntry(PAYLOAD, sha256_hex(payload), len(payload)),))
        manifest_bytes = manifest.to_bytes()
        content = zip_parts(manifest_bytes, private.sign(manifest_bytes), payload=payload)
        return BuiltBatch(manifest, manifest_bytes, content, covers)

    def _signing_key(self):  # noqa: ANN202 - Ed25519PrivateKey
        """The key recorded at set-up or re-keying; a missing or different one stops the export (never made anew,
        the office would refuse its batches). A station set up before export existed records its first key here."""
        with UnitOfWork(self._db) as uow:
            station = _station(uow)
            if station.public_key is None:
                station.public_key = self.keys.ensure_station_key().pem
                uow.commit()
            return self.keys.signing_key(station.public_key)

    def _check_written(self, path: Path, built: BuiltBatch) -> None:
        """Read the file back from the target and check it as the office will (the office's key aside)."""
        parts = read_batch(path)
        verify_batch(parts, self.keys.public_key().pem, previous=built.manifest.previous)
        if parts.manifest_bytes != built.manifest_bytes:
            raise OSError(errno.EIO, "the batch read back differs from the one written")


# -- reading what changed --------------------------------------------------------------------------------------

def collect(uow: UnitOfWork, changes: list[Change], *, station_code: str, station_name: str) -> BundleSource:
    """The rows the changes name: each changed visit with the parts that changed, and changed residents."""
    from station_app.services.common.pl01_forms import form
    from station_app.services.common.reference import ethnic_groups

    reader = uow.exports
    parts: dict[str, set[str]] = {}
    changed_residents: set[str] = set()
    for change in changes:
        if change.kind == "resident":
            changed_residents.add(change.ref_id)
        else:
            parts.setdefault(change.ref_id, set()).add(change.kind)
    visits = reader.visits(parts)
    with_visits = {v.resident_id for v in reader.visits_of_residents(changed_residents)}
    resident_ids = (changed_residents & with_visits) | {v.resident_id for v in visits.values()}
    all_parts = reader.visit_parts(visits.values())
    users = _user_ids(all_parts.values())
    residents = reader.residents(resident_ids)
    return BundleSource(
        station_code=station_code, station_name=station_name, residents=residents,
        target_groups=reader.target_groups(resident_ids), visits=all_parts,
        parts={v: kinds & set(VISIT_PARTS) for v, kinds in parts.items()},
        resident_only=changed_residents & with_visits,  # a resident never examined does not go upstream
        sites=reader.sites({v.site_id for v in visits.values()}),
        campaigns=reader.campaigns({v.campaign_id for v in visits.values()}), users=reader.user_names(users),
        reasons=reader.amendment_reasons(visits), ethnic_names={e.code: e.name for e in ethnic_groups()},
        forms={v.id: form(form_number(v, residents[v.resident_id])) for v in visits.values()
               if v.resident_id in residents})


def form_number(visit, resident) -> int:  # noqa: ANN001 - a VisitRow and its ResidentRow
    return visit_form(chosen=visit.pl01_form, birth_date=resident.birth_date, birth_year=resident.birth_year,
                      visit_date=visit.visit_date, school_class=resident.school_class)


def _user_ids(all_parts: Iterable) -> set[str]:
    ids: set[str] = set()
    for p in all_parts:
        v = p.visit
        ids.update({v.registered_by, v.started_by, v.completed_by, v.cancelled_by})
        for rows in (p.consents, p.measurements, p.history, p.findings, p.counselling, p.answers):
            ids.update(getattr(r, "recorded_by", None) for r in rows)
        if p.conclusion is not None:
            ids.add(p.conclusion.concluded_by)
        ids.update(r.signer_id for r in p.signatures)
    return {i for i in ids if i}


# -- the file --------------------------------------------------------------------------------------------------

def encrypt_payload(bundle: dict, recipients: tuple[str, ...]) -> bytes:
    """age (X25519) to each recipient, of the gzip of the Bundle's UTF-8 JSON."""
    from pyrage import encrypt, x25519

    data = json.dumps(bundle, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    compressed = gzip.compress(data, compresslevel=6, mtime=0)
    return encrypt(compressed, [x25519.Recipient.from_str(r) for r in recipients])


def zip_parts(manifest: bytes, signature: bytes, *, payload: bytes) -> bytes:
    """The ZIP of exactly the three parts, stored uncompressed (the payload is compressed already)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in ((MANIFEST, manifest), (SIGNATURE, signature), (PAYLOAD, payload)):
            archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data)
    return buffer.getvalue()


def write_safely(folder: Path, name: str, *, content: bytes) -> Path:
    """Temporary name, write, flush, fsync, rename, fsync the folder: the file is whole or absent."""
    final = folder / name
    temp = folder / f".{name}.tmp"
    try:
        with temp.open("wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, final)
        _fsync_folder(folder)
    except OSError as exc:
        _remove_quietly(temp)
        raise _folder_error(exc, folder) from exc
    return final


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # the stick is gone: nothing left to clean


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows has no directory handles to fsync; the rename is flushed with the volume
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _folder_error(exc: OSError, folder: Path) -> Exception:
    if exc.errno in _FULL:
        return ExportDiskFullError(path=str(folder))
    return ExportFolderNotWritableError(path=str(folder))


def _check_folder(folder: Path) -> None:
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise ExportFolderNotWritableError(path=str(folder))


# -- the record ------------------------------------------------------------------------------------------------

def _record(db: Database, built: BuiltBatch, user: SignedInUser | None) -> BatchInfo:
    """The batch is made: its row (status made), its exact bytes and an audit event, in one transaction, before
    the file is written anywhere. From here on its sequence number has these bytes and no others."""
    m = built.manifest
    with UnitOfWork(db) as uow:
        station = _station(uow)
        row = ExportBatchRow(station_id=station.id, sequence=m.sequence, covers_from=built.covers.first,
                             covers_to=built.covers.last, file_name=batch_file_name(m.station.code, m.sequence),
                             manifest_sha256=sha256_hex(built.manifest_bytes), file_sha256=sha256_hex(built.content),
                             counts=dict(m.counts), status="made", created_by=user.id if user else None)
        uow.outbox.add_batch(row, built.content)
        uow.audit(AuditAction.EXPORT, "export_batches", row.id, user.id if user else None,
                  {"sequence": m.sequence, "covers": [built.covers.first, built.covers.last], **m.counts})
        uow.commit()
        return _info(row)


def _mark_written(db: Database, sequence: int, user: SignedInUser | None, destination: str) -> BatchInfo:
    """A batch made is on the stick (written and read back): sent, and where to."""
    with UnitOfWork(db) as uow:
        row = uow.outbox.batch(_station(uow).id, sequence)
        row.destination, row.sent_at = destination[:300], utcnow()
        if row.status == "made":
            row.status = "sent"
            uow.audit(AuditAction.EXPORT, "export_batches", row.id, user.id if user else None,
                      {"sequence": sequence, "status": "sent", "via": "file"})
        uow.commit()
        return _info(row)


def _flush_to_disk(db_path: Path) -> None:
    """fsync the database file and its write-ahead log. With ``synchronous=NORMAL`` a commit survives a crash of
    the program but not a power cut until the log is next synced; the record of a batch must survive both before
    the batch leaves the laptop."""
    for path in (Path(db_path), Path(f"{db_path}-wal")):
        try:
            fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            continue  # no log: the commit went into the file itself
        try:
            os.fsync(fd)
        except OSError as exc:
            raise _folder_error(exc, path.parent) from exc
        finally:
            os.close(fd)


def _stored(repo: OutboxRepository, row: ExportBatchRow) -> bytes:
    content = repo.content(row.id)
    if content is None or sha256_hex(content) != row.file_sha256:
        raise StoredBatchDamagedError(file=row.file_name)
    return content


def _station(uow: UnitOfWork):  # noqa: ANN202 - StationRow
    station = uow.stations.current()
    if station is None or station.current_site_id is None:
        raise NotInitialisedError()
    return station


def _info(row: ExportBatchRow) -> BatchInfo:
    return BatchInfo(row.sequence, row.file_name, row.created_at or utcnow(), dict(row.counts or {}), row.status,
                     row.acknowledged_at, row.manifest_sha256)
