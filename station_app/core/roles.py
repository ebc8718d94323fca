"""Who may do what. The UI hides what a role cannot do; the services refuse it again."""
from __future__ import annotations

from enum import StrEnum

from station_app.core.errors import PermissionDeniedError
from station_app.core.model import Role


class Permission(StrEnum):
    REGISTER_RESIDENTS = "register_residents"
    RECORD_VITALS = "record_vitals"
    RECORD_FINDINGS = "record_findings"
    CONCLUDE_VISIT = "conclude_visit"
    WRITE_COUNSELLING = "write_counselling"
    VIEW_LISTS = "view_lists"
    PRINT_LISTS = "print_lists"
    EXPORT_DATA = "export_data"
    IMPORT_ROSTER = "import_roster"
    MANAGE_USERS = "manage_users"
    MANAGE_STATION = "manage_station"
    VERIFY_AUDIT = "verify_audit"


_P = Permission
_RULES: dict[Role, frozenset[Permission]] = {
    Role.NURSE: frozenset({_P.REGISTER_RESIDENTS, _P.RECORD_VITALS, _P.WRITE_COUNSELLING, _P.VIEW_LISTS}),
    Role.DOCTOR: frozenset(
        {_P.REGISTER_RESIDENTS, _P.RECORD_VITALS, _P.RECORD_FINDINGS, _P.CONCLUDE_VISIT, _P.WRITE_COUNSELLING,
         _P.VIEW_LISTS}
    ),
    Role.COORDINATOR: frozenset(
        {_P.REGISTER_RESIDENTS, _P.VIEW_LISTS, _P.PRINT_LISTS, _P.EXPORT_DATA, _P.IMPORT_ROSTER, _P.VERIFY_AUDIT}
    ),
    Role.ADMIN: frozenset(Permission),
}


def can(role: Role, permission: Permission) -> bool:
    return permission in _RULES[Role(role)]


def require(role: Role, permission: Permission) -> None:
    """Raise :class:`PermissionDeniedError` unless ``role`` has ``permission``."""
    if not can(role, permission):
        raise PermissionDeniedError(permission=permission.value)


def permissions_of(role: Role) -> frozenset[Permission]:
    return _RULES[Role(role)]
