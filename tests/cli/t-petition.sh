# The register of incoming letters (đơn thư) over HTTP, as a commune's
# officer, its leaders and viewer use it, with another commune next door:
# registering, refusals named, the sender protected (never in the letter,
# its list, its case nor the trail; read only by the receiving body's
# leader and the case's assignees, audited), duplicates flagged,
# classification into a denunciation case, a complaint case linked to the
# contested discipline within its window, a transfer, a letter kept.
init_db
add_tree X1 X2
add_users 123 "cv.x1 officer X1 thuong" "ld.x1 leader X1 mat" "xem.x1 viewer X1 mat" "ld.x2 leader X2 mat" "kt.x1 auditor X1 mat" "qt.tu admin TU toi_mat"
start_server
J='Content-Type: application/json'
login_users cv.x1 ld.x1 xem.x1 ld.x2 kt.x1 qt.tu
post() { # USER PATH BODY STATUS
  expect_http "$4" -b "$1.jar" -X POST -H "$J" -H "X-CSRF-Token: $(cat "$1.csrf")" --data "$3" "$base$2"
}
id_of() { python3 -c 'import json; print(json.load(open("body.txt"))["id"])'; }
ago() { python3 -c "import datetime,sys; print((datetime.datetime.utcnow() + datetime.timedelta(hours=7) - datetime.timedelta(days=int(sys.argv[1]))).date())" "$1"; }
p1=$("$HOSO" person add --name "Lò Văn Sáng" --org X1 --admitted 02/09/2001 --full-member 02/09/2002 --status chinh_thuc)
p2=$("$HOSO" person add --name "Quàng Thị Hoa" --org X2)
letter() { # the body of a denunciation of p1, with changes "key": value...
  python3 - "$@" <<PY
import json, sys
b = {"org": "X1", "received": "$(ago 10)", "channel": "buu_dien", "kind": "to_cao",
     "sender_status": "ro_ten", "sender_name": "Nguyễn Văn Tố", "sender_address": "Bản Na, xã A",
     "summary": "Tố cáo đảng viên Lò Văn Sáng vi phạm quy định về đất đai",
     "subject_persons": [$p1]}
for kv in sys.argv[1:]:
    k, v = kv.split("=", 1)
    b[k] = json.loads(v)
print(json.dumps(b, ensure_ascii=False))
PY
}
# registered by the officer; the letter never shows the sender
post cv.x1 /api/petitions "$(letter)" 201
l1=$(id_of)
expect_http 200 -b cv.x1.jar "$base/api/petitions/$l1"
python3 - <<'PY' && ok || fail "the letter: $(head -c 600 body.txt)"
import json
b = json.load(open("body.txt"))
assert b["state"] == "moi" and b["kind"] == "to_cao" and b["org"] == "X1", b
assert b["subjects"] == [{"kind": "person", "id": b["subjects"][0]["id"], "code": None, "name": "Lò Văn Sáng"}] or b["subjects"][0]["name"] == "Lò Văn Sáng", b
assert "Nguyễn Văn Tố" not in json.dumps(b, ensure_ascii=False) and "Bản Na" not in json.dumps(b, ensure_ascii=False), b
assert b["may_read_sender"] is False and b["duplicate_of"] is None, b
PY
# the sender: the receiving body's leader reads it (audited); the officer
# and the viewer may not; another commune's leader does not find the letter
expect_http 200 -b ld.x1.jar "$base/api/petitions/$l1/sender"
python3 -c 'import json; b=json.load(open("body.txt")); assert b == {"name": "Nguyễn Văn Tố", "address": "Bản Na, xã A"}, b' && ok || fail "sender: $(cat body.txt)"
expect_http 403 -b cv.x1.jar "$base/api/petitions/$l1/sender"
expect_body '"field":"sender"'
expect_http 403 -b xem.x1.jar "$base/api/petitions/$l1/sender"
expect_http 404 -b ld.x2.jar "$base/api/petitions/$l1"
cp body.txt hidden.txt
expect_http 404 -b ld.x2.jar "$base/api/petitions/999999"
cmp -s body.txt hidden.txt && ok || fail "a hidden letter answers as a missing one"
expect_http 404 -b ld.x2.jar "$base/api/petitions/$l1/sender"
expect_http 200 -b ld.x2.jar "$base/api/petitions"
expect_body '"petitions":\[\]'
expect_http 200 -b xem.x1.jar "$base/api/petitions?state=moi"
python3 -c 'import json; b=json.load(open("body.txt")); assert [p["id"] for p in b["petitions"]] == ['"$l1"'] and "Nguyễn Văn Tố" not in open("body.txt").read(), b' && ok || fail "list: $(head -c 300 body.txt)"
expect_http 403 -b kt.x1.jar "$base/api/petitions"
# the same sender about the same member again: flagged, not merged
post cv.x1 /api/petitions "$(letter 'received="'"$(ago 5)"'"')" 201
l2=$(id_of)
expect_http 200 -b cv.x1.jar "$base/api/petitions/$l2"
python3 -c 'import json; b=json.load(open("body.txt")); assert b["duplicate_of"] == '"$l1"', b' && ok || fail "duplicate flagged: $(head -c 300 body.txt)"
# the letter's scan, kept before anyone classifies it: listed to whoever
# sees the letter, its contents read as the sender is
O='Content-Type: application/octet-stream'
printf '%%PDF-1.4\n%% don to cao Nguyen Van To\n%%%%EOF\n' > don.pdf
scan() { # USER LETTER NAME FILE STATUS
  expect_http "$5" -b "$1.jar" -X POST -H "$O" -H "X-CSRF-Token: $(cat "$1.csrf")" --data-binary "@$4" "$base/api/petitions/$2/scans?name=$3"
}
scan cv.x1 "$l1" "$(python3 -c 'import urllib.parse; print(urllib.parse.quote("Đơn tố cáo.pdf"))')" don.pdf 201
sc1=$(id_of)
echo "hello" > note.txt
scan cv.x1 "$l1" "note.pdf" note.txt 400
expect_body '"field":"file"'
scan xem.x1 "$l1" "don.pdf" don.pdf 403
scan ld.x2 "$l1" "don.pdf" don.pdf 404
expect_http 400 -b cv.x1.jar -X POST -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{}' "$base/api/petitions/$l1/scans?name=don.pdf"
expect_http 200 -b xem.x1.jar "$base/api/petitions/$l1"
python3 -c 'import json; b=json.load(open("body.txt")); assert [(s["name"], s["type"]) for s in b["scans"]] == [("Đơn tố cáo.pdf", "application/pdf")], b["scans"]' && ok || fail "the scans listed: $(head -c 600 body.txt)"
expect_http 403 -b cv.x1.jar "$base/api/petition-scans/$sc1"
expect_body '"field":"sender"'
expect_http 403 -b xem.x1.jar "$base/api/petition-scans/$sc1"
expect_missing -b ld.x2.jar "$base/api/petition-scans/99999"
expect_as_missing "another commune's scan" -b ld.x2.jar "$base/api/petition-scans/$sc1"
expect_http 200 -b ld.x1.jar "$base/api/petition-scans/$sc1"
cmp -s body.txt don.pdf && ok || fail "the scan's bytes differ"
expect_header '^Content-Disposition: attachment;'
# one kept by mistake is withdrawn with its reason, once
scan cv.x1 "$l1" "nham.pdf" don.pdf 201
sc2=$(id_of)
post cv.x1 "/api/petition-scans/$sc2/withdraw" '{"reason": " ", "version": 1}' 400
expect_body '"field":"reason"'
post xem.x1 "/api/petition-scans/$sc2/withdraw" '{"reason": "Chụp nhầm", "version": 1}' 403
post ld.x2 "/api/petition-scans/$sc2/withdraw" '{"reason": "Chụp nhầm", "version": 1}' 404
post cv.x1 "/api/petition-scans/$sc2/withdraw" '{"reason": "Chụp nhầm", "version": 1}' 200
post cv.x1 "/api/petition-scans/$sc2/withdraw" '{"reason": "Chụp nhầm", "version": 2}' 409
expect_http 200 -b cv.x1.jar "$base/api/petitions/$l1"
python3 -c 'import json; b=json.load(open("body.txt")); assert [s["withdraw_reason"] for s in b["scans"]] == [None, "Chụp nhầm"], b["scans"]' && ok || fail "the withdrawn scan: $(head -c 600 body.txt)"
# bad input: each named, nothing written
expect_http 200 -b cv.x1.jar "$base/api/petitions"
n0=$(python3 -c 'import json; print(len(json.load(open("body.txt"))["petitions"]))')
while IFS='|' read -r change code field; do
  post cv.x1 /api/petitions "$(letter "$change")" "$code"
  expect_body "\"field\":\"$field\""
done <<BAD
summary="  "|400|summary
received="2099-01-01"|400|received
sender_status="giau_ten"|400|sender_name
sender_name=null|400|sender_name
sender_status="ai_do"|400|sender_status
channel="fax"|400|channel
kind="thu"|400|kind
subject_persons=[]|400|subjects
subject_persons=[$p2]|404|subject_persons
org="X2"|404|org
kind="khieu_nai"|400|contested_case
BAD
expect_http 200 -b cv.x1.jar "$base/api/petitions"
python3 -c 'import json,sys; assert len(json.load(open("body.txt"))["petitions"]) == int(sys.argv[1])' "$n0" && ok || fail "a refused letter wrote nothing"
# classified by the leader: a denunciation case about the member, its
# title and trail without the sender; the officer may not classify
post cv.x1 "/api/petitions/$l1/classify" '{"action": "thu_ly", "version": 1}' 403
post ld.x1 "/api/petitions/$l1/classify" '{"action": "mo", "version": 1}' 400
expect_body '"field":"action"'
post ld.x1 "/api/petitions/$l1/classify" '{"action": "thu_ly", "version": 1}' 200
tc=$(python3 -c 'import json; print(json.load(open("body.txt"))["case"])')
post ld.x1 "/api/petitions/$l1/classify" '{"action": "luu", "reason": "trung_lap", "version": 2}' 409
expect_body '"field":"state"'
expect_http 200 -b cv.x1.jar "$base/api/cases/$tc"
python3 - <<'PY' && ok || fail "the denunciation case: $(head -c 800 body.txt)"
import json
b = json.load(open("body.txt"))
assert b["kind"] == "to_cao" and b["number"].startswith("TC-") and b["state"] == "thu_ly", b
assert [s.get("full_name") for s in b["subjects"]] == ["Lò Văn Sáng"], b["subjects"]
assert "Nguyễn Văn Tố" not in json.dumps(b, ensure_ascii=False), b
assert any(d["rule"] == "to_cao.giai_quyet" for d in b["deadlines"]), b["deadlines"]
PY
# assigned the case, the officer may read the sender
v=$(python3 -c 'import json; print(json.load(open("body.txt"))["version"])')
expect_http 200 -b ld.x1.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat ld.x1.csrf)" --data "{\"users\": [\"cv.x1\"], \"version\": $v}" "$base/api/cases/$tc/assignees"
expect_http 200 -b cv.x1.jar "$base/api/petitions/$l1/sender"
expect_body 'Nguyễn Văn Tố'
# the denunciation's points, each concluded before the leader concludes
post ld.x1 "/api/cases/$tc/transition" "{\"to\": \"quyet_dinh\", \"version\": $((v + 1))}" 200
post cv.x1 "/api/cases/$tc/transition" "{\"to\": \"xac_minh\", \"version\": $((v + 2))}" 200
post ld.x1 "/api/cases/$tc/transition" "{\"to\": \"ket_luan\", \"conclusion\": \"Đúng một phần\", \"version\": $((v + 3))}" 409
expect_body '"field":"points"'
post cv.x1 "/api/cases/$tc/points" '{"content": "Sử dụng đất công sai mục đích"}' 201
pa=$(id_of)
post cv.x1 "/api/cases/$tc/points" '{"content": "  "}' 400
expect_body '"field":"content"'
expect_http 400 -b cv.x1.jar -X PATCH -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"conclusion": "dung_lam", "version": 1}' "$base/api/points/$pa"
expect_body '"field":"conclusion"'
expect_http 200 -b cv.x1.jar -X PATCH -H "$J" -H "X-CSRF-Token: $(cat cv.x1.csrf)" --data '{"conclusion": "dung_mot_phan", "version": 1}' "$base/api/points/$pa"
expect_http 404 -b ld.x2.jar -X PATCH -H "$J" -H "X-CSRF-Token: $(cat ld.x2.csrf)" --data '{"conclusion": "sai", "version": 2}' "$base/api/points/$pa"
expect_http 200 -b xem.x1.jar "$base/api/cases/$tc"
python3 -c 'import json; p=json.load(open("body.txt"))["points"]; assert [(x["content"], x["conclusion"], x["conclusion_name"]) for x in p] == [("Sử dụng đất công sai mục đích", "dung_mot_phan", "Tố cáo đúng một phần")], p' && ok || fail "points: $(head -c 300 body.txt)"
post ld.x1 "/api/cases/$tc/transition" "{\"to\": \"ket_luan\", \"conclusion\": \"Tố cáo đúng một phần\", \"version\": $((v + 3))}" 200
# the papers: the notice to the denouncer names them (for the leader),
# the one to the denounced never can - not by default, not by a template
paper() { # USER PAPER STATUS
  expect_http "$3" -b "$1.jar" -X POST -H "$J" -H "X-CSRF-Token: $(cat "$1.csrf")" --data "{\"paper\": \"$2\"}" "$base/api/cases/$tc/paper-preview"
}
paper ld.x1 tc_to_cao 200
python3 -c 'import json; b=json.load(open("body.txt")); t=" ".join(x["text"] for x in b["body"]); assert "Nguyễn Văn Tố" in t and "Sử dụng đất công sai mục đích: Tố cáo đúng một phần" in t, t' && ok || fail "the notice to the denouncer: $(head -c 400 body.txt)"
paper ld.x1 tc_bi_to_cao 200
python3 -c 'import json; b=json.load(open("body.txt")); t=json.dumps(b, ensure_ascii=False); assert "Nguyễn Văn Tố" not in t and "Bản Na" not in t and "Tố cáo đúng một phần" in t, t' && ok || fail "the notice to the denounced: $(head -c 400 body.txt)"
expect_http 400 -b qt.tu.jar -X PUT -H "$J" -H "X-CSRF-Token: $(cat qt.tu.csrf)" --data '{"template": {"body": "Người tố cáo: {{sender.name}}"}, "version": 0}' "$base/api/papers/tc_bi_to_cao"
expect_body '"code":"protected_field"'
# transfer: the receiving body is needed, the date not before the letter
post ld.x1 "/api/petitions/$l2/classify" '{"action": "chuyen", "version": 1}' 400
expect_body '"field":"transfer_to"'
post ld.x1 "/api/petitions/$l2/classify" "{\"action\": \"chuyen\", \"transfer_to\": \"Ủy ban Kiểm tra Huyện ủy\", \"transfer_date\": \"$(ago 30)\", \"version\": 1}" 400
expect_body '"field":"transfer_date"'
post ld.x1 "/api/petitions/$l2/classify" "{\"action\": \"chuyen\", \"transfer_to\": \"Ủy ban Kiểm tra Huyện ủy\", \"transfer_number\": \"12-CV/UBKT\", \"version\": 1}" 200
expect_http 200 -b xem.x1.jar "$base/api/petitions/$l2"
python3 -c 'import json; b=json.load(open("body.txt")); assert (b["state"], b["transfer_to"], b["case"]) == ("chuyen", "Ủy ban Kiểm tra Huyện ủy", None), b' && ok || fail "transferred: $(head -c 300 body.txt)"
# an anonymous letter kept with its reason; "khac" needs the note
post cv.x1 /api/petitions "$(letter 'sender_status="giau_ten"' 'sender_name=null' 'sender_address=null' 'channel="hop_thu"')" 201
l3=$(id_of)
post ld.x1 "/api/petitions/$l3/classify" '{"action": "luu", "version": 1}' 400
expect_body '"field":"reason"'
post ld.x1 "/api/petitions/$l3/classify" '{"action": "luu", "reason": "khac", "version": 1}' 400
expect_body '"field":"note"'
post ld.x1 "/api/petitions/$l3/classify" '{"action": "luu", "reason": "giau_ten", "version": 1}' 200
# a complaint about a discipline: the contested decision must be the
# complainant's; opened within the window as a complaint case linked to it
post ld.x1 /api/cases '{"kind": "ky_luat", "title": "Xem xét kỷ luật đảng viên", "org": "X1", "opened": "2024-01-02"}' 201
d=$(id_of)
post ld.x1 "/api/cases/$d/disciplines" "{\"form\": \"khien_trach\", \"person\": $p1, \"violation\": \"2023-03-01\", \"decided\": \"$(ago 40)\"}" 201
p3=$("$HOSO" person add --name "Lường Văn Khác" --org X1)
post cv.x1 /api/petitions "$(letter 'kind="khieu_nai"' "contested_case=$d" "subject_persons=[$p3]")" 400
expect_body '"field":"contested_case"'
post cv.x1 /api/petitions "$(letter 'kind="khieu_nai"' "contested_case=$d" 'decision_received="'"$(ago 5)"'"' 'received="'"$(ago 10)"'"')" 400
expect_body '"field":"decision_received"'
post cv.x1 /api/petitions "$(letter 'kind="khieu_nai_to_cao"' "contested_case=$d" 'decision_received="'"$(ago 35)"'"' 'sender_name="Lò Văn Sáng"')" 201
k1=$(id_of)
post ld.x1 "/api/petitions/$k1/classify" '{"action": "thu_ly", "version": 1}' 200
kn=$(python3 -c 'import json; print(json.load(open("body.txt"))["case"])')
expect_http 200 -b cv.x1.jar "$base/api/cases/$kn"
python3 -c 'import json,sys; b=json.load(open("body.txt")); assert b["kind"] == "khieu_nai" and b["linked_case"] == int(sys.argv[1]), b' "$d" && ok || fail "the complaint case: $(head -c 500 body.txt)"
expect_http 200 -b ld.x1.jar "$base/api/petitions/$k1"
python3 -c 'import json; b=json.load(open("body.txt")); assert b["state"] == "thu_ly" and "cách gửi đơn tố cáo" in b["note"] and b["contested_case"]["kind"] == "ky_luat", b' && ok || fail "told how to denounce: $(head -c 400 body.txt)"
# past the window: not opened, kept instead
post cv.x1 /api/petitions "$(letter 'kind="khieu_nai"' "contested_case=$d" 'decision_received="'"$(ago 50)"'"' 'sender_name="Lò Văn Sáng"')" 201
k2=$(id_of)
post ld.x1 "/api/petitions/$k2/classify" '{"action": "thu_ly", "version": 1}' 400
expect_body '"field":"received"'
post ld.x1 "/api/petitions/$k2/classify" '{"action": "luu", "reason": "khac", "note": "Quá thời hạn khiếu nại", "version": 1}' 200
stop_server
# the command line: the local operator's register
expect_status 0 "$HOSO" petition add --org X1 --received "$(ago 3)" --channel truc_tiep --kind to_cao --sender-status ro_ten --sender-name "Lò Thị Gửi" --sender-address "Bản Mới" --summary "Tố cáo qua bộ phận một cửa" --subject-person "$p1"
lc=$(cat out.txt)
expect_status 0 "$HOSO" petition show "$lc"
python3 -c 'import json; b=json.load(open("out.txt")); assert b["state"] == "moi" and b["channel"] == "truc_tiep" and "Lò Thị Gửi" not in open("out.txt").read(), b' && ok || fail "petition show: $(head -c 300 out.txt)"
expect_status 0 "$HOSO" petition sender "$lc"
expect_out "^Lò Thị Gửi$"
expect_status 0 "$HOSO" petition list
expect_out "Tố cáo qua bộ phận một cửa"
expect_no_out "Lò Thị Gửi"
expect_status 2 "$HOSO" petition classify "$lc" --action mo
expect_status 1 "$HOSO" petition classify "$lc" --action luu
expect_err "reason"
expect_status 0 "$HOSO" petition classify "$lc" --action luu --reason da_giai_quyet
expect_out "^luu$"
expect_status 1 "$HOSO" petition add --org X1 --received 2099-01-01 --channel truc_tiep --kind to_cao --sender-status giau_ten --summary "X" --subject-person "$p1"
expect_err "received"
expect_status 2 "$HOSO" petition add --org X1
# the trail: reads of the sender are audited; no entry carries the sender
"$HOSO" audit log --limit 1000 --json >audit.json
python3 -c "import json; t=json.load(open(\"audit.json\")); assert len(t) < 1000 and any(x[\"action\"] == \"create\" and x[\"object_type\"] == \"petition\" for x in t), (len(t), sorted(set((x[\"action\"], x[\"object_type\"]) for x in t)))" && ok || fail "the whole trail read"
python3 - <<'PY' && ok || fail "trail: $(head -c 400 audit.json)"
import json
t = json.load(open("audit.json"))
assert sum(1 for x in t if x["action"] == "read_sender" and x["object_type"] == "petition") >= 2, t[:3]
assert any(x["action"] == "classify" and x["object_type"] == "petition" for x in t)
assert any(x["action"] == "create" and x["object_type"] == "case" and "petition" in (x.get("detail") or "") for x in t)
def text(v):  # every string of the trail, details decoded
    if isinstance(v, str):
        try:
            return text(json.loads(v)) + v
        except ValueError:
            return v
    if isinstance(v, dict):
        return " ".join(text(x) for x in v.values())
    if isinstance(v, list):
        return " ".join(text(x) for x in v)
    return str(v)
all_text = text(t)
assert "Lò Văn Sáng" in all_text or "petition" in all_text  # the decoding reaches the details
assert "Nguyễn Văn Tố" not in all_text and "Bản Na" not in all_text
PY
expect_status 0 "$HOSO" audit verify
expect_status 0 "$HOSO" report verify
