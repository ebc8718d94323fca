#!/usr/bin/env bash
# Installs the station-app .deb into a clean Debian 12 root made by debootstrap, the way a site laptop gets it:
# apt resolves the Depends, `station-app --version` and `station-app self-test` (when the build has it) run as a
# plain user, a station is set up, the window starts under the offscreen platform, then `apt-get remove` and
# `apt-get purge` must leave that user's data folder in place.
#
#   scripts/test-deb-in-chroot.sh [PATH.deb]      (root; `make deb-test` builds the .deb first)
#   scripts/test-deb-in-chroot.sh --upgrade-from OLD.deb [PATH.deb]
#                                                 (the older package first, with a station and training data in
#                                                  use, then PATH.deb over it as apt upgrades it: same data after)
#   scripts/test-deb-in-chroot.sh --offline-kit KIT.tar
#                                                 (the kit of scripts/build-offline-kit.sh, unpacked on a "USB
#                                                  stick" whose name has a space, installed by its install.sh with
#                                                  no network at all: unshare -n)
#   scripts/test-deb-in-chroot.sh --prepare       (only make the cached base root)
#
# The minimal Debian root is made once and kept as a tarball in $CACHE (outside the repository), together with
# the .debs apt downloads, so a second run takes about a minute instead of several. Each run unpacks the tarball
# into a fresh throwaway folder, so nothing from an earlier run is left in the root it tests.
set -euo pipefail

. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/throwaway-root.sh"
USER_NAME=tram
started=$SECONDS

say() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - started))"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap, chroot, mount): sudo $0 $*"

if [ "${1:-}" = "--prepare" ]; then prepare_base; exit 0; fi
OLD_DEB="" OFFLINE_KIT=""
if [ "${1:-}" = "--offline-kit" ]; then
  OFFLINE_KIT=${2:-}
  [ -f "$OFFLINE_KIT" ] || fail "--offline-kit needs the kit's .tar (make deb-offline)"
  KIT_DIR=$(basename "$OFFLINE_KIT" .tar)
  KIT_TMP=$(mktemp -d)
  on_exit 'rm -rf "$KIT_TMP"'
  tar -C "$KIT_TMP" -xf "$OFFLINE_KIT" --wildcards "$KIT_DIR/station-app_*.deb"
  set -- "$(ls "$KIT_TMP/$KIT_DIR"/station-app_*.deb)"
elif [ "${1:-}" = "--upgrade-from" ]; then
  OLD_DEB=${2:-}
  [ -f "$OLD_DEB" ] || fail "--upgrade-from needs the older .deb"
  shift 2
fi

DEB=${1:-$(ls -t dist/station-app_*.deb 2>/dev/null | head -1)}
[ -n "$DEB" ] && [ -f "$DEB" ] || fail "no .deb given and none in dist/ (run: make deb)"
VERSION=$(dpkg-deb -f "$DEB" Version)
if [ -n "$OLD_DEB" ]; then
  OLD_VERSION=$(dpkg-deb -f "$OLD_DEB" Version)
  dpkg --compare-versions "$OLD_VERSION" lt "$VERSION" || fail "$OLD_DEB ($OLD_VERSION) is not older than $VERSION"
fi
new_root deb-test archives
say "fresh root in $ROOT"
cp "$DEB" "$ROOT/tmp/station-app.deb"
[ -z "$OLD_DEB" ] || cp "$OLD_DEB" "$ROOT/tmp/station-app-old.deb"

as_user() {
  chroot --userspec="$USER_NAME:$USER_NAME" "$ROOT" env -i PATH=/usr/bin:/bin HOME="/home/$USER_NAME" \
    USER="$USER_NAME" QT_QPA_PLATFORM=offscreen "$@"
}

DATA="$ROOT/home/$USER_NAME/.local/share/station-app"
TRAINING=/home/$USER_NAME/.local/share/station-app-taphuan
set_up_station() {
  say "a station set up in the user's data folder"
  chroot --userspec="$USER_NAME:$USER_NAME" "$ROOT" env -i PATH=/usr/bin:/bin HOME="/home/$USER_NAME" \
    TEST_PW=chroot-test-2026 station-app init --station-code TEST01 --station-name "Trạm thử" --commune 03637 \
    --admin quantri --admin-name "Quản trị thử" --password-env TEST_PW
  as_user station-app audit verify
  [ -f "$DATA/station.sqlite3" ] || fail "no database in $DATA"
  ls -l "$DATA"
}
# The lists need the coordinator's sign-in (issue 16); a package older than that has neither --user nor a sign-in.
as_coordinator() {
  as_user env TRAINING_PW=taphuan-2026 station-app --user demo.dieuphoi --password-env TRAINING_PW "$@" 2>/dev/null \
    || as_user station-app "$@"
}
# What a coordinator would print from the training station: read the same before and after an upgrade.
lists_of() {
  local tag=$1 kind
  for kind in pending referrals duplicates; do
    as_coordinator --data-dir "$TRAINING" lists "$kind" --out "/tmp/$kind-$tag.csv" >/dev/null \
      || fail "lists $kind ($tag)"
  done
  as_coordinator --data-dir "$TRAINING" lists daily --from 01/01/2020 --to 31/12/2030 \
    --out "/tmp/daily-$tag.csv" >/dev/null || fail "lists daily ($tag)"
  as_user station-app --data-dir "$TRAINING" audit verify > "$ROOT/tmp/audit-$tag.txt" || fail "audit verify ($tag)"
}

[ -n "$OFFLINE_KIT" ] || in_root apt-get update -qq
if [ -n "$OFFLINE_KIT" ]; then
  say "the offline kit: unpacked on a stick named 'USB DISK', its install.sh run with no network (unshare -n)"
  USB="$ROOT/media/tram/USB DISK"
  mkdir -p "$USB"
  tar -C "$USB" -xf "$OFFLINE_KIT"
  ls -la "$USB/$KIT_DIR" | head -8
  unshare --net chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    sh "/media/tram/USB DISK/$KIT_DIR/install.sh" || fail "the offline kit's install.sh"
  in_root useradd --create-home --shell /bin/bash "$USER_NAME"
elif [ -n "$OLD_DEB" ]; then
  say "the older package first: apt-get install /tmp/station-app-old.deb ($OLD_VERSION)"
  in_root apt-get install -y -q --no-install-recommends /tmp/station-app-old.deb
  in_root useradd --create-home --shell /bin/bash "$USER_NAME"
  [ "$(as_user station-app --version)" = "station-app $OLD_VERSION" ] || fail "the older package's version"
  set_up_station
  say "a training station with data, made by $OLD_VERSION (demo: 300 residents and their visits)"
  as_user station-app demo --residents 300 | tail -2
  lists_of before
  sum_before=$(sha256sum "$DATA/station.sqlite3" | cut -d' ' -f1)
  say "upgraded by the newer package: apt-get install /tmp/station-app.deb ($OLD_VERSION -> $VERSION)"
  in_root apt-get install -y -q --no-install-recommends /tmp/station-app.deb
  [ "$(in_root dpkg-query -W -f '${Version}' station-app)" = "$VERSION" ] || fail "dpkg does not hold $VERSION"
  [ "$(sha256sum "$DATA/station.sqlite3" | cut -d' ' -f1)" = "$sum_before" ] \
    || fail "installing the package changed the station's database"
  say "the data of $OLD_VERSION, opened by $VERSION"
  lists_of after
  for f in pending referrals duplicates daily; do
    cmp -s "$ROOT/tmp/$f-before.csv" "$ROOT/tmp/$f-after.csv" || {
      diff "$ROOT/tmp/$f-before.csv" "$ROOT/tmp/$f-after.csv" | head -20; fail "the $f list changed in the upgrade"; }
    echo "$f list: $(($(wc -l < "$ROOT/tmp/$f-after.csv") - 1)) rows, the same as before the upgrade"
  done
  cat "$ROOT/tmp/audit-after.txt"
  as_user station-app audit verify || fail "the station's audit chain after the upgrade"
else
  say "apt-get install /tmp/station-app.deb (apt resolves the Depends from $MIRROR)"
  in_root apt-get install -y -q --no-install-recommends /tmp/station-app.deb
  in_root useradd --create-home --shell /bin/bash "$USER_NAME"
fi

say "station-app --version"
out=$(as_user station-app --version)
echo "$out"
[ "$out" = "station-app $VERSION" ] || fail "expected 'station-app $VERSION'"

[ -n "$OLD_DEB" ] || set_up_station

# after the set-up, so the self-test checks a real station (database, station key), not an empty folder
if as_user station-app self-test --help >/dev/null 2>&1; then
  say "station-app self-test"
  as_user station-app self-test || fail "self-test reported a problem"
else
  echo "(this build has no self-test command yet: skipped)"
fi

say "the window starts (offscreen, 8 s)"
set +e
as_user timeout 8 station-app
code=$?
set -e
[ "$code" = 124 ] || fail "the window exited with $code before 8 s"
echo "still running after 8 s: fine"

say "the window on an X server (Xvfb: Qt's xcb platform with the libraries the Depends brought, 8 s)"
# installed after the package, so the Depends alone had to be enough for everything above
in_root apt-get update -qq
in_root apt-get install -y -q --no-install-recommends xvfb xauth >/dev/null
set +e
chroot --userspec="$USER_NAME:$USER_NAME" "$ROOT" env -i PATH=/usr/bin:/bin HOME="/home/$USER_NAME" \
  QT_DEBUG_PLUGINS=0 xvfb-run -a timeout 8 station-app 2>&1 | grep -v propagateSizeHints
code=${PIPESTATUS[0]}
set -e
[ "$code" = 124 ] || fail "the window under Xvfb exited with $code before 8 s"
echo "still running after 8 s: fine"

say "menu entry and icon"
for f in usr/share/applications/station-app.desktop usr/share/applications/station-app-self-test.desktop \
         usr/share/icons/hicolor/256x256/apps/station-app.png \
         opt/station-app/_internal/resources/fonts/DejaVuSans.ttf; do
  [ -f "$ROOT/$f" ] || fail "/$f not installed"
done
grep -q '^Exec=station-app$' "$ROOT/usr/share/applications/station-app.desktop" || fail "desktop entry's Exec"
grep -q '^Exec=station-app self-test --pause$' "$ROOT/usr/share/applications/station-app-self-test.desktop" \
  || fail "the self-test entry's Exec"
echo "installed: the .desktop entry, the hicolor icons"

say "apt-get remove, then purge"
in_root apt-get remove -y -q station-app
[ ! -e "$ROOT/usr/bin/station-app" ] || fail "/usr/bin/station-app left behind"
[ -f "$DATA/station.sqlite3" ] || fail "remove deleted the data folder"
in_root apt-get purge -y -q station-app
[ ! -e "$ROOT/opt/station-app" ] || fail "/opt/station-app left behind"
[ -f "$DATA/station.sqlite3" ] || fail "purge deleted the data folder"
echo "data folder kept: $(ls "$DATA" | tr '\n' ' ')"

if [ -n "$OFFLINE_KIT" ]; then
  say "PASSED: the offline kit installs station-app $VERSION with no network; it runs and uninstalls"
elif [ -n "$OLD_DEB" ]; then
  say "PASSED: station-app $OLD_VERSION with data, upgraded to $VERSION, keeps its data; $VERSION runs and uninstalls"
else
  say "PASSED: station-app $VERSION installs, runs and uninstalls in a clean Debian 12 root"
fi
