# v12 (helper bphtml): see REPORT.md, v12.
import os, sys, time
from collections import defaultdict
import corearchive_plugins.boilerplate as bp
import corearchive_plugins.boilerplate.refine as rf
import corearchive_plugins.boilerplate.lines as lm
import corearchive_plugins.metadata.html as mh
from corearchive.options import build_options
from corearchive.testing import make_document
T = defaultdict(float)
def wrap(mod, name):
    f = getattr(mod, name)
    def w(*a, **k):
        t0 = time.process_time()
        try: return f(*a, **k)
        finally: T[name] += time.process_time() - t0
    setattr(mod, name, w)
wrap(rf, "refine"); wrap(lm, "decide_many"); wrap(mh, "tree_to_text")
d = sys.argv[1]
pages = [open(f"{d}/{n}", encoding="utf-8", errors="replace").read() for n in sorted(os.listdir(d))]
st = bp.BoilerplateStage(build_options(bp.BoilerplateOptions, {}, stage="boilerplate", origin="x"), None)
st.process_batch([make_document(p, html=True, path="p.html") for p in pages[:64]]); T.clear()
t0 = time.process_time()
for k in range(0, len(pages), 64):
    st.process_batch([make_document(p, html=True, path="p.html") for p in pages[k:k+64]])
print(f"total {(time.process_time()-t0)/len(pages)*1e3:.2f}", {k: f"{v/len(pages)*1e3:.2f}" for k, v in T.items()})
