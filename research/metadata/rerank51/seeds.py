import sys, hashlib, numpy as np
from train import build, fit
dev = build(["d_dev.pkl"]); acc = build(["d_acc.pkl"]); tu = build(["d_tu.pkl"])
trainP = dev + acc
for fold_seed in (0, 1):
    grp = np.array([int(hashlib.md5((str(fold_seed) + p[0]["truth"]).encode()).hexdigest(), 16) % 5 for p in trainP])
    for seed in (1, 2):
        params = dict(objective="lambdarank", num_leaves=16, learning_rate=0.05, min_data_in_leaf=20, verbose=-1, seed=seed,
                      num_threads=1, feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1)
        preds = []
        for f in range(5):
            m = fit([p for p, g in zip(trainP, grp) if g != f], params, 300)
            preds += [(p, m.predict(p[1])) for p, g in zip(trainP, grp) if g == f]
        out = []
        for margin in (0.0, 0.5, 1.0):
            ok = sum(p[2][0 if s[int(np.argmax(s))] - s[0] <= margin else int(np.argmax(s))] for p, s in preds)
            out.append(ok)
        print("folds", fold_seed, "seed", seed, "CV m0/0.5/1:", out, "base", sum(p[2][0] for p, _ in preds), flush=True)
