# Complaints about a discipline are cases of their own (khieu_nai), linked
# to the discipline they contest: a database whose discipline cases still
# had the old "complaint" state is migrated (schema 30) - each complaint
# becomes a complaint case, the discipline goes back to where it was, the
# report counts the same complaints - and the cases show each other as
# related.  Then, over HTTP as a commune's officer, leader and viewer with
# another commune next door: a denunciation found true opens the
# discipline it warrants, linked to it.
init_db
add_tree X1 X2
add_users 123 "cv.x1 officer X1 thuong" "ld.x1 leader X1 thuong" "xem.x1 viewer X1 thuong" "cv.x2 officer X2 thuong"
p1=$("$HOSO" person add --name "Lò Văn Sáng" --org X1 --admitted 02/09/2001 --full-member 02/09/2002 --status chinh_thuc)
discipline() { # TITLE: a discipline of p1 decided on 2024-03-04; prints its id
  "$HOSO" case new --kind ky_luat --title "$1" --org X1 --opened 2024-02-01 --subject-person "$p1" >/dev/null || fail "case $1"
  local id
  id=$(sqlite3 "$HOSO_DB" "SELECT max(id) FROM case_file")
  "$HOSO" case step "$id" --to xem_xet --date 2024-02-05 >/dev/null || fail "review $1"
  "$HOSO" case discipline "$id" --form khien_trach --person "$p1" --violation 2023-12-01 --decided 2024-03-04 >/dev/null || fail "decide $1"
  "$HOSO" case step "$id" --to quyet_dinh --date 2024-03-04 --conclusion "Khiển trách" >/dev/null || fail "decided $1"
  echo "$id"
}
d1=$(discipline "Kỷ luật đảng viên Lò Văn Sáng")
d2=$(discipline "Kỷ luật lần hai")
# the old way, as schema 29 kept it: d1 waits on a complaint received on
# 2024-03-20; d2's complaint came on 2024-04-01 and was resolved on
# 2024-06-10
sqlite3 "$HOSO_DB" <<'SQL' || fail "the old complaint state"
UPDATE case_file SET state = 'khieu_nai' WHERE title = 'Kỷ luật đảng viên Lò Văn Sáng';
INSERT INTO case_event(case_id, from_state, to_state, on_date, at, user_id, note)
  SELECT id, 'quyet_dinh', 'khieu_nai', '2024-03-20', '2024-03-20T01:00:00Z', NULL, NULL FROM case_file WHERE title = 'Kỷ luật đảng viên Lò Văn Sáng';
INSERT INTO case_event(case_id, from_state, to_state, on_date, at, user_id, note)
  SELECT id, 'quyet_dinh', 'khieu_nai', '2024-04-01', '2024-04-01T01:00:00Z', NULL, NULL FROM case_file WHERE title = 'Kỷ luật lần hai';
INSERT INTO case_event(case_id, from_state, to_state, on_date, at, user_id, note)
  SELECT id, 'khieu_nai', 'dong', '2024-06-10', '2024-06-10T01:00:00Z', NULL, 'Giữ nguyên hình thức kỷ luật' FROM case_file WHERE title = 'Kỷ luật lần hai';
UPDATE case_file SET state = 'dong' WHERE title = 'Kỷ luật lần hai';
-- what migrations 30 and later made goes too (a migration added after 30
-- that creates something adds its DROP here)
DROP INDEX case_by_link;
DROP TABLE petition_scan;
DROP TABLE case_inspection;
-- a database of schema 29 had its counters made by older definitions
DELETE FROM meta WHERE key = 'counter_triggers';
PRAGMA user_version = 29;
SQL
# opening the database migrates it
"$HOSO" case list --kind khieu_nai --json >list.json
expect_status 0 test "$(sqlite3 "$HOSO_DB" 'PRAGMA user_version')" -ge 30
python3 - "$d1" "$d2" <<'PY' && ok || fail "the complaints migrated: $(head -c 800 list.json)"
import json, sys
d1, d2 = int(sys.argv[1]), int(sys.argv[2])
l = json.load(open("list.json"))
cases = l["cases"] if isinstance(l, dict) else l
assert len(cases) == 2, cases
by = {c["number"]: c for c in cases}
assert set(by) == {"KN-2024-0001", "KN-2024-0002"}, by
assert by["KN-2024-0001"]["state"] == "thu_ly" and by["KN-2024-0001"]["opened"] == "2024-03-20", by
assert by["KN-2024-0002"]["state"] == "dong" and by["KN-2024-0002"]["opened"] == "2024-04-01", by
PY
sqlite3 "$HOSO_DB" "SELECT c.number, c.linked_case, (SELECT count(*) FROM case_subject s WHERE s.case_id = c.id AND s.person_id = $p1), (SELECT group_concat(coalesce(e.from_state, '-') || '>' || e.to_state || '@' || e.on_date, ' ') FROM case_event e WHERE e.case_id = c.id) FROM case_file c WHERE c.kind = 'khieu_nai' ORDER BY c.number" >kn.txt
expect_status 0 grep -qx "KN-2024-0001|$d1|1|->thu_ly@2024-03-20" kn.txt
expect_status 0 grep -qx "KN-2024-0002|$d2|1|->thu_ly@2024-04-01 thu_ly>quyet_dinh@2024-06-10 quyet_dinh>dong@2024-06-10" kn.txt
# the discipline waiting on its complaint is back where it was; its history kept
expect_status 0 test "$(sqlite3 "$HOSO_DB" "SELECT state FROM case_file WHERE id = $d1")" = quyet_dinh
expect_status 0 test "$(sqlite3 "$HOSO_DB" "SELECT count(*) FROM case_event WHERE case_id = $d1 AND to_state = 'khieu_nai'")" = 1
expect_status 0 test "$(sqlite3 "$HOSO_DB" "SELECT state FROM case_file WHERE id = $d2")" = dong
# a new complaint case continues the register's numbers
expect_status 0 "$HOSO" case new --kind khieu_nai --title "Khiếu nại mới" --org X1 --opened 2024-07-01 --subject-person "$p1"
expect_status 0 test "$(sqlite3 "$HOSO_DB" "SELECT number FROM case_file WHERE title = 'Khiếu nại mới'")" = KN-2024-0003
# the counters agree with the records; the report counts the complaints
expect_status 0 "$HOSO" report verify
"$HOSO" report run --org X1 --from 2024-01-01 --to 2024-12-31 --json >rep.json || fail "report"
python3 - <<'PY' && ok || fail "the complaint figures: $(head -c 400 rep.json)"
import json
r = json.load(open("rep.json"))
figs = {f["code"]: f for f in r["figures"]}
assert figs["kn_nhan"]["total"] == 3, figs["kn_nhan"]
assert figs["kn_giai_quyet"]["total"] == 1, figs["kn_giai_quyet"]
PY
# the old state is gone from the discipline's steps
expect_status 1 "$HOSO" case step "$d1" --to khieu_nai

start_server
J='Content-Type: application/json'
login_users cv.x1 ld.x1 xem.x1 cv.x2
post() { # USER PATH BODY STATUS
  expect_http "$4" -b "$1.jar" -X POST -H "$J" -H "X-CSRF-Token: $(cat "$1.csrf")" --data "$3" "$base$2"
}
# the discipline and its complaint name each other
kn1=$(sqlite3 "$HOSO_DB" "SELECT id FROM case_file WHERE number = 'KN-2024-0001'")
expect_http 200 -b cv.x1.jar "$base/api/cases/$d1"
python3 - "$kn1" <<'PY' && ok || fail "related of the discipline: $(head -c 600 body.txt)"
import json, sys
b = json.load(open("body.txt"))
rel = [(r["id"], r["relation"], r["kind"], r["state_name"]) for r in b["related"]]
assert rel == [(int(sys.argv[1]), "linked_from", "khieu_nai", "Đã thụ lý")], rel
PY
expect_http 200 -b cv.x1.jar "$base/api/cases/$kn1"
python3 - "$d1" <<'PY' && ok || fail "related of the complaint: $(head -c 600 body.txt)"
import json, sys
b = json.load(open("body.txt"))
rel = [(r["id"], r["relation"], r["kind_name"]) for r in b["related"]]
assert rel == [(int(sys.argv[1]), "linked", "Kỷ luật")], rel
PY

# a denunciation of p1, concluded: one point found partly true
"$HOSO" case new --kind to_cao --title "Giải quyết tố cáo" --org X1 --subject-person "$p1" >/dev/null || fail "denunciation"
den=$(sqlite3 "$HOSO_DB" "SELECT max(id) FROM case_file")
post cv.x1 "/api/cases/$den/discipline-case" '{"title": "Xem xét kỷ luật"}' 409
expect_body '"field":"state"'
expect_body 'Chỉ mở hồ sơ kỷ luật sau khi đã kết luận'
"$HOSO" case step "$den" --to quyet_dinh >/dev/null && "$HOSO" case step "$den" --to xac_minh >/dev/null || fail "verify"
post cv.x1 "/api/cases/$den/points" '{"content": "Nhận quà biếu"}' 201
pt=$(python3 -c 'import json; print(json.load(open("body.txt"))["id"])')
expect_http 200 -b cv.x1.jar -X PATCH -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"conclusion": "sai", "version": 1}' "$base/api/points/$pt"
"$HOSO" case step "$den" --to ket_luan --conclusion "Tố cáo sai" >/dev/null || fail "conclude"
post cv.x1 "/api/cases/$den/discipline-case" '{"title": "Xem xét kỷ luật"}' 409
expect_body '"field":"points"'
expect_http 200 -b cv.x1.jar -X PATCH -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"conclusion": "dung_mot_phan", "version": 2}' "$base/api/points/$pt"
# refusals: no title, a viewer, another commune, not a denunciation
post cv.x1 "/api/cases/$den/discipline-case" '{}' 400
expect_body '"field":"title"'
post xem.x1 "/api/cases/$den/discipline-case" '{"title": "X"}' 403
post cv.x2 "/api/cases/$den/discipline-case" '{"title": "X"}' 404
post cv.x1 "/api/cases/$d1/discipline-case" '{"title": "X"}' 409
expect_status 0 test "$(sqlite3 "$HOSO_DB" "SELECT count(*) FROM case_file WHERE linked_case = $den")" = 0
post cv.x1 "/api/cases/$den/discipline-case" '{"title": "Xem xét kỷ luật sau tố cáo"}' 201
expect_body '"number":"KL-20[0-9]{2}-[0-9]{4}"'
kl=$(python3 -c 'import json; print(json.load(open("body.txt"))["id"])')
expect_http 200 -b ld.x1.jar "$base/api/cases/$kl"
python3 - "$den" "$p1" <<'PY' && ok || fail "the discipline: $(head -c 600 body.txt)"
import json, sys
b = json.load(open("body.txt"))
assert b["kind"] == "ky_luat" and b["linked_case"] == int(sys.argv[1]) and b["org"] == "X1", b
assert [s.get("person") for s in b["subjects"]] == [int(sys.argv[2])], b["subjects"]
assert [(r["id"], r["relation"]) for r in b["related"]] == [(int(sys.argv[1]), "linked")], b["related"]
PY
expect_http 200 -b cv.x1.jar "$base/api/cases/$den"
expect_body "\"related\":\\[\\{\"id\":$kl,"
# the audit trail has its creation
expect_status 0 test "$(sqlite3 "$HOSO_DB" "SELECT count(*) FROM audit WHERE action = 'create' AND object_type = 'case' AND object_id = $kl")" = 1
stop_server
