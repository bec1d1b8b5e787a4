#!/bin/sh
# gen_pinyin.sh — grammar/pinyin.tsv (the syllables of Mandarin) as C:
#
#   sh tools/gen_pinyin.sh grammar/pinyin.tsv > build/pinyin_table.c
#
# cl_pinyin_syllables: the syllables sorted in byte order, ü written v, for src/gloss.c's binary
# search; cl_pinyin_count their number. A row that is not one lowercase syllable (a-z, ü; at most
# six letters) or a syllable listed twice stops the build.
set -eu
in=$1
rows=$(grep -v '^#' "$in" | grep -v '^[[:space:]]*$' | sed 's/ü/v/g')
bad=$(printf '%s\n' "$rows" | LC_ALL=C grep -nv '^[a-z]\{1,6\}$' || true)
if [ -n "$bad" ]; then
    printf '%s: not a syllable (lowercase a-z and ü, at most six letters): %s\n' "$in" "$bad" >&2
    exit 1
fi
dup=$(printf '%s\n' "$rows" | LC_ALL=C sort | uniq -d)
if [ -n "$dup" ]; then
    printf '%s: listed twice: %s\n' "$in" "$dup" >&2
    exit 1
fi
n=$(printf '%s\n' "$rows" | wc -l)
echo "/* Generated from $in by tools/gen_pinyin.sh. Do not edit. */"
echo '#include "gloss.h"'
echo "const size_t cl_pinyin_count = $n;"
echo 'const char *const cl_pinyin_syllables[] = {'
printf '%s\n' "$rows" | LC_ALL=C sort | sed 's/.*/    "&",/'
echo '};'
