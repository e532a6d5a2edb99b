#!/usr/bin/env python3
"""Dedup index at scale: documents per CPU-second and peak memory, beside datasketch.

Inserts and queries N synthetic documents (Zipf-distributed words, 300-700 words each,
5 % exact copies and 10 % near copies of earlier documents) through

* corearchive's ``dedup`` stage (exact keys + MinHash/LSH in the SQLite index), and
* datasketch's MinHashLSH (128 permutations, threshold 0.8, word 5-shingles, in memory),

each in its own process so that peak resident memory is its own. Only the indexing work is
timed (CPU seconds), not the generation of the documents. Usage:

    python benchmarks/dedup_scale.py --docs 100000 1000000 [--only corearchive]

Needs ``pip install -e ".[bench]"`` for datasketch.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

VOCAB = 50_000


def corpus(n: int, seed: int = 7) -> Iterator[tuple[int, str]]:
    """``n`` documents, deterministic; every 20th an exact copy, every 10th a near copy."""
    rng = np.random.default_rng(seed)
    words = np.array([f"w{i:x}" for i in range(VOCAB)])
    # Zipf-like ranks, clipped to the vocabulary.
    recent: list[np.ndarray] = []
    for i in range(n):
        if i % 20 == 19 and recent:
            idx = recent[-13 % len(recent)]
        elif i % 10 == 9 and recent:
            idx = recent[-7 % len(recent)].copy()
            pos = rng.integers(0, len(idx), size=max(1, len(idx) // 30))
            idx[pos] = rng.integers(0, VOCAB, size=len(pos))
        else:
            idx = np.minimum(rng.zipf(1.3, size=int(rng.integers(300, 700))), VOCAB) - 1
        recent.append(idx)
        if len(recent) > 64:
            recent.pop(0)
        yield i, " ".join(words[idx])


def run_corearchive(n: int) -> dict[str, float]:
    from corearchive import Document
    from corearchive.catalog import Catalog
    from corearchive.options import build_options
    from corearchive.stage import StageContext
    from corearchive.testing import make_document
    from corearchive_plugins.dedup import DedupOptions, DedupStage

    class CountingReporter:
        """Counts what the stage drops; a run writes it to rejects.jsonl, keeping nothing
        (a RecordingReporter would hold every dropped document in memory)."""

        def __init__(self) -> None:
            self.dropped_count = 0

        def dropped(self, document: Document, stage: str, drop: Any) -> None:
            self.dropped_count += 1

        def failed(self, document: Document, stage: str, error: str) -> None:
            raise RuntimeError(error)

    with tempfile.TemporaryDirectory() as tmp:
        catalog = Catalog(Path(tmp) / "index.sqlite")
        ctx = StageContext(
            run_id="bench", out=Path(tmp), catalog=catalog, reporter=CountingReporter()
        )
        stage = DedupStage(build_options(DedupOptions, {}, stage="dedup", origin="bench"), ctx)
        stage.open()
        cpu = 0.0
        dups = 0
        batch: list[Document] = []

        def flush() -> float:
            # Through the stage's own batching (process_batch), as a run drives it.
            t0 = time.process_time()
            for _ in stage.run(batch):
                pass
            return time.process_time() - t0

        for i, text in corpus(n):
            batch.append(make_document(text, path=f"d{i}.txt"))
            if len(batch) == stage.batch_size:
                cpu += flush()
                dups += sum(d.duplicate.status != "unique" for d in batch)
                batch = []
        cpu += flush()
        dups += sum(d.duplicate.status != "unique" for d in batch)
        t0 = time.process_time()
        stage.close()  # flushes the run's buffered LSH rows
        catalog.commit()
        cpu += time.process_time() - t0
        size = sum(p.stat().st_size for p in Path(tmp).glob("index.sqlite*"))
    return {"docs": n, "cpu_s": cpu, "duplicates": dups, "index_bytes": size}


def run_datasketch(n: int) -> dict[str, float]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    cpu = 0.0
    dups = 0
    for i, text in corpus(n):
        t0 = time.process_time()
        w = re.findall(r"\w+", text.casefold())
        sh = {" ".join(w[j : j + 5]) for j in range(max(1, len(w) - 4))}
        m = MinHash(num_perm=128)
        m.update_batch([s.encode("utf-8") for s in sh])
        if lsh.query(m):
            dups += 1
        lsh.insert(f"d{i}", m)
        cpu += time.process_time() - t0
    return {"docs": n, "cpu_s": cpu, "duplicates": dups, "index_bytes": float("nan")}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[100_000])
    ap.add_argument("--only", choices=["corearchive", "datasketch"])
    ap.add_argument("--one", nargs=2, metavar=("WHO", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        who, n = args.one[0], int(args.one[1])
        res = run_corearchive(n) if who == "corearchive" else run_datasketch(n)
        res["peak_rss_mb"] = peak_rss_mb()
        print(json.dumps(res))
        return 0
    who_all = [args.only] if args.only else ["corearchive", "datasketch"]
    print(
        f"{'docs':>9} {'contender':12} {'docs/CPU-s':>11} {'CPU s':>8} {'peak RSS MB':>12}"
        f" {'index MB':>9} {'B/doc':>6} {'dups':>7}"
    )
    for n in args.docs:
        rates = {}
        for who in who_all:
            out = subprocess.run(
                [sys.executable, __file__, "--one", who, str(n)],
                capture_output=True,
                text=True,
                check=True,
                env=dict(os.environ, OMP_NUM_THREADS="1"),
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            rates[who] = r["docs"] / r["cpu_s"]
            idx = r["index_bytes"]
            idx_mb = f"{idx / 1e6:9.1f}" if idx == idx else f"{'(memory)':>9}"
            per = f"{idx / n:6.0f}" if idx == idx else f"{'-':>6}"
            print(
                f"{n:>9} {who:12} {rates[who]:11,.0f} {r['cpu_s']:8.1f} "
                f"{r['peak_rss_mb']:12.0f} {idx_mb} {per} {r['duplicates']:7}"
            )
        if len(rates) == 2:
            print(
                f"{'':>9} ratio corearchive / datasketch: "
                f"{rates['corearchive'] / rates['datasketch']:.2f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
