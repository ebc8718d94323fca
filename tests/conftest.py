"""Shared fixtures: a fresh data folder and an initialised station on a real SQLite file per test."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("LANG", "C.UTF-8")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from station_app.app import AppContext, open_context  # noqa: E402
from station_app.core.model import Role  # noqa: E402
from station_app.services.common.accounts import SignedInUser  # noqa: E402
from support.batch import make_doctor  # noqa: E402
from support import ADMIN_PASSWORD, NURSE_PASSWORD, station_setup  # noqa: E402
from support.tools import require_tools  # noqa: E402


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.tools("jq", …)``: skipped without them, failed under CI (tests/support/tools.py)."""
    for mark in item.iter_markers("tools"):
        require_tools(*mark.args)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "dữ liệu trạm"  # a non-ASCII path, as on a Vietnamese Windows account
    folder.mkdir()
    return folder


@pytest.fixture
def empty_ctx(data_dir: Path):
    ctx = open_context(data_dir)
    yield ctx
    ctx.close()


@pytest.fixture
def ctx(empty_ctx: AppContext) -> AppContext:
    empty_ctx.station.initialise(station_setup())
    return empty_ctx


@pytest.fixture
def admin(ctx: AppContext) -> SignedInUser:
    return ctx.accounts.sign_in("admin", ADMIN_PASSWORD)


@pytest.fixture
def nurse(ctx: AppContext, admin: SignedInUser) -> SignedInUser:
    ctx.accounts.add_user(admin, "y.ta.hoa", full_name="Tòng Thị Hoa", role=Role.NURSE, password=NURSE_PASSWORD)
    return ctx.accounts.sign_in("y.ta.hoa", NURSE_PASSWORD)


@pytest.fixture
def doctor(ctx: AppContext, admin: SignedInUser) -> SignedInUser:
    return make_doctor(ctx, admin)


@pytest.fixture
def db_url() -> str | None:
    """Where the office keeps its database: None is SQLite in its folder (a module may run on both)."""
    return None


@pytest.fixture
def office(tmp_path: Path, db_url: str | None):
    """A receiving office's folder with its service, closed after the test."""
    from support.office import make_office  # imported here: most tests have no office

    made = make_office(tmp_path / "văn phòng", db_url)
    yield made
    made.service.close()


@pytest.fixture
def station(ctx: AppContext, data_dir: Path, office) -> AppContext:
    """The test's station, registered with the office."""
    from support.office import connect_station

    connect_station(office, data_dir)
    return ctx
