"""Metadata stage: the s46 code review's findings (acc-read F3, F4, F11, F12): agency
credits that are people, pictures, clubs or parties; a French headline that quotes; markup
modification times that are no day; Russian names written surname first; and (acc-data
D11) bylines joined by "и", "i", "ve"."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import _never_title, extract, parse_authors
from corearchive_plugins.metadata.wire import credit, credits, split_authors
from tests.plugins.test_metadata_genres44 import _RU_INTERVIEW

_PARAS = [
    "The restaurant has served the same lunch menu for forty years, and the regulars like "
    "it that way, the owner said on a grey Tuesday.",
    "A plate of potted shrimps came first, then a pie that took half an hour to arrive and "
    "was worth every minute of the wait.",
]


@pytest.mark.parametrize(
    "line",
    ["AFP Photo", "Reuters Graphics", "AP Images", "EFE Foto", "By AP Herbert", "By AA Gill"],
)
def test_a_picture_credit_or_a_persons_initials_is_no_agency(line: str) -> None:
    """F3: the desk's city after an agency ("AFP Paris") took any capitalised word."""
    assert credit(line) == []


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("AFP Paris", "AFP"),
        ("dpa Berlin", "dpa"),
        ("AFP", "AFP"),
        # (a two-letter name with its desk's city, no "By": s46 midrev M3)
        ("AP Washington", "AP"),
        ("AA Ankara", "Anadolu"),
    ],
)
def test_an_agency_with_its_desks_city_is_a_credit(line: str, agency: str) -> None:
    assert credit(line) == [agency]


def test_a_columnist_with_initials_is_the_author() -> None:
    text = "\n".join(["Table talk: a long lunch at the Ivy", "By AA Gill", *_PARAS])
    got = extract(text)
    assert got["authors"] == ["AA Gill"]
    assert split_authors(["AA Gill"]) == (["AA Gill"], [])
    assert credits(["Table talk: a long lunch at the Ivy", "By AA Gill"], 0) == []


def test_the_aa_of_a_british_page_is_the_automobile_association() -> None:
    lines = ["Petrol prices hit a record high", "Source: AA"]
    assert credits(lines, 0, [], british=True) == []
    assert credits(lines, 0, []) == ["Anadolu"]


def test_a_party_in_parentheses_after_a_comma_is_no_dateline() -> None:
    lead = "In Singapore, the ruling party (PAP) won 87 of the 97 seats on Saturday."
    assert credits(["Election result"], 0, [lead]) == []


def test_a_french_headline_that_quotes_is_the_title() -> None:
    """F4: the two-step breadcrumb rule took "« Je reste » : …" for a trail."""
    text = "\n".join(
        ["« Je reste » : Biden insiste", "Par Jeanne Martin", "Publié le 5 juillet 2024", *_PARAS]
    )
    assert extract(text)["title"] == "« Je reste » : Biden insiste"


@pytest.mark.parametrize("value", ["0000-00-00 00:00:00", "2024-02-30 10:00:00"])
def test_a_modification_time_that_is_no_day_is_not_recorded(run_stage, value: str) -> None:  # type: ignore[no-untyped-def]
    """F11: WordPress's zero date and February 30 were the page's update."""
    page = (
        "<html><head><title>Harbour repairs begin</title>"
        f"<meta property='article:modified_time' content='{value}'></head>"
        "<body><article><h1>Harbour repairs begin</h1><p>Work on the harbour wall started on "
        "Monday and will take about six months, the council said in a statement.</p><p>Boats "
        "will be moved to the outer basin while the cranes are in place.</p></article></body>"
        "</html>"
    )
    doc = make_document(page, html=True, uri="https://harbour.example/repairs")
    doc = run_stage(MetadataStage, doc).kept[0]
    assert "updated" not in doc.annotations["metadata"]


@pytest.mark.parametrize(
    ("name", "authors"),
    [
        ("Петров Сергей", ["Петров Сергей"]),
        ("Иванова Мария", ["Иванова Мария"]),
        ("Соколов Андрей", ["Соколов Андрей"]),
        ("Сергиев Посад", []),
        ("Ростов Великий", []),
    ],
)
def test_a_russian_name_surname_first_is_the_byline(name: str, authors: list[str]) -> None:
    """F12: only surnames in -енко/-ук/-ич were read first."""
    assert extract(_RU_INTERVIEW.format(name=name))["authors"] == authors


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Анна Смирнова и Илья Воронов", ["Анна Смирнова", "Илья Воронов"]),
        ("Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
        ("Ahmet Yılmaz ve Ayşe Kaya", ["Ahmet Yılmaz", "Ayşe Kaya"]),
        # (a middle initial is no conjunction; a desk's name with "and" is no two people)
        ("Robert I. Smith and Jane Doe", ["Robert I. Smith", "Jane Doe"]),
        ("Finance and Performance Team", []),
    ],
)
def test_bylines_joined_by_the_and_of_more_languages(byline: str, names: list[str]) -> None:
    """s46 acc-data D11: "и" was no conjunction; a team's name was split at "and"."""
    assert parse_authors(byline) == names


@pytest.mark.parametrize(
    "line",
    [
        "Saltar al contenido principal",
        "Saltar al contenido principalIr al menú",
        "Перейти к основному содержанию",
        "Table 1: Biggest rent rises, two-bedroom homes, 2023–2024",
        "CAPTION: Las mayores subidas del alquiler",
        "[1] Home Office, Crime outcomes in England and Wales, 2023 to 2024.",
        "Juni 2022: Das 9-Euro-Ticket startet für drei Monate.",
        "1998 — The first plan is published.",
    ],
)
def test_skip_links_captions_references_and_timeline_entries_are_no_titles(line: str) -> None:
    """s46 acc-data D4, D5: the titles of data stories, FAQ and easy-read pages."""
    assert _never_title(line)[0]


@pytest.mark.parametrize(
    "line",
    [
        "Tablet sales rise 5%",
        "Map of the world",
        "2024: The year in review",
        "Brexit 2020: what changes",
        # (s46 midrev M1, M2: any two words before the year; a skip word without its target)
        "Euro 2024: England beat Spain in final.",
        "Jump to conclusions: why we rush to judge",
        "Перейти к цифре: как банки считают проценты",
    ],
)
def test_headlines_that_open_alike_are_titles(line: str) -> None:
    assert not _never_title(line)[0]


def test_a_data_storys_headline_beats_its_tables_caption() -> None:
    text = "\n".join(
        [
            "Housing",
            "Rents have risen fastest in the towns nobody talks about",
            "By Priya Raman",
            "2 March 2025",
            *_PARAS,
            "Table 1: Biggest rent rises, two-bedroom homes, 2023–2024",
            "Town Rise",
            "Northby 14%",
            "Eastwick 12%",
        ]
    )
    assert extract(text)["title"] == "Rents have risen fastest in the towns nobody talks about"


_ELECTION = (
    "Election results\nBy Ann Lee\n3 May 2025\nThe council said the results were counted "
    "overnight and published in full on Friday morning.\nTurnout rose to forty per cent, the "
    "highest since the ward boundaries were redrawn.\n{label}\n{tags}\nShare\n"
)


@pytest.mark.parametrize(
    ("label", "tags", "want"),
    [
        ("Topics", "Local elections 2025\nNorthshire", ["Local elections 2025", "Northshire"]),
        ("Categories", "Elections\nNorthshire", ["Elections", "Northshire"]),
        ("Рубрики", "Выборы 2025\nГородская дума", ["Выборы 2025", "Городская дума"]),
        # (a date or a phone number under the label is no tag)
        ("Topics", "Northshire\nMarch 2025", []),
        ("Topics", "Northshire\nTel 0123 4567", []),
    ],
)
def test_tags_with_a_year_and_category_labels(label: str, tags: str, want: list[str]) -> None:
    """s46 acc-data D9: a tag with a year ended the run; "Categories" was no label."""
    assert extract(_ELECTION.format(label=label, tags=tags))["tags"] == want


def test_a_wikis_category_list_ends_at_its_navigation_menu() -> None:
    tail = (
        "Category:\n\nMarriage candidates\n\nNavigation menu\n\nPersonal tools\n\nCreate account\n"
    )
    text = _ELECTION.split("{label}")[0] + tail
    assert extract(text)["tags"] == ["Marriage candidates"]


def test_a_copyright_line_with_its_year_ends_a_tag_run() -> None:
    """s46 midrev M6: a year in a tag let "© 2024 Daily Gazette" and the footer go on."""
    tags = "Elections\nNorthshire\n© 2024 Daily Gazette\nPrivacy policy"
    assert extract(_ELECTION.format(label="Topics", tags=tags))["tags"] == [
        "Elections",
        "Northshire",
    ]
