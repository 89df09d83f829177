# Cases from the command line: numbering, the state machine, notes,
# documents, listing, and bad input refused with the field named.
expect_status 0 "$HOSO" init
expect_status 0 "$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
expect_status 0 "$HOSO" org create --code X1 --name "Đảng bộ xã A" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01
expect_status 0 "$HOSO" person add --name "Lò Văn Muôn" --org X1
p=$(cat out.txt); echo "$p" > p.txt
expect_status 0 "$HOSO" case new --kind kiem_tra --title "Kiểm tra khi có dấu hiệu vi phạm" --org X1 \
  --subtype dau_hieu_vi_pham --opened 01/03/2024 --subject-org X1 --subject-person "$p"
expect_out "^1 KT-2024-0001$"
expect_status 0 "$HOSO" case new --kind kiem_tra --title "Kiểm tra thứ hai" --org X1 --opened 2024-12-31
expect_out "^2 KT-2024-0002$"
expect_status 0 "$HOSO" case new --kind giam_sat --title "Giám sát chuyên đề" --org TU --subtype chuyen_de \
  --opened 2025-01-02 --confidentiality mat
expect_out "^3 GS-2025-0001$"
# bad input: the field is named and nothing is written
expect_status 1 "$HOSO" case new --kind kiem_toan --title "X" --org X1
expect_err "bad_value, kind"
expect_status 1 "$HOSO" case new --kind kiem_tra --title "X" --org X1 --subtype thuong_xuyen
expect_err "subtype"
expect_status 1 "$HOSO" case new --kind kiem_tra --title "   " --org X1
expect_err "missing, title"
expect_status 1 "$HOSO" case new --kind kiem_tra --title "X" --org NOPE
expect_status 1 "$HOSO" case new --kind kiem_tra --title "X" --org X1 --subject-person 999
expect_err "subject_persons"
expect_status 2 "$HOSO" case new --kind kiem_tra --title "X"
expect_status 1 "$HOSO" case new --kind kiem_tra --title "X" --org X1 --opened 31/02/2024
expect_status 0 "$HOSO" case list --json
python3 -c 'import json,sys; d=json.load(open("out.txt")); sys.exit(0 if d["count"] == 3 and [c["number"] for c in d["cases"]] == ["GS-2025-0001", "KT-2024-0002", "KT-2024-0001"] else 1)' \
  && ok || fail "case list: $(head -c 300 out.txt)"
# the state machine
expect_status 1 "$HOSO" case step 1 --to ket_luan
expect_err "conflict, to"
expect_status 1 "$HOSO" case step 1 --to quyet_dinh --date 2024-02-01
expect_err "bad_date"
expect_status 0 "$HOSO" case step 1 --to quyet_dinh --date 2024-03-04 --note "QĐ số 12-QĐ/UBKT"
expect_out "^ke_hoach -> quyet_dinh$"
expect_status 0 "$HOSO" case step 1 --to tu_kiem_diem
expect_status 0 "$HOSO" case step 1 --to tham_tra
expect_status 1 "$HOSO" case step 1 --to ket_luan
expect_err "missing, conclusion"
expect_status 0 "$HOSO" case step 1 --to ket_luan --conclusion "Có vi phạm, chưa đến mức kỷ luật"
expect_status 0 "$HOSO" case note 1 "Đã làm việc với đối tượng"
expect_status 1 "$HOSO" case note 1 "   "
expect_status 0 "$HOSO" case doc 1 --title "Kết luận kiểm tra" --date 20/05/2024 --number "Số 15-KL/UBKT"
expect_status 2 "$HOSO" case doc 1 --title "Kết luận"
expect_status 0 "$HOSO" case show 1 --json
python3 - <<'PY' && ok || fail "case show: $(head -c 400 out.txt)"
import json
c = json.load(open("out.txt"))
assert c["state"] == "ket_luan" and c["version"] == 5, c
assert c["conclusion"] == "Có vi phạm, chưa đến mức kỷ luật", c
assert [h["to"] for h in c["history"]] == ["ke_hoach", "quyet_dinh", "tu_kiem_diem", "tham_tra", "ket_luan"], c
assert c["history"][1]["date"] == "2024-03-04" and c["history"][1]["note"] == "QĐ số 12-QĐ/UBKT", c
assert [s.get("org") for s in c["subjects"]] == ["X1", None], c
assert c["subjects"][1]["person"] == int(open("p.txt").read()), c
assert c["subjects"][1]["full_name"] == "Lò Văn Muôn", c
assert c["confidentiality"] == 0 and c["org"] == "X1", c
assert [d["number"] for d in c["documents"]] == ["Số 15-KL/UBKT"], c
assert [n["text"] for n in c["notes"]] == ["Đã làm việc với đối tượng"], c
# the kinds' parts are there, as over HTTP; an inspection's own are filled
assert c["findings"] == [] and c["trip"] is None and c["letters"] == [], c
PY
expect_status 1 "$HOSO" case show 99
expect_err "not_found"
expect_status 1 "$HOSO" case show abc
# every change and read is in the trail
expect_status 0 "$HOSO" audit log --json --limit 1000
python3 - <<'PY' && ok || fail "case changes not in the trail: $(head -c 300 out.txt)"
import json
d = json.load(open("out.txt"))
rows = d["entries"] if isinstance(d, dict) else d
acts = [e["action"] for e in rows if e["object_type"] == "case" and e["object_id"] == 1]
for a in ("create", "update", "note", "document", "read"):
    assert a in acts, (a, acts)
PY
expect_status 0 "$HOSO" audit verify
expect_status 0 "$HOSO" case kinds
expect_out "tham_tra_ly_lich"
# deadlines: a trip back long ago without its report is overdue
expect_status 0 "$HOSO" case new --kind ra_nuoc_ngoai --title "Đi Lào thăm thân" --org X1 --opened 2024-01-02
t=$(cut -d' ' -f1 out.txt)
expect_status 0 "$HOSO" case step "$t" --to y_kien_chi_bo --date 2024-01-03
# approval waits for a complete trip: details, traveller, commitment
expect_status 1 "$HOSO" case step "$t" --to dong_y --date 2024-01-04
expect_err "conflict, trip"
expect_status 0 "$HOSO" case trip "$t" --purpose tham_than --countries "Lào" --depart 10/01/2024 --return 01/02/2024
expect_status 1 "$HOSO" case trip "$t" --purpose nghi_mat --countries "Lào" --depart 10/01/2024 --return 01/02/2024
expect_err "bad_value, purpose"
expect_status 1 "$HOSO" case step "$t" --to dong_y --date 2024-01-04
expect_err "conflict, travellers"
expect_status 0 "$HOSO" case traveller "$t" --person "$p"
tr=$(cat out.txt)
expect_status 1 "$HOSO" case traveller "$t" --person "$p"
expect_err "duplicate"
expect_status 1 "$HOSO" case step "$t" --to dong_y --date 2024-01-04
expect_err "conflict, commitment"
expect_status 0 "$HOSO" case traveller-update "$tr" --event commitment
expect_status 1 "$HOSO" case traveller-update "$tr" --event returned --date 01/02/2024
expect_err "bad_date"
for s in "dong_y 2024-01-04" "dang_di 2024-01-10" "da_ve 2024-02-01"; do
  set -- $s
  expect_status 0 "$HOSO" case step "$t" --to "$1" --date "$2"
done
expect_status 0 "$HOSO" case traveller-update "$tr" --event departed --date 10/01/2024
expect_status 0 "$HOSO" case traveller-update "$tr" --event returned --date 01/02/2024
expect_status 2 "$HOSO" case traveller-update "$tr" --event arrived
expect_status 0 "$HOSO" case due --level overdue
# 1/2/2024 + 7 working days, over Tết (8-14/2): 2, 5, 6, 7, 15, 16, 19/2
expect_out "^overdue +RNN-2024-0001 +hạn 19/02/2024"
expect_status 0 "$HOSO" case due --json
python3 -c 'import json; d=json.load(open("out.txt")); assert d["count"] == 1 and d["items"][0]["number"] == "RNN-2024-0001" and d["items"][0]["deadline"]["rule"] == "ra_nuoc_ngoai.bao_cao"' && ok || fail "case due --json: $(head -c 300 out.txt)"
expect_status 2 "$HOSO" case due --level soon
expect_status 0 "$HOSO" case rules
expect_out "ra_nuoc_ngoai.bao_cao +7 ngày làm việc, nhắc 50%/80% \(mặc định\)"
expect_status 0 "$HOSO" case rule ra_nuoc_ngoai.bao_cao --days 10 --early 40 --late 90
expect_status 0 "$HOSO" case rules
expect_out "ra_nuoc_ngoai.bao_cao +10 ngày làm việc, nhắc 40%/90%  "
expect_status 1 "$HOSO" case rule khong_co --days 10
expect_status 1 "$HOSO" case rule ra_nuoc_ngoai.bao_cao --days 10 --early 90 --late 40
expect_status 2 "$HOSO" case rule ra_nuoc_ngoai.bao_cao
# "reports received" only when every traveller who left has reported
expect_status 1 "$HOSO" case step "$t" --to da_nop_bao_cao --date 2024-02-20
expect_err "conflict, travellers"
expect_err "1 traveller has not reported yet"
expect_status 0 "$HOSO" case traveller-update "$tr" --event report --date 20/02/2024
expect_status 0 "$HOSO" case step "$t" --to da_nop_bao_cao --date 2024-02-20
expect_status 0 "$HOSO" case due
expect_no_out "RNN-2024-0001"
# verification letters of a background check
expect_status 0 "$HOSO" case new --kind tham_tra_ly_lich --title "Thẩm tra lý lịch quần chúng" --org X1 --opened 2024-01-02
k=$(cut -d' ' -f1 out.txt)
expect_status 0 "$HOSO" case letter "$k" --to "Đảng ủy xã Thanh Nưa" --about "Bố đẻ: Lò Văn Pánh" --sent 03/06/2024
l=$(cat out.txt)
expect_status 1 "$HOSO" case letter 1 --to "X"
expect_err "conflict"
expect_status 2 "$HOSO" case letter "$k"
expect_status 0 "$HOSO" case letters --level overdue
expect_out "^overdue +$l +TTLL-2024-0001 +hạn 15/07/2024  đôn đốc 0 lần  Đảng ủy xã Thanh Nưa — Bố đẻ: Lò Văn Pánh"
expect_status 1 "$HOSO" case letter-update "$l" --action remind --date 01/07/2024
expect_err 'xác nhận'
expect_status 0 "$HOSO" case letter-update "$l" --action remind --date 01/07/2024 --confirm-past
expect_status 0 "$HOSO" case letters
expect_out "đôn đốc 1 lần"
expect_status 2 "$HOSO" case letter-update "$l" --action nhac
expect_status 1 "$HOSO" case letter-update "$l" --action answer
expect_err "missing, result"
expect_status 1 "$HOSO" case letter-update 9999 --action remind
expect_err "not_found"
expect_status 0 "$HOSO" case letter-update "$l" --action answer --result "Lý lịch rõ ràng" --date 25/07/2024
expect_status 0 "$HOSO" case letters
expect_no_out "TTLL"
# discipline decisions: forms per subject and limitation periods
expect_status 0 "$HOSO" person add --name "Lò Văn Sáng" --org X1 --admitted 02/09/2001 --full-member 02/09/2002 --status chinh_thuc
pm=$(cat out.txt)
expect_status 0 "$HOSO" case new --kind ky_luat --title "Xem xét kỷ luật" --org X1 --opened 2024-01-02
d=$(cut -d' ' -f1 out.txt)
expect_status 0 "$HOSO" case discipline "$d" --form khien_trach --person "$pm" --violation 01/03/2019 --decided 01/03/2024
expect_status 1 "$HOSO" case discipline "$d" --form khien_trach --person "$pm" --violation 01/03/2019 --decided 02/03/2024
expect_err "hết thời hiệu kỷ luật \(5 năm, đến 01/03/2024\)"
expect_status 0 "$HOSO" case discipline "$d" --form khien_trach --person "$pm" --violation 01/03/2010 --decided 02/03/2024 --internal-political
expect_status 1 "$HOSO" case discipline "$d" --form khai_tru --org X1 --violation 01/03/2023
expect_err "conflict, form"
expect_status 0 "$HOSO" case discipline "$d" --form giai_tan --org X1 --violation 01/03/2023
expect_status 1 "$HOSO" case discipline "$d" --form canh_cao --person "$p" --violation 01/03/2023
expect_err "không phải đảng viên"
expect_status 2 "$HOSO" case discipline "$d" --form canh_cao --org X1 --person "$pm" --violation 01/03/2023
expect_status 2 "$HOSO" case discipline "$d" --form canh_cao --org X1
# an inspection's findings and remedial actions
expect_status 0 "$HOSO" case finding 1 --text "Chưa thực hiện đúng quy chế làm việc" --conclusion vi_pham_chua_den_muc
fi=$(cat out.txt)
expect_status 1 "$HOSO" case finding 1 --text "X" --conclusion co_loi
expect_err "conclusion"
expect_status 1 "$HOSO" case finding "$d" --text "X" --conclusion khong_vi_pham
expect_err "conflict, case"
expect_status 0 "$HOSO" case remedy "$fi" --action "Sửa đổi quy chế làm việc" --owner "Ban Thường vụ Đảng ủy xã A" --due 30/06/2024
rm_=$(cat out.txt)
expect_status 1 "$HOSO" case remedy "$fi" --action "X" --owner "Y" --due 30/06/2023
expect_err "bad_date, due"
expect_status 2 "$HOSO" case remedy "$fi" --action "X"
expect_status 0 "$HOSO" case remedy-done "$rm_" --result "Đã ban hành quy chế mới" --date 20/06/2024
expect_status 1 "$HOSO" case remedy-done "$rm_" --result "lại"
expect_err "conflict"
# a member staying abroad
expect_status 0 "$HOSO" case new --kind o_nuoc_ngoai --subtype hoc_tap --title "Đảng viên đi học ở Nga" --org X1 --opened 2024-09-01
s=$(cut -d' ' -f1 out.txt)
expect_status 0 "$HOSO" case stay "$s" --country "Liên bang Nga" --purpose hoc_tap --arrangement tu_sinh_hoat --start 01/09/2024 --until 01/07/2028
expect_status 1 "$HOSO" case stay "$s" --country "Nga" --purpose hoc_tap --arrangement khong_ro --start 01/09/2024 --until 01/07/2028
expect_err "arrangement"
expect_status 2 "$HOSO" case stay "$s" --country "Nga"
# the people a background check covers
expect_status 0 "$HOSO" case relative "$k" --relation me --name "Quàng Thị Hoa" --member
expect_status 1 "$HOSO" case relative "$k" --relation ong_noi --name "Lò Văn Ngọc"
expect_err "bad_value, relation"
expect_status 2 "$HOSO" case relative "$k" --relation me
# a case's confidentiality, its own action; the counters follow
expect_status 0 "$HOSO" report verify
expect_status 0 "$HOSO" case classify "$k" mat --reason "Có yếu tố nước ngoài"
expect_out "mat"
expect_status 0 "$HOSO" case show "$k" --json
python3 -c 'import json; assert json.load(open("out.txt"))["confidentiality"] == 1' && ok || fail "classified: $(head -c 200 out.txt)"
expect_status 0 "$HOSO" report verify
expect_status 2 "$HOSO" case classify "$k" rat_mat
expect_status 2 "$HOSO" case classify "$k"
# reopening a closed case: a reason, back to the step before, audited
expect_status 0 "$HOSO" case new --kind kiem_tra --title "Kiểm tra hủy nhầm" --org X1 --opened 2024-03-01
kr=$(cut -d' ' -f1 out.txt)
expect_status 0 "$HOSO" case step "$kr" --to huy --note "Trùng kế hoạch"
expect_status 1 "$HOSO" case doc "$kr" --title "Báo cáo" --date 02/03/2024
expect_err "conflict, state"
expect_status 2 "$HOSO" case reopen "$kr"
expect_status 0 "$HOSO" case reopen "$kr" --reason "Hủy nhầm"
expect_out ": ke_hoach$"
expect_status 1 "$HOSO" case reopen "$kr" --reason "Lần nữa"
expect_status 0 "$HOSO" audit log --limit 3 --json
python3 -c 'import json,sys; e=json.load(open("out.txt")); e=e["entries"] if isinstance(e,dict) else e; assert any(x["action"] == "reopen" for x in e), e' && ok || fail "reopen audited: $(head -c 300 out.txt)"
expect_status 0 "$HOSO" case doc "$kr" --title "Báo cáo" --date 02/03/2024
