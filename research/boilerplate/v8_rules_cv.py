"""CV F1 (rules on, threshold 0.5) of dumped out-of-fold scores: python v8_rules_cv.py X.pkl ...

As v4_rules_cv.py, but imports train.py from this folder and can print the per-set
figures of several dumps side by side."""
import os
import pickle
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train as T  # noqa: E402
from corearchive_plugins.boilerplate import lines as tc  # noqa: E402

LABELS = os.environ.get("LABELS", "/work/scratch/bp/labels_teacher.json")
RULES = tuple(os.environ.get("RULES", "teaser,caption,bridge,byline,noprose").split(","))


def rules_preds(docs, D, thr=0.5):
    a = tc.STAGE2_BAND
    pr = {}
    for d in docs:
        k = d["key"]
        p1, p2 = D["p1"][k], D["p2"][k]
        pr[k] = tc._rules(d["X"], np.where((p1 >= a) & (p1 <= 1 - a), p2, p1), thr, RULES)[0]
    return pr


def main():
    sw = T.build_stopwords()
    lex = tc._build_lex(sw)
    docs = T.load_docs(LABELS, lex)
    truth = T.load_truth()
    for path in sys.argv[1:]:
        D = pickle.load(open(path, "rb"))
        print(os.path.basename(path), "thr=0.5", T.fmt(T.evaluate(docs, rules_preds(docs, D), truth, 0.5)),
              flush=True)


if __name__ == "__main__":
    main()
