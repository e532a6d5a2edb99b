"""Train the title ranker (listwise softmax over a page's candidate lines), CV grouped by title.

    .venv/bin/python research/metadata/train_titles.py [--C 1] [--write] [--errors N]

Features come from the shipped code (corearchive_plugins.metadata.text._title_feats), so
what is trained is what runs. --write stores the model under "title" in
plugins/metadata/model.json. Needs numpy, scipy (listwise.py) and the eval data.
"""

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, "/work/shared/eval")
from listwise import fit_listwise  # noqa: E402
from title_eval import norm_title, token_f1  # noqa: E402

from corearchive_plugins.metadata import text as tm  # noqa: E402

SETS = ["aeb", "trafeval", "htmldate"]
MODEL = ROOT / "plugins" / "metadata" / "model.json"


def load():
    pages = []
    for s in SETS:
        d = f"/work/shared/eval/data/{s}/dev"
        truth = json.load(open(d + "/titles.json"))
        for name in sorted(truth):
            text = open(f"{d}/text/{name}.txt", encoding="utf-8").read()
            pages.append((s, name, truth[name]["title"], tm._title_feats(tm.Page(text))))
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    pages = load()
    F = tm.TITLE_FEATURES
    X, y, g = [], [], []
    groups = {}
    for pi, (s, name, truth, feats) in enumerate(pages):
        t = norm_title(truth)
        groups.setdefault(t, len(groups))  # the same headline in two sets = one group
        for _i, line, f in feats:
            X.append([f[k] for k in F])
            y.append(int(norm_title(line) == t))
            g.append(pi)
    X, y, g = np.array(X), np.array(y), np.array(g)
    page_group = np.array([groups[norm_title(p[2])] for p in pages])
    reach = np.mean([any(norm_title(ln) == norm_title(p[2]) for _, ln, _ in p[3]) for p in pages])
    print(
        f"pages={len(pages)} candidates={len(y)} ({len(y) / len(pages):.1f}/page) reachable={reach:.3f}"
    )
    fold = (np.random.RandomState(0).permutation(len(groups)) % 5)[page_group[g]]

    def fit(tr, C):
        w, mu, sd = fit_listwise(X[tr], y[tr], g[tr], l2=1.0 / C)
        return w, mu, sd

    def evaluate(pred):
        res = {s: [0, 0, 0] for s in SETS}
        misses = []
        for pi, (s, name, truth, feats) in enumerate(pages):
            sc = pred[g == pi]
            res[s][2] += 1
            if len(sc) == 0:
                continue
            line = feats[int(np.argmax(sc))][1]
            e = norm_title(line) == norm_title(truth)
            res[s][0] += e
            res[s][1] += e or token_f1(truth, line) >= 0.9
            if not e:
                misses.append((s, name, truth, line))
        return res, misses

    misses = []
    for C in sorted({args.C, 0.3, 1.0, 3.0}):
        pred = np.zeros(len(y))
        for k in range(5):
            tr = fold != k
            w, mu, sd = fit(tr, C)
            pred[~tr] = ((X[~tr] - mu) / sd) @ w
        res, m = evaluate(pred)
        if C == args.C:
            misses = m
        tot = [sum(r[i] for r in res.values()) for i in range(3)]
        print(
            f"C={C} CV pooled strict={tot[0] / tot[2]:.3f} lenient={tot[1] / tot[2]:.3f} | "
            + " ".join(f"{s}={r[0] / r[2]:.3f}" for s, r in res.items())
        )
    for m in misses[: args.errors]:
        print("MISS", m)
    w, mu, sd = fit(np.ones(len(y), bool), args.C)
    res, _ = evaluate(((X - mu) / sd) @ w)
    tot = [sum(r[i] for r in res.values()) for i in range(3)]
    print(f"in-sample strict={tot[0] / tot[2]:.3f}")
    if args.write:
        W = json.loads(MODEL.read_text("utf-8"))
        W["title"] = {
            "w": dict(zip(F, w.tolist())),
            "intercept": 0.0,
            "mean": dict(zip(F, mu.tolist())),
            "scale": dict(zip(F, sd.tolist())),
        }
        MODEL.write_text(json.dumps(W, indent=1) + "\n", "utf-8")
        print("wrote", MODEL)


if __name__ == "__main__":
    main()
