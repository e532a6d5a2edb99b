"""One cold pass of a stage as the breakdown runs it (fresh process): python cold.py base|new stage [passes]"""
import dataclasses, pickle, sys, time
from pathlib import Path
sys.path.insert(0, "/work/scratch/bfast")
which, name = sys.argv[1], sys.argv[2]
passes = int(sys.argv[3]) if len(sys.argv) > 3 else 1
import importlib
pkg = "base_plugins" if which == "base" else "corearchive_plugins"
mod = importlib.import_module(f"{pkg}.{name}")
from corearchive.stage import StageContext
from corearchive.testing import RecordingReporter
from corearchive.config import resolve
from corearchive.manager import collect, make_plugin_manager
pm = make_plugin_manager(); registry = collect(pm); config = resolve(registry, config_path=None)
ctx = StageContext(run_id="x", out=Path("/tmp"), catalog=None, reporter=RecordingReporter())
src = registry.sources["jsonl"]()
from corearchive.inputs import expand
raw = []
for item in expand(["/tmp/corebench/corpus-2000"]):
    raw.extend(src.read(item))
if name == "language":
    texts = pickle.load(open("/work/scratch/bfast/ltexts2000.pkl", "rb"))
else:
    texts = [d.text for d in raw]
cls = getattr(mod, {"boilerplate": "BoilerplateStage", "language": "LanguageStage"}[name])
s = cls(config.stage_options[name], ctx); s.open()
for p in range(passes):
    docs = [dataclasses.replace(raw[0], text=t, content=t, annotations={}, work={}) for t in texts]
    t0 = time.process_time()
    for i in range(0, len(docs), s.batch_size):
        s.process_batch(docs[i:i+s.batch_size])
    print(f"{which} {name} pass {p}: {(time.process_time()-t0)/len(docs)*1e6:.1f} µs/doc", flush=True)
