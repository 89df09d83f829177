#!/usr/bin/env bash
# demo.sh - the main job: install what is missing, build hoso, create the
# demo database (a synthetic province modelled on Điện Biên), build the web
# UI and serve it on 127.0.0.1 with a printed login. Safe to run again: an
# existing, sound demo database is reused (the login gets a new password).
#
#   HOSO_DEMO_DB   where the demo database goes (default: ./demo/hoso-demo.db)
#   HOSO_DEMO_SEED seed of the generator (default: 1)
#   HOSO_PORT      the port to serve on (default: 8080)
#   HOSO_DEMO_SCALE the generator's scale: province (default), national, small
#   HOSO_DEMO_NO_SERVE=1  prepare everything, print the login, do not serve
#   HOSO_DEMO_BIN  an hoso already built: skip deps.sh, the release build and
#                  the web UI (tests/cli/t-demo.sh, with HOSO_DEMO_NO_SERVE=1)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${HOSO_DEMO_BIN:-}" ]; then
  hoso=$HOSO_DEMO_BIN
else
  bash scripts/deps.sh
  bash scripts/build.sh build-release -Dbuildtype=release -Dtests=disabled
  bash scripts/web.sh
  . scripts/node-path.sh
  hoso=build-release/hoso
fi
db=${HOSO_DEMO_DB:-demo/hoso-demo.db}
seed=${HOSO_DEMO_SEED:-1}
scale=${HOSO_DEMO_SCALE:-province}
mkdir -p "$(dirname "$db")"

# Reuse a sound demo database with its organisations, and what was done in
# it since.  The command's output is read whole, never piped into grep -q:
# grep would stop reading at the first match, the writer would die of
# SIGPIPE, and pipefail would count the database as unusable.
reuse=0
if [ -f "$db" ] && "$hoso" --db "$db" check >/dev/null 2>&1; then
  tree=$("$hoso" --db "$db" org tree --depth 0 --json 2>/dev/null) || tree=
  re='"organisations": *[1-9]'
  [[ $tree =~ $re ]] && reuse=1
fi
if [ "$reuse" = 1 ]; then
  echo "Dùng lại cơ sở dữ liệu mẫu / reusing the demo database: $db"
else
  rm -f "$db" "$db-wal" "$db-shm"
  "$hoso" --db "$db" demo --seed "$seed" --scale "$scale"
fi

echo
echo "== Cơ cấu trước 1/7/2025 (còn cấp huyện) / structure before the 2025 reform"
"$hoso" --db "$db" org tree --as-of 2025-06-30 --depth 1
echo
echo "== Cơ cấu hiện nay (xã, phường trực thuộc Tỉnh ủy) / structure today"
tree=$(mktemp)
"$hoso" --db "$db" org tree --depth 1 >"$tree"
head -n 30 "$tree"
echo "   ... ($(($(wc -l <"$tree") - 30)) dòng nữa / more lines)"
rm -f "$tree"
echo
echo "== Tìm kiếm / searches"
for q in "lo van muon" "LÒ VĂN MUÔN" "quàng thị hoà" "quí" "giang a"; do
  echo "-- hoso person search \"$q\" --limit 5"
  "$hoso" --db "$db" person search "$q" --limit 5
done
echo
echo "== Lịch / calendar"
"$hoso" --db "$db" cal lunar 2024-02-10
"$hoso" --db "$db" cal add 2024-02-07 7
echo
echo "Cơ sở dữ liệu mẫu / demo database: $db"
echo "Thử / try:  $hoso --db $db org show DB.X01   |   $hoso --db $db person search \"hoa\""

# The login: an administrator of the provincial committee, with a new
# password on every run (printed once, here).
user=quantri
# 16 letters and digits, always: 64 random bytes hold fewer than 16 of them
# now and then, so draw until there are enough (the minimum is 10).
password=
while [ "${#password}" -lt 16 ]; do
  password+=$(head -c 64 /dev/urandom | tr -dc 'A-Za-z0-9')
done
password=${password:0:16}
users=$("$hoso" --db "$db" user list)
if grep -q "^$user\b" <<<"$users"; then
  echo "$password" | "$hoso" --db "$db" user passwd "$user" --password-stdin >/dev/null
else
  echo "$password" | "$hoso" --db "$db" user add "$user" --name "Nguyễn Văn Quản" --role admin \
    --org DB --clearance toi_mat --password-stdin >/dev/null
fi
port=${HOSO_PORT:-8080}
echo
echo "================================================================"
echo " Giao diện web / web UI:  http://127.0.0.1:$port/"
echo " Đăng nhập / sign in:     $user  /  $password"
echo "================================================================"
[ "${HOSO_DEMO_NO_SERVE:-}" = 1 ] && exit 0
echo "Dừng máy chủ / stop the server: Ctrl+C"
exec "$hoso" --db "$db" serve --listen "127.0.0.1:$port" --static web/dist
