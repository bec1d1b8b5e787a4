#!/usr/bin/env python3
"""same_claims.py A.jsonl B.jsonl [TEXT_OF_B]: the claims of two readings of one text agree.

Two texts that differ only in their characters' script (simplified, traditional, mixed) or in
their encoding must give the same claims: kinds, modalities, values, units, approximations,
directions, progress parts, spans. Only the quoted strings (text, subject, raw ...) may differ,
and with TEXT_OF_B given, each of B's must be the bytes of that file at its span: the output
quotes the input as written, not the shadow the rules read. Exit 0 when they agree."""
import json
import sys

QUOTED = {"text", "subject", "raw", "unit_text", "baseline", "doc", "section"}


def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in QUOTED}
    return x


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    a, b = load(sys.argv[1]), load(sys.argv[2])
    bad = 0
    if len(a) != len(b):
        print(f"{len(a)} claims against {len(b)}")
        bad += 1
    for x, y in zip(a, b):
        if strip(x) != strip(y):
            print("differ:\n  ", json.dumps(x, ensure_ascii=False), "\n  ", json.dumps(y, ensure_ascii=False))
            bad += 1
    if len(sys.argv) > 3:
        raw = open(sys.argv[3], "rb").read()
        for y in b:
            s = y["span"]
            if raw[s["start"]:s["end"]].decode("utf-8") != y["text"]:
                print("text not quoted from the input:", y["text"])
                bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
