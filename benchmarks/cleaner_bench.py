"""Speed of ``corearchive.Cleaner`` (the stages inside a program, no output folder) on the
generated corpus: ``clean_many`` over the documents as mappings, and ``clean`` one page at a
time. Prints documents per CPU-second; asserts nothing.

    .venv/bin/python benchmarks/cleaner_bench.py [--corpus DIR] [--docs N]

The corpus is ``benchmarks/make_corpus.py --docs 2000 --out DIR``'s (made when missing).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from corearchive import Cleaner


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/corebench/corpus-2000"))
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("make_corpus.py")), "--docs",
             str(args.docs), "--out", str(args.corpus)],
            check=True,
        )  # fmt: skip
    docs = []
    for f in sorted(args.corpus.glob("*.jsonl")):
        docs += [json.loads(line) for line in f.read_text("utf-8").splitlines() if line]
    docs = docs[: args.docs]
    with Cleaner() as cleaner:
        t0 = time.process_time()
        got = list(cleaner.clean_many(docs))
        many = time.process_time() - t0
    one_n = min(len(docs), 500)
    with Cleaner() as cleaner:
        t0 = time.process_time()
        for d in docs[:one_n]:
            cleaner.clean(d["text"], url=d.get("url"))
        one = time.process_time() - t0
    kept = sum(g.kept for g in got)
    print(f"clean_many: {len(docs)} documents, {kept} kept, {len(docs) / many:,.0f} per CPU-second")
    print(f"clean, one at a time: {one_n} documents, {one_n / one:,.0f} per CPU-second")


if __name__ == "__main__":
    main()
