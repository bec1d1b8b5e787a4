#!/usr/bin/env python3
"""compare.py EXPECT FINDINGS CLAIMS — claimc check's findings for one case.

EXPECT has one line per finding, in order: `severity code [name=value ...]`; the listed
figures must equal the finding's (numbers to 0.01). FINDINGS is claimc check's JSONL; each
finding must have the documented fields, and the claims it names must be the claims of
CLAIMS (claimc --format jsonl) with the same id, kind and text. Exit 1 with the differences."""
import json, sys

REQUIRED = {"type", "doc", "code", "severity", "message", "line", "column", "claims", "figures",
            "sentence"}


def main():
    expect = [l.split() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    found = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
    claims = {(c["doc"], c["id"]): c for c in map(json.loads, open(sys.argv[3], encoding="utf-8"))}
    errors = []
    got = [(f["severity"], f["code"]) for f in found]
    want = [(e[0], e[1]) for e in expect]
    if got != want:
        errors.append(f"findings {got} != expected {want}")
    for f, e in zip(found, expect):
        if REQUIRED - f.keys():
            errors.append(f"{f['code']}: missing fields {sorted(REQUIRED - f.keys())}")
        for item in e[2:]:
            name, value = item.split("=", 1)
            have = f["figures"].get(name)
            try:
                same = abs(float(have) - float(value)) < 0.006
            except (TypeError, ValueError):
                same = have == value
            if not same:
                errors.append(f"{f['code']}: figure {name} = {have!r}, expected {value}")
        for c in f["claims"]:
            ref = claims.get((f["doc"], c["id"]))
            if not ref or (ref["kind"], ref["text"]) != (c["kind"], c["text"]):
                errors.append(f"{f['code']}: claim #{c['id']} {c['kind']} {c['text']!r} is not "
                              f"claim #{c['id']} of the JSONL output ({ref and ref['text']!r})")
        if f["code"] != "exceeded-without-figures" and not f["claims"]:
            errors.append(f"{f['code']}: names no claim")
    for e in errors:
        print("  " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
