#!/usr/bin/env python3
"""Line labels of the hand-labelled seed articles (gold body -> 1, gold boilerplate -> 0)."""
import json, os, re
ws = lambda s: re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()
gold = json.load(open("/work/shared/gold/seeds-gold.json", encoding="utf-8"))
out = {}
for g in gold:
    text = open(os.path.join("/work/shared/seeds", g["file"]), encoding="utf-8").read()
    lines = text.replace("\r\n", "\n").split("\n")
    body = {ws(b) for b in g["body"]}
    bp = {ws(b) for b in g["boilerplate"]}
    y = [1 if ws(l) in body else 0 if ws(l) in bp else -1 for l in lines]
    out["seeds/" + g["file"]] = {"lines": lines, "y": y, "w": [3.0 if v >= 0 else 0.0 for v in y]}
json.dump(out, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "labels_seeds.json"), "w"), ensure_ascii=False)
