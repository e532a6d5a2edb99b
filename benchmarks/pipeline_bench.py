#!/usr/bin/env python3
"""The whole pipeline: documents per second, CPU per document, peak memory per process.

For each corpus size, generates a corpus with ``make_corpus.py`` (cached under
``--corpus-dir``), then runs ``corearchive ingest CORPUS -o OUT --workers W`` as a child
process for each worker count, and prints per run:

* wall seconds and documents per second,
* CPU seconds of the run (the CLI process and its workers) and documents per CPU-second,
* CPU of the main process alone per document (with workers: the serial part, which bounds
  the speed-up),
* peak resident memory of the main process and of the largest worker (VmHWM, sampled from
  /proc while the run goes on),
* the speed-up of W workers over one, by the wall clock and by the CPU on the critical path
  (the main process's and the busiest worker's CPU; see ``_critical_cpu``).

``--ceiling`` adds two independent one-worker runs at once, each on half of the corpus,
beside a one-worker run of the whole: their speed-up is what the machine gives two
processes of this pipeline with nothing shared, the ceiling of ``--workers 2``.

``--plans stream isolate staged`` runs the streaming pipeline (the main process is one of
the W processes), the same with ``--isolate`` (W worker processes besides the main one) and
the staged plan (``--plan staged``).

Then, with ``--breakdown``, a per-step breakdown measured in this process on the first
corpus (CPU microseconds per document for reading, each stage, the record and its
validation, JSON encoding and the WARC sink).

    python benchmarks/pipeline_bench.py --docs 10000 100000 --workers 1 2 --breakdown
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def corpus(n: int, root: Path) -> Path:
    path = root / f"corpus-{n}"
    if not (path / "part-000.jsonl").exists():
        subprocess.run(
            [sys.executable, str(HERE / "make_corpus.py"), "--docs", str(n), "--out", str(path)],
            check=True,
        )
    return path


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return out


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a live process (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _children_cpu(before: os.times_result, after: os.times_result) -> float:
    """CPU seconds (user + system) of the child processes waited for between two os.times()."""
    return (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def _ingest_cmd(path: Path, out: Path | str, workers: int, *flags: str) -> list[str]:
    """``corearchive ingest PATH -o OUT --quiet --workers N`` in this Python, and flags."""
    cmd = [sys.executable, "-m", "corearchive", "ingest", str(path), "-o", str(out)]
    return [*cmd, "--quiet", "--workers", str(workers), *flags]


def run_ingest(path: Path, workers: int, plan: str = "stream", *flags: str) -> dict[str, float]:
    """One ingest run in a child process (with ``flags`` added to its command): wall, CPU,
    peak memory of main and workers."""
    with tempfile.TemporaryDirectory() as out:
        before = os.times()
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            _ingest_cmd(
                path,
                out,
                workers,
                "--plan",
                "staged" if plan == "staged" else "stream",
                *(["--isolate"] if plan == "isolate" else []),
                *flags,
            )
        )
        peaks: dict[int, int] = defaultdict(int)
        main_cpu = [0.0]
        cpus: dict[int, float] = defaultdict(float)
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                for pid in [proc.pid, *_children(proc.pid)]:
                    peaks[pid] = max(peaks[pid], _hwm_kb(pid))
                    cpus[pid] = max(cpus[pid], _cpu_s(pid))
                main_cpu[0] = max(main_cpu[0], _cpu_s(proc.pid))
                done.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        done.set()
        sampler.join()
        wall = time.perf_counter() - t0
        after = os.times()
        if code not in (0, 1):
            raise SystemExit(f"ingest failed with exit code {code}")
        manifest = json.loads((Path(out) / "run.json").read_text())
        task_cpu = manifest.get("plan", {}).get("task_cpu", [0.0])
        steps = manifest.get("plan", {}).get("steps", {})
    cpu = _children_cpu(before, after)
    main_kb = peaks.pop(proc.pid, 0)
    docs = manifest["counts"]["documents"]
    return {
        "docs": docs,
        "kept": manifest["counts"]["kept"],
        "wall": wall,
        "cpu": cpu,
        "main_cpu": main_cpu[0],
        # The busiest worker's CPU (sampled every 0.2 s: a lower bound).
        "worker_cpu": max((c for p, c in cpus.items() if p != proc.pid), default=0.0),
        "main_mb": main_kb / 1024,
        "worker_mb": max(peaks.values(), default=0) / 1024,
        "task_cpu_sum": sum(task_cpu),
        "task_cpu_max": max(task_cpu),
        "steps": steps,
    }


def run_pair(path: Path) -> dict[str, float]:
    """Two independent one-worker runs at once, each on half of the corpus's files (own
    output, own index): no shared deduplication and no hand-off between processes, so their
    speed-up over one run is what this machine gives two processes of this pipeline, the
    ceiling of ``--workers 2``."""
    parts = sorted(path.glob("*.jsonl"))
    with tempfile.TemporaryDirectory() as tmp:
        procs = []
        before = os.times()
        t0 = time.perf_counter()
        for i, half in enumerate((parts[: len(parts) // 2], parts[len(parts) // 2 :])):
            folder = Path(tmp) / f"in{i}"
            folder.mkdir()
            for p in half:
                (folder / p.name).symlink_to(p.resolve())
            procs.append(subprocess.Popen(_ingest_cmd(folder, Path(tmp) / f"out{i}", 1)))
        codes = [p.wait() for p in procs]
        wall = time.perf_counter() - t0
        after = os.times()
        if any(c not in (0, 1) for c in codes):
            raise SystemExit(f"ingest failed with exit codes {codes}")
        docs = sum(
            json.loads((Path(tmp) / f"out{i}" / "run.json").read_text())["counts"]["documents"]
            for i in range(2)
        )
    return {"docs": docs, "wall": wall, "cpu": _children_cpu(before, after)}


def _critical_cpu(r: dict[str, float], workers: int, plan: str) -> float:
    """CPU seconds on the critical path: what the wall time would be with a core per process.

    On a machine shared with other jobs the wall-clock speed-up measures the neighbours as
    much as the run. One worker: all the CPU. Streaming: the main process works alongside
    the workers (and runs chunks itself unless isolated), so the run takes at least the
    main process's CPU, the busiest worker's (sampled), and the total over the cores.
    Staged: the driver's steps (split, clusters, final, start-up) alternate with the
    parallel ones, so the CPU outside the tasks adds to the busiest process's task CPU
    (both from run.json).
    """
    if workers <= 1:
        return r["cpu"]
    if plan == "staged":
        return r["cpu"] - r["task_cpu_sum"] + r["task_cpu_max"]
    return max(r["main_cpu"], r["worker_cpu"], r["cpu"] / workers)


def breakdown(path: Path, limit: int, source_name: str = "jsonl", passes: int = 1) -> float:
    """CPU microseconds per document of each step, measured in this process (the last of
    ``passes`` passes over the same documents: 2 for warm figures); returns the total."""
    from corearchive.config import resolve
    from corearchive.manager import collect, make_plugin_manager

    pm = make_plugin_manager()
    registry = collect(pm)
    config = resolve(registry, config_path=None)
    for _ in range(passes - 1):
        _breakdown_pass(path, limit, source_name, registry, config, pm, show=False)
    return _breakdown_pass(path, limit, source_name, registry, config, pm)


def _breakdown_pass(
    path: Path,
    limit: int,
    source_name: str,
    registry: Any,
    config: Any,
    pm: Any,
    show: bool = True,
) -> float:
    from corearchive.catalog import Catalog
    from corearchive.inputs import Unresolved, expand
    from corearchive.runner import Run, RunOptions
    from corearchive.sink import SinkContext
    from corearchive.stage import StageContext
    from corearchive.testing import RecordingReporter
    from corearchive_plugins.sinks import record_line

    steps: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        run = Run(pm, registry, config, RunOptions(inputs=[str(path)], out=out))
        catalog = Catalog(out / "index.sqlite")
        run.catalog = catalog
        catalog.start_run(run.run_id, out)
        source = registry.sources[source_name]()
        t0 = time.process_time()
        docs = []
        for item in expand([str(path)]):
            if isinstance(item, Unresolved):
                continue
            for d in source.read(item):
                docs.append(d)
                if len(docs) >= limit:
                    break
            if len(docs) >= limit:
                break
        steps[f"read ({source_name} source)"] = time.process_time() - t0
        n = len(docs)
        ctx = StageContext(
            run_id=run.run_id, out=out, catalog=catalog, reporter=RecordingReporter()
        )
        for name in config.stages:
            stage = registry.stages[name](config.stage_options[name], ctx)
            stage.open()
            t0 = time.process_time()
            kept = []
            size = max(stage.batch_size, 1)  # as the runner drives it: dedup batches 512
            for i in range(0, len(docs), size):
                batch = docs[i : i + size]
                stage.process_batch(batch)
                kept += [d for d in batch if d.duplicate.status == "unique"]
            steps[f"stage {name}"] = time.process_time() - t0
            stage.close()
            if name == "dedup":
                docs = kept
        sctx = SinkContext(run_id=run.run_id, out=out, catalog=catalog, provenance={})
        sinks = {
            name: registry.sinks[name](config.sink_options[name], sctx) for name in config.sinks
        }
        for s in sinks.values():
            s.open()
        for d in docs:
            t0 = time.process_time()
            for s in sinks.values():
                s.prepare(d)
            record = run.build_record(d)
            t1 = time.process_time()
            errors = run.validator.errors(record)
            t2 = time.process_time()
            record_line(record)  # encoded once: the sinks below reuse it
            t3 = time.process_time()
            for name, s in sinks.items():
                ts = time.process_time()
                s.write(d, record)
                steps[f"sink {name} (write)"] += time.process_time() - ts
            steps["record build + sink prepare"] += t1 - t0
            steps["record validation"] += t2 - t1
            steps["JSON encoding"] += t3 - t2
            assert not errors, errors
        for s in sinks.values():
            s.abort()
        catalog.rollback()
    total = 0.0
    lines = [f"\nper-step CPU per document ({n} documents read, {len(docs)} written):"]
    for name, sec in steps.items():
        per = sec / (n if not name.startswith(("sink", "record", "JSON")) else max(len(docs), 1))
        total += per
        lines.append(f"  {name:32s} {per * 1e6:8.0f} µs")
    rate = f"({1 / total:.0f} documents per CPU-second)"
    lines.append(f"  {'total':32s} {total * 1e6:8.0f} µs  {rate}")
    if show:
        print("\n".join(lines))
    return total


def _trafilatura_alone(pages: list[Path], with_metadata: bool = False) -> float:
    """CPU seconds of trafilatura.extract alone over the pages (the reference; run in a
    child process by :func:`html_compare`), with its metadata when asked (what a record's
    title, authors, site name, tags and date would take)."""
    import trafilatura

    cpu = 0.0
    for page in pages:
        html = page.read_bytes()
        t0 = time.process_time()
        trafilatura.extract(
            html, favor_precision=True, include_comments=False, with_metadata=with_metadata
        )
        cpu += time.process_time() - t0
    return cpu


@contextlib.contextmanager
def _page_folder(folder: Path, limit: int) -> Iterator[tuple[Path, list[Path]]]:
    """A temporary folder linking the first ``limit`` HTML pages of ``folder``, and those."""
    pages = sorted(folder.glob("*.html"))[:limit]
    with tempfile.TemporaryDirectory() as tmp:
        for p in pages:
            (Path(tmp) / p.name).symlink_to(p.resolve())
        yield Path(tmp), pages


def html_warm(folder: Path, limit: int) -> None:
    """Warm figures on HTML pages, in this process: the per-step breakdown of the second of
    two passes (html source, every stage, records, sinks) beside trafilatura.extract's
    second pass over the same pages."""
    with _page_folder(folder, limit) as (tmp, pages):
        ours = breakdown(tmp, limit, "html", passes=2)
    cpu = {False: 0.0, True: 0.0}
    for _ in range(2):
        cpu = {meta: _trafilatura_alone(pages, meta) for meta in (False, True)}
    n = len(pages)
    print(
        f"\nHTML, {n} pages, warm (second pass), one process:"
        f"\n  corearchive, every step            {1 / ours:6.1f} pages per CPU-second"
        f"\n  trafilatura.extract alone          {n / cpu[False]:6.1f} pages per CPU-second"
        f"  (ratio {cpu[False] / n / ours:.2f})"
        f"\n  trafilatura.extract, with_metadata {n / cpu[True]:6.1f} pages per CPU-second"
        f"  (ratio {cpu[True] / n / ours:.2f})"
    )


def _byte_compile() -> None:
    """Byte-compile corearchive's own modules, as ``pip install`` does for trafilatura's:
    with PYTHONDONTWRITEBYTECODE set (this development machine) an editable install's
    modules are compiled from source at every start, ~0.13 s of CPU that no installed
    copy pays, in the start-up the HTML comparison counts. The same for the ingest runs: a
    .pyc left stale by a change (four modules in /work/main in session 29, metadata/text.py
    among them) is not rewritten, and every run compiled them again (callgrind: 1.27 G
    instructions of compile() in an ingest's start-up with none of the .pyc files, 8.5 % of a
    1,000-document run's)."""
    import compileall

    import corearchive
    import corearchive_plugins

    for pkg in (corearchive, corearchive_plugins):
        compileall.compile_dir(str(Path(pkg.__file__).parent), quiet=1)


def html_compare(folder: Path, limit: int, rounds: int = 3) -> None:
    """The whole pipeline on HTML pages, one worker, beside trafilatura alone: ``rounds``
    rounds, each running them one after the other, so that all meet the same load (this
    machine's speed drifts by 15-30 % within minutes); the median round counts. Each side
    is a fresh process counted whole (start-up, imports, reading the pages). The pipeline
    runs twice a round, as it is and without the metadata stage: the gap to trafilatura
    alone was the metadata (s34, callgrind on 50 pages: 216 M instructions per page
    beside trafilatura's 180, 3.7 G at start-up beside 1.2; without it, ahead)."""
    n = min(limit, len(list(folder.glob("*.html"))))

    # In a child process too, so that both pay the same imports.
    def child_cpu(pages: list[Path], *flags: str) -> float:
        before = os.times()
        subprocess.run(
            [sys.executable, __file__, *flags, "--trafilatura-alone", *map(str, pages)],
            check=True,
        )
        after = os.times()
        return _children_cpu(before, after)

    _byte_compile()
    ours, bare, traf, meta = [], [], [], []
    with _page_folder(folder, limit) as (tmp, pages):
        for _ in range(rounds):
            ours.append(run_ingest(tmp, 1)["cpu"])
            # without the metadata stage (and so without trafilatura's metadata of each
            # page in the boilerplate stage, html_metadata = auto): the work that
            # trafilatura.extract alone does not do either (s34: 69.6 pages per CPU-second
            # beside 43.8 with it and 65.7 for trafilatura alone, in one round)
            bare.append(run_ingest(tmp, 1, "stream", "--disable", "metadata")["cpu"])
            traf.append(child_cpu(pages))
            meta.append(child_cpu(pages, "--with-metadata"))
    ratios = sorted(t / o for t, o in zip(traf, ours, strict=True))
    mid = len(ratios) // 2
    k = [t / o for t, o in zip(traf, ours, strict=True)].index(ratios[mid])
    each = " ".join(f"{r:.2f}" for r in (t / o for t, o in zip(traf, ours, strict=True)))
    print(
        f"\nHTML, {n} pages from {folder}, one worker, CPU including start-up"
        f" (median of {rounds} alternating rounds; ratios by round: {each}):"
        f"\n  corearchive ingest (whole pipeline)  {n / ours[k]:6.1f} pages per CPU-second"
        f"\n  trafilatura.extract alone            {n / traf[k]:6.1f} pages per CPU-second"
        f"\n  ratio                                {ratios[mid]:6.2f}"
        f"\n  corearchive ingest, without metadata {n / bare[k]:6.1f} pages per CPU-second"
        f"\n  ratio (to trafilatura alone)         {traf[k] / bare[k]:6.2f}"
        f"\n  trafilatura.extract, with_metadata   {n / meta[k]:6.1f} pages per CPU-second"
        f"\n  ratio                                {meta[k] / ours[k]:6.2f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[10_000], help="0: none")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument(
        "--plans",
        nargs="+",
        choices=["stream", "isolate", "staged"],
        default=["stream"],
        help="stream: the one-pass pipeline; isolate: the same with --isolate (the stages"
        " only in worker processes); staged: the staged plan (--plan staged)",
    )
    ap.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "corebench")
    ap.add_argument("--breakdown", action="store_true", help="also print the per-step breakdown")
    ap.add_argument(
        "--ceiling",
        action="store_true",
        help="also two independent 1-worker runs at once on the corpus's halves: the speed-up"
        " this machine gives two processes of the pipeline (the ceiling of --workers 2)",
    )
    ap.add_argument("--breakdown-docs", type=int, default=2000)
    ap.add_argument(
        "--html",
        type=Path,
        nargs="*",
        default=[],
        help="folders of HTML pages: the pipeline on them beside trafilatura alone",
    )
    ap.add_argument("--html-pages", type=int, default=300)
    ap.add_argument(
        "--html-rounds",
        type=int,
        default=3,
        help="alternating rounds of the pipeline and trafilatura alone (the median counts)",
    )
    ap.add_argument(
        "--html-warm", action="store_true", help="also the warm per-step figures on --html pages"
    )
    ap.add_argument("--trafilatura-alone", nargs="+", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--with-metadata", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.trafilatura_alone:
        _trafilatura_alone(args.trafilatura_alone, args.with_metadata)
        return
    args.corpus_dir.mkdir(parents=True, exist_ok=True)
    if any(d > 0 for d in args.docs):
        # (each ingest run is a new process: with a stale or missing .pyc it compiled the
        # changed modules again, ~0.1-0.4 s of its CPU, s29)
        _byte_compile()
    print(
        f"{'plan':>7} {'docs':>8} {'workers':>7} {'wall s':>8} {'docs/s':>8} {'CPU s':>8} "
        f"{'docs/CPU-s':>10} {'ms CPU/doc':>10} {'main ms/doc':>11} {'main MB':>8}"
        f" {'worker MB':>9} {'speed-up':>8} {'CPU-path x':>10}"
    )
    for n in [d for d in args.docs if d > 0]:
        path = corpus(n, args.corpus_dir)
        for plan in args.plans:
            base = None
            base_cpu = None
            for w in args.workers:
                r = run_ingest(path, w, plan)
                rate = r["docs"] / r["wall"]
                base = base or rate
                base_cpu = base_cpu or r["cpu"]
                path_cpu = _critical_cpu(r, w, plan)
                print(
                    f"{plan:>7} {r['docs']:>8} {w:>7} {r['wall']:>8.1f} {rate:>8.0f}"
                    f" {r['cpu']:>8.1f}"
                    f" {r['docs'] / r['cpu']:>10.0f} {1000 * r['cpu'] / r['docs']:>10.2f}"
                    f" {1000 * r['main_cpu'] / r['docs']:>11.2f}"
                    f" {r['main_mb']:>8.0f} {r['worker_mb']:>9.0f} {rate / base:>8.2f}"
                    f" {base_cpu / path_cpu:>10.2f}",
                    flush=True,
                )
                if r["steps"]:
                    # The staged plan's steps: wall seconds, and the driver's CPU per document
                    # (its sequential part, which bounds the speed-up).
                    print(
                        "        steps: "
                        + ", ".join(
                            f"{name} {st['wall']:.1f} s wall,"
                            f" {1000 * st['driver_cpu'] / r['docs']:.3f} ms driver CPU/doc"
                            for name, st in r["steps"].items()
                        ),
                        flush=True,
                    )
        if args.ceiling:
            one = run_ingest(path, 1)
            pair = run_pair(path)
            print(
                f"   pair {pair['docs']:>8} {'2 x 1':>7} {pair['wall']:>8.1f}"
                f" {pair['docs'] / pair['wall']:>8.0f} {pair['cpu']:>8.1f}"
                f" {pair['docs'] / pair['cpu']:>10.0f} {1000 * pair['cpu'] / pair['docs']:>10.2f}"
                f"   two independent 1-worker runs on the halves: speed-up"
                f" {pair['docs'] / pair['wall'] / (one['docs'] / one['wall']):.2f} over one run"
                f" of the whole ({one['docs'] / one['wall']:.0f} docs/s,"
                f" {1000 * one['cpu'] / one['docs']:.2f} ms CPU/doc)",
                flush=True,
            )
    if args.breakdown and args.docs[0] > 0:
        breakdown(corpus(args.docs[0], args.corpus_dir), args.breakdown_docs)
    for folder in args.html:
        html_compare(folder, args.html_pages, args.html_rounds)
        if args.html_warm:
            html_warm(folder, args.html_pages)


if __name__ == "__main__":
    main()
