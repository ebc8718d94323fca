"""The batch contract without keys or files: names, the manifest's exact bytes, and the checks on them."""
import pytest

from station_app.core.batch_format import (FORMAT, BatchInvalidError, Covers, FileEntry, Manifest, Problem, SiteRef,
                                           StationRef, batch_file_name, check_chain, check_name, check_parts,
                                           check_payload, parse_batch_file_name, parse_manifest, sha256_hex)


def manifest(**overrides):
    payload = b"encrypted bytes"
    values = dict(station=StationRef("TYT-MK", "Trạm Y tế xã Mường Kim", "ab" * 32),
                  site=SiteRef("Bản Nà Khương", "03637"), campaign="Khám sức khỏe định kỳ 2026", sequence=7,
                  previous="cd" * 32, created_at="2026-06-01T10:00:00Z", covers=Covers(41, 90),
                  counts={"residents": 3, "visits": 3}, files=(FileEntry("payload.age", sha256_hex(payload), 15),),
                  recipients=("age1abc",))
    values.update(overrides)
    return Manifest(**values)


def test_a_batch_is_named_by_station_code_and_six_digit_sequence():
    assert batch_file_name("TYT-MK", 7) == "TYT-MK-000007.batch"
    assert parse_batch_file_name("TYT-MK-000007.batch") == ("TYT-MK", 7)
    assert parse_batch_file_name("TYT-MK-7.batch") is None
    assert parse_batch_file_name("TYT-MK-000007.zip") is None


def test_the_manifest_reads_back_from_its_bytes_and_the_bytes_are_stable():
    m = manifest()
    data = m.to_bytes()
    assert parse_manifest(data) == m
    assert parse_manifest(data).to_bytes() == data
    assert data.endswith(b"}\n") and b'"format": "station-batch/1"' in data and FORMAT == "station-batch/1"
    assert "Trạm Y tế".encode() in data  # UTF-8, not \\u escapes


@pytest.mark.parametrize("data, problem", [
    (b"\xff\xfe", Problem.MANIFEST_MALFORMED),
    (b"{}", Problem.MANIFEST_MALFORMED),
    (manifest(sequence="7").to_bytes(), Problem.MANIFEST_MALFORMED),
    (manifest(format="station-batch/2").to_bytes(), Problem.WRONG_FORMAT),
])
def test_a_manifest_that_cannot_be_read_is_refused(data, problem):
    with pytest.raises(BatchInvalidError) as info:
        parse_manifest(data)
    assert info.value.problem == problem


def test_the_checks_name_their_reason():
    m = manifest()
    check_payload(m, b"encrypted bytes")
    check_chain(m, "cd" * 32)
    check_name(m, "TYT-MK-000007.batch")
    check_parts(["payload.age", "manifest.json", "manifest.sig"])
    for check, problem in [(lambda: check_payload(m, b"encrypted byteS"), Problem.PAYLOAD_HASH_MISMATCH),
                           (lambda: check_chain(m, None), Problem.CHAIN_BROKEN),
                           (lambda: check_name(m, "TYT-MK-000008.batch"), Problem.NAME_MISMATCH),
                           (lambda: check_parts(["manifest.json", "manifest.sig"]), Problem.WRONG_PARTS),
                           (lambda: check_parts(["manifest.json", "manifest.sig", "payload.age", "x"]),
                            Problem.WRONG_PARTS)]:
        with pytest.raises(BatchInvalidError) as info:
            check()
        assert info.value.problem == problem
