"""JSON from outside is refused before it costs much: too large, too deep, too many values; text from outside is
shown only short and cleaned."""
import json

import pytest

from station_app.core.bounded_json import JsonLimits, cleaned, loads
from station_app.core.errors import UntrustedJsonError

SMALL = JsonLimits(max_bytes=4096, max_depth=8, max_items=100)


def refused(data, limits=SMALL) -> str:
    with pytest.raises(UntrustedJsonError) as caught:
        loads(data, limits)
    return caught.value.problem


def test_ordinary_documents_read_as_the_standard_parser_reads_them():
    text = json.dumps({"a": [1, 2, {"b": "x[[[{{\\\"]]"}], "c": None, "d": "Tòng Thị Hoa"}, ensure_ascii=False)
    assert loads(text.encode("utf-8"), SMALL) == json.loads(text)
    assert loads(text, SMALL) == json.loads(text)
    assert loads(b"5", SMALL) == 5
    nested = "[" * 8 + "]" * 8
    assert loads(nested, SMALL) == json.loads(nested)


def test_deep_nesting_is_refused_before_the_parser_recurses():
    deep = "[" * 200_000 + "]" * 200_000  # the standard parser raises RecursionError on this
    with pytest.raises(RecursionError):
        json.loads(deep)
    assert refused(deep, JsonLimits(max_bytes=1 << 20, max_items=1 << 20)) == "too_deep"
    assert refused('{"a":' * 9 + "1" + "}" * 9) == "too_deep"
    assert refused("[" * 9 + "]" * 9) == "too_deep"


def test_brackets_inside_strings_do_not_count():
    assert loads(json.dumps(["[" * 500, "}" * 500, '\\"[[['], ), SMALL) == ["[" * 500, "}" * 500, '\\"[[[']


def test_size_and_number_of_values_are_capped():
    assert refused(b" " * 4097) == "too_large"
    assert refused("[" + ",".join("0" * 101) + "]") == "too_many_items"
    assert refused("[" + "[]," * 60 + "[]]") == "too_many_items"


@pytest.mark.parametrize("data", [b"{", b"]", b"[]]", b"[1,]", b"\xff", b"<html>503</html>", b"", "\ud800"])
def test_malformed_text_is_refused_as_malformed(data):
    assert refused(data) == "malformed"


def test_refusal_is_a_value_error_for_readers_that_refuse_malformed_json_already():
    with pytest.raises(ValueError):
        loads("[" * 100 + "]" * 100, SMALL)


def test_text_from_outside_is_short_and_has_no_controls_or_direction_overrides():
    hostile = "Lô bị từ chối\x1b[31m\u202e\u2066 gnp.exe\r\n\t\x00" + "x" * 10_000
    text = cleaned(hostile, limit=60)
    assert len(text) <= 60 and text.endswith("…")
    assert text.startswith("Lô bị từ chối[31m gnp.exe xxx")  # the escape character itself is gone
    assert not any(ch in text for ch in "\x1b\u202e\u2066\r\n\t\x00")
    assert cleaned(None) == "None" and cleaned("  a \n b ") == "a b"


def test_strings_full_of_brackets_and_escaped_quotes_are_read_as_the_standard_parser_reads_them():
    value = {"a": ['\\"[', "]\\\\", '"', "", "{[,", "x"], "b\"[": {"c": "\\\\\\\"]]]"}}
    text = json.dumps(value)
    assert loads(text, SMALL) == value
    assert refused('["[", "[", "[",' * 30 + "1]") == "too_many_items"
