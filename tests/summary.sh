#!/bin/sh
# summary.sh RESULTS — count the PASS/FAIL lines the test parts wrote and print the closing
# "N passed, N failed" line; exit 1 when anything failed.
results=$1
[ -f "$results" ] || { echo "no test results in $results"; echo "0 passed, 1 failed"; exit 1; }
passed=$(grep -c '^PASS ' "$results")
failed=$(grep -c '^FAIL ' "$results")
if [ "$failed" -gt 0 ]; then
  echo "failed:"
  grep '^FAIL ' "$results" | sed 's/^FAIL /  /'
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
