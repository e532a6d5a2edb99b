"""ONE check on held-out2 of the reranker variants chosen by CV (not used for selection)."""
import numpy as np, lightgbm as lgb
from train import build, fit
dev = build(["d_dev.pkl"]); acc = build(["d_acc.pkl"]); tu = build(["d_tu.pkl"]); h2 = build(["d_h2.pkl"])
params = dict(objective="lambdarank", num_leaves=16, learning_rate=0.05, min_data_in_leaf=20, verbose=-1, seed=0,
              num_threads=1, feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1)
m = fit(dev + acc, params, 300)
for name, P in (("tuning", tu), ("heldout2", h2)):
    for margin in (0.0, 0.5):
        ok = sum(p[2][0 if (s := m.predict(p[1]))[int(np.argmax(s))] - s[0] <= margin else int(np.argmax(s))] for p in P)
        print(name, "gbm16 margin", margin, ok, "linear top1", sum(p[2][0] for p in P), "pages", len(P))
imp = sorted(zip(m.feature_importance("gain"), m.feature_name()), reverse=True)[:15]
print([(n, round(g)) for g, n in imp])
