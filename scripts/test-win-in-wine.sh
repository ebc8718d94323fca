#!/usr/bin/env bash
# `make win-test`: the Windows setup made by `make win-dist`, installed and used under Wine as at a site, in a
# throwaway Debian 12 root with a fresh Wine prefix (Windows 10) and Xvfb:
#   - Wine's system32 gets only what Windows 10/11 have and Wine 8 lacks (installer/wine/shims/: ICU for
#     Qt Core, ProcessPrng for Rust's std, "no colour profile" for Qt's window); a folder is drive E:, of the removable kind ("a USB stick");
#   - the setup installs silently; installer/windows/win_checks.py (the same checks the windows-latest workflow runs
#     natively) runs the installed station-app-cli.exe: version, init in %LOCALAPPDATA%, self-test, a training
#     station of 2,000 residents, the "not yet examined" list as PDF, export to E:, the office importing it, both
#     audit chains, the window offscreen;
#   - the window on Xvfb through Wine's display driver: the nurse of the training station signs in with real key
#     events, and the reception page is saved as build/win/screens/reception.png, the coordinator's export page
#     (offering the stick E:) as export.png (and the PDF's first page as
#     build/win/screens/pending-list.png) to be looked at;
#   - the same setup again over the installed program (an upgrade): data kept, same list, chains verify;
#   - a silent uninstall: the program is gone, the data folder stays.
# Root; about 4 minutes. Not part of `make test` (root, Wine, minutes), like `make deb-test`.
#   scripts/test-win-in-wine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/throwaway-root.sh
[ "$(id -u)" = 0 ] || { echo "needs root (chroot)" >&2; exit 1; }
. installer/wine/pins.sh
VERSION=$(sed -n 's/^__version__ = "\(.*\)".*/\1/p' station_app/__init__.py)
SETUP=dist-win/station-app-setup-$VERSION.exe
[ -f "$SETUP" ] && [ -f build/win/shims/icuuc.dll ] || { echo "no $SETUP: make win-dist first" >&2; exit 1; }
WIN=$CACHE/win
started=$(date +%s)

new_root wintest archives-wine
in_root sh -c 'dpkg --add-architecture i386 && apt-get update -qq &&
   apt-get install -y -qq --no-install-recommends wine wine32:i386 wine64 unzip xvfb xauth openbox xdotool \
     imagemagick x11-utils poppler-utils fonts-dejavu-core >/dev/null'
mkdir -p "$ROOT/t/shims" "$ROOT/t/python" "$ROOT/t/usb-stick"
cp "$SETUP" "$ROOT/t/setup.exe"
cp build/win/shims/*.dll "$ROOT/t/shims/"
cp installer/windows/win_checks.py installer/wine/define_drive.py "$ROOT/t/"
# a bare Windows Python for the checks (the embeddable CPython: standard library only)
tar -xzf "$WIN/downloads/$EMBED_SDIST" -C "$ROOT/t" --wildcards '*/data.zip'
unzip -q "$(find "$ROOT/t" -name data.zip)" 'cp311/*' -d "$ROOT/t" && mv "$ROOT/t/cp311"/* "$ROOT/t/python/"

cat > "$ROOT/t/try.sh" <<TRY
#!/bin/bash
set -eu
HOME=\${HOME:-\$(getent passwd "\$(id -un)" | cut -d: -f6)}  # the throwaway root's user, whoever that is
export HOME WINEDEBUG=-all WINEPREFIX="\$HOME/.wine" WINEARCH=win64 LANG=C.UTF-8 PYTHONUTF8=1
export WINEDLLOVERRIDES=mscms=n  # installer/wine/shims/mscms.c
C=\$WINEPREFIX/drive_c
trap 'wineserver -k 2>/dev/null || true; kill \$(jobs -p) 2>/dev/null || true' EXIT
fail() { echo "FAILED: \$*"; exit 1; }
Xvfb :71 -screen 0 1366x768x24 >/dev/null 2>&1 &  # the setup and the window need a display, as on Windows
export DISPLAY=:71
sleep 2
wineboot -i >/dev/null 2>&1
winecfg /v win10
cp /t/shims/*.dll "\$C/windows/system32/"
# E: is a folder that Windows programs see as a removable drive (GetDriveTypeW = DRIVE_REMOVABLE), as winecfg
# would define it (a plain dosdevices link is always a fixed disk)
wine /t/python/python.exe /t/define_drive.py E: /t/usb-stick removable 2>&1 | tr -d '\r' | sed 's/^/  /'
echo "== silent install of $(basename "$SETUP")"
wine /t/setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LANG=vi '/LOG=C:\\setup.log' \
  || { tail -20 "\$C/setup.log"; fail "setup"; }
APP='C:\\Program Files\\Station App'
DATA=\$C/users/\$(id -un)/AppData/Local/SoYTeLaiChau/station-app
wine /t/python/python.exe /t/win_checks.py install --app "\$APP" --work 'C:\\win-test' --version $VERSION --stick E: \
  2>&1 | tr -d '\r' | grep -v '_mf @\|^\[h264\|^\[hevc\|^\[av1'
[ "\${PIPESTATUS[0]}" = 0 ] || fail "checks after the install"
[ -f "\$DATA/station.sqlite3" ] || fail "the data folder is not \$DATA"
echo "  data folder: \${DATA#\$WINEPREFIX/}"

echo "== the window on Xvfb (Wine's display driver): the nurse, then the coordinator, sign in"
openbox >/dev/null 2>&1 &
mkdir -p /t/screens
pdftoppm -r 60 -png -f 1 -l 1 "\$WINEPREFIX/drive_c/win-test/chưa khám.pdf" /t/screens/pending-list
open_as() {  # the window of the training station, \$1 signed in with real key events, \$2 pressed, saved as \$3.png
  wine "C:\\\\Program Files\\\\Station App\\\\station-app.exe" --data-dir 'C:\\win-test\\Trạm tập huấn' 2>&1 \
    | cat > /t/gui.log &  # a pipe: Wine hands a file to Python as an invalid handle
  win=""
  for _ in \$(seq 60); do
    win=\$(xdotool search --onlyvisible --name 'Station App|Trạm|Đăng nhập' 2>/dev/null | head -1 || true)
    [ -n "\$win" ] && break; sleep 1
  done
  [ -n "\$win" ] || { import -window root /t/screens/no-window.png; cat /t/gui.log; fail "no window within 60 s"; }
  sleep 3
  [ -e /t/screens/sign-in.png ] || import -window root /t/screens/sign-in.png
  xdotool windowactivate --sync "\$win" 2>/dev/null || true
  xdotool type --delay 60 "\$1"; xdotool key Tab
  xdotool type --delay 60 'taphuan-2026'  # the training station's password (station-app demo)
  xdotool key Return
  sleep 8
  if [ -n "\$2" ]; then xdotool key "\$2"; sleep 5; fi
  import -window root "/t/screens/\$3.png"
  wine taskkill /f /im station-app.exe >/dev/null 2>&1 || true
  wineserver -k || true
  sleep 1
}
open_as demo.dieuduong "" reception
open_as demo.dieuphoi ctrl+4 export  # the coordinator's "Xuất dữ liệu": the stick E: is offered as the destination

echo "== the same setup again over it (upgrade)"
wine /t/setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART || fail "upgrade"
wine /t/python/python.exe /t/win_checks.py upgrade --app "\$APP" --work 'C:\\win-test' --version $VERSION \
  2>&1 | tr -d '\r'
[ "\${PIPESTATUS[0]}" = 0 ] || fail "checks after the upgrade"

echo "== silent uninstall"
wine "\$C/Program Files/Station App/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
sleep 5
[ ! -e "\$C/Program Files/Station App/station-app.exe" ] || fail "program files left"
[ -f "\$DATA/station.sqlite3" ] || fail "the uninstall removed the data folder"
echo "  program files gone, the data folder kept"
TRY
chmod +x "$ROOT/t/try.sh"
chroot "$ROOT" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 /t/try.sh 2>&1 | grep --line-buffered -v "^X connection\|fixme:\|err:"
code=${PIPESTATUS[0]}
mkdir -p build/win/screens && cp "$ROOT"/t/screens/*.png build/win/screens/ 2>/dev/null || true
[ "$code" = 0 ] || { echo "FAILED (screens in build/win/screens)"; exit 1; }
echo "PASSED: installed, used, upgraded and uninstalled under Wine in $(( $(date +%s) - started )) s;" \
     "look at build/win/screens/*.png"
