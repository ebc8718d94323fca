"""Identifiers made on the laptop: UUIDv7 (RFC 9562), time-ordered, so records from many stations never collide."""
from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_millis = 0
_counter = 0


def _next_stamp() -> tuple[int, int]:
    """Milliseconds plus a 12-bit counter (RFC 9562 method 1), so ids made in one millisecond still sort."""
    global _last_millis, _counter
    with _lock:
        millis = time.time_ns() // 1_000_000
        if millis > _last_millis:
            _last_millis, _counter = millis, int.from_bytes(os.urandom(1), "big")
        else:
            _counter += 1
            if _counter > 0xFFF:
                _last_millis, _counter = _last_millis + 1, 0
        return _last_millis, _counter


def new_id() -> str:
    """A new UUIDv7 as its 36-character string, increasing within this process."""
    millis, counter = _next_stamp()
    rand = int.from_bytes(os.urandom(8), "big")
    value = (millis & 0xFFFF_FFFF_FFFF) << 80
    value |= 0x7 << 76  # version
    value |= counter << 64  # rand_a used as a counter, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & 0x3FFF_FFFF_FFFF_FFFF  # rand_b, 62 bits
    return str(uuid.UUID(int=value))


def id_timestamp_ms(identifier: str) -> int:
    """The creation time, in milliseconds since the epoch, written into a UUIDv7."""
    return uuid.UUID(identifier).int >> 80
