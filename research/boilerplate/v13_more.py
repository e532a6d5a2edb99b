"""CV F1 (rules on, thr 0.5) of dumped out-of-fold scores with a candidate teaser rule (v13):
a kept prose line right before a short line that recurs on the page ("mehr", "Read more",
"Weiterlesen") is another story's blurb; the title-like line before it goes too.

    LABELS=... python v13_more.py X.pkl ..."""
import os
import pickle
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train as T  # noqa: E402
import v8_rules_cv as R  # noqa: E402
from corearchive_plugins.boilerplate import lines as tc  # noqa: E402

FI = tc._FI


def more_rule(X, p, thr, variant):
    p = p.copy()
    n = len(p)
    if n < 3:
        return p, 0
    ntok, end = X[:, 0], X[:, 3]
    rep = X[:, FI["repeat"]] > 0
    furn = X[:, FI["furniture"]] > 0
    tl = X[:, FI["titlelike"]] > 0
    short = (ntok >= 1) & (ntok <= 3) & rep & (end == 0)
    if variant >= 2:
        short &= ~furn
    keep = p >= thr
    cand = np.zeros(n, bool)
    cand[:-1] = short[1:] & (ntok[:-1] >= 8) & keep[:-1]
    # at least two such blurb + link pairs on the page
    if short.sum() < 2 or cand.sum() < (2 if variant >= 3 else 1):
        return p, 0
    fired = 0
    for j in np.flatnonzero(cand).tolist():
        # the article goes on after the link line: not a teaser (variant 4)
        if variant >= 4 and j + 2 < n and keep[j + 2] and ntok[j + 2] >= 8 and end[j + 2] > 0:
            continue
        p[j] = min(p[j], thr * 0.5)
        fired += 1
        if j >= 1 and tl[j - 1] and keep[j - 1]:
            p[j - 1] = min(p[j - 1], thr * 0.5)
        if keep[j + 1]:
            p[j + 1] = min(p[j + 1], thr * 0.5)
    return p, fired


def main():
    sw = T.build_stopwords()
    lex = tc._build_lex(sw)
    docs = T.load_docs(R.LABELS, lex)
    truth = T.load_truth()
    for path in sys.argv[1:]:
        D = pickle.load(open(path, "rb"))
        base = R.rules_preds(docs, D)
        print(os.path.basename(path), "rules", T.fmt(T.evaluate(docs, base, truth, 0.5)), flush=True)
        for v in (1, 2, 3, 4):
            pr, tot, pages = {}, 0, 0
            for d in docs:
                pr[d["key"]], f = more_rule(d["X"], base[d["key"]], 0.5, v)
                tot += f
                pages += f > 0
            print(f"  + more v{v} (fires {tot} on {pages} pages)", T.fmt(T.evaluate(docs, pr, truth, 0.5)), flush=True)


if __name__ == "__main__":
    main()
