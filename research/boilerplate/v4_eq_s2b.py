import glob, numpy as np
from corearchive_plugins.boilerplate import lines as tc
m = tc.load_model()
files = [f for f in sorted(glob.glob("/work/shared/eval/data/*/dev/text/*")) + sorted(glob.glob("/work/wt-bp/seeds/*")) if "htmldate" not in f]
texts = []
for f in files[::2]:
    t = open(f, encoding="utf-8").read(); texts += [t[:5000], t[:150], "", t]
bad = 0
for k in range(0, len(texts), 29):
    docs = [tc._split(t) for t in texts[k:k+29]]
    idxs, R, lh, rb = tc._raw_features_many(docs, m["lex"])
    if not len(R): continue
    X = tc._line_features_rows(R, lh, rb)
    p1 = tc._sigmoid(tc._ensemble_predict(m["stages"][0]["_arrays"], X, 0.0))
    allrows = np.arange(len(p1))
    B = tc._stage2_rows(X, p1, rb, allrows)
    for d in range(len(docs)):
        a, b = rb[d], rb[d+1]
        if b == a: continue
        A = tc.stage2_features(X[a:b], p1[a:b])
        if not np.array_equal(A, B[a:b]):
            bad += 1
            if bad < 4: print("diff doc", k + d, [tc.STAGE2_NAMES[c - X.shape[1]] if c >= X.shape[1] else c for c in np.flatnonzero((A != B[a:b]).any(axis=0))])
print(len(texts), "texts;", bad, "docs differ")
