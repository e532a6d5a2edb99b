# v12 (helper bphtml): see REPORT.md, v12.
"""In-process A/B: boilerplate + metadata stages on HTML pages, html_refine on vs off,
interleaved per batch of 64, order alternating; CPU (process_time) per page."""
import os, sys, time
import corearchive_plugins.boilerplate as bp
from corearchive_plugins.metadata import MetadataOptions, MetadataStage
from corearchive.options import build_options
from corearchive.testing import make_document
d = sys.argv[1]; reps = int(sys.argv[2]) if len(sys.argv) > 2 else 2
pages = [open(f"{d}/{n}", encoding="utf-8", errors="replace").read() for n in sorted(os.listdir(d))]
meta = MetadataStage(build_options(MetadataOptions, {}, stage="metadata", origin="x"), None)
st = {on: bp.BoilerplateStage(build_options(bp.BoilerplateOptions, {"html_refine": on}, stage="boilerplate", origin="x"), None) for on in (False, True)}
def run(on, chunk):
    docs = [make_document(p, html=True, path="p.html") for p in chunk]
    t0 = time.process_time()
    out = [x for x in st[on].process_batch(docs) if not isinstance(x, Exception) and hasattr(x, "text")]
    t1 = time.process_time()
    meta.process_batch(out) if hasattr(meta, "process_batch") else [meta.process(x) for x in out]
    M[on] += time.process_time() - t1
    return time.process_time() - t0
M = {False: 0.0, True: 0.0}
for on in st: run(on, pages[:64])
T = {False: 0.0, True: 0.0}; M = {False: 0.0, True: 0.0}
for rep in range(reps):
    for k in range(0, len(pages), 64):
        for on in ((False, True) if (k // 64 + rep) % 2 == 0 else (True, False)):
            T[on] += run(on, pages[k:k+64])
n = len(pages) * reps
print(f"off {T[False]/n*1e3:.2f} ms/page, on {T[True]/n*1e3:.2f} ms/page, on/off {T[True]/T[False]:.3f}")
print(f"metadata alone: off {M[False]/n*1e3:.2f}, on {M[True]/n*1e3:.2f} ms/page")
