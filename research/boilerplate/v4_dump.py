"""Dump the stage's output (text + annotations) on all dev text pages (5 KB cut and full) + seeds."""
import glob, pickle, sys
sys.path.insert(0, "/work/wt-bp/benchmarks")
import boilerplate_bench as b
from corearchive.testing import make_document
from corearchive import Drop
files = sorted(glob.glob("/work/shared/eval/data/*/dev/text/*")) + sorted(glob.glob("/work/wt-bp/seeds/*"))
files = [f for f in files if "/htmldate/" not in f]
st = b._stage()
out = {}
for f in files:
    t = open(f, encoding="utf-8", errors="replace").read()
    for cut in (5000, None):
        r = st.process(make_document(t[:cut] if cut else t))
        out[(f, cut)] = ("drop", r.reason) if isinstance(r, Drop) else (r.text, r.annotations["boilerplate"])
pickle.dump(out, open(sys.argv[1], "wb"))
print(len(out))
