# Online backup and restore give an identical database.
expect_status 0 "$HOSO" init
expect_status 0 "$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
expect_status 0 "$HOSO" org create --code C1 --name "Chi bộ Một" --kind chi_bo_co_so --parent TU --from 2000-01-01
expect_status 0 "$HOSO" person add --name "Lò Văn Muôn" --org C1
expect_status 0 "$HOSO" backup copy.db
d1=$(grep -oE 'digest [0-9a-f]{64}' out.txt)
expect_status 1 "$HOSO" backup copy.db
expect_err "không ghi đè"
expect_status 0 "$HOSO" --db restored.db restore copy.db
d2=$(grep -oE 'digest [0-9a-f]{64}' out.txt)
[ -n "$d1" ] && [ "$d1" = "$d2" ] && ok || fail "digests differ: $d1 / $d2"
expect_status 0 "$HOSO" --db restored.db person search "lo van muon"
expect_out "1 kết quả"
expect_status 0 "$HOSO" --db restored.db check
d2=$(grep -oE 'digest [0-9a-f]{64}' out.txt) # the search above is in the audit trail now
echo "not a database at all, not at all, not at all........................" > junk.db
expect_status 1 "$HOSO" --db restored.db restore junk.db
expect_status 0 "$HOSO" --db restored.db check
d3=$(grep -oE 'digest [0-9a-f]{64}' out.txt)
[ "$d2" = "$d3" ] && ok || fail "failed restore changed the database"
