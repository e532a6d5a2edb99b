"""Titles of plain-text pages (:mod:`corearchive_plugins.metadata.text`): the s33 regression
tester's findings #17 (a picture's credit or a wire dateline's lead under the headline made
the first body sentence the title) and #12 (a timeline's entry taken for the title)."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata import text as textmeta
from corearchive_plugins.metadata.text import Page, TitlePool, extract

BODY = (
    "Engineers say the barrier will protect about 3,000 homes from the kind of flooding the"
    " town saw in 2015 and 2017.\n"
    "The project cost 24 million pounds, most of it paid by the national flood defence"
    " programme, with the rest from the county council.\n"
    "Residents who lost their homes in the last flood said they were relieved but would wait"
    " for the next winter to judge.\n"
)


@pytest.mark.parametrize(
    "top",
    [
        # the plain shape: the headline was right before too
        "By Jane Roe\nMarch 5, 2024\n\nThe barrier opened on Monday.",
        # a picture's credit between the headline and the byline
        "Photo: AFP\nBy Jane Roe\nMarch 5, 2024\n\nThe barrier opened on Monday.",
        "Foto: Jane Roe/dpa\nBy Jane Roe\nMarch 5, 2024\n\nThe barrier opened on Monday.",
        # a lead after a wire dateline
        "By Jane Roe\nMarch 5, 2024\n\nLONDON (Reuters) - The barrier opened on Monday.",
        "By Jane Roe\nMarch 5, 2024\n\nWASHINGTON (AP) — The barrier opened on Monday.",
    ],
)
def test_headline_over_a_credit_or_a_wire_lead(top: str) -> None:
    page = f"Flood barrier opens\n\n{top}\n{BODY}"
    assert extract(page)["title"] == "Flood barrier opens"


def test_timeline_entries_are_no_title() -> None:
    page = (
        "History of the barrier\n\nMarch 5, 2024\n\nThe barrier's history in short:\n"
        "June 1, 2016: The council proposes a barrier.\n"
        "May 3, 2019: Building work starts.\n"
        "March 4, 2024: The barrier opens.\n"
        "The new flood barrier on the river Lune opened on Monday after four years of building"
        " work, the council said in a statement.\n" + BODY
    )
    assert extract(page)["title"] == "History of the barrier"


def test_a_headline_after_its_date_stays_a_title() -> None:
    """A date and a headline on one line, alone (no entries around it), is still read as
    the headline after the date."""
    page = "March 5, 2024: Flood barrier opens on the river Lune\n\nBy Jane Roe\n\n" + BODY
    assert extract(page)["title"] == "Flood barrier opens on the river Lune"


@pytest.mark.parametrize(
    "meta",
    [
        # a post's date and its update glued, as a theme prints them, then its sections
        "1. November 20241. November 2024 Lancaster, Flooding, Council",
        "March 5, 2024March 6, 2024 | Jane Roe",
        # a date, then the author, a section or a counter of fewer than four words
        "05.03.2024 - Jane Roe",
        "March 5, 2024 | Environment & Climate",
        "5. März 2024 | 3 Kommentare",
    ],
)
def test_a_date_lines_meta_is_no_title_candidate(meta: str) -> None:
    """A post's meta line, its date(s) then its author, sections or comment count, is no
    headline: a date line's rest was a title candidate from two words on, and one whose
    date was printed twice, glued ("1. November 20231. November 2023 Bockenem, Polizei"),
    kept the second date in it. It won over the headline above it on a dev page; on the dev
    pages 37 such rests of under four words were candidates and none was a headline."""
    page = f"Flood barrier opens\n\n{meta}\n\n{BODY}"
    cands = [c[2] for c in TitlePool(Page(page)).cands]
    assert cands == ["Flood barrier opens"]
    assert extract(page)["title"] == "Flood barrier opens"
    # (a headline of four words or more after a date is still one, as before)
    page = f"05.03.2024 - Flood barrier opens on Monday\n\n{BODY}"
    assert extract(page)["title"] == "Flood barrier opens on Monday"


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        # a headline that names two networks (s40 acc-read F23: never a title)
        ("Musk deletes tweet mocking Twitter staff", True),
        ("Why one tweet cost a Twitter engineer his job", True),
        ("Facebook and WhatsApp down for millions of users", True),
        # an outage's headline: two networks and one word, after them (s41 acc-regress R8)
        ("Facebook, Instagram down", True),
        ("Video: Facebook and Instagram down", True),
        # ... and one whose networks open it as a list (s42 acc-read F20)
        ("Facebook, Twitter, Instagram go down around the world", True),
        ("فيسبوك، تويتر، إنستغرام تتعطل في أنحاء العالم", True),
        # a share bar is none
        ("Share: Facebook | Twitter | Email", False),
        ("Condividi Facebook Twitter", False),
        ("Facebook Twitter WhatsApp Teilen", False),
        ("Folgen Sie uns auf Facebook und Twitter", False),
        ("この記事をシェアする ツイート はてなブックマーク", False),
        # nor a list with two networks among its items (a tag list: htmldate dev)
        ("Elon Musk, News, Twitter, X", False),
        # its items separated as the tag reader separates them, in Arabic or CJK too
        # (review2 R5)
        ("إيلون ماسك، أخبار، تويتر، فيسبوك", False),
        ("イーロン・マスク、ニュース、Twitter、X", False),
    ],
)
def test_a_headline_naming_two_networks_is_no_share_bar(line: str, headline: bool) -> None:
    """A share bar is two social networks or more with at most one other word, not after
    its last network; a headline that names two has more ("tweet" joined the networks in
    s39), or a word after them ("Instagram" joined them in s40: "Facebook, Instagram down")."""
    assert (extract(f"{line}\n\n{BODY}")["title"] == line) is headline


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("23.01.2022 - Wierer gewinnt Sprint", "Wierer gewinnt Sprint"),
        ("March 5, 2024 - Council cuts fares", "Council cuts fares"),
        # a meta line's rest of three words is none, first on the page too
        ("5. März 2024 | Umwelt & Klima", None),
        ("March 5, 2024 - 6 min read", None),
        ("05.03.2024 - von Anna Schmidt", None),
    ],
)
def test_a_short_headline_after_its_date_first_on_the_page_is_the_title(
    line: str, title: str | None
) -> None:
    """s40 acc-read F22: a three-word headline after its date on the page's first line
    ("23.01.2022 - Wierer gewinnt Sprint") was no title and left the text as a date line:
    a date line's rest needs four words (shorter rests were meta lines on the dev pages).
    On the first line, one that reads as a clause is the headline."""
    assert extract(f"{line}\n\n{BODY}")["title"] == title


@pytest.mark.parametrize(
    "line",
    [
        "28.12.2023 - 1. Januar 2024: Das ändert sich im neuen Jahr für Verbraucher",
        "28.12.2023 - 1. Januar 2024: Das ändert sich",
        "December 28, 2023 - January 1, 2024: What changes for drivers in the new year",
    ],
)
def test_a_headline_that_starts_with_a_date_keeps_it_after_its_dateline(line: str) -> None:
    """s40 acc-read F2: the rest of a date line was cut again at any date it started with
    (meant for two dates glued, "28. Juni 201914. Januar 2020"): "Das ändert sich im neuen
    Jahr für Verbraucher" lost its "1. Januar 2024:", and a shorter one was no headline.
    Only a second date glued to the first is cut again."""
    headline = line.split(" - ", 1)[1]
    page = f"{line}\nVon Anna Schmidt\n\n{BODY}"
    assert extract(page)["title"] == headline


@pytest.mark.parametrize(
    "headline",
    ["# Flood barrier opens", "#  Flood barrier opens", "## Flood barrier opens ##",
     "**Flood barrier opens**", "__Flood barrier opens__"],
)  # fmt: skip
def test_markdown_markup_is_no_part_of_the_title(run_stage, headline: str) -> None:
    """Markdown that the boilerplate stage does not render (it knows markdown by its links:
    html2text --ignore-links, notes written by hand have none) gave its heading's or its
    emphasis's marks with the title: "# Flood barrier opens" (html2text without links on the
    aeb pages: 3 of 89 titles right, 75 after). The heading's line still leaves the text."""
    from corearchive.testing import make_document
    from corearchive_plugins.metadata import MetadataStage

    page = f"* Home\n* News\n\n{headline}\n\n**By Jane Roe**\n\nMarch 5, 2024\n\n{BODY}"
    assert extract(page)["title"] == "Flood barrier opens"
    out = run_stage(MetadataStage, make_document(page)).kept[0]
    assert out.title == "Flood barrier opens"
    assert headline not in out.text


def test_a_heading_with_a_run_of_spaces_is_read_in_linear_time() -> None:
    """The heading's lazy text before its closing hashes scanned a run of spaces from each
    of its positions: "# Council" + 30,000 spaces + "budget" took 5 s of the ingest
    (s35 acc-read #8). The heading's text is still cut from its marks."""
    import time

    from corearchive_plugins.metadata.text import _markup_text

    t0 = time.process_time()
    assert _markup_text("# Council" + " " * 40_000 + "budget  ##  ") == (
        "Council" + " " * 40_000 + "budget"
    )
    assert time.process_time() - t0 < 0.2
    assert _markup_text("## C# in a week ##") == "C# in a week"
    assert _markup_text("# Learn C#") == "Learn C#" and _markup_text("#hashtag") is None


def test_a_piece_of_a_sentence_is_no_title_candidate() -> None:
    """A line that ends in a word in small letters and goes on in the next line is a piece
    of a sentence: it won on a dev page ("De hulpdiensten in Den Haag reageren onder meer op
    112 meldingen die bij deze veiligheidsregio" / "binnenkomen. ..."), and the stage, which
    takes no such line for the title, left the page without one. It is no candidate now, so
    the best of the others is the title. A headline ending in a small word above a date line
    in small letters ("terça-feira, ...") or a byline is one still."""
    from corearchive_plugins.metadata.text import Page, TitlePool

    def cands(page: str) -> list[str]:
        return [c[2] for c in TitlePool(Page(page)).cands]

    piece = "The emergency services of Lancaster answer the calls that"
    page = f"Flood barrier opens on the river Lune\n\nMarch 5, 2024\n\n{piece}\ncome in from this region at any time.\n\n{BODY}"  # noqa: E501
    assert piece not in cands(page)
    assert extract(page)["title"] == "Flood barrier opens on the river Lune"
    for under in ("terça-feira, 22 de outubro de 2019", "by Jane Roe"):
        page = f"Ministros aprovam o orçamento das escolas\n{under}\n\n{BODY}"
        assert "Ministros aprovam o orçamento das escolas" in cands(page)


@pytest.mark.parametrize(
    "furniture",
    [
        # a day word with a clock time is a dateline ("Yesterday" alone may head a page)
        "· Gestern um 02:12 ·",
        "Yesterday at 2:12 pm",
        "Heute, 14:30 Uhr",
        # a labelled list of tags is the tags' line
        "Schlagworte: Cybercrime, Cyberkrieg, Hacking, SCADA",
        "Tags: Flooding | Lancaster | Environment",
    ],
)
def test_a_dateline_or_a_tag_list_is_no_title(furniture: str) -> None:
    """Lines that held-out pages (s34, older package releases' test pages) gave as titles:
    a relative date with its time, and the labelled tag line, which was the title and the
    tags of one page. With no headline on the page, nothing else short competes."""
    page = f"{furniture}\n\n{BODY}"
    res = extract(page)
    assert res["title"] != furniture
    assert not (res["title"] or "").startswith(furniture[:10])


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("» Flood barrier opens on the river Lune", "Flood barrier opens on the river Lune"),
        ("▶ Flood barrier opens on the river Lune", "Flood barrier opens on the river Lune"),
        # a German quotation's marks are the headline's own
        ("»Flood barrier opens on the river Lune«", "»Flood barrier opens on the river Lune«"),
        # a headline in small letters after the dash goes on from its head: one headline
        ("Flood barrier - the river Lune is tamed at last",
         "Flood barrier - the river Lune is tamed at last"),
        # a kicker of two words over a headline is still cut
        ("Lancaster news - Flood barrier opens on the river Lune",
         "Flood barrier opens on the river Lune"),
    ],
)  # fmt: skip
def test_a_headlines_pointer_is_no_part_of_it(line: str, title: str) -> None:
    page = f"{line}\n\nBy Jane Roe\nMarch 5, 2024\n\n{BODY}"
    assert extract(page)["title"] == title


@pytest.mark.parametrize(
    "top",
    [
        # a kicker ending in a colon over the headline and its byline (s35 acc-read #1)
        "Exclusive:\n{h}\nBy Jane Roe\nMarch 5, 2024\n",
        "Watch:\n\n{h}\nBy Jane Roe\nMarch 5, 2024\n",
        # a field's label over its value, as lxml renders <dt>/<dd>
        "Published:\nMarch 5, 2024\n{h}\nBy Jane Roe\n",
        # a lone marked headline is no list's item (s35 acc-read #22)
        "• {h}\nBy Jane Roe\nMarch 5, 2024\n",
        "· {h}\nBy Jane Roe\nMarch 5, 2024\n",
    ],
)
def test_a_headline_under_a_kicker_or_a_mark_is_no_lists_item(top: str) -> None:
    page = top.format(h="Council approves new budget for the parks") + "\n" + BODY
    assert extract(page)["title"] == "Council approves new budget for the parks"


def test_a_key_points_list_is_still_no_title() -> None:
    page = (
        "Council approves new budget for the parks\nBy Jane Roe\nMarch 5, 2024\n\n"
        "Key points:\n- The barrier opened on Monday\n- It cost 24 million pounds\n\n" + BODY
    )
    assert extract(page)["title"] == "Council approves new budget for the parks"


def test_a_forum_topic_with_commas_is_its_threads_title_not_a_tag_line() -> None:
    """s35 acc-read #10: "Topic: Printer, scanner and fax ..." was read as a labelled tag
    list: no title, and the tags "Printer", "scanner and fax stopped working ..."."""
    line = "Topic: Printer, scanner and fax stopped working after the update"
    got = extract(f"{line}\nPosted by mike_r on March 3, 2026\n\n{BODY}")
    assert got["title"] == line
    assert got["tags"] == []


def test_a_tag_list_with_one_long_tag_is_the_tags_not_the_title() -> None:
    """review2 R4: the title reader's rule for a labelled tag list (all items short) and the
    tag reader's (fewer than half long) were written apart, and a list with one long tag,
    the page's tags for the one, was the title for the other: the page's title and no
    tags. One rule (_tag_items): the tags, no title."""
    line = "Tags: CVS Health, CVS Pharmacy, Healthcare, CVS Health Platinum Whitening Kit"
    got = extract(f"{line}\n\n{BODY}")
    assert got["title"] is None
    assert got["tags"] == ["CVS Health", "CVS Pharmacy", "Healthcare", line[-33:]]


@pytest.mark.parametrize("lead", ["iPhone 17 goes on sale", "eBay said on Tuesday that it"])
def test_a_lead_opening_with_a_small_lettered_name_leaves_the_headline(lead: str) -> None:
    """s35 acc-read #20: "Apple unveils its new phones" / "iPhone 17 goes on sale ..." was
    taken for a sentence wrapped over two lines: no title."""
    page = (
        f"Apple unveils its new phones\n{lead} next week, the company said at its autumn"
        f" event in California on Tuesday.\n\n{BODY}"
    )
    assert extract(page)["title"] == "Apple unveils its new phones"


MENU = "Home\nNews\nAbout us\nContact\nSearch\n"
#: A headline long enough to read as a paragraph (>= 12 words, > 80 columns, a sentence's end)
LONG = "What the new flood barrier on the river Lune means for the town (and why it took so long)"


@pytest.mark.parametrize(
    ("below", "head"),
    [
        # over its date, over its byline, over a name and a date: the headline
        ("March 5, 2024", LONG),
        ("By Jane Roe", LONG),
        ("Jane Roe\nMarch 5, 2024", LONG),
        ("5 March 2024 · Jane Roe", f"{LONG[:-1]}?"),
    ],
)
def test_a_long_headline_over_its_dateline_is_the_title(below: str, head: str) -> None:
    """A headline that ends like a sentence and is long reads as a paragraph (the main block's
    first): over its dateline it is the headline (s35: 5 dev pages, "Was das Christkind und
    Native Americans gemeinsam haben (oder warum wir Sprachgeschichte brauchen)"). Over the
    story's paragraphs it is one of them, never the title."""
    assert extract(f"{MENU}\n{head}\n{below}\n{BODY}")["title"] == head
    assert extract(f"{MENU}\n{head}\n{BODY}")["title"] != head


@pytest.mark.parametrize(
    "top",
    [
        # a deck under its headline, over the byline
        f"Flood barrier opens after four years\n{LONG}\nBy Jane Roe",
        # a sentence over a date
        f"{LONG[:-1]}.\nMarch 5, 2024",
        # a lead sentence announcing a dated quotation (s36 acc-read F8, f11/a.txt)
        f'{LONG[:-1]}:\n"The works will start in May 2026."',
        # a list of posts, each over its date
        f"{LONG}\nMarch 5, 2024\nThe council's new budget, line by line\nMarch 4, 2024",
    ],
)
def test_a_deck_a_sentence_or_a_listed_post_over_a_date_is_no_candidate(top: str) -> None:
    pool = TitlePool(Page(f"{MENU}\n{top}\n{BODY}"))
    assert not [c for c in pool.cands if c[2].startswith(LONG[:-1])]
    # (the same line over its date alone is one)
    pool = TitlePool(Page(f"{MENU}\n{LONG}\nMarch 5, 2024\n{BODY}"))
    assert [c for c in pool.cands if c[2] == LONG]


def test_a_field_of_a_yaml_front_matter_is_no_headline_over_its_dateline() -> None:
    """trafilatura's markdown with its metadata: 'title: "..."' over 'author: ...' is a
    field (the headline follows as a markdown heading), no candidate."""
    page = f'---\ntitle: "{LONG}"\nauthor: Jane Roe\ndate: 2024-03-05\n---\n# {LONG}\n{BODY}'
    assert not [c for c in TitlePool(Page(page)).cands if c[2].startswith("title:")]
    assert not (extract(page)["title"] or "").startswith("title:")


@pytest.mark.parametrize(
    "fields",
    [
        "title: Council approves budget\ntags: [budget, council]",
        "title: Council approves budget\ndate: 2024-03-04\ntags: [budget, council]\n"
        "author: Jane Doe",
        "layout: post\ntitle: 'Council approves budget'",
    ],
)
def test_a_yaml_front_matters_title_field_is_the_title(fields: str) -> None:
    """s37 acc-regress O2: a text's front matter without a heading under it gave no title,
    or "title: Council approves budget" with its key; the docs say the title is read from
    its fields, as the author, the date and the tags are."""
    page = f"---\n{fields}\n---\n{BODY}"
    assert extract(page)["title"] == "Council approves budget"


def test_a_date_line_of_two_dates_and_a_section_is_no_title() -> None:
    """review2 R11: a meta line of two dates apart and a section ("5. März 2024 | 6. März
    2024 | Umwelt & Klima") was cut at its first date only, and its rest was the title."""
    page = f"Riverside Gazette\n\n5. März 2024 | 6. März 2024 | Umwelt & Klima\n\n{BODY}"
    assert "2024" not in (extract(page)["title"] or "")


def test_a_short_headline_after_its_date_under_the_sites_name_is_the_title() -> None:
    """review2 R12: the three-word headline after its date was read on the page's first
    line only; under the site's name the page was titled by the name."""
    page = f"Riverside Gazette\n\nMarch 5, 2024 - Council cuts fares\n\n{BODY}"
    assert extract(page)["title"] == "Council cuts fares"


@pytest.mark.parametrize(
    "line",
    [
        "Published Saturday at 10:30",
        "Updated: Monday, 14:05",
        "Saturday at 10:30",
        "Photo: John Smith/Getty Images",
        "Foto: Max Mustermann / dpa",
        "Source: Reuters",
        "Quelle: dpa",
    ],
)
def test_a_label_or_weekday_dateline_is_never_the_title(line: str) -> None:
    """A credit alone ("Photo: John Smith/Getty Images", "Source: Reuters") or a dateline of
    a weekday ("Published Saturday at 10:30") was the title: over a story without a
    headline, or over the headline above its byline (s40 acc-regress D5)."""
    assert extract(f"{line}\n\n{BODY}")["title"] is None
    page = f"Flood barrier opens\n\nBy Jane Roe\n\n{line}\n\n{BODY}"
    assert extract(page)["title"] == "Flood barrier opens"


@pytest.mark.parametrize(
    "headline",
    [
        "Photos: what the flood left behind",
        "Sources: Lakers close in on a deal for their new coach",
        "Source: The Town That Ran Out Of Water And How It Survived",
        "Friday 13",
        "Saturday Night Fever",
        # a Title-Case gallery's headline (review41 R9)
        "Photos: Storm Damage Across Houston",
        "Photos: Inside The New Library",
    ],
)
def test_a_headline_after_a_label_or_a_weekday_stays_a_title(headline: str) -> None:
    """A headline that starts with a credit's label says something in small words, or in
    more words than a credit's names; a weekday with a number or words is no dateline."""
    page = f"{headline}\n\nBy Jane Roe\nMarch 5, 2024\n\n{BODY}"
    assert extract(page)["title"] == headline


BRIEFS = [
    ("Snooze cruise: Study sees future for hibernating astronauts",
     "BERLIN -- The European Space Agency says putting astronauts into a state of suspended"
     " animation could make it easier to reach other planets."),
    ("Doobie Brothers to reunite with Michael McDonald for Blossom show",
     "CLEVELAND -- The Doobie Brothers will look to ride a potential Rock and Roll Hall of"
     " Fame induction into a reunion tour with Michael McDonald next year."),
    ("Cat found in New Mexico after going missing in Oregon",
     "ALBUQUERQUE -- A cat that went missing in Oregon has been found more than 1,000 miles"
     " away in New Mexico, animal control officers said on Tuesday."),
]  # fmt: skip


def test_a_digest_of_briefs_is_titled_with_its_own_headline() -> None:
    """s40 acc-synd #9: a wire digest, its headline over its byline and date, then briefs of
    a headline and paragraphs each, was titled with its first brief's headline."""
    briefs = "\n\n".join(f"{h}\n\n{p}\n\n{p}" for h, p in BRIEFS)
    page = (
        "Coastal Times\nNews\nSports\nWeather\n\nAP News in Brief at 9:04 p.m. EST\n\n"
        f"By The Associated Press\nNov. 20, 2019\nShare\n\n{briefs}"
    )
    assert extract(page)["title"] == "AP News in Brief at 9:04 p.m. EST"
    # a digest's headline of three words (review41 R13: a floor of four words was one's)
    assert (
        extract(page.replace("AP News in Brief at 9:04 p.m. EST", "News in Brief"))["title"]
        == "News in Brief"
    )


def test_a_wire_story_with_a_kicker_over_its_byline_and_sub_headings_is_no_digest() -> None:
    """s42 acc-read F10: a wire story whose kicker and byline stand over its headline, with
    sub-headings under its dateline's paragraph, was taken for a digest of briefs and titled
    with the kicker: a digest's briefs open with datelines, a story's sections do not."""
    sections = "\n\n".join(f"{h}\n\n{p.split(' -- ')[1]}" for h, p in BRIEFS)
    page = (
        "Politics\n\nBy Lisa Mascaro, Associated Press\n\n"
        "Senate passes stopgap bill to avert shutdown\n\n"
        "WASHINGTON (AP) — The Senate passed a stopgap spending bill late Friday that keeps"
        " the government open through mid-December, sending it to the president.\n\n"
        f"{sections}"
    )
    assert extract(page)["title"] == "Senate passes stopgap bill to avert shutdown"


def test_a_posts_headline_under_its_date_and_over_sections_stays_the_title() -> None:
    """A post whose headline is under its date and over its first paragraph, then sections
    with headings: the line above the date is the blog's name, no headline."""
    sections = "\n\n".join(f"{h}\n\n{p}" for h, p in BRIEFS)
    head = "Garden Notes Blog\nMarch 5, 2024\n\nHow to grow garlic in a small garden"
    page = f"{head}\n\n{BODY}\n{sections}"
    assert extract(page)["title"] == "How to grow garlic in a small garden"


def test_a_setext_heading_of_a_plain_text_is_its_title() -> None:
    """s40 acc-regress D5: a plain text's headline underlined with "=" (and its sections'
    with "-") was no title; a paragraph under a section's heading was."""
    page = (
        "Annual General Meeting\n======================\n\n"
        "Minutes of the meeting of 4 March 2025, held in the village hall.\n\n"
        "Present\n-------\nTwelve members and the chair, Ms A. Brook.\n\n"
        "1. The minutes of the last meeting were approved.\n"
        "2. The treasurer reported a surplus of £1,240.\n\n"
        "Any other business\n------------------\n"
        "The hall roof needs repairs before the winter; quotes will be sought.\n"
    )
    assert extract(page)["title"] == "Annual General Meeting"


def test_a_setext_heading_under_the_first_paragraph_or_a_rule_under_a_sentence_is_no_title():
    """review41 R5: a section's heading underlined with "=" under the article's first
    paragraph ("Background" / "==========") was the title, and so was a paragraph's last line
    over a rule of its width (a plain text's separator): a heading ends no sentence, and
    heads the text only over its first paragraph."""
    body = (
        "The council voted on Tuesday to pass the budget after a debate of eleven hours, the"
        " longest in its history.\n\nThe mayor said the vote showed the town could agree on"
        " hard choices, and that the new library would open in the spring as planned.\n\n"
    )
    head = "Budget passes after long debate\n\nBy Emma Price\n\n"
    page = f"{head}{body}Background\n==========\n\n{body}"
    assert extract(page)["title"] == "Budget passes after long debate"
    para = "The town library opened its new reading room on Tuesday after long years."
    page = f"Library opens new reading room\n\n{para}\n{'=' * 72}\n\n{body}"
    assert extract(page)["title"] == "Library opens new reading room"
    from corearchive_plugins.boilerplate.reflow import setext_underlines

    assert setext_underlines([para, "=" * 72]) == []


@pytest.mark.parametrize("kicker", ["Brandfinder", "Mehr zum Thema Garten"])
def test_a_headline_under_its_byline_and_over_sections_stays_the_title(kicker: str) -> None:
    """A byline above the headline, under a section's name, and sections with headings
    after it: the section's name over the byline is no digest's headline (two dev pages
    were titled "Brandfinder" and "Der Book Sprint"; a kicker of four words was so too,
    review41 R13). A digest's first brief is a wire story."""
    sections = "\n\n".join(f"{h}\n\n{p}" for h, p in BRIEFS)
    head = f"{kicker}\n\nBy Julia Esdar 6. November 2023\n\nHow to grow garlic in a small garden"
    assert (
        extract(f"{head}\n\n{BODY}\n{sections}")["title"] == "How to grow garlic in a small garden"
    )


def test_a_weekday_with_no_time_of_day_after_it_is_no_dateline() -> None:
    """review41 R8: a weekday's clock was read without the time of day's range."""
    assert textmeta._weekday_dateline("Saturday at 10:30")
    assert not textmeta._weekday_dateline("Saturday at 99:99")


def test_a_wire_storys_lead_opens_with_a_place_in_capitals() -> None:
    """review2 F9: "COVID-19 -" and "A -" opened a wire story."""
    assert textmeta._wire_story_lead("BERLIN -- The European Space Agency says it will fly.")
    assert textmeta._wire_story_lead("WASHINGTON (AP) — Lawmakers agreed on Tuesday.")
    assert not textmeta._wire_story_lead("COVID-19 – cases rose again in the county this week.")
    assert not textmeta._wire_story_lead("A - the first of three options - was chosen.")


def test_a_setext_heading_under_a_title_line_of_its_own_is_no_title() -> None:
    """s42 acc-read F18: a report's title line, not underlined, over its first section's
    underlined "Summary": the section's heading was forced as the headline."""
    body = (
        "The council will spend 4.2 million on roads, parks and schools next year, 6 per cent"
        " more than this year.\n\nRoad repairs take the largest share of the increase, with"
        " eight streets to be resurfaced.\n\n"
    )
    page = f"Harbour Council budget review 2026\n\nSummary\n=======\n\n{body}"
    assert extract(page)["title"] == "Harbour Council budget review 2026"


def test_a_page_names_line_is_furniture_that_heads_its_own_page() -> None:
    """Every page name (``_PAGE_NAMES``: "Über uns", "Kontakt") is a menu item of
    ``_FURNITURE``, which reads them from that one list (it spelled them again in three
    places), and heads its own page: a line of furniture that may be the title."""
    from corearchive_plugins.metadata import text as textmeta

    textmeta._never_title.cache_clear()
    for name in textmeta._PAGE_NAMES:
        for line in (name, name.title(), name.upper() + ":"):
            assert textmeta._never_title(line) == (False, True), line
    assert textmeta._never_title("Share") == (True, True)


FAR_HEADLINE = "Flood barrier opens to protect 3,000 homes in the town"


def _far_header_page() -> str:
    """A page whose headline and byline sit far above the story: a video player's list of
    clips (short lines, no paragraph) between them, so that the main block and the first
    paragraph start 40 lines below the byline (s45 titles45: a news site's page)."""
    menu = "\n".join(["Home", "World", "Politics", "Business", "Health", "Style", "Travel"] * 2)
    clips = "\n".join(
        f"Video Ad Feedback\nSenator answers questions about the budget, part {n}\n"
        f"0{n % 10}:1{n % 10}\nNow playing"
        for n in range(12)
    )
    return (
        f"{menu}\n"
        f"{FAR_HEADLINE}\n"
        "By Jane Roe and Tom Baxter, Daily Courier\n"
        "5 minute read\n"
        f"{clips}\n"
        f"{BODY}"
    )


def test_a_headline_over_its_byline_far_above_the_story_is_a_candidate() -> None:
    page = _far_header_page()
    p = Page(page)
    head = p.texts.index(FAR_HEADLINE)
    # (the page's shape: the headline is outside the window around the story's start)
    assert head < min(p.ms, p.body) - textmeta._TITLE_BEFORE
    assert head >= textmeta._TITLE_FIRST
    assert head in {k for k, _, _ in TitlePool(p).cands}
    assert extract(page)["title"] == FAR_HEADLINE


#: A headline long enough, and ending like a sentence, to read as a paragraph
LONG_HEADLINE = (
    "Harbour town celebrates as the new flood barrier finally opens after years of delays"
    " and protests!"
)


@pytest.mark.parametrize(
    ("deck", "title"),
    [
        # a deck (a sentence) between the headline and its byline
        ("Same river, different winters.", LONG_HEADLINE),
        # a headline-like line there is the headline, the paragraph over it a caption
        ("Flood barrier opens in the harbour town", "Flood barrier opens in the harbour town"),
    ],
)
def test_a_paragraph_shaped_headline_over_a_deck_and_its_byline(deck: str, title: str) -> None:
    page = f"Home\nNews\nLocal\n\n{LONG_HEADLINE}\n{deck}\nBy Jane Roe\nMarch 5, 2024\n\n{BODY}"
    assert extract(page)["title"] == title
