"""Stage 3 on a narrower band, from a three-stage CV dump (train.py --dump, which holds the
stage-2 scores as "s2"): lines with s2 outside [a, 1 - a] keep s2.  Rules on, thr 0.5.

  python v8_band3.py X.pkl"""
import os
import pickle
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import v8_rules_cv as RC  # noqa: E402

T, tc = RC.T, RC.tc
docs = T.load_docs(RC.LABELS, tc._build_lex(T.build_stopwords()))
truth = T.load_truth()
D = pickle.load(open(sys.argv[1], "rb"))
S2 = D["s2"]
for a in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3):
    E = {"p1": D["p1"], "p2": {k: np.where((S2[k] >= a) & (S2[k] <= 1 - a), D["p2"][k], S2[k]) for k in S2}}
    frac = np.mean(np.concatenate([(S2[k] >= a) & (S2[k] <= 1 - a) for k in S2]))
    print(f"{a:.2f} rows {frac:.3f}", T.fmt(T.evaluate(docs, RC.rules_preds(docs, E), truth, 0.5)), flush=True)
