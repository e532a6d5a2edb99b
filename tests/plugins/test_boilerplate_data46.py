"""Data articles, explainers and accessible pages (s46 acceptance test acc-data): a table's
or chart's caption, notes and sources and the article's text after such a block kept in plain
text (D2, D3); an HTML article's charts and method boxes kept (D1); screen-reader text, page
tools and player controls removed (D7, D8). Excerpts of the test's pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.apparatus import labelled
from corearchive_plugins.boilerplate.pagetools import page_tool

HEAD = ["Skip to main content", "We use cookies to improve your experience and to show you "
        "relevant advertising. You can change your settings at any time.", "Accept all cookies",
        "Home", "UK", "World", "Business", "Data", "Climate", "Opinion", "Sport",
        "Sign in"]  # fmt: skip
FOOT = ["Topics", "Energy bills", "Cost of living", "Explainers", "Share this story",
        "Sign up to The Ledger Data newsletter", "Our best charts and analysis, every Friday.",
        "Enter your email address", "Sign up", "More from Data",
        "The graduates priced out of their home towns", "About us", "Privacy policy",
        "Cookie settings", "© 2025 The Ledger Media Group Ltd. All rights reserved."]  # fmt: skip
FAQ = [
    "Energy price cap: what changes on 1 April and what it means for you",
    "The cap will rise by 6.4% in April. Here is what that means for a typical household.",
    "By Hannah Osei",
    "Published 25 February 2025",
    "Share this story",
    "Share on Facebook",
    "Share on X",
    "Copy link",
    "What is the price cap?",
    "It is the maximum that suppliers in England, Scotland and Wales can charge per unit of "
    "gas and electricity on a standard variable tariff. It is not a cap on your total bill.",
    "How much will bills go up?",
    "A typical dual-fuel household paying by direct debit will pay £1,849 a year from 1 April, "
    "up £111 from £1,738.",
    "Who sets it?",
    "The energy regulator, Ofgem, reviews the cap every three months based on wholesale "
    "prices and network costs.",
    "Does it affect people on fixed deals?",
    "No. If you are on a fixed tariff your unit rates will not change until the deal ends.",
    "Can I get help with my bills?",
    "Some suppliers offer grants through their hardship funds, and the Warm Home Discount "
    "gives £150 to eligible households.",
]
READ_MORE = "Read more: Is it worth switching supplier this spring?"
TABLE = [
    "Price cap unit rates from 1 April 2025",
    "\tElectricity\tGas",
    "Unit rate\t27.03p per kWh\t6.99p per kWh",
    "Standing charge\t53.80p per day\t32.67p per day",
    "Rates for direct debit customers, averaged across Great Britain, including VAT.",
]
CLOSING = (
    "Ofgem said that the rise was driven mainly by higher wholesale gas prices over the winter."
)


def _clean(run_stage: Any, text: str, **options: Any) -> tuple[list[str], dict[str, str]]:
    """Kept lines and {removed line: reason} of a page."""
    doc = run_stage(BoilerplateStage, make_document(text), keep_removed=True, **options).kept[0]
    gone = doc.annotations["boilerplate"]["removed"]
    return doc.text.split("\n"), dict(zip(gone["text"], gone["reason"], strict=True))


def test_the_article_resumes_after_a_read_more_line_and_a_table(run_stage) -> None:
    """D3: the "Read more" line ended the article for the line model; the unit-rate table
    under it and the closing paragraph were lost. They are the article's; the link line and
    the page's furniture after the text stay out."""
    kept, gone = _clean(run_stage, "\n".join(HEAD + FAQ + [READ_MORE, *TABLE, CLOSING] + FOOT))
    assert CLOSING in kept
    assert "Unit rate\t27.03p per kWh\t6.99p per kWh" in kept
    assert TABLE[0] in kept and TABLE[-1] in kept
    assert READ_MORE in gone
    assert not set(FOOT) & set(kept)


def test_a_related_box_after_the_article_does_not_resume_it(run_stage) -> None:
    """The same page with a box of teasers where the table stood: no table, no resumption
    (a teaser's summary is no closing paragraph)."""
    box = ["Related stories", "Why wholesale gas prices are rising again",
           "Traders expect a cold spring to keep prices high for months to come, analysts "
           "say."]  # fmt: skip
    kept, _ = _clean(run_stage, "\n".join(HEAD + FAQ + box + FOOT))
    assert not set(box) & set(kept)


def _page(name: str) -> str:
    """A page of the acceptance test, as a browser copies it (tests/plugins/data)."""
    return (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")


def test_a_tables_caption_and_a_charts_source_stay_with_them(run_stage) -> None:
    """D2: "Table 1: …" over a kept table (after an ad's label) and the chart's "Source: …"
    between its kept note and credit were removed ("Source" is a furniture word)."""
    kept, gone = _clean(run_stage, _page("acc46_en_rents.txt"))
    assert "Table 1: Biggest rent rises, two-bedroom homes, 2023–2024" in kept
    assert "Source: Ledger analysis of listings data" in kept
    assert {"Advertisement", "Topics", "Share this story"} <= set(gone)


def test_a_results_table_between_paragraphs_is_kept_with_its_sources(run_stage) -> None:
    """D2, D3: a results table, its note, its source and the seat chart's title, source and
    credit between two kept paragraphs were removed whole (the table's note and the same
    "Fuente:" twice, a repeated line, cut it from the paragraph under it)."""
    kept, gone = _clean(run_stage, _page("acc46_es_resultados.txt"))
    block = ["Resultados por partido", "Partido\tVotos\t%\tConcejales", "PSOE\t3.412\t47,9%\t9",
             "Por Andalucía\t540\t7,6%\t1", "Escrutado el 100%.", "Fuente: Ministerio del Interior",
             "Reparto de concejales", "Gráfico: El Diario del Sur"]  # fmt: skip
    assert set(block) <= set(kept)
    assert {"Temas", "Compartir", "Te puede interesar", "Aviso legal"} <= set(gone)


def test_a_results_table_written_by_lynx_is_kept(run_stage) -> None:
    """D3: the same page as lynx writes it (cells set off by spaces, "CAPTION:"): the table
    and the chart block between the two paragraphs were removed."""
    kept, gone = _clean(run_stage, _page("acc46_es_resultados_lynx.txt"))
    said = " ".join(" ".join(kept).split())
    for part in ("CAPTION: Resultados por partido", "PSOE 3.412 47,9% 9", "Escrutado el 100%.",
                 "Fuente: Ministerio del Interior", "Gráfico: El Diario del Sur"):  # fmt: skip
        assert part in said, part
    assert "Temas" in gone


def test_labelled_lines() -> None:
    """A note's, source's or caption's label and colon, in the lexicon's languages; a
    footer's "Data protection:" is none."""
    for line in ("Source: Ledger analysis", "Quelle: Statistisches Landesamt Nordmark",
                 "Fuente: Ministerio del Interior", "Source : enquête Emploi",
                 "Источник: Северостат", "Table 1: Biggest rent rises",
                 "Note: Towns grouped."):  # fmt: skip
        assert labelled(line), line
    for line in ("Data protection: we use cookies", "Sources say the deal is close.", "Note"):
        assert not labelled(line), line


def test_page_tools_player_controls_and_screen_reader_labels(run_stage) -> None:
    """D7, D8: a council's easy-read page, all short lines: its page tools in French, its
    player's controls and a screen reader's closing label were kept among them."""
    tools = ["Imprimer la page", "Écouter la page", "Lire la vidéo", "Sous-titres",
             "0:00 / 3:05", "Fin du texte facile à lire",
             "Cette page vous a-t-elle été utile ?"]  # fmt: skip
    text = [
        "La collecte des déchets change le 1er avril.",
        "Le camion passe le mardi matin.",
        "Sortez votre poubelle le lundi soir.",
        "La poubelle jaune est pour les emballages.",
        "La poubelle verte est pour les déchets de cuisine.",
        "Vous avez une question ?",
        "Appelez la mairie au 04 93 00 00 00.",
    ]
    lines = [*HEAD, "Collecte des déchets : ce qui change", *tools[:2], *text[:4], *tools[2:5],
             *text[4:], *tools[5:], *FOOT]  # fmt: skip
    kept, _ = _clean(run_stage, "\n".join(lines))
    assert not set(tools) & set(kept)
    assert set(text[:5]) <= set(kept)
    for t in ("En savoir plus sur la collecte", "The council said it would print the page."):
        assert not page_tool(t)


def test_a_links_new_window_suffix_is_no_text() -> None:
    """D7: a download or apply link that opens a new window is a button; in a paragraph, the
    suffix alone goes."""
    from corearchive_plugins.boilerplate.pagetools import without_new_window

    assert page_tool("Apply for a Blue Badge on GOV.UK (opens in new window)")
    assert page_tool("Скачать данные (CSV) (откроется в новом окне)")
    assert page_tool("Descarga los datos (CSV) (se abre en una ventana nueva)")
    assert not page_tool("Councillors voted to open the new window factory in March.")
    said = without_new_window(
        ["Read the open data portal (opens in new window) for the figures."], [0]
    )
    assert said == {0: "Read the open data portal for the figures."}


ARTICLE = """<html><head><title>Rents rise fastest in towns | The Ledger</title></head><body>
<nav><a href="/">Home</a><a href="/data">Data</a></nav>
<main><article>
<h1>Rents have risen fastest in the towns nobody talks about</h1>
<p>The average advertised rent for a two-bedroom home in England rose by 9.4% last year, but the
national figure hides a striking pattern: the biggest increases were in mid-sized towns.</p>
<p>In Wakefield, Mansfield and Barnsley, asking rents climbed by more than 14%, compared with 6.1%
in central London, according to listings data analysed by The Ledger.</p>
<figure class="chart"><h3 class="chart__title">Mid-sized towns outpaced the cities</h3>
<p class="chart__subtitle">Annual change in median asking rent, by size of place (%)</p>
<img src="/c.svg" alt="Bar chart"><figcaption><p>Note: Towns grouped by 2021 census population.</p>
<p>Source: Ledger analysis of listings data</p></figcaption></figure>
<p class="visually-hidden">End of chart</p>
<p>Landlords and letting agents said demand had been pushed outwards from cities as tenants looked
for cheaper homes, as the <a href="/portal">open data portal<span class="sr-only"> (opens in new
window)</span></a> shows.</p>
<aside class="methodology-box"><h3>How we did this</h3><p>We collected 1,214,332 listings for
two-bedroom homes advertised between January 2023 and December 2024 and removed duplicates.</p>
<p>Medians were calculated for each built-up area with at least 300 listings in both years.</p>
</aside>
<aside class="related"><h2>More from Data</h2><ul><li><a href="/r/0">The graduates priced out of
their home towns, and where they went instead</a></li><li><a href="/r/1">How much does a flat
cost where you live? Use our calculator to find out today</a></li></ul></aside>
<figure class="teaser"><a href="/t"><h3>Interest rates: what the latest cut means for you</h3></a>
<figcaption>Source: <a href="/t">The Ledger</a></figcaption></figure>
<p>The government said its Renters' Rights Bill would give tenants stronger protection against
unfair increases in the years to come.</p>
</article></main>
<footer><p>© 2025 The Ledger Media Group Ltd.</p></footer></body></html>"""


def test_an_html_articles_chart_and_method_box_are_kept(run_stage) -> None:
    """D1: trafilatura drops every <figure> and <aside>: the chart's title, note and source
    and the "How we did this" box were lost. A box of related links and a teaser card
    written as a figure stay out."""
    doc = run_stage(BoilerplateStage, make_document(ARTICLE, html=True, path="a.html")).kept[0]
    text = " ".join(doc.text.split())
    for said in ("Mid-sized towns outpaced the cities", "Note: Towns grouped by 2021 census",
                 "Source: Ledger analysis of listings data", "How we did this",
                 "We collected 1,214,332 listings", "Medians were calculated"):  # fmt: skip
        assert said in text, said
    for said in ("More from Data", "The graduates priced out", "what the latest cut means"):
        assert said not in text, said


def test_an_html_pages_screen_reader_text_is_removed(run_stage) -> None:
    """D7: a visually hidden "End of chart" and a link's "(opens in new window)" were kept
    as the article's; the link's own words stay."""
    doc = run_stage(BoilerplateStage, make_document(ARTICLE, html=True, path="a.html")).kept[0]
    assert "End of chart" not in doc.text
    assert "new window" not in doc.text
    assert "open data portal" in doc.text


def test_an_html_charts_source_and_credit_survive_the_refinement(run_stage) -> None:
    """D2: the chart's "Quelle: …" and "Grafik: X / Daten: Y", which trafilatura kept once
    the figure was read, were removed by the refinement (the line model scores them as
    furniture); kept with the chart's note. The page's footer stays out."""
    html = _page("acc46_de_mieten.html")
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="p.html")).kept[0]
    for said in ("Hinweis: Nettokaltmieten", "Quelle: Rundschau-Auswertung",
                 "Grafik: Lena Hoffmann / Daten: Rundschau-Analyse"):  # fmt: skip
        assert said in doc.text, said
    assert "Impressum" not in doc.text
