"""Users and sign-in. Roles come from the core; every sign-in, failure and change is audited.

The wait after wrong passwords is worked out from the audit chain (the user's failures since the last sign-in or
unlock), so it cannot be lifted by editing a counter in the users table; the station's password minimum is an
audited event too. Passwords follow ``core.password_policy``.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from station_app.core.errors import (
    AccountDisabledError,
    AccountLockedOutError,
    DuplicateError,
    NotFoundError,
    ValidationError,
    WrongCredentialsError,
)
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.model import AuditAction, Role
from station_app.core.password_policy import (LONGEST_WAIT, MIN_LENGTH, check_min_length, check_password,
                                              wait_after)
from station_app.core.roles import Permission, require
from station_app.persistence.database import Database
from station_app.persistence.tables import UserRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.passwords import common_passwords, dummy_hash, hash_password, verify_password
from station_app.services.common.signing.certificates import (CertificateError, CertificateInfo, check_for_signing,
                                                              info, load_certificate)

POLICY_ENTITY, POLICY_ID = "password_policy", "min_length"  # the audited event that sets the station's minimum
_HISTORY = 40  # newest events of a user read for the wait: past 10 failures in a row the wait is at its cap
_USERNAME = re.compile(r"^[a-z0-9._-]{2,64}$")
_CCHN = re.compile(r"^[0-9A-Za-z./-]{1,20}$")  # e.g. 000123/LC-CCHN
CERTIFICATE_SOURCES = ("file", "token")


class CertificateCchnMismatchError(CertificateError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Chứng thư số này ghi số chứng chỉ hành nghề (CCHN) khác với số CCHN của tài khoản: không đăng ký "
                  "được. Kiểm tra số CCHN của tài khoản, hoặc dùng chứng thư số của chính người này.")


@dataclass(frozen=True)
class RegisteredCertificate:
    """The certificate registered on an account (the key stays on the token or in the .p12 file)."""

    user_id: str
    cchn: str
    source: str  # "file" or "token"
    info: CertificateInfo


@dataclass(frozen=True)
class SignedInUser:
    id: str
    username: str
    full_name: str
    role: Role


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: Role
    active: bool
    last_sign_in_at: dt.datetime | None
    waits_until: dt.datetime | None = None  # wrong passwords: sign-in refused until then (UTC), unless unlocked


def _signed_in(row: UserRow) -> SignedInUser:
    return SignedInUser(row.id, row.username, row.full_name, Role(row.role))


def validate_new_user(username: str, full_name: str, *, password: str, min_length: int = MIN_LENGTH) -> None:
    if not _USERNAME.match(username):
        raise ValidationError(
            field=QT_TRANSLATE_NOOP("fields", "Tên đăng nhập"),
            reason=QT_TRANSLATE_NOOP("errors", "chỉ dùng chữ thường không dấu, số, dấu chấm, gạch (2–64 ký tự)"),
        )
    if not full_name.strip():
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Họ và tên"),
                              reason=QT_TRANSLATE_NOOP("errors", "không được để trống"))
    check_password(password, username, min_length, common_passwords())


def min_password_length(uow: UnitOfWork) -> int:
    """The station's minimum: the newest audited setting, never below the policy's floor."""
    for _action, _at, details in uow.users.audited(POLICY_ENTITY, POLICY_ID, 1):
        return max(int(details.get("min_length", MIN_LENGTH)), MIN_LENGTH)
    return MIN_LENGTH


def waits_until(uow: UnitOfWork, user_id: str, *, now: dt.datetime) -> tuple[int, dt.datetime | None]:
    """Wrong passwords in a row since the last sign-in or unlock, and until when (naive UTC) the account waits;
    None when it need not wait."""
    failures, last_failure = 0, None
    for action, at, details in uow.users.audited("users", user_id, _HISTORY):
        if action == AuditAction.SIGN_IN or (action == AuditAction.UPDATE and ("unlocked" in details
                                                                               or "password" in details)):
            break
        if action == AuditAction.SIGN_IN_FAILED and details.get("reason") == "wrong_password":
            failures += 1
            last_failure = last_failure or dt.datetime.fromisoformat(at)
    wait = wait_after(failures)
    if not wait or last_failure is None:
        return failures, None
    until = (last_failure + wait).astimezone(dt.UTC).replace(tzinfo=None)  # naive UTC, like utcnow()
    # A wait ending past the longest one from now means the laptop's clock went back: never hold a nurse for it
    return failures, until if now < until <= now + LONGEST_WAIT else None


def create_user_row(uow: UnitOfWork, actor_id: str | None, *, username: str, full_name: str, role: Role,
                    password: str) -> UserRow:
    """Add a user inside an open unit of work (used by set-up too); the caller commits."""
    username = username.strip().lower()
    validate_new_user(username, full_name, password=password, min_length=min_password_length(uow))
    if uow.users.by_username(username) is not None:
        raise DuplicateError(what=QT_TRANSLATE_NOOP("labels", "tài khoản"), key=username)
    row = UserRow(username=username, full_name=" ".join(full_name.split()), role=Role(role).value,
                  password_hash=hash_password(password), created_by=actor_id)
    uow.users.add(row)
    uow.audit(AuditAction.CREATE, "users", row.id, actor_id, {"role": row.role})
    return row


class AccountService:
    def __init__(self, db: Database, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self._db = db
        self._now = clock  # naive UTC; tests move it on instead of waiting

    def sign_in(self, username: str, password: str, *, via: str | None = None) -> SignedInUser:
        """Check the password. After 5 wrong ones in a row the account waits 30 s, doubling with each
        further wrong one up to 15 minutes (``core.password_policy``); an administrator can lift the wait.
        ``via`` ("cli") is written in the audit event."""
        with UnitOfWork(self._db) as uow:
            row = uow.users.by_username(username.strip().lower())
            if row is None:
                verify_password(dummy_hash(), password)
                uow.audit(AuditAction.SIGN_IN_FAILED, "users", None, None, {"reason": "unknown_user"})
                uow.commit()
                raise WrongCredentialsError()
            now = self._now()
            failures, until = waits_until(uow, row.id, now=now)
            if until is not None:  # refused unchecked and unaudited: guessing during a wait makes it no longer
                raise AccountLockedOutError(seconds=int((until - now).total_seconds()) + 1)
            if not verify_password(row.password_hash, password):
                uow.audit(AuditAction.SIGN_IN_FAILED, "users", row.id, None,
                          {"reason": "wrong_password", **({"via": via} if via else {})}, at=now.replace(tzinfo=dt.UTC))
                uow.commit()
                raise WrongCredentialsError()
            if not row.active:
                raise AccountDisabledError()
            row.last_sign_in_at = now
            uow.audit(AuditAction.SIGN_IN, "users", row.id, row.id, {"via": via} if via else None)
            uow.commit()
            return _signed_in(row)

    def verify_same_user(self, user: SignedInUser, password: str) -> SignedInUser:
        """Unlock after the idle lock: only the same user, or a sign-in as someone else."""
        return self.sign_in(user.username, password)

    def add_user(self, actor: SignedInUser | None, username: str, *, full_name: str, role: Role,
                 password: str) -> UserInfo:
        if actor is not None:
            require(actor.role, Permission.MANAGE_USERS)
        with UnitOfWork(self._db) as uow:
            row = create_user_row(uow, actor.id if actor else None, username=username, full_name=full_name, role=role,
                                  password=password)
            uow.commit()
            return _info(row)

    def list_users(self, actor: SignedInUser | None) -> list[UserInfo]:
        if actor is not None:
            require(actor.role, Permission.MANAGE_USERS)
        with UnitOfWork(self._db) as uow:
            now = self._now()
            return [_info(r, waits_until(uow, r.id, now=now)[1]) for r in uow.users.all()]

    def set_active(self, actor: SignedInUser | None, username: str, *, active: bool) -> UserInfo:
        if actor is not None:
            require(actor.role, Permission.MANAGE_USERS)
        with UnitOfWork(self._db) as uow:
            row = uow.users.by_username(username.strip().lower())
            if row is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "tài khoản"))
            if not active and actor is not None and row.id == actor.id:
                raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Tài khoản"),
                                      reason=QT_TRANSLATE_NOOP("errors", "không thể tự khoá tài khoản đang dùng"))
            row.active = active
            uow.audit(AuditAction.UPDATE, "users", row.id, actor.id if actor else None, {"active": active})
            uow.commit()
            return _info(row)

    def change_password(self, actor: SignedInUser, username: str, *, new_password: str) -> None:
        """A new password (the policy applies); it also lifts a wait after wrong passwords."""
        if actor.username != username:
            require(actor.role, Permission.MANAGE_USERS)
        with UnitOfWork(self._db) as uow:
            row = uow.users.by_username(username.strip().lower())
            if row is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "tài khoản"))
            check_password(new_password, row.username, min_password_length(uow), common_passwords())
            row.password_hash = hash_password(new_password)
            uow.audit(AuditAction.UPDATE, "users", row.id, actor.id, {"password": "changed"})
            uow.commit()

    def unlock(self, actor: SignedInUser, username: str) -> UserInfo:
        """An administrator lifts the wait after wrong passwords (audited: the wait is read from the audit)."""
        require(actor.role, Permission.MANAGE_USERS)
        with UnitOfWork(self._db) as uow:
            row = uow.users.by_username(username.strip().lower())
            if row is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "tài khoản"))
            failures, _until = waits_until(uow, row.id, now=self._now())
            uow.audit(AuditAction.UPDATE, "users", row.id, actor.id, {"unlocked": failures})
            uow.commit()
            return _info(row)

    def set_certificate(self, actor: SignedInUser | None, username: str, *, certificate_der: bytes, source: str,
                        cchn: str | None = None) -> RegisteredCertificate:
        """Register ``certificate_der`` (read from the user's .p12 or token; only the certificate is kept) for
        signing by ``username``: an administrator for anyone, a user for themselves. A certificate that may not
        sign now (expired, not yet valid, key usage) or that names another CCHN than the account's is refused.
        ``cchn`` sets the account's licence number; without one the certificate's is taken."""
        if source not in CERTIFICATE_SOURCES:
            raise ValueError(f"unknown certificate source {source!r}")
        with UnitOfWork(self._db) as uow:
            row = self._account(uow, actor, username)
            cert = load_certificate(certificate_der)
            check_for_signing(cert, at=self._now().replace(tzinfo=dt.UTC))
            found = info(cert)
            account_cchn = validate_cchn(cchn) if cchn else (row.cchn or found.cchn or None)
            if found.cchn and account_cchn and found.cchn != account_cchn:
                raise CertificateCchnMismatchError()
            row.cchn, row.certificate, row.certificate_source = account_cchn, found.der, source
            uow.audit(AuditAction.UPDATE, "users", row.id, actor.id if actor else None,
                      {"certificate": found.fingerprint[:16], "source": source})
            uow.commit()
            return registered_certificate(row)  # type: ignore[return-value]

    def set_cchn(self, actor: SignedInUser | None, username: str, cchn: str) -> None:
        """The account's practising-licence number (PL01 records it); must agree with a registered certificate."""
        with UnitOfWork(self._db) as uow:
            row = self._account(uow, actor, username)
            cchn = validate_cchn(cchn)
            current = registered_certificate(row)
            if current is not None and current.info.cchn and current.info.cchn != cchn:
                raise CertificateCchnMismatchError()
            row.cchn = cchn
            uow.audit(AuditAction.UPDATE, "users", row.id, actor.id if actor else None, {"cchn": "set"})
            uow.commit()

    def remove_certificate(self, actor: SignedInUser | None, username: str) -> None:
        with UnitOfWork(self._db) as uow:
            row = self._account(uow, actor, username)
            row.certificate, row.certificate_source = None, None
            uow.audit(AuditAction.UPDATE, "users", row.id, actor.id if actor else None, {"certificate": "removed"})
            uow.commit()

    def certificate_of(self, user_id: str) -> RegisteredCertificate | None:
        with UnitOfWork(self._db, read_only=True) as uow:
            row = uow.signatures.user(user_id)
            return registered_certificate(row) if row is not None else None

    @staticmethod
    def _account(uow: UnitOfWork, actor: SignedInUser | None, username: str) -> UserRow:
        if actor is not None and actor.username != username.strip().lower():
            require(actor.role, Permission.MANAGE_USERS)
        row = uow.users.by_username(username.strip().lower())
        if row is None:
            raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "tài khoản"))
        return row

    def password_min_length(self) -> int:
        with UnitOfWork(self._db, read_only=True) as uow:
            return min_password_length(uow)

    def set_password_min_length(self, actor: SignedInUser, length: int) -> int:
        """The station's minimum password length (8 to 64), for new and changed passwords; audited."""
        require(actor.role, Permission.MANAGE_USERS)
        check_min_length(length)
        with UnitOfWork(self._db) as uow:
            uow.audit(AuditAction.UPDATE, POLICY_ENTITY, POLICY_ID, actor.id, {"min_length": length})
            uow.commit()
        return length


def validate_cchn(cchn: str) -> str:
    """A practising-licence number as typed (spaces removed); refused when it cannot be one."""
    cchn = "".join(cchn.split())
    if not _CCHN.match(cchn):
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Số CCHN"),
                              reason=QT_TRANSLATE_NOOP("errors", "chỉ gồm chữ, số và dấu / . - (tối đa 20 ký tự)"))
    return cchn


def registered_certificate(row: UserRow) -> RegisteredCertificate | None:
    """The account's certificate as registered, or None."""
    if not row.certificate:
        return None
    return RegisteredCertificate(row.id, row.cchn or "", row.certificate_source or "file",
                                 info(load_certificate(row.certificate)))


def _info(row: UserRow, waits: dt.datetime | None = None) -> UserInfo:
    return UserInfo(row.id, row.username, row.full_name, Role(row.role), row.active, row.last_sign_in_at, waits)
