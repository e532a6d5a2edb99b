#!/usr/bin/env python3
"""The metadata stage's shortcuts for trafilatura's author / category / tag expressions
(``plugins/boilerplate/htmltree.py``: the attribute index, its candidates, the one-element
forms; ``page_xpaths``' lists of the extraction)
against the expressions themselves, on every dev HTML page.

    python research/metadata/lean_xpaths.py [--limit N]

For each page and expression: an expression the index rules out matches nothing on the
page; for the author and author-discard expressions, the index's candidates that pass the
one-element form are exactly the expression's matches, in order. Prints the mismatches.
"""

from __future__ import annotations

import argparse

import trafilatura.xpaths as tx

from corearchive_plugins.boilerplate import htmltree as ht

from dev_pages import dev_trees

ap = argparse.ArgumentParser()
ap.add_argument("--limit", type=int, default=0)
args = ap.parse_args()
bad = n = ruled_out = checked = 0
for f, tree in dev_trees(args.limit):
    n += 1
    index = ht.AttrIndex(tree)
    for name in ("AUTHOR_XPATHS", "CATEGORIES_XPATHS", "TAGS_XPATHS", *ht.PAGE_LISTS):
        for x in getattr(tx, name):
            needles = ht.NEEDLES.get(ht.normal_path(x.path))
            want = x(tree)
            if not index.may_match(needles):
                ruled_out += 1
                if want:
                    bad += 1
                    print("RULED OUT BUT MATCHES", f, name, len(want))
            elif name == "AUTHOR_XPATHS" and needles:
                checked += 1
                here = ht.local_forms(x.path)[0]
                got = [e for e in index.candidates(needles) if here(e)]
                if got != want:
                    bad += 1
                    print("CANDIDATES DIFFER", f, name, len(got), len(want))
print(f"{n} pages: {ruled_out} expression runs ruled out, {checked} author runs by candidates, "
      f"{bad} mismatches")
