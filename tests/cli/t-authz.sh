# The authorisation matrix (tests/cli/authz.py) against the real server.
echo "mat-khau-admin-1" | "$HOSO" init --admin-password-stdin >/dev/null
"$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01 >/dev/null
"$HOSO" org create --code X1 --name "Đảng bộ xã A" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01 >/dev/null
"$HOSO" org create --code X2 --name "Đảng bộ xã B" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01 >/dev/null
p1=$("$HOSO" person add --name "Lò Văn Muôn" --org X1)
p2=$("$HOSO" person add --name "Lò Văn Pánh" --org X2)
for u in "qt.x1 admin X1 thuong" "cv.x1 officer X1 thuong" "ld.x1 leader X1 mat" "xem.x1 viewer X1 thuong" "kiem.toan auditor TU toi_mat"; do
  set -- $u
  echo "mat-khau-$1-1" | "$HOSO" user add "$1" --name "Người Dùng" --role "$2" --org "$3" --clearance "$4" --password-stdin >/dev/null || fail "user $1"
done
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
python3 "$TESTS_DIR/authz.py" "$base" > authz.out 2>&1
line=$(tail -n 1 authz.out)
n_ok=$(echo "$line" | awk '{print $1}'); n_bad=$(echo "$line" | awk '{print $3}')
if [[ "$n_ok" =~ ^[0-9]+$ ]] && [[ "$n_bad" =~ ^[0-9]+$ ]]; then
  pass=$((pass + n_ok)); fail=$((fail + n_bad))
  [ "$n_bad" = 0 ] || { grep FAIL authz.out | head -30 | sed "s/^/FAIL [t-authz] /"; }
else
  fail "authz.py did not finish: $(tail -n 20 authz.out)"
fi
stop_server
