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

# Every backup is verified and its SHA-256 recorded: printed, beside it
# (sha256sum's format) and in the audit trail.
expect_status 0 "$HOSO" backup plain.db
expect_out "verified: integrity, audit chain of [0-9]+ entries"
sum=$(grep -oE '^SHA-256 [0-9a-f]{64}' out.txt | cut -d' ' -f2)
(sha256sum -c plain.db.sha256 >/dev/null) && ok || fail "plain.db.sha256 does not check"
[ "$(stat -c %a plain.db)" = 600 ] && ok || fail "backup mode $(stat -c %a plain.db)"
expect_status 0 "$HOSO" audit log --limit 1 --json
grep -q "sha256.*$sum" out.txt && ok || fail "audit entry lacks the sha256 $sum: $(head -c 400 out.txt)"

# Keys: a new one is 0600 and never overwritten; one others may read is refused.
expect_status 0 "$HOSO" backup keygen k.key
[ "$(stat -c %a k.key)" = 600 ] && ok || fail "key mode $(stat -c %a k.key)"
expect_status 1 "$HOSO" backup keygen k.key
expect_err "không ghi đè"
chmod 640 k.key
expect_status 1 "$HOSO" backup enc.db --key k.key
expect_err "only hoso's user may read it"
[ ! -e enc.db ] && ok || fail "a backup was written with a refused key"
chmod 600 k.key

# Encrypted: not an SQLite file, checks, restores only with its key.
expect_status 0 "$HOSO" backup enc.db --key k.key
expect_out "encrypted"
head -c 7 enc.db | grep -q HOSOBAK && ok || fail "no magic header"
(sha256sum -c enc.db.sha256 >/dev/null) && ok || fail "enc.db.sha256 does not check"
expect_status 1 "$HOSO" --db r2.db restore enc.db
expect_err "key FILE is needed"
expect_status 0 "$HOSO" backup keygen other.key
expect_status 1 "$HOSO" --db r2.db restore enc.db --key other.key
expect_err "Wrong key"
head -c 3000 enc.db > cut.db
expect_status 1 "$HOSO" --db r2.db restore cut.db --key k.key
expect_err "truncated"
cp enc.db bad.db
python3 -c 'f = open("bad.db", "r+b"); f.seek(2000); b = f.read(1); f.seek(2000); f.write(bytes([b[0] ^ 0x40]))'
expect_status 1 "$HOSO" --db r2.db restore bad.db --key k.key
expect_err "tampered"
[ ! -e r2.db ] && ok || fail "a refused restore left r2.db"
ls -a | grep -q '\.partial' && fail "partial files left: $(ls -a)" || ok
expect_status 0 "$HOSO" --db r2.db restore enc.db --key k.key
expect_status 0 "$HOSO" --db r2.db person search "lo van muon"
expect_out "1 kết quả"

# Scheduled backups: named by the time, retention prunes only its own
# names (the newest of each day/week/month), never the one just taken.
mkdir bk
for d in 20200101 20200102 20200103 20200105 20200201; do
  : > "bk/hoso-$d-010000.db"; : > "bk/hoso-$d-010000.db.sha256"
done
: > bk/hoso-20200101-020000.db.enc  # a later one, same day
: > bk/hoso-20200201-000000.db       # an earlier one, same day
: > bk/hoso.db; : > bk/notes.txt; : > bk/hoso-2020-01-01.db
expect_status 0 "$HOSO" backup --to-dir bk --keep-daily 3 --keep-monthly 2 --key k.key
expect_out "pruned"
new=$(ls bk | grep -E '^hoso-[0-9]{8}-[0-9]{6}\.db\.enc$' | sort | tail -1)
[ -n "$new" ] && [ -s "bk/$new" ] && ok || fail "no new backup in bk: $(ls bk)"
# kept: the new one (today: a day and a month), 20200201 01:00 (the
# second day; the second month), 20200105 (the third day); pruned the rest
# of the named ones
got=$(ls bk | LC_ALL=C sort | tr '\n' ' ')
want=$(printf '%s\n' hoso-20200201-010000.db hoso-20200201-010000.db.sha256 hoso-2020-01-01.db \
  hoso-20200105-010000.db hoso-20200105-010000.db.sha256 \
  "$new" "$new.sha256" hoso.db notes.txt | LC_ALL=C sort | tr '\n' ' ')
[ "$got" = "$want" ] && ok || fail "retention left: $got; want $want"
expect_status 2 "$HOSO" backup --keep-daily 3 x.db
expect_status 2 "$HOSO" backup
# The timer's backup (--scheduled) takes its directory, retention and key
# from the configuration file: one a day kept, encrypted with its key.
mkdir -p sched
expect_status 0 "$HOSO" backup keygen "$PWD/sched.key"
printf 'backup_dir = %s/sched\nbackup_key = %s/sched.key\nkeep_daily = 1\nkeep_weekly = 0\nkeep_monthly = 0\n' \
  "$PWD" "$PWD" >sched.conf
expect_status 0 "$HOSO" --config sched.conf backup --scheduled
expect_out "mã hoá"
sleep 1.1 # a second name (by the second)
expect_status 0 "$HOSO" --config sched.conf backup --scheduled
n=$(ls sched/hoso-*.db.enc 2>/dev/null | wc -l)
[ "$n" = 1 ] && ok || fail "the configuration keeps one a day; $n backups in sched/: $(ls sched)"
