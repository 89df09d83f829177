# Importing organisations and persons from real CSV and XLSX files.
expect_status 0 "$HOSO" init
# Organisations, children listed before their parents, semicolons, BOM, CRLF.
printf '\xEF\xBB\xBFM\xC3\xA3;T\xC3\xAAn;Lo\xE1\xBA\xA1i;M\xC3\xA3 c\xE1\xBA\xA5p tr\xC3\xAAn;T\xE1\xBB\xAB ng\xC3\xA0y\r\n' > orgs.csv
printf 'C1;Chi bộ Một;Chi bộ cơ sở;TU;01/01/2000\r\nTU;Đảng bộ tỉnh Điện Biên;Đảng bộ tỉnh;;01/01/2000\r\nC2;Chi bộ Hai;chi_bo_co_so;TU;01/01/2000\r\nC3;Chi bộ Ba;loại lạ;TU;01/01/2000\r\nC4;Chi bộ Bốn;chi_bo_co_so;KHONG;01/01/2000\r\n' >> orgs.csv
expect_status 1 "$HOSO" import orgs orgs.csv --report orgs-report.txt
expect_out "thêm 3"
grep -q 'Dòng 5, cột "Loại"' orgs-report.txt && ok || fail "report lacks row 5: $(cat orgs-report.txt)"
grep -q 'Dòng 6, cột "Mã cấp trên"' orgs-report.txt && ok || fail "report lacks row 6"
expect_status 0 "$HOSO" org tree
expect_out "C2"
# Persons from the messy workbook.
"$MKXLSX" messy.xlsx && ok || fail "mkxlsx"
expect_status 1 "$HOSO" import persons messy.xlsx --report persons-report.txt
expect_out "thêm 4"
expect_out "lỗi 4"
grep -q "Dòng 5, cột \"Ngày sinh\"" persons-report.txt && ok || fail "row 5: $(cat persons-report.txt)"
grep -q "Dòng 6, cột \"Số CCCD\"" persons-report.txt && ok || fail "row 6"
grep -q "Dòng 7, cột \"Mã tổ chức\"" persons-report.txt && ok || fail "row 7"
grep -q "Dòng 10" persons-report.txt && ok || fail "row 10"
grep -q "Không được đọc" persons-report.txt && fail "second sheet read" || ok
expect_status 0 "$HOSO" person search "lo van muon" --json
expect_out '"full_name": "Lò Văn Muôn"'
expect_out '"cccd": "011075000123"'
expect_out '"birth_date": "1975-05-12"'
expect_status 0 "$HOSO" person search "quang thi hoa" --json
expect_out '"birth_date": "1980"'
expect_status 0 "$HOSO" person search "thao a de" --json
expect_out '"birth_date": "1990-03"'
# Again: duplicates are refused, or updated with --update.
expect_status 1 "$HOSO" import persons messy.xlsx
expect_err "trùng CCCD"
expect_status 1 "$HOSO" import persons messy.xlsx --update
expect_out "cập nhật 2"
# All or nothing: one bad row, nothing written.
printf 'Họ và tên,Ngày sinh,Mã tổ chức\nMùa A Vảng,1970,C1\nGiàng A Dình,31/31/1970,C1\n' > aon.csv
expect_status 1 "$HOSO" import persons aon.csv --all-or-nothing
expect_err "all-or-nothing"
expect_status 0 "$HOSO" person search "mua a vang"
expect_out "0 kết quả"
printf 'Họ và tên,Ngày sinh,Mã tổ chức\nMùa A Vảng,1970,C1\n' > ok.csv
expect_status 0 "$HOSO" import persons ok.csv --all-or-nothing
expect_status 0 "$HOSO" person search "mua a vang"
expect_out "1 kết quả"
# Files that are not usable at all.
printf 'H\xe4 v\xb5 t\xaan,Ngay sinh\nNguy\xd4n V\xa8n An,1980\n' > tcvn3.csv
expect_status 1 "$HOSO" import persons tcvn3.csv
expect_err "UTF-8"
printf '\xff\xfeH\x00' > utf16.csv
expect_status 1 "$HOSO" import persons utf16.csv
expect_err "not_utf8"
printf 'Tên,Tuổi\nAn,3\n' > nohdr.csv
expect_status 1 "$HOSO" import persons nohdr.csv
expect_err "Họ và tên|ho va ten"
expect_status 1 "$HOSO" import persons does-not-exist.csv
printf 'PK\x03\x04garbage' > broken.xlsx
expect_status 1 "$HOSO" import persons broken.xlsx
expect_err "bad_file"
expect_status 0 "$HOSO" check
# The same person twice in one file: the first row stands.
printf 'Họ và tên,Số CCCD,Mã tổ chức\nLò Văn Pánh,011099000777,C1\nLò Văn Pánh,011099000777,C1\n' > twice.csv
expect_status 1 "$HOSO" import persons twice.csv --update
expect_out "thêm 1"
expect_err "cùng tệp"
# csv_rows FILE HEADER N EXPR: FILE (UTF-8) with the line HEADER, then N
# rows, row i (from 0) the value of the Python expression EXPR.
csv_rows() {
  python3 - "$@" <<'PY'
import sys
path, header, n, expr = sys.argv[1:5]
with open(path, "w", encoding="utf-8") as f:
    f.write(header + "\n")
    for i in range(int(n)):
        f.write(eval(expr, {"i": i}) + "\n")
PY
}
# expect_lines FILE PATTERN...: each PATTERN (grep) matches a line of FILE.
expect_lines() {
  local f=$1
  shift
  for p in "$@"; do
    grep -q -- "$p" "$f" && ok || fail "$f lacks /$p/: $(head -c 600 "$f")"
  done
}
# Many batches: 3,000 rows, two bad ones far apart (a short CCCD at row
# 702, a digit in a name at row 2502), reported with their rows.
csv_rows many.csv "Họ và tên;Số CCCD;Mã tổ chức" 3000 \
  '("Lò 3" if i == 2500 else "Lò Văn Muôn") + ";" + ("12" if i == 700 else "0119%08d" % i) + ";C2"'
expect_status 1 "$HOSO" import persons many.csv --report many-report.txt
expect_out "Đã đọc 3000 dòng: thêm 2998, cập nhật 0, lỗi 2"
expect_lines many-report.txt '^Dòng 702, cột "Số CCCD"' '^Dòng 2502, cột "Họ và tên"'
# A file that breaks after many good rows: nothing of it is written.
csv_rows broken.csv "Họ và tên,Số CCCD,Mã tổ chức" 2000 '"Giàng A Pó,0118%08d,C2" % i'
printf '"Giàng A Lử,011899999999,C2\n' >> broken.csv
expect_status 1 "$HOSO" import persons broken.csv
expect_err "bad_file"
expect_status 0 "$HOSO" person search "giang a po"
expect_out "0 kết quả"
# A large file into a small database is loaded in bulk (indexes rebuilt
# afterwards); duplicates are still found and reported with their rows:
# row 20002 has row 7's CCCD, row 21002 one already on record (messy.xlsx),
# row 22002 row 11's card.
csv_rows bulk.csv "Họ và tên,Số CCCD,Số thẻ đảng viên,Mã tổ chức" 30000 \
  '"Vàng A Sính,%s,%08d,C2" % ({20000: "0117%08d" % 5, 21000: "011075000123"}.get(i, "0117%08d" % i), 50000000 + (9 if i == 22000 else i))'
expect_status 1 "$HOSO" import persons bulk.csv --report bulk-report.txt
expect_out "Đã đọc 30000 dòng: thêm 29997, cập nhật 0, lỗi 3"
expect_lines bulk-report.txt '^Dòng 20002, cột "Số CCCD": Số CCCD trùng với dòng 7 trong cùng tệp' \
  '^Dòng 21002, cột "Số CCCD": Số CCCD đã có trong hồ sơ khác' '^Dòng 22002, cột "Số thẻ đảng viên"'
expect_status 0 "$HOSO" person search "011700019999"
expect_out "Vàng A Sính"
expect_status 0 "$HOSO" person search "vang a sinh" --limit 1000
expect_out "1000 kết quả"
expect_status 1 "$HOSO" person add --name "Vàng A Sính" --cccd 011700000003
expect_err "duplicate"
expect_status 0 "$HOSO" check
