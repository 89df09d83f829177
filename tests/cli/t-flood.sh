# Connection floods, black-box (flood.py holds the connections): the
# per-address limit, the header deadline against slow-loris, the early 503
# when the server is nearly full.  Timings are printed; the bounds are
# generous failure limits, not measurements.
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)"
FLOOD="python3 $TESTS_DIR/flood.py"
# val KEY: the value of "KEY value" in flood.txt
val() { awk -v k="$1" '$1 == k { print $2 }' flood.txt; }
expect_status 0 "$HOSO" init
port_of() { echo "${base##*:}"; }

# 1,000 silent and 200 slow-loris connections from 40 addresses: a request
# from another address is answered at once; the slow-loris ones, though they
# keep sending, are closed at the header deadline.
start_server --header-timeout 8
grep -q 'giới hạn / limits: 2048 kết nối .* 64 mỗi địa chỉ' serve.log && ok || fail "limits not logged: $(cat serve.log)"
$FLOOD spread "$(port_of)" 1000 200 > flood.txt 2>&1
echo "  t-flood: 1,200 connections opened in $(val opened_s) s; a request took $(val took_s) s; slow-loris closed $(val slow_closed_after_s) s after the start"
[ "$(val held_before)" = 1200 ] && ok || fail "connections not held: $(cat flood.txt)"
[ "$(val status)" = 200 ] && ok || fail "request not answered under flood: $(cat flood.txt)"
python3 -c "import sys; sys.exit(0 if float('$(val took_s)') < 5 else 1)" && ok || fail "request took $(val took_s) s under flood"
[ "$(val held_after)" = 1200 ] && ok || fail "connections dropped before the deadline: $(cat flood.txt)"
[ "$(val slow_open)" = 0 ] && ok || fail "slow-loris connections still open: $(cat flood.txt)"
stop_server

# One address: at most --per-address connections; another is still served.
start_server --per-address 20
$FLOOD one "$(port_of)" 50 > flood.txt 2>&1
[ "$(val open)" = 20 ] && ok || fail "per-address limit: $(cat flood.txt)"
[ "$(val same_address_status)" = 0 ] && ok || fail "a 21st connection from one address was served: $(cat flood.txt)"
[ "$(val other_status)" = 200 ] && ok || fail "another address refused: $(cat flood.txt)"
stop_server

# Nearly full (--max-connections 100: 503 from 90 open): a new request gets a
# 503 with a stable code, both languages and Retry-After; later a 200.
start_server --max-connections 100
$FLOOD busy "$(port_of)" 95 > flood.txt 2>&1
[ "$(val status)" = 503 ] && ok || fail "no 503 when nearly full: $(cat flood.txt)"
[ "$(val retry_after)" = 5 ] && ok || fail "no Retry-After: $(cat flood.txt)"
grep -q '"code":"busy"' flood.txt && grep -q 'quá tải' flood.txt && grep -q 'overloaded' flood.txt && ok ||
  fail "503 body: $(cat flood.txt)"
[ "$(val after_status)" = 200 ] && ok || fail "not served once the flood is gone: $(cat flood.txt)"
stop_server

# One slow-loris (a header byte a second) is closed at --header-timeout 3,
# long before the idle timeout (30 s) that each byte would otherwise renew.
start_server --header-timeout 3
$FLOOD loris "$(port_of)" > flood.txt 2>&1
echo "  t-flood: a slow-loris was closed after $(val closed_after_s) s (header timeout 3 s)"
python3 -c "import sys; t = float('$(val closed_after_s)'); sys.exit(0 if 2 <= t < 10 else 1)" && ok ||
  fail "slow-loris held $(val closed_after_s) s"
stop_server

# Bad values are refused before starting.
expect_status 1 "$HOSO" serve --per-address 0
expect_status 1 "$HOSO" serve --max-connections nope
expect_status 1 "$HOSO" serve --listen 127.0.0.1:0 --trusted-proxy 10.0.0.1/8
expect_err 'trusted-proxy|10.0.0.1/8'
