"""The chrome a wiki's, a recipe card's or a forum's software writes around a page's text
(s42 acc-pages F3, F10, F13): its lines go, the page's own stay."""

from __future__ import annotations

import pytest
from test_boilerplate_structures import _clean

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.chrome import (
    BUTTONS_REASON,
    CONTENTS_REASON,
    COUNTER_REASON,
    FORM_REASON,
    GLUED_SHARE_REASON,
    PROFILE_REASON,
    RECIPE_REASON,
    WIKI_REASON,
    software_chrome,
    without_button_bars,
    without_edit_links,
)

TOWN = [
    "Millbrook is a market town in the county of Wessex, England, on the River Brent. At the "
    "2021 census it had a population of 14,380.",
    "History",
    "The town is recorded in the Domesday Book as Melebroc, a settlement with two mills. It "
    "received a market charter in 1227, and the wool trade made it prosperous until the 17th "
    "century.",
    "The railway arrived in 1861. The station closed in 1964 and the line is now a footpath and "
    "cycle route.",
    "Geography",
    "Millbrook lies in a shallow valley between chalk downs. The river floods the water meadows "
    "south of the town most winters.",
    "Notable people",
    "Eleanor Whitby (1878–1951), suffragist",
    "Tom Ashdown (born 1985), footballer",
]
#: a MediaWiki page's chrome around its text, as a browser copies it (s42 acc-pages wiki_en)
WIKI_HEAD = ["Jump to navigation Jump to search", "Millbrook",
             "From Wikipedia, the free encyclopedia"]  # fmt: skip
WIKI_TOC = ["Contents", "1 History", "2 Geography", "3 Notable people"]
WIKI_FOOT = ['Retrieved from "https://en.wikipedia.org/wiki/Millbrook"', "Categories:",
             "Market towns", "Towns in Wessex",
             "This page was last edited on 9 January 2025, at 14:22.", "Main page", "Contents",
             "Current events", "Random article", "About Wikipedia", "Tools", "What links here",
             "Related changes", "Permanent link", "Cite this page", "Privacy policy",
             "About Wikipedia", "Disclaimers", "Code of Conduct", "Mobile view",
             "Text is available under the Creative Commons Attribution-ShareAlike 4.0 License; "
             "additional terms may apply."]  # fmt: skip
_HEADINGS = {"History", "Geography", "Notable people"}


def _wiki_text(edit: str) -> str:
    """The page with each section heading's edit link ``edit`` on a line of its own (when
    it starts with a newline) or after the heading."""
    lead, *body = TOWN
    with_links = [
        line + edit if line in _HEADINGS and not edit.startswith("\n") else line for line in body
    ]
    for h in reversed([j for j, x in enumerate(body) if x in _HEADINGS]):
        if edit.startswith("\n"):
            with_links.insert(h + 1, edit.strip())
    return "\n".join([*WIKI_HEAD, lead, *WIKI_TOC, *with_links, *WIKI_FOOT])


@pytest.mark.parametrize("edit", ["\n[edit]", "[edit]", " [edit]"])
def test_a_wikis_chrome_goes_and_its_headings_stay_without_edit_links(run_stage, edit):
    """The text kept the tagline, the contents, "[edit]", the source link, the categories
    and the last-edit line as the article's lines (s42 acc-pages F10): they go; a heading
    with its edit link ("History[edit]") stays as the heading."""
    kept, removed = _clean(run_stage, _wiki_text(edit))
    assert kept == TOWN
    assert removed["From Wikipedia, the free encyclopedia"] == WIKI_REASON
    assert removed['Retrieved from "https://en.wikipedia.org/wiki/Millbrook"'] == WIKI_REASON
    assert CONTENTS_REASON in removed.values()


def test_a_german_wikis_chrome_is_found():
    lines = [
        "aus Wikipedia, der freien Enzyklopädie",
        "Die Burg Hohenfels ist die Ruine einer Höhenburg bei Hohenfels-Essingen.",
        "Inhaltsverzeichnis",
        "1 Geschichte",
        "2 Anlage",
        "Geschichte [Bearbeiten | Quelltext bearbeiten]",
        "Die Burg wurde um 1200 errichtet und 1689 zerstört.",
        "Anlage [Bearbeiten | Quelltext bearbeiten]",
        "Erhalten sind Teile der Ringmauer.",
        'Abgerufen von "https://de.wikipedia.org/wiki/Burg Hohenfels (Eifel)" Kategorien:',
        "Burgruine in Rheinland-Pfalz",
        "Diese Seite wurde zuletzt am 30. August 2024 um 10:12 Uhr bearbeitet.",
    ]
    assert sorted(software_chrome(lines)) == [0, 2, 3, 4, 9, 10, 11]
    assert without_edit_links(lines) == {5: "Geschichte", 7: "Anlage"}


OWN_LINES = [
    # a citation guide's line that names a web address (trafeval's journal page)
    [
        "Nachname/Vorname (Jahr): Titel. Abgerufen von Webseite [ohne http://], Zugriff am Datum.",
        "Die Angabe des Datums ist Pflicht.",
    ],
    # a numbered list whose items head no later section
    [
        "Three steps:",
        "1 Measure the room",
        "2 Order the boards",
        "The boards came a week later.",
        "Measure the room twice.",
    ],
    # a blog's own categories line, on a page with no wiki's chrome
    [
        "We went to the coast for the weekend and the weather held.",
        "Categories:",
        "Travel",
        "Weekend",
    ],
    # a single bracketed "[edit]" at a heading's end, and a lone profile-like line
    ["Notes [edit]", "Registered: 03 Feb 2019", "The company was registered in 2019."],
    # "La Stampa" is a newspaper, "Print" alone a word
    ["La Stampa", "Print", "Stampa"],
    # a review's own rating (no readers' count), a list's "3 of 10", scores on a scale, a
    # sentence that names lynx's mark (s44 acc-genres G11, G16, G17)
    [
        "Note : 4/5",
        "Rating: 4.5 out of 5",
        "3 of 10",
        "4/5",
        "3/5",
        "Lynx writes (BUTTON) before each button of a form it renders as text.",
    ],
]


@pytest.mark.parametrize("lines", OWN_LINES)
def test_the_texts_own_lines_are_no_chrome(lines):
    assert software_chrome(lines) == {}
    assert without_edit_links(lines) == {}


RECIPE_HEAD = ["This site uses cookies from Google to deliver its services and analyze traffic.",
               "OK", "Hannah Bakes", "Search", "Recipes", "Baking", "Breakfast", "About", "Shop",
               "Home", "Baking", "One-Bowl Banana Bread with Brown Butter",
               "One-Bowl Banana Bread with Brown Butter",
               "By Hannah Price · October 14, 2024"]  # fmt: skip
RECIPE = [
    "This is the banana bread I bake every time three bananas go spotty on the counter. "
    "Browning the butter takes five extra minutes and gives the loaf a toffee note that plain "
    "melted butter never does.",
    "You only need one bowl and a fork, and the batter keeps well overnight in the fridge if "
    "you want to bake it in the morning.",
    "Why brown the butter?",
    "Browning cooks the milk solids until they smell nutty. Let the butter cool for ten "
    "minutes before you add the eggs, or they will scramble.",
]
CARD = ["Ingredients", "115 g unsalted butter", "3 very ripe bananas (about 350 g peeled)",
        "150 g light brown sugar", "2 large eggs", "Instructions",
        "Heat the oven to 175 °C and line a 23 × 13 cm loaf tin with baking paper.",
        "Mash the bananas into the butter with a fork, then beat in the sugar, eggs and "
        "vanilla."]  # fmt: skip


@pytest.mark.parametrize(
    "top, card",
    [
        (["Jump to Recipe Print Recipe"], ["Pin Recipe", "4.86 from 35 votes"]),
        (["Vai alla ricetta Stampa"], []),
        (["Aller à la recette | Imprimer la recette"], []),
        (["Zum Rezept springen Rezept drucken"], ["Rezept merken"]),
    ],
)
def test_a_recipe_cards_buttons_and_votes_go(run_stage, top, card):
    """ "Jump to Recipe Print Recipe" over the recipe's text, "Pin Recipe" and "4.86 from 35
    votes" over its card were kept among the recipe's lines (s42 acc-pages F13)."""
    lines = [*RECIPE_HEAD, *top, *RECIPE, RECIPE_HEAD[-2], *card, *CARD]
    kept, removed = _clean(run_stage, "\n".join(lines))
    assert kept[: len(RECIPE)] == RECIPE and set(CARD[1:5]) <= set(kept)
    assert all(removed[b] == RECIPE_REASON for b in top + card)


THREAD = [
    ("reefnovice", "» February 11, 2025 18:10", "Hi all, I set up my first 120 litre tank "
     "three weeks ago and the water has turned milky white over the last four days."),
    ("FinFanatic", "» February 12, 2025 18:17", "That sounds like a bacterial bloom. It is "
     "very common in new tanks and it clears on its own in a week or two."),
    ("old_tetra", "» February 13, 2025 18:24", "Agree with the above. Cut the feeding to "
     "every other day and leave the filter alone. Mine cleared after nine days."),
]  # fmt: skip


def test_a_threads_profile_lines_go_from_an_html_page(run_stage):
    """phpBB writes each poster's profile ("Posts: 4,218", "Joined: Mar 2014") next to the
    post, and trafilatura kept it under each post as "- name: Regular; Posts: …; Joined: …"
    (s42 acc-pages F3); the posts stay."""
    posts = "\n".join(
        f"<div class='post'><div class='inner'><div class='postbody'><div><h3>Re: Cloudy water"
        "</h3><ul class='post-buttons'><li><a class='button'>Quote</a></li></ul>"
        f"<p class='author'><span>by <strong><a class='username'>{who}</a></strong> {when}"
        f"</span></p>\n<div class='content'>{text}</div>\n</div></div>\n<dl class='postprofile'>"
        f"<dt><a class='username'>{who}</a></dt>\n<dd class='profile-rank'>Regular</dd>\n"
        "<dd>Posts: 4,218</dd>\n<dd>Joined: Mar 2014</dd>\n</dl></div></div><hr>"
        for who, when, text in THREAD
    )
    html = (
        "<html><head><title>Cloudy water | TankTalk</title></head><body class='phpbb'>"
        "<header><a class='logo' href='/'>TankTalk Aquarium Forum</a><nav><ul><li><a href='/'>"
        "Board index</a></li><li><a href='/f'>Freshwater</a></li></ul></nav></header>"
        "<div id='page'><h2 class='topic-title'>Cloudy water</h2><div class='action-bar'>"
        f"<a class='button'>Post Reply</a></div>\n{posts}\n</div><footer><h3>Who is online</h3>"
        "<p>Users browsing this forum: No registered users and 3 guests</p></footer></body></html>"
    )
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="t.html")).kept[0]
    assert THREAD[0][2] in doc.text
    assert "Posts:" not in doc.text and "Joined:" not in doc.text


def test_profile_lines_are_found_in_their_forms():
    lines = [
        "Registriert: Fr 12. Aug 2011",
        "- rural_toni: Regular; Mensajes: 812; Registrado: 03 Feb 2019",
        "Posts: 4,218",
        "The thread's text, which has a colon: and a 2019 in it.",
    ]
    assert software_chrome(lines) == dict.fromkeys((0, 1, 2), PROFILE_REASON)
    # (counted among all the lines, given among the kept)
    assert software_chrome(lines, [False, True, False, True]) == {1: PROFILE_REASON}


@pytest.mark.parametrize(
    "lines, reason",
    [
        # readers' votes on a recipe card in German and Spanish (s44 acc-genres G16)
        (["4,6 von 5 Sternen (212 Bewertungen)"], RECIPE_REASON),
        (["Valoración: 4,9 (88 votos)"], RECIPE_REASON),
        # in Polish, and a count grouped by a space as French and Polish write it (s49
        # acc-service S13: the Polish card's line became the recipe's title)
        (["Ocena: 4.8 (967 głosów)"], RECIPE_REASON),
        (["4,8/5 (2 415 avis)"], RECIPE_REASON),
        # lynx's share bars, in Spanish, Russian, and a wrapped bar's last line (G11)
        (
            ["(BUTTON) Compartir (BUTTON) Compartir en Facebook (BUTTON) Enviar por WhatsApp"],
            BUTTONS_REASON,
        ),
        (["(BUTTON) Поделиться (BUTTON) ВКонтакте (BUTTON) Telegram"], BUTTONS_REASON),
        (["X (BUTTON) Envoyer par e-mail", "(BUTTON) Partager"], BUTTONS_REASON),
        # a gallery's counters, as text and as w3m writes them after a picture (G17)
        (["1 of 6", "2 of 6", "3 of 6"], COUNTER_REASON),
        (["1 / 5", "3 / 5", "4 / 5"], COUNTER_REASON),
        (["[gallery_en]1 of 6", "[gallery_en]2 of 6"], COUNTER_REASON),
        (["Photo 1 of 6", "Photo 2 of 6"], COUNTER_REASON),
        (["Bild 1 von 12", "Bild 2 von 12"], COUNTER_REASON),
    ],
)
def test_votes_browser_buttons_and_gallery_counters_are_chrome(lines, reason):
    """Readers' vote counts in their other forms, lynx's "(BUTTON) …" bars and a gallery's
    "1 of 6" counters were kept in the text (s44 acc-genres G11, G16, G17)."""
    text = ["The parade started at noon and ran for three hours through the old town.", *lines]
    found = software_chrome(text)
    assert found == dict.fromkeys(range(1, len(text)), reason)


@pytest.mark.parametrize(
    "price",
    ["23,90 € (BUTTON) In den Warenkorb", "$24.99 (BUTTON) Add to cart", "ab 9 € (BUTTON) Kaufen"],
)
def test_a_price_before_its_cart_button_is_no_button_bar(price):
    """A shop's category page as lynx writes it: each price before its cart button on one
    line. The bar's rule read the price as a wrapped bar's last words and took the line
    whole (every price of 20 of 24 shop pages gone: s45 acc-regress R1); a wrapped bar's
    last words still go with it."""
    lines = ["Earl Grey Bio, 100 g", price, "Darjeeling First Flush, 100 g", price]
    assert software_chrome(lines) == {}
    assert software_chrome(["Tee des Monats", "X (BUTTON) Envoyer par e-mail"]) == {
        1: BUTTONS_REASON
    }


@pytest.mark.parametrize(
    "bar",
    [
        "ShareFacebookXWhatsAppEmailCopy link",
        "ПоделитьсяВКонтактеОдноклассникиTelegram",
        "شاركفيسبوكتويترواتسابنسخ الرابط",
        "공유하기페이스북트위터카카오톡URL 복사",
        "シェアX(旧Twitter)FacebookLINEはてなブックマーク",
        "PartagerFacebookTwitterE-mailCopier le lien",
    ],
)
def test_a_share_bar_a_text_browser_wrote_as_one_word_is_chrome(bar):
    """A page with no space between its share links: w3m and lynx write the bar as one
    word, which no cue word of the lexicon matched (kept on 26 of 51 pages in each,
    s45 acc-wire W11)."""
    text = ["The parade started at noon and ran for three hours through the old town.", bar]
    assert software_chrome(text) == {1: GLUED_SHARE_REASON}


@pytest.mark.parametrize(
    "line",
    [
        "Share this on Facebook and Twitter today.",
        "FacebookTwitter",
        "Deadline-Online-Share",
        "Facebook, Twitter and Telegram were fined again this week over the same rules.",
    ],
)
def test_a_line_naming_networks_is_no_glued_share_bar(line):
    """A sentence that names networks, or two glued names alone, is no such bar."""
    assert software_chrome(["A first line of the page's text, with a sentence.", line]) == {}


def test_a_how_tos_steps_are_no_gallerys_counters():
    """A how-to's "Step 1 of 3" / step / "Step 2 of 3" … were removed as a gallery's counter
    over a picture (s45 read F17): only a picture's word goes before the number."""
    lines = ["How to repot a cactus", "Step 1 of 3", "Put on thick gloves and lay newspaper down.",
             "Step 2 of 3", "Tip the pot and ease the plant out with a fork.", "Step 3 of 3",
             "Set the plant in fresh cactus soil and wait a week before watering."]  # fmt: skip
    assert software_chrome(lines, [True] * len(lines)) == {}
    quiz = ["Question 1 of 10", "Which planet is the largest?", "Question 2 of 10", "Who won?"]
    assert software_chrome(quiz, [True] * len(quiz)) == {}


def test_a_price_before_its_cart_button_is_written_without_the_button():
    """The price is the page's, the button's label lynx's rendering of a control: the line
    was kept with "(BUTTON) In den Warenkorb" as its tail (s45 acc-regress R1)."""
    lines = [
        "Earl Grey Bio, 100 g",
        "23,90 € (BUTTON) In den Warenkorb",
        "Darjeeling, 100 g",
        "$24.99 (BUTTON) Add to cart (BUTTON) Wishlist",
        "(BUTTON) Share (BUTTON) Tweet",
    ]
    assert without_button_bars(lines, [True] * 5) == {1: "23,90 €", 3: "$24.99"}
    assert without_button_bars(lines, [True, False, True, True, True]) == {3: "$24.99"}


def test_a_long_run_of_spaces_or_underscores_before_a_button_costs_linear_time():
    """The bar's and the text field's patterns start at their run's first space or
    underscore: a search from each of them, each backtracking through the rest of the run,
    took ~1 s for 10,000 spaces and ~15 s for 40,000 (s47 read F4). The bound below is ~100x
    the linear cost and ~1/15 of the quadratic one."""
    import time

    spaces = " " * 40_000
    lines = [
        "Price" + spaces + "(BUTTON) a b c d e f g h",  # five labels or more: not a bar
        "23,90 €" + spaces + "(BUTTON) In den Warenkorb",
        "_" * 40_000 + " (x",
    ]
    start = time.process_time()
    found = without_button_bars(lines, [True] * 3)
    chrome = software_chrome(lines, [True] * 3)
    assert time.process_time() - start < 1.0
    assert found == {1: "23,90 €"}
    assert chrome == {}


@pytest.mark.parametrize(
    "line",
    [
        "1___________________ (BUTTON) In den Warenkorb",
        "Restez informé : abonnez-vous. ____________________ (BUTTON) S'inscrire",
        "Recrutement Adhérents Aide Nos sites ____________________ (BUTTON) Rechercher",
    ],
)
def test_a_text_field_and_its_button_are_a_form(line):
    """lynx writes a form's text field as underscores, its button after it: a product's
    quantity and cart button, a newsletter's sign-up, a search box were kept (s45
    acc-regress R1: the shop's "In den Warenkorb" is chrome in the kinds set's truth)."""
    text = ["The parade started at noon and ran for three hours through the old town.", line]
    assert software_chrome(text) == {1: FORM_REASON}
