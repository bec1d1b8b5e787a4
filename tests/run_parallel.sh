#!/bin/sh
# run_parallel.sh TSAN_CLAIMC CLAIMC RESULTS [TSAN_BATCH] — --jobs is safe: no data race, the
# same bytes.
#
# Inputs, made here from corpus/ and tests/: more than 200 files (corpus paragraphs, the
# evaluation sentences four to a file, tests/bad/ and tests/check/, and reports whose
# percentages are written as fractions and words: 优良率为百分之九十一点五，约占三分之二。), and
# the same texts as an --input jsonl file of several thousand records.
#   tsan/...         TSAN_CLAIMC (built with -fsanitize=thread, mk/tsan.mk) with --jobs 4 over
#                    the files (jsonl, json, check) and the records: any ThreadSanitizer
#                    report fails, and its output must equal CLAIMC's with --jobs 1
#   tsan/batch       TSAN_BATCH (tests/tsan_batch.c): cl_batch on 4 library threads and
#                    cl_extract from 4 threads, as the Python package and Dask call them
#   parallel/...     CLAIMC with --jobs 1, 2 and 4 (and 8 for the records): byte-identical
# Each case appends one PASS or FAIL line to RESULTS; the work directory stays on a failure.
set -u
tsan=$1 claimc=$2 results=$3 batch=${4:-}
. tests/lib.sh
W=$(mktemp -d "$(dirname "$claimc")/parallel.XXXXXX")
failed=0
trap '[ "$failed" = 0 ] && rm -rf "$W"' EXIT
check_fail() { failed=1; fail "$@"; }

# -- the inputs ---------------------------------------------------------------------------------
F=$W/files
mkdir -p "$F"
# corpus paragraphs, three lines a file
cat corpus/*.txt | awk -v dir="$F" 'NF { b = b $0 "\n"; if (++n % 3 == 0) { f = sprintf("%s/para-%03d.txt", dir, ++k); printf "%s", b > f; close(f); b = "" } }
  END { if (b != "") { f = sprintf("%s/para-%03d.txt", dir, ++k); printf "%s", b > f } }'
# the evaluation sentences (not the held-out sets), four a file
jq -r '.text' tests/eval/own.jsonl tests/eval/corpus.jsonl |
  awk -v dir="$F" '{ b = b $0 "\n"; if (++n % 4 == 0) { f = sprintf("%s/eval-%03d.txt", dir, ++k); printf "%s", b > f; close(f); b = "" } }'
# percentages written out: the form whose lazily computed unit row raced (issue 20)
i=0
for whole in 九十一 八十 七十六 九十九 六十 五十二 三十 十五 八 一百; do
  for frac in 二 三 四 五 七 十; do
    i=$((i + 1))
    {
      printf '%s\n' "一、空气质量"
      printf '全年优良率为百分之%s点五，约占%s分之二。' "$whole" "$frac"
      printf '重污染天数同比下降百分之%s，PM2.5浓度较上年降低%s分之一。\n' "$whole" "$frac"
      sed -n "$((i % 40 + 1))p" corpus/hongshan-2024-report.txt
      printf '完成整改任务%d项，完成率为百分之%s。\n' "$((i * 3))" "$whole"
    } > "$F/percent-$(printf %03d $i).txt"
  done
done
cp tests/bad/*.txt tests/check/*.txt "$F/" 2> /dev/null
set -- "$F"/*
nfiles=$#
[ "$nfiles" -ge 200 ] || check_fail "parallel/inputs" "only $nfiles files, want at least 200"
# every line a record, three times over with other ids: thousands of records
R=$W/records.jsonl
for round in 1 2 3; do
  cat "$@" | jq -Rc --arg r "$round" 'select(length > 0) | {id: ($r + "-" + (input_line_number | tostring)), text: .}'
done > "$R" 2> /dev/null
nrec=$(wc -l < "$R")
[ "$nrec" -ge 2000 ] || check_fail "parallel/inputs" "only $nrec records, want at least 2000"

# -- ThreadSanitizer ------------------------------------------------------------------------------
# a report is printed to stderr and makes the exit status 66
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=0 exitcode=66 second_deadlock_stack=1}"
tsan_case() {   # tsan_case NAME ARGS...: TSAN_CLAIMC -j 4 ARGS, then CLAIMC -j 1 ARGS
  name=$1; shift
  start=$(date +%s)
  timeout -k 5 600 "$tsan" --jobs 4 "$@" > "$W/$name.tsan.out" 2> "$W/$name.tsan.err"
  rc=$?
  "$claimc" --jobs 1 "$@" > "$W/$name.ref.out" 2> /dev/null
  secs=$(( $(date +%s) - start ))
  if grep -q 'WARNING: ThreadSanitizer' "$W/$name.tsan.err" || [ "$rc" -gt 1 ]; then
    check_fail "tsan/$name" "status $rc, $(grep -c 'WARNING: ThreadSanitizer' "$W/$name.tsan.err") reports (see $W/$name.tsan.err)"
    grep -m1 -A12 'WARNING: ThreadSanitizer' "$W/$name.tsan.err" | sed 's/^/    /'
  elif ! cmp -s "$W/$name.tsan.out" "$W/$name.ref.out"; then
    check_fail "tsan/$name" "the TSan build's output differs from --jobs 1 of the normal build"
  else
    pass "tsan/$name (no report; ${secs}s)"
  fi
}
tsan_case files-jsonl --format jsonl "$@"
tsan_case files-json --format json "$@"
tsan_case files-check check "$@"
tsan_case records-jsonl --format jsonl --input jsonl "$R"
if [ -n "$batch" ]; then
  start=$(date +%s)
  timeout -k 5 600 "$batch" "$@" > "$W/batch.out" 2> "$W/batch.err"; rc=$?
  secs=$(( $(date +%s) - start ))
  if grep -q 'WARNING: ThreadSanitizer' "$W/batch.err" || [ "$rc" != 0 ]; then
    check_fail "tsan/batch" "status $rc: $(head -c 300 "$W/batch.out"), $(grep -c 'WARNING: ThreadSanitizer' "$W/batch.err") reports (see $W/batch.err)"
    grep -m1 -A12 'WARNING: ThreadSanitizer' "$W/batch.err" | sed 's/^/    /'
  else
    pass "tsan/batch (cl_batch and cl_extract on 4 threads; no report; ${secs}s)"
  fi
fi

# -- the same bytes whatever --jobs ---------------------------------------------------------------
same_case() {   # same_case NAME JOBS... -- ARGS...
  name=$1; shift
  jobs=""
  while [ "$1" != -- ]; do jobs="$jobs $1"; shift; done
  shift
  why=""
  for j in $jobs; do
    "$claimc" --jobs "$j" "$@" > "$W/$name-$j.out" 2> "$W/$name-$j.err"
    [ -s "$W/$name-$j.out" ] || why="$why --jobs $j wrote nothing;"
    cmp -s "$W/$name-1.out" "$W/$name-$j.out" || why="$why --jobs $j differs from --jobs 1;"
    cmp -s "$W/$name-1.err" "$W/$name-$j.err" || why="$why --jobs $j's diagnostics differ;"
  done
  if [ -z "$why" ]; then pass "parallel/$name ($nfiles files, $nrec records)"
  else check_fail "parallel/$name" "$why"; fi
}
same_case files-jsonl 1 2 4 -- --format jsonl "$@"
same_case files-json 1 2 4 -- --format json --compact "$@"
same_case files-csv 1 2 4 -- --format csv "$@"
same_case files-check 1 2 4 -- check "$@"
same_case records-jsonl 1 2 4 8 -- --format jsonl --input jsonl "$R"
same_case records-check 1 2 4 -- check --input jsonl "$R"
exit 0
