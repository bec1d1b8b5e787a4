# lib.sh — what the test scripts share: sourced after setting $results (the results file
# tests/summary.sh counts).
pass() { echo "PASS $1" >> "$results"; }
fail() { echo "FAIL $1 ${2:-}" >> "$results"; echo "FAIL $1 ${2:-}"; }
