# Dates a person can trust, and limits in words (issue 14, items 6 and 7),
# over HTTP as a commune officer: a day that does not exist (31/02) and a
# case opened in the future are refused with the field's label and the
# range; a plan five years ahead is taken, a day later is not; a text's
# limit is counted in characters and said in words; an oversized file is
# refused with its limit.
init_db
add_tree X1
add_users 123 "cv.x1 officer X1 thuong"
start_server
login_users cv.x1
J='Content-Type: application/json'
post() { # URL BODY: as cv.x1
  get -b cv.x1.jar -X "${3:-POST}" -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data "$2" "$base$1"
}
field() { python3 -c "import json,sys; e=json.load(open('body.txt'))['error']; print(e[sys.argv[1]])" "$1"; }
today=$(python3 -c 'import datetime; print((datetime.datetime.utcnow() + datetime.timedelta(hours=7)).date())')
tomorrow=$(python3 -c "import datetime; print(datetime.date.fromisoformat('$today') + datetime.timedelta(days=1))")
vn() { python3 -c "import sys; y, m, d = sys.argv[1].split('-'); print(f'{d}/{m}/{y}')" "$1"; }
case_body() { printf '{"kind": "kiem_tra", "title": "Kiểm tra chi bộ 1", "org": "X1", "opened": "%s"}' "$1"; }

# 31/02/2026 does not exist: refused, never rolled over to 03/03/2026
s=$(post /api/cases "$(case_body 2026-02-31)")
[ "$s" = 400 ] && [ "$(field code)" = bad_date ] && [ "$(field field)" = opened ] && ok || fail "31/02 -> $s $(cat body.txt)"
[ "$(field message)" = "Ngày mở hồ sơ không phải ngày có thật (YYYY-MM-DD)" ] && ok || fail "31/02 message: $(field message)"
[ "$(field message_en)" = "Opening date is not a real date (YYYY-MM-DD)" ] && ok || fail "31/02 English: $(field message_en)"
# opened in the future: refused, naming today
s=$(post /api/cases "$(case_body 2030-01-01)")
[ "$s" = 400 ] && [ "$(field code)" = out_of_range ] && [ "$(field field)" = opened ] && ok || fail "2030 -> $s $(cat body.txt)"
[ "$(field message)" = "Ngày mở hồ sơ không được sau hôm nay ($(vn "$today"))" ] && ok || fail "2030 message: $(field message)"
[ "$(field message_en)" = "Opening date cannot be after today ($(vn "$today"))" ] && ok || fail "2030 English: $(field message_en)"
s=$(post /api/cases "$(case_body "$tomorrow")")
[ "$s" = 400 ] && ok || fail "tomorrow -> $s"
s=$(post /api/cases "$(case_body 1929-12-31)")
[ "$s" = 400 ] && [ "$(field message)" = "Ngày mở hồ sơ phải từ 01/01/1930 đến $(vn "$today")" ] && ok || fail "1929 -> $s $(cat body.txt)"
# nothing was written
[ "$("$HOSO" case list | grep -c KT-)" = 0 ] && ok || fail "a refused case was written"
# today is a day a case may open
s=$(post /api/cases "$(case_body "$today")")
[ "$s" = 201 ] && ok || fail "today -> $s $(cat body.txt)"
c=$(id_of)
# a step dated tomorrow is refused
s=$(post "/api/cases/$c/transition" "{\"to\": \"dang_kiem_tra\", \"date\": \"$tomorrow\", \"version\": 1}")
[ "$s" = 400 ] && [ "$(field field)" = date ] && [ "$(field message)" = "Ngày không được sau hôm nay ($(vn "$today"))" ] && ok || fail "step tomorrow -> $s $(cat body.txt)"

# a trip planned five years ahead is taken; a day more is not
t=$("$HOSO" case new --kind ra_nuoc_ngoai --subtype cong_vu --title "Đoàn xã A" --org X1 | cut -d' ' -f1)
five=$(python3 -c "import datetime; d=datetime.date.fromisoformat('$today'); print(d.replace(year=d.year + 5) if not (d.month == 2 and d.day == 29) else d.replace(year=d.year + 5, day=28))")
six=$(python3 -c "import datetime; print(datetime.date.fromisoformat('$five') + datetime.timedelta(days=1))")
s=$(post "/api/cases/$t/trip" "{\"depart\": \"$six\"}" PATCH)
[ "$s" = 400 ] && [ "$(field field)" = depart ] && [ "$(field message)" = "Ngày xuất cảnh phải từ 01/01/1930 đến $(vn "$five")" ] && ok || fail "depart + 5 years + 1 day -> $s $(cat body.txt)"
s=$(post "/api/cases/$t/trip" "{\"purpose\": \"cong_tac\", \"countries\": \"Lào\", \"depart\": \"$five\", \"come_back\": \"$five\"}" PATCH)
[ "$s" = 200 ] && ok || fail "depart + 5 years -> $s $(cat body.txt)"

# an organisation's change (by the administrator): a planned day, not ten years ahead
login_users admin
s=$(get -b admin.jar -X POST -H "$J" -H "X-CSRF-Token: $(cat admin.csrf)" --data "{\"name\": \"Đảng bộ xã A mới\", \"date\": \"$six\"}" "$base/api/orgs/X1/rename")
[ "$s" = 400 ] && [ "$(field code)" = out_of_range ] && [ "$(field message)" = "Ngày hiệu lực phải từ 01/01/1930 đến $(vn "$five")" ] && ok || fail "rename 5 years + 1 day ahead -> $s $(cat body.txt)"
s=$(get -b admin.jar -X POST -H "$J" -H "X-CSRF-Token: $(cat admin.csrf)" --data '{"name": "Đảng bộ xã A mới", "date": "2026-02-31"}' "$base/api/orgs/X1/rename")
[ "$s" = 400 ] && [ "$(field code)" = bad_date ] && ok || fail "rename on 31/02 -> $s $(cat body.txt)"

# limits in words: 500 characters of a title, counted as a person counts
long=$(python3 -c 'print("đ" * 501)')
s=$(post /api/cases "{\"kind\": \"kiem_tra\", \"title\": \"$long\", \"org\": \"X1\"}")
[ "$s" = 413 ] && [ "$(field field)" = title ] && [ "$(field message)" = "Tiêu đề quá dài: tối đa 500 ký tự" ] && ok || fail "501 characters -> $s $(head -c 300 body.txt)"
[ "$(field message_en)" = "Title is too long: at most 500 characters" ] && ok || fail "501 characters, English: $(field message_en)"
s=$(post /api/cases "{\"kind\": \"kiem_tra\", \"title\": \"${long%đ}\", \"org\": \"X1\"}")
[ "$s" = 201 ] && ok || fail "500 characters (1,000 bytes) -> $s $(head -c 300 body.txt)"
s=$(post /api/cases '{"kind": "kiem_tra", "org": "X1"}')
[ "$s" = 400 ] && [ "$(field message)" = "Tiêu đề chưa được nhập" ] && ok || fail "no title -> $s $(cat body.txt)"
# no message names a field by its English name or counts bytes
grep -qE "byte|Trường '" body.txt && fail "a message in field names or bytes: $(cat body.txt)" || ok

# an oversized file: refused before it is read, with its limit in MB
head -c $((20 * 1024 * 1024 + 1)) /dev/zero > lon.pdf
s=$(get -b cv.x1.jar -X POST -H 'Content-Type: application/octet-stream' -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data-binary @lon.pdf "$base/api/cases/$c/attachments?name=lon.pdf")
[ "$s" = 413 ] && [ "$(field field)" = file ] && [ "$(field message)" = "Tệp quá lớn: tối đa 20 MB" ] && [ "$(field message_en)" = "The file is too large: at most 20 MB" ] && ok || fail "oversized file -> $s $(cat body.txt)"
stop_server
