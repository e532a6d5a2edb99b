"""Train the title ranker (logistic regression over line features), CV grouped by page/title.

python train_titles.py [--write] [--errors N]
"""
import argparse, json, os, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, "/work/shared/eval")
import textmeta as tm  # noqa: E402
from title_eval import norm_title, token_f1  # noqa: E402

SETS = ["aeb", "trafeval", "htmldate"]


def load():
    pages = []
    for s in SETS:
        D = f"/work/shared/eval/data/{s}/dev"
        T = json.load(open(D + "/titles.json"))
        for name in sorted(T):
            lines = open(f"{D}/text/{name}.txt", encoding="utf-8").read().splitlines()
            truth = T[name]["title"]
            feats = tm._title_feats(lines)
            pages.append((s, name, truth, feats))
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--gbm", action="store_true")
    ap.add_argument("--nocv", action="store_true")
    args = ap.parse_args()
    pages = load()
    F = tm.TITLE_FEATURES
    X, y, g = [], [], []
    groups = {}
    for pi, (s, name, truth, feats) in enumerate(pages):
        t = norm_title(truth)
        gid = groups.setdefault(t, len(groups))  # same headline in two sets = one group
        for i, line, f in feats:
            X.append([f[k] for k in F]); y.append(int(norm_title(line) == t)); g.append(pi)
    X, y, g = np.array(X), np.array(y), np.array(g)
    page_group = np.array([groups[norm_title(p[2])] for p in pages])
    reach = np.mean([any(norm_title(l) == norm_title(p[2]) for _, l, _ in p[3]) for p in pages])
    print(f"pages={len(pages)} lines={len(y)} reachable={reach:.3f}")
    rng = np.random.RandomState(0)
    fold_of_group = rng.permutation(len(groups)) % 5
    fold = fold_of_group[page_group[g]]

    def fit(Xt, yt, C, gt=None):
        mu, sd = Xt.mean(0), Xt.std(0); sd[sd == 0] = 1
        if args.gbm:
            import lightgbm as lgb
            m = lgb.LGBMClassifier(n_estimators=200, num_leaves=15, learning_rate=0.05, min_child_samples=10, verbose=-1)
            m.fit(Xt, yt); return (m, None, None)
        from listwise import fit_listwise
        w, mu, sd = fit_listwise(Xt, yt, gt, l2=1.0 / C)
        class M: pass
        m = M(); m.coef_ = np.array([w]); m.intercept_ = np.array([0.0])
        m.decision_function = lambda Z, _w=w: Z @ _w
        return m, mu, sd

    def score(model, Xs):
        m, mu, sd = model
        if mu is None:
            return m.predict_proba(Xs)[:, 1]
        return m.decision_function((Xs - mu) / sd)

    def evaluate(pred):
        res = {s: [0, 0, 0] for s in SETS}
        misses = []
        for pi, (s, name, truth, feats) in enumerate(pages):
            sc = pred[g == pi]
            res[s][2] += 1
            if len(sc) == 0:
                continue
            j = int(np.argmax(sc)); line = feats[j][1]
            e = norm_title(line) == norm_title(truth)
            res[s][0] += e; res[s][1] += e or token_f1(truth, line) >= 0.9
            if not e:
                misses.append((s, name, truth, line, feats[j][0]))
        return res, misses
    for C in ([] if args.nocv else [args.C] if args.gbm else [0.3, 1.0, 3.0]):
        pred = np.zeros(len(y))
        for k in range(5):
            tr = fold != k
            pred[~tr] = score(fit(X[tr], y[tr], C, g[tr]), X[~tr])
        res, misses = evaluate(pred)
        tot = [sum(r[i] for r in res.values()) for i in range(3)]
        print(f"C={C} CV pooled strict={tot[0]/tot[2]:.3f} lenient={tot[1]/tot[2]:.3f} | " +
              " ".join(f"{s}={r[0]/r[2]:.3f}/{r[1]/r[2]:.3f}" for s, r in res.items()))
    for m in (misses[:args.errors] if not args.nocv else []):
        print("MISS", m)
    model = fit(X, y, args.C, g)
    if args.write and not args.gbm:
        m, mu, sd = model
        p = os.path.join(tm.HERE, "date_weights.json")
        W = json.load(open(p)) if os.path.exists(p) else {}
        W["title"] = {"w": dict(zip(F, m.coef_[0].tolist())), "intercept": float(m.intercept_[0]),
                      "mean": dict(zip(F, mu.tolist())), "scale": dict(zip(F, sd.tolist()))}
        json.dump(W, open(p, "w"), indent=1); print("wrote", p)


if __name__ == "__main__":
    main()
