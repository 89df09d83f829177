# Partial updates of a case's parts over HTTP (PUT and PATCH alike): a
# trip's details, a stay abroad, an appraisal.  Only the fields sent
# change, an omitted one survives, a null clears an optional one, a stale
# version gets 409 and changes nothing, the trail lists each field changed
# before and after; the CLI's "case show --json" is the HTTP API's view.
init_db
add_tree X1
add_users 123 "cv.x1 officer X1" "xem.x1 viewer X1"
t=$("$HOSO" case new --kind ra_nuoc_ngoai --subtype cong_vu --title "Đoàn công tác" --org X1 --opened 2024-05-02 | cut -d' ' -f1)
s=$("$HOSO" case new --kind o_nuoc_ngoai --subtype hoc_tap --title "Đi học ở Nga" --org X1 --opened 2024-09-01 | cut -d' ' -f1)
a=$("$HOSO" case new --kind tham_dinh --subtype bo_nhiem --title "Thẩm định" --org X1 --opened 2024-06-03 | cut -d' ' -f1)
start_server
J='Content-Type: application/json'
login_users cv.x1 xem.x1
send() { # METHOD PATH BODY STATUS
  expect_http "$4" -b cv.x1.jar -X "$1" -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data "$3" "$base$2"
}
# the case's part, as the reader sees it: part.json
part() { # CASE KEY
  expect_http 200 -b xem.x1.jar "$base/api/cases/$1"
  python3 -c 'import json, sys; print(json.dumps(json.load(open("body.txt"))[sys.argv[1]]))' "$2" > part.json
}
has() { # PYTHON-EXPRESSION over p (the part), WHAT
  python3 -c "import json; p = json.load(open('part.json')); assert $1, p" && ok || fail "$2: $(cat part.json)"
}

# a trip: the first write needs its purpose, countries and dates
send PUT "/api/cases/$t/trip" '{"countries": "Lào"}' 400
expect_body '"field":"purpose"'
send PUT "/api/cases/$t/trip" '{"purpose": "cong_tac", "countries": "Lào", "depart": "2024-05-20", "come_back": "2024-06-03", "funding": "Ngân sách tỉnh", "in_plan": 1}' 200
part "$t" trip
has 'p == {"purpose": "cong_tac", "countries": "Lào", "depart": "2024-05-20", "come_back": "2024-06-03", "funding": "Ngân sách tỉnh", "in_plan": True, "version": 1}' "the trip as written"
# an omitted field survives an update
send PUT "/api/cases/$t/trip" '{"countries": "Lào, Campuchia", "version": 1}' 200
part "$t" trip
has 'p["countries"] == "Lào, Campuchia" and p["funding"] == "Ngân sách tỉnh" and p["in_plan"] is True and p["depart"] == "2024-05-20" and p["version"] == 2' "an omitted field survives"
# a stale version: 409, nothing changes
send PUT "/api/cases/$t/trip" '{"funding": "Tự túc", "version": 1}' 409
expect_body '"field":"version"'
part "$t" trip
has 'p["funding"] == "Ngân sách tỉnh" and p["version"] == 2' "a stale version changes nothing"
# PATCH is the same; a null clears the funding, not a required field
send PATCH "/api/cases/$t/trip" '{"funding": null, "version": 2}' 200
part "$t" trip
has 'p["funding"] is None and p["countries"] == "Lào, Campuchia" and p["version"] == 3' "a null clears an optional field"
send PATCH "/api/cases/$t/trip" '{"depart": null}' 400
expect_body '"field":"depart"'
send PATCH "/api/cases/$t/trip" '{"purpose": "nghi_mat"}' 400
expect_body '"field":"purpose"'
send PATCH "/api/cases/$t/trip" '{"come_back": "2024-05-01"}' 400
expect_body '"field":"come_back"'
send PATCH "/api/cases/$t/trip" '{"version": 0}' 400
expect_body '"field":"version"'
expect_http 403 -b xem.x1.jar -X PATCH -H "$J" -H "X-CSRF-Token: $(cat xem.x1.csrf)" --data '{"funding": "x"}' "$base/api/cases/$t/trip"
expect_http 403 -b cv.x1.jar -X PATCH -H "$J" --data '{"funding": "x"}' "$base/api/cases/$t/trip"
expect_body '"code":"csrf"'
# nothing sent: nothing changes
send PUT "/api/cases/$t/trip" '{}' 200
part "$t" trip
has 'p["version"] == 3' "an empty update changes nothing"

# a stay abroad
send PUT "/api/cases/$s/stay" '{"country": "Liên bang Nga", "purpose": "hoc_tap", "arrangement": "tu_sinh_hoat", "start": "2024-09-01", "expected_end": "2028-07-01", "last_contact": "2025-03-01"}' 200
send PATCH "/api/cases/$s/stay" '{"arrangement": "chi_bo_tam_thoi", "version": 1}' 200
part "$s" stay
has 'p["arrangement"] == "chi_bo_tam_thoi" and p["country"] == "Liên bang Nga" and p["last_contact"] == "2025-03-01" and p["version"] == 2' "a stay's omitted fields survive"
send PUT "/api/cases/$s/stay" '{"country": "Nga", "version": 1}' 409
send PUT "/api/cases/$s/stay" '{"last_contact": null}' 200
part "$s" stay
has 'p["last_contact"] is None and p["country"] == "Liên bang Nga" and p["arrangement"] == "chi_bo_tam_thoi"' "a null clears the last contact"

# an appraisal
send PUT "/api/cases/$a/appraisal" '{"requester": "Ban Tổ chức Tỉnh ủy", "outcome": "dat", "position": "Phó Giám đốc Sở"}' 200
send PUT "/api/cases/$a/appraisal" '{"requester": "Ban Tổ chức Huyện ủy", "version": 1}' 200
part "$a" appraisal
has 'p == {"requester": "Ban Tổ chức Huyện ủy", "outcome": "dat", "position": "Phó Giám đốc Sở", "version": 2}' "an appraisal's omitted fields survive"
send PATCH "/api/cases/$a/appraisal" '{"outcome": "khong_dat", "version": 1}' 409
send PATCH "/api/cases/$a/appraisal" '{"outcome": "khong_dat", "position": null, "version": 2}' 200
part "$a" appraisal
has 'p["outcome"] == "khong_dat" and p["position"] is None and p["requester"] == "Ban Tổ chức Huyện ủy"' "an appraisal changed in part"
stop_server

# the trail: each field changed, before and after, and only those
expect_status 0 "$HOSO" audit log --json --limit 1000
python3 - "$t" <<'PY' && ok || fail "partial updates in the trail: $(head -c 300 out.txt)"
import json, sys
d = json.load(open("out.txt"))
rows = d["entries"] if isinstance(d, dict) else d
trip = [json.loads(e["detail"]) if isinstance(e["detail"], str) else e["detail"]
        for e in rows if e["action"] == "trip" and e["object_id"] == int(sys.argv[1])]
assert len(trip) == 3, trip  # written, countries, funding cleared; nothing for the rest
assert {"countries": {"before": "Lào", "after": "Lào, Campuchia"}} in trip, trip
assert {"funding": {"before": "Ngân sách tỉnh", "after": None}} in trip, trip
PY
# the CLI changes the options given, and shows the case as the API does
expect_status 0 "$HOSO" case trip "$t" --purpose cong_tac --countries "Lào" --depart 20/05/2024 --return 03/06/2024
expect_status 0 "$HOSO" case show "$t" --json
python3 - <<'PY' && ok || fail "case show --json: $(head -c 300 out.txt)"
import json
c = json.load(open("out.txt"))
assert c["trip"]["countries"] == "Lào" and c["trip"]["in_plan"] is True and c["trip"]["version"] == 4, c["trip"]
assert c["confidentiality"] == 0 and c["org"] == "X1" and c["org_name"] == "Đảng bộ xã A", c
assert c["travellers"] == [] and c["stay"] is None and c["relatives"] == [], c
PY
expect_status 0 "$HOSO" case appraisal "$a" --position "Phó Chủ tịch UBND huyện"
expect_status 0 "$HOSO" case show "$a" --json
python3 -c 'import json; p=json.load(open("out.txt"))["appraisal"]; assert p["position"] == "Phó Chủ tịch UBND huyện" and p["outcome"] == "khong_dat" and p["requester"] == "Ban Tổ chức Huyện ủy", p' && ok || fail "case appraisal in part: $(head -c 300 out.txt)"
