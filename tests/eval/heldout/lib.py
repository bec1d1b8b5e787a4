"""Helpers for writing the held-out records by hand (see README.md)."""
import json

RECS = []


def _c(kind, v, u, s=None, d=None, ap=None, hi=None, m=None):
    return {"kind": kind, "value": v, "unit": u, "modality": m, "direction": d,
            "value_hi": hi, "approx": ap, "subject": s}


def cnt(v, u, s=None, ap=None, hi=None, m=None):
    return _c("count", v, u, s, None, ap, hi, m)


def amt(v, u, s=None, ap=None, hi=None, m=None):
    return _c("amount", v, u, s, None, ap, hi, m)


def mon(v, s=None, ap=None, hi=None, m=None):
    return _c("money", v, "CNY", s, None, ap, hi, m)


def mea(v, u, s=None, ap=None, hi=None, m=None):
    return _c("measure", v, u, s, None, ap, hi, m)


def rt(v, s=None, ap=None, hi=None, m=None):
    return _c("rate", v, "%", s, None, ap, hi, m)


def chg(v, u, d, s=None, ap=None, hi=None, m=None):
    return _c("change", v, u, s, d, ap, hi, m)


def flat(s=None, m=None):
    return _c("change", None, None, s, "flat", None, None, m)


def rk(v, s=None, ap=None, m=None):
    return _c("rank", v, "rank", s, None, ap, None, m)


def prg(done, total, u, s=None, m=None):
    return {"kind": "progress", "done": done, "total": total, "unit": u, "modality": m,
            "subject": s}


def R(text, claims, note, m="a"):
    out = []
    for c in claims:
        c = dict(c)
        if c["modality"] is None:
            c["modality"] = {"a": "actual", "t": "target"}[m]
        elif c["modality"] in ("a", "t"):
            c["modality"] = {"a": "actual", "t": "target"}[c["modality"]]
        out.append(c)
    RECS.append({"text": text, "claims": out, "note": note})


def N(text, note):
    R(text, [], "negative: " + note)


def write(path):
    with open(path, "w", encoding="utf-8") as f:
        for i, r in enumerate(RECS, 1):
            rec = {"id": "held-%04d" % i, "text": r["text"], "claims": r["claims"], "note": r["note"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
