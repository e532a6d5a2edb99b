"""Executors: who runs the document-local part of the pipeline.

The stage chain splits in two at the first stage marked ``ordered`` (one whose decision
depends on the documents before it, like ``dedup`` and its index):

* the **local** part — every stage before it, and that stage's :meth:`Stage.prepare` — looks
  at one document at a time, so it runs on chunks of documents, in this process
  (:class:`InlineExecutor`) or in a pool of worker processes (:class:`PoolExecutor`), which
  the main process joins while it would otherwise wait (unless isolated);
* the **ordered** part runs in the main process on the documents in input order.

Both executors run the same function (:func:`run_chunk`) and the main process replays each
chunk's outcomes (kept, dropped, failed) in input order, so a run gives the same records,
rejects and duplicate decisions with one worker or many.
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import functools
import gc
import itertools
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Literal

from . import lazyre, limits
from .config import RunConfig
from .document import Document, Drop
from .errors import ConfigError, StageSetupError
from .manager import Registry
from .schema import RecordValidator, record_problem
from .stage import (
    Stage,
    StageContext,
    StageStats,
    close_stages,
    describe_error,
    open_stages,
    setup_error,
)

#: Documents per task sent to a worker: large enough that pickling and the round trip are
#: small against the work, small enough that workers stay evenly loaded.
CHUNK_SIZE = 64

EventKind = Literal["kept", "dropped", "failed"]


@dataclass
class Event:
    """The outcome of one document in the local part."""

    kind: EventKind
    doc: Document
    stage: str = ""
    drop: Drop | None = None
    error: str = ""


@dataclass
class ChunkResult:
    """What :func:`run_chunk` returns: one event per input document, in input order."""

    events: list[Event]
    stats: dict[str, StageStats] = field(default_factory=dict)


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def start_ray(ray: Any, workers: int, address: str | None) -> bool:
    """Join the Ray cluster at ``address``, or start a local instance with ``workers`` CPUs,
    unless Ray is running already; whether a local instance was started (to stop it)."""
    import logging

    if ray.is_initialized():
        return False
    if address:
        try:
            ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR)
        except Exception as exc:  # (ConnectionError: no cluster there; ValueError: a bad form)
            # (it came mid-run, as an internal error with Ray's traceback, or never, for a
            # run too small to reach the workers)
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip(".")
            raise ConfigError(
                f"cannot join the Ray cluster at --address {address!r}: {first}; start one"
                " (ray start --head) or leave --address out for a local instance"
            ) from exc
        return False
    ray.init(
        num_cpus=workers,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.ERROR,
        # Chunks and task arguments are small; the default object store takes 30 % of RAM.
        object_store_memory=256 * 1024 * 1024,
    )
    return True


def split_stages(stages: Sequence[Stage]) -> tuple[list[Stage], list[Stage]]:
    """``(local, ordered)``: the stages before the first ordered stage, and the rest."""
    for i, st in enumerate(stages):
        if st.ordered:
            return list(stages[:i]), list(stages[i:])
    return list(stages), []


def one_at_a_time(ordered: list[Stage]) -> None:
    """Ordered stages followed by others decide one document at a time, each before the
    next enters: a later stage that drops a document (or a record that fails) makes the
    stages before it forget it (:meth:`Stage.forget`) before they decide its copies. A
    batch of 512 decided at once by ``dedup`` judged the later copies of a document against
    it before the next stage dropped it: they were dropped as duplicates of a document
    never archived, and the whole cluster was lost. The stages after the first keep the
    text it took (:meth:`Stage._bad_text`)."""
    if len(ordered) > 1:
        for stage in ordered:
            stage.one_at_a_time = True
        for stage in ordered[1:]:
            stage.text_fixed_by = ordered[0].name


class _ChunkReporter:
    """Collects what the local stages drop or fail, for the main process to report."""

    def __init__(self) -> None:
        self.events: dict[str, Event] = {}

    def dropped(self, document: Document, stage: str, drop: Drop) -> None:
        self.events[document.id] = Event("dropped", document, stage, drop=drop)

    def failed(self, document: Document, stage: str, error: str) -> None:
        self.events[document.id] = Event("failed", document, stage, error=error)


class _NoCatalog:
    """The catalog as seen from a worker process: local stages must not use it."""

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError(
            "a stage that reads or writes the archive catalog must set `ordered = True`"
            " (it then runs in the main process, in input order)"
        )


class _NoReporter:
    """Placeholder until :func:`run_chunk` gives a local stage its chunk's reporter."""

    def dropped(self, document: Document, stage: str, drop: Drop) -> None:
        raise RuntimeError("a local stage reported outside run_chunk")

    failed = dropped


#: Stand-ins in the context of local stages (typed as what they replace).
NO_CATALOG: Any = _NoCatalog()
NO_REPORTER: Any = _NoReporter()


@dataclass
class LocalPart:
    """What a process runs of the pipeline before its ordered stages, chunk by chunk: the
    local stages, the first ordered stage's ``prepare``, and (when ordered stages follow)
    the record check of the documents that go on to them (``check``)."""

    stages: list[Stage]
    prepare: Stage | None = None
    check: RecordValidator | None = None

    def run(self, docs: list[Document]) -> ChunkResult:
        """:func:`run_chunk` over ``docs``."""
        return run_chunk(self.stages, self.prepare, docs, self.check)


def run_chunk(
    local: Sequence[Stage],
    prepare: Stage | None,
    docs: list[Document],
    check: RecordValidator | None = None,
) -> ChunkResult:
    """Run the local stages (and ``prepare`` of the first ordered one) over ``docs``; with
    ``check``, a kept document whose record could not be written fails here, at stage
    ``record``, before an ordered stage sees it (:func:`~corearchive.schema.record_problem`:
    dedup would take it for the original of its copies)."""
    reporter = _ChunkReporter()
    for st in local:
        st.context.reporter = reporter
        st.stats = StageStats()
    stream: Iterable[Document] = docs
    for st in local:
        stream = st.run(stream)
    kept = list(stream)
    if check is not None:
        ok = []
        for doc in kept:
            if (problem := record_problem(doc, check)) is None:
                ok.append(doc)
            else:
                reporter.failed(doc, "record", problem)
        kept = ok
    stats = {st.name: st.stats for st in local}
    if prepare is not None:
        t0 = time.perf_counter()
        try:
            prepare.prepare_batch(kept)
        except Exception:
            # One bad document must not sink the chunk: again one by one, to find it.
            ok = []
            for doc in kept:
                try:
                    prepare.prepare_batch([doc])
                    ok.append(doc)
                except Exception as exc:
                    reporter.failed(doc, prepare.name, describe_error(exc))
            kept = ok
        # The ordered stage's time includes the part of its work done here.
        stats[prepare.name] = StageStats(seconds=time.perf_counter() - t0)
    for doc in kept:
        reporter.events[doc.id] = Event("kept", doc)
    events = [reporter.events[d.id] for d in docs if d.id in reporter.events]
    keep = prepare.name if prepare is not None else None
    for ev in events:
        # Scratch of the local stages (a parsed tree, say) stays here, whatever became of
        # the document: it may not pickle, and the main process needs only what prepare
        # left for its stage (a dropped HTML page's tree once sank its whole chunk).
        doc = ev.doc
        if doc.work:
            doc.work = {k: v for k, v in doc.work.items() if k == keep and ev.kind == "kept"}
    return ChunkResult(events, stats)


def chunked(
    docs: Iterable[Document], size: int, first: int | None = None
) -> Iterator[list[Document]]:
    """Lists of ``size`` documents (the first one of ``first``, when given)."""
    it = iter(docs)
    n = first or size
    while chunk := list(islice(it, n)):
        yield chunk
        n = size


#: Source formats that hold many documents per input.
CONTAINERS = frozenset(["jsonl", "warc", "parquet"])


def chunked_by_input(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Chunks of at most ``size`` documents, where a container input (JSONL, WARC) starts a
    chunk of its own and is cut every ``size`` documents from its start.

    The staged plan's tasks hold whole blocks (``plan.split_input`` cuts an input at
    multiples of ``size`` results) and are chunked the same way (``plan.process_task``), so
    a local stage that looks across the documents of its chunk (the boilerplate stage's
    ``site_template``) sees the same groups in a streaming run, with any number of workers,
    and in the staged plan. Loose files (one document each) are packed ``size`` to a chunk.
    Known gap: a result of a container that is skipped (archived by an earlier run) or
    unreadable shifts the streaming run's later blocks of that input, not the plan's."""
    chunk: list[Document] = []
    prev: tuple[str | None, str] | None = None
    for doc in docs:
        key = (doc.source.path, doc.source.format)
        if chunk and (
            len(chunk) >= size
            or (
                key != prev
                and (key[1] in CONTAINERS or (prev is not None and prev[1] in CONTAINERS))
            )
        ):
            yield chunk
            chunk = []
        chunk.append(doc)
        prev = key
    if chunk:
        yield chunk


class InlineExecutor:
    """Runs the local stages in this process (``--workers 1``)."""

    def __init__(self, part: LocalPart) -> None:
        self.part = part

    def open(self) -> None:
        open_stages(self.part.stages)
        freeze_heap()

    def map(self, chunks: Iterable[list[Document]]) -> Iterator[ChunkResult]:
        for chunk in chunks:
            yield self.part.run(chunk)

    def close(self) -> None:
        close_stages(self.part.stages)

    def abort(self) -> None:
        """The run failed or was interrupted: nothing to stop here."""


@dataclass
class WorkerSpec:
    """What a worker process needs to build its own local stages."""

    registry: Registry
    config: RunConfig
    run_id: str
    out: Path
    local: list[str]
    prepare: str | None
    #: whether ordered stages follow (the worker then checks records: :class:`LocalPart`)
    check: bool = False


def local_context(
    run_id: str,
    out: Path,
    doc_timeout: float = 0.0,
    stages: Sequence[str] | None = None,
) -> StageContext:
    """A local stage's own context: no catalog, and a reporter that run_chunk sets per chunk
    (one context per stage, as run_chunk replaces its reporter); ``stages``: the run's."""
    return StageContext(
        run_id=run_id,
        out=out,
        catalog=NO_CATALOG,
        reporter=NO_REPORTER,
        doc_timeout=doc_timeout,
        stages=None if stages is None else tuple(stages),
    )


def build_local(spec: WorkerSpec) -> LocalPart:
    """A worker's own local stages (opened), the stage whose ``prepare`` it runs, and its
    record check."""

    def build(name: str) -> Stage:
        ctx = local_context(spec.run_id, spec.out, spec.config.doc_timeout, spec.config.stages)
        try:
            return spec.registry.stages[name](spec.config.stage_options[name], ctx)
        except Exception as exc:
            raise setup_error(name, exc, _IN_WORKER) from exc

    local = [build(n) for n in spec.local]
    prepare = build(spec.prepare) if spec.prepare else None
    check = RecordValidator(spec.registry.record_schema(spec.config.stages)) if spec.check else None
    open_stages(local, _IN_WORKER)
    freeze_heap()
    return LocalPart(local, prepare, check)


_IN_WORKER = " in a worker process"


def release_memory() -> None:
    """Give the C heap's free memory back to the OS (glibc's ``malloc_trim``; nothing
    elsewhere).

    A long task (the staged plan's write step: SQLite, FastWARC, gzip and Python buffers
    of every document) leaves the heap fragmented, and its resident size grew with the
    task's number of documents (~1.6 KB each, measured) though nothing is kept. About 1 ms a
    call: the write step calls it every few hundred documents."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Any:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


#: Allocations (less deallocations) of containers between two young collections of the
#: cyclic garbage collector in a run's processes (Python's default: 700).
GC_YOUNG = 50_000


def freeze_heap() -> None:
    """Move every object alive now (the stages' models, just loaded) out of the cyclic
    garbage collector's reach (``gc.freeze``), and collect young objects every
    :data:`GC_YOUNG` allocations, not every 700.

    They live as long as the process, yet each full collection would walk them again, and a
    run allocates containers fast enough (parsed documents, annotations, unpickled results)
    to trigger many: measured, unpickling a chunk's results in the main process cost 157
    µs per document with the models in the collector's generations, 55 after the freeze.
    A document's objects live for a chunk or more (a window of chunks in the main process),
    so at 700 they were walked by young collections again and again and promoted, to be
    walked by the older ones, and almost none is garbage: 1,004 collections took 0.44 s of a
    one-worker run of 10,000 documents (2.5 % of it), 1,014 took 0.59 s of the main process
    of a two-worker run; at 50,000, 3 and 5 took 0.06 and 0.17 s. Peak memory did not move
    (text: 262 MB; 250 HTML pages: 407 -> 401 MB; ~1,000 objects of cyclic garbage found).
    (:meth:`corearchive.runner.Run.execute` puts the thresholds back after the run: a
    program that calls ``ingest`` keeps its own.)
    """
    gc.collect()
    gc.freeze()
    collect_young_less_often()


def collect_young_less_often() -> None:
    """Collect young objects every :data:`GC_YOUNG` allocations, not every 700 (unless the
    collector is off, or the process asked for more already): what :func:`freeze_heap` sets
    for a run, and the command line from its start, for the plugins' imports and models (see
    :func:`corearchive.cli.main`)."""
    young, older, oldest = gc.get_threshold()
    if 0 < young < GC_YOUNG:  # (0: the collector is off; a higher one set is kept)
        gc.set_threshold(GC_YOUNG, older, oldest)


# The worker process's own stages, built once by _init_worker.
_worker: LocalPart | None = None


# Why they could not be built: every chunk sent is answered with it.
_worker_error: StageSetupError | None = None


def die_with_parent(parent: int | None = None) -> None:
    """In a worker process: end when the main process ends. A main process killed outright
    (SIGKILL, the OOM killer) left its workers running for a while, the busy ones to the end
    of their chunk; on Linux the kernel now sends them SIGKILL (``PR_SET_PDEATHSIG``).
    ``parent``: the main process's id, if known (a parent gone before the call is seen)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # (no prctl in this C library)
        return
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def _init_worker(
    spec: WorkerSpec, parent: int | None = None, watch: tuple[Any, Any] | None = None
) -> None:
    global _worker, _worker_error
    die_with_parent(parent)
    if watch is not None:  # (the main process's Watchdog: a slot of its own)
        array, counter = watch
        with counter.get_lock():
            index = limits.SLOT * counter.value
            counter.value += 1
        if index + limits.SLOT <= len(array):
            limits.publish_to(array, index)
    # Ctrl-C goes to the whole process group: the main process decides what happens.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Its own, even when forked from a main process that has opened them: a stage's open()
    # may hold what a fork does not carry (threads, connections); it costs ~0.2 s.
    try:
        _worker = build_local(spec)
    except StageSetupError as exc:
        # (raised here, it would break the pool: restarted per document, every document
        # failed as a lost worker, the cause lost in thousands of lines of tracebacks)
        _worker_error = exc
        return
    # Runs when the worker process exits normally (the pool shuts down).
    multiprocessing.util.Finalize(None, _close_worker, exitpriority=10)


def _close_worker() -> None:
    if _worker is not None:
        close_stages(_worker.stages)


def _work(docs: list[Document]) -> ChunkResult:
    if _worker_error is not None:
        raise _worker_error
    assert _worker is not None, "worker not initialised"
    return shed(_worker.run(docs))


def shed(result: ChunkResult) -> ChunkResult:
    """A worker's result, without what the main process still holds: a document's ``raw``
    and ``content`` are never changed by stages (see :class:`Document`), and the main
    process kept the chunk it sent, so they need not travel back (:func:`restore`). For a
    5 KB text that is a third of what is pickled; for an HTML page, most of it."""
    for ev in result.events:
        ev.doc.raw = b""
        ev.doc.content = ""
    return result


def restore(result: ChunkResult, chunk: list[Document]) -> ChunkResult:
    """Put back what :func:`shed` left out, from the documents that were sent."""
    sent = {d.id: d for d in chunk}
    for ev in result.events:
        doc = ev.doc
        if (orig := sent.get(doc.id)) is not None and orig is not doc:
            doc.raw = orig.raw
            doc.content = orig.content
    return result


@dataclass
class _Pending:
    """A chunk of :meth:`RemoteExecutor.map`: submitted (``handle``) or run here (``result``)."""

    chunk: list[Document]
    handle: Any
    generation: int
    result: ChunkResult | None = None


class WorkerLost(Exception):
    """The worker process holding a task died (a crash in C code, the OOM killer)."""


#: How often (seconds) the :class:`Watchdog` looks at its workers' deadlines.
WATCH_TICK = 0.25


class Watchdog:
    """In the main process: kills a worker process stuck past its hard deadline.

    Each worker publishes, in shared memory, the deadline of the time limit it is under
    (``doc_timeout``) plus :data:`corearchive.limits.HARD_GRACE`
    (:func:`corearchive.limits.publish_to`), and the CPU time at which it is out
    (:func:`corearchive.limits.overdue`). The alarm that enforces the limit interrupts
    Python code only: a call into C code that runs on (libxml2 on a page of 100,000
    attributes: minutes) held the worker, and the run waited for it. Past the hard
    deadline the watchdog kills the worker (SIGKILL); the pool is replaced, the documents it
    held are run again one per task, and the one that overruns again fails as a timeout
    (:meth:`RemoteExecutor._retry`)."""

    def __init__(self, slots: int, on_kill: Callable[[float], None]) -> None:
        self.array = multiprocessing.RawArray("d", limits.SLOT * slots)
        self.counter = multiprocessing.Value("i", 0)
        self.on_kill = on_kill
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._watch, name="corearchive-watchdog", daemon=True
        )
        self._thread.start()

    def _watch(self) -> None:
        array = self.array
        while not self._stop.wait(WATCH_TICK):
            now = time.monotonic()
            for i in range(0, len(array), limits.SLOT):
                if not limits.overdue(array, i, now):
                    continue
                pid, limit = array[i], array[i + 2]
                array[i + 1] = 0.0
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except OSError:  # (gone already)
                    continue
                self.on_kill(limit)

    def stop(self) -> None:
        self._stop.set()


class RemoteExecutor:
    """Runs the local stages in worker processes, with results in input order.

    At most ``2 × workers`` chunks are in flight, so memory does not grow with the input.
    Workers start with the second chunk: a run that fits in one chunk does not pay for
    starting workers and loading models in each. A worker that dies costs only the
    documents it held: the workers are restarted, that chunk is retried one document per
    task, and the document that kills a worker again is reported as failed.

    With ``steal``, the main process runs the next chunk itself whenever the result it needs
    next is not there yet (:meth:`map`): on a machine of N cores it is one of N processes
    doing the work, not an N+1th that mostly waits, and its chunks cost no pickling. The
    price: a crash in C code on one of its chunks ends the run (``--isolate`` keeps the
    stages out of it).

    Subclasses say how a chunk is submitted, awaited and how workers restart.
    """

    def __init__(
        self, workers: int, spec: WorkerSpec, inline: InlineExecutor, steal: bool = False
    ) -> None:
        self.workers = workers
        self.spec = spec
        self.inline = inline
        #: Whether this process runs chunks itself while it waits (see :meth:`map`).
        self.steal = steal
        #: Whether the stages run only in workers, never here, even for a run of one chunk.
        self.isolated = False
        # More chunks out when this process also runs chunks: the workers must not run dry
        # while it is busy with one of its own and with the ordered stages (measured with
        # one worker, CPU of main / worker: 1.2 with 3 chunks out, 1.07-1.11 with 6).
        self.window = 2 * workers + (4 if steal else 0)
        self._inline_opened = False
        #: CPU seconds of the last chunk this process ran itself (see :meth:`_window`)
        self._chunk_cpu = 0.0
        #: Bumped at every restart, so a failure of an older generation restarts nothing.
        self.generation = 0
        #: Workers killed by the :class:`Watchdog` past a hard deadline, and the last one's
        #: limit (seconds).
        self.timeouts = 0
        self.timeout_limit = 0.0

    def _timed_out(self, limit: float) -> None:
        """The watchdog killed a worker stuck past its limit (called in its thread)."""
        self.timeout_limit = limit
        self.timeouts += 1

    def open(self) -> None:
        pass

    # -- what subclasses implement ---------------------------------------------------------
    def submit(self, chunk: list[Document]) -> Any:
        """Start the local stages on ``chunk``; return a handle for :meth:`wait`."""
        raise NotImplementedError

    def wait(self, handle: Any) -> ChunkResult:
        """The result of a submitted chunk; raise :class:`WorkerLost` if its worker died."""
        raise NotImplementedError

    def restart(self) -> None:
        """Replace the workers (after one died)."""
        raise NotImplementedError

    def shutdown(self) -> None:
        """Stop the workers after their work."""

    def abort(self) -> None:
        """The run failed or was interrupted: stop the workers now, drop their work."""
        self.restart()

    def ready(self, handle: Any) -> bool:
        """Whether a submitted chunk's result is there (so :meth:`wait` will not block).
        Executors that cannot tell say yes: the main process then never works in between."""
        return True

    def cancel(self, handle: Any) -> bool:
        """Withdraw a submitted chunk that no worker has started; whether it was withdrawn
        (the caller then runs it). Executors that cannot tell say no."""
        return False

    # -- the ordered, windowed map -----------------------------------------------------------
    def map(self, chunks: Iterable[list[Document]]) -> Iterator[ChunkResult]:
        it = iter(chunks)
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        if second is None and not self.isolated:
            # One chunk only: not worth starting workers (unless isolated: the stages never
            # run in this process then, see runner.RunOptions.isolate).
            yield self._inline(first)
            return
        it = itertools.chain([first] if second is None else [first, second], it)
        # Chunks in input order: submitted ones (handle) and ones this process ran (result).
        pending: collections.deque[_Pending] = collections.deque()
        in_flight = 0
        more = True
        while True:
            window = self._window()
            while more and in_flight < window:
                chunk = next(it, None)
                if chunk is None:
                    more = False
                    break
                pending.append(_Pending(chunk, self.submit(chunk), self.generation))
                in_flight += 1
            if not pending:
                return
            head = pending[0]
            if (
                more
                and self.steal
                and head.result is None
                and len(pending) < 3 * window
                and not self.ready(head.handle)
            ):
                # The next result is not there yet and the workers have their window: this
                # process runs the next chunk itself instead of waiting (it never idles
                # while there is work, and that chunk costs no pickling). Not beyond a few
                # windows of its own results held back behind the head: a worker stuck on
                # one document must not make this process hold the rest of the input.
                chunk = next(it, None)
                if chunk is None:
                    more = False
                else:
                    pending.append(_Pending(chunk, None, self.generation, self._inline(chunk)))
                continue
            if not more and self.steal and head.result is None and not self.ready(head.handle):
                # The input is read and the next result is not there yet: this process takes
                # back the last chunk that no worker has started and runs it itself. The
                # workers had a window of chunks queued at the end, which this process only
                # waited for (~0.4 s of a 10 s run of 10,000 documents with 2 workers, one of
                # them idle at the end); now the two ends meet in the middle.
                taken = self._take_back(pending)
                if taken is not None:
                    in_flight -= 1
                    taken.result = self._inline(taken.chunk)
                    taken.handle = None
                    continue
            pending.popleft()
            if head.result is not None:
                yield head.result
            else:
                in_flight -= 1
                yield self._result(head.chunk, head.handle, head.generation)

    def _take_back(self, pending: collections.deque[_Pending]) -> _Pending | None:
        """The last submitted chunk of ``pending`` that :meth:`cancel` withdrew (no worker
        had started it), or None."""
        for p in reversed(pending):
            if p.result is None and p.handle is not None and self.cancel(p.handle):
                return p
        return None

    def _inline(self, chunk: list[Document]) -> ChunkResult:
        """Run ``chunk`` in this process (its stages opened at the first such chunk)."""
        if not self._inline_opened:
            self.inline.open()
            self._inline_opened = True
        t0 = time.process_time()
        result = self.inline.part.run(chunk)
        self._chunk_cpu = time.process_time() - t0
        return result

    def _window(self) -> int:
        """Chunks out at a time: :attr:`window`, or fewer when chunks are slow (HTML pages,
        ~1.4 s a chunk): about a second of queued work per worker keeps the workers busy,
        and every chunk out, and each held back behind them, is memory of this process
        (with 2 workers on 1,088 HTML pages it peaked at 783-803 MB with the full window,
        639-654 MB with this one, at the same speed)."""
        if self._chunk_cpu <= 0.0:
            return self.window
        per_worker = 1 + math.ceil(1.0 / self._chunk_cpu)
        return max(2 * self.workers, min(self.window, per_worker * self.workers))

    def _result(self, chunk: list[Document], handle: Any, generation: int) -> ChunkResult:
        try:
            return restore(self.wait(handle), chunk)
        except WorkerLost:
            if generation == self.generation:
                self._restart()
            return self._retry(chunk)
        except StageSetupError:
            raise  # (the run stops)
        except Exception:
            # Not a stage failure (those are isolated per document): the chunk itself could
            # not be sent or returned, e.g. a document that does not pickle. Again one
            # document per task, so that only the documents at fault fail.
            return self._retry(chunk)

    def _restart(self) -> None:
        self.generation += 1
        self.restart()

    def _retry(self, chunk: list[Document]) -> ChunkResult:
        """A worker died while this chunk was out, or its result could not travel: rerun it
        one document per task, so that only the document that kills a worker again, or
        that cannot travel, is lost (reported as failed)."""
        events: list[Event] = []
        stats: dict[str, StageStats] = {}
        for doc in chunk:
            timeouts = self.timeouts
            try:
                res = restore(self.wait(self.submit([doc])), [doc])
            except WorkerLost:
                self._restart()
                names = ", ".join(s.name for s in self.inline.part.stages)
                if self.timeouts > timeouts:
                    error = (
                        f"DocumentTimeout: timeout: over {self.timeout_limit:g} s"
                        " (pipeline.doc_timeout) in one of the stages"
                        f" {names}, in code the limit could not interrupt (C code); the"
                        " worker process was killed and replaced"
                    )
                else:
                    error = (
                        "the worker process died while processing this document, in one of"
                        f" the stages {names} (a crash in C code, or the OOM killer)"
                    )
                events.append(Event("failed", doc, "worker", error=error))
                continue
            except StageSetupError:
                raise
            except Exception as exc:
                error = describe_error(exc)
                events.append(Event("failed", doc, "worker", error=error))
                continue
            events.extend(res.events)
            for name, s in res.stats.items():
                add_stats(stats.setdefault(name, StageStats()), s)
        return ChunkResult(events, stats)

    def close(self) -> None:
        self.shutdown()
        if self._inline_opened:
            self.inline.close()


if sys.version_info < (3, 12):
    from concurrent.futures import InvalidStateError
    from concurrent.futures import process as _cf_process

    class _ManagerThread(_cf_process._ExecutorManagerThread):
        def terminate_broken(self, cause: Any) -> None:
            # Python 3.11 marks each task still in the pool failed, and stops at one the
            # run had withdrawn (:meth:`PoolExecutor.cancel`): set_exception refuses a
            # cancelled future, a traceback reaches the terminal and the rest of the pool
            # (the later tasks, the other workers) is left as it was. 3.12 skips those; here
            # the tasks already marked and the withdrawn ones are dropped and the marking
            # goes on (the loop: a task may be withdrawn meanwhile).
            while True:
                try:
                    return super().terminate_broken(cause)
                except InvalidStateError:
                    for work_id, item in list(self.pending_work_items.items()):
                        if item.future.done():
                            del self.pending_work_items[work_id]

    class _Pool(ProcessPoolExecutor):
        def _start_executor_manager_thread(self) -> None:
            # (ProcessPoolExecutor's own, Python 3.11, with the manager thread above)
            if self._executor_manager_thread is None:
                if not self._safe_to_dynamically_spawn_children:
                    self._launch_processes()
                self._executor_manager_thread = _ManagerThread(self)
                self._executor_manager_thread.start()
                _cf_process._threads_wakeups[self._executor_manager_thread] = (
                    self._executor_manager_thread_wakeup
                )

else:
    _Pool = ProcessPoolExecutor


class PoolExecutor(RemoteExecutor):
    """Worker processes of this machine (``--workers N``), forked where the OS allows, so
    that plugins registered in-process (tests, embedding applications) are there too."""

    pool: ProcessPoolExecutor | None = None
    watchdog: Watchdog | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            if method == "fork" and self.workers + self.steal > 1:
                # (the patterns compiled once, here, and inherited by the forked workers,
                # where each process that runs the stages compiled the ones it used: ~0.3 s
                # of CPU each on plain text, all of them here ~0.5 s; not for one worker
                # alone, this process running no stage)
                lazyre.compile_pending()
            watch = None
            timeout = self.spec.config.doc_timeout if self.spec is not None else 0.0
            if 0 < timeout < limits._NO_LIMIT:
                self.watchdog = Watchdog(self.workers, self._timed_out)
                watch = (self.watchdog.array, self.watchdog.counter)
            self.pool = _Pool(
                self.workers,
                mp_context=multiprocessing.get_context(method),
                initializer=_init_worker,
                initargs=(self.spec, os.getpid(), watch),
            )
            widen_pipes(self.pool)
        return self.pool

    def _stop_watchdog(self) -> None:
        if self.watchdog is not None:
            self.watchdog.stop()
            self.watchdog = None

    def submit(self, chunk: list[Document]) -> Future[ChunkResult]:
        return self._pool().submit(_work, chunk)

    def ready(self, handle: Future[ChunkResult]) -> bool:
        return handle.done()

    def cancel(self, handle: Future[ChunkResult]) -> bool:
        # (a chunk the pool has not yet handed to its call queue: at most workers + 1 are)
        return handle.cancel()

    def wait(self, handle: Future[ChunkResult]) -> ChunkResult:
        try:
            return handle.result()
        except BrokenProcessPool as exc:
            raise WorkerLost(str(exc)) from exc

    def restart(self) -> None:
        """The pool replaced, its processes terminated: after a worker died the pool is
        broken and its other workers' results lost anyway, and Python 3.11's pool, marking
        its queued tasks failed, stops at one :meth:`_take_back` withdrew (InvalidStateError)
        before it terminates them: they stayed behind, orphans (s29 code reviewer). Also
        what :meth:`abort` does: the workers terminated, not left to finish their chunks
        (which the interpreter's exit then waited for; after a second Ctrl-C, forever)."""
        self._stop_watchdog()
        if self.pool is not None:
            # (ProcessPoolExecutor has no terminate before Python 3.14: its processes)
            processes = getattr(self.pool, "_processes", None) or {}
            for process in list(processes.values()):
                with contextlib.suppress(Exception):
                    process.terminate()
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = None

    def shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        self._stop_watchdog()


#: Size asked for the pipes to and from the workers: a pickled chunk of 64 documents going
#: out or coming back is ~0.4-0.7 MB.
PIPE_BYTES = 1 << 20


def widen_pipes(pool: ProcessPoolExecutor) -> None:
    """Give the pool's task and result pipes :data:`PIPE_BYTES` (Linux; elsewhere, or when
    the system refuses, they stay as they are).

    With the default 64 KB, a chunk goes through in many writes, each waiting for the other
    side to read, and on this side the reading is done by the pool's threads, which wait for
    the GIL held by the main thread running stages: a worker idled ~8 % of its time in those
    waits (10,000 documents, 2 workers), ~3.5 % with 1 MB pipes."""
    try:
        import fcntl
    except ImportError:  # not on a Unix
        return
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None)
    if setsize is None:
        return
    # The queues are the pool's own attributes (CPython's concurrent.futures.process):
    # another Python without them keeps its pipes (AttributeError).
    for queue, end in (("_call_queue", "_writer"), ("_result_queue", "_reader")):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            conn = getattr(getattr(pool, queue), end)
            fcntl.fcntl(conn.fileno(), setsize, PIPE_BYTES)


def add_stats(into: StageStats, other: StageStats) -> None:
    """Add a chunk's counts of a stage to the run's."""
    into.docs_in += other.docs_in
    into.docs_out += other.docs_out
    into.dropped.update(other.dropped)
    into.failed += other.failed
    into.seconds += other.seconds
