"""Regressions of session 49 fixed in session 50 (tester acc-regress's R-findings): a British
page's "03/04/2026 5:30pm" read month first (R5). Small pages written after the tester's."""

from __future__ import annotations

from pathlib import Path

import pytest

from corearchive import Cleaner
from corearchive_plugins.metadata.text import (
    Page,
    _menu_line,
    _story_head,
    day_first_locale,
    extract_lines,
)

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


def test_a_home_page_whose_feed_item_is_vetoed_gets_no_menu_item_as_title() -> None:
    """R6: on a news home page (a menu, then a feed: a time over each headline) the feed's
    first headline is vetoed as title; the ranker then took a menu's item ("Deportes") or
    the feed's time ("2:21 pm"). The page has no headline of its own: no title."""
    items = [
        ("2:21 pm", "Alcalde: «La reapertura del puerto ha devuelto el empleo a la ciudad»",
         "El alcalde del municipio aseguró que «la reapertura del puerto ha devuelto el "
         "empleo a la ciudad», al tiempo que estimó que la temporada será la mejor en años."),
        ("1:52 pm", "Gobernación anuncia nuevas rutas de transporte hacia la costa",
         "La gobernación del estado anunció este miércoles tres nuevas rutas de transporte "
         "público que conectarán la capital con los pueblos de la costa a partir de..."),
        ("1:30 pm", "¿Por qué subió el precio del pan esta semana?",
         "El precio del pan subió un diez por ciento esta semana en la mayoría de las "
         "panaderías de la ciudad, según un sondeo realizado por la cámara de..."),
        ("12:47 pm", "Equipo local avanza a la final de la copa regional",
         "Con un gol en el último minuto, el equipo local avanzó a la final de la copa "
         "regional por primera vez en veinte años, para alegría de sus..."),
    ]  # fmt: skip
    menu = ["Miércoles, 15 de Abril de 2020", "Al Día", "Resumen", "Costa", "Política",
            "Nacionales", "Economía", "Opinión", "Especiales", "Farándula", "Deportes",
            "Internacionales"]  # fmt: skip
    feed = "\n\n".join(f"{t}\n\n{h}\n\nAgencias\n\n{s}\n\nVer noticia" for t, h, s in items)
    text = "\n\n".join(menu) + "\n\n" + feed + "\n\n© 2020 Diario de la Costa\n"
    assert extract_lines(text)[0]["title"] is None
    page = Page(text)
    assert _menu_line(page, page.lines.index("Deportes"))
    assert not _menu_line(page, page.lines.index(items[3][1]))
