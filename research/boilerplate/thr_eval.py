import sys, pickle, numpy as np
sys.path.insert(0, "/work/wt-bp/research/boilerplate")
import train as T
from corearchive_plugins.boilerplate import lines as tc
D = pickle.load(open(sys.argv[1], "rb")); P1, P2 = D["p1"], D["p2"]
sw = T.build_stopwords(); lex = tc._build_lex(sw)
docs = T.load_docs("labels_teacher.json", lex); truth = T.load_truth()
a = tc.STAGE2_BAND
for thr in (0.4, 0.45, 0.5, 0.55, 0.6):
    pr = {}
    for d in docs:
        k = d["key"]; p1, p2 = P1[k], P2[k]
        band = (p1 >= a) & (p1 <= 1 - a)
        pr[k] = tc._rules(d["X"], np.where(band, p2, p1), thr)[0]
    print(f"thr={thr}", T.fmt(T.evaluate(docs, pr, truth, thr)), flush=True)
