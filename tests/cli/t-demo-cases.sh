# The demo province's cases (2015 to today): the records opened in
# 2015-2019 reproduce the Điện Biên five-year review exactly, counted here
# straight from the raw tables, independently of hoso; recent work is open,
# some of it overdue.
expect_status 0 "$HOSO" demo --seed 1
expect_out "hồ sơ vụ việc"
expect_status 0 "$HOSO" check
python3 - hoso.db <<'PY' && ok || fail "the five-year review's figures"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def n(sql):
    return db.execute(sql + " AND c.opened BETWEEN '2015-01-01' AND '2019-12-31'").fetchone()[0]
subj = "FROM case_subject s JOIN case_file c ON c.id = s.case_id WHERE "
viol = ("FROM case_finding f JOIN case_subject s ON s.id = f.subject_id "
        "JOIN case_file c ON c.id = s.case_id WHERE f.conclusion <> 'khong_vi_pham' AND ")
got = {
    "organisations inspected": n("SELECT count(*) " + subj + "c.kind = 'kiem_tra' AND s.org_id IS NOT NULL"),
    "members inspected": n("SELECT count(*) " + subj + "c.kind = 'kiem_tra' AND s.person_id IS NOT NULL"),
    "organisations with violations": n("SELECT count(*) " + viol + "c.kind = 'kiem_tra' AND s.org_id IS NOT NULL"),
    "members with violations": n("SELECT count(*) " + viol + "c.kind = 'kiem_tra' AND s.person_id IS NOT NULL"),
    "organisations, thematic supervision": n("SELECT count(*) " + subj + "c.kind = 'giam_sat' AND c.subtype = 'chuyen_de' AND s.org_id IS NOT NULL"),
    "members, thematic supervision": n("SELECT count(*) " + subj + "c.kind = 'giam_sat' AND c.subtype = 'chuyen_de' AND s.person_id IS NOT NULL"),
    "appraisals": n("SELECT count(*) FROM case_file c WHERE c.kind = 'tham_dinh'"),
    "delegations": n("SELECT count(*) FROM case_file c WHERE c.kind = 'ra_nuoc_ngoai'"),
    "person-trips": n("SELECT count(*) FROM case_traveller t JOIN case_file c ON c.id = t.case_id WHERE 1"),
    "return reports missing": n("SELECT count(*) FROM case_traveller t JOIN case_file c ON c.id = t.case_id WHERE t.report_received IS NULL"),
    "handled outside the province": n("SELECT count(*) FROM case_file c WHERE c.handling_org NOT IN (SELECT id FROM org WHERE code = 'DB' OR code LIKE 'DB.%')"),
}
want = {
    "organisations inspected": 505, "members inspected": 824,
    "organisations with violations": 94, "members with violations": 72,
    "organisations, thematic supervision": 212, "members, thematic supervision": 421,
    "appraisals": 778, "delegations": 512, "person-trips": 2611,
    "return reports missing": 0, "handled outside the province": 0,
}
bad = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
assert not bad, bad
# Distinct counts are fewer than the occurrences (some inspected twice).
d = n("SELECT count(DISTINCT s.org_id) " + subj + "c.kind = 'kiem_tra' AND s.org_id IS NOT NULL")
assert 0 < d < 505, d
# Every kind, every year from 2015 to 2025.
years = {r[0] for r in db.execute("SELECT DISTINCT substr(opened, 1, 4) FROM case_file")}
assert {str(y) for y in range(2015, 2026)} <= years, sorted(years)
kinds = {r[0] for r in db.execute("SELECT DISTINCT kind FROM case_file")}
assert len(kinds) == 9, kinds
# The register of letters: every year, each way of classifying, some still
# new; denunciations and complaints opened from them, some still open.
rows = db.execute("SELECT substr(received, 1, 4), state, count(*) FROM petition GROUP BY 1, 2").fetchall()
assert {str(y) for y in range(2015, 2026)} <= {r[0] for r in rows}, rows
assert {r[1] for r in rows} == {"moi", "thu_ly", "chuyen", "luu"}, rows
open_tc = db.execute("SELECT count(*) FROM case_file WHERE kind = 'to_cao' AND state NOT IN ('dong', 'huy')").fetchone()[0]
assert 0 < open_tc < db.execute("SELECT count(*) FROM case_file WHERE kind = 'to_cao'").fetchone()[0], open_tc
assert db.execute("SELECT count(*) FROM case_file WHERE kind = 'khieu_nai' AND linked_case IS NOT NULL").fetchone()[0] > 0
# Disciplines follow the findings that called for them.
assert db.execute("SELECT count(*) FROM case_discipline").fetchone()[0] > 50
PY
# Today's work: open cases, due and overdue deadlines and letters, return
# reports missing.
expect_status 0 "$HOSO" case due --json
python3 - <<'PY' && ok || fail "due and overdue work today"
import json
d = json.load(open("out.txt"))
items = d["items"]
levels = {i["deadline"]["level"] for i in items}
assert "overdue" in levels, levels
PY
expect_status 0 "$HOSO" case letters
expect_out "overdue"
python3 - hoso.db <<'PY' && ok || fail "return reports missing today"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute("SELECT count(*) FROM case_traveller WHERE returned IS NOT NULL AND report_received IS NULL").fetchone()[0]
assert n > 0, n
PY
# The same figures from the live counters, through the report, as at the
# time; the counters agree with a recount of the raw records.
expect_status 0 "$HOSO" report run --org DB --from 2015-01-01 --to 2019-12-31 --json
python3 - <<'PY' && ok || fail "the review's figures from the report: $(head -c 300 out.txt)"
import json
r = json.load(open("out.txt"))
f = {x["code"]: x["total"] for x in r["figures"]}
want = {"kt_to_chuc": 505, "kt_to_chuc_vi_pham": 94, "kt_dang_vien": 824, "kt_dang_vien_vi_pham": 72,
        "gs_chuyen_de_to_chuc": 212, "gs_chuyen_de_dang_vien": 421, "td_ho_so": 778,
        "rnn_doan": 512, "rnn_luot": 2611, "rnn_bao_cao": 2611}
bad = {k: (f[k], v) for k, v in want.items() if f[k] != v}
assert not bad, bad
# Rows by the province's children as they were (districts and blocs then).
rows = {x["org"] for x in r["rows"]}
assert "DB.H03" in rows and "DB.K1" in rows, rows
assert sum(x["figures"]["kt_to_chuc"] for x in r["rows"]) == 505
PY
expect_status 0 "$HOSO" report verify
expect_out "agree"
# Under the structure of 1/7/2025: the same figures, in rows by the new
# communes and the blocs; a period over the change carries its footnote.
expect_status 0 "$HOSO" report run --org DB --from 2015-01-01 --to 2019-12-31 --structure-date 2025-07-01 --json
python3 - <<'PY' && ok || fail "the review under the new structure: $(head -c 300 out.txt)"
import json
r = json.load(open("out.txt"))
f = {x["code"]: x["total"] for x in r["figures"]}
assert (f["kt_to_chuc"], f["kt_to_chuc_vi_pham"], f["kt_dang_vien"], f["kt_dang_vien_vi_pham"],
        f["gs_chuyen_de_to_chuc"], f["gs_chuyen_de_dang_vien"], f["td_ho_so"], f["rnn_doan"],
        f["rnn_luot"]) == (505, 94, 824, 72, 212, 421, 778, 512, 2611), f
rows = [x["org"] for x in r["rows"]]
assert r["structure"] == "2025-07-01" and not any(".H" in o for o in rows), rows
assert any(".X" in o for o in rows) and "DB.K1" in rows, rows
assert sum(x["figures"]["kt_dang_vien"] for x in r["rows"]) == 824
PY
# The distinct organisations and persons beside the occurrences, under
# both structures, against a count of the raw tables; and the return
# reports by their deadline add up to those received.
cp out.txt structure.json
expect_status 0 "$HOSO" report run --org DB --from 2015-01-01 --to 2019-12-31 --json
python3 - hoso.db <<'PY' && ok || fail "distinct counts and return reports of the review"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def n(sql):
    return db.execute(sql).fetchone()[0]
period = "c.opened BETWEEN '2015-01-01' AND '2019-12-31'"
want = {
    "kt_to_chuc": n(f"SELECT count(DISTINCT s.org_id) FROM case_subject s JOIN case_file c ON c.id = s.case_id WHERE c.kind = 'kiem_tra' AND {period}"),
    "kt_dang_vien": n(f"SELECT count(DISTINCT s.person_id) FROM case_subject s JOIN case_file c ON c.id = s.case_id WHERE c.kind = 'kiem_tra' AND {period}"),
    "gs_chuyen_de_dang_vien": n(f"SELECT count(DISTINCT s.person_id) FROM case_subject s JOIN case_file c ON c.id = s.case_id WHERE c.kind = 'giam_sat' AND c.subtype = 'chuyen_de' AND {period}"),
    "rnn_luot": n(f"SELECT count(DISTINCT t.person_id) FROM case_traveller t JOIN case_file c ON c.id = t.case_id WHERE {period}"),
}
assert 0 < want["kt_to_chuc"] < 505 and 0 < want["rnn_luot"] < 2611, want
for path in ("out.txt", "structure.json"):
    f = {x["code"]: x for x in json.load(open(path))["figures"]}
    got = {k: f[k]["distinct"] for k in want}
    assert got == want, (path, got, want)
    rep = [f[k]["total"] for k in ("rnn_bao_cao_dung_han", "rnn_bao_cao_tre_han", "rnn_bao_cao_qua_han")]
    assert rep[0] + rep[1] == f["rnn_bao_cao"]["total"] == 2611 and rep[2] == 0, rep
PY
# A party term of the Tỉnh ủy, from the congresses the demo records.
expect_status 0 "$HOSO" report run --org DB --period NK2015-2020 --json
python3 -c 'import json; r=json.load(open("out.txt")); assert r["term"] == "2015-2020" and r["from"].startswith("2015-10") and r["to"].startswith("2020-10"), r["from"]' && ok || fail "the term 2015-2020 of the demo"
expect_status 0 "$HOSO" report run --org DB --from 2025-01-01 --to 2025-12-31 --json
python3 -c 'import json; r=json.load(open("out.txt")); assert [c["date"] for c in r["restructured"]] == ["2025-07-01"], r["restructured"]' && ok || fail "the footnote of a period over 1/7/2025"
