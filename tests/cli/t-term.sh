# Party terms (nhiệm kỳ): recorded by their congresses, taken from the
# nearest ancestor, and a report for a term, from the CLI and over HTTP.
init_db
add_tree X1 X2
# Bad input: named, nothing written.
expect_status 2 "$HOSO" org term TU --term 2020-2025
expect_status 2 "$HOSO" org term TU --term 2020-2021 --congress 2020-10-15
expect_err "2020-2025"
expect_status 2 "$HOSO" org term TU --term 2020 --congress 2020-10-15
expect_status 1 "$HOSO" org term TU --term 2020-2025 --congress 2020-13-15
expect_err "congress"
expect_status 1 "$HOSO" org term TU --term 2020-2025 --congress 2019-10-15
expect_err "congress"
expect_status 1 "$HOSO" org term KHONG --term 2020-2025 --congress 2020-10-15
expect_status 0 "$HOSO" org terms X1
expect_out "no terms recorded"
expect_status 0 "$HOSO" org term TU --term 2015-2020 --congress 2015-10-14
expect_status 0 "$HOSO" org term TU --term 2020-2025 --congress 2020-10-15 --doc "Nghị quyết Đại hội"
expect_status 1 "$HOSO" org term TU --term 2020-2025 --congress 2020-11-01
expect_err "duplicate"
# X1 takes the province's terms.
expect_status 0 "$HOSO" org terms X1 --json
python3 -c 'import json; t=json.load(open("out.txt")); assert [(x["term"], x["congress"], x["end"], x["org"]) for x in t] == [("2015-2020", "2015-10-14", "2020-10-14", "TU"), ("2020-2025", "2020-10-15", "2025-12-31", "TU")], t' && ok || fail "inherited terms: $(head -c 300 out.txt)"
# A report for the term: from its congress, beside the term before.
"$HOSO" case new --kind kiem_tra --title "Kiểm tra" --org X1 --opened 2021-03-02 --subject-org X1 >/dev/null
"$HOSO" case new --kind kiem_tra --title "Kiểm tra" --org X1 --opened 2020-10-14 --subject-org X1 >/dev/null
"$HOSO" case new --kind kiem_tra --title "Kiểm tra" --org X1 --opened 2020-10-15 --subject-org X1 >/dev/null
expect_status 0 "$HOSO" report run --org TU --period NK2020-2025 --json
python3 -c 'import json; r=json.load(open("out.txt")); f={x["code"]: x for x in r["figures"]}; assert (r["from"], r["to"], r["term"], r["previous"]) == ("2020-10-15", "2025-12-31", "2020-2025", {"from": "2015-10-14", "to": "2020-10-14"}) and (f["kt_to_chuc"]["total"], f["kt_to_chuc"]["previous"]) == (2, 1), r["figures"][0]' && ok || fail "a report for the term: $(head -c 400 out.txt)"
expect_status 0 "$HOSO" report run --org X1 --period nk2020-2025
expect_out "nhiệm kỳ 2020-2025"
expect_status 1 "$HOSO" report run --org TU --period NK2025-2030
expect_err "NK|2025-2030"
expect_status 2 "$HOSO" report run --org TU --period NK2020-2021
expect_status 0 "$HOSO" report run --org TU --period NK2020-2025 --format pdf --out nk.pdf
pdftotext nk.pdf - | tr -s ' \n' ' ' > nk.txt
grep -q "nhiệm kỳ 2020 - 2025" nk.txt && ok || fail "the document names the term: $(head -c 400 nk.txt)"
# Submitting the term's report keeps its days.
echo "mat-khau-can-bo-1" | "$HOSO" user add cb.x1 --name "Cán Bộ" --role officer --org X1 --password-stdin >/dev/null
echo "mat-khau-quan-tri-x2" | "$HOSO" user add qt.x2 --name "Quản Trị" --role admin --org X2 --password-stdin >/dev/null
echo "mat-khau-xem-x1-1" | "$HOSO" user add xem.x1 --name "Người Xem" --role viewer --org X1 --password-stdin >/dev/null
# Over HTTP.
start_server
login xem.x1 mat-khau-xem-x1-1
login qt.x2 mat-khau-quan-tri-x2
expect_http 200 -b xem.x1.jar "$base/api/orgs/X1/terms"
python3 -c 'import json; r=json.load(open("body.txt")); assert r["org"] == "X1" and [t["term"] for t in r["terms"]] == ["2015-2020", "2020-2025"], r' && ok || fail "terms over HTTP: $(head -c 300 body.txt)"
expect_http 404 -b xem.x1.jar "$base/api/orgs/X2/terms"
expect_http 200 -b xem.x1.jar "$base/api/reports?org=X1&period=NK2020-2025"
python3 -c 'import json; r=json.load(open("body.txt")); assert (r["term"], r["from"], r["previous"]["from"]) == ("2020-2025", "2020-10-15", "2015-10-14"), r' && ok || fail "a term's report over HTTP"
expect_field 404 period -b xem.x1.jar "$base/api/reports?org=X1&period=NK2025-2030"
expect_field 400 period -b xem.x1.jar "$base/api/reports?org=X1&period=NK2025"
# Recording over HTTP: administrators in scope; bad input named.
post_terms() { # USER BODY CODE
  get -b "$1.jar" -X POST -H 'Content-Type: application/json' -H "X-CSRF-Token: $(cat "$1.csrf")" --data "$2" "$base/api/orgs/$3/terms"
}
[ "$(post_terms xem.x1 '{"term": "2020-2025", "congress": "2020-06-01"}' X1)" = 403 ] && ok || fail "a viewer records a term"
[ "$(post_terms qt.x2 '{"term": "2020-2025", "congress": "2020-06-01"}' X1)" = 404 ] && ok || fail "an administrator out of scope"
while IFS='|' read -r body code field; do
  got=$(post_terms qt.x2 "$body" X2)
  [ "$got" = "$code" ] && grep -q "\"field\":\"$field\"" body.txt && grep -q '"message_en":' body.txt && ok || fail "POST terms $body -> $got: $(head -c 300 body.txt)"
done <<'BAD'
{"congress": "2020-06-01"}|400|term
{"term": "2020-2025"}|400|congress
{"term": "2020-2026", "congress": "2020-06-01"}|400|term
{"term": 2020, "congress": "2020-06-01"}|400|term
{"term": "2020-2025", "congress": "2021-06-01"}|400|congress
{"term": "2020-2025", "congress": "2020-02-30"}|400|congress
BAD
[ "$(post_terms qt.x2 '{"term": "2020-2025", "congress": "2020-06-01", "document": "NQ"}' X2)" = 201 ] && ok || fail "record X2's own congress: $(head -c 300 body.txt)"
[ "$(post_terms qt.x2 '{"term": "2020-2025", "congress": "2020-06-02"}' X2)" = 409 ] && ok || fail "the same term twice"
expect_http 200 -b qt.x2.jar "$base/api/orgs/X2/terms"
python3 -c 'import json; r=json.load(open("body.txt")); assert [(t["term"], t["congress"], t["org"]) for t in r["terms"]] == [("2020-2025", "2020-06-01", "X2")], r' && ok || fail "X2's own term replaces the province's"
stop_server
expect_status 0 "$HOSO" audit log --limit 50 --json
python3 -c 'import json; a=[x for x in json.load(open("out.txt")) if x["object_type"] == "party_term"]; assert len(a) == 3 and all(x["action"] == "create" for x in a), a' && ok || fail "terms are audited"
