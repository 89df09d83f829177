#!/usr/bin/env bash
# run.sh - the Debian package, end to end, on this machine (root, Debian 12):
# builds it from a clean copy of the committed tree (git archive HEAD, so
# nothing uncommitted leaks in), runs lintian (errors and warnings not
# overridden fail), installs it with apt-get, checks the installed layout,
# the user, the unit (systemd-analyze verify and security), runs the
# installed binary as the user hoso the way the unit does, then purges the
# package and checks that the database stayed.  Under systemd as PID 1 it
# also checks that the service does not start before the database exists
# and does after.  Ends with "N passed, N failed".
#
#   HOSO_PKG_KEEP=1  keep the temporary directory (the build and its logs)
#   HOSO_PKG_DEB=FILE  check this built .deb instead of building one (a
#                    faster loop while working on the checks; lintian then
#                    sees the .deb only)
#
# Refuses to run where hoso is already installed or /var/lib/hoso exists:
# it installs, purges and cleans up system-wide.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
fail() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { # DESCRIPTION CMD... : passes when CMD succeeds
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi
}
finish() {
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit
}

if [ "$(id -u)" -ne 0 ]; then
  fail "the package test installs a package: run it as root"
  finish
fi
if dpkg-query -W -f='${Status}' hoso 2>/dev/null | grep -q installed || [ -e /var/lib/hoso ]; then
  fail "hoso is installed here or /var/lib/hoso exists: not touching a real installation"
  finish
fi

# the build dependencies (debian/control) and the tools: debhelper, lintian
if ! bash "$root/scripts/deps.sh" tests web >/dev/null; then
  fail "scripts/deps.sh tests web"
  finish
fi

tmp=$(mktemp -d /tmp/hoso-pkg.XXXXXX)
spid=
cleanup() {
  [ -n "$spid" ] && kill -TERM "$spid" 2>/dev/null
  if dpkg-query -W -f='${Status}' hoso 2>/dev/null | grep -q installed; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq hoso >/dev/null 2>&1
  fi
  # what this test made: the data and the user a real purge keeps
  rm -rf /var/lib/hoso
  getent passwd hoso >/dev/null && userdel hoso 2>/dev/null
  getent group hoso >/dev/null && groupdel hoso 2>/dev/null
  [ "${HOSO_PKG_KEEP:-}" = 1 ] && echo "kept $tmp" || rm -rf "$tmp"
}
trap cleanup EXIT
start=$(date +%s)

# 1. build from a clean copy of HEAD
if [ -n "${HOSO_PKG_DEB:-}" ]; then
  cp "$HOSO_PKG_DEB" "$tmp/"
  echo "note checking $HOSO_PKG_DEB, not a new build"
else
  mkdir -p "$tmp/src"
  git -C "$root" archive HEAD | tar -x -C "$tmp/src"
  if (cd "$tmp/src" && dpkg-buildpackage -b -us -uc) >"$tmp/build.log" 2>&1; then
    ok "dpkg-buildpackage -b -us -uc from git archive HEAD ($(($(date +%s) - start)) s)"
  else
    tail -n 40 "$tmp/build.log"
    fail "dpkg-buildpackage -b -us -uc"
    finish
  fi
fi
deb=$(ls "$tmp"/hoso_*_*.deb | head -1)
[ -n "$deb" ] && ok "the .deb: $(basename "$deb")" || { fail "no hoso_*.deb built"; finish; }

# 2. lintian: errors and warnings fail unless overridden (with a reason) in
#    debian/hoso.lintian-overrides
changes=$(ls "$tmp"/hoso_*.changes 2>/dev/null | head -1)
if lintian --fail-on error,warning "${changes:-$deb}" >"$tmp/lintian.log" 2>&1; then
  ok "lintian: no errors nor warnings"
else
  grep -E '^[EW]:' "$tmp/lintian.log" | head -20
  fail "lintian"
fi

# 3. install with apt-get, as an operator does
if (cd "$tmp" && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$(basename "$deb")") \
    >"$tmp/install.log" 2>&1; then
  ok "apt-get install ./$(basename "$deb")"
else
  tail -n 20 "$tmp/install.log"
  fail "apt-get install"
  finish
fi
check "postinst tells what to do next (hoso init, then start)" grep -q 'hoso --db /var/lib/hoso/hoso.db init' "$tmp/install.log"

# 4. the installed layout
check "/usr/bin/hoso" test -x /usr/bin/hoso
check "/usr/share/hoso/web/index.html" test -f /usr/share/hoso/web/index.html
check "/lib/systemd/system/hoso.service" test -f /lib/systemd/system/hoso.service
check "the service is enabled (multi-user.target.wants)" test -L /etc/systemd/system/multi-user.target.wants/hoso.service
check "the guide in /usr/share/doc/hoso" sh -c 'ls /usr/share/doc/hoso/quan-tri.md*' 
dpkg -L hoso >"$tmp/files" 2>&1
man1=$(grep -m1 '^/usr/share/man/man1/hoso\.1' "$tmp/files")
check "man page hoso(1) in the package" test -n "$man1"
check "man page hoso(1) readable" sh -c "man -l '$man1' >'$tmp/man.txt' && grep -q hoso '$tmp/man.txt'"
check "/etc/hoso/hoso.conf in the package" grep -qx /etc/hoso/hoso.conf "$tmp/files"
dpkg-query -W -f='${Conffiles}' hoso >"$tmp/conffiles" 2>&1
check "/etc/hoso/hoso.conf is a conffile" grep -q /etc/hoso/hoso.conf "$tmp/conffiles"
check "system user hoso" sh -c 'getent passwd hoso | awk -F: "\$3 < 1000 && \$6 == \"/var/lib/hoso\" && \$7 ~ /nologin/" | grep -q hoso'
check "system group hoso" getent group hoso
check "/var/lib/hoso is 750 hoso:hoso" sh -c '[ "$(stat -c "%a %U %G" /var/lib/hoso)" = "750 hoso hoso" ]'
check "/usr/bin/hoso --version" /usr/bin/hoso --version

# 5. the unit: verified and hardened as installed (exposure at most 2.0)
unit=/lib/systemd/system/hoso.service
# (Documentation=man:hoso(1): verify looks the page up, which the package ships)
systemd-analyze verify "$unit" >"$tmp/verify.log" 2>&1
verify_rc=$?
if [ "$verify_rc" -eq 0 ]; then
  ok "systemd-analyze verify $unit"
else
  cat "$tmp/verify.log"
  fail "systemd-analyze verify"
fi
score=$(systemd-analyze security --offline=true "$unit" 2>/dev/null | grep -oE 'Overall exposure level for [^:]*: [0-9.]+' | awk '{print $NF}')
check "systemd-analyze security: exposure ${score:-?} <= 2.0" \
  systemd-analyze security --offline=true --threshold=20 "$unit"
execstart=$(sed -n 's/^ExecStart=//p' "$unit" | head -1)
check "the unit runs /usr/bin/hoso on /var/lib/hoso/hoso.db as hoso" \
  sh -c "grep -q '^User=hoso' $unit && echo '$execstart' | grep -q '^/usr/bin/hoso --db /var/lib/hoso/hoso.db serve'"

# 6. under systemd (PID 1): not started before the database exists
systemd_pid1=0
[ "$(ps -p 1 -o comm= | tr -d ' ')" = systemd ] && [ -d /run/systemd/system ] && systemd_pid1=1
if [ "$systemd_pid1" = 1 ]; then
  check "not running after install (no database yet)" sh -c '! systemctl is-active --quiet hoso'
  systemctl start hoso 2>/dev/null
  check "a start without a database is skipped (ConditionPathExists)" sh -c '! systemctl is-active --quiet hoso'
else
  echo "note PID 1 is $(ps -p 1 -o comm=), not systemd: the unit is checked offline, not started"
fi

# 7. the installed binary as the user hoso, the way the unit runs it
db=/var/lib/hoso/hoso.db
umask 077 # the unit's UMask=0077, which runuser passes on
if echo 'Mat-khau-quan-tri-1' | runuser -u hoso -- /usr/bin/hoso --db "$db" init --admin-password-stdin >"$tmp/init.log" 2>&1; then
  ok "runuser -u hoso -- hoso --db $db init"
else
  cat "$tmp/init.log"
  fail "hoso init as hoso"
fi
check "the database belongs to hoso, mode 600" sh -c "[ \"\$(stat -c '%U %a' $db)\" = 'hoso 600' ]"
check "hoso org create as hoso" runuser -u hoso -- /usr/bin/hoso --db "$db" org create --code TU \
  --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
check "hoso user add as hoso" sh -c "echo 'Mat-khau-can-bo-22' | runuser -u hoso -- /usr/bin/hoso --db $db user add canbo1 --name 'Lò Văn Muôn' --role officer --org TU --password-stdin"

if [ "$systemd_pid1" = 1 ]; then
  systemctl start hoso
  check "systemctl start hoso (database present)" systemctl is-active --quiet hoso
  port=$(sed -n 's/.*--listen [0-9.]*:\([0-9]*\).*/\1/p' <<<"$execstart")
  port=${port:-8080} # hoso.conf's listen, by default
  check "the service serves / on 127.0.0.1:$port" sh -c "curl -fsS --max-time 10 http://127.0.0.1:$port/ | grep -qi '<html'"
  systemctl stop hoso
else
  # ExecStart's server, on a free port, as hoso, in the state directory
  (cd /var/lib/hoso && exec runuser -u hoso -- /usr/bin/hoso --db "$db" serve --listen 127.0.0.1:0) \
    >"$tmp/serve.log" 2>&1 &
  spid=$!
  port=
  for _ in $(seq 1 200); do # at most 10 s to listen
    port=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$tmp/serve.log" 2>/dev/null | grep -oE '[0-9]+$')
    [ -n "$port" ] && break
    sleep 0.05
  done
  if [ -n "$port" ]; then ok "hoso serve as hoso listens on 127.0.0.1:$port"; else cat "$tmp/serve.log"; fail "hoso serve as hoso"; fi
  check "GET / serves the installed web UI" sh -c "curl -fsS --max-time 10 http://127.0.0.1:$port/ | grep -qi '<div id=\"app\"'"
  check "GET /api/health answers 200" curl -fsS --max-time 10 -o /dev/null "http://127.0.0.1:$port/api/health"
  kill -TERM "$spid" 2>/dev/null
  wait "$spid" 2>/dev/null
  spid=
fi

# 8. purge: the package's files and configuration go, the data stays
if DEBIAN_FRONTEND=noninteractive apt-get purge -y -q hoso >"$tmp/purge.log" 2>&1; then
  ok "apt-get purge hoso"
else
  tail -n 20 "$tmp/purge.log"
  fail "apt-get purge hoso"
fi
check "the binary is gone" test ! -e /usr/bin/hoso
check "the web UI is gone" test ! -e /usr/share/hoso
check "the unit is gone" test ! -e /lib/systemd/system/hoso.service
check "/etc/hoso is gone" test ! -e /etc/hoso
check "the database is kept" test -s "$db"
check "the database still holds the users made before (admin, canbo1)" \
  sh -c "[ \"\$(sqlite3 -readonly $db 'SELECT count(*) FROM app_user')\" = 2 ]"
check "purge says where the data is" grep -q '/var/lib/hoso' "$tmp/purge.log"
check "the user hoso is kept (it owns the database)" getent passwd hoso

echo "note the package suite took $(($(date +%s) - start)) s"
finish
