"""What text browsers write for the parts of a page that are no text, kept inside an article
(s47 chrome47, issue 3, held-out w3m): image placeholders and a tracking pixel's markup."""

from __future__ import annotations

import pytest
from test_boilerplate_structures import _clean

from corearchive_plugins.boilerplate.artefacts import (
    ARTEFACT_REASON,
    markup_line,
    placeholder_line,
)

_STORY = [
    "Storm delays holiday travel across the East",
    "A wall of storms packing ice, sleet and rain threatened to suspend holiday travel plans "
    "as millions of Americans took to the roads, skies and rails on Wednesday.",
    "Passengers waited for buses during a light rain in New York, and airlines warned of "
    "delays at airports from Washington to Boston as the system moved east.",
    "High winds threatened to keep the balloons of the city's parade on the ground, and "
    "officials said they would decide early on Thursday morning whether to fly them.",
    "Forecasters said the weather would clear by the weekend, when most travellers return "
    "home, and that the roads should be dry by Sunday afternoon.",
]  # fmt: skip


def test_w3m_image_placeholders_and_a_tracking_pixel_inside_a_story_go(run_stage):
    """A gallery's thumbnails as w3m writes them (the file names cut to ten characters)
    between the story's paragraphs, and the story's tracking pixel written out from a
    ``<noscript>`` under it (held-out w3m: CNN's gallery, a BBC story's 619 tokens of URL
    on one line), were kept as the article's."""
    pixel = (
        '<img src="https://ssc.api.bbc.com/?c2=19999701&amp;ns_type=view&amp;ns_site=bbc'
        '&amp;c1=2&amp;b_vs_un=ws&amp;name=burmese.burma-45989453" height="1" width="1" alt="">'
    )
    gallery = ["[1311292008]", "[1311292011]", "[1311271803] [1311270647]"]
    text = "\n\n".join([*_STORY[:3], *gallery, *_STORY[3:], pixel])
    kept, removed = _clean(run_stage, text)
    assert all(line in kept for line in _STORY[1:]), kept
    for line in [*gallery, pixel]:
        assert removed.get(line) == ARTEFACT_REASON, (line, kept)


@pytest.mark.parametrize(
    "line",
    [
        "[1311292008]",
        "[icon_navi_] [logo]",
        "• [Tasche-1-e1560793139806]",
        "[4201195561] ✕",
        "[Verfassung][svg]",
        "[spanish] [greek] [english]",
    ],
)
def test_a_line_of_image_placeholders_is_one(line):
    assert placeholder_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "[3]",  # a footnote's number
        "[13]",
        '["baz"]',  # a value in code
        "[ ]",  # a checkbox
        "[…]",  # an omission in a quote
        "[Jetzt abonnieren!]",  # a button's words
        "Strong & Beautiful - Pamela Reif [Rezension]",  # text around it
        "See the chart below.",
    ],
)
def test_a_reference_a_checkbox_or_text_is_no_placeholder(line):
    assert not placeholder_line(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<img src="//ssc.api.bbc.com/?c1=2&c2=19293874" height="1" width="1" alt="">', True),
        ('<p style="top: -999em"><img src="https://sa.bbc.co.uk/s?name=x" alt=""></p>', True),
        ('<iframe src="https://abc13.com/video/embed/?pid=1"></iframe>', True),
        ("<http://www.gnu.org/licenses/>.", False),  # a licence's address
        ("<program> Copyright (C) <year> <name of author>", False),  # a template
        ('<img src="cat.jpg" alt="A cat">', False),  # a tutorial's example
        ("<p>Gleiche Haarteile, gleiche Gesichter: Manche Frauen glauben</p>", False),
        ("</code></pre>", False),
    ],
)
def test_an_embeds_markup_written_out_is_no_text(line, expected):
    assert markup_line(line) is expected
