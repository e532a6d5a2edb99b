# v12 (helper bphtml): see REPORT.md, v12. Reads cache.pkl written by v12_cache.py.
"""Held-out figures of refine: OOF line scores (oof.pkl), thresholds chosen on the other folds."""
import pickle, sys, itertools
import numpy as np
from v12_combo import *
from corearchive_plugins.boilerplate.refine import refine, _norm
S = pickle.load(open(sys.argv[1] if len(sys.argv) > 1 else "oof.pkl", "rb"))
KEY = {id(c): k for k, c in C.items()}
class D:
    def __init__(self, stripped, score): self.stripped = stripped; self.score = np.array(score)
DEC = {}
for k, c in C.items():
    st = [l.strip() for l in (c.get("visible") or "").split("\n") if l.strip()]
    sc = S.get(k, {})
    DEC[k] = D(st, [sc.get(_norm(l), 0.5) for l in st])
def run(c, p):
    if not c["cur"].strip() or p is None: return c["cur"]
    return refine(c["cur"], DEC[KEY[id(c)]], *p)[0]
grid = [(lo, hi, n) for lo in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3) for hi in (0.6, 0.7, 0.8, 0.9, 2) for n in (1, 3, 6)]
print("cur all       ", fmt(score(lambda c: c["cur"])))
print("fixed 0.2/0.7/3", fmt(score(lambda c: run(c, (0.2, 0.7, 3)))))
print("fixed 0.2/0.8/3", fmt(score(lambda c: run(c, (0.2, 0.8, 3)))))
print("fixed 0.25/0.8/3", fmt(score(lambda c: run(c, (0.25, 0.8, 3)))))
# per-page outputs of the nested choice
chosen = {}
for f in range(5):
    other = {g for g in range(5) if g != f}
    best = max(grid, key=lambda p: sum(v[2] for v in score(lambda c: run(c, p), folds=other).values()))
    chosen[f] = best
    print("fold", f, "chosen", best, "held-out", fmt(score(lambda c: run(c, best), folds={f})), "| cur", fmt(score(lambda c: c["cur"], folds={f})), flush=True)
print("nested (each fold with its own choice)", fmt(score(lambda c: run(c, chosen[fold_of(KEY[id(c)])]))))
