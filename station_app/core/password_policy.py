"""Which passwords are accepted, and how long an account waits after wrong ones (pure rules, no I/O).

The policy suits nurses who type a password many times a day: a minimum length (8, the administrator may ask
for more), not the username, not one of the most common passwords (``resources/security/common-passwords.txt``).
No rules of "one capital, one digit, one sign": they make passwords harder to remember, not to guess.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Container

from station_app.core.errors import StationError, ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP

MIN_LENGTH = 8  # the floor; the station's minimum can be set higher, never lower
MAX_MIN_LENGTH = 64
FREE_FAILURES = 4  # wrong passwords in a row before the account has to wait
FIRST_WAIT = dt.timedelta(seconds=30)  # after the 5th wrong password; doubles with each further one
LONGEST_WAIT = dt.timedelta(minutes=15)  # so a stranger can never lock a colleague out for long


class PasswordError(ValidationError):
    """A password the policy refuses: a ValidationError of the password field, with a sentence of its own."""

    def __init__(self, **data: object) -> None:
        super().__init__(field=QT_TRANSLATE_NOOP("fields", "Mật khẩu"), reason="", **data)


class PasswordTooShortError(PasswordError):
    template = QT_TRANSLATE_NOOP("errors", "Mật khẩu quá ngắn: cần ít nhất {length} ký tự (có thể là một câu dễ nhớ).")


class PasswordIsUsernameError(PasswordError):
    template = QT_TRANSLATE_NOOP("errors", "Mật khẩu không được giống tên đăng nhập. Hãy chọn mật khẩu khác.")


class PasswordTooCommonError(PasswordError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Mật khẩu này quá phổ biến, kẻ gian đoán ra ngay. Hãy chọn mật khẩu khác, ví dụ ghép vài từ dễ nhớ.")


class MinimumLengthError(StationError):
    template = QT_TRANSLATE_NOOP("errors", "Độ dài tối thiểu của mật khẩu phải từ {low} đến {high} ký tự.")


def check_password(password: str, username: str, min_length: int, common: Container[str]) -> None:
    """Raise the error that says what to change; ``common`` holds lower-case passwords."""
    if len(password) < max(min_length, MIN_LENGTH):
        raise PasswordTooShortError(length=max(min_length, MIN_LENGTH))
    folded = password.strip().casefold()
    name = username.strip().casefold()
    if name and folded in (name, name[::-1]):
        raise PasswordIsUsernameError()
    if folded in common:
        raise PasswordTooCommonError()


def check_min_length(value: int) -> int:
    if not MIN_LENGTH <= value <= MAX_MIN_LENGTH:
        raise MinimumLengthError(low=MIN_LENGTH, high=MAX_MIN_LENGTH)
    return value


def wait_after(failures: int) -> dt.timedelta:
    """How long an account waits after ``failures`` wrong passwords in a row (0 before the 5th)."""
    if failures <= FREE_FAILURES:
        return dt.timedelta(0)
    doublings = min(failures - FREE_FAILURES - 1, 10)  # 2**10 × 30 s is far past the cap already
    return min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)
