import glob, numpy as np
from corearchive_plugins.boilerplate import lines as tc
files = [f for f in sorted(glob.glob("/work/shared/eval/data/*/dev/text/*")) + sorted(glob.glob("/work/wt-bp/seeds/*")) if "htmldate" not in f]
texts = []
for f in files:
    t = open(f, encoding="utf-8").read()
    texts += [t, t[:5000], t[:200], "", "\n \n"]
bad = 0
for k in range(0, len(texts), 37):
    chunk = texts[k:k+37]
    many = tc.decide_many(chunk, 0.5)
    for t, dm in zip(chunk, many):
        d = tc.decide(t, 0.5)
        if not (d.idx == dm.idx and np.array_equal(d.score, dm.score) and np.array_equal(d.keep, dm.keep) and d.why == dm.why and np.array_equal(d.X, dm.X)):
            bad += 1
print(len(texts), "texts,", bad, "differ")
