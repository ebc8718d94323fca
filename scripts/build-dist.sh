#!/usr/bin/env bash
# `make dist`: the one-folder bundle dist/station-app/ from a clean checkout, with one command.
# The build venv (build/venv) holds requirements.lock + requirements-build.lock only: the shipped libraries are
# exactly the tested ones, and nothing from the test tools (pytest, hypothesis) or the developer's editable
# install can slip into the bundle; .venv, which other work uses at the same time, is never changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=build/venv
started=$SECONDS

# PyInstaller reads the libraries with binutils (objdump); the strip step below uses file, readelf and strip;
# the spec compiles the Qt Quick stand-ins with gcc (installer/pyinstaller/qt_stubs.py) and asks dpkg-query
# which libraries the declared system packages provide (host_libs.py).
missing=()
for tool in objdump:binutils readelf:binutils strip:binutils file:file gcc:gcc dpkg-query:dpkg; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else echo "Missing build tools; install them: sudo apt-get install ${missing[*]}" >&2; exit 1; fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
fi
stamp=$VENV/.locks-$(cat requirements.lock requirements-build.lock | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  "$VENV/bin/pip" install -q -r requirements.lock -r requirements-build.lock
  rm -f "$VENV"/.locks-* && touch "$stamp"
fi
PATH="$PWD/$VENV/bin:$PATH" "$VENV/bin/python" scripts/translations.py build

# STATION_APP_EDITION=office (make dist-office): the receiving office's bundle, dist/station-app-office
EDITION=${STATION_APP_EDITION:-station}
BUNDLE=dist/station-app; [ "$EDITION" = office ] && BUNDLE=dist/station-app-office
rm -rf "$BUNDLE"
STATION_APP_EDITION=$EDITION "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  installer/pyinstaller/station_app.spec

# Debug symbols and local symbol tables off, as Debian's dh_strip does (--strip-unneeded keeps the dynamic symbols
# a library is loaded by; libpython alone carried 17 MiB of debug data, cryptography's Rust core 2.9 MiB of
# symbols), but never on the libraries wheels vendor with patchelf (a RUNPATH with $ORIGIN, or a *.libs folder):
# stripping those leaves them unloadable. The program itself is left alone: its Python archive is appended to it.
while IFS= read -r -d '' f; do
  case "$f" in *.libs/*) continue ;; esac
  file -b "$f" | grep -qE "ELF.*(with debug_info|not stripped)" || continue
  readelf -d "$f" 2>/dev/null | grep -qE 'R(UN)?PATH.*\$ORIGIN' && continue
  strip --strip-unneeded "$f"
done < <(find "$BUNDLE/_internal" -type f -name '*.so*' -print0)

STATION_APP_EDITION=$EDITION installer/smoke_test.sh "$BUNDLE/station-app"
echo "$BUNDLE: $(du -sm "$BUNDLE" | cut -f1) MiB, built in $((SECONDS - started)) s"
