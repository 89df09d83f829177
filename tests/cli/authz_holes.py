#!/usr/bin/env python3
"""authz_holes.py BASE - regression tests of the authorisation holes found
by the attack of issue 13, run as the people who do the work: an
administrator of one commune with clearance "mật" (qt.x1m), officers,
leaders and viewers of X1, an auditor of X1 (kt.x1), with records above
their clearance and in the commune next door (X2) close by.

Prints "N passed, N failed".  The database is prepared by t-authz.sh.
"""
import json

from authz_lib import IDS, MISSING, call, check, error_of, finish, request, sign_in

P1, P2, P3, P4, P6, P7, P8 = (IDS[k] for k in ("p1", "p2", "p3", "p4", "p6", "p7", "p8"))
sign_in(["admin", "qt.x1", "qt.x1m", "cv.x1", "ld.x1", "xem.x1", "kt.x1", "kiem.toan", "cv.x2"])


def users_by_name(who="admin"):
    st, body, _ = call("GET", "/api/users", who)
    return {u["username"]: u for u in json.loads(body)["users"]}


# ---- 1. Nobody raises a clearance past their own, nor manages an account above it.
st, body, _ = call("PUT", "/api/users/qt.x1m", "qt.x1m", {"clearance": "toi_mat"})
check(st == 403 and error_of(body)["field"] == "clearance", f"raise one's own clearance: {st} {body}")
check(users_by_name()["qt.x1m"]["clearance"] == "mat", "the clearance stayed")
st, body, _ = call("POST", "/api/users", "qt.x1m", {"username": "moi.toimat", "full_name": "Lò Văn Mới",
                                                   "roles": ["admin"], "org": "X1", "clearance": "toi_mat"})
check(st == 403, f"create a tối mật administrator as a mật one: {st} {body}")
check("moi.toimat" not in users_by_name(), "no such account was made")
st, body, _ = call("POST", "/api/users", "qt.x1m", {"username": "moi.mat", "full_name": "Lò Văn Mới",
                                                   "roles": ["viewer"], "org": "X1", "clearance": "mat"})
check(st == 201, f"create a mật viewer as a mật administrator: {st} {body}")
st, body, _ = call("PUT", "/api/users/xem.x1b", "qt.x1", {"clearance": "mat"})
check(st == 403, f"a thường administrator grants mật: {st}")
for change in ({"reset_password": True}, {"reset_totp": True}, {"disabled": True},
               {"roles": ["viewer"]}, {"clearance": "thuong"}, {"org": "X1"}):
    st, body, _ = call("PUT", "/api/users/ld.x1t", "qt.x1m", change)
    check(st == 403 and "password" not in json.loads(body), f"manage a tối mật account ({change}): {st} {body}")
st, _, _ = call("POST", "/api/session", body={"username": "ld.x1t", "password": "mat-khau-ld.x1t-1"})
check(st == 200, f"the tối mật account is untouched: sign-in {st}")
# a user update names what it changes; nothing else moves
st, body, _ = call("PUT", "/api/users/xem.x1b", "qt.x1m", {"clearance": "mat"})
u = users_by_name()["xem.x1b"]
check(st == 200 and u["clearance"] == "mat" and u["roles"] == ["viewer"] and u["org"] == "X1",
      f"only the clearance: {st} {u}")
st, body, _ = call("PUT", "/api/users/xem.x1b", "qt.x1m", {"roles": ["viewer", "leader"]})
u = users_by_name()["xem.x1b"]
check(st == 200 and u["clearance"] == "mat" and sorted(u["roles"]) == ["leader", "viewer"],
      f"only the roles (the clearance kept): {st} {u}")
for bad, field in (({}, None), ({"colour": "do"}, "colour"), ({"disabled": "yes"}, "disabled"),
                   ({"roles": []}, "roles"), ({"clearance": "rat_mat"}, "clearance")):
    st, body, _ = call("PUT", "/api/users/xem.x1b", "qt.x1m", bad)
    check(st == 400 and (field is None or error_of(body)["field"] == field), f"refused {bad}: {st} {body}")
check(users_by_name()["xem.x1b"]["disabled"] is False, "a refused request changed nothing")
# another commune's account reads as one nobody has
a = call("PUT", "/api/users/cv.x2", "qt.x1m", {"disabled": True})[:2]
b = call("PUT", "/api/users/khong.co.ai", "qt.x1m", {"disabled": True})[:2]
check(a == b and a[0] == 404, f"an account out of scope differs from a missing one: {a} {b}")

# ---- 6. A scope that has ended (H1 merged into X1 on 1/7/2025) is refused, naming the successor.
st, body, _ = call("POST", "/api/users", "admin", {"username": "cu.h1", "full_name": "Vì Văn Cũ",
                                                  "roles": ["officer"], "org": "H1"})
err = error_of(body) or {}
check(st == 409 and err.get("code") == "org_state" and "X1" in err.get("message", "")
      and "X1" in err.get("message_en", ""), f"a user for an ended organisation: {st} {body}")
st, body, _ = call("PUT", "/api/users/xem.x1b", "admin", {"org": "H1"})
check(st == 409 and "X1" in body, f"moving a user to an ended organisation: {st} {body}")

# ---- 2. An edit changes what it names: no declassification, no wiped fields.
st, body, _ = call("GET", f"/api/persons/{P7}", "qt.x1m")
p = json.loads(body)
check(st == 200 and p["confidentiality"] == 1 and p["cccd"] == "011099000777", f"P7 as read: {body[:300]}")
st, body, _ = call("PUT", f"/api/persons/{P7}", "qt.x1m", {"version": p["version"], "residence": "Bản Mới"})
check(st == 200, f"correct one field: {st} {body}")
p2 = json.loads(call("GET", f"/api/persons/{P7}", "qt.x1m")[1])
check(p2["confidentiality"] == 1 and p2["cccd"] == "011099000777" and p2["residence"] == "Bản Mới"
      and p2["full_name"] == p["full_name"] and p2["version"] == p["version"] + 1,
      f"the other fields are kept: {p2}")
st, body, _ = call("GET", f"/api/persons/{P7}", "cv.x1")
check(st == 404, f"P7 is still hidden from a thường officer: {st}")
st, body, _ = call("PUT", f"/api/persons/{P7}", "qt.x1m", {"version": p2["version"], "confidentiality": 0})
check(st == 400 and error_of(body)["field"] == "confidentiality", f"declassify through an edit: {st} {body}")
st, body, _ = call("PUT", f"/api/persons/{P7}", "qt.x1m", {"version": p2["version"], "residence": None})
p3 = json.loads(call("GET", f"/api/persons/{P7}", "qt.x1m")[1])
check(st == 200 and p3["residence"] is None and p3["cccd"] == "011099000777", f"null clears one field: {p3}")
st, body, _ = call("PUT", f"/api/persons/{P7}", "qt.x1m", {"version": p2["version"], "residence": "x"})
check(st == 409, f"a stale version: {st}")
# the confidentiality is its own action, for leaders and administrators with that clearance
v6 = json.loads(call("GET", f"/api/persons/{P6}", "ld.x1")[1])["version"]
for u, level, want in (("cv.x1", 0, 404), ("xem.x1", 0, 404), ("ld.x1", 2, 403)):
    st, body, _ = call("PUT", f"/api/persons/{P6}/confidentiality", u, {"confidentiality": level, "version": v6})
    # cv.x1 and xem.x1 may not classify (403) whatever they can see; P6 is hidden from them
    want = 403 if u in ("cv.x1", "xem.x1") else want
    check(st == want, f"classify P6 to {level} as {u}: {st}, want {want}")
st, body, _ = call("PUT", f"/api/persons/{P6}/confidentiality", "ld.x1",
                   {"confidentiality": 0, "version": v6, "reason": "Hết thời hạn bảo mật"})
check(st == 200, f"a mật leader declassifies a mật record: {st} {body}")
check(call("GET", f"/api/persons/{P6}", "cv.x1")[0] == 200, "now the officer reads it")
st, body, _ = call("GET", f"/api/audit?object_type=person&object_id={P6}&action=confidentiality", "kiem.toan")
e = json.loads(body)["entries"]
check(len(e) == 1 and e[0]["username"] == "ld.x1" and e[0]["purpose"] == "Hết thời hạn bảo mật"
      and json.loads(e[0]["detail"])["confidentiality"] == {"before": 1, "after": 0},
      f"the change is audited with its reason: {e}")
st, body, _ = call("PUT", f"/api/persons/{P6}/confidentiality", "ld.x1", {"confidentiality": 1, "version": v6 + 1})
check(st == 200, f"and classified again: {st} {body}")
check(call("GET", f"/api/persons/{P6}", "cv.x1")[:2] == call("GET", f"/api/persons/{MISSING}", "cv.x1")[:2],
      "hidden again, like a missing record")

# ... and a case's likewise (leaders only, within their clearance).
C1 = IDS["c1"]
vc = json.loads(call("GET", f"/api/cases/{C1}", "ld.x1")[1])["version"]
for u, level, want in (("cv.x1", 1, 403), ("qt.x1m", 1, 403), ("ld.x1", 2, 403)):
    st, body, _ = call("PUT", f"/api/cases/{C1}/confidentiality", u, {"confidentiality": level, "version": vc})
    check(st == want, f"classify case C1 to {level} as {u}: {st}, want {want}")
st, body, _ = call("PUT", f"/api/cases/{C1}/confidentiality", "ld.x1",
                   {"confidentiality": 1, "version": vc, "reason": "Có tài liệu mật"})
check(st == 200, f"a mật leader classifies a case: {st} {body}")
check(call("GET", f"/api/cases/{C1}", "cv.x1")[:2] == call("GET", f"/api/cases/{MISSING}", "cv.x1")[:2],
      "the case is now hidden from the thường officer like a missing one")
st, body, _ = call("PUT", f"/api/cases/{C1}/confidentiality", "ld.x1", {"confidentiality": 0, "version": vc + 1})
check(st == 200 and call("GET", f"/api/cases/{C1}", "cv.x1")[0] == 200, f"and declassified: {st}")

# ---- 3. Auditors see the trail of their own scope; above their clearance, no data.
st, body, _ = call("GET", "/api/audit?limit=1000", "kt.x1")
trail = json.loads(body)["entries"]
check(st == 200 and trail, f"the X1 auditor reads a trail: {st}")
x1_users = {u for u, x in users_by_name().items() if x["org"] == "X1"}
leaks = [x for x in trail if x["object_type"] == "person" and x["object_id"] in (P2, P4)
         and x["username"] not in x1_users]
check(not leaks, f"entries about X2's records by others: {leaks[:3]}")
check("Xôm" not in body and "Ẻn" not in body and "Pánh" not in body and "011099000444" not in body,
      "no data of records above the auditor's clearance or outside the scope")
about_p3 = [x for x in trail if x["object_type"] == "person" and x["object_id"] == P3]
check(about_p3 and all(x["detail"] is None and x["purpose"] is None for x in about_p3),
      f"entries about a mật record show the action and ids only: {about_p3[:2]}")
check(any(x["username"] == "cv.x1" for x in trail), "the X1 officers' work is in the X1 auditor's trail")
st, raw, hdr = request("GET", "/api/audit?format=csv", "kt.x1")
csv = raw.decode()
check(st == 200 and "Xôm" not in csv and "Ẻn" not in csv and "Pánh" not in csv, "the CSV export likewise")
st, body, _ = call("GET", "/api/audit?limit=1000", "kiem.toan")
check("Xôm" in body and "Pánh" in body, "the province's auditor (tối mật, whole tree) sees everything")
a = call("GET", f"/api/persons/{P2}/access-log", "kt.x1")[:2]
b = call("GET", f"/api/persons/{MISSING}/access-log", "kt.x1")[:2]
check(a == b and a[0] == 404, f"another commune's access log reads as a missing one: {a} {b}")
check(call("GET", f"/api/persons/{P1}/access-log", "kt.x1")[0] == 200, "an X1 record's access log")

# ---- 4. Denials that look exactly like a missing record.
def members_of_x1(user):
    """X1's member count in the tree, and the members its list shows."""
    node = [n for n in json.loads(call("GET", "/api/orgs", user)[1])["nodes"] if n["code"] == "X1"][0]
    listed = json.loads(call("GET", "/api/orgs/X1/members?limit=1000", user)[1])["members"]
    return node["members_total"], [m for m in listed if m["status"] in ("du_bi", "chinh_thuc")]


n_officer, listed = members_of_x1("cv.x1")
n_leader, listed_leader = members_of_x1("ld.x1")
check(n_officer == len(listed), f"X1's count matches the officer's list: {n_officer} vs {len(listed)}")
check(n_leader == len(listed_leader) == n_officer + 1,
      f"the mật member counts for the mật leader only: {n_leader}, {len(listed_leader)}, {n_officer}")
fresh = call("POST", "/api/persons", "cv.x1", {"full_name": "Lò Văn Một", "org": "X1", "cccd": "011099000999"})
twin = call("POST", "/api/persons", "cv.x1", {"full_name": "Lò Văn Hai", "org": "X1", "cccd": "011099000444"})
check(fresh[0] == twin[0] == 201 and set(json.loads(fresh[1])) == set(json.loads(twin[1])),
      f"a CCCD held by a hidden record answers as a new one: {fresh[:2]} {twin[:2]}")
twin_id = json.loads(twin[1])["id"]
st, body, _ = call("POST", "/api/persons", "cv.x1", {"full_name": "Lò Văn Ba", "org": "X1", "cccd": "011099000888"})
err = error_of(body) or {}
check(st == 409 and err.get("field") == "cccd" and str(P8) in err.get("message", "")
      and "Số" not in err.get("message_en", "") and "Citizen ID" in err.get("message_en", ""),
      f"a CCCD on a visible record is refused naming it, in English too: {st} {body}")
st, body, _ = call("GET", f"/api/persons/{twin_id}", "cv.x1")
check(json.loads(body)["possible_duplicate_of"] is None, "the officer is not told of the duplicate")
st, body, _ = call("GET", "/api/person-duplicates", "admin")
pairs = [(d["person"]["id"], d["duplicate_of"]["id"]) for d in json.loads(body)["duplicates"]]
check((twin_id, P4) in pairs, f"the province's administrator reviews the pair: {pairs}")
check(call("GET", "/api/person-duplicates", "cv.x1")[0] == 403, "officers do not")
st, body, _ = call("GET", "/api/person-duplicates", "qt.x1m")
check(json.loads(body)["duplicates"] == [], "nor does the commune's administrator see a pair with a hidden record")
# a sign-in under a name nobody has locks exactly like an account does
for name in ("xem.x1c", "khong.co.ai"):
    seen = [call("POST", "/api/session", body={"username": name, "password": "sai-mat-khau-1"})[:2]
            for _ in range(6)]
    check([s for s, _ in seen] == [401] * 5 + [429], f"{name}: {[s for s, _ in seen]}")
    if name == "xem.x1c":
        real = seen
check(real == seen, f"a locked account and a locked unknown name answer alike: {real[-1]} {seen[-1]}")
a = call("GET", "/api/cases?assignee=cv.x2", "cv.x1")[:2]
b = call("GET", "/api/cases?assignee=khong.co.ai", "cv.x1")[:2]
check(a == b == (200, '{"cases":[]}'), f"an assignee filter does not tell who has an account: {a} {b}")

# ---- 5. Input strictness.
st, body, _ = call("GET", "/api/cases?limit=5%00", "cv.x1")
check(st == 400, f"a NUL in a query value: {st} {body}")
st, body, _ = call("GET", "/api/persons?q=l%C3", "cv.x1")
check(st == 400, f"a query value that is not UTF-8: {st}")
st, body, _ = call("POST", "/api/cases", "cv.x1", {"kind": "kiem_tra", "title": "x", "org": "X1"},
                   ctype="application/jsonx")
check(st == 400, f"Content-Type application/jsonx: {st}")
st, body, _ = call("POST", "/api/cases", "cv.x1", {"kind": "kiem_tra", "title": "Kiểm tra (JSON)", "org": "X1"},
                   ctype="APPLICATION/JSON; charset=UTF-8")
check(st == 201, f"Content-Type APPLICATION/JSON: {st} {body}")
st, body, _ = call("GET", "/api/cases?state=x", "cv.x1")
check(st == 400 and error_of(body)["field"] == "state", f"state=x without a kind: {st} {body}")
check(call("GET", "/api/cases?state=dong", "cv.x1")[0] == 200, "a state some kind has")

finish()
