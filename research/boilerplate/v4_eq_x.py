import glob, importlib.util, sys, numpy as np
spec = importlib.util.spec_from_file_location("old", "/work/scratch/bp3/lines_head.py"); old = importlib.util.module_from_spec(spec); spec.loader.exec_module(old)
from corearchive_plugins.boilerplate import lines as new
m = new.load_model()
files = [f for f in sorted(glob.glob("/work/shared/eval/data/*/dev/text/*")) + sorted(glob.glob("/work/wt-bp/seeds/*")) if "htmldate" not in f]
step = int(sys.argv[1]) if len(sys.argv) > 1 else 1
bad = {}
docs = []
for f in files[::step]:
    t = open(f, encoding="utf-8").read()
    for cut in (t, t[:5000], t[:300], "\n\n" + t[:2000] + "\n\n"):
        docs.append(new._split(cut))
for lines in docs:
    i1, X = new.line_features(lines, m["lex"]); i2, Xo = old.line_features(lines, m["lex"])
    assert i1 == i2
    if not np.array_equal(X, Xo):
        for c in np.flatnonzero((X != Xo).any(axis=0)):
            bad[new.FEATURE_NAMES[c]] = bad.get(new.FEATURE_NAMES[c], 0) + 1
# batch
idxs, R, lh, rb = new._raw_features_many(docs, m["lex"])
Xb = new._line_features_rows(R, lh, rb)
nb = 0
for d, lines in enumerate(docs):
    i2, Xo = old.line_features(lines, m["lex"])
    if idxs[d] != i2 or not np.array_equal(Xb[rb[d]:rb[d+1]], Xo):
        nb += 1
        if nb < 3:
            for c in np.flatnonzero((Xb[rb[d]:rb[d+1]] != Xo).any(axis=0)): print("batch diff", d, new.FEATURE_NAMES[c])
print(len(docs), "docs; single-doc differing features:", bad, "; batch differing docs:", nb)
