"""Service pages (reviews, how-tos, recipes) in plain text: an article's short lists kept whole
and a recipe's lines never its title (s49 acc-service S1, S3, S4, S5). The pages are written
for these tests, not taken from the acceptance set."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.metadata.text import extract

EXTRA = [
    "The same trick works for the second burner, though you should check the maker's manual "
    "first, because some models ask for a different cartridge instead.",
    "In very cold weather a canister loses pressure; keep it in your sleeping bag overnight "
    "and the flame will be steady again in the morning.",
    "Never use the stove inside a tent: the fumes build up quickly and a flare from a cold "
    "canister can set the fabric alight in seconds.",
    "If the burner is clogged, take care not to scratch the jet, since a damaged jet gives an "
    "uneven flame and a new burner costs more than the stove.",
    "Once you are done, let the stove cool down fully before folding it, so that the pan "
    "supports do not warp in the case on the drive home.",
]
STOVE = [
    ["Menu", "Reviews", "Guides", "Deals", "Forums"],
    ["Trailblaze Duo camping stove review"],
    ["Tomasz Wrona"],
    ["12 May 2026"],
    ["The Trailblaze Duo is a two-burner gas stove that folds into a case the size of a laptop "
     "bag, and after a month of weekend trips it has become our default pick for car camping."],
    ["Pros", "Boils a litre of water in four minutes", "Stable pan supports",
     "Wind shields on three sides"],
    ["Cons", "Heavy for backpacking", "Piezo igniter failed once in the rain"],
    ["Both burners held a steady flame in a light breeze, and the simmer control was fine "
     "enough for porridge without scorching the bottom of the pan."],
    *([p] for p in EXTRA),
    ["Our verdict: for families who drive to the campsite, it is the stove to beat at this "
     "price."],
    ["More reviews", "Best tents for families", "Best sleeping mats"],
    ["Sign up for our newsletter"],
    ["© 2026 Outdoor Kit Weekly"],
]  # fmt: skip


def _page(blocks: list[list[str]]) -> str:
    """A browser copy: blocks of lines, blank lines between them."""
    return "\n\n".join("\n".join(b) for b in blocks)


def test_a_reviews_pros_and_cons_between_its_paragraphs_are_kept_whole(run_stage: Any) -> None:
    """The line model kept a pro and both cons and cut the labels and two pros as a menu's
    items: the run of short lines between the review's paragraphs, of one shape and naming
    what the text names, is the article's list. The menu and the related box stay out."""
    doc = run_stage(BoilerplateStage, make_document(_page(STOVE))).kept[0]
    kept = doc.text.split("\n")
    for line in STOVE[5] + STOVE[6]:
        assert line in kept
    at = kept.index("Pros")
    assert kept[at : at + 7] == STOVE[5] + STOVE[6]  # (in its place, whole)
    assert not {"Menu", "Reviews", "Best tents for families", "More reviews"} & set(kept)


QUICHE = """Accueil
Recettes
Entrées
Plats

Tarte fine aux poireaux

Par Hélène Marchal

Publié le 14/03/2026

Temps total : 50 min

Ingrédients

1 pâte feuilletée
3 poireaux
20 cl de crème liquide
2 œufs
80 g de comté râpé

Préparation

Émincez les poireaux et faites-les fondre dix minutes à la poêle avec un peu de beurre.

Battez les œufs avec la crème, ajoutez le comté, puis versez sur la pâte garnie de poireaux.

Enfournez trente minutes à 190 °C, jusqu'à ce que la tarte soit bien dorée.
"""


def test_an_ingredient_or_a_readers_rating_is_never_the_title() -> None:
    """A recipe's three-word headline stands far from its first paragraph; its ingredient
    list's first line ("20 cl de crème liquide") or the readers' rating line was taken as
    the title. Neither is a headline, in any language."""
    from corearchive_plugins.metadata.text import _never_title

    for line in ("20 cl de crème liquide", "250 ml Milch", "2 tbsp olive oil",
                 "Ocena: 4.8 (967 głosów)", "4,8/5 (2 415 avis)", "4.6 (213 ratings)"):  # fmt: skip
        assert _never_title(line)[0], line
    for line in ("10 things to do in Lisbon", "1917", "3 Tage in Rom", "5 G networks"):
        assert not _never_title(line)[0], line
    # (a headline that starts with a quantity and its unit, a title with a year or a figure
    # in brackets: read50 F15)
    for line in ("500 kg of cocaine seized at Hamburg port",
                 "2 cups of coffee a day may protect the heart, study finds",
                 "Rocky 4 (1985 film)", "Windows 7 (64 bit)"):  # fmt: skip
        assert not _never_title(line)[0], line
    assert extract(QUICHE)["title"] != "20 cl de crème liquide"
    head = "500 kg of cocaine seized at Hamburg port"
    page = f"""{head}

Customs officers found more than five hundred kilograms of cocaine hidden in a container of bananas from South America, the authorities said on Friday.

The drugs, with a street value of more than twenty million euros, were discovered during a routine check of the container after it was unloaded from a ship.
"""  # noqa: E501
    assert extract(page)["title"] == head


def test_a_name_with_a_lowercase_particle_is_a_byline_not_the_title() -> None:
    """ "Anna van der Berg" under the headline, over the date: a byline's name, which the
    particle in lower case hid from the test of names (the name was the page's title)."""
    text = (
        "Home\nFietsen\n\nZo vervang je een fietsketting in tien minuten\n\n"
        "Anna van der Berg\n\n4 maart 2026\n\n"
        "Een versleten ketting maakt je tandwielen kapot. Met een kettingpons en een nieuwe "
        "ketting ben je in tien minuten klaar, ook als je nooit eerder aan je fiets hebt "
        "gesleuteld.\n\n"
        "Meet eerst de oude ketting op met een kettingmeter, zodat je weet of hij echt aan "
        "vervanging toe is.\n"
    )
    from corearchive_plugins.metadata.text import _particled_name

    for name in ("Anna van der Berg", "Mark de Vries", "Luca di Stefano"):
        assert _particled_name(name), name
    assert not _particled_name("de Vries")  # (a particle opens no name)
    assert not _particled_name("Anna Berg")  # (no particle: _person_like's)
    assert extract(text)["title"] == "Zo vervang je een fietsketting in tien minuten"
    # (a title of capitalised nouns and particles, "la fête" in its paragraph: no person's
    # name; read50 F9)
    fete = (
        "Culture et loisirs à Lyon\nFête de la Musique\n21 juin 2024\n\n"
        "Des centaines de concerts gratuits sont organisés ce vendredi dans toute la ville, "
        "pour la quarante-troisième édition de la fête.\n\n"
        "Les organisateurs attendent plus de cent mille personnes, et la ville a renforcé les "
        "transports en commun jusqu'à deux heures du matin.\n"
    )
    assert extract(fete)["title"] == "Fête de la Musique"


def test_a_genre_labelled_byline_gives_its_author() -> None:
    """ "Nachruf von X", "Review by X", "Analysis by X": the genre's noun before the byline
    word, with no article, names the piece's author."""
    for line, name in (("Nachruf von Jutta Behrens", "Jutta Behrens"),
                       ("Review by Samir Haddad", "Samir Haddad"),
                       ("Analysis by Orla Quinn", "Orla Quinn")):  # fmt: skip
        text = (
            "Ein Leben für das Theater\n\n" + line + "\n\n2. April 2026\n\n"
            "Sie stand fünfzig Jahre auf der Bühne und prägte eine Generation von "
            "Schauspielerinnen, die bei ihr das Sprechen lernten.\n"
        )
        assert extract(text)["authors"] == [name], line


def test_a_reviews_headline_with_of_is_no_genre_byline() -> None:
    """ "Critique de <film>", "Crítica de <film>", "Recensione di <film>": a review's
    headline, the work's name after "of"; the genre's noun is a byline's with the word that
    means "by" alone (read50 F1: the film was the author, the byline the title)."""
    body = (
        "Le deuxième volet de la saga arrive enfin en salles, et il tient toutes les "
        "promesses du premier film, avec des images encore plus impressionnantes.\n"
    )
    reviews = [
        ("Critique de Dune Deuxième Partie", "Par Claire Martin", "Claire Martin"),
        ("Crítica de Oppenheimer", "Por Ana López", "Ana López"),
        ("Recensione di Oppenheimer", "di Marco Rossi", "Marco Rossi"),
    ]
    for head, byline, name in reviews:
        record = extract(f"{head}\n\n{byline}\n\n{body}")
        assert (record["title"], record["authors"]) == (head, [name]), head
    record = extract(f"Film du jour\n\nCritique par Claire Martin\n\n{body}")
    assert record["authors"] == ["Claire Martin"]


def test_shop_buttons_and_an_affiliate_disclosure_are_removed(run_stage: Any) -> None:
    """A price at a shop ("$349 at Amazon", "329 € chez Fnac") and the site's affiliate
    disclosure are furniture the line model kept among the review's lines; a price in the
    text's sentence stays."""
    from corearchive_plugins.boilerplate.chrome import disclosure, shop_lines

    note = ("Outdoor Kit Weekly is supported by its readers. When you buy through links on "
            "our site, we may earn an affiliate commission.")  # fmt: skip
    blocks = [*STOVE[:4], [note], *STOVE[4:8], ["$349 at Amazon", "$359 at REI"], *STOVE[8:]]
    doc = run_stage(BoilerplateStage, make_document(_page(blocks))).kept[0]
    kept = doc.text.split("\n")
    assert not {note, "$349 at Amazon", "$359 at REI"} & set(kept)
    assert "Pros" in kept and "Heavy for backpacking" in kept
    lines = ["329 € chez Fnac", "2799 zł w Media Expert", "$449 is a lot",
             "Tickets cost £5 at the door.", "Artykuł zawiera linki afiliacyjne."]  # fmt: skip
    assert sorted(shop_lines(lines, [True] * len(lines))) == [0, 1, 4]
    assert not disclosure("The council will receive a commission report next week.")
    # (what the site earns its commission on, the reader's purchase or its links; read50 F10)
    assert not disclosure(
        "Under the current rules, advisers may earn a commission on every product they sell, "
        "which critics say encourages them to recommend products that are not in the "
        "interest of their clients."
    )
    notes = [
        "If you buy something from a Verge link, Vox Media may earn a commission.",
        "Tecnoblog pode receber comissão por compras feitas a partir dos links.",
    ]
    assert all(disclosure(note) for note in notes)
    # (a price "in" a place, "from" a date: an article's data, a shop's with a disclosure
    # on the page only; read50 F2)
    rents = ["Average rent – €1,450 in Munich", "Average rent – €1,180 in Berlin",
             "€960 in Cologne", "$25 from March", "2799 zł w Warszawie"]  # fmt: skip
    assert shop_lines(rents, [True] * len(rents)) == {}
    keep = [True] * len(rents) + [False]  # (a disclosure the model removed already)
    assert len(shop_lines([*rents, lines[-1]], keep)) == len(rents)
