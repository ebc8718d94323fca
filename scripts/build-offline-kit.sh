#!/usr/bin/env bash
# `make deb-offline`: one file that installs the station program on a Debian 12 laptop with no network at the site:
# dist/station-app_<version>_amd64-offline.tar holds the .deb, every Debian package it needs that a minimal
# Debian 12 lacks (downloaded here, in a throwaway root made from the cached debootstrap tarball of
# scripts/test-deb-in-chroot.sh, so the set is exactly what such a system is missing), a Packages index over them,
# install.sh and a short Vietnamese/English note. At the site:
#     tar xf station-app_<version>_amd64-offline.tar && sudo sh station-app_<version>_amd64-offline/install.sh
# install.sh lets apt resolve the Depends from the kit's folder only (a temporary source list and package lists:
# the laptop's own apt set-up is not touched), so packages the laptop already has, even newer, are kept.
#   scripts/build-offline-kit.sh [PATH.deb]      (root, network to a Debian mirror; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/throwaway-root.sh  # the repository is the working folder from here
fail() { echo "FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (chroot): sudo $0 $*"
command -v dpkg-scanpackages >/dev/null || apt-get install -y -qq --no-install-recommends dpkg-dev >/dev/null

DEB=${1:-$(ls -t dist/station-app_*.deb 2>/dev/null | head -1)}
[ -n "$DEB" ] && [ -f "$DEB" ] || fail "no .deb given and none in dist/ (run: make deb)"
VERSION=$(dpkg-deb -f "$DEB" Version)
ARCH=$(dpkg-deb -f "$DEB" Architecture)
KIT=station-app_${VERSION}_${ARCH}-offline
OUT=$(dirname "$DEB")
new_root kit  # apt's own archives are not shared: what it downloads here is exactly the kit
cp "$DEB" "$ROOT/tmp/station-app.deb"
mkdir -p "$ROOT/kit/debs/partial"
in_root apt-get update -qq
# what a minimal Debian 12 is missing for the package, and nothing else
in_root apt-get install -y -qq --no-install-recommends --download-only -o Dir::Cache::archives=/kit/debs \
  /tmp/station-app.deb >/dev/null
rm -rf "$ROOT/kit/debs/partial" "$ROOT/kit/debs/lock"
count=$(find "$ROOT/kit/debs" -name '*.deb' | wc -l)
[ "$count" -gt 0 ] || fail "apt downloaded nothing"

STAGE=build/offline/$KIT
rm -rf "build/offline" && mkdir -p "$STAGE"
mv "$ROOT/kit/debs" "$STAGE/debs"
(cd "$STAGE/debs" && dpkg-scanpackages --multiversion . /dev/null 2>/dev/null > Packages)
cp "$DEB" "$STAGE/"
install -m 0755 installer/linux/offline-install.sh "$STAGE/install.sh"
cat > "$STAGE/README.txt" <<NOTE
Station App $VERSION — cài đặt không cần mạng (Debian 12, 64-bit)

1. Chép tệp $KIT.tar vào máy (ổ USB), mở Terminal ở thư mục đó.
2. tar xf $KIT.tar
3. sudo sh $KIT/install.sh
4. Chạy thử: station-app self-test   (mọi dòng OK hoặc CHÚ Ý là dùng được)

Dữ liệu của trạm (~/.local/share/station-app) được giữ nguyên khi cài bản mới đè lên bản cũ.

Offline install on Debian 12 (64-bit): tar xf $KIT.tar && sudo sh $KIT/install.sh
The kit holds the program (.deb) and the $count Debian packages a minimal Debian 12 lacks for it;
packages the laptop already has are kept. Data folders are kept on upgrade and on removal.
NOTE
tar -C build/offline -cf "$OUT/$KIT.tar" "$KIT"
echo "$OUT/$KIT.tar: $(du -m "$OUT/$KIT.tar" | cut -f1) MiB, the .deb and $count Debian packages"
