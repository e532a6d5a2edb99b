"""Session 52's held-out losses (heldout52): readers' comments under an article, each under
the same header (a number, a reply button, the name, the time), whose single paragraphs the
line model kept between the removed headers. The pages are written for these tests."""

from __future__ import annotations

from typing import Any

from test_boilerplate_heldout49 import _ARTICLE

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.comments import (
    COMMENT_SECTION_REASON,
    comment_section_lines,
)

_COMMENTS = [
    ("Margaret Hollis", "14 March 2023 @ 08:12", "Finally! I have been driving round the bay "
     "for two months and it adds forty minutes to every trip into town."),
    ("tom_w", "14 March 2023 @ 09:40", "The port authority said in its annual report that the "
     "landing stage had been inspected in 2019 and found sound, so the question is why the "
     "piles failed within four years."),
    ("Anne Ferris", "14 March 2023 @ 11:05", "Free crossings for a week is a nice gesture, but "
     "the timetable still ends far too early in the evening for shift workers."),
    ("Peter", "14 March 2023 @ 13:27", "According to the council minutes, the ferry carried "
     "310,000 passengers in 2022, and the operator expects the new ramp to shorten boarding."),
]  # fmt: skip


def _section(comments: list[tuple[str, str, str]], reply: str = "Reply") -> list[str]:
    """A comment section as a browser's text writes it: each comment under its number, its
    reply button, its commenter and its time."""
    out = ["4 Comments"]
    for n, (who, when, para) in enumerate(comments, start=1):
        out += [f"{n}.", reply, who, when, para]
    return out


def test_comment_paragraphs_between_their_headers_go() -> None:
    """The held-out science blog: 40 comments under "Antworten" / name / "8. April 2019 @
    11:38", of which the model kept single paragraphs at 0.50–0.61."""
    lines = [*_ARTICLE, *_section(_COMMENTS)]
    paras = [j for j, line in enumerate(lines) if line in {c[2] for c in _COMMENTS}]
    keep = [True] * len(_ARTICLE) + [j in paras[1::2] for j in range(len(_ARTICLE), len(lines))]
    assert comment_section_lines(lines, keep) == paras[1::2]
    # the same shape in German, a greeting over the paragraph
    german = [(w, t.replace("March", "März"), p) for w, t, p in _COMMENTS]
    lines = [*_ARTICLE, *_section(german, "Antworten")]
    lines.insert(lines.index(german[2][2]), "Liebe Margaret,")
    keep = [True] * len(_ARTICLE) + [line == german[2][2] for line in lines[len(_ARTICLE) :]]
    assert comment_section_lines(lines, keep) == [lines.index(german[2][2])]


def test_what_is_no_comment_section_stays() -> None:
    lines = [*_ARTICLE, *_section(_COMMENTS)]
    keep = [True] * len(lines)
    # the kept lines outweigh the article's over them
    assert comment_section_lines(lines, keep) == []
    # two comments only
    short = [*_ARTICLE, *_section(_COMMENTS[:2])]
    assert comment_section_lines(short, [True] * len(short)) == []
    # no comment mark (no heading, no reply button): a dated list of entries, a live blog
    bare = [*_ARTICLE, *[x for x in _section(_COMMENTS, "•") if x != "4 Comments"]]
    assert comment_section_lines(bare, [True] * len(bare)) == []
    # no article over it: the page is its posts (a thread, a guestbook)
    alone = _section(_COMMENTS)
    assert comment_section_lines(alone, [True] * len(alone)) == []
    # an article's paragraph kept under the last comment's time is the comment's; the lines
    # after its paragraphs (a kept box of the page) are not
    tail = [*lines, "About the harbour", "The harbour office is open from 8 to 18."]
    last = [True] * len(_ARTICLE) + [j == len(lines) - 1 for j in range(len(_ARTICLE), len(tail))]
    found = comment_section_lines(tail, [*last[:-2], True, True])
    assert len(tail) - 2 not in found and len(tail) - 1 not in found
    assert found[-1] == len(lines) - 1


def test_the_stage_removes_the_kept_comment_paragraphs(run_stage: Any) -> None:
    """With the threshold low, the model keeps a comment paragraph that reads as the
    article's (a figure, a report quoted): it goes with the section's reason; the article
    stays whole."""
    text = "\n\n".join([*_ARTICLE, *_section(_COMMENTS)])
    doc = run_stage(
        BoilerplateStage, make_document(text, path="c.txt"), threshold=0.15, keep_removed=True
    ).kept[0]
    kept = doc.text.split("\n")
    assert all(line in kept for line in _ARTICLE[1:]), kept
    assert not {c[2] for c in _COMMENTS} & set(kept), kept
    gone = doc.annotations["boilerplate"]["removed"]
    reasons = dict(zip(gone["text"], gone["reason"], strict=True))
    assert COMMENT_SECTION_REASON in reasons.values()
