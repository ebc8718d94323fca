"""The stations' installed program leaves out the receiving office's server parts (installer/pyinstaller/
station_app.spec, "station" edition): a command needing one says so in Vietnamese, and nothing starts."""
from __future__ import annotations

import builtins
import importlib.util

import pytest

from station_app import cli

REAL_FIND_SPEC = importlib.util.find_spec


@pytest.fixture
def station_edition(monkeypatch):
    """Python as in the station edition: fastapi, uvicorn, psycopg and fhir cannot be found or imported."""
    left_out = ("fastapi", "uvicorn", "psycopg", "fhir")
    real_import = builtins.__import__

    def find_spec(name, *args, **kwargs):
        if name.split(".")[0] in left_out:
            if "." in name:
                raise ModuleNotFoundError(f"No module named {name.split('.')[0]!r}")
            return None
        return REAL_FIND_SPEC(name, *args, **kwargs)

    def guarded_import(name, *args, **kwargs):
        if name.split(".")[0] in left_out:
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.setattr(builtins, "__import__", guarded_import)


PG = "postgresql+psycopg://office@127.0.0.1/office"


@pytest.mark.parametrize(("argv", "part"), [
    (["office", "serve", "--dir", "{dir}"], "dịch vụ nhận lô qua mạng"),
    (["office", "import", "--dir", "{dir}", "--db", PG, "x.batch"], "cơ sở dữ liệu PostgreSQL"),
    (["office", "import", "--dir", "{dir}", "--validate-fhir", "x.batch"], "kiểm tra FHIR đầy đủ"),
    (["office", "--dir", "{dir}", "--db", PG], "cơ sở dữ liệu PostgreSQL"),  # the office window
])
def test_a_command_needing_an_office_part_names_the_office_installer(station_edition, tmp_path, capsys, argv, part):
    argv = [a.format(dir=tmp_path / "office") for a in argv]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert part in err and "station-app-office" in err and "Traceback" not in err
    assert not (tmp_path / "office").exists()  # nothing was started or made


def test_the_usb_import_still_works_without_the_office_parts(station_edition, tmp_path, capsys):
    # the office's own SQLite and USB import are in the station edition too
    assert cli.main(["office", "init", "--dir", str(tmp_path / "office")]) == 0
    assert cli.main(["office", "stations", "list", "--dir", str(tmp_path / "office")]) == 0
    assert "station-app-office" not in capsys.readouterr().err
