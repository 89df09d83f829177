"""authz_lib.py - what the authorisation tests share: signing in, calling
the API as a user, counting checks.

Every user of t-authz.sh has the password "mat-khau-<username>-1".
"""
import json
import sys
import urllib.error
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else ""
IDS = json.load(open("ids.json"))
MISSING = 999999

_counts = {"passed": 0, "failed": 0}
_jar = {}


def check(cond, what):
    if cond:
        _counts["passed"] += 1
    else:
        _counts["failed"] += 1
        print("FAIL", what)


def finish():
    print(f"{_counts['passed']} passed, {_counts['failed']} failed")
    sys.exit(1 if _counts["failed"] else 0)


def request(method, path, user=None, data=None, headers=None):
    """(status, body bytes, headers) of one request as user (None: anonymous)."""
    h = dict(headers or {})
    if user:
        h["Cookie"] = "hoso_session=" + _jar[user][0]
        if method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = _jar[user][1]
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def call(method, path, user=None, body=None, ctype="application/json"):
    """(status, text, headers); body (if not None) sent as JSON."""
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": ctype} if body is not None else {}
    st, raw, hdr = request(method, path, user, data, headers)
    return st, raw.decode("utf-8", "replace"), hdr


def expect_call(want, what, method, path, user=None, body=None, ctype="application/json"):
    """call(), then check that the status is want (401 when user is None:
    anonymous); what names the call in a failure.  (status, text, headers)."""
    want = 401 if user is None else want
    st, text, hdr = call(method, path, user, body, ctype)
    check(st == want, f"{what} as {user}: {st}, want {want}")
    return st, text, hdr


def sign_in(users):
    for u in users:
        st, body, hdr = call("POST", "/api/session", body={"username": u, "password": f"mat-khau-{u}-1"})
        assert st == 200, (u, st, body)
        _jar[u] = (hdr["Set-Cookie"].split(";")[0].split("=", 1)[1], json.loads(body)["csrf"])


def error_of(text):
    """The error object of a reply, or None."""
    try:
        return json.loads(text).get("error")
    except ValueError:
        return None
