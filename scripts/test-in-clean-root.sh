#!/usr/bin/env bash
# `make test` on a clean Debian 12 system, as a new developer's or CI's machine would run it: a throwaway minimal
# root (scripts/throwaway-root.sh) with only make, python3 and git added, a clone of this repository's HEAD, and
# CI=true, so a test whose tool the set-up failed to install fails instead of being skipped. Root and network to a
# Debian mirror and PyPI; about half an hour. Prints the test run's closing line.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$REPO/scripts/throwaway-root.sh"

[ "$(id -u)" = 0 ] || { echo "needs root (chroot)" >&2; exit 2; }
new_root make-test archives
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends make python3 git ca-certificates
# The root trusts what this machine trusts (a site's or a network's own certificate authority included): pip
# reaches PyPI through the same network as the host.
cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
git clone -q "$REPO" "$ROOT/opt/station-app-src"
in_root bash -c 'cd /opt/station-app-src && CI=true LANG=C.UTF-8 make test PYTEST_ARGS="-q -p no:cacheprovider -rs"' \
  2>&1 | tee "${LOG:-/tmp/station-app-clean-root-test.log}" | tail -n 15
