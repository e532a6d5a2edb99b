"""Session 50's held-out losses (heldout50): a numbered "most read" list after the article and
a slide show's gallery, as w3m and lynx write them, kept by the line model as the article's
lines. The pages are written for these tests."""

from __future__ import annotations

from typing import Any

from test_boilerplate_heldout49 import _ARTICLE
from test_boilerplate_structures import _clean

from corearchive_plugins.boilerplate.afterlists import ranked_list_lines
from corearchive_plugins.boilerplate.artefacts import escaped_url_line
from corearchive_plugins.boilerplate.slides import slide_gallery_lines

#: a site's "Most read" box as w3m writes it: a bullet and a rank before each headline
_MOST_READ = [
    "Most read",
    "• 1 Town council approves budget for the new central library",
    "• 2 Storm warning issued for the northern coast on Thursday",
    "• 3 Local bakery wins national award for its rye bread",
    "• 4 Bridge closed overnight for inspection works next week",
    "• 5 Regional airport adds three summer routes to the islands",
]
_FOOTER = ["About us", "Contact", "Terms of use", "Copyright © 2023 The Harbour Gazette."]


def test_a_numbered_most_read_list_after_the_article_goes(run_stage: Any) -> None:
    """The box's ranked headlines under their label read as the article's subheads to the
    line model (the held-out w3m and lynx renderings of a Burmese news page kept four and
    five of them); the ranks kept the related-list rule from reading them."""
    kept, _ = _clean(run_stage, "\n".join([*_ARTICLE, *_MOST_READ, *_FOOTER]))
    assert all(line in kept for line in _ARTICLE[1:]), kept
    text = "\n".join(kept)  # (the stage may write an item without its bullet)
    assert not [line for line in _MOST_READ[1:] if line[4:] in text], kept


def test_a_numbered_list_of_the_article_stays() -> None:
    keep = [True] * (len(_ARTICLE) + len(_MOST_READ))
    lines = [*_ARTICLE, *_MOST_READ]
    assert ranked_list_lines(lines, keep) == list(range(len(_ARTICLE), len(lines)))
    # the article goes on under the list: its own list
    more = [*lines, _ARTICLE[1]]
    assert ranked_list_lines(more, [*keep, True]) == []
    # steps of one form ("1 Add the flour", "2 Add the sugar") are no list of stories
    steps = ["Method", *(f"{j} Add the {x} to the bowl" for j, x in enumerate(
        ["flour", "sugar", "butter", "eggs"], 1))]  # fmt: skip
    assert ranked_list_lines([*_ARTICLE, *steps], [True] * (len(_ARTICLE) + 5)) == []
    # ranks that do not start at 1, or skip one: no ranked list
    skipped = [_MOST_READ[0], _MOST_READ[1], _MOST_READ[3], _MOST_READ[4]]
    assert ranked_list_lines([*_ARTICLE, *skipped], [True] * (len(_ARTICLE) + 4)) == []
    # no label over the first item: not a box
    assert ranked_list_lines([*_ARTICLE, *_MOST_READ[1:]], [True] * (len(_ARTICLE) + 5)) == []


_CAPTIONS = [
    "Commuters wait for a delayed train at the central station on Monday, March 13.",
    "A snow plough clears the ring road before dawn on Monday, March 13.",
    "Children build a snowman in the city park on Sunday, March 12.",
    "A cyclist pushes her bike through deep snow near the river on March 12.",
    "Workers salt the steps of the town hall on Saturday, March 11.",
    "Cars queue at a petrol station as the first flakes fall on March 11.",
]
_TITLE = "Winter storm grips the region"


def _gallery(slides: int = 6) -> list[str]:
    """A slide show as w3m writes it: captions, a control, the title once per slide, a pager
    of arrows and the slides' numbers with their pictures' placeholders."""
    pager = ["<<", "<"]
    for j in range(1, slides + 1):
        pager += [f"[1303130{j:02}]", str(j)]
    return [*_CAPTIONS[:slides], "HIDE CAPTION", *[_TITLE] * slides, *pager, ">", ">>"]


def test_a_slide_shows_captions_title_copies_and_pager_go(run_stage: Any) -> None:
    """A gallery's captions read as sentences: the line model kept them and the title's
    copies over the story (held-out, a CNN story in all three renderings: 14 captions)."""
    story = [_ARTICLE[0], *_gallery(), *_ARTICLE[1:]]
    kept, _ = _clean(run_stage, "\n".join(story))
    assert all(line in kept for line in _ARTICLE[1:]), kept
    assert not (set(_CAPTIONS) | {_TITLE, "HIDE CAPTION", "<<"}) & set(kept), kept


def test_a_line_copied_without_a_pager_or_captions_is_no_gallery() -> None:
    lines = [_ARTICLE[0], *_gallery(), *_ARTICLE[1:]]
    found = slide_gallery_lines(lines, [True] * len(lines))
    assert found == list(range(1, 1 + len(_gallery())))  # the article's paragraphs stay
    # the title's copies without a pager under them
    no_pager = [_ARTICLE[0], *_CAPTIONS, *[_TITLE] * 6, *_ARTICLE[1:]]
    assert slide_gallery_lines(no_pager, [True] * len(no_pager)) == []
    # the article's paragraphs right over the captions: more sentences than slides, which
    # cannot be told apart; nothing goes
    after = [*_ARTICLE, *_gallery()]
    assert slide_gallery_lines(after, [True] * len(after)) == []
    # far fewer captions than slides
    few = [_ARTICLE[0], *_gallery()[len(_CAPTIONS) - 2 :], *_ARTICLE[1:]]
    assert slide_gallery_lines(few, [True] * len(few)) == []


def test_pieces_of_a_wrapped_escaped_address_go(run_stage: Any) -> None:
    """lynx writes an avatar's image as its address in brackets, wrapped over lines of
    percent escapes; the line model kept the pieces between a post's paragraphs as prose."""
    pieces = [
        "[5f2a9c1e7b3d4a6f8e0c2b4d6a8f0e1c?s=60&d=https%3A%2F%2F0.gravatar.",
        "com%2Favatar%2F1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f%3Fs%3D60&r=G] "
        "[8e7d6c5b4a39281706f5e4d3c2b1a0f9?s=60&d=https%3A%2F%2F1.gravatar.",
        "com%2Favatar%2F1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f%3Fs%3D60&r=G]",
    ]
    page = [*_ARTICLE[:3], *pieces, *_ARTICLE[3:]]
    kept, _ = _clean(run_stage, "\n".join(page))
    assert all(line in kept for line in _ARTICLE[1:]), kept
    assert not set(pieces) & set(kept), kept


def test_a_cited_address_is_no_escaped_piece() -> None:
    assert escaped_url_line("com%2Favatar%2F1c2d%3Fs%3D60&r=G] [8e7d?s=60&d=https%3A%2F%2F1.")
    # an address a source cites, a sentence with a percentage: text
    assert not escaped_url_line("https://example.org/report%202019%20final.pdf")
    assert not escaped_url_line("Turnout rose by 12% to 64%, the highest since 1998.")
    assert not escaped_url_line("See page%2Fone%2Ftwo for the details")
