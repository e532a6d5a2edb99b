"""Session 51's fix of the code reading's F6 (s51 acc-read): the direction marks at a line's
end were searched from each mark of a run of marks and spaces, its length squared in steps
(a 20,000-character run: 5 s in :func:`tidy_text`, which reads every input text)."""

from __future__ import annotations

from corearchive.characters import _MARKS_AT_EDGES, tidy_text

_RUN_CHARS = " \t\u200e\u200f\u061c"


def test_the_end_marks_are_tried_from_a_runs_first_character_only() -> None:
    # (each attempt inside a run walks the rest of it: one attempt per run keeps it linear)
    inside = "word" + " \u200f" * 50 + " x"
    for line in (inside, inside[:-2]):
        tried = [
            p
            for p in range(1, len(line))
            if line[p - 1] in _RUN_CHARS and _MARKS_AT_EDGES.match(line, p) is not None
        ]
        assert tried == []


def test_marks_at_edges_and_in_words_are_dropped_the_spaces_stay() -> None:
    assert tidy_text("abc \u200f\ndef") == "abc \ndef"
    assert tidy_text("\u200f abc\u200f \u200e \nx") == " abc  \nx"
    assert tidy_text("a \u200fb\u200f") == "a \u200fb"
    # (the Arabic letter mark inside a word, as LRM and RLM)
    assert tidy_text("\u061cabc\u061cdef\u061c") == "abcdef"
    long = tidy_text("word " + "\u200f " * 20000 + "x")
    assert long.startswith("word \u200f ") and long.endswith(" x")
