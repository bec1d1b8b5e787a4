#!/bin/sh
# run_scaling.sh CLAIMC RESULTS — claimc's time is linear in the input, and --format jsonl's
# memory is the text plus a bounded window, even on one line with no sentence end.
#
# A line of 1 MB and one of 16 MB (bench/long_line.py: prose with a claim every ~40 characters,
# the same without commas, and prose without a digit) are parsed to JSON Lines in the same run. The 16 MB line must take
# at most 20 times the CPU time of the 1 MB one (linear: 16; a path that rescans a sentence from
# its start took 300 times and more), and its peak RSS at most the 1 MB one's plus 1.25 times
# the 15 MB more of text. The 1 MB time is floored at 50 ms, so that a fast machine's noise
# cannot fail the test.
set -u
claimc=$1 results=$2
. "$(dirname "$0")/lib.sh"
W=$(mktemp -d "${TMPDIR:-/tmp}/claimc-scaling.XXXXXX")
trap 'rm -rf "$W"' EXIT

# measure FILE: "CPU_MS RSS_KB" of claimc -f jsonl FILE, or "fail" after 300 s or an error
measure() {
  if /usr/bin/time -f '%U %S %M' -o "$W/time" timeout 300 "$claimc" -f jsonl "$1" \
       > "$W/out" 2> /dev/null; then
    awk '{ printf "%d %d\n", ($1 + $2) * 1000, $3 }' "$W/time"
  else
    echo fail
  fi
}

for kind in claims bare prose; do
  python3 "$(dirname "$0")/../bench/long_line.py" $kind 1 "$W/1.txt"
  python3 "$(dirname "$0")/../bench/long_line.py" $kind 16 "$W/16.txt"
  set -- $(measure "$W/1.txt")
  if [ "$1" = fail ]; then fail "scaling/$kind" "the 1 MB line failed"; continue; fi
  ms1=$1 kb1=$2
  claims1=$(wc -l < "$W/out")
  set -- $(measure "$W/16.txt")
  if [ "$1" = fail ]; then fail "scaling/$kind" "the 16 MB line failed or ran 300 s"; continue; fi
  ms16=$1 kb16=$2
  floor=$ms1; [ "$floor" -lt 50 ] && floor=50
  why=''
  [ "$ms16" -le $((floor * 20)) ] || why="$why 16 MB took ${ms16} ms, over 20 x ${floor} ms;"
  [ "$kb16" -le $((kb1 + 15000 * 125 / 100)) ] ||
    why="$why 16 MB peak RSS ${kb16} kB, over ${kb1} kB + 18750 kB;"
  if [ "$kind" != prose ] && [ "$(wc -l < "$W/out")" -lt $((claims1 * 15)) ]; then
    why="$why only $(wc -l < "$W/out") claims on 16 MB, against $claims1 on 1 MB;"
  fi
  if [ -z "$why" ]; then
    pass "scaling/$kind (1 MB ${ms1} ms ${kb1} kB, 16 MB ${ms16} ms ${kb16} kB)"
  else
    fail "scaling/$kind" "$why"
  fi
done
