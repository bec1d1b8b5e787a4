#!/bin/sh
# run_bad.sh CLAIMC RESULTS PART — bad input never crashes claimc, never yields invalid JSON and
# never loses output.
#
#   suite        the bad-input suite: tests/bad/ and the cases made here from corpus/ (broken
#                UTF-8 of every class, BOM, UTF-16, GB18030/GBK, NUL, CR, empty, a directory, a
#                missing and an unreadable file, huge numerals, 10,000-item lists, deep nesting,
#                binary files), each with its expected exit status, diagnostics and claims
#   asan         the suite and corpus/ again, for a sanitised CLAIMC: any report fails
#   output       -o FILE: written whole or not at all, with the permissions umask gives
#   determinism  the same bytes whatever --jobs, and a file's output is the same alone or in a crowd
#   big          a 200 MB single line (made here, in build/): bounded time and memory
#
# Each case appends one "PASS bad/<case>" or "FAIL bad/<case>: <every reason>" line to RESULTS.
# Every claimc run is under `timeout`; a run that times out, dies of a signal or prints a
# sanitizer report fails its case whatever else it did.
set -u
claimc=$1 results=$2 part=${3:-suite}
case $claimc in /*) ;; *) claimc=$PWD/$claimc ;; esac
# a directory of its own, so that two runs at once (two `make check`s) cannot disturb each other;
# removed when every case passed, kept to look at otherwise
W=$(mktemp -d "$(cd "$(dirname "$claimc")" && pwd)/bad-$part.XXXXXX")
trap 'grep -q "^FAIL bad/" "$W/.results" 2> /dev/null || rm -rf "$W"' EXIT
TIMEOUT=${BAD_TIMEOUT:-60}
# Sizes of the list and nesting cases. Under sanitizers a tenth: the same code paths for memory
# errors, while hangs and blow-ups are the normal build's to show at full size.
LIST_N=10000 DEPTH=100000
[ "$part" = asan ] && LIST_N=1000 DEPTH=10000 TIMEOUT=${BAD_TIMEOUT:-120}

# -- a case and its assertions -------------------------------------------------------------------
case_name='' why=''
begin() { case_name=$1 why=''; }
bad() { why="$why${why:+; }$*"; }
end() {
  if [ -z "$why" ]; then
    echo "PASS bad/$case_name" >> "$results"
  else
    echo "FAIL bad/$case_name" >> "$W/.results"
    why=$(printf '%s' "$why" | iconv -c -f UTF-8 -t UTF-8)   # a reason may quote broken bytes
    echo "FAIL bad/$case_name: $why" >> "$results"
    echo "FAIL bad/$case_name: $why"
    [ -s "$W/$last.err" ] && head -c 1500 "$W/$last.err" | sed 's/^/    stderr: /'
  fi
}

# run NAME ARGS...: claimc ARGS under a time limit; stdout, stderr in $W/NAME.out, .err; $rc
last=none
run() {
  last=$1; shift
  timeout -k 5 "$TIMEOUT" "$claimc" "$@" > "$W/$last.out" 2> "$W/$last.err"
  rc=$?
  case $rc in
    0|1) ;;
    124|137) bad "timed out after ${TIMEOUT}s: claimc $*" ;;
    *) bad "crashed or stopped with status $rc: claimc $*" ;;
  esac
  if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:|Sanitizer CHECK failed' "$W/$last.err"; then
    bad "sanitizer: $(grep -m1 -E 'ERROR: |runtime error:' "$W/$last.err" | cut -c1-200)"
  fi
}

want_rc() { [ "$rc" = "$1" ] || bad "exit status $rc, want $1"; }

# Strict UTF-8 (Python rejects surrogates and code points above U+10FFFF; glibc iconv does not).
utf8_ok() { python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' < "$1" 2> /dev/null; }

# stdout of run NAME: JSON Lines, one Claim object a line, strict UTF-8
jsonl_ok() {
  _o=$W/$1.out
  utf8_ok "$_o" || bad "stdout of $1 is not UTF-8"
  if ! jq -e -s 'all(.[]; type == "object" and .type == "Claim")' "$_o" > /dev/null 2>&1; then
    bad "stdout of $1 is not JSON Lines of Claims"
  elif [ "$(jq -c . "$_o" | wc -l)" -ne "$(wc -l < "$_o")" ]; then
    bad "stdout of $1 has a JSON value that is not one whole line"
  fi
}

# stdout of run NAME: N Document objects (pretty JSON, one after another), strict UTF-8
json_ok() {
  _o=$W/$1.out
  utf8_ok "$_o" || bad "stdout of $1 is not UTF-8"
  jq -e -s "length == $2 and all(.[]; .type == \"Document\")" "$_o" > /dev/null 2>&1 ||
    bad "stdout of $1 is not $2 JSON Document(s)"
}

# has_diag NAME FILE SEVERITY CODE BYTE: a stderr line "FILE:L:C: SEVERITY: ... (byte BYTE...) [CODE]"
has_diag() {
  awk -v f="$2:" -v s=": $3: " -v c="[$4]" -v b1="(byte $5)" -v b2="(byte $5 " '
    index($0, f) == 1 && index($0, s) && index($0, c) && (index($0, b1) || index($0, b2)) { found = 1 }
    END { exit !found }' "$W/$1.err" || bad "stderr of $1 has no '$2:…: $3: … (byte $5) [$4]' line"
}

# has_error NAME FILE TEXT: a stderr line "FILE: error: …TEXT…" (inputs that were not read)
has_error() {
  awk -v f="$2: error: " -v t="$3" 'index($0, f) == 1 && index($0, t) { found = 1 } END { exit !found }' \
    "$W/$1.err" || bad "stderr of $1 has no '$2: error: …$3…' line"
}

no_diag() { [ ! -s "$W/$1.err" ] || bad "unexpected stderr from $1: $(head -c 200 "$W/$1.err")"; }

encoding_is() {
  got=$(jq -r .encoding "$W/$1.out" 2> /dev/null | head -1)
  [ "$got" = "$2" ] || bad "encoding of $1 is '$got', want '$2'"
}

# Claims of two JSONL runs compared through a jq projection.
EXACT='del(.doc)'                             # same text: same spans
LOOSE='del(.doc, .id) | del(.. | .span?)'     # text moved: same claims elsewhere
same_claims() {   # same_claims NAME REF PROJECTION
  jq -c "$3" "$W/$1.out" > "$W/$1.proj" 2> /dev/null
  jq -c "$3" "$W/$2.out" > "$W/$2.proj" 2> /dev/null
  if [ ! -s "$W/$2.proj" ]; then
    bad "reference $2 has no claims to compare"
  elif ! cmp -s "$W/$1.proj" "$W/$2.proj"; then
    bad "claims of $1 differ from $2: $(diff "$W/$2.proj" "$W/$1.proj" | grep '^[<>]' | head -2 | cut -c1-240 | tr '\n' ' ')"
  fi
}
claim_count() { wc -l < "$W/$1.out" | tr -d ' '; }

# Output grows with the input, not with its square (a claim text that spans all the values
# before it makes 10,000 values 500 MB): at most 100 bytes out per byte in.
out_linear() {
  _in=$(wc -c < "$2") _out=$(wc -c < "$W/$1.out")
  [ "$_out" -le $((_in * 100)) ] || bad "$1 wrote $_out bytes for $_in bytes in (more than 100 times)"
}

# -- the suite -----------------------------------------------------------------------------------

# Two real sentences from corpus/hongshan-2024-report.txt with three claims between them.
P1='完成大气污染治理项目 12 个，超额完成年度目标任务。'
P2='2024 年投入管网、河湖治理项目经费 1.58 亿元，新、改建污水管网约 19.5 公里。'
p1_len=$(printf '%s' "$P1" | wc -c)

suite() {
  D=$W/in
  mkdir -p "$D"
  printf '%s%s' "$P1" "$P2" > "$D/clean.txt"
  begin reference
  run clean --format jsonl "$D/clean.txt"
  want_rc 0; jsonl_ok clean
  [ "$(claim_count clean)" -ge 3 ] || bad "the clean sentences give $(claim_count clean) claims, want 3"
  end

  # Invalid UTF-8 between the sentences: an error naming the file and the first bad byte, exit
  # 1, valid output, and the claims of both sentences.
  while read -r cls bytes; do
    f=$D/utf8-$cls.txt
    { printf '%s' "$P1"; printf "$bytes"; printf '%s' "$P2"; } > "$f"
    begin "utf8-$cls"
    run "utf8-$cls" --format jsonl "$f"
    want_rc 1; jsonl_ok "utf8-$cls"; has_diag "utf8-$cls" "$f" error invalid-utf8 "$p1_len"
    same_claims "utf8-$cls" clean "$LOOSE"
    run "utf8-$cls-json" "$f"
    json_ok "utf8-$cls-json" 1; encoding_is "utf8-$cls-json" utf-8
    end
  done <<'EOF'
stray-continuation \200
stray-continuations \277\200\245
lone-lead-2 \303x
truncated-3 \344\270
truncated-4 \360\237\230
overlong-2 \300\257
overlong-2-max \301\277
overlong-3 \340\200\257
overlong-4 \360\200\200\257
surrogate-high \355\240\200
surrogate-low \355\277\277
surrogate-pair-cesu \355\240\275\355\270\200
above-max \364\220\200\200
lead-f5 \365\200\200\200
bytes-fe-ff \376\377
EOF

  # A download cut in the middle of a character: the claims before it, the error at its offset.
  f=$D/utf8-truncated-at-eof.txt
  { printf '%s%s' "$P1" "$P2"; printf '\346\261'; } > "$f"
  begin utf8-truncated-at-eof
  run utf8-truncated-at-eof --format jsonl "$f"
  want_rc 1; jsonl_ok utf8-truncated-at-eof
  has_diag utf8-truncated-at-eof "$f" error invalid-utf8 "$(($(wc -c < "$D/clean.txt")))"
  same_claims utf8-truncated-at-eof clean "$EXACT"
  end

  # A file name that is not UTF-8 still gives valid JSON.
  f=$(printf '%s/name-\377\376.txt' "$D")
  cp "$D/clean.txt" "$f"
  begin filename-not-utf8
  run filename-not-utf8 --format jsonl "$f"; want_rc 0; jsonl_ok filename-not-utf8
  same_claims filename-not-utf8 clean "$EXACT"
  run filename-not-utf8-json "$f"; want_rc 0; json_ok filename-not-utf8-json 1
  end

  # Encodings of whole corpus files: detected, converted, reported, and the very same claims
  # (the BOM is dropped and conversions are exact, so even the spans are equal).
  for txt in corpus/*.txt; do
    n=$(basename "$txt" .txt)
    begin "utf8/$n"
    run "utf8-$n" --format jsonl "$txt"; want_rc 0; jsonl_ok "utf8-$n"
    end
    mk() {   # mk SUFFIX ENCODING COMMAND...: make $D/$n.SUFFIX with COMMAND < txt
      s=$1 enc=$2; shift 2
      "$@" < "$txt" > "$D/$n.$s"
      begin "$s/$n"
      run "$s-$n" --format jsonl "$D/$n.$s"; want_rc 0; jsonl_ok "$s-$n"; no_diag "$s-$n"
      same_claims "$s-$n" "utf8-$n" "$EXACT"
      run "$s-$n-json" "$D/$n.$s"; json_ok "$s-$n-json" 1; encoding_is "$s-$n-json" "$enc"
      end
    }
    mk bom utf-8 sh -c "printf '\357\273\277'; cat"
    mk utf16le utf-16le sh -c "printf '\377\376'; iconv -f UTF-8 -t UTF-16LE"
    mk utf16be utf-16be sh -c "printf '\376\377'; iconv -f UTF-8 -t UTF-16BE"
    mk gb18030 gb18030 iconv -f UTF-8 -t GB18030
  done

  # GBK: the corpus lines that GBK can encode (it has no subscripts such as ₁₀), as UTF-8 and GBK.
  for txt in corpus/*.txt; do
    n=$(basename "$txt" .txt)
    while IFS= read -r line; do
      printf '%s\n' "$line" | iconv -f UTF-8 -t GBK > /dev/null 2>&1 && printf '%s\n' "$line"
    done < "$txt" > "$D/$n.gbk-utf8"
    iconv -f UTF-8 -t GBK < "$D/$n.gbk-utf8" > "$D/$n.gbk"
    begin "gbk/$n"
    run "gbk-ref-$n" --format jsonl "$D/$n.gbk-utf8"
    run "gbk-$n" --format jsonl "$D/$n.gbk"; want_rc 0; jsonl_ok "gbk-$n"; no_diag "gbk-$n"
    same_claims "gbk-$n" "gbk-ref-$n" "$EXACT"
    run "gbk-$n-json" "$D/$n.gbk"; encoding_is "gbk-$n-json" gb18030
    end
  done

  # A GB18030 download cut after a lead byte: still GB18030, the claims before the cut, an error
  # naming the file's byte offset of the cut.
  iconv -f UTF-8 -t GB18030 < "$D/clean.txt" > "$D/gb-clean.txt"
  { cat "$D/gb-clean.txt"; printf '\326'; } > "$D/gb-truncated.txt"
  begin gb18030-truncated
  run gb-clean --format jsonl "$D/gb-clean.txt"
  run gb-truncated --format jsonl "$D/gb-truncated.txt"
  want_rc 1; jsonl_ok gb-truncated; same_claims gb-truncated gb-clean "$EXACT"
  grep -q "gb-truncated.txt:.*error: .*at byte $(wc -c < "$D/gb-clean.txt" | tr -d ' ') of the file" \
    "$W/gb-truncated.err" || bad "no error naming the file's byte $(wc -c < "$D/gb-clean.txt") of the cut"
  run gb-truncated-json "$D/gb-truncated.txt"; encoding_is gb-truncated-json gb18030
  end

  # A stray byte in a GB18030 file: U+FFFD there, the claims on both sides.
  { printf '%s' "$P1" | iconv -t GB18030; printf '\377'; printf '%s' "$P2" | iconv -t GB18030; } \
    > "$D/gb-stray.txt"
  begin gb18030-stray-byte
  run gb-stray --format jsonl "$D/gb-stray.txt"
  want_rc 1; jsonl_ok gb-stray; same_claims gb-stray clean "$LOOSE"
  grep -q "gb-stray.txt:.*error: .*at byte $(printf '%s' "$P1" | iconv -t GB18030 | wc -c | tr -d ' ') of the file" \
    "$W/gb-stray.err" || bad "no error naming the stray byte's offset in the file"
  end

  # UTF-16 with an unpaired surrogate and an odd last byte.
  { printf '\377\376'; printf '%s' "$P1" | iconv -t UTF-16LE; printf '\000\330'
    printf '%s' "$P2" | iconv -t UTF-16LE; printf 'Z'; } > "$D/utf16-damaged.txt"
  begin utf16-damaged
  run utf16-damaged --format jsonl "$D/utf16-damaged.txt"
  want_rc 1; jsonl_ok utf16-damaged; same_claims utf16-damaged clean "$LOOSE"
  grep -q "utf16-damaged.txt:.*error: .*at byte $((2 + 2 * $(printf '%s' "$P1" | iconv -t UTF-16LE | wc -c) / 2)) of the file" \
    "$W/utf16-damaged.err" || bad "no error naming the unpaired surrogate's offset in the file"
  end

  # NUL bytes are debris in the text, not its end: the claims on both sides, valid JSON.
  { printf '%s' "$P1"; printf '\000'; printf '%s' "$P2"; } > "$D/nul-between.txt"
  { printf '完成大气污染治理\000项目 12 个。'; } > "$D/nul-inside.txt"
  begin nul-bytes
  run nul-between --format jsonl "$D/nul-between.txt"; want_rc 0; jsonl_ok nul-between
  same_claims nul-between clean "$LOOSE"
  run nul-inside --format jsonl "$D/nul-inside.txt"; want_rc 0; jsonl_ok nul-inside
  [ "$(claim_count nul-inside)" -eq 1 ] || bad "a NUL inside a sentence lost its claim"
  run nul-inside-json "$D/nul-inside.txt"; json_ok nul-inside-json 1
  end

  # CRLF and CR-only line ends: the same claims, sections and modalities as with LF.
  for txt in corpus/*.txt; do
    n=$(basename "$txt" .txt)
    sed 's/$/\r/' "$txt" > "$D/$n.crlf"
    tr '\n' '\r' < "$txt" > "$D/$n.cr"
    for e in crlf cr; do
      begin "$e/$n"
      run "$e-$n" --format jsonl "$D/$n.$e"; want_rc 0; jsonl_ok "$e-$n"
      same_claims "$e-$n" "utf8-$n" "$LOOSE"
      end
    done
  done

  # Empty, blank and tiny inputs.
  : > "$D/empty.txt"
  printf '\n\r\n  \t\n' > "$D/blank.txt"
  printf '\357\273\277' > "$D/bom-only.txt"
  printf '\377\376' > "$D/utf16-bom-only.txt"
  for n in empty blank bom-only utf16-bom-only; do
    begin "tiny/$n"
    run "$n" --format jsonl "$D/$n.txt"; want_rc 0; jsonl_ok "$n"; no_diag "$n"
    [ "$(claim_count "$n")" -eq 0 ] || bad "claims from nothing"
    run "$n-json" "$D/$n.txt"; want_rc 0; json_ok "$n-json" 1
    end
  done
  begin tiny/stdin-empty
  run stdin-empty --format jsonl < /dev/null; want_rc 0; jsonl_ok stdin-empty
  end

  # A directory, a missing file and an unreadable one among good files: an error line for each,
  # exit 1, and the good files' claims all there, in order.
  mkdir -p "$D/a-directory"
  rm -f "$D/missing.txt"
  cp "$D/clean.txt" "$D/unreadable.txt"
  chmod 000 "$D/unreadable.txt"
  good1=corpus/hongshan-2024-report.txt good2=corpus/qianjiang-2024-summary.txt
  cat "$W/utf8-hongshan-2024-report.out" "$W/utf8-qianjiang-2024-summary.out" > "$W/good-pair.out"
  # root reads mode-000 files: drop the capabilities that let it (it still owns everything
  # else, so no directory above has to let anyone else in)
  as_other=''
  [ "$(id -u)" = 0 ] && as_other='setpriv --bounding-set=-dac_override,-dac_read_search --'
  for jobs in 1 2; do
    begin "unreadable-among-good/jobs-$jobs"
    last=mixed-$jobs
    timeout -k 5 "$TIMEOUT" $as_other "$claimc" --format jsonl --jobs "$jobs" "$good1" "$D/a-directory" \
      "$D/missing.txt" "$D/unreadable.txt" "$good2" > "$W/$last.out" 2> "$W/$last.err"
    rc=$?
    want_rc 1; jsonl_ok "$last"
    has_error "$last" "$D/a-directory" "directory"
    has_error "$last" "$D/missing.txt" "No such file"
    has_error "$last" "$D/unreadable.txt" "Permission denied"
    same_claims "$last" good-pair "$EXACT"
    end
  done

  # Numerals too long or too large for any type: a warning at the numeral, no claim from it, and
  # the claims of the sentences around it.
  while read -r cls num; do
    f=$D/number-$cls.txt
    printf '%s全市共有企业%s家。%s' "$P1" "$num" "$P2" > "$f"
    begin "number-$cls"
    run "number-$cls" --format jsonl "$f"
    want_rc 0; jsonl_ok "number-$cls"; same_claims "number-$cls" clean "$LOOSE"
    has_diag "number-$cls" "$f" warning number-overflow "$((p1_len + $(printf '全市共有企业' | wc -c)))"
    run "number-$cls-json" "$f"; json_ok "number-$cls-json" 1
    end
  done <<'EOF'
digits-yi 999999999999999999999999亿
digits-40 1234567890123456789012345678901234567890
digits-20 18446744073709551616
fraction-digits 1.000000000000000000000000000001
chinese-yi 九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九亿
fullwidth ９９９９９９９９９９９９９９９９９９９９９９
EOF
  # and the ones that are not counts
  printf '%s占比百分之99999999999999999999999。增长99999999999999999999999999%%。%s' "$P1" "$P2" \
    > "$D/number-percent.txt"
  printf '%s完成99999999999999999999/3。提高1.5万亿亿亿亿亿亿亿亿亿亿倍。%s' "$P1" "$P2" > "$D/number-misc.txt"
  for n in number-percent number-misc; do
    begin "$n"
    run "$n" --format jsonl "$D/$n.txt"; jsonl_ok "$n"; same_claims "$n" clean "$LOOSE"
    grep -q "number-overflow" "$W/$n.err" || bad "no number-overflow warning"
    end
  done

  # 10,000-item lists (LIST_N): distributive with 分别, plain, and changes; every value a claim,
  # in order.
  awk -v n="$LIST_N" 'BEGIN {
    for (i = 1; i <= n; i++) printf "%s站点%d的监测", (i > 1 ? "、" : ""), i
    printf "分别为"
    for (i = 1; i <= n; i++) printf "%s%d次", (i > 1 ? "、" : ""), i
    printf "。\n" }' > "$D/list-distributive.txt"
  awk -v n="$LIST_N" 'BEGIN { printf "新建"
    for (i = 1; i <= n; i++) printf "%s%d个", (i > 1 ? "、" : ""), i
    printf "。\n" }' > "$D/list-plain.txt"
  awk -v n="$LIST_N" 'BEGIN { for (i = 1; i <= n; i++) printf "%s指标%d的浓度", (i > 1 ? "、" : ""), i
    printf "分别同比下降"
    for (i = 1; i <= n; i++) printf "%s%d%%", (i > 1 ? "和" : ""), i
    printf "。\n" }' > "$D/list-change.txt"
  for n in list-distributive list-plain list-change; do
    begin "$n"
    run "$n" --format jsonl "$D/$n.txt"; want_rc 0; jsonl_ok "$n"
    got=$(jq -r '.quantity.value' "$W/$n.out" 2> /dev/null | tr '\n' ' ')
    want=$(seq 1 "$LIST_N" | tr '\n' ' ')
    [ "$got" = "$want" ] || bad "the values are not 1..$LIST_N in order ($(claim_count "$n") claims)"
    out_linear "$n" "$D/$n.txt"
    run "$n-json" "$D/$n.txt"; want_rc 0; json_ok "$n-json" 1; out_linear "$n-json" "$D/$n.txt"
    end
  done

  # Deep nesting: brackets and quotes 100,000 deep (DEPTH) around a sentence, and unclosed.
  for kind in paren quote book square; do
    case $kind in
      paren) o='（' c='）' ;; quote) o='“' c='”' ;; book) o='《' c='》' ;; square) o='[' c=']' ;;
    esac
    awk -v o="$o" -v c="$c" -v s="$P1" -v depth="$DEPTH" 'BEGIN {
      for (i = 0; i < depth; i++) printf "%s", o
      printf "%s", s
      for (i = 0; i < depth; i++) printf "%s", c
      for (i = 0; i < depth; i++) printf "%s", o
      printf "%s\n", s }' > "$D/nested-$kind.txt"
    begin "nested-$kind"
    run "nested-$kind" --format jsonl "$D/nested-$kind.txt"; want_rc 0; jsonl_ok "nested-$kind"
    [ "$(claim_count "nested-$kind")" -ge 1 ] || bad "no claim from the nested sentence"
    run "nested-$kind-json" "$D/nested-$kind.txt"; want_rc 0; json_ok "nested-$kind-json" 1
    end
  done
  awk -v n="$((DEPTH / 5))" 'BEGIN { for (i = 0; i < n; i++) printf "一、（一）1.（1）一是"; printf "完成项目12个。\n" }' > "$D/nested-headings.txt"
  awk -v n="$((DEPTH / 5))" 'BEGIN { for (i = 0; i < n; i++) printf "%d.%s\n", i % 9 + 1, "完成项目12个。" }' > "$D/many-headings.txt"
  for n in nested-headings many-headings; do
    begin "$n"
    run "$n" --format jsonl "$D/$n.txt"; want_rc 0; jsonl_ok "$n"
    run "$n-json" "$D/$n.txt"; want_rc 0; json_ok "$n-json" 1
    end
  done

  # Binary files: one error naming the file and an offset, no claims, valid JSON, and the next
  # input still read.
  gzip -9 -n -c corpus/hongshan-2024-report.txt > "$D/report.txt.gz"
  cp "$claimc" "$D/an-executable"
  LC_ALL=C awk 'BEGIN { x = 12345; for (i = 0; i < 65536; i++) { x = (x * 1103515245 + 12345) % 2147483648; printf "%c", int(x / 65536) % 256 } }' \
    > "$D/noise.bin"
  for n in report.txt.gz an-executable noise.bin; do
    begin "binary/$n"
    run "bin-$n" --format jsonl "$D/$n" "$D/clean.txt"; want_rc 1; jsonl_ok "bin-$n"
    same_claims "bin-$n" clean "$EXACT"
    grep -q "^$D/$n:[0-9]*:[0-9]*: error: .*byte" "$W/bin-$n.err" ||
      bad "no error line naming $n and a byte offset"
    run "bin-$n-json" "$D/$n"; want_rc 1; json_ok "bin-$n-json" 1
    end
  done

  # --input jsonl with broken records: each one an error, the good records still parsed.
  {
    printf '{"id": "a", "text": "%s"}\n' "$P1"
    printf '{"id": "b", "text": 12}\n'
    printf 'not json at all\n'
    printf '{"id": "c", "text": "完成\\u0000项目\\ud800 12 个。"}\n'
    printf '{"id": "d\\udfff", "text": "%s"}\n' "$P2"
    printf '{"id": "e", "text": "%s' "$P1"
  } > "$D/records.jsonl"
  begin records-jsonl
  run records --format jsonl --input jsonl "$D/records.jsonl"; want_rc 1; jsonl_ok records
  [ "$(jq -r .doc "$W/records.out" | sort -u)" = a ] || bad "record a lost its claims"
  for line in 3 4 5 6; do has_error records "$D/records.jsonl:$line" "not a record"; done
  has_error records b "not a record"
  run records-json --input jsonl "$D/records.jsonl"; json_ok records-json 1
  end

  # All of the above at once, in parallel: every good input's claims, in input order.
  begin all-at-once
  set -- "$D"/*
  run all-1 --format jsonl --jobs 1 "$good1" "$@" "$good2"
  want_rc 1; jsonl_ok all-1
  run all-2 --format jsonl --jobs 2 "$good1" "$@" "$good2"
  cmp -s "$W/all-1.out" "$W/all-2.out" || bad "--jobs 2 output differs from --jobs 1"
  head -n "$(claim_count utf8-hongshan-2024-report)" "$W/all-1.out" | cmp -s - "$W/utf8-hongshan-2024-report.out" ||
    bad "the first good file's claims are not first"
  tail -n "$(claim_count utf8-qianjiang-2024-summary)" "$W/all-1.out" | cmp -s - "$W/utf8-qianjiang-2024-summary.out" ||
    bad "the last good file's claims are not last"
  end

  # The committed cases of tests/bad/ (each with its expectation in tests/bad/cases.tsv).
  while IFS='	' read -r file want_status want_code want_byte want_claims; do
    case $file in ''|\#*) continue ;; esac
    n=$(basename "$file")
    begin "case/$n"
    run "case-$n" --format jsonl "tests/bad/$file"; want_rc "$want_status"; jsonl_ok "case-$n"
    [ "$want_code" = - ] || has_diag "case-$n" "tests/bad/$file" "$([ "$want_status" = 1 ] && echo error || echo warning)" "$want_code" "$want_byte"
    [ "$(claim_count "case-$n")" -ge "$want_claims" ] || bad "$(claim_count "case-$n") claims, want at least $want_claims"
    run "case-$n-json" "tests/bad/$file"; json_ok "case-$n-json" 1
    end
  done < tests/bad/cases.tsv
}

# -- under sanitizers ------------------------------------------------------------------------------
asan() {
  for fmt in json jsonl; do
    for jobs in 1 2; do
      begin "asan/corpus-$fmt-jobs-$jobs"
      run "corpus-$fmt-$jobs" --format "$fmt" --jobs "$jobs" corpus/*.txt; want_rc 0
      end
    done
  done
  suite
}

# -- -o FILE ------------------------------------------------------------------------------------------
mode_of() { stat -c %a "$1" 2> /dev/null; }

output() {
  begin output/reference
  run ref --format jsonl corpus/*.txt; want_rc 0; jsonl_ok ref
  end
  for mask in 022 002 077; do
    begin "output/umask-$mask"
    rm -f "$W/o-$mask.jsonl"
    (umask "$mask"; exec timeout "$TIMEOUT" "$claimc" --format jsonl -o "$W/o-$mask.jsonl" corpus/*.txt) \
      > "$W/o-$mask.out" 2> "$W/o-$mask.err"
    rc=$?; last=o-$mask
    want_rc 0
    cmp -s "$W/o-$mask.jsonl" "$W/ref.out" || bad "-o FILE differs from standard output"
    [ ! -s "$W/o-$mask.out" ] || bad "-o FILE also wrote to standard output"
    want=$(printf '%o' $((0666 & ~0$mask)))
    [ "$(mode_of "$W/o-$mask.jsonl")" = "$want" ] || bad "mode $(mode_of "$W/o-$mask.jsonl"), want $want (0666 less umask $mask)"
    ls "$W"/o-$mask.jsonl.tmp.* > /dev/null 2>&1 && bad "a temporary file was left behind"
    end
  done

  # A failed input among good ones: the output of the good ones is written, exit 1.
  begin output/failed-input-keeps-the-rest
  printf 'old\n' > "$W/partial.jsonl"
  run partial --format jsonl -o "$W/partial.jsonl" corpus/hongshan-2024-report.txt "$W/missing.txt" \
    corpus/qianjiang-2024-summary.txt
  want_rc 1
  run good-pair --format jsonl corpus/hongshan-2024-report.txt corpus/qianjiang-2024-summary.txt
  cmp -s "$W/partial.jsonl" "$W/good-pair.out" || bad "the good inputs' output was not written whole"
  end

  # kill -9 in the middle: FILE keeps its old content, or is not there at all.
  for i in $(seq 1 400); do cat corpus/*.txt; done > "$W/big-input.txt"
  for how in 9-old 9-none TERM-old; do
    sig=${how%-*} pre=${how#*-}
    begin "output/kill-$how"
    rm -f "$W/killed.jsonl" "$W"/killed.jsonl.tmp.*
    [ "$pre" = old ] && printf 'old content\n' > "$W/killed.jsonl"
    "$claimc" --format json -o "$W/killed.jsonl" "$W/big-input.txt" "$W/big-input.txt" \
      "$W/big-input.txt" 2> /dev/null &
    pid=$!
    n=0   # wait until the temporary file exists and grows, then kill
    while [ $n -lt 200 ] && ! ls "$W"/killed.jsonl.tmp.* > /dev/null 2>&1; do sleep 0.05; n=$((n + 1)); done
    sleep 0.3
    if kill -0 "$pid" 2> /dev/null; then
      kill -"$sig" "$pid"
      wait "$pid" 2> /dev/null
      # a signal it can catch removes the temporary file too
      [ "$sig" = 9 ] || ! ls "$W"/killed.jsonl.tmp.* > /dev/null 2>&1 || bad "SIG$sig left a temporary file"
      if [ "$pre" = old ]; then
        [ "$(cat "$W/killed.jsonl" 2> /dev/null)" = "old content" ] || bad "FILE lost its old content"
      else
        [ ! -e "$W/killed.jsonl" ] || bad "a killed run left a (truncated) FILE"
      fi
    else
      wait "$pid"
      bad "the run ended before it could be killed: make big-input.txt bigger"
    fi
    rm -f "$W"/killed.jsonl.tmp.*
    end
  done

  # -o on a device writes to it in place: renaming over /dev/null would replace it.
  begin output/device
  run devnull --format jsonl -o /dev/null corpus/hongshan-2024-report.txt
  want_rc 0
  [ -c /dev/null ] || bad "/dev/null is no longer a character device"
  ls /dev/null.tmp.* > /dev/null 2>&1 && bad "a temporary file in /dev"
  end

  # Writing fails: the status says so, and a message names the output and the reason, as GNU
  # tools write it (nothing is lost silently).
  begin output/write-error
  write_error() {   # write_error NAME OUTPUT REASON: the last run's status and message
    last=$1
    want_rc 1
    grep -qx "claimc: write error: $2: $3" "$W/$1.err" ||
      bad "$1: no 'claimc: write error: $2: $3' (stderr: $(head -c 200 "$W/$1.err"))"
  }
  if [ -w /dev/full ]; then
    for how in "json" "jsonl --jobs 1" "jsonl --jobs 2" "csv --jobs 2" "html" "json --compact --jobs 4"; do
      n=full-$(echo "$how" | tr -d ' -')
      # shellcheck disable=SC2086
      timeout "$TIMEOUT" "$claimc" --format $how corpus/*.txt > /dev/full 2> "$W/$n.err"; rc=$?
      write_error "$n" "standard output" "No space left on device"
    done
    timeout "$TIMEOUT" "$claimc" check corpus/*.txt > /dev/full 2> "$W/full-check.err"; rc=$?
    write_error full-check "standard output" "No space left on device"
    run full-o --format jsonl -o /dev/full corpus/hongshan-2024-report.txt
    write_error full-o /dev/full "No space left on device"
  fi
  timeout "$TIMEOUT" "$claimc" corpus/hongshan-2024-report.txt >&- 2> "$W/closed.err"; rc=$?
  write_error closed "standard output" "Bad file descriptor"
  # -o FILE on a full file system (a 16 KiB tmpfs, where mounting one is allowed): the message,
  # and neither FILE nor its temporary file left behind
  mnt=$W/mnt; mkdir -p "$mnt"
  if unshare -m sh -c "mount -t tmpfs -o size=16k tmpfs '$mnt' && '$claimc' --format json -o '$mnt/out.json' corpus/*.txt 2> '$W/tmpfs.err'; echo \$? > '$W/tmpfs.rc'; ls -A '$mnt' > '$W/tmpfs.ls'" 2> /dev/null; then
    rc=$(cat "$W/tmpfs.rc")
    write_error tmpfs "$mnt/out.json" "No space left on device"
    [ -s "$W/tmpfs.ls" ] && bad "left on the full file system: $(cat "$W/tmpfs.ls")"
  fi
  run nodir --format jsonl -o "$W/no/such/dir/out.jsonl" corpus/hongshan-2024-report.txt
  want_rc 1
  grep -q "out.jsonl" "$W/nodir.err" || bad "no error naming the output file"
  end
}

# -- --jobs never changes a byte ------------------------------------------------------------------
determinism() {
  for fmt in json jsonl tokens; do
    begin "determinism/corpus-$fmt"
    for jobs in 1 2 4; do run "c-$fmt-$jobs" --format "$fmt" --jobs "$jobs" corpus/*.txt corpus/*.txt; done
    [ -s "$W/c-$fmt-1.out" ] || bad "no output"
    for jobs in 2 4; do
      cmp -s "$W/c-$fmt-1.out" "$W/c-$fmt-$jobs.out" || bad "--jobs $jobs differs from --jobs 1"
    done
    end
  done

  # Many small files: every line and every sentence of the corpus as a file of its own (and a
  # few broken ones), more files than the pool's window of jobs * 4 many times over.
  S=$W/small
  mkdir -p "$S"
  cat corpus/*.txt | awk -v dir="$S" '
    function out(s) { if (s == "") return; k++; f = sprintf("%s/%04d.txt", dir, k); print s > f; close(f) }
    { out($0); n = split($0, p, "。"); if (n > 2) for (i = 1; i <= n; i++) out(p[i]) }'

  printf '\377\376bad' > "$S/0000a.txt"; : > "$S/0000b.txt"; printf '\300\257x' > "$S/0000c.txt"
  set -- "$S"/*.txt
  begin "determinism/small-files ($# files)"
  for jobs in 1 2 4; do run "s-$jobs" --format jsonl --jobs "$jobs" "$@"; done
  [ -s "$W/s-1.out" ] || bad "no output"
  for jobs in 2 4; do cmp -s "$W/s-1.out" "$W/s-$jobs.out" || bad "--jobs $jobs differs from --jobs 1"; done
  # and alone, file by file, the same bytes: no input's output depends on another's
  for f in "$@"; do "$claimc" --format jsonl "$f" 2> /dev/null; done > "$W/s-alone.out"
  cmp -s "$W/s-1.out" "$W/s-alone.out" || bad "output in one run differs from file by file"
  end

  begin determinism/records
  for f in "$S"/0*.txt; do jq -Rsc --arg id "$(basename "$f")" '{id: $id, text: .}' "$f"; done \
    > "$W/records.jsonl" 2> /dev/null
  for jobs in 1 2 4; do run "r-$jobs" --format jsonl --input jsonl --jobs "$jobs" "$W/records.jsonl"; done
  [ -s "$W/r-1.out" ] || bad "no output"
  for jobs in 2 4; do cmp -s "$W/r-1.out" "$W/r-$jobs.out" || bad "--jobs $jobs differs from --jobs 1"; done
  end
}

# -- a 200 MB single line ----------------------------------------------------------------------------
BIG_MB=${BIG_MB:-200}
big() {
  f=$W/line-${BIG_MB}mb.txt
  # corpus paragraphs joined into one line, repeated to the size
  tr -d '\r\n' < corpus/hongshan-2024-report.txt > "$W/para.txt"
  awk -v n=$((BIG_MB * 1000 * 1000 / $(wc -c < "$W/para.txt"))) \
    '{ p = $0 } END { for (i = 0; i < n; i++) printf "%s", p }' "$W/para.txt" > "$f"
  size=$(wc -c < "$f")
  for fmt in jsonl json; do
    begin "big/${BIG_MB}mb-single-line-$fmt"
    last=big-$fmt
    /usr/bin/time -v -o "$W/big-$fmt.time" timeout -k 5 300 "$claimc" --format "$fmt" --compact "$f" \
      > "$W/big-$fmt.out" 2> "$W/big-$fmt.err"
    rc=$?
    want_rc 0
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$W/big-$fmt.time")
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print int(s) }' "$W/big-$fmt.time")
    # memory: the input, its UTF-8 text and the AST (2.4 million claims of 270 bytes, their
    # vector doubled in the arena) measured 8.4 times the input; output is streamed. Time: 13 s
    # for jsonl, 52 s for json on this 2-core machine (240 s allows a loaded one)
    max_kb=$((size / 1024 * ${BIG_RSS_FACTOR:-10}))
    [ -n "$rss_kb" ] && [ "$rss_kb" -le "$max_kb" ] || bad "max RSS ${rss_kb:-?} kB > $max_kb kB"
    [ -n "$secs" ] && [ "$secs" -le 240 ] || bad "took ${secs:-?} s > 240 s"
    if [ "$fmt" = jsonl ]; then
      head -n 1000 "$W/big-$fmt.out" > "$W/big-head.out"; jsonl_ok big-head
      tail -n 1000 "$W/big-$fmt.out" > "$W/big-tail.out"; jsonl_ok big-tail
      [ "$(wc -l < "$W/big-$fmt.out")" -gt 1000 ] || bad "only $(wc -l < "$W/big-$fmt.out") claims"
    else
      utf8_ok "$W/big-$fmt.out" || bad "not UTF-8"
      jq -e '.type == "Document"' "$W/big-$fmt.out" > /dev/null 2>&1 || bad "not a JSON Document"
    fi
    echo "    big/$fmt: $size bytes in ${secs:-?} s, max RSS ${rss_kb:-?} kB"
    rm -f "$W/big-$fmt.out"
    end
  done
  rm -f "$f"
}

case $part in
  suite) suite ;;
  asan) asan ;;
  output) output ;;
  determinism) determinism ;;
  big) big ;;
  *) echo "usage: $0 CLAIMC RESULTS suite|asan|output|determinism|big" >&2; exit 2 ;;
esac
exit 0
