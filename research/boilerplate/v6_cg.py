"""Run decide_many over N batches of the generated corpus with module base|new (for cachegrind):
everything before the batches is the same for both, so the difference in counts between
N=k and N=0 is the batches' cost."""
import json, sys, importlib.util
from pathlib import Path
import numpy as np
which, N = sys.argv[1], int(sys.argv[2])
if which == "base":
    spec = importlib.util.spec_from_file_location("lines_base", "/work/scratch/bpx/lines_base.py")
    L = importlib.util.module_from_spec(spec); spec.loader.exec_module(L)
else:
    from corearchive_plugins.boilerplate import lines as L
docs = []
for p in sorted(Path("/tmp/corebench/corpus-2000").glob("*.jsonl"))[:2]:
    for ln in p.open():
        docs.append(json.loads(ln)["text"])
L.decide_many(docs[:32])
for k in range(1, N + 1):
    L.decide_many(docs[32 * k: 32 * k + 32])
