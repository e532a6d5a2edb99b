"""Checks ``page_xpaths``' cookie-banner shortcut of trafilatura's ``BASIC_CLEAN_XPATH`` on
every dev HTML page (aeb, trafeval, htmldate): the nodes the expression finds, and
``html2txt`` and jusText's output, as trafilatura has them and inside ``guarded_xpaths()`` +
``page_xpaths(AttrIndex(page))``; times the expression both ways.

    python research/boilerplate/v9_cookie.py
"""

import copy
import glob
import time

import importlib

tb = importlib.import_module("trafilatura.baseline")
from trafilatura.baseline import html2txt
from trafilatura.external import justext_rescue

from corearchive_plugins.boilerplate import _extractor
from corearchive_plugins.boilerplate.htmltree import AttrIndex, guarded_xpaths, load_html, page_xpaths

EVAL = "/work/shared/eval/data"
files = [f for s in ("aeb", "trafeval", "htmldate") for f in sorted(glob.glob(f"{EVAL}/{s}/dev/html/*"))]
trees = [t for t in (load_html(open(f, "rb").read().decode("utf-8", "replace")) for f in files) if t is not None]
index = [AttrIndex(t) for t in trees]
options = _extractor("default", False)
differ = skipped = 0
cpu = [0.0, 0.0]
for t, i in zip(trees, index):
    original = tb.BASIC_CLEAN_XPATH
    nodes, text = original(t), html2txt(t)
    jt = justext_rescue(copy.deepcopy(t), options)[1]
    t0 = time.process_time()
    original(t)
    cpu[0] += time.process_time() - t0
    with guarded_xpaths(), page_xpaths(i):
        differ += nodes != tb.BASIC_CLEAN_XPATH(t) or text != html2txt(t)
        skipped += "cookie" not in tb.BASIC_CLEAN_XPATH.chosen.path
        differ += jt != justext_rescue(copy.deepcopy(t), options)[1]
        t0 = time.process_time()
        tb.BASIC_CLEAN_XPATH(t)
        cpu[1] += time.process_time() - t0
n = len(trees)
print(f"{n} pages, cookie part left out on {skipped}; nodes, html2txt or jusText differ on {differ}")
print(f"BASIC_CLEAN_XPATH: {cpu[0] / n * 1e3:.3f} -> {cpu[1] / n * 1e3:.3f} ms/page")
