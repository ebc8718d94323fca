"""Build size: the one-folder bundle in ``dist/station-app`` (``make dist``) measured as it is, not built (a build
takes minutes of both cores). Without a bundle the section says so and how to make one.

Figure: the bundle's size on disk, against the locked dependencies as installed in the build venv
(``build/venv``'s site-packages, what a bundle that left nothing out would start from), measured in the same run.
The "Build size" section lists the largest parts of the bundle, the largest Qt libraries, and the packages next to
it (the .deb, the Windows setup) when they are there.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MIB = 150
MiB = 2 ** 20


# What brought the Linux bundle under the target (installer/README.md has the detail), and what to look at when
# it is over again: written from the measured parts with PySide6 6.12 and the locked dependencies.
MADE_SMALLER = (
    "Made smaller on Linux by `installer/pyinstaller/`: ICU's data for Vietnamese and English only (`icu_trim.py`, "
    "30.6 → 3.4 MiB), stand-ins for the Qt Quick/QML the camera's FFmpeg plugin links but never uses "
    "(`qt_stubs.py`, −16.7 MiB), the system libraries the .deb declares taken from the system (`host_libs.py`, "
    "−33 MiB), and the office's server parts (FastAPI, psycopg, fhir.resources) only in the office edition "
    "(`make dist-office`, −25 MiB); `scripts/build-dist.sh` strips the libraries' symbol tables as Debian does (`--strip-unneeded`, −5.2 MiB). Left out as before: WebEngine, Qt 3D, QML modules, numpy, debug symbols, …"
)
WINDOWS_SMALLER = (
    "Made smaller on Windows (`WINDOWS_EXCLUDED_FILES` in the spec, measured under Wine): Mesa's software OpenGL "
    "`opengl32sw.dll` (−19.7 MiB: the app never draws with OpenGL), Qt Quick and QML (−13.2 MiB: on Windows nothing "
    "shipped links them), the Direct2D platform (−1.0 MiB), lxml's parts other than etree (−2.3 MiB). Windows has "
    "two programs (`station-app.exe` windowed for the shortcuts, `station-app-cli.exe` for the console), each with "
    "the app's compiled Python inside; Qt uses Windows' own ICU."
)
WINDOWS_WORK = Path(os.environ.get("STATION_DEBOOTSTRAP_CACHE", "/var/cache/station-app-debootstrap")) / "win"
OVER_TARGET = ("Over the target: the largest parts above say where it grew; installer/README.md lists what is "
               "left out and why.")


def tree_size(path: Path) -> int:
    """Bytes of the regular files under ``path`` (or of ``path`` itself), symbolic links not followed."""
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            file = Path(folder, name)
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def largest(folder: Path, count: int = 10) -> list[tuple[str, int]]:
    """The ``count`` biggest entries directly in ``folder``, biggest first, as (name, bytes)."""
    sizes = [(entry.name, tree_size(entry)) for entry in folder.iterdir()]
    return sorted((s for s in sizes if s[1]), key=lambda s: (-s[1], s[0]))[:count]


def _file_count(folder: Path) -> int:
    return sum(not Path(d, f).is_symlink() for d, _, files in os.walk(folder) for f in files)


def _mib(n: int) -> str:
    return f"{n / MiB:.1f} MiB"


def _site_packages(venv: Path) -> Path | None:
    found = sorted(venv.glob("lib/python3*/site-packages")) + sorted(venv.glob("Lib/site-packages"))
    return found[0] if found else None


def size_lines(bundle: Path) -> list[str]:
    """The Markdown lines of the "Build size" section for ``bundle`` (its top-level program and ``_internal``)."""
    inside = bundle / "_internal"
    parts = largest(inside) if inside.is_dir() else []
    programs = [(p.name, p.stat().st_size) for p in sorted(bundle.iterdir()) if p.is_file()]
    lines = [f"Bundle `{bundle.relative_to(ROOT) if bundle.is_relative_to(ROOT) else bundle}`: "
             f"{_mib(tree_size(bundle))} in {_file_count(bundle)} files.", "",
             "| largest parts | size |", "|---|---|"]
    lines += [f"| `{name}` (program, with the app's compiled Python inside) | {_mib(size)} |" for name, size in programs]
    lines += [f"| `_internal/{name}` | {_mib(size)} |" for name, size in parts]
    qt_lib = inside / "PySide6" / "Qt" / "lib"
    if qt_lib.is_dir():
        top = largest(qt_lib, 6)
        lines += ["", "Largest Qt libraries: " + ", ".join(f"`{n}` {_mib(s)}" for n, s in top) + "."]
    lines += ["", MADE_SMALLER]
    if tree_size(bundle) >= TARGET_MIB * MiB:
        lines += ["", OVER_TARGET]
    office = bundle.parent / "station-app-office"
    if office.is_dir() and office != bundle:
        lines += ["", f"Office edition `{office.name}` (`make dist-office`: adds the network service, PostgreSQL and "
                      f"FHIR validation): {_mib(tree_size(office))}."]
    packages = sorted(bundle.parent.glob("station-app_*.deb")) + sorted(bundle.parent.glob("station-app-setup-*.exe"))
    if packages:
        lines += ["", "Packages: " + ", ".join(f"`{p.name}` {_mib(p.stat().st_size)}" for p in packages) + "."]
    return lines


def bench_dist_size(report, work: Path | None = None, bundle: Path = ROOT / "dist" / "station-app",  # noqa: ANN001
                    venv: Path = ROOT / "build" / "venv",
                    windows: Path = ROOT / "dist-win" / "station-app") -> None:
    from bench.__main__ import Figure

    if not bundle.is_dir():
        report.sections["Build size"] = [
            f"No bundle in `{bundle.name}` when this ran: `make dist` builds it (about 3 minutes here), then "
            "`python -m bench --only dist_size` measures it."]
        bench_windows_size(report, bundle=windows)
        return
    size = tree_size(bundle)
    site = _site_packages(venv) if venv.is_dir() else None
    base = tree_size(site) if site else 0
    report.add(Figure("Bundle size (`make dist`, one folder, unpacked)", _mib(size),
                      f"{_mib(base)} (locked dependencies installed)" if base else "— (no build/venv)",
                      size / base if base else None, f"< {TARGET_MIB} MiB", size < TARGET_MIB * MiB))
    report.sections["Build size"] = size_lines(bundle)
    bench_windows_size(report, size, bundle=windows)


def bench_windows_size(report, linux_size: int | None = None,  # noqa: ANN001
                       bundle: Path = ROOT / "dist-win" / "station-app") -> None:
    """The Windows bundle (`make win-dist`, built under Wine from the Windows wheels), beside the Linux one; its
    baseline is the Windows build Python's site-packages (the win_amd64 wheels of the same locks, installed)."""
    from bench.__main__ import Figure

    if not bundle.is_dir():
        report.sections.setdefault("Build size", []).extend(
            ["", "No Windows bundle in `dist-win/station-app` when this ran: `make win-dist` builds it (root, Wine, "
                 "about 9 minutes the first time)."])
        return
    size = tree_size(bundle)
    sites = sorted(WINDOWS_WORK.glob("python-*/Lib/site-packages"), key=lambda p: p.stat().st_mtime)
    base = tree_size(sites[-1]) if sites else 0
    beside = f"; the Linux bundle {_mib(linux_size)}" if linux_size else ""
    report.add(Figure("Windows bundle size (`make win-dist`, one folder, unpacked)", _mib(size) + beside,
                      f"{_mib(base)} (the locked Windows wheels installed)" if base else "— (no Windows build Python)",
                      size / base if base else None, f"< {TARGET_MIB} MiB", size < TARGET_MIB * MiB))
    report.sections.setdefault("Build size", []).extend(
        ["", *(line for line in size_lines(bundle) if line != MADE_SMALLER), "", WINDOWS_SMALLER])
