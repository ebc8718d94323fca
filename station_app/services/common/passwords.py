"""Password and PIN hashing with argon2id (argon2-cffi's RFC 9106 low-memory profile: t=3, m=64 MiB, p=4).

argon2-cffi is loaded on first use, not at start-up: its import costs about 40 ms of every cold start.
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher


@cache
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def dummy_hash() -> str:
    """Verified against when a user does not exist, so the timing matches a wrong password."""
    return hash_password("not-a-real-password")


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords (lower case); see resources/security/README.md for its source."""
    from station_app.resources import resource

    lines = resource("security", "common-passwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())  # line 1 is the note
