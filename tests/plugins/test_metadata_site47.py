"""Session 46's data-journalism test (acc-data, D10 and the FAQ titles): a site's name from a
plain text's copyright line, a WARC capture's site name as its HTML file's, and a FAQ's
headline over its first question. Small excerpts of the tester's pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.metadata import MetadataStage, text
from corearchive_plugins.metadata.text import _copyright_who, extract

_STATS_RELEASE = """Zum Inhalt springen
Diese Website verwendet nur technisch notwendige Cookies.
Verstanden
Startseite
Presse
Inflationsrate in Nordmark im Februar 2025 bei 2,4 %
Pressemitteilung Nr. 045 vom 27.02.2025
Die Verbraucherpreise in Nordmark sind im Februar 2025 gegenüber dem Vorjahresmonat um \
2,4 % gestiegen. Im Januar hatte die Rate bei 2,6 % gelegen.
Gegenüber dem Vormonat stiegen die Preise um 0,5 %, teilt das Landesamt mit.
Die Preise für Nahrungsmittel lagen um 2,1 % höher als im Februar 2024.
Impressum
Datenschutzerklärung
Kontakt
{notice}
"""


@pytest.mark.parametrize(
    ("notice", "site"),
    [
        ("© Statistisches Landesamt Nordmark 2025", "Statistisches Landesamt Nordmark"),
        ("© 2025 Rheinische Rundschau GmbH", "Rheinische Rundschau"),
        ("© 2025 «Северная газета». Все права защищены.", "Северная газета"),
        (
            "© Bundesministerium der Justiz und für Verbraucherschutz",
            "Bundesministerium der Justiz und für Verbraucherschutz",
        ),
        # a company that owns the site, the notice's own words, an agency: no site's name
        ("© 2025 Condé Nast", None),
        ("© 2025 The Ledger Media Group Ltd. All rights reserved.", None),
        ("© Crown copyright", None),
        ("© dpa", None),
    ],
)
def test_a_texts_copyright_holder_is_its_site_when_it_names_an_organisation(
    notice: str, site: str | None
) -> None:
    """D10: a text file had no site name on any of the 42 pages, though most name their
    site in the footer's notice ("© Statistisches Landesamt Nordmark 2025"); a company's
    name there is the owner's, not the site's (og:site_name of the dev pages: "Condé Nast"
    for Wired), and is not taken."""
    assert extract(_STATS_RELEASE.format(notice=notice))["site_name"] == site


def test_a_holders_company_words_are_dropped_when_the_rest_names_the_domain() -> None:
    """D10: "© 2025 The Ledger Media Group Ltd." on theledger-news.example: "The Ledger"."""
    text = _STATS_RELEASE.format(notice="© 2025 The Ledger Media Group Ltd. All rights reserved.")
    got = extract(text, url="https://www.theledger-news.example/2025/02/25/en-faq-tariffs")
    assert got["site_name"] == "The Ledger"


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("© 2025 «Северная газета». Все права защищены.", "Северная газета"),
        ("© Abendzeitung München · Alle Rechte 2023 Abendzeitung Digital", "Abendzeitung München"),
    ],
)
def test_a_holder_loses_its_quotation_marks_and_a_separator(line: str, who: str) -> None:
    """The holder's name as the site writes it elsewhere: without the quotation marks around
    it or the separator after it."""
    assert _copyright_who(line) == (True, who)


@pytest.mark.parametrize(
    ("holder", "named"),
    [
        ("Northshire County Council", True),
        ("Ayuntamiento de Villaverde del Río", True),
        ("Instituto de Estadística Regional", True),
        ("Le Quotidien du Centre", True),
        ("Gannett", False),
        ("CBS Interactive", False),
        ("Getty Images", False),
        ("Jane Doe 2024", False),
    ],
)
def test_holder_name(holder: str, named: bool) -> None:
    """A holder with a newspaper's or a public body's word, none with a company's, a
    credit's or a digit."""
    assert text.holder_name(holder) is named


def _release(headline: str, site: str, notice: str) -> str:
    """A release page whose <title> is its headline and the site's name."""
    return (
        "<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{headline} | {site}</title></head><body>"
        "<header><a href='/'>Home</a></header>"
        f"<main><article><h1>{headline}</h1>"
        "<p>Consumer prices in the region rose by 2.4% in the twelve months to January 2025, "
        "down from 2.6% in December, the statistics office said on Wednesday.</p>"
        "<p>Food prices were 2.1% higher than a year earlier, while the cost of energy fell "
        "for the third month in a row, by 0.8% over the year.</p>"
        f"</article></main><footer><p>{notice}</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("notice", "site"),
    [
        ("© Statistisches Landesamt Nordmark 2025", "Statistisches Landesamt Nordmark"),
        # (no notice naming it: the segment does not spell the address, and is not taken)
        ("© 2025", None),
    ],
)
def test_a_warc_records_title_segment_named_by_the_copyright_is_the_site(
    run_stage, notice: str, site: str | None
) -> None:
    """D10: "<title>… | Statistisches Landesamt Nordmark</title>" gave the HTML file its site
    name but not the WARC record, whose address (statistik-nordmark) the segment does not
    spell; the page's copyright notice names it and vouches for it."""
    headline = "Inflation in Nordmark at 2.4% in February 2025"
    page = _release(headline, "Statistisches Landesamt Nordmark", notice)
    # (an address its name does not spell, not even by its words' starts)
    uri = "https://www.sl-nordmark.example/2025/02/27/de-pm-verbraucherpreise"
    doc = make_document(page, html=True, uri=uri)
    doc = run_stage(BoilerplateStage, doc).kept[0]
    doc = run_stage(MetadataStage, doc).kept[0]
    assert doc.site_name == site


_FAQ = """Startseite
Daten
Grundsteuer 2025: Die wichtigsten Fragen und Antworten
Seit Januar gilt die neue Grundsteuer. Viele Eigentümer und Mieter zahlen jetzt mehr – \
manche aber auch weniger.
Von Martin Becker
Veröffentlicht am 20.01.2025
Artikel teilen
Link kopieren
Was ist die Grundsteuer?
Die Grundsteuer ist eine Steuer auf den Besitz von Grundstücken und Gebäuden. Sie fließt an \
die Gemeinden.
Warum gibt es eine Reform?
Das Bundesverfassungsgericht hatte 2018 die alte Berechnung für verfassungswidrig erklärt, \
weil sie auf veralteten Werten beruhte.
Zahlen Mieter auch?
Ja. Vermieter dürfen die Grundsteuer über die Nebenkosten auf die Mieter umlegen.
"""

_FAQ_FR = """Accueil
Les Décrypteurs
Réforme des retraites : vos questions, nos réponses
Âge légal, durée de cotisation, carrières longues : ce qui s'applique en 2025.
Par Nadia Lefèvre
Publié le 28 janvier 2025
Partager
Copier le lien
Quel est l'âge légal de départ en 2025 ?
Pour les personnes nées en 1963, l'âge légal est fixé à 62 ans et 9 mois.
Combien de trimestres faut-il ?
Les assurés nés en 1963 doivent valider 170 trimestres pour obtenir le taux plein.
Qu'est-ce que le dispositif carrières longues ?
Il permet de partir plus tôt si vous avez commencé à travailler avant 21 ans et validé \
suffisamment de trimestres.
"""


def test_a_faqs_headline_wins_over_its_first_question() -> None:
    """A FAQ's question under the header ("Combien de trimestres faut-il ?") was the text's
    title over the headline above the standfirst and byline (s46 acc-data, 3 of 5 FAQ
    pages as text)."""
    assert extract(_FAQ_FR)["title"] == "Réforme des retraites : vos questions, nos réponses"


def test_a_headline_that_asks_a_question_stays_the_title() -> None:
    """A headline that is a question, over its byline, is the title still."""
    text = _FAQ.replace(
        "Grundsteuer 2025: Die wichtigsten Fragen und Antworten",
        "Grundsteuer 2025: Wer muss jetzt mehr zahlen?",
    )
    assert extract(text)["title"] == "Grundsteuer 2025: Wer muss jetzt mehr zahlen?"


def test_a_title_segment_whose_words_start_the_domain_is_the_site(run_stage) -> None:
    """D10: "<title>… | Office for Regional Statistics</title>" of a WARC record at
    regionalstats.gov.example (notice: "© Crown copyright") had no site name: its words'
    starts ("regional" + "stat") spell the domain."""
    headline = "Consumer price inflation, Northern Region: January 2025"
    page = _release(headline, "Office for Regional Statistics", "© Crown copyright")
    uri = "https://www.regionalstats.gov.example/2025/02/19/en-cpi-release"
    doc = make_document(page, html=True, uri=uri)
    doc = run_stage(BoilerplateStage, doc).kept[0]
    doc = run_stage(MetadataStage, doc).kept[0]
    assert doc.site_name == "Office for Regional Statistics"


@pytest.mark.parametrize(
    ("site", "label", "spelled"),
    [
        ("Office for Regional Statistics", "regionalstats", True),
        ("Statistisches Landesamt Nordmark", "statistiknordmark", True),
        ("Regional News Today", "regionalstats", False),
        ("The Ledger", "theledgernews", False),
    ],
)
def test_stems_domain(site: str, label: str, spelled: bool) -> None:
    """Two words' starts that cover most of the domain, not one."""
    assert text._stems_domain(site, label) is spelled


#: (the first 20 lines of the dev page trafeval internet-law.de.pseudonymen, as a text)
_BLOG_POST = (Path(__file__).parent / "data" / "internet_law_post.txt").read_text("utf-8")


def test_a_question_headline_over_a_paragraph_that_asks_one_stays_the_title() -> None:
    """A blog post's question headline under its date line, with a paragraph that ends in a
    question below it, is no FAQ: the blog's tagline over the date was taken (sesscmp of
    s47, internet-law.de)."""
    want = "Verstößt der Ausschluss von Pseudonymen bei Google+ gegen deutsches Recht?"
    assert extract(_BLOG_POST)["title"] == want


@pytest.mark.parametrize(
    "notice",
    [
        "© The Economist Newspaper Limited 2025. All rights reserved.",
        "© Wolfgang Schmale, Universität Wien",
        "© 2019 Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung",
    ],
)
def test_a_company_a_list_or_a_cut_name_is_no_texts_site(notice: str) -> None:
    """A newspaper's company ("The Economist Newspaper"), a list of holders, a holder read
    only up to its 60th character ("… Zusammenarbeit und Ent"): no site's name (sesscmp of
    s47)."""
    assert extract(_STATS_RELEASE.format(notice=notice))["site_name"] is None


def test_a_boxs_label_line_is_no_site_name() -> None:
    """A JSONL record of lindenau.example: a contact box's label, "Sozialamt Lindenau:
    Öffnungszeiten", named the domain and was the site over the footer's "© Stadt Lindenau
    2025" (s46 acc-data, jsonl de-anleitung-wohngeld)."""
    text = _STATS_RELEASE.format(notice="© Stadt Lindenau 2025").replace(
        "Impressum\n", "Sozialamt Lindenau: Öffnungszeiten\nMo–Fr 8–12 Uhr\nImpressum\n"
    )
    got = extract(text, url="https://www.lindenau.example/2024/10/01/de-anleitung-wohngeld")
    assert got["site_name"] == "Stadt Lindenau"
