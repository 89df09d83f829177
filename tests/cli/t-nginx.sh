# hoso behind nginx with TLS: dist/nginx/hoso.conf (and hoso-proxy.conf)
# run by Debian's nginx as an ordinary process on loopback, with a
# throw-away self-signed certificate, hoso started with --trusted-proxy
# 127.0.0.1.  The client talks to nginx from 127.0.0.5, so nginx's address
# (trusted) and the client's (not) differ.
dist=$TESTS_DIR/../../dist/nginx
init_db
mkdir -p www/assets ng/tmp
printf '<!doctype html><title>hoso</title>\n' > www/index.html
printf 'console.log("hoso")\n' > www/assets/app-1a2b.js
gzip -k www/assets/app-1a2b.js
start_server --static www --trusted-proxy 127.0.0.1
hport=${base##*:}
nport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
openssl req -x509 -newkey rsa:2048 -nodes -keyout ng/key.pem -out ng/cert.pem -days 2 \
  -subj /CN=localhost -addext subjectAltName=DNS:localhost 2>/dev/null && ok || fail "openssl req"
# The example site with this test's ports, certificate and paths; the
# port-80 redirect left out.
python3 - "$dist" "$PWD/ng" "$hport" "$nport" <<'PY' && ok || fail "nginx config"
import re, sys
dist, ng, hport, nport = sys.argv[1:]
c = open(dist + "/hoso.conf").read()
c = re.sub(r"# BEGIN redirect.*?# END redirect\n", "", c, flags=re.S)
subs = {"server 127.0.0.1:8080;": "server 127.0.0.1:%s;" % hport,
        "listen 443 ssl http2;": "listen 127.0.0.1:%s ssl http2;" % nport,
        "listen [::]:443 ssl http2;": "",
        "/etc/ssl/hoso/fullchain.pem": ng + "/cert.pem",
        "/etc/ssl/hoso/privkey.pem": ng + "/key.pem",
        "/etc/nginx/snippets/hoso-proxy.conf": dist + "/hoso-proxy.conf"}
for a, b in subs.items():
    assert a in c, a
    c = c.replace(a, b)
open(ng + "/hoso.conf", "w").write(c)
PY
{
  [ "$(id -u)" = 0 ] && echo "user root;"
  cat <<EOF2
worker_processes 1;
pid $PWD/ng/nginx.pid;
error_log $PWD/ng/error.log;
events { worker_connections 256; }
http {
	access_log $PWD/ng/access.log;
	client_body_temp_path $PWD/ng/tmp/body;
	proxy_temp_path $PWD/ng/tmp/proxy;
	fastcgi_temp_path $PWD/ng/tmp/fastcgi;
	uwsgi_temp_path $PWD/ng/tmp/uwsgi;
	scgi_temp_path $PWD/ng/tmp/scgi;
	gzip on;
	include $PWD/ng/hoso.conf;
}
EOF2
} > ng/nginx.conf
expect_status 0 nginx -p "$PWD/ng" -c "$PWD/ng/nginx.conf" -t
nginx -p "$PWD/ng" -c "$PWD/ng/nginx.conf" -g 'daemon off;' 2>ng/stderr.log &
npid=$!
url=https://localhost:$nport
C=(--cacert ng/cert.pem --resolve "localhost:$nport:127.0.0.1" --interface 127.0.0.5)
for _ in $(seq 1 100); do curl -s -o /dev/null "${C[@]}" "$url/" && break; sleep 0.05; done

# The UI page over https, with HSTS and hoso's security headers.
expect_http 200 "${C[@]}" "$url/"
expect_body '<title>hoso</title>'
expect_header '^strict-transport-security: max-age=63072000'
expect_header "^content-security-policy: .*frame-ancestors 'none'"
expect_header '^x-frame-options: DENY'
expect_header '^x-content-type-options: nosniff'
expect_header '^referrer-policy: no-referrer'
# TLS 1.1 is refused
curl -s -o /dev/null "${C[@]}" --tlsv1.1 --tls-max 1.1 "$url/" && fail "TLS 1.1 accepted" || ok
# A precompressed file passes through once compressed (nginx does not gzip again).
expect_http 200 "${C[@]}" -H 'Accept-Encoding: gzip' "$url/assets/app-1a2b.js"
expect_header '^content-encoding: gzip'
gunzip -c body.txt 2>/dev/null | grep -q 'console.log("hoso")' && ok || fail "compressed twice or not at all"

# audit_address ACTION: the address of the newest audit entry, which must be ACTION.
audit_address() {
  "$HOSO" audit log --json --limit 1 | python3 -c '
import json, sys
d = json.load(sys.stdin)
e = (d["entries"] if isinstance(d, dict) else d)[0]
assert e["action"] == sys.argv[1], e
print(e["address"])' "$1"
}
signin='{"username": "admin", "password": "mat-khau-quan-tri-1"}'
# Signing in through nginx: a Secure cookie; the audit has the client's
# address (a forged X-Forwarded-For from the client stays on the left).
expect_http 200 "${C[@]}" -H 'X-Forwarded-For: 6.6.6.6' -X POST -H 'Content-Type: application/json' \
  --data "$signin" "$url/api/session"
expect_header '^set-cookie: hoso_session=[^;]+;.*; Secure'
got=$(audit_address login)
[ "$got" = 127.0.0.5 ] && ok || fail "audit address through nginx: '$got', want 127.0.0.5"
# Directly to hoso from 127.0.0.6 (not a trusted proxy): forged
# X-Forwarded-For and -Proto are not believed.
expect_http 200 --interface 127.0.0.6 -H 'X-Forwarded-For: 6.6.6.6' -H 'X-Forwarded-Proto: https' \
  -X POST -H 'Content-Type: application/json' --data "$signin" "$base/api/session"
expect_header '^set-cookie: hoso_session='
grep -qi '^set-cookie:.*secure' headers.txt && fail "Secure cookie from a forged X-Forwarded-Proto" || ok
got=$(audit_address login)
[ "$got" = 127.0.0.6 ] && ok || fail "audit address of a direct request: '$got', want 127.0.0.6"

# nginx's rate limit on sign-in (30 a minute, bursts of 10): 25 at once
# over one connection, the last ones refused with 429.
urls=(); for _ in $(seq 1 25); do urls+=(-o /dev/null "$url/api/session"); done
curl -s "${C[@]}" -w '%{http_code}\n' "${urls[@]}" > rates.txt
[ "$(head -1 rates.txt)" = 401 ] && grep -q '^429$' rates.txt && ok ||
  fail "sign-in rate not limited: $(sort rates.txt | uniq -c | tr '\n' ' ')"

kill -TERM "$npid"
wait "$npid"
stop_server
