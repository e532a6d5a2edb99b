"""CPU µs/doc of each part of decide_many on the generated corpus (batches of 32), min of reps."""
import json, sys, time
from pathlib import Path
import numpy as np
from corearchive_plugins.boilerplate import lines as L
docs = []
for p in sorted(Path("/work/scratch/bp4/corpus-2000").glob("*.jsonl")):
    for ln in p.open():
        docs.append(json.loads(ln)["text"])
if "aeb" in sys.argv:
    docs = [p.read_text("utf-8", errors="replace")[:5000] for p in sorted(Path("/work/shared/eval/data/aeb/dev/text").glob("*"))] * 10
m = L.load_model()
batches = [docs[k:k+32] for k in range(0, len(docs), 32)]
T = {}
def tick(name, t0):
    t = time.process_time(); T[name] = T.get(name, 0) + t - t0; return t
best = {}
nrows = 0
for rep in range(3):
    T = {}
    for b in batches:
        t = time.process_time()
        ds = [L._split(x) for x in b]
        t = tick("split", t)
        idxs, R, lh, rb, S, fr = L._raw_features_many(ds, m["lex"])
        t = tick("raw", t)
        X = L._line_features_rows(R, lh, rb, fr)
        t = tick("features", t)
        p1 = L._predict_rows(m["stages"][0], X)
        t = tick("trees1", t)
        band = np.flatnonzero((p1 >= L.STAGE2_BAND) & (p1 <= 1.0 - L.STAGE2_BAND))
        X2 = L._stage2_rows(X, p1, rb, band)
        t = tick("s2feat", t)
        p2 = p1.copy(); p2[band] = L._predict_rows(m["stages"][1], X2)
        t = tick("trees2", t)
        p, why = L._rules_rows(X, p2, rb, 0.5, m.get("rules", L.RULES))
        t = tick("rules", t)
        codes = L._reason_codes(X, p >= 0.5)
        t = tick("codes", t)
        if rep == 0: nrows += len(X)
    for k, v in T.items():
        best[k] = min(best.get(k, 1e9), v)
tot = sum(best.values())
print(f"{len(docs)} docs, {nrows/len(docs):.0f} rows/doc; " + ", ".join(f"{k} {v/len(docs)*1e6:.0f}" for k, v in best.items()) + f"; total {tot/len(docs)*1e6:.0f} µs/doc")
