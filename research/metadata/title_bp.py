"""Do the boilerplate stage's line scores help the title ranker? (REPORT, session 10: no.)

    .venv/bin/python research/metadata/title_bp.py MIX_S.pkl

Seven features per title candidate from the line scores, added to ``TITLE_FEATURES``; CV as
``train_titles.py`` (C 0.1, 5 folds grouped by headline, fold seeds 0-2), each feature alone
and all together.  Scores: out-of-fold for aeb/trafeval pages (``MIX_S.pkl``, a v10 CV dump
of the boilerplate model: ``research/boilerplate/v10_dump.py`` + the sequence mix), the
shipped boilerplate model for htmldate pages (it was never trained on them).
"""
import json, pickle, sys, math
import numpy as np
sys.path.insert(0, "/work/main/research/metadata")
import train_titles as TT
from corearchive_plugins.metadata import text as tm
from corearchive_plugins.boilerplate.lines import decide_many

MIX = pickle.load(open(sys.argv[1], "rb"))["p2"]
EXTRA = ["bp_p", "bp_next3", "bp_prev3", "d_first_kept", "above_first5", "is_first_above", "bp_kept"]

def bp_scores(s, name, text):
    key = f"{s}/{name}"
    d = decide_many([text])[0]
    if s != "htmldate" and key in MIX and len(MIX[key]) == len(d.idx):
        p = np.asarray(MIX[key], float)
    else:
        if s != "htmldate":
            bp_scores.miss += 1
        p = np.asarray(d.score, float)
    return d.idx, p
bp_scores.miss = 0

def extra_rows(feats, idx, p):
    pos = {i: j for j, i in enumerate(idx)}
    keep = p > 0.5
    kept = np.flatnonzero(keep)
    first = int(kept[0]) if len(kept) else len(p)
    rows = []
    # the nearest candidate above the first kept line
    cand_j = [pos.get(i, -1) for i, _, _ in feats]
    above = [j for j in cand_j if 0 <= j < first]
    nearest = max(above) if above else None
    for j in cand_j:
        if j < 0:
            rows.append([0.0] * len(EXTRA)); continue
        nxt = p[j + 1 : j + 4]; prv = p[max(0, j - 3) : j]
        dd = first - j
        rows.append([
            p[j],
            float(nxt.max()) if len(nxt) else 0.0,
            float(prv.max()) if len(prv) else 0.0,
            math.log1p(dd) if dd > 0 else -math.log1p(-dd),
            float(0 < dd <= 5),
            float(j == nearest),
            float(keep[j]),
        ])
    return rows

def load():
    pages = []
    for s in TT.SETS:
        d = f"/work/shared/eval/data/{s}/dev"
        truth = json.load(open(d + "/titles.json"))
        for name in sorted(truth):
            text = open(f"{d}/text/{name}.txt", encoding="utf-8").read()
            feats = tm._title_feats(tm.Page(text))
            t = TT.norm_title(truth[name]["title"])
            y = np.array([TT.norm_title(c[1]) == t for c in feats], dtype=float)
            x = np.array([list(f.values()) for _, _, f in feats], dtype=float).reshape(len(feats), len(tm.TITLE_FEATURES))
            idx, p = bp_scores(s, name, text)
            ex = np.array(extra_rows(feats, idx, p), float).reshape(len(feats), len(EXTRA))
            x = np.concatenate([x, ex], axis=1)
            pages.append((s, name, truth[name]["title"], [c[1] for c in feats], x, y))
    return pages

pages = load()
print("dump misses", bp_scores.miss)
names = list(tm.TITLE_FEATURES) + EXTRA
groups = {}
page_group = np.array([groups.setdefault(TT.norm_title(p[2]), len(groups)) for p in pages])
nb = len(tm.TITLE_FEATURES)
variants = {"base": list(range(nb)), "+bp": list(range(nb + len(EXTRA)))}
for e in EXTRA:
    variants["+" + e] = list(range(nb)) + [nb + EXTRA.index(e)]
for C in (0.1,):
    for vname, cols in variants.items():
        accs = []
        for seed in (0, 1, 2):
            fold = (np.random.RandomState(seed).permutation(len(groups)) % 5)[page_group]
            pred = {}
            for k in range(5):
                tr = [i for i in range(len(pages)) if fold[i] != k]
                te = [i for i in range(len(pages)) if fold[i] == k]
                pred.update(TT.predict(pages, te, TT.fit(pages, tr, C, cols), cols))
            _, acc = TT.report(pages, pred, f"{vname} C={C} seed={seed}")
            accs.append(acc)
        print(f"== {vname} mean {np.mean(accs):.4f}", flush=True)
