"""Session 44's harness (research/metadata/REPORT.md, "Titles from text, session 44"): the
title ranker's CV by site on the dev pages, trained on the dev pages or on dev + silver
(``silver_titles.py``; renderings chosen by ``--silver``), extra candidate features appended
(:func:`extra_feats`, ``--extra``), and the refit on every training page scored (ranking,
as the stage picks among its candidates) on test folders (the tuning set, held-out2: only
measured, never trained on). Each page is read as the stage reads it
(``train_titles.stage_text``; ``REFLOW=0``: as it is). Feature matrices are cached per
folder in ``$S/cache1``.

    S=SCRATCH H=HELDOUT python title_silver_exp.py --silver proj w3m lynx \
        --extra sentlen first_ov --test tuning --seeds 0 1 2
    # S: where silver_titles.py built OUT (S/silver -> OUT); H: the held-out sets' folder
    # (H/titles-tuning, H/titles-heldout2); DIRS="name=DIR ..." adds test folders
"""

import argparse
import math
import os
import pickle
import re
import sys
from urllib.parse import urlsplit

import numpy as np

ROOT = os.environ.get("TREE", os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, ROOT + "/research/metadata")
import train_titles as T  # noqa: E402
from train_titles import norm_title, tm  # noqa: E402

S = os.environ.get("S", "/work/scratch/s44/titles44")
E = os.environ.get("COREARCHIVE_EVAL", "/work/shared/eval") + "/data"
H = os.environ.get("H", "/work/scratch/s44/heldout")
DIRS = {
    "aeb": f"{E}/aeb/dev", "trafeval": f"{E}/trafeval/dev", "htmldate": f"{E}/htmldate/dev",
    "proj": f"{S}/silver/silver-proj", "w3m": f"{S}/silver/silver-w3m", "lynx": f"{S}/silver/silver-lynx",
    "tuning": f"{H}/titles-tuning/htmldate/dev", "ho2": f"{H}/titles-heldout2/htmldate/dev",
}
DIRS.update({k: v for k, v in (a.split("=", 1) for a in os.environ.get("DIRS", "").split() if a)})

_TOK = re.compile(r"\w+")
_SENT = re.compile(r"(?<=[.!?。！？])\s+")


def extra_feats(page, feats):
    """Extra candidate features (name -> per candidate value)."""
    items, paras, body, nwords = page.items, page.paras, page.body, page.nwords
    texts = page.texts
    # body sentences: words per sentence over the first paragraphs
    first = [texts[k] for k in range(body, min(len(texts), body + 12)) if paras[k]][:6]
    sl = [len(_TOK.findall(s)) for p in first for s in _SENT.split(p) if s.strip()]
    med = float(np.median(sl)) if sl else 15.0
    line_of = {i: k for k, (i, _) in enumerate(items)}
    first_line = texts[0] if texts else ""
    fl_tok = set(w.lower() for w in _TOK.findall(first_line))
    # dated/byline lines: the first date line index (items) after ms
    out = []
    n = len(items)
    # per candidate
    cand_k = [line_of.get(i, -1) for i, _, _ in feats]
    for (i, s, f), k in zip(feats, cand_k):
        nw = max(1, len(_TOK.findall(s)))
        toks = [w.lower() for w in _TOK.findall(s)]
        e = {}
        e["sentlen"] = math.log(nw / max(med, 1.0))
        e["sentlen_gt"] = float(nw > 1.3 * med)
        e["first_ov"] = (sum(w in fl_tok for w in toks) / len(toks)) if toks and k != 0 else 0.0
        e["is_first"] = float(k == 0)
        # rank among candidates by position (first candidate above body)
        out.append(e)
    # order features: the candidate's rank among the page's candidates in line order
    ks = sorted(set(cand_k))
    above = [k for k in ks if k < body]
    for e, k in zip(out, cand_k):
        e["last_above_body"] = float(bool(above) and k == above[-1])
        e["n_cands_between"] = math.log1p(sum(1 for x in ks if k < x < body)) if k < body else -1.0
    return out


def load(name, extra):
    cache = f"{S}/cache{os.environ.get('REFLOW', '1')}/{name}.pkl"
    if os.path.exists(cache) and os.path.getmtime(cache) > os.path.getmtime(DIRS[name] + "/titles.json"):
        pages = pickle.load(open(cache, "rb"))
    else:
        pages = []
        T.SITE.clear()
        d = DIRS[name]
        import json

        truth = json.load(open(d + "/titles.json"))
        for nm in sorted(truth):
            text = open(f"{d}/text/{nm}.txt", encoding="utf-8").read()
            if os.environ.get("REFLOW", "1") == "1":
                text = T.stage_text(text)
            page = tm.Page(text)
            feats = tm._title_feats(page)
            quoted = tm._commented_title(page)
            t = norm_title(truth[nm]["title"])
            y = np.array([norm_title(c[1]) == t for c in feats], dtype=float)
            x = np.array([list(f.values()) for _, _, f in feats], dtype=float).reshape(len(feats), len(tm.TITLE_FEATURES))
            ex = extra_feats(page, feats)
            url = truth[nm].get("url") or ""
            host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
            pages.append(dict(s=name, name=nm, truth=truth[nm]["title"], cands=[c[1] for c in feats],
                              x=x, y=y, quoted=quoted and quoted[1], ex=ex, site=host or nm,
                              kind=truth[nm].get("kind", "article"), file=truth[nm].get("file", "")))
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        pickle.dump(pages, open(cache, "wb"))
    for p in pages:
        cols = [[e[k] for k in extra] for e in p["ex"]]
        p["X"] = np.hstack([p["x"], np.array(cols, dtype=float).reshape(len(p["x"]), len(extra))])
    return pages


def fit(pages, cols, C, wsil=1.0):
    X = np.concatenate([p["X"][:, cols] for p in pages])
    Y = np.concatenate([p["y"] for p in pages])
    G = np.concatenate([np.full(len(p["y"]), i) for i, p in enumerate(pages)])
    return T.fit_listwise(X, Y, G, l2=1.0 / C)


def pick(p, model, cols):
    w, mu, sd = model
    if not len(p["X"]):
        return None
    return p["cands"][int(np.argmax(((p["X"][:, cols] - mu) / sd) @ w))]


def ok(p, line):
    line = p["quoted"] or line
    if line is None:
        return False
    return norm_title(tm._segment_cut(line)) == norm_title(p["truth"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--silver", nargs="*", default=[])
    ap.add_argument("--extra", nargs="*", default=[])
    ap.add_argument("--drop", nargs="*", default=[])
    ap.add_argument("--test", nargs="*", default=[])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--C", type=float, default=0.1)
    ap.add_argument("--silver-articles", action="store_true")
    ap.add_argument("--src", default="")
    a = ap.parse_args()
    base = [f for f in tm.TITLE_FEATURES if f not in a.drop]
    names = list(tm.TITLE_FEATURES) + a.extra
    cols = [names.index(f) for f in base + a.extra]
    dev = sum((load(s, a.extra) for s in ("aeb", "trafeval", "htmldate")), [])
    sil = sum((load(s, a.extra) for s in a.silver), [])
    if a.src:
        sil = [p for p in sil if re.search(a.src, p["file"])]
    if a.silver_articles:
        sil = [p for p in sil if p["kind"] == "article"]
    allp = dev + sil
    groups = {}
    g = np.array([groups.setdefault(p["site"], len(groups)) for p in allp])
    accs, sacc = [], []
    per = {s: [] for s in ("aeb", "trafeval", "htmldate")}
    for seed in a.seeds:
        fold = (np.random.RandomState(seed).permutation(len(groups)) % 5)[g]
        res = np.zeros(len(allp))
        for k in range(5):
            tr = [p for i, p in enumerate(allp) if fold[i] != k]
            m = fit(tr, cols, a.C)
            for i, p in enumerate(allp):
                if fold[i] == k:
                    res[i] = ok(p, pick(p, m, cols))
        accs.append(res[: len(dev)].mean())
        for s in per:
            per[s].append(np.mean([r for r, p in zip(res, dev) if p["s"] == s]))
        if sil:
            sacc.append(res[len(dev):].mean())
    line = f"dev CV {np.mean(accs):.4f} (" + " / ".join(f"{np.mean(v):.3f}" for v in per.values()) + ")"
    if sil:
        line += f" silver CV {np.mean(sacc):.3f} (n={len(sil)})"
    m = fit(allp, cols, a.C)
    ins = np.mean([ok(p, pick(p, m, cols)) for p in dev])
    line += f" | in-sample dev {ins:.3f}"
    for t in a.test:
        tp = load(t, a.extra)
        v = [ok(p, pick(p, m, cols)) for p in tp]
        va = [ok(p, pick(p, m, cols)) for p in tp if p["kind"] == "article"]
        line += f" | {t} {np.mean(v):.3f}/{np.mean(va):.3f} (n={len(v)})"
    print(f"silver={a.silver} extra={a.extra} drop={a.drop} C={a.C}: " + line, flush=True)


if __name__ == "__main__":
    main()
