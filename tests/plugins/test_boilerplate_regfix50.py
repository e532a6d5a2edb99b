"""Regressions of session 49 fixed in session 50 (tester acc-regress's R-findings): a related
box's teasers kept as a match's facts (R11), menus and buttons kept as an article's list of
short lines (R1). Small excerpts written after the tester's pages."""

from __future__ import annotations

from corearchive_plugins.boilerplate.afterlists import related_list_lines
from corearchive_plugins.boilerplate.facts import fact_rows
from corearchive_plugins.boilerplate.structures import short_lists

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


PARA_A = (
    "The ministry said the new programme would fund research in every field, with the first "
    "calls for proposals to open in the spring."
)
PARA_B = (
    "Applications can be made online until the end of June, and the first grants are "
    "expected to be awarded in the autumn."
)


def _given_back(items: list[str], kept: tuple[int, ...] = ()) -> list[str]:
    """The lines :func:`short_lists` gives back of ``items`` between two kept paragraphs
    (``kept``: the items the model kept)."""
    lines = [PARA_A, *items, PARA_B]
    keep = [True, *(k in kept for k in range(len(items))), True]
    n = len(lines)
    found = short_lists(lines, keep, [False] * n, frozenset({"the", "and", "a", "to"}), [0.3] * n)
    return [lines[j] for j in found]


def test_a_menu_of_lynx_links_or_a_row_of_buttons_is_no_articles_list():
    """R1: a run of short lines between two kept lines, one third of them kept, was taken as
    the article's list whatever its lines: lynx's menus ("[185]Soziale Innovationen", 139
    lines in 16 records), a card's or a post's buttons ("Imprimir receita", "Online
    buchen", "Follow"), an icon's name ("keyboard_arrow_down"), a most-read box under its
    label. A review's pros and cons still come back."""
    menu = ["[178]Research funding", "[179]Health", "[180]Climate", "[181]Energy",
            "[182]Digital society", "[183]Young researchers"]  # fmt: skip
    assert _given_back(menu, kept=(2, 4)) == []
    buttons = ["Online buchen", "Anfrage stellen", "Villa Galaxy", "Weitere Villen"]
    assert _given_back(buttons, kept=(2, 3)) == []
    icon = ["keyboard_arrow_down", "How interest is worked out", "What changes the rate"]
    assert _given_back(icon, kept=(1,)) == []
    box = ["Opening hours", "Monday to Friday", "Most read", "Exchange term: applications open"]
    assert _given_back(box, kept=(1, 3)) == []
    pros = ["Reasons to buy", "Excellent speakers", "Reasons to avoid", "Dim screen"]
    assert _given_back(pros, kept=(1, 3)) == ["Reasons to buy", "Reasons to avoid"]
    # (a recipe card's buttons among its facts stay out, the facts come back)
    card = ["Print recipe", "Prep: 15 mins", "Cook: 40 mins", "Serves 4", "Calories 291 kcal"]
    assert _given_back(card, kept=(1, 2)) == ["Serves 4", "Calories 291 kcal"]


def test_a_list_of_one_form_after_the_article_is_no_box_of_other_stories():
    """R8: a tournament's qualified teams under the article's "Qualified teams" label, each
    "Team (Group X): Nth appearance", read as a box of other stories' headlines after the
    article and were removed (aeb 9a440270). A list whose items end in one word is of one
    form, the article's; a box of different headlines still goes."""
    article = [
        "The draw for the finals took place on Saturday in the capital, with twenty teams "
        "already sure of their places.",
        "Four more places will be decided in the play-offs in March, when sixteen teams "
        "compete in four small tournaments.",
        "The hosts will play the opening match in the national stadium on a Friday evening "
        "in June.",
    ]
    teams = [
        "Norway (Group A): Third appearance",
        "Chile (Group B): Fifth appearance",
        "Japan (Group C): Seventh appearance",
        "Ghana (Group D): Second appearance",
    ]
    lines = [*article, "Qualified teams", *teams]
    assert related_list_lines(lines, [True] * len(lines)) == []
    box = [
        "Mayor opens the new library after two years of work",
        "Storm closes schools across the northern valleys",
        "Local team reaches the cup final after a late goal",
    ]
    lines = [*article, "More stories", *box]
    assert related_list_lines(lines, [True] * len(lines)) == list(range(3, 7))
