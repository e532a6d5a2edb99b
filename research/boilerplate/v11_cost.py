"""Same-process A/B of two boilerplate models' text path (lines.decide_many, aeb dev texts cut
to 5,000 characters, batches of 64; the two models alternate batch by batch) and of their
sequence layers alone (lines._seq_scores on the same batches): min over rounds of each
batch's CPU time, summed, per document.

  OPENBLAS_NUM_THREADS=1 python v11_cost.py OLD.json NEW.json [ROUNDS]
"""
import glob
import sys
import time

import numpy as np

from corearchive_plugins.boilerplate import lines as tc

old, new = (tc.load_model(p) for p in sys.argv[1:3])
R = int(sys.argv[3]) if len(sys.argv) > 3 else 5
tc._one_blas_thread()
texts = [open(p, encoding="utf-8", errors="replace").read()[:5000]
         for p in sorted(glob.glob("/work/shared/eval/data/aeb/dev/text/*"))]
batches = [texts[k:k + 64] for k in range(0, len(texts), 64)]
names = ("old", "new")
best = {f"{n} {w}": [np.inf] * len(batches) for n in names for w in ("path", "layer")}
for _ in range(R):
    for i, b in enumerate(batches):
        docs = [tc._split(t) for t in b]
        _idxs, Rw, lh, rb, _S, first = tc._raw_features_many(docs, old["lex"])
        X = tc._line_features_rows(Rw, lh, rb, first)
        p = np.full(len(X), 0.5)
        for name, m in zip(names, (old, new)):
            tc._MODEL = m
            t0 = time.process_time()
            tc.decide_many(b)
            best[f"{name} path"][i] = min(best[f"{name} path"][i], time.process_time() - t0)
            t0 = time.process_time()
            tc._seq_scores(m["_seq"], X, p, p, rb)
            best[f"{name} layer"][i] = min(best[f"{name} layer"][i], time.process_time() - t0)
n = len(texts)
for k, v in best.items():
    print(f"{k:10s} {sum(v) / n * 1e6:7.1f} us/doc  ({n} docs)")
