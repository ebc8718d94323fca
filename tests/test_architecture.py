"""The layers stay apart: the core is pure, only persistence imports SQLAlchemy, only ui imports Qt widgets."""
import re
from pathlib import Path

import pytest
from support.imports import imports_of as _imports

PACKAGE = Path(__file__).resolve().parents[1] / "station_app"


def _modules(sub: str = ""):
    return sorted((PACKAGE / sub).rglob("*.py"))


def _offenders(files, prefixes):
    return {f"{p.relative_to(PACKAGE)}: {n}" for p in files for n in _imports(p)
            if any(n == x or n.startswith(x + ".") for x in prefixes)}


def test_core_imports_neither_qt_nor_sqlalchemy_nor_io_libraries():
    banned = ["PySide6", "sqlalchemy", "alembic", "reportlab", "zxingcpp", "pyzbar", "sqlite3", "station_app.persistence",
              "station_app.services", "station_app.ui"]
    assert _offenders(_modules("core"), banned) == set()


def test_only_persistence_imports_sqlalchemy():
    outside = [p for p in _modules() if "persistence" not in p.parts]
    assert _offenders(outside, ["sqlalchemy", "alembic"]) == set()


def test_only_ui_imports_qt():
    outside = [p for p in _modules() if "ui" not in p.relative_to(PACKAGE).parts]
    assert _offenders(outside, ["PySide6"]) == set()


@pytest.mark.parametrize("layer", ["persistence", "services"])
def test_lower_layers_never_reach_up_to_the_ui(layer):
    assert _offenders(_modules(layer), ["station_app.ui", "station_app.app", "station_app.cli"]) == set()


WEB_STACK = ["fastapi", "starlette", "uvicorn"]


def test_only_web_imports_the_web_stack():
    outside = [p for p in _modules() if "web" not in p.relative_to(PACKAGE).parts]
    assert _offenders(outside, WEB_STACK) == set()


def test_web_is_a_thin_layer_over_the_services():
    assert _offenders(_modules("web"), ["station_app.persistence", "station_app.ui", "station_app.app",
                                         "station_app.cli", "sqlalchemy", "PySide6"]) == set()


@pytest.mark.parametrize("layer", ["core", "persistence", "services", "ui"])
def test_no_layer_reaches_into_the_web_service(layer):
    assert _offenders(_modules(layer), ["station_app.web"]) == set()


# The two sides of the house (docs/ARCHITECTURE.md): station -> exchange -> common, office -> exchange -> common.
SIDES = {
    "common": ["exchange", "station", "office"],
    "exchange": ["station", "office"],
    "station": ["office"],
    "office": ["station"],
}


@pytest.mark.parametrize("side", SIDES)
def test_the_services_of_each_side_depend_one_way(side):
    banned = [f"station_app.services.{other}" for other in SIDES[side]]
    assert _offenders(_modules(f"services/{side}"), banned) == set()


def test_every_service_lives_in_a_side():
    assert [p.name for p in (PACKAGE / "services").glob("*.py")] == ["__init__.py"]
    assert {p.name for p in (PACKAGE / "services").iterdir() if p.is_dir() and p.name != "__pycache__"} == set(SIDES)


def test_the_office_database_and_the_station_database_stay_apart():
    office = _modules("persistence/office")
    station = [p for p in _modules("persistence") if "office" not in p.relative_to(PACKAGE).parts]
    assert office and _offenders(office, ["station_app.persistence.tables", "station_app.persistence.unit_of_work",
                                          "station_app.persistence.repositories"]) == set()
    assert _offenders(station, ["station_app.persistence.office"]) == set()
    assert _offenders(_modules("services/station"), ["station_app.persistence.office"]) == set()
    assert _offenders(_modules("services/office"), ["station_app.persistence.tables",
                                                    "station_app.persistence.unit_of_work"]) == set()


def test_the_window_never_builds_its_own_wiring():
    """app.py is the one composition root: the UI types against ui.context.StationContext, gets the opener and
    the services from app.py, and never holds the database or the persistence layer."""
    assert _offenders(_modules("ui"), ["station_app.app", "station_app.persistence", "sqlalchemy"]) == set()
    touching_db = {f"{p.relative_to(PACKAGE)}" for p in _modules("ui")
                   if "ctx.db" in p.read_text(encoding="utf-8")}
    assert touching_db == set()


def test_a_pages_state_is_plain_python():
    """A page that became a folder keeps its decisions in a widget-free ``state.py`` that tests drive without Qt
    (issue 17, point 4): it imports neither Qt nor the page's widgets."""
    states = sorted((PACKAGE / "ui" / "pages").glob("*/state.py"))
    assert states and _offenders(states, ["PySide6", "shiboken6", "station_app.ui"]) == set()


def test_pages_run_typed_operations_and_leave_dead_callbacks_to_the_runner():
    """The UI runs background work only as ``tasks.run(Operation, parent=…)`` (issue 17, point 4): nothing calls a
    runner's old untyped ``submit(fn, *args)``, and no task callback is wrapped in ``while_alive``, since the runner
    drops the callbacks of a deleted parent itself."""
    pattern = re.compile(r"\.submit\(\s*[A-Za-z_]|on_(done|error)\s*=\s*while_alive")
    offenders = {f"{p.relative_to(PACKAGE)}" for p in _modules("ui") if pattern.search(p.read_text(encoding="utf-8"))}
    assert offenders == set()


def test_persistence_never_reaches_up_to_the_services():
    assert _offenders(_modules("persistence"), ["station_app.services"]) == set()


def test_no_module_is_loaded_by_name():
    """Imports are written out, so a reader (and PyInstaller) sees them; find_spec only asks whether the office
    edition's parts are there (cli.py)."""
    by_name = {f"{p.relative_to(PACKAGE)}" for p in _modules()
               if any(call in p.read_text(encoding="utf-8") for call in ("import_module(", "__import__("))}
    assert by_name == set()


# Services talk to the repositories of the unit of work, never to the session (issue 17, point 3): every
# service module, of both sides, so a new ``uow.session`` (or a session of its own) fails here.
SERVICES = _modules("services")
OFFICE_SERVICES = _modules("services/office")


@pytest.mark.parametrize("module", SERVICES, ids=lambda p: f"{p.relative_to(PACKAGE)}")
def test_services_never_touch_the_session(module):
    source = module.read_text(encoding="utf-8")
    assert ".session" not in source and ".engine" not in source


def test_the_rule_on_the_session_covers_every_side():
    assert {p.relative_to(PACKAGE / "services").parts[0] for p in SERVICES} >= set(SIDES)


@pytest.mark.parametrize("module", OFFICE_SERVICES, ids=lambda p: f"{p.relative_to(PACKAGE)}")
def test_the_office_services_reach_their_repositories_through_the_unit_of_work(module):
    """``OfficeUnitOfWork`` opens the transaction and hands out the repositories; a service makes neither."""
    text = module.read_text(encoding="utf-8")
    assert not any(made in text for made in ("transaction(", "OfficeStore(", "QuarantineStore(", "ChainDecisions(",
                                             "OfficeReads(", "sessions("))
