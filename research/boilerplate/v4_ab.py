"""Same-moment A/B: the session-start line model (decide per page) vs the current (decide_many
in batches of 32), min CPU time of 5 repeats per batch of pages, summed."""
import glob, time, importlib.util, sys
spec = importlib.util.spec_from_file_location("orig", "/work/scratch/bp3/lines_orig.py"); orig = importlib.util.module_from_spec(spec)
orig.__file__ = "/work/wt-bp/plugins/boilerplate/lines.py"; spec.loader.exec_module(orig)
orig.MODEL_PATH = "/work/wt-bp/plugins/boilerplate/lines_model.json"
from corearchive_plugins.boilerplate import lines as new
texts = [open(p, encoding="utf-8", errors="replace").read()[:5000] for p in sorted(glob.glob("/work/shared/eval/data/aeb/dev/text/*"))]
orig.decide(texts[0]); new.decide_many(texts[:2])
pt = time.process_time
tot = {"orig decide": 0.0, "new decide (1 page)": 0.0, "new decide_many(32)": 0.0}
for k in range(0, len(texts), 32):
    chunk = texts[k:k+32]
    best = {x: 1e9 for x in tot}
    for r in range(5):
        t = pt(); [orig.decide(x) for x in chunk]; best["orig decide"] = min(best["orig decide"], pt() - t)
        t = pt(); [new.decide(x) for x in chunk]; best["new decide (1 page)"] = min(best["new decide (1 page)"], pt() - t)
        t = pt(); new.decide_many(chunk); best["new decide_many(32)"] = min(best["new decide_many(32)"], pt() - t)
    for x in tot: tot[x] += best[x]
for x, v in tot.items(): print(f"{x:22} {len(texts)/v:6.0f} pages/CPU-s  {1e6*v/len(texts):6.0f} us/page")
