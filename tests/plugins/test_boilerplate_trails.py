"""A breadcrumb trail written on one line over the page's heading (s47 kinds): when the
heading is a question the line model read the trail as a sentence and kept it."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.trails import trail_lines

MENU = ["Skip to main content", "Hortus Forum", "Search", "Home", "Forums", "Members",
        "Rules", "Contact"]  # fmt: skip
TRAIL = "You are here: Home › Vegetables › Tomato leaves turning yellow – what am I doing wrong?"
HEAD = "Tomato leaves turning yellow – what am I doing wrong?"
TEXT = ["I have had this problem for about two weeks now and I am running out of ideas here.",
        "I have already tried the obvious things, but nothing has helped so far, sadly.",
        "The plants stand in a sunny spot and get watered every morning before work."]  # fmt: skip


def test_a_trail_over_a_question_is_removed(run_stage: Any) -> None:
    page = "\n\n".join([*MENU, TRAIL, HEAD, *TEXT, "© 2025 Hortus Forum"])
    got = run_stage(BoilerplateStage, make_document(page)).kept
    kept = got[0].text.split("\n")
    assert TRAIL not in kept
    assert [x for x in kept if x in TEXT] == TEXT


def test_arrows_in_a_sentence_are_no_trail() -> None:
    """A line with arrows whose last part is no line under it: a sentence of the text."""
    lines = ["Trains run Paris › Lille › Brussels every hour on weekdays, the operator said.",
             "Brussels", *TEXT]  # fmt: skip
    keep = [True] * len(lines)
    assert trail_lines(lines, keep) == []
