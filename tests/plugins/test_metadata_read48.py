"""The text metadata readers on the code reader's cases of session 48 (acc-read F15-F18,
F22): two names as a headline, names under it, a bulletin's year, an image's
copyright credit; and two of the live-blog tester's (acc-live L10, L11)."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata import extract
from corearchive_plugins.metadata.text import _never_title, author_names, parse_authors

_PARA = (
    "The mathematician met the inventor at a party in London in 1833, when she was "
    "seventeen, and the two began a friendship and a correspondence that lasted for years.\n\n"
    "Her notes on his engine, published in 1843, contain what is often called the first "
    "computer program, a method for calculating numbers with the machine.\n"
)


@pytest.mark.parametrize(
    ("line", "never"),
    [
        ("Ada Lovelace and Charles Babbage", False),
        ("Fernando Alonso y Carlos Sainz", False),
        ("Annual Statistical Bulletin 2024", False),
        ("Weekly Bulletin 12", False),
        # (an author list with marks, or of three names, stays no headline; a reference
        # with its mark or in its "/" form too)
        ("Katharina Vogel¹ & Jonas Richter²", True),
        ("Laura Martínez, Tobias Keller and Anna Nowak", True),
        ("Pressemitteilung 88/2024", True),
        ("Bulletin No 12", True),
    ],
)
def test_never_title_names_and_numbers(line: str, never: bool) -> None:
    """Two people's names head a biography or an interview, a year or a count a
    bulletin: only marked or longer author lists and a document's reference are vetoed."""
    assert _never_title(line)[0] is never


@pytest.mark.parametrize(
    "title", ["Ada Lovelace and Charles Babbage", "Annual Statistical Bulletin 2024"]
)
def test_names_and_bulletin_headlines_are_titles(title: str) -> None:
    """These headlines were no title at all (None)."""
    assert extract(f"{title}\n\n{_PARA}")["title"] == title


def test_unmarked_author_list_under_a_headline() -> None:
    """Names under a headline without a byline's word are its authors: a paper's, a news
    story's ("Kevin Johnson and Kevin McCoy"); a review's cast line reads the same and is
    taken so too (acc-read F16 left: nothing in the line tells them apart)."""
    names = "Andrew Scott, Juliet Stevenson and Jessica Brown Findlay"
    res = extract(f"Performing Chekhov alone: a case study\n{names}\nAbstract\n{_PARA}")
    assert res["authors"] == ["Andrew Scott", "Juliet Stevenson", "Jessica Brown Findlay"]


@pytest.mark.parametrize(
    ("footer", "site"),
    [
        ("Visualisierung: © Landratsamt Lindenau", None),
        ("Foto: © Stadtverwaltung Lindenau", None),
        ("© 2025 Landratsamt Lindenau", "Landratsamt Lindenau"),
    ],
)
def test_image_credit_holder_is_no_site_name(footer: str, site: str | None) -> None:
    """A credit's "©" holder is the image's, not the site's name; the site's own notice
    (at the line's start, with a year) names it."""
    text = f"Neues Hallenbad öffnet im Herbst\n\nVon Martin Becker\n\n{_PARA}\n{footer}\n"
    assert extract(text)["site_name"] == site


def test_author_names_cached_value_is_immutable() -> None:
    """The cached names are shared by every page with the line: a tuple."""
    assert isinstance(author_names("Katharina Vogel¹ & Jonas Richter²"), tuple)


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("Maanvi Singh and Joan E Greve", ["Maanvi Singh", "Joan E Greve"]),
        ("Maria E Silva", ["Maria E Silva"]),
        ("Ana García y Luis Moreno", ["Ana García", "Luis Moreno"]),
        ("Marco Rossi e Giulia Bianchi", ["Marco Rossi", "Giulia Bianchi"]),
    ],
)
def test_middle_initial_is_no_conjunction(byline: str, want: list[str]) -> None:
    """A capital middle initial "E" or "Y" is a name's, the conjunctions "e" and "y" are
    written small (s48 acc-live L10)."""
    assert parse_authors(byline) == want


def test_italian_modified_on_is_an_update() -> None:
    """ "modifica il" (modified on) after the publication date is the update's cue: the
    first date was published (s48 acc-live L11)."""
    para = (
        "La squadra ha vinto la partita con un gol nel finale e ora guida la classifica con "
        "tre punti di vantaggio sulla seconda.\n\n"
    )
    text = (
        "Inter, vittoria nel finale contro il Torino\n\n"
        "22 aprile 2024 (modifica il 23 aprile 2024 | 00:31)\n\n" + para * 3
    )
    assert extract(text)["published"] == "2024-04-22"


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # (the day a law comes into force, named after the date: no publication date)
        ("Das Gesetz tritt am 1. Mai 2025 in Kraft.", None),
        ("2026年4月1日施行", None),
        # (a publication's strong cue keeps its date; a headline after a dateline's bar is
        # no clause of the date)
        ("Veröffentlicht am 1. Mai 2025, tritt in Kraft am 1. Juni", "2025-05-01"),
        ("1 May 2025 | New rules come into force", "2025-05-01"),
    ],
)
def test_entry_into_force_after_the_date(line: str, want: str | None) -> None:
    """An entry into force named right after a date makes it no publication date, the
    "am" before it notwithstanding (s48 acc-read F19)."""
    text = f"Neue Regeln für Balkonkraftwerke\n\n{line}\n\n{_PARA}"
    assert extract(text)["published"] == want
