# Copied from /work/scratch/html2/ (session html2).
"""Dump the HTML path's outputs (boilerplate + metadata stages) on every dev HTML page.

    python dump.py OUT.pkl [--limit N]
    python dump.py --compare A.pkl B.pkl
"""
import pickle, sys, tempfile, time
from pathlib import Path

if sys.argv[1] == "--compare":
    a = pickle.load(open(sys.argv[2], "rb")); b = pickle.load(open(sys.argv[3], "rb"))
    assert a.keys() == b.keys(), (len(a), len(b))
    nd = 0
    for k in a:
        if a[k] != b[k]:
            nd += 1
            da, db = a[k], b[k]
            print("DIFF", k, [f for f in da if da[f] != db.get(f)])
    print(f"{len(a)} pages, {nd} differ")
    sys.exit(0)

from corearchive.catalog import Catalog
from corearchive.config import resolve
from corearchive.inputs import Unresolved, expand
from corearchive.manager import collect, make_plugin_manager
from corearchive.stage import StageContext
from corearchive.testing import RecordingReporter

out_path = sys.argv[1]
limit = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--limit" else 0
pm = make_plugin_manager(); registry = collect(pm); config = resolve(registry, config_path=None)
source = registry.sources["html"]()
paths = [p for s in ("aeb", "trafeval", "htmldate") for p in sorted(Path(f"/work/shared/eval/data/{s}/dev/html").glob("*"))]
if limit:
    paths = paths[:limit]
res = {}
with tempfile.TemporaryDirectory() as tmp:
    out = Path(tmp); catalog = Catalog(out / "index.sqlite"); catalog.start_run("x", out)
    ctx = StageContext(run_id="x", out=out, catalog=catalog, reporter=RecordingReporter())
    stages = []
    for name in ("boilerplate", "metadata"):
        st = registry.stages[name](config.stage_options[name], ctx); st.open(); stages.append(st)
    cpu = 0.0
    for i in range(0, len(paths), 64):
        docs = []
        for item in expand([str(p) for p in paths[i:i + 64]]):
            if isinstance(item, Unresolved): continue
            docs += list(source.read(item))
        t = time.process_time()
        for st in stages:
            docs = list(st.run(docs))
        cpu += time.process_time() - t
        for d in docs:
            if not hasattr(d, "source"):
                continue
            tm = d.work.get("trafilatura_meta")
            res[d.source.path] = {
                "text": d.text, "title": d.title, "authors": d.authors, "site_name": d.site_name,
                "published": d.published, "tags": d.tags, "tmeta": tm,
                "ann": {k: d.annotations.get(k) for k in ("boilerplate", "metadata")},
                "html_text": d.work.get("html_text"),
            }
print(f"{len(res)} docs, {cpu / len(res) * 1e3:.2f} ms CPU/page")
pickle.dump(res, open(out_path, "wb"))
