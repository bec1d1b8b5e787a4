#!/bin/sh
# run_script.sh CLAIMC RESULTS — traditional characters and Big5 (src/script.c, src/decode.c).
#
# Each corpus report and each tests/script/*.txt converted to traditional characters with
# OpenCC (s2t) must give the same claims as the simplified original, quoted from the
# traditional text, with "script": "traditional"; a mixed text the claims of its simplified
# version, with "script": "mixed". A Big5 file made by iconv from traditional text is read as
# Big5 ("encoding": "big5"), with the claims of the same text in UTF-8, not as GB18030 nonsense.
set -u
claimc=$1 results=$2
. tests/lib.sh
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
same=tests/script/same_claims.py

doc_field() { "$claimc" "$1" 2>/dev/null | jq -r ".$2"; }

for txt in corpus/*.txt tests/script/bulletin.txt; do
  name=$(basename "$txt" .txt)
  opencc -c s2t.json -i "$txt" -o "$tmp/$name.trad.txt"
  "$claimc" -f jsonl "$txt" > "$tmp/$name.s.jsonl" 2>/dev/null
  "$claimc" -f jsonl "$tmp/$name.trad.txt" > "$tmp/$name.t.jsonl" 2>/dev/null
  if [ -s "$tmp/$name.s.jsonl" ] && python3 $same "$tmp/$name.s.jsonl" "$tmp/$name.t.jsonl" "$tmp/$name.trad.txt" \
     && [ "$(doc_field "$tmp/$name.trad.txt" script)" = traditional ] \
     && [ "$(doc_field "$txt" script)" = simplified ]; then
    pass "script/traditional $name ($(wc -l < "$tmp/$name.s.jsonl") claims)"
  else
    fail "script/traditional $name" "(claims of the s2t copy differ, or the script is misnamed)"
  fi
done

"$claimc" -f jsonl tests/script/mixed.simplified.txt > "$tmp/mixed.s.jsonl" 2>/dev/null
"$claimc" -f jsonl tests/script/mixed.txt > "$tmp/mixed.m.jsonl" 2>/dev/null
if [ -s "$tmp/mixed.s.jsonl" ] && python3 $same "$tmp/mixed.s.jsonl" "$tmp/mixed.m.jsonl" tests/script/mixed.txt \
   && [ "$(doc_field tests/script/mixed.txt script)" = mixed ]; then
  pass "script/mixed"
else
  fail "script/mixed"
fi

# Big5: Taiwan's forms (s2tw) are Big5's; a character Big5 lacks (‰) is dropped by iconv -c
opencc -c s2tw.json -i tests/script/bulletin.txt | iconv -c -f UTF-8 -t BIG5 > "$tmp/big5.txt"
iconv -f BIG5 -t UTF-8 "$tmp/big5.txt" > "$tmp/big5.utf8.txt"
"$claimc" -f jsonl "$tmp/big5.utf8.txt" > "$tmp/big5.u.jsonl" 2>/dev/null
"$claimc" -f jsonl "$tmp/big5.txt" > "$tmp/big5.b.jsonl" 2>/dev/null
if [ "$(doc_field "$tmp/big5.txt" encoding)" = big5 ] && [ -s "$tmp/big5.u.jsonl" ] \
   && python3 $same "$tmp/big5.u.jsonl" "$tmp/big5.b.jsonl"; then
  pass "script/big5 ($(wc -l < "$tmp/big5.b.jsonl") claims)"
else
  fail "script/big5" "(not read as Big5, or other claims than the UTF-8 text)"
fi
# GB18030 stays GB18030, in either script
iconv -f UTF-8 -t GB18030 tests/script/bulletin.txt > "$tmp/gb.txt"
opencc -c s2t.json -i tests/script/bulletin.txt | iconv -f UTF-8 -t GB18030 > "$tmp/tgb.txt"
if [ "$(doc_field "$tmp/gb.txt" encoding)" = gb18030 ] && [ "$(doc_field "$tmp/tgb.txt" encoding)" = gb18030 ] \
   && [ "$(doc_field "$tmp/tgb.txt" script)" = traditional ]; then
  pass "script/gb18030"
else
  fail "script/gb18030" "(GB18030 text no longer read as GB18030)"
fi
# Pinyin glosses (src/gloss.c): a glossed copy of each text above, simplified and traditional,
# gives its claims, sentences and headings, every span quoting the glossed input; so do the
# cases of claimc check, with their findings
if python3 tests/script/gloss_pair.py "$claimc" "$tmp" corpus/*.txt tests/script/bulletin.txt \
     "$tmp"/*.trad.txt --check tests/check/*.txt > "$tmp/gloss.txt" 2>&1; then
  pass "script/gloss $(tail -1 "$tmp/gloss.txt")"
else
  fail "script/gloss" "$(head -5 "$tmp/gloss.txt")"
fi
# claimc check reads the words the rules read (simplified, without glosses): the cases of
# tests/check/ in traditional characters give the same findings
bad=
for t in tests/check/*.txt; do
  opencc -c s2t.json -i "$t" -o "$tmp/check.trad.txt"
  a=$("$claimc" check -f jsonl "$t" 2>/dev/null | jq -c '[.code, .severity, .message, .figures, [.claims[] | [.id, .kind, .span]]]')
  b=$("$claimc" check -f jsonl "$tmp/check.trad.txt" 2>/dev/null | jq -c '[.code, .severity, .message, .figures, [.claims[] | [.id, .kind, .span]]]')
  [ -n "$a" ] || [ "$(basename "$t")" = clean.txt ] || bad="$bad $t(no findings)"
  [ "$a" = "$b" ] || bad="$bad $t"
done
if [ -z "$bad" ]; then pass "script/check traditional cases of tests/check/ find what the simplified do"
else fail "script/check" "(other findings in traditional characters:$bad)"; fi
# claimc compare keys subjects as the rules read them: a report, its traditional copy and the
# glossed copies of both (written by gloss_pair.py above) line up row by row
bad=
for txt in corpus/*.txt; do
  name=$(basename "$txt" .txt)
  g=$(echo "$txt" | tr / _) gt=$(echo "$tmp/$name.trad.txt" | tr / _)
  python3 tests/script/same_rows.py "$claimc" "$txt" "$tmp/$name.trad.txt" "$tmp/$g.glossed.txt" \
    "$tmp/$gt.glossed.txt" > "$tmp/rows.txt" 2>&1 || bad="$bad $name ($(tail -1 "$tmp/rows.txt"))"
done
if [ -z "$bad" ]; then pass "script/compare a report, its traditional and glossed copies line up"
else fail "script/compare" "(rows apart:$bad)"; fi
