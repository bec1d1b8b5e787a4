#!/bin/sh
# make_seeds.sh OUTDIR [FILE...] — the fuzzer's seed corpus: sentence-sized slices.
#
# Small inputs mutate far faster than whole reports, so each corpus/*.txt is cut into
# sentences (at 。；and line ends) and into lines (a heading with its paragraph, at most
# 2 KiB). Each extra FILE (the bad-input suite, the saved reproducers) is a seed as it is when
# it is small, and is cut the same way otherwise. Seeds are named by content, so reruns
# add nothing twice.
set -eu
out=$1; shift
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0
slice() {   # slice FILE: one file per sentence and per line, into $tmp
  LC_ALL=C awk -v dir="$tmp" -v base="$n" '
    function emit(s) { if (length(s) >= 6 && length(s) <= 2048) { k++; f = dir "/" base "-" k; printf "%s", s > f; close(f) } }
    { line = $0; emit(line)
      m = split(line, parts, /。|；/)
      for (i = 1; i <= m; i++) { emit(parts[i] (i < m ? "。" : "")) }
      if (prev != "") emit(prev "\n" line)   # a heading and the line after it
      prev = line }' "$1"
}
for f in corpus/*.txt "$@"; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  size=$(wc -c < "$f")
  if [ "$size" -le 4096 ]; then cp "$f" "$tmp/$n-whole"; else slice "$f"; fi
done
for f in "$tmp"/*; do
  [ -f "$f" ] || continue
  sum=$(cksum < "$f" | tr ' ' '-')
  [ -f "$out/seed-$sum" ] || cp "$f" "$out/seed-$sum"
done
