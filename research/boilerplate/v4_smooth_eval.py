import sys, pickle, numpy as np
sys.path.insert(0, "/work/wt-bp/research/boilerplate")
import train as T
from corearchive_plugins.boilerplate import lines as tc
D = pickle.load(open(sys.argv[1], "rb")); P1, P2 = D["p1"], D["p2"]
sw = T.build_stopwords(); lex = tc._build_lex(sw)
docs = T.load_docs("/work/scratch/textclean2/labels_teacher.json", lex); truth = T.load_truth()
a = tc.STAGE2_BAND
base = {}
for d in docs:
    k = d["key"]; p1, p2 = P1[k], P2[k]
    base[k] = np.where((p1 >= a) & (p1 <= 1 - a), p2, p1)
def viterbi(s, lam, w):
    # s: per-line log-odds (keep vs remove) ; lam: switch penalty per line (array)
    n = len(s); V = np.zeros((n, 2)); B = np.zeros((n, 2), int)
    prev = np.array([0.0, s[0]])
    V[0] = prev
    for i in range(1, n):
        e = np.array([0.0, s[i]])
        stay = prev; sw_ = prev[::-1] - lam[i]
        B[i] = np.where(stay >= sw_, [0, 1], [1, 0])
        prev = np.maximum(stay, sw_) + e
        V[i] = prev
    st = np.zeros(n, int); st[-1] = int(prev[1] > prev[0])
    for i in range(n - 1, 0, -1):
        st[i - 1] = B[i, st[i]]
    return st.astype(bool)
print("base+rules", T.fmt(T.evaluate(docs, {k: tc._rules(d["X"], base[d["key"]], 0.5)[0] for d in docs for k in [d["key"]]}, truth, 0.5)), flush=True)
for scale in (1.0,):
  for lam0 in (0.5, 1.0, 2.0, 3.0):
   for furn_free in (False, True):
    pr = {}
    for d in docs:
        k = d["key"]; p = base[k]
        if not len(p): pr[k] = p; continue
        s = scale * np.log(np.clip(p, 1e-4, 1 - 1e-4) / np.clip(1 - p, 1e-4, 1))
        lam = np.full(len(p), lam0)
        if furn_free:
            furn = d["X"][:, tc._FI["furniture"]] > 0
            s = np.where(furn, np.minimum(s, 0) * 0.0 + np.where(p >= 0.5, 0.01, -0.01), s)
        keep = viterbi(s, lam, None)
        q = np.where(keep, np.maximum(p, 0.5), np.minimum(p, 0.499))
        pr[k] = tc._rules(d["X"], q, 0.5)[0]
    print(f"viterbi lam={lam0} furn_free={furn_free}", T.fmt(T.evaluate(docs, pr, truth, 0.5)), flush=True)
