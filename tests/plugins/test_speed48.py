"""Readers that find nothing on most pages, skipped when a cheap test of the page proves
they cannot (session 48, perf48): each gate is checked against the plain definition it
sits in front of, and for the work it no longer does."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Sequence
from itertools import pairwise

import pytest
from test_metadata_speed47 import _BODY, _teaser_run_reference

from corearchive_plugins.boilerplate import scholarly
from corearchive_plugins.metadata import text as mt
from corearchive_plugins.metadata.text import Page, TitlePool

# ---------------------------------------------------------------- pdf_furniture ----


def _pdf_furniture_reference(lines: Sequence[str], keep: Sequence[bool]) -> dict[int, str]:
    """:func:`.scholarly.pdf_furniture` as it was defined before the gate: every line tested
    for a running head's shape and for a contents line's."""
    found: dict[int, str] = {}
    heads = [
        (j, p)
        for j, line in enumerate(lines)
        if (p := scholarly._page_number(line.strip())) is not None
    ]
    for (j, p), (k, q) in pairwise(heads):
        if k - j >= 2 and 1 <= q - p <= 2 and scholarly._same_head(lines[j], p, lines[k], q):
            found[j] = found[k] = scholarly.RUNNING_HEAD_REASON
    # (a two-sided layout's heads, each repeating two pages on: s49 acc-read F6)
    for (j, p), (m, _), (k, q) in zip(heads, heads[1:], heads[2:], strict=False):
        if (
            m - j >= 2
            and k - m >= 2
            and q - p == 2
            and scholarly._same_head(lines[j], p, lines[k], q)
        ):
            found[j] = found[k] = scholarly.RUNNING_HEAD_REASON
    toc = [j for j, line in enumerate(lines) if scholarly._toc_line(line.strip())]
    pages = [scholarly._last_number(lines[j].strip()) for j in toc]
    down = sum(b < a for a, b in pairwise(pages))
    if len(toc) >= 2 and scholarly._TOC_DOWN * down <= len(toc) - 1:
        found.update(dict.fromkeys(toc, scholarly.TOC_REASON))
        first = toc[0]
        above = lines[first - 1].strip() if first else ""
        if above and len(above.split()) <= 3 and not above.endswith((".", ":")):
            found[first - 1] = scholarly.TOC_REASON
    return {j: why for j, why in found.items() if keep[j]}


#: every whitespace character (re's ``\s`` is ``str.isspace``)
_SPACES = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]


def test_other_spaces_are_every_whitespace_character_but_the_space() -> None:
    assert set(scholarly._OTHER_SPACES) == set(_SPACES) - {" "}
    assert set(scholarly._OTHER_ASCII_SPACES) == {c for c in _SPACES if c.isascii()} - {" "}
    assert all(re.fullmatch(r"\s", c) for c in _SPACES)


def test_a_text_with_a_run_of_three_spaces_may_hold_one() -> None:
    rng = random.Random(48)
    pieces = [*_SPACES, "a", "Ü", "7", "|", "\0", "—", "中"]
    for _ in range(20_000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        if scholarly._WS3.search(s):
            assert scholarly._may_hold_space_run(s), repr(s)


def _random_page(rng: random.Random) -> list[str]:
    """Lines of a page: prose, running heads with their page numbers set off by runs of
    every kind of white space, contents lines with leaders, numbers in tables."""
    words = ["Summary", "Improving", "the", "condition", "Bericht", "Drucksache", "中文", "Ä"]
    out = []
    page = rng.randint(1, 9)
    for _ in range(rng.randint(1, 14)):
        kind = rng.random()
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        gap = "".join(rng.choice(_SPACES) for _ in range(rng.randint(1, 4)))
        if kind < 0.3:
            page += rng.randint(0, 2)
            out.append(rng.choice([f"{page}{gap}{text}", f"{text}{gap}{page}"]))
        elif kind < 0.45:
            leader = rng.choice(["....", ". . . .", "····", "……", "..", "…"])
            out.append(f"{text} {leader} {rng.randint(1, 99)}")
        elif kind < 0.55:
            out.append(f"{text}{gap}– {page} –{gap}{text}")
        else:
            out.append(f"{text}{rng.choice(['.', ' 12', ''])}")
    return out


def test_pdf_furniture_agrees_with_its_definition() -> None:
    rng = random.Random(4848)
    hits = 0
    for _ in range(3_000):
        lines = _random_page(rng)
        keep = [rng.random() < 0.8 for _ in lines]
        want = _pdf_furniture_reference(lines, keep)
        assert scholarly.pdf_furniture(lines, keep) == want, lines
        hits += bool(want)
    assert hits > 300  # (the pages hold furniture often enough to test its finding)


def test_pdf_furniture_tests_no_line_of_a_page_without_runs_or_leaders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def page_number(line: str) -> int | None:
        asked.append(line)
        return None

    def toc_line(line: str) -> bool:
        asked.append(line)
        return False

    monkeypatch.setattr(scholarly, "_page_number", page_number)
    monkeypatch.setattr(scholarly, "_toc_line", toc_line)
    lines = [
        "Council approves budget for the coming year",
        "By Jane Doe – March 3, 2024",
        "The council met on Tuesday evening and voted on the budget… for 2025.",
    ]
    assert scholarly.pdf_furniture(lines, [True] * len(lines)) == {}
    assert asked == []
    # (a page with a run of three spaces, and one with leaders, has its lines tested)
    scholarly.pdf_furniture([*lines, "Summary\u3000 \t5"], [True] * 4)
    assert len(asked) == 4
    scholarly.pdf_furniture([*lines, "Introduction ..... 5"], [True] * 4)
    assert len(asked) == 8


# ------------------------------------------------------------------ teaser runs ----

# (the definition before the gate is session 47's before its cut: one reference, and the
# article's paragraph under the teasers)


_HEADLINES = [
    "How the city plans to fix its old water mains",
    "Why the harbour pier repairs took three whole years",
    "What the new budget means for the town's schools",
    "Council approves budget for the coming year",
    "Pier",
]


def _teasers(n: int, author: str = "Adam Clark Estes") -> str:
    """A page of ``n`` teasers of one author's over the article's own headline and byline
    (the shape of s44 acc-regress R10), each a headline, the name and a date."""
    parts = ["Recent from " + author]
    for k, head in enumerate(_HEADLINES[:n]):
        parts += [head, author, f"11/{13 - k}/19 11:00AM"]
    return "\n".join([*parts, _BODY, _BODY, ""])


@pytest.mark.parametrize("n", range(len(_HEADLINES) + 1))
def test_teaser_run_agrees_with_its_definition(n: int) -> None:
    page = Page(_teasers(n))
    pool = TitlePool(page)
    assert mt._teaser_run(page, pool) == _teaser_run_reference(page, pool)


def test_a_run_of_three_teasers_is_found() -> None:
    page = Page(_teasers(4))
    pool = TitlePool(page)
    assert mt._teaser_run(page, pool)


def test_teaser_run_reads_no_line_under_too_few_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (two candidates of 4 words or more, the label and a teaser's headline: no name can
    # have a run of three bylines)
    page = Page(_teasers(1))
    pool = TitlePool(page)
    assert sum(mt.n_words(t) >= 4 for _, _, t in pool.cands) == 2
    asked: list[str] = []

    def person_like(s: str) -> bool:
        asked.append(s)
        return True

    monkeypatch.setattr(mt, "_person_like", person_like)
    assert mt._teaser_run(page, pool) == set()
    assert asked == []
