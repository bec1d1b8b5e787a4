#!/usr/bin/env python3
"""Build heldout.jsonl from the hand-written parts p1..p7 (run: python3 gen.py)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib
for part in ["p1_county", "p2_province", "p3_plans", "p4_river_waste", "p5_enf_agri", "p6_gov_misc", "p7_progress_neg"]:
    __import__(part)
# About a third of the records use half-width punctuation. Some are written that way; for
# every third record that is not, the full-width ，；：（） are turned half-width here (。 and 、
# stay, as in real files that mix both). Values and annotations do not depend on this.
FW = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"}
HALF = set(",;:()")
for i, r in enumerate(lib.RECS, 1):
    if i % 3 == 0 and not (HALF & set(r["text"])) and (set(FW) & set(r["text"])):
        r["text"] = "".join(FW.get(ch, ch) for ch in r["text"])
        r["note"] = (r["note"] + "; " if r["note"] else "") + "half-width , ; : ( )"
lib.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout.jsonl"))
print(len(lib.RECS), "records")
