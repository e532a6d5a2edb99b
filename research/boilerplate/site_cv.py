#!/usr/bin/env python3
"""5-fold CV grouped by site (the host of each page's URL, ``www.`` off; a page's renderings in
its page's fold) of the line model on the dev pages as the dev layout, w3m and lynx render them
(REPORT v17). Two-stage proxy by default (``--rounds 60,30``, as v13-v15), the shipped rules
on the scores, threshold 0.5, the organisers' metrics per rendering.

    python site_cv.py LABELS SEEDS RENDER_LABELS [--train-renderings [--render-weight W]]
                      [--teacher-weight T] [--render-teacher-weight R] [--split N] [--dump P]

LABELS: prep_labels.py's labels_teacher.json; SEEDS: prep_seeds.py's labels (training only, as
train.py's ``--extra``); RENDER_LABELS: render_labels.py's. ``--train-renderings``: the
training folds' pages also as w3m and lynx render them (else the dev layout only, today's
recipe). Weighting as the shipped model (doctok, teacher weight 0.1, cropped copies); a
rendering and its cropped copy weigh ``--render-weight`` times a page (train.load_renderings,
v18; v17: 1). ``--teacher-weight``: the dev layout's (and the seeds') teacher-labelled lines'
weight, ``--render-teacher-weight`` the renderings' (both 0.1 as shipped; v19 raises the
first so that trafeval's own text keeps its weight against aeb's renderings);
``--set-weight trafeval=K``: a set's dev pages at K times a page (train.scale_sets).
"""

import argparse
import pickle
import sys
import urllib.parse

import numpy as np
import train as T
from render_labels import RENDERINGS

from corearchive_plugins.boilerplate import lines as tc


def site(url):
    host = urllib.parse.urlsplit(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def scores(docs, pages, preds, truth, rendering, thr=0.5):
    """{set: P/R/F1} of ``rendering`` ("proj" or one of RENDERINGS) of the pages scored."""
    out = {}
    for s in ("aeb", "trafeval"):
        per, exact, cnt = [], [], []
        for d in docs:
            key = d["key"] + ("" if rendering == "proj" else "@" + rendering)
            if d["set"] != s or key not in preds:
                continue
            e, p = pages[key], preds[key]
            if len(p):
                p, _ = tc._rules(e["X"], p, thr)
            text = T.doc_output(e, p, thr) if len(p) else ""
            if s == "aeb":
                body = truth[d["key"]]["articleBody"]
                per.append(T.shingle_counts(body, text))
                exact.append(T.tokens(body) == T.tokens(text))
            else:
                cnt.append(T.snippet_counts(truth[d["key"]], text))
        out[s] = T.aeb_scores(per, exact) if s == "aeb" else T.snippet_scores(cnt)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("labels")
    ap.add_argument("seeds")
    ap.add_argument("render_labels")
    ap.add_argument("--train-renderings", action="store_true")
    ap.add_argument(
        "--render-sets",
        default="aeb,trafeval",
        help="with --train-renderings: the sets whose pages are also trained as rendered",
    )
    ap.add_argument(
        "--render-weight",
        type=float,
        default=1.0,
        help="with --train-renderings: a rendering's weight relative to a page's",
    )
    ap.add_argument(
        "--teacher-weight",
        type=float,
        default=0.1,
        help="the dev layout's and the seeds' teacher-labelled lines' weight",
    )
    ap.add_argument(
        "--render-teacher-weight",
        type=float,
        default=0.1,
        help="with --train-renderings: the renderings' teacher-labelled lines' weight",
    )
    ap.add_argument(
        "--set-weight",
        default="",
        help="SET=K,...: the dev pages of SET (and their cropped copies) at K times a page",
    )
    ap.add_argument("--split", type=int, default=0, help="seed of the site-to-fold split")
    ap.add_argument("--rounds", default="60,30")
    ap.add_argument("--dump", help="pickle the out-of-fold scores here")
    a = ap.parse_args()
    rounds = tuple(int(x) for x in a.rounds.split(","))
    _sw, lex, docs, extra = T.load_training(a.labels, a.seeds, True, "doctok", a.teacher_weight)
    T.scale_sets(
        docs, {k: float(v) for k, v in (x.split("=") for x in a.set_weight.split(",") if x)}
    )
    rend = T.load_renderings(a.render_labels, lex, a.render_weight, a.render_teacher_weight)
    pages = {d["key"]: d for d in docs + rend}
    truth = T.load_truth()
    of = {d["key"]: site(truth[d["key"]]["url"]) for d in docs}
    sites = sorted(set(of.values()))
    perm = np.random.RandomState(a.split).permutation(len(sites))
    fold = {s: perm[i] % 5 for i, s in enumerate(sites)}
    print(f"{len(docs)} pages, {len(sites)} sites, {len(rend)} renderings", flush=True)

    def renderings(ds):
        return [pages[k] for d in ds for r in RENDERINGS if (k := f"{d['key']}@{r}") in pages]

    preds = {}
    for f in range(5):
        train = [d for d in docs if fold[of[d["key"]]] != f]
        test = [d for d in docs if fold[of[d["key"]]] == f]
        more = (
            renderings(d for d in train if d["set"] in a.render_sets.split(","))
            if a.train_renderings
            else []
        )
        bs = T.fit_stages(train + more + extra, rounds=rounds)
        for e in test + renderings(test):
            preds[e["key"]] = T.predict_stages(bs, e)
        print(f"fold {f} done", flush=True)
    if a.dump:
        with open(a.dump, "wb") as fh:
            pickle.dump(preds, fh)
    for r in ("proj", *RENDERINGS):
        res = scores(docs, pages, preds, truth, r)
        print(
            f"{r:5s} "
            + "  ".join(
                f"{s} P={v['P']:.3f} R={v['R']:.3f} F1={v['F1']:.3f}" for s, v in res.items()
            ),
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
