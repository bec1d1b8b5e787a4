#!/bin/sh
# Self-test of tests/eval/score.py with a fake claimc that echoes the expected claims
# (in the contract's output shape), optionally perturbed.  Needs only sh and python3.
# Usage: sh tests/eval/test_score.sh        (from anywhere)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
SCORE="$HERE/score.py"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/test_score.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
FILES="$HERE/corpus.jsonl $HERE/own.jsonl $HERE/subjects.jsonl"

cat >"$TMP/fake_claimc.py" <<'EOF'
#!/usr/bin/env python3
"""Fake claimc: reads {"id","text"} JSONL on stdin and prints the expected claims of those
records (looked up in $FAKE_EXPECTED, os.pathsep-separated eval files) in the contract's
jsonl shape.  $FAKE_MODE perturbs the output: echo (default), drop, add, kind, modality,
direction, approx, unit, stray, garbage, progress_as_counts, shuffle, fail, subject (far off),
subject_near (one character short), baseline, indicator."""
import json, os, sys
assert sys.argv[1:] == ["--input", "jsonl", "--format", "jsonl"], sys.argv
mode = os.environ.get("FAKE_MODE", "echo")
exp = {}
for path in os.environ["FAKE_EXPECTED"].split(os.pathsep):
    for line in open(path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            exp[r["id"]] = r["claims"]
def q(v, unit, hi=None, approx=None):
    d = {"type": "Quantity", "value": v, "unit": unit, "unit_text": unit, "approx": approx, "raw": str(v)}
    if hi is not None:
        d["value_hi"] = hi
    return d
def emit(doc, c):
    o = {"type": "Claim", "doc": doc, "section": [], "kind": c["kind"], "modality": c["modality"],
         "span": {"start": 0, "end": 1, "line": 1, "column": 1}, "text": "", "subject": c.get("subject"),
         "indicator": c.get("indicator")}
    if c["kind"] == "progress":
        o["done"] = q(c["done"], c["unit"]); o["total"] = q(c["total"], c["unit"])
    else:
        o["quantity"] = q(c["value"], c["unit"], c.get("value_hi"), c.get("approx"))
        if c["kind"] == "change":
            o["direction"] = c["direction"]; o["baseline"] = c.get("baseline", "")
    print(json.dumps(o, ensure_ascii=False))
done_once = False
out = []
for line in sys.stdin:
    if not line.strip():
        continue
    r = json.loads(line)
    claims = [dict(c) for c in exp.get(r["id"], [])]
    if claims and not done_once:
        if mode == "drop":
            claims = claims[1:]; done_once = True
        elif mode == "add":
            claims.append({"kind": "count", "value": 987654, "unit": "个", "modality": "actual",
                           "direction": None, "value_hi": None, "approx": None}); done_once = True
    for c in claims:  # other modes: perturb the first eligible claim of the run
        if done_once:
            break
        if mode == "kind" and c["kind"] == "count":
            c["kind"] = "amount"; done_once = True
        elif mode == "modality":
            c["modality"] = "target" if c["modality"] == "actual" else "actual"; done_once = True
        elif mode == "direction" and c["kind"] == "change" and c["value"] is not None:
            c["direction"] = "up" if c["direction"] != "up" else "down"; done_once = True
        elif mode == "approx" and c["kind"] != "progress" and c["approx"] is None:
            c["approx"] = "about"; done_once = True
        elif mode == "unit" and c["kind"] != "progress" and c["value"] is not None:
            c["unit"] = c["unit"] + "X"; done_once = True
        elif mode == "subject" and c.get("subject"):
            c["subject"] = "无关的词语"; done_once = True
        elif mode == "subject_near" and c.get("subject") and len(c["subject"]) >= 6 and not c.get("subject_alt"):
            c["subject"] = c["subject"][1:]; done_once = True
        elif mode == "baseline" and "baseline" in c:
            c["baseline"] = c["baseline"] + "同比"; done_once = True
        elif mode == "indicator" and c.get("indicator"):
            c["indicator"] = "not_" + c["indicator"]; done_once = True
    if mode == "progress_as_counts":
        new = []
        for c in claims:
            if c["kind"] == "progress":
                for v in (c["done"], c["total"]):
                    new.append({"kind": "count", "value": v, "unit": c["unit"], "modality": c["modality"],
                                "direction": None, "value_hi": None, "approx": None})
            else:
                new.append(c)
        claims = new
    out.extend((r["id"], c) for c in claims)
if mode == "shuffle":
    out.reverse()
for doc, c in out:
    emit(doc, c)
if mode == "stray":
    emit("no-such-doc", {"kind": "count", "value": 1, "unit": "个", "modality": "actual"})
if mode == "garbage":
    print("this is not json")
if mode == "fail":
    sys.stderr.write("fake failure\n"); sys.exit(3)
EOF

FAKE_EXPECTED=$(echo $FILES | tr ' ' ':')
export FAKE_EXPECTED
FAKE="python3 $TMP/fake_claimc.py"
fails=0

# run MODE CHECK-PY [ARGS]: run the scorer with the fake in MODE over both files; CHECK-PY is a
# python expression over o (overall summary), st (exit status), E (expected claims overall) and
# F (= 3: claimc runs once per file and the fake perturbs one claim per run); S, B, I: the
# claims scored for subject, baseline and indicator (only subjects.jsonl annotates the last two,
# so a perturbation of those counts once).
run() {
    mode=$1; check=$2; shift 2
    if FAKE_MODE=$mode python3 "$SCORE" --claimc "$FAKE" --json "$TMP/$mode.json" "$@" $FILES \
            >"$TMP/$mode.out" 2>"$TMP/$mode.err"; then st=0; else st=$?; fi
    if python3 - "$TMP/$mode.json" "$st" "$check" <<'EOF'
import json, sys
o = json.load(open(sys.argv[1]))["overall"]
st = int(sys.argv[2])
E = o["expected"]
S, B, I = o["subject_n"], o["baseline_n"], o["indicator_n"]
G = json.load(open(sys.argv[1]))["groups"]
F = 3  # the fake runs once per file and perturbs one claim per run
ok = eval(sys.argv[3])
if not ok:
    print(json.dumps({k: v for k, v in o.items() if k != "by_kind"}, indent=1))
sys.exit(0 if ok else 1)
EOF
    then echo "ok   $mode"
    else echo "FAIL $mode: $check"; cat "$TMP/$mode.err"; fails=$((fails + 1)); fi
}

run echo       'st == 0 and o["precision"] == 1 and o["recall"] == 1 and o["f1"] == 1 and o["kind_accuracy"] == 1 and o["modality_accuracy"] == 1 and o["direction_accuracy"] == 1 and o["approx_accuracy"] == 1 and o["predicted"] == E and E > 500 and o["subject_exact"] == 1 and o["subject_f1_0.8"] == 1 and S == E and o["baseline_accuracy"] == 1 and B > 10 and o["indicator_accuracy"] == 1 and I > 30 and G["genre=environment"]["expected"] > 10 and G["script=traditional"]["records"] >= 1'
run shuffle    'o["precision"] == 1 and o["recall"] == 1'
run drop       'o["matched"] == E - F and o["predicted"] == E - F and o["precision"] == 1 and abs(o["recall"] - (E - F) / E) < 1e-12'
run add        'o["matched"] == E and o["predicted"] == E + F and o["recall"] == 1 and abs(o["precision"] - E / (E + F)) < 1e-12'
run stray      'o["predicted"] == E + F and o["recall"] == 1 and abs(o["precision"] - E / (E + F)) < 1e-12'
run kind       'o["precision"] == 1 and o["recall"] == 1 and abs(o["kind_accuracy"] - (E - F) / E) < 1e-12'
run modality   'o["precision"] == 1 and abs(o["modality_accuracy"] - (E - F) / E) < 1e-12'
run direction  'o["precision"] == 1 and o["direction_accuracy"] < 1 and abs(o["direction_accuracy"] - (o["direction_n"] - F) / o["direction_n"]) < 1e-12'
run approx     'o["precision"] == 1 and abs(o["approx_accuracy"] - (o["approx_n"] - F) / o["approx_n"]) < 1e-12'
run unit       'o["matched"] == E - F and o["predicted"] == E and abs(o["precision"] - (E - F) / E) < 1e-12'
run garbage    'o["precision"] == 1 and o["recall"] == 1'
run progress_as_counts 'o["recall"] < 1 and o["precision"] < 1 and o["by_kind"]["progress"]["expected_matched"] == 0'
run fail       'st == 0 and o["recall"] == 1'
run subject    'o["precision"] == 1 and abs(o["subject_exact"] - (S - F) / S) < 1e-12 and abs(o["subject_f1_0.8"] - (S - F) / S) < 1e-12'
run subject_near 'o["precision"] == 1 and abs(o["subject_exact"] - (S - F) / S) < 1e-12 and o["subject_f1_0.8"] == 1'
run baseline   'o["precision"] == 1 and abs(o["baseline_accuracy"] - (B - 1) / B) < 1e-12 and o["subject_exact"] == 1'
run indicator  'o["precision"] == 1 and abs(o["indicator_accuracy"] - (I - 1) / I) < 1e-12 and o["subject_exact"] == 1'
# thresholds: echo passes any threshold, drop fails --min-r 1
run echo       'st == 0' --min-p 1 --min-r 1
run drop       'st == 1' --min-p 0.5 --min-r 1
run add        'st == 1' --min-p 1 --min-r 0.5
run add        'st == 0' --min-p 0.99 --min-r 0.99

# verbose output names the dropped claim as a MISS and the added one as a FP
FAKE_MODE=drop python3 "$SCORE" --claimc "$FAKE" --verbose $FILES >"$TMP/v.out" 2>&1 || true
if grep -q '    MISS  ' "$TMP/v.out"; then echo "ok   verbose MISS"; else echo "FAIL verbose MISS"; fails=$((fails + 1)); fi
FAKE_MODE=add python3 "$SCORE" --claimc "$FAKE" --verbose $FILES >"$TMP/v.out" 2>&1 || true
if grep -q '    FP    count 987654' "$TMP/v.out"; then echo "ok   verbose FP"; else echo "FAIL verbose FP"; fails=$((fails + 1)); fi
FAKE_MODE=kind python3 "$SCORE" --claimc "$FAKE" --verbose $FILES >"$TMP/v.out" 2>&1 || true
if grep -q 'DIFF .*kind count->amount' "$TMP/v.out"; then echo "ok   verbose DIFF"; else echo "FAIL verbose DIFF"; fails=$((fails + 1)); fi

# a missing claimc binary is reported, scores 0 recall, exit 0 without thresholds
if python3 "$SCORE" --claimc "$TMP/nonexistent" $FILES >"$TMP/m.out" 2>"$TMP/m.err" \
   && grep -q 'not found' "$TMP/m.err"; then echo "ok   missing claimc"; else echo "FAIL missing claimc"; fails=$((fails + 1)); fi

if [ "$fails" -ne 0 ]; then echo "$fails check(s) failed"; exit 1; fi
echo "all score.py self-tests passed"
