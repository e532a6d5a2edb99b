"""Pages that are not plain news articles, in plain text: what of them is the article's
(s36 acceptance test on page types, findings 3, 7 and 10): a review's rating, a
recipe's ingredients, a job ad's lists; and what is not."""

from __future__ import annotations

import pytest
from test_boilerplate_structures import _clean, _page

from corearchive_plugins.boilerplate.structures import (
    RATING_REASON,
    article_rating,
    article_structures,
)

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


def test_a_teasers_day_and_month_is_no_rating():
    """s37 acc-regress R6: a French listing's teaser date "31/10" next to a teaser's text
    the model kept was kept as a review's rating "/10". A score is no more than its scale,
    and is not written with a leading zero ("05/10"): a day and a month."""
    text = "Pour la deuxième fois depuis l'attaque, Gaza n'a plus ni Internet ni téléphone."
    for date in ("31/10", "05/10", "25 sur 20", "6 of 5"):
        lines = ["L'expulsion d'une militante soumise au Conseil d'État", date, text]
        assert article_rating(lines, [False, False, True], [False] * 3) == [], date
    for score in ("10/10", "4,5/5", "0.5/5", "18 sur 20", "Note : 4/5"):
        lines = ["Les Enfants du fleuve, un premier film", score, text]
        assert article_rating(lines, [False, False, True], [False] * 3) == [1], score


RECIPE_ES = (
    ["Ir al contenido", "Portada", "Deportes", "Cultura", "Suscríbete", "Recetas",
     "Tortilla de patatas jugosa", "Por Carmen Ruiz", "15/09/2026", "Tiempo: 40 minutos",
     "Raciones: 4", "Dificultad: fácil"],
    ["Ingredientes", "5 patatas medianas", "6 huevos", "1 cebolla"],
    ["Elaboración", "1. Pela las patatas y córtalas en láminas finas. Pica la cebolla.",
     "2. Fríe las patatas y la cebolla a fuego medio en abundante aceite durante 20 minutos.",
     "3. Escúrrelas y mézclalas con los huevos batidos y la sal. Deja reposar 5 minutos.",
     "4. Cuaja la tortilla en una sartén con un poco de aceite y dale la vuelta con un plato."],
    ["Te puede interesar", "Gazpacho andaluz", "Compartir", "Correo", "Lo más leído",
     "El Ayuntamiento aprueba nuevos carriles bici", "Aviso legal", "Política de privacidad"],
)  # fmt: skip


def test_a_recipes_ingredients_named_by_its_steps_are_kept(run_stage):
    """ "5 patatas medianas" / "6 huevos" / "1 cebolla" read like a menu's items to the line
    model: a list of quantities next to the text, which names them, is the article's."""
    head, ingredients, steps, foot = RECIPE_ES
    kept, removed = _clean(run_stage, _page(head, ingredients, steps, foot))
    assert [x for x in kept if x in ingredients] == ingredients
    assert {"Portada", "Gazpacho andaluz", "Lo más leído", "Aviso legal"} <= set(removed)


def test_ingredients_at_the_edges_of_a_kept_list_are_kept(run_stage):
    """The model kept an ingredient list but its first and last items (flawlessfood's
    "120 ml Olive oil", "3 sprigs Fresh Rosemary (Optional)")."""
    items = ["Zutaten", "250 g Mehl", "1 Prise Salz", "125 ml lauwarmes Wasser", "3 EL Öl",
             "1 kg säuerliche Äpfel", "80 g Zucker", "1 TL Zimt",
             "2 Zweige Rosmarin (optional)"]  # fmt: skip
    text = [
        "Mehl, Salz, Wasser und Öl zu einem glatten Teig kneten und 30 Minuten unter einer "
        "warmen Schüssel ruhen lassen, damit er sich später hauchdünn ausziehen lässt.",
        "Die Äpfel schälen, in dünne Scheiben schneiden und mit Zucker und Zimt mischen, dann "
        "auf dem Teig verteilen und bei 190 Grad 40 Minuten backen.",
    ]
    page = _page(["Startseite", "Rezepte", "Apfelstrudel"], items, text, ["Teilen", "Impressum"])
    kept, removed = _clean(run_stage, page)
    assert [x for x in kept if x in items[1:]] == items[1:]
    assert {"Startseite", "Teilen", "Impressum"} <= set(removed)


def test_a_list_of_quantities_after_the_text_stays_removed():
    """Teasers that start with a number after the article are a related box, even where the
    text names what they name."""
    teasers = ["10 quiet harbours in Cornwall", "5 fishing boats to see this summer",
               "3 films by Ines Carvalho"]  # fmt: skip
    lines = [*FILM, *teasers, "Share", "Newsletter"]
    keep = [True] * len(FILM) + [False] * 5
    assert article_structures(lines, keep, [0.3] * 8, [False] * 8) == []


def test_teasers_that_start_with_a_count_over_other_teasers_stay_removed():
    """s37 acc-regress R5: in a related box after a page of jokes, the model kept some
    teasers; "23 Super Silly Birthday Jokes for Kids" between two kept ones, with two more
    starting with a count, was kept as a list of quantities over the text that names them.
    Under the run was the box's next headline, no prose: a recipe's steps are sentences."""
    text = [
        "Why did the kids bring a ladder to the birthday party? The facts were on the house,"
        " and the silly valentine jokes we love were on the roof.",
        "Riddle Me This: 19 Amazing Riddles for Kids",
    ]
    teasers = ["23 Super Silly Birthday Jokes for Kids",
               "63 Fascinating Facts Every Kid Should Know",
               "20 Valentine's Jokes Kids Will Love"]  # fmt: skip
    lines = [
        *text,
        *teasers,
        "Underwear Jokes That Are Mostly Clean",
        "Spook-tacular Halloween Jokes",
    ]
    keep = [True, True, False, True, True, True, True]
    assert article_structures(lines, keep, [0.3] * 7, [False] * 7) == []
    # over a label and the steps, a recipe's
    lines = ["5 patatas medianas", "6 huevos", "Elaboración", "Pela las patatas y bate los huevos."]
    assert article_structures(lines, [False, False, True, True], [0.3] * 4, [False] * 4) == [0, 1]


@pytest.mark.parametrize(
    "items",
    [
        ["1 Details", "2 Software", "3 References"],  # a table of contents: numbers go up
        ["7,65 euros, port inclus", "6,90 euros"],  # one thing's amounts: a price
    ],
)
def test_lists_of_numbers_over_the_text_that_are_no_ingredients(items):
    """Over a text that names what they name, a contents list and a price list stay
    removed (the dev pages' tsne and alternatives-economiques)."""
    text = "The page names details, software and references, and costs euros with port."
    lines = [*items, text]
    n = len(lines)
    keep = [False] * (n - 1) + [True]
    assert article_structures(lines, keep, [0.3] * n, [False] * n) == []
    recipe = ["5 patatas medianas", "6 huevos", "Pela las patatas y bate los huevos."]
    assert article_structures(recipe, [False, False, True], [0.3] * 3, [False] * 3) == [0, 1]
