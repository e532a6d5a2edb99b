"""cachegrind per part: prepare 6 batches' intermediate inputs, then run PART on each (N=1) or not (N=0)."""
import json, sys
from pathlib import Path
import numpy as np
from corearchive_plugins.boilerplate import lines as L
part, N = sys.argv[1], int(sys.argv[2])
docs = []
for p in sorted(Path("/tmp/corebench/corpus-2000").glob("*.jsonl"))[:2]:
    for ln in p.open():
        docs.append(json.loads(ln)["text"])
m = L.load_model()
L.decide_many(docs[:32])
prep = []
for k in range(1, 7):
    b = docs[32 * k: 32 * k + 32]
    ds = [L._split(x) for x in b]
    idxs, R, lh, rb, S, fr = L._raw_features_many(ds, m["lex"])
    X = L._line_features_rows(R, lh, rb, fr)
    p1 = L._predict_rows(m["stages"][0], X)
    band = np.flatnonzero((p1 >= L.STAGE2_BAND) & (p1 <= 1.0 - L.STAGE2_BAND))
    X2 = L._stage2_rows(X, p1, rb, band)
    p2 = p1.copy(); p2[band] = L._predict_rows(m["stages"][1], X2)
    prep.append((b, ds, R, lh, rb, fr, X, p1, band, X2, p2))
if N:
    for (b, ds, R, lh, rb, fr, X, p1, band, X2, p2) in prep:
        if part == "split": [L._split(x) for x in b]
        elif part == "raw": L._raw_features_many(ds, m["lex"])
        elif part == "ctx": L._line_features_rows(R, lh, rb, fr)
        elif part == "trees1": L._predict_rows(m["stages"][0], X)
        elif part == "s2feat": L._stage2_rows(X, p1, rb, band)
        elif part == "trees2": L._predict_rows(m["stages"][1], X2)
        elif part == "rules":
            p, why = L._rules_rows(X, p2, rb, 0.5, m.get("rules", L.RULES)); L._reason_codes(X, p >= 0.5)
        elif part == "all": L.decide_many(b)
