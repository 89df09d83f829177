# The first data routes over HTTP: scope, clearance, break the glass, audit.
init_db
add_tree X1 X2
p1=$("$HOSO" person add --name "Lò Văn Muôn" --org X1)
p2=$("$HOSO" person add --name "Lò Văn Pánh" --org X2)
add_users 123 "xem.x1 viewer X1" "lanh.dao.x1 leader X1" "kiem.toan auditor TU"
start_server
J='Content-Type: application/json'
login_users xem.x1 lanh.dao.x1 kiem.toan admin
# nothing without a session
expect_http 401 "$base/api/persons?q=lo"
expect_http 401 "$base/api/persons/$p1"
# a viewer of X1 sees X1 and nothing else
expect_http 200 -b xem.x1.jar "$base/api/orgs"
expect_body '"organisations":1'
expect_body '"code":"X1"'
grep -q '"X2"' body.txt && fail "viewer sees X2" || ok
expect_http 200 -b xem.x1.jar "$base/api/persons?q=lo%20van"
expect_body 'Lò Văn Muôn'
grep -q 'Pánh' body.txt && fail "search leaks X2" || ok
expect_http 200 -b xem.x1.jar "$base/api/persons/$p1"
expect_body '"full_name":"Lò Văn Muôn"'
expect_body '"memberships":\[\{"org":"X1"'
# out of scope = missing, byte for byte
expect_hidden "a person out of scope" xem.x1 "$base/api/persons/99999" "$base/api/persons/$p2"
expect_http 404 -b xem.x1.jar "$base/api/persons/abc"
# a viewer cannot break the glass, and cannot see access logs or the trail
expect_http 404 -b xem.x1.jar "$base/api/persons/$p2?reason=thanh%20tra%20theo%20quyet%20dinh%2012"
expect_http 404 -b xem.x1.jar "$base/api/persons/$p1/access-log"
expect_http 403 -b xem.x1.jar "$base/api/audit"
# a leader breaks the glass with a reason; a short reason is not one
expect_http 404 -b lanh.dao.x1.jar "$base/api/persons/$p2?reason=vi%20sao"
expect_http 200 -b lanh.dao.x1.jar "$base/api/persons/$p2?reason=Kiem%20tra%20theo%20Quyet%20dinh%2015-QD%2FUBKT"
expect_body '"full_name":"Lò Văn Pánh"'
# the record's managers see who read it; the break-glass read is flagged with its reason
expect_http 200 -b admin.jar "$base/api/persons/$p2/access-log"
expect_body '"flagged":true'
expect_body '"purpose":"Kiem tra theo Quyet dinh 15-QD/UBKT"'
expect_http 200 -b lanh.dao.x1.jar "$base/api/persons/$p1/access-log"
python3 - <<'PY' && ok || fail "every read of p1 is in its log"
import json
d = json.load(open("body.txt"))["entries"]
reads = [x for x in d if x["action"] == "read"]
assert len(reads) == 1 and reads[0]["address"] == "127.0.0.1", d
PY
# auditors read the whole trail; searches are in it
expect_http 200 -b kiem.toan.jar "$base/api/audit?limit=1000"
expect_body '"action":"search"'
expect_body '"flagged":true'
expect_field 400 limit -b kiem.toan.jar "$base/api/audit?limit=0"
expect_field 400 object_id -b kiem.toan.jar "$base/api/audit?object_id=%FF%00"
expect_http 400 -b kiem.toan.jar "$base/api/audit?before=abc"
expect_body '"message_en":"Parameter before must be a number from 1 to 9223372036854775807"'
stop_server
expect_status 0 "$HOSO" audit verify
# Writes: CSRF, roles, validation naming the field, version conflicts, audit.
echo "mat-khau-can.bo-123" | "$HOSO" user add can.bo --name "Chuyên Viên" --role officer --org X1 --password-stdin >/dev/null
start_server
login_users can.bo xem.x1
cb=$(cat can.bo.csrf)
expect_http 403 -b can.bo.jar -X POST -H "$J" --data '{"full_name": "Giàng A Dình", "org": "X1"}' "$base/api/persons"
expect_body '"code":"csrf"'
expect_http 403 -b xem.x1.jar -X POST -H "$J" -H "X-CSRF-Token: $(cat xem.x1.csrf)" --data '{"full_name": "Giàng A Dình", "org": "X1"}' "$base/api/persons"
expect_body '"code":"denied"'
expect_field 400 cccd -b can.bo.jar -X POST -H "$J" -H "X-CSRF-Token: $cb" --data '{"full_name": "Giàng A Dình", "org": "X1", "cccd": "123"}' "$base/api/persons"
expect_body '"message":"Số CCCD'
expect_field 400 ngay_sinh -b can.bo.jar -X POST -H "$J" -H "X-CSRF-Token: $cb" --data '{"full_name": "Giàng A Dình", "org": "X1", "ngay_sinh": "1990"}' "$base/api/persons"
expect_http 404 -b can.bo.jar -X POST -H "$J" -H "X-CSRF-Token: $cb" --data '{"full_name": "Giàng A Dình", "org": "X2"}' "$base/api/persons"
expect_http 201 -b can.bo.jar -X POST -H "$J" -H "X-CSRF-Token: $cb" --data '{"full_name": "Giàng A Dình", "org": "X1", "birth_date": "05/03/1962", "cccd": "011062000777"}' "$base/api/persons"
p3=$(id_of)
expect_field 409 cccd -b can.bo.jar -X POST -H "$J" -H "X-CSRF-Token: $cb" --data '{"full_name": "Vàng A Chá", "org": "X1", "cccd": "011062000777"}' "$base/api/persons"
# update with the version; a stale version is a conflict
expect_http 200 -b can.bo.jar -X PUT -H "$J" -H "X-CSRF-Token: $cb" --data '{"version": 1, "full_name": "Giàng A Dình", "birth_date": "1962", "cccd": "011062000777"}' "$base/api/persons/$p3"
expect_http 409 -b can.bo.jar -X PUT -H "$J" -H "X-CSRF-Token: $cb" --data '{"version": 1, "full_name": "Giàng A Dình"}' "$base/api/persons/$p3"
expect_body '"code":"conflict"'
expect_http 200 -b can.bo.jar "$base/api/orgs/X1/members"
expect_body 'Giàng A Dình'
expect_http 200 -b can.bo.jar "$base/api/orgs/X1"
expect_body '"versions":\[\{"name":"Đảng bộ xã A"'
expect_http 404 -b can.bo.jar "$base/api/orgs/X2"
stop_server
expect_status 0 "$HOSO" audit log --person "$p3" --json
python3 - <<'PY' && ok || fail "the update's before/after is in the trail: $(cat out.txt)"
import json
d = json.load(open("out.txt"))
upd = [x for x in d if x["action"] == "update"]
assert len(upd) == 1, d
det = json.loads(upd[0]["detail"])
assert det["birth_date"] == {"before": "1962-03-05", "after": "1962"}, det
PY
expect_status 0 "$HOSO" audit verify
# Accounts over HTTP.
start_server
login_users admin xem.x1
ad=$(cat admin.csrf)
expect_http 200 -b admin.jar "$base/api/users"
expect_body '"username":"kiem.toan"'
grep -q password_hash body.txt && fail "password hashes leave the server" || ok
expect_http 403 -b xem.x1.jar "$base/api/users"
expect_http 201 -b admin.jar -X POST -H "$J" -H "X-CSRF-Token: $ad" --data '{"username": "moi.x2", "full_name": "cà văn bun", "roles": ["viewer"], "org": "X2", "clearance": "thuong"}' "$base/api/users"
expect_body '"password":"[A-Za-z0-9]{16}"'
newpw=$(python3 -c 'import json; print(json.load(open("body.txt"))["password"])')
expect_http 409 -b admin.jar -X POST -H "$J" -H "X-CSRF-Token: $ad" --data '{"username": "moi.x2", "full_name": "X", "roles": ["viewer"], "org": "X2"}' "$base/api/users"
expect_field 400 roles -b admin.jar -X POST -H "$J" -H "X-CSRF-Token: $ad" --data '{"username": "moi.x3", "full_name": "X", "roles": ["vua"], "org": "X2"}' "$base/api/users"
login moi.x2 "$newpw"
expect_http 200 -b moi.x2.jar "$base/api/persons/$p2"
expect_http 404 -b moi.x2.jar "$base/api/persons/$p1"
# disable: the session ends at once
expect_http 200 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $ad" --data '{"disabled": true}' "$base/api/users/moi.x2"
expect_http 401 -b moi.x2.jar "$base/api/persons/$p2"
expect_http 200 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $ad" --data '{"disabled": false, "reset_password": true}' "$base/api/users/moi.x2"
expect_body '"password":"[A-Za-z0-9]{16}"'
expect_http 404 -b admin.jar -X PUT -H "$J" -H "X-CSRF-Token: $ad" --data '{"disabled": true}' "$base/api/users/khong.co"
stop_server
