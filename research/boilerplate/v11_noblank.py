"""Robustness to text without blank lines (v11): the model reads blank lines as structure
(paragraphs of the eval renderings are separated by a blank line, link lists are not), and a
scraper that writes one line per block with no blank lines loses it.

    python v11_noblank.py $A --cv-seed S [--train-nb] [--dump NB_S.pkl]

5-fold CV by page exactly as train.py --cv (three stages, no sequence layer), but each test
page is also scored with its blank lines removed, and the figures (rules on, threshold 0.5)
are printed for both renderings.  ``--train-nb`` adds a blank-line-free copy of every
training page (it travels with its page in every fold, like --aug's cropped copy).
"""
import argparse
import os
import pickle
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train as T  # noqa: E402
import v8_rules_cv as RC  # noqa: E402
from corearchive_plugins.boilerplate import lines as tc  # noqa: E402


def noblank(d, lex, suffix="#nb"):
    """``d`` with its blank lines removed: the same non-blank lines in the same order, so the
    labels and weights carry over as they are."""
    lines = [ln for ln in d["lines"] if ln.strip()]
    idx, X = tc.line_features(lines, lex)
    assert len(idx) == len(d["idx"]), d["key"]
    return {**d, "key": d["key"] + suffix, "lines": lines, "idx": idx, "X": X, "aug": []}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", required=True)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--weighting", default="doctok")
    ap.add_argument("--teacher-weight", type=float)
    ap.add_argument("--extra")
    ap.add_argument("--aug", action="store_true")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--no-cross", action="store_true")
    ap.add_argument("--cv-seed", type=int, default=0)
    ap.add_argument("--train-nb", action="store_true")
    ap.add_argument("--dump")
    args = ap.parse_args()
    sw, lex, docs, extra = T.load_training(args.labels, args.extra, args.aug, args.weighting,
                                           args.teacher_weight)
    nb = {d["key"]: noblank(d, lex) for d in docs}
    if args.train_nb:
        for d in docs:
            c = {**nb[d["key"]]}
            d["aug"] = [*d.get("aug", []), c]
            T.reweight([c], args.weighting, args.teacher_weight)
    truth = T.load_truth()
    fold = np.random.RandomState(args.cv_seed).permutation(len(docs)) % 5
    D = {"p1": {}, "p2": {}}
    Dn = {"p1": {}, "p2": {}}
    for f in range(5):
        tr = [d for d, g in zip(docs, fold) if g != f]
        te = [d for d, g in zip(docs, fold) if g == f]
        bs = T.fit_stages(tr + list(extra))
        for d in te:
            for dd, out in ((d, D), (nb[d["key"]], Dn)):
                out["p1"][d["key"]] = T.predict(bs[0], dd["X"])
                out["p2"][d["key"]] = T.predict_stages(bs, dd)
        print(f"  fold {f} done", flush=True)
    nbdocs = [{**nb[d["key"]], "key": d["key"]} for d in docs]
    for name, ds, dump in (("as given", docs, D), ("no blank lines", nbdocs, Dn)):
        print(f"{name:15s} thr=0.5", T.fmt(T.evaluate(ds, RC.rules_preds(ds, dump), truth, 0.5)),
              flush=True)
    if args.dump:
        with open(args.dump, "wb") as fh:
            pickle.dump({"given": D, "noblank": Dn}, fh)


if __name__ == "__main__":
    main()
