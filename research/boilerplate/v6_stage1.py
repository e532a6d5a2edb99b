"""The boilerplate stage as pipeline_bench --breakdown measures it: fresh process, 2000 generated
docs read by the jsonl source, batches of 32, one pass (import and model load included); then
more passes over fresh copies (warm), and decide_many alone."""
import sys, time, copy
sys.path.insert(0, "/work/wt-bp/benchmarks")
from corearchive.config import resolve
from corearchive.manager import collect, make_plugin_manager
from corearchive.inputs import Unresolved, expand
pm = make_plugin_manager(); registry = collect(pm)
config = resolve(registry, config_path=None)
src = registry.sources["jsonl"]()
docs = []
for item in expand(["/tmp/corebench/corpus-2000"]):
    if isinstance(item, Unresolved): continue
    docs += list(src.read(item))
docs = docs[:2000]
pristine = copy.deepcopy(docs)
texts = [d.text for d in docs]
import boilerplate_bench as bb
stage = bb._stage()
out = []
for p in range(3):
    ds = docs if p == 0 else copy.deepcopy(pristine)
    t0 = time.process_time()
    bs = stage.batch_size
    for i in range(0, len(ds), bs):
        stage.process_batch(ds[i:i+bs])
    out.append((time.process_time() - t0) / len(ds) * 1e6)
from corearchive_plugins.boilerplate import lines as L
for rep in range(2):
    t0 = time.process_time()
    for i in range(0, len(texts), stage.batch_size):
        L.decide_many(texts[i:i+stage.batch_size])
    out.append((time.process_time() - t0) / len(texts) * 1e6)
print("stage passes 1-3, decide_many x2 (µs/doc):", " ".join(f"{x:.0f}" for x in out))
if "prof" in sys.argv:
    import cProfile, pstats
    ds = copy.deepcopy(pristine)
    cProfile.run("for i in range(0, len(ds), 32): stage.process_batch(ds[i:i+32])", "/work/scratch/bpx/st.prof")
    pstats.Stats("/work/scratch/bpx/st.prof").sort_stats("tottime").print_stats(20)
