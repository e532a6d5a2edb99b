"""Train the date ranker (listwise over a page's candidates), page-grouped 5-fold CV.

    .venv/bin/python research/metadata/train_dates.py --mode text --listwise --C 0.3 [--seeds 0 1 2] [--write]
    .venv/bin/python research/metadata/train_dates.py --mode html --listwise --C 0.1 [--nseeds 10] [--write]

Features come from the shipped code (corearchive_plugins.metadata). ``--out PATH`` writes the
model into PATH (its other rankers kept when PATH exists, else copied from the shipped
model.json): use it with ``--set metadata.model=PATH``. ``--write`` alone rewrites the shipped
plugins/metadata/model.json in this checkout (the maintainers' route; with an installed
package, the copy in site-packages). ``--data DIR [DIR ...]``: your own pages, laid out as
htmldate's dev set (DIR/truth.json ``{"NAME": {"date": "YYYY-MM-DD"}}``, DIR/text/NAME.txt,
DIR/html/NAME); default $COREARCHIVE_EVAL/data/htmldate/dev (/work/shared/eval). ``--part P``:
of a folder whose truth entries name a ``part`` (benchmarks/date_heldout.py's held-out set,
split by site), only part P: train on one part, report on the other. HTML mode caches the date of
trafilatura's metadata (htmldate run on trafilatura's tree, as the stage gets it) in
trafilatura_date_cache.json (beside this script for the default data, else in DIR).
Needs ``pip install -e ".[train]"`` (scikit-learn, SciPy).
"""
import argparse
import json
import os
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corearchive_plugins.metadata import html as hm  # noqa: E402
from corearchive_plugins.metadata import text as tm  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "..", "..", "plugins", "metadata", "model.json")
HD_CACHE = os.path.join(HERE, "trafilatura_date_cache.json")

DATA = os.path.join(os.environ.get("COREARCHIVE_EVAL", "/work/shared/eval"), "data", "htmldate", "dev")


def load_pages(mode, dirs=None, part=None):
    """The pages of each folder of ``dirs`` (default: DATA) with their candidates; with
    ``part``, only the pages whose truth entry has no ``part`` or that part (a held-out
    set's split: benchmarks/date_heldout.py)."""
    pages = []
    for data in dirs or [DATA]:
        truth = json.load(open(os.path.join(data, "truth.json")))
        default = os.path.abspath(data) == os.path.abspath(DATA)
        cache_path = HD_CACHE if default else os.path.join(data, "trafilatura_date_cache.json")
        cache = json.load(open(cache_path)) if mode == "html" and os.path.exists(cache_path) else {}
        for name in sorted(truth):
            if part is not None and truth[name].get("part", part) != part:
                continue
            gold = truth[name]["date"]
            if mode == "text":
                txt = open(os.path.join(data, "text", name + ".txt"), encoding="utf-8").read()
                # with the title line as extract() finds it (some date features use it)
                title = tm.extract(txt)["sources"].get("title")
                title_line = int(title.split()[-1]) if title else None
                cands = tm.rank_dates(tm.Page(txt), title_line=title_line)
            else:
                html = open(os.path.join(data, "html", name), encoding="utf-8").read()
                tree = hm.parse_html(html)
                if name not in cache:
                    # htmldate's answer as the stage gets it: the date of trafilatura's metadata
                    cache[name] = hm.trafilatura_meta(tree if tree is not None else html, None).get("date")
                cands = hm.html_candidates(html, hd=cache[name], tree=tree)
            pages.append((name, gold if isinstance(gold, str) else None, cands))
        if mode == "html":
            json.dump(cache, open(cache_path, "w"))
    return pages


def matrix(pages, feats):
    X, y, g = [], [], []
    for pi, (name, gold, cands) in enumerate(pages):
        for c in cands:
            X.append([c["f"].get(k, 0.0) for k in feats])
            y.append(int(c["date"].isoformat() == gold))
            g.append(pi)
    return np.array(X), np.array(y), np.array(g)


GBM = {}
LIST = {}


def fit(X, y, C, g=None):
    if LIST:
        from listwise import fit_listwise
        w, mu, sd = fit_listwise(X, y, g, l2=1.0 / C)
        class M: pass
        m = M(); m.coef_ = np.array([w]); m.intercept_ = np.array([0.0])
        m.decision_function = lambda Z, _w=w: Z @ _w
        return m, mu, sd
    if GBM:
        import lightgbm as lgb
        m = lgb.LGBMClassifier(verbose=-1, **GBM)
        m.fit(X, y)
        m.decision_function = lambda Z, _m=m: _m.predict(Z, raw_score=True)
        return m, np.zeros(X.shape[1]), np.ones(X.shape[1])
    mu = X.mean(0)
    sd = X.std(0)
    sd[sd == 0] = 1
    clf = LogisticRegression(C=C, max_iter=2000, class_weight=None)
    clf.fit((X - mu) / sd, y)
    return clf, mu, sd


def page_acc(pages, scores_by_page):
    ok = 0
    for (name, gold, cands), sc in zip(pages, scores_by_page):
        if not cands:
            continue
        best = {}
        for c, s in zip(cands, sc):
            best[c["date"]] = max(best.get(c["date"], -1e9), s)
        top = max(best, key=best.get)
        ok += top.isoformat() == gold
    return ok / len(pages)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", default="text")
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true",
                    help="rewrite the shipped plugins/metadata/model.json (see --out)")
    ap.add_argument("--out", help="write the model here (other rankers kept, or copied from the shipped file)")
    ap.add_argument("--data", nargs="+", default=[DATA],
                    help="folders of pages and truth (see the module's docstring)")
    ap.add_argument("--part", help="of folders whose truth entries have a 'part', only that part")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--gbm", default="")
    ap.add_argument("--listwise", action="store_true")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0], help="fold seeds (CV averaged)")
    ap.add_argument("--nseeds", type=int, default=0, help="fold seeds 0..N-1 (overrides --seeds; 10: the ten-seed CV)")
    ap.add_argument("--drop", nargs="*", default=[], help="features left out (ablation)")
    args = ap.parse_args()
    if args.nseeds:
        args.seeds = list(range(args.nseeds))
    if args.listwise:
        LIST["on"] = True
    if args.gbm:
        GBM.update(json.loads(args.gbm))
    pages = load_pages(args.mode, args.data, args.part)
    feats = tm.FEATURES if args.mode == "text" else hm.HTML_FEATURES
    feats = [f for f in feats if f not in args.drop]
    reach = sum(1 for n, gold, c in pages if any(x["date"].isoformat() == gold for x in c))
    print(f"pages={len(pages)} with-cands={sum(1 for p in pages if p[2])} truth-reachable={reach / len(pages):.3f}")
    X, y, g = matrix(pages, feats)
    # the shipped model as the code scored the candidates (in-sample)
    print(f"shipped model accuracy {page_acc(pages, [[c['score'] for c in cs] for _, _, cs in pages]):.3f}")
    for C in sorted({args.C, 0.03, 0.1, 0.3, 1.0, 3.0}):
        accs = []
        for seed in args.seeds:
            fold_of_page = np.random.RandomState(seed).permutation(len(pages)) % args.folds
            pred = np.zeros(len(y))
            for k in range(args.folds):
                tr = fold_of_page[g] != k
                clf, mu, sd = fit(X[tr], y[tr], C, g[tr])
                pred[~tr] = clf.decision_function((X[~tr] - mu) / sd)
            per = [pred[g == i] for i in range(len(pages))]
            accs.append(page_acc(pages, per))
        each = " / ".join(f"{a:.3f}" for a in accs)
        print(f"C={C}: CV page accuracy {np.mean(accs):.3f} (fold seeds {args.seeds}: {each})")
    fold_of_page = np.random.RandomState(args.seeds[0]).permutation(len(pages)) % args.folds
    clf, mu, sd = fit(X, y, args.C, g)
    full = clf.decision_function((X - mu) / sd)
    per = [full[g == i] for i in range(len(pages))]
    print(f"in-sample accuracy {page_acc(pages, per):.3f}")
    w = dict(zip(feats, clf.coef_[0].tolist())) if not GBM else {}
    for k, v in sorted(w.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {k:22} {v:+.3f}")
    if args.errors:
        pred = np.zeros(len(y))
        for k in range(args.folds):
            tr = fold_of_page[g] != k
            c2, m2, s2 = fit(X[tr], y[tr], args.C, g[tr])
            pred[~tr] = c2.decision_function((X[~tr] - m2) / s2)
        for i, (name, gold, cands) in enumerate(pages):
            sc = pred[g == i]
            if not cands:
                print("NOCAND", name, gold)
                continue
            j = int(np.argmax(sc))
            if cands[j]["date"].isoformat() != gold:
                inn = any(x["date"].isoformat() == gold for x in cands)
                print(f"MISS {name} gold={gold} pred={cands[j]['date']} ({cands[j]['text']!r} l{cands[j]['line']}) reachable={inn}")
    if args.write or args.out:
        p = args.out or MODEL
        W = json.load(open(p if os.path.exists(p) else MODEL))
        W[args.mode] = {"w": w, "intercept": float(clf.intercept_[0]),
                        "mean": dict(zip(feats, mu.tolist())), "scale": dict(zip(feats, sd.tolist()))}
        # how it was made (written into the file; the run's provenance shows it)
        from listwise import made_by
        W.setdefault("provenance", {})[args.mode] = made_by("research/metadata/train_dates.py", args.data)
        json.dump(W, open(p, "w"), indent=1)
        print("wrote", p, "(the shipped model in the package)" if not args.out else "")


if __name__ == "__main__":
    main()
