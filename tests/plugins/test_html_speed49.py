"""Cheaper tests of an HTML page's markup that give the same answers (s49 perf49): the
visually hidden classes' test (:func:`corearchive_plugins.boilerplate.figures.may_hide`) and
the rating's (``boilerplate._names_rating``), both read from the page's UTF-8 with its ASCII
letters lowered (:func:`~corearchive_plugins.boilerplate.figures.ascii_lower`)."""

from __future__ import annotations

import random
import re
import sys
from typing import Any

import corearchive_plugins.boilerplate as bp
from corearchive_plugins.boilerplate import figures

#: Pieces of markup: the hidden classes' literals and the rating's word in several cases,
#: the characters re.I or str.lower read as ASCII letters ("İ", "ı", "ſ", the Kelvin sign),
#: wider characters before them (their UTF-8 is longer than one byte: the search's start is
#: counted in characters), a lone surrogate, a literal without the pattern's ending
#: ("screenreader" alone) and markup that holds none
PIECES = [
    "sr-only", "SR-ONLY", "Sr-Only", "\u017fr-only", "screenreader", "screen-reader",
    "ScreenReader-Text", "screen-reader-only", "screenreader-only", "visuallyhidden",
    "Visually-Hidden", "hidden-visually", "a11y-hidden", "A11Y-HIDDEN", "element-invisible",
    "element-\u0130nvisible", "show-for-sr", "offscreen", "OFF\u017fCREEN", "rating", "RATING",
    "Rat\u0130ng", "rat\u0131ng", "ratng", "rat", "ing", "\u212a", "\u0130", "\u0131", "é", "中",
    "😀", "\ud800", "<div class='", "'>", "</div>", " ", "\n", "hidden", "screen", "only",
    "sr-", "-only", "visually", "reader", "-text", "text",
]  # fmt: skip


def _random_markup(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n))


def _old_may_hide(html: str) -> bool:
    """The test as written before (s46): the literals in ``str.lower``, then the pattern."""
    low = html.lower()
    return (
        any(k in low for k in figures._HIDDEN_KEYS)
        and figures._HIDDEN_MARKUP.search(html) is not None
    )


def _texts() -> list[str]:
    rng = random.Random(49)
    texts = [_random_markup(rng, rng.randint(1, 40)) for _ in range(6000)]
    texts += ["", "x" * 5000 + "sr-only", "中" * 3000 + "screenreader " + "é" * 10 + "sr-only"]
    return texts


def test_ascii_lower_holds_an_ascii_word_where_str_lower_does():
    # the characters str.lower turns into ASCII letters: "İ" (an "i" and a combining dot)
    # and the Kelvin sign ("k") alone, so a word that ends in no "i" and holds no "k" is in
    # both or in neither
    made = {
        c: c.lower()
        for c in map(chr, range(0x80, sys.maxunicode + 1))
        if any(ch.isascii() for ch in c.lower())
    }
    assert made == {"\u0130": "i\u0307", "\u212a": "k"}
    for key in figures._HIDDEN_KEYS:
        assert not key.endswith("i") and "k" not in key
    for text in _texts():
        low = figures.ascii_lower(text)
        for key in (*figures._HIDDEN_KEYS, "rating"):
            assert (key in text.lower()) == (key.encode() in low), (key, text)


def test_may_hide_answers_as_before():
    for text in _texts():
        assert figures.may_hide(text) == _old_may_hide(text), text
        assert figures.may_hide(text, figures.ascii_lower(text)) == _old_may_hide(text), text


def test_names_rating_answers_as_the_pattern():
    for text in _texts():
        want = bp._RATING_MARKUP.search(text) is not None
        assert bp._names_rating(text, figures.ascii_lower(text)) == want, text


class _Searches:
    """A pattern that records where each search started."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.starts: list[int] = []

    def search(self, s: str, pos: int = 0, *args: Any) -> Any:
        self.starts.append(pos)
        return self.pattern.search(s, pos, *args)


def test_may_hide_searches_from_the_first_literal(monkeypatch):
    # the case-blind pattern tests every character from where its search starts: a page's
    # markup before its first literal is not searched again (one search, from the literal's
    # character, counted in characters of the page, not bytes of its UTF-8)
    page = "<p>" + "é中" * 20000 + "</p><span class='sr-only'>(opens in new window)</span>"
    spy = _Searches(figures._HIDDEN_MARKUP)
    monkeypatch.setattr(figures, "_HIDDEN_MARKUP", spy)
    assert figures.may_hide(page)
    assert spy.starts == [page.index("sr-only")]
    # no literal: no search
    spy.starts.clear()
    assert not figures.may_hide("<p>" + "é" * 1000 + "</p>")
    assert spy.starts == []


def test_names_rating_needs_no_case_blind_search(monkeypatch):
    spy = _Searches(bp._RATING_MARKUP)
    monkeypatch.setattr(bp, "_RATING_MARKUP", spy)
    for page in ("<div class='star-Rating'>4/5</div>", "<p>" + "é" * 1000 + "</p>"):
        bp._names_rating(page, figures.ascii_lower(page))
    assert spy.starts == []


def _old_hidden_elements(tree: Any) -> list[Any]:
    """The hidden elements as found before (s46): every element's class names tried."""
    out = []
    for e in tree.iter():
        if not isinstance(e.tag, str):
            continue
        classes = figures._classes(e)
        if (
            any(figures._HIDDEN_CLASS.search(c) for c in classes)
            and not any(figures._SHOWN_CLASS.fullmatch(c) for c in classes)
            and len(e.text_content().split(None, figures._HIDDEN_WORDS)) <= figures._HIDDEN_WORDS
        ):
            out.append(e)
    return out


#: class names: the hidden ones' in several cases and spellings, with prefixes, shown again,
#: with "ſ" (re.I's "s") or "İ"/"ı", and others
CLASSES = [
    "sr-only", "SR-ONLY", "u-sr-only", "not-sr-only", "md:not-sr-only", "\u017fr-only",
    "screen-reader-text", "Screen-Reader-Only", "screenreader-only", "screenreaderonly",
    "screenreader", "visually-hidden", "govuk-visually-hidden", "VisuallyHidden",
    "hidden-visually", "a11y-hidden", "element-invisible", "element-\u0130nvisible",
    "show-for-sr", "offscreen", "OFF\u017fCREEN", "hidden", "nav", "é", "x_sr-only",
    "btn", "focus:not-sr-only", "",
]  # fmt: skip


def test_hidden_elements_as_before():
    from corearchive_plugins.boilerplate.htmltree import load_html

    rng = random.Random(490)
    for _ in range(300):
        body = "".join(
            f"<{tag} class='{' '.join(rng.sample(CLASSES, rng.randint(0, 3)))}'>"
            f"{rng.choice(['word ', 'two words ', 'x ' * 70, ''])}</{tag}>"
            for tag in rng.choices(["span", "div", "p", "a"], k=rng.randint(1, 12))
        )
        tree = load_html(f"<html><body><p>Text</p>{body}<!-- a comment --></body></html>")
        assert figures._hidden_elements(tree) == _old_hidden_elements(tree), body
