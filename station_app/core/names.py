"""Vietnamese name normalisation for search: lower case, marks stripped, đ→d, spaces collapsed."""
from __future__ import annotations

import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "d"})


def normalise_name(text: str) -> str:
    """'Nguyễn Thị Đào ' → 'nguyen thi dao'. Stable, idempotent, usable as an index key."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


def clean_display_name(text: str) -> str:
    """Trim and collapse spaces, NFC-compose (scanners and input methods send decomposed marks)."""
    return " ".join(unicodedata.normalize("NFC", text).split())
