#!/bin/sh
# run_python.sh TESTFILE RESULTS — pytest on TESTFILE; one "PASS python/<test>" or
# "FAIL python/<test>" line per test function in RESULTS (the environment, from mk/python.mk,
# names the interpreter, the CLI and the library).
set -u
file=$1 results=$2
log=$(dirname "$results")/python-$(basename "$file" .py).log
if ! $PYTHON -c 'import pytest' 2>/dev/null; then
  echo "FAIL python/$(basename "$file") ($PYTHON has no pytest: apt-get install python3-pytest)" | tee -a "$results"
  exit 0
fi
$PYTHON -m pytest -rA -p no:cacheprovider -W ignore::DeprecationWarning "$file" > "$log" 2>&1
rc=$?
# the short summary: PASSED/FAILED/ERROR path::name
n=$(grep -cE '^(PASSED|FAILED|ERROR) ' "$log")
grep -E '^(PASSED|FAILED|ERROR) ' "$log" | sed -E 's/^PASSED [^:]*::/PASS python\//; s/^(FAILED|ERROR) [^:]*::/FAIL python\//' >> "$results"
grep -E '^(FAILED|ERROR) ' "$log" | sed 's/^/  /'
if [ "$n" -eq 0 ] || { [ "$rc" -ne 0 ] && ! grep -qE '^(FAILED|ERROR) ' "$log"; }; then
  echo "FAIL python/$(basename "$file") (pytest exit $rc; see $log)" | tee -a "$results"
fi
exit 0
