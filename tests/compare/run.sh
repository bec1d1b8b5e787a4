#!/bin/sh
# run.sh CLAIMC RESULTS — claimc compare on two years of a made-up city (city-2023.txt,
# city-2024.txt), written to show each outcome of the check:
#   PM2.5  24.7, 同比下降5.9% against 26.3: implies 26.25 -> within rounding (26.18-26.32)
#   PM10   47, 同比下降6.0% against 50: implies 50.0 -> agrees
#   优良率 82.3%, 提升2.3个百分点 against 80.0%: implies 80.0 -> agrees (points)
#   污水处理量 1.2亿吨, 增长10% against 1.3亿吨: implies 1.09亿 (1.04-1.14) -> disagrees
# and the rows line up across spellings (PM_{2.5} / PM₂.₅) and units (15800万元 / 1.72亿元 in
# CNY). Also: the three outputs agree, usage errors, an unreadable file, valgrind.
set -u
claimc=$1 results=$2
here=$(dirname "$0")
. "$here/../lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
a=$here/city-2023.txt b=$here/city-2024.txt

"$claimc" compare -f json "$a" "$b" > "$tmp/c.json"
status() { jq -r --arg k "$1" '.rows[] | select(.indicator == $k) | .cells[1].check.status // "none"' "$tmp/c.json"; }
expect() {  # expect NAME INDICATOR STATUS
  got=$(status "$2")
  if [ "$got" = "$3" ]; then pass "compare/$1"; else fail "compare/$1" "($2: $got, want $3)"; fi
}
expect within-rounding pm25_concentration within-rounding
expect agrees pm10_concentration agrees
expect agrees-points good_air_days_ratio agrees
expect disagrees 污水处理量 disagrees
# 生态环境领域固定资产投资 is not the headline fixed_asset_investment (a domain of it): its row
# is keyed by its subject, and the money row has no stated change to check
got=$(jq -r '.rows[] | select(.unit == "CNY") | .cells[1].check.status // "none"' "$tmp/c.json")
[ "$got" = none ] && pass compare/no-change || fail compare/no-change "(the CNY row: $got, want none)"

implied=$(jq -c '.rows[] | select(.indicator == "pm25_concentration") | .cells[1].check | [.implied, .low, .high, .stated]' "$tmp/c.json")
money=$(jq -c '.rows[] | select(.unit == "CNY") | [.cells[0].value, .cells[1].value]' "$tmp/c.json")
if [ "$implied" = "[26.249,26.182,26.316,26.3]" ] && [ "$money" = "[158000000,172000000]" ]; then
  pass compare/figures
else
  fail compare/figures "(PM2.5 implied $implied; money $money)"
fi
rows=$(jq '.rows | length' "$tmp/c.json")
[ "$rows" -eq 7 ] && pass compare/rows || fail compare/rows "($rows rows lined up, want 7)"

# the table and CSV say the same; CSV is RFC 4180 with one column per document
"$claimc" compare "$a" "$b" > "$tmp/t.txt"
"$claimc" compare -f csv "$a" "$b" > "$tmp/c.csv"
if grep -q 'within rounding: implies 26.2 (26.18-26.32) for city-2023.s 26.3' "$tmp/t.txt" &&
   grep -q '^污水处理量 .*DISAGREES' "$tmp/t.txt" && [ "$(wc -l < "$tmp/t.txt")" -eq 8 ] &&
   python3 - "$tmp/c.csv" "$tmp/c.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
js = json.load(open(sys.argv[2], encoding="utf-8"))["rows"]
assert len(rows) == len(js) == 7, (len(rows), len(js))
for r, j in zip(rows, js):
    assert r["city-2023"] == str(j["cells"][0]["value"]) and r["city-2024"] == str(j["cells"][1]["value"]), r
    assert r["city-2024 check"] == ((j["cells"][1].get("check") or {}).get("status") or ""), r
assert open(sys.argv[1], "rb").read().count(b"\r\n") == 8
PY
then pass compare/formats; else fail compare/formats "(table, CSV and JSON disagree)"; fi

# --all adds the rows one report has; three reports: checks against the one before each
n_all=$("$claimc" compare -f json --all corpus/*.txt | jq '.rows | length')
n_two=$("$claimc" compare -f json corpus/*.txt | jq '.rows | length')
three=$("$claimc" compare -f json "$a" "$b" "$b" | jq -r '.rows[0].cells[2].check.status')
if [ "$n_all" -gt "$n_two" ] && [ "$three" = disagrees ]; then pass compare/all-and-three
else fail compare/all-and-three "(--all $n_all rows vs $n_two; 2024 against itself: $three)"; fi

# usage and input errors
"$claimc" compare "$a" > /dev/null 2>&1; r1=$?
"$claimc" compare -f xml "$a" "$b" > /dev/null 2>&1; r2=$?
"$claimc" compare "$a" no/such/file.txt > /dev/null 2> "$tmp/err"; r3=$?
if [ $r1 = 2 ] && [ $r2 = 2 ] && [ $r3 = 1 ] && grep -q 'no/such/file.txt: error: cannot open' "$tmp/err"; then
  pass compare/errors
else
  fail compare/errors "(one file: $r1, bad format: $r2, missing file: $r3; want 2 2 1)"
fi

if command -v valgrind > /dev/null; then
  # tests/bad has an undecodable input: exit 1 is expected, 9 is valgrind's
  valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect \
       "$claimc" compare -f json --all "$a" "$b" corpus/*.txt tests/bad/*.txt > /dev/null 2> "$tmp/vg"
  rc=$?
  if [ $rc -le 1 ] && ! grep -q '^==' "$tmp/vg"; then
    pass compare/valgrind
  else
    head -20 "$tmp/vg"; fail compare/valgrind "(memory errors or leaks)"
  fi
fi
