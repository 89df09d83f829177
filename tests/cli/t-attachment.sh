# Files attached to a case, by the command line and over HTTP: the type
# from the first bytes, content-addressed storage, size limit, downloads
# always as attachments and in the audit trail; refusals write nothing.
init_db
add_tree X1 X2
add_users 123 "cv.x1 officer X1" "xem.x1 viewer X1" "cv.x2 officer X2" "kiem.toan auditor TU"
c1=$("$HOSO" case new --kind kiem_tra --title "Kiểm tra chuyên đề" --org X1 | cut -d" " -f1)
c2=$("$HOSO" case new --kind kiem_tra --title "Kiểm tra ở xã B" --org X2 | cut -d" " -f1)
printf '%%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%%%EOF\n' > qd.pdf
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > anh.png
printf '<html><script>alert(1)</script></html>' > trang.pdf

# Command line
expect_status 0 "$HOSO" case attach "$c1" qd.pdf --name "Quyết định 15-QĐ.pdf"
expect_out $'^[0-9]+\tQuyết định 15-QĐ.pdf\tapplication/pdf\t[0-9]+\t[0-9a-f]{64}$'
a1=$(cut -f1 out.txt)
expect_status 1 "$HOSO" case attach "$c1" trang.pdf
expect_err "PDF"
expect_status 1 "$HOSO" case attach "$c1" anh.png --name anh.pdf
expect_err "\.png"
expect_status 1 "$HOSO" case attach "$c1" khong-co.pdf
expect_status 1 "$HOSO" case attach 99999 qd.pdf
expect_err "not_found"
expect_status 0 "$HOSO" case attachment "$a1" --out back.pdf
cmp -s qd.pdf back.pdf && ok || fail "the file read back differs"
expect_status 0 "$HOSO" case show "$c1" --json
python3 -c 'import json; a=json.load(open("out.txt"))["attachments"]; assert [x["name"] for x in a] == ["Quyết định 15-QĐ.pdf"], a' && ok || fail "case show lists its attachments"

# HTTP
start_server
login_users cv.x1 xem.x1 cv.x2 kiem.toan
O='Content-Type: application/octet-stream'
upload() { # USER CASE NAME FILE STATUS [extra curl args]
  local u=$1 c=$2 n=$3 f=$4 s=$5; shift 5
  expect_http "$s" -b "$u.jar" -X POST -H "X-CSRF-Token: $(cat "$u.csrf")" "$@" \
    --data-binary "@$f" "$base/api/cases/$c/attachments?name=$n"
}
upload cv.x1 "$c1" "Bi%C3%AAn%20b%E1%BA%A3n.png" anh.png 201 -H "$O"
python3 -c 'import json; a=json.load(open("body.txt")); assert a["name"] == "Biên bản.png" and a["type"] == "image/png" and len(a["sha256"]) == 64, a' && ok || fail "upload: $(head -c 300 body.txt)"
a2=$(id_of)
upload cv.x1 "$c1" "copy.pdf" qd.pdf 201 -H "$O"
sha_cli=$("$HOSO" case attach "$c1" qd.pdf | cut -f5)
python3 -c "import json,sys; assert json.load(open('body.txt'))['sha256'] == '$sha_cli'" && ok || fail "the same bytes, the same address"
# refused, with the field named, nothing written
count() { "$HOSO" case show "$c1" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["attachments"]))'; }
before=$(count)
upload cv.x1 "$c1" "trang.pdf" trang.pdf 400 -H "$O"
expect_body '"field":"file"'
expect_body '"message_en":'
upload cv.x1 "$c1" "anh.pdf" anh.png 400 -H "$O"
expect_body '"field":"name"'
upload cv.x1 "$c1" "" qd.pdf 400 -H "$O"
expect_body '"field":"name"'
upload cv.x1 "$c1" "qd.pdf" qd.pdf 400 -H 'Content-Type: application/x-www-form-urlencoded'
expect_body '"field":"file"'
expect_http 403 -b cv.x1.jar -X POST -H "$O" -H "X-CSRF-Token: sai" --data-binary @qd.pdf "$base/api/cases/$c1/attachments?name=qd.pdf"
expect_body '"code":"csrf"'
: > rong.pdf
upload cv.x1 "$c1" "rong.pdf" rong.pdf 400 -H "$O"
head -c $((20 * 1024 * 1024 + 1)) /dev/zero > lon.pdf
{ printf '%%PDF-1.4\n'; head -c $((20 * 1024 * 1024 - 9)) /dev/zero; } > du.pdf
upload cv.x1 "$c1" "lon.pdf" lon.pdf 413 -H "$O"
expect_body '"code":"too_big"'
# Not signed in: a large body is refused before it is read, a small one
# gets 401.
expect_http 413 -X POST -H "$O" --data-binary @du.pdf "$base/api/cases/$c1/attachments?name=du.pdf"
expect_http 401 -X POST -H "$O" --data-binary @qd.pdf "$base/api/cases/$c1/attachments?name=qd.pdf"
upload xem.x1 "$c1" "qd.pdf" qd.pdf 403 -H "$O"
upload cv.x2 "$c1" "qd.pdf" qd.pdf 404 -H "$O"
[ "$(count)" = "$before" ] && ok || fail "a refused upload wrote something"
# A file of exactly 20 MiB is accepted.
upload cv.x1 "$c1" "du.pdf" du.pdf 201 -H "$O"
# download: as an attachment, its type, nosniff; hidden = missing
expect_http 200 -b xem.x1.jar "$base/api/attachments/$a2"
cmp -s body.txt anh.png && ok || fail "downloaded bytes differ"
expect_header '^Content-Type: image/png'
expect_header "^Content-Disposition: attachment; filename=\"Bi_n b_n.png\"; filename\\*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n.png"
expect_header '^X-Content-Type-Options: nosniff'
expect_hidden "an out-of-scope attachment" cv.x2 "$base/api/attachments/99999" "$base/api/attachments/$a2"
expect_http 403 -b kiem.toan.jar "$base/api/attachments/$a2"
expect_http 401 "$base/api/attachments/$a2"
expect_http 200 -b xem.x1.jar "$base/api/cases/$c1"
python3 -c 'import json; a=json.load(open("body.txt"))["attachments"]; assert len(a) == 5 and a[1]["name"] == "Biên bản.png", a' && ok || fail "the case lists its attachments"
# every download and every attachment is in the trail
expect_http 200 -b kiem.toan.jar "$base/api/audit?object_type=attachment&action=read"
python3 -c "import json; e=json.load(open('body.txt'))['entries']; assert [x['username'] for x in e if x['object_id'] == $a2] == ['xem.x1'], e" && ok || fail "the download is not in the audit trail"
expect_http 200 -b kiem.toan.jar "$base/api/audit?action=attach"
python3 -c "import json; e=json.load(open('body.txt'))['entries']; assert len(e) == 5, len(e)" && ok || fail "attachments in the audit trail: $(head -c 300 body.txt)"
stop_server
