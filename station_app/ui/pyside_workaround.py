"""A guard against a reference-counting bug of PySide6 6.12.0 on CPython 3.11.

Measured here: each call of a Qt method that returns nothing (``QLabel.setText``, ``processEvents``…) lowers
``sys.getrefcount(None)`` by one, and each time Qt calls a Python override that answers ``True``
(``QWizardPage.isComplete``) the count of ``True`` drops by one; PySide6 6.11.2 does neither. CPython 3.12
made these objects immortal, so only 3.11 is hurt: after some thousands of calls, a normal working session,
the interpreter aborts with "none_dealloc" or "bool_dealloc". They are static singletons that CPython never
frees, so giving them a reference count no session can exhaust (what 3.12 does) is safe. Remove once a fixed
PySide6 is pinned; ``tests/ui/test_pyside_workaround.py`` shows the crash without it.
"""
from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 48  # 2.8e14 calls: centuries of clicking
_SINGLETONS = (None, True, False, Ellipsis, NotImplemented, (), "", b"", *range(-5, 257))


def protect_singletons() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for obj in _SINGLETONS:
        refcount = ctypes.c_ssize_t.from_address(id(obj))
        if refcount.value < _HEADROOM:
            refcount.value += _HEADROOM
