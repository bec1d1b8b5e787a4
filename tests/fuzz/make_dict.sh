#!/bin/sh
# make_dict.sh OUT — a libFuzzer dictionary from the lexer's own tables and syntax.
#
# Every keyword and unit surface form (grammar/keywords.tsv, grammar/units.tsv), plus the
# numerals (long digit runs too), brackets, separators, headings and encoding marks the lexer
# treats specially, so mutations splice whole tokens instead of hoping to hit 3-byte UTF-8
# sequences by chance.
# Non-ASCII bytes are written as \xNN: libFuzzer accepts only printable characters in a dict.
set -eu
out=$1
{
  for f in grammar/keywords.tsv grammar/units.tsv; do
    awk -F '\t' '!/^#/ && NF >= 2 { n = split($1, forms, "|"); for (i = 1; i <= n; i++) print forms[i] }' "$f"
  done
  # numerals, multipliers, approximations, ranges, dates, ordinals, list markers
  printf '%s\n' 零 〇 一 二 两 三 四 五 六 七 八 九 十 百 千 万 亿 壹 拾 佰 仟 点 \
    百分之 千分之 分之 余 多 左右 以上 以下 以内 及以上 至 到 － — ～ 〜 \
    年 月 日 号 底 初 末 中旬 年度 第 位 名 批 轮 季度 是 、 一、 （一） "(1)" "1." \
    ０ １ ２ ５ ９ ． ％ ： ， 。 ； ！ ？ “ ” 「 」 《 》 【 】 （ ） PM2.5 PM₁₀ "PM_{2.5}" \
    NO_x m³ μg/m³ 的 了 分别 同比 较 为 达 共 完成 已完成 累计 排名 力争 确保 计划 \
    "[bookmark: _GoBack]" "##paidbegin##" "| | |" 2024年 1－10月 5·22 6.5世界环境日 十四五 \
    00000000000000000000 99999999999999999999 0.00000000000000000000 １２３４５６７８９０
  # encoding marks and awkward bytes
  printf '%s\n' '\xEF\xBB\xBF' '\xFF\xFE' '\xFE\xFF' '\x00' '\x0D\x0A' '\x0D' '\xC0\x80' '\xED\xA0\x80' \
    '\xF4\x90\x80\x80' '\xE4\xB8' '\x80' '\xC4\xEA'
} | LC_ALL=C awk '
  BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
  /^\\x/ { print "\"" $0 "\""; next }   # already escaped
  {
    s = ""
    for (i = 1; i <= length($0); i++) {
      c = substr($0, i, 1); o = ord[c]
      if (c == "\\" || c == "\"") s = s "\\" c
      else if (o < 32 || o > 126) s = s sprintf("\\x%02X", o)
      else s = s c
    }
    if (!(s in seen)) { seen[s] = 1; print "\"" s "\"" }
  }' > "$out"
