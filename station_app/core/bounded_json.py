"""JSON from outside (a stick, a file, the network), read within limits decided before any parsing.

Python's parser builds every object of a document however large it is, and recurses once per nesting level: a
few kilobytes of ``[[[[…`` raise ``RecursionError`` and a small file of ``[0,0,0,…`` becomes millions of objects.
So the text's shape is measured first, at C speed (``translate`` keeps only quotes, brackets and commas, the
strings are dropped between their quotes, ``replace`` peels one nesting level a pass: about 4 ms a MB), and
refused with ``UntrustedJsonError`` when it is too large, too deep or holds too many values; only then is it parsed.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from station_app.core.errors import UntrustedJsonError

TOO_LARGE, TOO_DEEP, TOO_MANY_ITEMS, MALFORMED = "too_large", "too_deep", "too_many_items", "malformed"
_SQUARE = bytes.maketrans(b"{}", b"[]")  # the depth does not depend on the kind of bracket
_NOT_SHAPE = bytes(b for b in range(256) if b not in b'"[]{},')


@dataclass(frozen=True)
class JsonLimits:
    max_bytes: int
    max_depth: int = 16
    max_items: int = 10_000  # values (containers included), counted as commas plus opening brackets


def loads(data: bytes | str, limits: JsonLimits, parse: Callable[[bytes | str], object] = json.loads) -> object:
    """The parsed document, or ``UntrustedJsonError``; ``parse`` may be a faster parser (orjson.loads)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    check_shape(raw, limits)
    try:
        return parse(data)
    except (ValueError, RecursionError) as exc:  # RecursionError only if ``parse`` recurses below max_depth
        raise UntrustedJsonError(MALFORMED) from exc


def check_shape(raw: bytes, limits: JsonLimits) -> None:
    """Refuse a text too large, too deep or with too many values, in time and memory linear in its size."""
    if len(raw) > limits.max_bytes:
        raise UntrustedJsonError(TOO_LARGE)
    shape = _outside_strings(raw, limits.max_items)
    brackets = shape.replace(b",", b"")
    if shape.count(b",") + brackets.count(b"[") > limits.max_items or len(brackets) > 2 * limits.max_items:
        raise UntrustedJsonError(TOO_MANY_ITEMS)
    _check_depth(brackets, limits.max_depth)


def _outside_strings(raw: bytes, max_items: int) -> bytes:
    """The brackets and commas outside strings, in order (a regular expression over the strings is 10x slower)."""
    if b"\\" in raw:  # escaped backslashes, then escaped quotes: what is left of the quotes delimits strings
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    # with the letters gone, most strings are two quotes side by side; dropping any two adjacent quotes keeps
    # the others' pairing, and the outside between them held no bracket or comma
    shape = raw.translate(_SQUARE, _NOT_SHAPE).replace(b'""', b"")
    if shape.count(b'"') > 4 * max_items + 2:  # a value and a key per item at most: bounds the pieces below
        raise UntrustedJsonError(TOO_MANY_ITEMS)
    return b"".join(shape.split(b'"')[::2]) if b'"' in shape else shape


def _check_depth(brackets: bytes, max_depth: int) -> None:
    """Each pass removes the innermost pairs, one level: at most ``max_depth`` passes over the brackets."""
    for _ in range(max_depth):
        if not brackets:
            return
        inner = brackets.replace(b"[]", b"")
        if len(inner) == len(brackets):
            raise UntrustedJsonError(MALFORMED)  # brackets that never close (or close before they open)
        brackets = inner
    if brackets:
        raise UntrustedJsonError(TOO_DEEP)


# -- text from outside, shown or stored ------------------------------------------------------------------------

_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}  # controls, direction overrides and zero-width marks, the rest unknown


def cleaned(text: object, limit: int = 300) -> str:
    """A short, printable form of what someone else sent (a reason, a message): controls and direction overrides
    removed, runs of blanks made one space, at most ``limit`` characters (an ellipsis says it was cut)."""
    value = unicodedata.normalize("NFC", str(text)[:limit * 4])
    kept = "".join(" " if ch.isspace() else ch for ch in value if ch.isspace() or unicodedata.category(ch)
                   not in _INVISIBLE)
    short = " ".join(kept.split())
    return short if len(short) <= limit else short[:limit - 1].rstrip() + "…"
