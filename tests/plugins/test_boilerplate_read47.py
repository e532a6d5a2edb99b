"""The s47 code reading's findings (read47): visually hidden text in an HTML article (F1, F2,
F15: a hidden word inside a paragraph does not double the paragraph, a class that shows an
element again does not hide it, a hidden label that is an icon's only meaning stays the cell's
text); a page tool's word alone is a tool by its place, not by the word (F3)."""

from __future__ import annotations

from typing import Any

import lxml.html

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.figures import hidden_text, restore
from corearchive_plugins.boilerplate.pagetools import PAGE_TOOL_REASON, page_tool, tool_lines

PARAGRAPHS = [
    "The city council voted on Tuesday to approve a new budget for the coming year, after "
    "weeks of debate among its members about spending on roads and schools.",
    "Supporters said the plan would repair dozens of bridges that engineers have warned are "
    "close to failing, while critics argued that taxes would rise too quickly.",
    "The mayor, who had pushed for the measure since the spring, told reporters that the vote "
    "showed the council could work together on difficult questions.",
    "Residents who spoke at the meeting were divided, with some praising the investment in "
    "parks and others worried about the cost of living in the area.",
    "The budget now goes to the state for review, a process that officials expect to take "
    "several weeks before the money can be spent on any projects.",
]


def _page(middle: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + middle
    body += "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    return (
        "<!doctype html><html><head><title>Council approves budget | Daily Gazette</title>"
        '</head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
        '<li><a href="/sport">Sport</a></li></ul></nav><main><article><h1>Council approves '
        f'budget after long debate</h1><p class="byline">By Jane Doe</p>{body}</article>'
        "</main><footer><p>© 2024 Daily Gazette. All rights reserved.</p>"
        '<a href="/privacy">Privacy</a></footer></body></html>'
    )


def _text(run_stage, html: str) -> str:
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    return " ".join(doc.text.split())


def test_a_hidden_word_inside_a_paragraph_leaves_one_paragraph(run_stage) -> None:
    """F1: trafilatura read the paragraph without the hidden word, the rendering with it,
    and the refinement added the rendering's line: the paragraph stood twice."""
    for middle, hidden in (
        (
            '<p>The repair fund is <span class="visually-hidden">rated</span> 4 out of 5 by '
            "the county auditors who reviewed the plan last month.</p>",
            "rated",
        ),
        (
            '<p>The plan was approved by 7 votes to 2<sup><a href="#fn1">1</a></sup><span '
            'class="visually-hidden">, see footnote 1</span>, after a long debate among '
            "councillors and residents.</p>",
            "see footnote",
        ),
    ):
        text = _text(run_stage, _page(middle))
        assert text.count("by the county auditors") + text.count("after a long debate") == 1
        assert hidden not in text


def test_a_class_that_shows_the_element_again_does_not_hide_it() -> None:
    """F2: Tailwind's "not-sr-only" (and its width variants) puts the text on screen; the
    "-sr-only" in it was read as a hidden class. A skip link shown on focus only stays
    hidden."""
    tree = lxml.html.fromstring(
        '<div><p>a <span class="not-sr-only">b</span> c</p>'
        '<p>d <span class="sm:sr-only md:not-sr-only">e</span> f</p>'
        '<a class="sr-only focus:not-sr-only" href="#main">Skip to content</a></div>'
    )
    retagged = hidden_text(tree)
    assert [e.tag for e in tree.iter("span")] == ["span", "span"]
    assert [tag for _, tag in retagged] == ["a"]
    restore(retagged)


def test_a_hidden_label_that_is_an_icons_meaning_stays_the_cells_text(run_stage) -> None:
    """F15: a check-mark cell's only text is its hidden "Yes"; removed, each row read
    "| Bridge 1 |  | 3 tonnes |"."""
    rows = "".join(
        f'<tr><td>Bridge {n}</td><td><i class="icon-check"></i><span class="sr-only">Yes'
        f"</span></td><td>{n * 3} tonnes</td></tr>"
        for n in range(1, 5)
    )
    table = f"<table><tr><th>Bridge</th><th>Repaired</th><th>Limit</th></tr>{rows}</table>"
    tree = lxml.html.fromstring(f"<div>{table}</div>")
    assert hidden_text(tree) == []
    assert [e.text for e in tree.iter("span")] == ["Yes"] * 4
    text = _text(run_stage, _page(table))
    assert text.count("Yes") == 4


def test_a_hidden_label_outside_a_paragraph_is_given_back_to_the_tree() -> None:
    """A post's hidden "Posted on" in its footer is the label the metadata stage reads
    its date by: retagged for the extraction and restored, not removed."""
    tree = lxml.html.fromstring(
        '<article><footer><span class="posted-on"><span class="screen-reader-text">Posted on '
        '</span><a href="/p"><time datetime="2019-08-02">August 2, 2019</time></a></span>'
        "</footer></article>"
    )
    retagged = hidden_text(tree)
    assert [tag for _, tag in retagged] == ["span"]
    restore(retagged)
    assert "Posted on" in tree.text_content()


GUIDE_HEAD = ["Skip to main content", "Home", "News", "Guides", "Training", "About us", "Sign in"]
GUIDE = [
    "Making video accessible: an editors' guide",
    "Every video we publish should be usable by readers who cannot hear it, cannot see it "
    "clearly or cannot use a mouse. This guide sets out what editors must check.",
    "Captions",
    "All videos with speech must carry captions that are synchronised with the audio and "
    "checked by a person, not left to automatic speech recognition alone.",
    "Subtitles",
    "Where a video is published in more than one language, translated subtitles should be "
    "offered as a separate track that readers can switch on and off.",
    "Full screen",
    "The player must allow full-screen viewing from the keyboard, and leaving full-screen mode "
    "must return the reader to the same place in the article.",
    "High contrast",
    "On-screen text and graphics must remain legible when readers turn on their system's high "
    "contrast mode, so test every template with it before launch.",
    "The visitor centre is open every day of the week except public holidays, when it closes "
    "early in the afternoon.",
    "09:00 / 17:30",
    "Questions about this guide can be sent to the standards desk, which reviews it every six "
    "months with the accessibility team.",
]
GUIDE_FOOT = ["Share this page", "Facebook", "X", "LinkedIn", "About us", "Contact",
              "Privacy policy", "Cookie settings", "© 2025 Newsroom Standards Ltd."]  # fmt: skip


def _clean(run_stage: Any, text: str) -> tuple[list[str], dict[str, str]]:
    """Kept lines and {removed line: reason} of a plain-text page."""
    doc = run_stage(BoilerplateStage, make_document(text), keep_removed=True).kept[0]
    gone = doc.annotations["boilerplate"]["removed"]
    return doc.text.split("\n"), dict(zip(gone["text"], gone["reason"], strict=True))


def test_a_tools_word_as_an_articles_heading_is_kept(run_stage) -> None:
    """F3: an accessibility guide's headings "Captions", "Subtitles", "Full screen", "High
    contrast", each over its paragraph, and opening hours "09:00 / 17:30" were removed as a
    player's controls and clock, by the word alone."""
    kept, gone = _clean(run_stage, "\n".join(GUIDE_HEAD + GUIDE + GUIDE_FOOT))
    for line in ("Captions", "Subtitles", "Full screen", "High contrast", "09:00 / 17:30"):
        assert line in kept, line
        assert gone.get(line) != PAGE_TOOL_REASON


def test_a_players_controls_and_clock_in_a_run_are_tools() -> None:
    """The same words in a player's bar, or among removed lines, are its controls; opening
    hours in a row are no player's clock."""
    bar = ["The storm reached the coast on Sunday night, flooding roads in three towns.",
           "Play", "0:00 / 3:05", "Captions", "Full screen",
           "Residents were told to stay indoors until the water had gone down."]  # fmt: skip
    assert tool_lines(bar, range(6), [True] * 6) == [1, 2, 3, 4]
    share = ["A paragraph of the article's text that is kept by the line model.", "Share",
             "Print", "Email", "Another paragraph of the article's text, kept too."]  # fmt: skip
    assert tool_lines(share, [0, 2, 4], [True, False, True, False, True]) == [2]
    hours = ["Opening hours", "Monday to Friday", "09:00 / 17:30", "Saturday", "10:00 / 12:30"]
    assert tool_lines(hours, range(5), [True] * 5) == []
    assert page_tool("Imprimer la page") and not page_tool("Print")


def test_glued_buttons_of_many_lines_are_looked_up_in_one_call(monkeypatch) -> None:
    """F13: the pieces of each glued line were looked up in the lexicon one piece at a time
    (a numpy call each, ~1 s for 5,000 lines of glued buttons); all pieces of a batch are
    looked up at once, with the same cues."""
    from corearchive_plugins.boilerplate import lines as line_model

    bars = ["Share this storyShare on FacebookShare on XShare on LinkedInCopy link",
            "Artikel teilenAuf Facebook teilenAuf X teilenPer WhatsApp teilenLink kopieren",
            "He bought an iPhone at McDonald's on Friday and paid by PayPal."] * 40  # fmt: skip
    want = line_model.decide("\n\n".join(bars[:3])).cues().tolist()
    calls = []
    lookup = line_model._lex_codes
    monkeypatch.setattr(
        line_model, "_lex_codes", lambda table, th: calls.append(len(th)) or lookup(table, th)
    )
    cues = line_model.decide("\n\n".join(bars)).cues().tolist()
    assert cues == want * 40
    assert want[0] >= 2 and want[1] >= 2 and want[2] == 0
    assert len(calls) < 10  # (the batch's tokens, its lines' first words, the pieces: once)


def test_the_tree_is_restored_when_the_extraction_raises(run_stage, monkeypatch) -> None:
    """F11: the hidden elements and boxes retagged for trafilatura got their tags back only
    when the extraction returned; a page too deep for its recursion is read from the tree,
    which then still held the retagged elements (the metadata stage reads it too)."""
    from corearchive_plugins.metadata import html as metadata_html

    def too_deep(*args: Any, **kwargs: Any) -> Any:
        raise RecursionError

    seen: list[list[str]] = []
    render = metadata_html.tree_to_text

    def rendered(tree: Any) -> str:
        seen.append([e.tag for e in tree.iter() if isinstance(e.tag, str)])
        return render(tree)

    monkeypatch.setattr(BoilerplateStage, "_main_text", too_deep)
    monkeypatch.setattr(metadata_html, "tree_to_text", rendered)
    page = _page(
        '<footer><span class="screen-reader-text">Posted on</span> <time>2 August 2019'
        "</time></footer><aside><h3>How we did this</h3><p>"
        + PARAGRAPHS[0]
        + " "
        + PARAGRAPHS[1]
        + "</p></aside>"
    )
    run_stage(BoilerplateStage, make_document(page, html=True, path="a.html"))
    assert seen and "noindex" not in seen[0] and "aside" in seen[0]


def test_the_stages_read_sentence_ends_and_caption_words_alike() -> None:
    """F12: a line that ended in "。" or the Armenian "։" ended a sentence for one of the
    metadata stage's tests and not for the other; "Graph 2: …" was a caption for the titles
    and no label for the boilerplate stage, "Karte 1: …" the other way round."""
    from corearchive_plugins.boilerplate.apparatus import labelled
    from corearchive_plugins.metadata import text as metadata_text

    for line in ("他说，这是一个好消息。", "Սա նոր օրենք է։", "It rained «all day.»"):
        ended = line.rstrip(metadata_text._CLOSERS)[-1:] in metadata_text._ENDERS
        assert ended and metadata_text._SENT_END.search(line) is not None, line
    assert metadata_text._SENT_END.search("A headline without an end") is None
    for line in ("Graph 2: Rents by town", "Karte 1: Wo es brennt", "Abb. 3: Verlauf",
                 "Table 1: Biggest rent rises"):  # fmt: skip
        assert labelled(line), line
        assert metadata_text._NEVER_TITLE_START.match(line) is not None, line
    # (an unnumbered one is a data story's headline, and a label for the boilerplate stage)
    assert metadata_text._NEVER_TITLE_START.match("Chart: How rents rose") is None
    assert labelled("Chart: How rents rose")


def test_a_most_read_list_in_columns_is_no_table() -> None:
    """F8: a "most read" box as w3m writes it, a rank and a headline with its age in
    columns, read as a table's rows: the rows and the teaser under them came back as the
    article's. A table of figures still brings the text after it back."""
    from corearchive_plugins.boilerplate.apparatus import resumed_text

    prose = PARAGRAPHS[0]
    lines = [prose, prose, prose, "Most read",
             "1    Council delays vote on school funding      3h",
             "2    Bridge closures expected this summer       5h",
             "The council postponed its decision on the school budget until next month, "
             "after members asked for more time.", "Home   News   Sport"]  # fmt: skip
    keep = [True, True, True, False, False, False, False, False]
    score = [0.9, 0.9, 0.9, 0.1, 0.2, 0.2, 0.35, 0.05]
    furniture = [False, False, False, True, False, False, False, True]
    assert resumed_text(lines, keep, score, furniture) == []
    lines[4:6] = ["PSOE      3.412 47,9% 9", "Por Andalucía     540     7,6%   1"]
    assert resumed_text(lines, keep, score, furniture) == [4, 5, 6]


ASIDES = {
    "Get our morning briefing": '<aside class="box"><h3>Get our morning briefing</h3><p>Every '
    "weekday morning we send the most important stories of the day straight to your inbox, "
    "free of charge. Join more than 200,000 readers who start their day with us.</p><p><a "
    'href="/nl">Sign up now</a></p></aside>',
    "Support local journalism": '<aside class="box"><h3>Support local journalism</h3><p>Our '
    "reporting on the council is funded by readers like you, and we rely on that support to "
    "keep it free for everyone in the county.</p><p>Please consider making a contribution "
    'today, however small it may be.</p><p><a href="/donate">Donate</a></p></aside>',
    "Anzeige": '<aside class="box"><h3>Anzeige</h3><p>Die neue Küchenkollektion ist da und '
    "bietet für jeden Geschmack das passende Modell zu einem unschlagbaren Preis im "
    "Fachhandel.</p><p>Jetzt im Fachhandel in Ihrer Nähe entdecken und sparen.</p></aside>",
    "Listen to our podcast": '<aside class="box"><h3>Listen to our podcast</h3><p>Every '
    "Friday our reporters sit down to talk through the biggest stories of the week in the "
    'county and what they mean for you and your family.</p><p><a href="/pod">Subscribe on '
    "your favourite app</a></p></aside>",
}


def test_a_box_that_asks_the_reader_to_act_is_not_made_text() -> None:
    """F7: a newsletter's, a donation's, an advert's and a podcast's <aside> in the article
    passed as boxes of the article's prose (English class and heading words only); the
    newsletter's and the podcast's headings came into the text. An article's method box
    still is one."""
    from corearchive_plugins.boilerplate.figures import article_boxes

    method = (
        '<aside class="methodology-box"><h3>How we did this</h3><p>We collected 1,214,332 '
        "listings for two-bedroom homes advertised between January 2023 and December 2024 and "
        "removed duplicates.</p><p>Medians were calculated for each built-up area with at "
        "least 300 listings in both years.</p></aside>"
    )
    for heading, aside in ASIDES.items():
        tree = lxml.html.fromstring(f"<div><article><p>x</p>{aside}</article></div>")
        assert article_boxes(tree) == [], heading
    tree = lxml.html.fromstring(f"<div><article><p>x</p>{method}</article></div>")
    assert [tag for _, tag in article_boxes(tree)] == ["aside"]
