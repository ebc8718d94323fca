"""Reading the place out of a card's address line (pure): "Bản Nà Luồng, Xã Mường Kim, Tỉnh Lai Châu".

A CCCD's QR holds the address of residence as one line, parts separated by commas, from the smallest place to the
largest. The village (thôn, bản, xóm, tổ dân phố …) and the commune are what the station files residents under;
the caller passes the names it already knows so that a scan uses the roster's own spelling.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from station_app.core.names import normalise_name

# Words that open a village-level place name, longest first ("tổ dân phố" before "tổ"), in normalised form
_VILLAGE_WORDS = ("to dan pho", "khu pho", "tieu khu", "ban", "thon", "xom", "to", "khu", "ap", "buon", "lang",
                  "khoi", "doi", "soc", "phum", "cum", "plei")
_COMMUNE_WORDS = ("xa", "phuong", "thi tran", "dac khu")


@dataclass(frozen=True)
class Place:
    village: str | None  # as the roster spells it when it is known there, else as printed on the card
    commune_code: str | None


def _starts_with(norm: str, words: tuple[str, ...]) -> bool:
    return any(norm == w or norm.startswith(w + " ") for w in words)


def place_of(address: str | None, villages: Iterable[str] = (), communes: Iterable[tuple[str, str]] = ()) -> Place:
    """The village and commune named in ``address``. ``villages``: known village names; ``communes``: (code, name)
    pairs such as ("03637", "Xã Mường Kim"). Names are compared without marks or case, and a village known to
    the roster may be printed with or without its "Bản"/"Thôn" word."""
    parts = [p.strip() for p in (address or "").split(",") if p.strip()]
    known = {normalise_name(v): v for v in villages if v}
    bare = {_without_word(n): v for n, v in known.items()}
    by_name = {normalise_name(name): code for code, name in communes}
    by_bare = {_commune_as_xa(n)[3:]: code for n, code in by_name.items()}  # "Mường Kim" without its "Xã"
    village = commune = None
    for part in parts:
        norm = normalise_name(part)
        if commune is None and (_starts_with(norm, _COMMUNE_WORDS) or (village is not None and norm in by_bare)):
            commune = by_name.get(norm) or by_name.get(_commune_as_xa(norm)) or by_bare.get(norm)
            if village is None:
                continue
            break
        if village is None and (norm in known or norm in bare or _starts_with(norm, _VILLAGE_WORDS)):
            village = known.get(norm) or bare.get(_without_word(norm)) or part
    return Place(village, commune)


def _without_word(norm: str) -> str:
    for word in _VILLAGE_WORDS:
        if norm.startswith(word + " "):
            return norm[len(word) + 1:]
    return norm


def _commune_as_xa(norm: str) -> str:
    """Cards printed before 2025 may say "Thị trấn …" for a unit that is now a "Xã …" of the same name."""
    for word in _COMMUNE_WORDS:
        if norm.startswith(word + " "):
            return "xa " + norm[len(word) + 1:]
    return norm
