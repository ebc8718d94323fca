"""Every file the app reads at run time is found through station_app.resources, from source and from a bundle."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from station_app import resources
from station_app.persistence import database
from station_app.persistence.office import database as office_database

ROOT = Path(__file__).resolve().parents[2]


def test_inside_a_pyinstaller_bundle_resources_come_from_the_bundle(tmp_path, monkeypatch):
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    (tmp_path / "resources" / "fonts" / "DejaVuSans.ttf").write_bytes(b"font")
    monkeypatch.delenv("STATION_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource("fonts", "DejaVuSans.ttf") == tmp_path / "resources" / "fonts" / "DejaVuSans.ttf"
    with pytest.raises(FileNotFoundError, match="fonts/missing.ttf"):
        resources.resource("fonts", "missing.ttf")


def test_every_resource_the_code_names_is_shipped():
    named = set()
    for path in (ROOT / "station_app").rglob("*.py"):
        for args in re.findall(r"\bresource\(((?:\s*\"[^\"]+\",?)+)\)", path.read_text(encoding="utf-8")):
            named.add(tuple(re.findall(r"\"([^\"]+)\"", args)))
    assert ("fonts", "DejaVuSans.ttf") in named
    for parts in named:
        assert (ROOT / "resources").joinpath(*parts).is_file(), parts


def test_no_module_but_the_accessor_and_the_migrations_finds_files_beside_itself():
    # a path built from __file__ works from source only unless the bundle copies those files to the same place:
    # the spec copies the migrations beside the frozen database module, everything else is under resources/
    users = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "station_app").rglob("*.py")
                   if "__file__" in p.read_text(encoding="utf-8"))
    assert users == ["station_app/persistence/database.py", "station_app/persistence/office/database.py",
                     "station_app/resources.py"]
    spec = (ROOT / "installer" / "pyinstaller" / "station_app.spec").read_text(encoding="utf-8")
    assert database.alembic_config("sqlite://").get_main_option("script_location").endswith(
        str(Path("station_app", "persistence", "migrations")))
    assert office_database.MIGRATIONS == ROOT / "station_app" / "persistence" / "office" / "migrations"
    assert '"station_app/persistence/migrations/versions"' in spec
    assert '"station_app/persistence/office/migrations/versions"' in spec
