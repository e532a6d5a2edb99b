"""Text titles (session 49): the headline of a live blog's post or of a feed's item, under a
clock time or after one on its line, is no title of the page."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import _clock_alone, _clock_led, extract

# (a live blog as text: its headline over its bylines and datelines, a "key events" box
# ("Destacados") of its newest posts' headlines, then the posts, each a time alone over its
# headline and paragraph, newest first; the acc-live set's live-es-1, s48)
_LIVE = "\n\n".join(
    [
        "Comunidad Valenciana",
        "Directo",
        "DANA en Valencia, en directo | Al menos 95 muertos por las inundaciones",
        "Cristina Vázquez",
        "Ignacio Zafra",
        "Valencia - 30 oct 2024 - 07:00 CET",
        "Actualizado: 30 oct 2024 - 22:41 CET",
        "Compartir en Whatsapp",
        "Compartir en Facebook",
        "Compartir en Twitter",
        "Destacados",
        "El Gobierno decreta tres días de luto oficial",
        "La Generalitat eleva a 92 los fallecidos en la provincia de Valencia",
        "22:41",
        "El Gobierno decreta tres días de luto oficial",
        (
            "El Consejo de Ministros ha aprobado en una reunión extraordinaria tres días de "
            "luto oficial por las víctimas de la DANA, desde la medianoche del jueves."
        ),
        "21:15",
        "La Generalitat eleva a 92 los fallecidos en la provincia de Valencia",
        (
            "El centro de coordinación de emergencias ha confirmado 92 víctimas mortales en "
            "la provincia de Valencia, a las que se suman dos en Castilla-La Mancha y una en "
            "Andalucía."
        ),
        (
            "Los equipos de rescate siguen buscando a personas desaparecidas en Paiporta, "
            "Picanya y Catarroja."
        ),
        "19:02",
        (
            "Renfe mantiene suspendida la circulación del AVE entre Madrid y Valencia al "
            "menos durante tres días por los daños en las vías."
        ),
        "16:30",
        'Sánchez: "No os vamos a dejar solos"',
    ]
)


#: a results page's rows (home, score, away) and its table's (position, team, figures): a
#: browser's copy writes them a space apart, w3m pads them into columns
SCORES = [
    ("Almería", "2 - 2", "Cádiz"),
    ("Athletic", "1 - 2", "Sevilla"),
    ("Atlético", "2 - 1", "Osasuna"),
    ("Real Madrid", "0 - 0", "Betis"),
    ("Girona", "7 - 0", "Granada"),
    ("Las Palmas", "0 - 2", "Alavés"),
    ("Mallorca", "0 - 0", "Almería"),
    ("Rayo", "3 - 3", "Villarreal"),
    ("Sevilla", "1 - 2", "Barcelona"),
    ("Valencia", "0 - 1", "Celta"),
]
STANDINGS = [
    ("1", "Real Madrid", "95 38 29 8 1"),
    ("2", "Barcelona", "85 38 26 7 5"),
    ("3", "Girona", "81 38 25 6 7"),
    ("4", "Atlético", "76 38 24 4 10"),
]


@pytest.mark.parametrize(
    ("t1", "t2", "t3"),
    [
        ("22:41", "21:15", "19:02"),
        ("22時41分", "21時15分", "19時02分"),
        ("2241 GMT", "2115 GMT", "1902 GMT"),
    ],
)
def test_a_live_posts_headline_is_no_title(t1: str, t2: str, t3: str) -> None:
    """The blog's headline is the one over its byline and dateline, not its newest post's
    headline (nor that headline's copy in the key events box)."""
    page = _LIVE.replace("22:41\n", t1 + "\n").replace("21:15", t2).replace("19:02", t3)
    got = extract(page)["title"]
    assert got == "DANA en Valencia, en directo | Al menos 95 muertos por las inundaciones"


# (a results page without paragraphs: its headline, the scores, the table, then the site's
# feed of its latest stories, each a time and a headline on one line; acc-live results-es-1)
_RESULTS = "\n\n".join(
    [
        "Aceptar cookies",
        "AS",
        "Fútbol",
        "Motor",
        "Baloncesto",
        "Tenis",
        "Más deportes",
        "Resultados",
        "Primera",
        "Jornada 38",
        "Resultados de la Jornada 38 de LaLiga EA Sports 2023/2024",
        "Jornada anterior",
        "Jornada siguiente",
        *(f"{home} {score} {away}" for home, score, away in SCORES),
        "Clasificación",
        *(f"{pos} {team} {figures}" for pos, team, figures in STANDINGS),
        "Ver clasificación completa",
        "Últimas noticias",
        '23:15 Ancelotti: "La Liga ha sido justa"',
        "22:48 Xavi se despide del Barça con una victoria",
        "21:30 Girona, a la Champions por primera vez",
        "© Diario AS, S.L.",
    ]
)


@pytest.mark.parametrize(
    ("a", "b", "c"), [("23:15", "22:48", "21:30"), ("23時15分", "22時48分", "21時30分")]
)
def test_a_feeds_item_is_no_title(a: str, b: str, c: str) -> None:
    page = _RESULTS.replace("23:15", a).replace("22:48", b).replace("21:30", c)
    assert extract(page)["title"] == "Resultados de la Jornada 38 de LaLiga EA Sports 2023/2024"


def test_a_headline_the_feed_repeats_stays_the_title() -> None:
    """The page's own headline, under its dateline, is no feed's item when the site's feed
    between it and the story lists it under its time too."""
    page = (
        "Handball\n\n02.02.2022 10:16 Uhr - 1. Bundesliga\n\n"
        "Harbour signs a Dutch international for the back court\n\n"
        "» to the league's page\n\n» to the club's profile\n\n"
        "Latest news\n\n10:16 Uhr\n\nHarbour signs a Dutch international for the back court\n\n"
        "09:44 Uhr\n\nSeaton coach extends his contract until 2025\n\n"
        "09:18 Uhr\n\nRiverside lose their keeper for the season\n\n"
        "The club signed the left back from a Dutch side on Wednesday and said he would join "
        "the squad for the rest of the season, the coach told reporters after training.\n\n"
        "He played 40 games for his national team and scored in the last European "
        "championship, where his side reached the main round for the first time.\n"
    )
    assert extract(page)["title"] == "Harbour signs a Dutch international for the back court"


def test_a_headline_under_its_time_and_over_its_byline_stays_the_title() -> None:
    """The page's headline with its time over it and its byline under it, the site's feed
    of latest stories under the article: the feed's earlier time vetoed the headline as a
    live post's (read50 F3). A live post's headline has a paragraph under it, a feed's later
    item a stamp over it."""
    page = (
        "14:05\n\nMinister resigns after expenses scandal\n\nBy Anna Berg\n\n"
        "The transport minister resigned on Tuesday after a newspaper reported that he had "
        "claimed the cost of a second home he did not live in.\n\n"
        "He said in a statement that he had broken no rules but did not want the story to "
        "distract from the government's work.\n\n"
        "Latest news\n\n13:50\n\nStorm warning issued for the northern coast\n\n"
        "12:10\n\nMuseum reopens after two years of renovation\n"
    )
    assert extract(page)["title"] == "Minister resigns after expenses scandal"


@pytest.mark.parametrize(
    ("line", "alone", "led"),
    [
        ("22:41", True, False),
        ("19時30分", True, False),
        ("1447 GMT", True, False),
        ("21:30 Girona reach the Champions League", False, True),
        ("19時15分 阪神・岡田監督が退任へ", False, True),
        # (a year and a headline, a score: no clock)
        ("2024 Harbour League results", False, False),
        ("Harbour 2 - 2 Port Vale", False, False),
    ],
)
def test_clock_lines(line: str, alone: bool, led: bool) -> None:
    assert _clock_alone(line) is alone
    assert _clock_led(line) is led


# (a ministry's press release as text: its menu, the date, the headline right over the first
# paragraph, no blank line between; acc-gov pr-ja-1, s47)
_PRESS_JA = "\n".join(
    [
        "本文へ",
        "文部科学省",
        "English",
        "サイトマップ",
        "検索",
        "教育",
        "科学技術・学術",
        "報道発表",
        "ホーム",
        "報道・広報",
        "令和6年7月12日",
        "大学入学者選抜におけるデジタル出願の推進について",
        (
            "文部科学省では、受験生の負担軽減と大学の事務の効率化を図るため、大学入学者選抜に"
            "おけるデジタル出願の推進に関する方針を取りまとめました。"
        ),
        (
            "本方針では、令和9年度入学者選抜までに、全ての国立大学において出願手続をオンライン"
            "で完結できるようにすることを目標としています。"
        ),
        "詳細は別添資料を御参照ください。",
        "お問合せ先",
        "Copyright © Ministry of Education, Culture, Sports, Science and Technology",
    ]
)


def test_a_japanese_headline_over_its_paragraph_is_no_wrapped_line() -> None:
    """A Japanese line right over a paragraph is no wrapped line of it when the paragraph's
    first character would have fitted after it (a text browser breaks Chinese and Japanese
    at any character, not at a space)."""
    assert extract(_PRESS_JA)["title"] == "大学入学者選抜におけるデジタル出願の推進について"


# (a PDF report's text: its cover, then its pages, each with its running head and page
# number set off by spaces; acc-gov pdf-en-1, s47)
_REPORT = "\n".join(
    [
        "National Audit Office",
        "Improving the condition of school buildings",
        "Report by the Comptroller and Auditor General",
        "Department for Education",
        "14 JUNE 2024",
        "Summary   Improving the condition of school buildings   5",
        "Summary",
        (
            "1 The Department for Education is responsible for ensuring that the school estate "
            "in England is safe and fit for purpose, with around 22,000 schools."
        ),
        (
            "2 In 2021 the Department estimated that it would cost £11.4 billion to repair or "
            "replace all defects in the school estate."
        ),
        "6   Summary   Improving the condition of school buildings",
        (
            "3 In August 2023 the Department told responsible bodies that buildings containing "
            "reinforced autoclaved aerated concrete should be taken out of use."
        ),
        "Summary   Improving the condition of school buildings   7",
        "© National Audit Office 2024",
    ]
)


def test_a_running_head_is_no_title_even_when_it_covers_the_address() -> None:
    """The running head's words are the title's and the section's, which the document's
    address names too ("improving-school-buildings-summary"): it is no candidate for the
    address's pick either."""
    url = "https://www.nao.org.uk/wp-content/uploads/2024/06/improving-school-buildings-summary.pdf"
    assert extract(_REPORT, url=url)["title"] == "Improving the condition of school buildings"
    assert extract(_REPORT)["title"] == "Improving the condition of school buildings"


def test_a_tables_row_is_no_title() -> None:
    """A results table as w3m lays it out, its cells set apart by runs of spaces: no row is
    the title, the headline over it is (acc-live results-es-1 as w3m)."""
    page = "\n".join(
        [
            "Aceptar cookies",
            "",
            "  • AS",
            "  • Fútbol",
            "  • Motor",
            "  • Baloncesto",
            "  • Tenis",
            "  • Más deportes",
            "  • Resultados",
            "  • Primera",
            "  • Jornada 38",
            "",
            "Resultados de la Jornada 38 de LaLiga EA Sports 2023/2024",
            "",
            "Jornada anterior",
            "",
            "Jornada siguiente",
            "",
            *(f"{home:<12} {score} {away}" for home, score, away in SCORES),
            "",
            "Clasificación",
            "",
            *(f"{pos} {team:<12} {figures}" for pos, team, figures in STANDINGS),
            "",
            "Ver clasificación completa",
            "",
            "Últimas noticias",
            "",
            '  • 23:15 Ancelotti: "La Liga ha sido justa"',
            "  • 22:48 Xavi se despide del Barça con una victoria",
            "  • 21:30 Girona, a la Champions por primera vez",
            "",
            "© Diario AS, S.L.",
        ]
    )
    assert extract(page)["title"] == "Resultados de la Jornada 38 de LaLiga EA Sports 2023/2024"
