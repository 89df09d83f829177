# The lunar calendar and working days, without a database.
expect_status 0 "$HOSO" cal lunar 1985-01-21
expect_out "^1/1/1985$"
expect_status 0 "$HOSO" cal lunar 2007-02-17
expect_out "^1/1/2007$"
expect_status 0 "$HOSO" cal lunar 2024-02-10
expect_out "^1/1/2024$"
expect_status 0 "$HOSO" cal lunar 2023-03-22
expect_out "^1/2 nhuận/2023$"
expect_status 0 "$HOSO" cal lunar 2023-02-20
expect_out "^1/2/2023$"
expect_status 0 "$HOSO" cal lunar 2025-07-25 --json
expect_out '"leap": true'
expect_status 0 "$HOSO" cal lunar 2025-07-25
expect_out "^1/6 nhuận/2025$"
expect_status 0 "$HOSO" cal solar 1/1/2024
expect_out "^2024-02-10$"
expect_status 0 "$HOSO" cal solar 1/2/2023 --leap
expect_out "^2023-03-22$"
expect_status 0 "$HOSO" cal solar 10/3/2024
expect_out "^2024-04-18$"
expect_status 1 "$HOSO" cal solar 1/3/2023 --leap
expect_err "nhuận"
expect_status 1 "$HOSO" cal solar 30/13/2024
expect_status 1 "$HOSO" cal lunar 2024-02-30
expect_err "bad_date"
expect_status 1 "$HOSO" cal lunar 1800-01-01
expect_err "out_of_range"
# Tết 2024 for civil servants was Thu 08/02 - Wed 14/02: seven working days
# after re-entry on Wednesday 07/02/2024 are 15, 16, 19, 20, 21, 22, 23/02.
expect_status 0 "$HOSO" cal add 2024-02-07 7
expect_out "^2024-02-23$"
expect_status 0 "$HOSO" cal count 2024-02-07 2024-02-23
expect_out "^7$"
expect_status 0 "$HOSO" cal holidays 2024
expect_out "Tết"
expect_out "30/04/2024"
expect_status 0 "$HOSO" cal holidays 2024 --json
python3 -c 'import json,sys; d=json.load(open("out.txt")); assert any(x["date"]=="2024-02-10" for x in d)' \
  && ok || fail "holidays json"
expect_status 1 "$HOSO" cal add 2024-02-07 abc
expect_status 1 "$HOSO" cal holidays 1800
# The administrator edits the yearly table in a database.
expect_status 0 "$HOSO" init
expect_status 0 "$HOSO" cal set 2026-11-24 off "Ngày Văn hóa Việt Nam" --source "Thử nghiệm"
expect_status 0 "$HOSO" cal holidays 2026
expect_out "Ngày Văn hóa Việt Nam"
expect_status 0 "$HOSO" cal add 2026-11-23 1
expect_out "^2026-11-25$"
expect_status 1 "$HOSO" cal set 2026-11-25 holiday "Sai loại"
expect_err "bad_value"
expect_status 0 "$HOSO" cal unset 2026-11-24
expect_status 0 "$HOSO" cal add 2026-11-23 1
expect_out "^2026-11-24$"
expect_status 1 "$HOSO" cal unset 2026-11-24
# A clock pause (waiting for a dossier to be supplemented) moves the deadline.
expect_status 0 "$HOSO" cal add 2024-02-07 7 --pause 2024-02-15:2024-02-16 --json
expect_out '"date": "2024-02-27"'
expect_status 0 "$HOSO" cal count 2024-02-07 2024-02-23 --pause 2024-02-15:2024-02-16
expect_out "^5$"
expect_status 2 "$HOSO" cal add 2024-02-07 7 --pause 2024-02-15
expect_status 1 "$HOSO" cal add 2024-02-07 7 --pause 2024-02-15:2024-13-01
