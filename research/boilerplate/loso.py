#!/usr/bin/env python3
"""Leave-one-seed-out: train on all dev pages + 4 seeds (same recipe as the shipped model),
check the 5th seed with the model and the post-processing rules.

    loso.py [THRESHOLD] [RULES] [ROUNDS]   RULES: comma-separated (v4: teaser,caption,bridge,byline);
                                    default: lines._rules' default set; ROUNDS as train.py's
                                    --rounds (v8: 60,30,30, three stages)
Run it where labels_teacher.json and labels_seeds.json are (/work/scratch/bp)."""
import sys, os, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np, train as T
from corearchive_plugins.boilerplate import lines as tc
thr = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
rules = tuple(sys.argv[2].split(",")) if len(sys.argv) > 2 else None
rounds = tuple(int(x) for x in sys.argv[3].split(",")) if len(sys.argv) > 3 else T.ROUNDS
sw = T.build_stopwords(); lex = tc._build_lex(sw)
docs = T.load_docs("labels_teacher.json", lex); T.add_aug(docs, lex)
for d in docs: T.reweight(d["aug"], "doctok", 0.1)
T.reweight(docs, "doctok", 0.1)
seeds = T.reweight(T.load_docs("labels_seeds.json", lex), "doctok", 0.1)  # as train.py --extra
for k, held in enumerate(seeds):
    bs = T.fit_stages(docs + [s for s in seeds if s is not held], rounds=rounds)
    p = T.predict_stages(bs, held)
    p, why = tc._rules(held["X"], p, thr, rules) if rules else tc._rules(held["X"], p, thr)
    bad = [(round(float(pp), 3), int(yy), held["lines"][i].strip()[:70]) for i, pp, yy, ww in
           zip(held["idx"], p, held["y"], held["w0"]) if ww > 0 and (pp >= thr) != bool(yy)]
    print(held["key"], "OK" if not bad else "FAIL", *[f"\n   {'body removed' if y else 'boilerplate kept'} ({s}): {t}" for s, y, t in bad], flush=True)
