"""Warning limits in the PL01 definitions (choices.csv's warn_min/warn_max): carried into the generated forms, and
refused by the generator when a warning could never show (outside the field's limits) or is not for a number."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from station_app.services.common import pl01_forms

ROOT = Path(__file__).resolve().parents[3]
PL01 = ROOT / "resources" / "reference" / "pl01"
SCRIPT = ROOT / "scripts" / "build_pl01_forms.py"


def _build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8",
                          cwd=ROOT, timeout=120)


@pytest.fixture
def copy(tmp_path):
    folder = tmp_path / "pl01"
    shutil.copytree(PL01, folder)
    return folder


def _set(folder: Path, code: str, **values: str) -> None:
    path = folder / "choices.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        names, rows = list(reader.fieldnames or ()), list(reader)
    for row in rows:
        if row["code"] == code and not row["form"]:
            row.update(values)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, names, lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)


def test_the_shipped_forms_carry_the_warning_limits():
    hearing = pl01_forms.form(2).field("TAI_TRAI_NOI_THUONG")
    assert (hearing.warn_low, hearing.warn_high) == (4, None)
    assert hearing.unusual("3") and hearing.unusual("3,5") and not hearing.unusual("4") and not hearing.unusual("6")
    born = pl01_forms.form(13).field("TUAN_THAI_KHI_SINH")
    assert born.unusual("35") and born.unusual("43") and not born.unusual("39")
    assert not born.unusual("99")  # "Không có thông tin", a code of its list, is never unusual


def test_a_warning_limit_outside_the_fields_limits_is_refused_by_name(copy):
    _set(copy, "TAI_TRAI_NOI_THUONG", warn_min="12")  # the field takes 0 to 10 m: the warning could never show
    done = _build("--folder", str(copy))
    assert done.returncode == 2
    assert "TAI_TRAI_NOI_THUONG" in done.stderr and "warn_min 12 outside the field's limits 0–10" in done.stderr


def test_a_warning_limit_on_a_field_that_is_not_a_number_is_refused(copy):
    _set(copy, "HAM_TREN", warn_max="3")
    done = _build("--folder", str(copy))
    assert done.returncode == 2 and "HAM_TREN" in done.stderr and "warn_min/warn_max" in done.stderr


def test_a_low_warning_above_the_high_one_is_refused(copy):
    _set(copy, "CHU_KY_KINH", warn_min="40", warn_max="30")
    done = _build("--folder", str(copy))
    assert done.returncode == 2 and "CHU_KY_KINH" in done.stderr and "not below warn_max" in done.stderr
