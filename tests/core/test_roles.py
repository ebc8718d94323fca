import pytest

from station_app.core.errors import PermissionDeniedError
from station_app.core.model import Role
from station_app.core.roles import Permission, can, require


@pytest.mark.parametrize("permission", [Permission.EXPORT_DATA, Permission.MANAGE_USERS, Permission.PRINT_LISTS])
def test_a_nurse_cannot_export_print_lists_or_manage_users(permission):
    assert not can(Role.NURSE, permission)
    with pytest.raises(PermissionDeniedError):
        require(Role.NURSE, permission)


def test_a_nurse_registers_records_vitals_and_counsels():
    for permission in (Permission.REGISTER_RESIDENTS, Permission.RECORD_VITALS, Permission.WRITE_COUNSELLING):
        assert can(Role.NURSE, permission)
    assert not can(Role.NURSE, Permission.CONCLUDE_VISIT)


def test_only_coordinator_and_admin_print_lists_and_export():
    allowed = {r for r in Role if can(r, Permission.PRINT_LISTS) and can(r, Permission.EXPORT_DATA)}
    assert allowed == {Role.COORDINATOR, Role.ADMIN}


def test_only_admin_manages_users_and_the_station():
    assert {r for r in Role if can(r, Permission.MANAGE_USERS)} == {Role.ADMIN}
    assert {r for r in Role if can(r, Permission.MANAGE_STATION)} == {Role.ADMIN}


def test_only_doctors_and_admin_conclude_a_visit():
    assert {r for r in Role if can(r, Permission.CONCLUDE_VISIT)} == {Role.DOCTOR, Role.ADMIN}


def test_permission_error_names_a_vietnamese_next_step():
    with pytest.raises(PermissionDeniedError) as info:
        require(Role.NURSE, Permission.EXPORT_DATA)
    assert "quyền" in str(info.value).lower()


def test_only_coordinator_and_admin_import_the_roster():
    assert {r for r in Role if can(r, Permission.IMPORT_ROSTER)} == {Role.COORDINATOR, Role.ADMIN}
