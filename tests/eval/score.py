#!/usr/bin/env python3
"""Score claimc against the annotated evaluation sets.

Usage:
    python3 tests/eval/score.py --claimc build/claimc tests/eval/corpus.jsonl tests/eval/own.jsonl
    python3 tests/eval/score.py --claimc build/claimc --verbose --min-p 0.8 --min-r 0.7 FILE...

Each FILE holds one record per line:
    {"id": "...", "text": "...", "claims": [expected claim, ...], "note": "..."}
An expected claim is
    {"kind", "value", "unit", "modality", "direction", "value_hi", "approx", "subject"}
or, for kind "progress",
    {"kind": "progress", "done", "total", "unit", "modality", "subject"}.

For every FILE, claimc is run once as `CLAIMC --input jsonl --format jsonl`, with the
records fed on stdin as {"id": ..., "text": ...} lines.  claimc prints one JSON object per
claim with "doc" equal to the record id and the contract's Claim fields (kind, modality,
direction, quantity{value,value_hi,unit,approx}, or done{value,unit} / total{value,unit}
for progress).

Matching, per record, greedy: an expected claim matches an unused predicted claim when
  * non-progress: the values are equal (relative tolerance 1e-6), value_hi is equal when
    either side has one, and the units are equal (a null unit is treated as "");
  * progress: the predicted claim is a progress claim with equal done and total values;
  * a flat change with a null value: the predicted claim is a change, direction "flat",
    with a null/absent value.
Among candidates the one agreeing on most of kind, modality, direction and approx is taken.
Precision, recall and F1 are on these value matches; kind, modality, direction (over
matched expected change claims) and approx (over matched non-progress claims) accuracies
are reported over the matched pairs.

Exit status is 0 unless --min-p/--min-r are given and the overall precision/recall fall
below them (then 1).  Usage errors exit 2 (argparse).  Python 3 standard library only.
"""
import argparse
import collections
import json
import math
import os
import shlex
import signal
import subprocess
import sys

REL_TOL = 1e-6


# ----------------------------------------------------------------------------- helpers
def num(x):
    """A JSON number as float, or None."""
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    if isinstance(x, str):
        try:
            return float(x)
        except ValueError:
            return None
    return None


def same_num(a, b):
    a, b = num(a), num(b)
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    if math.isnan(a) or math.isnan(b):
        return False
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) + 1e-12


def norm_unit(u):
    return "" if u is None else str(u)


class Claim:
    """One claim in a common shape, from either side."""

    __slots__ = ("kind", "modality", "direction", "value", "value_hi", "unit", "approx",
                 "done", "total", "subject", "raw", "subject_alt", "baseline", "indicator")

    def __init__(self):
        self.kind = self.modality = self.direction = None
        self.value = self.value_hi = self.approx = None
        self.unit = ""
        self.done = self.total = None
        self.subject = None
        self.raw = None
        self.subject_alt = []
        self.baseline = self.indicator = None

    def is_progress(self):
        return self.kind == "progress"

    def is_null_flat(self):
        return self.kind == "change" and self.direction == "flat" and self.value is None

    def short(self):
        if self.is_progress():
            s = "progress %s/%s %s" % (fmt(self.done), fmt(self.total), self.unit)
        else:
            s = "%s %s%s" % (self.kind, fmt(self.value),
                             (" " + self.unit) if self.unit else "")
            if self.value_hi is not None:
                s += " ..%s" % fmt(self.value_hi)
            if self.approx:
                s += " approx=%s" % self.approx
            if self.direction:
                s += " dir=%s" % self.direction
        s += " [%s]" % self.modality
        if self.subject:
            s += " subject=%s" % self.subject
        return s


def fmt(v):
    if v is None:
        return "null"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def expected_claim(d):
    c = Claim()
    c.raw = d
    c.kind = d.get("kind")
    c.modality = d.get("modality")
    c.subject = d.get("subject")
    alt = d.get("subject_alt") or []
    c.subject_alt = [alt] if isinstance(alt, str) else list(alt)
    c.baseline = d.get("baseline")
    c.indicator = d.get("indicator")
    if c.kind == "progress":
        c.done = num(d.get("done"))
        c.total = num(d.get("total"))
        c.unit = norm_unit(d.get("unit"))
    else:
        c.value = num(d.get("value"))
        c.value_hi = num(d.get("value_hi"))
        c.unit = norm_unit(d.get("unit"))
        c.approx = d.get("approx")
        c.direction = d.get("direction")
    return c


def predicted_claim(d):
    c = Claim()
    c.raw = d
    c.kind = d.get("kind")
    c.modality = d.get("modality")
    c.direction = d.get("direction")
    c.subject = d.get("subject")
    c.baseline = d.get("baseline")
    c.indicator = d.get("indicator")
    if c.kind == "progress" or ("done" in d and "total" in d and "quantity" not in d):
        done = d.get("done") or {}
        total = d.get("total") or {}
        if not isinstance(done, dict):
            done = {"value": done}
        if not isinstance(total, dict):
            total = {"value": total}
        c.done = num(done.get("value"))
        c.total = num(total.get("value"))
        c.unit = norm_unit(done.get("unit") if done.get("unit") is not None else total.get("unit"))
    else:
        q = d.get("quantity") or {}
        if not isinstance(q, dict):
            q = {}
        c.value = num(q.get("value"))
        c.value_hi = num(q.get("value_hi"))
        c.unit = norm_unit(q.get("unit"))
        c.approx = q.get("approx")
    return c


def value_match(e, p):
    """The match criterion of the brief (values and units; not kind)."""
    if e.is_progress() or p.is_progress():
        return (e.is_progress() and p.is_progress()
                and same_num(e.done, p.done) and same_num(e.total, p.total))
    if e.is_null_flat():
        return p.kind == "change" and p.direction == "flat" and p.value is None
    if e.value is None or p.value is None:
        return False
    if not same_num(e.value, p.value):
        return False
    if (e.value_hi is not None or p.value_hi is not None) and not same_num(e.value_hi, p.value_hi):
        return False
    return e.unit == p.unit


def agreement(e, p):
    return ((e.kind == p.kind) * 8 + (e.modality == p.modality) * 4
            + (e.direction == p.direction) * 2 + (e.approx == p.approx) * 1)


def norm_text(s):
    """A subject or baseline for comparison: no whitespace; null and "" alike."""
    return "" if s is None else "".join(str(s).split())


def char_f1(a, b):
    """Character-bag F1 of two strings (1.0 when both are empty)."""
    if not a and not b:
        return 1.0
    common = sum((collections.Counter(a) & collections.Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(b), common / len(a)
    return 2 * p * r / (p + r)


SUBJECT_F1 = 0.8


def subject_scores(e, p):
    """(exact, close) of the predicted subject against the annotated one or any subject_alt:
    close means character-F1 >= SUBJECT_F1."""
    want = [norm_text(e.subject)] + [norm_text(a) for a in e.subject_alt]
    got = norm_text(p.subject)
    return got in want, max(char_f1(w, got) for w in want) >= SUBJECT_F1


def match_record(exp, pred):
    """Greedy matching; returns list of (e, p) pairs, unmatched expected, unmatched predicted."""
    used = [False] * len(pred)
    pairs, misses = [], []
    for e in exp:
        best, best_score = None, -1
        for j, p in enumerate(pred):
            if used[j] or not value_match(e, p):
                continue
            s = agreement(e, p)
            if s > best_score:
                best, best_score = j, s
        if best is None:
            misses.append(e)
        else:
            used[best] = True
            pairs.append((e, pred[best]))
    fps = [p for j, p in enumerate(pred) if not used[j]]
    return pairs, misses, fps


# ----------------------------------------------------------------------------- stats
class Stats:
    def __init__(self):
        self.expected = self.predicted = self.matched = 0
        self.kind_ok = self.mod_ok = 0
        self.dir_n = self.dir_ok = 0
        self.approx_n = self.approx_ok = 0
        self.subj_n = self.subj_exact = self.subj_close = 0
        self.base_n = self.base_ok = 0
        self.ind_n = self.ind_ok = 0
        self.records = 0
        self.by_kind = collections.defaultdict(lambda: [0, 0, 0, 0])  # exp, exp_matched, pred, pred_matched

    def add(self, other):
        for k in ("expected", "predicted", "matched", "kind_ok", "mod_ok", "dir_n", "dir_ok",
                  "approx_n", "approx_ok", "subj_n", "subj_exact", "subj_close", "base_n",
                  "base_ok", "ind_n", "ind_ok", "records"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        for k, v in other.by_kind.items():
            for i in range(4):
                self.by_kind[k][i] += v[i]

    def summary(self):
        p = self.matched / self.predicted if self.predicted else (1.0 if not self.expected else 0.0)
        r = self.matched / self.expected if self.expected else 1.0
        f = 2 * p * r / (p + r) if (p + r) else 0.0

        def acc(ok, n):
            return (ok / n) if n else None

        return {
            "records": self.records,
            "expected": self.expected,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": p,
            "recall": r,
            "f1": f,
            "kind_accuracy": acc(self.kind_ok, self.matched),
            "modality_accuracy": acc(self.mod_ok, self.matched),
            "direction_accuracy": acc(self.dir_ok, self.dir_n),
            "direction_n": self.dir_n,
            "approx_accuracy": acc(self.approx_ok, self.approx_n),
            "approx_n": self.approx_n,
            "subject_exact": acc(self.subj_exact, self.subj_n),
            "subject_f1_0.8": acc(self.subj_close, self.subj_n),
            "subject_n": self.subj_n,
            "baseline_accuracy": acc(self.base_ok, self.base_n),
            "baseline_n": self.base_n,
            "indicator_accuracy": acc(self.ind_ok, self.ind_n),
            "indicator_n": self.ind_n,
            "by_kind": {str(k): {"expected": v[0], "expected_matched": v[1],
                                 "predicted": v[2], "predicted_matched": v[3]}
                        for k, v in sorted(self.by_kind.items(), key=lambda kv: str(kv[0]))},
        }


def pct(x):
    return "  n/a " if x is None else "%6.2f%%" % (100.0 * x)


def print_summary(title, s, out):
    out.write("== %s ==\n" % title)
    out.write("  records %d  expected %d  predicted %d  matched %d\n"
              % (s["records"], s["expected"], s["predicted"], s["matched"]))
    out.write("  precision %s  recall %s  F1 %s\n" % (pct(s["precision"]), pct(s["recall"]), pct(s["f1"])))
    out.write("  kind acc %s  modality acc %s  direction acc %s (n=%d)  approx acc %s (n=%d)\n"
              % (pct(s["kind_accuracy"]), pct(s["modality_accuracy"]),
                 pct(s["direction_accuracy"]), s["direction_n"],
                 pct(s["approx_accuracy"]), s["approx_n"]))
    out.write("  subject exact %s  char-F1>=%.1f %s (n=%d)  baseline acc %s (n=%d)  indicator acc %s (n=%d)\n"
              % (pct(s["subject_exact"]), SUBJECT_F1, pct(s["subject_f1_0.8"]), s["subject_n"],
                 pct(s["baseline_accuracy"]), s["baseline_n"],
                 pct(s["indicator_accuracy"]), s["indicator_n"]))
    if s["by_kind"]:
        out.write("  %-10s %8s %8s %8s %8s\n" % ("kind", "exp", "recall", "pred", "prec"))
        for k, v in s["by_kind"].items():
            rec = v["expected_matched"] / v["expected"] if v["expected"] else None
            prec = v["predicted_matched"] / v["predicted"] if v["predicted"] else None
            out.write("  %-10s %8d %8s %8d %8s\n" % (k, v["expected"], pct(rec), v["predicted"], pct(prec)))


# ----------------------------------------------------------------------------- running
def load_records(path):
    recs = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
            except ValueError as e:
                sys.exit("%s:%d: bad JSON: %s" % (path, ln, e))
            if "id" not in r or "text" not in r:
                sys.exit("%s:%d: record needs id and text" % (path, ln))
            recs.append(r)
    return recs


def run_claimc(cmd, recs, timeout, log):
    stdin = "".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n"
                    for r in recs)
    argv = cmd + ["--input", "jsonl", "--format", "jsonl"]
    try:
        proc = subprocess.run(argv, input=stdin.encode("utf-8"), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout)
    except FileNotFoundError:
        log.write("score.py: cannot run claimc: %s not found\n" % argv[0])
        return [], 0
    except subprocess.TimeoutExpired:
        log.write("score.py: claimc timed out after %ss\n" % timeout)
        return [], 0
    except OSError as e:
        log.write("score.py: cannot run claimc: %s\n" % e)
        return [], 0
    if proc.returncode != 0:
        log.write("score.py: claimc exited with status %d\n" % proc.returncode)
    err = proc.stderr.decode("utf-8", "replace").strip()
    if err:
        lines = err.splitlines()
        log.write("score.py: claimc stderr (%d lines):\n" % len(lines))
        for l in lines[:10]:
            log.write("  | %s\n" % l)
    preds, bad = [], 0
    for ln, line in enumerate(proc.stdout.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            if not isinstance(d, dict):
                raise ValueError("not an object")
        except ValueError:
            bad += 1
            if bad <= 5:
                log.write("score.py: claimc stdout line %d is not a JSON object: %.120s\n" % (ln, line))
            continue
        preds.append(d)
    if bad:
        log.write("score.py: %d unparsable output lines\n" % bad)
    return preds, bad


def oneline(s, n=160):
    s = s.replace("\r", "\\r").replace("\n", "\\n")
    return s if len(s) <= n else s[:n] + "…"


def score_record(st, exp, pred):
    """Match one record's claims and count them into ST. Returns (misses, fps, mism, subj) when
    anything differs (mism: value-matched pairs with other attributes wrong; subj: pairs whose
    subject, baseline or indicator is wrong), else None."""
    pairs, misses, fps = match_record(exp, pred)
    st.expected += len(exp)
    st.predicted += len(pred)
    st.matched += len(pairs)
    for e in exp:
        st.by_kind[e.kind][0] += 1
    for p in pred:
        st.by_kind[p.kind][2] += 1
    mism, subj = [], []
    for e, p in pairs:
        st.by_kind[e.kind][1] += 1
        st.by_kind[p.kind][3] += 1
        st.kind_ok += e.kind == p.kind
        st.mod_ok += e.modality == p.modality
        bad_attrs = []
        if e.kind != p.kind:
            bad_attrs.append("kind %s->%s" % (e.kind, p.kind))
        if e.modality != p.modality:
            bad_attrs.append("modality %s->%s" % (e.modality, p.modality))
        if e.kind == "change":
            st.dir_n += 1
            st.dir_ok += e.direction == p.direction
            if e.direction != p.direction:
                bad_attrs.append("direction %s->%s" % (e.direction, p.direction))
        if not e.is_progress():
            st.approx_n += 1
            st.approx_ok += e.approx == p.approx
            if e.approx != p.approx:
                bad_attrs.append("approx %s->%s" % (e.approx, p.approx))
        if bad_attrs:
            mism.append((e, p, bad_attrs))
        wrong = []
        if "subject" in e.raw:
            exact, close = subject_scores(e, p)
            st.subj_n += 1
            st.subj_exact += exact
            st.subj_close += close
            if not exact:
                wrong.append("subject %s-> %s%s" % (e.subject, p.subject, "" if close else " (F1<0.8)"))
        if "baseline" in e.raw and e.kind == "change":
            st.base_n += 1
            ok = norm_text(e.baseline) == norm_text(p.baseline)
            st.base_ok += ok
            if not ok:
                wrong.append("baseline %r->%r" % (e.baseline, p.baseline))
        if "indicator" in e.raw:
            st.ind_n += 1
            ok = e.indicator == p.indicator
            st.ind_ok += ok
            if not ok:
                wrong.append("indicator %s->%s" % (e.indicator, p.indicator))
        if wrong:
            subj.append((e, p, wrong))
    if misses or fps or mism or subj:
        return misses, fps, mism, subj
    return None


def score_file(path, cmd, args, out, groups):
    recs = load_records(path)
    preds, bad = run_claimc(cmd, recs, args.timeout, sys.stderr)
    by_doc = collections.defaultdict(list)
    for d in preds:
        by_doc[str(d.get("doc"))].append(predicted_claim(d))
    st = Stats()   # its records are counted as each record's stats are added
    details = []
    ids = set()
    for r in recs:
        rid = str(r["id"])
        ids.add(rid)
        exp = [expected_claim(c) for c in r.get("claims", [])]
        pred = by_doc.get(rid, [])
        rs = Stats()
        rs.records = 1
        detail = score_record(rs, exp, pred)
        st.add(rs)
        rs.records = 0
        for field in ("genre", "script"):
            if r.get(field):
                groups.setdefault("%s=%s" % (field, r[field]), Stats()).add(rs)
                groups["%s=%s" % (field, r[field])].records += 1
        if detail:
            details.append((r,) + detail)
    # predictions for unknown doc ids are false positives too
    stray = {k: v for k, v in by_doc.items() if k not in ids}
    for k, v in stray.items():
        st.predicted += len(v)
        for p in v:
            st.by_kind[p.kind][2] += 1
    if args.verbose:
        out.write("---- %s: details ----\n" % path)
        for r, misses, fps, mism, subj in details:
            out.write("%s  %s\n" % (r["id"], oneline(r["text"])))
            for e in misses:
                out.write("    MISS  %s\n" % e.short())
            for p in fps:
                out.write("    FP    %s\n" % p.short())
            for e, p, why in mism:
                out.write("    DIFF  %s  (%s)\n" % (e.short(), "; ".join(why)))
            for e, p, why in subj:
                out.write("    SUBJ  %s  (%s)\n" % (e.short(), "; ".join(why)))
        for k, v in stray.items():
            out.write("%s  (doc id not in %s)\n" % (k, path))
            for p in v:
                out.write("    FP    %s\n" % p.short())
    return st


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score claimc against annotated JSONL evaluation sets.")
    ap.add_argument("--claimc", default=os.environ.get("CLAIMC", "build/claimc"),
                    help="claimc command (split like a shell word list; default $CLAIMC or build/claimc)")
    ap.add_argument("files", nargs="+", help="evaluation JSONL files")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list every miss (MISS), false positive (FP) and attribute difference (DIFF)")
    ap.add_argument("--min-p", type=float, default=None, help="fail (exit 1) if overall precision < X")
    ap.add_argument("--min-r", type=float, default=None, help="fail (exit 1) if overall recall < Y")
    ap.add_argument("--json", metavar="PATH", default=None,
                    help="also write the summary as JSON to PATH ('-' for stdout)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds allowed per claimc run")
    args = ap.parse_args(argv)

    cmd = shlex.split(args.claimc)
    if not cmd:
        ap.error("empty --claimc")
    out = sys.stdout
    total = Stats()
    per_file = {}
    groups = {}
    for path in args.files:
        st = score_file(path, cmd, args, out, groups)
        per_file[path] = st.summary()
        total.add(st)
    for path in args.files:
        print_summary(path, per_file[path], out)
    per_group = {k: groups[k].summary() for k in sorted(groups)}
    for k, v in per_group.items():
        print_summary(k, v, out)
    overall = total.summary()
    print_summary("overall", overall, out)

    if args.json:
        blob = json.dumps({"overall": overall, "files": per_file, "groups": per_group}, ensure_ascii=False, indent=1)
        if args.json == "-":
            out.write(blob + "\n")
        else:
            with open(args.json, "w", encoding="utf-8") as f:
                f.write(blob + "\n")

    status = 0
    if args.min_p is not None and overall["precision"] < args.min_p:
        out.write("FAIL: precision %.4f < %.4f\n" % (overall["precision"], args.min_p))
        status = 1
    if args.min_r is not None and overall["recall"] < args.min_r:
        out.write("FAIL: recall %.4f < %.4f\n" % (overall["recall"], args.min_r))
        status = 1
    return status


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    sys.exit(main())
