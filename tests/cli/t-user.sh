# Accounts from the console.
expect_status 0 "$HOSO" init
expect_out "first administrator: admin"
expect_out "password \(shown once\): [A-Za-z0-9]{16}$"
expect_status 0 "$HOSO" init
expect_no_out "first administrator"
expect_status 0 "$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
expect_status 0 "$HOSO" org create --code X1 --name "Đảng bộ xã A" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01
echo "mat-khau-rat-dai-1" | "$HOSO" user add can.bo --name "Lò Văn Muôn" --role officer --org X1 --password-stdin >out.txt 2>err.txt
[ $? -eq 0 ] && ok || fail "user add with stdin password: $(cat err.txt)"
expect_no_out "password"
expect_status 0 "$HOSO" user add lanh.dao --name "Quàng Thị Hoa" --role "lãnh đạo,viewer" --org X1 --clearance "mật"
expect_out "password \(shown once\): [A-Za-z0-9]{16}$"
expect_status 1 "$HOSO" user add lanh.dao --name "Trùng" --role viewer --org X1
expect_err "duplicate"
expect_status 1 "$HOSO" user add "Bad Name" --name "X" --role viewer --org X1
expect_err "invalid, username"
expect_status 1 "$HOSO" user add kho.ng --name "X" --role boss --org X1
expect_err "bad_value, --role"
expect_status 1 "$HOSO" user add vien.chuc --name "X" --role viewer
expect_err "missing, org"
expect_status 2 "$HOSO" user add x.y
expect_status 0 "$HOSO" user list --json
python3 -c '
import json
d = {u["username"]: u for u in json.load(open("out.txt"))}
assert d["lanh.dao"]["roles"] == ["leader", "viewer"], d
assert d["lanh.dao"]["clearance"] == "mat" and d["lanh.dao"]["org"] == "X1", d
assert d["admin"]["org"] is None and d["admin"]["clearance"] == "toi_mat", d
assert "password_hash" not in d["admin"]
' && ok || fail "user list json: $(cat out.txt)"
expect_status 0 "$HOSO" user role lanh.dao --role leader --clearance "tối mật"
expect_status 0 "$HOSO" user disable can.bo
expect_status 0 "$HOSO" user list
expect_out "can.bo .*disabled"
expect_status 0 "$HOSO" user enable can.bo
expect_status 0 "$HOSO" user passwd can.bo
expect_out "new password \(shown once\): [A-Za-z0-9]{16}$"
echo "short" | "$HOSO" user passwd can.bo --password-stdin >out.txt 2>err.txt
[ $? -eq 1 ] && ok || fail "short password accepted"
expect_err "password"
expect_status 1 "$HOSO" user disable nobody
expect_err "not_found"
