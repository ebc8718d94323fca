"""The tests and the benchmarks stay apart: a test imports helpers from tests/support (or devkit), never another test
module; the benchmarks never reach into tests/ (what both need lives in devkit/); devkit never imports either."""
from pathlib import Path

from support.imports import imports_of as _imports

ROOT = Path(__file__).resolve().parents[1]


def _files(folder: str):
    return sorted((ROOT / folder).rglob("*.py"))


def test_no_test_module_imports_another_test_module():
    offenders = {f"{p.relative_to(ROOT)}: {n}" for p in _files("tests") for n in _imports(p)
                 if any(part.startswith("test_") or part == "conftest" for part in n.split("."))}
    assert offenders == set()


def test_the_benchmarks_never_import_from_the_tests_folder():
    offenders = {f"{p.relative_to(ROOT)}: {n}" for p in _files("bench") for n in _imports(p)
                 if n.split(".")[0] in {"support", "tests", "conftest"} or n.split(".")[-1].startswith("test_")}
    assert offenders == set()
    assert not [p for p in _files("bench") if '"tests"' in p.read_text(encoding="utf-8")]  # no tests/ on sys.path


def test_devkit_stands_below_the_tests_and_the_benchmarks():
    offenders = {f"{p.relative_to(ROOT)}: {n}" for p in _files("devkit") for n in _imports(p)
                 if n.split(".")[0] in {"support", "tests", "bench", "pytest"}}
    assert offenders == set()
