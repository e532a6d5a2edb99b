"""A title that names a site's section or a page's kind ("News", "Press Release",
"Pressemitteilung - BMLW") gives way to the page's headline (s41 acc-press F4, F21); the
lines that are never titles (links back, buttons, a shop's terms) are test_metadata_titles42's."""

from __future__ import annotations

from pathlib import Path

import pytest

from corearchive import Cleaner
from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import section_label, title_site

HEADLINE = "Harbour council approves new ferry terminal"
BODY = [
    "The harbour council on Tuesday approved plans for a new ferry terminal on the east quay,"
    " ending three years of debate over the site and its cost to the town.",
    "Work is due to start in the spring and should take two years, the council said, with the"
    " old terminal staying open until the new one is ready for passengers.",
]

PARAS = "".join(f"<p>{p}</p>" for p in BODY)


def _html_page(run_stage, head: str, body: str):
    """The metadata stage's record of an HTML page of ``head`` and ``body``."""
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return run_stage(MetadataStage, make_document(html, html=True, path="a.html")).kept[0]


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
    [
        HEADLINE,
        "News | Council approves the budget for 2026",
        "Events in Berlin this weekend",
        # review2 F3: a short headline beside a section's name was read as a site's name
        "News | Queen Elizabeth dies",
    ],
)
def test_a_headline_is_no_section_label(title):
    assert not section_label(title)


@pytest.mark.parametrize("og", ["News", "Press Release", "Pressemitteilungen"])
def test_an_html_pages_section_title_gives_way_to_its_headline(run_stage, og):
    # og:title of the press room, the release's headline in its <h1> (trafilatura took the
    # og:title as it is: s41 acc-press F4)
    doc = _html_page(
        run_stage,
        f'<meta property="og:title" content="{og}"><title>{HEADLINE} | Harbour Town</title>',
        f"<article><h1>{HEADLINE}</h1>{PARAS}</article>",
    )
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


@pytest.mark.parametrize("title", ["Events - Jazz In The Park", "Blog | How We Built Search"])
def test_a_dumps_title_stays_when_the_text_has_no_headline_over_its_story(run_stage, title):
    """s42 acc-read F3: a Title-Case headline beside a section's name reads as a site's
    name, and the dump's title gave way to whatever the text's ranker took: a sub-heading
    under the story's first paragraph ("What to bring")."""
    text = "\n\n".join([BODY[0], "What to bring", BODY[1]])
    doc = make_document(text)
    doc.title = title
    assert run_stage(MetadataStage, doc).kept[0].title == title


def test_a_title_case_headline_after_a_source_label_is_no_credit():
    """s42 acc-read F8: "Sources: Jets Release Rodgers" (a US sports scoop's headline) was a
    credit of three names, and no title."""
    from corearchive_plugins.metadata.text import _credit_line

    assert not _credit_line("Sources: Jets Release Rodgers")
    assert _credit_line("Photo: John Smith")
    assert _credit_line("Source: Reuters")
    # (a picture's credit of a three-word name is one; a Title-Case headline's small word
    # tells one apart: review42 R3)
    assert _credit_line("Photo: Mary Ann Evans")
    assert not _credit_line("Photos: Flooding In Valencia")


def test_a_dumps_bare_section_title_gives_way_to_a_headline_under_a_blurb(run_stage):
    """review42 R4: a dump's title "Press Release" names no headline of its own: the text's
    headline wins also under a site's blurb the boilerplate stage kept."""
    blurb = (
        "Millbrook County is a growing community of forty thousand residents on the shore of"
        " the lake, proud of its parks and schools."
    )
    doc = make_document("\n\n".join([blurb, HEADLINE, *BODY]))
    doc.title = "Press Release"
    assert run_stage(MetadataStage, doc).kept[0].title == HEADLINE


@pytest.mark.parametrize(
    ("title", "site"),
    [
        (f"{HEADLINE} | Harbour Town Council", "Harbour Town Council"),
        (f"Harbour Town Council - {HEADLINE}", "Harbour Town Council"),
        (f"{HEADLINE} | News", None),  # (a section's name)
        # (a desk's or a pager's, in a file without a domain to check it on: s43
        # acc-regress R6)
        (f"{HEADLINE} | Opinion", None),
        (f"{HEADLINE} | Page 2 of 3", None),
        (f"{HEADLINE} | Education", None),
        (f"{HEADLINE} | Arts & Culture", None),
        (HEADLINE, None),
    ],
)
def test_an_html_pages_site_name_is_its_titles_segment_beside_the_headline(run_stage, title, site):
    # no og:site_name: the <title>'s segment beside the <h1>'s headline names the site (s41
    # acc-press F17: site_name was null on 21 of 34 pages)
    doc = _html_page(
        run_stage, f"<title>{title}</title>", f"<article><h1>{HEADLINE}</h1>{PARAS}</article>"
    )
    assert (doc.title, doc.site_name) == (HEADLINE, site)


def test_a_titles_segment_names_the_site_only_as_its_domain_does():
    url = "https://www.feuerwehr-oldenburg.de/ausbildung"
    assert title_site("Feuerwehr Oldenburg - Ausbildung", "Feuerwehr Oldenburg") is None
    # (the headline is the site's own name, the segment beside it a section's)
    assert title_site("Feuerwehr Oldenburg - Ausbildung", "Feuerwehr Oldenburg", url) is None
    assert title_site("Tauchen im Winter | Feuerwehr Oldenburg", "Tauchen im Winter", url) == (
        "Feuerwehr Oldenburg"
    )


ARABIC_HEADLINE = "القاهرة تستضيف اجتماعا عربيا لبحث إعادة إعمار غزة"
ARABIC_PARAS = (
    "<p>تستضيف العاصمة المصرية القاهرة، الأربعاء، اجتماعا لوزراء الخارجية العرب لبحث الخطة"
    " العربية لإعادة إعمار قطاع غزة.</p><p>وتتضمن الخطة، التي تبلغ كلفتها نحو 53 مليار دولار،"
    " مراحل لإزالة الركام وإعادة بناء البنية التحتية والمساكن على مدى خمس سنوات.</p>"
)


@pytest.mark.parametrize(
    ("title", "headline", "paras", "site"),
    [
        (f"{ARABIC_HEADLINE} | العربية", ARABIC_HEADLINE, ARABIC_PARAS, "العربية"),
        (f"{ARABIC_HEADLINE} - الأهرام", ARABIC_HEADLINE, ARABIC_PARAS, "الأهرام"),
        (
            "十四届全国人大三次会议在京开幕 – 人民网",
            "十四届全国人大三次会议在京开幕",
            "<p>第十四届全国人民代表大会第三次会议5日上午在人民大会堂开幕。国务院总理作政府工作报告。"
            "</p><p>报告提出，今年经济增长预期目标为5%左右，城镇新增就业1200万人以上。</p>",
            "人民网",
        ),
    ],
    ids=["ar-pipe", "ar-dash", "zh-dash"],
)
def test_a_site_name_without_capitals_is_its_titles_segment_beside_the_headline(
    run_stage, title, headline, paras, site
):
    # a name in a script without capitals reads as no name by case (s45 acc-wire W8:
    # "… | العربية", "… | 新华网" gave no site name)
    doc = _html_page(
        run_stage, f"<title>{title}</title>", f"<article><h1>{headline}</h1>{paras}</article>"
    )
    assert doc.site_name == site


def test_a_titles_segment_without_latin_letters_needs_no_domain_to_spell():
    head = "Путин провёл совещание с правительством"
    assert title_site(f"{head} | Известия", head, "https://iz.ru/1/2") == "Известия"
    assert title_site("国际 | 新华网", "国际", "https://www.news.cn/") is None  # (a section's)
    assert title_site(f"{HEADLINE} | Harbour Times", HEADLINE, "https://example.com/") is None


@pytest.mark.parametrize(
    "logo",
    [
        '<header><h1 class="site-title"><a href="/">Millbrook Gazette</a></h1></header>',
        '<div class="brand"><h1><a href="https://millbrook.example/">Millbrook Gazette</a></h1>'
        "</div>",
        '<div role="banner"><h1>Millbrook Daily Gazette</h1></div>',
    ],
)
def test_a_sites_logo_heading_is_no_headline_for_a_section_title(run_stage, logo):
    """s42 acc-read F17: on a page titled with its section ("Press Release"), a theme's
    site-title <h1> in its header, over the post's <h2 class="entry-title">, replaced the
    title with the site's name. The article's own heading is its headline; an <h1> in the
    article's <header> still is."""
    head = '<title>Press Release</title><meta property="og:title" content="Press Release">'
    for heading in (
        f'<h2 class="entry-title">{HEADLINE}</h2>',
        f"<header><h1>{HEADLINE}</h1></header>",
    ):
        body = f"{logo}<main><article>{heading}{PARAS}</article></main>"
        assert _html_page(run_stage, head, body).title == HEADLINE


@pytest.mark.parametrize(
    ("label", "site"),
    [("Pressemitteilungen", "Stadt Musterhausen"), ("Events", "Harlow Public Library")],
)
def test_a_section_h1_over_the_articles_h2_gives_way_to_the_h2(run_stage, label, site):
    # the <title> and the <h1> name the section, the one <article>'s <h2> is the headline
    # (s42 acc-regress D3: "Pressemitteilungen" and "Events" stayed the titles)
    body = f"<main><h1>{label}</h1><article><h2>{HEADLINE}</h2>{PARAS}</article></main>"
    doc = _html_page(run_stage, f"<title>{label} - {site}</title>", body)
    assert doc.title == HEADLINE
    assert doc.annotations["metadata"]["sources"]["title"] == "html (h2)"


def test_a_section_h1_takes_no_sub_heading_under_the_articles_prose_as_title(run_stage):
    """s43 acc-read F11: the one <article>'s first <h2> was taken whatever stood above it:
    a sub-heading ("What happens next") under the story's paragraphs, whose headline is a
    styled <p>, became the title. An <h2> below the article's prose is no headline."""
    head = '<title>News</title><meta property="og:title" content="News">'
    body = (
        "<main><h1>News</h1><article><p class='headline'><strong>Council approves new harbour"
        f" wall</strong></p><p>12 March 2024</p>{PARAS}<h2>What happens next</h2>{PARAS}"
        "</article></main>"
    )
    doc = _html_page(run_stage, head, body)
    assert doc.title != "What happens next"
    assert doc.annotations["metadata"]["sources"].get("title") != "html (h2)"


def test_a_section_h1_over_several_articles_takes_no_teaser_as_title(run_stage):
    # a section's page of several articles is a listing: its first teaser is no title
    body = (
        f"<h1>Events</h1><article><h2>{HEADLINE}</h2>{PARAS}</article>"
        f"<article><h2>Library opens a new reading room</h2>{PARAS}</article>"
    )
    doc = _html_page(run_stage, "<title>Events - Harlow Public Library</title>", body)
    assert doc.title != HEADLINE


_MORE_FROM_BODY = [
    "A US chip maker will build a 10 billion euro plant in Dresden, the Saxon government said"
    " on Tuesday, in one of the largest foreign investments in eastern Germany.",
    "The plant is expected to employ 2,000 people when it opens in 2027. The federal"
    " government will contribute 5 billion euros in subsidies.",
]
_MORE_FROM_HEADLINE = "Chip maker to build plant in Dresden"


def test_a_boxs_label_as_an_html_pages_title_and_h1_gives_way_to_the_headline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the <title> and the <h1> name a box, "More from Business", over the story's headline
    # in a <p> (s42 acc-regress D2: the label was the title)
    paras = "".join(f"<p>{p}</p>" for p in _MORE_FROM_BODY)
    html = (
        "<html><head><title>More from Business - The Daily Example</title></head><body>"
        f"<main><article><h1>More from Business</h1><p>{_MORE_FROM_HEADLINE}</p>"
        f"<p>By Felix Braun</p>{paras}</article></main></body></html>"
    )
    monkeypatch.chdir(tmp_path)  # (no corearchive.toml of the checkout's)
    with Cleaner() as c:
        record = c.clean(html, url="https://news.example/chips").record
    assert record is not None and record["title"] == _MORE_FROM_HEADLINE


def test_a_headline_that_reads_as_a_boxs_label_is_kept_when_the_page_has_no_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s43 acc-read F9: a book review's headline "More From Less" (its <title>, og:title and
    <h1>) reads as a related box's label, was dropped, and the page had no title: the
    rendering shows no other headline. The label gives way to a headline only."""
    paras = "".join(f"<p>{p}</p>" for p in _MORE_FROM_BODY)
    html = (
        "<html><head><title>More From Less</title>"
        '<meta property="og:title" content="More From Less"></head><body>'
        f"<main><article><h1>More From Less</h1><p>By Felix Braun</p>{paras}"
        "</article></main></body></html>"
    )
    monkeypatch.chdir(tmp_path)  # (no corearchive.toml of the checkout's)
    with Cleaner() as c:
        record = c.clean(html, url="https://news.example/review").record
    assert record is not None and record["title"] == "More From Less"


def test_a_boxs_label_as_a_markdown_texts_heading_is_no_headline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the same page as html2text writes it: its only "# " heading was the headline
    text = "\n\n".join(
        [
            "[Home](/) | [News](/news) | [Sport](/sport)",
            "# More from Business",
            _MORE_FROM_HEADLINE,
            "By Felix Braun",
            *_MORE_FROM_BODY,
        ]
    )
    monkeypatch.chdir(tmp_path)
    with Cleaner() as c:
        record = c.clean(text, url="https://news.example/chips.md").record
    assert record is not None and record["title"] == _MORE_FROM_HEADLINE


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
    doc = _html_page(run_stage, f"<title>{title}</title>", f"<div>{PARAS}</div>")
    assert doc.title == (headline or title.split(" - ", 1)[1])
