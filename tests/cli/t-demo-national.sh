# The national dataset's code path at test size ("--scale national-test":
# 2 provinces of the small shape, each with a fifth of the demo province's
# cases): every province gets its own cases, handled and counted inside
# its own tree, and its 2015-2019 figures are the quotas scaled (a fifth of
# 505/94, 824/72, 212/421, 778, 512/2,611, rounded down), counted straight
# from the raw tables.  The real national scale (22 provinces, 5 times the
# province's cases each) runs the same code, with case_pct 500.
expect_status 0 "$HOSO" demo --scale national-test --seed 3
expect_out "hồ sơ vụ việc"
expect_err "province 1/2"
expect_err "province 2/2"
expect_status 0 "$HOSO" check
python3 - hoso.db <<'PY' && ok || fail "each province's cases and figures"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def prov(col):  # the province code of the organisation in col
    return f"(SELECT substr(code, 1, 3) FROM org WHERE id = {col})"
def n(p, sql):
    return db.execute(sql + f" AND {prov('c.handling_org')} = ? "
                      "AND c.opened BETWEEN '2015-01-01' AND '2019-12-31'", (p,)).fetchone()[0]
subj = "FROM case_subject s JOIN case_file c ON c.id = s.case_id WHERE "
viol = ("FROM case_finding f JOIN case_subject s ON s.id = f.subject_id "
        "JOIN case_file c ON c.id = s.case_id WHERE f.conclusion <> 'khong_vi_pham' AND ")
want = {"org": 101, "org_viol": 18, "per": 164, "per_viol": 14, "sup_org": 42, "sup_per": 84,
        "appraisals": 155, "delegations": 102, "person_trips": 522}
for p in ("P01", "P02"):
    got = {
        "org": n(p, "SELECT count(*) " + subj + "c.kind = 'kiem_tra' AND s.org_id IS NOT NULL"),
        "per": n(p, "SELECT count(*) " + subj + "c.kind = 'kiem_tra' AND s.person_id IS NOT NULL"),
        "org_viol": n(p, "SELECT count(*) " + viol + "c.kind = 'kiem_tra' AND s.org_id IS NOT NULL"),
        "per_viol": n(p, "SELECT count(*) " + viol + "c.kind = 'kiem_tra' AND s.person_id IS NOT NULL"),
        "sup_org": n(p, "SELECT count(*) " + subj + "c.kind = 'giam_sat' AND c.subtype = 'chuyen_de' AND s.org_id IS NOT NULL"),
        "sup_per": n(p, "SELECT count(*) " + subj + "c.kind = 'giam_sat' AND c.subtype = 'chuyen_de' AND s.person_id IS NOT NULL"),
        "appraisals": n(p, "SELECT count(*) FROM case_file c WHERE c.kind = 'tham_dinh'"),
        "delegations": n(p, "SELECT count(*) FROM case_file c WHERE c.kind = 'ra_nuoc_ngoai'"),
        "person_trips": n(p, "SELECT count(*) FROM case_traveller t JOIN case_file c ON c.id = t.case_id WHERE 1"),
    }
    bad = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
    assert not bad, (p, bad)
    # Every kind, and cases in every year from 2015 to 2025.
    rows = db.execute(f"SELECT DISTINCT kind, substr(opened, 1, 4) FROM case_file c WHERE {prov('c.handling_org')} = ?", (p,)).fetchall()
    assert {"kiem_tra", "giam_sat", "ky_luat", "tham_dinh", "tham_tra_ly_lich", "ra_nuoc_ngoai",
            "o_nuoc_ngoai", "to_cao"} <= {k for k, _ in rows}, (p, rows)
    assert {str(y) for y in range(2015, 2026)} <= {y for _, y in rows}, (p, rows)
# Every case is handled in one of the two provinces, about its own
# organisations and members.
assert db.execute(f"SELECT count(*) FROM case_file c WHERE {prov('c.handling_org')} NOT IN ('P01', 'P02')").fetchone()[0] == 0
assert db.execute(f"SELECT count(*) FROM case_subject s JOIN case_file c ON c.id = s.case_id "
                  f"WHERE s.org_id IS NOT NULL AND {prov('s.org_id')} <> {prov('c.handling_org')}").fetchone()[0] == 0
assert db.execute(f"SELECT count(*) FROM case_subject s JOIN case_file c ON c.id = s.case_id "
                  f"JOIN person p ON p.id = s.person_id "
                  f"WHERE {prov('p.org_id')} <> {prov('c.handling_org')}").fetchone()[0] == 0
assert db.execute(f"SELECT count(*) FROM case_traveller t JOIN case_file c ON c.id = t.case_id "
                  f"JOIN person p ON p.id = t.person_id "
                  f"WHERE {prov('p.org_id')} <> {prov('c.handling_org')}").fetchone()[0] == 0
PY
expect_status 0 "$HOSO" report verify
expect_out "agree"
expect_status 0 "$HOSO" report run --org P02 --from 2015-01-01 --to 2019-12-31 --json
python3 - <<'PY' && ok || fail "the second province's figures from the report: $(head -c 300 out.txt)"
import json
f = {x["code"]: x["total"] for x in json.load(open("out.txt"))["figures"]}
want = {"kt_to_chuc": 101, "kt_to_chuc_vi_pham": 18, "kt_dang_vien": 164, "kt_dang_vien_vi_pham": 14,
        "gs_chuyen_de_to_chuc": 42, "gs_chuyen_de_dang_vien": 84, "td_ho_so": 155,
        "rnn_doan": 102, "rnn_luot": 522, "rnn_bao_cao": 522}
bad = {k: (f[k], v) for k, v in want.items() if f[k] != v}
assert not bad, bad
PY
