#!/usr/bin/env python3
"""Metadata quality and speed: the shared scorers, CPU time per page, the seeds check.

Runs the ``metadata`` stage over ../shared/eval/data/htmldate/dev (text and HTML) through
``date_eval.py`` and over the title truth of aeb, trafeval and htmldate through
``title_eval.py``; prints accuracy, then the stage's speed on the plain-text pages in pages
per second per core (CPU time, ``time.process_time``, so that a loaded machine does not
count), then its speed on the HTML pages, alone and with the parse tree and trafilatura
metadata the boilerplate stage shares (``doc.work``), then the seeds check
(``seeds_check.py``). The scorers run the ``boilerplate`` stage before the metadata stage,
as a run does (its line split and its decisions on the lines, ``doc.work["text_lines"]`` and
``doc.work["text_verdicts"]``, reach the metadata stage; a page it drops has no title or
date); ``--alone`` (or ``METADATA_BENCH_ALONE=1``) runs the metadata stage alone, as the
bench did until session 50. Usage:

    python benchmarks/metadata_bench.py [--eval ../shared/eval] [--skip-html] [--alone]

``date_text``, ``date_html``, ``title_text`` and ``title_html`` are the scorer entry points.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
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
    from corearchive_plugins.metadata import MetadataOptions, MetadataStage

    opts = build_options(MetadataOptions, {}, stage="metadata", origin="benchmark")
    return MetadataStage(opts, None)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _boilerplate() -> Any:
    from corearchive.options import build_options
    from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage

    opts = build_options(BoilerplateOptions, {}, stage="boilerplate", origin="benchmark")
    return BoilerplateStage(opts, None)  # type: ignore[arg-type]


#: Whether the scorers run the boilerplate stage before the metadata stage, as a run does
#: (``--alone``, ``METADATA_BENCH_ALONE=1``: the metadata stage alone on the page, as the
#: bench did until session 50)
PIPELINE = os.environ.get("METADATA_BENCH_ALONE", "") != "1"


def _doc(page: str, html: bool) -> Any:
    """The page as the metadata stage leaves it: after the boilerplate stage, as a run has it
    (the stage's line split and its decisions in ``doc.work``), unless :data:`PIPELINE` is
    off. A page the boilerplate stage drops (no content) has no metadata: a run writes no
    record of it."""
    from corearchive import Document
    from corearchive.testing import make_document

    doc = make_document(page, html=html, path="p.html" if html else "p")
    if PIPELINE:
        got = _boilerplate().process_batch([doc])[0]
        if not isinstance(got, Document):
            return make_document("", path="p")
        doc = got
    return _stage().process(doc)


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


def speed(eval_dir: Path) -> None:
    """Pages per second per core of the stage on every plain-text dev page (CPU time): the
    stage alone (it splits each page and checks its layout itself), and after the boilerplate
    stage as a run has it (the page's split shared through ``doc.work``, the cleaned text to
    take the metadata lines from; the pages the boilerplate stage drops are left out)."""
    import copy

    from corearchive import Document
    from corearchive.options import build_options
    from corearchive.testing import make_document
    from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage

    files = sorted(glob.glob(str(eval_dir / "data" / "*" / "dev" / "text" / "*.txt")))
    pages = [Path(f).read_text("utf-8") for f in files]
    bp = BoilerplateStage(
        build_options(BoilerplateOptions, {}, stage="boilerplate", origin="benchmark"),
        None,  # type: ignore[arg-type]
    )
    cleaned = []  # what the boilerplate stage hands on (not timed)
    for i in range(0, len(pages), 64):
        batch = [make_document(p, path="p") for p in pages[i : i + 64]]
        cleaned += [d for d in bp.process_batch(batch) if isinstance(d, Document)]
    stage = _stage()
    stage.process(make_document("warm up\n", path="p"))
    mb = sum(len(p.encode()) for p in pages) / 1e6
    for label, fresh in (
        ("alone", lambda: [make_document(p, path="p") for p in pages]),
        ("shared", lambda: [copy.copy(d) for d in cleaned]),
    ):
        best = float("inf")
        for _ in range(3):  # best of three: other processes on the machine only add time
            docs = fresh()
            for d in docs:
                d.work, d.annotations = dict(d.work), dict(d.annotations)
            t0 = time.process_time()
            for d in docs:
                stage.process(d)
            best = min(best, time.process_time() - t0)
        print(
            f"speed         text  {len(docs)} pages ({mb:.1f} MB), {label:6} {best:.2f} s CPU: "
            f"{len(docs) / best:.0f} pages/s/core"
        )


def speed_html(eval_dir: Path) -> None:
    """Pages per CPU-second of the stage on the htmldate dev HTML: parsing the page itself,
    and given the tree and trafilatura metadata as the boilerplate stage leaves them."""
    import copy

    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    from corearchive.testing import make_document

    files = sorted(glob.glob(str(eval_dir / "data" / "htmldate" / "dev" / "html" / "*")))
    pages = [Path(f).read_text("utf-8") for f in files]
    stage = _stage()
    shared = []
    for p in pages:  # what the boilerplate stage computes anyway (not timed here)
        tree = load_html(p)
        if tree is None:
            shared.append({})
            continue
        res = bare_extraction(copy.deepcopy(tree), with_metadata=True)
        md = res.as_dict() if res is not None else {}
        keys = ("title", "author", "date", "sitename", "categories", "tags", "url", "description")
        shared.append({"html_tree": tree, "trafilatura_meta": {k: md.get(k) for k in keys}})
    for d in (make_document(p, html=True, path="p.html") for p in pages):
        stage.process(d)  # warm-up: dateparser compiles its locale patterns once
    for label, use in (("alone", False), ("shared", True)):
        docs = [make_document(p, html=True, path="p.html") for p in pages]
        if use:
            for d, w in zip(docs, shared, strict=True):
                d.work.update(w)
        t0 = time.process_time()
        for d in docs:
            stage.process(d)
        dt = time.process_time() - t0
        print(
            f"speed         html  {len(docs)} pages, {label:6} {dt:.2f} s CPU: "
            f"{len(docs) / dt:.0f} pages/s/core"
        )


def titles_with_url(eval_dir: Path) -> None:
    """Text titles when the page's address is known (a WARC record's, a JSONL dump's): the
    URL of ``titles.json``, given to the extraction; scored with ``title_eval.py``'s
    normalisation (its runner passes the text only)."""
    sys.path.insert(0, str(eval_dir))
    from title_eval import norm_title

    from corearchive_plugins.metadata.text import extract

    n = right = 0
    for name in ("aeb", "trafeval", "htmldate"):
        folder = eval_dir / "data" / name / "dev"
        truth = json.loads((folder / "titles.json").read_text("utf-8"))
        for page, t in truth.items():
            text = (folder / "text" / f"{page}.txt").read_text("utf-8")
            got = extract(text, url=t.get("url"))["title"]
            n += 1
            right += norm_title(got) == norm_title(t["title"])
    print(f"{'title, URL':13} text  with each page's URL: acc={right / max(n, 1):.3f} n={n}")


def dates_with_url(eval_dir: Path) -> None:
    """Text dates when the page's address is known (``truth.json``'s URL), day-level, as
    ``date_eval.py`` scores them (its runner passes the text only)."""
    from corearchive_plugins.metadata.text import extract

    folder = eval_dir / "data" / "htmldate" / "dev"
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    right = 0
    for page, t in truth.items():
        text = (folder / "text" / f"{page}.txt").read_text("utf-8")
        got = extract(text, url=t.get("url"))["published"]
        right += (got[:10] if got else None) == t["date"]
    print(f"{'date, URL':13} text  with each page's URL: acc={right / max(len(truth), 1):.3f} "
          f"n={len(truth)}")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--skip-html", action="store_true", help="text input only (fast)")
    ap.add_argument("--alone", action="store_true", help="the metadata stage alone")
    args = ap.parse_args()
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    if args.alone:
        env["METADATA_BENCH_ALONE"] = "1"
    print(
        "scorers: the metadata stage alone on each page"
        if env.get("METADATA_BENCH_ALONE") == "1"
        else "scorers: the boilerplate stage, then the metadata stage, on each page (as a run "
        "has them; --alone: the metadata stage alone)"
    )
    me = Path(__file__).resolve()
    runs = [
        ("date_eval.py", "text", "date_text"),
        ("date_eval.py", "html", "date_html"),
        ("title_eval.py", "text", "title_text"),
        ("title_eval.py", "html", "title_html"),
    ]
    for scorer, kind, fn in runs:
        if args.skip_html and kind == "html":
            continue
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
    titles_with_url(args.eval)
    dates_with_url(args.eval)
    speed(args.eval)
    if not args.skip_html:
        speed_html(args.eval)
    sys.stdout.flush()
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "seeds_check.py")], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
