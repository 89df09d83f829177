# Signing in and out over HTTP: cookies, CSRF, lockout, password change.
init_db
expect_status 0 "$HOSO" org create --code TU --name "Đảng bộ tỉnh" --kind dang_bo_tinh --from 2000-01-01
echo "mat-khau-can-bo-1" | "$HOSO" user add can.bo --name "Lò Văn Muôn" --role officer --org TU --password-stdin >/dev/null
start_server
J='Content-Type: application/json'
# not signed in
expect_http 401 "$base/api/session"
expect_body '"code":"auth_required"'
# bad bodies
expect_http 400 -X POST -H "$J" --data '{"username": "can.bo"' "$base/api/session"
expect_body '"code":"invalid"'
expect_body 'dòng 1'
expect_http 400 -X POST --data 'username=can.bo&password=x' "$base/api/session"
expect_body 'application/json'
expect_field 400 password -X POST -H "$J" --data '{"username": "can.bo"}' "$base/api/session"
# wrong password and unknown user: the same answer
expect_http 401 -X POST -H "$J" --data '{"username": "can.bo", "password": "sai-mat-khau"}' "$base/api/session"
cp body.txt wrong-pass.txt
expect_http 401 -X POST -H "$J" --data '{"username": "ai.do", "password": "sai-mat-khau"}' "$base/api/session"
cmp -s body.txt wrong-pass.txt && ok || fail "unknown user and wrong password differ"
# sign in; a cookie planted before sign-in is replaced (no fixation)
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\thoso_session\tplanted0000000000000000000000000000000000000000000000000000000\n' > jar.txt
expect_http 200 -c jar.txt -b jar.txt -X POST -H "$J" --data '{"username": "can.bo", "password": "mat-khau-can-bo-1"}' "$base/api/session"
expect_body '"username":"can.bo"'
expect_body '"full_name":"Lò Văn Muôn"'
expect_body '"roles":\["officer"\]'
expect_header '^set-cookie: hoso_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict'
grep -q planted jar.txt && fail "planted session cookie kept" || ok
csrf=$(python3 -c 'import json; print(json.load(open("body.txt"))["csrf"])')
expect_http 200 -b jar.txt "$base/api/session"
expect_body "\"csrf\":\"$csrf\""
# state changes need the CSRF token
expect_http 403 -b jar.txt -X DELETE "$base/api/session"
expect_body '"code":"csrf"'
expect_http 403 -b jar.txt -X DELETE -H "X-CSRF-Token: 0000" "$base/api/session"
# change the password (with CSRF), then the old one no longer works
expect_field 401 old_password -b jar.txt -X PUT -H "$J" -H "X-CSRF-Token: $csrf" --data '{"old_password": "khong-dung-1", "new_password": "mat-khau-moi-12"}' "$base/api/session/password"
expect_http 400 -b jar.txt -X PUT -H "$J" -H "X-CSRF-Token: $csrf" --data '{"old_password": "mat-khau-can-bo-1", "new_password": "ngan"}' "$base/api/session/password"
expect_http 200 -b jar.txt -X PUT -H "$J" -H "X-CSRF-Token: $csrf" --data '{"old_password": "mat-khau-can-bo-1", "new_password": "mat-khau-moi-12"}' "$base/api/session/password"
# changing the password ended the session
expect_http 401 -b jar.txt "$base/api/session"
expect_http 401 -X POST -H "$J" --data '{"username": "can.bo", "password": "mat-khau-can-bo-1"}' "$base/api/session"
expect_http 200 -c jar.txt -X POST -H "$J" --data '{"username": "can.bo", "password": "mat-khau-moi-12"}' "$base/api/session"
csrf=$(python3 -c 'import json; print(json.load(open("body.txt"))["csrf"])')
expect_http 200 -b jar.txt -c jar.txt -X DELETE -H "X-CSRF-Token: $csrf" "$base/api/session"
expect_header '^set-cookie: hoso_session=; .*Max-Age=0'
expect_http 401 -b jar.txt "$base/api/session"
# lockout after five wrong passwords, with a clear message
for i in 1 2 3 4 5; do
  get -X POST -H "$J" --data '{"username": "admin", "password": "doan-mo-sai-1"}' "$base/api/session" >/dev/null
done
expect_http 429 -X POST -H "$J" --data '{"username": "admin", "password": "mat-khau-quan-tri-1"}' "$base/api/session"
expect_body '"code":"locked"'
expect_body 'phút'
stop_server
# A second factor: enrol, then sign in with a code (RFC 6238, computed here).
echo "mat-khau-hai-lop-1" | "$HOSO" user add hai.lop --name "Vàng Thị Mỷ" --role leader --org TU --password-stdin >/dev/null
start_server
expect_http 200 -c h.jar -X POST -H "$J" --data '{"username": "hai.lop", "password": "mat-khau-hai-lop-1"}' "$base/api/session"
hc=$(python3 -c 'import json; print(json.load(open("body.txt"))["csrf"])')
expect_http 200 -b h.jar -X POST -H "X-CSRF-Token: $hc" "$base/api/session/totp"
expect_body '"uri":"otpauth://totp/hoso:hai.lop\?secret='
secret=$(python3 -c 'import json; print(json.load(open("body.txt"))["secret"])')
totp() { python3 - "$secret" "${1:-0}" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
step = int(time.time()) // 30 + int(sys.argv[2])
h = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000))
PY
}
expect_http 401 -b h.jar -X PUT -H "$J" -H "X-CSRF-Token: $hc" --data '{"code": "123456"}' "$base/api/session/totp"
expect_http 200 -b h.jar -X PUT -H "$J" -H "X-CSRF-Token: $hc" --data "{\"code\": \"$(totp 0)\"}" "$base/api/session/totp"
expect_body '"recovery_codes":\["[A-Za-z0-9]{10}"'
recovery=$(python3 -c 'import json; print(json.load(open("body.txt"))["recovery_codes"][0])')
# now the password alone is not enough, and the answer says what is missing
expect_field 401 otp -X POST -H "$J" --data '{"username": "hai.lop", "password": "mat-khau-hai-lop-1"}' "$base/api/session"
expect_http 200 -X POST -H "$J" --data "{\"username\": \"hai.lop\", \"password\": \"mat-khau-hai-lop-1\", \"otp\": \"$(totp 1)\"}" "$base/api/session"
expect_http 200 -X POST -H "$J" --data "{\"username\": \"hai.lop\", \"password\": \"mat-khau-hai-lop-1\", \"otp\": \"$recovery\"}" "$base/api/session"
expect_http 401 -X POST -H "$J" --data "{\"username\": \"hai.lop\", \"password\": \"mat-khau-hai-lop-1\", \"otp\": \"$recovery\"}" "$base/api/session"
stop_server
expect_status 0 "$HOSO" user totp-reset hai.lop
