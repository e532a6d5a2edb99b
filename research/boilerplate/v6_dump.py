"""Dump the stage's output (text + annotations) for generated docs, eval pages and cuts, with
the plugin tree given in argv[1], batches of the stage's size; options: keep_removed, site_template."""
import sys, json
root, out = sys.argv[1], sys.argv[2]
import corearchive_plugins
corearchive_plugins.__path__[:] = [root + "/plugins"]
from pathlib import Path
from corearchive.testing import make_document
from corearchive.options import build_options
from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage
texts = []
for p in sorted(Path("/tmp/corebench/corpus-2000").glob("*.jsonl"))[:3]:
    for ln in p.open(): texts.append(json.loads(ln)["text"])
for s in ("aeb", "trafeval"):
    for p in sorted(Path(f"/work/shared/eval/data/{s}/dev/text").glob("*"))[:150]:
        t = p.read_text("utf-8", errors="replace"); texts += [t, t[:5000], t[:200]]
texts += ["", "\n\n", "one line only here.", "Home\nNews"]
res = []
for opts in ({}, {"keep_removed": True}):
    stage = BoilerplateStage(build_options(BoilerplateOptions, opts, stage="boilerplate", origin="x"), None)
    docs = [make_document(t) for t in texts]
    outs = []
    for k in range(0, len(docs), 32):
        outs += stage.process_batch(docs[k:k+32])
    for o in outs:
        res.append([o.text, o.annotations.get("boilerplate")] if hasattr(o, "annotations") else ["DROP", o.reason])
json.dump(res, open(out, "w"))
print(len(res))
