#!/usr/bin/env bash
# Runs the built program the way a site laptop would, in throwaway data folders: the version, a training
# station (demo: migrations, argon2, the fonts and the code lists), a real station set up from the command line
# and its audit chain, a QR picture through both decoders, a printed list as PDF (reportlab + the fonts), the
# self-test (which also loads the camera's FFmpeg plugin), the office service answering (office edition) or
# refusing with a message naming the office edition (station edition), and the window for a few seconds under the
# offscreen platform.
#   [STATION_APP_EDITION=station|office] installer/smoke_test.sh [dist/station-app/station-app]
set -euo pipefail
APP=$(realpath "${1:-dist/station-app/station-app}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$ROOT/build/venv/bin/python}
WORK=$(mktemp -d /tmp/station-smoke.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen
EDITION=${STATION_APP_EDITION:-station}
step() { printf '  %-46s' "$1"; }
ok() { echo "OK${1:+ ($1)}"; }

expected="station-app $(sed -n 's/^__version__ = "\(.*\)".*/\1/p' "$ROOT/station_app/__init__.py")"
step "--version"
got=$("$APP" --version); [ "$got" = "$expected" ] || { echo "got '$got', expected '$expected'"; exit 1; }; ok "$got"

step "demo (training station, 50 residents)"
"$APP" --data-dir "$WORK/demo" demo --residents 50 >"$WORK/demo.log" 2>&1 || { cat "$WORK/demo.log"; exit 1; }; ok

step "init + audit verify (real station)"
TEST_PW=smoke-test-2026 "$APP" --data-dir "$WORK/real" init --station-code SMOKE01 --station-name "Trạm thử" \
  --commune 03637 --admin quantri --admin-name "Quản trị thử" --password-env TEST_PW >"$WORK/init.log" 2>&1 \
  || { cat "$WORK/init.log"; exit 1; }
"$APP" --data-dir "$WORK/real" audit verify >/dev/null; ok

step "decode a QR picture"
"$PY" -c "import qrcode, sys; qrcode.make('SMOKE-QR-2026').save(sys.argv[1])" "$WORK/q.png"
out=$("$APP" decode "$WORK/q.png" 2>&1 || true)  # exit 1: read, but not a card or slip code
grep -q "SMOKE-QR-2026" <<<"$out" || { echo "$out"; exit 1; }; ok

step "printed list (PDF)"
TRAINING_PW=taphuan-2026 "$APP" --data-dir "$WORK/demo" --user demo.dieuphoi --password-env TRAINING_PW \
  lists pending --out "$WORK/pending.pdf" >/dev/null  # the lists need the coordinator's sign-in
head -c 5 "$WORK/pending.pdf" | grep -q "%PDF-" || { echo "not a PDF"; exit 1; }; ok "$(stat -c %s "$WORK/pending.pdf") bytes"

if "$APP" self-test --help >/dev/null 2>&1; then
  step "self-test"
  "$APP" --data-dir "$WORK/real" self-test >"$WORK/self-test.log" 2>&1 || { cat "$WORK/self-test.log"; exit 1; }; ok
fi

if [ "$EDITION" = office ]; then
  step "office service answers (FastAPI, uvicorn)"
  "$APP" office init --dir "$WORK/office" >/dev/null
  port=$("$PY" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
  "$APP" office serve --dir "$WORK/office" --host 127.0.0.1 --port "$port" >"$WORK/serve.log" 2>&1 &
  serve=$!
  health=""
  for _ in $(seq 40); do
    health=$("$PY" -c "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=2).read().decode())" \
      "http://127.0.0.1:$port/api/v1/health" 2>/dev/null) && break
    sleep 0.5
  done
  kill "$serve"; wait "$serve" 2>/dev/null || true
  grep -q '"status":"ok"' <<<"$health" || { cat "$WORK/serve.log"; echo "no answer on /api/v1/health"; exit 1; }; ok
  step "PostgreSQL client loads (psycopg)"
  # nothing listens on port 9: the client must load and report the refused connection, not a missing module
  set +e; out=$("$APP" office report --dir "$WORK/office" --db "postgresql+psycopg://nobody@127.0.0.1:9/x" \
    --out "$WORK/r.pdf" 2>&1); set -e
  grep -q "không kết nối được" <<<"$out" || { echo "$out"; exit 1; }; ok
else
  step "office service left out (station edition)"
  set +e; out=$("$APP" office serve --dir "$WORK/office" 2>&1); code=$?; set -e
  [ "$code" = 2 ] && grep -q "station-app-office" <<<"$out" || { echo "$out"; echo "exit $code"; exit 1; }; ok
fi

step "window (offscreen, 6 s)"
set +e; timeout 6 "$APP" --data-dir "$WORK/real" >"$WORK/gui.log" 2>&1; code=$?; set -e
[ "$code" = 124 ] || { cat "$WORK/gui.log"; echo "exited with $code"; exit 1; }; ok "still running"
echo "smoke test passed: $APP"
