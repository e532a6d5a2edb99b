"""Metadata stage, wire bylines (:mod:`corearchive_plugins.metadata.wire`): the s33
code-reading tester's findings #12 (a state's code read as an agency), #13 (acronyms and
generation suffixes in name case) and #18 (the source of authors the wire step removed)."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import Page, main_block
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


#: A local TV station's page of a short AP story (s40 acc-synd #12, CBS Detroit): a menu
#: with a weather teaser, then a column of teasers (each headline glued to its summary, as
#: a browser's text of them reads), longer than the story, over its headline
_TEASERS = [
    f"{section} {head}{summary}"
    for section in ("News", "Local", "Autos", "Sports")
    for head, summary in [
        ("Police: 2 In Custody After Death Of Student", "A 24-year-old woman and a 28-year-old"
         " man have been arrested in connection with the death of a college athlete."),
        ("Detroit Schools Close Early On Monday", "Classes in the district will end at noon on"
         " Monday because of a water main break near three of its buildings, officials said."),
        ("Ford Recalls F-150s; Loose Cable Can Cause Stalling", "Ford is recalling over 168,000"
         " pickup trucks in North America to fix an electrical problem that can cause fires."),
        ("Auto Union Opens Talks With Fiat Chrysler", "The United Auto Workers union on Monday"
         " turned its bargaining focus to Fiat Chrysler, where a strike is now possible."),
        ("Lions Sign Veteran Kicker After Injury", "The team signed a veteran kicker on"
         " Tuesday after its starter hurt his leg in practice, the coach told reporters."),
        ("Tigers Hire New Pitching Coach For 2020", "The club hired a former minor league"
         " coordinator to work with its young pitchers next season, the team announced."),
        ("Couple Finds Newspapers From 1940s In Walls", "A couple renovating their home found"
         " dozens of newspapers from the 1940s stuffed inside the walls of the living room."),
    ]
]  # fmt: skip
_WIRE_PAGE = [
    "Menu", "Sports", "Lions", "Tigers", "Michigan", "Michigan State", "Video",
    "First Forecast Weather November 20, 2019 (This Morning)Some sunshine by the end of the"
    " day.",
    "1 hour ago", "More", "Latest Headlines", *_TEASERS, "More", "CBS Entertainment",
    "Michigan Officials: 6th Fatality Linked To Eastern Equine Encephalitis Reported",
    "November 19, 2019 at 9:45 am",
    "Filed Under:Eastern Equine Encephalitis, EEE, health, Michigan",
    "ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a 6th fatality linked"
    " to Eastern Equine Encephalitis.",
    "Berrien County Health Department officials said Monday the victim was one of two people"
    " who contracted the mosquito borne virus.",
    "Cases first appeared in West Michigan at the end of August. The virus has been reported"
    " in six counties.",
    "Officials say the risk continues because there hasn't been a hard freeze yet.",
    "Share", "Comments",
]  # fmt: skip


def test_a_wire_story_under_a_column_of_teasers_is_titled_and_dated_by_its_own_head(
    run_stage,
) -> None:
    # the teasers, longer than the story, were the page's main block: the title was taken
    # from the menu over them ("Michigan") and the date from the weather teaser under it. A
    # paragraph that opens with a wire dateline is its story's lead: the block starts there
    doc = run_stage(MetadataStage, make_document("\n\n".join(_WIRE_PAGE))).kept[0]
    assert (
        doc.title
        == "Michigan Officials: 6th Fatality Linked To Eastern Equine Encephalitis Reported"
    )
    assert doc.published is not None and doc.published.startswith("2019-11-19")


def test_a_local_story_quoting_a_wire_lead_keeps_its_own_start() -> None:
    # (the rule above) a wire lead under the local story's own paragraph and a line that
    # announces it is a quotation, not the start of the page's story
    local = (
        "KALAMAZOO, Mich. — Parents at three county schools were told Tuesday that evening"
        " football games would move to the afternoon while the virus lingers in the area."
    )
    lines = [
        "Hill Country Observer", "News", "Schools move games as virus lingers",
        "By Dana Whitfield", "Nov. 20, 2019", local,
        "The Associated Press reported the latest death on Monday:", *_WIRE_PAGE[-6:-2],
    ]  # fmt: skip
    page = Page("\n\n".join(lines))
    assert page.items[page.ms][1] == local
    assert page.ms == main_block(page.texts)[0]


@pytest.mark.parametrize(
    ("lead", "wire"),
    [
        (
            "NEW YORK, Nov. 3, 2026 /PRNewswire/ -- Northwind Robotics, Inc. today unveiled",
            "PR Newswire",
        ),
        ("CAMBRIDGE, Mass.--(BUSINESS WIRE)--Halvorsen Bio, Inc. today reported", "Business Wire"),
        (
            "MAPLETON, Ohio, Nov. 04, 2026 (GLOBE NEWSWIRE) -- Cedar Lane Credit Union",
            "GlobeNewswire",
        ),
        ("Lindenau (ots) - Die Stadtwerke Lindenau haben am Dienstag", "news aktuell"),
        ("Wien (OTS) - Die Wiener Lokalbahnen haben beim Hersteller", "APA-OTS"),
    ],
)
def test_a_press_releases_wire_is_credited_from_its_dateline(lead: str, wire: str) -> None:
    # a press archive filters by wire; none was recorded (s41 acc-press F22)
    lines = ["Northwind Robotics unveils an electric tug", "", lead]
    assert credits(lines, 0) == [wire]


def test_a_press_release_wire_given_as_author_is_no_author() -> None:
    # a dump's author "PR Newswire" was kept as one (s41 acc-press F21)
    assert split_authors(["PR Newswire"]) == ([], ["PR Newswire"])
    assert split_authors(["Business Wire"]) == ([], ["Business Wire"])
    # (a word in lower case is no wire: "lots" of a line, a name)
    assert credits(["Robots and lots of them", "", "PARIS (Lots) - The fair"], 0) == []
