#!/usr/bin/env python3
"""authz.py BASE - the authorisation matrix, black-box.

Every API route x every role x {in scope, out of scope, above clearance}:
asserts allow or deny, that a denial leaks nothing (an out-of-scope or
above-clearance record answers exactly like a missing one, and no denial
names a person), and that every allowed read left an audit entry.  Prints
"N passed, N failed" and exits non-zero on any failure.

The database is prepared by t-authz.sh: organisations TU > X1, X2; persons
P1 (X1), P2 (X2), P3 (X1, confidentiality "mật"); users below, all with
the password "mat-khau-<username>-1".
"""
import datetime
import json

from authz_lib import IDS, MISSING, call, check, expect_call, finish, request, sign_in

P1, P2, P3 = IDS["p1"], IDS["p2"], IDS["p3"]
# Memberships began today (Asia/Ho_Chi_Minh): a transfer must come later.
TOMORROW = (datetime.datetime.utcnow() + datetime.timedelta(hours=7, days=1)).date().isoformat()

# user -> (roles, scope)
USERS = {
    "admin": "administrator, whole tree, top secret",
    "qt.x1": "administrator of X1, normal clearance",
    "cv.x1": "officer of X1",
    "ld.x1": "leader of X1, secret clearance",
    "xem.x1": "viewer of X1",
    "kiem.toan": "auditor of TU",
    None: "not signed in",
}

sign_in(u for u in USERS if u is not None)


def call_raw(method, path, user, data, ctype="application/octet-stream"):
    return request(method, path, user, data, {"Content-Type": ctype})


def person_get(u, pid):
    return call("GET", f"/api/persons/{pid}", u)


# Who writes on a case of X1: its officer and its leader.
WRITERS = ("cv.x1", "ld.x1")


def open_case(user, **fields):
    """A case of X1 opened by user with fields (kind, title, ...); its id."""
    st, body, _ = call("POST", "/api/cases", user, {"org": "X1", **fields})
    check(st == 201, f"{fields['kind']} opened: {st}")
    return json.loads(body)["id"]


def first_id(case, key):
    """The id of the first record in the list key ("letters", ...) of case, as cv.x1 reads it."""
    st, body, _ = call("GET", f"/api/cases/{case}", "cv.x1")
    return json.loads(body)[key][0]["id"]


def writers_only(allowed, what, method, path, body):
    """Every user tries the call (body, or body(user)): the WRITERS get allowed, the others 403."""
    for u in USERS:
        expect_call(allowed if u in WRITERS else 403, what, method, path, u,
                    body(u) if callable(body) else body)


# What a missing record looks like, per user (the reference for "leaks nothing").
missing = {u: person_get(u, MISSING)[:2] for u in USERS}

READERS = {"admin", "qt.x1", "cv.x1", "ld.x1", "xem.x1"}
IN_X1 = {"qt.x1", "cv.x1", "ld.x1", "xem.x1"}
# Expected status of GET /api/persons/{id} for (user, target).
for u in USERS:
    for target, pid in (("in scope", P1), ("out of scope", P2), ("above clearance", P3)):
        st, body = person_get(u, pid)[:2]
        if u is None:
            want = 401
        elif u == "kiem.toan":
            want = 403  # auditors read the trail, not records
        elif u == "admin":
            want = 200
        elif target == "in scope":
            want = 200
        elif target == "above clearance":
            want = 200 if u == "ld.x1" else 404  # only the leader holds "mật"
        else:
            want = 404
        check(st == want, f"GET person {target} as {u}: {st}, want {want}")
        if want == 404:
            check((st, body) == missing[u], f"{target} as {u} differs from a missing record")
        if st != 200:
            check("Lò" not in body and "Muôn" not in body, f"denial names a person ({u})")

# Search: only what is in scope and clearance is found; counts never leak.
for u in USERS:
    st, body, _ = call("GET", "/api/persons?q=lo%20van", u)
    if u is None:
        check(st == 401, f"search as anonymous: {st}")
        continue
    if u == "kiem.toan":
        check(st == 403, f"search as auditor: {st}")
        continue
    ids = {r["id"] for r in json.loads(body)["results"]}
    want = {P1, P2, P3} if u == "admin" else ({P1, P3} if u == "ld.x1" else {P1})
    check(ids == want, f"search as {u}: {sorted(ids)}, want {sorted(want)}")

# Organisation tree and members.
for u in USERS:
    st, body, _ = call("GET", "/api/orgs", u)
    if u is None:
        check(st == 401, "orgs anonymous")
        continue
    codes = {n["code"] for n in json.loads(body)["nodes"]} if st == 200 else set()
    want = {"TU", "X1", "X2"} if u in ("admin", "kiem.toan") else {"X1"}
    check(codes == want, f"org tree as {u}: {sorted(codes)}")
    st, _, _ = call("GET", "/api/orgs/X2/members", u)
    want = 200 if u == "admin" else (403 if u == "kiem.toan" else 404)
    check(st == want, f"members of X2 as {u}: {st}, want {want}")
    st, _, _ = call("GET", "/api/orgs/X2", u)
    want = 200 if u in ("admin", "kiem.toan") else 404
    check(st == want, f"org X2 as {u}: {st}, want {want}")

# Writes: officers and administrators, in scope only.
for u in USERS:
    st, body, _ = expect_call(201 if u in ("admin", "qt.x1", "cv.x1") else 403, "create in X1",
                              "POST", "/api/persons", u,
                              {"full_name": "Vàng A Sính", "org": "X1"})
    st, body, _ = call("POST", "/api/persons", u,
                       {"full_name": "Vàng A Sính", "org": "X2"})
    # out of scope: the organisation does not exist for them (404), role or not
    want = 401 if u is None else (201 if u == "admin" else (403 if u == "kiem.toan" else 404))
    check(st == want, f"create in X2 as {u}: {st}, want {want}")
    st, body, _ = expect_call(200 if u == "admin" else (403 if u == "kiem.toan" else 404), "transfer an X2 person",
                              "POST", f"/api/persons/{P2}/transfer", u,
                              {"to": "TU", "date": TOMORROW})

# Changing the structure: administrators, within their scope.
for u in USERS:
    st, _, _ = expect_call(200 if u in ("admin", "qt.x1") else 403, "rename X1",
                           "POST", "/api/orgs/X1/rename", u,
                           {"name": f"Đảng bộ xã A ({u})", "date": "2021-01-01"})
    st, _, _ = expect_call(200 if u == "admin" else (403 if u == "kiem.toan" else 404), "rename X2",
                           "POST", "/api/orgs/X2/rename", u,
                           {"name": f"Đảng bộ xã B ({u})", "date": "2021-01-01"})
    st, _, _ = expect_call(201 if u in ("admin", "qt.x1") else 403, "create under X1",
                           "POST", "/api/orgs", u, {"code": f"N{abs(hash(u)) % 10000}", "name": "Chi bộ mới",
                           "kind": "chi_bo_co_so", "parent": "X1",
                           "from": "2022-01-01"})

# Accounts: administrators; auditors may list.
for u in USERS:
    st, _, _ = expect_call(200 if u in ("admin", "qt.x1", "kiem.toan") else 403, "list users",
                           "GET", "/api/users", u)
    st, _, _ = expect_call(201 if u == "admin" else (403 if u == "kiem.toan" else 404), "create a user in X2",
                           "POST", "/api/users", u, {"username": f"new.{len(u or 'anon')}x{st}",
                           "full_name": "X Y", "roles": ["viewer"],
                           "org": "X2"})

# The trail: auditors only; access logs: the record's managers.
for u in USERS:
    st, _, _ = expect_call(200 if u == "kiem.toan" else 403, "audit", "GET", "/api/audit", u)
    st, _, _ = expect_call(200 if u in ("admin", "qt.x1", "ld.x1", "kiem.toan") else 404,
                           "access log in scope", "GET", f"/api/persons/{P1}/access-log", u)
    st, _, _ = expect_call(200 if u in ("admin", "kiem.toan") else 404, "access log out of scope",
                           "GET", f"/api/persons/{P2}/access-log", u)

# Filtered reads and the CSV export of the trail: auditors only; a denial is
# a JSON error, never a file.
for u in USERS:
    for q in ("action=read&flagged=1&from=2000-01-01&to=2100-12-31", "format=csv",
              "format=csv&action=read&from=2000-01-01"):
        st, body, hdr = expect_call(200 if u == "kiem.toan" else 403, f"audit?{q}",
                                    "GET", f"/api/audit?{q}", u)
        if st != 200:
            check(hdr["Content-Type"].startswith("application/json") and "Lò" not in body,
                  f"audit?{q} denial as {u} is not a bare JSON error")
        elif "csv" in q:
            check(hdr["Content-Type"] == "text/csv; charset=utf-8", f"audit CSV type as {u}")
st, body, _ = call("GET", "/api/audit?action=export", "kiem.toan")
exports = json.loads(body)["entries"]
check(len(exports) == 2 and all(x["username"] == "kiem.toan" for x in exports),
      f"each allowed export is in the trail: {exports}")

# The calendar: any signed-in user reads it; only administrators of the
# whole tree change it (qt.x1 administers X1 only).
for u in USERS:
    st, body, _ = expect_call(200, "calendar", "GET", "/api/calendar?year=2024", u)
    st, _, _ = call("PUT", "/api/calendar/2030-01-03", u,
                    {"kind": "off", "name": f"Nghỉ ({u})"})
    want = 401 if u is None else (200 if u == "admin" else 403)
    check(st == want, f"PUT calendar as {u}: {st}, want {want}")
    st, _, _ = call("DELETE", "/api/calendar/2030-01-03", u)
    check(st == want, f"DELETE calendar as {u}: {st}, want {want}")
st, body, _ = call("GET", "/api/audit?object_type=calendar", "kiem.toan")
changes = [(x["action"], x["username"]) for x in json.loads(body)["entries"]]
check(changes == [("delete", "admin"), ("create", "admin")],
      f"only the administrator's calendar changes are in the trail: {changes}")

# Positions of a record: org names only within the reader's scope.
st, body, _ = call("GET", f"/api/persons/{P1}", "xem.x1")
check(st == 200 and json.loads(body).get("positions") == [], f"positions of P1: {body[:200]}")

# Cases: read like person records (a hidden case answers like a missing
# one); lists hold only what the caller may see; officers and leaders in
# scope write, nobody else.
C1, C2, C3 = IDS["c1"], IDS["c2"], IDS["c3"]
missing_case = {u: call("GET", f"/api/cases/{MISSING}", u)[:2] for u in USERS}
for u in USERS:
    for target, cid in (("in scope", C1), ("out of scope", C2), ("above clearance", C3)):
        st, body, _ = call("GET", f"/api/cases/{cid}", u)
        if u is None:
            want = 401
        elif u == "kiem.toan":
            want = 403
        elif u == "admin" or target == "in scope":
            want = 200
        elif target == "above clearance":
            want = 200 if u == "ld.x1" else 404
        else:
            want = 404
        check(st == want, f"GET case {target} as {u}: {st}, want {want}")
        if want == 404:
            check((st, body) == missing_case[u], f"case {target} as {u} differs from a missing one")
    st, body, _ = call("GET", "/api/cases", u)
    if u is None or u == "kiem.toan":
        check(st == (401 if u is None else 403), f"case list as {u}: {st}")
    else:
        ids = {c["id"] for c in json.loads(body)["cases"]}
        want = ({C1, C2, C3, IDS["t2"], IDS["k2"], IDS["c4"]} if u == "admin"
                else ({C1, C3} if u == "ld.x1" else {C1}))
        check(ids == want, f"case list as {u}: {sorted(ids)}, want {sorted(want)}")
    st, _, _ = call("GET", "/api/case-kinds", u)
    check(st == (401 if u is None else 200), f"case kinds as {u}: {st}")
for u in USERS:
    writer = u in WRITERS
    st, body, _ = expect_call(201 if writer else 403, "note on an in-scope case",
                              "POST", f"/api/cases/{C1}/notes", u, {"text": f"ghi chú của {u}"})
    st, body, _ = expect_call(404 if writer else 403, "note on an out-of-scope case",
                              "POST", f"/api/cases/{C2}/notes", u, {"text": "x"})
    st, body, _ = expect_call(201 if writer else 403, "open a case",
                              "POST", "/api/cases", u, {"kind": "kiem_tra", "title": f"Mở bởi {u}", "org": "X1"})
    st, body, _ = expect_call(404 if writer else 403, "open a case out of scope",
                              "POST", "/api/cases", u, {"kind": "kiem_tra", "title": "x", "org": "X2"})
    st, body, _ = expect_call(404 if writer else 403, "step an out-of-scope case",
                              "POST", f"/api/cases/{C2}/transition", u, {"to": "quyet_dinh", "version": 1})
    if st != 200:
        check("Kiểm tra xã B" not in body, f"a denial names a case ({u})")
# Verification letters: on a background check in X1, by its officers and
# leaders; the list of unanswered ones for readers.
K = open_case("cv.x1", kind="tham_tra_ly_lich", title="Thẩm tra")
for u in USERS:
    writer = u in WRITERS
    st, body, _ = expect_call(201 if writer else 403, "letter on an in-scope case",
                              "POST", f"/api/cases/{K}/letters", u, {"recipient": f"Đảng ủy ({u})"})
    st, _, _ = expect_call(403 if u == "kiem.toan" else 200, "letters", "GET", "/api/letters", u)
L = first_id(K, "letters")
writers_only(409, "remind a letter", "POST", f"/api/letters/{L}", {"action": "remind", "version": 999})

# Discipline decisions: leaders only.
D = open_case("ld.x1", kind="ky_luat", title="Kỷ luật")
for u in USERS:
    st, _, _ = expect_call(201 if u == "ld.x1" else 403, "discipline decision",
                           "POST", f"/api/cases/{D}/disciplines", u, {"form": "canh_cao", "org": "X1", "violation": "2024-01-01"})

# A linked inspection from a supervision: officers and leaders in scope.
S = open_case("cv.x1", kind="giam_sat", title="Giám sát")
writers_only(201, "inspection from a supervision", "POST", f"/api/cases/{S}/inspection",
             lambda u: {"title": f"Kiểm tra ({u})"})

# Findings of an inspection and their remedies: officers and leaders in scope.
for u in USERS:
    st, body, _ = expect_call(201 if u in WRITERS else 403, "finding on an in-scope inspection",
                              "POST", f"/api/cases/{C1}/findings", u, {"text": f"Nhận xét ({u})", "conclusion": "khong_vi_pham"})
    st, _, _ = expect_call(404 if u in WRITERS else 403, "finding on an out-of-scope inspection",
                           "POST", f"/api/cases/{C2}/findings", u, {"text": "x", "conclusion": "khong_vi_pham"})

# Who inspects: officers and leaders in scope.
for u in USERS:
    st, _, _ = expect_call(200 if u in ("cv.x1", "ld.x1") else 403, "actor of an in-scope inspection",
                           "PUT", f"/api/cases/{C1}/actor", u, {"actor": "ubkt"})
    st, _, _ = expect_call(404 if u in ("cv.x1", "ld.x1") else 403, "actor of an out-of-scope inspection",
                           "PATCH", f"/api/cases/{C2}/actor", u, {"actor": "ubkt"})

# A trip's details and travellers: officers and leaders in scope.
T = open_case("cv.x1", kind="ra_nuoc_ngoai", subtype="cong_vu", title="Đoàn công tác")
for u in USERS:
    writer = u in WRITERS
    st, _, _ = expect_call(200 if writer else 403, "trip details",
                           "PUT", f"/api/cases/{T}/trip", u, {"purpose": "cong_tac", "countries": "Lào", "depart": "2030-01-02", "come_back": "2030-01-05"})
    st, _, _ = expect_call(404 if writer else 403, "an out-of-scope traveller",
                           "POST", f"/api/cases/{T}/travellers", u, {"person": P2})
st, _, _ = call("POST", f"/api/cases/{T}/travellers", "cv.x1", {"person": P1})
check(st == 201, f"traveller added: {st}")
TR = first_id(T, "travellers")
writers_only(409, "traveller event", "POST", f"/api/travellers/{TR}", {"event": "commitment", "version": 999})

# A stay abroad: officers and leaders in scope.
ST = open_case("cv.x1", kind="o_nuoc_ngoai", title="Ở nước ngoài")
writers_only(200, "stay details", "PUT", f"/api/cases/{ST}/stay",
             {"country": "Nga", "purpose": "hoc_tap", "arrangement": "tu_sinh_hoat", "start": "2030-01-02", "expected_end": "2031-01-02"})

# The people a background check covers: officers and leaders in scope.
writers_only(201, "relative", "POST", f"/api/cases/{K}/relatives",
             lambda u: {"relation": "bo", "full_name": f"Người bố ({u})"})

# An appraisal's details and documents: officers and leaders in scope.
AP = open_case("cv.x1", kind="tham_dinh", title="Thẩm định")
for u in USERS:
    writer = u in WRITERS
    st, _, _ = expect_call(200 if writer else 403, "appraisal details",
                           "PUT", f"/api/cases/{AP}/appraisal", u, {"requester": f"Ban Tổ chức ({u})"})
    st, _, _ = expect_call(200 if writer else 403, "appraisal document",
                           "POST", f"/api/cases/{AP}/appraisal-documents", u, {"name": f"Giấy tờ ({u})"})
    st, _, _ = expect_call(404 if writer else 403, "appraisal details out of scope",
                           "PUT", f"/api/cases/{C2}/appraisal", u, {"requester": "x"})

# Assignees: officers and leaders in scope (a stale version: 409).
for u in USERS:
    writer = u in WRITERS
    st, _, _ = expect_call(409 if writer else 403, "assignees of an in-scope case",
                           "PUT", f"/api/cases/{C1}/assignees", u, {"users": [], "version": 999})
    st, _, _ = expect_call(404 if writer else 403, "assignees of an out-of-scope case",
                           "PUT", f"/api/cases/{C2}/assignees", u, {"users": [], "version": 999})

# Attachments: officers and leaders in scope attach; readers of the case
# download (each download audited); out of scope it is not there.
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
for u in USERS:
    writer = u in WRITERS
    st, body, _ = call_raw("POST", f"/api/cases/{C1}/attachments?name=qd-{u}.pdf", u, PDF)
    want = 401 if u is None else (201 if writer else 403)
    check(st == want, f"attach to an in-scope case as {u}: {st}, want {want}")
    st, body, _ = call_raw("POST", f"/api/cases/{C2}/attachments?name=qd.pdf", u, PDF)
    want = 401 if u is None else (404 if writer else 403)
    check(st == want, f"attach to an out-of-scope case as {u}: {st}, want {want}")
st, body, _ = call_raw("POST", f"/api/cases/{C2}/attachments?name=qd.pdf", "admin", PDF)
check(st == 403, f"the administrator attaches: {st}")
st, body, _ = call_raw("POST", f"/api/cases/{C1}/attachments?name=qd.pdf", "cv.x1", PDF)
A1 = json.loads(body)["id"]
for u in USERS:
    st, body, hdr = call_raw("GET", f"/api/attachments/{A1}", u, None)
    want = 401 if u is None else (403 if u == "kiem.toan" else 200)
    check(st == want, f"download an in-scope attachment as {u}: {st}, want {want}")
    if st == 200:
        check(body == PDF and hdr["Content-Disposition"].startswith("attachment;")
              and hdr["X-Content-Type-Options"] == "nosniff", f"download as {u}: the file, as an attachment")
st, body, _ = call("GET", "/api/audit?object_type=attachment&action=read&limit=100", "kiem.toan")
readers = {e["username"] for e in json.loads(body)["entries"] if e["object_id"] == A1}
check(readers == READERS, f"every download is in the audit trail: {readers}")

# Reports: readers, for an organisation in their scope.
for u in USERS:
    st, _, _ = expect_call(403 if u == "kiem.toan" else 200, "report of X1",
                           "GET", "/api/reports?org=X1&from=2015-01-01&to=2030-12-31", u)
    st, _, _ = expect_call(403 if u == "kiem.toan" else (200 if u == "admin" else 404), "report of X2",
                           "GET", "/api/reports?org=X2&from=2015-01-01&to=2030-12-31", u)

# Period submissions: readers see who submitted in their scope; officers and
# leaders submit their organisation's period; only a leader of the level
# above decides (none of these users is above X1).
for u in USERS:
    st, _, _ = expect_call(403 if u == "kiem.toan" else 200, "submissions of X1",
                           "GET", "/api/report-submissions?org=X1&period=2020", u)
    st, _, _ = expect_call(403 if u == "kiem.toan" else (200 if u == "admin" else 404), "submissions of X2",
                           "GET", "/api/report-submissions?org=X2&period=2020", u)
SUBS = {}
for i, u in enumerate(USERS):
    st, body, _ = expect_call(201 if u in WRITERS else 403, "submit X1's period",
                              "POST", "/api/report-submissions", u, {"org": "X1", "period": str(2001 + i)})
    if st == 201:
        SUBS[u] = json.loads(body)["id"]
    st, _, _ = expect_call(404 if u in WRITERS else 403, "submit X2's period",
                           "POST", "/api/report-submissions", u, {"org": "X2", "period": str(2001 + i)})
for u in USERS:
    st, _, _ = expect_call(403 if u == "kiem.toan" else 200, "read a submission",
                           "GET", f"/api/report-submissions/{SUBS['cv.x1']}", u)
    st, _, _ = expect_call(403 if u == "kiem.toan" else 404, "read a missing submission",
                           "GET", f"/api/report-submissions/{MISSING}", u)
    st, _, _ = expect_call(403, "approve X1's report",
                           "POST", f"/api/report-submissions/{SUBS['cv.x1']}", u, {"action": "approve", "version": 1})

# Party terms: readers see those of their organisations; administrators in
# scope record them.
for i, u in enumerate(USERS):
    st, _, _ = expect_call(403 if u == "kiem.toan" else 200, "terms of X1", "GET", "/api/orgs/X1/terms", u)
    st, _, _ = expect_call(403 if u == "kiem.toan" else (200 if u == "admin" else 404), "terms of X2",
                           "GET", "/api/orgs/X2/terms", u)
    y = 2001 + 6 * i
    body = {"term": f"{y}-{y + 5}", "congress": f"{y}-06-01"}
    st, _, _ = expect_call(201 if u in ("admin", "qt.x1") else 403, "record a term of X1",
                           "POST", "/api/orgs/X1/terms", u, body)
    st, _, _ = expect_call(201 if u == "admin" else (404 if u == "qt.x1" else 403), "record a term of X2",
                           "POST", "/api/orgs/X2/terms", u, body)

for u in USERS:
    st, _, _ = expect_call(403 if u == "kiem.toan" else 200, "overdue remedies", "GET", "/api/remedies", u)

for u in USERS:
    st, _, _ = expect_call(403 if u == "kiem.toan" else 200, "return reports",
                           "GET", "/api/return-reports", u)

# Deadlines: the due list for readers; the rules for all; changes by the
# administrator of the whole tree only.
for u in USERS:
    st, body, _ = expect_call(403 if u == "kiem.toan" else 200, "deadlines", "GET", "/api/deadlines", u)
    st, _, _ = call("GET", "/api/deadline-rules", u)
    check(st == (401 if u is None else 200), f"deadline rules as {u}: {st}")
    st, _, _ = expect_call(200 if u == "admin" else 403, "PUT deadline rule",
                           "PUT", "/api/deadline-rules/ra_nuoc_ngoai.bao_cao", u, {"working_days": 7})
st, body, _ = call("GET", "/api/audit?object_type=case&action=read&limit=1000", "kiem.toan")
case_reads = {(e["username"], e["object_id"]) for e in json.loads(body)["entries"]}
for u, cid in (("admin", C2), ("cv.x1", C1), ("ld.x1", C3), ("xem.x1", C1)):
    check((u, cid) in case_reads, f"read of case {cid} by {u} is not in the audit trail")
for u, cid in (("cv.x1", C2), ("xem.x1", C3)):
    check((u, cid) not in case_reads, f"a denied read of case {cid} by {u} was recorded")

# Every allowed read left an audit entry naming the reader and the record.
user_ids = {}
for u in READERS:
    st, body, _ = call("GET", "/api/session", u)
    user_ids[u] = json.loads(body)["user"]["id"]
st, body, _ = call("GET", "/api/audit?object_type=person&limit=1000", "kiem.toan")
entries = json.loads(body)["entries"]
reads = {(e["user"], e["object_id"]) for e in entries if e["action"] == "read"}
check(all(e["username"] in USERS for e in entries if e["user"]), "entries name their users")
expected = {("admin", P1), ("admin", P2), ("admin", P3), ("qt.x1", P1), ("cv.x1", P1),
            ("ld.x1", P1), ("ld.x1", P3), ("xem.x1", P1)}
for u, pid in expected:
    check((user_ids[u], pid) in reads, f"read of {pid} by {u} is not in the audit trail")
not_read = {("xem.x1", P2), ("cv.x1", P3), ("qt.x1", P2)}
for u, pid in not_read:
    check((user_ids[u], pid) not in reads, f"a denied read of {pid} by {u} was recorded as a read")

finish()
