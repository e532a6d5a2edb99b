"""Cheaper steps of the boilerplate stage's plain-text path that give the same answers
(s52 perfbp52, issue 7)."""

from __future__ import annotations

import random

import numpy as np

from corearchive_plugins.boilerplate import codeblocks as C

_PROSE = "The council met on Monday and agreed to widen the road near the school."
_CODE = ["$ pip install corearchive", "$ corearchive ingest pages/ -o out/", "done: 12 documents"]


def _old_uncue_code(cue, docs, idxs, rb) -> None:  # type: ignore[no-untyped-def]
    """codeblocks.uncue_code at 76cc2b1c: each cued row's block walked, verdicts by span."""
    rows = np.flatnonzero(cue).tolist()
    if not rows:
        return
    docs_of = np.searchsorted(rb, rows, side="right") - 1
    seen: dict[tuple[int, int], bool] = {}
    for r, k in zip(rows, docs_of.tolist(), strict=True):
        lines = docs[k]
        i = idxs[k][r - int(rb[k])]
        a, b = C.block_at(lines, i)
        key = (k, a)
        if key not in seen:
            if C.copy_button(lines[a].strip()):
                a += 1
            seen[key] = (
                a <= i
                and C._HINT.search("\n".join(lines[a:b])) is not None
                and C._code_block(lines, a, b)
            )
        if seen[key]:
            cue[r] = 0


def _rows(docs: list[list[str]]) -> tuple[list[list[int]], np.ndarray]:
    idxs = [[i for i, s in enumerate(lines) if s.strip()] for lines in docs]
    rb = np.cumsum([0] + [len(ix) for ix in idxs])
    return idxs, rb


def _random_docs(rng: random.Random) -> list[list[str]]:
    pool = [_PROSE, "", "", "Copy", "Share", "x = f(a_b) + 1;", "}", "    return x;",
            *_CODE, "[section]", "KEY=value", "def f(x):", "Read more about it here."]  # fmt: skip
    return [[rng.choice(pool) for _ in range(rng.randint(1, 60))] for _ in range(rng.randint(1, 5))]


def test_uncue_code_walks_each_block_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Every row of a block shares the block's verdict: the block is walked once, not once
    # per cued row (a one-block page of 35 lines was walked 35 times).
    calls = []
    real = C.block_at
    monkeypatch.setattr(C, "block_at", lambda lines, i: calls.append(i) or real(lines, i))
    docs = [["Intro:", "", *_CODE, "", _PROSE], [_PROSE] * 5]
    idxs, rb = _rows(docs)
    cue = np.ones(int(rb[-1]), dtype=np.int64)
    C.uncue_code(cue, docs, idxs, rb)
    assert len(calls) == 4  # (the intro, the session, the prose; the second page's block)
    assert cue.tolist() == [1, 0, 0, 0, 1, 1, 1, 1, 1, 1]


def test_uncue_code_as_before_on_random_pages() -> None:
    rng = random.Random(52)
    for _ in range(400):
        docs = _random_docs(rng)
        idxs, rb = _rows(docs)
        cue = np.array([rng.random() < 0.5 for _ in range(int(rb[-1]))], dtype=np.int64)
        old, new = cue.copy(), cue.copy()
        _old_uncue_code(old, docs, idxs, rb)
        C.uncue_code(new, docs, idxs, rb)
        assert new.tolist() == old.tolist()


def test_uncue_code_as_before_on_long_blocks() -> None:
    # A block over _MAX_BLOCK lines, cut by block_at, is code from none of its lines.
    code = ["x = f(a_b) + 1;"] * 200
    for head in ([], ["Copy"]):
        docs = [head + code, ["Intro:", "", *head, *code[:70], "", _PROSE]]
        idxs, rb = _rows(docs)
        for first in range(0, int(rb[-1]), 7):
            cue = np.zeros(int(rb[-1]), dtype=np.int64)
            cue[first:] = 1
            old, new = cue.copy(), cue.copy()
            _old_uncue_code(old, docs, idxs, rb)
            C.uncue_code(new, docs, idxs, rb)
            assert new.tolist() == old.tolist()


def test_block_is_code_stops_at_half_the_prose_lines(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A prose block is told by its first half of six-word runs: the rest is not searched.
    searched = []
    real = C._PROSE_RUN

    class Counting:
        def search(self, s: str):  # type: ignore[no-untyped-def]
            searched.append(s)
            return real.search(s)

    monkeypatch.setattr(C, "_PROSE_RUN", Counting())
    assert not C.block_is_code([_PROSE] * 40)
    assert len(searched) == 20


def _old_prose_test(block: list[str]) -> bool:
    return 2 * sum(1 for s in block if C._PROSE_RUN.search(s)) >= len(block)


def test_block_is_code_as_before_on_random_blocks() -> None:
    rng = random.Random(7)
    pool = [_PROSE, "x = f(a_b) + 1;", "}", "    return x;", *_CODE, "def f(x):", "KEY=value"]
    for _ in range(2000):
        block = [rng.choice(pool) for _ in range(rng.randint(1, 12))]
        half = (len(block) + 1) // 2
        quick = sum(1 for s in block if C._PROSE_RUN.search(s)) >= half
        assert quick == _old_prose_test(block)
        if _old_prose_test(block) and not C.prompt_line(block[0]):
            assert not C.block_is_code(block)


def test_nested_menu_items_reads_no_run_without_an_item(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A page with no list item's mark has no menu run either way: the runs are not walked.
    from corearchive_plugins.boilerplate import artefacts as A

    calls = []
    real = A._menu_runs
    monkeypatch.setattr(A, "_menu_runs", lambda *a: calls.append(a) or real(*a))
    page = [_PROSE, "    Energie", "Read more", "      Sanierung"] * 5
    assert A.nested_menu_items(page, [True, False] * 10) == []
    assert calls == []
    menu = ["  • Energie", "    Gebäude", "      □ Sanierung", "      □ Neubau"] * 3
    keep = [False] * 10 + [True, True]
    want = sorted({*real(menu, keep, False), *real(menu, keep, True)})
    assert want
    assert A.nested_menu_items(menu, keep) == want
    assert calls


def _old_related_list_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """afterlists.related_list_lines at 76cc2b1c up to its tail (the rest unchanged)."""
    from corearchive_plugins.boilerplate import afterlists as AL

    kept = [j for j, k in enumerate(keep) if k]
    if len(kept) < AL._ARTICLE_PARAGRAPHS + 1 + AL._LIST_HEADLINES:
        return []
    paragraph = [AL._paragraph_line(lines[j]) and not AL.notice_line(lines[j]) for j in kept]
    if sum(paragraph) < AL._ARTICLE_PARAGRAPHS:
        return []
    return kept[len(kept) - paragraph[::-1].index(True) :]


def test_related_list_lines_reads_notices_of_the_last_paragraphs_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from corearchive_plugins.boilerplate import afterlists as AL

    asked = []
    real = AL.notice_line
    monkeypatch.setattr(AL, "notice_line", lambda s: asked.append(s) or real(s))
    heads = ["Mayor resigns after budget row", "Storm closes schools across the north",
             "Police name suspect in Leeds fire", "New bridge opens to traffic"]  # fmt: skip
    page = [_PROSE] * 30 + ["Related stories", *heads]
    AL.related_list_lines(page, [True] * len(page))
    assert len(asked) == AL._ARTICLE_PARAGRAPHS


def test_related_list_lines_tail_as_before_on_random_pages(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from corearchive_plugins.boilerplate import afterlists as AL

    tails = []
    monkeypatch.setattr(AL, "_label_line", lambda s: tails.append(s) or False)
    rng = random.Random(11)
    pool = [_PROSE, "© 2026 Example News. All rights reserved.", "Related stories",
            "Mayor resigns after budget row", "Short line", "Read more"]  # fmt: skip
    for _ in range(500):
        page = [rng.choice(pool) for _ in range(rng.randint(0, 15))]
        keep = [rng.random() < 0.7 for _ in page]
        tails.clear()
        AL.related_list_lines(page, keep)
        old = _old_related_list_lines(page, keep)
        assert tails == [page[j] for j in old]


class _Line(str):
    """A line that records the bound of each split asked of it."""

    bounds: list[int] = []

    def split(self, sep=None, maxsplit=-1):  # type: ignore[no-untyped-def, override]
        _Line.bounds.append(maxsplit)
        return str.split(self, sep, maxsplit)


def test_word_counts_split_up_to_their_bound() -> None:
    # A rule that compares a line's word count with a bound splits the line up to it, not
    # every word of a paragraph (``split(None, k)`` gives min(words, k + 1) parts).
    from corearchive_plugins.boilerplate import afterlists as AL
    from corearchive_plugins.boilerplate import chrome as CH
    from corearchive_plugins.boilerplate import structures as S

    long = _Line(" ".join([_PROSE] * 10) + " We may earn a commission.")
    for test in (AL._paragraph_line, S._time_fact, S._list_line, CH.disclosure):
        _Line.bounds = []
        test(long)
        assert _Line.bounds and -1 not in _Line.bounds, test


def test_bounded_word_counts_as_before_on_random_lines() -> None:
    from corearchive_plugins.boilerplate import afterlists as AL
    from corearchive_plugins.boilerplate import chrome as CH
    from corearchive_plugins.boilerplate import facts as F
    from corearchive_plugins.boilerplate import structures as S

    rng = random.Random(5)
    words = ["Prep", "time", "10", "min", "Serves", "4", "$49", "at", "Amazon", "affiliate",
             "links", "the", "road.", "—", "Easy", " ", "\t", "\u00a0", "\u3000"]  # fmt: skip
    for _ in range(3000):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(0, 70))).strip()
        n = len(s.split())
        long, sent = n >= AL._LONG_WORDS, n >= AL._SENTENCE_WORDS
        stop = s.rstrip(AL.CLOSING_MARKS).endswith(AL._FULL_STOPS)
        assert AL._paragraph_line(s) == (long or len(s) >= AL._LONG_CHARS or (sent and stop))
        assert (len(s.split(None, F._PROSE_WORDS - 1)) < F._PROSE_WORDS) == (n < F._PROSE_WORDS)
        if n > S._FACT_WORDS:
            assert not S._time_fact(s)
        if n > S._LIST_ITEM_WORDS:
            assert not S._list_line(s)
        if n > CH._DISCLOSURE_WORDS:
            assert not CH.disclosure(s)
