# Corrections as a commune's officer makes them: a case's title, date and
# subjects, a finding and its conclusion, a remedy marked done by mistake,
# a letter's reminder dated in the past; withdrawals with a reason, kept
# and audited, out of every figure; out of scope, above clearance and on a
# closed case refused, and refused the same as a missing record.
init_db
add_tree X1 X2
add_users 123 "cv.x1 officer X1 thuong" "ld.x1 leader X1 mat" "xem.x1 viewer X1 thuong" "cv.x2 officer X2 thuong"
p1=$("$HOSO" person add --name "Lò Văn Muôn" --org X1)
p2=$("$HOSO" person add --name "Lò Văn Pánh" --org X2)
start_server
J='Content-Type: application/json'
login_users cv.x1 ld.x1 xem.x1 cv.x2
send() { # USER METHOD PATH BODY STATUS
  expect_http "$5" -b "$1.jar" -X "$2" -H "$J" -H "X-CSRF-Token: $(cat "$1.csrf")" --data "$4" "$base$3"
}
refused() { # USER METHOD PATH BODY STATUS FIELD: refused, naming the field
  send "$1" "$2" "$3" "$4" "$5"
  expect_body "\"field\":\"$6\""
}
view() { # USER CASE: the case's JSON in body.txt
  expect_http 200 -b "$1.jar" "$base/api/cases/$2"
}
jq_() { python3 -c "import json,sys; c=json.load(open('body.txt')); print($1)"; }
# the officer's inspection, with a typo in its title; its twin in X2 and a
# mật one in X1 (above the officer's clearance)
send cv.x1 POST /api/cases '{"kind": "kiem_tra", "title": "Kiểm tra chi bộ bản Nà (sai)", "org": "X1", "subject_orgs": ["X1"], "opened": "2024-03-04"}' 201
k=$(id_of)
send cv.x2 POST /api/cases '{"kind": "kiem_tra", "title": "Kiểm tra xã B", "org": "X2", "subject_orgs": ["X2"]}' 201
k2=$(id_of)
send ld.x1 POST /api/cases '{"kind": "kiem_tra", "title": "Kiểm tra (mật)", "org": "X1", "confidentiality": 1}' 201
km=$(id_of)
# the title corrected: only what is sent changes; audited before and after
send cv.x1 PATCH "/api/cases/$k" '{"title": "Kiểm tra chi bộ bản Nà", "version": 1}' 200
view cv.x1 "$k"
[ "$(jq_ 'c["title"], c["version"], c["opened"]')" = "Kiểm tra chi bộ bản Nà 2 2024-03-04" ] && ok || fail "title: $(head -c 300 body.txt)"
d=$(sqlite3 "$HOSO_DB" "SELECT detail FROM audit WHERE action = 'edit' AND object_id = $k")
python3 - "$d" <<'PY' && ok || fail "audit of the edit: $d"
import json, sys
d = json.loads(sys.argv[1])
assert d["record"] == "case" and d["changes"] == {"title": {"before": "Kiểm tra chi bộ bản Nà (sai)", "after": "Kiểm tra chi bộ bản Nà"}}, d
PY
send cv.x1 PATCH "/api/cases/$k" '{"title": "Khác", "version": 1}' 409
refused cv.x1 PATCH "/api/cases/$k" '{"title": "  ", "version": 2}' 400 title
refused cv.x1 PATCH "/api/cases/$k" '{"colour": "đỏ"}' 400 colour
refused cv.x1 PATCH "/api/cases/$k" '{"opened": "2031-02-30"}' 400 opened
refused cv.x1 PATCH "/api/cases/$k" '{"opened": "2099-01-01", "version": 2}' 400 opened
expect_body 'sau hôm nay'
refused cv.x1 PATCH "/api/cases/$k" '{"org": "X2", "version": 2}' 404 org
send xem.x1 PATCH "/api/cases/$k" '{"title": "Xem"}' 403
# a person of X2 is not the officer's to add; one of X1 is
refused cv.x1 PATCH "/api/cases/$k" "{\"subject_persons\": [$p2], \"version\": 2}" 404 subject_persons
send cv.x1 PATCH "/api/cases/$k" "{\"subject_persons\": [$p1], \"version\": 2}" 200
refused cv.x1 PATCH "/api/cases/$k" "{\"subject_persons\": [$p1], \"version\": 3}" 409 subject_persons
# out of scope and above clearance: exactly as a case that does not exist
expect_missing -b cv.x1.jar -X PATCH -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"title": "X"}' "$base/api/cases/999999"
expect_as_missing "another commune's case" -b cv.x1.jar -X PATCH -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"title": "X"}' "$base/api/cases/$k2"
expect_as_missing "a mật case" -b cv.x1.jar -X PATCH -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"title": "X"}' "$base/api/cases/$km"
# a finding about the commune, a remedy; the conclusion that calls for
# discipline is the leader's to set, in an edit too
view cv.x1 "$k"
s_org=$(jq_ '[s["id"] for s in c["subjects"] if s.get("org")][0]')
s_per=$(jq_ '[s["id"] for s in c["subjects"] if s.get("person")][0]')
send cv.x1 POST "/api/cases/$k/findings" "{\"text\": \"Chưa họp chi bộ định kỳ\", \"conclusion\": \"vi_pham_chua_den_muc\", \"subject\": $s_org}" 201
f=$(id_of)
refused cv.x1 PATCH "/api/findings/$f" '{"conclusion": "vi_pham_phai_ky_luat", "version": 1}' 403 conclusion
refused cv.x1 PATCH "/api/findings/$f" '{"conclusion": "khong_ro", "version": 1}' 400 conclusion
refused cv.x1 PATCH "/api/findings/$f" '{"subject": 999999, "version": 1}' 404 subject
send cv.x1 PATCH "/api/findings/$f" '{"text": "Chưa họp chi bộ định kỳ hằng tháng", "version": 1}' 200
send cv.x1 POST "/api/findings/$f/remedies" '{"action": "Họp chi bộ hằng tháng", "owner": "Chi ủy", "due": "2024-06-30"}' 201
r=$(id_of)
# "done" recorded by mistake, then undone: the result goes with it
send cv.x1 POST "/api/remedies/$r" '{"result": "Đã họp", "date": "2024-05-02", "version": 1}' 200
send cv.x1 PATCH "/api/remedies/$r" '{"done": null, "version": 1}' 409
send cv.x1 PATCH "/api/remedies/$r" '{"done": null, "version": 2}' 200
view cv.x1 "$k"
[ "$(jq_ '[(x["done"], x["result"], x["version"]) for x in c["findings"][0]["remedies"]]')" = "[(None, None, 3)]" ] && ok || fail "remedy undone: $(head -c 400 body.txt)"
d=$(sqlite3 "$HOSO_DB" "SELECT detail FROM audit WHERE action = 'edit' AND detail LIKE '%\"remedy\"%'")
python3 - "$d" <<'PY' && ok || fail "audit of the undo: $d"
import json, sys
d = json.loads(sys.argv[1])["changes"]
assert d == {"done": {"before": "2024-05-02", "after": None}, "result": {"before": "Đã họp", "after": None}}, d
PY
refused cv.x1 PATCH "/api/remedies/$r" '{"done": "2024-05-03", "version": 3}' 400 result
refused cv.x1 PATCH "/api/remedies/$r" '{"due": "2020-01-01", "version": 3}' 400 due
# the finding counts in the inspection figures until it is withdrawn
vp() { sqlite3 "$HOSO_DB" "SELECT coalesce(sum(n), 0) FROM counter WHERE metric = 'kt_to_chuc_vi_pham'"; }
[ "$(vp)" = 1 ] && ok || fail "figure before: $(vp)"
refused cv.x1 POST "/api/findings/$f/withdraw" '{"version": 2}' 400 reason
send cv.x1 POST "/api/findings/$f/withdraw" '{"reason": "Nhập nhầm đối tượng", "version": 1}' 409
expect_missing -b cv.x1.jar -X POST -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"reason": "x", "version": 1}' "$base/api/findings/999999/withdraw"
send cv.x2 POST "/api/cases/$k2/findings" '{"text": "Nhận xét xã B", "conclusion": "khong_vi_pham"}' 201
f2=$(id_of)
expect_as_missing "another commune's finding" -b cv.x1.jar -X POST -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"reason": "x", "version": 1}' "$base/api/findings/$f2/withdraw"
send xem.x1 POST "/api/findings/$f/withdraw" '{"reason": "x", "version": 2}' 403
# a subject with findings standing is not withdrawn
send cv.x1 POST "/api/subjects/$s_org/withdraw" '{"reason": "Nhầm", "version": 1}' 409
send cv.x1 POST "/api/findings/$f/withdraw" '{"reason": "Nhập nhầm đối tượng", "version": 2}' 200
[ "$(vp)" = 0 ] && ok || fail "figure after: $(vp)"
view cv.x1 "$k"
python3 - <<'PY' && ok || fail "withdrawn finding: $(head -c 600 body.txt)"
import json
c = json.load(open("body.txt"))
f = c["findings"][0]
assert f["withdrawn_at"] and f["withdraw_reason"] == "Nhập nhầm đối tượng" and f["withdrawn_by"], f
assert f["remedies"][0]["withdrawn_at"] and f["remedies"][0]["withdraw_reason"] == "Nhập nhầm đối tượng", f
PY
send cv.x1 POST "/api/findings/$f/withdraw" '{"reason": "Lần nữa", "version": 3}' 409
send cv.x1 PATCH "/api/findings/$f" '{"text": "Sửa", "version": 3}' 409
send cv.x1 POST "/api/findings/$f/remedies" '{"action": "X", "owner": "Y", "due": "2024-06-30"}' 409
[ "$(sqlite3 "$HOSO_DB" "SELECT count(*) FROM audit WHERE action = 'withdraw' AND detail LIKE '%Nhập nhầm đối tượng%'")" = 1 ] && ok || fail "withdrawal audited"
"$HOSO" report verify >out.txt 2>err.txt && ok || fail "report verify: $(head -c 300 out.txt err.txt)"
# the person subject withdrawn; adding the person again is allowed then
send cv.x1 POST "/api/subjects/$s_per/withdraw" '{"reason": "Không phải đối tượng", "version": 1}' 200
send cv.x1 PATCH "/api/cases/$k" "{\"subject_persons\": [$p1]}" 200
# a document and a note, corrected and withdrawn
send cv.x1 POST "/api/cases/$k/documents" '{"title": "Quyết định kiểm tra", "date": "2024-03-05"}' 201
doc=$(id_of)
send cv.x1 PATCH "/api/documents/$doc" '{"number": "Số 15-QĐ/UBKT", "version": 1}' 200
send cv.x1 POST "/api/documents/$doc/withdraw" '{"reason": "Trùng", "version": 2}' 200
send cv.x1 POST "/api/cases/$k/notes" '{"text": "Ghi nhầm hồ sơ"}' 201
note=$(id_of)
send cv.x1 POST "/api/notes/$note/withdraw" '{"reason": "Nhầm hồ sơ", "version": 1}' 200
view cv.x1 "$k"
[ "$(jq_ 'c["documents"][0]["number"], c["documents"][0]["withdraw_reason"], c["notes"][0]["withdraw_reason"]')" = "Số 15-QĐ/UBKT Trùng Nhầm hồ sơ" ] && ok || fail "document and note: $(head -c 600 body.txt)"
# a background check's letter: its reminder dated in the past needs a
# confirmation; the letter's date corrected
send cv.x1 POST /api/cases '{"kind": "tham_tra_ly_lich", "title": "Thẩm tra lý lịch", "org": "X1", "opened": "2024-03-04"}' 201
t=$(id_of)
send cv.x1 POST "/api/cases/$t/letters" '{"recipient": "Công an xã", "sent": "2024-03-06"}' 201
l=$(id_of)
refused cv.x1 POST "/api/letters/$l" '{"action": "remind", "date": "2024-04-10", "version": 1}' 400 date
expect_body 'xác nhận'
send cv.x1 POST "/api/letters/$l" '{"action": "remind", "date": "2024-04-10", "version": 1, "confirm_past": true}' 200
refused cv.x1 PATCH "/api/letters/$l" '{"sent": "2024-04-11", "version": 2}' 400 sent
send cv.x1 PATCH "/api/letters/$l" '{"sent": "2024-03-05", "recipient": "Công an xã A", "version": 2}' 200
send cv.x1 POST "/api/cases/$t/relatives" '{"relation": "bo", "full_name": "Lò Văn Bố"}' 201
rel=$(id_of)
refused cv.x1 PATCH "/api/relatives/$rel" '{"relation": "ong", "version": 1}' 400 relation
send cv.x1 PATCH "/api/relatives/$rel" '{"full_name": "Lò Văn Bổ", "version": 1}' 200
send cv.x1 POST "/api/letters/$l/withdraw" '{"reason": "Gửi nhầm nơi", "version": 3}' 200
expect_http 200 -b cv.x1.jar "$base/api/letters?level=early"
expect_body '"items":\[\]'
# a closed case refuses corrections until a leader reopens it
view ld.x1 "$k"
send ld.x1 POST "/api/cases/$k/transition" "{\"to\": \"huy\", \"note\": \"Hủy\", \"version\": $(jq_ 'c["version"]')}" 200
refused cv.x1 PATCH "/api/cases/$k" '{"title": "Sau khi hủy"}' 409 state
send cv.x1 POST "/api/subjects/$s_org/withdraw" '{"reason": "x", "version": 1}' 409
# the CLI's corrections, as the operator
"$HOSO" case edit "$k2" --title "Kiểm tra xã B (sửa)" >out.txt 2>err.txt && ok || fail "case edit: $(cat err.txt)"
"$HOSO" case show "$k2" --json >out.txt && grep -q 'Kiểm tra xã B (sửa)' out.txt && ok || fail "case edit shown"
expect_status 0 "$HOSO" case withdraw-finding "$f2" --reason "Nhập nhầm"
expect_status 2 "$HOSO" case withdraw-finding "$f2"
stop_server
