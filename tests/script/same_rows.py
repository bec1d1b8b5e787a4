#!/usr/bin/env python3
"""same_rows.py CLAIMC TEXT...: claimc compare lines up readings of one report.

The TEXTs are one report written differently (simplified, traditional, with pinyin glosses):
`claimc compare --all` must give one row per metric with a cell in every column, each the
same value, so no subject was keyed by how it is written (src/compare.c reads subjects in the
shadow the rules read). Exit 0 when it does."""
import json
import subprocess
import sys


def main():
    claimc, texts = sys.argv[1], sys.argv[2:]
    r = subprocess.run([claimc, "compare", "--format", "json", "--all"] + texts, capture_output=True)
    rows = json.loads(r.stdout.decode("utf-8"))["rows"]
    bad = [row["subject"] for row in rows
           if any(c is None or c.get("value") != row["cells"][0].get("value")
                  for c in row["cells"]) or len(row["cells"]) != len(texts)]
    for s in bad[:10]:
        print("row not lined up:", s)
    print(f"{len(rows)} rows, {len(bad)} not lined up across {len(texts)} readings")
    sys.exit(1 if bad or not rows else 0)


if __name__ == "__main__":
    main()
