"""Session 44's genre test (acc-genres: live blogs, interviews, wire copy, reviews... in six
languages and six forms): the metadata findings. Small excerpts of the tester's pages."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import parse_authors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Priya Nair Mon 08 Apr 2024 15.20 GMT", ["Priya Nair"]),
        ("Rachel Mendes and Tom Okafor Mon 15 Jan 2024 08.02 GMT", ["Rachel Mendes", "Tom Okafor"]),
        ("Daniel Price Sun 03 Mar 2024 07.00 GMT", ["Daniel Price"]),
        ("Margaret O'Neill Tue 20 Feb 2024 06.00 GMT", ["Margaret O'Neill"]),
        ("Owen Blake and Data Desk Fri 14 Jun 2024 11.00 GMT", ["Owen Blake", "Data Desk"]),
        ("Jane Roe Sun, Mar 3, 2024", ["Jane Roe"]),
        # a name's word that is a weekday's short name, before a day it does not fit
        ("Li Sun 05 Mar 2024", ["Li Sun"]),
        ("Li Sun, Mar 5, 2024", ["Li Sun"]),
    ],
)
def test_a_bylines_weekday_before_its_date_is_no_name(byline: str, authors: list[str]) -> None:
    """G7: w3m and lynx put a Guardian-style byline and its date on one line ("By Priya Nair
    Mon 08 Apr 2024 15.20 GMT"); the weekday stayed a word of the last name ("Priya Nair
    Mon")."""
    assert parse_authors(byline) == authors
