#!/usr/bin/env python3
"""Boilerplate removal quality and speed, through the shared scorers.

Runs the ``boilerplate`` stage over the dev sets in ../shared/eval (aeb and trafeval, plain
text, the same text hard-wrapped at 80 columns as html2text or ``lynx -dump`` write it, and
HTML) via ``boilerplate_eval.py`` and prints F1, then documents per second per core on ~5 KB
plain-text documents. Usage:

    python benchmarks/boilerplate_bench.py [--eval ../shared/eval] [--sets aeb trafeval]
                                           [--inputs text wrapped html] [--threshold 0.5]
                                           [--markdown DIR]

``--markdown DIR``: also the dev pages as markdown, a data folder as
``research/boilerplate/layouts.py DIR`` writes it (html2text's rendering of each page), read
by the scorer with ``--data DIR`` (rows ``markdown``).

The functions ``extract_text``, ``extract_wrapped`` and ``extract_html`` are what the scorer
calls (``-x benchmarks/boilerplate_bench.py:extract_text``).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


@lru_cache(maxsize=1)
def _stage() -> Any:
    from corearchive.options import build_options
    from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage

    threshold = float(os.environ.get("BOILERPLATE_THRESHOLD", "0.5"))
    opts = build_options(
        BoilerplateOptions, {"threshold": threshold}, stage="boilerplate", origin="benchmark"
    )
    return BoilerplateStage(opts, None)  # type: ignore[arg-type]


def _run(page: str, html: bool) -> str:
    from corearchive import Drop
    from corearchive.testing import make_document

    result = _stage().process(make_document(page, html=html, path="page.html" if html else "p"))
    return "" if isinstance(result, Drop) else result.text


def extract_text(page: str) -> str:
    """Scorer entry point for plain-text input."""
    return _run(page, html=False)


def extract_wrapped(page: str) -> str:
    """Scorer entry point for plain-text input hard-wrapped at 80 columns first (greedy, as
    Python's textwrap, html2text and ``lynx -dump`` wrap)."""
    import textwrap

    lines = page.replace("\r\n", "\n").split("\n")
    return _run("\n".join(p for ln in lines for p in (textwrap.wrap(ln, 80) or [""])), False)


def extract_html(page: str) -> str:
    """Scorer entry point for HTML input."""
    return _run(page, html=True)


def speed(eval_dir: Path, seconds: float = 5.0, batch: int | None = None) -> tuple[float, float]:
    """Documents per CPU-second of the stage on ~5 KB plain-text documents (the aeb text
    renderings cut to 5,000 characters), driven in the stage's batch size as the runner does
    (``batch=1``: one document at a time).  Documents are built before the clock starts, so
    the figure is the stage's own cost (``process_time``: CPU time of this process only,
    which is what a core delivers on a shared machine)."""
    from corearchive.testing import make_document

    texts = []
    for p in sorted((eval_dir / "data" / "aeb" / "dev" / "text").glob("*")):
        t = p.read_text("utf-8", errors="replace")
        texts.append(t[:5000])
    sizes = sum(len(t.encode()) for t in texts) / len(texts)
    stage = _stage()
    size = batch or stage.batch_size
    stage.process(make_document(texts[0]))  # load the model outside the clock
    n, spent = 0, 0.0
    while spent < seconds:
        docs = [make_document(t) for t in texts]
        t0 = time.process_time()
        for k in range(0, len(docs), size):
            stage.process_batch(docs[k : k + size])
        spent += time.process_time() - t0
        n += len(docs)
    return n / spent, sizes


def html_speed(eval_dir: Path, n_pages: int = 120) -> dict[str, float]:
    """Pages per CPU-second on HTML: the stage (with and without trafilatura's metadata kept
    for the metadata stage) against ``trafilatura.extract`` alone (precision mode, as the
    stage's first call; without and with its metadata) on the same pages (every k-th dev
    page of aeb and trafeval)."""
    import trafilatura

    from corearchive.options import build_options
    from corearchive.testing import make_document
    from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage

    paths = sorted((eval_dir / "data" / "aeb" / "dev" / "html").glob("*"))
    paths += sorted((eval_dir / "data" / "trafeval" / "dev" / "html").glob("*"))
    paths = paths[:: max(1, len(paths) // n_pages)]
    pages = [p.read_text("utf-8", errors="replace") for p in paths]
    runs: dict[str, Any] = {
        "trafilatura.extract (precision)": lambda p: trafilatura.extract(
            p, favor_precision=True, include_comments=False, deduplicate=False
        ),
        "trafilatura.extract (precision, with_metadata)": lambda p: trafilatura.extract(
            p, favor_precision=True, include_comments=False, deduplicate=False, with_metadata=True
        ),
    }
    for meta in (False, True):
        opts = build_options(
            BoilerplateOptions, {"html_metadata": meta}, stage="boilerplate", origin="benchmark"
        )
        stage = BoilerplateStage(opts, None)  # type: ignore[arg-type]
        runs[f"stage, html_metadata={meta}"] = lambda p, s=stage: s.process(
            make_document(p, html=True, path="page.html")
        )
    spent = dict.fromkeys(runs, 0.0)
    for fn in runs.values():  # imports, caches, date-parser locales: all outside the clock
        for page in pages:
            fn(page)
    # page by page, each contender in turn: a change of machine load hits all of them alike
    for page in pages:
        for name, fn in runs.items():
            t0 = time.process_time()
            fn(page)
            spent[name] += time.process_time() - t0
    return {name: len(pages) / t for name, t in spent.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--sets", nargs="+", default=["aeb", "trafeval"])
    ap.add_argument("--inputs", nargs="+", default=["text", "wrapped", "html"])
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument(
        "--markdown",
        type=Path,
        metavar="DIR",
        help="also score the markdown renderings in DIR (research/boilerplate/layouts.py DIR)",
    )
    args = ap.parse_args()
    env = dict(os.environ, BOILERPLATE_THRESHOLD=str(args.threshold))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    print(f"boilerplate stage, threshold {args.threshold}")
    runs: list[tuple[str, str, list[str]]] = [(kind, kind, []) for kind in args.inputs]
    if args.markdown is not None:
        runs.append(("markdown", "text", ["--data", str(args.markdown)]))
    for input_kind, fn_kind, data in runs:
        for set_name in args.sets:
            fn = f"extract_{fn_kind}"
            out = subprocess.run(
                [
                    sys.executable,
                    str(args.eval / "boilerplate_eval.py"),
                    *data,
                    "--set",
                    set_name,
                    "--input",
                    "html" if input_kind == "html" else "text",
                    "-x",
                    f"{Path(__file__).resolve()}:{fn}",
                ],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            lines = [ln for ln in out.stdout.splitlines() if ln.strip()]
            score = next((ln for ln in lines if fn in ln or "F1" in ln), lines[-1] if lines else "")
            score = re.sub(r"\s+", " ", score.strip())
            print(f"  {set_name:9} {input_kind:8} {score}")
            if out.returncode:
                print(out.stderr[-2000:], file=sys.stderr)
    os.environ["BOILERPLATE_THRESHOLD"] = str(args.threshold)
    for batch in (None, 1):
        rate, size = speed(args.eval, batch=batch)
        how = f"batches of {_stage().batch_size}" if batch is None else "one at a time"
        print(
            f"  speed: {rate:,.0f} plain-text documents per CPU-second "
            f"(mean {size / 1000:.1f} KB, {how})"
        )
    if "html" in args.inputs:
        for name, pps in html_speed(args.eval).items():
            print(f"  speed: {pps:,.1f} HTML pages per CPU-second, {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
