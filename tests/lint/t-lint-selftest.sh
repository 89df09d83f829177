#!/usr/bin/env bash
# t-lint-selftest.sh - prove that every check of scripts/lint.sh can fail.
#
# A check that cannot fail is a defect: the old checks passed when their
# tool was missing, and when two files were bad (`! for ... | grep -q .`
# under pipefail turned grep's early exit into SIGPIPE, and SIGPIPE into a
# pass).  This test makes a temporary git clone of the work tree's HEAD,
# shows that every check passes there, then for each check plants one bad
# file, then two, and asserts that the check fails and names every planted
# file; it runs the checks again with a PATH that lacks clang-format, then
# git, and without python, and asserts that the checks needing them fail;
# and a full run with one bad file per check fails every check and exits 1.
# Ends with "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lint=$root/scripts/lint.sh
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $*"; }
bad() { fail=$((fail + 1)); echo "FAIL - $*"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hoso-lint-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/repo
if ! git clone -q "$root" "$repo"; then
  bad "git clone of $root"
  echo "$pass passed, $fail failed"
  exit 1
fi
git -C "$repo" config user.email lint@localhost
git -C "$repo" config user.name lint

checks=(clang-format banned-last sqlite3-h openapi cli-sql store-layering unit-security)

# lint [ENV=V...] [--check NAME]: run the work tree's lint over the clone;
# output in $out, exit status in $status.
lint() {
  out=$(env "$@" "$BASH" "$lint" "${lint_args[@]}" "$repo" 2>&1)
  status=$?
}

# reset: the clone as cloned.
reset() {
  git -C "$repo" reset -q --hard
  git -C "$repo" clean -fdxq
}

# plant FILE TEXT: write a file into the clone and track it (the checks
# look at tracked files).
plant() {
  mkdir -p "$(dirname "$repo/$1")"
  printf '%s\n' "$2" >"$repo/$1"
  git -C "$repo" add -f "$1"
}

# expect_fail CHECK WHAT FILE...: CHECK fails (exit status 1, "lint FAIL:
# CHECK") and names every FILE.
expect_fail() {
  local check=$1 what=$2 f missing=
  shift 2
  lint_args=(--check "$check")
  lint
  for f in "$@"; do
    case "$out" in *"  $f"*) ;; *) missing+=" $f" ;; esac
  done
  if [ "$status" -eq 1 ] && [[ "$out" == *"lint FAIL: $check "* ]] && [ -z "$missing" ]; then
    ok "$check fails: $what"
  else
    bad "$check does not fail as it should: $what (exit $status${missing:+; not named:$missing}): $out"
  fi
}

# expect_fail_env CHECK WHAT WANT ENV=V...: with the environment given,
# CHECK fails and its output contains WANT.
expect_fail_env() {
  local check=$1 what=$2 want=$3
  shift 3
  lint_args=(--check "$check")
  lint "$@"
  if [ "$status" -eq 1 ] && [[ "$out" == *"lint FAIL: $check "* ]] && [[ "$out" == *"$want"* ]]; then
    ok "$check fails: $what"
  else
    bad "$check does not fail as it should: $what (exit $status): $out"
  fi
}

# 1. The clean clone passes every check (else the failures below prove
#    nothing).
for c in "${checks[@]}"; do
  lint_args=(--check "$c")
  lint
  if [ "$status" -eq 0 ] && [[ "$out" == *"lint ok: $c "* ]]; then
    ok "$c passes on a clean clone"
  else
    bad "$c fails on a clean clone (exit $status): $out"
  fi
done

# 2. One bad file, then two (the pipefail case), for every check.
# one_then_two CHECK WHAT FILE TEXT WHAT2 FILE2 TEXT2: in the clone as
# cloned, FILE holding TEXT fails CHECK (WHAT); FILE2 added with TEXT2, the
# check fails naming both (WHAT2).
one_then_two() {
  reset
  plant "$3" "$4"
  expect_fail "$1" "$2" "$3"
  plant "$6" "$7"
  expect_fail "$1" "$5" "$3" "$6"
}

misformatted='int  f( int x ){return x+1;}'
one_then_two clang-format "a mis-formatted .c" src/core/zz-format.c "$misformatted" \
  "two mis-formatted files" tests/unit/zz-format.h "$misformatted"
one_then_two banned-last "a .c that includes core/banned.h before another header" \
  src/core/zz-banned.c '#include "core/banned.h"
#include <stdio.h>' \
  "two such files (one with no include at all)" src/app/zz-banned2.c 'int zz(void);'
one_then_two sqlite3-h "sqlite3.h included in a store file other than the engine's" src/store/zz-sqlite.c '#include <sqlite3.h>' \
  "sqlite3.h included in src/app and src/http" src/http/zz-sqlite.h '#include "sqlite3.h"'

reset
printf 'openapi: 3.0.3\npaths: [unclosed\n  - {\n' >"$repo/docs/openapi.yaml"
expect_fail openapi "invalid YAML" docs/openapi.yaml
rm "$repo/docs/openapi.yaml"
expect_fail openapi "the file missing" docs/openapi.yaml

one_then_two cli-sql "SQL in src/cli" src/cli/zz-sql.c 'static const char *q = "SELECT id FROM person";' \
  "SQL in two files of src/cli" src/cli/zz-sql2.c 'static const char *q2 = "DELETE FROM audit";'
one_then_two store-layering "a store_ call in src/http" \
  src/http/zz-store.c 'void zz(struct store *s) { store_begin(s); }' \
  "a store_ call in src/http and a store/ include in src/cli" src/cli/zz-store.c '#include "store/store.h"'
reset
plant src/export/zz-store.c 'void *zz(struct app *a) { return app_store(a); }'
expect_fail store-layering "the store handle (app_store) in src/export" src/export/zz-store.c
unhardened='[Unit]
Description=zz
[Service]
ExecStart=/usr/bin/true'
one_then_two unit-security "a unit with no hardening" dist/zz.service "$unhardened" \
  "two such units" dist/zz2.service "$unhardened"

# 3. A missing tool fails its checks.  PATH holds only the tools the lint
#    may use, less the one taken away.
reset
py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
mkbin() { # DIR TOOL...: a directory of links to the tools named
  local d=$1 t p
  shift
  mkdir -p "$d"
  for t in "$@"; do
    if [ "$t" = python3 ]; then p=$py; else p=$(command -v "$t"); fi
    [ -n "$p" ] && ln -sf "$p" "$d/$t"
  done
}
mkbin "$tmp/no-clang-format" git python3
mkbin "$tmp/no-git" clang-format python3
expect_fail_env clang-format "clang-format not on the PATH" "clang-format not found" \
  PATH="$tmp/no-clang-format"
for c in clang-format banned-last sqlite3-h cli-sql store-layering; do
  expect_fail_env "$c" "git not on the PATH" "git not found" PATH="$tmp/no-git"
done
expect_fail_env openapi "python3 missing" "not found" LINT_PYTHON="$tmp/no-python3"
expect_fail_env unit-security "systemd-analyze not on the PATH" "systemd-analyze not found" \
  PATH="$tmp/no-clang-format"

# 4. A full run with one bad file per check: every check fails, exit 1.
reset
plant src/core/zz-format.c "$misformatted"
plant src/core/zz-banned.c '#include "core/banned.h"
#include <stdio.h>'
plant src/app/zz-sqlite.c '#include <sqlite3.h>'
printf 'paths: [unclosed\n' >"$repo/docs/openapi.yaml"
plant src/cli/zz-sql.c 'static const char *q = "SELECT id FROM person";'
plant src/http/zz-store.c 'void zz(struct store *s) { store_begin(s); }'
plant dist/zz.service "$unhardened"
lint_args=()
lint
if [ "$status" -eq 1 ] && [[ "$out" == *"lint: 0 passed, ${#checks[@]} failed"* ]]; then
  ok "a full run with one bad file per check fails all ${#checks[@]} checks"
else
  bad "a full run with one bad file per check (exit $status): $out"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
