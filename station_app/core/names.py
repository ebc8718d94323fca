"""Vietnamese name normalisation for search: lower case, marks stripped, đ→d, spaces collapsed."""
from __future__ import annotations

import re
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


FILE_NAME_PART_MAX = 60  # a village's name from a roster file can be of any length; file names cannot


def file_name_part(text: str) -> str:
    """'Bản Nà Khương' → 'ban-na-khuong': a piece of a file name that every file system and USB stick takes."""
    return re.sub(r"[^a-z0-9]+", "-", normalise_name(text)).strip("-")[:FILE_NAME_PART_MAX].rstrip("-")
