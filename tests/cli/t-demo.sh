# The demo generator: the reduced province builds quickly and has the
# shape of the real one (14 committees before 1/7/2025, 49 after).
expect_status 0 "$HOSO" demo --scale small --seed 7
expect_out "tổ chức"
expect_status 1 "$HOSO" demo --scale small
expect_err "conflict"
expect_status 0 "$HOSO" org tree --as-of 2025-06-30 --depth 1 --json
python3 - <<'PY' && ok || fail "structure before the reform"
import json
d = json.load(open("out.txt"))
roots = [n for n in d["nodes"] if n["depth"] == 0]
assert len(roots) == 1 and roots[0]["code"] == "DB", roots
root = roots[0]
direct = [n for n in d["nodes"] if n["parent"] == root["id"]]
assert len(direct) == 14 == root["children"], (len(direct), root["children"])
grass = sum(n["children"] for n in direct)
assert grass == 617, grass
PY
expect_status 0 "$HOSO" org tree --as-of 2025-07-01 --json
python3 - <<'PY' && ok || fail "structure after the reform"
import json
d = json.load(open("out.txt"))
root = [n for n in d["nodes"] if n["depth"] == 0][0]
direct = [n for n in d["nodes"] if n["parent"] == root["id"]]
assert len(direct) == 49, len(direct)
names = [c["name"] for c in direct]
assert not any("huyện" in n or "Huyện" in n for n in names), names
PY
expect_status 0 "$HOSO" person search "lo van muon"
expect_out "Lò Văn Muôn"
expect_status 0 "$HOSO" org map DB.H03 --as-of 2025-07-01
expect_out "DB.H03 → DB.X"
expect_status 0 "$HOSO" check
# Deterministic for a seed.
expect_status 0 "$HOSO" --db again.db demo --scale small --seed 7
expect_status 0 "$HOSO" --db again.db org tree --json
cp out.txt a.json
expect_status 0 "$HOSO" org tree --json
cmp -s out.txt a.json && ok || fail "same seed, different tree"
