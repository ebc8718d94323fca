"""Bounded unpacking: a small batch file whose parts inflate to gigabytes, a directory of a million entries, a
gzip bomb inside a correctly signed payload, JSON nested thousands deep: each is refused with its reason after a
bounded amount of memory, and a genuine batch zipped again by another tool (deflated) still reads."""
import gzip
import json
import struct
import tracemalloc
import zipfile
import zlib

import pytest
from pyrage import encrypt, x25519

from station_app.core.batch_format import (BatchInvalidError, OfficeBundleInvalidError, Problem, parse_manifest,
                                           parse_office_bundle, sha256_hex)
from station_app.services.exchange.batch_export import ExportService
from station_app.services.exchange.batch_verify import decrypt_payload, read_batch, verify_batch
from station_app.services.exchange.keys import StationKeys
from support.batch import office_keys, open_visit
from support.office import parts_of

MiB = 2**20


@pytest.fixture
def office(ctx, data_dir, tmp_path):
    keys = office_keys(tmp_path / "office")
    StationKeys(data_dir).import_office_bundle(keys.bundle_path)
    return keys


@pytest.fixture
def batch(ctx, nurse, office, data_dir, tmp_path):
    open_visit(ctx, nurse)
    target = tmp_path / "usb"
    target.mkdir()
    return ExportService(ctx.db, data_dir).export(None, target).path


def station_pem(data_dir):
    return StationKeys(data_dir).public_key().pem


def zeros_deflated(size_mib: int) -> bytes:
    """A raw deflate stream of ``size_mib`` MiB of zeros in about 1 KB a MiB, made in milliseconds: one MiB
    compressed and fully flushed (byte-aligned, no history) decodes alone, so it can be repeated."""
    one = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = one.compress(bytes(MiB)) + one.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15)
    return chunk * size_mib + end.compress(b"") + end.flush()


def raw_zip(members: list[tuple[str, int, bytes, int, int]], count: int | None = None) -> bytes:
    """A ZIP written field by field: (name, method, stored bytes, CRC, declared size) per member."""
    out, directory = bytearray(), bytearray()
    for name, method, data, crc, size in members:
        encoded = name.encode()
        directory += struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc, len(data), size,
                                 len(encoded), 0, 0, 0, 0, 0, len(out)) + encoded
        out += struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, method, 0, 0, crc, len(data), size, len(encoded),
                           0) + encoded + data
    n = len(members) if count is None else count
    return bytes(out + directory + struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, n, n, len(directory), len(out), 0))


def peak_while(action) -> tuple[BaseException | None, int]:
    """What ``action`` raised, and the most memory it held at once (Python allocations, zlib's output included)."""
    tracemalloc.start()
    try:
        action()
        raised = None
    except BaseException as exc:  # noqa: BLE001 - the test looks at it
        raised = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return raised, peak


def test_a_part_that_inflates_to_a_gigabyte_is_refused_from_its_header_without_inflating_it(batch):
    parts = parts_of(batch)
    bomb = zeros_deflated(1024)  # 1 GiB of zeros in 1 MB
    source = raw_zip([("manifest.json", 0, parts["manifest.json"], zlib.crc32(parts["manifest.json"]),
                       len(parts["manifest.json"])),
                      ("manifest.sig", 0, parts["manifest.sig"], zlib.crc32(parts["manifest.sig"]), 64),
                      ("payload.age", 8, bomb, 0, 1024 * MiB)])
    assert len(source) < 2 * MiB
    raised, peak = peak_while(lambda: read_batch(source, batch.name))
    assert isinstance(raised, BatchInvalidError) and raised.problem == Problem.MEMBER_TOO_LARGE
    assert "lớn hơn giới hạn" in str(raised) and batch.name in str(raised)
    assert peak < 8 * MiB


def test_a_header_that_understates_the_size_never_gets_more_than_it_declared(batch):
    parts = parts_of(batch)
    source = raw_zip([("manifest.json", 8, zeros_deflated(4096), 0, 1000),  # 4 GiB behind a 1,000-byte header
                      ("manifest.sig", 0, parts["manifest.sig"], zlib.crc32(parts["manifest.sig"]), 64),
                      ("payload.age", 0, parts["payload.age"], zlib.crc32(parts["payload.age"]),
                       len(parts["payload.age"]))])
    raised, peak = peak_while(lambda: read_batch(source, batch.name))
    assert isinstance(raised, BatchInvalidError) and raised.problem == Problem.NOT_A_ZIP  # its CRC does not match
    assert peak < 16 * MiB


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_a_compression_the_writer_never_uses_is_refused(batch, tmp_path, method):
    again = tmp_path / "again" / batch.name
    again.parent.mkdir()
    with zipfile.ZipFile(again, "w", method) as archive:
        for name, data in parts_of(batch).items():
            archive.writestr(name, data)
    with pytest.raises(BatchInvalidError) as info:
        read_batch(again)
    assert info.value.problem == Problem.UNSUPPORTED_COMPRESSION


def test_a_genuine_batch_zipped_again_with_deflate_still_reads_checks_and_decrypts(batch, tmp_path, data_dir, office):
    again = tmp_path / "again" / batch.name
    again.parent.mkdir()
    with zipfile.ZipFile(again, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts_of(batch).items():
            archive.writestr(name, data)
    parts = read_batch(again)
    assert verify_batch(parts, station_pem(data_dir), previous=None).sequence == 1
    assert decrypt_payload(parts, [office.identity])["resourceType"] == "Bundle"


def test_the_batch_writer_stores_its_parts_uncompressed(batch):
    with zipfile.ZipFile(batch) as archive:
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}


def test_a_directory_of_sixty_thousand_entries_is_refused_before_it_is_parsed(batch):
    many = [(f"{i}", 0, b"", 0, 0) for i in range(60_000)]
    for source in (raw_zip(many), raw_zip(many, count=3)):  # the end record's count told the truth, or lied
        raised, peak = peak_while(lambda: read_batch(source, batch.name))  # noqa: B023 - called at once
        assert isinstance(raised, BatchInvalidError) and raised.problem == Problem.WRONG_PARTS
        assert peak < 2 * MiB


def signed_with_payload(batch, data_dir, plain: bytes, recipients: list[str]) -> bytes:
    """The batch made again around another payload (``plain``: the gzip that is encrypted), signed by the
    station as a station whose key was stolen would."""
    manifest = json.loads(parts_of(batch)["manifest.json"])
    payload = encrypt(plain, [x25519.Recipient.from_str(r) for r in recipients])
    manifest["files"] = [{"name": "payload.age", "sha256": sha256_hex(payload), "size": len(payload)}]
    raw = (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
    from station_app.services.exchange.batch_export import zip_parts

    return zip_parts(raw, StationKeys(data_dir).private_key().sign(raw), payload=payload)


def test_a_gzip_bomb_inside_a_signed_payload_is_refused_after_a_bounded_amount_of_memory(batch, data_dir, office):
    gz = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + zeros_deflated(1024) + b"\x00" * 8  # 1 GiB of zeros
    source = signed_with_payload(batch, data_dir, gz, [office.recipient])
    parts = read_batch(source, batch.name)
    verify_batch(parts, station_pem(data_dir), previous=None)  # a station's own signature: it gets this far
    raised, peak = peak_while(lambda: decrypt_payload(parts, [office.identity]))
    assert isinstance(raised, BatchInvalidError) and raised.problem == Problem.PAYLOAD_TOO_LARGE
    assert peak < 200 * MiB  # 64 times the 1 MB that came, not the gigabyte it claims


def test_a_signed_payload_nested_thousands_deep_is_refused_as_corrupt(batch, data_dir, office):
    deep = b'{"resourceType": "Bundle", "type": "collection", "entry": [], "x": ' + b"[" * 500 + b"]" * 500 + b"}"
    source = signed_with_payload(batch, data_dir, gzip.compress(deep), [office.recipient])
    parts = read_batch(source, batch.name)
    with pytest.raises(BatchInvalidError) as info:
        decrypt_payload(parts, [office.identity])
    assert info.value.problem == Problem.PAYLOAD_CORRUPT


def test_a_manifest_nested_deep_is_malformed_and_its_signature_bad_never_a_crash(batch, data_dir):
    deep = b'{"station": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(BatchInvalidError) as info:
        parse_manifest(deep)
    assert info.value.problem == Problem.MANIFEST_MALFORMED
    parts = read_batch(raw_zip([(n, 0, d, zlib.crc32(d), len(d)) for n, d in
                                {**parts_of(batch), "manifest.json": deep[:60_000]}.items()]), batch.name)
    with pytest.raises(BatchInvalidError) as info:
        verify_batch(parts, station_pem(data_dir))
    assert info.value.problem == Problem.BAD_SIGNATURE


def test_an_office_bundle_nested_deep_or_too_large_is_refused_with_a_message():
    for data in (b'{"format": "office-bundle/1", "x": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
                 b'{"format": "office-bundle/1", "name": "' + b"x" * 100_000 + b'"}'):
        with pytest.raises(OfficeBundleInvalidError) as info:
            parse_office_bundle(data)
        assert "không phải JSON" in str(info.value)


def test_a_huge_file_named_like_a_batch_is_refused_without_reading_it_all(tmp_path):
    huge = tmp_path / "TYT-MK-000001.batch"
    with open(huge, "wb") as fh:  # 600 MB on a stick that takes no room here (a sparse file)
        fh.truncate(600 * MiB)
    raised, peak = peak_while(lambda: read_batch(huge))
    assert isinstance(raised, BatchInvalidError) and raised.problem == Problem.FILE_TOO_LARGE
    assert huge.name in str(raised)
    assert peak < 8 * MiB


def test_a_fifo_or_a_device_named_like_a_batch_is_refused_unread_and_the_folder_import_goes_on(tmp_path):
    """A hostile stick (ext4) holding a FIFO or a link to /dev/zero under a batch's name: reading the FIFO blocked
    the office import for good, /dev/zero filled 256 MiB of memory before the size cap refused it."""
    import os

    fifo, zero = tmp_path / "TYT-MK-000001.batch", tmp_path / "TYT-MK-000002.batch"
    os.mkfifo(fifo)
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        raised, peak = peak_while(lambda p=path: read_batch(p))
        assert isinstance(raised, OSError) and "regular" in str(raised)
        assert peak < 8 * MiB
