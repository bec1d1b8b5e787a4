#!/bin/sh
# test_layout.sh RESULTS — issue 19's bar (tools/layout.py) on src/, and the checker itself on
# small trees that break each rule, so that a checker that cannot fail is caught too.
results=$1
ok() { echo "PASS layout $1" >> "$results"; }
bad() { echo "FAIL layout $1" >> "$results"; }

if out=$(python3 tools/layout.py build/obj 2>&1); then ok "src/: $(echo "$out" | tail -1)"
else echo "$out"; bad "src/: $(echo "$out" | tail -1)"; fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tree() {   # tree NAME FILE:CONTENT...: a src/ tree in $tmp/NAME
  d=$tmp/$1; shift; mkdir -p "$d/src" "$d/tools"; cp tools/layout.py "$d/tools/"
  for f in "$@"; do printf '%b\n' "${f#*:}" > "$d/src/${f%%:*}"; done
}
expect() {   # expect NAME WORDS: the checker fails on tree NAME and says WORDS
  if out=$(cd "$tmp/$1" && python3 tools/layout.py none 2>&1); then bad "$1: not reported"
  elif echo "$out" | grep -q "$2"; then ok "$1 reported ($2)"
  else echo "$out"; bad "$1: reported without '$2'"; fi
}
tree circle 'a.h:#include "b.h"' 'a.c:#include "a.h"' 'b.h:int b;' 'b.c:#include "a.h"\n#include "b.h"'
expect circle "circle through a b"
tree driver 'pipeline.h:int p;' 'pipeline.c:#include "pipeline.h"' 'claim.c:#include "pipeline.h"'
expect driver "below the driver, claim -> pipeline"
long=$(awk 'BEGIN { for (i = 0; i < 701; i++) printf "int x%d;\\n", i }')
tree long "big.c:$long"
expect long "big.c: 70[12] lines"
