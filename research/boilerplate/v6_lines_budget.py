import json, time, sys
from pathlib import Path
from corearchive_plugins.boilerplate import lines as L
gen = []
for p in sorted(Path("/tmp/corebench/corpus-2000").glob("*.jsonl")):
    for ln in p.open(): gen.append(json.loads(ln)["text"])
gen = gen[:1024]
aeb = [p.read_text("utf-8", errors="replace")[:5000] for p in sorted(Path("/work/shared/eval/data/aeb/dev/text").glob("*"))] * 6
def groups(texts, maxdocs, budget):
    g, nl = [], 0
    for t in texts:
        k = t.count("\n") + 1
        if g and (len(g) >= maxdocs or nl + k > budget):
            yield g; g, nl = [], 0
        g.append(t); nl += k
    if g: yield g
cfgs = [(32, 10**9), (64, 10**9), (96, 10**9), (128, 10**9)]
for name, texts in (("gen", gen), ("aeb", aeb)):
    res = {c: [] for c in cfgs}
    for r in range(6):
        for c in (cfgs if r % 2 == 0 else cfgs[::-1]):
            t0 = time.process_time()
            for g in groups(texts, *c): L.decide_many(g)
            res[c].append((time.process_time() - t0) / len(texts) * 1e6)
    print(name, "  ".join(f"{c[0]}/{c[1] if c[1] < 10**9 else '-'}: {min(v):.0f}" for c, v in res.items()), flush=True)
