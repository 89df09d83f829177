# Context everywhere (issue 14, item 8), as a commune officer sees it: a
# member's cases (subject, finding, discipline, trip, stay) and an
# organisation's cases, within scope and clearance - a case handled above
# the officer or classified above them is not listed, nor counted; cases
# found by a word of the title without diacritics, by (part of) the
# number, by a subject's name; bad input refused with 4xx.
init_db
add_tree X1 X2
add_users 123 "cv.x1 officer X1 thuong" "ld.x1 leader X1 mat" "cv.tu officer TU mat"
# Lò Văn Muôn, a member of X1, in every kind of case about a person
pm=$("$HOSO" person add --name "Lò Văn Muôn" --org X1 --admitted 02/09/2001 --full-member 02/09/2002 --status chinh_thuc)
po=$("$HOSO" person add --name "Hoàng Thị Phương" --org X1)
px=$("$HOSO" person add --name "Lò Văn Pánh" --org X2)
new_case() { # ARGS...: prints the new case's id
  "$HOSO" case new "$@" | cut -d' ' -f1
}
k=$(new_case --kind kiem_tra --title "Kiểm tra chi bộ bản Nà Khoang" --org X1 --opened 2025-03-01 --subject-person "$pm")
subj=$("$HOSO" case show "$k" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["subjects"][0]["id"])')
expect_status 0 "$HOSO" case finding "$k" --subject "$subj" --text "Chưa kê khai tài sản" --conclusion vi_pham_chua_den_muc
d=$(new_case --kind ky_luat --title "Xem xét kỷ luật đảng viên" --org X1 --opened 2025-04-01)
expect_status 0 "$HOSO" case discipline "$d" --form khien_trach --person "$pm" --violation 01/03/2025 --decided 10/04/2025
t=$(new_case --kind ra_nuoc_ngoai --title "Đi Nhật Bản học tập" --org X1 --opened 2025-05-01)
expect_status 0 "$HOSO" case trip "$t" --purpose hoc_tap --countries "Nhật Bản" --depart 01/06/2025 --return 10/06/2025
expect_status 0 "$HOSO" case traveller "$t" --person "$pm" --leader
s=$(new_case --kind o_nuoc_ngoai --title "Ở Hàn Quốc lao động" --org X1 --opened 2025-06-01 --subject-person "$pm")
expect_status 0 "$HOSO" case stay "$s" --country "Hàn Quốc" --purpose lao_dong --arrangement tu_sinh_hoat --start 01/06/2025 --until 01/06/2027
# nearby and not the officer's: the province's case about him, a mật case
# of X1 about him, another member's case, a case of X2
above=$(new_case --kind kiem_tra --title "Kiểm tra của tỉnh về đảng viên" --org TU --opened 2025-07-01 --subject-person "$pm" --subject-org X1)
secret=$(new_case --kind kiem_tra --title "Kiểm tra mật về đảng viên" --org X1 --opened 2025-07-02 --subject-person "$pm" --confidentiality mat)
other=$(new_case --kind kiem_tra --title "Kiểm tra đảng viên Phương" --org X1 --opened 2025-07-03 --subject-person "$po")
far=$(new_case --kind kiem_tra --title "Kiểm tra chi bộ bản Nà Khoang" --org X2 --opened 2025-07-04 --subject-person "$px")
start_server
login_users cv.x1 ld.x1 cv.tu
# the member's page: four cases, what each says of him, nothing hidden
expect_http 200 -b cv.x1.jar "$base/api/persons/$pm/cases"
python3 - "$k" "$d" "$t" "$s" <<'PY' && ok || fail "person cases: $(head -c 900 body.txt)"
import json, sys
k, d, t, s = map(int, sys.argv[1:])
b = json.load(open("body.txt"))
cs = {c["id"]: c for c in b["cases"]}
assert [c["id"] for c in b["cases"]] == [s, t, d, k], b
assert cs[k]["as"] == ["subject"] and cs[k]["org_name"] == "Đảng bộ xã A", cs[k]
assert [f["conclusion"] for f in cs[k]["findings"]] == ["vi_pham_chua_den_muc"], cs[k]
assert cs[d]["as"] == ["discipline"] and cs[d]["disciplines"][0]["form_name"] == "Khiển trách", cs[d]
assert cs[d]["disciplines"][0]["decided"] == "2025-04-10", cs[d]
assert cs[t]["as"] == ["traveller"] and cs[t]["travel"]["countries"] == "Nhật Bản" and cs[t]["travel"]["leader"], cs[t]
assert cs[s]["as"] == ["subject"] and cs[s]["stay"]["country"] == "Hàn Quốc", cs[s]
PY
expect_no_body() { grep -qE -- "$1" body.txt && fail "body has /$1/" || ok; }
expect_no_body "Kiểm tra của tỉnh|Kiểm tra mật|\"id\":$above,|\"id\":$secret,"
# the mật leader sees the mật case; the province's officer the province's
expect_http 200 -b ld.x1.jar "$base/api/persons/$pm/cases"
expect_body "Kiểm tra mật về đảng viên"
expect_no_body "Kiểm tra của tỉnh"
expect_http 200 -b cv.tu.jar "$base/api/persons/$pm/cases"
expect_body "Kiểm tra của tỉnh về đảng viên"
# a member out of scope is not found, as one that does not exist
expect_hidden "an out-of-scope member's cases" cv.x1 "$base/api/persons/99999/cases" "$base/api/persons/$px/cases"
expect_http 404 -b cv.x1.jar "$base/api/persons/abc/cases"
expect_http 401 "$base/api/persons/$pm/cases"
# the organisation's page: its cases, handled by it or about it
expect_http 200 -b cv.x1.jar "$base/api/orgs/X1/cases"
python3 - "$k" "$d" "$t" "$s" "$other" <<'PY' && ok || fail "org cases: $(head -c 900 body.txt)"
import json, sys
ids = list(map(int, sys.argv[1:]))
b = json.load(open("body.txt"))
assert sorted(c["id"] for c in b["cases"]) == sorted(ids), b
assert [c["id"] for c in b["cases"]] == sorted(ids, reverse=True), b
assert all(c["as"] == ["handling"] for c in b["cases"]), b
assert b["next"] is None, b
PY
# the province's officer (mật) pages through them: the province's case
# about X1 is there, as about it
expect_http 200 -b cv.tu.jar "$base/api/orgs/X1/cases?limit=2"
python3 - "$other" "$secret" <<'PY' && ok || fail "org cases, a page: $(head -c 900 body.txt)"
import json, sys
other, secret = map(int, sys.argv[1:])
b = json.load(open("body.txt"))
assert [c["id"] for c in b["cases"]] == [other, secret] and b["next"] == secret, b
PY
expect_http 200 -b cv.tu.jar "$base/api/orgs/X1/cases?before=$secret&limit=1000"
python3 - "$above" "$s" "$t" "$d" "$k" <<'PY' && ok || fail "org cases, the next page: $(head -c 900 body.txt)"
import json, sys
ids = list(map(int, sys.argv[1:]))
b = json.load(open("body.txt"))
assert [c["id"] for c in b["cases"]] == ids and b["next"] is None, b
assert b["cases"][0]["as"] == ["subject"] and b["cases"][0]["org"] == "TU", b
PY
expect_field 400 limit -b cv.x1.jar "$base/api/orgs/X1/cases?limit=0"
expect_field 400 before -b cv.x1.jar "$base/api/orgs/X1/cases?before=x"
expect_http 404 -b cv.x1.jar "$base/api/orgs/X2/cases"
expect_http 404 -b cv.x1.jar "$base/api/orgs/TU/cases"
# finding cases: a title word without diacritics, a number, a name
q() { # USER QUERY: the ids found, newest first
  expect_http 200 -b "$1.jar" --get --data-urlencode "q=$2" "$base/api/cases"
  python3 -c 'import json; print(" ".join(str(c["id"]) for c in json.load(open("body.txt"))["cases"]))'
}
[ "$(q cv.x1 "na khoang")" = "$k" ] && ok || fail "title search: $(head -c 300 body.txt)"
[ "$(q cv.x1 "NÀ KHOANG")" = "$k" ] && ok || fail "title search with marks"
[ "$(q cv.x1 "khoan")" = "$k" ] && ok || fail "title word prefix"
[ -z "$(q cv.x1 "oang")" ] && ok || fail "a word's middle is no match: $(head -c 300 body.txt)"
[ "$(q cv.x1 "hoang")" = "$other" ] && ok || fail "a subject by family name: $(head -c 300 body.txt)"
num=$(python3 - "$k" <<'PY'
import json, sys, subprocess, os
print(json.loads(subprocess.run([os.environ["HOSO"], "case", "show", sys.argv[1], "--json"], capture_output=True, text=True).stdout)["number"])
PY
)
[ "$(q cv.x1 "$num")" = "$k" ] && ok || fail "number search $num: $(head -c 300 body.txt)"
[ "$(q cv.x1 "$(echo "$num" | tr A-Z a-z)")" = "$k" ] && ok || fail "number search, lower case"
[ "$(q cv.x1 "lo van muon")" = "$s $t $d $k" ] && ok || fail "subject name search: $(head -c 300 body.txt)"
[ "$(q cv.x1 "phuong")" = "$other" ] && ok || fail "subject name search (Phương): $(head -c 300 body.txt)"
[ "$(q ld.x1 "lo van muon")" = "$secret $s $t $d $k" ] && ok || fail "the mật leader's search: $(head -c 300 body.txt)"
expect_http 200 -b cv.x1.jar --get --data-urlencode "q=kiem tra" --data-urlencode "kind=kiem_tra" "$base/api/cases"
expect_no_body "\"id\":($above|$secret|$far),"
expect_field 400 q -b cv.x1.jar --get --data-urlencode "q=   " "$base/api/cases"
expect_field 413 q -b cv.x1.jar --get --data-urlencode "q=$(head -c 300 /dev/zero | tr '\0' a)" "$base/api/cases"
expect_http 400 -b cv.x1.jar "$base/api/cases?q=%ff%fe"
stop_server
# the command line: the same view
expect_status 0 "$HOSO" person cases "$pm" --json
python3 -c 'import json; b = json.load(open("out.txt")); assert len(b["cases"]) == 6, b' && ok || fail "cli person cases --json: $(head -c 300 out.txt)"
expect_status 0 "$HOSO" person cases "$pm"
expect_out "KT-2025-0001 · Đảng bộ xã A .*Kiểm tra chi bộ bản Nà Khoang +subject"
expect_status 1 "$HOSO" person cases 99999
expect_status 0 "$HOSO" case list --q "na khoang"
expect_out "Nà Khoang"
