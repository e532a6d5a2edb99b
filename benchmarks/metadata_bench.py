#!/usr/bin/env python3
"""Metadata quality and speed through the shared scorers, plus the seeds check.

Runs the ``metadata`` stage over ../shared/eval/data/htmldate/dev (HTML and text) through
``date_eval.py`` and over the title truth through ``title_eval.py``; prints accuracy and
pages per second. Usage:

    python benchmarks/metadata_bench.py [--eval ../shared/eval]

``date_text``, ``date_html``, ``title_text`` and ``title_html`` are the scorer entry points.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


@lru_cache(maxsize=1)
def _stage() -> Any:
    from corearchive.options import build_options
    from corearchive_plugins.metadata import MetadataOptions, MetadataStage

    opts = build_options(MetadataOptions, {}, stage="metadata", origin="benchmark")
    return MetadataStage(opts, None)  # type: ignore[arg-type]


def _doc(page: str, html: bool) -> Any:
    from corearchive.testing import make_document

    return _stage().process(make_document(page, html=html, path="p.html" if html else "p"))


def date_text(page: str) -> str | None:
    d = _doc(page, False).published
    return d[:10] if d else None


def date_html(page: str) -> str | None:
    d = _doc(page, True).published
    return d[:10] if d else None


def title_text(page: str) -> str | None:
    return _doc(page, False).title  # type: ignore[no-any-return]


def title_html(page: str) -> str | None:
    return _doc(page, True).title  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    args = ap.parse_args()
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    me = Path(__file__).resolve()
    runs = [
        ("date_eval.py", "text", "date_text"),
        ("date_eval.py", "html", "date_html"),
        ("title_eval.py", "text", "title_text"),
        ("title_eval.py", "html", "title_html"),
    ]
    for scorer, kind, fn in runs:
        out = subprocess.run(
            [sys.executable, str(args.eval / scorer), "--input", kind, "-m", f"{me}:{fn}"],
            capture_output=True,
            text=True,
            env=env,
        )
        lines = [ln for ln in out.stdout.splitlines() if fn in ln or "pooled" in ln.lower()]
        for ln in lines or out.stdout.splitlines()[-3:]:
            print(f"{scorer:13} {kind:5} {' '.join(ln.split())}")
        if out.returncode:
            print(out.stderr[-1500:], file=sys.stderr)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "seeds_check.py")], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
