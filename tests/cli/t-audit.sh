# The audit trail from the console: reads and searches are recorded,
# tampering is found and located.
expect_status 0 "$HOSO" init
expect_status 0 "$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
expect_status 0 "$HOSO" person add --name "Lò Văn Muôn" --org TU
id=$(cat out.txt)
expect_status 0 "$HOSO" person search "lo van muon"
expect_status 0 "$HOSO" person show "$id"
expect_status 0 "$HOSO" person show "$id"
expect_status 0 "$HOSO" audit verify
expect_out "intact: [0-9]+ "
expect_status 0 "$HOSO" audit log --person "$id" --json
python3 -c '
import json
d = json.load(open("out.txt"))
reads = [x for x in d if x["action"] == "read"]
assert len(reads) == 2 and all(x["address"] == "cli" for x in reads), d
creates = [x for x in d if x["action"] == "create"]
assert len(creates) == 1 and "Lò Văn Muôn" in creates[0]["detail"], d
' && ok || fail "access log: $(cat out.txt)"
expect_status 0 "$HOSO" audit log
expect_out 'search +person'
# a read names the record; it does not copy it (changes keep before/after)
sqlite3 "$HOSO_DB" "select count(*) from audit where action = 'read' and detail is not null" > n.txt
[ "$(cat n.txt)" = 0 ] && ok || fail "record data in the audit trail"
# tamper: edit one entry behind the trigger's back
sqlite3 "$HOSO_DB" "DROP TRIGGER audit_no_update; UPDATE audit SET object_id = 999 WHERE id = 2"
# (the second entry: any entry edited is found and named)
expect_status 1 "$HOSO" audit verify
expect_err "mục 2"
expect_err "entry 2"
