"""Lines of a page's furniture that were its title (testers' pages and session 42's tuning set of
other packages' test pages, research/metadata/heldout_titles.py build --any-tests): a promotion
of more of the site, a post's filing label, a caption's toggle or bracketed credit, links back to
a list, buttons and a shop's terms. None is ever a headline, and the headlines that open like
them may be titles: one list of each, the source of each group in a comment."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import _never_title, title_text


@pytest.mark.parametrize(
    "line",
    [
        # s42 tuning set: a promotion, a filing label, a caption's toggle or credit
        "Click Here for More Articles on HARBOUR COUNCIL MEETINGS",
        "Get breaking news alerts from The Harbour Post",
        "Get the latest updates from Harbour Daily",
        "Never miss a story from Harbour Notes",
        "Filed to: harbour council",
        "Filed under: Local politics",
        "The old terminal seen from the east quay on June 18, 2015. Jane Roe/AP hide caption",
        "The old terminal seen from the east quay. (Harbour Post)",
        "Image: jane roe/harbour post",
        # s41 acc-press F5: an event page's link back, an e-mail digest's links
        "Back to Events",
        "Zurück zur Übersicht",
        "Forward to a friend",
        "View in browser",
        # s42 acc-read F7, review42 R2: links back to a list, or written as a link's words
        "Back to all news",
        "Terug naar overzicht",
        "Retour à l'accueil",
        "Back to Main Page",
        "Back to previous page",
        # ... a word after "to" that opens like an article (s43 acc-read F6)
        "Back to Theatres",
        "Back to Departures",
        # s42 acc-pages F5: a job ad's and a documentation page's buttons, a shop's terms
        "Apply for this job",
        "Jetzt bewerben",
        "Edit on GitHub",
        "Edit this page",
        "View page source",
        "Free shipping on orders over $75 · 60-day returns",
        "Kostenloser Versand ab 39 € · Frisch geröstet in Freiburg",
        "Free shipping on all orders over £40",
        "Livraison gratuite dès 49 €",
        "Free delivery · Easy returns",
        "Voor 22:00 besteld, morgen in huis",
        "Vor 14 Uhr bestellt, morgen geliefert",
        # s36 acc-types #8, #14: lynx's button, a job ad's salary
        "(BUTTON) Add to basket",
        "£65,000 - £75,000",
        "[Submit] Search jobs",
        # a source's credit naming an institution in three words or four (s43 acc-read F2)
        "Source: World Health Organization",
        "Source: Office for National Statistics",
        "Source: Bureau of Labor Statistics",
        "Quelle: Statistisches Bundesamt Wiesbaden",
    ],
)
def test_furniture_line_is_never_a_title(line):
    assert _never_title(line)[0]


@pytest.mark.parametrize(
    "line",
    [
        "Get ready for updates from Apple's developer conference",
        "Never again: the town that said no to the motorway",
        "Photos: what the flood left behind",
        "Image: before/after the flood shows the damage",
        "Trump wins (again)",
        "Bundesverband WindEnergie e.V. (BWE)",
        "Deutscher Jagdverband e. V. (DJV)",
        "Filed complaints rise for the third year",
        # headlines after "Sources:" with an institution's word amid them (s44 acc-read F13)
        "Sources: Lakers Front Office Shakeup",
        "Sources: Secret Service Director Out",
        # headlines that open like a link back (s42 acc-read F7)
        "Back to the Future turns 40",
        "Retour à la normale pour le RER B",
        "Volver a empezar",
        # headlines on shipping, editing or applying (s42 acc-pages F5)
        "Free shipping is killing small retailers",
        "Kostenloser Versand: Warum Händler leiden",
        # ... that hold a figure, a sum or a year (s43 acc-read F5)
        "Free returns cost retailers $550 billion a year",
        "Free shipping over $35 returns to Amazon Prime",
        "Free Shipping Day 2024: which retailers take part",
        "Kostenloser Versand ab 2025 nicht mehr bei Zalando",
        "Edit war on Wikipedia ends after ten years",
        "Vor 50 Jahren bestellt, heute geliefert: Das Klavier",
        "Bewerben in Zeiten von KI: Was sich ändert",
        "Cast iron skillet, 26 cm",
        # a Title-Case headline after a source label (s42 acc-read F8)
        "Sources: Jets Release Rodgers",
    ],
)
def test_headline_like_line_may_be_a_title(line):
    assert not _never_title(line)[0]


#: An excerpt of a page of the tuning set (one of Mercury parser's fixtures, the lines around
#: the headline as the dev sets' rendering gives them), where the credit was the title
MASHABLE = [
    "Job Board", "Social Good Summit", "World", "Like Follow Follow",
    "Mysterious plane circling Manhattan sparks concern and intrigue",
    "367", "Shares", "Share", "Tweet", "Share", "What's This?", "Image: lili sams/mashable",
]  # fmt: skip


def test_headline_wins_over_the_credit():
    assert title_text("\n\n".join(MASHABLE) + "\n") == MASHABLE[4]


def test_a_caption_credits_check_is_linear_in_a_long_token():
    """The caption pattern ". (Credit)" let a credit's words run together, so a long token
    after ". (" with no ")" at the end was split at every letter into up to four words:
    400 letters took 16 s, 500 lost the document to the time limit (s43 acc-read F3).
    A caption and its credit are still never a title."""
    import time

    start = time.process_time()
    for size in (400, 4_000, 20_000):
        assert not _never_title("Checksum of the release. (" + "a" * size + " b")[0]
    assert time.process_time() - start < 0.5  # (quartic: minutes)
    assert _never_title("One of the cars on the road. (Uber)")[0]
    assert _never_title("Crowds at the harbour wall. (Harbour Herald Photo Desk)")[0]
    assert not _never_title("Bundesverband WindEnergie e.V. (BWE)")[0]
