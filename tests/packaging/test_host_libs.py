"""Which libraries the Linux bundle takes from the system (installer/pyinstaller/host_libs.py): those of the
packages the .deb declares and what they depend on, never Python's or a wheel's own."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer" / "pyinstaller"))
import host_libs  # noqa: E402


def test_depends_fields_are_read_without_versions_and_with_every_alternative():
    assert host_libs.parse_depends("libc6 (>= 2.34), libfoo1:any | libbar2 [amd64], ") == [
        ["libc6"], ["libfoo1", "libbar2"]]
    assert host_libs.parse_depends(", ") == []


def test_the_closure_follows_installed_dependencies_only():
    installed = {"libzbar0": [["libv4l-0"], ["libjpeg62-turbo"]], "libv4l-0": [["libjpeg62-turbo"]],
                 "libjpeg62-turbo": [["libc6"]], "libc6": [], "libpulse0": [["libsndfile1"]]}
    assert host_libs.dependency_closure(["libzbar0", "not-installed"], installed) == {
        "libzbar0", "libv4l-0", "libjpeg62-turbo", "libc6"}


def test_only_top_level_copies_of_declared_libraries_leave_the_bundle(tmp_path):
    script = tmp_path / "deps.sh"
    script.write_text("RUNTIME=(libzbar0\n  libcups2)\nTESTING=(xvfb)\n")
    installed = {"libzbar0": [["libv4l-0"]], "libv4l-0": [], "libcups2": [], "xvfb": []}
    files = {"libzbar0": ["/usr/lib/x86_64-linux-gnu/libzbar.so.0", "/usr/share/doc/libzbar0/copyright"],
             "libv4l-0": ["/usr/lib/x86_64-linux-gnu/libv4l2.so.0.0.0", "/usr/lib/x86_64-linux-gnu/libv4l2.so.0"],
             "libcups2": ["/usr/lib/x86_64-linux-gnu/libcups.so.2"], "xvfb": ["/usr/bin/Xvfb"]}
    names = host_libs.host_library_names(script, installed=lambda: installed,
                                         files=lambda pkgs: [f for p in pkgs for f in files[p]])
    assert names == {"libzbar.so.0", "libv4l2.so.0.0.0", "libv4l2.so.0", "libcups.so.2"}
    binaries = [("libzbar.so.0", "/usr/lib/libzbar.so.0", "BINARY"),
                ("libv4l2.so.0", "/usr/lib/libv4l2.so.0", "BINARY"),
                ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
                ("PySide6/Qt/lib/libcups.so.2", "/venv/PySide6/Qt/lib/libcups.so.2", "BINARY"),
                ("pillow.libs\\libzbar.so.0", "C:/x", "BINARY")]
    kept = [dest for dest, _src, _kind in host_libs.without_host_libraries(binaries, names)]
    assert kept == ["libpython3.11.so.1.0", "PySide6/Qt/lib/libcups.so.2", "pillow.libs\\libzbar.so.0"]


@pytest.mark.tools("dpkg-query")  # a Debian/Ubuntu package database
def test_on_this_machine_the_declared_packages_give_cups_pulse_and_glib_but_not_python():
    names = host_libs.host_library_names(ROOT / "scripts" / "install-system-deps.sh")
    assert {"libcups.so.2", "libpulse.so.0", "libglib-2.0.so.0", "libzbar.so.0"} <= names
    assert not any(n.startswith("libpython") for n in names)
