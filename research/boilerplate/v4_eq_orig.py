import glob, importlib.util, numpy as np
spec = importlib.util.spec_from_file_location("orig", "/work/scratch/bp3/lines_orig.py"); orig = importlib.util.module_from_spec(spec); spec.loader.exec_module(orig)
orig.MODEL_PATH = "/work/wt-bp/plugins/boilerplate/lines_model.json"
from corearchive_plugins.boilerplate import lines as tc
files = [f for f in sorted(glob.glob("/work/shared/eval/data/*/dev/text/*")) + sorted(glob.glob("/work/wt-bp/seeds/*")) if "htmldate" not in f]
texts = []
for f in files:
    t = open(f, encoding="utf-8").read()
    texts += [t, t[:5000], t[:200], "", "\n \n", "İstanbul\nΣΊΣΥΦΟΣ. Άλλο\n" + t[:500]]
bad = 0
for k in range(0, len(texts), 32):
    chunk = texts[k:k+32]
    for t, dm in zip(chunk, tc.decide_many(chunk, 0.5)):
        d = orig.decide(t, 0.5)
        ok = d.idx == dm.idx and np.array_equal(d.score, dm.score) and np.array_equal(d.keep, dm.keep) and d.why == dm.why and d.reasons() == dm.reasons()
        ok = ok and orig.extract(t) == tc.extract(t)
        bad += not ok
print(len(texts), "texts,", bad, "differ from the session-start implementation")
