"""The text reader's steps that walked every line of a page for a few lines' answer, cut for
speed with the same answers (session 45, perf45): each cut is checked against the plain
definition it replaces, and for the work it no longer does."""

from __future__ import annotations

import pytest
from test_metadata_genres44 import _OPINION_ES, _PODCAST

from corearchive_plugins.metadata import text as mt
from corearchive_plugins.metadata.text import (
    Page,
    TitlePool,
    _byline_slot_names,
    _dialogue_lines,
    _rel_dateline,
    no_title_lines,
    relative_date_lines,
)

_BODY = (
    "The council met on Tuesday evening and voted on the budget for the coming year, "
    "which raises the spending on schools and roads by a tenth over last year's plan."
)

_PLAIN = f"""The Harbour Times
Home | News | Sport
Council approves budget for the coming year
By Jane Doe
March 3, 2024
Share
{_BODY}
{_BODY}
Related: Harbour pier repairs begin
"""

_RELATIVE = f"""Harbour News
Council approves budget for the coming year
Posted 3 hours ago
By Jane Doe
{_BODY}
{_BODY}
"""

_TEASERS = (
    "Fütterung\nHeulage: Besser als ihr Ruf?\nLeseprobe: Das perfekte Dinner\n"
    "Heulage: Besser als ihr Ruf?\nVeröffentlicht am 03.02.2022\n"
    "Kritiker behaupten, Heulage würde das Gleichgewicht im Darm des Pferdes stören. So "
    "ganz stimmt das allerdings nicht, sagen die Tierärzte der Universität.\n"
)

_PAGES = [_PODCAST, _OPINION_ES, _PLAIN, _RELATIVE, _TEASERS]


def _no_title_reference(page: Page, pool: TitlePool) -> frozenset[int]:
    """:func:`no_title_lines` as defined: every dialogue line of the page and every name in
    the byline's slot (four words or more over it), each candidate's words counted."""
    texts, n = page.texts, len(page.texts)
    heads = {k for k, _, t in pool.cands if mt.n_words(t) >= 4}
    slot = {
        i
        for k, i, t in pool.cands
        if k - 1 in heads
        and k + 1 < n
        and len(texts[k + 1]) <= mt._SLOT_DATE_CHARS
        and page.dates_on(page.items[k + 1][0])
        and mt._person_like(t)
        and t[-1:].isalpha()
    }
    return frozenset(_dialogue_lines(page) | slot)


@pytest.mark.parametrize("text", _PAGES)
def test_no_title_lines_agree_with_the_definition_on_every_candidate(text: str) -> None:
    page = Page(text)
    pool = TitlePool(page)
    lines = {i for _, i, _ in pool.cands}
    assert no_title_lines(page, pool) & lines == _no_title_reference(page, pool) & lines


def test_a_podcasts_turns_are_still_no_titles() -> None:
    page = Page(_PODCAST)
    pool = TitlePool(page)
    turn = next(i for i, s in page.items if s.startswith("Ben Ashworth: Frank"))
    assert turn in {i for _, i, _ in pool.cands}
    assert turn in no_title_lines(page, pool)


def test_a_name_in_the_bylines_slot_is_still_no_title() -> None:
    page = Page(_OPINION_ES)
    pool = TitlePool(page)
    name = next(i for i, s in page.items if s == "Antonio Ruiz Benítez")
    assert name in no_title_lines(page, pool)


def test_a_page_without_a_candidate_turn_is_not_walked_for_dialogues(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page's lines were walked for runs of "Name: ..." turns on every page; only a
    candidate's line is looked up, and a dialogue's lines are all turns."""
    calls: list[Page] = []
    real = mt._dialogue_lines
    monkeypatch.setattr(mt, "_dialogue_lines", lambda page: calls.append(page) or real(page))
    page = Page(_PLAIN)
    no_title_lines(page, TitlePool(page))
    assert calls == []
    page = Page(_PODCAST)
    no_title_lines(page, TitlePool(page))
    assert calls == [page]


def test_the_bylines_slot_counts_the_words_of_a_candidate_over_a_name_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each candidate's words were counted; only the one over a candidate over a short
    dated line needs them (here the headline over "By Jane Doe" over the date)."""
    counted: list[str] = []
    real = mt.n_words
    monkeypatch.setattr(mt, "n_words", lambda s, *a: counted.append(s) or real(s, *a))
    page = Page(_PLAIN)
    pool = TitlePool(page)
    assert len(pool.cands) > 2
    counted.clear()
    _byline_slot_names(page, pool)
    assert counted == ["Council approves budget for the coming year"]
    page = Page(_OPINION_ES)
    pool = TitlePool(page)
    counted.clear()
    assert _byline_slot_names(page, pool)
    assert counted == ["El agua no puede esperar otra legislatura"]


def _relative_reference(page: Page, top: int) -> list[int]:
    """:func:`relative_date_lines` as defined: each line of the reach tested alone."""
    lines = page.lines
    return [
        k
        for k in range(max(top, 0), min(top + mt._CALENDAR_REACH + 1, len(lines)))
        if (s := lines[k].strip()) and _rel_dateline(s)
    ]


@pytest.mark.parametrize("text", [*_PAGES, "Harbour News\nHeadline here\nvor 2 Stunden\n"])
@pytest.mark.parametrize("top", [-1, 0, 1, 2, 5, 40])
def test_relative_date_lines_agree_with_the_definition(text: str, top: int) -> None:
    page = Page(text)
    assert relative_date_lines(page, top) == _relative_reference(page, top)


def test_relative_date_lines_test_the_lines_once_when_none_holds_a_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A line of the reach was each tested for a relative date's words; where none holds
    one (most pages) their join is, once."""
    tested: list[str] = []
    real = mt._holds_word
    monkeypatch.setattr(mt, "_holds_word", lambda s: tested.append(s) or real(s))
    assert relative_date_lines(Page(_PLAIN), 1) == []
    assert len(tested) == 1
    tested.clear()
    assert relative_date_lines(Page(_RELATIVE), 1) == [2]
    assert len(tested) > 1


def test_the_title_pool_counts_each_candidates_repeats_without_a_counter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A candidate's repeats on the page (a headline over its copy in a teaser) are
    counted as before, in a dict: a Counter's set-up cost more than the count."""
    made: list[object] = []

    class Counted(mt.Counter):  # type: ignore[type-arg]
        def __init__(self, *a: object, **k: object) -> None:
            made.append(self)
            super().__init__(*a, **k)

    monkeypatch.setattr(mt, "Counter", Counted)
    text = _PLAIN + "Council approves budget for the coming year\n"
    page = Page(text)
    pool = TitlePool(page)
    assert made == []
    assert pool.reps == [page.texts.count(t) for _, _, t in pool.cands]
    assert max(pool.reps) == 2
