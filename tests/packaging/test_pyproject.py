"""The project's metadata builds without setuptools deprecation warnings (`make run` printed one for the licence
given as a table, deprecated since setuptools 77 and refused from 2027-02-18)."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_licence_is_an_spdx_expression_that_the_required_setuptools_reads():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(project["project"]["license"], str)  # a table is deprecated
    assert not any(c.startswith("License ::") for c in project["project"].get("classifiers", []))  # nor both
    setuptools = next(r for r in project["build-system"]["requires"] if r.startswith("setuptools"))
    assert tuple(map(int, re.search(r">=([\d.]+)", setuptools).group(1).split("."))) >= (77,)
