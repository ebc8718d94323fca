#!/usr/bin/env bash
# Checks the Windows installer sources on Linux, as far as that goes: compiles installer/windows/station-app.iss
# with the real Inno Setup compiler (ISCC 6.4.1 from the npm package `innosetup`, run by wine) around a
# stand-in bundle (two empty .exe files: the real bundle needs a Windows build), then installs the setup
# silently, installs it again over itself (an upgrade), uninstalls it silently, and checks the program files,
# the Start-menu and desktop shortcuts, and that a data folder in %LOCALAPPDATA% survives the uninstall.
# Runs in a throwaway Debian 12 root (32-bit wine needs the i386 architecture, which this keeps off the host),
# unpacked from the cached debootstrap tarball of scripts/test-deb-in-chroot.sh. Root; about 2 minutes the
# first time (wine's ~240 packages are downloaded once into the cache), 30 s after.
#   scripts/build-setup-in-wine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=${STATION_DEBOOTSTRAP_CACHE:-/var/cache/station-app-debootstrap}
INNO_VERSION=6.4.1
[ "$(id -u)" = 0 ] || { echo "needs root (chroot)" >&2; exit 1; }
scripts/test-deb-in-chroot.sh --prepare
if [ ! -x "$CACHE/innosetup/node_modules/innosetup/bin/ISCC.exe" ] && [ ! -f "$CACHE/innosetup/node_modules/innosetup/bin/ISCC.exe" ]; then
  mkdir -p "$CACHE/innosetup"
  (cd "$CACHE/innosetup" && npm install --no-audit --no-fund --silent "innosetup@$INNO_VERSION")
fi
VERSION=$(sed -n 's/^__version__ = "\(.*\)".*/\1/p' station_app/__init__.py)

ROOT=$(mktemp -d /var/tmp/station-wine.XXXXXX)
cleanup() {
  for m in var/cache/apt/archives dev/pts proc; do mountpoint -q "$ROOT/$m" && umount -l "$ROOT/$m"; done
  rm -rf --one-file-system "$ROOT"
}
trap cleanup EXIT
tar -C "$ROOT" -xf "$CACHE/bookworm-minbase.tar"
mount -t proc proc "$ROOT/proc"
mount -t devpts devpts "$ROOT/dev/pts"
mkdir -p "$CACHE/archives-wine/partial"
mount --bind "$CACHE/archives-wine" "$ROOT/var/cache/apt/archives"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive sh -c \
  'dpkg --add-architecture i386 && apt-get update -qq &&
   apt-get install -y -qq --no-install-recommends wine wine32:i386 wine64 xvfb xauth >/dev/null'

mkdir -p "$ROOT/opt/inno" "$ROOT/setup-build/installer" "$ROOT/setup-build/resources" "$ROOT/setup-build/dist/station-app/_internal/pyzbar"
cp -r "$CACHE/innosetup/node_modules/innosetup/bin/." "$ROOT/opt/inno/"
cp -r installer/windows "$ROOT/setup-build/installer/"
cp -r resources/icons "$ROOT/setup-build/resources/"
for f in station-app.exe station-app-cli.exe _internal/pyzbar/msvcr120.dll; do
  echo "stand-in" > "$ROOT/setup-build/dist/station-app/$f"
done
cat > "$ROOT/setup-build/try.sh" <<TRY
#!/bin/sh
set -e
export WINEDEBUG=-all WINEPREFIX=/root/.wine
C=/root/.wine/drive_c
APP="\$C/Program Files/Station App"
DATA="\$C/users/root/AppData/Local/SoYTeLaiChau/station-app"
MENU="\$C/ProgramData/Microsoft/Windows/Start Menu/Programs"
fail() { echo "FAILED: \$*"; exit 1; }
cd /setup-build/installer/windows
echo "== ISCC $INNO_VERSION"
wine /opt/inno/ISCC.exe /DAppVersion=$VERSION station-app.iss > /setup-build/iscc.log 2>&1 || { cat /setup-build/iscc.log; fail "ISCC"; }
grep -c "^Warning" /setup-build/iscc.log | sed 's/^/warnings (messages that fall back to English, see installer\/README.md): /'
winecfg /v win10  # wine says Windows 7 by default; the setup wants 10
echo "== silent install (Vietnamese)"
wine /setup-build/dist/station-app-setup-$VERSION.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LANG=vi /LOG=C:\\\\setup.log \
  || { tail -20 \$C/setup.log; fail "setup"; }
for f in station-app.exe station-app-cli.exe unins000.exe _internal/pyzbar/msvcr120.dll; do
  [ -f "\$APP/\$f" ] || fail "\$f not installed"
done
[ -f "\$MENU/Station App.lnk" ] || fail "no Start-menu shortcut"
[ -f "\$MENU/Kiểm tra máy (Station App).lnk" ] || fail "no Vietnamese self-test shortcut"
[ -f "\$C/users/Public/Desktop/Station App.lnk" ] || fail "no desktop shortcut"
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
echo "PASSED: the setup compiles, installs, upgrades and uninstalls under wine; the data folder stays"
TRY
chmod +x "$ROOT/setup-build/try.sh"
chroot "$ROOT" env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 xvfb-run -a /setup-build/try.sh 2>&1 | grep -v "^X connection"
exit "${PIPESTATUS[0]}"
