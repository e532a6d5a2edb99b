"""Crawler markdown and pre-extracted text (s52 acc-md M2-M14): a crawl dump's extracted
text cleaned at its edges, markdown headings against their table-of-contents links,
numbered list markers, code blocks between buttons, tables without a delimiter row. The
fixtures are written for these tests (excerpts in the shape of the acc-md pages)."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage


def _crawl_row(text: str) -> Any:
    """A FineWeb row's document as the JSONL source makes it (``crawl_row``)."""
    doc = make_document(text, path="fineweb.jsonl", format="jsonl")
    doc.annotations["source"] = {"line": 1, "crawl_row": True, "given": {}}
    return doc


def _kept(run_stage: Any, doc: Any) -> list[str]:
    return run_stage(BoilerplateStage, doc).kept[0].text.split("\n")


# trafilatura's plain text of a developer's post, as FineWeb keeps it: no blank lines, a
# code sample and its closing paragraph at the end
RUST_POST = [
    "What I learned rewriting our search in Rust",
    "Our search service had been a Python process for six years. It answered most queries"
    " in under fifty milliseconds, and then one day it did not.",
    "Memory was never the problem",
    "Our first profile showed that less than a fifth of the memory held the inverted index."
    " The rest was Python objects wrapping small integers and a cache nobody had measured.",
    "The part that was hard",
    "Tokenisation. We had relied on a library whose behaviour on hyphens and apostrophes"
    " nobody had written down. Matching it exactly took three weeks.",
    "fn normalise(token: &str) -> Cow<'_, str> {",
    "    if token.bytes().all(|b| b.is_ascii_lowercase()) {",
    "        return Cow::Borrowed(token);",
    "    }",
    "    Cow::Owned(token.to_lowercase())",
    "}",
    "Would I do it again? Yes, but I would write the test corpus first.",
    "Share this",
]


def test_a_crawl_rows_extracted_text_keeps_its_code_and_closing_paragraph(run_stage):
    """M2: the line model removed the sample's ``}`` lines as repeated, a line as a teaser
    and the closing paragraph as past the article's end; the stray "Share this" at the edge
    still goes."""
    kept = _kept(run_stage, _crawl_row("\n".join(RUST_POST)))
    assert "Would I do it again? Yes, but I would write the test corpus first." in kept
    code = RUST_POST[7:13]
    assert [s.strip() for s in kept if s.strip() in {c.strip() for c in code}] == [
        c.strip() for c in code]  # fmt: skip
    assert "Share this" not in kept


def test_a_crawl_rows_text_ending_in_a_shell_session_keeps_it():
    """M2: a session after its lead-in at the text's end, with its output line."""
    from corearchive_plugins.boilerplate.extracted import keep_extracted
    from corearchive_plugins.boilerplate.lines import decide

    text = "\n".join([
        "Protokolle statt Vererbung: strukturelle Typen in Python",
        "Seit Python 3.8 gibt es typing.Protocol. Damit lassen sich Schnittstellen"
        " beschreiben, ohne dass Klassen von einer gemeinsamen Basisklasse erben müssen.",
        "Jedes Objekt mit einer passenden read-Methode erfüllt das Protokoll, auch eine"
        " Datei oder ein io.BytesIO, und mypy prüft das statisch:",
        "$ mypy beispiel.py",
        "Success: no issues found in 1 source file",
    ])  # fmt: skip
    d = decide(text)
    back = keep_extracted(d)
    kept = {d.stripped[j] for j, k in enumerate(d.keep.tolist()) if k or j in back}
    assert {"$ mypy beispiel.py", "Success: no issues found in 1 source file"} <= kept


def test_a_crawl_rows_page_copy_with_a_menu_inside_is_decided_as_any_text(run_stage):
    """M2: a row whose text is a page's whole copy (a WET extract) has chrome inside it —
    a menu between two paragraphs — and is not read as an extractor's article."""
    lines = [*RUST_POST[:4], "Home", "Blog", "Archive", "About", "Subscribe", *RUST_POST[4:]]
    text = "\n".join(lines)
    as_row = _kept(run_stage, _crawl_row(text))
    assert as_row == _kept(run_stage, make_document(text))
    assert "Archive" not in as_row


# a developer's post as Jina Reader writes it: a contents list of links to the sections,
# setext headings, fenced code under "Copy" buttons
JINA_POST = """Title: Rotating logs with systemd, no logrotate

URL Source: https://ops-notes.example/posts/2026/11/rotating-logs/

Published Time: 2026-11-20T08:30:00+00:00

Markdown Content:
* [Ops notes](/0)
* [Home](/1)
* [Tags](/2)

Rotating logs with systemd, no logrotate
========================================

Published on 20 November 2026 by Ana Torres

* [Contents](/0)
* [Settings](/1)
* [Checking](/2)

If your services write to the journal, you need no logrotate: journald rotates the files
and bounds their space by itself.

Settings
--------

Edit /etc/systemd/journald.conf and set a limit:

Copy

```
[Journal]
SystemMaxUse=2G
MaxRetentionSec=1month
```

Checking
--------

Copy

```
$ sudo systemctl restart systemd-journald
$ journalctl --disk-usage
Archived and active journals take up 1.8G in the file system.
```

With this, the journal never takes more than two gigabytes nor keeps entries older than a
month.

Copy

[Edit this page on GitHub](https://go.example/6703)

← Previous

Next →

© 2026 Ana Torres. Made with Hugo.
"""


def test_a_markdown_heading_is_kept_and_its_contents_link_removed(run_stage):
    """M5: the heading "Checking" and the contents list's ``* [Checking](/2)`` were both
    removed as repeated lines: of a heading and a link alone with its text, the link is the
    copy."""
    kept = _kept(run_stage, make_document(JINA_POST, path="post.txt"))
    assert kept.count("Checking") == 1
    assert kept.index("Checking") > kept.index("Edit /etc/systemd/journald.conf and set a limit:")
    assert "Settings" not in kept[: kept.index(next(s for s in kept if s.startswith("If your")))]


def test_an_ordered_list_items_number_is_kept_as_written():
    """M3: markdownify does not escape "12. Nov. 2026" at a line's start, an ordered list
    to CommonMark: its text was "Nov. 2026" (the date lost), numbered steps lost their
    numbers. Bullets stay dropped."""
    from corearchive_plugins.boilerplate.reflow import markdown_blocks

    lines = ["Von Jonas Weber", "", "12. Nov. 2026", "", "1. Erstens", "2. Zweitens", "",
             "3) Drittens", "", "* ein Punkt"]  # fmt: skip
    blocks = markdown_blocks(lines)[0]
    assert [b for b in blocks if b] == [
        "Von Jonas Weber", "12. Nov. 2026", "1. Erstens", "2. Zweitens", "3) Drittens",
        "ein Punkt"]  # fmt: skip


def test_a_numbered_contents_entry_is_the_copy_of_its_heading(run_stage):
    """M3 with M5: a numbered contents list's "1. The problem" is the copy of the heading
    "The problem"."""
    page = JINA_POST.replace("* [Contents](/0)\n* [Settings](/1)\n* [Checking](/2)",
                             "1. [Contents](/0)\n2. [Settings](/1)\n3. [Checking](/2)")  # fmt: skip
    kept = _kept(run_stage, make_document(page, path="post.txt"))
    assert kept.count("Checking") == 1
    assert not any(s.endswith("Checking") and s != "Checking" for s in kept)


def test_a_fenced_block_after_its_copy_button_is_decided_by_its_lead_in(run_stage):
    """M4: the block's neighbours were its "Copy" button (removed) and the heading after it:
    the block went whole, its lead-in "... set a limit:" kept. The button is passed over."""
    page = JINA_POST.replace("Checking\n--------\n", "Checking the result\n-------------------\n")
    kept = _kept(run_stage, make_document(page, path="post.txt"))
    assert {"[Journal]", "SystemMaxUse=2G", "MaxRetentionSec=1month"} <= set(kept)
    assert "Copy" not in kept


TRAF_MD = """# Warum die Digitalisierung der Bahn stockt

Das Stellwerk in Harburg stammt aus dem Jahr 1978. Wer es betritt, sieht Relais,
Schalter und eine Wand aus Lämpchen.

## Drei Gründe für die Verzögerung

1. Jede Softwareversion muss einzeln zugelassen werden.
2. Es gibt nur wenige hundert Ingenieurinnen und Ingenieure, die solche Anlagen planen können.

In der nächsten Ausgabe schaue ich mir an, wie die Schweiz dasselbe Problem gelöst hat.
"""


def test_a_markdown_file_with_one_kind_of_syntax_is_read_as_markdown():
    """M6: trafilatura's markdown of an article (ATX headings, a list; no links, no
    emphasis) named .md kept its "## " in the text; a text not named markdown still needs
    two kinds."""
    from corearchive_plugins.boilerplate.reflow import reflow_text

    got = reflow_text(TRAF_MD, named=True)
    assert got is not None
    assert "Drei Gründe für die Verzögerung" in got.text.split("\n")
    assert "1. Jede Softwareversion muss einzeln zugelassen werden." in got.text.split("\n")
    assert reflow_text(TRAF_MD, named=False) is None


def test_pipe_rows_without_a_delimiter_row_are_a_tables_rows():
    """M7: trafilatura writes a table without <th> with no ``|---|`` row: cmark reads the
    rows as one paragraph, and they were joined into one line."""
    from corearchive_plugins.boilerplate.reflow import markdown_blocks

    lines = ["The lag over the last week:", "", "| Day | p50 lag | ", "| Mon | 40 ms | ",
             "| Wed |  38 ms | ", "", "We paused writes."]  # fmt: skip
    blocks, _, _, units, *_ = markdown_blocks(lines)
    assert blocks[2:5] == ["| Day | p50 lag |", "| Mon | 40 ms |", "| Wed | 38 ms |"]
    assert units == [(2, 5)]


def test_an_escaped_pipe_stays_in_its_cell_of_a_pipe_row():
    """The rows were accepted as two cells each (an escaped pipe is a cell's character) and
    then written out split at it, three cells (finalrev_C)."""
    from corearchive_plugins.boilerplate.reflow import markdown_blocks

    lines = ["Flags of the tool:", "", r"| -v \| --verbose | more output |",
             "| -q | less output |", "", "That is all."]  # fmt: skip
    blocks, _, _, units, *_ = markdown_blocks(lines)
    assert blocks[2:4] == [r"| -v \| --verbose | more output |", "| -q | less output |"]
    assert units == [(2, 4)]


JINA_NEWS = """Title: Rail strike disrupts regional trains on Thursday - The Southern Courier

URL Source: https://www.southerncourier.example/region/rail-strike-thursday

Published Time: 2025-02-12T06:45:00+01:00

Markdown Content:
[Skip to main content](https://www.southerncourier.example/region/rail-strike-thursday#main)

*   [Region](https://www.southerncourier.example/region)
*   [Sport](https://www.southerncourier.example/sport)
*   [Subscribe](https://www.southerncourier.example/subscribe)

Rail strike disrupts regional trains on Thursday
================================================

By [Julia Moore](https://www.southerncourier.example/author/julia-moore)

Traffic will be heavily disrupted on Thursday on every regional line, after several rail
unions called a strike. The regional management expects one train in three on average.

Passengers are asked to postpone their journeys or to check the app before they leave.
Replacement buses will run on the busiest routes.

The forecast by line
--------------------

| Line | Trains running |
| --- | --- |
| Bristol – Bath | 1 in 2 |
| Bristol – Weston | 1 in 3 |

The strike could be extended into next week, according to the unions.

[Share on Facebook](https://www.facebook.com/sharer/sharer.php?u=x)[Share on X](https://x.com/intent/tweet?url=x)

More on this story
------------------

[![Image 2](https://www.southerncourier.example/img/t.jpg)](https://www.southerncourier.example/a)
"""


def test_a_jina_articles_section_after_a_short_lead_is_no_teaser(run_stage):
    """M13: the article was cut at its first sub-heading: the heading a "title-like teaser",
    the table under it outside the article, the closing sentence a short line. The related
    box's heading over a thumbnail stays out."""
    kept = _kept(run_stage, make_document(JINA_NEWS, path="news.txt"))
    assert "The forecast by line" in kept
    assert "| Bristol – Weston | 1 in 3 |" in kept
    assert "The strike could be extended into next week, according to the unions." in kept
    assert "More on this story" not in kept


def test_markdown_with_links_alone_and_no_heading_is_decided(run_stage):
    """M5's rule on a text with one-link blocks and no heading (a Jina page whose content
    has no heading) failed the document: zip() of the headings' rows and their ends."""
    page = JINA_NEWS.replace("The forecast by line\n--------------------\n", "").replace(
        "More on this story\n------------------\n", "").replace(
        "Rail strike disrupts regional trains on Thursday\n" + "=" * 48 + "\n", "")  # fmt: skip
    kept = _kept(run_stage, make_document(page, path="news.txt"))
    assert "Replacement buses will run on the busiest routes." in " ".join(kept)


def test_a_layout_tables_one_cell_rows_and_hard_breaks_are_not_read_as_a_table():
    """M7/M6 narrowed: an e-mail's layout table written as one-cell pipe rows is its text's
    lines, not a unit (the whole issue was dropped with it); a .md text whose lines end in
    hard breaks with one kind of syntax is not taken for markdown on that kind alone (its
    footer was one block with the sign-off, kept)."""
    from corearchive_plugins.boilerplate.reflow import markdown_blocks, reflow_text

    rows = ["| Liebe Leserinnen und Leser, |", "| im Dezember laden wir ein. |"]
    blocks, _, _, units, *_ = markdown_blocks(["Intro.", "", *rows])
    assert units == []
    assert blocks[2:] == ["Liebe Leserinnen und Leser,", "im Dezember laden wir ein."]
    text = "# Newsletter\n\nHerzliche Grüße  \nPetra Hofmann  \nAn einen Freund weiterleiten\n"
    assert reflow_text(text, named=True) is None
