# Monitoring, black-box: /api/health as readiness, /metrics for the allowed
# addresses only, a request id in the response and in the request's log
# line, and systemd's watchdog pinged only while the server is healthy.
init_db
known=$(sqlite3 hoso.db 'PRAGMA user_version')
start_server
# health: 200 with each check named, and a request id
expect_http 200 -H 'X-Request-Id: t-metrics.42' "$base/api/health"
expect_body '"status":"ok"'
expect_body '"checks":\{"database":"ok","schema":"ok","audit":"ok","workers":"ok"\}'
expect_header '^x-request-id: t-metrics\.42'
# the log line carries the id the response carried, the route and status
for _ in $(seq 1 100); do grep -q 'id=t-metrics.42 ' serve.log && break; sleep 0.05; done
grep -qE '^hoso: request id=t-metrics\.42 method=GET route=/api/health status=200 ms=[0-9.]+$' serve.log \
  && ok || fail "log line: $(grep t-metrics serve.log)"
# an id a client sends that could bend a log line is replaced by our own
expect_http 200 -H 'X-Request-Id: x=1 status=500' "$base/api/health"
id=$(grep -i '^x-request-id:' headers.txt | tr -d '\r' | cut -d' ' -f2)
[[ "$id" =~ ^[0-9a-f]{16}$ ]] && ok || fail "replaced id: '$id'"
for _ in $(seq 1 100); do grep -q "id=$id " serve.log && break; sleep 0.05; done
grep -q "id=$id method=GET route=/api/health status=200" serve.log && ok || fail "no line for $id"
grep -q 'x=1' serve.log && fail "client's id logged" || ok
# a record's id and a searched name: the route pattern counted and logged,
# never the raw path nor the query string
expect_http 401 "$base/api/persons/987654"
expect_http 401 "$base/api/persons?q=Nguy%E1%BB%85n%20V%C4%83n%20Ba"
login admin mat-khau-quan-tri-1
expect_http 200 -b admin.jar "$base/api/session"
rid=$(grep -i '^x-request-id:' headers.txt | tr -d '\r' | cut -d' ' -f2)
expect_http 200 "$base/metrics"
expect_header '^content-type: text/plain; version=0\.0\.4'
expect_body '^hoso_http_requests_total\{method="GET",route="/api/persons/\{id\}",code="401"\} 1$'
expect_body '^hoso_http_requests_total\{method="GET",route="/api/persons",code="401"\} 1$'
expect_body '^hoso_http_requests_total\{method="GET",route="/api/health",code="200"\} 2$'
expect_body '^hoso_http_requests_total\{method="POST",route="/api/session",code="200"\} 1$'
expect_body '^hoso_http_request_duration_seconds_bucket\{le="\+Inf"\} [0-9]+$'
expect_body '^hoso_audit_queue_length 0$'
expect_body '^hoso_audit_commits_total [1-9]'
expect_body '^hoso_db_size_bytes [1-9][0-9]*$'
expect_body '^hoso_sessions_active 1$'
expect_body '^hoso_http_connections_open [1-9]'
expect_body '^hoso_health_check\{check="schema"\} 1$'
expect_body '^hoso_http_workers_stuck 0$'
grep -q '987654' body.txt && fail "raw path in /metrics" || ok
grep -qE '987654|Nguy|q=' serve.log && fail "raw path or query in the log: $(grep -E '987654|Nguy' serve.log)" || ok
grep -qE "^hoso: request id=$rid method=GET route=/api/session status=200 ms=[0-9.]+ user=1$" serve.log \
  && ok || fail "signed-in line: $(grep "id=$rid" serve.log)"
# loopback is allowed by default (all of 127/8)
expect_http 200 --interface 127.0.0.2 "$base/metrics"
# readiness: a database whose schema is newer than the program's is 503,
# naming the check in both languages; back to 200 once it is not
sqlite3 hoso.db "PRAGMA user_version = $((known + 1))"
expect_http 503 "$base/api/health"
expect_body '"status":"fail"'
expect_body '"field":"schema"'
expect_body '"schema":"fail"'
expect_body 'mới hơn chương trình'
expect_body '"message_en":"The database.s schema is newer'
sqlite3 hoso.db "PRAGMA user_version = $known"
expect_http 200 "$base/api/health"
stop_server
# --metrics-from: only the addresses named, others the 404 of any path
# (with a web UI, whose page answers every path that is not there)
mkdir -p www && echo '<!doctype html><div id="app"></div>' >www/index.html
start_server --metrics-from 127.0.0.5 --metrics-from 10.0.0.0/8 --static "$PWD/www"
expect_http 200 "$base/metrics"
cp body.txt refused.txt
expect_http 200 "$base/no-such-path"
cmp -s body.txt refused.txt && ok || fail "refused /metrics differs from a missing path"
expect_http 200 --interface 127.0.0.2 "$base/metrics"
cmp -s body.txt refused.txt && ok || fail "refused /metrics from 127.0.0.2 differs from a missing path"
expect_http 200 --interface 127.0.0.5 "$base/metrics"
expect_body '^hoso_http_requests_total\{route="static",code="200"\} 3$'
stop_server
expect_status 1 "$HOSO" serve --listen 127.0.0.1:0 --metrics-from 10.0.0.0/33
expect_err "metrics-from '10\.0\.0\.0/33' is not an IP address"
expect_err "không phải địa chỉ IP"
# The watchdog (WatchdogSec=): WATCHDOG=1 while healthy; while a check
# fails, STATUS says so and no WATCHDOG=1 is sent (systemd then restarts
# the server); once healthy again, the pings resume.
python3 - "$PWD/wd.sock" >wd.txt <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(60)
while True:
    try:
        m = s.recv(4096).decode().replace("\n", "|")
    except socket.timeout:
        break
    print(m, flush=True)
    if m.startswith("STOPPING"):
        break
PY
wpid=$!
for _ in $(seq 1 100); do [ -S wd.sock ] && break; sleep 0.05; done
NOTIFY_SOCKET=$PWD/wd.sock WATCHDOG_USEC=400000 start_server
# a generous bound (30 s) on each wait, never a timed assertion
wait_for() { for _ in $(seq 1 600); do [ "$(grep -c -- "$1" wd.txt)" -ge "$2" ] && return 0; sleep 0.05; done; return 1; }
wait_for '^WATCHDOG=1$' 2 && ok || fail "no watchdog pings: $(head -c 300 wd.txt)"
sqlite3 hoso.db "PRAGMA user_version = $((known + 1))"
wait_for '^STATUS=Không ổn / unhealthy: .*newer' 3 && ok || fail "no unhealthy status: $(tail -c 300 wd.txt)"
# between the first and the third unhealthy report: no ping
sed -n '/^STATUS=Không ổn/,$p' wd.txt | awk '/^STATUS=Không ổn/{n++} n<3' | grep -q '^WATCHDOG' \
  && fail "pinged while unhealthy: $(cat wd.txt | tr '\n' ' ' | tail -c 300)" || ok
sqlite3 hoso.db "PRAGMA user_version = $known"
wait_for '^WATCHDOG=1|STATUS=Healthy again$' 1 && ok || fail "pings did not resume: $(tail -c 300 wd.txt)"
grep -q '^hoso: event=health status=fail check=schema$' serve.log && ok || fail "no health event: $(grep event serve.log)"
grep -q '^hoso: event=health status=ok$' serve.log && ok || fail "no recovery event"
stop_server
wait "$wpid"
