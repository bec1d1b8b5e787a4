#!/bin/sh
# make_seeds.sh OUTDIR [FILE...] — the fuzzer's seed corpus: sentence-sized slices.
# make_seeds.sh --records OUTDIR SEEDDIR — the same seeds as --input jsonl files for the
#   records target: a few seeds a file, one record {"id": ..., "text": ...} each.
#
# Small inputs mutate far faster than whole reports, so each corpus/*.txt is cut into
# sentences (at 。；and line ends) and into lines (a heading with its paragraph, at most
# 2 KiB). Each extra FILE (the bad-input suite, the saved reproducers) is a seed as it is when
# it is small, and is cut the same way otherwise. Seeds are named by content, so reruns
# add nothing twice.
set -eu
if [ "$1" = --records ]; then
  mkdir -p "$2"
  [ -n "$(ls "$2")" ] && exit 0   # made already: the seeds only grow between runs
  python3 - "$2" "$3" <<'PY'
import json, os, sys
out, src = sys.argv[1], sys.argv[2]
names = sorted(os.listdir(src))
for k in range(0, len(names), 3):   # three records a file, ids of both kinds
    recs = []
    for i, n in enumerate(names[k:k + 3]):
        text = open(os.path.join(src, n), "rb").read().decode("utf-8", "replace")
        recs.append(json.dumps({"id": n if i != 1 else k + i, "text": text}, ensure_ascii=i == 2))
    with open(os.path.join(out, "records-%05d" % k), "w") as f:
        f.write("\n".join(recs) + "\n")
PY
  exit 0
fi
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
