import glob, time
from trafilatura.utils import load_html
from trafilatura.core import bare_extraction
from trafilatura.settings import Extractor, set_date_params
files = sorted(glob.glob("/work/shared/eval/data/aeb/dev/html/*"))[::2] + sorted(glob.glob("/work/shared/eval/data/trafeval/dev/html/*"))[::8]
trees = [load_html(open(f, encoding="utf-8", errors="replace").read()) for f in files]
def mk(meta, ext=True):
    return Extractor(output_format="txt", precision=True, comments=False, tables=True, dedup=False, with_metadata=meta, date_params=set_date_params(ext) if meta else None)
for name, o in (("none", mk(False)), ("meta extensive", mk(True, True)), ("meta fast-date", mk(True, False)), ("none", mk(False))):
    bare_extraction(trees[0], options=o)
    t = time.process_time(); ds = [bare_extraction(x, options=o) for x in trees]; dt = time.process_time() - t
    print(f"{name:16} {len(trees)/dt:6.1f} pages/CPU-s", sum(1 for d in ds if d is not None and d.date), "dates")
print("--- alternating, best of 3")
best = {}
cfg = (("none", mk(False)), ("meta extensive", mk(True, True)), ("meta fast-date", mk(True, False)))
for r in range(3):
    for name, o in cfg:
        t = time.process_time(); [bare_extraction(x, options=o) for x in trees]; dt = time.process_time() - t
        best[name] = max(best.get(name, 0), len(trees) / dt)
print({k: round(v, 1) for k, v in best.items()})
