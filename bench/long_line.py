#!/usr/bin/env python3
"""long_line.py KIND MB [OUT]: one line of MB * 10^6 bytes with no sentence end (no 。；！？ and
no line break), as a page dumped without punctuation or a table flattened into one line.

KIND prose: the corpus reports' prose without digits, sentence marks and line breaks.
KIND claims: clauses of the corpus kind, a claim about every 40 characters (全市共检查排污单位
1826家次，...), joined by commas.
KIND bare: the same clauses with nothing between them (one clause of megabytes)."""
import glob, os, re, sys

def prose(root):
    text = ''.join(open(p, encoding='utf-8').read() for p in sorted(glob.glob(os.path.join(root, 'corpus', '*.txt'))))
    # Chinese characters and commas only, and no numeral: no digit, no mark that ends a
    # sentence, no list marker that opens a heading (一、, 一是)
    return re.sub(r'[^\u4e00-\u9fff，]|[〇零一二三四五六七八九十百千万亿两]', '', text)

CLAUSES = ['全市共检查排污单位1826家次', '出动执法人员5430人次', 'PM2.5平均浓度为35微克/立方米',
           '同比下降5.4%', '完成12个项目中的10个', '累计完成整改任务142项', '优良天数比例达到88.2%',
           '新增造林面积2.3万亩', '投入资金1.58亿元', '化学需氧量排放量削减6.2%']

def claims(sep):
    return sep.join(CLAUSES) + sep

def main():
    kind, mb = sys.argv[1], float(sys.argv[2])
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    unit = (prose(root) if kind == 'prose' else claims('，' if kind == 'claims' else '')).encode('utf-8')
    size = int(mb * 1e6)
    out = bytearray(unit * (size // len(unit) + 1))[:size]
    while out and (out[-1] & 0xC0) == 0x80:   # end on a whole character
        out.pop()
    if out and out[-1] >= 0xC0:
        out.pop()
    dest = open(sys.argv[3], 'wb') if len(sys.argv) > 3 else sys.stdout.buffer
    dest.write(bytes(out))

main()
