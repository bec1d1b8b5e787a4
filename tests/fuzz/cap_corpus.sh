#!/bin/sh
# cap_corpus.sh IN OUT FILES KIB — at most FILES files of IN (a corpus minimised by -merge=1)
# and KIB kibibytes, spread evenly over its files sorted by size, into OUT: the committed
# corpus stays small (a merged corpus of this grammar's lexer holds thousands of inputs) while
# keeping short and long inputs alike. The rest stays in build/fuzz/corpus/ for local runs.
set -eu
in=$1 out=$2 files=$3 kib=$4
rm -rf "$out"; mkdir -p "$out"
n=$(ls "$in" | wc -l)
step=$(( (n + files - 1) / files ))
ls -S -r "$in" | awk -v step="$step" 'NR % step == 1 || step == 1' | {
  total=0
  while read -r f; do
    size=$(wc -c < "$in/$f")
    [ $((total + size)) -le $((kib * 1024)) ] || break
    total=$((total + size))
    cp "$in/$f" "$out/$f"
  done
  echo "$(basename "$out"): $(ls "$out" | wc -l) of $n files, $total bytes"
}
