"""Time limits per document: nested SIGALRM deadlines, and a stage that hangs on a document."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

import pytest

from corearchive import Document, Stage
from corearchive.limits import DocumentTimeout, time_limit

from helpers import ARTICLE, StagePlugin, extra_plugins

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs setitimer")


class Inner(Exception):
    pass


def _spin(seconds: float) -> None:
    """Work for ``seconds`` of this thread's CPU time (what a limit counts in the main
    thread: a spin on the wall clock spent a tenth of it on a loaded machine, and a limit
    meant to expire inside it did not)."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_a_block_that_runs_over_its_limit_is_interrupted_and_the_timer_is_reset():
    t0 = time.monotonic()
    with pytest.raises(Inner), time_limit(0.2, Inner):
        _spin(5)
    assert 0.15 < time.monotonic() - t0 < 2
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(0.5, Inner):  # a block within its limit runs to its end
        _spin(0.05)
    with time_limit(0, Inner):  # 0: no limit
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    # nor is one the timer cannot hold ("inf" in a configuration failed every document
    # with an OverflowError)
    for seconds in (float("inf"), 1e300, 1e8):
        with time_limit(seconds, Inner):
            assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_limit_counts_the_cpu_time_of_its_block_up_to_a_wall_clock_end():
    """On a loaded machine the wall clock ran 30 times ahead of a worker's CPU time, and
    pages of 0.3 s failed a 10 s limit (s49 acc-regress R10): a block that waits (here:
    sleeps) past its limit is not interrupted until it has spent the limit's CPU time, or
    has run WALL_FACTOR times the limit on the wall clock."""
    from corearchive import limits

    with time_limit(0.2, Inner):
        time.sleep(0.5)  # (no CPU time spent: the block runs to its end)
    t0 = time.monotonic()
    with pytest.raises(Inner), time_limit(0.2, Inner):
        time.sleep(0.3)
        _spin(5)  # (its CPU time runs out 0.2 s into the spin)
    assert 0.45 < time.monotonic() - t0 < 3
    t0 = time.monotonic()
    with pytest.raises(Inner), time_limit(0.05, Inner):
        time.sleep(5)  # (interrupted at its wall-clock end, 0.05 × WALL_FACTOR)
    assert 0.05 * limits.WALL_FACTOR - 0.05 < time.monotonic() - t0 < 3
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_block_that_waits_ends_at_most_max_wait_past_its_limit(monkeypatch):
    """A block that waits (a lock, a pipe, another thread's work: no CPU time of its own)
    ran WALL_FACTOR times its limit: 20 minutes under the default 60 s (s50 acc-read F7).
    It ends MAX_WAIT seconds past its limit at most."""
    from corearchive import limits

    monkeypatch.setattr(limits, "MAX_WAIT", 0.3)
    t0 = time.monotonic()
    with pytest.raises(Inner), time_limit(0.2, Inner):
        time.sleep(3)  # (WALL_FACTOR alone: 4 s)
    assert 0.45 < time.monotonic() - t0 < 2
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_nested_limits_each_raise_their_own_and_the_outer_one_survives_the_inner():
    # the inner limit first: its own exception, and the outer one is still armed after it
    with pytest.raises(DocumentTimeout), time_limit(0.6, lambda: DocumentTimeout("outer")):
        with pytest.raises(Inner), time_limit(0.1, Inner):
            _spin(5)
        _spin(5)
    # the outer limit first, inside an inner block with more time: the outer's exception
    # goes through the inner block (which catches only its own)
    with pytest.raises(DocumentTimeout), time_limit(0.1, lambda: DocumentTimeout("outer")):
        try:
            with time_limit(5, Inner):
                _spin(5)
        except Inner:
            pytest.fail("the inner limit fired")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_alarm_that_is_no_limit_goes_to_the_handler_set_before(monkeypatch):
    got = []
    old = signal.signal(signal.SIGALRM, lambda signum, frame: got.append(signum))
    try:
        with time_limit(5, Inner):  # installs the limits' handler over this one
            pass
        signal.setitimer(signal.ITIMER_REAL, 0.05)  # someone else's alarm
        _spin(0.3)
        assert got == [signal.SIGALRM]
        # and a handler set later is noticed: the limits install theirs again
        signal.signal(signal.SIGALRM, lambda signum, frame: got.append(0))
        with pytest.raises(Inner), time_limit(0.05, Inner):
            _spin(2)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_document_timeout_is_not_caught_by_except_exception():
    with pytest.raises(DocumentTimeout), time_limit(0.1, lambda: DocumentTimeout("x")):
        try:
            _spin(5)
        except Exception:
            pytest.fail("swallowed")


class HangingStage(Stage):
    """Spins on documents that say HANG, even through its own ``except Exception``."""

    name = "hanging"

    def process(self, doc: Document) -> Document:
        if "HANG" in doc.text:
            while True:
                with contextlib.suppress(Exception):
                    _spin(0.01)
        return doc


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_document_that_hangs_a_stage_fails_and_the_run_goes_on(
    ingest, tmp_path, monkeypatch, workers
):
    docs = tmp_path / "in"
    docs.mkdir()
    for i in range(70):  # more than a chunk: workers get some, the rest runs here
        text = ARTICLE.replace("twelve", f"{i} HANG" if i in (3, 66) else f"{i}")
        (docs / f"{i:02d}.txt").write_text(text + f"\nSerial {i}: a line of its own here.")
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        '[pipeline]\nstages = ["hanging"]\ndoc_timeout = 0.5\n[output]\nsinks = ["records"]\n'
    )
    with extra_plugins(monkeypatch, ("hanging", StagePlugin(HangingStage))):
        res = ingest(str(docs), "--config", str(cfg), "--workers", workers)
    assert res.exit_code == 1
    assert len(res.records) == 68
    errors = sorted(r["source"]["path"].rsplit("/", 1)[1] for r in res.rejects)
    assert errors == ["03.txt", "66.txt"]
    assert all("DocumentTimeout" in r["error"] and "over 0.5 s" in r["error"] for r in res.rejects)
    # where the stage was when its time ran out, not the alarm handler's line in limits.py
    assert all(" at test_limits.py:" in r["error"] for r in res.rejects), res.rejects
    assert res.manifest["config"]["resolved"]["pipeline"]["doc_timeout"] == 0.5


def _marked_inputs(
    tmp_path: Path, n: int, marked: tuple[int, ...], mark: str, stage: str
) -> tuple[Path, Path]:
    """``n`` articles in ``tmp_path / "in"``, those at ``marked`` with the word ``mark``,
    and a config running ``stage`` alone under doc_timeout = 0.5 -> (folder, config)."""
    docs = tmp_path / "in"
    docs.mkdir()
    for i in range(n):
        text = ARTICLE.replace("twelve", f"{i} {mark}" if i in marked else f"{i}")
        (docs / f"{i:02d}.txt").write_text(text + f"\nSerial {i}: a line of its own here.")
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        f'[pipeline]\nstages = ["{stage}"]\ndoc_timeout = 0.5\n[output]\nsinks = ["records"]\n'
    )
    return docs, cfg


def _sleeping_stage(qualname: str, stage: str, word: str, seconds: float) -> type[Stage]:
    """A stage that, on documents holding ``word``, sleeps ``seconds`` in C code that no
    alarm interrupts (SIGALRM is blocked meanwhile), spending no CPU time."""

    class Sleeping(Stage):
        name = stage

        def process(self, doc: Document) -> Document:
            if word in doc.text:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                try:
                    time.sleep(seconds)
                finally:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})
            return doc

    Sleeping.__name__ = Sleeping.__qualname__ = qualname  # (pickled by its module's name)
    return Sleeping


#: stuck for 30 s: a libxml2 parse of a pathological page, in effect
StuckInCStage = _sleeping_stage("StuckInCStage", "stuck", "STUCK", 30)
#: 2.5 s of waiting: a parse of 0.2 s of CPU on a machine loaded 12 times over, in effect
SlowInCStage = _sleeping_stage("SlowInCStage", "slowc", "SLOW", 2.5)


@pytest.mark.parametrize(
    "args",
    [
        ["--workers", "1", "--isolate"],
        ["--workers", "2", "--isolate"],
        ["--plan", "staged", "--workers", "1", "--isolate"],
        ["--plan", "staged", "--workers", "2"],
    ],
)
def test_a_document_stuck_in_c_code_gets_its_worker_killed_and_fails_as_a_timeout(
    ingest, tmp_path, monkeypatch, args
):
    """The alarm of doc_timeout interrupts Python code only: a worker stuck in C code held
    the run for as long as the call lasted (the document then failed, minutes late). The
    main process's watchdog kills a worker past its limit plus limits.HARD_GRACE, replaces
    it, and the document is an error entry naming the timeout; nothing else is lost. The
    staged plan had no watchdog (each stuck call held its task; one that never returned,
    the run): a watcher process of each task process kills it past the hard deadline,
    recording the documents in flight; the task runs again, those one a chunk, and the one
    recorded alone fails alike."""
    import corearchive.limits as limits

    monkeypatch.setattr(limits, "HARD_GRACE", 0.5)
    # (the stuck call sleeps, spending no CPU time: it is killed at the limit's end on the
    # wall clock, WALL_FACTOR times the limit)
    monkeypatch.setattr(limits, "WALL_FACTOR", 2.0)
    docs, cfg = _marked_inputs(tmp_path, 70, (3, 66), "STUCK", "stuck")
    t0 = time.monotonic()
    with extra_plugins(monkeypatch, ("stuck", StagePlugin(StuckInCStage))):
        res = ingest(str(docs), "--config", str(cfg), *args)
    took = time.monotonic() - t0
    assert res.exit_code == 1
    assert len(res.records) == 68
    errors = sorted(r["source"]["path"].rsplit("/", 1)[1] for r in res.rejects)
    assert errors == ["03.txt", "66.txt"]
    for r in res.rejects:
        assert r["kind"] == "error" and r["stage"] == "worker"
        assert "timeout" in r["error"] and "over 0.5 s" in r["error"], r["error"]
        assert "killed and replaced" in r["error"], r["error"]
    assert took < 25, took  # (each stuck call would last 30 s)


@pytest.mark.parametrize(
    "args", [["--workers", "1", "--isolate"], ["--plan", "staged", "--workers", "2"]]
)
def test_a_worker_slow_in_c_code_with_cpu_time_left_is_not_killed(
    ingest, tmp_path, monkeypatch, args
):
    """The watchdog killed a worker past its limit's deadline on the wall clock plus
    HARD_GRACE, whatever CPU time it had spent: a call into C code on a loaded machine
    (where the alarm that moves the deadline for CPU time left cannot run) lost its
    document as a timeout. Past the deadline, a worker is killed only once it has spent
    the limit's CPU time, or run WALL_FACTOR times the limit."""
    import corearchive.limits as limits

    monkeypatch.setattr(limits, "HARD_GRACE", 0.5)
    docs, cfg = _marked_inputs(tmp_path, 6, (4,), "SLOW", "slowc")
    with extra_plugins(monkeypatch, ("slowc", StagePlugin(SlowInCStage))):
        res = ingest(str(docs), "--config", str(cfg), *args)
    assert res.exit_code == 0, [r.get("error") for r in res.rejects]
    assert len(res.records) == 6 and res.rejects == []


def test_overdue_reads_the_cpu_time_the_process_spent():
    """The watchers' test (:func:`corearchive.limits.overdue`): past the deadline, the CPU
    time due or the wall end."""
    from corearchive import limits

    now = time.monotonic()
    cpu = limits.process_cpu(os.getpid())
    assert cpu is not None and abs(cpu - time.process_time()) < 0.1
    slot = [float(os.getpid()), now - 1, 1.0, cpu + 100, now + 100]
    assert not limits.overdue(slot, 0, now)  # (past the deadline, CPU time left)
    assert limits.overdue([*slot[:3], cpu - 1, now + 100], 0, now)  # (CPU time spent)
    assert limits.overdue([*slot[:3], cpu + 100, now - 0.1], 0, now)  # (past the wall end)
    assert not limits.overdue([slot[0], now + 1, *slot[2:]], 0, now)  # (before the deadline)
    assert not limits.overdue([slot[0], 0.0, *slot[2:]], 0, now)  # (no limit)
    assert limits.process_cpu(2**22 + 12345) is None


def test_a_limit_that_expires_before_its_block_starts_leaves_no_stale_alarm():
    # doc_timeout = 1e-5: the alarm came inside __enter__, ``with`` never called __exit__,
    # and the stale entry fired every later limit at once (outside any block: a traceback)
    import corearchive.limits as limits

    for _ in range(200):
        with contextlib.suppress(Inner), time_limit(1e-6, Inner):
            _spin(0.001)
        assert limits._active == []
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(0.5, Inner):  # and the next limit is its own again
        _spin(0.05)


def test_a_batch_found_slow_not_stuck_gets_more_time(monkeypatch):
    """A stage of 0.2 s a document under a 1 s limit ran every batch of 8 twice (once cut
    short, then document by document). A batch that ran over its time while each of its
    documents keeps to its own doubles the time of the next batches, up to their size."""
    import corearchive.stage as stage_mod
    from corearchive.stage import StageContext
    from corearchive.testing import make_document

    given: list[float] = []  # the limit each call ran under

    @contextlib.contextmanager
    def simulated(limit: float, make_exc: object):  # (a clock that counts documents)
        given.append(limit)
        yield

    class Slow(Stage):
        name = "slow"
        batch_size = 8

        def process_batch(self, docs: list[Document]) -> list[Document]:
            if 0.2 * len(docs) > given[-1]:  # (0.2 s a document)
                raise DocumentTimeout("over")
            return docs

    monkeypatch.setattr(stage_mod, "time_limit", simulated)

    class Reporter:
        def failed(self, doc: Document, stage: str, error: str) -> None:
            failures.append(error)

        def dropped(self, doc: Document, stage: str, drop: object) -> None:
            raise AssertionError("nothing is dropped")

    failures: list[str] = []
    ctx = StageContext(run_id="r", out=None, catalog=None, reporter=Reporter(), doc_timeout=1.0)  # type: ignore[arg-type]
    stage = Slow(None, ctx)
    docs = [make_document(f"{ARTICLE} {k}") for k in range(40)]
    kept = list(stage.run(docs))
    assert len(kept) == 40 and stage.stats.failed == 0
    # batch 1: 1 s, cut short, then its 8 alone; then 2 s, enough for 8 × 0.2 s
    assert given == [1.0, *[1.0] * 8, 2.0, 2.0, 2.0, 2.0]
    # a document that runs over its own time still fails alone, and the time stays
    stuck = make_document("STUCK " + ARTICLE)
    Slow.process_batch = lambda self, docs: (  # type: ignore[method-assign]
        (_ for _ in ()).throw(DocumentTimeout("over")) if any(d is stuck for d in docs) else docs
    )
    given.clear()
    kept = list(stage.run([*docs[:7], stuck]))
    assert len(kept) == 7 and given == [2.0, *[1.0] * 8]
    assert len(failures) == 1 and failures[0].startswith("DocumentTimeout: over")
    assert stage._batch_scale == 2


def test_a_big_document_runs_alone_and_once(monkeypatch):
    """A 39 MB text of 10 M tiny lines among small documents: the batch ran over its
    time, then each document was run again alone, the big one included (122 s under a
    60 s limit). A document of a megabyte or more now runs alone, once."""
    import corearchive.stage as stage_mod
    from corearchive.stage import StageContext
    from corearchive.testing import make_document

    monkeypatch.setattr(stage_mod, "ALONE_CHARS", 10_000)
    calls: list[list[str]] = []

    class Batched(Stage):
        name = "batched"
        batch_size = 8

        def process_batch(self, docs: list[Document]) -> list[Document]:
            calls.append(["big" if len(d.text) >= 10_000 else "small" for d in docs])
            if any(len(d.text) >= 10_000 for d in docs):
                raise DocumentTimeout("over")
            return docs

    class Reporter:
        def failed(self, doc: Document, stage: str, error: str) -> None:
            failures.append(len(doc.text))

        def dropped(self, doc: Document, stage: str, drop: object) -> None:
            raise AssertionError("nothing is dropped")

    failures: list[int] = []
    ctx = StageContext(run_id="r", out=None, catalog=None, reporter=Reporter(), doc_timeout=1.0)  # type: ignore[arg-type]
    small = [make_document(f"{ARTICLE} {k}") for k in range(6)]
    big = make_document("w\n" * 6_000)
    kept = list(Batched(None, ctx).run([*small[:3], big, *small[3:]]))
    assert [len(d.text) for d in kept] == [len(d.text) for d in small]  # (in order)
    assert calls == [["small"] * 3, ["big"], ["small"] * 3]
    assert failures == [len(big.text)]


def test_an_alarm_in_a_limits_own_exit_leaves_no_stale_limit():
    """Nested limits ending at their deadline (a stage's limit and the HTML extraction's,
    both 10 s): the outer one's alarm came inside the inner one's __exit__, before it
    removed its entry, which then fired into the next document's call and again outside
    any limit (a traceback, the run lost; 27-32 in these 5,000 blocks)."""
    import random

    import corearchive.limits as limits

    class Outer(BaseException):
        pass

    rng = random.Random(1)
    stale = 0
    for _ in range(5000):
        with (
            contextlib.suppress(Outer),
            time_limit(0.0003, Outer),
            contextlib.suppress(Inner),
            time_limit(0.0003, Inner),
        ):
            _spin(rng.uniform(0.00025, 0.00035))
        if limits._active:
            stale += 1
            limits._active.clear()
    signal.setitimer(signal.ITIMER_REAL, 0)
    assert stale == 0


def test_the_host_programs_own_alarm_still_comes(monkeypatch):
    """A program's own signal.alarm (a request's deadline) never came while a cleaner ran:
    each document's limit took the process timer and cancelled it on leaving."""
    import corearchive.limits as limits

    fired: list[float] = []
    before = signal.signal(signal.SIGALRM, lambda s, f: fired.append(time.monotonic()))
    try:
        t0 = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        while time.monotonic() - t0 < 0.6:  # documents one after another, 1 ms each
            with time_limit(0.05, Inner):
                _spin(0.001)
        assert len(fired) == 1 and 0.29 <= fired[0] - t0 <= 0.35
        # pending when the last limit ends: armed again, and it comes
        fired.clear()
        t0 = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        with time_limit(5, Inner):
            _spin(0.01)
        time.sleep(0.3)
        assert len(fired) == 1 and 0.19 <= fired[0] - t0 <= 0.25
        assert limits._host == [] and limits._active == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        monkeypatch.setattr(limits, "_host", [])
        signal.signal(signal.SIGALRM, before)


def test_a_limit_expiring_in_a_held_block_raises_when_the_block_ends():
    """An import interrupted by a document's time limit left half-initialised modules, and
    every later document of the process failed on them (the first HTML page's trafilatura
    import under a short doc_timeout): imports run held."""
    from corearchive.limits import held

    done = []
    with pytest.raises(DocumentTimeout), time_limit(0.05, lambda: DocumentTimeout("x")):
        with held():
            _spin(0.2)  # (the limit expires in here ...)
            done.append("held block")  # (... and the block still runs to its end)
        done.append("after")  # never: raised as the held block ends
    assert done == ["held block"]
    # a held block inside which nothing expires changes nothing
    with time_limit(5, lambda: DocumentTimeout("x")), held():
        _spin(0.01)


def test_a_held_block_past_its_limit_with_cpu_time_left_moves_the_published_deadline():
    """The hard deadline a worker publishes for its parent moves when its limit finds CPU
    time left, inside a held block too (a first import on a loaded machine ran past the
    deadline published as the block began, and the worker was killed; s49 finalrev_C)."""
    from corearchive import limits

    array = [0.0] * limits.SLOT
    limits.publish_to(array, 0)
    try:
        with time_limit(0.1, Inner):
            first = array[1]
            with limits.held():
                time.sleep(0.4)  # (waiting, no CPU time spent: the limit is not out)
                during = array[1]
    finally:
        limits._slot = None
    assert first > 0 and during > first


def _in_thread(fn):  # type: ignore[no-untyped-def]
    import threading

    got: list[object] = []
    thread = threading.Thread(target=lambda: got.append(fn()), daemon=True)
    thread.start()
    thread.join(20)
    assert not thread.is_alive()
    return got[0]


def test_a_limit_in_another_thread_interrupts_python_code_there():
    """Off the main thread there was no limit (SIGALRM goes to the main thread): a cleaner
    in a web server's worker thread ran a 35 MB page for 16 s under doc_timeout=3 (s28
    acc-embed M2). A timer thread raises the limit's exception in the thread."""
    import corearchive.limits as limits

    def run() -> list[object]:
        seen: list[object] = []
        t0 = time.monotonic()
        with contextlib.suppress(Inner), time_limit(0.2, Inner):
            _spin(5)
            seen.append("not interrupted")
        seen.append(round(time.monotonic() - t0, 1))
        # nested: the inner one, then the outer one, each its own
        try:
            with time_limit(0.6, lambda: DocumentTimeout("outer")):
                with contextlib.suppress(Inner), time_limit(0.1, Inner):
                    _spin(5)
                seen.append("inner")
                _spin(5)
        except DocumentTimeout as exc:
            seen.append(str(exc))
        # a held block (an import) is not cut: the limit is raised as it ends
        try:
            with time_limit(0.1, Inner):
                with limits.held():
                    _spin(0.3)
                    seen.append("held to its end")
                seen.append("not raised after the held block")
        except Inner:
            seen.append("raised after")
        # blocks that end at their deadlines leave nothing behind
        for i in range(2000):
            with (
                contextlib.suppress(Inner, DocumentTimeout),
                time_limit(0.0005, Inner),
                time_limit(0.0004 + (i % 3) / 10_000, lambda: DocumentTimeout("x")),
            ):
                _spin(0.0005)
        _spin(0.05)
        seen.append((dict(limits._in_threads), set(limits._pending_in)))
        with time_limit(5, Inner):
            _spin(0.05)
        return seen

    assert _in_thread(run) == [
        0.2, "inner", "outer", "held to its end", "raised after", ({}, set())
    ]  # fmt: skip


def test_a_cleaner_in_a_thread_fails_a_page_that_runs_over_doc_timeout(tmp_path, monkeypatch):
    import corearchive.cleaner as cleaner_mod
    from corearchive import Cleaner
    from corearchive.manager import make_plugin_manager

    def factory(extra=(), **kw):  # type: ignore[no-untyped-def]
        return make_plugin_manager([("hanging", StagePlugin(HangingStage)), *extra], **kw)

    monkeypatch.setattr(cleaner_mod, "make_plugin_manager", factory)
    monkeypatch.chdir(tmp_path)
    settings = ['pipeline.stages=["hanging"]', "pipeline.doc_timeout=0.5"]
    with Cleaner(settings=settings) as cleaner:
        t0 = time.monotonic()
        hung = _in_thread(lambda: cleaner.clean(ARTICLE.replace("twelve", "HANG")))
        took = time.monotonic() - t0
        fine = _in_thread(lambda: cleaner.clean(ARTICLE))
    assert hung.stage == "hanging" and "DocumentTimeout" in hung.error, hung  # type: ignore[attr-defined]
    assert "over 0.5 s" in hung.error  # type: ignore[attr-defined]
    assert took < 5, took
    assert fine.kept  # type: ignore[attr-defined]
