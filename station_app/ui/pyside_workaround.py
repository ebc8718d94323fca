"""A guard against a reference-counting bug of PySide6 6.12.0 on CPython 3.11.

Measured here: each call of a Qt method that returns nothing (``QLabel.setText``, ``processEvents``…) lowers
``sys.getrefcount(None)`` by one; PySide6 6.11.2 does not. CPython 3.12 made ``None`` immortal, so only 3.11
is hurt: after some thousands of calls, a normal working session, the interpreter aborts with
"Fatal Python error: none_dealloc". ``None`` is a static singleton that is never freed legitimately, so giving
it a reference count no session can exhaust (as 3.12 does) is safe. Remove once a fixed PySide6 is pinned.
"""
from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 48  # 2.8e14 calls: centuries of clicking


def protect_none() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM
