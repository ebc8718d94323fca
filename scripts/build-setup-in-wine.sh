#!/usr/bin/env bash
# Checks the Windows installer sources on Linux, as far as that goes: compiles installer/windows/station-app.iss
# with the real Inno Setup compiler (ISCC 6.4.1 from the npm package `innosetup`, run by wine) around a
# stand-in bundle (two empty .exe files: the real bundle needs a Windows build), then installs the setup
# silently, installs it again over itself (an upgrade), uninstalls it silently, and checks the program files,
# the Start-menu and desktop shortcuts, and that a data folder in %LOCALAPPDATA% survives the uninstall.
# With --upgrade-from-ref REF (a git commit or tag of an older release), the setup of that release is compiled from
# its own .iss and installed first, a data folder is made, and this setup is installed over it: the program files
# must be the newer ones, one uninstaller, the data untouched.
# Runs in a throwaway Debian 12 root (32-bit wine needs the i386 architecture, which this keeps off the host),
# unpacked from the cached debootstrap tarball of scripts/test-deb-in-chroot.sh. Root; about 2 minutes the
# first time (wine's ~240 packages are downloaded once into the cache), 30 s after.
#   scripts/build-setup-in-wine.sh [--upgrade-from-ref REF]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/throwaway-root.sh  # the repository is the working folder from here
INNO_VERSION=6.4.1
[ "$(id -u)" = 0 ] || { echo "needs root (chroot)" >&2; exit 1; }
prepare_base
if [ ! -x "$CACHE/innosetup/node_modules/innosetup/bin/ISCC.exe" ] && [ ! -f "$CACHE/innosetup/node_modules/innosetup/bin/ISCC.exe" ]; then
  mkdir -p "$CACHE/innosetup"
  (cd "$CACHE/innosetup" && npm install --no-audit --no-fund --silent "innosetup@$INNO_VERSION")
fi
VERSION=$(sed -n 's/^__version__ = "\(.*\)".*/\1/p' station_app/__init__.py)
OLD_REF="" OLD_VERSION=""
if [ "${1:-}" = "--upgrade-from-ref" ]; then
  OLD_REF=${2:?--upgrade-from-ref needs a git commit or tag}
  OLD_VERSION=$(git show "$OLD_REF:station_app/__init__.py" | sed -n 's/^__version__ = "\(.*\)".*/\1/p')
  dpkg --compare-versions "$OLD_VERSION" lt "$VERSION" || { echo "$OLD_REF is $OLD_VERSION, not older than $VERSION" >&2; exit 2; }
fi

new_root wine archives-wine
in_root sh -c \
  'dpkg --add-architecture i386 && apt-get update -qq &&
   apt-get install -y -qq --no-install-recommends wine wine32:i386 wine64 xvfb xauth >/dev/null'

mkdir -p "$ROOT/opt/inno" "$ROOT/setup-build/installer" "$ROOT/setup-build/resources" "$ROOT/setup-build/dist/station-app/_internal/pyzbar"
cp -r "$CACHE/innosetup/node_modules/innosetup/bin/." "$ROOT/opt/inno/"
cp -r installer/windows "$ROOT/setup-build/installer/"
cp -r resources/icons "$ROOT/setup-build/resources/"
for f in station-app.exe station-app-cli.exe _internal/pyzbar/msvcr120.dll; do
  echo "stand-in $VERSION" > "$ROOT/setup-build/dist/station-app/$f"
done
if [ -n "$OLD_REF" ]; then  # the older release's own installer sources, around a stand-in bundle saying its version
  mkdir -p "$ROOT/old-build/dist/station-app/_internal/pyzbar"
  git archive "$OLD_REF" installer/windows resources/icons | tar -x -C "$ROOT/old-build"
  for f in station-app.exe station-app-cli.exe _internal/pyzbar/msvcr120.dll; do
    echo "stand-in $OLD_VERSION" > "$ROOT/old-build/dist/station-app/$f"
  done
fi
cat > "$ROOT/setup-build/try.sh" <<TRY
#!/bin/sh
set -e
HOME=\${HOME:-\$(getent passwd "\$(id -un)" | cut -d: -f6)}  # the throwaway root's user, whoever that is
export HOME WINEDEBUG=-all WINEPREFIX="\$HOME/.wine"
C="\$WINEPREFIX/drive_c"
APP="\$C/Program Files/Station App"
DATA="\$C/users/\$(id -un)/AppData/Local/SoYTeLaiChau/station-app"
MENU="\$C/ProgramData/Microsoft/Windows/Start Menu/Programs"
fail() { echo "FAILED: \$*"; exit 1; }
winecfg /v win10  # wine says Windows 7 by default; the setup wants 10
if [ -n "$OLD_REF" ]; then
  echo "== the older release first: $OLD_VERSION ($OLD_REF), compiled from its own .iss and installed"
  cd /old-build/installer/windows
  wine /opt/inno/ISCC.exe /DAppVersion=$OLD_VERSION station-app.iss > /old-build/iscc.log 2>&1 || { cat /old-build/iscc.log; fail "ISCC ($OLD_VERSION)"; }
  wine /old-build/dist/station-app-setup-$OLD_VERSION.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LANG=vi || fail "setup $OLD_VERSION"
  grep -q "stand-in $OLD_VERSION" "\$APP/station-app.exe" || fail "$OLD_VERSION not installed"
  mkdir -p "\$DATA/backups" && echo "a station's data" > "\$DATA/station.sqlite3" && echo "a backup" > "\$DATA/backups/b.sqlite3"
fi
cd /setup-build/installer/windows
echo "== ISCC $INNO_VERSION"
wine /opt/inno/ISCC.exe /DAppVersion=$VERSION station-app.iss > /setup-build/iscc.log 2>&1 || { cat /setup-build/iscc.log; fail "ISCC"; }
grep -c "^Warning" /setup-build/iscc.log | sed 's/^/warnings (messages that fall back to English, see installer\/README.md): /'
echo "== silent install (Vietnamese)${OLD_REF:+, over $OLD_VERSION}"
wine /setup-build/dist/station-app-setup-$VERSION.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LANG=vi /LOG=C:\\\\setup.log \
  || { tail -20 \$C/setup.log; fail "setup"; }
for f in station-app.exe station-app-cli.exe unins000.exe _internal/pyzbar/msvcr120.dll; do
  [ -f "\$APP/\$f" ] || fail "\$f not installed"
done
[ -f "\$MENU/Station App.lnk" ] || fail "no Start-menu shortcut"
[ -f "\$MENU/Kiểm tra máy (Station App).lnk" ] || fail "no Vietnamese self-test shortcut"
[ -f "\$C/users/Public/Desktop/Station App.lnk" ] || fail "no desktop shortcut"
grep -q "stand-in $VERSION" "\$APP/station-app.exe" || fail "the program files are not $VERSION's"
if [ -n "$OLD_REF" ]; then
  [ ! -e "\$APP/unins001.exe" ] || fail "a second uninstaller: the upgrade was installed beside $OLD_VERSION"
  [ "\$(cat "\$DATA/station.sqlite3")" = "a station's data" ] && [ -f "\$DATA/backups/b.sqlite3" ] \
    || fail "the upgrade from $OLD_VERSION changed the data folder"
  echo "upgraded $OLD_VERSION -> $VERSION: program files replaced, one uninstaller, data folder untouched"
fi
mkdir -p "\$DATA" && echo "a station's data" > "\$DATA/station.sqlite3"
echo "== the same setup over it (upgrade)"
wine /setup-build/dist/station-app-setup-$VERSION.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART || fail "upgrade"
[ -f "\$DATA/station.sqlite3" ] || fail "the upgrade removed the data"
echo "== silent uninstall"
wine "C:\\\\Program Files\\\\Station App\\\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
sleep 5  # the uninstaller finishes from a copy of itself
[ ! -e "\$APP/station-app.exe" ] || fail "program files left"
[ ! -e "\$MENU/Station App.lnk" ] || fail "shortcut left"
[ -f "\$DATA/station.sqlite3" ] || fail "the uninstall removed the data folder"
echo "PASSED: the setup compiles, installs${OLD_REF:+ over $OLD_VERSION}, upgrades and uninstalls under wine; the data folder stays"
TRY
chmod +x "$ROOT/setup-build/try.sh"
chroot "$ROOT" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 xvfb-run -a /setup-build/try.sh 2>&1 | grep -v "^X connection"
exit "${PIPESTATUS[0]}"
