"""The receiving office (docs/OFFICE.md): its keys, the stations it knows, importing batches, receipts.

Each batch is checked in this order, and refused into the quarantine folder with the first reason that applies:
a registered station, the checks of ``batch_verify`` (signature, manifest, name, payload hash), a second batch
with a sequence number already imported (a fork), the chain to the batches held before and after it, decryption
with the office's age identity, the Bundle's counts against the signed manifest. Then it is imported in one
transaction and a signed receipt is written. Batches are taken in sequence order per station; a batch whose
predecessor has not arrived is imported and the hole reported as a gap until it arrives.
"""
from __future__ import annotations

import base64
import datetime as dt
import gc
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app.core.batch_format import (MAX_BATCH_BYTES, PROBLEM_TEXT, SUFFIX, BatchInvalidError, Manifest,
                                           OfficeBundle, Problem, batch_file_name, check_chain, parse_batch_file_name,
                                           utc_iso)
from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.persistence.office.database import (TRANSIENT_ERRORS, OfficeConflictError, OfficeDatabase,
                                                     OfficeDatabaseError)
from station_app.persistence.office.store import OfficeStore
from station_app.persistence.office.tables import (OfficeAuditAnchorRow, OfficeBatchRow, OfficeEventRow,
                                                   OfficeQuarantineRow, OfficeStationKeyRow, OfficeStationRow, utcnow)
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.common.files import copy_regular_file, files_named
from station_app.services.exchange import fhir_bundle as fhir
from station_app.services.exchange.batch_verify import BatchParts, decrypt_payload, read_batch, verify_batch
from station_app.services.exchange.keys import load_public_pem, public_key_id, verify_signature
from station_app.services.exchange.receipts import envelope_bytes, receipt_name, sign_receipt
from station_app.services.office.importing import FOREIGN, MALFORMED, VERSION, RecordRefused
from station_app.services.office.quarantine import keep_bounded

log = logging.getLogger(__name__)
# errors that say nothing about the batch: the database down or locked, the disk full; the import stops and the
# same file goes in later. Anything else raised while checking or importing a batch refuses that batch alone.
_TRANSIENT: tuple[type[BaseException], ...] = (*TRANSIENT_ERRORS, OfficeConflictError, OSError, MemoryError)
AGE_KEY_FILE = "keys/office-age.key"
RECEIPT_KEY_FILE = "keys/office-receipt-ed25519.pem"
BUNDLE_FILE = "office-bundle.json"
BUNDLE_QR = "office-bundle.png"
SETTINGS_FILE = "office.json"

# Reasons of the office's own, beside core.batch_format.Problem
UNREGISTERED = "unregistered_station"
FORK = "fork"
COUNTS = "counts_mismatch"
INVALID_FHIR = "invalid_fhir"
REASON_TEXT = {
    UNREGISTERED: QT_TRANSLATE_NOOP("office", "trạm chưa được đăng ký với đơn vị nhận (lệnh 'office stations add')"),
    FORK: QT_TRANSLATE_NOOP("office", "đã nhận một lô khác có cùng số thứ tự của trạm này (rẽ nhánh)"),
    COUNTS: QT_TRANSLATE_NOOP("office", "số bản ghi trong dữ liệu khác số ghi trong phần mô tả đã ký"),
    INVALID_FHIR: QT_TRANSLATE_NOOP("office", "dữ liệu không đúng chuẩn FHIR R4"),
    FOREIGN: QT_TRANSLATE_NOOP("office", "lô sửa hồ sơ do trạm khác gửi lên (chỉ trạm đã gửi hồ sơ đầu tiên và các "
                                         "máy cùng điểm khám đã đăng ký mới được sửa)"),
    VERSION: QT_TRANSLATE_NOOP("office", "số phiên bản (meta.versionId) của một bản ghi không hợp lệ hoặc vượt quá xa "
                                         "phiên bản đơn vị nhận đang giữ"),
    MALFORMED: QT_TRANSLATE_NOOP("office", "một bản ghi trong dữ liệu có trường sai kiểu, sai dạng hoặc quá dài"),
    **{p.value: t for p, t in PROBLEM_TEXT.items()},
}


_DB_REASONS = {
    "connect": QT_TRANSLATE_NOOP("office", "không kết nối được"),
    "too_new": QT_TRANSLATE_NOOP("office", "cơ sở dữ liệu do phiên bản mới hơn của ứng dụng tạo ra; hãy cập nhật ứng dụng"),
}


class OfficeNotInitialisedError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Thư mục {path} chưa phải thư mục của đơn vị nhận. Hãy chạy 'station-app office init --dir {path}' "
                  "hoặc chọn đúng thư mục bằng --dir.")


class OfficeAlreadyInitialisedError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Thư mục {path} đã có khoá của đơn vị nhận; không tạo lại (các trạm đang dùng khoá này). "
                  "Hãy chọn thư mục khác nếu muốn tạo đơn vị mới.")


class StationKeyFileError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không đọc được khoá công khai của trạm trong tệp {path}. Hãy xin lại tệp PEM do lệnh "
                  "'station-app export --public-key' của trạm ghi ra.")


class StationAlreadyRegisteredError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Mã trạm {code} hoặc khoá này đã được đăng ký rồi. Kiểm tra bằng 'station-app office stations list'.")


class SiteUnknownError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chưa có trạm {site} để làm điểm khám chung: hãy đăng ký trạm đó trước, rồi đăng ký máy này với "
                  "--site {site}.")


class StationKeyRegistrationError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không đăng ký được khoá mới cho trạm {code}: {reason}. Khoá cũ vẫn được dùng; không có gì thay đổi.")


_REKEY_REASONS = {
    "unknown": QT_TRANSLATE_NOOP("office", "trạm chưa được đăng ký (dùng 'office stations add')"),
    "known_key": QT_TRANSLATE_NOOP("office", "khoá này đã được đăng ký rồi"),
    "held": QT_TRANSLATE_NOOP("office", "đơn vị nhận đã có lô từ số này trở đi, ký bằng khoá cũ; hãy dùng "
                                        "--from-sequence đúng như trạm báo (lệnh 'keys rotate' in ra)"),
    "order": QT_TRANSLATE_NOOP("office", "số lô bắt đầu phải lớn hơn số lô bắt đầu của khoá hiện tại"),
}


class OfficeDatabaseOpenError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không mở được cơ sở dữ liệu của đơn vị nhận ({reason}). Kiểm tra địa chỉ --db, máy chủ "
                  "PostgreSQL và quyền truy cập rồi thử lại.")


class OfficeReportFileError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không ghi được báo cáo vào {path}. Hãy chọn tệp .xlsx, .pdf hoặc .csv ở thư mục ghi được.")


# -- results ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OfficeIdentity:
    bundle_path: Path
    qr_path: Path
    age_recipient: str
    receipt_public_key: str


@dataclass(frozen=True)
class StationInfo:
    code: str
    name: str | None
    key_id: str
    batches: int
    last_sequence: int | None
    gaps: tuple[int, ...]
    audit_seq: int | None = None  # the newest audit head the station's batches carried (docs/batch-format.md)
    audit_rewound: bool = False  # a batch carried a head behind an earlier one's: the station's log went back
    keys: int = 1  # keys registered over time (more than one after a re-keying)


@dataclass(frozen=True)
class OfficeEvent:
    """One decision of the office about a station (``station_registered``, ``station_rekeyed``…)."""

    at: dt.datetime
    action: str
    station: str | None
    details: dict


@dataclass(frozen=True)
class BatchOutcome:
    """One file: ``status`` imported, duplicate (already imported: nothing changed) or quarantined."""

    file: str
    station: str | None
    sequence: int | None
    status: str
    reason: str | None = None
    counts: dict = field(default_factory=dict)
    receipt: Path | None = None
    quarantined_to: Path | None = None

    @property
    def reason_text(self) -> str:
        return REASON_TEXT.get(self.reason or "", "")


@dataclass(frozen=True)
class ImportReport:
    outcomes: list[BatchOutcome]
    gaps: dict[str, tuple[int, ...]]  # station → sequences missing below its newest batch

    def with_status(self, status: str) -> list[BatchOutcome]:
        return [o for o in self.outcomes if o.status == status]


class _Refused(Exception):
    """A batch refused. ``about``: (station, sequence) once the registered station's key verified the manifest
    (only then is a signed refusal notice written, under those checked values)."""

    def __init__(self, reason: str, about: tuple[str, int] | None = None) -> None:
        self.reason = reason
        self.about = about
        super().__init__(reason)


# -- the office folder -----------------------------------------------------------------------------------------

def default_db_url(folder: Path) -> str:
    return f"sqlite:///{Path(folder) / 'office.sqlite'}"


def init_office(folder: Path, name: str, *, escrow_recipient: str | None = None) -> OfficeIdentity:
    """The office's age identity and receipt key (files 0600), its public bundle and the bundle's QR image."""
    from pyrage import x25519

    folder = Path(folder)
    if (folder / AGE_KEY_FILE).exists() or (folder / RECEIPT_KEY_FILE).exists():
        raise OfficeAlreadyInitialisedError(path=str(folder))
    identity = x25519.Identity.generate()
    receipt_key = Ed25519PrivateKey.generate()
    write_private(folder / AGE_KEY_FILE, f"{identity}\n".encode("ascii"))
    write_private(folder / RECEIPT_KEY_FILE, receipt_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    raw = receipt_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    bundle = OfficeBundle(name.strip(), str(identity.to_public()), base64.b64encode(raw).decode("ascii"),
                          escrow_recipient)
    (folder / BUNDLE_FILE).write_bytes(bundle.to_bytes())
    (folder / SETTINGS_FILE).write_text(json.dumps({"name": bundle.name}, ensure_ascii=False), encoding="utf-8")
    # one line: a keyboard-mode scanner types a line break as Enter, which would cut the bundle into pieces
    write_qr(folder / BUNDLE_QR, json.dumps(json.loads(bundle.to_bytes()), ensure_ascii=False, separators=(",", ":")))
    log.info("office keys created")
    return OfficeIdentity(folder / BUNDLE_FILE, folder / BUNDLE_QR, bundle.age_recipient, bundle.receipt_public_key)


def write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never readable by others, not even briefly
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def write_qr(path: Path, text: str) -> None:
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=6)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    code.make_image().save(str(path))


# -- the service -----------------------------------------------------------------------------------------------

class OfficeService:
    """The office's use cases on its folder (keys, quarantine, receipts) and its database."""

    def __init__(self, folder: Path, db_url: str | None = None) -> None:
        self.folder = Path(folder)
        if not (self.folder / AGE_KEY_FILE).exists():
            raise OfficeNotInitialisedError(path=str(self.folder))
        try:
            self.db = OfficeDatabase(db_url or default_db_url(self.folder))
        except OfficeDatabaseError as exc:
            raise OfficeDatabaseOpenError(reason=_DB_REASONS.get(exc.reason, exc.reason)) from exc
        self.name = json.loads((self.folder / SETTINGS_FILE).read_text(encoding="utf-8")).get("name", "")

    def close(self) -> None:
        self.db.close()

    # -- stations --------------------------------------------------------------------------------------------------

    def add_station(self, pem_path: Path, code: str, *, name: str | None = None,
                    site: str | None = None) -> StationInfo:
        """Register a station by the public key PEM it gave (``station-app export --public-key``).

        ``site``: a registered station whose site this one is another laptop of (docs/VISIT-PARTS.md): the laptops
        of one site may send parts of each other's visits; no other station may touch them."""
        try:
            key = load_public_pem(Path(pem_path).read_bytes())
        except (OSError, ValueError, TypeError) as exc:
            raise StationKeyFileError(path=str(pem_path)) from exc
        key_id = public_key_id(key)
        with OfficeUnitOfWork(self.db) as uow:
            store = uow.store
            if store.station(code) is not None or store.key_registered(key_id):
                raise StationAlreadyRegisteredError(code=code)
            host = store.station(site) if site else None
            if site and host is None:
                raise SiteUnknownError(site=site)
            pem = Path(pem_path).read_text(encoding="ascii")
            store.add(OfficeStationRow(code=code, name=name, key_id=key_id, public_key_pem=pem,
                                       site=(host.site or host.code) if host else None))
            store.add(OfficeStationKeyRow(station_code=code, key_id=key_id, public_key_pem=pem, from_sequence=1))
            store.add(OfficeEventRow(action="station_registered", station_code=code,
                                     details={"key_id": key_id, "from_sequence": 1}))
        log.info("station %s registered", code)
        return StationInfo(code, name, key_id, 0, None, ())

    def rekey_station(self, code: str, pem_path: Path, *, from_sequence: int, note: str | None = None) -> StationInfo:
        """A station's new signing key (``station-app keys rotate``), for its batches from ``from_sequence`` on.

        The old key stays registered for the batches before, so a batch is always checked with the key that was
        valid for its sequence; the office's decision is kept in ``office_events``."""
        try:
            key = load_public_pem(Path(pem_path).read_bytes())
            pem = Path(pem_path).read_text(encoding="ascii")
        except (OSError, ValueError, TypeError) as exc:
            raise StationKeyFileError(path=str(pem_path)) from exc
        key_id = public_key_id(key)
        with OfficeUnitOfWork(self.db) as uow:
            store = uow.store
            station = store.station(code)
            keys = _station_keys(store, station) if station is not None else []
            problem = ("unknown" if station is None else "known_key" if store.key_registered(key_id)
                       else "order" if from_sequence <= keys[-1].from_sequence
                       else "held" if any(n >= from_sequence for n in store.sequences(code)) else None)
            if problem:
                raise StationKeyRegistrationError(code=code, reason=_REKEY_REASONS[problem])
            for row in keys:  # a station registered before keys had their own table: its first key from 1
                if row.id is None:
                    store.add(row)
            store.add(OfficeStationKeyRow(station_code=code, key_id=key_id, public_key_pem=pem,
                                          from_sequence=from_sequence))
            previous, station.key_id, station.public_key_pem = station.key_id, key_id, pem
            store.add(OfficeEventRow(action="station_rekeyed", station_code=code, details={
                "key_id": key_id, "previous_key_id": previous, "from_sequence": from_sequence, "note": note}))
        log.info("station %s re-keyed from batch %d", code, from_sequence)
        return next(s for s in self.stations() if s.code == code)

    def events(self, code: str) -> list[OfficeEvent]:
        """The office's decisions about one station, oldest first."""
        with OfficeUnitOfWork(self.db) as uow:
            return [OfficeEvent(e.at, e.action, e.station_code, dict(e.details or {}))
                    for e in uow.store.events(code)]

    def stations(self) -> list[StationInfo]:
        with OfficeUnitOfWork(self.db) as uow:
            store = uow.store
            found = []
            for row in store.stations():
                held = store.sequences(row.code)
                anchors = store.anchors(row.code)
                found.append(StationInfo(row.code, row.name, row.key_id, len(held), held[-1] if held else None,
                                         missing_sequences(held), anchors[-1].audit_seq if anchors else None,
                                         any(a.rewound for a in anchors), len(_station_keys(store, row))))
            return found

    def gaps(self) -> dict[str, tuple[int, ...]]:
        return {s.code: s.gaps for s in self.stations() if s.gaps}

    # -- import ----------------------------------------------------------------------------------------------------

    def import_paths(self, paths: list[Path], *, receipts_to: Path | None = None, now: dt.datetime | None = None,
                     validate_fhir: bool = False) -> ImportReport:
        """Every batch in these files and folders, in sequence order per station.

        ``validate_fhir`` also checks every resource against the FHIR R4B models (``fhir.resources``): about four
        times the cost of the import itself, so it is asked for, not the default.
        """
        outcomes = [self._import_one(path, _read(path), receipts_to, now, validate_fhir)
                    for path in _in_order(batch_files(paths))]
        self._national_beside(outcomes)
        gaps = self.gaps()
        log.info("office import: %d imported, %d duplicate, %d quarantined, %d stations with gaps",
                 *(sum(o.status == s for o in outcomes) for s in ("imported", "duplicate", "quarantined")), len(gaps))
        return ImportReport(outcomes, gaps)

    def _national_beside(self, outcomes: list[BatchOutcome]) -> None:
        """Each station's national receipt beside its batch receipts: the stick takes both back."""
        from station_app.services.office.national_receipts import write_beside

        folders: dict[Path, set[str]] = {}
        for o in outcomes:
            if o.receipt is not None and o.station and o.status != "quarantined":
                folders.setdefault(o.receipt.parent, set()).add(o.station)
        for folder, codes in folders.items():
            write_beside(self, codes, folder)

    def _import_one(self, path: Path, parts: BatchParts | BatchInvalidError, receipts_to: Path | None,
                    now: dt.datetime | None, validate_fhir: bool = False) -> BatchOutcome:
        claimed = _claimed(path, parts)
        try:
            if isinstance(parts, BatchInvalidError):
                raise _Refused(parts.problem.value)
            with _collector_paused():
                return self._checked_import(path, parts, receipts_to, now or utcnow(), validate_fhir)
        except _Refused as refused:
            return self._refused(path, parts, claimed, refused, receipts_to, now or utcnow())
        except Exception as exc:  # a hostile file can make any check raise: it is refused, never a crash
            if isinstance(exc, _TRANSIENT):
                raise  # the database or the disk: the same file goes in when they are back
            log.warning("batch refused: %s while checking it", type(exc).__name__)
            return self._refused(path, parts, claimed, _Refused(MALFORMED), receipts_to, now or utcnow())

    def _refused(self, path: Path, parts: BatchParts | BatchInvalidError, claimed: tuple[str | None, int | None],
                 refused: _Refused, receipts_to: Path | None, now: dt.datetime) -> BatchOutcome:
        outcome = self._quarantine(path, refused.about or claimed, refused.reason)
        notice = self._rejection(path, parts, refused.about, refused.reason, now)
        return outcome if notice is None else replace(outcome, receipt=self._write_receipt(notice, path, receipts_to))

    def _checked_import(self, path: Path, parts: BatchParts, receipts_to: Path | None, now: dt.datetime,
                        validate_fhir: bool, retries: int = 2) -> BatchOutcome:
        manifest, station = self._verified(path, parts)
        try:
            return self._import_verified(path, parts, manifest, station, receipts_to, now, validate_fhir, retries)
        except _Refused as refused:
            refused.about = (station.code, manifest.sequence)  # the registered station's key signed it
            raise
        except Exception as exc:
            if isinstance(exc, _TRANSIENT):
                raise
            log.warning("batch %s/%d refused: %s while importing it", station.code, manifest.sequence,
                        type(exc).__name__)
            raise _Refused(MALFORMED, (station.code, manifest.sequence)) from exc

    def _import_verified(self, path: Path, parts: BatchParts, manifest: Manifest, station: OfficeStationRow,
                         receipts_to: Path | None, now: dt.datetime, validate_fhir: bool,
                         retries: int) -> BatchOutcome:
        with OfficeUnitOfWork(self.db) as uow:
            held = uow.store.batch(station.code, manifest.sequence)
            # an administrator accepted the station's new chain from here (services/office/chain.py)
            new_chain = uow.chain_decisions.pending(station.code, manifest.sequence) is not None
            if held is not None and (held.manifest_sha256 == parts.manifest_sha256 or not new_chain):
                if held.manifest_sha256 != parts.manifest_sha256:
                    raise _Refused(FORK)
                receipt = self._write_receipt(held.receipt, path, receipts_to)
                return BatchOutcome(path.name, station.code, manifest.sequence, "duplicate", None,
                                    dict(held.counts), receipt)
            self._check_chain(uow.store, manifest, parts, new_chain)
        bundle = self._decrypted(parts)
        resources = _resources(bundle)
        if fhir.resource_counts(resources) != {k: manifest.counts.get(k, 0) for k in fhir.resource_counts(resources)}:
            raise _Refused(COUNTS)
        if validate_fhir:
            _validate(resources)
        try:
            envelope = self._import_bundle(manifest, parts, station, resources, now)
        except RecordRefused as refused:  # another station's record, a version out of reach, a value that cannot be
            raise _Refused(refused.reason) from refused
        except OfficeConflictError:
            if retries == 0:
                raise
            # another importer took this batch (or one of its resources) first: look again
            return self._checked_import(path, parts, receipts_to, now, validate_fhir, retries - 1)
        receipt = self._write_receipt(envelope, path, receipts_to)
        return BatchOutcome(path.name, station.code, manifest.sequence, "imported", None, dict(manifest.counts),
                            receipt)

    def _verified(self, path: Path, parts: BatchParts) -> tuple[Manifest, OfficeStationRow]:
        code = _claimed(path, parts)[0]
        with OfficeUnitOfWork(self.db) as uow:
            station = uow.store.station(code) if code else None
            key_pem = _key_for(uow.store, station, _claimed(path, parts)[1]) if station else None
        if station is None:
            raise _Refused(UNREGISTERED)
        try:
            return verify_batch(parts, key_pem), station
        except BatchInvalidError as exc:
            raise _Refused(exc.problem.value, _signed_claim(parts, key_pem, station.code)) from exc

    @staticmethod
    def _check_chain(store: OfficeStore, manifest: Manifest, parts: BatchParts, new_chain: bool = False) -> None:
        """``previous`` against the batch before when held (not where a new chain was accepted); the batch after
        (held) must name this one."""
        before = store.batch(manifest.station.code, manifest.sequence - 1) if manifest.sequence > 1 else None
        before = None if new_chain else before
        after = store.batch(manifest.station.code, manifest.sequence + 1)
        try:
            if manifest.sequence == 1:
                check_chain(manifest, None)
            elif before is not None:
                check_chain(manifest, before.manifest_sha256)
        except BatchInvalidError as exc:
            raise _Refused(exc.problem.value) from exc
        if after is not None and after.previous != parts.manifest_sha256:
            raise _Refused(Problem.CHAIN_BROKEN.value)

    def _decrypted(self, parts: BatchParts) -> dict:
        identity = (self.folder / AGE_KEY_FILE).read_text(encoding="ascii")
        try:
            return decrypt_payload(parts, [line for line in identity.splitlines() if line.startswith("AGE-SECRET")])
        except BatchInvalidError as exc:
            raise _Refused(exc.problem.value) from exc

    def _import_bundle(self, manifest: Manifest, parts: BatchParts, station: OfficeStationRow,
                       resources: list[dict], now: dt.datetime) -> dict:
        """The batch's row, its resources and its receipt, in one transaction."""
        from station_app.services.office.importing import apply_resources

        with OfficeUnitOfWork(self.db) as uow:
            store = uow.store
            uow.chain_decisions.take(station.code, manifest.sequence, parts.manifest_sha256, now)
            row = store.add(OfficeBatchRow(
                station_code=station.code, sequence=manifest.sequence, manifest_sha256=parts.manifest_sha256,
                previous=manifest.previous, file_name=manifest.file_name, created_at=manifest.created_at,
                site_name=manifest.site.name, commune_code=manifest.site.commune_code, campaign=manifest.campaign,
                counts=dict(manifest.counts), imported_at=now))
            apply_resources(store, resources, batch_id=row.id, manifest=manifest, now=now,
                            writers=store.site_mates(station.code))
            _keep_anchor(store, manifest)
            row.receipt = sign_receipt(self._receipt(manifest, parts, station, now), self._receipt_key())
        log.info("batch %s/%d imported: %d resources", station.code, manifest.sequence, len(resources))
        return row.receipt

    def _receipt(self, manifest: Manifest, parts: BatchParts, station: OfficeStationRow, now: dt.datetime) -> dict:
        return {"office": self.name, "station": station.code, "key_id": manifest.station.key_id,
                "sequence": manifest.sequence, "file_name": manifest.file_name,
                "manifest_sha256": parts.manifest_sha256, "imported_at": utc_iso(now),
                "counts": {k: int(v) for k, v in manifest.counts.items()}, "status": "imported",
                # the station's audit head, signed back: its 'audit verify' checks the chain still holds it
                **({"audit": {"seq": manifest.audit.seq, "hash": manifest.audit.hash}} if manifest.audit else {})}

    def _rejection(self, path: Path, parts: BatchParts | BatchInvalidError, about: tuple[str, int] | None,
                   reason: str, now: dt.datetime) -> dict | None:
        """A signed notice that the batch was refused and why, under the receipt's name, so the station that took
        the stick back shows the batch as refused with the reason (it stays queued and is written again with the
        next export). Only for a manifest the registered station's key signed (``about``, checked values): None for
        a file nobody provably sent (junk under a station's name, another key), and when the office holds that
        batch already."""
        if about is None:
            return None
        station, sequence = about
        with OfficeUnitOfWork(self.db) as uow:
            if uow.store.batch(station, sequence) is not None:
                return None  # that batch arrived whole before: its receipt stands, a damaged copy changes nothing
        notice = {"office": self.name, "station": station, "sequence": sequence, "file_name": path.name,
                  "status": "rejected", "reason": reason, "reason_text": REASON_TEXT.get(reason, reason),
                  "rejected_at": utc_iso(now)}
        if isinstance(parts, BatchParts):
            notice["manifest_sha256"] = parts.manifest_sha256
        return sign_receipt(notice, self._receipt_key())

    def _receipt_key(self) -> Ed25519PrivateKey:
        key = serialization.load_pem_private_key((self.folder / RECEIPT_KEY_FILE).read_bytes(), password=None)
        assert isinstance(key, Ed25519PrivateKey)
        return key

    def _write_receipt(self, envelope: dict | None, batch: Path, receipts_to: Path | None) -> Path | None:
        """Next to the batch (the stick goes back to the station) or to ``receipts_to``; else the office folder."""
        if envelope is None or not _well_formed(envelope["receipt"]["station"], envelope["receipt"]["sequence"]):
            return None  # never a name made of something unchecked (a path in a station code)
        name = receipt_name(envelope["receipt"]["station"], envelope["receipt"]["sequence"])
        for folder in (receipts_to or batch.parent, self.folder / "receipts"):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                temp = folder / f".{name}.tmp"
                temp.write_bytes(envelope_bytes(envelope))
                os.replace(temp, folder / name)
                return folder / name
            except OSError:
                continue  # a read-only share: the office's own folder below
        return None

    def _quarantine(self, path: Path, claimed: tuple[str | None, int | None], reason: str) -> BatchOutcome:
        """A copy of the refused file and a note of why, in ``quarantine/``; nothing of it imported."""
        folder = self.folder / "quarantine" / utcnow().strftime("%Y%m%dT%H%M%S%f")  # the name kept for a re-import
        target = folder / path.name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            copy_regular_file(path, target, limit=MAX_BATCH_BYTES)  # a FIFO or a link to a device is never copied
            target.with_name(target.name + ".reason.txt").write_text(
                f"{reason}\n{REASON_TEXT.get(reason, '')}\n", encoding="utf-8")
        except OSError:
            target = None
        with OfficeUnitOfWork(self.db) as uow:
            uow.store.add(OfficeQuarantineRow(file_name=path.name, station_code=claimed[0], sequence=claimed[1],
                                              reason=reason, stored_path=str(target) if target else None))
        log.warning("batch quarantined: %s", reason)
        keep_bounded(self.folder, self.db)  # junk must not fill the disk or the table: the oldest go first
        return BatchOutcome(path.name, claimed[0], claimed[1], "quarantined", reason, quarantined_to=target)

    def note_refused_upload(self, file_name: str, code: str, *, sequence: int, reason: str) -> None:
        """An upload refused before its body was read (its station is not registered): a line in the quarantine
        list without a copy, so that the office sees which station tried and registers it; once per file."""
        with OfficeUnitOfWork(self.db) as uow:
            store = uow.store
            if not store.refusal_noted(file_name, reason):
                store.add(OfficeQuarantineRow(file_name=file_name, station_code=code, sequence=sequence,
                                              reason=reason, stored_path=None))
        keep_bounded(self.folder, self.db)  # made-up codes, one row each, must not fill the table

    # -- the report ------------------------------------------------------------------------------------------------

    def report(self):  # noqa: ANN201 - office_report.OfficeReport
        from station_app.services.office.quarantine import dropped_counts
        from station_app.services.office.report import build_report

        stations = self.stations()
        with OfficeUnitOfWork(self.db) as uow:
            store = uow.store
            facts, quarantined, national = store.visit_facts(), store.quarantined(), uow.national.facts()
        return build_report(self.name, facts, stations=stations, quarantined=quarantined, dropped=dropped_counts(self),
                            national=national)


# -- files -----------------------------------------------------------------------------------------------------

@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while one batch is imported: its 15,000 resources are hundreds of thousands
    of fresh dicts and lists, which made the collector run over and over (half the time of parsing the payload,
    measured); nothing in an import needs it, and it runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def batch_files(paths: list[Path]) -> list[Path]:
    """The files named, and the ``*.batch`` files inside the folders named."""
    found: list[Path] = []
    for path in map(Path, paths):
        found.extend(files_named(path, SUFFIX) if path.is_dir() else [path])
    return found


def _in_order(files: list[Path]) -> list[Path]:
    """By (station, sequence) as the file names say (a valid batch's name is its manifest's): one read at a time."""
    def key(path: Path) -> tuple[str, int, str]:
        named = parse_batch_file_name(path.name)
        return (named[0], named[1], path.name) if named else ("", 0, path.name)

    return sorted(files, key=key)


def _read(path: Path) -> BatchParts | BatchInvalidError:
    try:
        return read_batch(path)
    except BatchInvalidError as exc:
        return exc
    except Exception:  # noqa: BLE001 - unreadable, or a ZIP that makes the reader raise: refused, the rest goes on
        return BatchInvalidError(Problem.NOT_A_ZIP, path.name)


def _claimed(path: Path, parts: BatchParts | BatchInvalidError) -> tuple[str | None, int | None]:
    """The station and sequence a batch claims (its manifest, else its file name): only to order and to look up,
    and only when they have the form of a station code and a batch number (a manifest naming a path claims
    nothing)."""
    if isinstance(parts, BatchParts):
        try:
            manifest = parts.claimed_manifest()
        except Exception:  # noqa: BLE001 - BatchInvalidError, or whatever a hostile manifest makes a parser raise
            manifest = None
        if manifest is not None:
            code, sequence = manifest.station.code, manifest.sequence
            return (code, sequence) if _well_formed(code, sequence) else (None, None)
    named = parse_batch_file_name(path.name)
    return (named[0], named[1]) if named else (None, None)


def _well_formed(code: object, sequence: object) -> bool:
    """A station code and a sequence that make a batch file name (``[A-Z0-9-]{3,32}``, 1 to 999999)."""
    return (isinstance(code, str) and isinstance(sequence, int) and 0 < sequence < 10**6
            and parse_batch_file_name(batch_file_name(code, sequence)) == (code, sequence))


def _signed_claim(parts: BatchParts, key_pem: str, code: str) -> tuple[str, int] | None:
    """(station, sequence) of a manifest the station's key did sign although a later check refused the batch (its
    payload damaged, its name changed): a refusal notice is owed to that station."""
    try:
        if not verify_signature(load_public_pem(key_pem), parts.signature, data=parts.manifest_bytes):
            return None
        manifest = parts.claimed_manifest()
    except Exception:  # noqa: BLE001 - a malformed signature or manifest: no notice
        return None
    ok = manifest.station.code == code and _well_formed(code, manifest.sequence)
    return (code, manifest.sequence) if ok else None


def _resources(bundle: dict) -> list[dict]:
    entries = bundle.get("entry") or []
    resources = [e.get("resource") for e in entries if isinstance(e, dict)]
    if len(resources) != len(entries) or not all(isinstance(r, dict) and isinstance(r.get("id"), str)
                                                  and isinstance(r.get("resourceType"), str) for r in resources):
        raise _Refused(Problem.PAYLOAD_CORRUPT.value)
    return resources


def _validate(resources: list[dict]) -> None:
    """Each resource against its FHIR R4B model (the models the station's own tests use)."""
    from fhir.resources.R4B import get_fhir_model_class

    for res in resources:
        try:
            get_fhir_model_class(res["resourceType"]).model_validate(res)
        except Exception as exc:  # pydantic's ValidationError, or an unknown resourceType (KeyError)
            raise _Refused(INVALID_FHIR) from exc


def _keep_anchor(store: OfficeStore, manifest: Manifest) -> None:
    """The station's audit head from the signed manifest, kept with the batch. A head behind one an earlier batch
    carried (a shorter chain, or the same length with another hash) means the station's log was cut back or
    rewritten: the batch is still imported (its data is genuine and signed), the anchor marked and logged."""
    if manifest.audit is None:
        return
    code, head = manifest.station.code, manifest.audit
    earlier = [a for a in store.anchors(code) if a.batch_sequence < manifest.sequence]
    rewound = any(a.audit_seq > head.seq or (a.audit_seq == head.seq and a.audit_hash != head.hash) for a in earlier)
    if rewound:
        log.warning("station %s: batch %d carries audit head %d, behind an earlier batch's", code, manifest.sequence,
                    head.seq)
    store.add(OfficeAuditAnchorRow(station_code=code, batch_sequence=manifest.sequence, audit_seq=head.seq,
                                   audit_hash=head.hash, rewound=rewound))


def _station_keys(store: OfficeStore, station: OfficeStationRow) -> list[OfficeStationKeyRow]:
    """The station's keys by the sequence each signs from; a station registered before keys had their own table
    has its one key from 1 (an unsaved row)."""
    return store.station_keys(station.code) or [OfficeStationKeyRow(
        station_code=station.code, key_id=station.key_id, public_key_pem=station.public_key_pem, from_sequence=1)]


def _key_for(store: OfficeStore, station: OfficeStationRow, sequence: int | None) -> str:
    """The PEM of the key valid for this sequence: the newest key starting at or below it. The sequence is the
    one the batch claims; the signature then proves it, so an old key cannot sign a batch numbered after its end."""
    keys = _station_keys(store, station)
    return next((k for k in reversed(keys) if k.from_sequence <= (sequence or 0)), keys[0]).public_key_pem


def missing_sequences(held: list[int]) -> tuple[int, ...]:
    if not held:
        return ()
    have = set(held)
    return tuple(n for n in range(1, held[-1]) if n not in have)
