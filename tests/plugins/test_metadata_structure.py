"""An article's own structure is no metadata (s34 structure acceptance test): a list's items
and its label are no title (#1, #8), and an HTML author field's role and byline word are no
names (#8)."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import extract

MENU = "Startseite\nPolitik\nWirtschaft\nSport\nSuche\n"
HEADLINE = "Kabinett beschließt Abgabe auf Plastikverpackungen"
BYLINE = "Von Jan Becker\n\n14.03.2026\n"
ITEMS = [
    "Bibliotheken öffnen künftig auch am Sonntag",
    "Die Kommunen erhalten dafür zusätzliches Personal",
    "Die Opposition kritisiert die hohen Kosten",
]
BODY = (
    "Der Landtag hat am Donnerstag mit großer Mehrheit beschlossen, dass öffentliche"
    " Bibliotheken künftig länger geöffnet bleiben dürfen, wie die Ministerin mitteilte.\n\n"
    "Die Kommunen sollen dafür in den kommenden drei Jahren zusätzliche Mittel erhalten, mit"
    " denen sie neues Personal einstellen und die Gebäude modernisieren können.\n\n"
    "Kritik kam von der Opposition. Die Kosten seien zu hoch und die Nachfrage am Sonntag"
    " sei nicht belegt, sagte ein Sprecher der Fraktion nach der Abstimmung.\n"
)


@pytest.mark.parametrize(
    "box",
    [
        # a browser's copy: the label and its items one block
        "Das Wichtigste in Kürze:\n" + "\n".join(ITEMS),
        # lxml's text: a blank line between the label and the items
        "Das Wichtigste in Kürze:\n\n" + "\n".join(ITEMS),
        # without a date line between the byline and the box
        "Auf einen Blick:\n" + "\n".join(ITEMS),
    ],
)
def test_a_key_points_box_under_the_byline_gives_no_title(box: str) -> None:
    """The box's first item was the title and the headline was lost (#1)."""
    page = f"{MENU}\n{HEADLINE}\n\n{BYLINE}\n{box}\n\n{BODY}"
    assert extract(page)["title"] == HEADLINE


def test_list_items_and_labels_are_no_title_of_a_text_without_headline() -> None:
    """An extraction tool's text without the headline (trafilatura's): a bulleted item
    ("- Level one ...") or the list's label was the title, the item's bullet in it (#8)."""
    items = "\n".join("- " + item for item in ITEMS)
    for page in (f"Das Wichtigste in Kürze:\n{items}\n{BODY}", f"{items}\n\n{BODY}"):
        title = extract(page)["title"]
        assert title is None or (title.rstrip(":") not in (*ITEMS, "Das Wichtigste in Kürze"))
        assert not (title or "").startswith("- ")


def test_a_kicker_above_the_headline_is_no_list_label() -> None:
    """A kicker ending in a colon over the headline (a "Dachzeile") has one line under it:
    the headline stays a title."""
    page = f"{MENU}\nTanz in der Lokremise:\n{HEADLINE}\n\n{BYLINE}\n{BODY}"
    assert extract(page)["title"] in (HEADLINE, "Tanz in der Lokremise: " + HEADLINE)


PROSE = (
    "Police have named the five men who died when fire swept through a trawler moored in the"
    " harbour early on Wednesday morning, and their families paid tribute to them."
)


@pytest.mark.parametrize(
    ("field", "authors"),
    [
        ("By Sam Holt, Chief Reporter", ["Sam Holt"]),
        ("di Giulia Romano", ["Giulia Romano"]),
        ("Von Lea Hoffmann, Redakteurin", ["Lea Hoffmann"]),
    ],
)
def test_an_html_author_fields_role_and_byline_word_are_no_names(
    run_stage, field: str, authors: list[str]
) -> None:
    """trafilatura takes every part after a comma for a name and capitalises a byline's
    word: the authors were "Sam Holt", "Chief" and "Di Giulia Romano" (#8)."""
    from corearchive.testing import make_document
    from corearchive_plugins.boilerplate import BoilerplateStage
    from corearchive_plugins.metadata import MetadataStage

    html = (
        "<html><head><title>Harbour fire victims named</title></head><body><article>"
        "<h1>Harbour fire victims named</h1>"
        f"<p class='byline'><span class='author'>{field}</span></p>"
        f"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    )
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    assert run_stage(MetadataStage, doc).kept[0].authors == authors


def test_a_headline_ending_in_a_colon_over_its_byline_is_no_list_label() -> None:
    """A list's label has its items below it; a headline that ends in a colon has its byline
    and date there (the session's comparison over the benchmark corpus: six such headlines
    gave way to a menu's item)."""
    from corearchive_plugins.metadata.text import extract

    page = (
        "Home\nPolitics\nClimate\n"
        "Recommendation 69: That the electoral committee be directed:\n"
        "By Maria Pineau\nPublished October 9, 2020\nShare\n"
        "The council met on Monday to hear the committee's report on the election, which"
        " found that the count had been run well but that the results came late.\n"
        "Members asked the committee to look again at how the votes are counted in the"
        " smaller wards, where the counts had taken the longest.\n"
    )
    assert extract(page)["title"] == "Recommendation 69: That the electoral committee be directed:"
