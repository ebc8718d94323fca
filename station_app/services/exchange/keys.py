"""The station's Ed25519 signing key and the receiving office's public bundle, kept in the data folder.

``keys/station-ed25519.pem`` holds the private key (PKCS#8 PEM, created with mode 0600 so only the station's
user reads it); ``keys/office-bundle.json`` the office's public bundle as imported. The public key and its
``key_id`` (SHA-256 hex of the DER public key) go to the office, which registers the station with them.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from station_app.core.batch_format import (OFFICE_BUNDLE_FORMAT, OFFICE_BUNDLE_LIMITS, OfficeBundle,
                                           OfficeBundleInvalidError, OfficeBundleMissingError, key_id,
                                           parse_office_bundle)
from station_app.core.bounded_json import loads as bounded_loads
from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
KEY_DIR = "keys"
STATION_KEY_FILE = "station-ed25519.pem"
OFFICE_BUNDLE_FILE = "office-bundle.json"
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG: a bundle's QR picture, whatever its name


class StationKeyMissingError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không thấy khoá ký của trạm ({path}) nên chưa xuất được. Không tạo khoá mới tự động: đơn vị "
                  "nhận chỉ nhận lô ký bằng khoá đã đăng ký. Nếu có bản sao lưu thư mục dữ liệu, hãy chép lại tệp "
                  "khoá keys/station-ed25519.pem; nếu không, quản trị viên chạy 'station-app keys rotate --user TÊN "
                  "--public-key TỆP.pem' rồi gửi tệp khoá công khai mới cho đơn vị nhận để đăng ký lại.")


class StationKeyDamagedError(StationError, ValueError):  # a ValueError too, as a damaged key file always was
    template = QT_TRANSLATE_NOOP(
        "errors", "Khoá ký của trạm ({path}) bị hỏng hoặc không phải khoá trạm đã đăng ký nên chưa xuất được. "
                  "Không tạo khoá mới tự động: đơn vị nhận chỉ nhận lô ký bằng khoá đã đăng ký. Nếu có bản sao lưu "
                  "thư mục dữ liệu, hãy chép lại tệp khoá keys/station-ed25519.pem; nếu không, quản trị viên chạy "
                  "'station-app keys rotate --user TÊN --public-key TỆP.pem' rồi gửi tệp khoá công khai mới cho "
                  "đơn vị nhận để đăng ký lại.")


@dataclass(frozen=True)
class StationPublicKey:
    """What the office registers: the PEM (SubjectPublicKeyInfo) and its fingerprint."""

    pem: str
    key_id: str

    def qr_text(self, station_code: str) -> str:
        """What the station's QR code carries for the office to register it: code, key_id and the PEM."""
        return json.dumps({"format": "station-key/1", "station": station_code, "key_id": self.key_id,
                           "public_key_pem": self.pem}, separators=(",", ":"))

    @property
    def short_id(self) -> str:
        """The first 16 hex digits in groups of four, for reading aloud over the phone."""
        return " ".join(self.key_id[i:i + 4] for i in range(0, 16, 4))


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def public_key_id(key: Ed25519PublicKey) -> str:
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return key_id(der)


def load_public_pem(pem: str | bytes) -> Ed25519PublicKey:
    """An Ed25519 public key from PEM; ValueError if it is not one."""
    key = serialization.load_pem_public_key(pem.encode("ascii") if isinstance(pem, str) else pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def verify_signature(key: Ed25519PublicKey, signature: bytes, *, data: bytes) -> bool:
    try:
        key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


class StationKeys:
    """The key files of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / KEY_DIR

    @property
    def private_key_path(self) -> Path:
        return self.folder / STATION_KEY_FILE

    @property
    def office_bundle_path(self) -> Path:
        return self.folder / OFFICE_BUNDLE_FILE

    def has_station_key(self) -> bool:
        return self.private_key_path.exists()

    def ensure_station_key(self) -> StationPublicKey:
        """Make the station's key pair if there is none yet: only at set-up (or for a station set up before export
        existed, which has no key recorded). Later a missing key is an error, never quietly made again."""
        if not self.has_station_key():
            self._write_new_key()
        return self.public_key()

    def replace_station_key(self) -> tuple[StationPublicKey, str | None]:
        """Re-keying (``rotate_station_key``): a new key pair; the old file, readable or not, is kept under
        ``keys/retired/``. Returns the new public key and the old key's id (None when it was missing or damaged)."""
        previous = None
        if self.has_station_key():
            try:
                previous = self.public_key().key_id
            except (StationKeyMissingError, StationKeyDamagedError):
                pass
            retired = self.folder / "retired" / f"station-ed25519-{(previous or 'damaged')[:16]}-{os.getpid()}.pem"
            retired.parent.mkdir(exist_ok=True)
            os.replace(self.private_key_path, retired)
        self._write_new_key()
        return self.public_key(), previous

    def _write_new_key(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        temp = self.private_key_path.with_suffix(".tmp")
        temp.unlink(missing_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never readable by others, not even briefly
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, self.private_key_path)
        log.info("station signing key created")

    def private_key(self) -> Ed25519PrivateKey:
        """The key as the file holds it: ``StationKeyMissingError`` or ``StationKeyDamagedError`` otherwise."""
        try:
            data = self.private_key_path.read_bytes()
        except FileNotFoundError as exc:
            raise StationKeyMissingError(path=str(self.private_key_path)) from exc
        except OSError as exc:
            raise StationKeyDamagedError(path=str(self.private_key_path)) from exc
        try:
            key = serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
            raise StationKeyDamagedError(path=str(self.private_key_path)) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise StationKeyDamagedError(path=str(self.private_key_path))
        return key

    def signing_key(self, recorded_pem: str | None) -> Ed25519PrivateKey:
        """The key for signing a batch, which must be the one recorded at set-up or at the last re-keying (the
        one the office registered): a swapped file is as good as a damaged one."""
        key = self.private_key()
        if recorded_pem is not None and public_pem(key.public_key()).strip() != recorded_pem.strip():
            raise StationKeyDamagedError(path=str(self.private_key_path))
        return key

    def public_key(self) -> StationPublicKey:
        public = self.private_key().public_key()
        return StationPublicKey(public_pem(public), public_key_id(public))

    def save_public_key(self, target: Path) -> StationPublicKey:
        """Write the public key PEM for the office to register (the private key never leaves the folder)."""
        public = self.public_key()
        Path(target).write_text(public.pem, encoding="ascii")
        return public

    def import_office_bundle(self, source: Path) -> OfficeBundle:
        """Check the office's bundle and keep a copy; a malformed one is refused with what is wrong.

        ``source`` is the bundle's JSON file or a picture (PNG, JPEG) of its QR code (office-bundle.png).
        """
        try:
            if not Path(source).is_file():  # a FIFO or device would hang or fill the reader: never opened
                raise OSError(f"not a regular file: {source}")
            with Path(source).open("rb") as fh:  # a bundle is under 1 KB: a film picked by mistake is not read whole
                data = fh.read(OFFICE_BUNDLE_LIMITS.max_bytes + 1)
        except OSError as exc:
            raise OfficeBundleInvalidError(reason=QT_TRANSLATE_NOOP("batch", "không mở được tệp")) from exc
        if data.startswith(_IMAGE_MAGIC):
            return self.import_office_bundle_text(bundle_text_in_image(Path(source)))
        if len(data) > OFFICE_BUNDLE_LIMITS.max_bytes:
            raise OfficeBundleInvalidError(reason=QT_TRANSLATE_NOOP(
                "batch", "tệp quá lớn để là tệp khoá của đơn vị nhận (có thể đã chọn nhầm tệp)"))
        return self._keep_office_bundle(data)

    def import_office_bundle_text(self, text: str) -> OfficeBundle:
        """The same as ``import_office_bundle`` for the bundle's JSON text (a scanned or pasted QR code)."""
        return self._keep_office_bundle(text.encode("utf-8"))

    def _keep_office_bundle(self, data: bytes) -> OfficeBundle:
        bundle = parse_office_bundle(data)
        _check_recipients(bundle)
        self.folder.mkdir(parents=True, exist_ok=True)
        temp = self.office_bundle_path.with_suffix(".tmp")
        temp.write_bytes(bundle.to_bytes())
        os.replace(temp, self.office_bundle_path)
        log.info("office bundle imported")
        return bundle

    def office_bundle(self) -> OfficeBundle | None:
        if not self.office_bundle_path.exists():
            return None
        return parse_office_bundle(self.office_bundle_path.read_bytes())

    def require_office_bundle(self) -> OfficeBundle:
        bundle = self.office_bundle()
        if bundle is None:
            raise OfficeBundleMissingError()
        return bundle


def is_office_bundle_text(text: str) -> bool:
    """Whether scanned or pasted text is an office bundle's JSON (its ``format`` says so), valid or not."""
    if not text.lstrip().startswith("{"):
        return False
    try:
        raw = bounded_loads(text, OFFICE_BUNDLE_LIMITS)
    except ValueError:  # not JSON, or too large or too deep to be a bundle (UntrustedJsonError)
        return False
    return isinstance(raw, dict) and raw.get("format") == OFFICE_BUNDLE_FORMAT


def bundle_text_in_image(path: Path) -> str:
    """The bundle's JSON read from the QR code in a picture; ``OfficeBundleInvalidError`` when there is none.

    A picture that is not one raises ``ImageUnreadableError``.
    """
    from station_app.services.common.decoding import decode_image

    found = decode_image(path)
    bundles = [text for text in found if is_office_bundle_text(text)]
    for text in bundles:  # a broken bundle beside the genuine one (an old printout, a bad photo) hides nothing
        try:
            _check_recipients(parse_office_bundle(text.encode("utf-8")))
            return text
        except OfficeBundleInvalidError:
            continue
    if bundles:
        return bundles[0]  # none is whole: its import says what is wrong with it
    log.info("office bundle image: %d QR codes, none a bundle", len(found))
    if found:
        raise OfficeBundleInvalidError(reason=QT_TRANSLATE_NOOP(
            "batch", "mã QR trong ảnh không phải gói khoá của đơn vị nhận (có thể đã chọn nhầm ảnh)"))
    raise OfficeBundleInvalidError(reason=QT_TRANSLATE_NOOP(
        "batch", "không thấy mã QR nào trong ảnh (hãy chọn đúng ảnh office-bundle.png, hoặc chụp lại rõ cả mã QR)"))


def _check_recipients(bundle: OfficeBundle) -> None:
    """The age library's own parser, beyond the shape the core checks (the Bech32 checksum)."""
    from pyrage import RecipientError, x25519

    for recipient in bundle.recipients:
        try:
            x25519.Recipient.from_str(recipient)
        except RecipientError as exc:
            raise OfficeBundleInvalidError(
                reason=QT_TRANSLATE_NOOP("batch", "khoá mã hoá (age_recipient) sai: phải bắt đầu bằng age1")) from exc


# -- re-keying -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RotatedKey:
    """A new station key: the office registers ``public`` for batches from ``from_sequence`` on."""

    public: StationPublicKey
    previous_key_id: str | None
    from_sequence: int


def rotate_station_key(db, data_dir: Path, *, actor,  # noqa: ANN001 - Database, SignedInUser
                       target: Path) -> RotatedKey:
    """An administrator's explicit, audited replacement of the station's signing key (lost, damaged or exposed).

    Batches made before keep their old signatures (they are written again as stored); the new key signs the
    batches from the next sequence number on, which the office needs to register it. The public key PEM goes to
    ``target`` for the office.
    """
    from filelock import FileLock

    from station_app.core.errors import NotInitialisedError
    from station_app.core.model import AuditAction
    from station_app.core.roles import Permission, require
    from station_app.persistence.unit_of_work import UnitOfWork

    require(actor.role, Permission.MANAGE_STATION)
    keys = StationKeys(data_dir)
    with FileLock(str(Path(data_dir) / "export.lock")), UnitOfWork(db) as uow:  # never in the middle of an export
        station = uow.stations.current()
        if station is None:
            raise NotInitialisedError()
        last = uow.outbox.last_batch(station.id)
        from_sequence = (last.sequence if last else 0) + 1
        previous = _recorded_key_id(station.public_key)
        public, in_file = keys.replace_station_key()
        previous = previous or in_file
        station.signing_key_ref, station.public_key = STATION_KEY_FILE, public.pem
        uow.audit(AuditAction.REKEY, "stations", station.id, actor.id,
                  {"key_id": public.key_id, "previous_key_id": previous, "from_sequence": from_sequence})
        uow.commit()
    Path(target).write_text(public.pem, encoding="ascii")
    log.info("station signing key replaced; new key from batch %d", from_sequence)
    return RotatedKey(public, previous, from_sequence)


def _recorded_key_id(pem: str | None) -> str | None:
    try:
        return public_key_id(load_public_pem(pem)) if pem else None
    except ValueError:
        return None
