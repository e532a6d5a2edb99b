"""Regressions of session 49 fixed in session 50 (tester acc-regress's R-findings): a British
page's "03/04/2026 5:30pm" read month first (R5). Small pages written after the tester's."""

from __future__ import annotations

from pathlib import Path

import pytest

from corearchive import Cleaner
from corearchive_plugins.metadata.text import day_first_locale, extract_lines

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
