# Copied from /work/scratch/html2/ (session html2). Needs the session-start plugins as a package
# "base_plugins" under /work/scratch/html2/abpkg: git archive 04bfe34 plugins, renamed.
"""In-process A/B: base (session start, imported as base_plugins) vs the worktree's plugins,
boilerplate + metadata stages, interleaved per batch of 64 pages (order alternating), CPU time."""
import sys, tempfile, time
sys.path.insert(0, "/work/scratch/html2/abpkg")
from pathlib import Path
from corearchive.catalog import Catalog
from corearchive.config import resolve
from corearchive.inputs import Unresolved, expand
from corearchive.manager import collect, make_plugin_manager
from corearchive.stage import StageContext
from corearchive.testing import RecordingReporter
import base_plugins.boilerplate as bb, base_plugins.metadata as bm
import corearchive_plugins.boilerplate as nb, corearchive_plugins.metadata as nm
pm = make_plugin_manager(); registry = collect(pm); config = resolve(registry, config_path=None)
source = registry.sources["html"]()
step = int(sys.argv[1]) if len(sys.argv) > 1 else 1
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
paths = [p for s in ("aeb", "trafeval", "htmldate") for p in sorted(Path(f"/work/shared/eval/data/{s}/dev/html").glob("*"))][::step]
with tempfile.TemporaryDirectory() as tmp:
    out = Path(tmp); catalog = Catalog(out / "index.sqlite"); catalog.start_run("x", out)
    ctx = StageContext(run_id="x", out=out, catalog=catalog, reporter=RecordingReporter())
    ver = {"base": [bb.BoilerplateStage(config.stage_options["boilerplate"], ctx), bm.MetadataStage(config.stage_options["metadata"], ctx)],
           "new": [nb.BoilerplateStage(config.stage_options["boilerplate"], ctx), nm.MetadataStage(config.stage_options["metadata"], ctx)]}
    for v in ver.values():
        for st in v: st.open()
    batches = [paths[i:i + 64] for i in range(0, len(paths), 64)]
    def load(b):
        docs = []
        for item in expand([str(p) for p in b]):
            if not isinstance(item, Unresolved): docs += list(source.read(item))
        return docs
    for rnd in range(rounds + 1):
        tot = {k: [0.0, 0.0] for k in ver}; n = 0
        for j, b in enumerate(batches):
            order = ["base", "new"] if (j + rnd) % 2 == 0 else ["new", "base"]
            for k in order:
                docs = load(b)
                for i, st in enumerate(ver[k]):
                    t = time.process_time(); docs = list(st.run(docs)); tot[k][i] += time.process_time() - t
            n += len(docs)
        if rnd:
            print(f"round {rnd}: " + "; ".join(f"{k} bp {v[0]/n*1e3:.2f} md {v[1]/n*1e3:.2f} total {sum(v)/n*1e3:.2f}" for k, v in tot.items()) + f" ms/page ({n} pages); new/base {sum(tot['new'])/sum(tot['base']):.3f}", flush=True)
