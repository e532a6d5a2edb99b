"""Same-process interleaved A/B of the boilerplate (text) and language stages.

  python ab.py [ROUNDS] [stage...]   A = /work/scratch/bfast/base_plugins, B = worktree
Boilerplate: corpus-2000 texts, batches of 64 through BoilerplateStage.process_batch.
Language: the texts language sees (from base.pkl), batches as the stage's batch_size.
Min over rounds of each batch's CPU, summed, per doc."""
import dataclasses, json, pickle, sys, time
from pathlib import Path
sys.path.insert(0, "/work/scratch/bfast")
import base_plugins.boilerplate as bpA, base_plugins.language as lgA
import corearchive_plugins.boilerplate as bpB, corearchive_plugins.language as lgB
from corearchive.document import Document
from corearchive.stage import StageContext
from corearchive.testing import RecordingReporter
from corearchive.config import resolve
from corearchive.manager import collect, make_plugin_manager
pm = make_plugin_manager(); registry = collect(pm); config = resolve(registry, config_path=None)
ctx = StageContext(run_id="x", out=Path("/tmp"), catalog=None, reporter=RecordingReporter())
R = int(sys.argv[1]) if len(sys.argv) > 1 else 3
which = sys.argv[2:] or ["boilerplate", "language"]
src = registry.sources["jsonl"]()
from corearchive.inputs import expand
raw = []
for item in expand(["/tmp/corebench/corpus-2000"]):
    raw.extend(src.read(item))
ltexts = pickle.load(open("/work/scratch/bfast/ltexts2000.pkl", "rb"))
def mk(name, mod):
    s = getattr(mod, {"boilerplate": "BoilerplateStage", "language": "LanguageStage"}[name])(config.stage_options[name], ctx)
    s.open(); return s
for name in which:
    st = {"A": mk(name, bpA if name == "boilerplate" else lgA), "B": mk(name, bpB if name == "boilerplate" else lgB)}
    texts = [d.text for d in raw] if name == "boilerplate" else ltexts
    bs = st["A"].batch_size
    batches = [texts[k:k+bs] for k in range(0, len(texts), bs)]
    best = {k: [1e9] * len(batches) for k in st}
    proto = raw[0]
    def run(k, b):
        docs = [dataclasses.replace(proto, text=t, content=t, annotations={}, work={}) for t in b]
        t0 = time.process_time(); st[k].process_batch(docs); return time.process_time() - t0
    for k in st: run(k, batches[0])
    for r in range(R):
        # a memo (language's CLD2 answers) starts empty each round: each round is one pass
        # over the stream, as the breakdown runs it
        getattr(lgB.detector, "_CLD2_MEMO", {}).clear()
        for i, b in enumerate(batches):
            for k in (("A", "B") if (i + r) % 2 else ("B", "A")):
                best[k][i] = min(best[k][i], run(k, b))
    ua, ub = (sum(best[k]) / len(texts) * 1e6 for k in "AB")
    print(f"{name}: {len(texts)} docs: A {ua:.1f} µs/doc, B {ub:.1f} µs/doc, B/A {ub/ua:.3f}", flush=True)
