#!/usr/bin/env python3
"""gloss_pair.py CLAIMC TMPDIR TEXT... [--check TEXT...]: a text with pinyin glosses gives the claims of the text.

Mirror sites put readings in brackets after characters (地區(qū)生產(chǎn)總值增長(zhǎng)); claimc reads
past them (src/gloss.c). For each TEXT this writes a glossed copy into TMPDIR: after about a
third of the Chinese characters, a syllable of grammar/pinyin.tsv, with a tone mark or none,
sometimes twice, in full-width brackets, or with v for ü (a fixed seed a file, so a failure
can be run again). Then, in --format jsonl and json, the glossed copy must give the same
claims, sentences and headings as the text (kinds, values, units, directions, modalities,
baselines, ids, sections), and every span of its output must quote the glossed input: the
quoted string (text, subject, raw, unit_text, baseline, titles) is the input's bytes at the
span where the output gives one, has the glosses where the input has them (the text's quote
with its glosses taken out), and line and column are the input's. TEXTs after --check also
give the findings of claimc check they give unglossed. Exit 0 when all agree."""
import json
import random
import re
import subprocess
import sys
import zlib

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
GLOSS = re.compile("(?<=[" + CJK + "])(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+[)）])+")
TONES = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}
QUOTED = {"text", "subject", "raw", "unit_text", "baseline", "doc", "title", "marker", "name"}
SPANS = {"span"}
bad = 0


def complain(msg):
    global bad
    bad += 1
    if bad <= 20:
        print(msg)


def syllables():
    with open("grammar/pinyin.tsv", encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def toned(s, rng):
    """S with a tone mark on its main vowel (a, e, ou's o, else the last vowel), or none."""
    if rng.random() < 0.3:
        return s
    for v in "ae":
        if v in s:
            break
    else:
        v = "o" if "ou" in s else next((c for c in reversed(s) if c in TONES), None)
    if v is None:
        return s
    i = s.index(v) if v in "ae" or v == "o" and "ou" in s else s.rindex(v)
    return s[:i] + TONES[v][rng.randrange(4)] + s[i + 1:]


def glossed(text, seed, sylls):
    rng = random.Random(seed)
    out = []
    for c in text:
        out.append(c)
        if re.match("[" + CJK + "]", c) and rng.random() < 0.35:
            s = toned(rng.choice(sylls), rng)
            if rng.random() < 0.05:
                s = s.replace("ü", "v").replace("ǜ", "v")
            open_, close = ("（", "）") if rng.random() < 0.1 else ("(", ")")
            g = open_ + s + close
            out.append(g * (2 if rng.random() < 0.15 else 1))
    return "".join(out)


def run(claimc, fmt, path):
    r = subprocess.run([claimc, "-f", fmt, path], capture_output=True)
    return r.stdout.decode("utf-8")


def positions(raw):
    """The 1-based line and column (in characters) of every byte offset of RAW, as claimc
    counts them: a line ends at LF or a lone CR; a CR takes no column."""
    at, line, col = [], 1, 1
    for i, c in enumerate(raw):
        at.append((line, col))
        if c == 10 or (c == 13 and raw[i + 1:i + 2] != b"\n"):
            line, col = line + 1, 1
        elif c & 0xC0 != 0x80 and c != 13:
            col += 1
    at.append((line, col))
    return at


def check_quotes(node, raw, at, where):
    """Each span of NODE (a claim, sentence, heading) and its quote agree with the input RAW
    (AT: its positions)."""
    if isinstance(node, list):
        for x in node:
            check_quotes(x, raw, at, where)
        return
    if not isinstance(node, dict):
        return
    span = node.get("span")
    quote = node.get("raw") if node.get("type") == "Quantity" else node.get("text")
    if isinstance(span, dict) and isinstance(quote, str):
        got = raw[span["start"]:span["end"]].decode("utf-8", errors="replace")
        if got != quote:
            complain(f"{where}: span [{span['start']}, {span['end']}) quotes {got!r}, output says {quote!r}")
        if "line" in span and (span["line"], span["column"]) != at[span["start"]]:
            complain(f"{where}: {quote!r} at {span['line']}:{span['column']}, "
                     f"the input has it at {at[span['start']]}")
    for k, v in node.items():
        if k != "span":
            check_quotes(v, raw, at, where)


def same(a, b, where):
    """A (of the text) and B (of the glossed copy) agree but for spans; B's quotes with their
    glosses taken out are A's."""
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            complain(f"{where}: fields {sorted(a)} against {sorted(b)}")
            return
        for k in a:
            if k in SPANS or k in ("bytes",):
                continue
            if k in QUOTED and isinstance(b[k], str):
                if k != "doc" and k != "name" and GLOSS.sub("", b[k]) != a[k]:
                    complain(f"{where}: {k} {b[k]!r} is not {a[k]!r} with glosses")
                continue
            same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            complain(f"{where}: {len(a)} items against {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    elif a != b and not (isinstance(a, str) and isinstance(b, str) and GLOSS.sub("", b) == a):
        complain(f"{where}: {a!r} against {b!r}")


def check_findings(claimc, path, gpath, raw, at):
    """claimc check finds in the glossed copy what it finds in the text: the same codes,
    messages, figures and claims, its sentences quoted from the glossed input."""
    def run_check(p):
        r = subprocess.run([claimc, "check", "--format", "jsonl", p], capture_output=True)
        return [json.loads(l) for l in r.stdout.decode("utf-8").splitlines() if l.strip()]
    a, b = run_check(path), run_check(gpath)
    same([{k: f[k] for k in ("code", "severity", "message", "figures", "claims")} for f in a],
         [{k: f[k] for k in ("code", "severity", "message", "figures", "claims")} for f in b],
         f"{path} check")
    check_quotes([f["sentence"] for f in b], raw, at, f"{gpath} check")
    return len(b)


def main():
    claimc, tmp = sys.argv[1], sys.argv[2]
    texts = sys.argv[3:]
    checked = []   # after --check: texts whose claimc check findings are compared too
    if "--check" in texts:
        checked = texts[texts.index("--check") + 1:]
        texts = texts[:texts.index("--check")]
    sylls = syllables()
    claims = findings = 0
    for path in texts + checked:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        name = path.replace("/", "_")
        gpath = f"{tmp}/{name}.glossed.txt"
        with open(gpath, "w", encoding="utf-8") as f:
            f.write(glossed(text, zlib.crc32(name.encode()), sylls))
        raw = open(gpath, "rb").read()
        at = positions(raw)
        a = [json.loads(l) for l in run(claimc, "jsonl", path).splitlines() if l.strip()]
        b = [json.loads(l) for l in run(claimc, "jsonl", gpath).splitlines() if l.strip()]
        if not a:
            complain(f"{path}: no claims to compare")
        claims += len(b)
        same(a, b, f"{path} jsonl")
        check_quotes(b, raw, at, f"{gpath} jsonl")
        ja, jb = json.loads(run(claimc, "json", path)), json.loads(run(claimc, "json", gpath))
        same(ja["children"], jb["children"], f"{path} json")
        check_quotes(jb["children"], raw, at, f"{gpath} json")
        if jb["bytes"] != len(raw):
            complain(f"{gpath}: bytes {jb['bytes']}, the input has {len(raw)}")
        if path in checked:
            findings += check_findings(claimc, path, gpath, raw, at)
    print(f"{len(texts) + len(checked)} glossed texts, {claims} claims, {findings} findings of "
          "claimc check: those of the texts, quoted as glossed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
