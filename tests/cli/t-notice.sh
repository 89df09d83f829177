# Who acts next, and the inbox, as a commune's officer and leaders see them:
# notices for a case waiting for a leader, for work assigned, for the next
# officer step, for a deadline passed (and its escalation to the leader of
# the handling organisation); none for the author, none outside scope or
# above clearance; read marks; the step's author in the history.
init_db
add_tree X1 X2
add_users 123 "cv.x1 officer X1 thuong" "ld.x1 leader X1 mat" "ld.x1t leader X1 thuong" "ld.x2 leader X2 mat"
start_server
J='Content-Type: application/json'
login_users cv.x1 ld.x1 ld.x1t ld.x2
post() { # USER PATH BODY STATUS
  expect_http "$4" -b "$1.jar" -X POST -H "$J" -H "X-CSRF-Token: $(cat "$1.csrf")" --data "$3" "$base$2"
}
inbox() { # USER [QUERY]
  expect_http 200 -b "$1.jar" "$base/api/notices${2:-}"
}
# an inspection opened by the officer waits for the leaders' decision
post cv.x1 /api/cases '{"kind": "kiem_tra", "title": "Kiểm tra chi bộ bản Na", "org": "X1", "subject_orgs": ["X1"]}' 201
k=$(id_of)
expect_http 200 -b cv.x1.jar "$base/api/cases/$k"
python3 - <<'PY' && ok || fail "next: $(head -c 600 body.txt)"
import json
n = json.load(open("body.txt"))["next"]
assert n["waiting_for"] == "leader" and n["step"]["to"] == "quyet_dinh", n
assert n["text"] == "Chờ lãnh đạo: Ra quyết định kiểm tra", n
assert sorted(a["username"] for a in n["actors"]) == ["ld.x1", "ld.x1t"], n
PY
for u in ld.x1 ld.x1t; do
  inbox $u
  python3 - "$k" <<'PY' && ok || fail "waiting notice: $(head -c 600 body.txt)"
import json, sys
b = json.load(open("body.txt"))
assert b["unread"] == 1 and len(b["notices"]) == 1, b
n = b["notices"][0]
assert n["kind"] == "waiting" and n["case"]["id"] == int(sys.argv[1]) and not n["read"], n
assert "chờ bạn: Ra quyết định kiểm tra" in n["text"] and "waits for you" in n["text_en"], n
PY
done
for u in cv.x1 ld.x2; do
  inbox $u
  expect_body '"unread":0'
done
# the leader's list of what waits for them; not the officer's, yet
waits() { # USER: the ids of the cases waiting for USER
  expect_http 200 -b "$1.jar" "$base/api/cases?waiting=1"
  python3 -c 'import json; print(" ".join(str(c["id"]) for c in json.load(open("body.txt"))["cases"]))'
}
[ "$(waits ld.x1)" = "$k" ] && ok || fail "ld.x1 waiting list: $(head -c 300 body.txt)"
[ -z "$(waits cv.x1)" ] && ok || fail "cv.x1 waiting list: $(head -c 300 body.txt)"
[ -z "$(waits ld.x2)" ] && ok || fail "ld.x2 waiting list: $(head -c 300 body.txt)"
expect_http 400 -b cv.x1.jar "$base/api/cases?waiting=2"
expect_body '"field":"waiting"'
# who may be assigned: officers and leaders of the scope, by clearance
expect_http 200 -b cv.x1.jar "$base/api/cases/$k/assignable"
python3 -c 'import json; u=[x["username"] for x in json.load(open("body.txt"))["users"]]; assert sorted(u) == ["cv.x1", "ld.x1", "ld.x1t"], u' && ok || fail "assignable: $(head -c 300 body.txt)"
expect_http 404 -b ld.x2.jar "$base/api/cases/$k/assignable"
# a mật case waits for the mật leader only; the thường one is not told
post cv.x1 /api/cases '{"kind": "kiem_tra", "title": "Kiểm tra mật", "org": "X1", "confidentiality": 1}' 403
post ld.x1 /api/cases '{"kind": "giam_sat", "title": "Giám sát chuyên đề (mật)", "org": "X1", "confidentiality": 1}' 201
inbox ld.x1t "?limit=0"
expect_body '"unread":1'
expect_body '"notices":\[\]'

expect_http 200 -b ld.x1.jar "$base/api/cases?kind=giam_sat"
gs=$(python3 -c 'import json; print(json.load(open("body.txt"))["cases"][0]["id"])')
expect_http 200 -b ld.x1.jar "$base/api/cases/$gs/assignable"
python3 -c 'import json; u=[x["username"] for x in json.load(open("body.txt"))["users"]]; assert u == ["ld.x1"], u' && ok || fail "assignable (mật): $(head -c 300 body.txt)"
# assigning tells the officer; the next step, the officer's, is theirs
expect_http 200 -b ld.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat ld.x1.csrf)" --data '{"users": ["cv.x1"], "version": 1}' "$base/api/cases/$k/assignees"
post ld.x1 "/api/cases/$k/transition" '{"to": "quyet_dinh", "note": "Quyết định số 12", "version": 2}' 200
inbox cv.x1
python3 - <<'PY' && ok || fail "officer's notices: $(head -c 800 body.txt)"
import json
b = json.load(open("body.txt"))
assert b["unread"] == 2, b
assert [n["kind"] for n in b["notices"]] == ["waiting", "assigned"], b
assert "Bạn được giao hồ sơ KT-" in b["notices"][1]["text"], b
assert "chờ bạn: Đối tượng tự kiểm điểm" in b["notices"][0]["text"], b
PY
[ "$(waits cv.x1)" = "$k" ] && ok || fail "cv.x1 waiting list after assignment: $(head -c 300 body.txt)"
[ -z "$(waits ld.x1t)" ] || [ "$(waits ld.x1t)" != "$k" ] && ok || fail "ld.x1t waiting list"
expect_http 200 -b cv.x1.jar "$base/api/cases/$k"
python3 - <<'PY' && ok || fail "history authors: $(head -c 800 body.txt)"
import json
c = json.load(open("body.txt"))
assert c["next"]["waiting_for"] == "officer" and [a["username"] for a in c["next"]["actors"]] == ["cv.x1"], c["next"]
h = c["history"]
assert h[0]["username"] == "cv.x1" and h[-1]["username"] == "ld.x1" and h[-1]["user_name"] == "Người Dùng", h
PY
# read marks: one, then all; only one's own
first=$(python3 -c 'import json; print(json.load(open("body.txt"))["history"][0]["user"])')
inbox cv.x1
nid=$(python3 -c 'import json; print(json.load(open("body.txt"))["notices"][0]["id"])')
post ld.x2 /api/notices/read "{\"id\": $nid}" 200
inbox cv.x1 "?limit=0"
expect_body '"unread":2'
post cv.x1 /api/notices/read "{\"id\": $nid}" 200
inbox cv.x1 "?unread=1"
expect_body '"unread":1'
python3 -c 'import json; b=json.load(open("body.txt")); assert [n["kind"] for n in b["notices"]] == ["assigned"], b' && ok || fail "unread only: $(head -c 300 body.txt)"
post cv.x1 /api/notices/read '{}' 200
inbox cv.x1 "?limit=0"
expect_body '"unread":0'
post cv.x1 /api/notices/read '{"id": "x"}' 400
expect_body '"field":"id"'
expect_http 400 -b cv.x1.jar "$base/api/notices?limit=500"
expect_body '"field":"limit"'
# an appraisal past its 5 working days: the assignee is told it is overdue,
# and the leader of the handling organisation gets the escalation
post ld.x1 /api/cases '{"kind": "tham_dinh", "subtype": "bo_nhiem", "title": "Thẩm định bổ nhiệm", "org": "X1", "opened": "2024-06-03"}' 201
td=$(id_of)
expect_http 200 -b ld.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat ld.x1.csrf)" --data '{"users": ["cv.x1"], "version": 1}' "$base/api/cases/$td/assignees"
inbox cv.x1
python3 - <<'PY' && ok || fail "overdue notice: $(head -c 800 body.txt)"
import json
b = json.load(open("body.txt"))
kinds = [n["kind"] for n in b["notices"] if n["case"]["title"] == "Thẩm định bổ nhiệm"]
assert "overdue" in kinds and "assigned" in kinds, b
n = [n for n in b["notices"] if n["kind"] == "overdue"][0]
assert "đã quá hạn" in n["text"] and "is overdue" in n["text_en"], n
PY
inbox ld.x1
python3 -c 'import json; b=json.load(open("body.txt")); assert any(n["kind"] == "escalated" and "Báo lãnh đạo" in n["text"] for n in b["notices"]), b' && ok || fail "escalated: $(head -c 600 body.txt)"
inbox ld.x2
expect_body '"unread":0'
# the same poll again makes no second notice
inbox cv.x1 "?limit=0"
n1=$(python3 -c 'import json; print(json.load(open("body.txt"))["unread"])')
inbox cv.x1 "?limit=0"
expect_body "\"unread\":$n1"
# classified above the officer's clearance: its notices are no longer shown
expect_http 200 -b ld.x1.jar "$base/api/cases/$td"
v=$(python3 -c 'import json; print(json.load(open("body.txt"))["version"])')
expect_http 200 -b ld.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat ld.x1.csrf)" --data "{\"confidentiality\": 1, \"version\": $v, \"reason\": \"Hồ sơ nhân sự\"}" "$base/api/cases/$td/confidentiality"
inbox cv.x1
expect_body '"unread":0'
python3 -c 'import json; b=json.load(open("body.txt")); assert all(n["case"]["title"] != "Thẩm định bổ nhiệm" for n in b["notices"]), b' && ok || fail "hidden case's notices shown: $(head -c 400 body.txt)"
# the other deadlines of an assigned case tell its assignee too: a
# verification letter unanswered, a traveller's missing return report, a
# remedy past its date; the overdue ones are escalated to the leader
ago() { python3 -c "import datetime,sys; print((datetime.datetime.utcnow() + datetime.timedelta(hours=7) - datetime.timedelta(days=int(sys.argv[1]))).date())" "$1"; }
assign() { # CASE VERSION
  expect_http 200 -b ld.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat ld.x1.csrf)" --data "{\"users\": [\"cv.x1\"], \"version\": $2}" "$base/api/cases/$1/assignees"
}
post cv.x1 /api/cases "{\"kind\": \"tham_tra_ly_lich\", \"title\": \"Thẩm tra lý lịch quần chúng Lò Thị Én\", \"org\": \"X1\", \"opened\": \"$(ago 90)\"}" 201
tt=$(id_of)
post cv.x1 "/api/cases/$tt/letters" "{\"recipient\": \"Công an huyện Tuần Giáo\", \"about\": \"Bố đẻ\", \"sent\": \"$(ago 80)\"}" 201
assign "$tt" 1
p1=$("$HOSO" person add --name "Lò Văn Muôn" --org X1)
post cv.x1 /api/cases "{\"kind\": \"ra_nuoc_ngoai\", \"subtype\": \"viec_rieng\", \"title\": \"Đi Lào thăm thân\", \"org\": \"X1\", \"opened\": \"$(ago 90)\"}" 201
trip=$(id_of)
post cv.x1 "/api/cases/$trip/transition" "{\"to\": \"y_kien_chi_bo\", \"version\": 1, \"date\": \"$(ago 90)\"}" 200
expect_http 200 -b cv.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data "{\"purpose\": \"tham_than\", \"countries\": \"Lào\", \"depart\": \"$(ago 90)\", \"come_back\": \"$(ago 60)\"}" "$base/api/cases/$trip/trip"
post cv.x1 "/api/cases/$trip/travellers" "{\"person\": $p1, \"commitment\": 1}" 201
tr=$(id_of)
post ld.x1 "/api/cases/$trip/transition" "{\"to\": \"dong_y\", \"version\": 2, \"date\": \"$(ago 90)\"}" 200
post cv.x1 "/api/cases/$trip/transition" "{\"to\": \"dang_di\", \"version\": 3, \"date\": \"$(ago 90)\"}" 200
post cv.x1 "/api/cases/$trip/transition" "{\"to\": \"da_ve\", \"version\": 4, \"date\": \"$(ago 60)\"}" 200
post cv.x1 "/api/travellers/$tr" "{\"event\": \"departed\", \"date\": \"$(ago 90)\", \"version\": 1}" 200
post cv.x1 "/api/travellers/$tr" "{\"event\": \"returned\", \"date\": \"$(ago 60)\", \"version\": 2}" 200
assign "$trip" 5
expect_http 200 -b cv.x1.jar "$base/api/cases/$k"
assign "$k" "$(python3 -c 'import json; print(json.load(open("body.txt"))["version"])')"
post cv.x1 "/api/cases/$k/findings" '{"text": "Chưa sinh hoạt chi bộ đúng kỳ", "conclusion": "vi_pham_chua_den_muc"}' 201
post cv.x1 "/api/findings/$(id_of)/remedies" "{\"action\": \"Tổ chức lại sinh hoạt chi bộ\", \"owner\": \"Bí thư chi bộ\", \"due\": \"$(ago -30)\"}" 201
# a month goes by
python3 -c "import sqlite3,sys; db=sqlite3.connect('hoso.db'); db.execute('UPDATE case_remedy SET due = ? WHERE id = ?', (sys.argv[1], int(sys.argv[2]))); db.commit()" "$(ago 30)" "$(id_of)"
inbox cv.x1 "?limit=100"
python3 - <<'PY' && ok || fail "letter, report and remedy notices: $(head -c 1200 body.txt)"
import json
b = json.load(open("body.txt"))
over = [n["text"] for n in b["notices"] if n["kind"] == "overdue"]
assert any("Công an huyện Tuần Giáo" in t and "đã quá hạn" in t for t in over), over
assert any("Lò Văn Muôn" in t and "Nộp báo cáo sau chuyến đi" in t for t in over), over
assert any('Khắc phục "Tổ chức lại sinh hoạt chi bộ"' in t for t in over), over
en = [n["text_en"] for n in b["notices"] if n["kind"] == "overdue"]
assert any("Return report after the trip" in t and "is overdue" in t for t in en), en
PY
inbox ld.x1 "?limit=100"
python3 -c 'import json; b=json.load(open("body.txt")); t=[n["text"] for n in b["notices"] if n["kind"] == "escalated"]; assert any("Công an huyện Tuần Giáo" in x for x in t) and any("Khắc phục" in x for x in t) and all(x.startswith("Báo lãnh đạo") for x in t), t' && ok || fail "escalated to the leader: $(head -c 800 body.txt)"
inbox ld.x2 "?limit=100"
python3 -c 'import json; b=json.load(open("body.txt")); assert not [n for n in b["notices"] if "Tuần Giáo" in n["text"] or "Khắc phục" in n["text"]], b' && ok || fail "another commune's leader told"
# polled again: no second notice of the same item
inbox cv.x1 "?limit=0"
n1=$(python3 -c 'import json; print(json.load(open("body.txt"))["unread"])')
inbox cv.x1 "?limit=0"
expect_body "\"unread\":$n1"
# not for the local console
"$HOSO" user list >/dev/null && ok || fail "user list"
stop_server
