#!/usr/bin/env python3
"""5-fold CV grouped by site over the dev pages AND a silver set (silver_build.py, v21): does
training on the silver pages (and on their w3m / lynx renderings) carry over to pages of sites
the model never saw? Two-stage proxy (``--rounds 60,30``, as v13-v20), the shipped rules,
threshold 0.5.

    python site_cv.py-like:  python silver_cv.py LABELS SEEDS SILVER_OUT [--silver-weight W]
        [--silver-renderings [--render-weight R]] [--no-silver] [--split N] [--dump P]

LABELS / SEEDS: prep_labels.py --teacher's and prep_seeds.py's files (the shipped recipe:
doctok, teacher weight 0.1, cropped copies, seeds as training-only pages). SILVER_OUT: the
folder silver_build.py wrote (labels_silver.json, labels_silver_rend.json, meta.json and the
REF texts). Sites: a dev page's URL host, a silver page's ``site``; sites are dealt to 5 folds
(seed ``--split``); each fold's model is trained on the other folds' pages (dev, and silver
unless ``--no-silver``) and scores the fold's dev pages (organisers' metrics, dev layout) and
its silver pages in the dev layout, w3m and lynx (aeb metric against REF). With
``--no-silver`` the silver pages are still scored (the baseline's figure on them).
"""

import argparse
import json
import os
import pickle
import sys

import numpy as np
import train as T
from site_cv import scores, site

from corearchive_plugins.boilerplate import lines as tc

ROWS = ("proj", "w3m", "lynx")


def silver_scores(pages, preds, refs, keys, thr=0.5):
    """{row: aeb-metric (P, R, F1) and per-page counts} of the silver pages ``keys``."""
    out = {}
    for r in ROWS:
        per = {}
        for k in keys:
            e = pages.get(k if r == "proj" else f"{k}@{r}")
            if e is None or e["key"] not in preds:
                continue
            p = preds[e["key"]]
            if len(p):
                p, _ = tc._rules(e["X"], p, thr)
            text = T.doc_output(e, p, thr) if len(p) else ""
            per[k] = T.shingle_counts(refs[k.split("/", 1)[1]], text)
        out[r] = per
    return out


def dev_counts(docs, preds, truth, thr=0.5):
    """{key: the organisers' per-page counts} of the dev pages scored (for paired comparisons)."""
    out = {}
    for d in docs:
        if d["key"] not in preds:
            continue
        p = preds[d["key"]]
        if len(p):
            p, _ = tc._rules(d["X"], p, thr)
        text = T.doc_output(d, p, thr) if len(p) else ""
        t = truth[d["key"]]
        out[d["key"]] = (T.shingle_counts(t["articleBody"], text) if d["set"] == "aeb"
                         else T.snippet_counts(t, text))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("labels")
    ap.add_argument("seeds")
    ap.add_argument("silver")
    ap.add_argument("--silver-weight", type=float, default=1.0, help="a silver page's weight against a dev page's")
    ap.add_argument("--no-silver", action="store_true", help="train on the dev pages only (the baseline)")
    ap.add_argument("--silver-renderings", action="store_true", help="train on the silver pages' w3m/lynx too")
    ap.add_argument("--render-weight", type=float, default=0.3)
    ap.add_argument("--dev-renderings", help="render_labels.py's file: train on the dev pages' w3m/lynx too")
    ap.add_argument("--split", type=int, default=0)
    ap.add_argument("--rounds", default="60,30")
    ap.add_argument("--dump", help="pickle the per-page results here")
    a = ap.parse_args()
    rounds = tuple(int(x) for x in a.rounds.split(","))
    _sw, lex, docs, extra = T.load_training(a.labels, a.seeds, True, "doctok", 0.1)
    silver = T.load_docs(os.path.join(a.silver, "labels_silver.json"), lex)
    T.add_aug(silver, lex)
    for d in silver:
        for e in [d, *d["aug"]]:
            T.reweight([e], "doctok", 0.1)
            e["w"] = e["w"] * a.silver_weight
    srend = T.load_renderings(os.path.join(a.silver, "labels_silver_rend.json"), lex, a.render_weight, 0.1)
    drend = T.load_renderings(a.dev_renderings, lex, a.render_weight, 0.1) if a.dev_renderings else []
    meta = json.load(open(os.path.join(a.silver, "meta.json"), encoding="utf-8"))
    refs = {k: v["articleBody"] for k, v in
            json.load(open(os.path.join(a.silver, "proj", "aeb", "dev", "truth.json"), encoding="utf-8")).items()}
    truth = T.load_truth()
    of = {d["key"]: site(truth[d["key"]]["url"]) for d in docs}
    of.update({d["key"]: meta[d["key"].split("/", 1)[1]]["site"] for d in silver})
    sites = sorted(set(of.values()))
    perm = np.random.RandomState(a.split).permutation(len(sites))
    fold = {s: perm[i] % 5 for i, s in enumerate(sites)}
    pages = {d["key"]: d for d in docs + silver + srend + drend}
    by_src = {}
    for e in srend + drend:
        by_src.setdefault(e["key"].rsplit("@", 1)[0], []).append(e)
    print(f"{len(docs)} dev pages, {len(silver)} silver pages, {len(sites)} sites", flush=True)
    preds = {}
    for f in range(5):
        dev_tr = [d for d in docs if fold[of[d["key"]]] != f]
        sil_tr = [d for d in silver if fold[of[d["key"]]] != f]
        train = dev_tr + extra
        if not a.no_silver:
            train += sil_tr
            if a.silver_renderings:
                train += [e for d in sil_tr for e in by_src.get(d["key"], [])]
        if drend:
            train += [e for d in dev_tr for e in by_src.get(d["key"], [])]
        bs = T.fit_stages(train, rounds=rounds)
        test = [d for d in docs + silver if fold[of[d["key"]]] == f]
        for d in test:
            for e in [d, *(x for x in by_src.get(d["key"], []) if x["key"].startswith("silver/"))]:
                preds[e["key"]] = T.predict_stages(bs, e)
        print(f"fold {f} done", flush=True)
    dev = scores(docs, pages, preds, truth, "proj")
    sil = silver_scores(pages, preds, refs, [d["key"] for d in silver])
    print("dev  " + "  ".join(f"{s} P={v['P']:.3f} R={v['R']:.3f} F1={v['F1']:.3f}" for s, v in dev.items()))
    for r, per in sil.items():
        for kind in ("article", None):
            cnt = [c for k, c in per.items() if kind is None or meta[k.split("/", 1)[1]]["kind"] == kind]
            s = T.aeb_scores(cnt, [False] * len(cnt))
            print(f"silver {r:5s} {kind or 'all':8s} n={len(cnt):3d} P={s['P']:.3f} R={s['R']:.3f} F1={s['F1']:.3f}")
    if a.dump:
        with open(a.dump, "wb") as fh:
            pickle.dump({"preds": preds, "silver": sil, "dev": dev_counts(docs, preds, truth), "of": of}, fh)


if __name__ == "__main__":
    sys.exit(main())
