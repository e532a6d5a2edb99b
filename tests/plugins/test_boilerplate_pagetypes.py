"""Pages that are not plain news articles, in plain text: what of them is the article's
(s36 acceptance test on page types, findings 3, 7, 9, 10 and 12): a review's rating, a
recipe's ingredients, a job ad's lists; and what is not."""

from __future__ import annotations

from typing import Any

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.structures import RATING_REASON, article_rating

MENU = ["Skip to main content", "Home", "News", "Culture", "Reviews", "Subscribe", "Sign in"]
FOOT = ["Share", "Facebook", "Twitter", "Email", "Copy link", "Most read",
        "Council approves new bus lanes on Ring Road", "Heatwave warning issued for the weekend",
        "Newsletter", "Sign up for our morning briefing", "Privacy policy", "Cookie settings",
        "© 2026 The Northern Courier. All rights reserved."]  # fmt: skip
FILM = [
    "There is a moment, about an hour into The Quiet Harbour, when a fishing boat comes back "
    "into port with one crew member fewer than it left with, and nobody on the quay says a word.",
    "Director Ines Carvalho gives her story time, perhaps too much in the first act, but the "
    "payoff is worth it, and the last twenty minutes are as tense as anything this year.",
    "The Quiet Harbour is released in UK cinemas on 28 February.",
]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(b) for b in blocks)


def _clean(run_stage: Any, text: str) -> tuple[list[str], dict[str, str]]:
    """Kept lines and {removed line: reason} of a plain-text page."""
    doc = run_stage(BoilerplateStage, make_document(text), keep_removed=True).kept[0]
    gone = doc.annotations["boilerplate"]["removed"]
    return doc.text.split("\n"), dict(zip(gone["text"], gone["reason"], strict=True))


@pytest.mark.parametrize(
    "head, rating",
    [
        (
            [
                "The Quiet Harbour review – a slow-burning thriller",
                "★★★★☆",
                "Peter Bradshaw",
                "Thu 20 Feb 2026 15.00 GMT",
            ],
            ["★★★★☆"],
        ),
        (
            [
                "The Quiet Harbour review",
                "By Peter Bradshaw",
                "20 February 2026",
                "Verdict",
                "8/10",
            ],
            ["Verdict", "8/10"],
        ),
    ],
)
def test_a_reviews_rating_over_its_text_is_kept(run_stage, head, rating):
    """The line model removes a review's header (headline, byline, date) and its rating
    with it: the rating right above the text is the article's."""
    kept, removed = _clean(run_stage, _page(MENU, head, FILM, FOOT))
    assert [x for x in kept if x in rating] == rating
    assert {"Home", "Subscribe", "Most read", "Cookie settings"} <= set(removed)


def test_ratings_in_other_languages_are_kept(run_stage):
    de = [
        "Der neue Roman von Thomas Weil beginnt stark: Eine Lehrerin verschwindet während einer "
        "Klassenfahrt an die Ostsee, und nur ein Schüler scheint etwas zu wissen.",
        "Doch nach hundert Seiten verliert sich die Handlung in Nebenfiguren, deren Geschichten "
        "nie zusammenfinden. Das Ende ist überraschend, aber nicht verdient.",
    ]
    fr = [
        "Pour son premier long-métrage, Léa Garnier filme trois enfants qui passent l'été au "
        "bord de la Loire. Rien ne se passe vraiment, et pourtant on ne quitte pas l'écran.",
        "La photographie, signée Hugo Petit, capte la lumière des fins d'après-midi avec une "
        "délicatesse rare, et la musique ne force jamais l'émotion.",
    ]
    pages = [
        (
            ["Startseite", "Kultur"],
            [
                "Kritik: Ein Krimi mit zu vielen Nebenfiguren",
                "Von Anne Vogel",
                "14.01.2026",
                "Bewertung: 3 von 5 Sternen",
            ],
            de,
            ["Teilen", "Impressum"],
            "Bewertung: 3 von 5 Sternen",
        ),
        (
            ["Accueil", "Culture"],
            [
                "« Les Enfants du fleuve » : un premier film lumineux",
                "Par Jean Morel",
                "Publié le 15 janvier 2026 à 10h00",
                "Note : 4/5",
            ],
            fr,
            ["Partager", "Mentions légales"],
            "Note : 4/5",
        ),
    ]
    for menu, head, text, foot, rating in pages:
        kept, removed = _clean(run_stage, _page(menu, head, text, foot))
        assert rating in kept, rating
        assert removed.get(head[1]) is not None  # (the byline: the metadata stage's)
        assert set(menu + foot) <= set(removed)


def test_a_verdict_after_the_last_paragraph_is_kept(run_stage):
    """ "The Verdict" / "87" under a game review's last paragraph (pcgamer's layout)."""
    page = _page(MENU, ["Through the Darkest of Times review"], FILM, ["The Verdict", "87"],
                 ["Read our review policy"], FOOT)  # fmt: skip
    kept, removed = _clean(run_stage, page)
    assert kept[-2:] == ["The Verdict", "87"]
    assert removed["Read our review policy"] != RATING_REASON


def test_ratings_of_a_listing_or_away_from_the_text_are_not_the_articles():
    """Many ratings are a listing's (a shop's products, a ranking); one after the page's
    furniture is a sidebar's; a gallery's counters are no rating."""
    lines = ["Home", "Reviews", "Product A", "★★★★☆", "Product B", "★★★☆☆", "Product C",
             "4/5", "A long paragraph of the page's own text that the model kept."]  # fmt: skip
    keep = [False] * 8 + [True]
    assert article_rating(lines, keep, [False] * 9) == []
    lines = ["A long paragraph of the article that the model kept.", "Share", "More reviews",
             "★★★★☆"]  # fmt: skip
    assert article_rating(lines, [True, False, False, False], [False, True, False, False]) == []
    lines = ["1/10", "A caption the model kept.", "2/10", "Another caption kept.", "3/10",
             "A third caption kept."]  # fmt: skip
    assert article_rating(lines, [False, True] * 3, [False] * 6) == []
    assert article_rating(["1 cup flour", "x"], [False, True], [False, False]) == []
