"""The metadata stage's HTML path, cut for speed with the same answers (session 44,
perfhtml44): each cut is checked against the plain definition it replaces."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata import _headline_line
from corearchive_plugins.metadata.text import Page


class _Counted(str):
    """A line that counts its strips."""

    strips = 0

    def strip(self, chars: str | None = None) -> str:  # type: ignore[override]
        _Counted.strips += 1
        return str.strip(self, chars)


def _reference(page: Page, title: str | None) -> int:
    """:func:`_headline_line` as defined: the last line up to the main block's start equal,
    stripped, to the title stripped, else the main block's start."""
    want = (title or "").strip()
    top = page.main_start
    found = [i for i, line in enumerate(page.lines[: top + 1]) if want and line.strip() == want]
    return found[-1] if found else top


_BODY = (
    "The council met on Tuesday evening and voted on the budget for the coming year, "
    "which raises the spending on schools and roads by a tenth over last year's plan."
)


@pytest.mark.parametrize(
    "lines",
    [
        ["Home | News", "Council approves budget", "", "  Council approves budget  ", _BODY],
        ["Council approves budget", "Menu", _BODY, "Council approves budget", _BODY],
        ["Menu", "Council approves budget 2024", "Council approves", _BODY, _BODY],
        ["Council approves budget"],
        ["", "   ", ""],
        [_BODY, _BODY],
    ],
)
@pytest.mark.parametrize(
    "title", ["Council approves budget", " Council approves budget ", "", None, "Nothing"]
)
def test_the_headline_line_is_the_last_title_line_up_to_the_main_block(
    lines: list[str], title: str | None
) -> None:
    page = Page("\n".join(lines))
    assert _headline_line(page, title) == _reference(page, title)


def test_the_headline_line_strips_only_the_lines_holding_the_title() -> None:
    """A rendering's header of hundreds of lines above the headline: each was stripped (a
    tenth of the stage's CPU on an HTML page); only a line that holds the title needs it."""
    header = [f"Menu item {k}" for k in range(300)]
    page = Page("\n".join([*header, "Council approves budget", _BODY, _BODY]))
    assert page.main_start >= 300
    page.lines = [_Counted(line) for line in page.lines]
    _Counted.strips = 0
    assert _headline_line(page, "Council approves budget") == 300
    assert _Counted.strips <= 2


_DATED_PAGE = """<html><head><title>Budget</title></head><body>
<div class="page"><header id="top"><nav class="menu"><a href="/">Home</a></nav></header>
<article class="story">
<h1 itemprop="headline">Council approves budget</h1>
<p class="byline">By Jane Doe</p><span class="Date">March 4, 2024</span>
<span itemprop="datePublished">2024-03-04</span><div id="post-datum">04.03.2024</div>
<div class="entry-meta">Posted in News</div><div class="DATE">2024</div>
<div data-x="date" class="x">no cue in id, class or itemprop</div>
<p>The council met on Tuesday evening and voted on the budget.</p>
<div id="footer-info-lastmod">Last edited</div><small>Fine print</small>
<div id="lastmod" class="published-at">x</div><div class="fa-calendar">y</div>
</article><footer class="site">Footer</footer></div></body></html>"""


def test_htmldates_candidate_elements_are_the_same() -> None:
    import htmldate.core as hc

    from corearchive_plugins.metadata.html import faster_htmldate, parse_html

    tree = parse_html(_DATED_PAGE)
    assert tree is not None
    expected = hc.date_candidates(tree, True)
    assert len(expected) >= 8  # (the page's cues are read)
    with faster_htmldate():
        assert hc.date_candidates(tree, True) == expected
    assert hc.date_candidates(tree, True) == expected  # (restored)


def test_htmldates_candidate_test_is_asked_only_of_elements_with_a_cue(monkeypatch) -> None:
    """Its extensive search read every element's attributes in Python, ~740 a page; most
    hold no cue in an id, class or itemprop."""
    import htmldate.core as hc

    from corearchive_plugins.metadata.html import faster_htmldate, parse_html

    tree = parse_html(_DATED_PAGE)
    assert tree is not None
    asked: list[object] = []
    taken = hc.is_date_candidate

    def counted(elem):  # type: ignore[no-untyped-def]
        asked.append(elem)
        return taken(elem)

    monkeypatch.setattr(hc, "is_date_candidate", counted)
    with faster_htmldate():
        found = hc.date_candidates(tree, True)
    assert found and all(asked.count(e) == 1 for e in asked)
    n_elements = sum(1 for _ in tree.iterdescendants())
    assert len(asked) <= n_elements // 2, (len(asked), n_elements)


def _segments_reference(whole: str, part: str) -> bool:
    """:func:`.text._segments_of` as defined: some run of whole segments, folded, is
    ``part`` folded."""
    from corearchive_plugins.metadata.text import _segment_spans

    spans = _segment_spans(whole)
    want = part.casefold()
    return any(
        whole[a:b].casefold() == want for k, (a, _) in enumerate(spans) for _, b in spans[k:]
    )


@pytest.mark.parametrize(
    ("whole", "part"),
    [
        ("Über uns – 2gewinnt | Kabarett", "über uns"),
        ("Über uns – 2gewinnt | Kabarett", "2GEWINNT | kabarett"),
        ("Opening Bell 11.18.19 - Dealbreaker", "Opening Bell"),
        ("Straße | News", "STRASSE"),
        ("İstanbul | Haberler", "i̇stanbul"),
        ("a | a | b", "a | b"),
        ("news | News", "uns"),
    ],
)
def test_a_titles_segments_are_found_as_defined(whole: str, part: str) -> None:
    from corearchive_plugins.metadata.text import _segments_of

    assert _segments_of(whole, part) == _segments_reference(whole, part)


def test_a_title_of_hundreds_of_segments_is_read_in_linear_time() -> None:
    """Every run of segments sliced and folded: 3.9 s for a title of 800 segments read from
    a reader header's "Title:" (s45 read F15)."""
    import time

    from corearchive_plugins.metadata.text import _segments_of

    whole = " | ".join(f"keyword{k} cheap flights" for k in range(800))
    t0 = time.perf_counter()
    assert not _segments_of(whole, "not there")
    assert _segments_of(whole, "keyword798 cheap flights | KEYWORD799 cheap flights")
    assert time.perf_counter() - t0 < 0.5
