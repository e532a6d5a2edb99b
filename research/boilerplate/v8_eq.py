"""decide_many (the batched runtime, three stages + rules) against score_lines + _rules
(the one-page path train.py checks against LightGBM) on all dev pages: same scores."""
import numpy as np
from pathlib import Path
from corearchive_plugins.boilerplate import lines as L
m = L.load_model()
pages = [p.read_text("utf-8", errors="replace") for s in ("aeb", "trafeval") for p in sorted(Path(f"/work/shared/eval/data/{s}/dev/text").glob("*"))]
worst = 0.0; diff_keep = 0; n = 0
for k in range(0, len(pages), 64):
    batch = pages[k:k+64]
    got = L.decide_many(batch, 0.5)
    for page, g in zip(batch, got):
        idx, p1, p2, X = L.score_lines(L._split(page), m)
        p, _ = L._rules(X, p2, 0.5, m["rules"])
        if len(p):
            worst = max(worst, float(np.abs(p - g.score).max())); diff_keep += int(((p >= 0.5) != g.keep).sum()); n += len(p)
print(f"{len(pages)} pages, {n} lines: max |score_lines - decide_many| {worst:.2e}, keep differs on {diff_keep}")
