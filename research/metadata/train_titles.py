"""Train the two-stage title ranker (listwise softmax over a page's candidate lines).

    .venv/bin/python research/metadata/train_titles.py --distil --keep 5 [--seeds 0 1 2] [--write]

Stage 1 scores every candidate on cheap features (``TITLE_CHEAP``); the best ``--keep`` go to
stage 2, which scores them on all features (``TITLE_FEATURES``; body_overlap_rel compares the
short list). With ``--distil`` (the shipped models) stage 2 is fitted on every candidate and
stage 1 is fitted to keep stage 2's choice (its target is stage 2's best candidate, not the
truth): the cascade then loses only the pages where stage 2's choice falls off the short list.
Without it both stages are fitted on the truth (stage 2 on the short lists stage 1 gives).

CV: 5 folds grouped by headline (the same headline in two sets is one group), repeated for each
``--seeds`` fold assignment; in each fold both stages are fitted on the training pages and the
test pages are ranked by both. Features come from the shipped code
(``corearchive_plugins.metadata.text.TitlePool``), so what is trained is what runs. --write
stores the models as "title1" and "title" in plugins/metadata/model.json (set ``_TITLE_KEEP``
in text.py to ``--keep``). Needs numpy, scipy (listwise.py) and the eval data.
"""

import argparse
import json
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
            pool = tm.TitlePool(tm.Page(text))
            t = norm_title(truth[name]["title"])
            y = np.array([norm_title(c[2]) == t for c in pool.cands], dtype=float)
            x1 = np.array(pool.rows, dtype=float).reshape(len(pool.rows), len(tm.TITLE_CHEAP))
            pages.append((s, name, truth[name]["title"], pool, x1, y))
    return pages


def standard(w, mu, sd):
    return lambda x: ((x - mu) / sd) @ w


def stage2_rows(pages, score1, keep):
    """Per page: the short list (indices) and its full feature matrix."""
    out = []
    for _s, _n, _t, pool, x1, _y in pages:
        if not len(x1):
            out.append((np.zeros(0, int), np.zeros((0, len(tm.TITLE_FEATURES)))))
            continue
        sc = score1(x1)
        sel = [int(j) for j in np.argsort(-sc, kind="stable")[:keep]]
        extra = pool.extra(sel)
        full = np.array([pool.rows[j] + e for j, e in zip(sel, extra)], dtype=float)
        out.append((np.array(sel), full))
    return out


_FULL: dict = {}


def fit_distil(pages, idx, keep, C1, C2):
    """The cascade the other way round: the stage-2 model is fitted on every candidate (all
    features, page-relative ones over all candidates), and stage 1 learns to put stage 2's
    choice in its short list (its target is stage 2's best candidate, not the truth)."""
    for i in idx:
        if i not in _FULL:
            _FULL[i] = pages[i][3].extra(list(range(len(pages[i][5]))))
    full = [_FULL[i] for i in idx]
    X2 = np.concatenate(
        [
            np.array([r + e for r, e in zip(pages[i][3].rows, ex)], dtype=float).reshape(
                len(ex), len(tm.TITLE_FEATURES)
            )
            for i, ex in zip(idx, full)
        ]
    )
    Y2 = np.concatenate([pages[i][5] for i in idx])
    G2 = np.concatenate([np.full(len(pages[i][5]), i) for i in idx])
    m2 = fit_listwise(X2, Y2, G2, l2=1.0 / C2)
    s2 = standard(*m2)(X2)
    Y1 = np.zeros(len(Y2))
    for i in idx:
        at = np.flatnonzero(G2 == i)
        if len(at):
            Y1[at[np.argmax(s2[at])]] = 1
    X1 = np.concatenate([pages[i][4] for i in idx])
    m1 = fit_listwise(X1, Y1, G2, l2=1.0 / C1)
    return m1, m2


def fit_two(pages, idx, keep, C1, C2):
    X1 = np.concatenate([pages[i][4] for i in idx])
    Y1 = np.concatenate([pages[i][5] for i in idx])
    G1 = np.concatenate([np.full(len(pages[i][5]), i) for i in idx])
    m1 = fit_listwise(X1, Y1, G1, l2=1.0 / C1)
    s2 = stage2_rows([pages[i] for i in idx], standard(*m1), keep)
    X2 = np.concatenate([f for _, f in s2])
    Y2 = np.concatenate([pages[i][5][sel] for i, (sel, _) in zip(idx, s2)])
    G2 = np.concatenate([np.full(len(sel), i) for i, (sel, _) in zip(idx, s2)])
    m2 = fit_listwise(X2, Y2, G2, l2=1.0 / C2)
    return m1, m2


def predict(pages, idx, m1, m2, keep):
    """Chosen candidate text per page (None if no candidates) and whether the truth was kept."""
    s2 = stage2_rows([pages[i] for i in idx], standard(*m1), keep)
    out = {}
    for i, (sel, full) in zip(idx, s2):
        if not len(sel):
            out[i] = (None, False)
            continue
        best = sel[int(np.argmax(standard(*m2)(full)))]
        out[i] = (pages[i][3].cands[best][2], bool(pages[i][5][sel].any()))
    return out


def report(pages, pred, label):
    res = {s: [0, 0, 0] for s in SETS}
    kept = 0
    misses = []
    for i, (s, name, truth, _pool, _x1, _y) in enumerate(pages):
        line, k = pred[i]
        kept += k
        res[s][2] += 1
        if line is None:
            continue
        e = norm_title(line) == norm_title(truth)
        res[s][0] += e
        res[s][1] += e or token_f1(truth, line) >= 0.9
        if not e:
            misses.append((s, name, truth, line))
    tot = [sum(r[i] for r in res.values()) for i in range(3)]
    acc = tot[0] / tot[2]
    print(
        f"{label} strict={tot[0] / tot[2]:.3f} lenient={tot[1] / tot[2]:.3f} "
        f"short-list recall={kept / len(pages):.3f} | "
        + " ".join(f"{s}={r[0] / r[2]:.3f}" for s, r in res.items())
    )
    return misses, acc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, default=0.3, help="stage 2 (1/L2)")
    ap.add_argument("--C1", type=float, default=0.3, help="stage 1 (1/L2)")
    ap.add_argument("--keep", type=int, nargs="+", default=[tm._TITLE_KEEP])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0], help="fold assignments")
    ap.add_argument("--distil", action="store_true", help="stage 1 learns stage 2's choice")
    args = ap.parse_args()
    pages = load()
    n_c = sum(len(p[5]) for p in pages)
    reach = np.mean([p[5].any() for p in pages])
    print(f"pages={len(pages)} candidates={n_c} ({n_c / len(pages):.1f}/page) reachable={reach:.3f}")
    groups: dict[str, int] = {}
    page_group = np.array([groups.setdefault(norm_title(p[2]), len(groups)) for p in pages])
    misses = []
    fitter = fit_distil if args.distil else fit_two
    for keep in args.keep:
        accs = []
        for seed in args.seeds:
            fold = (np.random.RandomState(seed).permutation(len(groups)) % 5)[page_group]
            pred = {}
            for k in range(5):
                tr = [i for i in range(len(pages)) if fold[i] != k]
                te = [i for i in range(len(pages)) if fold[i] == k]
                m1, m2 = fitter(pages, tr, keep, args.C1, args.C)
                pred.update(predict(pages, te, m1, m2, keep))
            misses, acc = report(pages, pred, f"keep={keep} C1={args.C1} C={args.C} seed={seed} CV")
            accs.append(acc)
        if len(accs) > 1:
            print(f"keep={keep} CV mean over seeds {np.mean(accs):.3f}")
    for m in misses[: args.errors]:
        print("MISS", m)
    keep = args.keep[-1]
    allp = list(range(len(pages)))
    m1, m2 = fitter(pages, allp, keep, args.C1, args.C)
    report(pages, predict(pages, allp, m1, m2, keep), f"keep={keep} in-sample")
    if args.write:
        W = json.loads(MODEL.read_text("utf-8"))
        for name, (w, mu, sd), feats in (
            ("title1", m1, tm.TITLE_CHEAP),
            ("title", m2, tm.TITLE_FEATURES),
        ):
            W[name] = {
                "w": dict(zip(feats, w.tolist())),
                "intercept": 0.0,
                "mean": dict(zip(feats, mu.tolist())),
                "scale": dict(zip(feats, sd.tolist())),
            }
        MODEL.write_text(json.dumps(W, indent=1) + "\n", "utf-8")
        print("wrote", MODEL, "keep", keep, "(set _TITLE_KEEP to it)")


if __name__ == "__main__":
    main()
