# Changing the organisation tree over HTTP (administrators), audited.
init_db
add_tree
echo "mat-khau-can-bo-1" | "$HOSO" user add can.bo --name "Chuyên Viên" --role officer --org TU --password-stdin >/dev/null
start_server
J='Content-Type: application/json'
expect_http 200 -c a.jar -X POST -H "$J" --data '{"username": "admin", "password": "mat-khau-quan-tri-1"}' "$base/api/session"
A="X-CSRF-Token: $(python3 -c 'import json; print(json.load(open("body.txt"))["csrf"])')"
expect_http 200 -c c.jar -X POST -H "$J" --data '{"username": "can.bo", "password": "mat-khau-can-bo-1"}' "$base/api/session"
C="X-CSRF-Token: $(python3 -c 'import json; print(json.load(open("body.txt"))["csrf"])')"
post() { expect_http "$1" -b a.jar -X POST -H "$J" -H "$A" --data "$3" "$base$2"; }
post 201 /api/orgs '{"code": "H1", "name": "Đảng bộ huyện Mường Ảng", "kind": "dang_bo_truc_thuoc", "parent": "TU", "from": "2000-01-01"}'
post 201 /api/orgs '{"code": "X1", "name": "Đảng bộ xã Búng Lao", "kind": "dang_bo_co_so", "parent": "H1", "from": "2000-01-01"}'
post 201 /api/orgs '{"code": "X2", "name": "Đảng bộ xã Ẳng Nưa", "kind": "dang_bo_co_so", "parent": "H1", "from": "2000-01-01"}'
post 201 /api/orgs '{"code": "CB1", "name": "Chi bộ bản Co Mỵ", "kind": "chi_bo_truc_thuoc", "parent": "X1", "from": "2000-01-01"}'
post 400 /api/orgs '{"code": "Y 1", "name": "X", "kind": "dang_bo_co_so", "parent": "H1", "from": "2000-01-01"}'
expect_body '"field":"code"'
post 409 /api/orgs '{"code": "X1", "name": "X", "kind": "dang_bo_co_so", "parent": "H1", "from": "2000-01-01"}'
post 404 /api/orgs '{"code": "Y1", "name": "X", "kind": "dang_bo_co_so", "parent": "KHONG", "from": "2000-01-01"}'
expect_body '"field":"parent"'
# officers do not change the structure
expect_http 403 -b c.jar -X POST -H "$J" -H "$C" --data '{"name": "Mới", "date": "2020-01-01"}' "$base/api/orgs/X1/rename"
post 200 /api/orgs/X1/rename '{"name": "Đảng bộ xã Búng Lao (mới)", "date": "2020-05-01", "document": "QĐ 12-QĐ/HU"}'
post 409 /api/orgs/X1/rename '{"name": "Lại", "date": "2019-01-01"}'
post 400 /api/orgs/X1/rename '{"name": "Lại", "date": "01/05/2020"}'
expect_body '"field":"date"'
# the 2025 reform through the API
post 200 /api/orgs/merge '{"sources": ["X1", "X2"], "new": {"code": "XM", "name": "Đảng bộ xã Mường Ảng", "kind": "dang_bo_truc_thuoc", "parent": "TU"}, "date": "2025-07-01", "document": "QĐ 1000"}'
post 200 /api/orgs/H1/dissolve '{"date": "2025-07-01", "document": "QĐ 1000"}'
expect_http 200 -b a.jar "$base/api/orgs?as_of=2025-06-30"
expect_body '"code":"H1"'
expect_http 200 -b a.jar "$base/api/orgs?as_of=2025-07-01"
expect_body '"code":"XM"'
# malformed query values: a 400 naming the argument, never a 500
for v in 2025-02-30 01%2F07%2F2025 '' x; do
  expect_http 400 -b a.jar "$base/api/orgs?as_of=$v"
  expect_body '"code":"bad_date"'
  expect_body '"field":"as_of"'
done
# bytes that are not text at all are refused before any argument is read
for v in %FF%FE 2025-01-01%00 %0A; do
  expect_http 400 -b a.jar "$base/api/orgs?as_of=$v"
  expect_body '"code":"invalid"'
  expect_body '"field":"as_of"'
done
for q in limit=0 limit=1001 limit=%FF offset=-1 'offset=1e3' 'limit=9999999999999999999999'; do
  expect_http 400 -b a.jar "$base/api/orgs/TU/members?$q"
  expect_body "\"field\":\"${q%%=*}\""
done
grep -q '"H1"' body.txt && fail "H1 after its dissolution" || ok
post 200 /api/orgs/XM/split '{"parts": [{"code": "XA", "name": "Đảng bộ xã A"}, {"code": "XB", "name": "Đảng bộ xã B"}], "main": 1, "assign": {"CB1": 0}, "date": "2026-01-01"}'
post 200 /api/orgs/CB1/move '{"parent": "XB", "date": "2026-02-01"}'
expect_http 200 -b a.jar "$base/api/orgs/XM"
expect_body '"kind":"merge"'
expect_body '"kind":"split"'
stop_server
expect_status 0 "$HOSO" org map X1 --as-of 2026-03-01
expect_out "X1 → XB"
expect_status 0 "$HOSO" audit log --json --limit 200
python3 -c '
import json
acts = [e["action"] for e in json.load(open("out.txt")) if e["object_type"] == "org"]
for a in ("create", "rename", "merge", "dissolve", "split", "move"):
    assert a in acts, (a, acts)
' && ok || fail "structure changes in the audit trail"
expect_status 0 "$HOSO" audit verify
