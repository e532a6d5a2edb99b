import sys, pickle, numpy as np
sys.path.insert(0, "/work/wt-bp/research/boilerplate")
import train as T
from corearchive_plugins.boilerplate import lines as tc
sw = T.build_stopwords(); lex = tc._build_lex(sw)
docs = T.load_docs("/work/scratch/bp/labels_teacher.json", lex); truth = T.load_truth()
a = tc.STAGE2_BAND
import os
RULES = tuple(os.environ.get("RULES", "teaser,caption,bridge").split(","))
for path in sys.argv[1:]:
    D = pickle.load(open(path, "rb")); P1, P2 = D["p1"], D["p2"]
    for thr in (0.5,):
        pr = {}
        for d in docs:
            k = d["key"]; p1, p2 = P1[k], P2[k]
            pr[k] = tc._rules(d["X"], np.where((p1 >= a) & (p1 <= 1 - a), p2, p1), thr, RULES)[0]
        print(path.split("/")[-1], f"thr={thr}", T.fmt(T.evaluate(docs, pr, truth, thr)), flush=True)
