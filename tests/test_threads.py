"""corearchive in a program with threads: a Cleaner per thread, ingest() from two threads."""

from __future__ import annotations

import random
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_cleaner import _WORDS

from corearchive import Cleaner

#: class and id values trafilatura's expressions test (so that its per-page lists differ)
_CLASSES = [
    "comments",
    "comment-list",
    "tags",
    "cat-links",
    "author",
    "byline",
    "sidebar",
    "footer",
    "share",
    "related",
    "post-meta",
    "entry-content",
    "cookie-banner",
]


def _html_page(n: int) -> str:
    """An HTML news page of its own, with a varying set of the class values trafilatura's
    pruning and metadata expressions look for."""
    rng = random.Random(n)
    paras = "".join(
        f"<p>The {' '.join(rng.sample(_WORDS, 3))} story {n} went on, as the"
        f" {' '.join(rng.sample(_WORDS, 4))} report of the town said on day {i}.</p>"
        for i in range(8)
    )
    extra = "".join(
        f'<div class="{c}"><a href="/x/{c}">{c} {n}</a> {" ".join(rng.sample(_WORDS, 5))}</div>'
        for c in rng.sample(_CLASSES, rng.randint(1, 6))
    )
    return (
        f"<!doctype html><html><head><title>Plan {n} approved</title>"
        f'<meta name="author" content="Ann Writer {n}"></head><body>'
        f'<nav><a href="/">Home</a> <a href="/w">World</a></nav>'
        f"<article><h1>Council approves the plan number {n}</h1>{paras}</article>"
        f"{extra}<footer>© 2024 Example News</footer></body></html>"
    )


def _summary(got: object) -> tuple[object, ...]:
    record = getattr(got, "record", None) or {}
    return (getattr(got, "kept", None), getattr(got, "error", None), record.get("text"),
            record.get("title"))  # fmt: skip


def test_a_cleaner_per_thread_reads_html_as_one_thread_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # trafilatura's module state was swapped per call: two threads took each other's
    # lists, and about half of the pages failed ("zip() argument 2 is longer ...")
    monkeypatch.chdir(tmp_path)
    pages = [(_html_page(n), f"https://example.org/{n}") for n in range(60)]
    with Cleaner() as c:
        want = {url: _summary(c.clean(page, url=url)) for page, url in pages}
    got: dict[str, tuple[object, ...]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def work(part: list[tuple[str, str]]) -> None:
        try:
            with Cleaner() as mine:
                start.wait()
                for page, url in part:
                    got[url] = _summary(mine.clean(page, url=url))
        except BaseException as exc:  # (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(pages[i::3],)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    differ = {url: got[url] for url in want if got.get(url) != want[url]}
    assert not differ, f"{len(differ)} of {len(want)} pages differ: {next(iter(differ.values()))}"
    assert all(k for k, *_ in want.values())


def test_threads_that_start_at_once_load_the_language_models_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the first thread's load filled the module's state key by key; the others saw it
    # non-empty and went on: "StageSetupError ... KeyError: 'sup'" for Cleaners made at once
    from corearchive_plugins.language import detect

    monkeypatch.setattr(detect, "_state", {})
    loading = threading.Event()
    slow = detect._load_p3l

    def load_p3l(*args: object) -> object:  # (a slow disk: the others come meanwhile)
        loading.set()
        time.sleep(0.3)
        return slow(*args)

    monkeypatch.setattr(detect, "_load_p3l", load_p3l)
    n = 4
    got: list[object] = []

    def work(first: bool) -> None:
        if not first:
            loading.wait(10)
        try:
            detect.load()
            got.append(len(detect.known_codes()))
        except BaseException as exc:  # (reported below)
            got.append(exc)

    threads = [threading.Thread(target=work, args=(i == 0,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == n and all(isinstance(x, int) and x > 100 for x in got), got


def test_threads_sharing_one_cleaner_take_turns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # four threads on one cleaner: documents were lost in silence ("the document was lost")
    monkeypatch.chdir(tmp_path)
    pages = [(_html_page(n) if n % 2 else _text_page(n), f"https://example.org/{n}")
             for n in range(120)]  # fmt: skip
    pages += [(page, url + "?copy") for page, url in pages[:40]]  # (exact duplicates)
    got: dict[str, tuple[object, ...]] = {}
    errors: list[BaseException] = []
    n_threads = 4
    start = threading.Barrier(n_threads)
    # (how many calls are inside the cleaner's work at once: each waits there a little)
    inside, most = [0], [0]
    work_of = Cleaner._run

    def run(self: Cleaner, *args: object) -> Iterator[object]:
        inside[0] += 1
        most[0] = max(most[0], inside[0])
        time.sleep(0.002)
        try:
            yield from work_of(self, *args)  # type: ignore[arg-type]
        finally:
            inside[0] -= 1

    monkeypatch.setattr(Cleaner, "_run", run)
    # (threads switched every 10 µs, not every 5 ms: the calls overlap at every step)
    with Cleaner() as shared, _fast_switching():

        def work(part: list[tuple[str, str]]) -> None:
            start.wait()
            try:
                for page, url in part:
                    got[url] = _summary(shared.clean(page, url=url))
            except BaseException as exc:  # (reported below)
                errors.append(exc)

        threads = [
            threading.Thread(target=work, args=(pages[i::n_threads],)) for i in range(n_threads)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert most[0] == 1, f"{most[0]} calls inside one cleaner at once"
        bad = {url: g for url, g in got.items() if g[1] or not (g[0] or url.endswith("?copy"))}
        assert len(got) == len(pages) and not bad, f"{len(bad)} bad: {next(iter(bad.values()))}"
        # within one thread, a call inside its own clean_many loop is refused, not a hang
        for _ in shared.clean_many([_text_page(500)]):
            with pytest.raises(RuntimeError, match="in use by a clean_many"):
                shared.clean(_text_page(501))


def _text_page(n: int) -> str:
    rng = random.Random(n)
    sentences = "".join(
        f"The {' '.join(rng.sample(_WORDS, 3))} story number {n} went on, as the"
        f" {' '.join(rng.sample(_WORDS, 4))} report of the town said on day {i}.\n"
        for i in range(6)
    )
    return f"Council approves plan number {n}\nHome\nWorld\nShare\n{sentences}© 2024 News\n"


@contextmanager
def _fast_switching() -> Iterator[None]:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def _guarded_in_child() -> None:
    from corearchive_plugins.boilerplate.htmltree import guarded_xpaths, patched

    with guarded_xpaths(), patched():
        pass


def test_a_fork_while_another_thread_holds_the_html_lock_does_not_hang() -> None:
    # ingest(workers=2) from two threads: a pool forked while the other thread was inside
    # the HTML path gave children whose copy of the lock was held for good (they hung)
    import multiprocessing

    from corearchive_plugins.boilerplate.htmltree import LIBRARY_LOCK

    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        with LIBRARY_LOCK:
            held.set()
            done.wait(0.5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    child = multiprocessing.get_context("fork").Process(target=_guarded_in_child)
    child.start()
    child.join(10)
    done.set()
    holder.join()
    if child.is_alive():
        child.kill()
        child.join()
    assert child.exitcode == 0, f"the child hung or failed: exit code {child.exitcode}"


def test_a_cleaner_in_use_when_the_process_forks_says_so_in_the_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the child's copy of the cleaner's lock was held (by a thread of the parent): its
    # call waited for good instead of saying the cleaner belongs to another process
    import multiprocessing

    monkeypatch.chdir(tmp_path)
    with Cleaner() as c:
        with c._lock:  # (a call of another thread under way)
            ctx = multiprocessing.get_context("fork")
            answer = ctx.SimpleQueue()

            def use() -> None:
                try:
                    c.clean(_text_page(1))
                    answer.put("cleaned")
                except RuntimeError as exc:
                    answer.put(str(exc))

            child = ctx.Process(target=use)
            child.start()
            child.join(10)
            if child.is_alive():
                child.kill()
                child.join()
        assert child.exitcode == 0, f"the child hung: exit code {child.exitcode}"
        assert "made in another process" in answer.get()
