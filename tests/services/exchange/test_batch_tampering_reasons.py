"""What each kind of tampering with a batch is reported as, region by region (docs/batch-format.md, "What each
tampering is reported as"): the office and the station's own read-back name the same reason."""
import io
import struct
import zipfile
from collections import Counter

import pytest

from station_app.core.batch_format import BatchInvalidError, Problem
from station_app.services.exchange.batch_verify import decrypt_payload, read_batch, verify_batch
from station_app.services.exchange.keys import StationKeys
from support.batch import open_visit
from support.office import export, flip, parts_of, rewrite


def regions(content: bytes) -> dict[str, list[int]]:
    """Byte ranges of a batch file: each part's data, the local headers, the central directory and end record."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        found = {"local headers": [], "zip directory": list(range(archive.start_dir, len(content)))}
        for info in archive.infolist():
            name_len, extra_len = struct.unpack_from("<HH", content, info.header_offset + 26)
            start = info.header_offset + 30 + name_len + extra_len
            found["local headers"] += range(info.header_offset, start)
            found[info.filename] = list(range(start, start + info.compress_size))
    return found


def reason(content: bytes, name: str, pem: str, identity: str) -> str | None:
    """The reason the office would give, or None when the flip changed nothing the checks read."""
    try:
        parts = read_batch(content, name)
        verify_batch(parts, pem)
        decrypt_payload(parts, [identity])
    except BatchInvalidError as exc:
        return exc.problem.value
    return None


# every byte of each region flipped in place (damage on the stick: the ZIP's CRC-32 is left as it was)
IN_PLACE = {
    "manifest.json": {"not_a_zip"},
    "manifest.sig": {"not_a_zip"},
    "payload.age": {"not_a_zip"},
    "local headers": {"not_a_zip", None},
    "zip directory": {"not_a_zip", "wrong_parts", "unsupported_compression", "member_too_large", None},
}


@pytest.fixture
def batch(station, nurse, data_dir, tmp_path):
    open_visit(station, nurse)
    return export(station, data_dir, tmp_path / "usb")


@pytest.fixture
def keys(data_dir, office):
    return StationKeys(data_dir).public_key().pem, (office.folder / "keys/office-age.key").read_text().strip()


def test_a_byte_flipped_in_place_is_reported_as_documented_in_each_region(batch, keys):
    content = batch.read_bytes()
    original = parts_of(batch)
    for region, where in regions(content).items():
        seen = Counter(reason(flip(content, at), batch.name, *keys) for at in where)
        assert set(seen) <= IN_PLACE[region], (region, seen)
        assert seen["not_a_zip"] > 0, region  # every region has bytes whose change is caught
    for at in regions(content)["local headers"] + regions(content)["zip directory"]:
        damaged = flip(content, at)
        if reason(damaged, batch.name, *keys) is None:  # a time stamp, an attribute: the parts read the same
            parts = read_batch(damaged, batch.name)
            assert {"manifest.json": parts.manifest_bytes, "manifest.sig": parts.signature,
                    "payload.age": parts.payload} == original


@pytest.mark.parametrize("part, expected", [("manifest.json", Problem.BAD_SIGNATURE),
                                            ("manifest.sig", Problem.BAD_SIGNATURE),
                                            ("payload.age", Problem.PAYLOAD_HASH_MISMATCH)])
def test_a_part_changed_and_zipped_again_with_right_crcs_is_reported_by_the_part(batch, keys, tmp_path, part,
                                                                                expected):
    data = parts_of(batch)[part]
    for at in (0, len(data) // 2, len(data) - 1):
        changed = rewrite(batch, tmp_path / "rezipped" / batch.name, **{part.replace(".", "_"): flip(data, at)})
        assert reason(changed.read_bytes(), batch.name, *keys) == expected.value


def test_the_office_quarantines_each_tampering_under_the_reason_the_docs_give(batch, office, tmp_path):
    content = batch.read_bytes()
    where = regions(content)
    payload = parts_of(batch)["payload.age"]
    cases = {"in place, payload": flip(content, where["payload.age"][10]),
             "in place, manifest": flip(content, where["manifest.json"][10]),
             "rezipped, payload": rewrite(batch, tmp_path / "r" / batch.name,
                                          payload_age=flip(payload, 10)).read_bytes()}
    expected = {"in place, payload": "not_a_zip", "in place, manifest": "not_a_zip",
                "rezipped, payload": "payload_hash_mismatch"}
    for case, damaged in cases.items():
        usb = tmp_path / case
        usb.mkdir()
        (usb / batch.name).write_bytes(damaged)
        [outcome] = office.service.import_paths([usb]).outcomes
        assert (outcome.status, outcome.reason) == ("quarantined", expected[case]), case
