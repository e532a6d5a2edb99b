"""Replay captured dedup batches against a fresh (or given) index; print CPU per 10k docs,
decisions digest, peak RSS, and optionally the syscall count via strace (outside).

usage: replay.py CAP.pkl [--index PATH] [--keep] [--limit N]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import resource
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from corearchive.catalog import Catalog
from corearchive.stage import StageContext
from corearchive.testing import RecordingReporter
from corearchive_plugins.dedup import DedupOptions, DedupStage
from corearchive import Drop


from corearchive.plan import _load_stream as batches  # the pickled batches, one by one


import ctypes, _sqlite3
_lib = ctypes.CDLL(_sqlite3.__file__)
_lib.sqlite3_memory_used.restype = ctypes.c_int64
_lib.sqlite3_memory_highwater.restype = ctypes.c_int64


def sq_mb() -> str:
    return f"sqlite {_lib.sqlite3_memory_used() / 2**20:.0f}/{_lib.sqlite3_memory_highwater(0) / 2**20:.0f} MB"


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cap")
    ap.add_argument("--index", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--every", type=int, default=10_000)
    ap.add_argument("--rollback", action="store_true")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="replay-", dir="/work/scratch/dd100k")
    index = args.index or Path(tmp) / "index.sqlite"
    cat = Catalog(index, cache_mb=int(__import__("os").environ.get("CACHE_MB", "32")))
    cat.start_run("replay", Path(tmp))
    ctx = StageContext(run_id="replay", out=Path(tmp), catalog=cat, reporter=RecordingReporter())
    st = DedupStage(DedupOptions(), ctx)
    st.open()
    digest = hashlib.sha256()
    n = 0
    seg_cpu = 0.0
    total_cpu = 0.0
    mark = args.every
    hwm0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for ids, shas, work in batches(args.cap):
        docs = [
            SimpleNamespace(
                id=i,
                source=SimpleNamespace(sha256=s),
                work={"dedup": w},
                annotations={},
                duplicate=None,
            )
            for i, s, w in zip(ids, shas, work)
        ]
        t0 = time.process_time()
        res = st.process_batch(docs)
        dt = time.process_time() - t0
        seg_cpu += dt
        total_cpu += dt
        for d, r in zip(docs, res):
            if isinstance(r, Drop):
                digest.update(json.dumps([d.id, r.reason, r.detail, d.annotations], sort_keys=True).encode())
            else:
                digest.update(json.dumps([d.id, d.duplicate.to_json(), d.annotations], sort_keys=True).encode())
                # the sink's catalog.add, as the runner does for kept docs
                cat.add(d.id, run_id="replay", sha256=d.source.sha256, uri="u")
        n += len(docs)
        if n >= mark:
            print(f"{n:>7} docs  {seg_cpu / args.every * 1e6:7.0f} us/doc  rss {rss_mb():6.0f} MB {sq_mb()}", flush=True)
            seg_cpu = 0.0
            mark += args.every
        if args.limit and n >= args.limit:
            break
    t0 = time.process_time()
    st.close()
    close_cpu = time.process_time() - t0
    total_cpu += close_cpu
    if args.rollback:
        cat.rollback()
    else:
        cat.commit()
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(f"docs {n}  total {total_cpu / n * 1e6:.0f} us/doc (close {close_cpu:.2f} s)"
          f"  maxrss {ru.ru_maxrss / 1024:.0f} MB  digest {digest.hexdigest()[:16]}"
          f"  index {index.stat().st_size / 1e6:.0f} MB {sq_mb()}")


if __name__ == "__main__":
    main()
