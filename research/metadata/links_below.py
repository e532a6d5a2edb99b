"""Checks ``htmltree.links_below`` and ``metadata.html._section_metas`` against the XPath
expressions they stand for, on every dev HTML page (aeb, trafeval, htmldate), and times both.

    python research/metadata/links_below.py
"""

import glob
import time

from corearchive_plugins.boilerplate.htmltree import (
    AttrIndex,
    guarded_xpaths,
    links_below,
    load_html,
    with_needles,
)
from corearchive_plugins.metadata.html import _HeadScan, _section_metas

EVAL = "/work/shared/eval/data"
files = [f for s in ("aeb", "trafeval", "htmldate") for f in sorted(glob.glob(f"{EVAL}/{s}/dev/html/*"))]
trees = [t for t in (load_html(open(f, "rb").read().decode("utf-8", "replace")) for f in files) if t is not None]
index = [AttrIndex(t) for t in trees]
section = './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
with guarded_xpaths():
    exprs = [x for name in ("CATEGORIES_XPATHS", "TAGS_XPATHS") for x in with_needles(name)]
    differ = sum(
        x(t) != links_below(x, t) for t, i in zip(trees, index) for x, needles in exprs if i.may_match(needles)
    )
    differ_meta = sum(t.xpath(section) != _section_metas(_HeadScan(t)) for t in trees)
    print(f"{len(trees)} pages: links_below differs on {differ} runs, _section_metas on {differ_meta} pages")
    for _ in range(2):
        cpu = [0.0, 0.0]
        for t, i in zip(trees, index):
            for x, needles in exprs:
                if i.may_match(needles):
                    t0 = time.process_time()
                    x(t)
                    t1 = time.process_time()
                    links_below(x, t)
                    cpu[0] += t1 - t0
                    cpu[1] += time.process_time() - t1
        t0 = time.process_time()
        for t in trees:
            t.xpath(section)
        t1 = time.process_time()
        for t in trees:
            _section_metas(_HeadScan(t))
        t2 = time.process_time()
    n = len(trees)
    print(f"category/tag expressions: {cpu[0] / n * 1e3:.3f} -> {cpu[1] / n * 1e3:.3f} ms/page")
    print(f"section metas: {(t1 - t0) / n * 1e3:.3f} -> {(t2 - t1) / n * 1e3:.3f} ms/page")
