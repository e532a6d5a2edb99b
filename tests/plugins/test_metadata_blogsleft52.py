# ruff: noqa: E501
"""Metadata left over from session 51's acceptance test acc-blogs (session 52): a blog's
byline without its word in the post's header (Substack, Ghost, developer blogs; a Greek and
an Armenian news byline of s50 acc-scripts), with the guards that keep a section's, a
label's or a photo credit's name out, and the headline's line that is a blog byline."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import extract, extract_lines

_PROSE = [
    "For six years I logged every coffee, every bus fare and every forgotten subscription in a spreadsheet with forty-one categories.",
    "Then, last spring, I stopped, because I noticed that the tracking had become the point and the saving had not.",
    "What I do instead fits on an index card, and it takes me ten minutes on the first Sunday of each month.",
]


def _page(*head: str, tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*head, *_PROSE, *tail]) + "\n"


@pytest.mark.parametrize(
    ("head", "name"),
    [
        # Substack: headline, dek, name, date, counts
        (
            (
                "The Slow Ledger",
                "Why I stopped tracking every penny",
                "Budgeting apps promised me control and gave me a second job instead.",
                "Hannah Okafor",
                "Nov 19, 2026",
                "148",
                "Share",
            ),
            "Hannah Okafor",
        ),
        # a developer blog: headline, name, date, read time
        (
            (
                "Entwicklerblog",
                "Protokolle statt Vererbung in Python",
                "Stefan Albrecht",
                "06.11.2026",
                "Lesezeit: 8 Min.",
            ),
            "Stefan Albrecht",
        ),
        # the name on the date's line, after a mark, a surname's particles in it
        (
            (
                "jvdm.dev",
                "Five Makefile tricks I use in every project",
                "2026-11-11 · Jeroen van der Meer",
                "5 minute read",
            ),
            "Jeroen van der Meer",
        ),
        # Greek and Armenian news bylines (s50 acc-scripts el-1, hy-1)
        (
            (
                "Γραμμή 4 του Μετρό: Πότε ανοίγουν οι σταθμοί",
                "Γιάννης Παπαδόπουλος",
                "24.11.2026 • 08:15",
            ),
            "Γιάννης Παπαδόπουλος",
        ),
        (
            (
                "Երևանի մետրոյում նոր վագոններ կշահագործվեն",
                "Անի Սարգսյան",
                "23 նոյեմբերի 2026, 11:05",
            ),
            "Անի Սարգսյան",
        ),
    ],
)
def test_a_header_name_next_to_the_date_is_the_author(head: tuple[str, ...], name: str) -> None:
    """A name alone between the headline (or its dek) and the date, the way blog platforms
    write their bylines, is the author; its line leaves the text."""
    res = extract(_page(*head, tail=(f"© 2026 {name}",)))
    assert res["authors"] == [name]
    assert res["lines"]["authors"]


def test_a_glued_byline_word_is_taken_off() -> None:
    """ "ByAlex Bozarjian" (a rendering of "<span>By</span><a>Alex ...</a>") is Alex Bozarjian."""
    res = extract(
        _page(
            "Salon chain bans men from entering any of its locations",
            "ByAlex Bozarjian",
            "Thursday, November 9, 2023 4:41AM",
        )
    )
    assert res["authors"] == ["Alex Bozarjian"]


@pytest.mark.parametrize(
    "head",
    [
        # a section's label, written again in the menu
        (
            "Home",
            "World",
            "Premier League",
            "Arsenal beat Everton on the final day of the season",
            "Premier League",
            "19 May 2024",
        ),
        # an outlet's name, a word of it written in small letters in the text ("house")
        ("White House", "19 May 2024"),
        # a table's rows: a label and its value over "Datum 28.01.2022"
        ("Ort Saarbrücken", "Datum 28.01.2022"),
        # the byline is the date line's; the name under it is a photo's credit
        ("8. Januar 2020 · by Aureliana · in Gefühle", "Priscilla Du Preez"),
        # a byline and a category run on after the date, no mark between
        ("30. Oktober 2023 Carola Pönisch Kultur",),
        # an agency after its byline word (find_authors refuses it)
        ("By Reuters", "February 22, 2024 5:03 PM GMT"),
        # a name word of the headline
        ("Arsenal Stadium", "19 May 2024"),
        # a sidebar's heading over the date (trafeval youhadmeatgardening)
        ("Recent Posts", "19 May 2024"),
    ],
)
def test_no_header_name_without_a_name_s_shape(head: tuple[str, ...]) -> None:
    """A wrong author is worse than none: these header lines give no author."""
    title = (
        "Arsenal Stadium to be rebuilt by 2030"
        if "Arsenal Stadium" in head
        else "The bakery that kept its starter alive"
    )
    lines = [*head] if "Premier League" in head else [title, *head]
    text = _page(*lines, tail=("The house on the corner is closed on Sundays.",))
    assert extract(text)["authors"] == []


def test_no_header_name_without_a_date_next_to_it() -> None:
    """A name-shaped line under the headline with no date next to it is no byline."""
    assert (
        extract(_page("Why I stopped tracking every penny", "Hannah Okafor", "Share"))["authors"]
        == []
    )


@pytest.mark.parametrize("head", ["Posted by Oliver Brandt at 10:14 AM", "Oliver Brandt · Follow"])
def test_the_headline_s_line_is_no_blog_byline(head: str) -> None:
    """The marked headline's line is no byline: the guard of "De Elfstedenroute in drie
    dagen" ran the blog byline again and got the same line."""
    res, _ = extract_lines(_page(head), headline=0)
    assert res["title"] == head
    assert res["authors"] == []


_PROSE_IT = [
    "Ho provato a coltivare i pomodori sul balcone per tre estati di fila, e ogni anno ho imparato qualcosa di nuovo sul sole e sull'acqua.",
    "Quest'anno ho scelto varietà più piccole, che reggono meglio il vento e maturano prima delle piogge di settembre.",
]


def test_a_year_less_month_day_is_read_in_the_header_only() -> None:
    """ "Set 2" is September 2 in Italian and Portuguese short forms, and an ordinary word
    ("Set 2" of a workout): read against the capture only where a post's header writes its
    date, next to its read time or byline (s51 acc-blogs B15)."""
    header = (
        "\n\n".join(
            [
                "Pomodori sul balcone",
                "Giulia Neri · Segui",
                "5 min di lettura",
                "·",
                "Set 2",
                *_PROSE_IT,
            ]
        )
        + "\n"
    )
    assert extract(header, capture_date="2025-10-01")["published"] == "2025-09-02"
    workout = (
        "\n\n".join(
            [
                "Allenamento di oggi",
                "Set 2",
                "Dieci ripetizioni di squat, poi una pausa di due minuti prima della serie successiva.",
                *_PROSE_IT,
            ]
        )
        + "\n"
    )
    assert extract(workout, capture_date="2025-10-01")["published"] is None
