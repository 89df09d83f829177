# The same work on SQLite and on PostgreSQL gives the same answers: each
# command runs on a file and on a PostgreSQL database of the test's own
# (Debian's server, started here with scripts/pg.sh and stopped at the end)
# and the two outputs must be the same, but for the database's name.
pgdir=$(mktemp -d /tmp/hoso-pg-cli.XXXXXX)
pgport=$((56000 + RANDOM % 4000))
if url=$(PG_OPTS="-c synchronous_commit=off" bash "$TESTS_DIR/../../scripts/pg.sh" start \
  "$pgdir" "$pgport" 2>pg.err); then ok; else fail "PostgreSQL did not start: $(cat pg.err)"; fi

# both CMD...: the exit status and the output alike, but for the database's
# name, the first administrator's random password and the audit chain's
# head (its hashes cover the moments of the entries)
both() {
  local same='s/(password \(shown once\): ).*/\1P/; s/^head [0-9a-f]{64}$/head H/'
  "$HOSO" --db lite.db "$@" 2>&1 | sed -E "s|lite.db|DB|g; $same" >lite.txt
  local a=${PIPESTATUS[0]}
  "$HOSO" --db "$url" "$@" 2>&1 | sed -E "s|$url|DB|g; $same" >pg.txt
  local b=${PIPESTATUS[0]}
  if [ "$a" = "$b" ] && cmp -s lite.txt pg.txt; then ok
  else fail "$* differs (exit $a on SQLite, $b on PostgreSQL): $(diff lite.txt pg.txt | head -6)"; fi
  cp pg.txt out.txt
}

both init
both org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
both org create --code H1 --name "Đảng bộ huyện Mường Phăng" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01
both org create --code X1 --name "Đảng bộ xã Nà Tấu" --kind dang_bo_co_so --parent H1 --from 2000-01-01
both org create --code X2 --name "Đảng bộ xã Mường Pồn" --kind dang_bo_co_so --parent H1 --from 2000-01-01
both person add --name "Lò Văn Muôn" --org X1 --cccd 011070000001
both person add --name "Lò Thị Hoa" --org X1 --cccd 011070000002
both person add --name "Mùa A Vảng" --org X2
# a duplicate identifier is refused alike, naming it
both person add --name "Quàng Văn Ba" --org X2 --cccd 011070000001
both person search "lo van"
expect_out "1 kết quả"
both person search "Lò"
expect_out "2 kết quả"
both person search "0110700"
both org search "muong"
both org search "muo"
expect_out "Mường Phăng"
both org tree --as-of 2024-06-01
# a case through its steps, with a finding
both case new --kind kiem_tra --title "Kiểm tra khi có dấu hiệu vi phạm" --org H1 \
  --subtype dau_hieu_vi_pham --opened 01/03/2024 --subject-org X1 --subject-person 1
both case new --kind giam_sat --title "Giám sát chuyên đề" --org H1 --subtype chuyen_de \
  --opened 2024-04-02 --subject-org X2 --confidentiality mat
# the same figure, organisation and day a second time: one counter row, 2
both case new --kind kiem_tra --title "Kiểm tra lần hai" --org H1 --subtype dau_hieu_vi_pham \
  --opened 01/03/2024 --subject-org X2
both case step 1 --to quyet_dinh --date 2024-03-04 --note "QĐ số 12-QĐ/UBKT"
both case step 1 --to tu_kiem_diem
both case step 1 --to tham_tra
both case step 1 --to ket_luan --conclusion "Có vi phạm, chưa đến mức kỷ luật"
both case step 1 --to ket_luan
both case list --org H1
# the restructuring of July 2025: the two communes merge
both org merge --from X1 --from X2 --into-code X3 --into-name "Đảng bộ xã Mường Phăng mới" \
  --parent TU --date 2025-07-01
both org tree --as-of 2025-07-02
both report run --org TU --from 2024-01-01 --to 2024-12-31
expect_out "^kt_to_chuc +2 "
expect_out "^kt_dang_vien +1 "
both report run --org TU --from 2024-01-01 --to 2024-12-31 --structure-date 2025-07-02 --format csv
both report records --org TU --from 2024-01-01 --to 2024-12-31 --figure kt_to_chuc
both report verify
expect_out "agree"
both audit verify

# a backup of a PostgreSQL database is its own tools' work, said so
expect_status 1 "$HOSO" --db "$url" backup copy.db
expect_err "pg_dump"
expect_status 1 "$HOSO" --db "$url" backup --to-dir "$PWD"
expect_err "pg_basebackup"

bash "$TESTS_DIR/../../scripts/pg.sh" stop "$pgdir" >/dev/null 2>&1
rm -rf "$pgdir"
