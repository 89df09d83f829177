# The configuration file (hoso.conf), `hoso config check|show`, and its
# settings' precedence: the command line, then HOSO_DB, then the file, then
# the built-in default.
dist=$TESTS_DIR/../../dist/hoso.conf

# The shipped, commented configuration is valid, names every key with its
# default, and is still valid with every key uncommented.
expect_status 0 "$HOSO" config check "$dist"
expect_out "^Cấu hình hợp lệ / configuration valid: .*dist/hoso.conf$"
env -u HOSO_DB HOSO_CONFIG= "$HOSO" --config /dev/null config show > defaults.txt 2>&1 || fail "config show (no file)"
keys=$(grep -oE '^[a-z_]+ =' defaults.txt | cut -d' ' -f1)
[ "$(echo "$keys" | wc -l)" -eq 15 ] && ok || fail "config show lists $(echo "$keys" | wc -l) keys, want 15"
mkdir www
printf '<!doctype html><title>hoso from the file</title>\n' > www/index.html
sed -e 's/^#\([a-z_]* =\)/\1/' -e "s|^static = .*|static = $PWD/www|" "$dist" > all.conf
expect_status 0 "$HOSO" config check all.conf
env -u HOSO_DB "$HOSO" --config all.conf config show > all.txt 2>&1 || fail "config show all.conf"
for k in $keys; do
  grep -qE "^#$k = " "$dist" && ok || fail "dist/hoso.conf lacks '#$k = '"
  grep -qE "^$k = .*# all\.conf:[0-9]+$" all.txt && ok || fail "$k not read from all.conf: $(grep "^$k " all.txt)"
  case $k in db|static|trusted_proxies|backup_key) continue ;; esac
  # the value the file shows is the built-in default
  want=$(grep -E "^$k = " defaults.txt | sed 's/  # .*//')
  got=$(grep -E "^$k = " all.txt | sed 's/  # .*//')
  [ "$want" = "$got" ] && ok || fail "dist/hoso.conf says '$got', the default is '$want'"
done

# Every kind of error, each with its line, all of them, in the order of the lines.
{
  echo '# a bad configuration'                      # 1
  echo 'listen'                                     # 2 no '='
  echo 'Threads = 4'                                # 3 bad key
  echo 'foo = 1'                                    # 4 unknown key
  echo 'threads = 0'                                # 5 out of range
  echo 'max_connections = lots'                     # 6 not a number
  echo 'db = relative.db'                           # 7 not absolute
  echo 'static = /nonexistent/hoso/web'             # 8 not a directory
  echo 'listen = 1.2.3.4'                           # 9 no port
  echo 'trusted_proxies = 10.0.0.0/33'              # 10 bad prefix
  echo 'metrics_from = 127.0.0.1 nothost'           # 11 not an address
  echo 'backup_key = key.txt'                       # 12 not absolute
  echo 'keep_daily = 7 # a week'                    # 13 good
  echo 'keep_daily = 8'                             # 14 twice
  printf 'keep_weekly = 1\0002\n'                   # 15 NUL
  printf 'keep_monthly = \xff\n'                    # 16 not UTF-8
  printf 'backup_dir = /%05000d\n' 0                # 17 too long
  echo 'idle_timeout ='                             # 18 no value
  echo 'header_timeout = 301'                       # 19 out of range
} > bad.conf
expect_status 1 "$HOSO" config check bad.conf
for want in '2: \[invalid\]' '3: \[invalid\]' "4: \[unknown_field\].*'foo'" '5: \[out_of_range\] threads' \
    '6: \[bad_number\] max_connections' '7: \[invalid\] db' '8: \[not_found\] static' \
    '9: \[invalid\] listen' '10: \[invalid\] trusted_proxies' "11: \[invalid\] metrics_from: 'nothost'" \
    '12: \[invalid\] backup_key' "14: \[duplicate\].*'keep_daily'.* 13" '15: \[invalid\].*NUL' \
    '16: \[not_utf8\]' '17: \[too_big\]' '18: \[missing\] idle_timeout' '19: \[out_of_range\] header_timeout'; do
  expect_err "^bad\.conf:$want"
done
[ "$(grep -c '^bad\.conf:' err.txt)" -eq 17 ] && ok || fail "want 17 errors: $(cat err.txt)"
grep -oE '^bad\.conf:[0-9]+' err.txt | cut -d: -f2 | sort -n -c && ok || fail "errors not in line order"
expect_err "17 lỗi trong / 17 error\(s\) in bad\.conf"
grep -q "13:" err.txt && fail "a good line reported" || ok

# A bad configuration stops every command; so does a named file that is missing.
expect_status 1 "$HOSO" --config bad.conf check
expect_err '^bad\.conf:5: \[out_of_range\]'
expect_err 'tệp cấu hình có lỗi / the configuration file has errors: bad\.conf'
expect_status 1 env HOSO_CONFIG=bad.conf "$HOSO" org tree
expect_err '^bad\.conf:19:'
expect_status 1 env HOSO_CONFIG=bad.conf "$HOSO" config show
expect_err '^bad\.conf:2:'
expect_status 1 "$HOSO" --config nothere.conf check
expect_err '^nothere\.conf: \[io_error\]'
expect_status 1 "$HOSO" --config nothere.conf config check
expect_status 1 env HOSO_CONFIG=nothere.conf "$HOSO" check
expect_status 2 "$HOSO" --config
expect_status 2 "$HOSO" config check a.conf b.conf
expect_status 2 "$HOSO" config nope

# The listen address: IPv4 ADDR:PORT or [IPv6]:PORT only.
for good in '127.0.0.1:8080' '[::1]:8080' '0.0.0.0:0' '[fd00::1]:65535'; do
  echo "listen = $good" > l.conf
  expect_status 0 "$HOSO" config check l.conf
done
for bad in '::1:8080' '[::1]8080' 'localhost:8080' '127.0.0.1:65536' '127.0.0.1' '[127.0.0.1]:80'; do
  echo "listen = $bad" > l.conf
  expect_status 1 "$HOSO" config check l.conf
  expect_err '^l\.conf:1: \[invalid\] listen'
done

# Precedence for the database: --db over HOSO_DB over the file over ./hoso.db.
printf 'db = %s/file.db # the file'"'"'s\n' "$PWD" > p.conf
env -u HOSO_DB "$HOSO" --config p.conf config show > out.txt
expect_out "^db = $PWD/file\.db  # p\.conf:1$"
HOSO_DB=$PWD/env.db "$HOSO" --config p.conf config show > out.txt
expect_out "^db = $PWD/env\.db  # môi trường / environment HOSO_DB$"
HOSO_DB=$PWD/env.db "$HOSO" --config p.conf --db "$PWD/opt.db" config show > out.txt
expect_out "^db = $PWD/opt\.db  # tùy chọn / option --db$"
env -u HOSO_DB "$HOSO" --config /dev/null config show > out.txt
expect_out "^db = hoso\.db  # mặc định / default$"
# ... and the commands open that one
expect_status 0 env -u HOSO_DB "$HOSO" --config p.conf init
[ -f file.db ] && ok || fail "init did not create the file's database"
expect_status 0 env HOSO_DB="$PWD/env.db" "$HOSO" --config p.conf init
[ -f env.db ] && ok || fail "init did not create HOSO_DB's database"
expect_status 0 env HOSO_DB="$PWD/env.db" "$HOSO" --config p.conf --db "$PWD/opt.db" init
[ -f opt.db ] && ok || fail "init did not create --db's database"
[ -f hoso.db ] && fail "the default database was created" || ok

# hoso serve takes listen, threads and static from the file; --listen wins.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'db = %s/file.db\nlisten = 127.0.0.1:%s\nthreads = 2\nstatic = %s/www\n' "$PWD" "$port" "$PWD" > s.conf
expect_status 0 "$HOSO" config check s.conf
env -u HOSO_DB "$HOSO" --config s.conf serve > serve.log 2>&1 &
spid=$!
for _ in $(seq 1 200); do grep -q 'http://' serve.log && break; sleep 0.05; done
grep -q "http://127.0.0.1:$port/" serve.log && ok || fail "serve did not listen on the file's port $port: $(cat serve.log)"
base=http://127.0.0.1:$port
expect_http 200 "$base/api/health"
expect_body '"status":"ok"'
expect_http 200 "$base/"
expect_body 'hoso from the file'
stop_server
[ $? -eq 0 ] && ok || fail "serve did not stop cleanly"
printf '#!/bin/sh\nunset HOSO_DB\nexec "%s" --config "%s" "$@"\n' "$HOSO" "$PWD/s.conf" > hoso-s
chmod +x hoso-s
HOSO_SAVED=$HOSO
HOSO=$PWD/hoso-s
start_server
HOSO=$HOSO_SAVED
[ "$base" != "http://127.0.0.1:$port" ] && ok || fail "--listen did not override the file"
expect_http 200 "$base/"
expect_body 'hoso from the file'
stop_server
