"""Cheaper steps of the boilerplate stage that give the same answers (s51 perf51)."""

from __future__ import annotations

import random
import re
import sys

from corearchive_plugins.boilerplate import lines as L
from corearchive_plugins.boilerplate import structures as S

_QA_PAGE = [
    "How do I copy hidden files with rsync?",
    "Asked 2 years, 3 months ago Modified 8 months ago Viewed 48k times",
    "12",
    "I want to copy a folder with its hidden files. What options do I need?",
    "rsync backup hidden-files",
    "Share Improve this question Follow",
    "asked Mar 3, 2023 at 10:12",
    "dana_k",
    "3 Answers",
    "Use rsync -av src/ dst/ and the dot files come along.",
    "Share Improve this answer Follow",
    "answered Mar 4, 2023 at 08:01",
    "karl_m",
    "Related questions",
    "How do I exclude a folder?",
]


def test_qa_chrome_reads_no_line_of_a_page_without_stamps(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A page with no "asked" or "answered" label at a line's start is told by one loop in C:
    # no line is read by _qa_stamp.
    calls = []
    real = S._qa_stamp
    monkeypatch.setattr(S, "_qa_stamp", lambda s: calls.append(s) or real(s))
    page = [ln for ln in _QA_PAGE if not ln.lower().startswith(("asked", "answered"))]
    assert S.qa_chrome(page, [True] * len(page)) == ([], [])
    assert calls == []
    # ... and a Q&A page is still read line by line
    assert S.qa_chrome(_QA_PAGE, [True] * len(_QA_PAGE)) != ([], [])
    assert calls


def _old_notice_phrase() -> re.Pattern[str]:
    """lines._NOTICE_PHRASE without its look-ahead (the phrases of other scripts than Latin,
    Cyrillic and Greek since read51 F5)."""
    return re.compile("(?i)" + L._phrases(L._OTHER_SCRIPT_NOTICES))


def test_notice_phrase_looks_ahead_for_first_letters() -> None:
    assert L._NOTICE_PHRASE.pattern.startswith("(?i)(?=[")


def test_notice_phrase_lookahead_admits_every_first_letter() -> None:
    # The look-ahead's class, case ignored, takes every character that any phrase's first
    # letter matches, case ignored (the engine's own case pairs: "ſ" for "s", "ı" for "i").
    every = "".join(map(chr, range(sys.maxunicode + 1))).replace("\n", "")
    every = "".join(c for c in every if not 0xD800 <= ord(c) <= 0xDFFF)
    source = L._NOTICE_PHRASE.pattern
    cls = re.compile(source[len("(?i)(?=") : source.index("])") + 1], re.I)
    admitted = set(cls.findall(every))
    for p in L._OTHER_SCRIPT_NOTICES:
        first = re.compile("(?i)" + re.escape(p.split()[0][0]))
        assert set(first.findall(every)) <= admitted, p


def test_notice_phrase_same_answers() -> None:
    old = _old_notice_phrase()
    rng = random.Random(7)
    phrases = list(L._OTHER_SCRIPT_NOTICES)
    filler = ["News", "2026", "©", "Tous", "ALL", "Rights", "všechna", "版权", "무단", "ſ", "—"]
    for _ in range(5000):
        parts = [rng.choice(filler) for _ in range(rng.randint(0, 6))]
        if rng.random() < 0.5:
            p = rng.choice(phrases)
            p = p.upper() if rng.random() < 0.3 else p
            p = p.replace(" ", "") if rng.random() < 0.2 else p
            parts.insert(rng.randint(0, len(parts)), p)
        line = " ".join(parts)
        assert (L._NOTICE_PHRASE.search(line) is None) == (old.search(line) is None), line


def _old_time_fact(s: str) -> bool:
    """structures._time_fact as written in s50 (the time-ago and read-time tests first)."""
    if not (0 < len(s.split()) <= S._FACT_WORDS and s[:1].isalpha()):
        return False
    unit = [m.end() for m in S._DURATION.finditer(s)]
    return (
        S._AGO.search(s) is None
        and S.READ_TIME.fullmatch(s) is None
        and (not S.stop_end(s) or (s.endswith(".") and unit[-1:] == [len(s) - 1]))
        and (bool(unit) or S._YIELD.search(s) is not None)
    )


def test_time_fact_asks_a_line_without_time_or_yield_nothing_more(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = []
    monkeypatch.setattr(S, "stop_end", lambda s: calls.append(s) or False)
    assert not S._time_fact("Most read stories")
    assert calls == []


def test_time_fact_same_answers() -> None:
    rng = random.Random(3)
    words = ["Prep:", "Cook", "15", "mins", "Serves", "4", "hours", "ago", "vor", "2", "Stunden",
             "5", "min", "read", "Gesamtzeit", "35", "Min.", "Easy", ".", "Temps", "1h", "6",
             "personnes", "Doses:", "the", "story"]  # fmt: skip
    for _ in range(5000):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(1, 7)))
        s = s.replace(" .", ".") if rng.random() < 0.5 else s
        assert S._time_fact(s) == _old_time_fact(s), s
