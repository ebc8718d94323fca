"""The Linux bundle's stand-ins for Qt Quick/QML (installer/pyinstaller/qt_stubs.py): with them, and without the
real libraries, Qt Multimedia's FFmpeg plugin still loads, so the camera works; the self-test tells a broken one."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer" / "pyinstaller"))
import qt_stubs  # noqa: E402

import PySide6  # noqa: E402

QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
pytestmark = [pytest.mark.skipif(not (QT_LIB / qt_stubs.QUICK).is_file(), reason="Linux PySide6 wheel needed"),
              pytest.mark.tools("gcc")]

# Loads Qt Multimedia's back-end and says whether it came up, and which Qt Quick/QML files the process mapped.
PROBE = """
from PySide6.QtCore import QCoreApplication
from PySide6.QtMultimedia import QMediaFormat
app = QCoreApplication([])
decoders = QMediaFormat().supportedVideoCodecs(QMediaFormat.ConversionMode.Decode)
print(len(decoders))
print(sorted({l.split()[-1] for l in open("/proc/self/maps") if "libQt6Q" in l}))
"""


def probe(library_dir: Path) -> tuple[int, str]:
    env = {**os.environ, "LD_LIBRARY_PATH": str(library_dir), "QT_QPA_PLATFORM": "offscreen",
           "QT_LOGGING_RULES": "qt.multimedia*=false"}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    count, mapped = done.stdout.strip().splitlines()[-2:]
    return int(count), mapped


def test_the_camera_back_end_loads_with_the_stand_ins_and_without_the_real_quick(tmp_path):
    stubs = qt_stubs.build_stubs(QT_LIB, tmp_path / "stubs")
    count, mapped = probe(tmp_path / "stubs")
    assert count > 0  # the FFmpeg plugin loaded: it lists the video decoders
    assert str(stubs[qt_stubs.QUICK]) in mapped and str(stubs[qt_stubs.QML]) in mapped
    assert str(QT_LIB / qt_stubs.QUICK) not in mapped and "QmlModels" not in mapped
    assert sum(p.stat().st_size for p in stubs.values()) < 100_000  # instead of 16 MiB


def test_a_stand_in_without_the_symbols_leaves_no_camera_back_end(tmp_path):
    # the check the self-test relies on: a Qt Quick library that does not give the plugin what it needs
    (tmp_path / "empty.c").write_text("typedef int unused;\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(tmp_path / qt_stubs.QUICK),
                    f"-Wl,-soname,{qt_stubs.QUICK}", str(tmp_path / "empty.c")], check=True)
    count, _mapped = probe(tmp_path)
    assert count == 0


def test_the_bundle_list_gets_the_stand_ins_and_loses_what_only_qt_quick_needed(tmp_path):
    real = [(f"PySide6/Qt/lib/{name}", str(QT_LIB / name), "BINARY")
            for name in (qt_stubs.QUICK, qt_stubs.QML, *qt_stubs.DROPPED, "libQt6Gui.so.6")]
    replaced = dict((dest, src) for dest, src, _ in qt_stubs.replace_quick(real, tmp_path / "w"))
    assert replaced[f"PySide6/Qt/lib/{qt_stubs.QUICK}"] == str(tmp_path / "w" / qt_stubs.QUICK)
    assert replaced[f"PySide6/Qt/lib/{qt_stubs.QML}"] == str(tmp_path / "w" / qt_stubs.QML)
    assert replaced["PySide6/Qt/lib/libQt6Gui.so.6"] == str(QT_LIB / "libQt6Gui.so.6")
    assert not any(Path(d).name in qt_stubs.DROPPED for d in replaced)
    windows = [("PySide6/Qt6Quick.dll", "C:/x/Qt6Quick.dll", "BINARY")]
    assert qt_stubs.replace_quick(windows, tmp_path / "w2") == windows
