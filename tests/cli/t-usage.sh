# Usage errors exit 2 with a message; --help and --version exit 0.
expect_status 2 "$HOSO"
expect_err "usage"
expect_status 0 "$HOSO" --help
expect_out "hoso person search"
expect_status 0 "$HOSO" --version
# which build and which schema
"$HOSO" --version | grep -qE '^hoso [0-9.]+ \(bản dựng / build [^;]+; lược đồ CSDL / schema [0-9]+\)$' && ok || fail "--version: $("$HOSO" --version)"
expect_out "^hoso [0-9]"
expect_status 2 "$HOSO" frobnicate
expect_err "unknown command"
expect_status 2 "$HOSO" --bogus
expect_status 2 "$HOSO" --db
expect_status 2 "$HOSO" org
expect_status 2 "$HOSO" org nope
expect_status 2 "$HOSO" person search
expect_status 2 "$HOSO" cal lunar
expect_status 2 "$HOSO" import people x.csv
expect_status 2 "$HOSO" org tree --as-of
expect_err "cần một giá trị"
expect_status 2 "$HOSO" org tree --wat
expect_err "Tùy chọn không hợp lệ"
# A query command on a database that does not exist: bad input, not created.
expect_status 1 "$HOSO" --db nothere.db org tree
expect_err "hoso init"
[ ! -e nothere.db ] && ok || fail "a missing database was created"
