#!/usr/bin/env python3
"""Line labels of the hand-labelled seed articles (gold body -> 1, gold boilerplate -> 0).

    python prep_seeds.py [--gold GOLD.json] [--seeds DIR] [--out labels_seeds.json]

GOLD.json: a list of {"file": NAME, "body": [lines], "boilerplate": [lines]} for the texts
DIR/NAME; your own hand-labelled pages work the same way (their keys are "seeds/NAME": pass
the output to train.py --extra, or as --labels)."""
import argparse
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ws = lambda s: re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()  # noqa: E731
ap = argparse.ArgumentParser()
ap.add_argument("--gold", default="/work/shared/gold/seeds-gold.json")
ap.add_argument("--seeds", default="/work/shared/seeds", help="folder of the labelled texts")
ap.add_argument("--out", default=os.path.join(HERE, "labels_seeds.json"))
args = ap.parse_args()
gold = json.load(open(args.gold, encoding="utf-8"))
out = {}
for g in gold:
    text = open(os.path.join(args.seeds, g["file"]), encoding="utf-8").read()
    lines = text.replace("\r\n", "\n").split("\n")
    body = {ws(b) for b in g["body"]}
    bp = {ws(b) for b in g["boilerplate"]}
    y = [1 if ws(l) in body else 0 if ws(l) in bp else -1 for l in lines]  # noqa: E741
    out["seeds/" + g["file"]] = {"lines": lines, "y": y, "w": [3.0 if v >= 0 else 0.0 for v in y]}
json.dump(out, open(args.out, "w"), ensure_ascii=False)
