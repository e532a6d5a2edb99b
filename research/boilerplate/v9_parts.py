"""Per-part A/B (same process, interleaved, min over rounds): base vs worktree lines.py.
  python parts.py [ROUNDS] [aeb]"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, "/work/scratch/bfast")
import numpy as np
from base_plugins.boilerplate import lines as A
from corearchive_plugins.boilerplate import lines as B
R = int(sys.argv[1]) if len(sys.argv) > 1 else 3
if "aeb" in sys.argv:
    docs = [p.read_text("utf-8", errors="replace")[:5000] for p in sorted(Path("/work/shared/eval/data/aeb/dev/text").glob("*"))]
else:
    docs = [json.loads(ln)["text"] for p in sorted(Path("/tmp/corebench/corpus-2000").glob("*.jsonl")) for ln in p.open()]
batches = [docs[k:k + 64] for k in range(0, len(docs), 64)]
mods = {"A": A, "B": B}
for M in mods.values(): M.load_model()
def parts(M, b):
    m = M.load_model(); t = {}
    c = time.process_time
    t0 = c(); sp = [M._split(x) for x in b]; t["split"] = c() - t0
    t0 = c(); idxs, Rm, lh, rb, S, first = M._raw_features_many(sp, m["lex"]); t["raw"] = c() - t0
    t0 = c(); X = M._line_features_rows(Rm, lh, rb, first); t["linef"] = c() - t0
    t0 = c(); p1 = M._predict_rows(m["stages"][0], X); t["tree1"] = c() - t0
    t0 = c(); M.decide_many(b); t["total"] = c() - t0
    return t
best = {k: {} for k in mods}
for r in range(R):
    for i, b in enumerate(batches):
        for k in (("A", "B") if (i + r) % 2 else ("B", "A")):
            for part, v in parts(mods[k], b).items():
                cur = best[k].setdefault(part, [1e9] * len(batches))
                cur[i] = min(cur[i], v)
for part in best["A"]:
    ua, ub = (sum(best[k][part]) / len(docs) * 1e6 for k in "AB")
    print(f"{part:6s} A {ua:6.1f} B {ub:6.1f} µs/doc  B/A {ub/ua:.3f}")
