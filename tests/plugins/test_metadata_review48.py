"""Closing review of session 48 (finalrev_B): bugs found in the metadata stage's changes."""

from __future__ import annotations

from pathlib import Path

from corearchive import Cleaner
from corearchive_plugins.metadata import text as mt


def test_a_credit_with_the_rights_words_after_its_mark_is_the_sites_notice() -> None:
    """_site_notice searches the rights' words anywhere in the line: its pattern was
    shadowed by the holder's anchored ``_RIGHTS`` defined later in the module."""
    assert mt._site_notice("Foto: © Stadtverwaltung. Alle Rechte vorbehalten")
    assert not mt._site_notice("Visualisierung: © Landratsamt Lindenau")


def test_a_roman_first_heading_has_its_next() -> None:
    """ "I. " (read as a letter) is followed by "II. " in an outline, as "II. " by "III. "."""
    m = mt._OUTLINE_LABEL.match("I. Einleitung")
    assert m is not None and "II. " in mt._outline_next(m)


def test_a_markup_date_stands_over_no_rendering_line(tmp_path: Path, monkeypatch) -> None:
    """opening_date_lines: with the markup's date chosen (line -1), a date line of another
    day opening the text leaves it wherever it stands in the rendering: the markup date
    was read as a line right over the rendering's first lines, and the line stayed there
    only."""
    monkeypatch.chdir(tmp_path)
    body = " ".join(
        ["The council met on Tuesday evening and voted on the budget for the coming year."] * 4
    )
    above = ("", "<h2>Council news</h2><p>Local stories from the town hall</p>")
    texts = []
    for extra in above:
        html = (
            "<html><head><title>Council passes budget</title>"
            '<meta property="article:published_time" content="2024-05-01T08:00:00Z"></head>'
            f"<body>{extra}<article><p>3 May 2024</p><h1>Council passes budget</h1>"
            f"<p>{body}</p><p>{body}</p></article></body></html>"
        )
        with Cleaner(disable=["dedup"]) as c:
            texts.append(c.clean(html).record["text"])  # type: ignore[attr-defined]
    assert [t.startswith("3 May 2024") for t in texts] == [False, False]
