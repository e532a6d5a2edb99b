"""Regressions of session 47 fixed in session 48 (tester regress48's R-findings): an events
calendar's first event removed as the dateline (R2b), an event's date line removed from an
HTML page's text once it opened it (R7)."""

from __future__ import annotations

from pathlib import Path

from corearchive import Cleaner
from corearchive_plugins.metadata.text import extract

_CALENDAR = """  • Home
  • News
  • About us

Veranstaltungen im März 2025

  • 01.03.2025 – Lesung: Neue Stimmen aus dem Schwarzwald, Stadtbibliothek, 19 Uhr
  • 08.03.2025 – Konzert zum Frauentag, Konzerthaus, 20 Uhr
  • 15.03.2025 – Flohmarkt auf dem Stühlinger Kirchplatz, 9 bis 16 Uhr

© 2025 Example Media Ltd. All rights reserved.
"""


def test_an_events_calendars_first_event_stays() -> None:
    """R2b: the first event's line was the chosen date's and left the text alone, as the
    other events' lines (other days) no longer went with it (s44 non-article calendar_de)."""
    res = extract(_CALENDAR)
    assert res["published"] == "2025-03-01"
    assert not res["lines"].get("published")
    # a dateline over a dated teaser stays metadata
    text = "Home\nA headline about the law\n12.03.2025\n14.03.2025 – Other story\n" + (
        "The meeting will bring together researchers from several disciplines to discuss "
        "how new methods are changing the way the field works.\n"
    )
    assert extract(text)["lines"].get("published") == [2]


def test_an_events_date_line_opening_an_html_text_stays(tmp_path: Path, monkeypatch) -> None:
    """R7: with the cookie banner gone, the event's "Data: 17 ottobre 2024, ore 9:30" was
    the text's first line and left it as a dateline (acc-gov event-it-1); the page's
    "Pubblicato il …" line still leaves."""
    monkeypatch.chdir(tmp_path)
    html = (Path(__file__).parent / "data" / "regfix48_event_it.html").read_text("utf-8")
    with Cleaner(disable=["dedup"]) as c:
        got = c.clean(html)
    text = got.record["text"]  # type: ignore[attr-defined]
    assert text.startswith("Data: 17 ottobre 2024, ore 9:30"), text
    assert "Pubblicato il" not in text and "cookie" not in text


def test_dated_questions_are_no_faq_under_a_boxs_label() -> None:
    """R12: a "latest news" box's questions, each under its date line, were read as a FAQ
    whose headline is the line over the first question's date: the box's label became a
    forum page's title (kinds k182_forum_fr)."""
    text = (
        "Forum des jardiniers\nAccueil\nBlog\n\nDernières actualités\n\n24 août 2023\n"
        "Feuilles de tomates qui jaunissent, que faire ?\n\n15 octobre 2025\n"
        "Comment bien refaire le joint d'un receveur de douche ?\n\n"
        "Le dérailleur arrière saute sans arrêt\n\n13 janvier 2025\n\n"
        "Bonjour à tous, j'ai ce problème depuis environ deux semaines et je ne sais plus "
        "quoi faire. J'ai déjà essayé les choses évidentes mais rien n'a fonctionné.\n"
    )
    assert extract(text)["title"] != "Dernières actualités"
