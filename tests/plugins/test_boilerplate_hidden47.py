"""Visually hidden text in an HTML article (s47 code reading read47, F1, F2, F15): a hidden
word inside a paragraph does not double the paragraph, a class that shows an element again
does not hide it, and a hidden label that is an icon's only meaning stays the cell's text."""

from __future__ import annotations

import lxml.html

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.figures import hidden_text, restore

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
