"""Session 49's fixes of the code reading of session 48's boilerplate rules (s49 acc-read
F1–F8, F15, F17): a long line through a forum's poster test, a widget or comments taken
for a thread's posts, a thread's last post removed, running heads of a two-sided layout,
a Vancouver citation, a line-end hyphen, a feed with teasers; excerpts of the reader's
inputs or small pages of the same shape."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from corearchive_plugins.boilerplate import structures

# F3: a poster's figures searched on a long line (8.6 s on 10,000 characters before)


@pytest.mark.parametrize(
    ("lines", "head"),
    [
        (["a" * 10000, "12 January 2025", "Hello there."], False),
        (["a" * 10000 + ": 12", "12 January 2025", "Hello there."], False),
        # (a short name over a long line with a time stays the head it was)
        (["dave_k", "b" * 10000 + " 12:30", "Hello there."], True),
    ],
)
def test_a_long_line_is_no_poster_at_once(lines: list[str], head: bool) -> None:
    start = time.perf_counter()
    assert structures._head(lines, 0, [False] * 3) is head
    assert structures.poster_name(lines[0]) == lines[0]
    assert time.perf_counter() - start < 0.5


def test_a_poster_with_figures_is_still_read() -> None:
    """The short lines the rule was written for keep their name."""
    assert structures.poster_name("helen_fletch70Posts: 2940") == "helen_fletch70"
    assert (
        structures.poster_name("stefan80Beiträge: 3203 · Registriert seit 5. Februar 2022")
        == "stefan80"
    )


# F1: a "Latest news" box or readers' comments taken for a thread's posts

_ARTICLE = [
    "The city council approved two new bus lanes on the harbour road on Tuesday evening, "
    "after a debate that lasted more than three hours.",
    "Work on the lanes is due to start in June and should be finished before the end of the "
    "year, the council's transport committee said.",
    "Shop owners along the road had asked for more parking instead, but the plan keeps only "
    "the spaces near the market hall.",
]


def _boxes(cls: str, texts: list[str]) -> str:
    return "".join(
        f"<div class='{cls}'><time>12 January 2025</time><p>{t}</p></div>" for t in texts
    )


def test_a_latest_news_box_led_by_the_story_is_no_thread() -> None:
    """The box lists the article itself first: its teaser is the article's lead, one of
    its three paragraphs; the other stories' teasers stay out."""
    from lxml import html as lh

    from corearchive_plugins.boilerplate.records import thread_posts

    others = ["The ferry company will raise its fares by six per cent from April.",
              "Twelve bands will play at this summer's harbour festival."]  # fmt: skip
    body = "".join(f"<p>{t}</p>" for t in _ARTICLE)
    box = _boxes("teaser", [_ARTICLE[0], *others])
    tree = lh.fromstring(f"<html><body><article>{body}</article><aside>{box}</aside></body></html>")
    assert thread_posts(tree, "\n".join(["Council approves new bus lanes", *_ARTICLE])) == []


def test_a_short_first_comment_inside_a_paragraph_is_no_thread() -> None:
    from lxml import html as lh

    from corearchive_plugins.boilerplate.records import thread_posts

    text = "Thanks to the volunteers, the beach will be ready for the summer season."
    box = _boxes("comment", ["Thanks", "The council should empty the bins more often.",
                             "Typical, the volunteers do the work."])  # fmt: skip
    tree = lh.fromstring(f"<html><body><article><p>{text}</p></article>{box}</body></html>")
    assert thread_posts(tree, text) == []


def test_a_thread_under_its_title_and_poster_keeps_its_replies() -> None:
    """The thread the rule was written for: trafilatura's text is the title, the first
    poster and date, and the first post, which is all of its sentences."""
    from lxml import html as lh

    from corearchive_plugins.boilerplate.records import thread_posts

    posts = [
        "My laptop does not find the wifi card any more. What can I do?",
        "You need the firmware package for the Intel card.",
        "That fixed it, thanks!",
    ]
    tree = lh.fromstring(f"<html><body><main>{_boxes('post', posts)}</main></body></html>")
    text = "\n".join(["Wifi card gone after update?", "dave_k", "12 January 2025", posts[0]])
    assert thread_posts(tree, text) == posts[1:]


# F2: a thread's last post whose first line ends in a colon was removed whole


def test_a_last_post_opening_a_list_stays(run_stage: Any) -> None:
    from test_boilerplate_structures import _clean

    text = (Path(__file__).parent / "data" / "readfix49_forum_list.txt").read_text()
    kept, gone = _clean(run_stage, text)
    last = text.rstrip("\n").split("\n")[-5:]  # (the post, not its time)
    assert [x for x in kept if x in last] == last, gone


# F6: the running heads of a two-sided layout, the journal's on even pages and the authors'
# on odd ones


def test_alternating_running_heads_are_removed() -> None:
    from corearchive_plugins.boilerplate.scholarly import RUNNING_HEAD_REASON, pdf_furniture

    heads = [
        "12                                   Journal of Applied Ecology",
        "Smith et al.                                   13",
        "14                                   Journal of Applied Ecology",
        "Smith et al.                                   15",
    ]
    lines: list[str] = []
    for h in heads:
        lines += ["The plots were surveyed in July of each year by two observers.", h]
    lines.append("Further work should test whether the gains last.")
    found = pdf_furniture(lines, [True] * len(lines))
    assert found == {j: RUNNING_HEAD_REASON for j, x in enumerate(lines) if x in heads}


def test_numbered_section_headings_stay() -> None:
    from corearchive_plugins.boilerplate.scholarly import pdf_furniture

    lines = []
    for h in ["1   Introduction", "2   Data and methods", "3   Results", "4   Discussion"]:
        lines += [h, "The plots were surveyed in July of each year by two observers."]
    assert pdf_furniture(lines, [True] * len(lines)) == {}


# F7: a Vancouver citation under its "How to cite" label


@pytest.mark.parametrize(
    "cite",
    [
        "Jensen K, Larsen P, Nielsen M. Long-term outcomes. Scand J Surg. 2021;110:45-53.",
        "Smith J, Brown A. A new method. Nature. 2020;580(7803):123-7.",
    ],
)
def test_a_vancouver_citation_is_a_citation(cite: str) -> None:
    from corearchive_plugins.boilerplate.scholarly import _CITATION

    assert _CITATION.search(cite)


def test_a_vancouver_citation_goes_with_its_label(run_stage: Any) -> None:
    from test_boilerplate_structures import _clean

    text = (Path(__file__).parent / "data" / "readfix49_vancouver.txt").read_text()
    kept, gone = _clean(run_stage, text)
    assert "How to cite this article" in gone
    assert not any("Scand J Surg" in x for x in kept), gone
    assert any(x.startswith("Hip fractures are among") for x in kept)


# F8: a line-end hyphen of a compound, or before a conjunction, joined into a non-word

_REPORT = "Most of the patients were able to return to the wards that were opened in the so-called"


@pytest.mark.parametrize(
    ("nxt", "joined"),
    [
        ("service wards that opened in 2019.", None),
        ("and the wards that opened in 2019.", None),
        # (a setter's break of one word still joins)
        ("ish attitude of the wards was noted.", "selfish"),
    ],
)
def test_a_hyphenated_compound_or_a_suspended_hyphen_stays(nxt: str, joined: str | None) -> None:
    from corearchive_plugins.boilerplate.reflow import broken_words

    got = broken_words([_REPORT + " self-", nxt])
    if joined is None:
        assert all(" self-" in cur for cur, _ in got.values())
        assert not any(w in str(got) for w in ("selfservice", "selfand"))
    else:
        assert got[0][0].endswith(joined)


def test_a_syllable_before_a_conjunctions_word_joins_as_the_text_writes_it() -> None:
    from corearchive_plugins.boilerplate.reflow import broken_words

    lines = ["The color of the water changed in the spring, and the first col-", "or of the sea."]
    assert broken_words(lines)[0][0].endswith("first color")


# F15: a site's feed with a teaser under each headline, under its box's label


def test_a_labelled_feed_with_teasers_goes_whole() -> None:
    from corearchive_plugins.boilerplate.feeds import feed_lines

    feed = ["Latest news",
            "16:58", "Ferry fares to rise in April",
            "The ferry company will raise its fares by six per cent from April.",
            "15:20", "School roof repairs delayed again",
            "Repairs to the roof of the north school will not start before autumn.",
            "13:05", "Council approves new bus lanes",
            "The council approved two new bus lanes on the harbour road on Tuesday."]  # fmt: skip
    lines = ["Twelve bands will play at this summer's harbour festival, the organisers said.",
             *feed]  # fmt: skip
    assert feed_lines(lines, [True] * len(lines)) == list(range(2, len(lines)))


# F19: the names other modules import are public


def test_no_private_stop_or_feature_name_is_imported_across_modules() -> None:
    import ast

    import corearchive_plugins.boilerplate as bp

    root = Path(bp.__file__).parent
    for path in root.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level:
                names = {a.name for a in node.names}
                assert not names & {"_stop_end", "_FI"}, (path.name, names)
