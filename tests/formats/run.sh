#!/bin/sh
# run.sh CLAIMC RESULTS — the CSV format and the scaling-out form with GNU parallel.
#
#   formats/csv-vs-jsonl   --format csv of the corpus and quoting.txt, parsed with Python's csv
#                          module, equals the JSONL output field by field (csv_vs_jsonl.py)
#   formats/csv-header     several inputs give one header row
#   formats/csv-meta       --input jsonl records' other fields: the CSV meta column and JSONL
#                          "meta" hold the same object
#   formats/parallel       5,000 JSONL records: `parallel --pipe -N 500 claimc --input jsonl
#                          --format jsonl` gives the same claims as one serial run
set -u
claimc=$1 results=$2
here=$(dirname "$0")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"   # pass, fail

inputs="corpus/ezhou-2024-plan.txt corpus/hongshan-2024-report.txt corpus/qianjiang-2024-summary.txt $here/quoting.txt"
# shellcheck disable=SC2086
"$claimc" -q --format csv $inputs > "$tmp/claims.csv"
# shellcheck disable=SC2086
"$claimc" -q --format jsonl $inputs > "$tmp/claims.jsonl"
if python3 "$here/csv_vs_jsonl.py" "$tmp/claims.csv" "$tmp/claims.jsonl" > "$tmp/csv.log"; then
  pass formats/csv-vs-jsonl
else
  cat "$tmp/csv.log"; fail formats/csv-vs-jsonl "(CSV and JSONL disagree)"
fi
# records with other fields (--input jsonl): the meta column holds them, as JSONL's "meta"
printf '%s\n' '{"id": 7, "city": "鄂州", "year": 2024, "note": "a \"quoted\", text", "text": "全年完成植树造林1.2万亩。"}' \
  '{"id": "b", "text": "共交办问题20个，已完成整改18个。"}' '{"text": "完成投资3亿元。"}' > "$tmp/meta.jsonl"
"$claimc" -q --input jsonl --format csv "$tmp/meta.jsonl" > "$tmp/meta.csv"
"$claimc" -q --input jsonl --format jsonl "$tmp/meta.jsonl" > "$tmp/meta-claims.jsonl"
if python3 "$here/csv_vs_jsonl.py" "$tmp/meta.csv" "$tmp/meta-claims.jsonl" > "$tmp/meta.log" &&
   [ "$(jq -c 'select(.doc == "7") | .meta.year' "$tmp/meta-claims.jsonl" | sort -u)" = 2024 ]; then
  pass formats/csv-meta
else
  cat "$tmp/meta.log"; fail formats/csv-meta "(the records' other fields are not in CSV and JSONL alike)"
fi
headers=$(grep -c '^doc,id,kind,' "$tmp/claims.csv")
if [ "$headers" -eq 1 ] && head -c 7 "$tmp/claims.csv" | grep -q '^doc,id,'; then
  pass formats/csv-header
else
  fail formats/csv-header "($headers header rows for 4 inputs; want one, first)"
fi

# -- GNU parallel: 5,000 records built from the evaluation texts (640 sentences, reused) ------
python3 - "$tmp/records.jsonl" tests/eval/corpus.jsonl tests/eval/own.jsonl <<'PY'
import json, sys
texts = [json.loads(l)["text"] for f in sys.argv[2:] for l in open(f, encoding="utf-8")]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(5000):
        out.write(json.dumps({"id": f"r{i:05d}", "text": texts[i % len(texts)]},
                             ensure_ascii=False) + "\n")
PY
"$claimc" -q --input jsonl --format jsonl < "$tmp/records.jsonl" > "$tmp/serial.jsonl"
parallel --will-cite --pipe -N 500 "$claimc" -q --input jsonl --format jsonl \
  < "$tmp/records.jsonl" > "$tmp/parallel.jsonl"
parallel --will-cite --keep-order --pipe -N 500 "$claimc" -q --input jsonl --format jsonl \
  < "$tmp/records.jsonl" > "$tmp/ordered.jsonl"
sortkey='sort_by(.doc, .id)[]'
jq -c -s "$sortkey" "$tmp/serial.jsonl" > "$tmp/serial.sorted"
jq -c -s "$sortkey" "$tmp/parallel.jsonl" > "$tmp/parallel.sorted"
n=$(wc -l < "$tmp/serial.sorted")
docs=$(jq -r .doc "$tmp/serial.jsonl" | sort -u | wc -l)
if [ "$n" -gt 1000 ] && cmp -s "$tmp/serial.sorted" "$tmp/parallel.sorted" \
   && cmp -s "$tmp/serial.jsonl" "$tmp/ordered.jsonl"; then
  pass formats/parallel
else
  fail formats/parallel "(serial $n claims; parallel $(wc -l < "$tmp/parallel.sorted"); keep-order $(wc -l < "$tmp/ordered.jsonl"))"
  diff "$tmp/serial.sorted" "$tmp/parallel.sorted" | head -5
fi
