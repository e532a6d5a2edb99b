import glob, pickle, sys
sys.path.insert(0, "/work/wt-bp/benchmarks")
import boilerplate_bench as b
from corearchive.testing import make_document
from corearchive import Drop
files = [f for f in sorted(glob.glob("/work/shared/eval/data/*/dev/text/*")) + sorted(glob.glob("/work/wt-bp/seeds/*")) if "/htmldate/" not in f]
st = b._stage()
keys, docs = [], []
for f in files:
    t = open(f, encoding="utf-8", errors="replace").read()
    for cut in (5000, None):
        keys.append((f, cut)); docs.append(make_document(t[:cut] if cut else t))
res = []
for k in range(0, len(docs), 32): res += st.process_batch(docs[k:k+32])
out = {k: (("drop", r.reason) if isinstance(r, Drop) else (r.text, r.annotations["boilerplate"])) for k, r in zip(keys, res)}
pickle.dump(out, open(sys.argv[1], "wb")); print(len(out))
