#!/usr/bin/env python3
"""Paired page bootstrap of the held-out F1 difference of two models (v15): B - A per row,
on the articles (heldout.py's ``kind``), 95 % interval over 2,000 draws of the pages.

    python heldout.py score SET --model A.json --per-page A.pp.json     # and B likewise
    python v15_paired.py SET A.pp.json B.pp.json [ROW ...]
"""

import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from heldout import EVAL, _f1  # noqa: E402

sys.path.insert(0, EVAL)


def main(out, a_file, b_file, rows):
    meta = json.load(open(os.path.join(out, "meta.json"), encoding="utf-8"))
    a, b = (json.load(open(f, encoding="utf-8")) for f in (a_file, b_file))
    for row in rows or sorted(set(a) & set(b)):
        keys = sorted(k for k in a[row] if k in b[row] and meta.get(k, {}).get("kind", "article") == "article")
        pa, pb = [a[row][k] for k in keys], [b[row][k] for k in keys]
        rnd = random.Random(0)
        diffs = []
        for _ in range(2000):
            ix = [rnd.randrange(len(keys)) for _ in keys]
            diffs.append(_f1([pb[i] for i in ix]) - _f1([pa[i] for i in ix]))
        diffs.sort()
        d = _f1(pb) - _f1(pa)
        print(f"{row:5s} n={len(keys):3d} A {_f1(pa):.3f} B {_f1(pb):.3f} B-A {d:+.3f} "
              f"[{diffs[50]:+.3f}, {diffs[1949]:+.3f}]")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
