# The holiday calendar over HTTP: the year's non-ordinary days for everyone,
# changes by administrators of the whole tree (CSRF, audited before/after).
init_db
add_tree X1
add_users 123 "xem.x1 viewer X1" "qt.x1 admin X1" "qt.tu admin TU" "kiem.toan auditor TU"
start_server
J='Content-Type: application/json'
login_users admin xem.x1 qt.x1 kiem.toan
ad=$(cat admin.csrf)
# any signed-in user reads a year: the same list as "hoso cal holidays --json"
expect_http 401 "$base/api/calendar?year=2024"
expect_http 200 -b xem.x1.jar "$base/api/calendar?year=2024"
expect_header '^content-type: application/json'
cp body.txt cal2024.json
"$HOSO" cal holidays 2024 --json > cli2024.json
python3 - <<'PY' && ok || fail "GET /api/calendar differs from hoso cal holidays: $(head -c 300 cal2024.json)"
import json
api = json.load(open("cal2024.json"))
cli = json.load(open("cli2024.json"))
assert api["year"] == 2024 and api["days"] == cli, (api, cli)
days = {d["date"]: d for d in api["days"]}
assert days["2024-02-10"]["kind"] == "off" and "Tết" in days["2024-02-10"]["name"], days
assert days["2024-04-30"]["kind"] == "off", days
assert all(set(d) == {"date", "kind", "name", "source"} for d in api["days"])
PY
expect_http 200 -b kiem.toan.jar "$base/api/calendar"
expect_body '"year":20[0-9][0-9]'
expect_field 400 year -b xem.x1.jar "$base/api/calendar?year=abc"
expect_body '"message":"Tham số year phải là số từ 1900 đến 2100"'
expect_http 400 -b xem.x1.jar "$base/api/calendar?year=1899"
expect_body '"code":"out_of_range"'
# changes: administrators of the whole tree only, with the CSRF token
body='{"kind": "off", "name": "Nghỉ bù Tết", "source": "Thông báo 1/TB-BNV"}'
expect_http 401 -X PUT -H "$J" --data "$body" "$base/api/calendar/2031-01-02"
expect_http 403 -b admin.jar -X PUT -H "$J" --data "$body" "$base/api/calendar/2031-01-02"
expect_body '"code":"csrf"'
expect_http 403 -b xem.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat xem.x1.csrf)" --data "$body" "$base/api/calendar/2031-01-02"
expect_body '"code":"denied"'
expect_http 403 -b qt.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat qt.x1.csrf)" --data "$body" "$base/api/calendar/2031-01-02"
expect_http 403 -b kiem.toan.jar -X DELETE -H "X-CSRF-Token: $(cat kiem.toan.csrf)" "$base/api/calendar/2031-01-02"
# bad input: 4xx naming the field, in Vietnamese and English
# DATE|BODY|FIELD: each refused with 400 naming the field
while IFS='|' read -r d data field; do
  expect_http 400 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $ad" --data "$data" "$base/api/calendar/$d"
  expect_body "\"field\":\"$field\""
done <<'CASES'
2031-02-30|{"kind": "off", "name": "X"}|date
hom-nay|{"kind": "off", "name": "X"}|date
1899-12-29|{"kind": "off", "name": "X"}|date
2031-01-02|{"kind": "nghi", "name": "X"}|kind
2031-01-02|{"kind": "off"}|name
2031-01-02|{"kind": "off", "name": 5}|name
2031-01-02|{"kind": "off", "name": "X", "source": 1}|source
2031-01-02|{"kind": "off", "name": "X", "ten": "Y"}|ten
CASES
expect_http 400 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $ad" --data '{"kind": "nghi", "name": "X"}' "$base/api/calendar/2031-01-02"
expect_body '"code":"bad_value","message":"Loại ngày .nghi. không hợp lệ.*"message_en":"Day kind .nghi. is invalid'
expect_http 400 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $ad" --data '[1]' "$base/api/calendar/2031-01-02"
expect_field 413 name -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $ad" --data '{"kind": "off", "name": "'"$(printf 'x%.0s' $(seq 1 300))"'"}' "$base/api/calendar/2031-01-02"
# a day off (Thursday) and a make-up working Saturday
expect_http 200 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $ad" --data "$body" "$base/api/calendar/2031-01-02"
expect_body '"date":"2031-01-02","kind":"off","name":"Nghỉ bù Tết","source":"Thông báo 1/TB-BNV"'
expect_http 200 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $ad" --data '{"kind": "work", "name": "Làm bù cho ngày 02/01/2031", "source": null}' "$base/api/calendar/2031-01-04"
expect_http 200 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $ad" --data '{"kind": "off", "name": "Nghỉ Tết Dương lịch"}' "$base/api/calendar/2031-01-02"
# every worker of the server sees the change at once
for i in 1 2 3 4 5 6 7 8; do
  get -b xem.x1.jar "$base/api/calendar?year=2031" >/dev/null
  python3 - <<'PY' && ok || fail "a worker still has the old calendar: $(head -c 300 body.txt)"
import json
days = {d["date"]: d for d in json.load(open("body.txt"))["days"]}
assert days["2031-01-02"]["name"] == "Nghỉ Tết Dương lịch", days.get("2031-01-02")
assert days["2031-01-04"]["kind"] == "work" and days["2031-01-04"]["source"] == "", days.get("2031-01-04")
PY
done
# removal
expect_http 200 -b admin.jar -X DELETE -H "X-CSRF-Token: $ad" "$base/api/calendar/2031-01-04"
expect_body '"deleted":true'
expect_field 404 date -b admin.jar -X DELETE -H "X-CSRF-Token: $ad" "$base/api/calendar/2031-01-04"
expect_body '"message":"Ngày này không có trong bảng lịch"'
expect_http 400 -b admin.jar -X DELETE -H "X-CSRF-Token: $ad" "$base/api/calendar/2031-13-01"
expect_http 405 -b admin.jar -X POST -H "X-CSRF-Token: $ad" "$base/api/calendar/2031-01-04"
expect_http 200 -b xem.x1.jar "$base/api/calendar?year=2031"
grep -q '2031-01-04' body.txt && fail "a removed entry is still listed" || ok
stop_server
# working days use the table: 2031-01-02 (Thu) is off, so one working day
# after Wednesday 2031-01-01 (a holiday too) is Friday 2031-01-03
expect_status 0 "$HOSO" cal add 2031-01-01 1
expect_out "^2031-01-03$"
# the changes are in the trail, with who and before/after
expect_status 0 "$HOSO" audit log --json --limit 1000
python3 - <<'PY' && ok || fail "calendar changes are not in the trail as expected: $(head -c 500 out.txt)"
import json
d = [x for x in json.load(open("out.txt")) if x["object_type"] == "calendar"]
acts = [(x["action"], x["object_id"]) for x in reversed(d)]
assert acts == [("create", 20310102), ("create", 20310104), ("update", 20310102), ("delete", 20310104)], acts
upd = json.loads(d[1]["detail"])
assert upd["name"] == {"before": "Nghỉ bù Tết", "after": "Nghỉ Tết Dương lịch"}, upd
assert upd["source"] == {"before": "Thông báo 1/TB-BNV", "after": ""}, upd
assert "kind" not in upd and upd["date"] == "2031-01-02", upd
assert all(x["username"] == "admin" for x in d), d
PY
# the CLI's own changes are audited the same way
expect_status 0 "$HOSO" cal set 2031-01-03 off "Nghỉ thêm"
expect_status 0 "$HOSO" cal unset 2031-01-03
expect_status 1 "$HOSO" cal unset 2031-01-03
expect_err "not_found"
expect_status 0 "$HOSO" audit log --json
python3 -c '
import json
d = [x for x in json.load(open("out.txt")) if x["object_id"] == 20310103]
assert [x["action"] for x in d] == ["delete", "create"] and d[0]["username"] is None, d
' && ok || fail "cal set/unset audit"
expect_status 0 "$HOSO" audit verify
# an administrator of the provincial committee (the root) has the whole tree
start_server
login qt.tu mat-khau-qt.tu-123
expect_http 200 -b qt.tu.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat qt.tu.csrf)" --data "$body" "$base/api/calendar/2031-01-06"
expect_http 200 -b qt.tu.jar -X DELETE -H "X-CSRF-Token: $(cat qt.tu.csrf)" "$base/api/calendar/2031-01-06"
stop_server
