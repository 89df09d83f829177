# A person's positions in GET /api/persons/{id}; the trail over HTTP with
# user names, filters (action, from/to in Vietnam time, flagged) and the
# CSV export, itself recorded.
init_db
add_tree X1 X2
"$HOSO" org rename X1 "Đảng bộ xã A mới" --date 2022-01-01 >/dev/null || fail "rename X1"
p1=$("$HOSO" person add --name "Lò Văn Muôn" --org X1)
p2=$("$HOSO" person add --name "Lò Văn Pánh" --org X2)
"$HOSO" person position "$p1" --title "Bí thư chi bộ" --from 2020-01-01 --to 2021-06-30 --org X1 >/dev/null || fail "position 1"
"$HOSO" person position "$p1" --title "Phó Bí thư" --from 2021-07-01 --org X2 >/dev/null || fail "position 2"
"$HOSO" person position "$p1" --title "Trưởng bản" --from 2023-01-01 >/dev/null || fail "position 3"
for u in "xem.x1 viewer X1 Lường_Thị_Xem" "lanh.dao.x1 leader X1 Cầm_Văn_Lãnh" "kiem.toan auditor TU Nguyễn_Thị_Kiểm"; do
  set -- $u
  echo "mat-khau-$1-123" | "$HOSO" user add "$1" --name "${4//_/ }" --role "$2" --org "$3" --password-stdin >/dev/null || fail "user $1"
done
start_server
J='Content-Type: application/json'
login_users xem.x1 lanh.dao.x1 kiem.toan admin
# positions come with the record; an organisation outside the reader's
# scope is not named
expect_http 200 -b xem.x1.jar "$base/api/persons/$p1"
python3 - <<'PY' && ok || fail "positions as the viewer: $(head -c 600 body.txt)"
import json
d = json.load(open("body.txt"))
assert d["full_name"] == "Lò Văn Muôn" and d["memberships"][0]["org"] == "X1", d
ps = d["positions"]
assert ps[0] == {"title": "Bí thư chi bộ", "org": "X1", "org_name": "Đảng bộ xã A",
                 "from": "2020-01-01", "to": "2021-06-30"}, ps[0]
assert ps[1] == {"title": "Phó Bí thư", "org": None, "org_name": None, "from": "2021-07-01",
                 "to": None}, ps[1]
assert ps[2] == {"title": "Trưởng bản", "org": None, "org_name": None, "from": "2023-01-01",
                 "to": None}, ps[2]
assert "Đảng bộ xã B" not in open("body.txt").read()
PY
expect_http 200 -b admin.jar "$base/api/persons/$p1"
python3 - <<'PY' && ok || fail "positions as the administrator: $(head -c 600 body.txt)"
import json
ps = json.load(open("body.txt"))["positions"]
assert ps[1]["org"] == "X2" and ps[1]["org_name"] == "Đảng bộ xã B", ps
PY
expect_http 200 -b xem.x1.jar "$base/api/persons/$p1"
# a person without positions has an empty list
expect_http 200 -b admin.jar "$base/api/persons/$p2"
expect_body '"positions":\[\]'
# a break-the-glass read by the leader (flagged)
expect_http 200 -b lanh.dao.x1.jar "$base/api/persons/$p2?reason=Kiem%20tra%20theo%20Quyet%20dinh%2015-QD%2FUBKT"
# the access log names the readers
expect_http 200 -b admin.jar "$base/api/persons/$p1/access-log"
python3 - <<'PY' && ok || fail "access log user names: $(head -c 600 body.txt)"
import json
d = json.load(open("body.txt"))["entries"]
names = {(x["username"], x["user_name"]) for x in d if x["action"] == "read"}
assert ("xem.x1", "Lường Thị Xem") in names and len(names) == 2, names
assert {u for u, _ in names} == {"xem.x1", "admin"}, names
assert all("username" in x and "user_name" in x for x in d), d
PY
# the trail with names and filters
expect_http 200 -b kiem.toan.jar "$base/api/audit?action=read&limit=1000"
python3 - <<'PY' && ok || fail "action=read: $(head -c 600 body.txt)"
import json
d = json.load(open("body.txt"))["entries"]
assert len(d) == 5 and all(x["action"] == "read" for x in d), d
assert {x["username"] for x in d} == {"xem.x1", "admin", "lanh.dao.x1"}, d
assert [x["user_name"] for x in d if x["username"] == "lanh.dao.x1"] == ["Cầm Văn Lãnh"], d
PY
expect_http 200 -b kiem.toan.jar "$base/api/audit?limit=1000"
python3 - <<'PY' && ok || fail "entries of the local system: $(head -c 600 body.txt)"
import json
d = json.load(open("body.txt"))["entries"]
sysd = [x for x in d if x["user"] == 0]
assert sysd and all(x["username"] is None and x["user_name"] is None for x in sysd), sysd
PY
expect_http 200 -b kiem.toan.jar "$base/api/audit?flagged=1"
python3 -c '
import json
d = json.load(open("body.txt"))["entries"]
assert len(d) == 1 and d[0]["flagged"] and d[0]["username"] == "lanh.dao.x1", d
' && ok || fail "flagged=1: $(head -c 300 body.txt)"
today=$(TZ=Asia/Ho_Chi_Minh date +%F)
expect_http 200 -b kiem.toan.jar "$base/api/audit?from=$today&to=$today&action=read"
python3 -c 'import json; assert len(json.load(open("body.txt"))["entries"]) == 5' && ok || fail "from/to today"
# nothing on those days, by that action: an empty list
for q in "from=2000-01-01&to=2000-12-31" "to=2000-12-31" "from=2099-01-01" "action=khong-co"; do
  expect_http 200 -b kiem.toan.jar "$base/api/audit?$q"
  expect_body '^\{"entries":\[\]\}$'
done
# bad filters: 400 naming the parameter
for c in "from=2025-02-30 from bad_date" "to=hom-nay to bad_date" \
    "from=2025-03-10&to=2025-03-09 to out_of_range" "flagged=2 flagged out_of_range" \
    "format=xml format bad_value" "format=csv&limit=100001 limit out_of_range"; do
  set -- $c
  expect_http 400 -b kiem.toan.jar "$base/api/audit?$1"
  expect_body "\"code\":\"$3\",.*\"field\":\"$2\""
done
expect_http 400 -b kiem.toan.jar "$base/api/audit?from=2025-02-30"
expect_body '"message":"Tham số from không phải ngày hợp lệ \(YYYY-MM-DD\)"'
expect_http 400 -b kiem.toan.jar "$base/api/audit?from=2025-03-10&to=2025-03-09"
expect_body '"message":"Ngày cuối \(to\) trước ngày đầu \(from\)"'
expect_http 403 -b xem.x1.jar "$base/api/audit?format=csv"
expect_header '^content-type: application/json'
expect_http 403 -b admin.jar "$base/api/audit?format=csv&action=read"
expect_http 401 "$base/api/audit?format=csv"
# the CSV export: the same entries as the JSON, as a file
expect_http 200 -b kiem.toan.jar "$base/api/audit?action=read&limit=1000"
cp body.txt reads.json
expect_http 200 -b kiem.toan.jar "$base/api/audit?action=read&format=csv"
expect_header '^content-type: text/csv; charset=utf-8'
expect_header '^content-disposition: attachment; filename="audit.csv"'
expect_header '^content-security-policy: '
python3 - <<'PY' && ok || fail "CSV export: $(head -c 600 body.txt)"
import csv, io, json
raw = open("body.txt", "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), raw[:10]
rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
want = json.load(open("reads.json"))["entries"]
assert [int(r["id"]) for r in rows] == [x["id"] for x in want], (rows, want)
assert list(rows[0].keys()) == ["id", "at", "user", "username", "user_name", "address", "action",
                                "object_type", "object_id", "purpose", "detail", "flagged"], rows[0].keys()
by_id = {int(r["id"]): r for r in rows}
for x in want:
    r = by_id[x["id"]]
    assert r["username"] == x["username"] and r["user_name"] == x["user_name"], (r, x)
    assert r["flagged"] == ("1" if x["flagged"] else "0") and r["at"] == x["at"], (r, x)
    assert r["purpose"] == (x["purpose"] or ""), (r, x)
PY
# the export is itself in the trail, as an export by the auditor
expect_http 200 -b kiem.toan.jar "$base/api/audit?action=export"
python3 - <<'PY' && ok || fail "the export is not recorded: $(head -c 600 body.txt)"
import json
d = json.load(open("body.txt"))["entries"]
assert len(d) == 1, d
x = d[0]
assert x["username"] == "kiem.toan" and x["object_type"] == "audit", x
det = json.loads(x["detail"])
assert det["format"] == "csv" and det["action"] == "read" and det["rows"] == 5, det
PY
# flagged and dates through CSV too; an empty selection is a header only
expect_http 200 -b kiem.toan.jar "$base/api/audit?format=csv&from=2000-01-01&to=2000-01-01"
python3 -c '
raw = open("body.txt", "rb").read()
assert raw == b"\xef\xbb\xbfid,at,user,username,user_name,address,action,object_type,object_id,purpose,detail,flagged\r\n", raw
' && ok || fail "empty CSV: $(head -c 300 body.txt)"
stop_server
expect_status 0 "$HOSO" audit verify
