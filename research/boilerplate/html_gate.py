#!/usr/bin/env python3
"""The default-mode fallback's gate: when can precision mode's short output skip it?

For every aeb and trafeval dev page where precision mode keeps under 200 words: precision's
words, the default mode's words, and the words of the page's visible text (the metadata
stage's ``tree_to_text``); prints the pages where the fallback is taken (precision under a
fifth of default), where the default mode exceeds the visible text (text hidden in
attributes or scripts), and for each gate (run the default mode when precision < share x
page words, or the page has under N words) the number of default calls and fallbacks kept.

    python research/boilerplate/html_gate.py
"""

from __future__ import annotations

import glob

from corearchive_plugins.boilerplate import _extract, _n_words
from corearchive_plugins.boilerplate.htmltree import load_html
from corearchive_plugins.metadata.html import tree_to_text

EVAL = "/work/shared/eval/data"

files = sorted(glob.glob(f"{EVAL}/aeb/dev/html/*")) + sorted(glob.glob(f"{EVAL}/trafeval/dev/html/*"))
rows = []
for f in files:
    tree = load_html(open(f, "rb").read().decode("utf-8", "replace"))
    if tree is None:
        continue
    n_prec = _n_words(_extract(tree, "precision", False)[0])
    if n_prec >= 200:
        continue
    n_default = _n_words(_extract(tree, "default", False)[0])
    rows.append((f.rsplit("/", 1)[-1], n_prec, n_default, _n_words(tree_to_text(tree))))
fire = [r for r in rows if r[1] < 0.2 * r[2]]
print(f"{len(files)} pages, {len(rows)} under 200 words; fallback taken on {len(fire)}: {fire}")
print("default words > visible words:", [r for r in rows if r[2] > r[3]])
for share in (0.2, 0.25, 0.3):
    for floor in (0, 150, 300, 500):
        gated = [r for r in rows if r[1] < share * r[3] or r[3] < floor]
        kept = sum(1 for r in fire if r in gated)
        print(f"share {share}, floor {floor}: {len(gated)} default calls, {kept}/{len(fire)} kept")
