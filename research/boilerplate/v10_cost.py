"""Same-process A/B of the text path with and without the shipped model's sequence layer:
lines.decide_many on the aeb dev texts cut to 5,000 characters, batches of 64, the two
variants alternating batch by batch; min over rounds of each batch's CPU time, summed, per
document.  Also the layer alone (lines._seq_scores) on the same batches.

  OPENBLAS_NUM_THREADS=1 python v10_cost.py [ROUNDS]
"""
import glob
import sys
import time

import numpy as np

from corearchive_plugins.boilerplate import lines as tc

R = int(sys.argv[1]) if len(sys.argv) > 1 else 5
texts = [open(p, encoding="utf-8", errors="replace").read()[:5000]
         for p in sorted(glob.glob("/work/shared/eval/data/aeb/dev/text/*"))]
m = tc.load_model()
seq = m.get("_seq")
assert seq is not None, "the model has no sequence layer"
batches = [texts[k:k + 64] for k in range(0, len(texts), 64)]
best = {"with": [np.inf] * len(batches), "without": [np.inf] * len(batches), "layer": [np.inf] * len(batches)}
for _ in range(R):
    for i, b in enumerate(batches):
        for name in ("with", "without"):
            if name == "with":
                m["_seq"] = seq
            else:
                m.pop("_seq", None)
            t0 = time.process_time()
            tc.decide_many(b)
            best[name][i] = min(best[name][i], time.process_time() - t0)
        docs = [tc._split(t) for t in b]
        idxs, Rw, lh, rb, S, first = tc._raw_features_many(docs, m["lex"])
        X = tc._line_features_rows(Rw, lh, rb, first)
        p = np.full(len(X), 0.5)
        t0 = time.process_time()
        tc._seq_scores(seq, X, p, p, rb)
        best["layer"][i] = min(best["layer"][i], time.process_time() - t0)
m["_seq"] = seq
n = len(texts)
for name, v in best.items():
    print(f"{name:8s} {sum(v) / n * 1e6:7.1f} us/doc  ({n} docs of {np.mean([len(t.encode()) for t in texts]) / 1000:.2f} KB)")
