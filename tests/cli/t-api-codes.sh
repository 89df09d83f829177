# GET /api/codes: every closed set of codes with its Vietnamese and English
# names, for any signed-in user and nobody else; the kinds of case with
# their states, steps and named subtypes, as /api/case-kinds has them.
init_db
add_tree
add_users 123 "xem.tu viewer TU" "kiem.toan auditor TU"
start_server
login_users xem.tu kiem.toan
expect_http 401 "$base/api/codes"
expect_http 200 -b kiem.toan.jar "$base/api/codes"
expect_http 200 -b xem.tu.jar "$base/api/codes"
expect_header 'Cache-Control: no-store'
python3 - <<'PY' && ok || fail "codes: $(head -c 300 body.txt)"
import json, unicodedata
c = json.load(open("body.txt"))
sets = c["sets"]
for name in ("appraisal_outcome", "clearance", "deadline_level", "discipline_form",
             "finding_conclusion", "letter_action", "org_kind", "person_status", "relation",
             "role", "sex", "stay_arrangement", "stay_purpose", "succession", "traveller_event",
             "trip_purpose", "petition_channel", "petition_kind", "petition_reason",
             "petition_sender", "petition_state"):
    assert sets[name], name
    for x in sets[name]:
        assert x["code"] and x["name"] and x["name_en"], (name, x)
        assert unicodedata.normalize("NFC", x["name"]) == x["name"], (name, x)
name = lambda s, code: next(x["name"] for x in sets[s] if x["code"] == code)
assert name("trip_purpose", "tham_than") == "Thăm thân"
assert name("relation", "bo") == "Bố đẻ"
assert name("discipline_form", "khai_tru") == "Khai trừ"
assert [x["code"] for x in sets["clearance"]] == ["thuong", "mat", "toi_mat"]
assert [x["code"] for x in sets["letter_action"]] == ["remind", "escalate", "answer"]
kinds = c["case_kinds"]
assert [k["code"] for k in kinds] == ["kiem_tra", "giam_sat", "ky_luat", "tham_dinh",
                                      "tham_tra_ly_lich", "ra_nuoc_ngoai", "o_nuoc_ngoai",
                                      "to_cao", "khieu_nai"]
assert name("petition_kind", "khieu_nai_to_cao") == "Vừa khiếu nại vừa tố cáo"
assert kinds[7]["prefix"] == "TC" and "tc_ho_so" in kinds[7]["figures"], kinds[7]
assert [s["code"] for s in kinds[8]["subtypes"]] == ["giu_nguyen", "thay_doi", "xoa_bo"], kinds[8]
trip = kinds[5]
assert trip["subtypes"] == [{"code": "viec_rieng", "name": "Việc riêng", "name_en": "Private"},
                            {"code": "cong_vu", "name": "Công vụ", "name_en": "Official"}], trip
assert trip["states"][0]["code"] == "don" and "rnn_luot" in trip["figures"], trip
assert [k["code"] for k in kinds if k["letters"]] == ["tham_dinh", "tham_tra_ly_lich"]
PY
# /api/case-kinds keeps its shape (subtypes as codes)
expect_http 200 -b xem.tu.jar "$base/api/case-kinds"
python3 -c 'import json; k=json.load(open("body.txt"))["kinds"]; assert k[5]["subtypes"] == ["viec_rieng", "cong_vu"] and "figures" not in k[5], k[5]' && ok || fail "case-kinds: $(head -c 300 body.txt)"
stop_server
