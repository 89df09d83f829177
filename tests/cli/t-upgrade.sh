# Upgrades: a database newer than this hoso is refused, saying which
# versions; a current one is left alone; an older one holding data is
# backed up (verified by migrating a copy) before it is migrated; a
# migration that fails leaves the database as it was.
#
# An "older" database is made by undoing the last migration by hand (32:
# the table case_inspection); when a migration is added after 32, undo it
# here too.
# no database yet (the service's first start): nothing to do
expect_status 0 "$HOSO" --db none.db upgrade
expect_out "nothing to upgrade"
[ ! -e none.db ] && ok || fail "upgrade made a database"
expect_status 0 "$HOSO" init
expect_status 0 "$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
expect_status 0 "$HOSO" person add --name "Lò Văn Muôn" --org TU
latest=$(sqlite3 hoso.db "PRAGMA user_version")
[ "$latest" -ge 32 ] && ok || fail "schema version $latest"

expect_status 0 "$HOSO" upgrade
expect_out "at schema version $latest already"

# newer: refused by every command, saying what is needed
cp hoso.db newer.db
sqlite3 newer.db "PRAGMA user_version = $((latest + 1))"
expect_status 1 "$HOSO" --db newer.db upgrade
expect_err "cần bản hoso mới hơn"
expect_err "schema version $((latest + 1)); this program knows up to $latest: it needs a newer hoso"
expect_status 1 "$HOSO" --db newer.db person search "lo van muon"
expect_err "needs a newer hoso"
expect_status 1 "$HOSO" --db newer.db audit verify
expect_err "needs a newer hoso"

# older, holding data: a verified, encrypted backup first, then migrated
cp hoso.db older.db
sqlite3 older.db "DROP TABLE case_inspection; PRAGMA user_version = 31"
expect_status 0 "$HOSO" backup keygen k.key
expect_status 0 "$HOSO" --db older.db upgrade --backup-dir bk --key k.key
expect_out "Backed up before the upgrade to bk/hoso-pre-upgrade-v31-[0-9]{8}-[0-9]{6}\.db\.enc"
expect_out "Upgraded older.db from schema version 31 to $latest"
[ "$(sqlite3 older.db "PRAGMA user_version")" = "$latest" ] && ok || fail "not migrated"
pre=$(ls bk/*.db.enc | head -1)
(cd bk && sha256sum -c "$(basename "$pre").sha256" >/dev/null) && ok || fail "the pre-upgrade backup's checksum"
expect_status 0 "$HOSO" --db older.db audit log --limit 1 --json
expect_out '"action": "upgrade"'
expect_status 0 "$HOSO" --db older.db person search "lo van muon"
expect_out "1 kết quả"
# the pre-upgrade backup restores (migrated on the way, being older)
expect_status 0 "$HOSO" --db back.db restore "$pre" --key k.key
expect_status 0 "$HOSO" --db back.db audit verify
expect_status 0 "$HOSO" --db back.db person search "lo van muon"
expect_out "1 kết quả"

# a migration that fails (32's table already there): refused when the
# backup's copy is migrated, before the database is touched
cp hoso.db broken.db
sqlite3 broken.db "PRAGMA user_version = 31"
before=$(sha256sum broken.db | cut -d' ' -f1)
expect_status 1 "$HOSO" --db broken.db upgrade --backup-dir bk
expect_err "Migration 32 failed: .*stays at version 31"
[ "$(sha256sum broken.db | cut -d' ' -f1)" = "$before" ] && ok || fail "a failed upgrade changed the database"
[ "$(sqlite3 broken.db "PRAGMA user_version")" = 31 ] && ok || fail "version changed"
ls bk | grep -q 'v31.*\.db$' && fail "a backup that failed its check was kept: $(ls bk)" || ok
ls -a bk | grep -q partial && fail "partial files left: $(ls -a bk)" || ok
# and without the backup step (an empty database needs none) the
# migration itself rolls back: the same file opened by any command
expect_status 1 "$HOSO" --db broken.db person search "lo van muon"
expect_err "stays at version 31"
[ "$(sha256sum broken.db | cut -d' ' -f1)" = "$before" ] && ok || fail "a failed migration changed the database"
