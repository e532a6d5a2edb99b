"""Titles of plain-text pages (:mod:`corearchive_plugins.metadata.text`): the s33 regression
tester's findings #17 (a picture's credit or a wire dateline's lead under the headline made
the first body sentence the title) and #12 (a timeline's entry taken for the title)."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import extract

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
