import sys, pickle, numpy as np
sys.path.insert(0, "/work/wt-bp/research/boilerplate")
import train as T
from corearchive_plugins.boilerplate import lines as tc
P = pickle.load(open(sys.argv[1], "rb"))["p2"]
sw = T.build_stopwords(); lex = tc._build_lex(sw)
docs = T.load_docs("labels_teacher.json", lex)
truth = T.load_truth()
def prune(X, p, thr, frac, gap, mind):
    keep = p >= thr
    n = len(p)
    if not keep.any(): return p
    furn = X[:, tc._FI["furniture"]] > 0
    runs = tc._runs(keep.tolist(), furn.tolist(), gap)
    ntok = X[:, 0]
    mass = [ntok[lo:hi+1][keep[lo:hi+1]].sum() for lo, hi in runs]
    m = int(np.argmax(mass)); mlo, mhi = runs[m]
    p = p.copy()
    for (lo, hi), ms in zip(runs, mass):
        d = mlo - hi if hi < mlo else lo - mhi
        if (lo, hi) != (mlo, mhi) and ms < frac * mass[m] and d > mind:
            p[lo:hi+1] = np.minimum(p[lo:hi+1], thr * 0.5)
    return p
base = {d["key"]: tc._rules(d["X"], P[d["key"]], 0.5)[0] for d in docs}
print("rules only", T.fmt(T.evaluate(docs, base, truth, 0.5)), flush=True)
for frac in ():
    for gap in (2, 4):
        for mind in (3, 8, 20):
            pr = {k: prune(d["X"], base[k], 0.5, frac, gap, mind) for d in docs for k in [d["key"]]}
            print(f"frac={frac} gap={gap} mind={mind}", T.fmt(T.evaluate(docs, pr, truth, 0.5)), flush=True)
