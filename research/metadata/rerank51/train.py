import pickle, sys, hashlib, itertools
import numpy as np, lightgbm as lgb
from feats import page_rows, names, K
# (corearchive_plugins from PYTHONPATH: the tree measured)
from corearchive_plugins.metadata.text import TITLE_FEATURES
NAMES = names(TITLE_FEATURES)
def build(files):
    P = []
    for f in files:
        for r in pickle.load(open(f, "rb")):
            if r.get("kind") == "listing" or not r.get("cands"): continue
            rows, top = page_rows(r)
            if not rows: continue
            y = [int(c["ok"]) for c in top]
            P.append((r, np.array(rows), np.array(y)))
    return P
def fit(P, params, rounds):
    X = np.vstack([p[1] for p in P]); y = np.concatenate([p[2] for p in P])
    g = [len(p[2]) for p in P]
    ds = lgb.Dataset(X, y, group=g, feature_name=NAMES, free_raw_data=False)
    return lgb.train(params, ds, rounds)
def evaluate(m, P, margin=0.0):
    ok = base = 0
    for r, X, y in P:
        s = m.predict(X)
        j = int(np.argmax(s))
        if s[j] - s[0] <= margin: j = 0
        ok += y[j]; base += y[0]
    return ok, base, len(P)
if __name__ == "__main__":
    dev = build(["d_dev.pkl"]); acc = build(["d_acc.pkl"]); tu = build(["d_tu.pkl"])
    train = dev + acc
    grp = np.array([int(hashlib.md5(p[0]["truth"].encode()).hexdigest(), 16) % 5 for p in train])
    res = []
    for leaves, rounds, lr, mcs in itertools.product([4, 8], [50, 150], [0.05], [10, 30]):
        params = dict(objective="lambdarank", num_leaves=leaves, learning_rate=lr, min_data_in_leaf=mcs,
                      verbose=-1, seed=0, lambdarank_truncation_level=K, feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1)
        for margin in (0.0, 0.5, 1.0):
            cv_ok = cv_base = 0
            for f in range(5):
                m = fit([p for p, g in zip(train, grp) if g != f], params, rounds)
                o, b, n = evaluate(m, [p for p, g in zip(train, grp) if g == f], margin)
                cv_ok += o; cv_base += b
            m = fit(train, params, rounds)
            to, tb, tn = evaluate(m, tu, margin)
            print(leaves, rounds, lr, mcs, margin, "CV", cv_ok, cv_base, len(train), "tuning", to, tb, tn, flush=True)
