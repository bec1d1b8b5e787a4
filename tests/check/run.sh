#!/bin/sh
# run.sh CLAIMC RESULTS — claimc check, the auditor's cross-checks.
#
#   check/NAME      tests/check/NAME.txt gives exactly the findings of NAME.expect (codes,
#                   severities, figures; claims that are the JSONL output's), and exits 1
#                   when one is an error (0 otherwise); clean.txt must give none
#   check/fail-on   --fail-on warning and --fail-on info move the exit status
#   check/text      -f text prints `file:line:col: severity: message [code]` lines
#   check/corpus    the corpus and the evaluation records: valid JSONL findings whose exit
#                   status agrees with their severities (kept in build/check/corpus.jsonl)
set -u
claimc=$1 results=$2
here=$(dirname "$0")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"   # pass, fail

for txt in "$here"/*.txt; do
  name=$(basename "$txt" .txt)
  "$claimc" check -q "$txt" > "$tmp/$name.findings"
  rc=$?
  "$claimc" -q -f jsonl "$txt" > "$tmp/$name.claims"
  want_rc=0
  grep -q '^error ' "$here/$name.expect" && want_rc=1
  if python3 "$here/compare.py" "$here/$name.expect" "$tmp/$name.findings" "$tmp/$name.claims" \
       > "$tmp/$name.log" && [ "$rc" -eq "$want_rc" ]; then
    pass "check/$name"
  else
    cat "$tmp/$name.log"
    fail "check/$name" "(exit $rc, want $want_rc)"
  fi
done

"$claimc" check -q "$here/exceeded.txt" > /dev/null; a=$?
"$claimc" check -q --fail-on warning "$here/exceeded.txt" > /dev/null; b=$?
"$claimc" check -q --fail-on warning "$here/implied-total.txt" > /dev/null; c=$?
"$claimc" check -q --fail-on info "$here/implied-total.txt" > /dev/null; d=$?
"$claimc" check -q --fail-on nonsense "$here/implied-total.txt" > /dev/null 2>&1; e=$?
if [ "$a$b$c$d$e" = "01012" ]; then pass check/fail-on; else fail check/fail-on "(exit codes $a$b$c$d$e, want 01012)"; fi

"$claimc" check -q -f text "$here/direction.txt" > "$tmp/text.out"
if [ "$(grep -Ec "^$here/direction.txt:[0-9]+:[0-9]+: error: .+ \[direction-contradicts-levels\]\$" "$tmp/text.out")" -eq 3 ] \
   && [ "$(wc -l < "$tmp/text.out")" -eq 3 ]; then
  pass check/text
else
  fail check/text "($(head -c 300 "$tmp/text.out"))"
fi

mkdir -p build/check
out=build/check/corpus.jsonl
"$claimc" check -q corpus/*.txt > "$out"; rc1=$?
"$claimc" check -q --input jsonl tests/eval/corpus.jsonl tests/eval/own.jsonl >> "$out"; rc2=$?
errors=$(jq -s '[.[] | select(.severity == "error")] | length' "$out" 2> /dev/null)
valid=$(jq -s 'all(.[]; .type == "Finding" and (.code | type) == "string"
                and (.claims | type) == "array" and (.figures | type) == "object")' "$out" 2> /dev/null)
if [ "$valid" = "true" ] && [ -n "$errors" ] \
   && [ "$(( rc1 > rc2 ? rc1 : rc2 ))" -eq "$([ "$errors" -gt 0 ] && echo 1 || echo 0)" ]; then
  pass check/corpus
else
  fail check/corpus "(valid=$valid errors=$errors exit $rc1/$rc2)"
fi
