#!/usr/bin/env bash
# run.sh - black-box tests of the hoso command.  Each tests/cli/t-*.sh file
# is sourced in a fresh temporary directory with $HOSO set to the binary and
# the helpers below; it calls ok/fail.  Ends with "N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
export HOSO=${HOSO:-$here/../../build/hoso}
export TESTDATA=$here/../data
export TESTS_DIR=$here
export MKXLSX=${MKXLSX:-$here/../../build/tests/cli/mkxlsx}
pass=0
fail=0

ok() { pass=$((pass + 1)); }
fail() { fail=$((fail + 1)); echo "FAIL [$cur] $*"; }
# expect_status N CMD... : run CMD, check its exit status
expect_status() {
  local want=$1; shift
  "$@" >out.txt 2>err.txt
  local got=$?
  if [ "$got" -eq "$want" ]; then ok; else fail "$* -> exit $got, want $want: $(head -c 300 err.txt)"; fi
}
# expect_out PATTERN : stdout of the last command matches grep -E PATTERN
expect_out() {
  if grep -qE -- "$1" out.txt; then ok; else fail "stdout lacks /$1/: $(head -c 300 out.txt)"; fi
}
expect_err() {
  if grep -qE -- "$1" err.txt; then ok; else fail "stderr lacks /$1/: $(head -c 300 err.txt)"; fi
}
expect_no_out() {
  if grep -qE -- "$1" out.txt; then fail "stdout has /$1/"; else ok; fi
}

# start_server [serve args...]: start "hoso serve" on a free port of
# 127.0.0.1; sets $base and $spid.  stop_server sends SIGTERM and waits.
start_server() {
  # The log of a server stopped before must not be read for this one's port
  # (the shell may run the loop before the new server truncates the file).
  rm -f serve.log
  "$HOSO" serve --listen 127.0.0.1:0 "$@" > serve.log 2>&1 &
  spid=$!
  local port=""
  for _ in $(seq 1 200); do
    port=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' serve.log 2>/dev/null | grep -oE '[0-9]+$')
    [ -n "$port" ] && break
    sleep 0.05
  done
  base=http://127.0.0.1:$port
  [ -n "$port" ] && ok || fail "server did not start: $(cat serve.log)"
}
stop_server() {
  kill -TERM "$spid" 2>/dev/null
  wait "$spid"
}
# restart_server USER...: stop the server, start another on the same
# database and sign USER... in (login_users): the next part of a test.
restart_server() {
  stop_server
  start_server
  login_users "$@"
}
# get [curl args...]: body to body.txt, headers to headers.txt, prints the status
get() { curl -s -o body.txt -D headers.txt -w '%{http_code}' "$@"; }
expect_http() { # STATUS [curl args...] URL
  local want=$1; shift
  local got; got=$(get "$@")
  [ "$got" = "$want" ] && ok || fail "$* -> $got, want $want: $(head -c 300 body.txt)"
}
# login USER PASSWORD: sign in at $base; cookie jar USER.jar, CSRF token in USER.csrf
login() {
  get -c "$1.jar" -X POST -H 'Content-Type: application/json' \
    --data "{\"username\": \"$1\", \"password\": \"$2\"}" "$base/api/session" >/dev/null
  python3 -c 'import json; print(json.load(open("body.txt"))["csrf"])' > "$1.csrf"
}
# login_users USER...: sign in users added by add_users 123 (and "admin"
# with init_db's password).
login_users() {
  local u
  for u in "$@"; do
    if [ "$u" = admin ]; then login admin mat-khau-quan-tri-1; else login "$u" "mat-khau-$u-123"; fi
  done
}
# expect_field STATUS FIELD [curl args...] URL: refused with STATUS, the
# error naming FIELD.
expect_field() {
  local st=$1 field=$2; shift 2
  expect_http "$st" "$@"
  expect_body "\"field\":\"$field\""
}
# expect_missing [curl args...] URL: a 404, kept in missing.txt as what a
# record that does not exist looks like (for expect_as_missing).
expect_missing() { expect_http 404 "$@"; cp body.txt missing.txt; }
# expect_as_missing WHAT [curl args...] URL: a 404 byte for byte like the
# last expect_missing: a hidden record answers as a missing one.
expect_as_missing() {
  local what=$1; shift
  expect_http 404 "$@"
  cmp -s body.txt missing.txt && ok || fail "$what differs from a missing one"
}
# id_of: the "id" of the JSON in body.txt (what a POST created).
id_of() { python3 -c 'import json; print(json.load(open("body.txt"))["id"])'; }
# expect_json WHAT [curl args...] URL <<'PY': a 200 whose JSON body, as b,
# passes the Python asserts on stdin (json imported).
expect_json() {
  local what=$1; shift
  expect_http 200 "$@"
  { printf 'import json\nb = json.load(open("body.txt"))\n'; cat; } | python3 - && ok ||
    fail "$what: $(head -c 400 body.txt)"
}
# expect_hidden WHAT USER MISSING HIDDEN: as USER, the record at URL
# HIDDEN (out of scope, above clearance) answers byte for byte as the one
# at URL MISSING, which does not exist.
expect_hidden() {
  expect_missing -b "$2.jar" "$3"
  expect_as_missing "$1" -b "$2.jar" "$4"
}
expect_body() { grep -qE -- "$1" body.txt && ok || fail "body lacks /$1/: $(head -c 300 body.txt)"; }
expect_header() { grep -qiE -- "$1" headers.txt && ok || fail "headers lack /$1/"; }

# init_db [PASSWORD]: a new database whose administrator "admin" has
# PASSWORD (mat-khau-quan-tri-1 by default).
init_db() {
  echo "${1:-mat-khau-quan-tri-1}" | "$HOSO" init --admin-password-stdin >/dev/null
}
# add_tree [CODE]...: the province TU and the communes under it named by
# CODE, X1 ("Đảng bộ xã A") or X2 ("Đảng bộ xã B"), all from 1/1/2000.
add_tree() {
  local code name
  "$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01 >/dev/null || fail "org TU"
  for code in "$@"; do
    case "$code" in X1) name="Đảng bộ xã A" ;; X2) name="Đảng bộ xã B" ;; esac
    "$HOSO" org create --code "$code" --name "$name" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01 >/dev/null || fail "org $code"
  done
}
# add_users SUFFIX "NAME ROLE ORG [CLEARANCE]"...: users called "Người Dùng"
# whose password is mat-khau-NAME-SUFFIX.
add_users() {
  local suffix=$1 u
  shift
  for u in "$@"; do
    set -- $u
    echo "mat-khau-$1-$suffix" | "$HOSO" user add "$1" --name "Người Dùng" --role "$2" --org "$3" ${4:+--clearance "$4"} --password-stdin >/dev/null || fail "user $1"
  done
}

# Arguments name the test files to run (default: all of them).
[ "$#" -gt 0 ] && files=("$@") || files=("$here"/t-*.sh)
for t in "${files[@]}"; do
  case "$t" in /*) ;; *) t=$PWD/$t ;; esac
  cur=$(basename "$t" .sh)
  [ -f "$t" ] || { fail=$((fail + 1)); echo "FAIL [$cur] no such test file: $t"; continue; }
  dir=$(mktemp -d)
  ( cd "$dir" && export HOSO_DB=$dir/hoso.db && . "$t"; echo "$pass $fail" >"$dir/.counts" )
  read -r p f <"$dir/.counts" || { p=$pass; f=$((fail + 1)); echo "FAIL [$cur] aborted"; }
  pass=$p; fail=$f
  rm -rf "$dir"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
