"""corearchive in a program with threads: a Cleaner per thread, ingest() from two threads."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

from corearchive import Cleaner

_WORDS = [
    "river",
    "council",
    "budget",
    "school",
    "harbour",
    "market",
    "station",
    "library",
    "museum",
    "garden",
    "bridge",
]

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
