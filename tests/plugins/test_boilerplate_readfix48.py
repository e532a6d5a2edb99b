"""Session 48's code reading of the s47 boilerplate rules (read48 F1–F14, F21): the inputs
that hung a rule or lost an article's lines to it, excerpts of the reader's pages."""

from __future__ import annotations

import time
from typing import Any

import pytest
from test_boilerplate_scholarly47 import page_number_reference
from test_boilerplate_structures import _clean

from corearchive_plugins.boilerplate import records, scholarly
from corearchive_plugins.boilerplate.artefacts import form_lines, markup_line, placeholder_line
from corearchive_plugins.boilerplate.feeds import feed_lines
from corearchive_plugins.boilerplate.postnav import post_neighbour_lines
from corearchive_plugins.boilerplate.scholarly import (
    RUNNING_HEAD_REASON,
    TOC_REASON,
    pdf_furniture,
    publisher_chrome,
)
from corearchive_plugins.boilerplate.trails import trail_lines
from corearchive_plugins.metadata.text import extract, keyword_block


def _page(*blocks: str) -> str:
    """A browser copy: one block a line, blank lines between them."""
    return "\n\n".join(blocks)


# F1, F2: a long line through the contents-line and running-head tests (seconds before)


@pytest.mark.parametrize(
    "line",
    [
        "a" + "." * 10000 + "b 5",
        "Intro " + ". " * 5000 + "x 5",
        "Summary" + " " * 10000 + "x",
        "a" + " " * 10000 + "b",
    ],
)
def test_a_long_line_of_dots_or_spaces_is_read_at_once(line: str) -> None:
    start = time.perf_counter()
    assert pdf_furniture([line, "text", line], [True] * 3) == {}
    assert time.perf_counter() - start < 0.5


def test_the_contents_and_head_tests_answer_as_their_patterns() -> None:
    """The contents-line and running-head tests without the patterns answer as they do."""
    import random

    rng = random.Random(48)
    pieces = ["a", "Intro", " ", "  ", "   ", "\t", ".", ". ", "·", "…", "1", "12", "5", "–", "-"]
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))).strip()
        assert scholarly._toc_line(s) == (scholarly._TOC_LINE.fullmatch(s) is not None), s
        want = page_number_reference(s)
        assert scholarly._page_number(s) == want, s


# F3: a week's hours written out week by week (a minute before, the table parsed once a line)


def test_a_table_with_repeated_labels_is_parsed_once(monkeypatch: Any) -> None:
    days = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
    rows = [x for _ in range(100) for d in days for x in (d, "8:30 – 12:00")]
    lines = ["Das Bürgerbüro ist zu diesen Zeiten für Sie geöffnet, bitte vereinbaren Sie.", *rows]
    calls = []
    rows_at = records._rows_at

    def counted(*args: Any) -> tuple[int, int]:
        calls.append(args[1])
        return rows_at(*args)

    monkeypatch.setattr(records, "_rows_at", counted)
    keep, free = [True] + [False] * len(rows), [False] + [True] * len(rows)
    found = records.row_tables(lines, keep, free, [0])
    assert found == []  # (its labels repeat: no table of labelled rows)
    assert len(calls) < 10, len(calls)


# F4, F5: decimals as clock times; a live blog's own posts

_HIGHJUMP = [
    "2.37 Mutaz Essa Barshim (Qatar)", "2.37 Gianmarco Tamberi (Italy)",
    "2.37 Maksim Nedasekau (Belarus)", "2.35 Woo Sang-hyeok (South Korea)",
    "2.34 Brandon Starc (Australia)", "2.33 Django Lovett (Canada)",
    "2.30 JuVaughn Harrison (USA)",
]  # fmt: skip


def test_a_ranked_list_of_decimals_is_no_feed(run_stage: Any) -> None:
    text = _page(
        "Barshim and Tamberi share Olympic high jump gold",
        "Mutaz Essa Barshim and Gianmarco Tamberi agreed to share the gold medal on Sunday "
        "night after both cleared 2.37 metres and failed three times at 2.39, in one of the "
        "most memorable moments of the Tokyo Games.",
        "The final results of the men's high jump, best height first:",
        *_HIGHJUMP,
        "Barshim said afterwards that sharing the title with his friend was worth more to him "
        "than any record, and Tamberi, who had broken his ankle five years earlier, wept.",
    )
    kept, _ = _clean(run_stage, text)
    assert all(line in kept for line in _HIGHJUMP), kept
    assert feed_lines(_HIGHJUMP, [True] * 7) == []
    # (a time with a clock's word after a "." is one: "21.00 Uhr")
    feed = ["21.00 Uhr Stadtrat beschließt Haushalt", "20.15 Uhr Brand in der Altstadt",
            "19.30 Uhr Neue Buslinie ab Montag"]  # fmt: skip
    assert feed_lines(feed, [True] * 3) == [0, 1, 2]


_LIVE = [
    "22:41", "Turnout reaches record high",
    "The electoral commission says turnout passed 74 per cent, the highest figure since 1992.",
    "22:15", "First seat declared in Sunderland",
    "Labour held Sunderland South with a majority of 11,000, the first result of the night.",
    "21:58", "Exit poll points to hung parliament",
    "The broadcasters' joint exit poll suggests no party will win a majority this time.",
    "21:30", "Counting begins across the country",
    "Ballot boxes have started arriving at count centres, and officials expect results soon.",
]  # fmt: skip


def test_a_live_blogs_posts_with_their_headings_are_no_feed(run_stage: Any) -> None:
    text = _page(
        "Election night live: results as they come in",
        "Polls have closed across the country and the first results are being counted. "
        "Follow our live coverage below, newest first.",
        *_LIVE,
    )
    kept, _ = _clean(run_stage, text)
    assert all(line in kept for line in _LIVE), kept
    # (the feed itself, headlines under their times with no paragraph, still is one)
    feed = [x for j, x in enumerate(_LIVE) if j % 3 != 2]
    assert feed_lines(feed, [True] * len(feed)) == list(range(len(feed)))


def test_a_live_blogs_times_with_their_zone_are_no_feed() -> None:
    """AP's posts, "11:58 PM EDT" over a headline and a paragraph: the zone was read as a
    headline of one word, each time an item of a feed (s48 acc-live L1)."""
    posts = []
    for time_, head in [
        ("11:58 PM EDT", "Water rescues under way in St. Petersburg"),
        ("11:20 PM EDT", "Power out for two million customers"),
        ("10:05 PM EDT", "Storm surge tops nine feet in Fort Myers"),
        ("8:30 PM EDT", "Hurricane makes landfall near Siesta Key"),
    ]:
        posts += [time_, head, "Police said crews had pulled dozens of people from their homes."]
    assert feed_lines(posts, [True] * len(posts)) == []
    # (as a feed, each time and headline alone, the zone's time is one of its items)
    feed = [x for x in posts if not x.startswith("Police")]
    assert feed_lines(feed, [True] * len(feed)) == list(range(len(feed)))


def test_a_flash_blogs_posts_a_paragraph_between_them_are_no_feed() -> None:
    """Flash posts, a headline each and some a paragraph (s48 acc-live L1, live-en-8): the
    posts with a paragraph end the run, and two headlines alone are too few for a feed."""
    para = "The committee voted unanimously to leave its benchmark rate unchanged again."
    lines = ["14:45", "Powell: Fed needs greater confidence before cutting rates",
             "14:30", "Fed dot plot shows just one rate cut in 2024",
             "14:00", "Fed holds rates at 5.25%-5.50%, as expected", para,
             "08:31", "S&P 500 futures jump 1% after cooler CPI",
             "08:30", "US CPI unchanged in May vs 0.1% expected", para]  # fmt: skip
    assert feed_lines(lines, [True] * len(lines)) == []


def test_a_feeds_next_item_ending_in_a_stop_is_no_post() -> None:
    """Dev trafeval sports.fr's feed: an item ending in "…" or "!" under another is the
    feed's next item, no post's paragraph (s48 sesscmp)."""
    feed = ["17:37 Humbert, le grand huit !", "17:08 Vuelta: Philipsen devance Ackermann",
            "16:58 Tuchel dérange même au Portugal…", "16:23 Ronaldo retrouvera les Bleus",
            "16:05 Incertitude pour l'Open d'Australie"]  # fmt: skip
    assert feed_lines(feed, [True] * 5) == [0, 1, 3, 4]


# F6, F13: numbered section headings; a price list with leader dots


def test_numbered_section_headings_are_no_running_heads() -> None:
    lines = [
        "1   Introduction",
        "Cities are warmer than the countryside around them.",
        "2   Data and methods",
        "We used surface temperatures from satellite images.",
        "3   Results",
        "The night-time difference reached 6.2 degrees on average.",
        "4   Conclusions",
    ]
    assert pdf_furniture(lines, [True] * len(lines)) == {}
    # (a head repeated, its words in another order on the even pages, still is one)
    heads = ["Summary   Improving school buildings   5", "text",
             "6   Summary   Improving school buildings"]  # fmt: skip
    assert pdf_furniture(heads, [True] * 3) == {0: RUNNING_HEAD_REASON, 2: RUNNING_HEAD_REASON}


def test_a_price_list_with_leader_dots_is_no_contents(run_stage: Any) -> None:
    prices = ["Wash, cut and blow-dry ........ 48", "Dry cut ........ 35",
              "Children's cut (under 12) ........ 20", "Full colour ........ 75"]  # fmt: skip
    assert pdf_furniture(["Prices", *prices], [True] * 5) == {}
    toc = ["Contents", "Introduction ........ 5", "Methods ........ 9", "Results ........ 14"]
    assert set(pdf_furniture(toc, [True] * 4).values()) == {TOC_REASON}
    text = _page(
        "Salon Marlene: our prices from January",
        "We have kept most of our prices the same this year, although the cost of energy and "
        "of the products we use has gone up again. Colour treatments cost a little more.",
        "Prices",
        *prices,
        "Please book at least a week ahead for colour treatments, and let us know if you need "
        "to cancel so we can offer the slot to someone else.",
    )
    kept, removed = _clean(run_stage, text)
    assert all(line in kept for line in prices), kept
    assert TOC_REASON not in removed.values()


# F7, F8, F9: a tutorial's CDN tags, a song's sections, a footnote's "(*)"


def test_a_tutorials_cdn_tags_are_its_text(run_stage: Any) -> None:
    script = '<script src="https://unpkg.com/vue@3/dist/vue.global.js"></script>'
    link = '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/water.css@2/out/water.css">'
    assert not markup_line(script)
    assert not markup_line(link)
    embed = '<iframe src="https://www.youtube.com/embed/abc123" width="560"></iframe>'
    text = _page(
        "How to add Vue to an existing page without a build step",
        "You do not need a bundler to try Vue. The quickest way is to load the library from "
        "a CDN with a single script tag and mount an app on an element of your page.",
        "First, add the script tag to the head of your page:",
        script,
        "Then add the stylesheet of the component library you use, for example:",
        link,
        "To show the intro video, paste the player's embed code:",
        embed,
        "Now create an element with an id and mount the app on it with Vue.createApp, passing "
        "it the data your template needs. Reload the page and the counter appears.",
    )
    kept, _ = _clean(run_stage, text)
    for line in (script, link, embed):
        assert line in kept, kept


@pytest.mark.parametrize("line", ["[Verse]", "[Chorus]", "[Applause]", "[a]", "• [Music]"])
def test_a_bracketed_label_of_the_text_is_no_placeholder(line: str) -> None:
    assert not placeholder_line(line)


def test_a_footnotes_mark_is_no_radio_button() -> None:
    note = "(*) Datos provisionales, sujetos a revisión."
    lines = ["Por sectores, el descenso fue mayor en los servicios.", note,
             "Por sexo, el paro bajó más entre los hombres.", note]  # fmt: skip
    assert form_lines(lines, [True] * 4) == []
    consent = "( ) Ich akzeptiere die Datenschutzbestimmungen."
    assert form_lines([consent, "x", consent], [True] * 3) == [0, 2]


# F10, F21: a subhead that starts with "Next Post …"; the labels in more languages


def test_a_subhead_starting_with_next_post_is_no_link() -> None:
    lines = [
        "Next Post Office to shut is the Brixton branch on Friday",
        "Customers there have been told to use a convenience store two streets away, which "
        "will offer most counter services.",
    ]
    assert post_neighbour_lines(lines, [True, True]) == []
    # (a link's label set off by a mark, or with no paragraph under it, still is one)
    assert post_neighbour_lines(["Next post: How we moved", lines[1]], [True, True]) == [0]
    assert post_neighbour_lines([lines[0], "Leave a reply"], [True, True]) == [0]


@pytest.mark.parametrize(
    "line",
    [
        "Предыдущая статья",
        "Следующая запись: Как мы переехали",
        "上一篇：我们如何搬家",
        "次の記事",
        "Poprzedni wpis",
        "Vorige bericht",
        "Volgend bericht",
    ],
)
def test_a_posts_link_to_its_neighbour_in_more_languages(line: str) -> None:
    assert post_neighbour_lines([line], [True]) == [0]


def test_prose_starting_with_such_words_is_no_link() -> None:
    lines = ["上一篇文章中我们讨论了搬家", "Следующая статья закона вступает в силу"]
    assert post_neighbour_lines(lines, [True, True]) == []


# F11: a sentence ending in a list is no trail


def test_a_sentence_ending_in_a_list_is_no_trail() -> None:
    lines = [
        "The tools are free and open source, and they run on all three of the major desktop "
        "systems: Windows / macOS / Linux",
        "Linux",
        "On Debian and Ubuntu, install the package with apt.",
    ]
    assert trail_lines(lines, [True] * 3) == []
    trail = ["Vous êtes ici : Accueil › Presse › Communiqués", "Communiqués"]
    assert trail_lines(trail, [True, True]) == [0]


# F12: a guide's "How to cite" and its paragraph


def test_a_guides_how_to_cite_and_its_paragraph_stay() -> None:
    lines = [
        "How to cite",
        "Since 2020 the seventh edition of the APA manual asks you to give the author's "
        "surname and the year in brackets after the quotation, and the page number when you "
        "quote word for word.",
    ]
    assert publisher_chrome(lines, [True, True]) == {}
    box = ["Cite this article", "Vogel, K. Bürgerräte. Z Politikwiss 34(2), 2024, pp. 45-67."]
    assert sorted(publisher_chrome(box, [True, True])) == [0, 1]


# F14: a keywords label in a how-to's text


def test_a_keywords_example_in_the_text_gives_no_tags() -> None:
    para = (
        "Then write one sentence that promises something concrete, such as a time or a "
        "price, and keep the whole description under 155 characters so it is not cut off."
    )
    before = (
        "Start with the words people search for. If your page is about bike repair, say so "
        "in the first few words, and say who it is for."
    )
    items = [(0, before), (1, "Keywords"), (2, "bike repair, puncture, brake pads"), (3, para)]
    assert keyword_block(items) is None
    # (a paper's, over its body's heading; a blog's tags under its byline, over the post)
    assert keyword_block([*items[:3], (3, "Introduction")]) is not None
    assert keyword_block([(0, "Posted by DT"), *items[1:]]) is not None
    text = "\n".join(
        [
            "How to write a meta description that gets clicks",
            "A meta description is the short summary a search engine may show under your "
            "page's title. It does not change your ranking, but a good one gets clicks.",
            "Start with the words people search for. If your page is about bike repair, say "
            "so in the first few words, and say who it is for.",
            "Keywords",
            "bike repair, puncture, brake pads",
            para,
        ]
    )
    assert extract(text)["tags"] == []


def test_a_lone_letter_in_brackets_is_a_note_only_with_its_anchor() -> None:
    """s49 acc-regress R4: w3m writes an image whose alt text is a letter as "[i]" (an info
    icon) or "[a]" alone on a line; kept as a note's letter, it was left on category pages
    and over a photo's caption. A note's letter whose anchor stands in the text stays."""
    from corearchive_plugins.boilerplate.artefacts import artefact_lines

    para = "The city opened its first floating solar farm on the old quarry lake on Monday."
    lines = [para, "[a]", "A view of the panels from the shore. Photo: City of Lakeside"]
    assert artefact_lines(lines, [True] * 3) == [1]
    lines = ["[i]", "Gardening", "[i]", "Cooking"]
    assert artefact_lines(lines, [True] * 4) == [0, 2]
    lines = [para[:-1] + ".[a]", "[a]", "Figures of the city's energy office, March 2024."]
    assert artefact_lines(lines, [True] * 3) == []
