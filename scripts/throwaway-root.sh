# Sourced by the scripts that need a clean Debian 12 system (test-deb-in-chroot.sh, build-offline-kit.sh,
# build-setup-in-wine.sh): a minimal root made once by debootstrap and cached as a tarball in $CACHE (outside the
# repository), unpacked fresh for each run into a throwaway folder that is unmounted and deleted on exit.
#   prepare_base                    make the cached tarball if it is missing (network to $MIRROR)
#   new_root NAME [ARCHIVES]        ROOT=a fresh copy (/proc, /dev/pts, resolv.conf); ARCHIVES: a folder of $CACHE
#                                   bound to apt's archives, so downloaded .debs are kept for the next run
#   in_root COMMAND…                run as root inside it, with a clean environment
#   on_exit COMMAND                 one more thing to do when the script ends (after the root is gone)
CACHE=${STATION_DEBOOTSTRAP_CACHE:-/var/cache/station-app-debootstrap}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
BASE=$CACHE/$SUITE-minbase.tar
ROOT=""
_ON_EXIT=""

prepare_base() {
  [ -f "$BASE" ] && return 0
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
  mkdir -p "$CACHE"
  local tmp="$CACHE/rootfs.tmp"
  rm -rf "$tmp"
  echo "debootstrap $SUITE (minbase) from $MIRROR into $tmp"
  debootstrap --variant=minbase "$SUITE" "$tmp" "$MIRROR"
  chroot "$tmp" apt-get clean
  tar -C "$tmp" -cf "$BASE.part" .
  mv "$BASE.part" "$BASE"
  rm -rf "$tmp"
  echo "base root cached in $BASE"
}

_remove_root() {
  if [ -n "$ROOT" ] && [ -d "$ROOT" ]; then
    local m
    for m in var/cache/apt/archives dev/pts proc; do
      mountpoint -q "$ROOT/$m" && umount -l "$ROOT/$m"
    done
    rm -rf --one-file-system "$ROOT"
  fi
  eval "$_ON_EXIT"
}

on_exit() {
  _ON_EXIT="$_ON_EXIT
$1"
  trap _remove_root EXIT
}

new_root() {
  prepare_base
  ROOT=$(mktemp -d "/var/tmp/station-$1.XXXXXX")
  trap _remove_root EXIT
  tar -C "$ROOT" -xf "$BASE"
  mount -t proc proc "$ROOT/proc"
  mount -t devpts devpts "$ROOT/dev/pts"  # apt's log of the dpkg run needs a pseudo-terminal
  if [ -n "${2:-}" ]; then
    mkdir -p "$CACHE/$2/partial"
    mount --bind "$CACHE/$2" "$ROOT/var/cache/apt/archives"
  fi
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
}

in_root() { chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
