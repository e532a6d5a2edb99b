"""A tree-ensemble title ranker (LightGBM) against the linear one, on the same feature rows.

    .venv/bin/python research/metadata/train_titles_gbm.py [--cache PKL] [--seeds 0 1 2]
        [--obj lambdarank binary] [--trees 50 100 200] [--leaves 7 15 31] [--lr 0.05 0.1]
        [--test DIR ...]

The pages, their candidates and feature rows are :func:`train_titles.load`'s (each page read
as the stage reads it: ``stage_text``), the CV is ``train_titles.py --by site``'s (5 folds
grouped by the page's host, one fold assignment per ``--seeds``, the same permutation), so
the linear ranker's figure printed first is that script's (0.7614 at session 44) and the
trees' figures compare like with like. Each tree model: ``lambdarank`` (a page's candidates
one query) or ``binary`` (every candidate a row; per page the argmax), small (``--trees``
at most 200, ``--leaves`` at most 31: the cost per page counts). A page's pick goes through
``train_titles.report`` (the comment heading's quoted title first, ``_segment_cut``), as
the linear ranker's does. ``--test DIR``: folders only measured, ranked by the model fitted
on every dev page (titles-tuning, titles-heldout2: the ranking harness, not the stage).
``--obj lambdarank+lin``: the trees boosted from the linear ranker's scores (init_score; the
linear model refitted on the same training pages), i.e. linear + trees. Needs lightgbm
(training only; nothing of the package imports it). Session 44's figures: REPORT.md.
"""

import argparse
import itertools
import pickle
import sys
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import train_titles as tt  # noqa: E402


def load(cache):
    """The dev pages (``train_titles.load``) and their sites, cached in ``cache`` if given
    (the loading is most of a run's time)."""
    if cache and Path(cache).exists():
        pages, site = pickle.loads(Path(cache).read_bytes())
        tt.SITE.update(site)
        return pages
    pages = tt.load()
    if cache:
        Path(cache).write_bytes(pickle.dumps((pages, dict(tt.SITE))))
    return pages


def folds(pages, seed):
    """``train_titles.py --by site``'s fold of each page for fold assignment ``seed``."""
    key = [urlsplit(tt.SITE.get((p[0], p[1]), "")).hostname or p[1] for p in pages]
    key = [k.removeprefix("www.") for k in key]
    groups: dict[str, int] = {}
    page_group = np.array([groups.setdefault(k, len(groups)) for k in key])
    return (np.random.RandomState(seed).permutation(len(groups)) % 5)[page_group]


def lin_score(pages, i, lin):
    w, mu, sd = lin
    return ((pages[i][4] - mu) / sd) @ w


def fit_gbm(pages, idx, obj, trees, leaves, lr, min_leaf=20, seed=0, C=0.1):
    """A LightGBM ranker fitted on pages ``idx``. ``obj`` ending in "+lin": the trees are
    boosted from the linear ranker's scores (fitted on the same pages; init_score), so they
    add interactions to it: returns (booster, linear model)."""
    import lightgbm as lgb

    lin = None
    if obj.endswith("+lin"):
        obj = obj.removesuffix("+lin")
        lin = tt.fit(pages, idx, C, list(range(len(tt.tm.TITLE_FEATURES))))
    idx = [i for i in idx if len(pages[i][5])]
    X = np.concatenate([pages[i][4] for i in idx])
    Y = np.concatenate([pages[i][5] for i in idx])
    params = dict(
        objective=obj, num_leaves=leaves, learning_rate=lr, min_data_in_leaf=min_leaf,
        feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0,
        num_threads=1, verbose=-1, seed=seed, deterministic=True,
    )  # fmt: skip
    if obj == "lambdarank":
        # (pages with no true candidate teach the ranking nothing: left out)
        idx2 = [i for i in idx if pages[i][5].any()]
        X = np.concatenate([pages[i][4] for i in idx2])
        Y = np.concatenate([pages[i][5] for i in idx2])
        params.update(lambdarank_truncation_level=10, eval_at=[1])
        init = np.concatenate([lin_score(pages, i, lin) for i in idx2]) if lin else None
        ds = lgb.Dataset(X, Y, group=[len(pages[i][5]) for i in idx2], init_score=init)
    else:
        init = np.concatenate([lin_score(pages, i, lin) for i in idx]) if lin else None
        ds = lgb.Dataset(X, Y, init_score=init)
    return lgb.train(params, ds, num_boost_round=trees), lin


def predict_gbm(pages, idx, model):
    booster, lin = model
    out = {}
    for i in idx:
        x = pages[i][4]
        if not len(x):
            out[i] = None
            continue
        s = booster.predict(x, raw_score=True)
        if lin is not None:
            s = s + lin_score(pages, i, lin)
        out[i] = pages[i][3][int(np.argmax(s))]
    return out


def cross_validate(pages, fa, seeds, fit_predict, label):
    """Five-fold accuracies, one per seed of the folds ``fa``: ``fit_predict(train, test)``
    gives the test pages' picks (the linear ranker's and the trees' runs share it)."""
    accs = []
    for seed in seeds:
        allp = range(len(pages))
        pred = {}
        for k in range(5):
            tr = [i for i in allp if fa[seed][i] != k]
            te = [i for i in allp if fa[seed][i] == k]
            pred.update(fit_predict(tr, te))
        accs.append(tt.report(pages, pred, f"{label} seed={seed} CV")[1])
    return accs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", help="pickle of the loaded dev pages (made when missing)")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--obj", nargs="+", default=["lambdarank", "binary"])
    ap.add_argument("--trees", type=int, nargs="+", default=[50, 100, 200])
    ap.add_argument("--leaves", type=int, nargs="+", default=[7, 15, 31])
    ap.add_argument("--lr", type=float, nargs="+", default=[0.05, 0.1])
    ap.add_argument("--min-leaf", type=int, nargs="+", default=[20])
    ap.add_argument("--C", type=float, default=0.1, help="the linear ranker's 1/L2")
    ap.add_argument("--test", nargs="*", default=[])
    args = ap.parse_args()
    pages = load(args.cache)
    cols = list(range(len(tt.tm.TITLE_FEATURES)))
    fa = {s: folds(pages, s) for s in args.seeds}
    allp = list(range(len(pages)))
    tests = [(d, tt.load([d])) for d in args.test]

    accs = cross_validate(
        pages, fa, args.seeds, lambda tr, te: tt.predict(pages, te, tt.fit(pages, tr, args.C, cols), cols),
        "linear",
    )
    print(f"linear CV mean {np.mean(accs):.4f}", flush=True)
    lin = tt.fit(pages, allp, args.C, cols)
    tt.report(pages, tt.predict(pages, allp, lin, cols), "linear in-sample")
    for d, tp in tests:
        tt.report(tp, tt.predict(tp, range(len(tp)), lin, cols), f"linear test {d}")

    for obj, trees, leaves, lr, ml in itertools.product(
        args.obj, args.trees, args.leaves, args.lr, args.min_leaf
    ):
        tag = f"{obj} trees={trees} leaves={leaves} lr={lr} min_leaf={ml}"
        accs = cross_validate(
            pages, fa, args.seeds,
            lambda tr, te: predict_gbm(pages, te, fit_gbm(pages, tr, obj, trees, leaves, lr, ml, C=args.C)),
            f"  {tag}",
        )
        print(f"{tag} CV mean {np.mean(accs):.4f}", flush=True)
        if tests:
            b = fit_gbm(pages, allp, obj, trees, leaves, lr, ml, C=args.C)
            tt.report(pages, predict_gbm(pages, allp, b), f"  {tag} in-sample")
            for d, tp in tests:
                tt.report(tp, predict_gbm(tp, range(len(tp)), b), f"  {tag} test {d}")


if __name__ == "__main__":
    main()
