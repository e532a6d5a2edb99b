"""Same-moment A/B: decide_many of the session-start lines.py vs the worktree's, interleaved
per batch of 32; min over rounds of the per-batch CPU time, summed. Corpus or aeb 5 KB cuts."""
import json, sys, time, importlib.util
from pathlib import Path
import numpy as np
import os
spec = importlib.util.spec_from_file_location("lines_orig", os.environ.get("ORIG", "/work/scratch/bp4/lines_orig.py"))
orig = importlib.util.module_from_spec(spec); spec.loader.exec_module(orig)
from corearchive_plugins.boilerplate import lines as new
if "aeb" in sys.argv:
    docs = [p.read_text("utf-8", errors="replace")[:5000] for p in sorted(Path("/work/shared/eval/data/aeb/dev/text").glob("*"))]
else:
    docs = []
    for p in sorted(Path("/work/scratch/bp4/corpus-2000").glob("*.jsonl"))[:3]:
        for ln in p.open():
            docs.append(json.loads(ln)["text"])
batches = [docs[k:k+32] for k in range(0, len(docs), 32)]
orig.decide_many(batches[0]); new.decide_many(batches[0])
R = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 5
best = {"orig": [1e9] * len(batches), "new": [1e9] * len(batches)}
for r in range(R):
    for i, b in enumerate(batches):
        for name, mod in (("orig", orig), ("new", new)) if (i + r) % 2 else (("new", new), ("orig", orig)):
            t0 = time.process_time(); mod.decide_many(b); t = time.process_time() - t0
            best[name][i] = min(best[name][i], t)
o, nn = sum(best["orig"]) / len(docs) * 1e6, sum(best["new"]) / len(docs) * 1e6
print(f"{len(docs)} docs: orig {o:.0f} µs/doc, new {nn:.0f} µs/doc, ratio {o/nn:.2f}")
