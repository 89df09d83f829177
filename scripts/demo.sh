#!/usr/bin/env bash
# demo.sh - the main job: install what is missing, build hoso, create the
# demo database (a synthetic province modelled on Điện Biên), build the web
# UI and serve it on 127.0.0.1 with a printed login. Safe to run again: an
# existing, sound demo database is reused (the login gets a new password).
#
#   HOSO_DEMO_DB   where the demo database goes (default: ./demo/hoso-demo.db)
#   HOSO_DEMO_SEED seed of the generator (default: 1)
#   HOSO_PORT      the port to serve on (default: 8080)
#   HOSO_DEMO_NO_SERVE=1  prepare everything, print the login, do not serve
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh build-release -Dbuildtype=release -Dtests=disabled
bash scripts/web.sh
. scripts/node-path.sh
hoso=build-release/hoso
db=${HOSO_DEMO_DB:-demo/hoso-demo.db}
seed=${HOSO_DEMO_SEED:-1}
mkdir -p "$(dirname "$db")"

if [ -f "$db" ] && "$hoso" --db "$db" check >/dev/null 2>&1 \
    && "$hoso" --db "$db" org tree --depth 0 --json | grep -q '"organisations": [1-9]'; then
  echo "Dùng lại cơ sở dữ liệu mẫu / reusing the demo database: $db"
else
  rm -f "$db" "$db-wal" "$db-shm"
  "$hoso" --db "$db" demo --seed "$seed"
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
password=$(head -c 64 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 16)
if "$hoso" --db "$db" user list | grep -q "^$user\b"; then
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
