"""Checks ``htmltree._as_union`` (``.//*[self::a or self::b][P]`` as ``.//a[P]|.//b[P]``)
on every dev HTML page (aeb, trafeval, htmldate): each of trafilatura's XPath lists'
expressions in its guarded form, with and without the union, on the whole page; times both.

    python research/boilerplate/v9_union.py
"""

import glob
import time

import trafilatura.xpaths as tx

from corearchive_plugins.boilerplate.htmltree import _as_union, _xpath_lists, guarded, load_html

EVAL = "/work/shared/eval/data"
files = [f for s in ("aeb", "trafeval", "htmldate") for f in sorted(glob.glob(f"{EVAL}/{s}/dev/html/*"))]
trees = [t for t in (load_html(open(f, "rb").read().decode("utf-8", "replace")) for f in files) if t is not None]
names = {id(v): k for k, v in vars(tx).items() if isinstance(v, list)}
for target, originals, _ in _xpath_lists():
    for k, x in enumerate(originals):
        union = _as_union(x)
        if union is x:
            continue
        before, after = guarded(x), guarded(union)
        differ = sum(before(t) != after(t) for t in trees)
        for _ in range(2):
            t0 = time.process_time()
            for t in trees:
                before(t)
            t1 = time.process_time()
            for t in trees:
                after(t)
            t2 = time.process_time()
        n = len(trees)
        print(
            f"{names[id(target)]}[{k}]: differs on {differ} of {n} pages;"
            f" {(t1 - t0) / n * 1e3:.3f} -> {(t2 - t1) / n * 1e3:.3f} ms/page"
        )
