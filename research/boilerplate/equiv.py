"""Check the feature matrices of lines.py against the reference copy lines_ref.py."""
import glob, sys, importlib.util, numpy as np
sys.path.insert(0, "/work/wt-bp/research/boilerplate")
spec = importlib.util.spec_from_file_location("lines_ref", "/work/scratch/bp/lines_ref.py")
ref = importlib.util.module_from_spec(spec); spec.loader.exec_module(ref)
from corearchive_plugins.boilerplate import lines as tc
m = tc.load_model()
files = sorted(glob.glob("/work/shared/eval/data/*/dev/text/*.txt"))[::3] + sorted(glob.glob("/work/wt-bp/seeds/*"))
bad = 0
for p in files:
    L = open(p, encoding="utf-8", errors="replace").read().split("\n")
    i1, X1 = ref.line_features(L, m["lex"])
    i2, X2 = tc.line_features(L, m["lex"])
    assert i1 == i2
    if X1.shape != X2.shape or not np.allclose(X1, X2, equal_nan=True):
        cols = np.flatnonzero(~np.isclose(X1, X2).all(0)) if X1.shape == X2.shape else "shape"
        print(p[-40:], [tc.FEATURE_NAMES[c] for c in cols] if not isinstance(cols, str) else cols); bad += 1
    p1 = np.random.RandomState(0).rand(len(i1))
    if len(i1) and not np.allclose(ref.stage2_features(X1, p1), tc.stage2_features(X2, p1)):
        print(p, "stage2 differs"); bad += 1
print(len(files), "files,", bad, "differ")
# decisions (model + rules) equal?
bad = 0
for p in files:
    t = open(p, encoding="utf-8", errors="replace").read()
    a = ref.clean(t, 0.5)[1]; b = tc.clean(t, 0.5)[1]
    if [x["keep"] for x in a] != [x["keep"] for x in b]:
        bad += 1; print("decisions differ", p[-40:])
    for thr in (0.3, 0.7):
        if tc.extract(t) != ref.extract(t) or tc.clean(t, thr)[0] != ref.clean(t, thr)[0]:
            bad += 1; print("text differs", p[-40:])
print(bad, "decision differences")
