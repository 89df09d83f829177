# The manual page hoso(1): renders without a warning, and covers every
# command, subcommand and option `hoso --help` lists, and every key of the
# configuration file.
man1=$TESTS_DIR/../../docs/hoso.1
LC_ALL=C.UTF-8 groff -k -Tutf8 -man -ww -z "$man1" > warn.txt 2>&1
[ $? -eq 0 ] && [ ! -s warn.txt ] && ok || fail "groff warns: $(head -c 400 warn.txt)"
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$man1" > page.txt 2> warn.txt
[ $? -eq 0 ] && [ ! -s warn.txt ] && ok || fail "man warns: $(head -c 400 warn.txt)"
# whatis/apropos (and lintian's bad-whatis-entry) read the NAME line
LC_ALL=C.UTF-8 lexgrog "$man1" > whatis.txt 2>&1
grep -q '"hoso - ' whatis.txt && ok || fail "lexgrog finds no NAME line: $(head -c 300 whatis.txt)"
"$HOSO" --help > help.txt || fail "hoso --help"
# commands: a section each; subcommands: "hoso CMD SUB"; options: in the source, escaped
python3 - "$man1" help.txt > missing.txt <<'PY'
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
text = src.replace("\\-", "-").replace("\\fB", "").replace("\\fR", "").replace("\\fI", "")
def top(u):  # split a usage line at the " | " outside brackets
    parts, depth, cur, i = [], 0, "", 0
    while i < len(u):
        c = u[i]
        depth += c in "([" and 1 or 0
        depth -= c in ")]" and 1 or 0
        if depth == 0 and u[i:i + 3] == " | ":
            parts.append(cur); cur = ""; i += 3; continue
        cur += c; i += 1
    return parts + [cur]
n = 0
for line in open(sys.argv[2], encoding="utf-8"):
    if not line.startswith("  hoso "):
        continue
    usage = line[len("  hoso "):].rstrip("\n")
    name = usage.split()[0]
    n += 1
    if not re.search(r"^\.SS %s$" % re.escape(name), src, re.M):
        print("command", name)
    for part in top(usage):
        words = part.split()
        if words[0] != name:
            words = [name] + words
        sub = words[1] if len(words) > 1 else ""
        if sub and re.fullmatch(r"[a-z][a-z-]*", sub) and sub != "..." and \
                not re.search(r"hoso %s %s\b" % (name, re.escape(sub)), text):
            print("subcommand", name, sub)
    for opt in set(re.findall(r"--[a-z][a-z-]*", usage)):
        if "\\-\\-" + opt[2:].replace("-", "\\-") not in src:
            print("option", name, opt)
if n < 15:
    print("only", n, "commands in hoso --help")
PY
[ $? -eq 0 ] && [ ! -s missing.txt ] && ok || fail "the man page lacks: $(tr '\n' ';' < missing.txt)"
for k in $("$HOSO" --config /dev/null config show | grep -oE '^[a-z_]+'); do
  grep -qE "(^|[ ,])$k( =|,|$)" page.txt && ok || fail "the man page lacks the key $k"
done
for s in HOSO_DB HOSO_CONFIG /etc/hoso/hoso.conf 'EXIT STATUS' EXAMPLES; do
  grep -q -- "$s" page.txt && ok || fail "the man page lacks $s"
done
