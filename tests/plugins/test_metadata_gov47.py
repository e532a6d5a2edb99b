"""Government, legal and scholarly pages (session 47, acc-gov): an event's or a hearing's
labelled date stays in the text beside the publication date's line, and a law is dated by
its publication, not its entry into force."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import extract

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
