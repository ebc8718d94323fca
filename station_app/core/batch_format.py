"""The export batch: the contract between a station and the receiving office (docs/batch-format.md).

A batch is a ZIP named ``<station code>-<sequence, 6 digits>.batch`` holding exactly ``manifest.json`` (no
personal data), ``manifest.sig`` (Ed25519 over the manifest's exact bytes) and ``payload.age`` (age-encrypted
gzip of a FHIR R4 Bundle). This module is pure: the manifest's shape and bytes, names, the office's public
bundle, and the checks that need no key and no file. Signing, encryption and reading files are in services.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from station_app.core.bounded_json import JsonLimits
from station_app.core.bounded_json import loads as bounded_loads
from station_app.core.audit import AuditAnchor
from station_app.core.errors import StationError
from station_app.core.i18n import QT_TRANSLATE_NOOP

FORMAT = "station-batch/1"
OFFICE_BUNDLE_FORMAT = "office-bundle/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD = "payload.age"
PARTS = (MANIFEST, SIGNATURE, PAYLOAD)
SUFFIX = ".batch"
SIGNATURE_BYTES = 64
_FILE_NAME = re.compile(r"^(?P<code>[A-Z0-9-]{3,32})-(?P<seq>\d{6})\.batch$")
_AGE_RECIPIENT = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")
# what may come from outside: a manifest is about 1 KB, an office bundle under 1 KB (docs/batch-format.md, "Limits")
MANIFEST_LIMITS = JsonLimits(max_bytes=64 * 1024, max_depth=8, max_items=2_000)
OFFICE_BUNDLE_LIMITS = JsonLimits(max_bytes=64 * 1024, max_depth=8, max_items=1_000)
MAX_BATCH_BYTES = 256 * 2**20  # a station's whole campaign (19,757 visits) is a 9 MB batch
STORED, DEFLATED = 0, 8  # the ZIP compression methods a batch may use: the writer stores, an old copy may deflate


class Problem(StrEnum):
    """Why a batch is refused; the office quarantines it under this reason."""

    NOT_A_ZIP = "not_a_zip"
    WRONG_PARTS = "wrong_parts"
    MANIFEST_MALFORMED = "manifest_malformed"
    WRONG_FORMAT = "wrong_format"
    NAME_MISMATCH = "name_mismatch"
    WRONG_STATION_KEY = "wrong_station_key"
    BAD_SIGNATURE = "bad_signature"
    PAYLOAD_HASH_MISMATCH = "payload_hash_mismatch"
    CHAIN_BROKEN = "chain_broken"
    NOT_FOR_THIS_OFFICE = "not_for_this_office"
    PAYLOAD_CORRUPT = "payload_corrupt"
    MEMBER_TOO_LARGE = "member_too_large"
    UNSUPPORTED_COMPRESSION = "unsupported_compression"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    FILE_TOO_LARGE = "file_too_large"


PROBLEM_TEXT = {
    Problem.NOT_A_ZIP: QT_TRANSLATE_NOOP("batch", "tệp không phải tệp lô (ZIP) hoặc bị hỏng"),
    Problem.WRONG_PARTS: QT_TRANSLATE_NOOP("batch", "tệp lô không có đúng ba phần manifest.json, manifest.sig, payload.age"),
    Problem.MANIFEST_MALFORMED: QT_TRANSLATE_NOOP("batch", "phần mô tả (manifest.json) không đọc được"),
    Problem.WRONG_FORMAT: QT_TRANSLATE_NOOP("batch", "định dạng lô không được hỗ trợ"),
    Problem.NAME_MISMATCH: QT_TRANSLATE_NOOP("batch", "tên tệp không khớp mã trạm và số thứ tự trong lô"),
    Problem.WRONG_STATION_KEY: QT_TRANSLATE_NOOP("batch", "lô được ký bằng khoá khác với khoá đã đăng ký của trạm"),
    Problem.BAD_SIGNATURE: QT_TRANSLATE_NOOP("batch", "chữ ký không hợp lệ: phần mô tả đã bị sửa hoặc không do trạm ký"),
    Problem.PAYLOAD_HASH_MISMATCH: QT_TRANSLATE_NOOP("batch", "dữ liệu mã hoá (payload.age) đã bị thay đổi"),
    Problem.CHAIN_BROKEN: QT_TRANSLATE_NOOP("batch", "lô không nối tiếp lô trước của trạm (mã băm lô trước không khớp)"),
    Problem.NOT_FOR_THIS_OFFICE: QT_TRANSLATE_NOOP("batch", "không giải mã được bằng khoá của đơn vị nhận"),
    Problem.PAYLOAD_CORRUPT: QT_TRANSLATE_NOOP("batch", "dữ liệu sau khi giải mã bị hỏng"),
    Problem.MEMBER_TOO_LARGE: QT_TRANSLATE_NOOP("batch", "một phần của tệp lô lớn hơn giới hạn (tệp có thể là bom nén)"),
    Problem.UNSUPPORTED_COMPRESSION: QT_TRANSLATE_NOOP("batch", "tệp lô dùng kiểu nén không được hỗ trợ hoặc có mật khẩu"),
    Problem.PAYLOAD_TOO_LARGE: QT_TRANSLATE_NOOP("batch", "dữ liệu sau khi giải nén lớn hơn giới hạn của đơn vị nhận"),
    Problem.FILE_TOO_LARGE: QT_TRANSLATE_NOOP("batch", "tệp lớn hơn 256 MiB, không thể là một tệp lô"),
}


class BatchInvalidError(StationError):
    """A batch failed a check; ``problem`` says which (a ``Problem`` value)."""

    template = QT_TRANSLATE_NOOP("errors", "Tệp lô {file} không hợp lệ: {reason}. Không có dữ liệu nào của lô được dùng.")

    def __init__(self, problem: Problem, file: str = "") -> None:
        self.problem = problem
        super().__init__(file=file, reason=PROBLEM_TEXT[problem])


class OfficeBundleInvalidError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Tệp khoá của đơn vị nhận không dùng được: {reason}. Hãy xin lại tệp (office-bundle.json) "
                  "từ đơn vị nhận dữ liệu rồi nhập lại.")


class OfficeBundleMissingError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chưa có khoá của đơn vị nhận dữ liệu nên chưa thể xuất. Hãy nhập tệp khoá (office-bundle.json) "
                  "do đơn vị nhận gửi (lệnh 'station-app export --office-bundle TỆP').")


class ExportFolderNotWritableError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Không ghi được vào thư mục {path}. Hãy kiểm tra USB đã cắm chắc và không bị khoá ghi, "
                  "hoặc chọn thư mục khác. Chưa có lô nào được ghi nhận là đã xuất.")


class ExportDiskFullError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Ổ đĩa {path} đã đầy. Hãy xoá bớt tệp hoặc dùng USB khác rồi xuất lại. "
                  "Chưa có lô nào được ghi nhận là đã xuất.")


class ExportInProgressError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Đang có một lần xuất dữ liệu khác trên máy này (ở cửa sổ ứng dụng hoặc dòng lệnh). "
                  "Hãy chờ nó xong rồi xuất lại.")


class StoredBatchDamagedError(StationError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Bản lưu của lô {file} trong máy bị hỏng (mã băm không khớp) nên không ghi lại được. "
                  "Hãy báo cán bộ CNTT.")


# -- names and hashes ------------------------------------------------------------------------------------------

def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key_id(public_key_der: bytes) -> str:
    """The station key's fingerprint: SHA-256 hex of its DER (SubjectPublicKeyInfo) encoding."""
    return sha256_hex(public_key_der)


def batch_file_name(station_code: str, sequence: int) -> str:
    return f"{station_code}-{sequence:06d}{SUFFIX}"


def parse_batch_file_name(name: str) -> tuple[str, int] | None:
    """(station code, sequence) of a batch file name, or None if the name is not one."""
    found = _FILE_NAME.match(name)
    return (found["code"], int(found["seq"])) if found else None


def utc_iso(moment: dt.datetime) -> str:
    """UTC, ISO 8601 with a ``Z``, to the second (naive datetimes are taken as UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


# -- the manifest ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StationRef:
    code: str
    name: str
    key_id: str


@dataclass(frozen=True)
class SiteRef:
    name: str
    commune_code: str


@dataclass(frozen=True)
class Covers:
    """The change-log sequence numbers of the first and last change in the batch."""

    first: int
    last: int


@dataclass(frozen=True)
class FileEntry:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    station: StationRef
    site: SiteRef
    campaign: str
    sequence: int
    previous: str | None
    created_at: str
    covers: Covers
    counts: dict[str, int]
    files: tuple[FileEntry, ...]
    recipients: tuple[str, ...]
    format: str = FORMAT
    audit: AuditAnchor | None = None  # the station's audit head when the batch was made (None: an older station)

    def to_bytes(self) -> bytes:
        """The manifest's bytes: UTF-8 JSON, keys sorted, two-space indent, one final newline.

        The signature covers these exact bytes; the office never re-serialises, it hashes what it received.
        """
        data = asdict(self)
        data["files"], data["recipients"] = list(data["files"]), list(data["recipients"])
        if data["audit"] is None:
            del data["audit"]  # a manifest without an anchor has the bytes it always had
        return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")

    def file(self, name: str) -> FileEntry | None:
        return next((f for f in self.files if f.name == name), None)

    @property
    def file_name(self) -> str:
        return batch_file_name(self.station.code, self.sequence)


def parse_manifest(data: bytes) -> Manifest:
    """The manifest from its bytes; ``BatchInvalidError`` (malformed or wrong format) otherwise."""
    try:
        raw = bounded_loads(data.decode("utf-8"), MANIFEST_LIMITS)
        manifest = Manifest(
            station=StationRef(str(raw["station"]["code"]), str(raw["station"]["name"]), str(raw["station"]["key_id"])),
            site=SiteRef(str(raw["site"]["name"]), str(raw["site"]["commune_code"])),
            campaign=str(raw["campaign"]), sequence=_int(raw["sequence"]),
            previous=None if raw["previous"] is None else str(raw["previous"]), created_at=str(raw["created_at"]),
            covers=Covers(_int(raw["covers"]["first"]), _int(raw["covers"]["last"])),
            counts={str(k): _int(v) for k, v in raw["counts"].items()},
            files=tuple(FileEntry(str(f["name"]), str(f["sha256"]), _int(f["size"])) for f in raw["files"]),
            recipients=tuple(str(r) for r in raw["recipients"]), format=str(raw["format"]),
            audit=_anchor(raw.get("audit")))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BatchInvalidError(Problem.MANIFEST_MALFORMED) from exc
    if manifest.format != FORMAT:
        raise BatchInvalidError(Problem.WRONG_FORMAT)
    return manifest


def _anchor(raw: object) -> AuditAnchor | None:
    """The audit head a manifest carries: a sequence number and a SHA-256 hex, or nothing."""
    if raw is None:
        return None
    seq, digest = raw["seq"], raw["hash"]  # type: ignore[index]
    if _int(seq) < 0 or not (isinstance(digest, str) and re.fullmatch(r"[0-9a-f]{64}", digest)):
        raise ValueError("not an audit anchor")
    return AuditAnchor(seq, digest)


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


def check_parts(names: list[str]) -> None:
    """Exactly the three parts, each once."""
    if sorted(names) != sorted(PARTS):
        raise BatchInvalidError(Problem.WRONG_PARTS)


def member_limit(name: str, archive_size: int) -> int:
    """The most bytes a part may hold once unpacked: the manifest is small, the signature 64 bytes, and the payload
    (age ciphertext, which does not compress) never more than the archive that carries it."""
    return {MANIFEST: MANIFEST_LIMITS.max_bytes, SIGNATURE: SIGNATURE_BYTES}.get(name, archive_size)


def check_member(name: str, method: int, flags: int, declared_size: int, archive_size: int) -> None:
    """A part is read only when its header says it is stored or deflated, not encrypted, and within its limit.

    The header's size is checked before reading and the reading is capped too: neither alone is trusted."""
    if method not in (STORED, DEFLATED) or flags & 0x1:
        raise BatchInvalidError(Problem.UNSUPPORTED_COMPRESSION)
    if declared_size > member_limit(name, archive_size):
        raise BatchInvalidError(Problem.MEMBER_TOO_LARGE)


def check_payload(manifest: Manifest, payload: bytes) -> None:
    """The payload's SHA-256 and size are the ones the (signed) manifest lists."""
    entry = manifest.file(PAYLOAD)
    if entry is None or entry.sha256 != sha256_hex(payload) or entry.size != len(payload):
        raise BatchInvalidError(Problem.PAYLOAD_HASH_MISMATCH)


def check_name(manifest: Manifest, file_name: str | None) -> None:
    """A batch renamed on the way (another station's code, another number) is refused."""
    if file_name is not None and file_name != manifest.file_name:
        raise BatchInvalidError(Problem.NAME_MISMATCH)


def check_chain(manifest: Manifest, previous_manifest_sha256: str | None) -> None:
    """``previous`` names the SHA-256 of the batch before (None for the first batch)."""
    if manifest.previous != previous_manifest_sha256:
        raise BatchInvalidError(Problem.CHAIN_BROKEN)


# -- the office's public bundle --------------------------------------------------------------------------------

@dataclass(frozen=True)
class OfficeBundle:
    """What a station needs from the office: where to encrypt to and which key signs the receipts."""

    name: str
    age_recipient: str
    receipt_public_key: str  # raw Ed25519 public key, base64 (32 bytes)
    escrow_recipient: str | None = None
    format: str = OFFICE_BUNDLE_FORMAT
    # where stations with a network upload their batches (http:// or https://), and for https the SHA-256 (hex)
    # of the office certificate's DER bytes, which stations pin: offices have no certificate from a public CA
    upload_url: str | None = None
    tls_sha256: str | None = None
    extra: dict = field(default_factory=dict, compare=False)

    def to_bytes(self) -> bytes:
        data = {k: v for k, v in asdict(self).items() if k != "extra" and v is not None}
        return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")

    @property
    def recipients(self) -> tuple[str, ...]:
        return (self.age_recipient,) + ((self.escrow_recipient,) if self.escrow_recipient else ())


_BUNDLE_REASONS = {
    "json": QT_TRANSLATE_NOOP("batch", "tệp không phải JSON (có thể đã chọn nhầm tệp)"),
    "format": QT_TRANSLATE_NOOP("batch", "không phải tệp khoá của đơn vị nhận (thiếu dòng format: office-bundle/1)"),
    "name": QT_TRANSLATE_NOOP("batch", "thiếu tên đơn vị nhận"),
    "age_recipient": QT_TRANSLATE_NOOP("batch", "khoá mã hoá (age_recipient) sai: phải bắt đầu bằng age1"),
    "escrow_recipient": QT_TRANSLATE_NOOP("batch", "khoá mã hoá dự phòng (escrow_recipient) sai: phải bắt đầu bằng age1"),
    "receipt_public_key": QT_TRANSLATE_NOOP("batch", "khoá kiểm tra biên nhận (receipt_public_key) sai: phải là 32 byte base64"),
    "upload_url": QT_TRANSLATE_NOOP("batch", "địa chỉ nhận lô qua mạng (upload_url) sai: phải bắt đầu bằng http:// hoặc https://"),
    "tls_sha256": QT_TRANSLATE_NOOP("batch", "dấu vân tay chứng chỉ (tls_sha256) sai: phải là 64 chữ số hex"),
}


def parse_office_bundle(data: bytes) -> OfficeBundle:
    """The office's public bundle from its JSON; ``OfficeBundleInvalidError`` saying what is wrong otherwise."""
    try:
        raw = bounded_loads(data.decode("utf-8-sig"), OFFICE_BUNDLE_LIMITS)
    except (UnicodeDecodeError, ValueError):  # UntrustedJsonError (too large, too deep) is a ValueError too
        raw = None
    if not isinstance(raw, dict):
        raise _bundle_error("json")
    if raw.get("format") != OFFICE_BUNDLE_FORMAT:
        raise _bundle_error("format")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _bundle_error("name")
    for key in ("age_recipient", "escrow_recipient"):
        value = raw.get(key)
        if (value is not None or key == "age_recipient") and not (isinstance(value, str) and _AGE_RECIPIENT.match(value)):
            raise _bundle_error(key)
    if receipt_key_bytes(raw.get("receipt_public_key")) is None:
        raise _bundle_error("receipt_public_key")
    url = raw.get("upload_url")
    if url is not None and not (isinstance(url, str) and re.match(r"https?://[^\s/]+", url)):
        raise _bundle_error("upload_url")
    pin = raw.get("tls_sha256")
    if pin is not None and not (isinstance(pin, str) and re.fullmatch(r"[0-9a-fA-F]{64}", pin)):
        raise _bundle_error("tls_sha256")
    known = {"format", "name", "age_recipient", "escrow_recipient", "receipt_public_key", "upload_url", "tls_sha256"}
    return OfficeBundle(name.strip(), raw["age_recipient"], raw["receipt_public_key"], raw.get("escrow_recipient"),
                        upload_url=url.rstrip("/") if url else None, tls_sha256=pin.lower() if pin else None,
                        extra={k: v for k, v in raw.items() if k not in known})


def receipt_key_bytes(value: object) -> bytes | None:
    """The 32 raw bytes of a base64 Ed25519 public key, or None."""
    if not isinstance(value, str):
        return None
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == 32 else None


def _bundle_error(key: str) -> OfficeBundleInvalidError:
    return OfficeBundleInvalidError(reason=_BUNDLE_REASONS[key])
