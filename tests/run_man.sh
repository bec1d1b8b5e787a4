#!/bin/sh
# run_man.sh CLAIMC RESULTS — doc/claimc.1 renders with man(1) (man-db + groff) with every
# groff warning on and none given, and documents every long option `claimc --help` lists.
set -u
claimc=$1 results=$2
page=doc/claimc.1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

pass() { echo "PASS man/$1" >> "$results"; }
fail() { echo "FAIL man/$*" >> "$results"; }

if ! command -v man > /dev/null; then
  fail "render: no man command (tools/ensure-packages.sh test installs man-db)"
  exit 0
fi
# -l: this file, not the database; --warnings=w: groff -ww, every warning (groff's "all" leaves
# out undefined macros); -E UTF-8: the page has Chinese.
MANWIDTH=80 man --warnings=w -E UTF-8 -l "$page" > "$tmp/page.txt" 2> "$tmp/warnings"
status=$?
if [ $status -eq 0 ] && [ ! -s "$tmp/warnings" ] && grep -q 'EXIT STATUS' "$tmp/page.txt"; then
  pass "render ($(wc -l < "$tmp/page.txt") lines, no warnings)"
else
  head -10 "$tmp/warnings"
  fail "render: man -l $page: status $status, $(wc -l < "$tmp/warnings") warning lines: $(head -1 "$tmp/warnings")"
fi

# What the program offers must be documented as an item (the line after a .TP) of the page:
# the long options of both --help texts, the output formats (as its usage error lists them),
# and the finding codes of `claimc check --help`. The SYNOPSIS alone does not count.
awk 'prev == ".TP" { print } { prev = $0 }' "$page" > "$tmp/items"
roff() { printf '%s' "$1" | sed 's/-/\\\\-/g'; }        # --fail-on -> \-\-fail\-on, as a regex

"$claimc" --help > "$tmp/help.txt" 2>&1
"$claimc" check --help > "$tmp/check-help.txt" 2>&1
cat "$tmp/help.txt" "$tmp/check-help.txt" | grep -o -- '--[a-z][a-z-]*' | sort -u > "$tmp/options"
"$claimc" --format '?' 2>&1 | sed -n "s/.*unknown format.*(\(.*\)).*/\1/p" | tr -d ' ' | tr ',' '\n' \
  > "$tmp/formats"
sed -n 's/^  \([a-z][a-z0-9]*\(-[a-z0-9]*\)\{1,\}\)  .*/\1/p' "$tmp/check-help.txt" > "$tmp/codes"

# documented WHAT FILE: every word of FILE is an item of the page
documented() {
  missing=""
  for w in $(cat "$2"); do
    grep -q -- "\(^\|[^a-z-]\)$(roff "$w")\($\|[^a-z-]\)" "$tmp/items" || missing="$missing $w"
  done
  if [ ! -s "$2" ]; then
    fail "$1: found none in claimc's help to compare with"
  elif [ -n "$missing" ]; then
    fail "$1: claimc has $1 that $page does not document:$missing"
  else
    pass "$1 (all $(wc -l < "$2") documented)"
  fi
}
documented options "$tmp/options"
documented formats "$tmp/formats"
documented finding-codes "$tmp/codes"
exit 0
