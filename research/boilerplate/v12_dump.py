# v12 (helper bphtml): see REPORT.md, v12.
"""Dump the boilerplate stage's output (text, annotations, work keys) on all dev HTML pages
(aeb, trafeval, htmldate), in batches of 64. usage: dump.py OUT.pkl [options as k=v]"""
import os, pickle, sys
import corearchive_plugins.boilerplate as bp
from corearchive import Drop
from corearchive.options import build_options
from corearchive.testing import make_document
opts = {}
for a in sys.argv[2:]:
    k, v = a.split("="); opts[k] = {"true": True, "false": False}.get(v, v)
st = bp.BoilerplateStage(build_options(bp.BoilerplateOptions, opts, stage="boilerplate", origin="x"), None)
out = {}
for s in ("aeb", "trafeval", "htmldate"):
    d = f"/work/shared/eval/data/{s}/dev/html"
    names = sorted(os.listdir(d))
    for k in range(0, len(names), 64):
        docs = [make_document(open(f"{d}/{n}", encoding="utf-8", errors="replace").read(), html=True, path="p.html") for n in names[k:k+64]]
        res = st.process_batch(docs)
        for n, r in zip(names[k:k+64], res):
            if isinstance(r, Drop): out[f"{s}/{n}"] = ("drop", r.reason)
            elif isinstance(r, Exception): out[f"{s}/{n}"] = ("exc", repr(r))
            else: out[f"{s}/{n}"] = (r.text, r.annotations, r.work.get("trafilatura_meta"))
pickle.dump(out, open(sys.argv[1], "wb"))
print(len(out))
