#!/usr/bin/env python3
"""Duplicate detection quality on the shared near-duplicate set, through its own scorer.

Builds the set with ``make_dedup_set.py`` (byte copies, other site templates, edited and
re-wrapped copies, same-topic distinct articles and singletons made from the dev pages),
runs ``corearchive ingest`` over it with the default configuration, and prints what
``dedup_eval.py`` prints: pairwise precision and recall of exact and near duplicates against
the truth clusters, and recall by kind of copy. Usage:

    python benchmarks/dedup_quality.py [--eval ../shared/eval] [--seed 1] [--part dev]
        [--set dedup.threshold=0.8 ...]

``--set`` options are passed to ``corearchive ingest`` (to measure other settings).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval", default=str(DEFAULT_EVAL))
    ap.add_argument("--seed", default="1")
    ap.add_argument("--part", default="dev")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    ev = Path(args.eval)
    with tempfile.TemporaryDirectory() as tmp:
        dset, out = Path(tmp) / "set", Path(tmp) / "out"
        make = [str(ev / "make_dedup_set.py"), "--out", str(dset), "--seed", args.seed]
        if args.part != "dev":
            make += ["--part", args.part]
        subprocess.run([sys.executable, *make], check=True, stdout=subprocess.DEVNULL)
        # (the set holds one input of white space only: an error entry, exit status 1)
        subprocess.run(
            [sys.executable, "-m", "corearchive", "ingest", str(dset / "docs"), "-o", str(out),
             "-q", "--workers", "1", *(a for kv in args.set for a in ("--set", kv))],
            check=False,
        )  # fmt: skip
        res = subprocess.run(
            [sys.executable, str(ev / "dedup_eval.py"), "--set", str(dset), "--out", str(out)],
            check=True,
            capture_output=True,
            text=True,
        )
        print(res.stdout.strip().replace(str(out), "corearchive"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
