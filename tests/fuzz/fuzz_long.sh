#!/bin/sh
# fuzz_long.sh DIR HOURS PROCS SLICE TARGET... — every fuzz target for HOURS, at nice 19.
#
# The targets are shared out round-robin over PROCS background processes; each process runs
# its targets in turns of SLICE seconds until HOURS have passed, so every target gets its
# share whatever HOURS is. libFuzzer options come from $FUZZ_FLAGS (mk/reliability.mk); each
# turn starts from the target's working corpus DIR/corpus/T and the committed
# tests/fuzz/corpus/T; every other round lets inputs be long at once (-len_control=0). One
# line per turn goes to DIR/runs.tsv: target, CPU seconds,
# executions, cov, ft, corpus units, and "ok" or the finding's file. A finding ends that turn
# only; it is kept in DIR/artifacts/ and reported at the end.
set -u
dir=$1 hours=$2 procs=$3 slice=$4; shift 4
end=$(( $(date +%s) + $(awk -v h="$hours" 'BEGIN { printf "%d", h * 3600 }') ))
mkdir -p "$dir/logs" "$dir/artifacts"
[ -f "$dir/runs.tsv" ] || printf 'target\tcpu_s\texecs\tcov\tft\tunits\tresult\tended\n' > "$dir/runs.tsv"

turns() {   # turns N: process N's targets, in turns, until the end
  mine=""; i=0; turn=0
  for t in "$@"; do [ $((i % procs)) = "$n" ] && mine="$mine $t"; i=$((i + 1)); done
  while [ "$(date +%s)" -lt "$end" ]; do
    turn=$((turn + 1))
    # every other round, inputs of any length up to -max_len from the start: libFuzzer grows
    # them slowly otherwise (after an hour they were under 4 KiB), and the CPU limit
    # (oracle.h) only sees a super-linear path on long inputs
    long=""; [ $((turn % 2)) = 0 ] && long=-len_control=0
    for t in $mine; do
      left=$(( end - $(date +%s) )); [ "$left" -gt 0 ] || break
      secs=$(( left < slice ? left : slice ))
      log=$dir/logs/$t-$(date +%H%M%S).log
      mkdir -p "$dir/corpus/$t" "tests/fuzz/corpus/$t"
      seeds=$dir/seeds; [ "$t" = records ] && seeds=$dir/seeds-records
      # shellcheck disable=SC2086
      /usr/bin/time -f '%U %S' -o "$log.time" nice -n 19 "$dir/fuzz_$t" $FUZZ_FLAGS $long \
        -artifact_prefix="$dir/artifacts/$t-" -max_total_time="$secs" \
        "$dir/corpus/$t" "tests/fuzz/corpus/$t" "$seeds" > "$log" 2>&1
      rc=$?
      # the last line: after a failure time(1) writes "Command exited with non-zero status" first
      cpu=$(awk 'NF == 2 && $1 ~ /^[0-9.]+$/ { v = $1 + $2 } END { print v }' "$log.time")
      execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | cut -d' ' -f2)
      last=$(grep -E '^#[0-9]+' "$log" | tail -1)
      cov=$(echo "$last" | grep -o 'cov: [0-9]*' | cut -d' ' -f2)
      ft=$(echo "$last" | grep -o 'ft: [0-9]*' | cut -d' ' -f2)
      units=$(echo "$last" | grep -o 'corp: [0-9]*' | cut -d' ' -f2)
      result=ok
      [ "$rc" = 0 ] || result=$(grep -o 'Test unit written to .*' "$log" | cut -d' ' -f5)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "${cpu:-?}" "${execs:-?}" "${cov:-?}" \
        "${ft:-?}" "${units:-?}" "${result:-exit $rc}" "$(date +%FT%T)" >> "$dir/runs.tsv"
    done
  done
}

n=0
while [ "$n" -lt "$procs" ]; do turns "$@" & n=$((n + 1)); done
wait
echo "fuzz-long: $hours h over $procs processes; per target (CPU hours, executions):"
awk -F '\t' 'NR > 1 { c[$1] += $2; e[$1] += $3 } END { for (t in c) printf "  %-8s %6.2f h %12d\n", t, c[t] / 3600, e[t] }' "$dir/runs.tsv"
if grep -qv -e '	ok	' -e '^target' "$dir/runs.tsv"; then
  echo "findings:"; grep -v -e '	ok	' -e '^target' "$dir/runs.tsv"; exit 1
fi
