"""Regressions of session 47 fixed in session 48 (tester regress48's R-findings): a
heading over a paragraph that mentions cookies once (R3), a page's last short section's
heading refused as a pop-up's title (R3). Excerpts of the tester's pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage

_DATA = Path(__file__).parent / "data"


def _text_page(run_stage: Any, lines: list[str]) -> tuple[list[str], dict[str, str]]:
    run = run_stage(BoilerplateStage, make_document("\n\n".join(lines)), keep_removed=True)
    doc = run.kept[0]
    gone = doc.annotations["boilerplate"]["removed"]
    return doc.text.split("\n"), dict(zip(gone["text"], gone["reason"], strict=True))


def test_a_heading_over_a_long_paragraph_that_mentions_cookies_is_kept():
    """R3: the notice guard asked whether the paragraph named cookies anywhere; a section on
    taste receptors that says "cookie" in its 130th word lost its heading (aeb bdb56ac8).
    A line of a notice's length that names cookies, or a notice's wording, still counts."""
    from corearchive_plugins.boilerplate import _notice_text

    para = " ".join(["The receptors respond to sugars and fats in many different foods."] * 12)
    assert not _notice_text(para + " A cookie is one of them.")
    assert _notice_text("This website uses cookies to improve your experience.")
    assert _notice_text(
        para + " This website uses cookies to improve your experience, accept them to go on."
    )


def test_a_last_sections_heading_over_a_short_paragraph_is_kept(run_stage):
    """R3: a lone heading over a short paragraph with chrome under it was refused as a
    pop-up's title ("Attending this event", acc-gov event-en-1); a pop-up's title is
    refused by its words ("Story Saved", the s47 test still passes)."""
    page = (_DATA / "regfix48_event_en.txt").read_text()
    kept, _ = _text_page(run_stage, [page])
    assert "Attending this event" in kept
    assert any(x.startswith("This event is free to attend") for x in kept)


def test_a_tools_word_by_a_button_or_as_a_menus_item_is_a_tool():
    """R4: a tool's word alone was a tool only in a run of known tools: "Печать" over
    "Поделиться", "Stampa" over "Esporta" (buttons the patterns do not know) and w3m's menu
    item "• Contraste renforcé" were kept; a heading over its paragraph still is none."""
    from corearchive_plugins.boilerplate.pagetools import tool_lines

    para = "A paragraph of the article's text that the line model kept, with its sentence."
    lines = ["Дата публикации: 12.03.2025", "Печать", "Поделиться", para]
    assert tool_lines(lines, [1, 3], [False, True, False, True]) == [1]
    lines = [para, "Stampa", "Esporta", "Vai all'articolo successivo"]
    assert tool_lines(lines, [0, 1], [True, True, False, False]) == [1]
    lines = ["• Agenda", "• Contraste renforcé", para]
    assert tool_lines(lines, [1, 2], [False, True, True]) == [1]
    lines = [para, "Captions", para]
    assert tool_lines(lines, [0, 1, 2], [True, True, True]) == []


def test_a_tables_caption_over_its_header_is_kept():
    """R9: a lynx table's caption over its header row (labels, "Miete je m²": no figure)
    was no caption of a row once the header no longer read as a row (acc-data
    de-mieten-daten)."""
    from corearchive_plugins.boilerplate.apparatus import table_apparatus

    lines = [
        "Am stärksten legten die Mieten in Städten zwischen 50.000 und 200.000 Einwohnern zu.",
        "CAPTION: Tabelle: Die stärksten Anstiege der Angebotsmieten 2024",
        "Rang       Stadt       Miete je m² Veränderung",
        "1   Neuss             11,90 €     +10,4 %",
        "2   Leverkusen        10,80 €     +9,8 %",
    ]
    assert table_apparatus(lines, [True, False, True, True, True]) == [1]
