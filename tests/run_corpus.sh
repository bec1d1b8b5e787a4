#!/bin/sh
# run_corpus.sh CLAIMC RESULTS — the corpus goldens.
#
# For each corpus/NAME.txt and corpus/genres/NAME.txt (one real document of each genre of
# issue 16, reviewed against a blind annotation in corpus/genres/REVIEW.md): the JSONL claims
# must equal the NAME.expected.jsonl beside it (a readable
# diff is shown on a mismatch), and the JSON AST must be valid JSON. The goldens were checked by
# eye claim by claim; `make regen-golden` rewrites them for the next review.
set -u
claimc=$1 results=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for txt in corpus/*.txt corpus/genres/*.txt; do
  name=$(basename "$txt" .txt)
  expected=${txt%.txt}.expected.jsonl
  if [ ! -f "$expected" ]; then
    echo "FAIL corpus/$name: no $expected (make regen-golden, then review it)" >> "$results"
    continue
  fi
  "$claimc" --format jsonl "$txt" > "$tmp/$name.jsonl" 2> "$tmp/$name.err"
  if diff -u "$expected" "$tmp/$name.jsonl" > "$tmp/$name.diff"; then
    echo "PASS corpus/$name claims" >> "$results"
  else
    echo "--- corpus/$name: claims differ from the golden (- expected, + actual)"
    head -c 20000 "$tmp/$name.diff"
    echo "FAIL corpus/$name claims" >> "$results"
  fi
  if "$claimc" "$txt" 2>/dev/null | jq -e '.type == "Document" and (.children | length) > 0' > /dev/null; then
    echo "PASS corpus/$name json-ast" >> "$results"
  else
    echo "FAIL corpus/$name json-ast (invalid JSON or empty tree)" >> "$results"
  fi
done
