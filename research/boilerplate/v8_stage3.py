"""Experiment: a third stage (auto-context once more) through train.py's CV.

  python v8_stage3.py [train.py arguments]        # ROUNDS3=30 (default)

Stage 3 sees the stage-1 features, the stage-2 context features recomputed on the
(out-of-fold) stage-2 scores, and p1.  Its training scores are out-of-fold: an inner 3-fold
split trains stage 1 and stage 2 on two folds (stage 2 on the inner out-of-fold p1 that
train.fit_two_stage computes) and predicts p2 on the third.
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train as T  # noqa: E402
from corearchive_plugins.boilerplate import lines as tc  # noqa: E402

ROUNDS3 = int(os.environ.get("ROUNDS3", "30"))
P2 = {}  # out-of-fold stage-2 scores per page (pickled to <--dump>.p2)
_fit2 = T.fit_two_stage
_pred2 = T.predict_two_stage


def s3_features(X, p1, p2):
    return np.hstack([tc.stage2_features(X, p2), p1[:, None]])


def fit_three_stage(docs, inner=3, rounds=T.ROUNDS, params=None, seed=0):
    b1, b2 = _fit2(docs, inner, rounds, params, seed)
    if not ROUNDS3:
        return b1, b2
    src = docs
    rng = np.random.RandomState(seed + 100)
    fold0 = rng.randint(0, inner, size=len(src))
    p2_oof = {}
    for f in range(inner):
        tr = [d for d, k in zip(src, fold0) if k != f]
        te = [d for d, k in zip(src, fold0) if k == f]
        bi1, bi2 = _fit2(tr, inner, rounds, params, seed)
        for d in te:
            for e in [d] + d.get("aug", []):
                p2_oof[e["key"]] = (T.predict(bi1, e["X"]), _pred2(bi1, bi2, e))
    alld = T.expand(src)
    X3 = {d["key"]: s3_features(d["X"], *p2_oof[d["key"]]) for d in alld}
    _, y, w = T.stack(alld)
    b3 = T.fit(T.stack(alld, X3)[0], y, w, ROUNDS3, params)
    return b1, (b2, b3)


def predict_three_stage(b1, bb, d):
    if not isinstance(bb, tuple):
        return _pred2(b1, bb, d)
    b2, b3 = bb
    p2 = _pred2(b1, b2, d)
    P2.setdefault(d["key"], p2)  # the first prediction of a page is its out-of-fold one
    if not len(p2):
        return p2
    p1 = T.predict(b1, d["X"])
    band = (p2 >= tc.STAGE2_BAND) & (p2 <= 1 - tc.STAGE2_BAND)
    p3 = p2.copy()
    if band.any():
        p3[band] = T.predict(b3, s3_features(d["X"], p1, p2)[band])
    return p3


T.fit_two_stage = fit_three_stage
T.predict_two_stage = predict_three_stage

if __name__ == "__main__":
    T.main()
    if "--dump" in sys.argv:
        import pickle

        pickle.dump(P2, open(sys.argv[sys.argv.index("--dump") + 1] + ".p2", "wb"))
