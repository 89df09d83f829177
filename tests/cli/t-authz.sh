# The authorisation matrix (tests/cli/authz.py) against the real server.
init_db mat-khau-admin-1
add_tree X1 X2
p1=$("$HOSO" person add --name "Lò Văn Muôn" --org X1)
p2=$("$HOSO" person add --name "Lò Văn Pánh" --org X2)
add_users 1 "qt.x1 admin X1 thuong" "cv.x1 officer X1 thuong" "ld.x1 leader X1 mat" "xem.x1 viewer X1 thuong" "kiem.toan auditor TU toi_mat"
# cases: C1 in X1, C2 in X2, C3 in X1 and "mật"
c1=$("$HOSO" case new --kind kiem_tra --title "Kiểm tra xã A" --org X1 | cut -d' ' -f1)
c2=$("$HOSO" case new --kind kiem_tra --title "Kiểm tra xã B" --org X2 | cut -d' ' -f1)
c3=$("$HOSO" case new --kind giam_sat --title "Giám sát (mật)" --org X1 --confidentiality mat | cut -d' ' -f1)
start_server
# P3: a secret record in X1, created through the API by the administrator
get -c adm.jar -X POST -H 'Content-Type: application/json' --data '{"username": "admin", "password": "mat-khau-admin-1"}' "$base/api/session" >/dev/null
csrf=$(python3 -c 'import json; print(json.load(open("body.txt"))["csrf"])')
expect_http 201 -b adm.jar -X POST -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" --data '{"full_name": "Lò Văn Xôm", "org": "X1", "confidentiality": 1}' "$base/api/persons"
p3=$(python3 -c 'import json; print(json.load(open("body.txt"))["id"])')
printf '{"p1": %s, "p2": %s, "p3": %s, "c1": %s, "c2": %s, "c3": %s}\n' "$p1" "$p2" "$p3" "$c1" "$c2" "$c3" > ids.json
# For the holes (authz_holes.py) and the existence-leak probes
# (authz_leaks.py): more users, classified members, and in X2, hidden from
# everyone of X1, one record of every kind a route names by id.
add_users 1 "qt.x1m admin X1 mat" "kt.x1 auditor X1 thuong" "ld.x1t leader X1 toi_mat" "xem.x1b viewer X1 thuong" "xem.x1c viewer X1 thuong" "cv.x2 officer X2 thuong"
"$HOSO" org create --code H1 --name "Huyện ủy cũ" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01 >/dev/null
"$HOSO" org merge H1 --into X1 --date 2025-07-01 >/dev/null || fail "merge H1"
post_person() { # BODY: a person created by the administrator; prints its id
  expect_http 201 -b adm.jar -X POST -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" --data "$1" "$base/api/persons"
  python3 -c 'import json; print(json.load(open("body.txt"))["id"])'
}
p4=$(post_person '{"full_name": "Lò Thị Ẻn", "org": "X2", "confidentiality": 2, "cccd": "011099000444", "party_file_no": "123444DB"}')
p6=$(post_person '{"full_name": "Quàng Văn Sáu", "org": "X1", "confidentiality": 1, "admission_date": "2010-05-01", "birth_date": "1980"}')
p7=$(post_person '{"full_name": "Cầm Thị Bảy", "org": "X1", "confidentiality": 1, "cccd": "011099000777", "residence": "Bản Cũ"}')
p8=$(post_person '{"full_name": "Lường Văn Tám", "org": "X1", "cccd": "011099000888", "admission_date": "2012-05-01", "birth_date": "1985"}')
p9=$(post_person '{"full_name": "Hà Văn Chín", "org": "X1", "confidentiality": 2}')
c4=$("$HOSO" case new --kind kiem_tra --title "Kiểm tra (tối mật)" --org X1 --confidentiality toi_mat | cut -d' ' -f1)
t2=$("$HOSO" case new --kind ra_nuoc_ngoai --subtype cong_vu --title "Đoàn xã B" --org X2 | cut -d' ' -f1)
"$HOSO" case traveller "$t2" --person "$p2" >/dev/null || fail "traveller"
k2=$("$HOSO" case new --kind tham_tra_ly_lich --title "Thẩm tra xã B" --org X2 | cut -d' ' -f1)
"$HOSO" case letter "$k2" --to "Công an xã B" >/dev/null || fail "letter"
"$HOSO" case finding "$c2" --text "Nhận xét xã B" --conclusion khong_vi_pham >/dev/null || fail "finding"
printf '%%PDF-1.4\n%%%%EOF\n' > qd.pdf
"$HOSO" case attach "$c2" qd.pdf >/dev/null || fail "attach"
"$HOSO" report submit --org X2 --period 2020 >/dev/null || fail "submit"
q() { sqlite3 "$HOSO_DB" "$1"; }
f2=$(q "SELECT max(id) FROM case_finding WHERE case_id = $c2")
"$HOSO" case remedy "$f2" --action "Khắc phục" --owner "Chi ủy" --due 2030-01-01 >/dev/null || fail "remedy"
"$HOSO" case doc "$c2" --title "Quyết định xã B" --date 2024-01-02 >/dev/null || fail "doc"
"$HOSO" case note "$c2" "Ghi chú xã B" >/dev/null || fail "note"
"$HOSO" case relative "$k2" --relation bo --name "Lò Văn Bố" >/dev/null || fail "relative"
"$HOSO" case edit "$c2" --subject-person "$p2" || fail "subject"
# letters of the register: one received by X2, one tối mật in X1
q "INSERT INTO petition(org_id, received, channel, kind, sender_status, sender_name, summary) SELECT id, '2026-01-05', 'buu_dien', 'to_cao', 'khong_dia_chi', 'Người Gửi Xã B', 'Đơn xã B' FROM org WHERE code = 'X2'"
q "INSERT INTO petition(org_id, received, channel, kind, sender_status, summary, confidentiality) SELECT id, '2026-01-05', 'hop_thu', 'to_cao', 'giau_ten', 'Đơn tối mật', 2 FROM org WHERE code = 'X1'"
q "INSERT INTO case_point(case_id, content) VALUES ($c2, 'Nội dung xã B')"
po2=$(q "SELECT max(id) FROM case_point")
pt2=$(q "SELECT min(id) FROM petition")
pt4=$(q "SELECT max(id) FROM petition")
# a scan of each of those letters
for pt in "$pt2" "$pt4"; do
  q "INSERT INTO petition_scan(petition_id, sha256, filename, mime, size, at) SELECT $pt, sha256, 'don.pdf', 'application/pdf', size, '2026-01-05T00:00:00Z' FROM blob LIMIT 1"
done
ps2=$(q "SELECT min(id) FROM petition_scan")
ps4=$(q "SELECT max(id) FROM petition_scan")
python3 - "$p4" "$p6" "$p7" "$p8" "$p9" "$c4" "$t2" "$k2" "$f2" \
  "$(q "SELECT max(id) FROM case_traveller WHERE case_id = $t2")" \
  "$(q "SELECT max(id) FROM case_letter WHERE case_id = $k2")" \
  "$(q "SELECT max(id) FROM case_remedy")" \
  "$(q "SELECT max(id) FROM case_attachment WHERE case_id = $c2")" \
  "$(q "SELECT max(id) FROM report_submission")" \
  "$(q "SELECT id FROM app_user WHERE username = 'cv.x2'")" \
  "$(q "SELECT max(id) FROM case_document WHERE case_id = $c2")" \
  "$(q "SELECT max(id) FROM case_note WHERE case_id = $c2")" \
  "$(q "SELECT max(id) FROM case_relative WHERE case_id = $k2")" \
  "$(q "SELECT max(id) FROM case_subject WHERE case_id = $c2")" "$pt2" "$pt4" "$po2" "$ps2" "$ps4" <<'PY'
import json, sys
ids = json.load(open("ids.json"))
for k, v in zip(["p4", "p6", "p7", "p8", "p9", "c4", "t2", "k2", "f2", "tr2", "l2", "r2", "a2", "s2", "u.cv.x2",
                 "d2", "n2", "rel2", "sj2", "pt2", "pt4", "po2", "ps2", "ps4"],
                sys.argv[1:]):
    ids[k] = int(v)
json.dump(ids, open("ids.json", "w"))
PY
for t in authz authz_holes authz_leaks; do
  python3 "$TESTS_DIR/$t.py" "$base" > "$t.out" 2>&1
  line=$(tail -n 1 "$t.out")
  n_ok=$(echo "$line" | awk '{print $1}'); n_bad=$(echo "$line" | awk '{print $3}')
  if [[ "$line" =~ ^[0-9]+\ passed,\ [0-9]+\ failed$ ]]; then
    pass=$((pass + n_ok)); fail=$((fail + n_bad))
    [ "$n_bad" = 0 ] || { grep FAIL "$t.out" | head -30 | sed "s/^/FAIL [t-authz $t] /"; }
  else
    fail "$t.py did not finish: $(tail -n 20 "$t.out")"
  fi
done
stop_server
