"""Metadata stage, wire bylines (:mod:`corearchive_plugins.metadata.wire`): the s33
code-reading tester's findings #12 (a state's code read as an agency), #13 (acronyms and
generation suffixes in name case) and #18 (the source of authors the wire step removed)."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.wire import credits, name_case, split_authors

BODY = "\n\n".join(
    f"Paragraph {i}: the city council voted on Tuesday to approve the new bridge budget, and"
    " residents said the decision had taken far too long to arrive after years of delay."
    for i in range(6)
)


@pytest.mark.parametrize(
    ("byline", "agencies"),
    [
        # a place and its state's code: Pennsylvania, Andhra Pradesh (#12) ...
        ("By Jane Doe, Pittsburgh, PA", []),
        ("By Jane Doe and John Roe, Hyderabad, AP", []),
        ("By Jane Doe, Los Angeles, PA", []),
        # ... an agency after the names
        ("By Jane Doe, PA", ["PA"]),
        ("By Jane Doe and John Roe, AP", ["AP"]),
        ("By Jane Doe, John Roe, AP", ["AP"]),
        ("By Jane Doe, Pittsburgh, Reuters", ["Reuters"]),
        # ... and PA Media's credit after its reporter's British dateline (s34 R11)
        ("By Jane Doe, London, PA", ["PA"]),
        ("By Jane Doe, Edinburgh, PA", ["PA"]),
    ],
)
def test_a_state_after_a_place_is_no_agency(byline: str, agencies: list[str]) -> None:
    lines = ["Bridge closure extended", byline, "The bridge will stay shut."]
    assert credits(lines, 0, lines[2:]) == agencies


@pytest.mark.parametrize("place", ["Bradford", "Plymouth", "Bristol", "Dublin"])
def test_pa_after_a_place_pennsylvania_shares_is_the_agency_on_a_british_page_only(
    run_stage, place: str
) -> None:
    """s35 acc-read #15: "By Jane Doe, Bradford, PA" (Bradford, Pennsylvania, home of The
    Bradford Era) credited a local story to PA Media."""
    lines = ["Bridge closure extended", f"By Jane Doe, {place}, PA", "The bridge will stay shut."]
    assert credits(lines, 0, lines[2:]) == []
    assert credits(lines, 0, lines[2:], british=True) == ["PA"]
    text = f"Storm closes bridge\n\nBy Jane Doe, {place}, PA\n\n{BODY}\n"
    for url, agencies in (
        ("https://www.bradfordera.example.com/news/1", None),
        ("https://www.telegraphandargus.co.uk/news/1", ["PA"]),
    ):
        doc = run_stage(MetadataStage, make_document(text, uri=url)).kept[0]
        assert doc.annotations["metadata"].get("agencies") == agencies, url


@pytest.mark.parametrize(
    ("url", "lang", "agencies"),
    [
        # British and Irish sites on a .com address (s36 acc-read F15) ...
        ("https://www.theguardian.com/uk-news/1", "en", ["PA"]),
        ("https://www.irishexaminer.com/news/1", "en", ["PA"]),
        # ... a page that says it is in British or Irish English ...
        ("https://www.example.com/news/1", "en-GB", ["PA"]),
        # ... and not an American one
        ("https://www.bradfordera.example.com/news/1", "en-US", None),
    ],
)
def test_pa_after_dublin_is_the_agency_on_british_pages_beyond_uk_addresses(
    run_stage, url: str, lang: str, agencies: list[str] | None
) -> None:
    page = (
        f"<!doctype html><html lang='{lang}'><head><title>Ferry services cancelled</title>"
        "</head><body><article><h1>Ferry services cancelled</h1>"
        "<p class='byline'>By Jane Doe, Dublin, PA</p>"
        + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
        + "</article></body></html>"
    )
    from corearchive_plugins.boilerplate import BoilerplateStage

    doc = run_stage(BoilerplateStage, make_document(page, html=True, uri=url)).kept[0]
    doc = run_stage(MetadataStage, doc).kept[0]
    assert doc.annotations["metadata"].get("agencies") == agencies


def test_a_byline_with_a_state_credits_no_agency_in_a_record(run_stage) -> None:
    """#12, end to end: "PA" after "Pittsburgh" was recorded as the agency PA."""
    text = f"Storm closes bridge\n\nBy Jane Doe, Pittsburgh, PA\n\n{BODY}\n"
    doc = run_stage(MetadataStage, make_document(text)).kept[0]
    assert doc.authors == ["Jane Doe"]
    assert "agencies" not in doc.annotations["metadata"]


@pytest.mark.parametrize(
    ("written", "cased"),
    [
        ("KEVIN FREKING", "Kevin Freking"),
        ("DANIEL O'BRIEN", "Daniel O'Brien"),
        ("JEAN-PIERRE MARTIN", "Jean-Pierre Martin"),
        ("RONALD MCDONALD", "Ronald McDonald"),
        ("MARTIN LUTHER KING JR.", "Martin Luther King Jr."),
        ("ANDREW NG", "Andrew Ng"),
        ("XI JINPING", "Xi Jinping"),
        ("ИВАН ПЕТРОВ", "Иван Петров"),
        # a generation's numeral and an acronym stay in capitals (#13) ...
        ("JOHN SMITH III", "John Smith III"),
        ("HENRY FORD II", "Henry Ford II"),
        ("BBC NEWS STAFF", "BBC News Staff"),
        # ... but a surname without a vowel is one (s34 acc-read #8)
        ("PAVEL VLK", "Pavel Vlk"),
        ("JAN SRB", "Jan Srb"),
        ("JAN SRB JR.", "Jan Srb Jr."),
        ("PETR KRK III", "Petr Krk III"),
        # ... and an outlet's acronym after two name words is none (s35 acc-read #18)
        ("JANE DOE CNN", "Jane Doe CNN"),
        # ... and a one-word author in capitals is as the page wrote it: an outlet's
        # short name more often than a person's (a byline names people by two words)
        ("CNN", "CNN"),
        ("NPR", "NPR"),
        ("ESPN", "ESPN"),
        # names not all in capitals are left alone
        ("Jane Doe", "Jane Doe"),
        ("danah boyd", "danah boyd"),
    ],
)
def test_name_case(written: str, cased: str) -> None:
    assert name_case(written) == cased


def test_split_authors_keeps_acronyms_and_numerals() -> None:
    """#13: "JOHN SMITH III" was "John Smith Iii", "CNN" "Cnn"."""
    assert split_authors(["JOHN SMITH III", "CNN"]) == (["John Smith III", "CNN"], [])


@pytest.mark.parametrize(
    ("written", "people", "agencies"),
    [
        # s33 acc-regress #13: any desk after an agency's name is a role, not only the
        # listed ones ("AP National Security Writer" stayed an author)
        (["ROBERT BURNS", "AP National Security Writer"], ["Robert Burns"], ["AP"]),
        (["AP Global Health Writer"], [], ["AP"]),
        (["AP National Political Writer"], [], ["AP"]),
        # ... without an agency only the known desks: a name that ends in a role's word
        # stays a name
        (["Senior Writer"], [], []),
        (["Jane Writer"], ["Jane Writer"], []),
        # #14: a text rendering glued the agency's "The" to the name ("Hillel ItalieThe")
        (["Hillel ItalieThe Associated Press"], ["Hillel Italie"], ["AP"]),
        (["Jane Doe The Associated Press"], ["Jane Doe"], ["AP"]),
        # (a capital "The" inside a word is no agency's article)
        (["Anne TheReuters"], ["Anne TheReuters"], []),
    ],
)
def test_split_authors_roles_and_glued_agencies(
    written: list[str], people: list[str], agencies: list[str]
) -> None:
    assert split_authors(written) == (people, agencies)


@pytest.mark.parametrize(
    ("byline", "authors", "agency"),
    [
        ("By The Associated Press", [], "AP"),
        ("By AP Staff Writer", [], "AP"),
        ("By Jane Doe, AP Business Writer", ["Jane Doe"], "AP"),
    ],
)
def test_no_source_names_authors_the_wire_step_removed(
    run_stage, byline: str, authors: list[str], agency: str
) -> None:
    """#18: a byline that names only an agency (or a wire role) gives no author; the record's
    ``sources.authors`` still said "text line 2". When a person is left, the source stays."""
    text = f"Storm closes bridge\n\n{byline}\n\n{BODY}\n"
    doc = run_stage(MetadataStage, make_document(text)).kept[0]
    assert doc.authors == authors
    assert ("authors" in doc.annotations["metadata"]["sources"]) is bool(authors)
    assert doc.annotations["metadata"]["agencies"] == [agency]
