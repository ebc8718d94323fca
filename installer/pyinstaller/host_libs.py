"""Libraries the Linux bundle takes from the system instead of carrying a copy (Debian/Ubuntu).

The .deb declares the Debian packages the program needs: RUNTIME in scripts/install-system-deps.sh, its Depends
(scripts/build-deb.sh). Wherever the program is installed those packages are there, with everything they depend
on, so a copy of their libraries taken from the build machine only adds size (25 MiB here: CUPS with GnuTLS and
Kerberos, PulseAudio with its codecs, GLib, X11/xcb, OpenSSL, SQLite, …), and for libraries that work with the
host's services and configuration (CUPS, PulseAudio, D-Bus, fontconfig, p11-kit) a copy from another system is a
known source of failures. What stays in the bundle: Python itself and what the wheels bring (Qt, FFmpeg, the
wheels' own *.libs folders), which no Debian package provides in the version the app was tested with.

tests/packaging/test_host_libs.py covers the reading of the package database; scripts/test-deb-in-chroot.sh
proves the result for real: apt installs the .deb into a clean Debian 12 root and the program passes its
self-test there with nothing but the declared packages.
"""
from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

SHARED_LIBRARY = re.compile(r"\.so(\.\d+)*$")


def runtime_packages(script: Path) -> list[str]:
    """The RUNTIME=( … ) package names of scripts/install-system-deps.sh."""
    match = re.search(r"^RUNTIME=\((.*?)\)", script.read_text(encoding="utf-8"), re.S | re.M)
    if not match:
        raise SystemExit(f"no RUNTIME=( … ) list in {script}")
    return match.group(1).split()


def installed_packages() -> dict[str, list[list[str]]]:
    """{installed package: its Depends and Pre-Depends as lists of alternatives}, from dpkg."""
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\t${db:Status-Status}\t${Depends}, ${Pre-Depends}\n"],
                         capture_output=True, text=True, check=True).stdout
    packages: dict[str, list[list[str]]] = {}
    for line in out.splitlines():
        name, status, depends = line.split("\t")
        if status == "installed":
            packages[name] = parse_depends(depends)
    return packages


def parse_depends(field: str) -> list[list[str]]:
    """'a (>= 1), b:any | c' → [['a'], ['b', 'c']] (versions and architecture qualifiers dropped)."""
    result = []
    for clause in field.split(","):
        names = [re.sub(r"\(.*?\)|\[.*?\]|:\w+", "", alt).strip() for alt in clause.split("|")]
        if names := [n for n in names if n]:
            result.append(names)
    return result


def dependency_closure(roots: Iterable[str], installed: dict[str, list[list[str]]]) -> set[str]:
    """The installed packages among ``roots`` and everything they depend on (each installed alternative)."""
    seen: set[str] = set()
    todo = [r for r in roots if r in installed]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += [alt for clause in installed[name] for alt in clause if alt in installed and alt not in seen]
    return seen


def package_files(packages: Iterable[str]) -> list[str]:
    """The files the packages installed (dpkg -L)."""
    names = sorted(packages)
    if not names:
        return []
    return subprocess.run(["dpkg-query", "-L", *names], capture_output=True, text=True, check=True).stdout.split("\n")


def host_library_names(script: Path, installed: Callable[[], dict] = installed_packages,
                       files: Callable[[Iterable[str]], list[str]] = package_files) -> set[str]:
    """File names of the shared libraries the declared packages (and their dependencies) put on the system."""
    closure = dependency_closure(runtime_packages(script), installed())
    return {Path(f).name for f in files(closure) if SHARED_LIBRARY.search(f)}


def without_host_libraries(binaries: list[tuple], names: set[str]) -> list[tuple]:
    """PyInstaller's binaries TOC without the system libraries PyInstaller copied to the bundle's top level.

    Only top-level entries are candidates: a library inside a wheel's folder (PySide6/Qt/lib, pillow.libs, …) is
    that wheel's own build, even when a Debian package has a file of the same name.
    """
    return [e for e in binaries if "/" in e[0].replace("\\", "/") or Path(e[0]).name not in names]
