"""Users and sign-in. Roles come from the core; every sign-in, failure and change is audited."""
from __future__ import annotations

import datetime as dt
import re
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
from station_app.core.roles import Permission, require
from station_app.persistence.database import Database
from station_app.persistence.tables import UserRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.passwords import dummy_hash, hash_password, verify_password

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=1)
MIN_SECRET_LENGTH = 6  # a 6-digit PIN is the shortest a nurse may use
_USERNAME = re.compile(r"^[a-z0-9._-]{2,64}$")


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


def _signed_in(row: UserRow) -> SignedInUser:
    return SignedInUser(row.id, row.username, row.full_name, Role(row.role))


def validate_new_user(username: str, full_name: str, password: str) -> None:
    if not _USERNAME.match(username):
        raise ValidationError(
            field=QT_TRANSLATE_NOOP("fields", "Tên đăng nhập"),
            reason=QT_TRANSLATE_NOOP("errors", "chỉ dùng chữ thường không dấu, số, dấu chấm, gạch (2–64 ký tự)"),
        )
    if not full_name.strip():
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Họ và tên"),
                              reason=QT_TRANSLATE_NOOP("errors", "không được để trống"))
    if len(password) < MIN_SECRET_LENGTH:
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Mật khẩu"),
                              reason=QT_TRANSLATE_NOOP("errors", "cần ít nhất 6 ký tự"))


def create_user_row(uow: UnitOfWork, actor_id: str | None, username: str, full_name: str, role: Role,
                    password: str) -> UserRow:
    """Add a user inside an open unit of work (used by set-up too); the caller commits."""
    username = username.strip().lower()
    validate_new_user(username, full_name, password)
    if uow.users.by_username(username) is not None:
        raise DuplicateError(what=QT_TRANSLATE_NOOP("labels", "tài khoản"), key=username)
    row = UserRow(username=username, full_name=" ".join(full_name.split()), role=Role(role).value,
                  password_hash=hash_password(password), created_by=actor_id)
    uow.users.add(row)
    uow.audit(AuditAction.CREATE, "users", row.id, actor_id, {"role": row.role})
    return row


class AccountService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def sign_in(self, username: str, password: str) -> SignedInUser:
        """Check the password; wrong ones are counted and, past a limit, the account waits a minute."""
        with UnitOfWork(self._db) as uow:
            row = uow.users.by_username(username.strip().lower())
            if row is None:
                verify_password(dummy_hash(), password)
                uow.audit(AuditAction.SIGN_IN_FAILED, "users", None, None, {"reason": "unknown_user"})
                uow.commit()
                raise WrongCredentialsError()
            now = utcnow()
            if row.locked_until and row.locked_until > now:
                raise AccountLockedOutError(seconds=int((row.locked_until - now).total_seconds()) + 1)
            if not verify_password(row.password_hash, password):
                row.failed_attempts += 1
                if row.failed_attempts >= MAX_FAILED_ATTEMPTS:
                    row.locked_until, row.failed_attempts = now + LOCKOUT, 0
                uow.audit(AuditAction.SIGN_IN_FAILED, "users", row.id, None, {"reason": "wrong_password"})
                uow.commit()
                raise WrongCredentialsError()
            if not row.active:
                raise AccountDisabledError()
            row.failed_attempts, row.locked_until, row.last_sign_in_at = 0, None, now
            uow.audit(AuditAction.SIGN_IN, "users", row.id, row.id)
            uow.commit()
            return _signed_in(row)

    def verify_same_user(self, user: SignedInUser, password: str) -> SignedInUser:
        """Unlock after the idle lock: only the same user, or a sign-in as someone else."""
        return self.sign_in(user.username, password)

    def add_user(self, actor: SignedInUser | None, username: str, full_name: str, role: Role,
                 password: str) -> UserInfo:
        if actor is not None:
            require(actor.role, Permission.MANAGE_USERS)
        with UnitOfWork(self._db) as uow:
            row = create_user_row(uow, actor.id if actor else None, username, full_name, role, password)
            uow.commit()
            return _info(row)

    def list_users(self, actor: SignedInUser | None) -> list[UserInfo]:
        if actor is not None:
            require(actor.role, Permission.MANAGE_USERS)
        with UnitOfWork(self._db) as uow:
            return [_info(r) for r in uow.users.all()]

    def set_active(self, actor: SignedInUser | None, username: str, active: bool) -> UserInfo:
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

    def change_password(self, actor: SignedInUser, username: str, new_password: str) -> None:
        if actor.username != username:
            require(actor.role, Permission.MANAGE_USERS)
        if len(new_password) < MIN_SECRET_LENGTH:
            raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Mật khẩu"),
                                  reason=QT_TRANSLATE_NOOP("errors", "cần ít nhất 6 ký tự"))
        with UnitOfWork(self._db) as uow:
            row = uow.users.by_username(username.strip().lower())
            if row is None:
                raise NotFoundError(what=QT_TRANSLATE_NOOP("labels", "tài khoản"))
            row.password_hash = hash_password(new_password)
            uow.audit(AuditAction.UPDATE, "users", row.id, actor.id, {"password": "changed"})
            uow.commit()


def _info(row: UserRow) -> UserInfo:
    return UserInfo(row.id, row.username, row.full_name, Role(row.role), row.active, row.last_sign_in_at)
