import sys, time, glob
import trafilatura
from trafilatura.core import bare_extraction
from trafilatura.settings import Extractor
from trafilatura.utils import load_html, normalize_unicode
from trafilatura.xml import xmltotxt
from copy import deepcopy
files = sorted(glob.glob("/work/shared/eval/data/aeb/dev/html/*"))[:60] + sorted(glob.glob("/work/shared/eval/data/trafeval/dev/html/*"))[:90]
pages = [open(f, encoding="utf-8", errors="replace").read() for f in files]
KW = dict(include_comments=False, include_tables=True, deduplicate=False)
def run(name, fn):
    t = time.process_time(); out = [fn(p) for p in pages]; dt = time.process_time() - t
    print(f"{name:30} {len(pages)/dt:7.1f} pages/CPU-s  {1000*dt/len(pages):.2f} ms/page", flush=True)
    return out
a = run("extract precision", lambda p: trafilatura.extract(p, favor_precision=True, **KW) or "")
run("extract default", lambda p: trafilatura.extract(p, **KW) or "")
run("load_html", lambda p: load_html(p))
trees = [load_html(p) for p in pages]
t = time.process_time(); [deepcopy(x) for x in trees]; print("deepcopy ms/page", 1000*(time.process_time()-t)/len(pages))
op = Extractor(output_format="python", precision=True, comments=False, tables=True, dedup=False)
opm = Extractor(output_format="python", precision=True, comments=False, tables=True, dedup=False, with_metadata=True)
def bx(p, o):
    tr = load_html(p)
    d = bare_extraction(tr, options=o)
    return normalize_unicode(d.text) if d else ""
b = run("load+bare precision", lambda p: bx(p, op))
c = run("load+bare precision+meta", lambda p: bx(p, opm))
print("same as extract:", sum(x == y for x, y in zip(a, b)), sum(x == y for x, y in zip(a, c)), len(a))
import difflib
for f, x, y in zip(files, a, b):
    if x != y:
        print(f, len(x), len(y), repr(x[:80]), repr(y[:80]))
