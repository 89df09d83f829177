# The case list's filters (organisation subtree, opening period, assignee,
# overdue) and assignees; the list of overdue remedial actions; by the
# command line and over HTTP.
init_db
add_tree X1
"$HOSO" org create --code X1.C1 --name "Chi bộ bản Na" --kind chi_bo_truc_thuoc --parent X1 --from 2000-01-01 >/dev/null
"$HOSO" org create --code X2 --name "Đảng bộ xã B" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01 >/dev/null
add_users 123 "cv.x1 officer X1 thuong" "ld.tu leader TU mat" "xem.x1 viewer X1 thuong" "cv.x2 officer X2 thuong"
new() { "$HOSO" case new "$@" | cut -d' ' -f1; }
a=$(new --kind kiem_tra --title "Kiểm tra A" --org X1 --opened 2019-03-01)
b=$(new --kind kiem_tra --title "Kiểm tra bản Na" --org X1.C1 --opened 2019-11-20)
c=$(new --kind kiem_tra --title "Kiểm tra B" --org X2 --opened 2020-02-01)
# An appraisal opened long ago, never concluded: overdue.
d=$(new --kind tham_dinh --title "Thẩm định quá hạn" --org X1 --opened 2024-01-02)
ids() { python3 -c 'import json,sys; print(" ".join(str(c["id"]) for c in json.load(open("out.txt"))["cases"]))'; }
expect_status 0 "$HOSO" case list --org X1 --json
[ "$(ids)" = "$d $b $a" ] && ok || fail "subtree X1: $(ids)"
expect_status 0 "$HOSO" case list --org X1.C1 --json
[ "$(ids)" = "$b" ] && ok || fail "subtree X1.C1: $(ids)"
expect_status 0 "$HOSO" case list --from 2019-01-01 --to 2019-12-31 --json
[ "$(ids)" = "$b $a" ] && ok || fail "period 2019: $(ids)"
expect_status 0 "$HOSO" case list --overdue --json
[ "$(ids)" = "$d" ] && ok || fail "overdue: $(ids)"
expect_status 1 "$HOSO" case list --from 2019-13-01
expect_err "from"
expect_status 1 "$HOSO" case list --from 2020-01-01 --to 2019-01-01
expect_err "to"
expect_status 1 "$HOSO" case list --org KHONG
expect_status 0 "$HOSO" case list --assignee khong.co --json
expect_out '"count": 0'
# assign: officers and leaders whose scope and clearance reach the case
expect_status 0 "$HOSO" case assign "$a" cv.x1 ld.tu
expect_status 1 "$HOSO" case assign "$a" cv.x2
expect_err "cv.x2"
expect_status 1 "$HOSO" case assign "$a" xem.x1
expect_status 1 "$HOSO" case assign "$a" khong.co
expect_status 0 "$HOSO" case list --assignee cv.x1 --json
[ "$(ids)" = "$a" ] && ok || fail "assigned to cv.x1: $(ids)"
expect_status 0 "$HOSO" case show "$a" --json
python3 -c 'import json; v=json.load(open("out.txt"))["version"]; assert v == 2, v' && ok || fail "an assignment is a new version"
# A remedy past its due date, not done: on the overdue list.
fid=$("$HOSO" case finding "$a" --text "Chưa kiểm điểm" --conclusion vi_pham_chua_den_muc)
rid=$("$HOSO" case remedy "$fid" --action "Tổ chức kiểm điểm" --owner "Chi ủy" --due 2020-03-02)
"$HOSO" case remedy "$fid" --action "Báo cáo kết quả" --owner "Chi ủy" --due 2099-01-01 >/dev/null
expect_status 0 "$HOSO" case remedies
expect_out "^$rid	KT-2019-0001	hạn 02/03/2020	Chi ủy	Tổ chức kiểm điểm$"
[ "$(wc -l < out.txt)" = 1 ] && ok || fail "only the overdue remedy: $(cat out.txt)"

start_server
J='Content-Type: application/json'
login_users cv.x1 ld.tu xem.x1 cv.x2
jids() { python3 -c 'import json; print(" ".join(str(c["id"]) for c in json.load(open("body.txt"))["cases"]))'; }
expect_http 200 -b cv.x1.jar "$base/api/cases?assignee=me"
[ "$(jids)" = "$a" ] && ok || fail "my cases: $(jids)"
expect_http 200 -b ld.tu.jar "$base/api/cases?org=X1&from=2019-06-01&to=2019-12-31"
[ "$(jids)" = "$b" ] && ok || fail "X1 in late 2019: $(jids)"
expect_http 200 -b ld.tu.jar "$base/api/cases?overdue=1"
[ "$(jids)" = "$d" ] && ok || fail "overdue over HTTP: $(jids)"
# out of scope: a filter never widens what one sees
expect_http 200 -b cv.x1.jar "$base/api/cases?org=X1"
[ "$(jids)" = "$d $b $a" ] && ok || fail "cv.x1 filtering by X1: $(jids)"
expect_field 404 org -b cv.x1.jar "$base/api/cases?org=TU"
expect_field 404 org -b cv.x1.jar "$base/api/cases?org=X2"
while IFS='|' read -r q code field; do
  expect_http "$code" -b ld.tu.jar "$base/api/cases?$q"
  expect_body "\"field\":\"$field\""
done <<'BAD'
from=2019-02-30|400|from
to=hom-nay|400|to
from=2020-01-01&to=2019-01-01|400|to
overdue=yes|400|overdue
BAD
# an unknown user name selects nothing, exactly like a user whose cases
# one may not see: the filter does not tell who has an account
expect_http 200 -b cv.x1.jar "$base/api/cases?assignee=khong.co"
nobody=$(cat body.txt)
[ "$nobody" = '{"cases":[]}' ] && ok || fail "unknown assignee: $nobody"
expect_http 200 -b cv.x1.jar "$base/api/cases?assignee=cv.x2"
[ "$(cat body.txt)" = "$nobody" ] && ok || fail "an out-of-scope assignee differs from an unknown one: $(head -c 200 body.txt)"
expect_http 200 -b xem.x1.jar "$base/api/remedies"
python3 -c "import json; i=json.load(open('body.txt'))['items']; assert [(x['id'], x['remedy']['id'], x['remedy']['owner']) for x in i] == [($a, $rid, 'Chi ủy')] and i[0]['remedy']['days_late'] > 100, i" && ok || fail "overdue remedies: $(head -c 300 body.txt)"
expect_http 200 -b cv.x2.jar "$base/api/remedies"
expect_body '^\{"items":\[\]\}$'
expect_field 400 limit -b cv.x1.jar "$base/api/remedies?limit=0"
put() { expect_http "$4" -b "$1.jar" -X PUT -H "$J" -H "X-CSRF-Token: $(cat "$1.csrf")" --data "$3" "$base/api/cases/$2/assignees"; }
put cv.x1 "$a" '{"users": ["cv.x1"], "version": 2}' 200
put cv.x1 "$a" '{"users": [], "version": 2}' 409
expect_body '"field":"version"'
put cv.x1 "$a" '{"users": ["cv.x2"], "version": 3}' 400
expect_body '"field":"users"'
put cv.x1 "$a" '{"users": "cv.x1", "version": 3}' 400
expect_body '"field":"users"'
put xem.x1 "$a" '{"users": [], "version": 3}' 403
put cv.x2 "$a" '{"users": [], "version": 3}' 404
expect_http 200 -b xem.x1.jar "$base/api/cases/$a"
python3 -c 'import json; c=json.load(open("body.txt")); assert [x["username"] for x in c["assignees"]] == ["cv.x1"] and c["assignees"][0]["full_name"].startswith("Người Dùng"), c["assignees"]' && ok || fail "assignees on the case"
stop_server
# the trail has each assignment with before and after
expect_status 0 "$HOSO" audit log --limit 100 --json
python3 -c 'import json; e=[x for x in json.load(open("out.txt")) if x["action"] == "assign"]; d=json.loads(e[0]["detail"]); assert d["assignees"] == {"before": ["cv.x1", "ld.tu"], "after": ["cv.x1"]}, d' && ok || fail "assignment audited: $(head -c 300 out.txt)"
