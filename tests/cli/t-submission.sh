# Period reports submitted to the level above, approved there, and the lock
# on an approved period: from the command line and over HTTP, with bad input
# refused with the field named and nothing written.
init_db
add_tree X1 X2
echo "mat-khau-cv-x1-1" | "$HOSO" user add cv.x1 --name "Chuyên Viên" --role officer --org X1 --password-stdin >/dev/null
echo "mat-khau-ld-tu-1" | "$HOSO" user add ld.tu --name "Lãnh Đạo" --role leader --org TU --password-stdin >/dev/null
echo "mat-khau-ld-x1-1" | "$HOSO" user add ld.x1 --name "Lãnh Đạo Xã" --role leader --org X1 --password-stdin >/dev/null
c=$("$HOSO" case new --kind kiem_tra --title "Kiểm tra" --org X1 --opened 2019-05-06 --subject-org X1 | cut -d' ' -f1)
sid=$(python3 -c "import sqlite3; print(sqlite3.connect('hoso.db').execute('SELECT id FROM case_subject WHERE case_id = $c').fetchone()[0])")
count() { python3 -c "import sqlite3; print(sqlite3.connect('hoso.db').execute(\"$1\").fetchone()[0])"; }

# The command line: usage errors, then a whole round.
expect_status 2 "$HOSO" report submit --org X1
expect_status 2 "$HOSO" report submit --org X1 --period 2019-Q5
expect_status 2 "$HOSO" report approve
expect_status 1 "$HOSO" report approve abc
expect_err "bad_number"
expect_status 1 "$HOSO" report approve 999
expect_err "not_found"
expect_status 1 "$HOSO" report submit --org KHONG --period 2019
expect_err "not_found"
expect_status 0 "$HOSO" report submit --org X1 --period 2018 --note "Kỳ 2018"
s18=$(cat out.txt)
expect_status 1 "$HOSO" report submit --org X1 --period 2018
expect_err "duplicate"
expect_status 1 "$HOSO" report return "$s18"
expect_err "reason"
expect_status 0 "$HOSO" report return "$s18" --reason "Thiếu số liệu giám sát"
expect_out "returned"
expect_status 1 "$HOSO" report reopen "$s18" --reason "x"
expect_err "state"
expect_status 0 "$HOSO" report submit --org X1 --period 2018
expect_status 0 "$HOSO" report submissions --org TU --period 2018
python3 -c 'import json; j=json.load(open("out.txt")); k={c["code"]: c["submission"] for c in j["children"]}; assert k["X1"]["state"] == "submitted" and k["X2"] is None and j["submitted"] == 1 and j["total"] == 2, j' && ok || fail "who has submitted 2018: $(head -c 300 out.txt)"

# Over HTTP: X1's officer submits 2019, the Tỉnh ủy's leader approves it.
start_server
login cv.x1 mat-khau-cv-x1-1
login ld.tu mat-khau-ld-tu-1
login ld.x1 mat-khau-ld-x1-1
J='Content-Type: application/json'
post() { # USER PATH BODY STATUS
  expect_http "$4" -b "$1.jar" -X POST -H "$J" -H "X-CSRF-Token: $(cat "$1.csrf")" --data "$3" "$base$2"
}
before=$(count "SELECT count(*) FROM report_submission")
while IFS='|' read -r body code field; do
  post cv.x1 /api/report-submissions "$body" "$code"
  expect_body "\"field\":\"$field\""
  expect_body '"message":'
  expect_body '"message_en":'
done <<'BAD'
{}|400|org
{"org": "X1"}|400|from
{"org": "X1", "period": "2019-Q5"}|400|period
{"org": "X1", "period": "2019", "from": "2019-01-01"}|400|period
{"org": "X1", "from": "2019-12-31", "to": "2019-01-01"}|400|to
{"org": "X1", "from": "2019-02-30", "to": "2019-12-31"}|400|from
{"org": "X1", "period": 2019}|400|period
{"org": "X1", "period": "2019", "extra": 1}|400|extra
{"org": "X2", "period": "2019"}|404|org
BAD
post cv.x1 /api/report-submissions '{"org": "X1", "period": "2019", "note": "Báo cáo năm"}' 201
s19=$(id_of)
[ "$(count "SELECT count(*) FROM report_submission")" = $((before + 1)) ] && ok || fail "refused submissions wrote nothing"
expect_body '"kt_to_chuc":1'
post cv.x1 /api/report-submissions '{"org": "X1", "period": "2019"}' 409
expect_body '"code":"duplicate"'
while IFS='|' read -r user body code field; do
  post "$user" "/api/report-submissions/$s19" "$body" "$code"
  expect_body "\"field\":\"$field\""
done <<'BAD'
ld.tu|{"action": "approve"}|400|version
ld.tu|{"action": "ky", "version": 1}|400|action
ld.tu|{"action": "return", "version": 1}|400|reason
ld.tu|{"action": "approve", "version": 7}|409|version
ld.tu|{"action": "reopen", "reason": "x", "version": 1}|409|state
ld.x1|{"action": "approve", "version": 1}|403|submission
BAD
post cv.x1 "/api/report-submissions/$s19" '{"action": "approve", "version": 1}' 403
expect_body '"code":"denied"'
post ld.tu "/api/report-submissions/999999" '{"action": "approve", "version": 1}' 404
post ld.tu "/api/report-submissions/$s19" '{"action": "approve", "version": 1}' 200
expect_body '"state":"approved"'
expect_body '"decided_by":\{[^}]*"username":"ld.tu"'
# Locked: a finding that would change 2019's figures, a case backdated
# into 2019, are refused with a clear message, and nothing is written.
findings=$(count "SELECT count(*) FROM case_finding")
cases=$(count "SELECT count(*) FROM case_file")
v=$(curl -s -b cv.x1.jar "$base/api/cases/$c" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
post cv.x1 "/api/cases/$c/findings" "{\"text\": \"Vi phạm\", \"conclusion\": \"da_ky_luat\", \"subject\": $sid}" 409
expect_body '"code":"period_locked"'
expect_body 'khóa'
expect_body 'locked'
post cv.x1 /api/cases '{"kind": "kiem_tra", "title": "Muộn", "org": "X1", "opened": "2019-08-01", "subject_orgs": ["X1"]}' 409
expect_body '"code":"period_locked"'
[ "$(count "SELECT count(*) FROM case_finding")/$(count "SELECT count(*) FROM case_file")" = "$findings/$cases" ] && ok || fail "a locked period's refusals wrote nothing"
# What leaves the figures alone goes on.
post cv.x1 "/api/cases/$c/notes" '{"text": "Ghi chú sau khi khóa"}' 201
post cv.x1 /api/cases '{"kind": "kiem_tra", "title": "Năm sau", "org": "X1", "opened": "2020-02-03", "subject_orgs": ["X1"]}' 201
# The Tỉnh ủy sees X1 approved; re-opening needs a reason and is audited.
expect_http 200 -b ld.tu.jar "$base/api/report-submissions?org=TU&period=2019"
python3 -c 'import json; j=json.load(open("body.txt")); k={c["code"]: c["submission"] for c in j["children"]}; assert k["X1"]["state"] == "approved" and j["approved"] == 1 and j["may_decide"], j' && ok || fail "the consolidated view"
expect_http 400 -b ld.tu.jar "$base/api/report-submissions?org=TU"
post ld.tu "/api/report-submissions/$s19" '{"action": "reopen", "version": 2}' 400
post ld.tu "/api/report-submissions/$s19" '{"action": "reopen", "reason": "Bổ sung kết luận", "version": 2}' 200
expect_body '"state":"reopened"'
post cv.x1 "/api/cases/$c/findings" "{\"text\": \"Vi phạm\", \"conclusion\": \"da_ky_luat\", \"subject\": $sid}" 201
stop_server
expect_status 0 "$HOSO" audit log --limit 50 --json
python3 -c 'import json; a=[x["action"] for x in json.load(open("out.txt"))]; assert all(k in a for k in ("report_submit", "report_approve", "report_reopen", "report_return")), a' && ok || fail "every step is in the audit trail"
expect_status 0 "$HOSO" report verify
