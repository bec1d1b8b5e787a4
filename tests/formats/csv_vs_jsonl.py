#!/usr/bin/env python3
"""csv_vs_jsonl.py CSV JSONL — the CSV output agrees with the JSONL output, field by field.

Checks RFC 4180 framing (every row ends in CRLF; the bytes equal what Python's csv writer
makes of the parsed rows with minimal quoting, so fields are quoted exactly when they hold a
comma, a quote, CR or LF), the header, the row count, and each column against the JSON claim
(docs/README-formats.md gives the mapping). Exit 1 with the first differences."""
import csv, io, json, sys

COLUMNS = ("doc id kind modality subject value value_hi unit unit_text approx done total "
           "direction baseline section line column start end text indicator meta").split()


def num(v):
    """A JSON number as claimc wrote it: exact decimal literals, compared as text."""
    return "" if v is None else v


def expected_row(c):
    progress = c["kind"] == "progress"
    q = c["done"] if progress else c["quantity"]
    s = c["span"]
    return {
        "doc": c["doc"], "id": str(c["id"]), "kind": c["kind"], "modality": c["modality"],
        "subject": c["subject"] or "",
        "value": "" if progress else num(q.get("value")),
        "value_hi": "" if progress else num(q.get("value_hi")),
        "unit": q["unit"] or "", "unit_text": q["unit_text"] or "", "approx": q["approx"] or "",
        "done": num(c["done"]["value"]) if progress else "",
        "total": num(c["total"]["value"]) if progress else "",
        "direction": c.get("direction") or "", "baseline": c.get("baseline") or "",
        "section": " > ".join(c["section"]), "line": str(s["line"]),
        "column": str(s["column"]), "start": str(s["start"]), "end": str(s["end"]),
        "text": c["text"], "indicator": c.get("indicator") or "", "meta": c.get("meta"),
    }


def same_meta(want, got):
    """The meta column is the record's fields as JSON text: the same object, or empty for none."""
    if want is None:
        return got == ""
    try:
        return json.loads(got, parse_float=str, parse_int=str) == want
    except ValueError:
        return False


def main():
    raw = open(sys.argv[1], "rb").read()
    # numbers must be compared as written, so parse JSON numbers as their literal text
    claims = [json.loads(l, parse_float=str, parse_int=str) for l in open(sys.argv[2], encoding="utf-8")]
    errors = []
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    if again.getvalue() != text:
        a, b = again.getvalue(), text
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        errors.append(f"framing/quoting differs from RFC 4180 at char {i}: "
                      f"claimc {b[max(0, i - 30):i + 30]!r} vs {a[max(0, i - 30):i + 30]!r}")
    if not text.endswith("\r\n"):
        errors.append("the last row does not end in CRLF")
    if not rows or rows[0] != COLUMNS:
        errors.append(f"header {rows[:1]} != {COLUMNS}")
    body = rows[1:]
    if len(body) != len(claims):
        errors.append(f"{len(body)} rows but {len(claims)} JSONL claims")
    if not claims:
        errors.append("no claims at all: nothing was compared")
    for n, (row, c) in enumerate(zip(body, claims), 2):
        want = expected_row(c)
        for col, got in zip(COLUMNS, row):
            # JSON ids and positions were parsed as text; value literals too
            if col == "meta" and same_meta(want[col], got):
                continue
            if col == "meta" or str(want[col]) != got:
                errors.append(f"row {n} ({c['doc']} #{c['id']}) {col}: csv {got!r} json {want[col]!r}")
    for e in errors[:15]:
        print("  " + e)
    print(f"  {len(body)} rows, {len(claims)} claims, {len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
