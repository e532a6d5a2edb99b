"""Text titles on unseen pages (session 48): lines that are page furniture by what the
page itself shows of them (a copyright notice shown once without its mark, a picture's
caption that ends with its agency's credit, a teaser under a related articles' label) are
no title."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import (
    Page,
    TitlePool,
    _credited_caption,
    _title_feats,
    _unsigned_copyright,
    extract,
    no_title_lines,
)

_BODY = (
    "The foundation's latest tax filing, posted online this week, shows that it transferred "
    "money to entities owned by its president, which the law forbids.\n\n"
    "Tax experts said the admission could bring penalties, although the amounts involved are "
    "small compared with the foundation's annual budget and its reported donations.\n\n"
    "A spokeswoman for the foundation did not answer questions sent by e-mail on Monday.\n"
)

# (the header's link to the home page reads "1996-2024 The Harbour Times", the footer's
# notice "© 1996-2024 The Harbour Times": the tuning set's Washington Post page)
_LINKED_NOTICE = (
    "Sections\n\nSign In\n\nharbourtimes.com\n\n1996-2024 The Harbour Times\n\n"
    "Terms of Service\n\nPrivacy Policy\n\nGot it\n\nPolitics\n\n"
    "Harbour Foundation admits to breaking ban on self-dealing, new filing shows\n\n"
    "The inside track on harbour politics.\n\n" + _BODY + "\nContact us\n\n"
    "© 1996-2024 The Harbour Times\n"
)


def test_a_copyright_notice_shown_without_its_mark_is_no_candidate() -> None:
    """The notice's years and holder, a line of their own without "©", are the page's
    copyright notice when the page writes them after the mark elsewhere; the headline stays
    a candidate."""
    cands = [s for _, s, _ in _title_feats(Page(_LINKED_NOTICE))]
    assert "1996-2024 The Harbour Times" not in cands
    assert "Harbour Foundation admits to breaking ban on self-dealing, new filing shows" in cands


@pytest.mark.parametrize(
    ("line", "text", "notice"),
    [
        ("1996-2016 The Washington Post", "x\n© 1996-2016 The Washington Post\n", True),
        ("2024 Harbour Times", "x\nCopyright 2024 Harbour Times. All rights reserved.\n", True),
        ("2024 Harbour Times", "x\n(c) 2024 Harbour Times\n", True),
        # (a headline that opens with a year, with no mark before it anywhere)
        ("2018 Boys State Swim Results", "x\n2018 Boys State Swim Results\n© 2018 Sports\n", False),
        # (a line that opens with no year is not searched for)
        ("The Harbour Times", "© The Harbour Times\n", False),
    ],
)
def test_unsigned_copyright(line: str, text: str, notice: bool) -> None:
    assert _unsigned_copyright(text, line) is notice


def test_a_notice_that_goes_on_past_the_line_is_not_its_notice() -> None:
    """A notice whose holder goes on ("... Awards Ltd") is not the line's notice."""
    text = "x\n© 2024 Harbour Times Awards Ltd\n"
    assert not _unsigned_copyright(text, "2024 Harbour Times Awards")


# (an excerpt of a Spanish dev page: the caption under the date line, its agency after its
# full stop, was the title)
_CAPTIONED = (
    "Secciones\n\nOpinión\n\nEL PAÍS\n\nCiencia\n\nCAMBIO CLIMÁTICO\n\n"
    "¿Ha llegado realmente la Antártida a los 20 grados?\n\n"
    "Los científicos cuestionan el reciente récord de temperatura y advierten de que lo más "
    "importante es la tendencia gradual al calentamiento que afecta al continente desde hace "
    "60 años\n\n"
    "Compartir en Facebook\n\nCompartir en Twitter\n\nVer comentarios\n\nGuardar\n\nImprimir\n\n"
    "Nuño Domínguez\n\nTwitter\n\n19 FEB 2020 - 18:37 CET\n\n"
    "Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE\n\n"
    "Que en la Antártida se registren temperaturas de más de 20 grados y haga tiempo de estar "
    "en camiseta no tiene por qué deberse al cambio climático.\n\n"
    "El continente helado sigue siendo un lugar tan remoto e inaccesible para la inmensa "
    "mayoría de personas que se tiende a verlo como un todo y a olvidar que se trata de un "
    "descomunal territorio.\n\n"
    "El pasado 6 de febrero, un termómetro en la base antártica argentina de Esperanza alcanzó "
    "una temperatura de 18,4 grados, la más alta registrada desde 1961, según informó el "
    "servicio.\n"
)


def test_a_caption_with_its_agencys_credit_is_no_title() -> None:
    """The caption ("... pasado. EFE") is no candidate: the headline over the standfirst is
    the title."""
    assert extract(_CAPTIONED)["title"] == "¿Ha llegado realmente la Antártida a los 20 grados?"


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE", True),
        ("Firefighters at the scene on Monday. AP", True),
        ("Demonstranten vor dem Kanzleramt in Berlin. dpa", True),
        # (an abbreviation's point, not a sentence's end; an agency named in a headline)
        ("Trade talks stall in the U.S. AP", False),
        ("Reuters wins award. Big day for the agency", False),
        ("Council approves budget. Mayor speaks", False),
    ],
)
def test_credited_caption(line: str, caption: bool) -> None:
    assert _credited_caption(line) is caption


# (an excerpt of a German dev page: the related articles' box under the story, its first
# teaser's date then its headline)
_RELATED_BOX = (
    "Startseite\n\nAktuelles\n\nKontakt\n\nAktuelles\n\n"
    "Startseite » Aktuelles » DFV auf der Vorbereitungstagung der Interkulturellen Woche\n\n"
    "DFV auf der Vorbereitungstagung der Interkulturellen Woche\n\n04.02.2022\n\n"
    "Information\n\nProjekt\n\nVeranstaltung\n\nVerband\n\n"
    "Die bundesweite Vorbereitungstagung der Interkulturellen Woche 2022 findet am 11. und 12. "
    "Februar im Online-Format statt; das DFV-Projekt „Faktor 112“ wird daran teilnehmen. "
    "Geplant sind unter anderem Vorträge und Workshops zu Vielfalt im Ehrenamt.\n\n"
    "Beitrag teilen:\n\nÄhnliche Artikel\n\n03.02.2022\n\n"
    "DFV-Experte Carsten Schneider bei WISO zum Thema TPS-eCall\n\n"
    "DFV-Experte Carsten Schneider war bei WISO zum Thema TPS-eCall dabei: „Die fehlende "
    "Umsetzung der europäischen Vorgaben…\n\nweiterlesen\n"
)

# (a site's "More from ..." link over its sections and the headline: a menu, no box)
_MORE_FROM_MENU = (
    "MORE FROM THE HARBOUR\n\nDream Team\n\nBingo\n\nJobs\n\nNews\n\nPolitics\n\n"
    "Harbour minister racks up £11k roaming charges on his tablet abroad\n\nLewis Mckenzie\n\n"
    "Published: 17:55, 8 Nov 2023\n\n"
    "A harbour minister racked up roaming charges of eleven thousand pounds abroad after "
    "failing to switch to a new provider, it has emerged.\n\n"
    "He travelled to the North African nation for a week-long holiday in January this year, "
    "officials said.\n"
)


@pytest.mark.parametrize(
    ("text", "teaser", "headline"),
    [
        (
            _RELATED_BOX,
            "DFV-Experte Carsten Schneider bei WISO zum Thema TPS-eCall",
            "DFV auf der Vorbereitungstagung der Interkulturellen Woche",
        ),
        (
            _MORE_FROM_MENU,
            None,
            "Harbour minister racks up £11k roaming charges on his tablet abroad",
        ),
    ],
)
def test_a_teaser_under_a_related_articles_label_is_no_title(
    text: str, teaser: str | None, headline: str
) -> None:
    """The headline under a box's label ("Ähnliche Artikel") is another article's; above
    the story a site's "More from ..." link is a menu's, and the headline under it stays."""
    page = Page(text)
    pool = TitlePool(page)
    no = no_title_lines(page, pool)
    excluded = {t for _, i, t in pool.cands if i in no}
    assert headline not in excluded
    if teaser is not None:
        assert teaser in excluded
