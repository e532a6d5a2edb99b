"""Session 49's fixes of the code reading of session 48's metadata rules (s49 acc-read
F4, F5, F9, F10, F13, F14): small pages of the reader's inputs' shapes."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import _never_title, extract, parse_authors

# F4: a Chinese headline right over its paragraph read as a wrapped line


def test_a_chinese_headline_over_its_paragraph_is_the_title() -> None:
    text = (
        "北京发布暴雨红色预警\n"
        "受强降雨影响，北京市气象台今天上午将暴雨预警级别提升为红色，这是今年以来首次发布"
        "最高级别预警。全市中小学停课一天，多条地铁线路缩短运营时间，市民被要求尽量减少外出。\n"
        "气象部门表示，降雨将持续到明天夜间，局部地区累计降雨量可能超过三百毫米，山区需防范"
        "山洪和泥石流等次生灾害。\n"
        "应急管理部门已经在各区设立临时安置点，并调集救援力量前往重点区域待命。\n"
    )
    assert extract(text)["title"] == "北京发布暴雨红色预警"


# F5: a club's headline over a sub-story of the next label read as an outline's heading

_FC = (
    "1. FC Köln schlägt Bayern München mit 2:1\n"
    "Der 1. FC Köln hat am Samstag überraschend gegen den FC Bayern München gewonnen. "
    "Vor 50.000 Zuschauern trafen Müller und Schmitz für die Gastgeber.\n"
    "Trainer Weber lobte nach dem Spiel die Abwehr, die Bayern kaum eine Chance ließ, und "
    "sprach von einem verdienten Sieg seiner Mannschaft.\n"
    "2. Bundesliga: Hamburg gewinnt das Nordderby\n"
    "Der Hamburger SV hat das Nordderby gegen Hannover mit 3:0 gewonnen und bleibt oben dran.\n"
)


def test_a_numbered_club_headline_is_the_title() -> None:
    assert extract(_FC)["title"] == "1. FC Köln schlägt Bayern München mit 2:1"


def test_no_label_of_a_three_label_outline_is_the_title() -> None:
    """A round-up's headline over "1. …", "2. …", "3. …": the chain read forward vetoed
    only its first label, and the last one won the title (read50 F12)."""
    head = "Bundesliga am Wochenende: alle Spiele im Überblick"
    page = "\n\n".join(
        [
            head,
            "1. FC Köln schlägt Bayern München",
            "Der 1. FC Köln hat am Samstag überraschend gegen den FC Bayern München gewonnen "
            "und damit die Tabellenführung der Münchner in Gefahr gebracht.",
            "2. Bundesliga: Hamburg bleibt Spitze",
            "Der Hamburger SV hat auch sein zwölftes Heimspiel der Saison gewonnen und bleibt "
            "an der Spitze der Tabelle der zweiten Liga.",
            "3. Liga: Dresden verliert erneut",
            "Dynamo Dresden hat zum dritten Mal in Folge verloren, der Trainer steht nach dem "
            "Spiel nun stark in der Kritik der Fans.",
        ]
    )
    assert extract(page)["title"] == head


# F9: a byline in capitals joined by "Y"

_SEQUIA = (
    "Los embalses de Andalucía están al 20 por ciento de su capacidad, el nivel más bajo desde "
    "que hay registros. Los agricultores piden ayudas urgentes al Gobierno.\n\n"
    "La Junta ha anunciado restricciones de agua en más de cien municipios a partir del "
    "próximo lunes.\n"
)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Por JUAN PÉREZ Y MARÍA LÓPEZ", ["Juan Pérez", "María López"]),
        ("Por JUAN PÉREZ AND MARÍA LÓPEZ", ["Juan Pérez", "María López"]),
    ],
)
def test_a_byline_in_capitals_splits_at_y(line: str, names: list[str]) -> None:
    text = f"Sequía récord en el sur de España\n\n{line}\n\n{_SEQUIA}"
    assert [n.title() for n in extract(text)["authors"]] == names


@pytest.mark.parametrize("name", ["Joan E Greve", "JOAN E GREVE", "E NURDIN"])
def test_an_initial_stays_with_its_name(name: str) -> None:
    assert parse_authors(name) == [name]


# F10: a footer's row with the site's notice as its last segment


def test_a_footer_rows_notice_names_the_site() -> None:
    text = (
        "Harbour festival announces its line-up\n\n"
        "Twelve bands will play at this summer's harbour festival, the organisers announced "
        "on Sunday. The festival runs over three days in the last week of July.\n\n"
        "Tickets go on sale next Friday at the tourist office and online, and children under "
        "twelve get in free as in past years.\n\n"
        "Impressum · Datenschutz · Kontakt · © Harbour Times\n"
    )
    assert extract(text)["site_name"] == "Harbour Times"


# F13: a span of years after a document's type is no reference


@pytest.mark.parametrize(
    ("line", "never"),
    [
        ("Quarterly Statistical Bulletin 2023-24", False),
        ("Annual Bulletin 2023/2024", False),
        ("Deutscher Bundestag Drucksache 20/11234", True),
        ("Pressemitteilung 88/2024", True),
    ],
)
def test_a_bulletins_years_are_no_reference(line: str, never: bool) -> None:
    assert _never_title(line)[0] is never


# F14: "in Kraft" as the start of a longer word is no entry into force


def test_a_date_before_a_word_on_kraft_is_the_publication() -> None:
    text = (
        "Neues Umspannwerk geht ans Netz\n\n"
        "5. Mai 2024 in Kraftwerksnähe: Das neue Umspannwerk der Stadtwerke ist nach zwei "
        "Jahren Bauzeit in Betrieb gegangen. Es versorgt rund 40.000 Haushalte im Norden.\n\n"
        "Die Baukosten lagen mit 18 Millionen Euro im geplanten Rahmen, teilten die "
        "Stadtwerke mit.\n"
    )
    assert extract(text)["published"] == "2024-05-05"


def test_a_law_in_force_from_a_date_is_still_no_publication() -> None:
    from corearchive_plugins.metadata.text import _IN_FORCE_AFTER

    assert _IN_FORCE_AFTER.match(" in Kraft.")
    assert not _IN_FORCE_AFTER.match(" in Kraftwerksnähe")
