"""Cache trafilatura outputs (several configs) on the aeb/trafeval dev HTML, for offline combos."""
import json, os, sys, time, pickle
import trafilatura
E = "/work/shared/eval/data"
out = {}
cfgs = {
    "prec": dict(include_comments=False, include_tables=True, favor_precision=True, deduplicate=False),
    "default": dict(include_comments=False, include_tables=True, deduplicate=False),
}
t0 = time.process_time()
for s in ("aeb", "trafeval"):
    truth = json.load(open(f"{E}/{s}/dev/truth.json"))
    for name in sorted(truth):
        fn = f"{E}/{s}/dev/html/{name}"
        if not os.path.exists(fn):
            continue
        html = open(fn, encoding="utf-8", errors="replace").read()
        out[f"{s}/{name}"] = {k: trafilatura.extract(html, **c) or "" for k, c in cfgs.items()}
print(len(out), time.process_time() - t0)
pickle.dump(out, open("/work/scratch/bp/html_cache.pkl", "wb"))
