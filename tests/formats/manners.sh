#!/bin/sh
# manners.sh CLAIMC RESULTS — how the command line behaves towards a person.
#
#   manners/help          --help names every long option of src/main.c and every format;
#                         `check --help` names every finding code of src/check.c
#   manners/diagnostics   problems are `file:line:col: severity: message [code]` lines, an
#                         unreadable file is `file: error: ...`, and the exit status is 1
#   manners/progress-off  several files, stderr not a terminal: no progress bar
#   manners/progress-tty  several files on a terminal (script -qc gives one): a bar that ends
#                         at N/N 100% and is erased; none with -q, none for one file
set -u
claimc=$1 results=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"   # pass, fail

# -- help ------------------------------------------------------------------------------------
"$claimc" --help > "$tmp/help.txt"
"$claimc" check --help > "$tmp/check-help.txt"
missing=""
opts=$(grep -o '{"[a-z-]*", *[a-z]*_argument' src/main.c | sed 's/{"\([a-z-]*\)".*/\1/')
for opt in $opts; do
  cat "$tmp/help.txt" "$tmp/check-help.txt" | grep -q -- "--$opt\b" || missing="$missing --$opt"
done
for fmt in json jsonl csv html tokens; do
  grep -q "\b$fmt\b" "$tmp/help.txt" || missing="$missing format:$fmt"
done
for code in $(grep -o 'add(ck, "[a-z0-9-]*"' src/check.c | sed 's/.*"\(.*\)"/\1/' | sort -u); do
  grep -q -- "$code" "$tmp/check-help.txt" || missing="$missing code:$code"
done
nopts=$(echo "$opts" | wc -w)
if [ -z "$missing" ] && [ "$nopts" -gt 5 ] && grep -q '^usage: claimc check' "$tmp/check-help.txt"; then
  pass manners/help
else
  fail manners/help "(not in --help:$missing)"
fi

# -- diagnostics -----------------------------------------------------------------------------
printf 'a\377\376b 共150项，累计完成142项。\n' > "$tmp/bad.txt"
"$claimc" -f jsonl "$tmp/bad.txt" "$tmp/none.txt" > /dev/null 2> "$tmp/diag.err"
rc=$?
if [ "$rc" -eq 1 ] \
   && grep -Eq "^$tmp/bad.txt:1:2: error: .+ \[[a-z0-9-]+\]\$" "$tmp/diag.err" \
   && grep -Eq "^$tmp/none.txt: error: cannot open" "$tmp/diag.err" \
   && ! grep -Ev "^$tmp/(bad|none).txt:" "$tmp/diag.err" | grep -q .; then
  pass manners/diagnostics
else
  fail manners/diagnostics "(exit $rc; stderr: $(head -c 300 "$tmp/diag.err"))"
fi

# -- progress bar ----------------------------------------------------------------------------
files="corpus/ezhou-2024-plan.txt corpus/hongshan-2024-report.txt corpus/qianjiang-2024-summary.txt"
esc=$(printf '\033')
cr=$(printf '\r')
# shellcheck disable=SC2086
"$claimc" -f jsonl $files > /dev/null 2> "$tmp/off.err"
if ! grep -q "$cr\|$esc\|\[#" "$tmp/off.err"; then
  pass manners/progress-off
else
  fail manners/progress-off "(progress output with stderr not a terminal)"
fi
# script(1) runs the command on a pseudo-terminal; stdout is sent to a file inside it
script -qec "'$claimc' -f jsonl $files > '$tmp/tty.out'" /dev/null < /dev/null > "$tmp/tty.log" 2>&1
script -qec "'$claimc' -q -f jsonl $files > /dev/null" /dev/null < /dev/null > "$tmp/quiet.log" 2>&1
script -qec "'$claimc' -f jsonl corpus/hongshan-2024-report.txt > /dev/null" /dev/null \
  < /dev/null > "$tmp/one.log" 2>&1
# shellcheck disable=SC2086
"$claimc" -f jsonl $files > "$tmp/plain.out" 2> /dev/null
if grep -q "\[##############################\] 3/3 100% qianjiang" "$tmp/tty.log" \
   && [ "$(tail -c 4 "$tmp/tty.log" | od -An -c | tr -d ' ')" = "\\r033[K" ] \
   && cmp -s "$tmp/tty.out" "$tmp/plain.out" \
   && ! grep -q "\[#" "$tmp/quiet.log" && ! grep -q "\[#" "$tmp/one.log"; then
  pass manners/progress-tty
else
  fail manners/progress-tty "(on a tty: $(od -c "$tmp/tty.log" | head -3 | tr -s ' '))"
fi
