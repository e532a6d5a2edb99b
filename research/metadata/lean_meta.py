#!/usr/bin/env python3
"""The stages' trafilatura metadata (``html._extract_metadata``: no license, guarded author
XPaths) against trafilatura's own ``extract_metadata``, on every dev HTML page.

    python research/metadata/lean_meta.py [--limit N]

Prints the pages where any field of ``META_KEYS`` differs, and the CPU per page of each.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from trafilatura.metadata import extract_metadata

from corearchive_plugins.metadata import html as hm

from dev_pages import dev_trees

ap = argparse.ArgumentParser()
ap.add_argument("--limit", type=int, default=0)
args = ap.parse_args()
config = {"original_date": True, "extensive_search": True, "max_date": date.today().isoformat()}
cpu = {"trafilatura": 0.0, "ours": 0.0}
diff = n = 0
for f, tree in dev_trees(args.limit):
    n += 1
    got = {}
    order = [("trafilatura", extract_metadata), ("ours", None)]
    # alternate who goes first: htmldate caches its string parses (try_date_expr)
    for name, fn in order if n % 2 else order[::-1]:
        t = time.process_time()
        with hm.without_dateparser():
            if fn is None:
                md = hm._extract_metadata(tree, None, dict(config))
            else:
                md = fn(tree, default_url=None, date_config=dict(config))
        cpu[name] += time.process_time() - t
        got[name] = {k: getattr(md, k, None) for k in hm.META_KEYS}
    if got["trafilatura"] != got["ours"]:
        diff += 1
        a, b = got["trafilatura"], got["ours"]
        print("DIFF", f, {k: (a[k], b[k]) for k in a if a[k] != b[k]})
print(f"{n} pages, {diff} differ; ms CPU/page: trafilatura {1000 * cpu['trafilatura'] / n:.2f}, "
      f"ours {1000 * cpu['ours'] / n:.2f}")
