#!/usr/bin/env python3
"""run.py — the lexer test table (tests/lexer/cases.tsv) and the corpus numeral listing.

  run.py CLAIMC CASES RESULTS
      Run every row of the table; append "PASS lexer/<group> (N cases)" for a group whose rows
      all pass, and one "FAIL lexer/<group> ..." line per failing row, to RESULTS.
  run.py --corpus GOLDEN [--regen] CLAIMC RESULTS FILE...
      List every token of FILE... that holds a numeral (with the multiplier, unit and suffix
      tokens that follow it) and compare the listing with GOLDEN, which was reviewed by eye;
      also check that no digit was left in prose (FILLER). --regen rewrites GOLDEN.

A row of the table is: input <TAB> level <TAB> expected <TAB> note. In the input, \\n is a line
break; a line starting with "# " is a comment, "# == name" starts a group. Level `tokens` also checks every token's byte span and line:col against the
input, then compares the raw tokens of `claimc --format tokens` (punctuation, FILLER
and 的 left out; each token as "TYPE text attrs" without exp10=0 and the `chinese` flag;
" | " between tokens; "none" for no token). Level `quantity` compares the quantities of the
claims of `claimc --format jsonl`: "value[~value_hi] unit unit_text approx raw" with "-" for an
empty field, " ; " between claims, "done=<q> total=<q>" for progress, "none" for no claim, and
" !code" for a number-overflow or invalid-utf8 diagnostic. A note starting with "neg" marks a
negative case (a form that must NOT be read as a quantity or as the wrong unit).
Standard library only.
"""
import json
import re
import subprocess
import sys

HIDDEN = {"FILLER", "STOP", "COMMA", "ENUM", "SEMI", "COLON", "DE"}
DIAGS = ("number-overflow", "invalid-utf8")


def run(claimc, fmt, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    p = subprocess.run([claimc, "--format", fmt, "-"], input=data,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def token_rows(out):
    """(start, end, type, text, attrs) for each line of --format tokens."""
    rows = []
    for line in out.splitlines():
        f = line.split("\t")
        if len(f) >= 5:
            rows.append((int(f[0]), int(f[1]), f[3], f[4], f[5] if len(f) > 5 else ""))
    return rows


def check_spans(data, out):
    """Every token's start/end must cut its text out of the input, and line:col must be where
    it starts (lines end at LF, CR LF or a lone CR; columns count code points). None if so."""
    line, col, at = 1, 1, 0
    for f in (l.split("\t") for l in out.splitlines()):
        start, end, typ, text = int(f[0]), int(f[1]), f[3], f[4]
        piece = data[start:end]
        if typ == "INVALID":
            want = "".join(f"\\x{b:02X}" for b in piece)
        else:
            want = piece.decode("utf-8", "replace")
            for c, e in (("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"), ("\0", "\\0")):
                want = want.replace(c, e)
        if want != text:
            return f"span {start}-{end} holds {want!r}, token says {text!r}"
        for i in range(at, start):
            c = data[i]
            if c == 0x0A or (c == 0x0D and data[i + 1:i + 2] != b"\n"):
                line, col = line + 1, 1
            elif (c & 0xC0) != 0x80 and c != 0x0D:
                col += 1
        at = start
        if f[2] != f"{line}:{col}":
            return f"token at byte {start} is at {line}:{col}, printed {f[2]}"
    return None


def project_tokens(out):
    parts = []
    for _, _, typ, text, attrs in token_rows(out):
        if typ in HIDDEN:
            continue
        attrs = " ".join(a for a in attrs.split() if a not in ("exp10=0", "chinese"))
        parts.append(f"{typ} {text} {attrs}".strip())
    return " | ".join(parts) or "none"


def project_q(q):
    v = str(q["value"])
    if "value_hi" in q and q["value_hi"] is not None:
        v += "~" + str(q["value_hi"])
    return " ".join([v, q.get("unit") or "-", q.get("unit_text") or "-", q.get("approx") or "-",
                     q.get("raw") or "-"])


def project_quantities(out, err):
    parts = []
    for line in out.splitlines():
        # keep numbers as written: 0.068 must not become 0.068000000000000005
        c = json.loads(line, parse_float=str, parse_int=str)
        if c.get("kind") == "progress":
            parts.append(f"done={project_q(c['done'])} total={project_q(c['total'])}")
        elif c.get("quantity"):
            parts.append(project_q(c["quantity"]))
    s = " ; ".join(parts) or "none"
    for code in DIAGS:
        if f"[{code}]" in err:
            s += " !" + code
    return s


def unescape(s):
    """The input as bytes: \\n LF, \\r CR, \\t a tab, \\xHH one raw byte (invalid UTF-8)."""
    out = bytearray()
    for m in re.finditer(r"\\x([0-9a-fA-F]{2})|\\(.)|([^\\]+)", s):
        if m.group(1):
            out.append(int(m.group(1), 16))
        elif m.group(2):
            out += {"n": b"\n", "r": b"\r", "t": b"\t"}.get(m.group(2), m.group(2).encode("utf-8"))
        else:
            out += m.group(3).encode("utf-8")
    return bytes(out)


def load_cases(path):
    group, cases = "misc", []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            m = re.match(r"#\s*==\s*(\S+)", line)
            if m:
                group = m.group(1)
                continue
            if not line.strip() or line == "#" or line.startswith("# "):
                continue
            cols = line.split("\t")
            if len(cols) < 3 or cols[1] not in ("tokens", "quantity"):
                raise SystemExit(f"{path}:{n}: want input<TAB>tokens|quantity<TAB>expected[<TAB>note]")
            cases.append({"line": n, "group": group, "input": cols[0], "level": cols[1],
                          "expected": cols[2], "note": cols[3] if len(cols) > 3 else ""})
    return cases


def run_table(claimc, path, results):
    cases = load_cases(path)
    by_group, lines, failed = {}, [], 0
    for c in cases:
        text = unescape(c["input"])
        rc, out, err = run(claimc, "tokens" if c["level"] == "tokens" else "jsonl", text)
        if rc not in (0, 1) or (rc == 1 and not out):   # 1: a diagnostic, output still made
            got = f"exit status {rc}: {err.strip()[:200]}"
        elif c["level"] == "tokens":
            got = check_spans(text, out) or project_tokens(out)
        else:
            try:
                got = project_quantities(out, err)
            except (ValueError, KeyError) as e:
                got = f"bad JSONL ({e})"
        g = by_group.setdefault(c["group"], [0, 0])
        g[0] += 1
        if got != c["expected"]:
            g[1] += 1
            failed += 1
            print(f"{path}:{c['line']}: [{c['group']}] {c['input']}\n    want: {c['expected']}\n    got:  {got}")
            lines.append(f"FAIL lexer/{c['group']} line {c['line']} {c['input']!r}: "
                         f"got {got!r}, want {c['expected']!r}")
    for name, (n, bad) in by_group.items():
        if not bad:
            lines.append(f"PASS lexer/{name} ({n} cases)")
    neg = sum(1 for c in cases if c["note"].startswith("neg"))
    levels = {lv: sum(1 for c in cases if c["level"] == lv) for lv in ("tokens", "quantity")}
    print(f"lexer table: {len(cases)} cases ({neg} negative; {levels['tokens']} tokens, "
          f"{levels['quantity']} quantity), {failed} failed")
    with open(results, "a", encoding="utf-8") as f:
        f.write("".join(l + "\n" for l in lines))
    return failed == 0


# -- the corpus listing ----------------------------------------------------------------------

NUMERAL = re.compile("[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
                     "\u2080-\u2089\u2070-\u2079\u00b2\u00b3\u00b9\u2460-\u2487]")
DIGIT = re.compile("[0-9０-９\u2080-\u2089]")
FOLLOW = {"MULT", "UNIT", "SUFFIX", "RANGE"}


def corpus_listing(claimc, path):
    """One line per numeral-bearing token: where, the token chain, and its context."""
    with open(path, "rb") as f:
        raw = f.read()
    rc, out, _ = run(claimc, "tokens", raw.decode("utf-8", "replace"))
    toks = token_rows(out)
    lines, stray, i = [], [], 0
    name = path.rsplit("/", 1)[-1]
    while i < len(toks):
        s, e, typ, text, attrs = toks[i]
        if typ == "FILLER" and DIGIT.search(text):
            stray.append(f"{name}@{s}: digit in prose: {text}")
        if NUMERAL.search(text) and not (typ == "KW" and attrs == "class=WORD") and typ != "FILLER":
            chain = [f"{typ} {text} {attrs}".strip()]
            j = i + 1
            while j < len(toks) and toks[j][2] in FOLLOW and toks[j][0] - toks[j - 1][1] <= 3:
                chain.append(f"{toks[j][2]} {toks[j][3]} {toks[j][4]}".strip())
                j += 1
            end = toks[j - 1][1]
            ctx = (raw[max(0, s - 12):s].decode("utf-8", "ignore") + "【" +
                   raw[s:end].decode("utf-8") + "】" + raw[end:end + 9].decode("utf-8", "ignore"))
            lines.append(f"{name}@{s}\t{' | '.join(chain)}\t{ctx}".replace("\n", "⏎").replace("\r", ""))
            i = j
        else:
            i += 1
    return lines, stray


def run_corpus(claimc, golden, files, results, regen):
    lines, stray = [], []
    for path in files:
        l, s = corpus_listing(claimc, path)
        lines += l
        stray += s
    text = "".join(l + "\n" for l in lines)
    if regen:
        with open(golden, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {golden} ({len(lines)} numerals): review `git diff {golden}` line by line")
        return True
    out = []
    try:
        with open(golden, encoding="utf-8") as f:
            want = f.read().splitlines()
    except OSError:
        want = None
    if want is None:
        out.append(f"FAIL lexer/corpus-numerals no {golden} (make regen-lexer-corpus, then review it)")
    elif want == lines:
        out.append(f"PASS lexer/corpus-numerals ({len(lines)} numeral tokens as reviewed)")
    else:
        gone = [l for l in want if l not in set(lines)]
        new = [l for l in lines if l not in set(want)]
        print(f"--- {golden}: the corpus numerals are lexed differently (- reviewed, + now)")
        for l in gone[:40]:
            print("-", l)
        for l in new[:40]:
            print("+", l)
        out.append(f"FAIL lexer/corpus-numerals {len(gone)} reviewed lines changed, {len(new)} new "
                   f"(if right: make regen-lexer-corpus and review the diff)")
    if stray:
        print("\n".join(stray))
        out.append(f"FAIL lexer/corpus-digits {len(stray)} digits left in prose (FILLER)")
    else:
        out.append("PASS lexer/corpus-digits (every digit is in a numeral, date, name or marker)")
    with open(results, "a", encoding="utf-8") as f:
        f.write("".join(l + "\n" for l in out))
    return all(l.startswith("PASS") for l in out)


def main(argv):
    if argv and argv[0] == "--corpus":
        regen = "--regen" in argv
        args = [a for a in argv[1:] if a != "--regen"]
        if len(args) < 4:
            raise SystemExit(__doc__)
        golden, claimc, results, files = args[0], args[1], args[2], args[3:]
        return 0 if run_corpus(claimc, golden, files, results, regen) else 1
    if len(argv) != 3:
        raise SystemExit(__doc__)
    return 0 if run_table(argv[0], argv[1], argv[2]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
