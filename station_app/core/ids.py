"""Identifiers made on the laptop: UUIDv7 (RFC 9562), time-ordered, so records from many stations never collide."""
from __future__ import annotations

import os
import time
import uuid


def new_id() -> str:
    """A new UUIDv7 as its 36-character string."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & 0xFFFF_FFFF_FFFF) << 80
    value |= 0x7 << 76  # version
    value |= (rand >> 68 & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & 0x3FFF_FFFF_FFFF_FFFF  # rand_b, 62 bits
    return str(uuid.UUID(int=value))


def id_timestamp_ms(identifier: str) -> int:
    """The creation time, in milliseconds since the epoch, written into a UUIDv7."""
    return uuid.UUID(identifier).int >> 80
