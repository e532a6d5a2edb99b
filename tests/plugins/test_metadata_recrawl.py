"""Metadata stage: the s31 re-crawl acceptance findings on dates (an update is no
publication date, a menu's "TODAY" is no date, a correction's day is no publication date,
an update-time line is metadata and leaves the text)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corearchive import Cleaner
from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata import text as textmeta

PARAS = [
    f"Paragraph {i}: the city council voted on Tuesday to approve the new bridge budget, and"
    " residents said the decision had taken far too long to arrive after years of delay."
    for i in range(6)
]
BODY = "\n\n".join(PARAS)


def _html(update: str = "", head: str = "", byline: str = "By Jane Doe") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    upd = f"<p class='updated'>{update}</p>" if update else ""
    return (
        "<!DOCTYPE html><html><head><title>Council approves bridge budget</title>"
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Council approves bridge budget</h1><p class='byline'>{byline}</p>"
        f"{upd}{paras}</article><footer>© 2019 Example News</footer></body></html>"
    )


_PUBLISHED_META = "<meta property='article:published_time' content='2019-11-20T05:52:00-05:00'>"
#: AP's layout: the date above the headline, then the byline, the agency and a photo credit
_AP = (
    "Home\n\nNews\n\nNov. 20, 2019 5:52 AM EST\n\nCouncil approves bridge budget\n\n"
    "By Jane Doe\n\nAssociated Press\n\nPhoto: John Roe, ASSOCIATED PRESS\n\n"
)


def _text(update: str = "", head: str = _AP) -> str:
    upd = f"{update}\n\n" if update else ""
    return f"{head}{upd}{BODY}\n\nShare\n\n© 2019 Example News"


def _published(run_stage, content: str, html: bool, at: str = "2026-11-07T06:00:00Z") -> str:
    doc = make_document(content, html=html, uri="https://news.example/bridge", fetched_at=at)
    return run_stage(MetadataStage, doc).kept[0].published  # type: ignore[no-any-return]


def test_an_update_does_not_beat_the_markup_publication_date(run_stage) -> None:
    """#4a: "Updated 5 hours ago" (the capture's day) won over article:published_time."""
    for update in ("Updated 5 hours ago", "Updated: Nov. 6, 2026, 9:00 p.m."):
        got = _published(run_stage, _html(update, _PUBLISHED_META), html=True)
        assert got == "2019-11-20T05:52:00-05:00", update


def test_an_update_does_not_beat_the_dateline_of_the_page_header(run_stage) -> None:
    """#4a: the AP layout puts five lines between the dateline and "Updated 7 hours ago":
    the update won (the date block rule reached two lines)."""
    for update in ("Updated 7 hours ago", "Last updated: Nov. 21, 2019"):
        assert _published(run_stage, _text(update), html=False) == "2019-11-20T05:52:00-05:00"


def test_an_update_only_page_keeps_its_update_date(run_stage) -> None:
    """What the rule does not change: a page whose only date is its update's keeps it."""
    head = "Home\n\nNews\n\nCouncil approves bridge budget\n\nBy Jane Doe\n\n"
    got = _published(run_stage, _text("Last updated: Nov. 21, 2019", head), html=False)
    assert got == "2019-11-21"


_NBC_MENU = [
    "News", "", "NBC News NOW", "", "Nightly News", "", "MSNBC", "", "TODAY", "", "", "", "",
    "Impeachment Inquiry", "", "Democratic Debate",
]  # fmt: skip


def test_a_menu_item_named_today_is_no_date(run_stage) -> None:
    """#4b: nbcnews.com's menu item "TODAY" (the TV show) was the capture's day, so an
    unchanged page got a new date on each fetch."""
    assert textmeta.find_relative(_NBC_MENU, date(2026, 11, 7)) == []
    content = "\n".join(_NBC_MENU) + "\n\n" + _text(head="Council approves bridge budget\n\n")
    content = content.replace("Council approves bridge budget\n\n", "", 1)
    content = content.replace(PARAS[0], "Nov. 19, 2019, 8:41 AM UTC\n\n" + PARAS[0])
    for day in ("2026-11-01", "2026-11-07"):
        got = _published(run_stage, content, html=False, at=day + "T06:00:00Z")
        assert got == "2019-11-19T08:41:00+00:00"


@pytest.mark.parametrize(
    "lines",
    [
        ["Today"],  # alone on the page
        ["Council approves bridge budget", "", "Today", "", "By Jane Doe"],  # a byline by it
        ["Example News", "", "Yesterday", "", PARAS[0]],  # a paragraph under it
        ["MSNBC", "", "Today, 10:20"],  # a time after it
    ],
)
def test_a_day_word_alone_outside_a_menu_still_dates_its_line(lines: list[str]) -> None:
    assert len(textmeta.find_relative(lines, date(2026, 11, 7))) == 1


def test_a_correction_day_is_no_publication_date(run_stage) -> None:
    """#4c: without a dateline, "Correction, November 10, 2026:" became the date; a
    correction comes after the publication it corrects."""
    correction = (
        "Correction, November 10, 2026: An earlier version of this article misstated the"
        " budget. It is $40 million, not $4 million."
    )
    head = "Home\n\nNews\n\nCouncil approves bridge budget\n\nBy Jane Doe\n\n"
    for note in (correction, "This article was corrected on November 10, 2026."):
        content = _text(head=head).replace("\n\nShare", f"\n\n{note}\n\nShare")
        assert _published(run_stage, content, html=False, at="2026-11-10T06:00:00Z") is None
        dated = content.replace("By Jane Doe\n\n", "By Jane Doe\n\nMarch 3, 2026\n\n")
        assert _published(run_stage, dated, html=False, at="2026-11-10T06:00:00Z") == "2026-03-03"


def _cleaned(pages: list[tuple[str, str]], tmp_path: Path, monkeypatch) -> list[object]:
    monkeypatch.chdir(tmp_path)  # (no corearchive.toml of the checkout's)
    with Cleaner() as c:
        return [c.clean(p, url="https://news.example/bridge", fetched_at=t) for p, t in pages]


@pytest.mark.parametrize("head", [_AP, _AP.replace("Nov. 20", "Published: Nov. 20")])
def test_an_update_line_leaves_the_text_of_a_plain_text(
    tmp_path: Path, monkeypatch, head: str
) -> None:
    """#6: a re-fetch that differs only by its "Updated N hours ago" line was a new revision
    each day (the line stayed in the text when it was not next to the chosen date)."""
    got = _cleaned(
        [
            (_text(head=head), "2026-11-06T06:00:00Z"),
            (_text("Updated 7 hours ago", head), "2026-11-07T06:00:00Z"),
            (_text("Updated 9 hours ago", head), "2026-11-08T06:00:00Z"),
        ],
        tmp_path,
        monkeypatch,
    )
    assert got[0].kept and "Updated" not in got[0].record["text"]  # type: ignore[attr-defined]
    assert [(g.kept, g.reason) for g in got[1:]] == [(False, "exact_duplicate")] * 2  # type: ignore[attr-defined]


def test_an_update_line_leaves_the_text_of_an_html_page(tmp_path: Path, monkeypatch) -> None:
    """#6: in HTML the line always stayed in the text."""
    got = _cleaned(
        [
            (_html("", _PUBLISHED_META), "2026-11-06T06:00:00Z"),
            (_html("Updated 5 hours ago", _PUBLISHED_META), "2026-11-07T06:00:00Z"),
            (_html("Updated 9 hours ago", _PUBLISHED_META), "2026-11-08T06:00:00Z"),
        ],
        tmp_path,
        monkeypatch,
    )
    assert got[0].kept  # type: ignore[attr-defined]
    assert [(g.kept, g.reason) for g in got[1:]] == [(False, "exact_duplicate")] * 2  # type: ignore[attr-defined]


def test_an_update_line_below_a_long_menu_leaves_the_text(tmp_path: Path, monkeypatch) -> None:
    """#6: below a long menu, the article's update line is past the rendering's first 80
    lines, where the page's dates are read: it stayed in the text (19 records of the
    tester's archive)."""
    menu = (
        "<ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(60)) + "</ul>"
    )

    def page(update: str) -> str:
        return _html(update, _PUBLISHED_META).replace("<nav>", "<nav>" + menu)

    got = _cleaned(
        [
            (page(""), "2026-11-06T06:00:00Z"),
            (page("Updated 5 hours ago"), "2026-11-07T06:00:00Z"),
            (page("Last updated: Nov. 6, 2026 9:00 PM EST"), "2026-11-08T06:00:00Z"),
        ],
        tmp_path,
        monkeypatch,
    )
    assert got[0].kept  # type: ignore[attr-defined]
    assert [(g.kept, g.reason) for g in got[1:]] == [(False, "exact_duplicate")] * 2  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("line", "update"),
    [
        ("Updated 7 hours ago", True),
        ("Last updated: Nov. 20, 2019 10:00 AM EST", True),
        ("  - Story updated 3 hours ago", True),
        ("Aktualisiert am 12.03.2024, 10:20 Uhr", True),
        ("Mis à jour le 12 mars 2024", True),
        ("Updated", False),  # (no date)
        ("Update: the mayor resigned on March 5, 2020 after the vote.", False),  # a note
        ("Updated on March 5, 2020 to include comments from the mayor and the city.", False),
        ("The page was updated on March 5, 2020.", False),  # (not its label first)
        ("Updated on Tuesday, November 18, 2026", True),
        ("UPDATED: Nov 18, 2026 at 10:00", True),
        # a sentence that starts with the word, the date not after the label (s32 #5)
        ("Updated draft published 3 June 2024.", False),
        ("Modified text approved 1 July 2025.", False),
        ("Updated rules take effect on 1 January 2025.", False),
    ],
)
def test_labelled_update_lines(line: str, update: bool) -> None:
    assert textmeta.labelled_update_lines(f"Headline\n{line}\nBody.") == ([1] if update else [])


def test_an_editors_note_of_an_update_stays_in_the_text(run_stage) -> None:
    """A sentence that says the story was updated is the article's (an editor's note), not
    an update-time line."""
    note = "This story was updated on March 5, 2020 to include comments from the mayor."
    for html in (False, True):
        content = _html(note) if html else _text(note)
        doc = make_document(content, html=html, fetched_at="2026-11-07T06:00:00Z")
        assert note in run_stage(MetadataStage, doc).kept[0].text


def _scores(content: str, html: bool) -> dict[tuple[str, str], float]:
    from corearchive_plugins.metadata.html import html_candidates

    capture = date(2026, 11, 4)
    if html:
        cands = html_candidates(content, capture, hd=None)
    else:
        cands = textmeta.rank_dates(textmeta.Page(content), capture)
    return {(str(c["date"]), c["text"]): round(c["score"], 6) for c in cands}


_DATED = [
    "Council approves bridge budget",
    "By Jane Doe",
    "Nov. 13, 2019",
    *PARAS[:3],
    "Related: Mayor names new engineer",
    "Nov. 12, 2019",
    "Related: River traffic down",
    "Nov. 1, 2019",
    *PARAS[3:],
]
_CORRECTION = (
    "Correction, November 4, 2026: An earlier version of this article misstated the number"
    " of employees affected. It is 4512, not 312."
)


@pytest.mark.parametrize("html", [False, True])
def test_an_appended_correction_changes_no_other_dates_score(html: bool) -> None:
    """#11: a correction appended to an article added a later date, which changed the other
    dates' features (the latest, their ranks by age) and swapped two near-tied dates:
    ``published`` changed between versions when only the body had (gizmodo.com, vox.com).
    The correction's date is set aside: never chosen, and no feature of the others'."""
    before = _DATED
    after = [*_DATED[:6], _CORRECTION, *_DATED[6:]]
    if html:
        render = "".join(f"<p>{line}</p>" for line in before)
        render2 = "".join(f"<p>{line}</p>" for line in after)
        a, b = (
            _scores(f"<html><body>{render}</body></html>", True),
            _scores(f"<html><body>{render2}</body></html>", True),
        )
    else:
        a, b = _scores("\n\n".join(before), False), _scores("\n\n".join(after), False)
    correction = b.pop(("2026-11-04", "November 4, 2026"))
    assert a == pytest.approx(b, abs=0.05)
    assert correction == -100.0


@pytest.mark.parametrize(
    "page",
    [
        # a press release's dateline names the Department of Corrections (s32 #6)
        "Department of Corrections, March 5, 2024\n\n{body}",
        "Board for Correction of Naval Records, March 5, 2024\n\n{body}",
        "Minnesota Department of Corrections | March 5, 2024\n\n{body}",
        "By the Corrections Desk, March 5, 2024\n\n{body}",
    ],
)
def test_a_name_with_corrections_in_it_is_no_correction_notice(page: str) -> None:
    got = textmeta.extract(page.format(body=BODY), "2024-03-06T10:00:00Z")
    assert got["published"] == "2024-03-05"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # a sentence of the story holding the date (s32 code-reading tester #13) ...
        ("The vote was held on 12 November 2026.", True),
        ("Die Abstimmung fand am 12. November 2026 statt.", True),
        # ... and an editor's update note the boilerplate stage keeps
        ("Update, Nov. 21, 2026: the mayor has asked for a delay.", True),
        ("Updated: Nov. 21, 2026, with the mayor's reply.", True),
        # ... one that starts with a byline's or a label's word, and no name follows it, or
        # that goes on after a verb of publishing (s33 code-reading tester #11)
        ("Last year the bridge was closed on 3 November 2026 for repairs.", True),
        ("By 5 November 2026 the new span will carry its first trains.", True),
        ("Por primera vez desde el 3 de noviembre de 2026 el puente abre.", True),
        ("The audit was published on 3 November 2026 and found cracks.", True),
        ("The letter, written on 3 November 2026, was read aloud in court.", True),
        # date lines are metadata, short sentences or not
        ("Published on Tuesday, November 12, 2026 by the editorial team.", False),
        ("Posted by admin on November 12, 2026.", False),
        ("Jane Doe, Senior Political Correspondent, November 12, 2026.", False),
        ("By Jane Doe and John Smith, November 12, 2026.", False),
        ("Por Juan Pérez, corresponsal en Madrid, 12 de noviembre de 2026.", False),
        ("Written by Jane Doe, edited by John Roe, November 12, 2026.", False),
        ("This article was originally published on November 12, 2026 in The Conversation.", False),
        ("Created late in the afternoon of Thursday, November 12th, 2026.", False),
        ("12.11.2026 - 07:18 | Quelle: dpa-afx | Lesedauer etwa 4 min.", False),
        ("This page was last edited on 12 November 2026, at 15:47 (UTC).", False),
        ("November 12, 2026", False),
    ],
)
def test_a_short_sentence_with_the_date_stays_in_the_text(
    tmp_path: Path, monkeypatch, line: str, kept: bool
) -> None:
    page = f"Harbour festival returns\n\n{PARAS[0]}\n\n{line}\n\n{PARAS[1]}"
    got = _cleaned([(page, "2026-11-22T10:00:00Z")], tmp_path, monkeypatch)[0]
    assert got.record["published"].startswith("2026-11-")  # type: ignore[attr-defined]
    assert (line in got.record["text"]) is kept  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "sentence",
    [
        "Last year the bridge was closed on 3 March 2025 for repairs.",
        "By 5 March 2027 the new span will carry its first trains.",
        "The audit of the bridge was published on 3 March 2025 and found cracks.",
    ],
)
def test_a_sentence_next_to_the_date_line_stays_in_the_text(
    tmp_path: Path, monkeypatch, sentence: str
) -> None:
    """s33 code-reading tester #11: the story's first sentence under the byline and the date
    line left the text as a date line when it started with "Last" or "By" (a byline's cue
    with no name after it) or held a verb of publishing with the story going on after it;
    the byline and the date line still go."""
    page = (
        f"Bridge to reopen after repairs\n\nBy Jane Doe\n\n12 November 2026\n\n{sentence}\n\n{BODY}"
    )
    got = _cleaned([(page, "2026-11-22T10:00:00Z")], tmp_path, monkeypatch)[0]
    record = got.record  # type: ignore[attr-defined]
    assert record["published"] == "2026-11-12"
    assert record["text"].split("\n")[0] == sentence
    assert "12 November 2026" not in record["text"] and "Jane Doe" not in record["text"]


def test_a_dated_list_item_ending_in_updated_cues_no_update_line_below(
    tmp_path: Path, monkeypatch
) -> None:
    """s32 regression tester #5: the item below "March 9, 2020: Travel advice updated" had
    the word as its update cue (read off the line above) and left the text."""
    items = (
        "Key dates:\n\nMarch 1, 2020: First case confirmed\n\n"
        "March 9, 2020: Travel advice updated\n\nMarch 12, 2020: State of emergency\n\n"
        "March 20, 2020: Schools closed"
    )
    page = (
        f"Outbreak timeline\n\nBy Jane Doe\n\nMarch 1, 2020\n\n{PARAS[0]}\n\n{items}\n\n{PARAS[1]}"
    )
    got = _cleaned([(page, "2020-03-25T10:00:00Z")], tmp_path, monkeypatch)[0]
    text = got.record["text"]  # type: ignore[attr-defined]
    assert "March 12, 2020: State of emergency" in text
    assert "March 9, 2020: Travel advice updated" in text
    # a cue line of its own above still makes its date line an update line
    cued = page.replace(items, "Updated\n\nMarch 21, 2020")
    got = _cleaned([(cued, "2020-03-25T10:00:00Z")], tmp_path, monkeypatch)[0]
    assert "March 21, 2020" not in got.record["text"]  # type: ignore[attr-defined]


def _quoting(quote: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        "<html><body><aside><blockquote><p>« Nobody makes radio like this any more, and we"
        f" miss it every single day. »</p><cite>{quote}</cite></blockquote></aside><article>"
        "<h1>Council approves bridge budget</h1><p class='byline'>Le"
        " <time datetime='2019-06-28T13:49:45Z'>28 juin 2019</time></p>"
        f"{paras}</article></body></html>"
    )


def test_a_quotations_date_is_no_publication_date() -> None:
    """A quotation's source line above the story ("Laurence Bloch, ..., Télérama, 27 juin
    2019", la-bas.org in session 34's held-out pages) was the page's first and earliest date
    and beat the story's own, under its headline: a quotation's date is its source's. It is
    recorded (cue ``quotation``), never chosen, and changes no other date's features."""
    from corearchive_plugins.metadata.html import html_candidates

    page = _quoting("Laurence Bloch, directrice de France Inter, Télérama, 27 juin 2019")
    cands = html_candidates(page, date(2019, 7, 1), hd=None)
    best = max(cands, key=lambda c: c["score"])
    assert str(best["date"]) == "2019-06-28"
    quoted = [c for c in cands if str(c["date"]) == "2019-06-27"]
    assert [(c["cue"], c["score"]) for c in quoted] == [("quotation", -100.0)]
    # (the story's date is the first of the dates left)
    assert best["f"]["first"] == 1.0


def test_a_date_the_article_also_writes_outside_its_quotation_stays_a_candidate() -> None:
    from corearchive_plugins.metadata.html import html_candidates

    page = _quoting("Télérama").replace("28 juin 2019</time>", "27 juin 2019</time>")
    page = page.replace("<cite>Télérama", "<p>27 juin 2019</p><cite>Télérama")
    cues = {c["cue"] for c in html_candidates(page, date(2019, 7, 1), hd=None)}
    assert "quotation" not in cues


def test_the_stage_finds_a_pages_metas_title_and_quotations_in_one_walk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The metadata stage walks an HTML page's tree once for its meta elements (an account's
    profile:username), its <title> (whose line headline_of discounts) and its quotations
    (whose dates are set aside), which it walked for each: _page_elements finds what the
    three searches found, in document order (metas outside the head, a title in an svg, a
    q inside a blockquote, a tree whose root is a blockquote), and html_candidates is given
    the quotations found."""
    from corearchive_plugins import metadata as stage_module
    from corearchive_plugins.metadata import _page_elements, _profile_username
    from corearchive_plugins.metadata.html import html_candidates, parse_html

    pages = [
        "<html><head><title>Budget passes | Daily</title><meta property='og:type'"
        " content='article'></head><body><meta property='profile:username' content=' b_m "
        "@social.example'><svg><title>icon</title></svg><blockquote>A <q>quoted</q> word"
        "</blockquote><p>Text</p><q>again</q></body></html>",
        "<html><body><p>No title, no meta, no quotation</p></body></html>",
    ]
    for page in pages:
        tree = parse_html(page)
        assert tree is not None
        for root in (tree, *tree.iter("blockquote")):
            metas, titles, quotes = _page_elements(root)
            assert metas == list(root.iterfind(".//meta"))
            assert _profile_username(root, metas) == _profile_username(root)
            assert ((titles[0].text or "") if titles else None) == root.findtext(".//title")
            assert quotes == list(root.iter("blockquote", "q"))
    tree = parse_html(pages[0])
    assert tree is not None
    assert _profile_username(tree, _page_elements(tree)[0]) == "b_m @social.example"
    given: list[object] = []

    def spy(*args: object, **kwargs: object) -> object:
        given.append(kwargs.get("quotes"))
        return html_candidates(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stage_module, "html_candidates", spy)
    page = _quoting("Laurence Bloch, directrice de France Inter, Télérama, 27 juin 2019")
    doc = make_document(page, path="q.html", html=True)
    doc.text = "Council approves bridge budget\n" + "\n".join(PARAS)
    from corearchive.options import build_options
    from corearchive_plugins.metadata import MetadataOptions

    opts = build_options(MetadataOptions, {}, stage="metadata", origin="test")
    MetadataStage(opts, None).process(doc)  # type: ignore[arg-type]
    assert len(given) == 1 and isinstance(given[0], list)
    assert [e.tag for e in given[0]] == ["blockquote"]
    dates = doc.annotations["metadata"]["dates"]
    assert {d["cue"] for d in dates if d["value"].startswith("2019-06-27")} == {"quotation"}


def test_the_stage_reads_a_pages_title_from_its_one_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The <title> the stage keeps for the interstitial test is the first one its walk of
    the tree found (_page_elements): a second search for it, tree.findtext(".//title"),
    walked the whole tree again (lxml's iterator looks ahead for a second match), ~0.13 ms
    a trafeval dev page. The same text: a title without text gives "", and a page whose
    head has none the first title of its body (an svg's), as findtext read it."""
    from lxml import etree
    from lxml.html import HtmlElement, HTMLParser

    from corearchive.options import build_options
    from corearchive_plugins import metadata as stage_module
    from corearchive_plugins.metadata import MetadataOptions

    searched: list[str] = []
    shown: list[object] = []

    def spy(text: str, titles: list[object], *args: object) -> object:
        shown.append(titles[1])
        return None

    monkeypatch.setattr(stage_module, "interstitial", spy)

    class Counting(HtmlElement):
        def findtext(self, path, default=None, namespaces=None):  # type: ignore[no-untyped-def]
            searched.append(path)
            return super().findtext(path, default, namespaces)

    parser = HTMLParser()
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=Counting))
    stage = MetadataStage(build_options(MetadataOptions, {}, stage="metadata", origin="t"), None)
    for head, want in (
        ("<title>Budget passes | Daily</title>", "Budget passes | Daily"),
        ("<title></title>", ""),
        ("", "icon"),
    ):
        page = f"<html><head>{head}</head><body><svg><title>icon</title></svg>{BODY}</body></html>"
        doc = make_document(page, path="t.html", html=True)
        doc.text = "\n".join(PARAS)
        tree = etree.fromstring(page, parser)
        assert tree.findtext(".//title") == want
        doc.work["html_tree"] = tree
        searched.clear()
        shown.clear()
        stage.process(doc)
        assert ".//title" not in searched
        assert shown == [want]


#: A news portal's article as the s45 acc-wire tester wrote it (Naver, a Yonhap story): its
#: headline and byline over a ``<time>`` the extractor takes with the article
_PORTAL = (
    '<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8"><title>2월 소비자물가'
    ' 2.0%↑…두 달 연속 2%대 | 네이버 뉴스</title><meta name="viewport" content="width'
    '=device-width, initial-scale=1"><meta property="og:title" content="2월 소비자물가'
    ' 2.0%↑…두 달 연속 2%대"><meta property="og:site_name" content="네이버 뉴스"><met'
    'a property="og:type" content="article"><meta property="article:published_time" c'
    'ontent="2025-03-05T09:00:00+01:00"><meta name="author" content="김민수"></head><'
    'body><div id="cmp" class="consent-banner"><p>이 웹사이트는 쿠키를 사용합니다. 계'
    "속 이용하시면 쿠키 사용에 동의하는 것으로 간주됩니다.</p><button>동의</button><b"
    'utton>설정</button></div><header><div class="logo"><a href="/">네이버 뉴스</a></'
    'div><nav><ul><li><a href="/0">뉴스홈</a></li><li><a href="/1">정치</a></li><li><'
    'a href="/2">경제</a></li><li><a href="/3">사회</a></li><li><a href="/4">생활/문화'
    '</a></li><li><a href="/5">IT/과학</a></li><li><a href="/6">세계</a></li><li><a h'
    'ref="/7">랭킹</a></li></ul></nav></header><div class="page"><div class="art"><di'
    'v class="hd"><h1>2월 소비자물가 2.0%↑…두 달 연속 2%대</h1><div class="info"><div'
    ' class="byline">김민수 기자</div><time class="date" datetime="2025-03-05T09:00:0'
    '0+01:00">{dateline}</time></div></div><div class="txt"><p>(서울=연합뉴스) 김민수'
    " 기자 = 지난달 소비자물가 상승률이 두 달 연속 2%대를 기록했다. 통계청이 5일 발표"
    "한 &#x27;2월 소비자물가동향&#x27;에 따르면 지난달 소비자물가지수는 전년 동월 대비"
    " 2.0% 상승했다.</p><p>고환율 영향으로 석유류 가격이 6.3% 오르며 전체 물가를 끌어"
    "올렸다. 가공식품 가격도 2.9% 올라 2023년 12월 이후 가장 큰 폭으로 상승했다.</p><"
    "p>반면 농축수산물은 1.0% 오르는 데 그쳤다. 채소류 가격은 배추와 무 등의 가격 하락"
    "으로 전년 대비 하락세를 보였다.</p><p>기획재정부는 &quot;3월에도 2% 안팎의 물가 "
    "흐름이 이어질 것&quot;이라며 &quot;유가와 환율 변동성에 대응해 물가 안정에 총력을"
    ' 기울이겠다&quot;고 밝혔다.</p></div><div class="share"><a href="#s0" class="sha'
    're-btn">공유하기</a><a href="#s1" class="share-btn">페이스북</a><a href="#s2" cl'
    'ass="share-btn">트위터</a><a href="#s3" class="share-btn">카카오톡</a><a href="#'
    's4" class="share-btn">URL 복사</a></div></div><aside class="related"><h3>관련 기'
    '사</h3><ul><li><a href="/r0">이 기사를 추천합니다</a></li><li><a href="/r1">연합'
    '뉴스 랭킹 뉴스</a></li></ul></aside><div class="more-news"><h3>Top</h3><div clas'
    's="teaser"><a href="/x0">이 기사를 추천합니다</a></div><div class="teaser"><a hr'
    'ef="/x1">연합뉴스 랭킹 뉴스</a></div></div></div><div class="promo">기사 제보</d'
    'iv><div class="promo">광고</div><footer><p>Copyright ⓒ 연합뉴스. All rights rese'
    "rved. 무단 전재 및 재배포, AI 학습 이용 금지.</p></footer></body></html>"
)


@pytest.mark.parametrize(
    "dateline",
    ["입력2025.03.05. 오전 8:00 수정2025.03.05. 오전 9:12", "4 घंटे पहले", "3시간 전"],
    ids=["ko-posted-edited", "hi-relative", "ko-relative"],
)
def test_a_date_line_that_opens_an_html_pages_text_leaves_it(
    tmp_path: Path, monkeypatch, dateline: str
) -> None:
    """The extractor took an article's ``<time>`` with its text: a Korean "입력… 수정…"
    line, a Hindi "4 घंटे पहले" stayed as the record's first line (the text path removes
    them), and the Yonhap copy on Naver was only a near duplicate of the agency's (s45
    acc-wire W10)."""
    monkeypatch.chdir(tmp_path)
    with Cleaner(disable=["dedup"]) as c:
        got = c.clean(_PORTAL.replace("{dateline}", dateline))
    text = got.record["text"]  # type: ignore[attr-defined]
    assert text.startswith("(서울=연합뉴스)") and dateline not in text


#: An events page (s46 acc-regress R7, generated kinds page k237): the extractor's text
#: opens with the events' dates, each a ``<time>``
_EVENTS = (Path(__file__).parent / "data" / "events_es_k237.html").read_text("utf-8")


def test_an_events_pages_opening_dates_stay(tmp_path: Path, monkeypatch) -> None:
    """The date lines that open an HTML page's text leave it as its byline's (above), but
    not a run of more than two (a date line and its update line): an events page's first
    events' dates were removed (s46 acc-regress R7)."""
    monkeypatch.chdir(tmp_path)
    with Cleaner(disable=["dedup"]) as c:
        got = c.clean(_EVENTS)
    text = got.record["text"]  # type: ignore[attr-defined]
    for when in ("dom 5 de octubre de 2025, 18:30", "mié 8 de octubre de 2025, 11:00"):
        assert when in text, text
