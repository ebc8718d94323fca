#!/bin/sh
# install.sh of the offline kit (scripts/build-offline-kit.sh): installs Station App and the Debian packages it
# needs from this folder, with no network. apt sees only this folder's packages and what is installed already (a
# temporary source list and package lists; the laptop's own apt set-up is left as it was), so packages already
# there are kept, even in a newer version. The stations' data folders are never touched.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
say() { printf '%s\n' "$*"; }
if [ "$(id -u)" != 0 ]; then
  say "Cần quyền quản trị. Hãy chạy: sudo sh \"$HERE/install.sh\""
  say "Needs administrator rights: sudo sh \"$HERE/install.sh\""
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  say "Máy này không phải Debian/Ubuntu (không có apt-get): bộ cài này dành cho Debian 12."
  exit 1
fi
set -- "$HERE"/station-app_*.deb
[ -f "$1" ] || { say "Thiếu tệp station-app_….deb trong $HERE: hãy giải nén lại cả tệp .tar."; exit 1; }
[ -f "$HERE/debs/Packages" ] || { say "Thiếu thư mục debs trong $HERE: hãy giải nén lại cả tệp .tar."; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
mkdir -p "$TMP/lists/partial"
chmod 0755 "$TMP"  # apt reads the lists as its own user _apt, as it does in /var/lib/apt/lists
if id _apt >/dev/null 2>&1; then chown _apt "$TMP/lists/partial"; fi
# a folder path with spaces (a USB stick named "USB DISK") written as a file: URI
printf 'deb [trusted=yes] file:%s ./\n' "$(printf '%s' "$HERE/debs" | sed 's/%/%25/g; s/ /%20/g')" > "$TMP/sources.list"
set -- -o "Dir::Etc::SourceList=$TMP/sources.list" -o "Dir::Etc::SourceParts=$TMP/none" \
  -o "Dir::State::Lists=$TMP/lists" -o "APT::Get::List-Cleanup=false"
DEB=$(ls "$HERE"/station-app_*.deb | tail -1)
say "Đang cài Station App từ $HERE (không cần mạng)…"
if ! apt-get "$@" update -qq || ! DEBIAN_FRONTEND=noninteractive apt-get "$@" install -y --no-install-recommends "$DEB"; then
  say ""
  say "Cài đặt không thành công. Hãy chụp màn hình này gửi cán bộ CNTT của Trung tâm Y tế."
  say "Bộ cài dành cho Debian 12 (64-bit); dữ liệu của trạm trên máy vẫn được giữ nguyên."
  exit 1
fi
say ""
say "Đã cài xong: $(station-app --version). Hãy chạy thử: station-app self-test"
