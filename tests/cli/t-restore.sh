# The restore drill: a database with data, an encrypted backup taken while
# four writers add persons (through hoso, so the audit trail grows too),
# the live database changed and damaged, a tampered backup refused with
# the live file untouched, the database in use refused, then the restore:
# the old file kept aside, the data back, report verify and audit verify
# clean.
expect_status 0 "$HOSO" init
expect_status 0 "$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
expect_status 0 "$HOSO" org create --code C1 --name "Chi bộ Một" --kind chi_bo_co_so --parent TU --from 2000-01-01
for n in "Lò Văn Muôn" "Hà Thị Lan" "Nguyễn Văn An"; do
  expect_status 0 "$HOSO" person add --name "$n" --org C1
done
expect_status 0 "$HOSO" backup keygen drill.key

# four writers, each adding persons until told to stop
rm -f stop
for w in 1 2 3 4; do
  (i=0
   while [ ! -e stop ]; do
     name="Đặng Văn $(echo "${w}x$i" | tr 0-9x A-JK)"
     "$HOSO" person add --name "$name" --org C1 >/dev/null 2>>"writer$w.err" ||
       echo "writer $w: write $i failed" >>"writer$w.err"
     i=$((i + 1))
   done
   echo "$i" > "writer$w.count") &
done
sleep 1
t0=$(date +%s%N)
expect_status 0 timeout 120 "$HOSO" backup drill.db.enc --key drill.key
t1=$(date +%s%N)
echo "  backup under four writers: $(( (t1 - t0) / 1000000 )) ms ($(grep -oE '[0-9.]+ s;' out.txt))"
backup_digest=$(grep -oE 'digest [0-9a-f]{64}' out.txt | cut -d' ' -f2)
sleep 1
touch stop
wait
[ -n "$backup_digest" ] && ok || fail "no digest printed: $(cat out.txt)"
writes=$(( $(cat writer*.count | paste -sd+) ))
echo "  writers: $writes writes in all, errors: $(cat writer*.err | wc -l)"
[ "$writes" -gt 4 ] && ok || fail "the writers wrote $writes times"
cat writer*.err | grep -q . && fail "writers saw errors: $(head -c 400 writer1.err writer2.err)" || ok
expect_status 0 "$HOSO" audit verify
persons_then=$("$HOSO" person search "dang van" --limit 1000 | grep -oE '[0-9]+ kết quả')

# the live database changed after the backup, then damaged
expect_status 0 "$HOSO" person add --name "Kẻ Đến Sau" --org C1
cp drill.db.enc tampered.db.enc
python3 -c 'import os; n = os.path.getsize("tampered.db.enc") // 2; f = open("tampered.db.enc", "r+b")
f.seek(n); b = f.read(1); f.seek(n); f.write(bytes([b[0] ^ 0x01]))'
expect_status 0 "$HOSO" backup plain.db
before=$(sha256sum hoso.db | cut -d' ' -f1)
expect_status 1 "$HOSO" restore tampered.db.enc --key drill.key
expect_err "tampered"
[ "$(sha256sum hoso.db | cut -d' ' -f1)" = "$before" ] && ok || fail "a refused restore changed hoso.db"
ls | grep -q before-restore && fail "a refused restore kept something aside: $(ls)" || ok

# a backup whose audit trail was edited (a sound SQLite file, a plain
# backup): refused when checked, before anything is replaced
cp plain.db forged.db
sqlite3 forged.db "DROP TRIGGER audit_no_update; UPDATE audit SET purpose = 'sửa' WHERE id = 2"
expect_status 1 "$HOSO" restore forged.db
expect_err "hash chain in .* breaks at entry 2"
[ "$(sha256sum hoso.db | cut -d' ' -f1)" = "$before" ] && ok || fail "a refused restore changed hoso.db"

# in use (the service): refused
python3 -c 'import sqlite3, time, sys
c = sqlite3.connect("hoso.db"); c.execute("SELECT count(*) FROM person").fetchall()
open("held", "w").close(); time.sleep(30)' &
holder=$!
for _ in $(seq 1 100); do [ -e held ] && break; sleep 0.05; done
expect_status 1 "$HOSO" restore drill.db.enc --key drill.key
expect_err "in use"
kill "$holder"; wait "$holder" 2>/dev/null
[ "$(sha256sum hoso.db | cut -d' ' -f1)" = "$before" ] && ok || fail "a refused restore changed hoso.db"

# (its log folded in first, so that the file kept aside is the one damaged)
sqlite3 hoso.db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
dd if=/dev/urandom of=hoso.db bs=4096 seek=3 count=4 conv=notrunc 2>/dev/null
damaged=$(sha256sum hoso.db | cut -d' ' -f1)
expect_status 0 "$HOSO" restore drill.db.enc --key drill.key
expect_out "kept as [^ ]*hoso.db.before-restore-[0-9]{8}-[0-9]{6}(-[0-9]+)?"
aside=$(grep -oE '[^ ]*hoso.db.before-restore-[0-9]{8}-[0-9]{6}(-[0-9]+)?' out.txt | head -1)
[ -n "$aside" ] && [ "$(sha256sum "$aside" | cut -d' ' -f1)" = "$damaged" ] && ok ||
  fail "the replaced database was not kept aside as it was ($aside)"
restored_digest=$(grep -oE 'digest [0-9a-f]{64}' out.txt | cut -d' ' -f2)
[ "$restored_digest" = "$backup_digest" ] && ok || fail "digest $restored_digest, backup's $backup_digest"
expect_status 0 "$HOSO" check
expect_status 0 "$HOSO" audit verify
expect_out "intact"
expect_status 0 "$HOSO" report verify
expect_status 0 "$HOSO" person search "lo van muon"
expect_out "1 kết quả"
expect_status 0 "$HOSO" person search "ke den sau"
expect_out "0 kết quả|Không có|No result"
expect_status 0 "$HOSO" person search "dang van" --limit 1000
n_restored=$(grep -oE '[0-9]+ kết quả' out.txt)
echo "  persons added by the writers: $persons_then at the end, $n_restored in the backup"
ls -a | grep -q '\.partial' && fail "partial files left: $(ls -a)" || ok
