#!/usr/bin/env bash
# run.sh [search|import|all] - the benchmarks of bench/README.md.
#
#   search  name search over the national dataset (5.5 M persons and their
#           cases, built once into bench/out/national.db by "hoso demo
#           --scale national"; rebuilt when it lacks the persons or the
#           cases), beside plain FTS5 and a LIKE scan in the same run
#   import  1,000,000 persons from CSV with "hoso import persons", beside
#           "sqlite3 .import" of the same file into a bare table
#   report  the 5-year review of the demo province (bench/out/province.db,
#           built once by "hoso demo") from the live counters, beside a
#           recursive-CTE query over the raw records; then one province of
#           the national dataset, when it has been built
#
# Figures are printed and appended to bench/out/results.txt.  Not part of
# the test suite: benchmarks are measured, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
bash scripts/deps.sh
bash scripts/build.sh build-release -Dbuildtype=release -Dtests=disabled
hoso=$PWD/build-release/hoso
out=bench/out
mkdir -p "$out"
log() { echo "$@" | tee -a "$out/results.txt"; }
log "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null)"

if [ "$what" = search ] || [ "$what" = all ]; then
  db=$out/national.db
  # A dataset built before the national scale had cases has none.
  if ! "$hoso" --db "$db" check >/dev/null 2>&1 || \
     [ "$(sqlite3 "$db" 'select count(*) from person' 2>/dev/null || echo 0)" -lt 5400000 ] || \
     [ "$(sqlite3 "$db" 'select count(*) from case_file' 2>/dev/null || echo 0)" -lt 500000 ]; then
    rm -f "$db" "$db"-wal "$db"-shm "$db".plain-fts.db*
    /usr/bin/time -f "national dataset built in %e s (max RSS %M KB)" \
      "$hoso" --db "$db" demo --scale national 2>&1 | tail -n 2 | tee -a "$out/results.txt"
  fi
  build-release/bench/bench-search "$db" 1000 | tee -a "$out/results.txt"
fi

if [ "$what" = report ] || [ "$what" = all ]; then
  db=$out/province.db
  if ! "$hoso" --db "$db" report verify >/dev/null 2>&1 || \
     [ -z "$("$hoso" --db "$db" case list --limit 1 2>/dev/null)" ]; then
    rm -f "$db" "$db"-wal "$db"-shm
    "$hoso" --db "$db" demo >/dev/null
  fi
  build-release/bench/bench-report "$db" DB 2015-01-01 2019-12-31 2025-07-01 50 | tee -a "$out/results.txt"
  build-release/bench/bench-report "$db" DB 2025-01-01 2025-12-31 2025-07-01 50 | tee -a "$out/results.txt"
  # The same review of one province inside the national dataset (built by
  # "search"; its baseline takes seconds a run, hence fewer runs).
  if [ "$(sqlite3 "$out/national.db" 'select count(*) from case_file' 2>/dev/null || echo 0)" -ge 500000 ]; then
    build-release/bench/bench-report "$out/national.db" P01 2015-01-01 2019-12-31 2025-07-01 10 | tee -a "$out/results.txt"
  else
    log "report: no national dataset with cases (bash bench/run.sh search builds it)"
  fi
fi

if [ "$what" = import ] || [ "$what" = all ]; then
  csv=$out/persons-1m.csv
  [ -f "$csv" ] || python3 bench/gen-persons.py 1000000 "$csv"
  rows=$(($(wc -l <"$csv") - 1))
  rm -f "$out/import.db"* "$out/bare.db"*
  "$hoso" --db "$out/import.db" init >/dev/null
  "$hoso" --db "$out/import.db" org create --code TU --name "Đảng bộ tỉnh" \
    --kind dang_bo_tinh --from 2000-01-01 >/dev/null
  for i in $(seq 1 50); do
    "$hoso" --db "$out/import.db" org create --code "C$i" --name "Chi bộ $i" \
      --kind chi_bo_co_so --parent TU --from 2000-01-01 >/dev/null
  done
  t0=$(date +%s.%N)
  "$hoso" --db "$out/import.db" import persons "$csv" >/dev/null
  t1=$(date +%s.%N)
  sqlite3 "$out/bare.db" ".mode csv" ".import $csv t"
  t2=$(date +%s.%N)
  python3 - "$rows" "$t0" "$t1" "$t2" <<'PY' | tee -a "$out/results.txt"
import sys
rows, t0, t1, t2 = int(sys.argv[1]), *map(float, sys.argv[2:])
h, b = t1 - t0, t2 - t1
print(f"import of {rows} persons from CSV")
print(f"  hoso import persons   {h:7.2f} s  {rows / h:9.0f} rows/s  (validation, NFC, keys, "
      f"6 indexes, search index, memberships, one transaction)")
print(f"  sqlite3 .import       {b:7.2f} s  {rows / b:9.0f} rows/s  (bare table, text only)")
print(f"  ratio                 {h / b:7.2f}x")
PY
fi
