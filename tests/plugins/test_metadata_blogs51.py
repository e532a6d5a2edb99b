# ruff: noqa: E501
"""Metadata of blog and newsletter pages (session 51's acceptance test acc-blogs, findings
B7..B10, B13..B15, B17): blog platforms' bylines, a Blogger comment's date, Polish
"listopada", Medium's year-less date, label and category lines, and the headline over a
dek, under a date header or under a newsletter's sender line."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import extract

_PROSE = [
    "The bakery on the corner has changed hands three times in ten years, and each owner has kept the same sourdough starter going in the back room.",
    "We asked the current owner how she keeps it alive through the summer, when the kitchen reaches thirty degrees by noon and the flour runs low.",
    "Her answer was simpler than we expected: she feeds it twice a day and keeps a spare jar in the cellar of the house next door.",
]


def _page(*head: str, tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*head, *_PROSE, *tail]) + "\n"


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Posted on March 4, 2025 by Oliver Brandt", "Oliver Brandt"),
        ("Publié le 4 mars 2025 par Juliette Garnier", "Juliette Garnier"),
        ("Pubblicato il 4 marzo 2025 da Marco Fontana", "Marco Fontana"),
        ("Geplaatst op 4 maart 2025 door Pieter Jansen", "Pieter Jansen"),
        ("Veröffentlicht am 4. März 2025 von Karin Lehmann", "Karin Lehmann"),
        ("Publicado el 4 de marzo de 2025 por Rosa Morales", "Rosa Morales"),
        ("Opublikowano 4 marca 2025 przez Tomasz Wójcik", "Tomasz Wójcik"),
    ],
)
def test_a_dated_blog_byline_gives_its_author(byline: str, name: str) -> None:
    """WordPress's "Posted on DATE by NAME" and its translations (B9)."""
    res = extract(_page("Corner Bakery Notes", "How a starter survives the summer", byline))
    assert res["authors"] == [name]


@pytest.mark.parametrize(
    ("head", "tail", "name"),
    [
        # Blogger's footer under the post, its clock time after the name
        ((), ("Posted by Helen Carver at 9:05 PM",), "Helen Carver"),
        ((), ("Eingestellt von Uwe Petersen um 21:05",), "Uwe Petersen"),
        ((), ("Postado por Clara Nunes às 21:05",), "Clara Nunes"),
        # Medium's name and its follow button
        (("Samuel Okoro · Follow", "6 min read"), (), "Samuel Okoro"),
        (("Samuel Okoro", "Follow", "6 min read"), (), "Samuel Okoro"),
    ],
)
def test_blogger_and_medium_bylines(
    head: tuple[str, ...], tail: tuple[str, ...], name: str
) -> None:
    """Blogger's "Posted by NAME at TIME", Medium's "NAME · Follow" (B9)."""
    res = extract(
        _page("Corner Bakery Notes", "How a starter survives the summer", *head, tail=tail)
    )
    assert res["authors"] == [name]


def test_a_book_imprint_is_no_dated_byline() -> None:
    """ "Published in 2019 by NAME" has no full date: no blog byline."""
    res = extract(_page("How a starter survives the summer", "Published in 2019 by Penguin Books"))
    assert res["authors"] == []


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Posted by Ana da Silva at 10:14 AM", "Ana da Silva"),
        ("Publicado por Luis di Marco en 11:20", "Luis di Marco"),
    ],
)
def test_a_names_particle_is_no_dated_bylines_date(line: str, name: str) -> None:
    """Blogger's timed footer whose name holds a particle ("da", "di") read as the dated
    byline's "DATE by" first: its date part is none, and the footer's name is read
    (finalrev_B)."""
    from corearchive_plugins.metadata.text import blog_byline_names

    assert blog_byline_names(line) == [name]


def test_a_dutch_headline_gives_no_author() -> None:
    """The article "De" of a Dutch headline is no Spanish byline word (B9)."""
    res = extract(_page("Fietsdagboek", "De Waddendijk in twee dagen", "15 oktober 2025"))
    assert res["title"] == "De Waddendijk in twee dagen"
    assert "Waddendijk" not in res["authors"]


def test_an_html_byline_elements_label_is_no_author(run_stage) -> None:
    """trafilatura read "Pubblicato il" out of a dated byline element (B10)."""
    html = (
        "<!doctype html><html lang='it'><head><title>Il lievito d'estate</title></head><body>"
        "<article><h1>Il lievito d'estate</h1>"
        "<div class='byline'><p class='meta'>Pubblicato il 4 marzo 2025 da Marco Fontana</p></div>"
        + "".join(f"<p>{p}</p>" for p in _PROSE)
        + "</article></body></html>"
    )
    doc = make_document(html, html=True, uri="https://blog.example/lievito")
    assert run_stage(MetadataStage, doc).kept[0].authors == ["Marco Fontana"]


def test_a_single_blogger_comments_stamp_is_not_the_posts_date() -> None:
    """One comment's date and time under "1 comentario:" / "NAME dijo..." does not outrank
    the post's date header (B13)."""
    prose = [
        "El horno de la esquina ha cambiado de dueño tres veces en diez años, y cada dueño ha mantenido viva la misma masa madre en la trastienda.",
        "Le preguntamos a la dueña actual cómo la conserva en verano, cuando la cocina llega a treinta grados a mediodía y escasea la harina.",
        "Su respuesta fue más sencilla de lo que esperábamos: la alimenta dos veces al día y guarda un tarro de repuesto en el sótano de al lado.",
    ]
    lines = [
        "Cuaderno del horno",
        "martes, 4 de marzo de 2025",
        "Cómo sobrevive la masa madre al verano",
        *prose,
        "Publicado por Rosa Morales en 10:20",
        "Etiquetas: pan, verano",
        "1 comentario:",
        "Ana dijo...",
        "¡Qué bonito!",
        "5 de marzo de 2025, 19:45",
        "Publicar un comentario",
    ]
    res = extract("\n\n".join(lines) + "\n")
    assert res["published"] == "2025-03-04"
    assert res["authors"] == ["Rosa Morales"]


def test_polish_listopada_is_november_and_croatian_october() -> None:
    """Polish "listopada" is November; on a page that reads Croatian, October (B14)."""
    pl = (
        "Ogród za płotem\n\nJak przechować dalie przez zimę\n\n"
        "Opublikowano 4 listopada 2025 przez Ewa Zając\n\n"
        "Bulwy dalii wykopuję po pierwszym przymrozku, kiedy liście są już czarne, i suszę je przez kilka dni w garażu.\n\n"
        "Potem układam je w skrzynce z trocinami i trzymam w piwnicy, gdzie jest chłodno i sucho przez całą zimę.\n"
    )
    hr = (
        "Vrtni dnevnik\n\nKako sačuvati dalije preko zime\n\nObjavljeno 4. listopada 2025.\n\n"
        "Gomolje dalija vadim nakon prvog mraza, kada su listovi već crni, i sušim ih nekoliko dana u garaži.\n\n"
        "Zatim ih slažem u kutiju s piljevinom i držim u podrumu, gdje je hladno i suho, što im odgovara.\n"
    )
    assert extract(pl)["published"] == "2025-11-04"
    assert extract(pl)["authors"] == ["Ewa Zając"]
    assert extract(hr)["published"] == "2025-10-04"


@pytest.mark.parametrize(
    ("capture", "want"),
    [("2025-03-20", "2025-03-04"), ("2025-03-01", "2024-03-04"), (None, None)],
)
def test_a_medium_month_and_day_against_the_capture(capture: str | None, want: str | None) -> None:
    """Medium's "Mar 4" takes the capture's year, or the year before when that would put it
    after the capture; without a capture date, no date (B15)."""
    text = _page(
        "How a starter survives the summer", "Samuel Okoro · Follow", "6 min read", "·", "Mar 4"
    )
    assert extract(text, capture_date=capture)["published"] == want


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("Labels: sourdough, summer", ["sourdough", "summer"]),
        ("Marcadores: pão, verão", ["pão", "verão"]),
        ("Categories: Bread, Starters", ["Bread", "Starters"]),
        ("Catégories : Pain, Levain", ["Pain", "Levain"]),
        ("Kategorien: Brot, Sauerteig", ["Brot", "Sauerteig"]),
    ],
)
def test_blog_label_and_category_lines_are_tags(line: str, tags: list[str]) -> None:
    """Blogger's "Labels:" and WordPress's "Categories:" lines are the text's tags, and the
    line leaves the text (B17)."""
    text = _page("How a starter survives the summer", "March 4, 2025", tail=(line,))
    res = extract(text)
    assert res["tags"] == tags
    assert text.split("\n").index(line) in res["lines"]["tags"]


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a Substack dek under the headline, the author's name and the date under it (B7)
        (
            (
                "The Flour Ledger",
                "Subscribe",
                "Sign in",
                "Why the starter outlived three owners",
                "A visit to the corner bakery and what its back room says about the trade",
                "Lena Brookes",
                "Mar 4, 2025",
                "148",
                "23",
                "Share",
            ),
            "Why the starter outlived three owners",
        ),
        # Blogger: the blog's name and description over the date header, the post's title
        # under it (B8)
        (
            (
                "Corner Bakery Notes",
                "Bread, flour and the people who make it",
                "Tuesday, March 4, 2025",
                "How a starter survives the summer",
            ),
            "How a starter survives the summer",
        ),
        # a newsletter: the sender under "view in browser", the headline under it (B8)
        (
            (
                "View this email in your browser",
                "Friends of the Corner Bakery",
                "What changes at the bakery in March 2025",
            ),
            "What changes at the bakery in March 2025",
        ),
    ],
)
def test_a_blogs_headline_not_its_dek_name_or_sender(head: tuple[str, ...], title: str) -> None:
    """The headline, not the dek under it, the blog's description over the date header, nor
    the newsletter's sender (B7, B8)."""
    assert extract(_page(*head))["title"] == title
