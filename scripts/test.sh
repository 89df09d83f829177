#!/usr/bin/env bash
# test.sh - run every test suite and end with "N passed, N failed".
#
#   0. code rules (scripts/lint.sh) and the lint's self-test
#   1. unit tests (cmocka), warnings as errors
#   2. the same unit tests under ASan + UBSan
#   3. black-box CLI tests against build/hoso on real files
#   4. fuzz targets (libFuzzer) replaying their corpora plus a short run
#   5. the web UI: type check + build, Vitest, Playwright e2e in chromium
#   6. the Debian package (tests/pkg/run.sh): built from git archive HEAD,
#      lintian, installed, run as the user hoso, purged (root only)
#
# Installs what it needs first (scripts/deps.sh); safe to run again.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/node-path.sh
bash scripts/deps.sh tests || exit 1

passed=0
failed=0
suite_failed=()

# meson test prints "Ok: N" / "Fail: N" / "Timeout: N" in its summary.
count_meson() {
  local log=$1 name=$2 ok fail to
  ok=$(awk '/^Ok:/ {print $2}' "$log" | tail -1)
  fail=$(awk '/^Fail:/ {print $2}' "$log" | tail -1)
  to=$(awk '/^Timeout:/ {print $2}' "$log" | tail -1)
  ok=${ok:-0}; fail=$(( ${fail:-0} + ${to:-0} ))
  passed=$((passed + ok)); failed=$((failed + fail))
  echo "== $name: $ok passed, $fail failed"
  [ "$fail" -eq 0 ] || suite_failed+=("$name")
}

build_or_fail() {
  local dir=$1 name=$2; shift 2
  if ! bash scripts/build.sh "$dir" "$@" >"$dir.buildlog" 2>&1; then
    cat "$dir.buildlog" >&2
    echo "== $name: build failed"
    failed=$((failed + 1)); suite_failed+=("$name build")
    return 1
  fi
}

# "N passed, N failed" summary lines (CLI tests, the lint's self-test).
count_summary() { # LOG NAME
  local line p f
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -1)
  p=$(echo "$line" | awk '{print $1}'); f=$(echo "$line" | awk '{print $3}')
  if [ -z "$line" ]; then p=0; f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  echo "== $2: $p passed, $f failed"
  if [ "$f" -ne 0 ]; then suite_failed+=("$2"); grep FAIL "$1" | head -20; fi
}

# 0. code rules (scripts/lint.sh): one pass or fail per check; then its
#    self-test, which plants a bad file for each check in a temporary clone
#    and asserts that the check fails
mkdir -p tmp
bash scripts/lint.sh >tmp/lint.log 2>&1
lint_rc=$?
lint_ok=$(grep -c '^lint ok: ' tmp/lint.log)
lint_bad=$(grep -c '^lint FAIL: ' tmp/lint.log)
# A lint that stopped early or printed nothing counts as a failure.
if [ "$lint_rc" -ne 0 ] && [ "$lint_bad" -eq 0 ]; then lint_bad=1; fi
if [ "$lint_ok" -eq 0 ] && [ "$lint_bad" -eq 0 ]; then lint_bad=1; fi
passed=$((passed + lint_ok)); failed=$((failed + lint_bad))
echo "== lint: $lint_ok passed, $lint_bad failed"
if [ "$lint_bad" -ne 0 ]; then suite_failed+=("lint"); grep -v '^lint ok: ' tmp/lint.log; fi
bash tests/lint/t-lint-selftest.sh >tmp/lint-selftest.log 2>&1
count_summary tmp/lint-selftest.log "lint self-test"

# 1. unit tests
if build_or_fail build "unit" -Dwerror=true; then
  meson test -C build --suite unit --print-errorlogs >tmp/unit.log 2>&1
  count_meson tmp/unit.log "unit"
fi

# 1b. the store's cursor on PostgreSQL: a server of the run's own
#     (scripts/pg.sh, Debian's postgresql-15), stopped when the run ends
#     in a directory under /tmp, which the postgres user can reach wherever
#     the checkout is
if [ -x build/tests/unit/test-db ]; then
  pgdir=$(mktemp -d /tmp/hoso-pg.XXXXXX)
  if HOSO_TEST_PG=$(bash scripts/pg.sh start "$pgdir" 55432 2>tmp/pg-start.log); then
    trap 'bash scripts/pg.sh stop "$pgdir" >/dev/null 2>&1; rm -rf "$pgdir"' EXIT
    HOSO_TEST_PG=$HOSO_TEST_PG meson test -C build --suite pg --print-errorlogs \
      >tmp/unit-pg.log 2>&1
    count_meson tmp/unit-pg.log "unit (PostgreSQL)"
  else
    cat tmp/pg-start.log
    echo "== unit (PostgreSQL): the server did not start"
    failed=$((failed + 1)); suite_failed+=("PostgreSQL")
  fi
fi

# 2. unit tests under sanitizers
if build_or_fail build-asan "unit (ASan+UBSan)" -Dwerror=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debug; then
  meson test -C build-asan --suite unit --print-errorlogs >tmp/unit-asan.log 2>&1
  count_meson tmp/unit-asan.log "unit (ASan+UBSan)"
fi

# 3. black-box CLI tests against build/hoso and, at the same time on the
#    other core, the same tests against the sanitizer build (3b): each test
#    file runs in its own temporary directory and servers take free ports.
asan_pid=
if [ -x build-asan/hoso ]; then
  HOSO=$root/build-asan/hoso MKXLSX=$root/build/tests/cli/mkxlsx \
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$root/tests/lsan.supp \
    bash tests/cli/run.sh >tmp/cli-asan.log 2>&1 &
  asan_pid=$!
fi
if [ -x build/hoso ]; then
  HOSO=$root/build/hoso bash tests/cli/run.sh >tmp/cli.log 2>&1
  tail -n 40 tmp/cli.log
  count_summary tmp/cli.log "cli"
fi
if [ -n "$asan_pid" ]; then
  wait "$asan_pid"
  count_summary tmp/cli-asan.log "cli (ASan+UBSan)"
fi

# 4. fuzz targets: replay the committed corpus, then a short bounded run
if command -v clang >/dev/null && [ -f fuzz/meson.build ]; then
  if CC=clang build_or_fail build-fuzz "fuzz" -Dfuzz=true -Dtests=disabled \
      -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug; then
    for t in build-fuzz/fuzz/fuzz-*; do
      [ -f "$t" ] && [ -x "$t" ] || continue
      name=$(basename "$t")
      corpus=fuzz/corpus/${name#fuzz-}
      work=$(mktemp -d)
      if "$t" -runs=3000 -max_total_time=20 -max_len=65536 -rss_limit_mb=2048 \
          "$work" "$corpus" >"tmp/$name.log" 2>&1; then
        passed=$((passed + 1)); echo "== $name: ok"
      else
        failed=$((failed + 1)); suite_failed+=("$name")
        tail -n 30 "tmp/$name.log"
      fi
      rm -rf "$work"
    done
  fi
fi

# 5. the web UI: type check and build, Vitest unit tests, then end-to-end
#    tests in Debian's chromium against the real server (build/hoso)
if bash scripts/deps.sh web e2e >tmp/web-deps.log 2>&1 && bash scripts/web.sh >tmp/web.log 2>&1; then
  . scripts/node-path.sh # the Node deps.sh web may just have fetched
  (cd web && npx vitest run) >tmp/vitest.log 2>&1
  line=$(sed 's/\x1b\[[0-9;]*m//g' tmp/vitest.log | grep -E '^ +Tests ' | tail -1)
  p=$(echo "$line" | grep -oE '[0-9]+ passed' | awk '{print $1}'); f=$(echo "$line" | grep -oE '[0-9]+ failed' | awk '{print $1}')
  p=${p:-0}; f=${f:-0}; [ -n "$line" ] || f=1
  passed=$((passed + p)); failed=$((failed + f))
  echo "== web unit (Vitest): $p passed, $f failed"
  if [ "$f" -ne 0 ]; then suite_failed+=("web unit"); tail -n 40 tmp/vitest.log; fi
  if [ -x build/hoso ]; then
    HOSO=$root/build/hoso node web/e2e/run.mjs >tmp/e2e.log 2>&1
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' tmp/e2e.log | tail -1)
    p=$(echo "$line" | awk '{print $1}'); f=$(echo "$line" | awk '{print $3}')
    if [ -z "$line" ]; then p=0; f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
    grep -vE '^ok ' tmp/e2e.log | tail -n 20
    echo "== web e2e (chromium): $p passed, $f failed"
    [ "$f" -eq 0 ] || suite_failed+=("web e2e")
  fi
else
  cat tmp/web-deps.log tmp/web.log | tail -n 40
  echo "== web: build failed"
  failed=$((failed + 1)); suite_failed+=("web build")
fi

# 6. the Debian package: build from the committed tree, lintian, install,
#    the installed layout and unit, the binary as the user hoso, purge
bash tests/pkg/run.sh >tmp/pkg.log 2>&1
grep -E '^(FAIL|note) ' tmp/pkg.log
count_summary tmp/pkg.log "package"

if [ "${#suite_failed[@]}" -gt 0 ]; then
  echo "Failed: ${suite_failed[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
