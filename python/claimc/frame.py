"""frame.py — claims as a pandas DataFrame with typed columns, and claimc's CSV read with its
fixed column types (schema/claims.schema.json, CsvRow). pandas is imported only when used."""

KINDS = ["count", "amount", "money", "measure", "rate", "change", "progress", "rank"]
MODALITIES = ["actual", "target"]

# The CSV's columns and their types: the same whatever the batch (an all-empty value_hi column
# is still float64). Strings stay strings, an empty field an empty string.
_NUMBERS = ["value", "value_hi", "done", "total"]
_INTEGERS = ["id", "line", "column", "start", "end"]
_COLUMNS = ("doc id kind modality subject value value_hi unit unit_text approx done total "
            "direction baseline section line column start end text indicator meta").split()
CSV_DTYPES = {c: "float64" if c in _NUMBERS else "int64" if c in _INTEGERS
              else "category" if c in ("kind", "modality") else "string" for c in _COLUMNS}


def _typed(pd, df):
    """Kinds and modalities as categories with every value (the same across batches)."""
    df["kind"] = pd.Categorical(df["kind"], categories=KINDS)
    df["modality"] = pd.Categorical(df["modality"], categories=MODALITIES)
    return df


def read_csv(path, **kwargs):
    """`claimc --format csv` output as a DataFrame with the columns' fixed types."""
    import pandas as pd
    df = pd.read_csv(path, dtype={c: t for c, t in CSV_DTYPES.items() if t not in ("float64", "category")},
                     keep_default_na=False, na_values={c: [""] for c in _NUMBERS},
                     converters=None, **kwargs)
    for c in _NUMBERS:
        df[c] = pd.to_numeric(df[c], errors="raise").astype("float64")
    return _typed(pd, df)


_CORE = {"type", "id", "kind", "modality", "span", "text", "subject", "quantity", "done", "total",
         "direction", "baseline", "distributive", "doc", "section", "meta"}


def to_dataframe(claims):
    """CLAIMS (dicts, as claimc.extract gives them) as one row each: doc, id, kind (category),
    modality (category), subject, value, value_hi (float64), unit, unit_text, approx, done,
    total (float64), direction, baseline, distributive (bool), section (headings joined with
    " > "), line, column, start, end (int64), text; then every other field a record has (an
    "indicator", ...) as it is, and the fields of "meta" (--input jsonl records) as columns of
    their own ("meta." before a name a claim field already has)."""
    import pandas as pd
    cols = {k: [] for k in ["doc", "id", "kind", "modality", "subject", "value", "value_hi",
                            "unit", "unit_text", "approx", "done", "total", "direction",
                            "baseline", "distributive", "section", "line", "column", "start",
                            "end", "text"]}
    extra, metas = {}, {}
    n = 0
    for c in claims:
        progress = c["kind"] == "progress"
        q = c["done"] if progress else c["quantity"]
        s = c["span"]
        row = (c.get("doc"), c.get("id"), c["kind"], c["modality"], c.get("subject"),
               None if progress else q.get("value"), None if progress else q.get("value_hi"),
               q.get("unit"), q.get("unit_text"), q.get("approx"),
               c["done"]["value"] if progress else None, c["total"]["value"] if progress else None,
               c.get("direction"), c.get("baseline"), bool(c.get("distributive", False)),
               " > ".join(c.get("section", [])), s["line"], s["column"], s["start"], s["end"],
               c["text"])
        for col, v in zip(cols.values(), row):
            col.append(v)
        for k, v in c.items():
            if k not in _CORE:
                extra.setdefault(k, [None] * n).append(v)
        for k, v in (c.get("meta") or {}).items():
            metas.setdefault(k, [None] * n).append(v)
        n += 1
        for d in (extra, metas):   # fields this claim lacks
            for v in d.values():
                if len(v) < n:
                    v.append(None)
    data = {}
    for k, v in cols.items():
        if k in _NUMBERS:
            data[k] = pd.Series(v, dtype="float64")
        elif k in _INTEGERS:
            data[k] = pd.Series(v, dtype="int64")
        elif k == "distributive":
            data[k] = pd.Series(v, dtype="bool")
        else:
            data[k] = pd.Series(v, dtype="object")
    data.update(extra)
    for k, v in metas.items():
        data[k if k not in data else "meta." + k] = v
    return _typed(pd, pd.DataFrame(data))
