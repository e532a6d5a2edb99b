"""Regressions of session 49 fixed in session 50 (tester acc-regress's R-findings): a related
box's teasers kept as a match's facts (R11), menus and buttons kept as an article's list of
short lines (R1). Small excerpts written after the tester's pages."""

from __future__ import annotations

from corearchive_plugins.boilerplate.facts import fact_rows

STORY_END = [
    "Городская дума утвердила план реконструкции набережной, работы начнутся весной и "
    "продлятся около двух лет.",
]


def test_a_related_boxs_teasers_under_one_label_are_no_facts():
    """R11: a related box's teasers, each "site name: headline cut …", read as 'Label:
    value' rows of a match's facts and were kept (new-w3m long_ru). A run of rows under
    one label, or of values cut with an ellipsis, is no fact table; a match's facts with a
    scorer's rows under one label still are."""
    teasers = [
        "Городские вести: Городская дума в четверг утвердила план …",
        "Городские вести: Работы начнутся весной и продлятся около…",
        "Городские вести: Жители прибрежных районов опасаются шума…",
        "Городские вести: Проект предусматривает новые велодорожки…",
    ]
    lines = [*STORY_END, *teasers]
    keep = [s in STORY_END for s in lines]
    assert fact_rows(lines, keep, [False] * len(lines)) == []
    # (one label, no ellipsis: a site's headlines all the same)
    uncut = [s.rstrip(" …") for s in teasers]
    lines = [*STORY_END, *uncut]
    assert fact_rows(lines, keep, [False] * len(lines)) == []
    # (different labels, values cut: teasers of several sites)
    cut = [f"{site}: {s.split(': ', 1)[1]}" for site, s in zip("ABCD", teasers, strict=True)]
    lines = [*STORY_END, *cut]
    assert fact_rows(lines, keep, [False] * len(lines)) == []
    facts = ["Tor: 1:0 Xhaka (16.)", "Tor: 2:0 Wirtz (71.)", "Zuschauer: 74 322"]
    lines = [*STORY_END, *facts]
    keep = [s in STORY_END for s in lines]
    assert [lines[i] for i in fact_rows(lines, keep, [False] * len(lines))] == facts
