import glob, sys, time, re
import trafilatura
from lxml import etree
from corearchive.options import build_options
from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage
KW = {"include_comments": False, "include_tables": True, "deduplicate": False}
W = re.compile(r"\w+")
def old(html):
    text = trafilatura.extract(html, favor_precision=True, **KW) or ""
    n = len(W.findall(text))
    if n < 300:
        d = trafilatura.extract(html, **KW) or ""
        if n < 0.2 * len(W.findall(d)): text = d
    if not text.strip(): text = trafilatura.extract(html, favor_recall=True) or ""
    return text
meta = sys.argv[1] == "1"
st = BoilerplateStage(build_options(BoilerplateOptions, {"html_metadata": meta}, stage="boilerplate", origin="x"), None)
files = sorted(glob.glob("/work/shared/eval/data/*/dev/html/*"))
files = [f for f in files if "/htmldate/" not in f][:: int(sys.argv[2])]
same = 0; tn = to = 0
for f in files:
    h = open(f, encoding="utf-8", errors="replace").read()
    t = time.process_time(); a = old(h); to += time.process_time() - t
    doc = make_document(h, html=True, path="a.html")
    t = time.process_time(); r = st.process(doc); tn += time.process_time() - t
    b = r.text if hasattr(r, "text") else ""
    if r.__class__.__name__ != "Drop":
        tree = doc.work["html_tree"]
        assert tree is not None
        if meta: assert "trafilatura_meta" in doc.work
    same += a.strip() == b.strip()
    if a.strip() != b.strip(): print("DIFF", f, len(a), len(b))
print(f"{same}/{len(files)} same; old {len(files)/to:.1f} pages/CPU-s, new {len(files)/tn:.1f}")
