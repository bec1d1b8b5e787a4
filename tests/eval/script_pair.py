#!/usr/bin/env python3
"""script_pair.py — issue 16's traditional-character bar: F1 on the traditional-character
records of the given sets, against F1 on the same records converted to simplified characters
(OpenCC's t2s, text and annotations alike). The same claims, the same annotator: only the
script differs, so the gap is what the traditional characters cost.

Usage: script_pair.py [--claimc CMD] [--max-gap 0.03] FILE.jsonl...
Writes the pair of sets to build/eval-script/{traditional,simplified}.jsonl and scores both
with score.py; exits 1 when the F1 gap is above --max-gap.
"""
import argparse, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))

def t2s(strings):
    """Convert a list of strings with one opencc run (one string a line, newlines escaped)."""
    joined = "\n".join(s.replace("\\", "\\\\").replace("\n", "\\n") for s in strings)
    out = subprocess.run(["opencc", "-c", "t2s.json"], input=joined, capture_output=True,
                         text=True, check=True).stdout
    lines = out.split("\n")
    if out.endswith("\n") and len(lines) == len(strings) + 1:
        lines = lines[:-1]
    assert len(lines) == len(strings), "opencc changed the number of lines"
    return [l.replace("\\n", "\n").replace("\\\\", "\\") for l in lines]

def strings_of(rec):
    """Every annotation string of REC that names text: (path, value) pairs."""
    out = [(("text",), rec["text"])]
    for i, c in enumerate(rec.get("claims", [])):
        for k in ("subject", "baseline"):
            if isinstance(c.get(k), str):
                out.append((("claims", i, k), c[k]))
        for j, alt in enumerate(c.get("subject_alt") or []):
            out.append((("claims", i, "subject_alt", j), alt))
    return out

def put(rec, path, value):
    o = rec
    for p in path[:-1]:
        o = o[p]
    o[path[-1]] = value

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--claimc", default=os.environ.get("CLAIMC", "build/claimc"))
    ap.add_argument("--max-gap", type=float, default=None)
    ap.add_argument("--out", default="build/eval-script")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    recs = []
    for f in a.files:
        for line in open(f, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                if r.get("script") == "traditional":
                    recs.append(r)
    if not recs:
        print("script_pair: no traditional-character records"); return 1
    pairs = [strings_of(r) for r in recs]
    flat = [v for p in pairs for _, v in p]
    conv = t2s(flat)
    simp, k = [], 0
    for r, p in zip(recs, pairs):
        s = json.loads(json.dumps(r))
        s["script"] = "simplified"
        for path, _ in p:
            put(s, path, conv[k]); k += 1
        simp.append(s)
    os.makedirs(a.out, exist_ok=True)
    files = {}
    for name, rs in (("traditional", recs), ("simplified", simp)):
        files[name] = os.path.join(a.out, name + ".jsonl")
        with open(files[name], "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    f1 = {}
    for name, path in files.items():
        js = os.path.join(a.out, name + ".score.json")
        subprocess.run([sys.executable, os.path.join(HERE, "score.py"), "--claimc", a.claimc,
                        "--json", js, path], capture_output=True, check=False)
        o = json.load(open(js))["overall"]
        f1[name] = o
        print("%-11s records %4d  P %.4f  R %.4f  F1 %.4f  subject cF1 %.4f" % (
            name, len(recs), o["precision"], o["recall"], o["f1"], o.get("subject_f1_0.8", float("nan"))))
    gap = f1["simplified"]["f1"] - f1["traditional"]["f1"]
    print("F1 gap (simplified - traditional): %.4f" % gap)
    if a.max_gap is not None and gap > a.max_gap:
        print("script_pair: gap above %.2f" % a.max_gap); return 1
    return 0

if __name__ == "__main__":
    sys.exit(main())
