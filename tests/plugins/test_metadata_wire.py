"""Metadata stage, wire bylines (:mod:`corearchive_plugins.metadata.wire`): the s33
code-reading tester's findings #12 (a state's code read as an agency), #13 (acronyms and
generation suffixes in name case) and #18 (the source of authors the wire step removed)."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.wire import name_case, split_authors


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
