"""Outer 5-fold CV of the shipped three-stage model (as ``train.py --cv``), keeping, per outer
fold, the out-of-fold stage-1/2 scores of the TRAINING pages as well (the inner 3-fold split
that fit_stages already makes for stage 3), so that a model stacked on top of the stages
(v10_seq.py, a sequence model over the lines of a page) can be trained honestly and
evaluated on the fold's test pages without re-running LightGBM.

  python v10_dump.py $A --cv-seed S --dump X_S.pkl            # also a train.py-style dump
  python v10_dump.py $A --cv-seed S --params '{"seed": 2}' --inner-seed 1 --dump b2_S.pkl

$A as in train.py's CV command (REPORT.md v8).  The pickle holds ``p1``, ``p2`` (final, all
stages), ``s2`` (stage-2) of every dev page as train.py dumps (so v8_rules_cv.py reads it), and
``folds``: per outer fold ``{"test": keys, "oof": {key: (p1, p2)} of the training pages
(dev pages, their cropped copies and the seed pages)}``.
"""

import argparse
import json
import pickle
import sys
import time

import numpy as np

import train as T


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", required=True)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--weighting", default="doctok")
    ap.add_argument("--teacher-weight", type=float)
    ap.add_argument("--extra")
    ap.add_argument("--aug", action="store_true")
    ap.add_argument("--silver", action="append", default=[], help="as train.py --silver (v13)")
    ap.add_argument("--silver-weight", type=float, default=0.5)
    ap.add_argument("--no-cross", action="store_true")
    ap.add_argument("--cv-seed", type=int, default=0)
    ap.add_argument("--inner-seed", type=int, default=0, help="seed of the inner 3-fold splits")
    ap.add_argument("--params", help="JSON LightGBM parameters overriding train.PARAMS")
    ap.add_argument("--rounds", default=",".join(map(str, T.ROUNDS)))
    ap.add_argument("--dump", required=True)
    a = ap.parse_args()
    if a.params:
        T.PARAMS.update(json.loads(a.params))
    rounds = tuple(int(x) for x in a.rounds.split(","))
    t0 = time.time()
    _sw, _lex, docs, extra = T.load_training(a.labels, a.extra, a.aug, a.weighting, a.teacher_weight,
                                         silver=a.silver, silver_weight=a.silver_weight)
    truth = T.load_truth()
    rng = np.random.RandomState(a.cv_seed)
    fold = rng.permutation(len(docs)) % 5
    out = {"p1": {}, "p2": {}, "s2": {}, "folds": []}
    for f in range(5):
        tr = [d for d, g in zip(docs, fold) if g != f]
        te = [d for d, g in zip(docs, fold) if g == f]
        oof = {}
        bs = T.fit_stages(tr + extra, rounds=rounds, seed=a.inner_seed, oof_out=oof)
        for d in te:
            out["p1"][d["key"]] = T.predict(bs[0], d["X"])
            out["p2"][d["key"]] = T.predict_stages(bs, d)
            out["s2"][d["key"]] = T.predict_two_stage(bs[0], bs[1], d)
        out["folds"].append({"test": [d["key"] for d in te], "oof": oof})
        print(f"  fold {f} done ({time.time() - t0:.0f}s)", flush=True)
    pickle.dump(out, open(a.dump, "wb"))
    print("5-fold CV by page, all stages (no rules):")
    T.sweep(docs, out["p2"], truth, "cv", thrs=(0.5,))
    print(f"total {time.time() - t0:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
