# A political-standard appraisal's requester, documents and outcome, by the
# command line and over HTTP: a conclusion waits for the outcome (with the
# position it names) and for every missing document.
init_db
add_tree X2
add_users 123 "cv.tu officer TU" "ld.tu leader TU" "xem.tu viewer TU" "cv.x2 officer X2"
a=$("$HOSO" case new --kind tham_dinh --subtype bo_nhiem --title "Thẩm định bổ nhiệm" --org TU --opened 2024-06-03 | cut -d' ' -f1)
k=$("$HOSO" case new --kind kiem_tra --title "Kiểm tra" --org TU | cut -d' ' -f1)
# command line
expect_status 0 "$HOSO" case appraisal "$a" --requester "Ban Tổ chức Tỉnh ủy"
expect_status 1 "$HOSO" case appraisal "$a" --outcome dat
expect_err "position"
expect_status 1 "$HOSO" case appraisal "$a" --outcome tot
expect_err "outcome"
expect_status 1 "$HOSO" case appraisal "$k" --outcome khong_dat
expect_status 0 "$HOSO" case appraisal-doc "$a" --name "Bản tự kiểm điểm" --missing
expect_status 1 "$HOSO" case step "$a" --to ket_luan --date 2024-06-05 --conclusion "Đạt"
expect_err "outcome"
expect_status 0 "$HOSO" case appraisal "$a" --requester "Ban Tổ chức Tỉnh ủy" --outcome dat --position "Phó Giám đốc Sở"
expect_status 1 "$HOSO" case step "$a" --to ket_luan --date 2024-06-05 --conclusion "Đạt"
expect_err "Bản tự kiểm điểm"
expect_status 0 "$HOSO" case appraisal-doc "$a" --name "Bản tự kiểm điểm"

start_server
J='Content-Type: application/json'
login_users cv.tu ld.tu xem.tu cv.x2
send() { # METHOD USER PATH BODY STATUS
  expect_http "$5" -b "$2.jar" -X "$1" -H "$J" -H "X-CSRF-Token: $(cat "$2.csrf")" --data "$4" "$base$3"
}
expect_http 200 -b xem.tu.jar "$base/api/cases/$a"
python3 -c 'import json; c=json.load(open("body.txt")); assert c["appraisal"] == {"requester": "Ban Tổ chức Tỉnh ủy", "outcome": "dat", "position": "Phó Giám đốc Sở", "version": 2} and [(d["name"], d["present"]) for d in c["appraisal_documents"]] == [("Bản tự kiểm điểm", True)], c' && ok || fail "appraisal on the case: $(head -c 300 body.txt)"
send POST cv.tu "/api/cases/$a/appraisal-documents" '{"name": "Giấy xác nhận của địa phương", "present": 0}' 200
send POST cv.tu "/api/cases/$a/appraisal-documents" '{"name": "", "present": 0}' 400
expect_body '"field":"name"'
send POST cv.tu "/api/cases/$a/appraisal-documents" '{"name": "X", "present": 2}' 400
expect_body '"field":"present"'
# a partial update: clearing the position of an outcome "dat" is refused
send PUT cv.tu "/api/cases/$a/appraisal" '{"outcome": "dat", "position": null}' 400
expect_body '"field":"position"'
send PUT cv.tu "/api/cases/$a/appraisal" '{"outcome": "dat", "position": 5}' 400
expect_body '"field":"position"'
send PUT cv.tu "/api/cases/$k/appraisal" '{"outcome": "khong_dat"}' 409
send PUT xem.tu "/api/cases/$a/appraisal" '{"outcome": "khong_dat"}' 403
send PUT cv.x2 "/api/cases/$a/appraisal" '{"outcome": "khong_dat"}' 404
send POST ld.tu "/api/cases/$a/transition" '{"to": "ket_luan", "date": "2024-06-06", "conclusion": "Đạt", "version": 1}' 409
expect_body '"field":"documents"'
expect_body 'Giấy xác nhận của địa phương'
send POST cv.tu "/api/cases/$a/appraisal-documents" '{"name": "Giấy xác nhận của địa phương"}' 200
send POST ld.tu "/api/cases/$a/transition" '{"to": "ket_luan", "date": "2024-06-06", "conclusion": "Đồng chí đủ tiêu chuẩn chính trị để bổ nhiệm Phó Giám đốc Sở", "version": 1}' 200
stop_server
expect_status 0 "$HOSO" audit log --limit 100 --json
python3 -c 'import json; a=[x["action"] for x in json.load(open("out.txt"))]; assert a.count("appraisal") == 2 and a.count("appraisal_document") == 4, a' && ok || fail "appraisal changes audited"
