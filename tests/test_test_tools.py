"""`make test` installs every stock tool the tests run, and under CI a missing one fails its test instead of
skipping it (a skipped test checks nothing): tests/support/tools.py."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.tools import ESSENTIAL, STOCK_TOOLS, require_tools

ROOT = Path(__file__).resolve().parents[1]


def _testing_packages() -> set[str]:
    script = (ROOT / "scripts" / "install-system-deps.sh").read_text(encoding="utf-8")
    return set(re.search(r"^TESTING=\(([^)]*)\)", script, re.MULTILINE).group(1).split())


def test_make_test_installs_the_package_of_every_tool_a_test_runs():
    needed = {package for package in STOCK_TOOLS.values() if package not in ESSENTIAL}
    assert needed - _testing_packages() == set()


def test_no_test_skips_on_a_missing_tool_by_itself():
    """A tool is named with @pytest.mark.tools or require_tools, so that CI turns its absence into a failure."""
    own = {Path(__file__).resolve(), ROOT / "tests" / "support" / "tools.py"}
    found = [f"{path.relative_to(ROOT)}: {line.strip()}" for path in (ROOT / "tests").rglob("*.py")
             if path.resolve() not in own for line in path.read_text(encoding="utf-8").splitlines()
             if "shutil.which" in line and ("skip" in line or "missing" in line)]
    assert found == []


def test_every_tool_named_by_a_test_is_known():
    named = set()
    for path in (p for p in (ROOT / "tests").rglob("*.py") if p.name != Path(__file__).name):
        for args in re.findall(r"(?:mark\.tools|require_tools)\(([^)]*)\)", path.read_text(encoding="utf-8")):
            named |= set(re.findall(r'"([^"]+)"', args))
    assert named and named - set(STOCK_TOOLS) == set()


def test_a_missing_tool_skips_the_test_on_a_developers_machine(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"no-such-tool-here .*missing: make test installs it"):
        require_tools("sh", "no-such-tool-here")


@pytest.mark.parametrize("value", ["true", "1", "yes"])
def test_a_missing_tool_fails_the_test_under_ci(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match=r"no-such-tool-here .*missing under CI"):
        require_tools("no-such-tool-here")
    require_tools("sh")  # a tool that is there passes
