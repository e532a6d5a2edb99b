"""The dev HTML pages (aeb, trafeval, htmldate), parsed as the stages parse them: shared by
the equivalence scripts of this folder (run them from the repository's root)."""

from __future__ import annotations

import glob
from collections.abc import Iterator
from typing import Any

from corearchive_plugins.metadata import html as hm

EVAL = "/work/shared/eval/data"


def dev_trees(limit: int = 0) -> Iterator[tuple[str, Any]]:
    """``(file, tree)`` of every dev HTML page lxml can parse (the first ``limit`` files
    when given)."""
    files = [
        f for s in ("aeb", "trafeval", "htmldate") for f in sorted(glob.glob(f"{EVAL}/{s}/dev/html/*"))
    ]
    for f in files[:limit] if limit else files:
        with open(f, "rb") as fh:
            tree = hm.parse_html(fh.read().decode("utf-8", "replace"))
        if tree is not None:
            yield f, tree
