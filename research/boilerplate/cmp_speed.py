"""Alternate old (1754ae6) and new lines.clean on 5 KB windows; CPU time per doc."""
import glob, sys, time, importlib.util
spec = importlib.util.spec_from_file_location("old_lines", "/work/scratch/bp/old/lines.py")
old = importlib.util.module_from_spec(spec); spec.loader.exec_module(old)
from corearchive_plugins.boilerplate import lines as new
docs = []
for p in sorted(glob.glob("/work/shared/eval/data/*/dev/text/*.txt")):
    t = open(p, encoding="utf-8").read()
    for k in range(0, len(t) - 5000, 5000):
        c = t[k:k + 5000]; docs.append(c[: c.rfind("\n")] if "\n" in c else c)
docs = docs[:800]
sys.path.insert(0, "/work/wt-bp/benchmarks")
import boilerplate_bench as bb
from corearchive.testing import make_document
stage = bb._stage()
def stage_run(d, _docs={}):
    stage.process(make_document(d))
fns = {"old.clean": old.clean, "old.extract": old.extract, "new.extract": new.extract, "new.decide": new.decide, "new.stage+mkdoc": stage_run, "mkdoc": make_document}
for f in fns.values(): f(docs[0])
res = {k: [] for k in fns}
for rep in range(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
    for k, f in fns.items():
        t0 = time.process_time()
        for d in docs: f(d)
        res[k].append(1000 * (time.process_time() - t0) / len(docs))
for k, v in res.items():
    print(f"{k:12s} best {min(v):.3f} ms/doc ({1000/min(v):.0f} docs/s)  all {[round(x,3) for x in v]}")
