#!/usr/bin/env python3
"""B - A of two silver_cv.py dumps, paired, with a 95 % interval from resampling sites (v21):
the silver pages in each rendering (aeb metric against REF) and the dev pages (aeb, trafeval).

    python silver_paired.py SILVER_OUT A.pkl B.pkl [C.pkl ...]
"""

import json
import os
import pickle
import random
import sys
from collections import defaultdict

import train as T


def _f(rows, kind):
    if kind == "trafeval":
        return T.snippet_scores(rows)["F1"]
    return T.aeb_scores(rows, [False] * len(rows))["F1"]


def paired(by_a, by_b, kind, draws=1000):
    """(F1 of A, B - A, 95 % interval) with sites resampled: ``by_*`` {site: [counts]}."""
    sites = sorted(by_a)
    rnd = random.Random(0)
    diffs = []
    for _ in range(draws):
        pick = [sites[rnd.randrange(len(sites))] for _ in sites]
        a = [c for s in pick for c in by_a[s]]
        b = [c for s in pick for c in by_b[s]]
        diffs.append(_f(b, kind) - _f(a, kind))
    diffs.sort()
    fa = _f([c for s in sites for c in by_a[s]], kind)
    fb = _f([c for s in sites for c in by_b[s]], kind)
    return fa, fb - fa, diffs[int(0.025 * draws)], diffs[int(0.975 * draws)]


def main(out, a_path, *others):
    meta = json.load(open(os.path.join(out, "meta.json"), encoding="utf-8"))
    A = pickle.load(open(a_path, "rb"))
    for b_path in others:
        B = pickle.load(open(b_path, "rb"))
        print(f"{os.path.basename(b_path)} - {os.path.basename(a_path)}")
        for row in ("proj", "w3m", "lynx"):
            ba, bb = defaultdict(list), defaultdict(list)
            for k, c in A["silver"][row].items():
                if meta[k.split("/", 1)[1]]["kind"] == "article" and k in B["silver"][row]:
                    ba[A["of"][k]].append(c)
                    bb[A["of"][k]].append(B["silver"][row][k])
            fa, d, lo, hi = paired(ba, bb, "aeb")
            print(f"  silver {row:5s} articles {fa:.3f} {d:+.3f} [{lo:+.3f}, {hi:+.3f}]")
        for s in ("aeb", "trafeval"):
            ba, bb = defaultdict(list), defaultdict(list)
            for k, c in A["dev"].items():
                if k.startswith(s + "/"):
                    ba[A["of"][k]].append(c)
                    bb[A["of"][k]].append(B["dev"][k])
            fa, d, lo, hi = paired(ba, bb, s)
            print(f"  dev {s:8s} {fa:.3f} {d:+.3f} [{lo:+.3f}, {hi:+.3f}]")


if __name__ == "__main__":
    main(*sys.argv[1:])
