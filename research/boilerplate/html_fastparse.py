#!/usr/bin/env python3
"""Check that plugins/boilerplate/htmltree.py changes nothing (the C-lookup parser and the
guarded XPath expressions), and time it.

For every dev HTML page (aeb, trafeval, htmldate): the tree serialised, trafilatura's text
in precision (fast and not), default and recall modes with its metadata, and htmldate's
answer, from ``trafilatura.utils.load_html`` with trafilatura's expressions and from
``htmltree.load_html`` inside ``guarded_xpaths()``; prints the pages that differ and the
CPU per page of each (parse + fast precision extraction with metadata).

    python research/boilerplate/html_fastparse.py [--limit N]
"""

from __future__ import annotations

import argparse
import glob
import sys
import time

from lxml import etree
from trafilatura.utils import load_html as stock_load

from corearchive_plugins.boilerplate import _extract
from contextlib import nullcontext

from corearchive_plugins.boilerplate.htmltree import guarded_xpaths
from corearchive_plugins.boilerplate.htmltree import load_html as fast_load
from corearchive_plugins.metadata.html import htmldate_date

EVAL = "/work/shared/eval/data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    files = []
    for s in ("aeb", "trafeval", "htmldate"):
        files += sorted(glob.glob(f"{EVAL}/{s}/dev/html/*"))
    if args.limit:
        files = files[: args.limit]
    diff = 0
    cpu = {"stock": 0.0, "fast": 0.0}
    for i, f in enumerate(files):
        html = open(f, "rb").read().decode("utf-8", "replace")
        got = {}
        for name, load in (("stock", stock_load), ("fast", fast_load)):
            with guarded_xpaths() if name == "fast" else nullcontext():
                t = time.process_time()
                tree = load(html)
                out: list[object] = [None if tree is None else etree.tostring(tree)]
                if tree is not None:
                    out.append(_extract(tree, "precision", True, fast=True))
                cpu[name] += time.process_time() - t
                if tree is not None:
                    out.append(_extract(tree, "precision", False))
                    out += [_extract(tree, "default", False), _extract(tree, "recall", False)]
                    out.append(htmldate_date(tree, None, True))
            got[name] = out
        if got["stock"] != got["fast"]:
            diff += 1
            print("DIFF", f, [a == b for a, b in zip(got["stock"], got["fast"])], flush=True)
        if i % 200 == 0:
            print(i, "pages", file=sys.stderr, flush=True)
    n = len(files)
    print(f"{n} pages, {diff} differ; parse + fast precision extraction with metadata, ms CPU/page: "
          f"stock {1000 * cpu['stock'] / n:.2f}, fast {1000 * cpu['fast'] / n:.2f}")


if __name__ == "__main__":
    main()
