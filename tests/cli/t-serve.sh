# The HTTP server, black-box: the real binary on a real port on 127.0.0.1.
expect_status 0 "$HOSO" init
mkdir -p www/assets
printf '<!doctype html><title>hoso</title>\n' > www/index.html
printf 'console.log("hoso")\n' > www/assets/app-1a2b.js
gzip -k www/assets/app-1a2b.js
echo secret > outside.txt
start_server --static www --threads 2
expect_http 200 "$base/api/health"
expect_body '"status":"ok"'
expect_header '^content-type: application/json'
expect_header "^content-security-policy: .*frame-ancestors 'none'"
expect_header '^x-content-type-options: nosniff'
expect_header '^referrer-policy: no-referrer'
expect_header '^cache-control: no-store'
expect_http 200 "$base/api/version"
expect_body '"name":"hoso"'
# unknown routes and methods: JSON errors with a stable code, never a 500
expect_http 404 "$base/api/nope"
expect_body '"code":"not_found"'
expect_body '"message":"Không tìm thấy"'
expect_body '"message_en":"Not found"'
expect_http 405 -X DELETE "$base/api/health"
expect_http 404 "$base/api/../etc/passwd" --path-as-is
head -c 2000000 /dev/zero | tr '\0' 'a' > big.json
expect_http 413 -X POST --data-binary @big.json -H 'Content-Type: application/json' "$base/api/health"
expect_body '"code":"too_big"'
# the web UI's files
expect_http 200 "$base/"
expect_body '<title>hoso</title>'
expect_header '^content-type: text/html'
expect_header '^cache-control: no-cache'
expect_http 200 "$base/persons/12"
expect_body '<title>hoso</title>'
# a page whose name has a dot is a page when a browser navigates to it
expect_http 200 -H 'Accept: text/html,application/xhtml+xml' "$base/orgs/DB.H01"
expect_body '<title>hoso</title>'
expect_http 404 "$base/orgs/DB.H01"
expect_http 404 -H 'Accept: text/html' "$base/assets/missing.js"
expect_http 200 -H 'Accept-Encoding: gzip' "$base/assets/app-1a2b.js"
expect_header '^content-encoding: gzip'
expect_header '^cache-control: public, max-age=31536000, immutable'
expect_header '^content-type: text/javascript'
expect_http 200 "$base/assets/app-1a2b.js"
expect_body 'console.log'
expect_http 404 "$base/assets/missing.js"
expect_http 404 --path-as-is "$base/../outside.txt"
expect_http 404 --path-as-is "$base/assets/%2e%2e/%2e%2e/outside.txt"
grep -q secret body.txt && fail "served a file outside the web root" || ok
# a graceful stop
stop_server
[ $? -eq 0 ] && ok || fail "serve did not exit cleanly on SIGTERM"
grep -q "stopped" serve.log && ok || fail "no stop message"
# a database that does not exist: the server refuses to start
expect_status 1 "$HOSO" --db nothere.db serve --listen 127.0.0.1:0
expect_status 2 "$HOSO" serve --listen nonsense
# A request in flight when SIGTERM arrives is answered before the server stops.
start_server
head -c 200000 /dev/zero | tr '\0' 'x' > slow.txt
curl -s -o slow-body.txt -w '%{http_code}' --limit-rate 50k -X POST -H 'Content-Type: application/json' \
  --data-binary @slow.txt "$base/api/session" > slow-status.txt &
cpid=$!
sleep 1
kill -TERM "$spid"
wait "$cpid"
[ "$(cat slow-status.txt)" = 400 ] && ok || fail "in-flight request cut at stop: status $(cat slow-status.txt)"
wait "$spid"
[ $? -eq 0 ] && ok || fail "serve did not exit cleanly after draining"
# Without --static: run from a checkout, the web/dist beside the build
# directory (a copy of the binary in such a layout); with no web UI there,
# the API alone, said on stderr.  (The installed UI, HOSO_WEBDIR, comes
# first when it exists: not on a test machine.)
mkdir -p checkout/build checkout/web/dist nowhere/bin
cp "$HOSO" checkout/build/hoso
cp "$HOSO" nowhere/bin/hoso
printf '<!doctype html><title>hoso checkout</title>\n' > checkout/web/dist/index.html
HOSO_SAVED=$HOSO
HOSO=$PWD/checkout/build/hoso
start_server
expect_http 200 "$base/"
expect_body 'hoso checkout'
stop_server
HOSO=$PWD/nowhere/bin/hoso
start_server
grep -q 'no web UI found (serving the API only)' serve.log && ok || fail "no UI said: $(cat serve.log)"
expect_http 200 "$base/api/health"
expect_http 404 "$base/"
stop_server
HOSO=$HOSO_SAVED
# Under systemd (Type=notify) the server says it is ready once it listens,
# and that it is stopping: NOTIFY_SOCKET read as systemd would.
python3 - "$PWD/notify.sock" >notify.txt <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(20)
for _ in range(2):
    try:
        print(s.recv(4096).decode().replace("\n", "|"), flush=True)
    except socket.timeout:
        break
PY
npid=$!
for _ in $(seq 1 100); do [ -S notify.sock ] && break; sleep 0.05; done
NOTIFY_SOCKET=$PWD/notify.sock start_server
for _ in $(seq 1 100); do grep -q READY notify.txt && break; sleep 0.05; done
grep -q "^READY=1|STATUS=Serving at $base/$" notify.txt && ok || fail "readiness: $(cat notify.txt)"
stop_server
wait "$npid"
grep -qx "STOPPING=1" notify.txt && ok || fail "stopping: $(cat notify.txt)"
