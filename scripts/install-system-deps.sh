#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that Qt (offscreen and X11), QtMultimedia, zbar and the fonts need,
# only those missing. Idempotent. RUNTIME is also the .deb's Depends (scripts/build-deb.sh), and the Linux bundle
# takes these packages' libraries from the system instead of copying them (installer/pyinstaller/host_libs.py).
# With TEST=1 also every tool the tests run (tests/support/tools.py lists them; under CI a missing one fails its test):
# Xvfb; poppler; age, openssl, jq and xxd, which check export batches and receipts the way the receiving office would
# with stock tools; binutils and gcc, which build and inspect the bundle's libraries in the packaging tests;
# desktop-file-utils, which validates the menu entries; postgresql, whose throwaway server the office tests start and
# stop themselves (tests/support/postgres.py); softhsm2 (a real PKCS#11 token), opensc's pkcs11-tool and xmlsec1,
# which check the examiners' and facilities' signatures the way another party would (docs/NATIONAL.md).
set -euo pipefail

RUNTIME=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  fonts-dejavu-core libzbar0 libpulse0 libxrandr2 libx11-xcb1 libxkbcommon-x11-0 libxcb1 libxcb-cursor0
  libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0
  libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libcups2 libssl3 libsqlite3-0)
# gcc with libc6-dev: installed without recommends, gcc alone cannot link (no crti.o, no pthread.h), as a clean
# Debian 12 root showed (scripts/test-in-clean-root.sh).
TESTING=(xvfb xauth poppler-utils age openssl jq xxd binutils gcc libc6-dev desktop-file-utils postgresql
  softhsm2 xmlsec1 opensc)

wanted=("${RUNTIME[@]}")
[ "${TEST:-0}" = 1 ] && wanted+=("${TESTING[@]}")
# Debian's own python3 ships venv/ensurepip separately.
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then wanted+=(python3-venv); fi

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Thiếu các gói hệ thống sau; hãy cài chúng bằng trình quản lý gói của máy rồi chạy lại:" >&2
  echo "Missing system packages; install them with this machine's package manager, then run again:" >&2
  echo "  ${missing[*]}" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Cần quyền root để cài: ${missing[*]}" >&2
    echo "Run as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
