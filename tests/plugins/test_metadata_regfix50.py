"""Regressions of session 49 fixed in session 50 (tester acc-regress's R-findings): a British
page's "03/04/2026 5:30pm" read month first (R5). Small pages written after the tester's."""

from __future__ import annotations

from pathlib import Path

import pytest

from corearchive import Cleaner
from corearchive_plugins.metadata.text import Page, _story_head, day_first_locale, extract_lines

_PAGE = (
    '<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
    "<title>Ferry crossings cancelled as gales hit the coast | Coast Gazette</title></head>"
    "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article>"
    "<h1>Ferry crossings cancelled as gales hit the coast</h1>"
    '<p class="date">03/04/2026 5:30pm</p>'
    "<p>All ferry crossings from the harbour were cancelled on Friday afternoon as gales of "
    "up to 70mph swept along the coast, the operator said.</p>"
    "<p>Passengers were told to check the website before travelling on Saturday, when "
    "services are expected to resume once the wind drops.</p>"
    "</article></main><footer>© 2026 Coast Gazette</footer></body></html>"
)


@pytest.mark.parametrize(
    ("lang", "day"), [("en-GB", "2026-04-03"), ("en-IN", "2026-04-03"), ("en-US", "2026-03-04")]
)
def test_a_day_first_regions_am_pm_date_is_read_day_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, day: str
) -> None:
    """R5: a page whose language tag names a day-first country (the UK, India) writes
    "03/04/2026 5:30pm" day first, AM/PM or not; the undotted AM/PM read it month first,
    in HTML over htmldate's right answer. A US page's stays month first."""
    monkeypatch.chdir(tmp_path)
    with Cleaner(disable=["dedup"]) as c:
        got = c.clean(_PAGE.format(lang=lang))
    assert got.record["published"].startswith(day)  # type: ignore[attr-defined]


def test_a_declared_day_first_region_keeps_the_text_reader_day_first() -> None:
    """The same on the text path, when the dump declares the language (``day_first``)."""
    text = (
        "Ferry crossings cancelled as gales hit the coast\n03/04/2026 5:30pm\n"
        "All ferry crossings from the harbour were cancelled on Friday afternoon as gales of "
        "up to 70mph swept along the coast, the operator said. Passengers were told to check "
        "the website before travelling, and the company said that services would resume.\n"
    )
    assert extract_lines(text, day_first=True)[0]["published"].startswith("2026-04-03")
    assert day_first_locale(["en_GB"]) and day_first_locale([None, "en-au"])
    assert not day_first_locale(["en-US", "en", "de", None])


def test_a_cookie_notice_over_a_press_release_is_no_story_paragraph() -> None:
    """R7: the cookie notice's sentence on the page's first line counted as the story's
    first paragraph, so the release's headline under it stood "away from the story's
    head", and a line under the story that would have won (the publication's title) left
    the page with no title (acc-gov uni-de-1). A cookie banner's heading over its own
    notice is still away from the story."""
    story = (
        "Pressemitteilung Nr. 41/2024\n3. Juni 2024\n"
        "Neues Verfahren erkennt Pilzbefall an Buchen früher\n"
        "Forschende der Hochschule Lindenau haben ein Verfahren entwickelt, mit dem sich ein "
        "Pilzbefall an Buchen Wochen früher erkennen lässt als mit bisherigen Methoden.\n"
        "Das Team wertete dafür Luftbilder von mehr als 2.000 Bäumen aus, die über drei "
        "Sommer hinweg aufgenommen wurden.\n"
    )
    menu = "Verstanden\nZum Inhalt springen\nHochschule Lindenau\nStudium\nForschung\n"
    text = (
        "Diese Website verwendet Cookies. Mit der Nutzung der Website stimmen Sie der "
        "Verwendung zu.\n" + menu + story
    )
    page = Page(text)
    line = page.lines.index("Neues Verfahren erkennt Pilzbefall an Buchen früher")
    assert _story_head(page, line, page.lines[line])
    banner = (
        "Tell us whether you accept cookies\n"
        "We use cookies to collect information about how you use this website.\n"
        "Accept all cookies\nSet cookie preferences\nHome\nNews\nContact us\nYour council\n"
        "Bins\nSchools\nRoads\nCouncil tax\n" + story
    )
    page = Page(banner)
    assert not _story_head(page, 0, page.lines[0])
