# v12 (helper bphtml): see REPORT.md, v12.
"""Cache candidate extractions of every aeb/trafeval dev HTML page."""
import json, os, pickle, sys, time
from corearchive_plugins.boilerplate import _extract, BoilerplateStage, BoilerplateOptions
from corearchive_plugins.boilerplate.htmltree import load_html, AttrIndex, guarded_xpaths, page_xpaths
from corearchive_plugins.metadata.html import tree_to_text
from corearchive.options import build_options
from corearchive.testing import make_document
from corearchive import Drop
E = "/work/shared/eval/data"
stage = BoilerplateStage(build_options(BoilerplateOptions, {}, stage="boilerplate", origin="x"), None)
out = {}
t0 = time.process_time()
for s in ("aeb", "trafeval"):
    d = f"{E}/{s}/dev/html"
    for name in sorted(os.listdir(d)):
        html = open(f"{d}/{name}", encoding="utf-8", errors="replace").read()
        r = stage.process(make_document(html, html=True, path="page.html"))
        c = {"cur": "" if isinstance(r, Drop) else r.text,
             "method": "drop" if isinstance(r, Drop) else r.annotations["boilerplate"]["method"]}
        tree = load_html(html)
        if tree is not None:
            with guarded_xpaths():
                idx = AttrIndex(tree)
                with page_xpaths(idx):
                    c["prec"] = _extract(tree, "precision", False, fast=True)[0]
                    c["precfull"] = _extract(tree, "precision", False, fast=False)[0]
                    c["default"] = _extract(tree, "default", False)[0]
                    c["deffast"] = _extract(tree, "default", False, fast=True)[0]
                    c["recall"] = _extract(tree, "recall", False)[0]
            c["visible"] = tree_to_text(tree)
        t = open(f"{E}/{s}/dev/text/{name.rsplit('.',1)[0]}.txt", encoding="utf-8", errors="replace").read() if os.path.exists(f"{E}/{s}/dev/text/{name.rsplit('.',1)[0]}.txt") else None
        c["evaltext"] = t
        out[f"{s}/{name}"] = c
print(len(out), time.process_time() - t0)
pickle.dump(out, open("/work/scratch/s22/bphtml/cache.pkl", "wb"))
