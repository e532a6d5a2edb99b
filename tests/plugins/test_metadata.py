from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage, find_dates
from corearchive_plugins.metadata.text import iso_value

BODY = (
    "Russian President Vladimir Putin in a meeting with Francois Hollande on Thursday praised "
    "efforts by his French counterpart to set up a coalition to fight the militants."
)


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Published November 27th, 2015 - 06:00 GMT", "2015-11-27T06:00:00+00:00"),
        ("01:22 GMT08 August 2020", "2020-08-08"),
        ("2019-03-04T10:20:00+01:00", "2019-03-04T10:20:00+01:00"),
        ("Posted on 4 March 2019", "2019-03-04"),
        ("am 4. März 2019", "2019-03-04"),
        ("le 4 mars 2019", "2019-03-04"),
        ("04/03/2019", "2019-03-04"),  # day first where ambiguous
        ("12/31/2019", "2019-12-31"),  # month first where the day cannot be a month
    ],
)
def test_date_forms(line, value):
    assert iso_value(find_dates([line])[0]) == value


def test_impossible_dates_and_copyright_years_are_ignored():
    assert find_dates(["31/02/2019", "February 30, 2019", "© 2019 dpa GmbH"]) == []


def test_text_metadata_from_lines(run_stage):
    text = "\n".join(
        [
            "Cyprus Mail",
            "",
            "France’s Hollande wins cooperation not coalition against IS",
            "",
            "By Elizabeth Pineau and Paul Taylor",
            "",
            "Published November 27th, 2015 - 06:00 GMT",
            "",
            BODY,
            "",
            BODY,
            "",
            "Syria, France, Russia, Diplomacy",
        ]
    )
    doc = run_stage(MetadataStage, make_document(text)).kept[0]
    assert doc.title == "France’s Hollande wins cooperation not coalition against IS"
    assert doc.site_name == "Cyprus Mail"
    assert doc.authors == ["Elizabeth Pineau", "Paul Taylor"]
    assert doc.published == "2015-11-27T06:00:00+00:00"
    assert doc.tags == ["Syria", "France", "Russia", "Diplomacy"]
    ann = doc.annotations["metadata"]
    assert ann["sources"]["title"] == "text line 2"
    assert ann["dates"][ann["date_chosen"]]["where"] == "text line 6"


def test_no_metadata_at_all(run_stage):
    doc = run_stage(MetadataStage, make_document(BODY + "\n" + BODY)).kept[0]
    assert (doc.title, doc.authors, doc.site_name, doc.published, doc.tags) == (
        None,
        [],
        None,
        None,
        [],
    )


def test_date_after_capture_is_not_accepted(run_stage):
    text = "Published 4 March 2031\n" + BODY
    doc = make_document(text, fetched_at="2024-01-01T00:00:00Z")
    assert run_stage(MetadataStage, doc).kept[0].published is None


def test_html_metadata(run_stage):
    html = (
        "<html><head><title>Budget passes | Example News</title>"
        "<meta property='og:site_name' content='Example News'>"
        "<meta name='author' content='Jane Doe'>"
        "<meta property='article:published_time' content='2021-05-06T08:00:00Z'>"
        f"</head><body><h1>Budget passes</h1><p>{BODY}</p></body></html>"
    )
    doc = run_stage(MetadataStage, make_document(html, html=True, path="a.html")).kept[0]
    assert doc.title.startswith("Budget passes")
    assert doc.site_name == "Example News" and doc.authors == ["Jane Doe"]
    assert doc.published == "2021-05-06T08:00:00Z"  # the precision the page gives
