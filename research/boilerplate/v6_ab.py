"""Same-process A/B: base lines.py (/work/scratch/bpx/lines_base.py) vs worktree, decide_many
over the generated corpus in batches of 32 (optionally part = raw|ctx|all), min of rounds."""
import json, sys, time, importlib.util
from pathlib import Path
import numpy as np
spec = importlib.util.spec_from_file_location("lines_base", "/work/scratch/bpx/lines_base.py")
base = importlib.util.module_from_spec(spec); spec.loader.exec_module(base)
base.MODEL_PATH = "/work/scratch/bpx/lines_model.json"
from corearchive_plugins.boilerplate import lines as new
which = sys.argv[1] if len(sys.argv) > 1 else "gen"
docs = []
if which == "aeb":
    docs = [p.read_text("utf-8", errors="replace")[:5000] for p in sorted(Path("/work/shared/eval/data/aeb/dev/text").glob("*"))] * 4
else:
    for p in sorted(Path("/tmp/corebench/corpus-2000").glob("*.jsonl")):
        for ln in p.open():
            docs.append(json.loads(ln)["text"])
    docs = docs[:1000]
batches = [docs[k:k+32] for k in range(0, len(docs), 32)]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
for mod in (base, new):
    mod.load_model()
    for b in batches[:3]: mod.decide_many(b)
def run(mod, part, b, m):
    if part == "all":
        mod.decide_many(b)
    else:
        mod._raw_features_many([mod._split(x) for x in b], m["lex"])
for part in sys.argv[3].split(",") if len(sys.argv) > 3 else ("raw", "all"):
    res = {"base": [], "new": []}
    mb, mn = base.load_model(), new.load_model()
    for r in range(rounds):
        tot = {"base": 0.0, "new": 0.0}
        for i, b in enumerate(batches):
            order = (("base", base, mb), ("new", new, mn)) if (i + r) % 2 == 0 else (("new", new, mn), ("base", base, mb))
            for name, mod, m in order:
                t = time.process_time(); run(mod, part, b, m); tot[name] += time.process_time() - t
        for k in tot: res[k].append(tot[k])
    b, n = min(res["base"]), min(res["new"])
    rat = sorted(x / y for x, y in zip(res["new"], res["base"]))
    print(f"{which} {part}: base {b/len(docs)*1e6:.0f} µs/doc, new {n/len(docs)*1e6:.0f} µs/doc, ratio of mins {n/b:.3f}, median ratio {rat[len(rat)//2]:.3f}")
# equality spot check
nd = 0
for b in batches:
    for x, y in zip(base.decide_many(b), new.decide_many(b)):
        if not (np.array_equal(x.keep, y.keep) and np.array_equal(x.score, y.score) and x.reasons() == y.reasons()):
            nd += 1
print("diffs", nd)
