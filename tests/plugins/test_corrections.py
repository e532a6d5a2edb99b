"""One list of a correction's words for the three readers of a correction's notice (session
49: each kept its own list, and Swedish/Danish/Polish, "rectification" and Russian's words
were known to one reader and not to another)."""

from __future__ import annotations

import pytest

from corearchive_plugins import CORRECTION_PREFIXES, CORRECTION_WORDS
from corearchive_plugins.dedup import correction_notice
from corearchive_plugins.metadata import _CORRECTION_AFTER
from corearchive_plugins.metadata.text import _CORRECTION


@pytest.mark.parametrize(
    "word",
    ["rättelse", "sprostowanie", "rectification", "исправлено", "correcting", "fe de erratas"],
)
def test_every_reader_knows_every_word(word: str) -> None:
    # the dedup stage's notice, the metadata stage's update label and a date's set-aside
    assert correction_notice(f"{word}: an earlier version of this story gave 12 votes")
    assert _CORRECTION_AFTER.search(f"last updated 12 july 2024 ({word} to paragraph 2)")
    assert _CORRECTION.search(f"{word} ")


@pytest.mark.parametrize("name", ["department of corrections", "the corrections desk"])
def test_a_bodys_name_is_no_notice(name: str) -> None:
    assert not correction_notice(f"{name} said on 3 may 2024 that the prison would close")
    assert not _CORRECTION.search(f"{name}, ")


def test_every_word_holds_a_prefix_the_quick_check_looks_for() -> None:
    for word in CORRECTION_WORDS:
        assert any(p in word for p in CORRECTION_PREFIXES)


def test_a_long_line_of_the_word_is_read_at_once() -> None:
    """A text of one long line with many matches is no notice, read in linear time (a
    line found around each match took 24 s on 100,000 of them; s49 acc-read F12)."""
    import time

    start = time.perf_counter()
    assert not correction_notice("correction " * 100000)
    assert correction_notice("correction " * 100000 + "\nCorrection: the story gave 12 votes")
    assert time.perf_counter() - start < 1.0
