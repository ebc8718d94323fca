"""Qt translations: ``update`` collects the interface's strings into the .ts files, ``build`` makes the .qm files.

Vietnamese is the source language; ``resources/translations/station_app_en.ts`` holds the English. ``qtbase_vi.ts``
holds the Vietnamese of Qt's own dialogs (file, print, preview), which Qt does not ship; ``update`` leaves it alone. Run
``update`` after changing user-visible strings, translate the new entries (Qt Linguist: ``pyside6-linguist``),
then ``build`` (``make`` does this before running or testing the app). The .qm files are built, not committed.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "station_app").rglob("*.py"))


def update() -> None:
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"station_app_{lang}.ts"
        subprocess.run([_tool("lupdate"), "-no-obsolete", "-source-language", "vi_VN", "-target-language", lang,
                        *sources(), "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)


def build() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):  # the app's, and qtbase_vi.ts for Qt's own dialogs
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


if __name__ == "__main__":
    {"update": update, "build": build}[sys.argv[1] if len(sys.argv) > 1 else "build"]()
