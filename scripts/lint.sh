#!/usr/bin/env bash
# lint.sh - the code rules of hoso, one check per rule.
#
#   bash scripts/lint.sh [--check NAME] [DIR]
#
# Runs every check (or only NAME) over the git work tree DIR (default: this
# repository) and prints, for each, "lint ok: NAME" or "lint FAIL: NAME"
# followed by the offending files, then "lint: N passed, N failed".  Exit
# status 0 only when every check that ran passed.
#
# Each check collects its offending files into a variable and fails when
# that list is not empty.  A check whose tool (git, clang-format, python3
# with yaml) is missing fails: it never passes without having looked.  No
# check reads a pipeline's status, so no SIGPIPE can turn a failure into a
# pass.  tests/lint/t-lint-selftest.sh plants a bad file for every check in a
# temporary clone and asserts that the check fails.
set -uo pipefail

only=
while [ $# -gt 0 ]; do
  case "$1" in
    --check) only=${2:-}; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
dir=${1:-$(dirname "$0")/..}
cd "$dir" || { echo "lint: no directory $dir"; exit 1; }

# Files allowed to reach the store from outside src/store and src/app, each
# with the reason and who removes it.  Keep this list short and temporary.
store_allow=()

nl=$'\n'
bad= # offending files of the running check, one a line
why= # when the check could not run: why

# need TOOL...: every tool is on the PATH, else why= names the missing one.
need() {
  local t
  for t in "$@"; do
    if ! command -v "$t" >/dev/null 2>&1; then
      why="$t not found (scripts/deps.sh installs it)"
      return 1
    fi
  done
}

# tracked PATHSPEC...: the tracked files matching, one a line, into $files.
tracked() {
  files=$(git ls-files -- "$@") || { why="git ls-files failed"; return 1; }
  [ -n "$files" ] || { why="no tracked file matches $* (not a hoso work tree?)"; return 1; }
}

# grep_files ERE PATHSPEC...: tracked files whose text matches ERE, into
# $files (git grep: 0 found, 1 none, anything else an error).
grep_files() {
  local re=$1 rc
  shift
  files=$(git grep -l -I -E -e "$re" -- "$@")
  rc=$?
  if [ $rc -gt 1 ]; then
    why="git grep failed ($rc)"
    return 1
  fi
  return 0
}

check_clang_format() {
  local out f line rc list
  need git clang-format || return
  tracked '*.c' '*.h' || return
  # One run over every file; each violation is reported as
  # "FILE:LINE:COL: error: code should be clang-formatted".
  mapfile -t list <<<"$files"
  out=$(clang-format --dry-run --Werror "${list[@]}" 2>&1 >/dev/null)
  rc=$?
  while IFS= read -r line; do
    case "$line" in
      *:[0-9]*:[0-9]*:\ error:* | *:[0-9]*:[0-9]*:\ warning:*)
        f=${line%%:*}
        case "$nl$bad" in *"$nl$f$nl"*) ;; *) bad+="$f$nl" ;; esac ;;
    esac
  done <<<"$out"
  if [ $rc -ne 0 ] && [ -z "$bad" ]; then
    why="clang-format failed ($rc): ${out:0:300}"
  fi
}

check_banned_last() {
  local f line last
  need git || return
  tracked 'src/*.c' || return
  while IFS= read -r f; do
    last=
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in '#include'*) last=$line ;; esac
    done <"$f"
    [ "$last" = '#include "core/banned.h"' ] || bad+="$f$nl"
  done <<<"$files"
}

check_sqlite_h() {
  local f
  need git || return
  grep_files '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]sqlite3\.h[>"]' src || return
  [ -n "$files" ] || return 0
  while IFS= read -r f; do
    case "$f" in src/store/db-sqlite.c) ;; *) bad+="$f$nl" ;; esac
  done <<<"$files"
}

check_openapi() {
  local py=${LINT_PYTHON:-python3} out
  need "$py" || return
  [ -f docs/openapi.yaml ] || { bad="docs/openapi.yaml (missing)$nl"; return; }
  if ! "$py" -c 'import yaml' >/dev/null 2>&1; then
    why="$py cannot import yaml (python3-yaml; scripts/deps.sh tests)"
    return
  fi
  if ! out=$("$py" -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' \
      docs/openapi.yaml 2>&1); then
    bad="docs/openapi.yaml: ${out##*$nl}$nl"
  fi
}

check_cli_sql() {
  need git || return
  grep_files '\b(SELECT|INSERT INTO|UPDATE .* SET|DELETE FROM)\b' src/cli || return
  [ -z "$files" ] || bad="$files$nl"
}

check_store_layering() {
  local f a allowed
  need git || return
  # A store_ function call, the store handle (app_store, for src/app only),
  # or a store header: only src/store and src/app reach the store.
  grep_files '(^|[^A-Za-z0-9_])(store_[a-z0-9_]+|app_store)[[:space:]]*\(|^[[:space:]]*#[[:space:]]*include[[:space:]]*"store/' \
    'src/*.c' 'src/*.h' ':!src/store/*' ':!src/app/*' || return
  [ -n "$files" ] || return 0
  while IFS= read -r f; do
    allowed=0
    for a in "${store_allow[@]}"; do
      [ "$f" = "$a" ] && allowed=1
    done
    [ $allowed -eq 1 ] || bad+="$f$nl"
  done <<<"$files"
}

check_unit_security() {
  local f
  need git systemd-analyze || return
  tracked 'dist/*.service' || return
  # exposure at most 2.0 ("--threshold" counts tenths): what the service
  # may reach is as little as hoso allows
  while IFS= read -r f; do
    systemd-analyze security --offline=true --threshold=20 "$f" >/dev/null 2>&1 || bad+="$f$nl"
  done <<<"$files"
}

checks=(
  "clang-format:check_clang_format:every C file is clang-formatted"
  "banned-last:check_banned_last:every src .c includes core/banned.h last"
  "sqlite3-h:check_sqlite_h:only src/store/db-sqlite.c (the engine's cursor) includes sqlite3.h"
  "openapi:check_openapi:docs/openapi.yaml is valid YAML"
  "cli-sql:check_cli_sql:no SQL in src/cli"
  "store-layering:check_store_layering:no store_ call or store/ include outside src/store and src/app"
  "unit-security:check_unit_security:every systemd unit in dist/ is hardened (systemd-analyze security exposure at most 2.0)"
)

passed=0
failed=0
ran=0
for c in "${checks[@]}"; do
  name=${c%%:*}
  rest=${c#*:}
  fn=${rest%%:*}
  what=${rest#*:}
  [ -z "$only" ] || [ "$only" = "$name" ] || continue
  ran=$((ran + 1))
  bad=
  why=
  files=
  "$fn"
  if [ -z "$bad" ] && [ -z "$why" ]; then
    passed=$((passed + 1))
    echo "lint ok: $name ($what)"
  else
    failed=$((failed + 1))
    echo "lint FAIL: $name ($what)"
    [ -z "$why" ] || echo "  cannot check: $why"
    while IFS= read -r f; do
      [ -z "$f" ] || echo "  $f"
    done <<<"$bad"
  fi
done
if [ $ran -eq 0 ]; then
  echo "lint: no check named '$only'"
  exit 2
fi
echo "lint: $passed passed, $failed failed"
[ $failed -eq 0 ]
