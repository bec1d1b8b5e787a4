#!/bin/sh
# run.sh RESULTS — grammar/words.tsv's checks (mk/words.mk). Writes PASS/FAIL lines to RESULTS.
results=$1
ok() { echo "PASS words $1" >> "$results"; }
bad() { echo "FAIL words $1" >> "$results"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# expect NAME MESSAGE ROWS...: the generator refuses a table of ROWS, says MESSAGE and writes
# nothing
expect() {
  name=$1 msg=$2; shift 2
  printf '%b\n' "$@" > "$tmp/$name.tsv"
  if awk -v out="$tmp/$name" -f tools/gen_words.awk "$tmp/$name.tsv" 2> "$tmp/$name.err"; then
    bad "$name: accepted"
  elif ! grep -q "$msg" "$tmp/$name.err"; then
    cat "$tmp/$name.err"; bad "$name: refused without '$msg'"
  elif [ -e "$tmp/$name.c" ] || [ -e "$tmp/$name.h" ]; then
    bad "$name: refused but wrote output"
  else ok "$name refused ($msg)"; fi
}
expect twice ":3: '资金' is already in money (line 2)" 'money\t@word\tm' 'money\t资金' 'money\t资金'
expect undeclared ":1: list 'money' is not declared" 'money\t资金'
expect direction ":2: want name<TAB>word<TAB>up|down" 'verbs\t@dir\tv' 'verbs\t高于\tsideways'
expect empty "list money has no words" 'money\t@word\tm'
expect shape ":1: want name<TAB>@word|@str|@dir" 'money\t@set\tm' 'money\t资金'

# A good table: each shape, in the table's order, with its terminator and its length.
printf 'a\t@word\tA\na\t资金\na\t税\nb\t@str\tB\nb\t率\nc\t@dir\tC\nc\t高于\tup\nc\t低\tdown\n' > "$tmp/good.tsv"
if awk -v out="$tmp/good" -f tools/gen_words.awk "$tmp/good.tsv" &&
   grep -q 'extern const cl_word cl_words_a\[3\];' "$tmp/good.h" &&
   grep -q 'extern const char \*const cl_words_b\[2\];' "$tmp/good.h" &&
   tr -d '\n ' < "$tmp/good.c" | grep -q 'cl_words_a\[3\]={CL_WORD("资金"),CL_WORD("税"),{NULL,0}};' &&
   tr -d '\n ' < "$tmp/good.c" | grep -q 'cl_words_b\[2\]={"率",NULL};' &&
   tr -d '\n ' < "$tmp/good.c" | grep -q 'cl_words_c\[3\]={{CL_WORD("高于"),CL_DIR_UP},{CL_WORD("低"),CL_DIR_DOWN},{{NULL,0},CL_DIR_NONE}};'
then ok "shapes (word, str, dir in order, terminated)"
else cat "$tmp/good.h" "$tmp/good.c" 2>/dev/null; bad "shapes"; fi

# Every list of the table is read somewhere: a list nothing reads is a rule that does nothing.
unread=$(awk -F'\t' '$2 ~ /^@/ { print $1 }' grammar/words.tsv | while read -r l; do
  grep -q "cl_words_$l\b" src/*.c src/*.h || echo "$l"; done)
if [ -z "$unread" ]; then ok "every list is read by src/"
else bad "lists nobody reads: $(echo $unread)"; fi

# No word list is left in the C: an array of Chinese words in src/*.c belongs in the table,
# except the syntax docs/rules.md keeps in code (trim particles, comparison prepositions, the
# numerals).
left=$(python3 - <<'PY'
import glob, re
keep = {("subject.c", "lead"), ("subject.c", "trail"), ("baseline.c", "openers"), ("number.c", "cn_chars")}
decl = re.compile(r'\b(\w+)\s*\[\s*\w*\s*\]\s*=\s*\{(.*?)\};', re.S)
cjk = re.compile(r'"[^"\n]*[\u4e00-\u9fff][^"\n]*"')
for path in sorted(glob.glob("src/*.c")):
    text = open(path, encoding="utf-8").read()
    for m in decl.finditer(text):
        key = (path[4:], m.group(1))
        if cjk.search(m.group(2)) and key not in keep:
            print("%s:%s" % key)
PY
)
if [ -z "$left" ]; then ok "no word list left in src/*.c"
else bad "word lists in the C, not in grammar/words.tsv: $(echo $left)"; fi
