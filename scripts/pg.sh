#!/usr/bin/env bash
# pg.sh - a throw-away PostgreSQL cluster for the tests (Debian's server,
# started by hand, never the system's own cluster):
#
#   pg.sh start DIR [PORT]   initdb into DIR/data, start it listening on
#                            127.0.0.1:PORT (default 55432) and a socket in
#                            DIR, create the database "hoso" and print its
#                            URL: postgresql://hoso@127.0.0.1:PORT/hoso
#   pg.sh stop DIR           stop it (the files stay until DIR is removed)
#
# PG_OPTS adds server settings ("-c synchronous_commit=off" for a test that
# makes many small commits and does not cut the power).
#
# As root the server runs as the "postgres" user (PostgreSQL refuses root).
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "pg.sh: PostgreSQL is not installed (scripts/deps.sh tests installs it)" >&2
  exit 1
fi
as=()
if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); fi

cmd=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: pg.sh start DIR [PORT] | stop DIR" >&2; exit 2; }

case "$cmd" in
  start)
    port=${3:-55432}
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ "${#as[@]}" -eq 0 ] || chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      "${as[@]}" "$bin/initdb" -D "$dir/data" -U hoso --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if ! "${as[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -p $port -c listen_addresses=127.0.0.1 ${PG_OPTS:-}" start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
    fi
    have=$("${as[@]}" "$bin/psql" -h "$dir" -p "$port" -U hoso -d postgres -qtAc \
      "SELECT count(*) FROM pg_database WHERE datname = 'hoso'")
    [ "$have" = 1 ] || "${as[@]}" "$bin/createdb" -h "$dir" -p "$port" -U hoso hoso
    echo "postgresql://hoso@127.0.0.1:$port/hoso"
    ;;
  stop)
    dir=$(cd "$dir" && pwd)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: pg.sh start DIR [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
