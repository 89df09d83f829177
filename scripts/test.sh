#!/usr/bin/env bash
# test.sh - run every test suite and end with "N passed, N failed".
#
#   1. unit tests (cmocka), warnings as errors
#   2. the same unit tests under ASan + UBSan
#   3. black-box CLI tests against build/hoso on real files
#   4. fuzz targets (libFuzzer) replaying their corpora plus a short run
#   5. the web UI: type check + build, Vitest, Playwright e2e in chromium
#
# Installs what it needs first (scripts/deps.sh); safe to run again.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
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

# 0. code rules: formatting, banned functions, layering
lint_fail=0
lint() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); lint_fail=1; echo "lint: $1"; fi; }
lint "clang-format" '! for f in $(git ls-files "*.c" "*.h" 2>/dev/null); do clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || echo "$f"; done | grep -q .'
lint "every src .c includes core/banned.h last" '! for f in $(git ls-files "src/*.c"); do tail -n +1 "$f" | grep "^#include" | tail -1 | grep -q "core/banned.h" || echo "$f"; done | grep -q .'
lint "only src/store includes sqlite3.h" '! git grep -l "include <sqlite3.h>" -- src | grep -v "^src/store/" | grep -q .'
lint "docs/openapi.yaml is valid YAML" '/usr/bin/python3 -c "import yaml; yaml.safe_load(open(\"docs/openapi.yaml\"))" 2>/dev/null'
lint "no SQL in src/cli" '! git grep -lE "\b(SELECT|INSERT INTO|UPDATE .* SET|DELETE FROM)\b" -- src/cli | grep -q .'
echo "== lint: $([ $lint_fail -eq 0 ] && echo ok || echo failed)"
[ $lint_fail -eq 0 ] || suite_failed+=("lint")

# 1. unit tests
mkdir -p tmp
if build_or_fail build "unit" -Dwerror=true; then
  meson test -C build --suite unit --print-errorlogs >tmp/unit.log 2>&1
  count_meson tmp/unit.log "unit"
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
cli_count() { # LOG NAME
  local line p f
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -1)
  p=$(echo "$line" | awk '{print $1}'); f=$(echo "$line" | awk '{print $3}')
  if [ -z "$line" ]; then p=0; f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  echo "== $2: $p passed, $f failed"
  if [ "$f" -ne 0 ]; then suite_failed+=("$2"); grep FAIL "$1" | head -20; fi
}
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
  cli_count tmp/cli.log "cli"
fi
if [ -n "$asan_pid" ]; then
  wait "$asan_pid"
  cli_count tmp/cli-asan.log "cli (ASan+UBSan)"
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

if [ "${#suite_failed[@]}" -gt 0 ]; then
  echo "Failed: ${suite_failed[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
