"""The trimmed ICU data library of the Linux bundle (installer/pyinstaller/icu_trim.py): with it, Qt still sorts
Vietnamese names, upper-cases Vietnamese and names the time zone as the 31 MiB original does."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[2]
ORIGINAL = Path(PySide6.__file__).parent / "Qt" / "lib" / "libicudata.so.73"
pytestmark = [pytest.mark.skipif(not ORIGINAL.exists(), reason="needs PySide6's libicudata.so.73 (Linux)"),
              pytest.mark.tools("as", "ld")]

# Runs in a child process so that LD_LIBRARY_PATH decides which libicudata Qt Core loads.
PROBE = r"""
import json, sys
from PySide6.QtCore import QCollator, QDateTime, QLocale, QStringDecoder, QTextBoundaryFinder, QTimeZone

def words(text):
    finder, cuts, at = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, text), [0], 0
    while (at := finder.toNextBoundary()) != -1:
        cuts.append(at)
    return [w for w in (text[a:b] for a, b in zip(cuts, cuts[1:])) if w.strip(" .")]

names = ["Giang", "Đặng", "Bình", "Dương", "Ánh", "Anh"]
zone = QTimeZone(b"Asia/Ho_Chi_Minh")
long_name = lambda lang: zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale(lang))
print(json.dumps({
    "icudata": [line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line][0],
    "sorted_vi": sorted(names, key=QCollator(QLocale("vi")).sortKey),
    "sorted_en": sorted(names, key=QCollator(QLocale("en")).sortKey),
    "upper_vi": QLocale("vi").toUpper("đường ưu ái"),
    "zone_valid": zone.isValid(),
    "zone_offset": zone.offsetFromUtc(QDateTime.currentDateTime()),
    "zone_vi": long_name("vi"), "zone_en": long_name("en"),
    "words": words("Tôi đi khám bệnh ở trạm y tế."),
    "windows_1258": QStringDecoder("windows-1258").isValid(),
    "shift_jis": QStringDecoder("Shift_JIS").isValid(),
}))
"""

WINDOW = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("Trạm Y tế xã Đông Hòa — Đăng ký khám")
label.show()
app.processEvents()
print(label.isVisible(), label.text())
"""


def load_icu_trim():
    spec = importlib.util.spec_from_file_location("icu_trim", ROOT / "installer" / "pyinstaller" / "icu_trim.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["icu_trim"] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


icu_trim = load_icu_trim()


def run_child(code: str, lib_dir: Path | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    if lib_dir is not None:
        env["LD_LIBRARY_PATH"] = str(lib_dir)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)


@pytest.fixture(scope="module")
def trimmed_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("icu")
    icu_trim.trim_library(ORIGINAL, folder / ORIGINAL.name)
    return folder


@pytest.fixture(scope="module")
def untrimmed() -> dict:
    return json.loads(run_child(PROBE, None).stdout)


@pytest.fixture(scope="module")
def trimmed(trimmed_dir) -> dict:
    return json.loads(run_child(PROBE, trimmed_dir).stdout)


def test_qt_loads_the_trimmed_library_which_is_under_a_fifth_of_the_original(trimmed_dir, trimmed, untrimmed):
    library = trimmed_dir / ORIGINAL.name
    assert Path(trimmed["icudata"]) == library
    assert Path(untrimmed["icudata"]) == ORIGINAL
    assert library.stat().st_size < 0.2 * ORIGINAL.stat().st_size


def test_vietnamese_names_sort_as_with_the_full_data(trimmed, untrimmed):
    # Vietnamese: Đ is a letter of its own after D; the accents only break ties (Anh before Ánh).
    expected = ["Anh", "Ánh", "Bình", "Dương", "Đặng", "Giang"]
    assert untrimmed["sorted_vi"] == expected
    assert trimmed["sorted_vi"] == expected
    assert trimmed["sorted_en"] == untrimmed["sorted_en"]  # English sorts Đ with D: not the same order


def test_vietnamese_text_upper_cases_and_splits_into_words(trimmed):
    assert trimmed["upper_vi"] == "ĐƯỜNG ƯU ÁI"
    assert trimmed["words"] == ["Tôi", "đi", "khám", "bệnh", "ở", "trạm", "y", "tế"]


def test_ho_chi_minh_city_time_zone_has_its_offset_and_names(trimmed, untrimmed):
    assert trimmed["zone_valid"] and trimmed["zone_offset"] == 7 * 3600
    assert trimmed["zone_vi"] == untrimmed["zone_vi"] == "Giờ Đông Dương"
    assert trimmed["zone_en"] == untrimmed["zone_en"] == "Indochina Time"


def test_windows_vietnamese_code_page_stays_and_east_asian_tables_go(trimmed, untrimmed):
    assert trimmed["windows_1258"]
    assert untrimmed["shift_jis"] and not trimmed["shift_jis"]


def test_a_window_with_vietnamese_text_starts_without_icu_errors(trimmed_dir):
    child = run_child(WINDOW, trimmed_dir)
    assert child.stdout.split()[0] == "True"
    assert "icu" not in child.stderr.lower()


def test_the_trimmed_package_is_sorted_and_aligned_for_icu(trimmed_dir):
    blob = icu_trim.read_data_symbol(trimmed_dir / ORIGINAL.name).blob
    package = icu_trim.parse_package(blob)
    names = [item.name for item in package.items]
    assert names == sorted(names, key=str.encode)
    assert {"coll/ucadata.icu", "coll/vi.res", "zone/vi.res", "zoneinfo64.res", "cnvalias.icu"} <= set(names)
    assert not {"coll/de.res", "brkitr/cjdict.dict", "translit/root.res", "ja.res"} & set(names)
    assert all(len(item.data) % 16 == 0 for item in package.items)


def test_a_versioned_symbol_keeps_its_version(tmp_path):
    package = icu_trim.parse_package(icu_trim.read_data_symbol(ORIGINAL).blob)
    small = icu_trim.build_package(package.header, package.prefix, package.items[:3])
    for folder in ("in", "out"):
        (tmp_path / folder).mkdir()
    versioned = icu_trim.emit_library(small, tmp_path / "in" / ORIGINAL.name, "icudt73_dat", ORIGINAL.name,
                                      version="ICU_73")
    icu_trim.trim_library(versioned, tmp_path / "out" / ORIGINAL.name)
    symbol = icu_trim.read_data_symbol(tmp_path / "out" / ORIGINAL.name)
    assert (symbol.name, symbol.version) == ("icudt73_dat", "ICU_73")


def test_the_spec_gets_the_trimmed_library_and_keeps_the_rest(tmp_path):
    binaries = [("PySide6/Qt/lib/libicudata.so.73", str(ORIGINAL), "BINARY"),
                ("libicudata.so.73", "PySide6/Qt/lib/libicudata.so.73", "SYMLINK"),
                ("PySide6/Qt/lib/libicuuc.so.73", str(ORIGINAL.with_name("libicuuc.so.73")), "BINARY")]
    result = icu_trim.replace_icudata(binaries, tmp_path / "icu")
    assert result[0] == ("PySide6/Qt/lib/libicudata.so.73", str(tmp_path / "icu" / "libicudata.so.73"), "BINARY")
    assert result[1:] == binaries[1:]
    assert (tmp_path / "icu" / "libicudata.so.73").stat().st_size < 0.2 * ORIGINAL.stat().st_size
    assert icu_trim.replace_icudata(binaries[2:], tmp_path / "none") == binaries[2:]
