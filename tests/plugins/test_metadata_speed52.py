"""Cheaper steps of the metadata stage's text reader that give the same answers (s52
perfmd52): each gate proves that a pattern cannot match before the pattern is tried."""

from __future__ import annotations

import random
import re
from typing import Any

from corearchive_plugins.metadata import text as T

_SPACELESS_CHARS = [
    chr(c)
    for lo, hi in ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF))
    for c in range(lo, hi + 1)
]


def test_a_page_holds_a_spaceless_run_iff_it_holds_one_of_its_characters() -> None:
    # The page test looks for one character of the class (the engine's fast scan), not a
    # run of them: the same answer on every text.
    rng = random.Random(52)
    alphabet = [*"abc .,\n’é—", *rng.sample(_SPACELESS_CHARS, 20), "\u0dff", "\u1800", "\u10a0"]
    for _ in range(3000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        assert (T._SPACELESS_CHAR.search(s) is None) == (T._SPACELESS_RUN.search(s) is None)
    for c in _SPACELESS_CHARS:
        assert T._SPACELESS_CHAR.fullmatch(c) is not None
    # ... and a Thai headline is still counted in words by its letters
    page = T.Page("ข่าวเศรษฐกิจ\n\nราคาข้าวหอมมะลิพุ่งสูงสุดในรอบห้าปี\n\nBangkok – “Prices” rose.\n")
    assert page.nwords[1] == T.spaceless_words("ราคาข้าวหอมมะลิพุ่งสูงสุดในรอบห้าปี") > 1


class _Counting:
    """A pattern whose ``match`` and ``fullmatch`` calls are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def match(self, s: str) -> Any:
        self.calls += 1
        return self.pattern.match(s)

    def fullmatch(self, s: str) -> Any:
        self.calls += 1
        return self.pattern.fullmatch(s)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


def _old_blog_byline_names(s: str) -> list[str] | None:
    # (the body before the gate)
    if len(s) > 160:
        return None
    if (m := T._DATED_BYLINE.match(s)) is not None and T.find_dates([m["date"]]):
        return T._blog_names(m["names"])
    if (m := T._TIMED_BYLINE.fullmatch(s)) is not None:
        return T._blog_names(m["names"])
    if (m := T._FOLLOW_BYLINE.match(s)) is not None:
        names = m["names"]
        if not T._person_like(names) or any(
            w.lower() in T._TITLE_SMALL_WORDS for w in names.split()
        ):
            return None
        return T._blog_names(names)
    return None


_BYLINE_PIECES = [
    "Priya Raman", "Lena Vogt", "the team", "Posted by", "Published on", "November 8, 2026",
    "by", "at 10:14 AM", "·", "•", "|", " ", "Follow", "Folgen", "seguir", "2", "Read more",
    "Ray Whitford", "Publié le 27 octobre 2026 par", "Marie Dupont",
]  # fmt: skip


def test_blog_byline_reads_no_follow_pattern_on_a_line_without_its_separator(
    monkeypatch: Any,
) -> None:
    counting = _Counting(T._FOLLOW_BYLINE)
    monkeypatch.setattr(T, "_FOLLOW_BYLINE", counting)
    lines = [
        "The council met on Tuesday to discuss the budget for next year.",
        "Posted on November 8, 2026 by Margaret Hale",
        "Priya Raman Follow",
    ]
    for s in lines:
        T.blog_byline_names(s)
    assert counting.calls == 0
    assert T.blog_byline_names("Priya Raman · Follow") == ["Priya Raman"]
    assert counting.calls == 1


def test_blog_byline_names_as_before_on_random_lines() -> None:
    real = T._FOLLOW_BYLINE
    rng = random.Random(5252)
    for _ in range(3000):
        s = " ".join(rng.choice(_BYLINE_PIECES) for _ in range(rng.randrange(1, 7))).strip()
        assert T.blog_byline_names(s) == _old_blog_byline_names(s), s
    assert T._FOLLOW_BYLINE is real


_COMMENT_PAGE = [
    "Winter walks on the coast",
    "Posted by Ray Whitford at 10:14 AM",
    "",
    "2 comments:",
    "Anna said...",
    "Lovely photos of the bay.",
    "10 de noviembre de 2026, 19:45",
    "Tom wrote a long reply here that has no colon at its end",
    "Ben said…",
    "Thanks for the walk.",
    "11 November 2026 08:15",
]


def test_blog_comments_aside_reads_the_heading_pattern_on_closed_lines_only(
    monkeypatch: Any,
) -> None:
    counting = _Counting(T._BLOG_COMMENT_HEAD)
    monkeypatch.setattr(T, "_BLOG_COMMENT_HEAD", counting)
    cands: list[dict[str, Any]] = [
        {"line": 6, "alone": True, "time": ("19:45",)},
        {"line": 10, "alone": True, "time": ("08:15",)},
    ]
    T.blog_comments_aside(_COMMENT_PAGE, cands)
    assert all(c.get("comment") for c in cands)
    # (the lines above the last stamp that end with ":", "…" or "...": 3, 4, 8)
    assert counting.calls == 3


def _old_comments_aside(lines: list[str], cands: list[dict[str, Any]]) -> None:
    # (the body before the gate)
    stamps = {
        c["line"]
        for c in cands
        if c.get("alone") and c["line"] >= 0 and (c.get("time") or ("",))[0]
    }
    if not stamps:
        return
    last = max(stamps)
    marked: set[int] = set()
    for h in range(last):
        if not T._BLOG_COMMENT_HEAD.match(lines[h]):
            continue
        seen = 0
        for j in range(h + 1, last + 1):
            if not lines[j].strip():
                continue
            seen += 1
            if seen > T._BLOG_COMMENT_REACH:
                break
            if j in stamps:
                marked.add(j)
    for c in cands:
        if c["line"] in marked:
            c["comment"] = True


def test_blog_comments_aside_as_before_on_random_pages() -> None:
    rng = random.Random(525)
    pieces = [
        "3 comments", ":", " :", "...", "…", ". . .", "Anna", "said", "schrieb", "dijo",
        "  ", "\u2003", "\t", "The walk", "x", "10:14", "2 Kommentare",
    ]  # fmt: skip
    for _ in range(500):
        lines = [
            "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 5)))
            for _ in range(rng.randrange(2, 14))
        ]
        cands = [
            {"line": i, "alone": rng.random() < 0.8, "time": (rng.choice(["", "10:14"]),)}
            for i in rng.sample(range(len(lines)), rng.randrange(1, len(lines)))
        ]
        a, b = [dict(c) for c in cands], [dict(c) for c in cands]
        T.blog_comments_aside(lines, a)
        _old_comments_aside(lines, b)
        assert a == b, lines


def test_blog_byline_reads_the_comment_heading_pattern_on_closed_lines_only(
    monkeypatch: Any,
) -> None:
    # A page without a byline: every line is read for a comment section's mark, but the
    # heading's costly pattern only on a line that ends as a heading does (finalrev_B).
    counting = _Counting(T._BLOG_COMMENT_HEAD)
    monkeypatch.setattr(T, "_BLOG_COMMENT_HEAD", counting)
    lines = [
        "Winter walks on the coast",
        "The tide was out when we reached the bay and the light was low",
        "Tom wrote a long reply here that has no colon at its end",
        "Notes from the harbour:",
        "We walked on to the lighthouse and back before the rain came in",
    ]
    assert T.blog_byline(list(enumerate(lines))) is None
    assert counting.calls == 1
    # ... and a commenter's timed footer under a comment's header is still not the author
    page = [
        "Winter walks on the coast",
        "Posted by Ray Whitford at 10:14 AM",
        "Anna said...",
        "Lovely photos of the bay.",
        "Posted by Mike Jones at 9:14 PM",
    ]
    assert T.blog_byline(list(enumerate(page))) == (["Ray Whitford"], 1)
    assert T.blog_byline(list(enumerate(page[2:]))) is None


def test_blog_headline_reads_the_platform_widgets_after_the_dek_shape(monkeypatch: Any) -> None:
    # The head's widget lines are looked for only when the ranker's line and the one over
    # it are shaped as a dek under its headline (finalrev_B): not on a news page's headline.
    counting = _Counting(T._PLATFORM_WIDGET)
    monkeypatch.setattr(T, "_PLATFORM_WIDGET", counting)
    page = T.Page(
        "Home\n\nNews\n\nCouncil approves the new harbour budget\n\n"
        "The council voted on Tuesday to approve a budget for the harbour, which will be"
        " rebuilt over the next three years at a cost of twelve million.\n"
    )
    assert T.blog_headline(page, page.items[2][0], None) is None
    assert counting.calls == 0
    # ... and a Substack dek is still read, its platform's button found
    page = T.Page(
        "Subscribe\n\nWarum die Digitalisierung der Bahn stockt\n\n"
        "Ein Besuch im Stellwerk Hamburg-Harburg und was er über ein Milliardenprojekt"
        " verrät und warum es so lange dauert\n\nJonas Brenner\n\n12. Nov. 2026\n\n"
        "Der Zug steht seit zehn Minuten vor dem Stellwerk, und niemand weiß genau warum,"
        " sagt die Schaffnerin.\n"
    )
    got = T.blog_headline(page, page.items[2][0], page.items[3][0])
    assert got == (page.items[1][0], "Warum die Digitalisierung der Bahn stockt")
    assert counting.calls >= 1
