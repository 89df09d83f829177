# The organisation tree through time, from the command line.
expect_status 0 "$HOSO" init
expect_out "Đã tạo"
expect_status 0 "$HOSO" init
expect_out "đã có"
expect_status 0 "$HOSO" org create --code TU --name "Đảng bộ tỉnh Điện Biên" --kind "Đảng bộ tỉnh" --from 01/01/2000
expect_status 0 "$HOSO" org create --code H1 --name "Đảng bộ huyện Mường Ảng" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01
expect_status 0 "$HOSO" org create --code X1 --name "Đảng bộ xã Búng Lao" --kind dang_bo_co_so --parent H1 --from 2000-01-01
expect_status 0 "$HOSO" org create --code X2 --name "Đảng bộ xã Ẳng Nưa" --kind dang_bo_co_so --parent H1 --from 2000-01-01
expect_status 0 "$HOSO" org create --code CB1 --name "Chi bộ bản Co Mỵ" --kind chi_bo_truc_thuoc --parent X1 --from 2000-01-01
# bad input: named field, exit 1, nothing written
expect_status 1 "$HOSO" org create --code "X 9" --name "Xã" --kind dang_bo_co_so --parent H1 --from 2000-01-01
expect_err "code"
expect_status 1 "$HOSO" org create --code X9 --name "Xã" --kind "Chi bộ" --parent H1 --from 2000-01-01
expect_err "bad_value"
expect_status 1 "$HOSO" org create --code X9 --name "Xã" --kind dang_bo_co_so --parent NOPE --from 2000-01-01
expect_err "not_found"
expect_status 1 "$HOSO" org create --code X9 --name "Xã" --kind dang_bo_co_so --parent H1 --from 31/02/2000
expect_err "bad_date"
expect_status 1 "$HOSO" org create --code X1 --name "Trùng" --kind dang_bo_co_so --parent H1 --from 2000-01-01
expect_err "duplicate"
expect_status 2 "$HOSO" org create --code X9
# rename and history
expect_status 0 "$HOSO" org rename X1 "Đảng bộ xã Búng Lao (mới)" --date 2020-05-01 --doc "QĐ 12-QĐ/HU"
expect_status 0 "$HOSO" org show X1
expect_out "Búng Lao \(mới\)"
expect_out "QĐ 12-QĐ/HU"
expect_status 0 "$HOSO" org show X1 --json
python3 -m json.tool out.txt >/dev/null && ok || fail "org show --json is not JSON"
# the 2025 reform: merge both communes into a new commune under the province
expect_status 0 "$HOSO" org merge X1 X2 --code XM --name "Đảng bộ xã Mường Ảng" --kind dang_bo_truc_thuoc --parent TU --date 2025-07-01 --doc "QĐ 1000-QĐ/TU"
expect_status 0 "$HOSO" org dissolve H1 --date 2025-07-01
expect_status 0 "$HOSO" org tree --as-of 2025-06-30
expect_out "Đảng bộ huyện Mường Ảng"
expect_out "^      CB1"
expect_no_out "XM"
expect_status 0 "$HOSO" org tree --as-of 2025-07-01
expect_out "^  XM  Đảng bộ xã Mường Ảng"
expect_out "^    CB1"
expect_no_out "huyện"
expect_status 0 "$HOSO" org tree --json
python3 -c 'import json; d=json.load(open("out.txt")); assert d["organisations"]==3, d' && ok || fail "tree json"
expect_status 0 "$HOSO" org map X1 --as-of 2025-07-01
expect_out "X1 → XM"
expect_status 0 "$HOSO" org map X1 --as-of 2024-01-01
expect_out "X1 → X1"
expect_status 0 "$HOSO" org ancestors CB1 --as-of 2024-01-01
expect_out "H1"
expect_status 1 "$HOSO" org rename X1 "Lại tên" --date 2025-08-01
expect_err "org_state"
# split with a main successor
expect_status 0 "$HOSO" org split XM --part XA="Đảng bộ xã A" --part XB="Đảng bộ xã B" --main 2 --assign CB1=1 --date 2026-01-01
expect_status 0 "$HOSO" org map X1 --as-of 2026-02-01
expect_out "X1 → XB"
expect_status 0 "$HOSO" org ancestors CB1 --as-of 2026-02-01 --json
expect_out "XA"
expect_status 2 "$HOSO" org split XA --part Y=1 --date 2026-02-01
expect_status 0 "$HOSO" check
expect_out "ok"
