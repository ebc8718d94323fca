"""The stock command-line tools tests run, and what happens when one is missing: the test is skipped on a
developer's machine, but fails under CI (``CI`` set), where ``make test`` installs every one of them — a skipped
test checks nothing. Tests name their tools with ``@pytest.mark.tools("jq", "xxd")`` (tests/conftest.py) or call
``require_tools`` where the need is known only inside the test."""
from __future__ import annotations

import os
import shutil

import pytest

# Each tool and the Debian package that has it: TESTING in scripts/install-system-deps.sh lists these packages,
# except those every Debian system has (ESSENTIAL).
STOCK_TOOLS = {"jq": "jq", "xxd": "xxd", "openssl": "openssl", "age": "age", "pdftoppm": "poppler-utils",
               "pdftotext": "poppler-utils",
               "objdump": "binutils", "as": "binutils", "ld": "binutils", "cc": "gcc", "gcc": "gcc",
               "desktop-file-validate": "desktop-file-utils", "initdb": "postgresql",
               "sha256sum": "coreutils", "base64": "coreutils", "gunzip": "gzip",
               "dpkg-deb": "dpkg", "dpkg-query": "dpkg",
               "xmlsec1": "xmlsec1", "softhsm2-util": "softhsm2", "pkcs11-tool": "opensc"}
ESSENTIAL = {"coreutils", "gzip", "dpkg"}


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(what: str) -> None:
    """Skip the test for want of ``what`` — or, under CI, fail it."""
    where = "make test installs it (TESTING in scripts/install-system-deps.sh)"
    if under_ci():
        pytest.fail(f"{what} missing under CI, where {where}: the test would check nothing", pytrace=False)
    pytest.skip(f"{what} missing: {where}")


def require_tools(*tools: str) -> None:
    """Go on only when every one of ``tools`` is on the PATH (see ``missing``)."""
    absent = [t for t in tools if shutil.which(t) is None]
    if absent:
        packages = sorted({STOCK_TOOLS.get(t, t) for t in absent})
        missing(f"{', '.join(absent)} (Debian: {' '.join(packages)})")
