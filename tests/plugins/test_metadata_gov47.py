# ruff: noqa: E501  (page excerpts, a line each as the page has them)
"""Government, legal and scholarly pages (session 47, acc-gov): an event's or a hearing's
labelled date stays in the text beside the publication date's line, and a law is dated by
its publication, not its entry into force."""

from __future__ import annotations

import textwrap

import pytest

from corearchive_plugins.metadata.text import _never_title, extract, keyword_block

_PROSE = (
    "The meeting will bring together researchers from several disciplines to discuss how "
    "new methods are changing the way the field works and what it means for practice.\n"
    "Sessions will cover the main questions of the programme, and each day closes with a "
    "discussion open to every participant who registered in advance.\n"
)


def _lines(text: str, res: dict[str, object]) -> list[str]:
    lines = text.split("\n")
    meta = res["lines"]
    assert isinstance(meta, dict)
    return [lines[k] for k in meta.get("published", [])]


@pytest.mark.parametrize(
    ("pub", "event"),
    [
        ("Pubblicato il 5 settembre 2024", "Data: 17 ottobre 2024, ore 9:30"),
        ("Published 1 July 2024", "Date: 21 October 2024"),
        ("Veröffentlicht am 3. Juni 2024", "Datum: 12. September 2024, 10 Uhr"),
        ("Publicado el 2 de mayo de 2024", "Fecha: 20 de junio de 2024"),
    ],
)
def test_event_date_under_the_dateline_stays(pub: str, event: str) -> None:
    """An event's labelled date under the page's publication line is content: only the
    publication line is metadata (it had left the text too, s47 acc-gov G2)."""
    text = f"Home\nEvents\nConference on the environment and the law\n{pub}\n{event}\n{_PROSE}"
    res = extract(text)
    assert _lines(text, res) == [pub]


def test_update_line_beside_the_dateline_still_goes() -> None:
    """The update line next to the publication line is the dateline block's (kept so)."""
    head = "Home\nNews\nA headline about the law\n"
    text = f"{head}Published 1 July 2024\nUpdated 3 July 2024\n{_PROSE}"
    res = extract(text)
    assert res["published"] == "2024-07-01"
    assert _lines(text, res) == ["Published 1 July 2024", "Updated 3 July 2024"]


def test_event_span_chosen_stays_in_text() -> None:
    """A page whose only date is an event's span: the date may be read, its line stays."""
    head = "Home\nEvents\nAI and the future of scientific discovery\n"
    text = f"{head}Date: 21 - 22 October 2024\n{_PROSE}"
    res = extract(text)
    assert "Date: 21 - 22 October 2024" not in _lines(text, res)


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (
            "Publicado en: «BOE» núm. 294, de 06/12/2018.\nEntrada en vigor: 07/12/2018",
            "2018-12-06",
        ),
        ("Bundesgesetzblatt 2024 I Nr. 45 vom 12.03.2024\nInkrafttreten: 01.04.2024", "2024-03-12"),
        (
            "Gazzetta Ufficiale n. 77 del 31 marzo 2023\nEntrata in vigore: 1 aprile 2023",
            "2023-03-31",
        ),
        ("Journal officiel n° 0054 du 4 mars 2024\nEntrée en vigueur : 1 avril 2024", "2024-03-04"),
        ("3 июля 2024 года\nВступает в силу с 1 сентября 2024 года", "2024-07-03"),
    ],
)
def test_law_dated_by_publication_not_entry_into_force(lines: str, want: str) -> None:
    """Entry into force is no publication date, and a gazette's issue number between the
    cue and the date does not break the cue (s47 acc-gov G7)."""
    text = f"Legislation\nHome\nAct on the protection of personal data\n{lines}\n{_PROSE}"
    assert extract(text)["published"] == want


_CJEU = (
    "This site uses cookies to offer you a better browsing experience. Find out more on how we use cookies.\n"
    "I accept cookies\n"
    "I refuse cookies\n"
    "Skip to content\n"
    "CURIA\n"
    "Home\n"
    "Press\n"
    "Press releases\n"
    "Case-law\n"
    "PRESS RELEASE No 170/24\n"
    "Luxembourg, 4 October 2024\n"
    "Judgment of the Court in Case C-621/22 | Koninklijke Nederlandse Lawn Tennisbond\n"
    "A commercial interest of the controller may constitute a legitimate interest for the processing of personal data, provided that it is not contrary to the law\n"
    "The Koninklijke Nederlandse Lawn Tennisbond (KNLTB), a Netherlands tennis federation, disclosed personal data of its members to two sponsors for remuneration, without obtaining their consent.\n"
    "The Dutch data protection authority imposed a fine of €525 000 on the KNLTB, taking the view that a purely commercial interest cannot be a legitimate interest within the meaning of the General Data Protection Regulation.\n"
    "In today's judgment, the Court holds that a wide range of interests may be regarded as legitimate, including a commercial interest, provided that the interest is not contrary to the law.\n"
)

_ACT = (
    "Cookies on Legislation.gov.uk\n"
    "The cookies on legislation.gov.uk do two things: they remember any settings you've chosen so you don't have to choose them on every page, and they help us understand how people browse our website.\n"
    "Accept all cookies\n"
    "Reject all non-essential cookies\n"
    "Skip to main content\n"
    "legislation.gov.uk\n"
    "Home\n"
    "Browse Legislation\n"
    "New Legislation\n"
    "Coronavirus Legislation\n"
    "Changes To Legislation\n"
    "Search Legislation\n"
    "Online Safety Act 2023\n"
    "Table of Contents\n"
    "Content\n"
    "Explanatory Notes\n"
    "More Resources\n"
    "Previous: Provision\n"
    "Next: Provision\n"
    "Changes to legislation: There are currently no known outstanding effects for the Online Safety Act 2023, Section 3.\n"
    "Online Safety Act 2023, Section 3\n"
    "3 “Regulated service”, “Part 3 service” etc\n"
    "(1) In this Act “regulated service” means—\n"
    "(a) a regulated user-to-user service,\n"
    "(b) a regulated search service, or\n"
    "(c) an internet service, other than a regulated user-to-user service or a regulated search service, that is within section 80(2) (internet services providing pornographic content).\n"
    "(2) In this Act “Part 3 service” means—\n"
    "(a) a regulated user-to-user service, or\n"
    "(b) a regulated search service.\n"
    "(3) For the purposes of this Act a user-to-user service or a search service is “regulated” if it has links with the United Kingdom.\n"
)

_ARXIV = (
    "Skip to main content\narXiv\ncs\narXiv:2403.01234\nHelp | Advanced Search\n"
    "Computer Science > Computation and Language\n"
    "[Submitted on 2 Mar 2024 (v1), last revised 18 Apr 2024 (this version, v2)]\n"
    "Sparse Mixture-of-Experts Models Are Efficient Multilingual Translators\n"
    "Priya Raman, Kenji Watanabe, Olga Petrova\n"
    "We study sparse mixture-of-experts (MoE) models for many-to-many machine translation "
    "across 104 languages. Compared with dense models of equal inference cost, MoE models "
    "improve average chrF++ by 2.4 points, with the largest gains for low-resource "
    "languages. Code and models are released.\n"
    "Comments: 14 pages, 6 figures. Accepted at ACL 2024\n"
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (_CJEU, "Judgment of the Court in Case C-621/22 | Koninklijke Nederlandse Lawn Tennisbond"),
        (_ACT, "Online Safety Act 2023, Section 3"),
        (_ARXIV, "Sparse Mixture-of-Experts Models Are Efficient Multilingual Translators"),
    ],
)
def test_reference_clause_and_subject_trail_are_no_titles(text: str, title: str) -> None:
    """A press office's reference ("PRESS RELEASE No 170/24"), a law's clause ("(a) a
    regulated user-to-user service,") and a subject trail ("Computer Science > Computation
    and Language") were the titles of these pages (s47 acc-gov G3)."""
    assert extract(text)["title"] == title


@pytest.mark.parametrize(
    ("line", "never"),
    [
        ("PRESS RELEASE No 170/24", True),
        ("Pressemitteilung Nr. 88/2024", True),
        ("Communiqué de presse n° 12", True),
        ("Deutscher Bundestag Drucksache 20/11234", True),
        ("(a) a regulated user-to-user service,", True),
        ("1) статью 2 дополнить пунктом 23 следующего содержания:", True),
        ("Computer Science > Computation and Language", True),
        ("Symphony No. 5", False),
        ("(Un)certain times for the economy", False),
        ("Remote > office? What the data says", False),
        ("Quality > quantity", False),
    ],
)
def test_never_title_lines(line: str, never: bool) -> None:
    """The vetoes read these forms, and leave a work's number, a bracketed headline and a
    headline's comparison alone."""
    assert _never_title(line)[0] is never


_ABSTRACT = (
    "We study how the effect varies across regions and seasons, using observations from "
    "several stations over ten years, and we find that it is strongest at night in summer.\n"
    "The results suggest that adaptation plans should target the hours after sunset, when "
    "the difference between the city and its surroundings is largest.\n"
)


@pytest.mark.parametrize(
    ("names", "want"),
    [
        (
            "Laura Martínez1, Tobias Keller2 & Anna Nowak1,3",
            ["Laura Martínez", "Tobias Keller", "Anna Nowak"],
        ),
        ("Katharina Vogel¹ & Jonas Richter²", ["Katharina Vogel", "Jonas Richter"]),
        ("Claire Dubois et Marc Lefèvre", ["Claire Dubois", "Marc Lefèvre"]),
        ("Sarah O'Connor*, Mei Lin†, David Okafor", ["Sarah O'Connor", "Mei Lin", "David Okafor"]),
        ("Ana García y Luis Moreno", ["Ana García", "Luis Moreno"]),
    ],
)
def test_scholarly_author_list_under_the_headline(names: str, want: list[str]) -> None:
    """A paper's author list under its headline, with affiliation marks, is its authors,
    and leaves the text as a byline (s47 acc-gov G1)."""
    text = (
        "Home\nJournals\nPublished: 02 March 2024\n"
        f"Urban heat islands amplify nocturnal heat stress in European cities\n{names}\n"
        "Scientific Reports volume 14, Article number: 5123 (2024)\n"
        f"Abstract\n{_ABSTRACT}{_ABSTRACT}"
    )
    res = extract(text)
    assert res["authors"] == want
    assert res["lines"]["authors"] == [4]


@pytest.mark.parametrize(
    "line",
    [
        "Premier League",  # (one name without a mark: an institution's as often)
        "Berlin, Hamburg and Munich",
        "Monday Morning, Tuesday Evening",
        "Read the full report, download the data",
    ],
)
def test_no_author_list(line: str) -> None:
    """Lines under a headline that are no author list give no authors."""
    text = (
        "News\nPublished: 02 March 2024\n"
        f"Urban heat islands amplify nocturnal heat stress in European cities\n{line}\n"
        f"{_ABSTRACT}"
    )
    assert extract(text)["authors"] == []


@pytest.mark.parametrize(
    ("label", "values", "want"),
    [
        (
            "Keywords",
            "Urban heat island; Heatwaves; Climate adaptation",
            ["Urban heat island", "Heatwaves", "Climate adaptation"],
        ),
        (
            "Schlüsselwörter",
            "Bürgerräte · Deliberation · Demokratie",
            ["Bürgerräte", "Deliberation", "Demokratie"],
        ),
        ("Palabras clave:", "vivienda, energía, ciudades", ["vivienda", "energía", "ciudades"]),
        ("Ключевые слова", "право; информация", ["право", "информация"]),
    ],
)
def test_keywords_label_over_its_values(label: str, values: str, want: list[str]) -> None:
    """A paper's keywords label alone on its line over the keywords, above the paper's
    body, gives the tags; the two lines are the tags' (s47 acc-gov G10)."""
    text = (
        "Home\nJournals\nPublished: 02 March 2024\n"
        "Urban heat islands amplify nocturnal heat stress in European cities\n"
        f"Abstract\n{_ABSTRACT}{label}\n{values}\nIntroduction\n{_ABSTRACT}{_ABSTRACT}"
    )
    res = extract(text)
    assert res["tags"] == want
    assert res["lines"]["tags"] == [7, 8]


def test_subjects_line_and_no_keyword_block() -> None:
    """A preprint's "Subjects:" line gives its subjects; a label over a sentence or over a
    single term gives none."""
    text = (
        "Home\nPublished: 02 March 2024\nSparse Mixture-of-Experts Models\n"
        f"{_ABSTRACT}Subjects: Computation and Language (cs.CL); Machine Learning (cs.LG)\n"
    )
    assert extract(text)["tags"] == ["Computation and Language (cs.CL)", "Machine Learning (cs.LG)"]
    assert keyword_block([(0, "Keywords"), (1, "We study heat, cities and health.")]) is None
    assert keyword_block([(0, "Keywords"), (1, "Heatwaves")]) is None


#: a paragraph as lynx writes it at -width=100: a 3-column margin, wrapped
_LYNX_PARA = (
    textwrap.fill(
        "El presente texto es la versión consolidada de la norma, que integra en el texto "
        "original las modificaciones y correcciones publicadas desde su aprobación, y que sirve "
        "de referencia para su consulta por los ciudadanos y por las administraciones públicas.",
        width=97,
        initial_indent="   ",
        subsequent_indent="   ",
    )
    + "\n\n"
)


@pytest.mark.parametrize(
    ("head", "rest"),
    [
        (
            "Ley Orgánica 3/2018, de 5 de diciembre, de Protección de Datos Personales y garantía de los derechos",
            " " * 45 + "digitales",
        ),
        (
            "Федеральный закон от 01.07.2024 № 160-ФЗ «О внесении изменений в Федеральный закон «Об информации,",
            "  информационных технологиях и о защите информации»»",
        ),
    ],
)
def test_lynx_headline_rest_centred_is_joined(head: str, rest: str) -> None:
    """lynx centres a full-width headline's wrapped rest (by bytes): it is joined back to
    the headline, which had lost its second half or was its second half (s47 acc-gov G3)."""
    from corearchive_plugins.boilerplate.reflow import reflow_text

    text = "Inicio\n\n" + head + "\n" + rest + "\n\n" + _LYNX_PARA * 8
    out = reflow_text(text)
    assert out is not None
    assert head + " " + rest.strip() in out.text.split("\n")
