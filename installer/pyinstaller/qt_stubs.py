"""Stand-ins for the Qt Quick and QML libraries that only the camera's FFmpeg plugin names (Linux bundle).

Qt Multimedia's FFmpeg back-end (plugins/multimedia/libffmpegmediaplugin.so) is linked against libQt6Quick and
libQt6Qml for one feature this app never uses, capturing a Qt Quick window: it calls exactly two Qt Quick symbols
(``QQuickWindow::grabWindow()`` and ``QQuickWindow::staticMetaObject``, for a ``qobject_cast``) and none of QML's.
Yet the loader must find both libraries, and with them QmlMeta, QmlModels and QmlWorkerScript: 16.7 MiB of the
bundle for a camera. The stand-ins are built here from source at build time with the machine's C compiler:

- ``libQt6Quick.so.6`` exports those two symbols under Qt's ``Qt_6`` version node: ``staticMetaObject`` is a
  zero-filled object of the real one's size (no Quick window can exist in this process, so the cast compares it
  with real meta-objects and always answers "not a Quick window"), and ``grabWindow()`` returns a null QImage;
- ``libQt6Qml.so.6`` is empty: the plugin names it but takes nothing from it.

installer/smoke_test.sh checks the built program's FFmpeg plugin still loads (it lists the decoders), and
tests/packaging/test_qt_stubs.py does the same with the stand-ins against the development venv's Qt.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

QUICK = "libQt6Quick.so.6"
QML = "libQt6Qml.so.6"
# Reached only through the real libQt6Quick / libQt6Qml, so they go when those are replaced.
DROPPED = ("libQt6QmlMeta.so.6", "libQt6QmlModels.so.6", "libQt6QmlWorkerScript.so.6")
GRAB = "_ZN12QQuickWindow10grabWindowEv"
META = "_ZN12QQuickWindow16staticMetaObjectE"
QIMAGE_CTOR = "_ZN6QImageC1Ev"  # QImage::QImage(): a null picture

QUICK_SOURCE = """\
/* libQt6Quick.so.6 stand-in: see installer/pyinstaller/qt_stubs.py. */
extern void {ctor}(void *self);
__attribute__((visibility("default"), aligned(16))) const unsigned char {meta}[{size}] = {{0}};
/* QImage QQuickWindow::grabWindow(): the result's storage comes first (Itanium C++ ABI), `this` second. */
__attribute__((visibility("default"))) void *{grab}(void *result, void *self)
{{
    (void)self;
    {ctor}(result);
    return result;
}}
"""
VERSION_SCRIPT = "Qt_6 {{ global: {grab}; {meta}; local: *; }};\n"


def symbol_size(library: Path, symbol: str) -> int:
    """The size in bytes of a symbol the library exports (readelf's dynamic symbol table)."""
    out = subprocess.run(["readelf", "--wide", "--dyn-syms", str(library)], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 8 and re.fullmatch(re.escape(symbol) + r"(@@?\w+)?", fields[7]):
            return int(fields[2], 0)
    raise SystemExit(f"{library.name} exports no {symbol}: the Qt stand-ins need updating for this Qt")


def build_stubs(qt_lib: Path, workdir: Path, compiler: str = "gcc") -> dict[str, Path]:
    """Compiles the two stand-ins in ``workdir`` against the Qt libraries in ``qt_lib``; {soname: path}."""
    workdir.mkdir(parents=True, exist_ok=True)
    names = {"ctor": QIMAGE_CTOR, "meta": META, "grab": GRAB}
    source = workdir / "quick_stub.c"
    source.write_text(QUICK_SOURCE.format(size=symbol_size(qt_lib / QUICK, META), **names), encoding="utf-8")
    script = workdir / "quick_stub.map"
    script.write_text(VERSION_SCRIPT.format(**names), encoding="utf-8")
    empty = workdir / "qml_stub.c"
    empty.write_text("/* libQt6Qml.so.6 stand-in: see installer/pyinstaller/qt_stubs.py. */\n"
                     "typedef int qml_stub_unused;\n", encoding="utf-8")
    quick, qml = workdir / QUICK, workdir / QML
    common = [compiler, "-shared", "-fPIC", "-O2", "-s", "-Wl,--no-undefined-version"]
    subprocess.run([*common, "-o", str(quick), f"-Wl,-soname,{QUICK}", f"-Wl,--version-script={script}",
                    str(source), f"-L{qt_lib}", "-l:libQt6Gui.so.6", "-Wl,-rpath,$ORIGIN"], check=True)
    subprocess.run([*common, "-o", str(qml), f"-Wl,-soname,{QML}", str(empty)], check=True)
    return {QUICK: quick, QML: qml}


def replace_quick(binaries: list[tuple], workdir: Path) -> list[tuple]:
    """PyInstaller's binaries TOC with the stand-ins for Qt Quick/QML (unchanged when there is no Qt Quick)."""
    by_name = {Path(dest).name: (dest, src) for dest, src, _kind in binaries}
    if QUICK not in by_name or not by_name[QUICK][0].startswith("PySide6"):
        return binaries  # Windows (DLLs) or a Qt without the camera plugin: nothing to do
    stubs = build_stubs(Path(by_name[QUICK][1]).parent, workdir)
    result = []
    for dest, src, kind in binaries:
        name = Path(dest).name
        if name in DROPPED:
            continue
        result.append((dest, str(stubs[name]), kind) if name in stubs else (dest, src, kind))
    return result
