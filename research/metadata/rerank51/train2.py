import sys, hashlib, numpy as np
from train import build, fit, evaluate
import lightgbm as lgb
dev = build(["d_dev.pkl"]); acc = build(["d_acc.pkl"]); tu = build(["d_tu.pkl"])
train = dev + acc
grp = np.array([int(hashlib.md5(p[0]["truth"].encode()).hexdigest(), 16) % 5 for p in train])
cfgs = [(int(a), int(b), float(c)) for a, b, c in (x.split(",") for x in sys.argv[1:])]
for leaves, rounds, mdl in cfgs:
    params = dict(objective=__import__("os").environ.get("OBJ","lambdarank"), num_leaves=leaves, learning_rate=0.05, min_data_in_leaf=int(mdl),
                  verbose=-1, seed=0, num_threads=1, feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1)
    preds = []
    for f in range(5):
        m = fit([p for p, g in zip(train, grp) if g != f], params, rounds)
        preds += [(p, m.predict(p[1])) for p, g in zip(train, grp) if g == f]
    m = fit(train, params, rounds)
    tp = [(p, m.predict(p[1])) for p in tu]
    for margin in (0.0, 0.25, 0.5, 1.0):
        def acc_(pp):
            ok = 0
            for p, s in pp:
                j = int(np.argmax(s)); j = 0 if s[j] - s[0] <= margin else j
                ok += p[2][j]
            return ok
        print(leaves, rounds, mdl, margin, "CV", acc_(preds), sum(p[2][0] for p, _ in preds), len(preds),
              "tuning", acc_(tp), sum(p[2][0] for p, _ in tp), len(tp), flush=True)
