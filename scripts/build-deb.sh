#!/usr/bin/env bash
# `make deb`: dist/station-app_<version>_amd64.deb from the bundle in dist/station-app (made by `make dist`).
# Installs the bundle under /opt/station-app, /usr/bin/station-app (a wrapper that sets a UTF-8 locale), a menu
# entry and its icon; Depends lists the system libraries the bundle loads from the system (the RUNTIME list of
# scripts/install-system-deps.sh, the one list of them). The postrm leaves the users' data folders alone.
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=${BUNDLE:-dist/station-app}  # BUNDLE, OUT and STAGE may be changed (the packaging tests use a tiny bundle)
OUT=${OUT:-dist}
[ -x "$BUNDLE/station-app" ] || { echo "no bundle in $BUNDLE: run make dist" >&2; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)".*/\1/p' station_app/__init__.py)
ARCH=$(dpkg --print-architecture)
DEB=$OUT/station-app_${VERSION}_${ARCH}.deb
STAGE=${STAGE:-build/deb/station-app}
started=$SECONDS

depends=$(sed -n '/^RUNTIME=(/,/)/p' scripts/install-system-deps.sh | sed 's/RUNTIME=(//; s/)//' | tr -s ' \n' '\n' \
  | grep -v '^$' | paste -sd, | sed 's/,/, /g')
[ -n "$depends" ] || { echo "could not read RUNTIME from scripts/install-system-deps.sh" >&2; exit 1; }
# The C library the bundle was linked against on the build machine, as its newest GLIBC symbol version: apt then
# refuses an older system (Debian 11, Ubuntu 20.04) with a clear message instead of a program that will not start.
if command -v objdump >/dev/null; then
  glibc=$(find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) -print0 | xargs -0 -r objdump -T 2>/dev/null \
    | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/^GLIBC_//' | sort -uV | tail -1 || true)
  [ -z "$glibc" ] || depends="libc6 (>= $glibc), $depends"
else
  echo "objdump (binutils) not found: the package will not say which C library it needs" >&2
fi

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" "$STAGE/usr/share/doc/station-app"
cp -a "$BUNDLE" "$STAGE/opt/station-app"
install -m 0755 installer/linux/station-app.sh "$STAGE/usr/bin/station-app"
install -m 0644 installer/linux/station-app.desktop "$STAGE/usr/share/applications/station-app.desktop"
install -m 0644 installer/linux/station-app-self-test.desktop "$STAGE/usr/share/applications/station-app-self-test.desktop"
for size in 48 128 256; do
  install -D -m 0644 "resources/icons/station-app-$size.png" \
    "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/station-app.png"
done
printf 'Station App %s\nCopyright: 2026 So Y te Lai Chau\nLicense: proprietary. Fonts: DejaVu (see /opt/station-app/_internal/resources/fonts).\n' \
  "$VERSION" > "$STAGE/usr/share/doc/station-app/copyright"
# What changed, version by version (docs/CHANGELOG.md), and the Debian changelog entry pointing to it, dated by the
# last commit so that the same checkout gives the same file.
doc=$STAGE/usr/share/doc/station-app
gzip -9n < docs/CHANGELOG.md > "$doc/CHANGELOG.md.gz"
when=$(git log -1 --format=%cD 2>/dev/null || date -R)
printf 'station-app (%s) stable; urgency=medium\n\n  * Version %s: see /usr/share/doc/station-app/CHANGELOG.md.gz.\n\n -- So Y te Lai Chau <it@soytelaichau.invalid>  %s\n' \
  "$VERSION" "$VERSION" "$when" | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/CHANGELOG.md.gz" "$doc/changelog.gz"
install -m 0755 installer/linux/postinst installer/linux/postrm "$STAGE/DEBIAN/"
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: station-app
Version: $VERSION
Architecture: $ARCH
Maintainer: So Y te Lai Chau <it@soytelaichau.invalid>
Section: misc
Priority: optional
Installed-Size: $(du -sk "$STAGE" --exclude=DEBIAN | cut -f1)
Depends: $depends
Homepage: https://soytelaichau.invalid/station-app
Description: exam station for the free periodic health check-up campaign
 The station program of the 2026 free periodic health check-up campaign
 (Lai Chau): reception, examination, lists, and signed, encrypted exports.
 Self-contained bundle under /opt/station-app; run "station-app self-test"
 to check a laptop before it goes to a site.
CONTROL

# xz level 1: the default level 6 took 8 minutes here on two shared cores for 4 MiB less
mkdir -p "$OUT"
dpkg-deb --root-owner-group -Zxz -z1 --build "$STAGE" "$DEB" >/dev/null
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Depends:/p' | cut -c1-140
echo "$DEB: $(du -m "$DEB" | cut -f1) MiB, installed $(dpkg-deb -f "$DEB" Installed-Size) KiB, built in $((SECONDS - started)) s"
