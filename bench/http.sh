#!/usr/bin/env bash
# http.sh - audited reads and searches over HTTP with wrk on loopback, on
# the province demo database, beside the same requests from a build that
# records no audit entry (so the cost of durable auditing is visible).
# Usage: bash bench/http.sh [SECONDS]   (figures appended to bench/out/results.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
bash scripts/deps.sh bench
bash scripts/build.sh build-release -Dbuildtype=release -Dtests=disabled
bash scripts/build.sh build-noaudit -Dbuildtype=release -Dtests=disabled -Dbench_no_audit=true
out=bench/out; mkdir -p "$out"
db=$out/province.db
if [ ! -f "$db" ]; then
  build-release/hoso --db "$db" demo >/dev/null
  echo "mat-khau-bench-123" | build-release/hoso --db "$db" user add bench --name "Bench" --role viewer --org DB --password-stdin >/dev/null
fi
persons=$(sqlite3 "$db" "select max(id) from person")
run() { # BINARY LABEL
  local bin=$1 label=$2 port log
  log=$(mktemp)
  "$bin" --db "$db" serve --listen 127.0.0.1:0 --threads "${HOSO_THREADS:-16}" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    port=$(grep -oE '127\.0\.0\.1:[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
    [ -n "$port" ] && break; sleep 0.05
  done
  local cookie
  cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    --data '{"username": "bench", "password": "mat-khau-bench-123"}' \
    "http://127.0.0.1:$port/api/session" | grep -i '^set-cookie' | sed -E 's/.*hoso_session=([0-9a-f]+).*/\1/')
  for what in read search; do
    echo "-- $label $what, 64 connections, ${secs}s" | tee -a "$out/results.txt"
    HOSO_COOKIE=$cookie HOSO_PERSONS=$persons wrk -t2 -c64 -d"${secs}s" --latency \
      -s "bench/wrk-$what.lua" "http://127.0.0.1:$port" \
      | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' | tee -a "$out/results.txt"
  done
  kill -TERM "$pid"; wait "$pid" || true
  rm -f "$log"
}
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) HTTP, $(nproc) cores, province demo ($persons persons)" | tee -a "$out/results.txt"
run build-release/hoso "audited"
run build-noaudit/hoso "no audit (benchmark build)"
