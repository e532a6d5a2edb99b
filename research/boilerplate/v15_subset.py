#!/usr/bin/env python3
"""A page subset of a labels file, for a learning curve (v15): the share FRAC of each set's
pages, drawn with SEED (a page's cropped copy is made by train.py --aug, so it follows it).

    python v15_subset.py LABELS FRAC SEED OUT
"""

import json
import random
import sys

labels, frac, seed, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
d = json.load(open(labels, encoding="utf-8"))
keep = {}
for s in sorted({k.split("/")[0] for k in d}):
    keys = sorted(k for k in d if k.split("/")[0] == s)
    for k in random.Random(f"{seed}/{s}").sample(keys, round(frac * len(keys))):
        keep[k] = d[k]
with open(out, "w", encoding="utf-8") as f:
    json.dump(keep, f, ensure_ascii=False)
print(len(keep), "of", len(d), "pages")
