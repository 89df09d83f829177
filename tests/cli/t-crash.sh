# Killed with SIGKILL in the middle of an import: nothing of the file is
# written, the database is sound, and the import can simply run again.
expect_status 0 "$HOSO" init
expect_status 0 "$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
expect_status 0 "$HOSO" org create --code C1 --name "Chi bộ Một" --kind chi_bo_co_so --parent TU --from 2000-01-01
expect_status 0 "$HOSO" person add --name "Lò Văn Muôn" --org C1 --cccd 011075000123
python3 - <<'PY'
with open("big.csv", "w", encoding="utf-8") as f:
    f.write("Họ và tên,Số CCCD,Mã tổ chức\n")
    for i in range(120000):
        f.write("Giàng A Dình,0116%08d,C1\n" % i)
PY
for delay in 0.2 0.6 1.2; do
  "$HOSO" import persons big.csv >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  expect_status 0 "$HOSO" check
  expect_out "integrity: ok"
  # all or nothing: either the whole file landed before the kill, or none of it
  n=$(sqlite3 "$HOSO_DB" "select count(*) from person")
  [ "$n" = 1 ] || [ "$n" = 120001 ] && ok || fail "after kill at ${delay}s: $n persons"
  [ "$n" = 1 ] || break
done
# Indexes and triggers a bulk load drops are all back.
idx=$(sqlite3 "$HOSO_DB" "select count(*) from sqlite_schema where type in ('index','trigger') and tbl_name in ('person','membership') and sql is not null")
[ "$idx" = 11 ] && ok || fail "indexes and triggers after a killed import: $idx"
if [ "$(sqlite3 "$HOSO_DB" "select count(*) from person")" = 1 ]; then
  expect_status 0 "$HOSO" import persons big.csv
fi
expect_status 0 "$HOSO" person search "011600119999"
expect_out "Giàng A Dình"
expect_status 0 "$HOSO" check
# Killed with SIGKILL while serving audited reads: every read that was
# answered is in the trail, the chain verifies, the database is sound.
echo "mat-khau-quan-tri-1" | "$HOSO" user passwd admin --password-stdin >/dev/null
start_server --threads 4
curl -s -c k.jar -o /dev/null -H 'Content-Type: application/json' \
  --data '{"username": "admin", "password": "mat-khau-quan-tri-1"}' "$base/api/session"
before=$(sqlite3 "$HOSO_DB" "select count(*) from audit where action = 'read'")
( for i in $(seq 1 4000); do
    curl -s -o /dev/null -w '%{http_code}\n' -b k.jar "$base/api/persons/1" || echo 000
  done > codes.txt ) &
lpid=$!
sleep 1.5
kill -9 "$spid"
wait "$spid" 2>/dev/null
wait "$lpid" 2>/dev/null
answered=$(grep -c '^200$' codes.txt)
after=$(sqlite3 "$HOSO_DB" "select count(*) from audit where action = 'read'")
[ "$answered" -gt 0 ] && ok || fail "no read was answered before the kill"
[ $((after - before)) -ge "$answered" ] && ok || fail "answered $answered reads, only $((after - before)) in the trail"
expect_status 0 "$HOSO" check
expect_status 0 "$HOSO" audit verify
