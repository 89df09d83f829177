# The papers of a case (issue 15): as the commune's officer, each kind's
# papers previewed and generated as draft documents, downloaded as DOCX
# and PDF that poppler and LibreOffice open, issued by filling the number;
# a case of the commune next door answers as a missing one everywhere;
# templates changed by the administrator only, an unknown field refused
# with its name and nothing written; every generation and download audited.
init_db
add_tree X1 X2
add_users 123 "cv.x1 officer X1" "xem.x1 viewer X1" "cv.x2 officer X2"
J='Content-Type: application/json'
new_case() { "$HOSO" case new --kind "$1" --title "$2" --org "$3" --opened 2026-01-05 --subject-org "$3" | cut -d" " -f1; }
c1=$(new_case kiem_tra "Kiểm tra việc chấp hành Điều lệ" X1)
c2=$(new_case kiem_tra "Kiểm tra ở xã B" X2)
k1=$(new_case ky_luat "Kỷ luật chi bộ" X1)
a1=$(new_case tham_tra_ly_lich "Thẩm tra lý lịch quần chúng" X1)
d1=$(new_case tham_dinh "Thẩm định tiêu chuẩn chính trị" X1)
t1=$(new_case ra_nuoc_ngoai "Đi Lào thăm thân" X1)
p1=$("$HOSO" person add --name "Lò Văn Muôn" --org X1)
"$HOSO" case assign "$c1" cv.x1 >/dev/null || fail "assign"
"$HOSO" case discipline "$k1" --form khien_trach --org X1 --violation 2025-12-01 >/dev/null || fail "discipline"
l1=$("$HOSO" case letter "$a1" --to "Đảng ủy xã Thanh Nưa" --about "Bố đẻ: Lò Văn Pánh" --number "12-CV/ĐU" --sent 2026-01-06)
"$HOSO" case appraisal "$d1" --requester "Ban Tổ chức Tỉnh ủy" --outcome dat --position "Phó Bí thư Đảng ủy xã" >/dev/null || fail "appraisal"
"$HOSO" case trip "$t1" --purpose tham_than --countries "Lào" --depart 2026-03-01 --return 2026-03-10 >/dev/null || fail "trip"
"$HOSO" case traveller "$t1" --person "$p1" >/dev/null || fail "traveller"

start_server
login_users cv.x1 xem.x1 cv.x2 admin
send() { # USER METHOD PATH BODY STATUS
  expect_http "$5" -b "$1.jar" -X "$2" -H "$J" -H "X-CSRF-Token: $(cat "$1.csrf")" --data "$4" "$base$3"
}
has() { # PYTHON-EXPR over the body's JSON b
  python3 -c "import json,sys; b=json.load(open('body.txt')); sys.exit(0 if ($1) else 1)" && ok || fail "body: $1: $(head -c 400 body.txt)"
}

# The catalogue: every paper of every existing kind, and the fields.
expect_http 200 -b cv.x1.jar "$base/api/papers"
has '[p["code"] for p in b["papers"]] == ["kt_quyet_dinh", "kt_thong_bao", "kl_quyet_dinh", "kl_de_nghi", "ttll_xac_minh", "ttll_don_doc", "td_ket_luan", "rnn_dong_y", "tc_bi_to_cao", "tc_to_cao", "kn_quyet_dinh"]'
has 'all(p["version"] == 0 and p["template"] == p["default"] for p in b["papers"])'
has '"case.number" in [f["name"] for f in b["fields"]]'

# A preview of each paper, filled from its case; kept nowhere.
BODY='" ".join(x["text"] for x in b["body"])'
send cv.x1 POST "/api/cases/$c1/paper-preview" '{"paper": "kt_quyet_dinh"}' 200
has "b['superior'] == 'ĐẢNG ỦY XÃ A' and b['issuer'] == 'ỦY BAN KIỂM TRA' and b['type'] == 'QUYẾT ĐỊNH'"
has "'- Đồng chí Người Dùng;' in $BODY and 'Kiểm tra việc chấp hành Điều lệ' in $BODY"
has "b['summary'] == 'Về việc kiểm tra Đảng bộ xã A' and b['number'] == 'Số        -QĐ/UBKT'"
send cv.x1 POST "/api/cases/$k1/paper-preview" '{"paper": "kl_quyet_dinh"}' 200
has "'bằng hình thức Khiển trách đối với Đảng bộ xã A (vi phạm ngày 01/12/2025)' in $BODY"
send cv.x1 POST "/api/cases/$k1/paper-preview" '{"paper": "kl_de_nghi"}' 200
has "'Kính gửi: Cơ quan, đơn vị quản lý Đảng bộ xã A' in $BODY and b['symbol'] == 'CV/ĐU'"
send cv.x1 POST "/api/cases/$a1/paper-preview" "{\"paper\": \"ttll_xac_minh\", \"letter\": $l1}" 200
has "'Kính gửi: Đảng ủy xã Thanh Nưa' in $BODY and 'Bố đẻ: Lò Văn Pánh' in $BODY"
send cv.x1 POST "/api/cases/$a1/paper-preview" "{\"paper\": \"ttll_don_doc\", \"letter\": $l1}" 200
has "'đã có văn bản số 12-CV/ĐU' in $BODY"
send cv.x1 POST "/api/cases/$d1/paper-preview" '{"paper": "td_ket_luan"}' 200
has "'Đạt tiêu chuẩn Phó Bí thư Đảng ủy xã' in $BODY and b['type'] == 'KẾT LUẬN'"
send cv.x1 POST "/api/cases/$t1/paper-preview" '{"paper": "rnn_dong_y"}' 200
has "'- Đồng chí Lò Văn Muôn;' in $BODY and 'Nơi đến: Lào. Mục đích: Thăm thân.' in $BODY"
expect_http 200 -b cv.x1.jar "$base/api/cases/$c1"
has 'b["documents"] == []'

# Bad input: named, nothing written.
send cv.x1 POST "/api/cases/$c1/paper-preview" '{"paper": "khong_co"}' 400
expect_body '"field":"paper"'
send cv.x1 POST "/api/cases/$c1/paper-preview" '{"paper": "rnn_dong_y"}' 409
send cv.x1 POST "/api/cases/$a1/paper-preview" '{"paper": "ttll_xac_minh"}' 400
expect_body '"field":"letter"'
send cv.x1 POST "/api/cases/$c1/paper-preview" '{"paper": "kt_quyet_dinh", "template": {"body": "Số {{case.numbr}}"}}' 400
expect_body '"code":"unknown_field"'
expect_body '\{\{case.numbr\}\}'
send cv.x1 POST "/api/cases/$c1/paper-preview" '{"paper": "kt_quyet_dinh", "template": {"body": "Số {{case.number"}}' 400
expect_body '"field":"body"'
send xem.x1 POST "/api/cases/$c1/paper-preview" '{"paper": "kt_quyet_dinh"}' 403

# Out of scope: as missing, for preview, generation and download.
send cv.x1 POST "/api/cases/999999/paper-preview" '{"paper": "kt_quyet_dinh"}' 404
cp body.txt missing.txt
send cv.x1 POST "/api/cases/$c2/paper-preview" '{"paper": "kt_quyet_dinh"}' 404
cmp -s body.txt missing.txt && ok || fail "a hidden case's preview differs from a missing one's: $(cat body.txt)"
send cv.x1 POST "/api/cases/999999/papers" '{"paper": "kt_quyet_dinh"}' 404
cp body.txt missing.txt
send cv.x1 POST "/api/cases/$c2/papers" '{"paper": "kt_quyet_dinh"}' 404
cmp -s body.txt missing.txt && ok || fail "a hidden case's paper differs from a missing one's: $(cat body.txt)"

# Generated: a draft document of the case, downloaded as DOCX and PDF.
send cv.x1 POST "/api/cases/$c1/papers" '{"paper": "kt_quyet_dinh"}' 201
doc=$(id_of)
expect_http 200 -b cv.x1.jar "$base/api/cases/$c1"
has '[(d["paper"], d["number"], d["title"]) for d in b["documents"]] == [("kt_quyet_dinh", None, "Quyết định kiểm tra - KT-2026-0001")]'
expect_http 200 -b xem.x1.jar -o qd.pdf "$base/api/documents/$doc/paper?format=pdf"
expect_header "Content-Type: application/pdf"
expect_header 'Content-Disposition: attachment; filename="kt_quyet_dinh-KT-2026-0001.pdf"'
cp body.txt qd.pdf
pdftotext qd.pdf qd.txt && ok || fail "pdftotext qd.pdf"
python3 - <<'PY' && ok || fail "the PDF's text: $(head -c 600 qd.txt)"
t = " ".join(open("qd.txt").read().split())
for want in ["ĐẢNG ỦY XÃ A", "ỦY BAN KIỂM TRA", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số -QĐ/UBKT", "QUYẾT ĐỊNH",
             "Về việc kiểm tra Đảng bộ xã A", "Đồng chí Người Dùng", "T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM",
             "Nơi nhận:", "Dự thảo"]:
    assert want in t, want
PY
expect_http 200 -b cv.x1.jar "$base/api/documents/$doc/paper?format=docx"
expect_header "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document"
cp body.txt qd.docx
soffice -env:UserInstallation="file://$PWD/lo" --headless --convert-to pdf --outdir lo-out qd.docx >/dev/null 2>&1
pdftotext lo-out/qd.pdf - 2>/dev/null | tr '\n' ' ' | grep -q "ĐẢNG CỘNG SẢN VIỆT NAM.*QUYẾT ĐỊNH" && ok || fail "LibreOffice could not open the DOCX"
expect_http 400 -b cv.x1.jar "$base/api/documents/$doc/paper?format=odt"
expect_body '"field":"format"'
expect_http 404 -b cv.x2.jar "$base/api/documents/999999/paper?format=pdf"
cp body.txt missing.txt
expect_http 404 -b cv.x2.jar "$base/api/documents/$doc/paper?format=pdf"
cmp -s body.txt missing.txt && ok || fail "a hidden paper's download differs from a missing one's"
# Issued: its number and date filled, the paper carries them.
send cv.x1 PATCH "/api/documents/$doc" '{"number": "12-QĐ/UBKT", "date": "2026-01-07", "version": 1}' 200
expect_http 200 -b cv.x1.jar "$base/api/documents/$doc/paper?format=pdf"
cp body.txt issued.pdf
pdftotext issued.pdf - | tr '\n' ' ' | grep -q "Số 12-QĐ/UBKT.*ngày 07 tháng 01 năm 2026" && ok || fail "the issued paper's number and date: $(pdftotext issued.pdf - | head -8)"
pdftotext issued.pdf - | grep -q "Dự thảo" && fail "an issued paper is still marked as a draft" || ok
# One per letter, from the command line too.
send cv.x1 POST "/api/cases/$a1/papers" "{\"paper\": \"ttll_don_doc\", \"letter\": $l1}" 201
expect_status 0 "$HOSO" case paper "$t1" rnn_dong_y
tdoc=$(cat out.txt)
expect_status 0 "$HOSO" case paper-get "$tdoc" --format pdf --out trip.pdf
pdftotext trip.pdf - | grep -q "Lò Văn Muôn" && ok || fail "the trip's approval from the command line"
expect_status 1 "$HOSO" case paper "$t1" kt_quyet_dinh
expect_status 1 "$HOSO" case paper-get "$tdoc" --format odt --out x.odt
expect_status 2 "$HOSO" case paper "$t1" rnn_dong_y --template x.json
printf '{"body": "Số {{case.numbr}}"}' > bad.json
expect_status 1 "$HOSO" case paper-preview "$c1" kt_quyet_dinh --template bad.json
expect_err "unknown_field"
expect_err "case.numbr"
expect_status 0 "$HOSO" case paper-preview "$a1" ttll_xac_minh --letter "$l1"
expect_out "Kính gửi: Đảng ủy xã Thanh Nưa"
expect_status 1 "$HOSO" case paper-template kl_de_nghi --file bad.json
expect_status 0 "$HOSO" case papers
expect_out "^kl_de_nghi +ky_luat +v0 "

# Templates: the administrator of the province only; an unknown field named, nothing written.
send cv.x1 PUT "/api/papers/rnn_dong_y" '{"template": {"issuer": "BAN THƯỜNG VỤ"}, "version": 0}' 403
send admin PUT "/api/papers/rnn_dong_y" '{"template": {"issuer": "BAN THƯỜNG VỤ", "body": "Đồng ý cho {{traveller.nam}}"}, "version": 0}' 400
expect_body '"code":"unknown_field"'
expect_body '"field":"body"'
expect_body 'traveller.nam'
expect_body '"message":"Mẫu \\"rnn_dong_y\\" \(body\) dùng trường không có'
send admin PUT "/api/papers/rnn_dong_y" '{"template": {"body": "{{letter.recipient}}"}, "version": 0}' 400
expect_body '"code":"unknown_field"'
send admin PUT "/api/papers/khong_co" '{"template": {}, "version": 0}' 404
expect_http 200 -b admin.jar "$base/api/papers"
has '[p["version"] for p in b["papers"] if p["code"] == "rnn_dong_y"] == [0]'
send admin PUT "/api/papers/rnn_dong_y" '{"template": {"issuer": "BAN THƯỜNG VỤ {{org.committee_upper}}", "type": "", "body": "Đồng ý cho đồng chí {{traveller.name}} đi {{trip.countries}}.", "sign_title": "PHÓ BÍ THƯ"}, "version": 0}' 200
send admin PUT "/api/papers/rnn_dong_y" '{"template": {"issuer": "X"}, "version": 0}' 409
send cv.x1 POST "/api/cases/$t1/paper-preview" '{"paper": "rnn_dong_y"}' 200
has "b['issuer'] == 'BAN THƯỜNG VỤ ĐẢNG ỦY XÃ A' and b['sign_title'] == 'PHÓ BÍ THƯ' and b['body'][0]['text'] == 'Đồng ý cho đồng chí Lò Văn Muôn đi Lào.'"
# An administrator previews a template before saving it.
send admin POST "/api/cases/$c1/paper-preview" '{"paper": "kt_quyet_dinh", "template": {"type": "QUYẾT ĐỊNH THỬ"}}' 200
has "b['type'] == 'QUYẾT ĐỊNH THỬ'"
stop_server

# Audited: each generation, each download, the template's change.
expect_status 0 "$HOSO" audit log --limit 200 --json
python3 - <<'PY' && ok || fail "the audit trail of papers"
import json
log = json.load(open("out.txt"))
gen = [json.loads(x["detail"]) for x in log if x["action"] == "paper" and x["object_type"] == "case"]
assert sorted(g["paper"] for g in gen) == ["kt_quyet_dinh", "rnn_dong_y", "ttll_don_doc"], gen
exp = [json.loads(x["detail"]) for x in log if x["action"] == "export" and x["object_type"] == "document"]
assert {e["format"] for e in exp} == {"docx", "pdf"}, exp
upd = [json.loads(x["detail"]) for x in log if x["object_type"] == "paper_template"]
assert len(upd) == 1 and upd[0]["changed"]["sign_title"] == {"before": "BÍ THƯ", "after": "PHÓ BÍ THƯ"}, upd
PY
