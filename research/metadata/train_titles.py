"""Train the title ranker (listwise softmax over a page's candidate lines, one linear model).

    .venv/bin/python research/metadata/train_titles.py [--C 0.1] [--seeds 0 1 2] [--write]

Every candidate of ``corearchive_plugins.metadata.text.TitlePool`` is scored on all
:data:`TITLE_FEATURES` (``_title_feats``: what is trained is what runs; ``rank_titles``
leaves out only candidates that cannot beat the best). CV: 5 folds grouped by headline (the
same headline in two sets is one group; ``--by site``: by the page's host), repeated for each
``--seeds`` fold assignment; the
model is fitted on the training pages of each fold and the test pages are ranked by it.
``--out PATH`` writes the model fitted on every page as "title" into PATH (its other rankers
kept when PATH exists, else copied from the shipped model.json): use it with
``--set metadata.model=PATH``. ``--write`` alone rewrites the shipped
plugins/metadata/model.json (the maintainers' route). ``--data DIR ...``: your own pages,
each DIR laid out as the eval sets' dev folders (DIR/titles.json ``{"NAME": {"title": ...,
"url": ...}}``, DIR/text/NAME.txt); default the aeb, trafeval and htmldate dev sets of
$COREARCHIVE_EVAL (/work/shared/eval), whose title_eval.py gives the metric.
``--test DIR ...``: folders only measured (same layout; never trained on): the model fitted on
every training page ranks them, e.g. a held-out set, or one source left out of ``--data``
(cross-source figures). ``--drop F ...`` leaves features out (their weight is 0) to measure what they bring.
Needs ``pip install -e ".[train]"`` (numpy, scipy for listwise.py).
"""

import argparse
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
EVAL = os.environ.get("COREARCHIVE_EVAL", "/work/shared/eval")
sys.path.insert(0, EVAL)
from listwise import fit_listwise, made_by  # noqa: E402

try:
    from title_eval import norm_title, token_f1  # noqa: E402
except ImportError:  # (without the organisers' scorer: the same normalisation, roughly)
    import re
    import unicodedata

    def norm_title(t):
        t = unicodedata.normalize("NFKC", t or "").casefold()
        return " ".join(re.findall(r"\w+", t))

    def token_f1(a, b):
        x, y = norm_title(a).split(), norm_title(b).split()
        common = sum(min(x.count(w), y.count(w)) for w in set(x))
        if not common:
            return 0.0
        p, r = common / len(x), common / len(y)
        return 2 * p * r / (p + r)

from corearchive_plugins.metadata import text as tm  # noqa: E402

SETS = ["aeb", "trafeval", "htmldate"]
MODEL = ROOT / "plugins" / "metadata" / "model.json"
#: (set, page) -> the page's URL (titles.json), for ``--by site``
SITE: dict[tuple[str, str], str] = {}


def stage_text(text):
    """``text`` as the stage reads it on the plain-text path (``MetadataStage.process`` without
    a boilerplate stage before it): joined into blocks when it is markdown, hard-wrapped
    (lynx) or bulleted (``reflow_text``), as it is when its inline elements are lines of
    their own. What is trained is what runs: a lynx page's features are the joined text's."""
    from corearchive_plugins.boilerplate.reflow import reflow_text

    reflowed = reflow_text(text, None if "\r" in text else text.split("\n"))
    return text if reflowed is None or reflowed.layout == "fragments" else reflowed.text


def load(dirs=None):
    """Per dev page: (set, name, true title, candidate texts, feature matrix, labels, the
    title a comment section's heading quotes or None). ``dirs``: the data folders (default
    the dev sets of :data:`SETS` in EVAL)."""
    pages = []
    for d in dirs or [f"{EVAL}/data/{s}/dev" for s in SETS]:
        d = str(d).rstrip("/")
        s = os.path.basename(os.path.dirname(d)) if d.endswith("/dev") else os.path.basename(d)
        truth = json.loads(Path(d, "titles.json").read_text("utf-8"))
        for name in sorted(truth):
            text = stage_text(Path(d, "text", name + ".txt").read_text("utf-8"))
            page = tm.Page(text)
            feats = tm._title_feats(page)  # (every candidate, overlaps included)
            # (a comment section's heading that quotes the title overrides the ranker)
            quoted = tm._commented_title(page)
            t = norm_title(truth[name]["title"])
            SITE[s, name] = truth[name].get("url") or ""
            y = np.array([norm_title(c[1]) == t for c in feats], dtype=float)
            x = np.array([list(f.values()) for _, _, f in feats], dtype=float)
            x = x.reshape(len(feats), len(tm.TITLE_FEATURES))
            pages.append(
                (s, name, truth[name]["title"], [c[1] for c in feats], x, y, quoted and quoted[1])
            )
    return pages


def fit(pages, idx, C, cols):
    X = np.concatenate([pages[i][4][:, cols] for i in idx])
    Y = np.concatenate([pages[i][5] for i in idx])
    G = np.concatenate([np.full(len(pages[i][5]), i) for i in idx])
    return fit_listwise(X, Y, G, l2=1.0 / C)


def predict(pages, idx, model, cols):
    """The chosen candidate's text per page (None when the page has no candidate)."""
    w, mu, sd = model
    out = {}
    for i in idx:
        x = pages[i][4]
        out[i] = pages[i][3][int(np.argmax(((x[:, cols] - mu) / sd) @ w))] if len(x) else None
    return out


def report(pages, pred, label):
    res = {s: [0, 0, 0] for s in dict.fromkeys(p[0] for p in pages)}
    misses = []
    for i, (s, name, truth, _c, _x, _y, quoted) in enumerate(pages):
        line = quoted or pred[i]
        res[s][2] += 1
        if line is None:
            continue
        line = tm._segment_cut(line)  # (as extract_lines does with the chosen line)
        e = norm_title(line) == norm_title(truth)
        res[s][0] += e
        res[s][1] += e or token_f1(truth, line) >= 0.9
        if not e:
            misses.append((s, name, truth, line))
    tot = [sum(r[i] for r in res.values()) for i in range(3)]
    acc = tot[0] / tot[2]
    print(
        f"{label} strict={acc:.3f} lenient={tot[1] / tot[2]:.3f} | "
        + " ".join(f"{s}={r[0] / r[2]:.3f}" for s, r in res.items()),
        flush=True,
    )
    return misses, acc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, nargs="+", default=[0.1], help="1/L2 (several: compared)")
    ap.add_argument("--write", action="store_true",
                    help="rewrite the shipped plugins/metadata/model.json (see --out)")
    ap.add_argument("--out", help="write the model here (other rankers kept, or copied from the shipped file)")
    ap.add_argument("--data", nargs="+", help="data folders (see the module's docstring)")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2], help="fold assignments")
    ap.add_argument("--drop", nargs="*", default=[], help="features left out")
    ap.add_argument(
        "--test", nargs="+", default=[],
        help="data folders only measured: the model fitted on every --data page ranks them",
    )  # fmt: skip
    ap.add_argument(
        "--by", choices=["headline", "site"], default="headline", help="CV folds grouped by"
    )
    args = ap.parse_args()
    pages = load(args.data)
    cols = [j for j, f in enumerate(tm.TITLE_FEATURES) if f not in args.drop]
    n_c = sum(len(p[5]) for p in pages)
    reach = np.mean([p[5].any() for p in pages])
    print(f"pages={len(pages)} candidates={n_c} ({n_c / len(pages):.1f}/page) reachable={reach:.3f}")
    groups: dict[str, int] = {}
    if args.by == "site":
        # (a page's site: its URL's host without "www."; a page of one site in two sets is
        # one group, and so is every page of a site)
        key = [urlsplit(SITE.get((p[0], p[1]), "")).hostname or p[1] for p in pages]
        key = [k.removeprefix("www.") for k in key]
    else:
        key = [norm_title(p[2]) for p in pages]
    page_group = np.array([groups.setdefault(k, len(groups)) for k in key])
    misses = []
    for C in args.C:
        accs = []
        for seed in args.seeds:
            fold = (np.random.RandomState(seed).permutation(len(groups)) % 5)[page_group]
            pred = {}
            for k in range(5):
                tr = [i for i in range(len(pages)) if fold[i] != k]
                te = [i for i in range(len(pages)) if fold[i] == k]
                pred.update(predict(pages, te, fit(pages, tr, C, cols), cols))
            misses, acc = report(pages, pred, f"C={C} seed={seed} CV")
            accs.append(acc)
        if len(accs) > 1:
            print(f"C={C} CV mean over seeds {np.mean(accs):.4f}", flush=True)
    for m in misses[: args.errors]:
        print("MISS", m)
    C = args.C[-1]
    allp = list(range(len(pages)))
    model = fit(pages, allp, C, cols)
    report(pages, predict(pages, allp, model, cols), f"C={C} in-sample")
    for d in args.test:
        tp = load([d])
        report(tp, predict(tp, range(len(tp)), model, cols), f"C={C} test {d}")
    if args.write or args.out:
        w, mu, sd = model
        names = [tm.TITLE_FEATURES[j] for j in cols]
        out = Path(args.out) if args.out else MODEL
        W = json.loads((out if out.exists() else MODEL).read_text("utf-8"))
        W.pop("title1", None)  # (the former two-stage ranker's first stage)
        W["title"] = {
            "w": dict(zip(names, w.tolist())),
            "intercept": 0.0,
            "mean": dict(zip(names, mu.tolist())),
            "scale": dict(zip(names, sd.tolist())),
        }
        # how it was made (written into the file; the run's provenance shows it)
        data = args.data or [f"{EVAL}/data/{s}/dev" for s in SETS]
        W.setdefault("provenance", {})["title"] = made_by("research/metadata/train_titles.py", data)
        out.write_text(json.dumps(W, indent=1) + "\n", "utf-8")
        print("wrote", out, "" if args.out else "(the shipped model in the package)")


if __name__ == "__main__":
    main()
