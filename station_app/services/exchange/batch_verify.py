"""Reading and checking a batch file: the station checks what it wrote, the office what it receives.

Order of the checks, each refusing with its own ``Problem``: the ZIP and its three parts; the signature over the
manifest's exact bytes with the station's registered key (a batch claiming another key is ``WRONG_STATION_KEY``);
the manifest's shape; the file name; the payload's SHA-256 and size; the chain (when the caller knows the hash
of the batch before). Decryption (``decrypt_payload``) needs the office's age identity and comes last.
"""
from __future__ import annotations

import gzip
import io
import orjson
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from station_app.core.batch_format import (MANIFEST, MAX_BATCH_BYTES, PARTS, PAYLOAD, SIGNATURE, SIGNATURE_BYTES,
                                           BatchInvalidError, Manifest, Problem, check_chain, check_member, check_name, check_parts,
                                           check_payload, member_limit, parse_manifest, sha256_hex)
from station_app.core.bounded_json import JsonLimits
from station_app.core.bounded_json import loads as bounded_loads
from station_app.services.common.files import FileTooLargeError, read_regular_file
from station_app.services.exchange.keys import load_public_pem, public_key_id, verify_signature

UNCHECKED = object()  # ``previous`` not known to the caller: the chain is not checked
# the FHIR Bundle once gunzipped: a station's whole campaign (19,757 visits) is 193 MB of JSON, 10.5 million values,
# nested 9 deep (docs/batch-format.md, "Limits")
BUNDLE_LIMITS = JsonLimits(max_bytes=512 * 2**20, max_depth=32, max_items=32_000_000)
_EOCD = b"PK\x05\x06"  # the ZIP's end of central directory record: 22 bytes and a comment of up to 65,535
_MAX_DIRECTORY = 4096  # three entries of 46 bytes, their names and any extra fields another zip tool adds


@dataclass(frozen=True)
class BatchParts:
    """The three parts of a batch as read, not yet trusted."""

    manifest_bytes: bytes
    signature: bytes
    payload: bytes
    file_name: str | None = None

    @property
    def manifest_sha256(self) -> str:
        """What the next batch's ``previous`` must be, and what a receipt names."""
        return sha256_hex(self.manifest_bytes)

    def claimed_manifest(self) -> Manifest:
        """The manifest before any check (to find the station's key); never trust it unverified."""
        return parse_manifest(self.manifest_bytes)


def read_batch(source: Path | bytes, file_name: str | None = None) -> BatchParts:
    """The parts of a batch file (or its bytes); ``NOT_A_ZIP`` or ``WRONG_PARTS`` otherwise."""
    if isinstance(source, Path):
        file_name = file_name or source.name
        try:  # a huge file is not read at all, a FIFO or device named like a batch is never read (OSError)
            source = read_regular_file(source, MAX_BATCH_BYTES)
        except FileTooLargeError:
            raise BatchInvalidError(Problem.FILE_TOO_LARGE, file_name) from None
    if len(source) > MAX_BATCH_BYTES:
        raise BatchInvalidError(Problem.FILE_TOO_LARGE, file_name or "")
    try:
        _check_entry_count(source)
        with zipfile.ZipFile(io.BytesIO(source)) as archive:
            check_parts(archive.namelist())
            parts = {info.filename: _read_member(archive, info, len(source)) for info in archive.infolist()}
    except BatchInvalidError as exc:
        raise BatchInvalidError(exc.problem, file_name or "") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError,
            RuntimeError) as exc:  # a damaged header can claim an unknown compression or a password
        raise BatchInvalidError(Problem.NOT_A_ZIP, file_name or "") from exc
    return BatchParts(parts[MANIFEST], parts[SIGNATURE], parts[PAYLOAD], file_name)


def _check_entry_count(source: bytes) -> None:
    """Three entries in a small directory, as the end record says, before ``zipfile`` builds an object for each
    entry it finds: a small upload can list a million (``zipfile`` reads the directory by its size, so both count;
    a ZIP64 end record, 0xFFFF, is never one of ours)."""
    end = source.rfind(_EOCD, max(0, len(source) - 22 - 65_535))
    if end < 0 or end + 22 > len(source):
        raise BatchInvalidError(Problem.NOT_A_ZIP)
    on_disk, total, directory_size = struct.unpack_from("<HHI", source, end + 8)
    if max(on_disk, total) > len(PARTS) or directory_size > _MAX_DIRECTORY:
        raise BatchInvalidError(Problem.WRONG_PARTS)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, archive_size: int) -> bytes:
    """One part, checked from its header first, then read with a cap (a header can lie about the size)."""
    check_member(info.filename, info.compress_type, info.flag_bits, info.file_size, archive_size)
    limit = member_limit(info.filename, archive_size)
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise BatchInvalidError(Problem.MEMBER_TOO_LARGE)
    return data


def verify_batch(parts: BatchParts, station_key: Ed25519PublicKey | str | bytes,
                 *, previous: object = UNCHECKED) -> Manifest:
    """The manifest, once signature, shape, name, payload hash and (if ``previous`` is given) chain all hold.

    ``previous`` is the SHA-256 hex of the station's batch ``sequence - 1`` manifest, or None for sequence 1.
    """
    key = station_key if isinstance(station_key, Ed25519PublicKey) else load_public_pem(station_key)
    name = parts.file_name or ""
    try:
        if len(parts.signature) != SIGNATURE_BYTES or not verify_signature(key, parts.signature,
                                                                           data=parts.manifest_bytes):
            raise BatchInvalidError(_signature_problem(parts, key), name)
        manifest = parse_manifest(parts.manifest_bytes)
        if manifest.station.key_id != public_key_id(key):
            raise BatchInvalidError(Problem.WRONG_STATION_KEY, name)
        check_name(manifest, parts.file_name)
        check_payload(manifest, parts.payload)
        if previous is not UNCHECKED:
            check_chain(manifest, previous)  # type: ignore[arg-type]
    except BatchInvalidError as exc:
        if not exc.data.get("file"):
            raise BatchInvalidError(exc.problem, name) from exc
        raise
    return manifest


def _signature_problem(parts: BatchParts, key: Ed25519PublicKey) -> Problem:
    """A manifest that names another key was signed by another station (or a new key): say so."""
    try:
        claimed = parts.claimed_manifest()
    except BatchInvalidError:
        return Problem.BAD_SIGNATURE
    return Problem.WRONG_STATION_KEY if claimed.station.key_id != public_key_id(key) else Problem.BAD_SIGNATURE


def decrypt_payload(parts: BatchParts, identities: list[str]) -> dict:
    """The FHIR Bundle inside, decrypted with one of the office's age identities (``AGE-SECRET-KEY-1…``)."""
    from pyrage import DecryptError, IdentityError, decrypt, x25519

    name = parts.file_name or ""
    try:
        keys = [x25519.Identity.from_str(i.strip()) for i in identities]
        compressed = decrypt(parts.payload, keys)
    except (DecryptError, IdentityError) as exc:
        raise BatchInvalidError(Problem.NOT_FOR_THIS_OFFICE, name) from exc
    try:
        data = _gunzip(compressed, name)
        # orjson: ~4x faster than json on 15 MB, checks UTF-8; the shape is checked first (depth, values)
        bundle = bounded_loads(data, BUNDLE_LIMITS, orjson.loads)
    except (OSError, EOFError, ValueError, zlib.error) as exc:  # orjson's and bounded_json's errors: ValueErrors
        raise BatchInvalidError(Problem.PAYLOAD_CORRUPT, name) from exc
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise BatchInvalidError(Problem.PAYLOAD_CORRUPT, name)
    return bundle


def _gunzip(compressed: bytes, name: str) -> bytes:
    """The gzip's content, read up to a limit: a few KB that inflate to gigabytes cost that limit, no more.

    The Bundle's JSON gzips about 21 to 1; the limit is 64 times what came, at least 16 MiB, at most
    ``BUNDLE_LIMITS.max_bytes``: a 64 MiB upload can cost 512 MiB, a 100 KB one 16 MiB."""
    limit = min(BUNDLE_LIMITS.max_bytes, max(16 * 2**20, 64 * len(compressed)))
    with gzip.GzipFile(fileobj=io.BytesIO(compressed)) as unpacked:
        data = unpacked.read(limit + 1)
    if len(data) > limit:
        raise BatchInvalidError(Problem.PAYLOAD_TOO_LARGE, name)
    return data
