# Issue 14: searching within one's scope, over the real server.  A commune
# officer of a commune made on 1/7/2025 (two old communes merged) searches
# by partial names and finds the members of their own commune, although
# more namesakes than the search's candidates (200 a stage) live in another
# commune of the province; never those outside the scope or above the
# clearance.  The organisation picker finds the commune's organisations by
# folded name and by code, and none outside the scope.
init_db
"$HOSO" org create --code TU --name "Đảng bộ tỉnh Điện Biên" --kind dang_bo_tinh --from 2000-01-01 >/dev/null || fail "org TU"
mk() { # CODE NAME KIND PARENT
  "$HOSO" org create --code "$1" --name "$2" --kind "$3" --parent "$4" --from 2000-01-01 >/dev/null || fail "org $1"
}
mk H1 "Đảng bộ huyện Điện Biên" dang_bo_truc_thuoc TU
mk XA "Đảng bộ xã Nà Tấu" dang_bo_co_so H1
mk XB "Đảng bộ xã Nà Nhạn" dang_bo_co_so H1
mk XA.C1 "Chi bộ bản Nà Tấu 1" chi_bo_truc_thuoc XA
mk XB.C1 "Chi bộ bản Nà Nhạn 1" chi_bo_truc_thuoc XB
mk X2 "Đảng bộ xã Mường Pồn" dang_bo_truc_thuoc TU
mk X2.C1 "Chi bộ bản Mường Pồn" chi_bo_truc_thuoc X2
# 1/7/2025: the two communes become one, directly under the province.
"$HOSO" org merge XA XB --code XMP --name "Đảng bộ xã Mường Phăng" --kind dang_bo_truc_thuoc --parent TU --date 2025-07-01 >/dev/null || fail "merge"
# 3 x 250 namesakes in Mường Pồn, imported before the commune's own members
# (the full-text index yields them first).
{
  echo "Họ và tên,Ngày sinh,Mã tổ chức"
  for i in $(seq 1 250); do
    printf 'Hoàng Văn Nam,1970,X2.C1\nLò Văn Nam,1971,X2.C1\nVàng A Nam,1972,X2.C1\n'
  done
  printf 'Hoàng Văn Thắng,12/05/1975,XA.C1\nLò Văn Pọm,1980,XB.C1\nVàng Thị Dua,1990,XMP\nHoàng Văn Mật,1966,XA.C1\n'
} > persons.csv
expect_status 0 "$HOSO" import persons persons.csv
secret=$("$HOSO" person search "hoang van mat" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["id"])')
expect_status 0 "$HOSO" person classify "$secret" mat --version 1 --reason "Hồ sơ mật theo quy định"
add_users 123 "cv.mp officer XMP thuong" "cv.mp2 officer XMP mat"
start_server
login_users cv.mp cv.mp2 admin

# search USER QUERY: GET /api/persons?q=QUERY as USER; the names found in names.txt
search() {
  expect_http 200 -b "$1.jar" --get --data-urlencode "q=$2" "$base/api/persons"
  python3 -c 'import json; [print(r["full_name"]) for r in json.load(open("body.txt"))["results"]]' > names.txt
}
has() { grep -qx -- "$1" names.txt && ok || fail "$2: lacks $1: $(tr '\n' '|' < names.txt)"; }
lacks() { grep -qx -- "$1" names.txt && fail "$2: has $1" || ok; }

for q in "hoang van" "HOÀNG VĂN" "hoang va"; do
  search cv.mp "$q"
  has "Hoàng Văn Thắng" "$q"
  lacks "Hoàng Văn Nam" "$q"
  lacks "Hoàng Văn Mật" "$q"
done
search cv.mp "lo van"
has "Lò Văn Pọm" "lo van"
lacks "Lò Văn Nam" "lo van"
search cv.mp "vang"
has "Vàng Thị Dua" "vang"
lacks "Vàng A Nam" "vang"
# What a picker shows: birth year and organisation.
search cv.mp "hoang van thang"
python3 - <<'PY' && ok || fail "picker fields: $(head -c 300 body.txt)"
import json
r = json.load(open("body.txt"))["results"]
assert len(r) == 1 and r[0]["birth_year"] == 1975 and r[0]["org"] == "XA.C1", r
assert r[0]["org_name"] == "Chi bộ bản Nà Tấu 1" and isinstance(r[0]["org_id"], int), r
PY
# The clearance "mật" shows the secret member; nothing outside the scope.
search cv.mp2 "hoang van"
has "Hoàng Văn Mật" "hoang van (mat)"
lacks "Hoàng Văn Nam" "hoang van (mat)"
# The administrator of the province sees the namesakes too.
search admin "hoang van nam"
[ "$(wc -l < names.txt)" -eq 20 ] && ok || fail "admin: $(wc -l < names.txt) results"

# orgs USER QUERY: GET /api/orgs?q=QUERY as USER; the codes found in names.txt
orgs() {
  expect_http 200 -b "$1.jar" --get --data-urlencode "q=$2" "$base/api/orgs"
  python3 -c 'import json; [print(r["code"]) for r in json.load(open("body.txt"))["results"]]' > names.txt
}
orgs cv.mp "xa muong"
has XMP "xa muong"
lacks X2 "xa muong"
expect_body '"parent_name": *"Đảng bộ tỉnh Điện Biên"'
orgs cv.mp "MƯỜNG phăng"
has XMP "muong phang"
orgs cv.mp "chi bo ban na"
has XA.C1 "chi bo ban na"
has XB.C1 "chi bo ban na"
orgs cv.mp "xa.c"
has XA.C1 "code xa.c"
orgs cv.mp "x2"
[ ! -s names.txt ] && ok || fail "x2 out of scope: $(tr '\n' '|' < names.txt)"
orgs cv.mp "muong pon"
[ ! -s names.txt ] && ok || fail "muong pon out of scope: $(tr '\n' '|' < names.txt)"
orgs cv.mp "nà tấu"
lacks XA "ended organisation"
has XA.C1 "na tau"
orgs admin "muong pon"
has X2 "admin muong pon"

# Refusals: 4xx with the stable error codes, never a 500.
expect_http 400 -b cv.mp.jar "$base/api/orgs?q="
expect_body '"code": *"missing"'
expect_http 400 -b cv.mp.jar "$base/api/orgs?q=xa&limit=0"
expect_http 400 -b cv.mp.jar "$base/api/orgs?q=xa&limit=abc"
expect_http 413 -b cv.mp.jar --get --data-urlencode "q=$(printf 'x%.0s' $(seq 1 201))" "$base/api/orgs"
expect_body '"code": *"too_big"'
expect_http 200 -b cv.mp.jar --get --data-urlencode 'q="*) OR (' "$base/api/orgs"
expect_http 200 -b cv.mp.jar --get --data-urlencode 'q="*) OR (' "$base/api/persons"
expect_http 400 -b cv.mp.jar "$base/api/persons?q=hoang&limit=1001"
expect_http 401 "$base/api/orgs?q=xa"
stop_server

# The CLI's organisation search (the operator sees the whole tree).
expect_status 0 "$HOSO" org search "xa muong" --json
expect_out '"code": "XMP"'
expect_out '"code": "X2"'
expect_status 0 "$HOSO" org search "xmp"
expect_out "XMP  Đảng bộ xã Mường Phăng"
expect_status 2 "$HOSO" org search
expect_status 1 "$HOSO" org search "xa" --limit 0
