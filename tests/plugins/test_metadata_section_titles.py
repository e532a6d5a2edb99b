"""A title that names a site's section or a page's kind ("News", "Press Release",
"Pressemitteilung - BMLW") gives way to the page's headline; a newsletter's or a listing's
link is never a title (s41 acc-press F4, F5, F21)."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import _never_title, section_label

HEADLINE = "Harbour council approves new ferry terminal"
BODY = [
    "The harbour council on Tuesday approved plans for a new ferry terminal on the east quay,"
    " ending three years of debate over the site and its cost to the town.",
    "Work is due to start in the spring and should take two years, the council said, with the"
    " old terminal staying open until the new one is ready for passengers.",
]


@pytest.mark.parametrize(
    "title",
    [
        "News",
        "Press Release",
        "Pressemitteilungen",
        "Medienmitteilungen",
        "Pressemitteilung Nr. 112/2026",
        "Pressemitteilung - BMLW",
        "Event Details - Harlow Public Library",
        "News Flash • Millbrook, OH • CivicEngage",
        "Communiqué de presse",
        "Nota de prensa",
    ],
)
def test_a_sections_name_is_a_section_label(title):
    assert section_label(title)


@pytest.mark.parametrize(
    "title",
    [HEADLINE, "News | Council approves the budget for 2026", "Events in Berlin this weekend"],
)
def test_a_headline_is_no_section_label(title):
    assert not section_label(title)


@pytest.mark.parametrize("og", ["News", "Press Release", "Pressemitteilungen"])
def test_an_html_pages_section_title_gives_way_to_its_headline(run_stage, og):
    # og:title of the press room, the release's headline in its <h1> (trafilatura took the
    # og:title as it is: s41 acc-press F4)
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    html = (
        f'<html><head><meta property="og:title" content="{og}">'
        f"<title>{HEADLINE} | Harbour Town</title></head><body><article>"
        f"<h1>{HEADLINE}</h1>{paras}</article></body></html>"
    )
    doc = run_stage(MetadataStage, make_document(html, html=True, path="a.html")).kept[0]
    assert doc.title == HEADLINE


def test_a_dumps_section_title_gives_way_to_the_texts_headline(run_stage):
    # a scraper stored the page's <title>, "Pressemitteilung - BMLW": the headline was taken
    # out of the text as the title line and was then in neither (s41 acc-press F21)
    text = "\n\n".join(["Harbour Town", "Presse", HEADLINE, *BODY])
    doc = make_document(text)
    doc.title = "Pressemitteilung - Harbour Town"
    out = run_stage(MetadataStage, doc).kept[0]
    assert out.title == HEADLINE
    assert HEADLINE not in out.text.split("\n")
    assert [ln for ln in out.text.split("\n") if ln][-2:] == BODY


def test_a_dumps_own_headline_stays_its_title(run_stage):
    doc = make_document("\n\n".join([HEADLINE, *BODY]))
    doc.title = "Ferry terminal approved"
    assert run_stage(MetadataStage, doc).kept[0].title == "Ferry terminal approved"


@pytest.mark.parametrize(
    "line", ["Back to Events", "Zurück zur Übersicht", "Forward to a friend", "View in browser"]
)
def test_a_link_back_or_a_newsletters_link_is_never_a_title(line):
    # an event page's "Back to Events", an e-mail digest's "Forward to a friend" were the
    # titles of their texts (s41 acc-press F5)
    assert _never_title(line)[0]


def test_a_section_name_beside_a_headline_is_no_section_label():
    """review2 F3: a short headline beside a section's name was read as a site's name."""
    from corearchive_plugins.metadata.text import section_label

    assert not section_label("News | Queen Elizabeth dies")
    assert section_label("Pressemitteilung - BMLW")
    assert section_label("Event Details - Harlow Public Library")


@pytest.mark.parametrize("title", ["Events - Jazz In The Park", "Blog | How We Built Search"])
def test_a_dumps_title_stays_when_the_text_has_no_headline_over_its_story(run_stage, title):
    """s42 acc-read F3: a Title-Case headline beside a section's name reads as a site's
    name, and the dump's title gave way to whatever the text's ranker took: a sub-heading
    under the story's first paragraph ("What to bring")."""
    text = "\n\n".join([BODY[0], "What to bring", BODY[1]])
    doc = make_document(text)
    doc.title = title
    assert run_stage(MetadataStage, doc).kept[0].title == title


@pytest.mark.parametrize(
    "headline", ["Back to the Future turns 40", "Retour à la normale pour le RER B"]
)
def test_a_headline_that_opens_with_back_to_is_a_title(headline):
    """s42 acc-read F7: a link back to a listing names the listing; "Back to" before
    anything else under 30 characters made a headline no title."""
    assert not _never_title(headline)[0]
    assert _never_title("Back to all news")[0]
    assert _never_title("Terug naar overzicht")[0]


def test_a_title_case_headline_after_a_source_label_is_no_credit():
    """s42 acc-read F8: "Sources: Jets Release Rodgers" (a US sports scoop's headline) was a
    credit of three names, and no title."""
    from corearchive_plugins.metadata.text import _credit_line

    assert not _credit_line("Sources: Jets Release Rodgers")
    assert not _never_title("Sources: Jets Release Rodgers")[0]
    assert _credit_line("Photo: John Smith")
    assert _credit_line("Source: Reuters")


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        (f"News | {HEADLINE}", HEADLINE),
        ("Pressemitteilung - Stadt baut neue Brücke über die Lahn", None),
        # (the section's and the site's names alone: no headline to read)
        ("News - Harbour Times", "News"),
    ],
)
def test_an_html_pages_title_without_its_sections_name_is_its_headline(run_stage, title, headline):
    """s42 acc-regress D14: a page without a headline element whose <title> is its
    section's name and its headline gave the section's name as its title (trafilatura reads
    the first segment); a text of that first line gave the headline. The <title> without
    the section's name is the title, when more than a site's name is left."""
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"<html><head><title>{title}</title></head><body><div>{paras}</div></body></html>"
    doc = run_stage(MetadataStage, make_document(html, html=True, path="a.html")).kept[0]
    assert doc.title == (headline or title.split(" - ", 1)[1])
