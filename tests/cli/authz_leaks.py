#!/usr/bin/env python3
"""authz_leaks.py BASE - the existence-leak probes, generated from the API's
own description (docs/openapi.yaml).

For every route that names a record in its path ({id}, {code},
{username}) and every query argument that names one (org, assignee, user,
object_id), each user who may not see a given record (because it is in
the commune next door, X2, or above their clearance) must get exactly the
same answer - status and body - for that record as for one that does not
exist.  A route or argument without a probe below fails the run: whoever
adds one must say how to probe it, so the next leak is found by the
generator and not by an attacker.

Prints "N passed, N failed".  The database is prepared by t-authz.sh.
"""
import json
import os
import urllib.parse

import yaml

from authz_lib import IDS, MISSING, check, finish, request, sign_in

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = yaml.safe_load(open(os.path.join(HERE, "..", "..", "docs", "openapi.yaml")))
# Everyone but those who see the whole tree (the administrator and the
# province's auditor, tối mật): the hidden records below are hidden from
# each of them.
USERS = ["qt.x1", "qt.x1m", "cv.x1", "ld.x1", "xem.x1", "kt.x1", None]
sign_in([u for u in USERS if u])
P1 = IDS["p1"]

# What a path parameter names, by the path's first segments: the records
# hidden from every user above (in X2, or tối mật), and one nobody has.
HIDDEN = {
    "/api/persons/{id}": ([IDS["p2"], IDS["p4"], IDS["p9"]], MISSING),
    "/api/cases/{id}": ([IDS["c2"], IDS["t2"], IDS["k2"], IDS["c4"]], MISSING),
    "/api/travellers/{id}": ([IDS["tr2"]], MISSING),
    "/api/letters/{id}": ([IDS["l2"]], MISSING),
    "/api/findings/{id}": ([IDS["f2"]], MISSING),
    "/api/remedies/{id}": ([IDS["r2"]], MISSING),
    "/api/attachments/{id}": ([IDS["a2"]], MISSING),
    "/api/documents/{id}": ([IDS["d2"]], MISSING),
    "/api/notes/{id}": ([IDS["n2"]], MISSING),
    "/api/relatives/{id}": ([IDS["rel2"]], MISSING),
    "/api/subjects/{id}": ([IDS["sj2"]], MISSING),
    "/api/report-submissions/{id}": ([IDS["s2"]], MISSING),
    "/api/petitions/{id}": ([IDS["pt2"], IDS["pt4"]], MISSING),
    "/api/points/{id}": ([IDS["po2"]], MISSING),
    "/api/petition-scans/{id}": ([IDS["ps2"], IDS["ps4"]], MISSING),
    "/api/orgs/{code}": (["X2"], "KHONGCO"),
    "/api/users/{username}": (["cv.x2"], "khong.co.ai"),
}
# Path parameters that name no record anyone may be refused: a day of the
# calendar, a deadline rule.
NOT_RECORDS = {"/api/calendar/{date}", "/api/deadline-rules/{code}", "/api/papers/{code}"}

PDF = b"%PDF-1.4\n%%EOF\n"
# A body for each state-changing route, valid enough that the record is
# looked up (so the probe tests the lookup, not the body's checks).
BODIES = {
    ("PUT", "/api/persons/{id}"): {"version": 1, "residence": "Bản Mới"},
    ("POST", "/api/persons/{id}/transfer"): {"to": "X1", "date": "2030-01-01"},
    ("PUT", "/api/persons/{id}/confidentiality"): {"confidentiality": 0, "version": 1},
    ("PUT", "/api/cases/{id}/confidentiality"): {"confidentiality": 0, "version": 1},
    ("POST", "/api/orgs/{code}/terms"): {"term": "2040-2045", "congress": "2040-06-01"},
    ("POST", "/api/orgs/{code}/rename"): {"name": "Tên mới", "date": "2030-01-01"},
    ("POST", "/api/orgs/{code}/move"): {"parent": "TU", "date": "2030-01-01"},
    ("POST", "/api/orgs/{code}/split"): {"date": "2030-01-01", "parts": [
        {"code": "S1", "name": "Phần một", "kind": "dang_bo_co_so"},
        {"code": "S2", "name": "Phần hai", "kind": "dang_bo_co_so"}]},
    ("POST", "/api/orgs/{code}/dissolve"): {"date": "2030-01-01"},
    ("PUT", "/api/users/{username}"): {"disabled": False},
    ("POST", "/api/cases/{id}/transition"): {"to": "quyet_dinh", "version": 1},
    ("POST", "/api/cases/{id}/reopen"): {"reason": "Mở lại", "version": 1},
    ("POST", "/api/cases/{id}/notes"): {"text": "Ghi chú"},
    ("POST", "/api/cases/{id}/documents"): {"title": "Quyết định", "date": "2024-01-01"},
    ("POST", "/api/cases/{id}/letters"): {"recipient": "Công an xã"},
    ("POST", "/api/cases/{id}/disciplines"): {"form": "canh_cao", "org": "X1", "violation": "2024-01-01"},
    ("POST", "/api/cases/{id}/inspection"): {"title": "Kiểm tra"},
    ("POST", "/api/cases/{id}/discipline-case"): {"title": "Kỷ luật"},
    ("POST", "/api/cases/{id}/findings"): {"text": "Nhận xét", "conclusion": "khong_vi_pham"},
    ("PUT", "/api/cases/{id}/actor"): {"actor": "ubkt"},
    ("PATCH", "/api/cases/{id}/actor"): {"actor": "ubkt"},
    ("POST", "/api/cases/{id}/relatives"): {"relation": "bo", "full_name": "Lò Văn Bố"},
    ("POST", "/api/cases/{id}/travellers"): {"person": P1},
    ("POST", "/api/cases/{id}/appraisal-documents"): {"name": "Sơ yếu lý lịch"},
    ("POST", "/api/cases/{id}/attachments"): PDF,
    ("POST", "/api/petitions/{id}/scans"): PDF,
    ("POST", "/api/petition-scans/{id}/withdraw"): {"reason": "Chụp nhầm", "version": 1},
    ("PUT", "/api/cases/{id}/trip"): {"purpose": "cong_tac", "countries": "Lào",
                                     "depart": "2030-01-02", "come_back": "2030-01-05"},
    ("PUT", "/api/cases/{id}/stay"): {"country": "Nga", "purpose": "hoc_tap", "arrangement": "tu_sinh_hoat",
                                     "start": "2030-01-02", "expected_end": "2031-01-02"},
    ("PUT", "/api/cases/{id}/appraisal"): {"requester": "Ban Tổ chức"},
    ("PATCH", "/api/cases/{id}/trip"): {"countries": "Lào"},
    ("PATCH", "/api/cases/{id}/stay"): {"country": "Nga"},
    ("PATCH", "/api/cases/{id}/appraisal"): {"requester": "Ban Tổ chức"},
    ("PUT", "/api/cases/{id}/assignees"): {"users": [], "version": 1},
    ("POST", "/api/findings/{id}/remedies"): {"action": "Khắc phục", "owner": "Chi ủy", "due": "2030-01-01"},
    ("POST", "/api/remedies/{id}"): {"result": "Đã xong", "version": 1},
    ("POST", "/api/travellers/{id}"): {"event": "commitment", "version": 1},
    ("POST", "/api/letters/{id}"): {"action": "remind", "version": 1},
    ("POST", "/api/report-submissions/{id}"): {"action": "approve", "version": 1},
    ("PATCH", "/api/cases/{id}"): {"title": "Tên khác"},
    ("PATCH", "/api/documents/{id}"): {"title": "Tên khác"},
    ("PATCH", "/api/findings/{id}"): {"text": "Nhận xét khác"},
    ("PATCH", "/api/remedies/{id}"): {"done": None},
    ("PATCH", "/api/travellers/{id}"): {"leader": 1},
    ("PATCH", "/api/relatives/{id}"): {"full_name": "Lò Văn Khác"},
    ("PATCH", "/api/letters/{id}"): {"recipient": "Công an huyện"},
    ("PATCH", "/api/points/{id}"): {"conclusion": "sai", "version": 1},
    ("POST", "/api/cases/{id}/points"): {"content": "Nội dung tố cáo"},
    ("POST", "/api/points/{id}/withdraw"): {"reason": "Nhập nhầm", "version": 1},
    ("POST", "/api/petitions/{id}/classify"): {"action": "luu", "reason": "giau_ten", "version": 1},
    ("POST", "/api/findings/{id}/withdraw"): {"reason": "Nhập nhầm", "version": 1},
    ("POST", "/api/remedies/{id}/withdraw"): {"reason": "Nhập nhầm", "version": 1},
    ("POST", "/api/documents/{id}/withdraw"): {"reason": "Nhập nhầm", "version": 1},
    ("POST", "/api/notes/{id}/withdraw"): {"reason": "Nhập nhầm", "version": 1},
    ("POST", "/api/travellers/{id}/withdraw"): {"reason": "Nhập nhầm", "version": 1},
    ("POST", "/api/relatives/{id}/withdraw"): {"reason": "Nhập nhầm", "version": 1},
    ("POST", "/api/letters/{id}/withdraw"): {"reason": "Nhập nhầm", "version": 1},
    ("POST", "/api/subjects/{id}/withdraw"): {"reason": "Nhập nhầm", "version": 1},
    ("POST", "/api/attachments/{id}/withdraw"): {"reason": "Nhập nhầm", "version": 1},
    ("POST", "/api/cases/{id}/paper-preview"): {"paper": "kt_quyet_dinh"},
    ("POST", "/api/cases/{id}/papers"): {"paper": "kt_quyet_dinh"},
}
# Query arguments that name a record: (path, argument, the rest of the
# query, hidden values, a value nobody has).
QUERY_NAMES = {"org", "assignee", "user", "object_id", "row"}
QUERIES = {
    ("/api/cases", "org"): ("", ["X2"], "KHONGCO"),
    ("/api/cases", "assignee"): ("", ["cv.x2"], "khong.co.ai"),
    ("/api/reports", "org"): ("from=2015-01-01&to=2030-12-31", ["X2"], "KHONGCO"),
    ("/api/report-submissions", "org"): ("period=2020", ["X2"], "KHONGCO"),
    ("/api/petitions", "org"): ("", ["X2"], "KHONGCO"),
    ("/api/report-records", "org"): ("from=2015-01-01&to=2030-12-31&figure=kt_to_chuc", ["X2"], "KHONGCO"),
    ("/api/report-records", "row"): ("org=X1&from=2015-01-01&to=2030-12-31&figure=kt_to_chuc",
                                     ["X2"], "KHONGCO"),
    ("/api/audit", "user"): ("", [IDS["u.cv.x2"]], MISSING),
    ("/api/audit", "object_id"): ("object_type=person", [IDS["p2"], IDS["p4"]], MISSING),
}


def prefix(path):
    for p in HIDDEN:
        if path == p or path.startswith(p + "/"):
            return p
    return None


def same(got, want, h, missing):
    """The two answers alike, but for the value each request named."""
    return got[0] == want[0] and got[1].replace(str(h).encode(), b"{}") == \
        want[1].replace(str(missing).encode(), b"{}")


def answer(method, template, path, user):
    body = BODIES.get((method, template))
    if isinstance(body, bytes):
        st, raw, _ = request(method, path + "?name=qd.pdf", user, body,
                             {"Content-Type": "application/octet-stream"})
    elif body is not None:
        st, raw, _ = request(method, path, user, json.dumps(body).encode(),
                             {"Content-Type": "application/json"})
    else:
        st, raw, _ = request(method, path, user)
    return st, raw


for path_template, ops in SPEC["paths"].items():
    if "{" not in path_template:
        continue
    if path_template in NOT_RECORDS:
        continue
    base = prefix(path_template)
    check(base is not None, f"no hidden record known for {path_template}: add it to HIDDEN")
    if base is None:
        continue
    hidden, missing = HIDDEN[base]
    param = base[base.index("{"):]
    for method in ops:
        method = method.upper()
        if method not in ("GET", "POST", "PUT", "DELETE", "PATCH"):
            continue
        if method != "GET" and (method, path_template) not in BODIES:
            check(False, f"no probe body for {method} {path_template}: add it to BODIES")
            continue
        for user in USERS:
            want = answer(method, path_template, path_template.replace(param, str(missing)), user)
            for h in hidden:
                got = answer(method, path_template, path_template.replace(param, str(h)), user)
                check(same(got, want, h, missing), f"{method} {path_template} as {user}: {h} -> {got[0]} "
                                   f"{got[1][:160]!r}, missing -> {want[0]} {want[1][:160]!r}")

for path, ops in SPEC["paths"].items():
    for method, op in ops.items():
        for p in (op.get("parameters") or []) if isinstance(op, dict) else []:
            if p.get("in") != "query" or p["name"] not in QUERY_NAMES:
                continue
            probe = QUERIES.get((path, p["name"]))
            check(probe is not None, f"no probe for {path}?{p['name']}: add it to QUERIES")
            if probe is None:
                continue
            rest, hidden, missing = probe
            for user in USERS:
                q = lambda v: f"{path}?{p['name']}={v}" + (f"&{rest}" if rest else "")
                want = request("GET", q(missing), user)[:2]
                for h in hidden:
                    got = request("GET", q(h), user)[:2]
                    check(same(got, want, h, missing), f"GET {path}?{p['name']} as {user}: {h} -> {got[0]} "
                                       f"{got[1][:160]!r}, missing -> {want[0]} {want[1][:160]!r}")

# Text that names hidden records (case_filter.q): a case found by the words
# of its title, or by the name of a person it is about, who is out of
# scope or the case above clearance, answers as text nothing matches.
TEXTS = [("/api/cases", ["Kiểm tra xã B", "tối mật", "Lò Văn Pánh"], "Không Có Gì")]
for path, hidden, missing in TEXTS:
    for user in USERS:
        want = request("GET", f"{path}?q={urllib.parse.quote(missing)}", user)[:2]
        for h in hidden:
            got = request("GET", f"{path}?q={urllib.parse.quote(h)}", user)[:2]
            check(got == want, f"GET {path}?q={h} as {user}: {got[0]} {got[1][:160]!r}, "
                               f"nothing -> {want[0]} {want[1][:160]!r}")

finish()
