# People: add, search the Vietnamese way, list, show, transfer.
expect_status 0 "$HOSO" init
expect_status 0 "$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
expect_status 0 "$HOSO" org create --code C1 --name "Chi bộ Một" --kind chi_bo_co_so --parent TU --from 2000-01-01
expect_status 0 "$HOSO" org create --code C2 --name "Chi bộ Hai" --kind chi_bo_co_so --parent TU --from 2000-01-01
expect_status 0 "$HOSO" person add --name "Lò Văn Muôn" --org C1 --birth 12/05/1975 --sex Nam --cccd 011075000123 --admitted 02/09/2001
id=$(cat out.txt)
expect_status 0 "$HOSO" person add --name "Quàng Thị Hòa" --org C1 --birth 1980 --sex Nữ --admitted 15/03/2005 --full-member 15/03/2006
expect_status 0 "$HOSO" person add --name "Trần Văn An" --org C1
expect_status 0 "$HOSO" person add --name "Lê Đức" --org C1
expect_status 0 "$HOSO" person add --name "Nguyễn Thị Bình" --org C1
expect_status 1 "$HOSO" person add --name "Vàng A Chá" --org C1 --cccd 12345
expect_err "bad_cccd, cccd"
expect_err "12 chữ số"
expect_status 1 "$HOSO" person add --name "Vàng A Chá" --org C1 --cccd 011075000123
expect_err "duplicate"
expect_status 1 "$HOSO" person add --name "Vàng A Chá" --org C1 --birth 31/02/1990
expect_err "Ngày sinh"
expect_status 1 "$HOSO" person add --name "Vàng A Chá" --org NOPE
for q in "lo van muon" "LÒ VĂN MUÔN" "Lò Văn Muôn" "lo muon" "011075"; do
  expect_status 0 "$HOSO" person search "$q"
  expect_out "Lò Văn Muôn"
done
expect_status 0 "$HOSO" person search "quang thi hoà" --json
expect_out '"full_name": "Quàng Thị Hòa"'
python3 -m json.tool out.txt >/dev/null && ok || fail "search json"
expect_status 0 "$HOSO" person search "zzz"
expect_out "0 kết quả"
expect_status 1 "$HOSO" person search "lo" --limit 0
expect_status 0 "$HOSO" person list --org C1
# Vietnamese order by given name: An, Bình, Đức, Hòa, Muôn
order=$(grep -oE "(Trần Văn An|Nguyễn Thị Bình|Lê Đức|Quàng Thị Hòa|Lò Văn Muôn)" out.txt | tr '\n' '|')
[ "$order" = "Trần Văn An|Nguyễn Thị Bình|Lê Đức|Quàng Thị Hòa|Lò Văn Muôn|" ] && ok || fail "order: $order"
expect_status 0 "$HOSO" person show "$id"
expect_out "họ: Lò; đệm: Văn; tên: Muôn"
expect_status 0 "$HOSO" person transfer "$id" --to C2 --date 2024-01-01
expect_status 0 "$HOSO" person show "$id" --json
python3 -c 'import json; d=json.load(open("out.txt")); assert [m["org"] for m in d["memberships"]]==["C1","C2"], d' && ok || fail "memberships"
expect_status 1 "$HOSO" person show 99999
expect_err "not_found"
expect_status 1 "$HOSO" person show abc
# Positions held.
expect_status 0 "$HOSO" person position "$id" --title "Bí thư chi bộ" --from 01/10/2020 --org C2
expect_status 0 "$HOSO" person show "$id"
expect_out "01/10/2020 – nay  Bí thư chi bộ  C2"
expect_status 1 "$HOSO" person position "$id" --title "Phó Bí thư" --from 2020-01-01 --to 2019-01-01
expect_err "bad_date"
expect_status 2 "$HOSO" person position "$id" --from 2020-01-01
# The cadre management level decides who approves trips and appraisals.
expect_status 0 "$HOSO" person add --name "Cà Văn Xôm" --org C1 --ethnicity "Thái" --management-level "Ban Thường vụ Tỉnh ủy"
mid=$(cat out.txt)
expect_status 0 "$HOSO" person show "$mid" --json
expect_out '"management_level": "Ban Thường vụ Tỉnh ủy"'
expect_out '"ethnicity": "Thái"'
