"""5-fold CV by page (as train.py --cv) with the learned lexical features stacked honestly.

In each outer fold, the lexical model (blex.fit_lex) gives the training pages (and the seed
pages, and every cropped copy with its source page) out-of-fold columns from an inner 5-fold
split, and the held-out pages the columns of the model fitted on the whole training fold;
then the three tree stages are fitted as train.fit_stages does.  Dumps p1/p2/s2 like
train.py --dump, so v8_rules_cv.py scores it.

  python blex_cv.py --cv-seed S --dump X.pkl [--C 0.1 --bits 16 --ns ufl --cols all]
"""
import argparse
import os
import pickle
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import blex as B  # noqa: E402
import train as T  # noqa: E402
from corearchive_plugins.boilerplate import lines as tc  # noqa: E402


def pick(docs, cols):
    """Keep only the base columns plus the lexical columns ``cols`` (indices into B.NAMES)."""
    nb = len(tc.FEATURE_NAMES)
    keep = list(range(nb)) + [nb + c for c in cols]
    for d in docs:
        d["X"] = d["X"][:, keep]
        for a in d.get("aug", []):
            a["X"] = a["X"][:, keep]
    return docs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv-seed", type=int, default=0)
    ap.add_argument("--dump", required=True)
    ap.add_argument("--C", type=float, default=0.1)
    ap.add_argument("--bits", type=int, default=16)
    ap.add_argument("--ns", default="ufl")
    ap.add_argument("--cols", default="all", help="comma-separated lexical columns to keep")
    ap.add_argument("--rounds", default="60,30,30")
    ap.add_argument("--rt", action="store_true",
                    help="columns computed by the runtime (float16 table), as the shipped model")
    args = ap.parse_args()
    rounds = tuple(int(x) for x in args.rounds.split(","))
    cols = list(range(len(B.NAMES))) if args.cols == "all" else [B.NAMES.index(c) for c in args.cols.split(",")]
    t0 = time.time()
    sw, lex, docs, extra = T.load_training("/work/scratch/bp/labels_teacher.json",
                                           "/work/scratch/bp/labels_seeds.json")
    truth = T.load_truth()
    B.BASE_LEX.update(lex)
    k = 5
    fold = np.random.RandomState(args.cv_seed).permutation(len(docs)) % k
    p1s, p2s, s2s = {}, {}, {}
    for f in range(k):
        tr = [d for d, g in zip(docs, fold) if g != f] + extra
        te = [d for d, g in zip(docs, fold) if g == f]
        tr2, te2, _m = B.stacked(tr, te, args.bits, args.ns, args.C, seed=f, rt=args.rt)
        pick(tr2, cols)
        pick(te2, cols)
        bs = T.fit_stages(tr2, rounds=rounds)
        for d in te2:
            p1s[d["key"]] = T.predict(bs[0], d["X"])
            p2s[d["key"]] = T.predict_stages(bs, d)
            s2s[d["key"]] = T.predict_two_stage(bs[0], bs[1], d)
        print(f"  fold {f} done ({time.time() - t0:.0f}s)", flush=True)
    pickle.dump({"p1": p1s, "p2": p2s, "s2": s2s}, open(args.dump, "wb"))
    print("stage 1 only thr 0.5:", T.fmt(T.evaluate(docs, p1s, truth, 0.5)))
    print("all stages thr 0.5:", T.fmt(T.evaluate(docs, p2s, truth, 0.5)))
    print(f"total {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
