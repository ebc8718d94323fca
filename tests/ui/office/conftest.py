"""The office window on real office folders (tests/support/office.py) holding real batches exported by a real
station (tests/support/batch.py). Only modal dialogs (save as, an unexpected error) are replaced."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest
from support.batch import full_visit, make_doctor, open_visit
from support.office import connect_station, export, make_office
from support.postgres import postgres_server  # noqa: F401 - the session fixture, started only when asked for

from station_app.ui.office.window import OfficeWindow


@pytest.fixture(autouse=True)
def no_unexpected_errors(no_unexpected_errors):
    """Every office window test fails on an unexpected error dialog instead of hanging on it (tests/ui/conftest.py)."""
    return no_unexpected_errors


@pytest.fixture
def office(tmp_path, request):
    """An office folder on SQLite; ``parametrize("office", ["postgresql"], indirect=True)`` puts its database
    on the throwaway PostgreSQL server instead."""
    url = request.getfixturevalue("postgres_server").new_database() if getattr(request, "param", "") == \
        "postgresql" else None
    made = make_office(tmp_path / "đơn vị nhận", url)
    yield made
    made.service.close()


@pytest.fixture
def batches(ctx, admin, nurse, data_dir, office, tmp_path) -> list[Path]:
    """Batches 1, 2 and 3 of station TYT-MK (registered with the office): a finished visit, then two opened."""
    connect_station(office, data_dir)
    made = []
    full_visit(ctx, nurse, make_doctor(ctx, admin), refer=False)
    made.append(export(ctx, data_dir, tmp_path / "xuất" / "1"))
    for number, national_id in ((2, "011180001235"), (3, "011180001236")):
        open_visit(ctx, nurse, name=f"Lò Văn Số {number}", national_id=national_id)
        made.append(export(ctx, data_dir, tmp_path / "xuất" / str(number)))
    return made


@pytest.fixture
def open_window(app, qtbot):
    """``open_window(folder, db_url=None)``: the office window, shown, with its office opened (or refused)."""
    made: list[OfficeWindow] = []

    def make(folder: Path, db_url: str | None = None, wait_open: bool = True) -> OfficeWindow:
        window = OfficeWindow(folder, db_url)
        window.resize(1366, 768)
        window.show()
        window.open()
        made.append(window)
        if wait_open:
            qtbot.waitUntil(lambda: window.service is not None and not window.tasks.busy, timeout=15_000)
        return window

    yield make
    for window in made:
        window.close()
        window.deleteLater()
    qtbot.wait(20)
    gc.collect()
