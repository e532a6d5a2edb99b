"""Lines of a page's furniture that were its title on session 42's tuning set (test pages of
other packages, research/metadata/heldout_titles.py build --any-tests): a promotion of more of
the site, a post's filing label, a caption's toggle or bracketed credit, a picture's credit in
small letters. None is ever a headline; the page's headline is its title."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import _never_title, title_text


@pytest.mark.parametrize(
    "line",
    [
        "Click Here for More Articles on HARBOUR COUNCIL MEETINGS",
        "Get breaking news alerts from The Harbour Post",
        "Get the latest updates from Harbour Daily",
        "Never miss a story from Harbour Notes",
        "Filed to: harbour council",
        "Filed under: Local politics",
        "The old terminal seen from the east quay on June 18, 2015. Jane Roe/AP hide caption",
        "The old terminal seen from the east quay. (Harbour Post)",
        "Image: jane roe/harbour post",
    ],
)
def test_furniture_line_is_never_a_title(line):
    assert _never_title(line)[0]


@pytest.mark.parametrize(
    "line",
    [
        "Get ready for updates from Apple's developer conference",
        "Never again: the town that said no to the motorway",
        "Photos: what the flood left behind",
        "Image: before/after the flood shows the damage",
        "Trump wins (again)",
        "Bundesverband WindEnergie e.V. (BWE)",
        "Deutscher Jagdverband e. V. (DJV)",
        "Filed complaints rise for the third year",
    ],
)
def test_headline_like_line_may_be_a_title(line):
    assert not _never_title(line)[0]


#: An excerpt of a page of the tuning set (one of Mercury parser's fixtures, the lines around
#: the headline as the dev sets' rendering gives them), where the credit was the title
MASHABLE = [
    "Job Board", "Social Good Summit", "World", "Like Follow Follow",
    "Mysterious plane circling Manhattan sparks concern and intrigue",
    "367", "Shares", "Share", "Tweet", "Share", "What's This?", "Image: lili sams/mashable",
]  # fmt: skip


def test_headline_wins_over_the_credit():
    assert title_text("\n\n".join(MASHABLE) + "\n") == MASHABLE[4]
