# Cases over HTTP: open, read, list, steps, notes, documents; scope,
# clearance and roles; bad input refused with the field named.
init_db
add_tree X1 X2
p1=$("$HOSO" person add --name "Lò Văn Muôn" --org X1)
p2=$("$HOSO" person add --name "Quàng Thị Hoa" --org X2)
add_users 123 "cv.x1 officer X1 thuong" "ld.x1 leader X1 mat" "xem.x1 viewer X1 thuong" "cv.x2 officer X2 thuong" "kiem.toan auditor TU toi_mat"
start_server
J='Content-Type: application/json'
login_users cv.x1 ld.x1 xem.x1 cv.x2 kiem.toan
post() { # USER PATH BODY
  expect_http "$4" -b "$1.jar" -X POST -H "$J" -H "X-CSRF-Token: $(cat "$1.csrf")" --data "$3" "$base$2"
}
expect_http 200 -b xem.x1.jar "$base/api/case-kinds"
python3 -c 'import json; k=json.load(open("body.txt"))["kinds"]; assert [x["code"] for x in k][:2] == ["kiem_tra", "giam_sat"] and len(k) == 9 and k[7]["code"] == "to_cao" and k[0]["states"][0]["code"] == "ke_hoach"' && ok || fail "case-kinds"
# open
post cv.x1 /api/cases "{\"kind\": \"kiem_tra\", \"subtype\": \"dau_hieu_vi_pham\", \"title\": \"Kiểm tra  khi có dấu hiệu vi phạm\", \"org\": \"X1\", \"opened\": \"2024-03-01\", \"subject_orgs\": [\"X1\"], \"subject_persons\": [$p1]}" 201
expect_body '"number":"KT-2024-0001"'
c1=$(id_of)
post ld.x1 /api/cases '{"kind": "giam_sat", "title": "Giám sát chuyên đề (mật)", "org": "X1", "confidentiality": 1}' 201
c2=$(id_of)
post cv.x2 /api/cases '{"kind": "kiem_tra", "title": "Kiểm tra ở xã B", "org": "X2"}' 201
c3=$(id_of)
# who may open: not a viewer, not an auditor; not above one's clearance; not outside scope
post xem.x1 /api/cases '{"kind": "kiem_tra", "title": "X", "org": "X1"}' 403
post kiem.toan /api/cases '{"kind": "kiem_tra", "title": "X", "org": "X1"}' 403
post cv.x1 /api/cases '{"kind": "kiem_tra", "title": "X", "org": "X1", "confidentiality": 1}' 403
expect_body '"field":"confidentiality"'
post cv.x1 /api/cases '{"kind": "kiem_tra", "title": "X", "org": "X2"}' 404
post cv.x1 /api/cases "{\"kind\": \"kiem_tra\", \"title\": \"X\", \"org\": \"X1\", \"subject_persons\": [$p2]}" 404
expect_body '"field":"subject_persons"'
expect_http 403 -b cv.x1.jar -X POST -H "$J" --data '{"kind": "kiem_tra", "title": "X", "org": "X1"}' "$base/api/cases"
expect_body '"code":"csrf"'
# bad input: 4xx naming the field, never a 500
while IFS='|' read -r data code field; do
  post cv.x1 /api/cases "$data" "$code"
  expect_body "\"field\":\"$field\""
  expect_body '"message_en":'
done <<'CASES'
{"title": "X", "org": "X1"}|400|kind
{"kind": "kiem_toan", "title": "X", "org": "X1"}|400|kind
{"kind": "kiem_tra", "subtype": "thuong_xuyen", "title": "X", "org": "X1"}|400|subtype
{"kind": "kiem_tra", "title": "   ", "org": "X1"}|400|title
{"kind": "kiem_tra", "title": 5, "org": "X1"}|400|title
{"kind": "kiem_tra", "title": "X", "org": "X1", "opened": "31/02/2024"}|400|opened
{"kind": "kiem_tra", "title": "X", "org": "X1", "confidentiality": 7}|400|confidentiality
{"kind": "kiem_tra", "title": "X", "org": "X1", "subject_persons": ["a"]}|400|subject_persons
{"kind": "kiem_tra", "title": "X", "org": "X1", "subject_orgs": ["NOPE"]}|404|subject_orgs
{"kind": "kiem_tra", "title": "X", "org": "X1", "mau": "do"}|400|mau
{"kind": "kiem_tra", "title": "X", "org": "X1", "linked_case": 99999}|404|linked_case
CASES
expect_http 400 -b cv.x1.jar -X POST -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"kind": ' "$base/api/cases"
# read: in scope and clearance, else exactly like a missing case
expect_http 200 -b cv.x1.jar "$base/api/cases/$c1"
python3 - "$p1" <<'PY' && ok || fail "case read: $(head -c 400 body.txt)"
import json, sys
c = json.load(open("body.txt"))
assert c["title"] == "Kiểm tra khi có dấu hiệu vi phạm" and c["state"] == "ke_hoach", c
assert c["org"] == "X1" and c["org_name"] == "Đảng bộ xã A", c
assert [{k: v for k, v in x.items() if k != "id"} for x in c["subjects"]] == [
    {"org": "X1", "org_name": "Đảng bộ xã A", "version": 1, "withdrawn_at": None, "withdrawn_by": None, "withdraw_reason": None},
    {"person": int(sys.argv[1]), "full_name": "Lò Văn Muôn", "version": 1, "withdrawn_at": None, "withdrawn_by": None, "withdraw_reason": None}], c
assert all(isinstance(x["id"], int) for x in c["subjects"]), c
assert c["history"][0]["to"] == "ke_hoach" and c["history"][0]["from"] is None, c
PY
expect_hidden "an out-of-scope case" cv.x1 "$base/api/cases/99999" "$base/api/cases/$c3"
expect_as_missing "an above-clearance case" -b xem.x1.jar "$base/api/cases/$c2"
expect_http 200 -b ld.x1.jar "$base/api/cases/$c2"
expect_http 403 -b kiem.toan.jar "$base/api/cases/$c1"
expect_http 404 -b cv.x1.jar "$base/api/cases/abc"
# lists: only what the caller may see
expect_http 200 -b xem.x1.jar "$base/api/cases"
python3 -c "import json; ids=[c['id'] for c in json.load(open('body.txt'))['cases']]; assert ids == [$c1], ids" && ok || fail "viewer's list: $(head -c 300 body.txt)"
expect_http 200 -b ld.x1.jar "$base/api/cases?kind=giam_sat"
python3 -c "import json; ids=[c['id'] for c in json.load(open('body.txt'))['cases']]; assert ids == [$c2], ids" && ok || fail "leader's list"
expect_field 400 kind -b ld.x1.jar "$base/api/cases?kind=khong_co"
expect_field 400 limit -b ld.x1.jar "$base/api/cases?limit=0"
# steps: the machine, the roles, the version
step() { post "$1" "/api/cases/$c1/transition" "$2" "$3"; }
step cv.x1 '{"to": "quyet_dinh", "version": 1}' 403
step ld.x1 '{"to": "ket_luan", "version": 1}' 409
expect_body '"field":"to"'
step ld.x1 '{"to": "quyet_dinh", "version": 1, "date": "2024-02-01"}' 400
expect_body '"field":"date"'
step ld.x1 '{"to": "quyet_dinh"}' 400
expect_body '"field":"version"'
step ld.x1 '{"to": "quyet_dinh", "version": 1, "date": "2024-03-04", "note": "QĐ số 12-QĐ/UBKT"}' 200
expect_body '"version":2'
step cv.x1 '{"to": "tu_kiem_diem", "version": 1}' 409
expect_body '"field":"version"'
step cv.x1 '{"to": "tu_kiem_diem", "version": 2}' 200
step cv.x1 '{"to": "tham_tra", "version": 3}' 200
step ld.x1 '{"to": "ket_luan", "version": 4}' 400
expect_body '"field":"conclusion"'
step ld.x1 '{"to": "ket_luan", "version": 4, "conclusion": "Có vi phạm đến mức phải kỷ luật"}' 200
post cv.x2 "/api/cases/$c1/transition" '{"to": "thong_bao", "version": 5}' 404
# notes and documents
post cv.x1 "/api/cases/$c1/notes" '{"text": "Đã làm việc với đối tượng"}' 201
post cv.x1 "/api/cases/$c1/notes" '{"text": ""}' 400
post xem.x1 "/api/cases/$c1/notes" '{"text": "xem"}' 403
post cv.x1 "/api/cases/$c1/documents" '{"title": "Kết luận kiểm tra", "date": "2024-05-20", "number": "Số 15-KL/UBKT", "issuer": "UBKT Tỉnh ủy"}' 201
post cv.x1 "/api/cases/$c1/documents" '{"title": "Kết luận kiểm tra"}' 400
expect_body '"field":"date"'
expect_json "case after steps" -b xem.x1.jar "$base/api/cases/$c1" <<'PY'
assert b["state"] == "ket_luan" and b["conclusion"] == "Có vi phạm đến mức phải kỷ luật", b
assert [h["to"] for h in b["history"]] == ["ke_hoach", "quyet_dinh", "tu_kiem_diem", "tham_tra", "ket_luan"], b
assert b["documents"][0]["number"] == "Số 15-KL/UBKT" and b["notes"][0]["text"] == "Đã làm việc với đối tượng", b
PY
# the trail: every change and read, with who
expect_json "case trail" -b kiem.toan.jar "$base/api/audit?object_type=case&object_id=$c1&limit=100" <<'PY'
e = b["entries"]
acts = [(x["action"], x["username"]) for x in e]
for want in [("create", "cv.x1"), ("update", "ld.x1"), ("note", "cv.x1"), ("document", "cv.x1"), ("read", "xem.x1")]:
    assert want in acts, (want, acts)
assert ("read", "cv.x2") not in acts, acts
PY
stop_server
expect_status 0 "$HOSO" audit verify
# deadlines: a trip back 60 days ago without its report is overdue; rules
start_server
login_users ld.x1 cv.x1 xem.x1 kiem.toan admin
back=$(python3 -c 'import datetime; print((datetime.datetime.utcnow() + datetime.timedelta(hours=7) - datetime.timedelta(days=60)).date())')
opened=$(python3 -c 'import datetime; print((datetime.datetime.utcnow() + datetime.timedelta(hours=7) - datetime.timedelta(days=90)).date())')
post cv.x1 /api/cases "{\"kind\": \"ra_nuoc_ngoai\", \"subtype\": \"viec_rieng\", \"title\": \"Đi Lào thăm thân\", \"org\": \"X1\", \"opened\": \"$opened\"}" 201
t=$(id_of)
post cv.x1 "/api/cases/$t/transition" "{\"to\": \"y_kien_chi_bo\", \"version\": 1, \"date\": \"$opened\"}" 200
post ld.x1 "/api/cases/$t/transition" "{\"to\": \"dong_y\", \"version\": 2, \"date\": \"$opened\"}" 409
expect_body '"field":"trip"'
expect_http 200 -b cv.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data "{\"purpose\": \"tham_than\", \"countries\": \"Lào\", \"depart\": \"$opened\", \"come_back\": \"$back\"}" "$base/api/cases/$t/trip"
expect_field 400 purpose -b cv.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data "{\"purpose\": \"nghi\", \"countries\": \"Lào\", \"depart\": \"$opened\", \"come_back\": \"$back\"}" "$base/api/cases/$t/trip"
expect_field 400 come_back -b cv.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data "{\"purpose\": \"tham_than\", \"countries\": \"Lào\", \"depart\": \"$back\", \"come_back\": \"$opened\"}" "$base/api/cases/$t/trip"
post cv.x1 "/api/cases/$t/travellers" "{\"person\": $p1, \"commitment\": 1}" 201
tr=$(id_of)
post cv.x1 "/api/cases/$t/travellers" "{\"person\": $p1}" 409
post cv.x1 "/api/cases/$t/travellers" "{\"person\": $p2}" 404
post cv.x1 "/api/travellers/$tr" '{"event": "returned", "version": 1}' 400
expect_body '"field":"date"'
post cv.x1 "/api/travellers/$tr" '{"event": "bay", "version": 1}' 400
expect_body '"field":"event"'
post ld.x1 "/api/cases/$t/transition" "{\"to\": \"dong_y\", \"version\": 2, \"date\": \"$opened\"}" 200
post cv.x1 "/api/cases/$t/transition" "{\"to\": \"dang_di\", \"version\": 3, \"date\": \"$opened\"}" 200
post cv.x1 "/api/cases/$t/transition" "{\"to\": \"da_ve\", \"version\": 4, \"date\": \"$back\"}" 200
post cv.x1 "/api/travellers/$tr" "{\"event\": \"departed\", \"date\": \"$opened\", \"version\": 1}" 200
post cv.x1 "/api/travellers/$tr" "{\"event\": \"returned\", \"date\": \"$back\", \"version\": 2}" 200
expect_http 200 -b xem.x1.jar "$base/api/cases/$t"
expect_http 200 -b xem.x1.jar "$base/api/return-reports?level=overdue"
python3 - "$tr" <<'PY' && ok || fail "missing return reports: $(head -c 400 body.txt)"
import json, sys
items = json.load(open("body.txt"))["items"]
assert [i["traveller"]["id"] for i in items] == [int(sys.argv[1])], items
assert items[0]["traveller"]["full_name"] == "Lò Văn Muôn" and items[0]["traveller"]["deadline"]["level"] == "overdue", items
PY
expect_field 400 level -b xem.x1.jar "$base/api/return-reports?level=soon"
expect_json "trip and travellers" -b xem.x1.jar "$base/api/cases/$t" <<'PY'
assert b["trip"]["purpose"] == "tham_than" and b["trip"]["countries"] == "Lào", b["trip"]
x = b["travellers"][0]
assert x["full_name"] == "Lò Văn Muôn" and x["commitment"] and x["authority"] == "Sở Ngoại vụ", x
assert x["report_deadline"]["level"] == "overdue" and x["report_deadline"]["working_days"] == 7, x
PY
expect_http 200 -b xem.x1.jar "$base/api/deadlines?level=overdue"
python3 - "$t" <<'PY' && ok || fail "overdue list: $(head -c 400 body.txt)"
import json, sys
items = json.load(open("body.txt"))["items"]
assert [i["id"] for i in items] == [int(sys.argv[1])], items
d = items[0]["deadline"]
assert d["rule"] == "ra_nuoc_ngoai.bao_cao" and d["level"] == "overdue" and d["working_days"] == 7 and d["left"] < 0, d
PY
expect_http 200 -b cv.x2.jar "$base/api/deadlines?level=overdue"
expect_body '"items":\[\]'
expect_field 400 level -b xem.x1.jar "$base/api/deadlines?level=soon"
expect_http 403 -b kiem.toan.jar "$base/api/deadlines"
expect_http 200 -b xem.x1.jar "$base/api/cases/$t"
expect_body '"deadlines":\[\{"rule":"ra_nuoc_ngoai.bao_cao"'
expect_http 200 -b xem.x1.jar "$base/api/deadline-rules"
expect_body '"code":"tham_dinh.thuong"'
expect_body '"default":true'
# changing a rule: administrators of the whole tree, audited
expect_http 403 -b ld.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat ld.x1.csrf)" --data '{"working_days": 10}' "$base/api/deadline-rules/ra_nuoc_ngoai.bao_cao"
expect_field 400 working_days -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat admin.csrf)" --data '{"working_days": 0}' "$base/api/deadline-rules/ra_nuoc_ngoai.bao_cao"
expect_http 400 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat admin.csrf)" --data '{"working_days": 10, "remind_early": 90, "remind_late": 20}' "$base/api/deadline-rules/ra_nuoc_ngoai.bao_cao"
expect_http 404 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat admin.csrf)" --data '{"working_days": 10}' "$base/api/deadline-rules/khong_co"
expect_http 200 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat admin.csrf)" --data '{"working_days": 100}' "$base/api/deadline-rules/ra_nuoc_ngoai.bao_cao"
expect_http 200 -b xem.x1.jar "$base/api/deadlines?level=overdue"
expect_body '"items":\[\]'
expect_http 200 -b kiem.toan.jar "$base/api/audit?object_type=deadline_rule"
expect_body 'working_days.{1,4}:\{.{1,4}after.{1,4}:100,.{1,4}before.{1,4}:7\}'
# verification letters of a background check: due, reminders, escalation, answer
restart_server cv.x1 cv.x2 xem.x1 kiem.toan
post cv.x1 /api/cases '{"kind": "tham_tra_ly_lich", "title": "Thẩm tra lý lịch quần chúng Lò Thị Mai", "org": "X1", "opened": "2024-01-02"}' 201
k=$(id_of)
post cv.x1 "/api/cases/$k/letters" '{"recipient": "Đảng ủy xã Thanh Nưa", "about": "Bố đẻ: Lò Văn Pánh", "number": "Số 12/CV-ĐU", "sent": "2024-06-03"}' 201
l=$(id_of)
post cv.x1 "/api/cases/$c1/letters" '{"recipient": "X"}' 409
post cv.x1 "/api/cases/$k/letters" '{"recipient": ""}' 400
expect_body '"field":"recipient"'
post cv.x1 "/api/cases/$k/letters" '{"about": "X"}' 400
expect_body '"field":"recipient"'
post cv.x1 "/api/cases/$k/letters" '{"recipient": "X", "sent": "2023-01-01"}' 400
expect_body '"field":"sent"'
post cv.x2 "/api/cases/$k/letters" '{"recipient": "X"}' 404
post xem.x1 "/api/cases/$k/letters" '{"recipient": "X"}' 403
expect_http 200 -b xem.x1.jar "$base/api/letters?level=overdue"
python3 - "$l" <<'PY' && ok || fail "overdue letters: $(head -c 400 body.txt)"
import json, sys
items = json.load(open("body.txt"))["items"]
assert [i["letter"]["id"] for i in items] == [int(sys.argv[1])], items
x = items[0]["letter"]
assert x["recipient"] == "Đảng ủy xã Thanh Nưa" and x["deadline"]["due"] == "2024-07-15" and x["deadline"]["level"] == "overdue", x
PY
expect_http 200 -b cv.x2.jar "$base/api/letters?level=overdue"
expect_body '"items":\[\]'
expect_http 403 -b kiem.toan.jar "$base/api/letters"
letter() { post cv.x1 "/api/letters/$l" "$1" "$2"; }
letter '{"action": "remind", "date": "2024-07-01", "version": 1}' 400
expect_body '"field":"date"'
letter '{"action": "remind", "date": "2024-07-01", "version": 1, "confirm_past": true}' 200
letter '{"action": "remind", "date": "2024-07-16", "version": 1, "confirm_past": true}' 409
expect_body '"field":"version"'
letter '{"action": "nhac", "version": 2}' 400
expect_body '"field":"action"'
letter '{"action": "escalate", "date": "2024-07-22", "version": 2, "confirm_past": true}' 200
letter '{"action": "answer", "date": "2024-07-25", "version": 3}' 400
expect_body '"field":"result"'
letter '{"action": "answer", "date": "2024-05-01", "result": "x", "version": 3}' 400
expect_body '"field":"date"'
post cv.x2 "/api/letters/$l" '{"action": "answer", "result": "x", "version": 3}' 404
letter '{"action": "answer", "date": "2024-07-25", "result": "Lý lịch rõ ràng", "version": 3}' 200
letter '{"action": "remind", "version": 4}' 409
expect_json "letters of the case" -b xem.x1.jar "$base/api/cases/$k" <<'PY'
x = b["letters"][0]
assert x["reminders"] == 1 and x["last_reminder"] == "2024-07-01" and x["escalated"] == "2024-07-22", x
assert x["answered"] == "2024-07-25" and x["result"] == "Lý lịch rõ ràng" and x["deadline"]["level"] == "done_late", x
PY
expect_http 200 -b xem.x1.jar "$base/api/letters?level=overdue"
expect_body '"items":\[\]'
# discipline decisions: forms per subject, limitation periods, leaders only
restart_server cv.x1 ld.x1 xem.x1
pm=$("$HOSO" person add --name "Lò Văn Sáng" --org X1 --admitted 02/09/2001 --full-member 02/09/2002 --status chinh_thuc)
post ld.x1 /api/cases '{"kind": "ky_luat", "title": "Xem xét kỷ luật đảng viên", "org": "X1", "opened": "2024-01-02"}' 201
d=$(id_of)
disc() { post "$1" "/api/cases/$d/disciplines" "$2" "$3"; }
disc ld.x1 "{\"form\": \"khien_trach\", \"person\": $pm, \"violation\": \"2019-03-01\", \"decided\": \"2024-03-01\"}" 201
disc ld.x1 "{\"form\": \"khien_trach\", \"person\": $pm, \"violation\": \"2019-03-01\", \"decided\": \"2024-03-02\"}" 409
expect_body '"field":"violation"'
expect_body 'hết thời hiệu kỷ luật \(5 năm, đến 01/03/2024\)'
disc ld.x1 "{\"form\": \"giai_tan\", \"person\": $pm, \"violation\": \"2023-03-01\"}" 409
expect_body '"field":"form"'
disc ld.x1 "{\"form\": \"xoa_ten\", \"person\": $pm, \"violation\": \"2023-03-01\"}" 400
expect_body '"field":"form"'
disc ld.x1 '{"form": "canh_cao", "org": "X1", "violation": "2023-03-01"}' 201
disc ld.x1 '{"form": "canh_cao", "org": "X2", "violation": "2023-03-01"}' 404
disc ld.x1 "{\"form\": \"canh_cao\", \"person\": $pm}" 400
expect_body '"field":"violation"'
disc ld.x1 "{\"form\": \"canh_cao\", \"person\": $pm, \"violation\": \"2023-03-01\", \"internal_political\": 2}" 400
expect_body '"field":"internal_political"'
disc ld.x1 "{\"form\": \"canh_cao\", \"person\": $p1, \"violation\": \"2023-03-01\"}" 409
expect_body 'không phải đảng viên'
disc cv.x1 "{\"form\": \"canh_cao\", \"person\": $pm, \"violation\": \"2023-03-01\"}" 403
post ld.x1 "/api/cases/$c1/disciplines" "{\"form\": \"canh_cao\", \"person\": $pm, \"violation\": \"2023-03-01\"}" 409
expect_body '"field":"case"'
expect_json "disciplines of the case" -b xem.x1.jar "$base/api/cases/$d" <<'PY'
x = b["disciplines"]
assert [(d["form"], d.get("full_name") or d.get("org")) for d in x] == [("khien_trach", "Lò Văn Sáng"), ("canh_cao", "X1")], x
assert x[0]["limitation_end"] == "2024-03-01" and x[1]["limitation_end"] == "2033-03-01", x
PY
expect_http 200 -b xem.x1.jar "$base/api/case-kinds"
expect_body '"discipline_forms":\[\{"code":"khien_trach"'
# supervision found signs of violation: a linked inspection
restart_server cv.x1 cv.x2 xem.x1
post cv.x1 /api/cases "{\"kind\": \"giam_sat\", \"subtype\": \"chuyen_de\", \"title\": \"Giám sát chuyên đề\", \"org\": \"X1\", \"subject_persons\": [$p1]}" 201
s=$(id_of)
post cv.x1 "/api/cases/$s/inspection" '{"title": "Kiểm tra khi có dấu hiệu vi phạm"}' 201
expect_body '"number":"KT-20[0-9][0-9]-[0-9]{4}"'
i=$(id_of)
expect_http 200 -b xem.x1.jar "$base/api/cases/$i"
python3 - "$s" <<'PY' && ok || fail "linked inspection: $(head -c 300 body.txt)"
import json, sys
c = json.load(open("body.txt"))
assert c["kind"] == "kiem_tra" and c["subtype"] == "dau_hieu_vi_pham" and c["linked_case"] == int(sys.argv[1]), c
assert [x.get("full_name") for x in c["subjects"]] == ["Lò Văn Muôn"], c
PY
post cv.x1 "/api/cases/$i/inspection" '{"title": "X"}' 409
post cv.x1 "/api/cases/$s/inspection" '{}' 400
expect_body '"field":"title"'
post cv.x2 "/api/cases/$s/inspection" '{"title": "X"}' 404
post xem.x1 "/api/cases/$s/inspection" '{"title": "X"}' 403
# an inspection's findings, a conclusion per subject, remedial actions
restart_server cv.x1 cv.x2 xem.x1
expect_http 200 -b cv.x1.jar "$base/api/cases/$c1"
subj=$(python3 -c 'import json; print(json.load(open("body.txt"))["subjects"][0]["id"])')
post cv.x1 "/api/cases/$c1/findings" "{\"subject\": $subj, \"text\": \"Chưa thực hiện đúng quy chế làm việc\", \"conclusion\": \"vi_pham_chua_den_muc\"}" 201
fi=$(id_of)
post cv.x1 "/api/cases/$c1/findings" '{"text": "X", "conclusion": "co_loi"}' 400
expect_body '"field":"conclusion"'
post cv.x1 "/api/cases/$c1/findings" '{"text": "X", "conclusion": "khong_vi_pham", "subject": 99999}' 404
expect_body '"field":"subject"'
post cv.x1 "/api/cases/$c1/findings" '{"conclusion": "khong_vi_pham"}' 400
expect_body '"field":"text"'
post cv.x2 "/api/cases/$c1/findings" '{"text": "X", "conclusion": "khong_vi_pham"}' 404
post xem.x1 "/api/cases/$c1/findings" '{"text": "X", "conclusion": "khong_vi_pham"}' 403
post cv.x1 "/api/cases/$c2/findings" '{"text": "X", "conclusion": "khong_vi_pham"}' 404
post cv.x1 "/api/findings/$fi/remedies" '{"action": "Sửa đổi quy chế làm việc", "owner": "Ban Thường vụ Đảng ủy xã A", "due": "2024-06-30"}' 201
rm_=$(id_of)
post cv.x1 "/api/findings/$fi/remedies" '{"action": "X", "owner": "Y", "due": "2023-06-30"}' 400
expect_body '"field":"due"'
post cv.x1 "/api/findings/$fi/remedies" '{"action": "X", "due": "2024-06-30"}' 400
expect_body '"field":"owner"'
post cv.x2 "/api/findings/$fi/remedies" '{"action": "X", "owner": "Y", "due": "2024-06-30"}' 404
post cv.x1 "/api/remedies/$rm_" '{"version": 1}' 400
expect_body '"field":"result"'
post cv.x1 "/api/remedies/$rm_" '{"result": "Đã ban hành quy chế mới", "date": "2024-06-20", "version": 1}' 200
post cv.x1 "/api/remedies/$rm_" '{"result": "lại", "version": 2}' 409
expect_json "findings of the case" -b xem.x1.jar "$base/api/cases/$c1" <<'PY'
f = b["findings"]
assert f[0]["conclusion"] == "vi_pham_chua_den_muc" and f[0]["subject"] is not None, f
r = f[0]["remedies"][0]
assert r["done"] == "2024-06-20" and r["result"] == "Đã ban hành quy chế mới" and r["overdue"] is False, r
PY
# a member staying abroad
restart_server cv.x1 xem.x1
post cv.x1 /api/cases '{"kind": "o_nuoc_ngoai", "subtype": "hoc_tap", "title": "Đảng viên đi học ở Nga", "org": "X1", "opened": "2024-09-01"}' 201
st=$(id_of)
stay() { expect_http "$2" -b cv.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data "$1" "$base/api/cases/$st/stay"; }
stay '{"country": "Liên bang Nga", "purpose": "hoc_tap", "arrangement": "tu_sinh_hoat", "start": "2024-09-01", "expected_end": "2028-07-01", "last_contact": "2025-03-01"}' 200
stay '{"country": "Nga", "purpose": "du_lich", "arrangement": "tu_sinh_hoat", "start": "2024-09-01", "expected_end": "2028-07-01"}' 400
expect_body '"field":"purpose"'
stay '{"country": "Nga", "purpose": "hoc_tap", "arrangement": "tu_sinh_hoat", "start": "2024-09-01", "expected_end": "2023-07-01"}' 400
expect_body '"field":"expected_end"'
# a partial update: a required field cannot be cleared, and nothing is written
stay '{"country": "Nga", "purpose": "hoc_tap", "arrangement": null, "start": "2024-09-01", "expected_end": "2028-07-01"}' 400
expect_body '"field":"arrangement"'
expect_http 200 -b xem.x1.jar "$base/api/cases/$st"
expect_body '"stay":\{"country":"Liên bang Nga","purpose":"hoc_tap","start":"2024-09-01","expected_end":"2028-07-01","arrangement":"tu_sinh_hoat","last_contact":"2025-03-01","version":1\}'
expect_http 409 -b cv.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"country": "Nga", "purpose": "hoc_tap", "arrangement": "tu_sinh_hoat", "start": "2024-09-01", "expected_end": "2028-07-01"}' "$base/api/cases/$c1/stay"
expect_http 403 -b xem.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat xem.x1.csrf)" --data '{"country": "Nga", "purpose": "hoc_tap", "arrangement": "tu_sinh_hoat", "start": "2024-09-01", "expected_end": "2028-07-01"}' "$base/api/cases/$st/stay"
# the people a background check covers, and what may be skipped
restart_server cv.x1 xem.x1
post cv.x1 /api/cases '{"kind": "tham_tra_ly_lich", "title": "Thẩm tra lý lịch quần chúng Lò Thị Mai", "org": "X1"}' 201
kk=$(id_of)
post cv.x1 "/api/cases/$kk/relatives" '{"relation": "ban_than", "full_name": "Lò Thị Mai"}' 201
post cv.x1 "/api/cases/$kk/relatives" '{"relation": "me", "full_name": "Quàng Thị Hoa", "is_member": 1}' 201
post cv.x1 "/api/cases/$kk/relatives" '{"relation": "vo_chong", "full_name": "Vàng A Chá", "exempt_reason": "Chưa kết hôn khi làm hồ sơ"}' 201
post cv.x1 "/api/cases/$kk/relatives" '{"relation": "ong_noi", "full_name": "Lò Văn Ngọc"}' 400
expect_body '"field":"relation"'
expect_body 'không thẩm tra ông bà'
post cv.x1 "/api/cases/$kk/relatives" '{"relation": "bo", "full_name": ""}' 400
expect_body '"field":"full_name"'
post cv.x1 "/api/cases/$c1/relatives" '{"relation": "bo", "full_name": "X"}' 409
post xem.x1 "/api/cases/$kk/relatives" '{"relation": "bo", "full_name": "X"}' 403
expect_json "relatives" -b xem.x1.jar "$base/api/cases/$kk" <<'PY'
assert [r["relation"] for r in b["relatives"]] == ["ban_than", "me", "vo_chong"], b["relatives"]
assert b["relatives"][2]["exempt_reason"] == "Chưa kết hôn khi làm hồ sơ", b["relatives"]
assert b["exemptions"] == {"applicant": True, "spouse_side": False}, b["exemptions"]
PY
# a closed case takes nothing but notes until a leader reopens it, with a reason
restart_server cv.x1 ld.x1 cv.x2
post cv.x1 /api/cases '{"kind": "kiem_tra", "title": "Kiểm tra sẽ hủy", "org": "X1", "opened": "2024-03-01"}' 201
kc=$(id_of)
post ld.x1 "/api/cases/$kc/transition" '{"to": "huy", "note": "Trùng kế hoạch", "version": 1}' 200
post cv.x1 "/api/cases/$kc/documents" '{"title": "Báo cáo", "date": "2024-03-02"}' 409
expect_body '"field":"state"'
expect_body 'lãnh đạo mở lại hồ sơ'
post cv.x1 "/api/cases/$kc/notes" '{"text": "Đã lưu"}' 201
post cv.x1 "/api/cases/$kc/reopen" '{"reason": "Nhầm", "version": 2}' 403
post cv.x2 "/api/cases/$kc/reopen" '{"reason": "Nhầm", "version": 2}' 403
post ld.x1 "/api/cases/$kc/reopen" '{"reason": " ", "version": 2}' 400
expect_body '"field":"reason"'
post ld.x1 "/api/cases/$kc/reopen" '{"reason": "Hủy nhầm hồ sơ", "version": 1}' 409
post ld.x1 "/api/cases/$kc/reopen" '{"reason": "Hủy nhầm hồ sơ", "version": 2}' 200
post ld.x1 "/api/cases/$kc/reopen" '{"reason": "Lần nữa", "version": 3}' 409
expect_body 'chưa kết thúc'
expect_json "reopened" -b cv.x1.jar "$base/api/cases/$kc" <<'PY'
assert b["state"] == "ke_hoach", b["state"]
last = b["history"][-1]
assert (last["from"], last["to"], last["note"]) == ("huy", "ke_hoach", "Hủy nhầm hồ sơ"), last
PY
post cv.x1 "/api/cases/$kc/documents" '{"title": "Báo cáo", "date": "2024-03-02"}' 201
stop_server
